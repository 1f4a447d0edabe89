/*
 * The bulletin's layout, after the sample issue: title, 第N期, editing
 * office and date, a rule; each article's headline, paragraphs and
 * （单位供稿）; then 报：/发： and 主编/邮箱 after a rule.
 */
#include <string.h>

#include "article.h"
#include "log.h"
#include "mail.h"
#include "render-docx.h"
#include "render-pdf.h"
#include "render.h"
#include "title-break.h"
#include "typeface.h"

#define RULE_HEAVY "══════════════════════════════"
#define RULE_LIGHT "──────────────────────────────"
#define INDENT "\u3000\u3000"

static void
text_article(GString *out, const struct issue_article *a)
{
	g_auto(GStrv) paras = article_paragraphs(a->body);

	g_string_append_printf(out, "%s\n\n", a->title);
	for (guint i = 0; paras[i] != NULL; i++)
		if (*paras[i] != '\0')
			g_string_append_printf(out, INDENT "%s\n", paras[i]);
	g_string_append_printf(out, "\n（%s供稿）\n\n", a->unit_name);
}

char *
issue_number_text(const struct issue_view *v)
{
	g_autofree char *total = NULL;

	if (v->number_label != NULL)
		return g_strdup(v->number_label);
	total = v->total_number > 0 ? g_strdup_printf("（总第%d期）",
	    v->total_number) : g_strdup("");
	return g_strdup_printf("%s第%d期%s", v->supplement ? "增刊" : "",
	    v->number, total);
}

static char *
render_text(const struct config *c, const struct issue_view *v)
{
	GString *out = g_string_new(NULL);

	g_autofree char *number = issue_number_text(v);

	g_string_append_printf(out, "%s\n\n%s\n\n%s\u3000\u3000%s\n%s\n\n",
	    c->bulletin.title, number, c->bulletin.office, v->date,
	    RULE_HEAVY);
	if (v->note != NULL)
		g_string_append_printf(out, "【编者按】%s\n\n", v->note);
	for (guint i = 0; i < v->articles->len; i++)
		text_article(out, v->articles->pdata[i]);
	g_string_append_printf(out, "%s\n报：%s\n", RULE_LIGHT, c->bao.label);
	if (c->song.label != NULL)
		g_string_append_printf(out, "送：%s\n", c->song.label);
	g_string_append_printf(out, "发：%s\n", c->fa.label);
	if (v->extra_label != NULL)
		g_string_append_printf(out, "本期增发：%s\n", v->extra_label);
	g_string_append_printf(out, "主编：%s\u3000邮箱：%s\n",
	    c->bulletin.chief_editor, c->bulletin.mailbox);
	return g_string_free(out, FALSE);
}

/*
 * The head: a phone's viewport, and the print sheet for A4 on the
 * GB/T 9704 margins with a 三号 (16pt) body.  The layout itself is in
 * inline styles, which mail clients that drop <style> still keep; the
 * sheet only refines it (print, and !important over the inline sizes).
 */
#define HTML_HEAD \
	"<meta name=\"viewport\" content=\"width=device-width, " \
	"initial-scale=1\">\n" \
	"<style>\n" \
	"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n" \
	"@media print {\n" \
	"  body { max-width: none !important; margin: 0 !important;" \
	" padding: 0 !important; font-size: 16pt !important; color: #000; }\n" \
	"  h2 { break-inside: avoid; page-break-inside: avoid;" \
	" break-after: avoid; page-break-after: avoid; }\n" \
	"  .masthead { font-size: 22pt !important; }\n" \
	"}\n" \
	"</style>"

/* Append TEXT escaped for HTML element content. */
static void
html_escaped(GString *out, const char *text)
{
	g_autofree char *e = g_markup_escape_text(text, -1);

	g_string_append(out, e);
}

