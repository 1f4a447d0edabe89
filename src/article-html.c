/*
 * HTML → text with libxml2's HTML parser: what Word, WPS and webmail send.
 * Scripts, styles, comments and the head are dropped; block elements end
 * paragraphs; entities (&nbsp; included) come out as characters.
 */
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"

static const char *const skipped[] = {
	"script", "style", "head", "title", "template", "noscript", "xml",
};
static const char *const blocks[] = {
	"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
	"table", "blockquote", "section", "article", "ul", "ol", "dd", "dt",
	"hr", "pre", "center",
};

static const char *const cells[] = { "td", "th" };

static gboolean
name_in(const xmlChar *name, const char *const *list, guint n)
{
	for (guint i = 0; i < n; i++)
		if (g_ascii_strcasecmp((const char *)name, list[i]) == 0)
			return TRUE;
	return FALSE;
}

static gboolean
is_cjk(gunichar c)
{
	return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x3ffff);
}

/* Append text with HTML whitespace rules: runs become one space, except
 * that a line break between two CJK characters is nothing. */
static void
append_text(GString *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		gboolean space = c == ' ' || c == '\t' || c == '\r' ||
		    c == '\n' || c == 0xa0;
		if (!space) {
			g_string_append_unichar(out, c);
			continue;
		}
		if (out->len == 0 || out->str[out->len - 1] == ' ' ||
		    out->str[out->len - 1] == '\n')
			continue;
		if (c == '\n' || c == '\r') {
			const char *next = g_utf8_next_char(p);
			gunichar prev = g_utf8_get_char(g_utf8_prev_char(
			    out->str + out->len));
			if (is_cjk(prev) && is_cjk(g_utf8_get_char(next)))
				continue;
		}
		g_string_append_c(out, ' ');
	}
}

static void
end_paragraph(GString *out)
{
	while (out->len > 0 && out->str[out->len - 1] == ' ')
		g_string_truncate(out, out->len - 1);
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
}

static void
walk(xmlNode *node, GString *out)
{
	for (; node != NULL; node = node->next) {
		if (node->type == XML_TEXT_NODE ||
		    node->type == XML_CDATA_SECTION_NODE) {
			append_text(out, (const char *)node->content);
			continue;
		}
		if (node->type != XML_ELEMENT_NODE ||
		    name_in(node->name, skipped, G_N_ELEMENTS(skipped)))
			continue;
		gboolean block = name_in(node->name, blocks,
		    G_N_ELEMENTS(blocks));
		if (block)
			end_paragraph(out);
		else if (name_in(node->name, cells, G_N_ELEMENTS(cells)))
			append_text(out, " ");
		walk(node->children, out);
		if (block)
			end_paragraph(out);
	}
}

char *
article_html_to_text(const char *html, gsize len)
{
	htmlDocPtr doc;
	GString *out = g_string_new(NULL);

	if (len == 0 || len > G_MAXINT)
		return g_string_free(out, FALSE);
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
	if (doc != NULL) {
		walk(doc->children, out);
		xmlFreeDoc(doc);
	}
	end_paragraph(out);
	return g_string_free(out, FALSE);
}
