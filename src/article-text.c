/*
 * Plain text → the article's paragraphs.  Mail text carries more than the
 * article: quoted replies, forwarded headers, signatures, hard wraps and
 * indentation.  This file removes them; what is left is one paragraph per
 * line.  It also finds an inline forward and splits it into the writer's
 * own text and the forwarded one; article.c decides which is the article.
 */
#include <string.h>

#include "article.h"

/* Lines after which nothing is the writer's own text: signatures. */
static const char *const end_markers[] = {
	"发自我的iPhone", "发自我的 iPhone", "发自我的iPad", "发自我的华为手机",
	"发自我的小米手机", "发自我的荣耀手机", "发自我的OPPO手机",
	"发自我的vivo手机", "发自我的手机", "来自网易邮箱大师", "来自网易邮箱",
	"来自我的华为手机", "来自我的iPhone", "Sent from my iPhone",
	"Sent from my iPad", "Sent from my Huawei", "Get Outlook for",
	"发自 Outlook", "从我的iPhone发送",
};

/*
 * Words inside a dashed rule ("-----原始邮件-----", "------------------ 原始
 * 邮件 ------------------").  Outlook, Foxmail and QQ Mail put the same
 * "original" rule above a quoted reply and above a forward.
 */
static const char *const either_words[] = {
	"原始邮件", "原邮件", "Original Message",
};
static const char *const forward_words[] = {
	"转发的邮件", "转发邮件信息", "转发邮件", "转发的消息", "转发消息",
	"Forwarded message",
};

/* Whole lines that only introduce a forward (Apple Mail). */
static const char *const forward_lines[] = {
	"Begin forwarded message:", "以下是转发的邮件：", "以下是转发的邮件:",
	"下面是被转发的邮件：", "转发的邮件：",
};

enum separator {
	SEPARATOR_NONE,
	SEPARATOR_REPLY,	/* attribution: "在…写道：", "On … wrote:" */
	SEPARATOR_EITHER,	/* reply or forward: -----Original Message----- */
	SEPARATOR_FORWARD,	/* ---------- Forwarded message --------- */
};

/* What a forwarded or quoted header line names. */
enum header_kind {
	HEADER_FROM, HEADER_DATE, HEADER_TO, HEADER_CC, HEADER_SUBJECT,
	HEADER_REPLY_TO,
};

static const struct {
	const char		*word;
	enum header_kind	 kind;
} header_words[] = {
	{ "发件人", HEADER_FROM }, { "From", HEADER_FROM },
	{ "日期", HEADER_DATE }, { "发送日期", HEADER_DATE },
	{ "发送时间", HEADER_DATE }, { "时间", HEADER_DATE },
	{ "Date", HEADER_DATE }, { "Sent", HEADER_DATE },
	{ "收件人", HEADER_TO }, { "To", HEADER_TO },
	{ "抄送", HEADER_CC }, { "抄送人", HEADER_CC }, { "Cc", HEADER_CC },
	{ "主题", HEADER_SUBJECT }, { "Subject", HEADER_SUBJECT },
	{ "Reply-To", HEADER_REPLY_TO },
};

/* Asked of every line: the first byte rules out most entries unread. */
static gboolean
starts_with_any(const char *line, const char *const *list, guint n)
{
	for (guint i = 0; i < n; i++)
		if (line[0] == list[i][0] && g_str_has_prefix(line, list[i]))
			return TRUE;
	return FALSE;
}

static gboolean
equals_any_ci(const char *s, const char *const *list, guint n)
{
	for (guint i = 0; i < n; i++)
		if (g_ascii_strcasecmp(s, list[i]) == 0)
			return TRUE;
	return FALSE;
}

/* The kind of header LINE is ("发件人：…", "Subject: …"), or -1; its value
 * starts at *VALUE_R. */