/* font-family:…; of role FACE (no quote that could end the attribute). */
static void
html_font(GString *out, const struct config *c, enum typeface face)
{
	g_autofree char *families = typeface_css(typeface_families(c, face),
	    face);

	g_string_append_printf(out, "font-family:%s;", families);
}

/*
 * The masthead title on one line at any width: its size follows the
 * viewport and the title's length (1.1em a character with the spacing),
 * up to 28px.
 */
static void
html_masthead_title(GString *out, const struct config *c, const char *title)
{
	glong n = MAX(g_utf8_strlen(title, -1), 1);
	double vw = 88.0 / (n * 1.1);
	double px = MIN(28.0, 560.0 / (n * 1.1));

	g_string_append(out, "<div class=\"masthead\" style=\"");
	html_font(out, c, TYPEFACE_TITLE);
	g_string_append_printf(out, "text-align:center;color:#c00000;"
	    "font-weight:bold;white-space:nowrap;letter-spacing:0.1em;font-size:%.0fpx;"
	    "font-size:clamp(12px,%.2fvw,%.0fpx)\">", px, vw, px);
	html_escaped(out, title);
	g_string_append(out, "</div>\n");
}

/*
 * Office and date, each a whole unit (nowrap): side by side when they
 * fit, else the date on a line of its own, never broken inside a word.
 */
static void
html_masthead(GString *out, const struct config *c,
    const struct issue_view *v)
{
	g_autofree char *number = issue_number_text(v);

	html_masthead_title(out, c, c->bulletin.title);
	g_string_append(out, "<div style=\"text-align:center;"
	    "font-size:18px;margin:8px 0\">");
	html_escaped(out, number);
	g_string_append(out, "</div>\n");
	g_string_append(out, "<div class=\"rule\" style=\"display:flex;"
	    "flex-wrap:wrap;justify-content:space-between;padding:4px 0;"
	    "font-size:16px;font-size:clamp(13px,4vw,16px);"
	    "border-bottom:2px solid #c00000\">"
	    "<span class=\"office\" style=\"white-space:nowrap\">");
	html_escaped(out, c->bulletin.office);
	g_string_append(out, "</span> <span class=\"date\" style=\""
	    "white-space:nowrap;margin-left:auto\">");
	html_escaped(out, v->date);
	g_string_append(out, "</span></div>\n");
}

#define PARA_STYLE "text-indent:2em;line-height:1.8;margin:0 0 6px 0"

static const char *const heading_class[] = {
	[ARTICLE_HEADING_1] = "heading1",
	[ARTICLE_HEADING_2] = "heading2",
	[ARTICLE_HEADING_LEAD] = "lead",
};

/* The class and style of a heading of LEVEL: its role's font, or bold
 * for a 一是 phrase, then the declarations MORE. */
static void
html_heading_attrs(GString *out, const struct config *c,
    enum article_heading_level level, const char *more)
{
	g_string_append_printf(out, " class=\"%s\" style=\"",
	    heading_class[level]);
	if (level == ARTICLE_HEADING_LEAD)
		g_string_append(out, "font-weight:bold;");
	else
		html_font(out, c, level == ARTICLE_HEADING_1 ?
		    TYPEFACE_HEADING1 : TYPEFACE_HEADING2);
	g_string_append_printf(out, "%s\"", more);
}

/* A paragraph; a heading in it (or all of it) in its level's face. */
static void
html_paragraph(GString *out, const struct config *c, const char *para)
{
	struct article_heading h;
	g_autofree char *head = NULL;
	gboolean whole;

	if (!article_heading_find(para, &h)) {
		g_string_append(out, "<p style=\"" PARA_STYLE "\">");
		html_escaped(out, para);
		g_string_append(out, "</p>\n");
		return;
	}
	whole = h.level != ARTICLE_HEADING_LEAD && para[h.len] == '\0';
	head = g_strndup(para, h.len);
	g_string_append(out, "<p");
	if (whole) {
		html_heading_attrs(out, c, h.level, PARA_STYLE);
		g_string_append_c(out, '>');
		html_escaped(out, para);
		g_string_append(out, "</p>\n");
		return;
	}
	g_string_append(out, " style=\"" PARA_STYLE "\"><span");
	html_heading_attrs(out, c, h.level, "");
	g_string_append_c(out, '>');
	html_escaped(out, head);
	g_string_append(out, "</span>");
	html_escaped(out, para + h.len);
	g_string_append(out, "</p>\n");
}

