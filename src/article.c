/* Titles and bodies of contributed articles; see article.h. */
#include <string.h>

#include "article.h"
#include "header.h"

/* Prefixes mailers and people put before the real title. */
static const char *const title_prefixes[] = {
	"re:", "re：", "回复:", "回复：", "答复:", "答复：", "fw:", "fw：",
	"fwd:", "fwd：", "转发:", "转发：", "投稿:", "投稿：", "供稿:", "供稿：",
	"来稿:", "来稿：", "【投稿】", "[投稿]", "【供稿】", "[供稿]",
	"【来稿】", "投稿-", "供稿-", "投稿—", "供稿—", "报送:", "报送：",
};

/* Words that make a bracketed prefix (【简报投稿】, [信息报送]) a label. */
static const char *const label_words[] = {
	"稿", "简报", "报送", "信息",
};

/* Length of a bracketed label such as 【简报投稿】 at S, or 0. */
static gsize
label_len(const char *s)
{
	static const char *const pairs[][2] = { { "【", "】" }, { "[", "]" } };

	for (guint i = 0; i < G_N_ELEMENTS(pairs); i++) {
		const char *end;
		g_autofree char *inside = NULL;
		if (!g_str_has_prefix(s, pairs[i][0]) ||
		    (end = strstr(s, pairs[i][1])) == NULL)
			continue;
		inside = g_strndup(s, end - s);
		for (guint j = 0; j < G_N_ELEMENTS(label_words); j++)
			if (strstr(inside, label_words[j]) != NULL)
				return end - s + strlen(pairs[i][1]);
	}
	return 0;
}

/* Length of a known prefix at the start of S, or 0. */
static gsize
prefix_len(const char *s)
{
	for (guint i = 0; i < G_N_ELEMENTS(title_prefixes); i++) {
		gsize n = strlen(title_prefixes[i]);
		if (g_ascii_strncasecmp(s, title_prefixes[i], n) == 0)
			return n;
	}
	return 0;
}

char *
article_title_from_subject(const char *subject)
{
	g_autofree char *line = header_sanitize(subject);
	const char *p = line;
	gsize n;

	for (;;) {
		while (*p == ' ')
			p++;
		if ((n = prefix_len(p)) == 0 && (n = label_len(p)) == 0)
			break;
		p += n;
	}
	return g_strdup(*p != '\0' ? p : "（无标题）");
}

/* Lines that start what is not the article: quotes, forwards, signatures. */
static gboolean
line_ends_article(const char *line)
{
	static const char *const starts[] = {
		"-----原始邮件-----", "-----Original Message-----",
		"-----转发的邮件-----", "---------- Forwarded message",
		"发自我的iPhone", "发自我的华为手机", "发自我的手机",
		"Sent from my iPhone",
	};

	if (strcmp(line, "-- ") == 0 || strcmp(line, "--") == 0)
		return TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(starts); i++)
		if (g_str_has_prefix(line, starts[i]))
			return TRUE;
	return g_str_has_prefix(line, "在") && g_str_has_suffix(line, "写道：");
}

/* Trim ASCII and ideographic spaces (U+3000) at both ends, in place. */
static char *
trim_paragraph(char *s)
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

char *
article_body_from_text(const char *text, const char *title)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	GString *out = g_string_new(NULL);

	for (guint i = 0; lines[i] != NULL; i++) {
		char *line;

		if (line_ends_article(lines[i]))
			break;
		line = trim_paragraph(lines[i]);
		if (*line == '\0' || *line == '>')
			continue;
		if (out->len == 0 && title != NULL && strcmp(line, title) == 0)
			continue;
		if (out->len > 0)
			g_string_append_c(out, '\n');
		g_string_append(out, line);
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