static int
header_kind(const char *line, const char **value_r)
{
	for (guint i = 0; i < G_N_ELEMENTS(header_words); i++) {
		gsize n = strlen(header_words[i].word);
		const char *p = line + n;
		if (g_ascii_strncasecmp(line, header_words[i].word, n) != 0)
			continue;
		if (*p == ' ')
			p++;
		if (*p != ':' && !g_str_has_prefix(p, "："))
			continue;
		*value_r = p + (*p == ':' ? 1 : strlen("："));
		return header_words[i].kind;
	}
	return -1;
}

/* "在 2026年11月3日 …，张三 写道：" / "On … wrote:" */
static gboolean
is_attribution(const char *line)
{
	return (g_str_has_prefix(line, "在") && (g_str_has_suffix(line, "写道：") ||
	    g_str_has_suffix(line, "写道:"))) ||
	    (g_str_has_prefix(line, "On ") && g_str_has_suffix(line, "wrote:"));
}

/* The words inside a rule of two or more dashes on each side, or NULL. */
static char *
rule_words(const char *line)
{
	gsize len = strlen(line), lead = strspn(line, "-"), trail = 0;

	while (trail < len && line[len - 1 - trail] == '-')
		trail++;
	if (lead < 2 || trail < 2 || lead + trail >= len)
		return NULL;
	return g_strstrip(g_strndup(line + lead, len - lead - trail));
}

/* LINE with no-break spaces as spaces: QQ Mail writes its rule with
 * &nbsp;, which survives as U+00A0, or literally in its plain text. */
static char *
plain_spaces(const char *line)
{
	g_auto(GStrv) words = g_strsplit(line, "&nbsp;", -1);
	g_autofree char *joined = g_strjoinv(" ", words);
	g_auto(GStrv) nbsp = g_strsplit(joined, "\u00a0", -1);

	return g_strjoinv(" ", nbsp);
}

static gboolean
has_nbsp(const char *line)
{
	return strstr(line, "&nbsp;") != NULL || strstr(line, "\u00a0") != NULL;
}

/* Could S start a separator?  What every kind needs at its start: an
 * attribution's 在 or On, a rule's dashes or underscores, a forward line. */
static gboolean
may_be_separator(const char *s)
{
	return *s == '-' || *s == '_' || g_str_has_prefix(s, "在") ||
	    g_str_has_prefix(s, "On ") ||
	    starts_with_any(s, forward_lines, G_N_ELEMENTS(forward_lines));
}

/* What the trimmed LINE starts: a quote, a forward, either, or nothing.
 * Asked of every line of every mail: copies only what needs changing. */
static enum separator
separator_of(const char *line)
{
	g_autofree char *spaced = NULL;
	g_autofree char *words = NULL;
	const char *s = line;

	if (has_nbsp(line))
		s = spaced = plain_spaces(line);
	if (!may_be_separator(s))
		return SEPARATOR_NONE;
	words = rule_words(s);
	if (is_attribution(s))
		return SEPARATOR_REPLY;
	if (strlen(s) >= 10 && strspn(s, "_") == strlen(s))
		return SEPARATOR_EITHER;
	if (starts_with_any(s, forward_lines, G_N_ELEMENTS(forward_lines)))
		return SEPARATOR_FORWARD;
	if (words == NULL)
		return SEPARATOR_NONE;
	if (equals_any_ci(words, forward_words, G_N_ELEMENTS(forward_words)))
		return SEPARATOR_FORWARD;
	if (equals_any_ci(words, either_words, G_N_ELEMENTS(either_words)))
		return SEPARATOR_EITHER;
	return SEPARATOR_NONE;
}

static gboolean
line_ends_article(const char *line)
{
	if (strcmp(line, "-- ") == 0 || strcmp(line, "--") == 0)
		return TRUE;
	return starts_with_any(line, end_markers, G_N_ELEMENTS(end_markers)) ||
	    separator_of(line) != SEPARATOR_NONE;
}

/* S after its ASCII, ideographic and no-break spaces. */
static const char *
skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		else if (g_str_has_prefix(s, "\u3000") ||
		    g_str_has_prefix(s, "\u00a0"))
			s = g_utf8_next_char(s);
		else
			return s;
	}
}