/* Is a Chinese character on either side of byte AT of TEXT?  keep-all
 * keeps only those together: Latin wraps as it always does. */
static gboolean
beside_chinese(const char *text, gsize at)
{
	const char *p = text + at;

	return (at > 0 && g_unichar_iswide_cjk(g_utf8_get_char(
	    g_utf8_prev_char(p)))) || (*p != '\0' &&
	    g_unichar_iswide_cjk(g_utf8_get_char(p)));
}

/*
 * TITLE escaped, with a <wbr> where a line may end between words or at
 * punctuation beside Chinese (title-break.h): with word-break: keep-all,
 * the browser wraps a headline only there or at its spaces, and
 * text-wrap: balance evens the lines, at any width the page is read at.
 */
static void
html_headline(GString *out, const char *title)
{
	g_autoptr(GArray) points = title_break_points(title);
	gsize at = 0;

	for (guint i = 0; i < points->len; i++) {
		const struct title_break_point *p = &g_array_index(points,
		    struct title_break_point, i);
		g_autofree char *part = NULL;

		if ((p->kind != TITLE_BREAK_WORD &&
		    p->kind != TITLE_BREAK_PUNCT) || !beside_chinese(title,
		    p->end))
			continue;
		part = g_strndup(title + at, p->end - at);
		html_escaped(out, part);
		g_string_append(out, "<wbr>");
		at = p->end;
	}
	html_escaped(out, title + at);
}

static void
html_article(GString *out, const struct config *c,
    const struct issue_article *a)
{
	g_auto(GStrv) paras = article_paragraphs(a->body);

	g_string_append(out, "<div class=\"article\">\n<h2 style=\"");
	html_font(out, c, TYPEFACE_TITLE);
	g_string_append(out, "text-align:center;font-size:20px;"
	    "font-weight:bold;word-break:keep-all;overflow-wrap:anywhere;"
	    "text-wrap:balance\">");
	html_headline(out, a->title);
	g_string_append(out, "</h2>\n");
	for (guint i = 0; paras[i] != NULL; i++)
		if (*paras[i] != '\0')
			html_paragraph(out, c, paras[i]);
	for (guint i = 0; i < a->images->len; i++)
		g_string_append_printf(out, "<p style=\"text-align:center\">"
		    "<img src=\"cid:img-%d-%u@bulletind\" alt=\"\" "
		    "style=\"max-width:100%%\"></p>\n", a->seq, i + 1);
	g_string_append(out, "<p style=\"text-align:right\">（");
	html_escaped(out, a->unit_name);
	g_string_append(out, "供稿）</p>\n</div>\n");
}

/* <p>LABEL：TEXT</p> with TEXT escaped. */
static void
html_line(GString *out, const char *label, const char *text)
{
	g_string_append_printf(out, "<p>%s：", label);
	html_escaped(out, text);
	g_string_append(out, "</p>\n");
}

static void
html_footer(GString *out, const struct config *c, const struct issue_view *v)
{
	g_string_append(out, "<div style=\"border-top:1px solid #000;"
	    "margin-top:24px;padding-top:6px\">\n");
	html_line(out, "报", c->bao.label);
	if (c->song.label != NULL)
		html_line(out, "送", c->song.label);
	html_line(out, "发", c->fa.label);
	if (v->extra_label != NULL)
		html_line(out, "本期增发", v->extra_label);
	g_string_append(out, "<p>主编：");
	html_escaped(out, c->bulletin.chief_editor);
	g_string_append(out, "\u3000邮箱：");
	html_escaped(out, c->bulletin.mailbox);
	g_string_append(out, "</p>\n</div>\n");
}

