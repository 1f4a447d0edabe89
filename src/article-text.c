/*
 * Plain text → the article's paragraphs.  Mail text carries more than the
 * article: quoted replies, forwarded headers, signatures, hard wraps and
 * indentation.  This file removes them; what is left is one paragraph per
 * line.
 */
#include <string.h>

#include "article.h"

/* Lines after which nothing is the article: quotes and signatures. */
static const char *const end_markers[] = {
	"-----原始邮件-----", "----- 原始邮件 -----", "-----Original Message-----",
	"----- Original Message -----", "________________________________",
	"发自我的iPhone", "发自我的 iPhone", "发自我的iPad", "发自我的华为手机",
	"发自我的小米手机", "发自我的荣耀手机", "发自我的OPPO手机",
	"发自我的vivo手机", "发自我的手机", "来自网易邮箱大师", "来自网易邮箱",
	"来自我的华为手机", "来自我的iPhone", "Sent from my iPhone",
	"Sent from my iPad", "Sent from my Huawei", "Get Outlook for",
	"发自 Outlook", "从我的iPhone发送",
};

/* Lines that introduce a forwarded message written into the text. */
static const char *const forward_markers[] = {
	"-----转发的邮件-----", "----- 转发的邮件 -----", "---------- 转发的邮件 ----------",
	"---------- Forwarded message ---------", "-------- Forwarded Message --------",
	"Begin forwarded message:", "-------- 转发邮件信息 --------",
	"----- Forwarded Message -----",
};

/* Header lines of a forwarded or quoted block. */
static const char *const header_words[] = {
	"发件人", "From", "日期", "Date", "发送时间", "Sent", "时间", "主题",
	"Subject", "收件人", "To", "抄送", "Cc", "Reply-To",
};

static gboolean
starts_with_any(const char *line, const char *const *list, guint n)
{
	for (guint i = 0; i < n; i++)
		if (g_str_has_prefix(line, list[i]))
			return TRUE;
	return FALSE;
}

static gboolean
is_header_line(const char *line)
{
	for (guint i = 0; i < G_N_ELEMENTS(header_words); i++) {
		gsize n = strlen(header_words[i]);
		if (g_ascii_strncasecmp(line, header_words[i], n) == 0 &&
		    (line[n] == ':' || g_str_has_prefix(line + n, "：") ||
		    (line[n] == ' ' && (line[n + 1] == ':' ||
		    g_str_has_prefix(line + n + 1, "：")))))
			return TRUE;
	}
	return FALSE;
}

/* "在 2026年11月3日 …，张三 写道：" / "On … wrote:" */
static gboolean
is_attribution(const char *line)
{
	return (g_str_has_prefix(line, "在") && (g_str_has_suffix(line, "写道：") ||
	    g_str_has_suffix(line, "写道:"))) ||
	    (g_str_has_prefix(line, "On ") && g_str_has_suffix(line, "wrote:"));
}

static gboolean
line_ends_article(const char *line)
{
	if (strcmp(line, "-- ") == 0 || strcmp(line, "--") == 0)
		return TRUE;
	return starts_with_any(line, end_markers, G_N_ELEMENTS(end_markers)) ||
	    is_attribution(line);
}

/* Trim ASCII and ideographic spaces at both ends, in place. */
static char *
trim_line(char *s)
{
	char *end;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		else if (g_str_has_prefix(s, "\u3000") ||
		    g_str_has_prefix(s, "\u00a0"))
			s = g_utf8_next_char(s);
		else
			break;
	}
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

/*
 * Index of the first line of the forwarded text when LINES is a bare
 * inline forward (nothing above the marker), else -1.
 */
static int
forwarded_start(char **lines)
{
	guint i = 0;

	while (lines[i] != NULL && is_blank(lines[i]))
		i++;
	if (lines[i] == NULL || !starts_with_any(trim_line(lines[i]),
	    forward_markers, G_N_ELEMENTS(forward_markers)))
		return -1;
	for (i++; lines[i] != NULL; i++) {
		char *line = trim_line(lines[i]);
		if (*line != '\0' && !is_header_line(line))
			break;
	}
	return lines[i] != NULL ? (int)i : -1;
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

/* Join lines of hard-wrapped paragraphs back together. */
static GPtrArray *
unwrap(GPtrArray *lines)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GArray) chars = g_array_sized_new(FALSE, FALSE,
	    sizeof(glong), lines->len);
	GString *para = NULL;
	glong width;

	for (guint i = 0; i < lines->len; i++) {
		glong n = g_utf8_strlen(lines->pdata[i], -1);
		g_array_append_val(chars, n);
	}
	width = wrap_width(chars);
	for (guint i = 0; i < lines->len; i++) {
		const char *line = lines->pdata[i];
		glong n = g_array_index(chars, glong, i);

		if (para == NULL)
			para = g_string_new(NULL);
		g_string_append(para, line);
		if (width > 0 && n >= 30 && n >= width - 4 &&
		    !ends_sentence(line) && i + 1 < lines->len)
			continue;
		g_ptr_array_add(out, g_string_free(para, FALSE));
		para = NULL;
	}
	if (para != NULL)
		g_ptr_array_add(out, g_string_free(para, FALSE));
	return out;
}

/* Non-empty trimmed lines of the article part of TEXT. */
static GPtrArray *
article_lines(const char *text)
{
	g_autofree char *unix_text = g_strdup(text);
	g_auto(GStrv) lines = NULL;
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	int from;

	for (char *p = unix_text; *p != '\0'; p++)
		if (*p == '\r')
			*p = p[1] == '\n' ? ' ' : '\n';
	lines = g_strsplit(unix_text, "\n", -1);
	from = forwarded_start(lines);
	for (guint i = from < 0 ? 0 : from; lines[i] != NULL; i++) {
		char *line = trim_line(lines[i]);
		if (line_ends_article(line) || (from < 0 &&
		    starts_with_any(line, forward_markers,
		    G_N_ELEMENTS(forward_markers))))
			break;
		if (*line == '\0' || *line == '>')
			continue;
		g_ptr_array_add(out, g_strdup(line));
	}
	return out;
}

char *
article_body_from_text(const char *text, const char *title)
{
	g_autoptr(GPtrArray) lines = article_lines(text);
	g_autoptr(GPtrArray) paras = unwrap(lines);
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < paras->len; i++) {
		const char *p = paras->pdata[i];
		if (out->len == 0 && title != NULL && strcmp(p, title) == 0)
			continue;
		if (out->len > 0)
			g_string_append_c(out, '\n');
		g_string_append(out, p);
	}
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