/* Trim ASCII and ideographic spaces at both ends, in place. */
static char *
trim_line(char *s)
{
	char *end;

	s += skip_spaces(s) - s;
	end = s + strlen(s);
	while (end > s) {
		char *prev = g_utf8_prev_char(end);
		gunichar c = g_utf8_get_char(prev);
		if (c != ' ' && c != '\t' && c != '\r' && c != 0x3000 &&
		    c != 0xa0)
			break;
		end = prev;
	}
	*end = '\0';
	return s;
}

static gboolean
is_blank(const char *s)
{
	g_autofree char *copy = g_strdup(s);

	return *trim_line(copy) == '\0';
}

/* TEXT's lines, CR LF and lone CR taken as line ends. */
static char **
split_lines(const char *text)
{
	g_autofree char *unix_text = g_strdup(text);

	for (char *p = unix_text; (p = strchr(p, '\r')) != NULL; p++)
		*p = p[1] == '\n' ? ' ' : '\n';
	return g_strsplit(unix_text, "\n", -1);
}

/* LINES[FROM, TO) as one text. */
static char *
join_lines(char **lines, guint from, guint to)
{
	GString *out = g_string_new(NULL);

	for (guint i = from; i < to && lines[i] != NULL; i++) {
		g_string_append(out, lines[i]);
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

/*
 * Skip the header block of a forward or quote starting at LINES[*I]: the
 * number of header lines, its Subject in *SUBJECT_R (or NULL).  Long values
 * go on over indented lines.  QQ Mail leaves a blank line before 主题, so a
 * blank line ends the block only when no header of a kind not seen yet
 * follows it: a body starting with "时间：…" after the block's date stays.
 */
static guint
skip_header_block(char **lines, guint *i_r, char **subject_r)
{
	guint i = *i_r, seen = 0, n = 0;

	*subject_r = NULL;
	while (lines[i] != NULL && is_blank(lines[i]))
		i++;
	for (;; n++) {
		guint j = i;
		const char *value;
		int kind;
		g_autofree char *line = NULL;

		while (lines[j] != NULL && is_blank(lines[j]))
			j++;
		if (lines[j] == NULL)
			break;
		line = g_strdup(lines[j]);
		kind = header_kind(trim_line(line), &value);
		if (kind < 0 || (j > i && (seen & (1u << kind)) != 0))
			break;
		seen |= 1u << kind;
		if (kind == HEADER_SUBJECT && *subject_r == NULL)
			*subject_r = g_strstrip(g_strdup(value));
		for (i = j + 1; lines[i] != NULL && (*lines[i] == ' ' ||
		    *lines[i] == '\t') && !is_blank(lines[i]); i++)
			;
	}
	*i_r = i;
	return n;
}

/* The separator LINES[I] is, trimmed; copied only when it may be one. */
static enum separator
separator_at(char **lines, guint i)
{
	g_autofree char *line = NULL;

	if (!has_nbsp(lines[i]) && !may_be_separator(skip_spaces(lines[i])))
		return SEPARATOR_NONE;
	line = g_strdup(lines[i]);
	return separator_of(trim_line(line));
}

static struct article_forward *
forward_new(char **lines, guint at, guint body, char *subject)
{
	struct article_forward *f = g_new0(struct article_forward, 1);

	f->own = join_lines(lines, 0, at);
	f->subject = subject;
	f->text = join_lines(lines, body, G_MAXUINT);
	return f;
}

/*
 * The first separator decides: a reply's attribution, or a rule replies
 * use too when the subject does not say forward, is a reply.  Such a rule
 * with no header block under it is only a rule (a signature's).
 */
struct article_forward *
article_forward_split(const char *text, gboolean forward)
{
	g_auto(GStrv) lines = split_lines(text);

	for (guint i = 0; lines[i] != NULL; i++) {
		enum separator sep = separator_at(lines, i);
		guint body = i + 1, headers;
		char *subject;

		if (sep == SEPARATOR_NONE)
			continue;
		if (sep == SEPARATOR_REPLY || (sep == SEPARATOR_EITHER &&
		    !forward))
			return NULL;
		headers = skip_header_block(lines, &body, &subject);
		if (sep == SEPARATOR_FORWARD || headers > 0)
			return forward_new(lines, i, body, subject);
		g_free(subject);
	}
	return NULL;
}

void
article_forward_free(struct article_forward *f)
{
	if (f == NULL)
		return;
	g_free(f->own);
	g_free(f->subject);
	g_free(f->text);
	g_free(f);
}

/* A line that ends a paragraph: sentence or quote punctuation. */
static gboolean
ends_sentence(const char *line)
{
	static const char *const ends[] = {
		"。", "！", "？", "：", "；", "”", "」", "』", "）", ":", ".",
		"!", "?", ";",
	};

	for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
		if (g_str_has_suffix(line, ends[i]))
			return TRUE;
	return FALSE;
}

/*
 * The wrap width of hard-wrapped text: the longest line, when at least two
 * lines reach it within a few characters; 0 when the text is not wrapped.
 * CHARS holds each line's length in characters.
 */
static glong
wrap_width(GArray *chars)
{
	glong longest = 0;
	guint near = 0;

	for (guint i = 0; i < chars->len; i++)
		longest = MAX(longest, g_array_index(chars, glong, i));
	for (guint i = 0; i < chars->len; i++)
		if (g_array_index(chars, glong, i) >= longest - 4)
			near++;
	return longest >= 30 && near >= 2 ? longest : 0;
}

/*
 * LINES' paragraphs onto OUT, one a line: the lines of a hard-wrapped
 * paragraph joined back together.  First paragraphs that repeat TITLE
 * (or NULL) are left out.
 */
static void
unwrap_into(GString *out, GPtrArray *lines, const char *title)
{
	g_autoptr(GArray) chars = g_array_sized_new(FALSE, FALSE,
	    sizeof(glong), lines->len);
	g_autoptr(GString) para = g_string_new(NULL);
	glong width;

	for (guint i = 0; i < lines->len; i++) {
		glong n = g_utf8_strlen(lines->pdata[i], -1);
		g_array_append_val(chars, n);
	}
	width = wrap_width(chars);
	for (guint i = 0; i < lines->len; i++) {
		const char *line = lines->pdata[i];
		glong n = g_array_index(chars, glong, i);

		g_string_append(para, line);
		if (width > 0 && n >= 30 && n >= width - 4 &&
		    !ends_sentence(line) && i + 1 < lines->len)
			continue;
		if (out->len > 0 || title == NULL ||
		    strcmp(para->str, title) != 0) {
			if (out->len > 0)
				g_string_append_c(out, '\n');
			g_string_append_len(out, para->str, para->len);
		}
		g_string_truncate(para, 0);
	}
}

/* Non-empty trimmed lines of the writer's own part of LINES (trimmed in
 * place; the array borrows them). */
static GPtrArray *
article_lines(char **lines)
{
	GPtrArray *out = g_ptr_array_new();

	for (guint i = 0; lines[i] != NULL; i++) {
		char *line = trim_line(lines[i]);
		if (line_ends_article(line))
			break;
		if (*line == '\0' || *line == '>')
			continue;
		g_ptr_array_add(out, line);
	}
	return out;
}

char *
article_body_from_text(const char *text, const char *title)
{
	g_auto(GStrv) all = split_lines(text);
	g_autoptr(GPtrArray) lines = article_lines(all);
	GString *out = g_string_new(NULL);

	unwrap_into(out, lines, title);
	return g_string_free(out, FALSE);
}

char **
article_paragraphs(const char *body)
{
	return g_strsplit(body, "\n", -1);
}

glong
article_length(const char *body)
{
	glong n = 0;

	for (const char *p = body; *p != '\0'; p = g_utf8_next_char(p))
		if (*p != '\n')
			n++;
	return n;
}