static char *
render_html(const struct config *c, const struct issue_view *v)
{
	GString *out = g_string_new("<!DOCTYPE html>\n<html lang=\"zh-CN\">"
	    "<head><meta charset=\"utf-8\"><title>");

	html_escaped(out, c->bulletin.title);
	g_string_append(out, "</title>" HTML_HEAD "</head>\n"
	    "<body style=\"max-width:590px;margin:0 auto;padding:0 10px;"
	    "overflow-wrap:break-word;");
	html_font(out, c, TYPEFACE_BODY);
	g_string_append(out, "font-size:16px\">\n");
	html_masthead(out, c, v);
	if (v->note != NULL) {
		g_string_append(out, "<div style=\"border:1px solid #c00000;"
		    "padding:8px 12px;margin:12px 0\"><b>编者按：</b>");
		html_escaped(out, v->note);
		g_string_append(out, "</div>\n");
	}
	for (guint i = 0; i < v->articles->len; i++)
		html_article(out, c, v->articles->pdata[i]);
	html_footer(out, c, v);
	g_string_append(out, "</body></html>\n");
	return g_string_free(out, FALSE);
}

static char *
digest_of(const struct rendered_issue *r)
{
	g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(sum, (const guchar *)r->subject,
	    strlen(r->subject) + 1);
	g_checksum_update(sum, (const guchar *)r->text, strlen(r->text) + 1);
	g_checksum_update(sum, (const guchar *)r->html, strlen(r->html) + 1);
	return g_strdup(g_checksum_get_string(sum));
}

struct rendered_issue *
render_issue(const struct config *config, const struct issue_view *view)
{
	struct rendered_issue *r = g_new0(struct rendered_issue, 1);
	g_autofree char *number = issue_number_text(view);

	r->subject = g_strdup_printf("%s %s", config->bulletin.title, number);
	r->text = render_text(config, view);
	r->html = render_html(config, view);
	r->digest = digest_of(r);
	return r;
}

char *
render_issue_digest(const struct config *config,
    const struct issue_view *view)
{
	struct issue_view undated = *view;
	struct rendered_issue *r;
	char *digest;

	undated.date = (char *)"";
	r = render_issue(config, &undated);
	digest = g_steal_pointer(&r->digest);
	rendered_issue_free(r);
	return digest;
}

void
rendered_issue_free(struct rendered_issue *r)
{
	if (r == NULL)
		return;
	g_free(r->subject);
	g_free(r->text);
	g_free(r->html);
	g_free(r->digest);
	g_free(r);
}

static void
add_group(GMimeMessage *msg, const char *label)
{
	InternetAddress *group = internet_address_group_new(label);

	internet_address_list_add(g_mime_message_get_addresses(msg,
	    GMIME_ADDRESS_TYPE_TO), group);
	g_object_unref(group);
}

/*
 * An attachment named for QQ Mail and Outlook alike: RFC 2231 in the
 * Content-Disposition filename, RFC 2047 in the Content-Type name.
 */
