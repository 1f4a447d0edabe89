/*
 * Headings in an article's text, as offices write them: 一、 at a
 * paragraph's start is a first-level heading, （一） a second-level one,
 * 一是 a leading phrase.  A heading is a short paragraph, or the first
 * sentence of a longer one (the rest is body text).  What could be running
 * text is no heading: 一、二月份 (a range of numerals), a long 一、 item
 * whose first sentence is not short, 一是否 (a question).
 */
#include <string.h>

#include "article.h"

/* Longest heading, in characters; GB/T 9704 headings are a line. */
#define HEADING_MAX	40
/* Longest leading phrase (一是……，). */
#define LEAD_MAX	30

static int
digit_value(gunichar c)
{
	static const gunichar digits[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d };	/* 一 … 九 */

	for (gsize i = 0; i < G_N_ELEMENTS(digits); i++)
		if (c == digits[i])
			return (int)i + 1;
	return 0;
}

#define TEN	0x5341		/* 十 */

static gboolean
is_numeral(gunichar c)
{
	return c == TEN || digit_value(c) > 0;
}

/*
 * A Chinese numeral from 1 to 99 at *P (一, 十, 十一, 二十, 二十三),
 * *P moved past it; 0 when there is none.
 */
static int
read_numeral(const char **p)
{
	const char *s = *p;
	gunichar c = g_utf8_get_char(s);
	int tens = 0, units = digit_value(c);

	if (units > 0) {
		s = g_utf8_next_char(s);
		c = g_utf8_get_char(s);
	}
	if (c == TEN) {
		tens = units > 0 ? units : 1;
		if (tens == 1 && units == 1)	/* 一十: not how offices count */
			return 0;
		s = g_utf8_next_char(s);
		units = digit_value(g_utf8_get_char(s));
		if (units > 0)
			s = g_utf8_next_char(s);
	}
	if (tens == 0 && units == 0)
		return 0;
	*p = s;
	return tens * 10 + units;
}

static gboolean
is_space(gunichar c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

static const char *
skip_spaces(const char *p)
{
	while (*p != '\0' && is_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/* Punctuation no heading opens with (一是，… is a list of clauses). */
static gboolean
is_stop(gunichar c)
{
	return (c == 0xff0c || c == 0x3002 || c == 0x3001 || c == 0xff1a ||
	    c == 0xff1b || c == ',' || c == '.' || c == ':' || c == ';');
}

/* The marker of LEVEL at P: the text after it, or NULL. */
static const char *
after_marker(const char *p, enum article_heading_level *level_r)
{
	const char *s = p;
	gunichar c = g_utf8_get_char(s);

	if (c == 0xff08 || c == '(') {		/* （一） (一) */
		s = g_utf8_next_char(s);
		if (read_numeral(&s) == 0)
			return NULL;
		c = g_utf8_get_char(s);
		if (c != 0xff09 && c != ')')
			return NULL;
		*level_r = ARTICLE_HEADING_2;
		return g_utf8_next_char(s);
	}
	if (read_numeral(&s) == 0)
		return NULL;
	c = g_utf8_get_char(s);
	if (c == 0x3001) {			/* 、 */
		s = g_utf8_next_char(s);
		/* 一、二月份, 一、二、三季度: numerals in a row */
		if (is_numeral(g_utf8_get_char(s)))
			return NULL;
		*level_r = ARTICLE_HEADING_1;
		return s;
	}
	if (c == 0x662f) {			/* 是 */
		s = g_utf8_next_char(s);
		if (g_utf8_get_char(s) == 0x5426)	/* 一是否 */
			return NULL;
		*level_r = ARTICLE_HEADING_LEAD;
		return s;
	}
	return NULL;
}

/*
 * Bytes of TEXT up to and including the first character of STOPS, when
 * that is within MAX characters; the whole of TEXT when it is that short
 * and has none; else 0.
 */
static gsize
phrase_length(const char *text, const gunichar *stops, gsize n_stops,
    glong max)
{
	glong n = 0;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (++n > max)
			return 0;
		for (gsize i = 0; i < n_stops; i++)
			if (c == stops[i])
				return (gsize)(g_utf8_next_char(p) - text);
	}
	return strlen(text);
}

gboolean
article_heading_find(const char *para, struct article_heading *h_r)
{
	static const gunichar sentence[] = { 0x3002, 0xff1a };	/* 。： */
	static const gunichar phrase[] = { 0xff0c, 0x3002 };	/* ，。 */
	enum article_heading_level level = ARTICLE_HEADING_NONE;
	const char *start = skip_spaces(para);
	const char *text = after_marker(start, &level);
	gsize len;

	h_r->level = ARTICLE_HEADING_NONE;
	h_r->len = 0;
	if (text == NULL || *skip_spaces(text) == '\0' ||
	    is_stop(g_utf8_get_char(skip_spaces(text))))
		return FALSE;
	if (level == ARTICLE_HEADING_LEAD)
		len = phrase_length(start, phrase, G_N_ELEMENTS(phrase),
		    LEAD_MAX);
	else
		len = phrase_length(start, sentence, G_N_ELEMENTS(sentence),
		    HEADING_MAX);
	if (len == 0)
		return FALSE;
	h_r->level = level;
	h_r->len = (gsize)(start - para) + len;
	return TRUE;
}