static GMimeObject *
document_part(const char *type, const char *subtype, const char *name,
    GBytes *data)
{
	GMimePart *part = g_mime_part_new_with_type(type, subtype);
	g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer(
	    g_bytes_get_data(data, NULL), g_bytes_get_size(data));
	g_autoptr(GMimeDataWrapper) content = g_mime_data_wrapper_new_with_stream(
	    stream, GMIME_CONTENT_ENCODING_DEFAULT);
	GMimeParamList *params;
	GMimeParam *param;

	g_mime_part_set_content(part, content);
	g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_part_set_filename(part, name);
	params = g_mime_content_type_get_parameters(
	    g_mime_object_get_content_type(GMIME_OBJECT(part)));
	if ((param = g_mime_param_list_get_parameter(params, "name")) != NULL)
		g_mime_param_set_encoding_method(param,
		    GMIME_PARAM_ENCODING_METHOD_RFC2047);
	params = g_mime_content_disposition_get_parameters(
	    g_mime_object_get_content_disposition(GMIME_OBJECT(part)));
	if ((param = g_mime_param_list_get_parameter(params, "filename")) != NULL)
		g_mime_param_set_encoding_method(param,
		    GMIME_PARAM_ENCODING_METHOD_RFC2231);
	return GMIME_OBJECT(part);
}

typedef GBytes *(*document_renderer)(const struct config *,
    const struct issue_view *, GError **);

static void
add_document(GMimeMultipart *mixed, const struct config *config,
    const struct issue_view *view, const char *subject,
    document_renderer render, const char *subtype, const char *suffix)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) data = render(config, view, &error);
	g_autofree char *name = g_strconcat(subject, suffix, NULL);
	GMimeObject *part;

	if (data == NULL) {
		log_warn("render: the issue goes without its %s: %s", suffix,
		    error->message);
		return;
	}
	part = document_part("application", subtype, name, data);
	g_mime_multipart_add(mixed, part);
	g_object_unref(part);
}

/* The HTML with the articles' pictures it refers to by cid:. */
static GMimeObject *
html_with_images(const struct issue_view *view, const char *html_text)
{
	GMimeObject *html = mail_text_part("html", html_text);
	GMimeMultipart *related = NULL;

	for (guint i = 0; i < view->articles->len; i++) {
		const struct issue_article *a = view->articles->pdata[i];
		for (guint j = 0; j < a->images->len; j++) {
			const struct issue_image *img = a->images->pdata[j];
			g_autofree char *cid = g_strdup_printf(
			    "img-%d-%u@bulletind", a->seq, j + 1);
			g_auto(GStrv) type = g_strsplit(img->content_type, "/",
			    2);
			GMimeObject *part;
			if (related == NULL) {
				related = g_mime_multipart_new_with_subtype(
				    "related");
				g_mime_multipart_add(related, html);
				g_object_unref(html);
			}
			part = document_part(type[0], type[1] ? type[1] :
			    "octet-stream", img->name, img->data);
			g_mime_object_set_content_id(part, cid);
			g_mime_object_set_disposition(part, "inline");
			g_mime_multipart_add(related, part);
			g_object_unref(part);
		}
	}
	return related != NULL ? GMIME_OBJECT(related) : html;
}

static GMimeObject *
alternatives(const struct issue_view *view, const struct rendered_issue *r)
{
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimeObject *text = mail_text_part("plain", r->text);
	GMimeObject *html = html_with_images(view, r->html);

	g_mime_multipart_add(alt, text);
	g_mime_multipart_add(alt, html);
	g_object_unref(text);
	g_object_unref(html);
	return GMIME_OBJECT(alt);
}

GBytes *
render_issue_message(const struct config *config,
    const struct issue_view *view, const struct rendered_issue *r,
    const char *message_id)
{
	g_autoptr(GMimeMessage) msg = mail_new(config, "issue",
	    "auto-generated", r->subject, message_id);
	g_autoptr(GMimeMultipart) mixed =
	    g_mime_multipart_new_with_subtype("mixed");
	GMimeObject *alt = alternatives(view, r);

	add_group(msg, config->bao.label);
	add_group(msg, config->fa.label);
	g_mime_multipart_add(mixed, alt);
	g_object_unref(alt);
	add_document(mixed, config, view, r->subject, render_pdf, "pdf",
	    ".pdf");
	add_document(mixed, config, view, r->subject, render_docx,
	    "vnd.openxmlformats-officedocument.wordprocessingml.document",
	    ".docx");
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
	return mail_serialize(msg);
}
