/*
 * The issue as a .docx; see render-docx.h.
 *
 * The page is GB/T 9704's: 22 lines of 28 characters of 三号 text, made
 * with exact line spacing and 三号 text condensed by a quarter point.  Not
 * with a document grid (w:docGrid linesAndChars, charSpace -849) as Word
 * templates for 公文 do: LibreOffice gives each 三号 character two cells of
 * such a grid, fourteen to a line.  Page numbers "— N —" are in odd and
 * even footers, on the outer side.
 *
 * Parts are small: each is written whole into memory and zipped from
 * there; pictures are stored, not deflated (they are compressed already).
 */
#include <string.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "article.h"
#include "error.h"
#include "render-doc.h"
#include "render-docx.h"
#include "render.h"
#include "typeface.h"

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships"
#define NS_WP	"http://schemas.openxmlformats.org/drawingml/2006/" \
		"wordprocessingDrawing"
#define NS_A	"http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC	"http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_RELS	"http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT	"http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_CP	"http://schemas.openxmlformats.org/package/2006/metadata/" \
		"core-properties"
#define REL	NS_R "/"
#define REL_CORE NS_RELS "/metadata/core-properties"
#define CT_WML	"application/vnd.openxmlformats-officedocument." \
		"wordprocessingml."
#define CT_CORE	"application/vnd.openxmlformats-package.core-properties+xml"
#define CT_RELS	"application/vnd.openxmlformats-package.relationships+xml"

/* Lengths: twips (1/20 pt) in WordprocessingML, EMU in DrawingML. */
#define TWIPS(mm)	((int)((mm) * 1440 / 25.4 + 0.5))
#define EMU_PER_MM	36000
#define TEXT_W		TWIPS(RENDER_DOC_TEXT_W)		/* 8844 */
#define LINE_PITCH	RENDER_DOC_PITCH_TWIPS
/* X lines of LINE_PITCH, in twips */
#define LINES(x)	((int)((x) * LINE_PITCH + 0.5))
/* 三号 characters a quarter point closer: 28 of them fill 156 mm. */
#define CONDENSED	((int)(-RENDER_DOC_CONDENSE * 20))	/* twips */
/* The Latin face beside the Chinese ones, as office templates have it. */
#define LATIN_FONT	"Times New Roman"
#define SI_HAO		280	/* a 四号 character, twips */
/*
 * A rule (a paragraph's bottom border of SZ eighths of a point) in the
 * middle of a space of LINES lines, as the PDF draws it: half the space
 * is the border's w:space (whole points), the rest is owed by the next
 * paragraph as space before (RULE_BELOW, twips).  Space after is never
 * used: LibreOffice does not add it to the next paragraph's space before
 * as Word does, so the two would disagree.
 */
#define RULE_SPACE(lines, sz)	((LINES(lines) - (sz) * 20 / 8) / 40)
#define RULE_BELOW(lines, sz)	(LINES(lines) - (sz) * 20 / 8 - \
				 20 * RULE_SPACE(lines, sz))

/* Word's sizes are in half-points. */
#define SZ_YI_HAO	52
#define SZ_XIAO_ER	((int)(2 * RENDER_DOC_HEADLINE_PT))
#define SZ_SAN_HAO	32
#define SZ_SI_HAO	28

/* DOS time starts in 1980; noon keeps the date in any time zone.  The
 * same issue gives the same bytes whenever it is rendered. */
#define DOCX_MTIME	((time_t)315576000)

/* The largest picture: the type area's width, half its height. */
#define IMAGE_MAX_W	RENDER_DOC_TEXT_W
#define IMAGE_MAX_H	(RENDER_DOC_TEXT_H / 2)

G_DEFINE_AUTOPTR_CLEANUP_FUNC(zip_source_t, zip_source_free)

/* One XML part being written; a failed call marks it failed. */
struct xml {
	xmlBufferPtr	 buf;
	xmlTextWriterPtr w;
	gboolean	 failed;
};

struct part {
	char		*name;
	GBytes		*data;
	gboolean	 stored;	/* not deflated */
};

/* One rendering: the parts so far, and the pictures' relationships. */
struct docx {
	const struct config	*config;
	const struct issue_view	*view;
	GPtrArray		*parts;		/* struct part * */
	GPtrArray		*media;		/* char *: word/media names */
	struct xml		 doc;		/* word/document.xml */
	int			 owed;		/* space before the next
						 * paragraph, under a rule */
};

/* A paragraph's own properties, beyond its style. */
struct para {
	const char	*style;
	gboolean	 keep;		/* w:keepNext */
	int		 top;		/* top border, eighths of a point */
	int		 bottom;	/* bottom border */
	int		 before;	/* space before, twips */
	int		 hang;		/* hanging indent, twips */
	const char	*jc;		/* alignment, or the style's */
};

static void
xml_check(struct xml *x, int rc)
{
	if (rc < 0)
		x->failed = TRUE;
}

static void
xml_open(struct xml *x)
{
	x->buf = xmlBufferCreate();
	x->w = xmlNewTextWriterMemory(x->buf, 0);
	x->failed = x->w == NULL;
	if (!x->failed)
		xml_check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8",
		    "yes"));
}

/* The part's bytes, or NULL when any call failed. */
static GBytes *
xml_close(struct xml *x)
{
	GBytes *bytes = NULL;

	if (x->w != NULL) {
		xml_check(x, xmlTextWriterEndDocument(x->w));
		xmlFreeTextWriter(x->w);
	}
	if (!x->failed)
		bytes = g_bytes_new(xmlBufferContent(x->buf),
		    (gsize)xmlBufferLength(x->buf));
	xmlBufferFree(x->buf);
	memset(x, 0, sizeof(*x));
	return bytes;
}

static void
xml_start(struct xml *x, const char *name)
{
	xml_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static void
xml_end(struct xml *x)
{
	xml_check(x, xmlTextWriterEndElement(x->w));
}

static void
xml_attr(struct xml *x, const char *name, const char *value)
{
	xml_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST value));
}

static void G_GNUC_PRINTF(3, 4)
xml_attrf(struct xml *x, const char *name, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *value = NULL;

	va_start(ap, fmt);
	value = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	xml_attr(x, name, value);
}

/* Escaped by the writer: this is where text from mail goes. */
static void
xml_text(struct xml *x, const char *text)
{
	xml_check(x, xmlTextWriterWriteString(x->w, BAD_CAST text));
}

/* <NAME/> */
static void
xml_empty(struct xml *x, const char *name)
{
	xml_start(x, name);
	xml_end(x);
}

/* <NAME w:val="VALUE"/> */
static void
xml_val(struct xml *x, const char *name, const char *value)
{
	xml_start(x, name);
	xml_attr(x, "w:val", value);
	xml_end(x);
}

/* <NAME>TEXT</NAME> */
static void
xml_element(struct xml *x, const char *name, const char *text)
{
	xml_start(x, name);
	xml_text(x, text);
	xml_end(x);
}

static void
part_free(struct part *p)
{
	g_free(p->name);
	g_bytes_unref(p->data);
	g_free(p);
}

/* Takes DATA; NULL (the XML writer failed) is an error. */
static gboolean
add_part(struct docx *d, const char *name, GBytes *data, gboolean stored,
    GError **error)
{
	struct part *p;

	if (data == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "docx: writing %s failed", name);
		return FALSE;
	}
	p = g_new0(struct part, 1);
	p->name = g_strdup(name);
	p->data = data;
	p->stored = stored;
	g_ptr_array_add(d->parts, p);
	return TRUE;
}

/* ---- word/document.xml ----------------------------------------------- */

/* SIZE in eighths of a point, SPACE (from the text) in points. */
static void
write_border(struct xml *x, const char *side, int size, int space,
    guint32 colour)
{
	xml_start(x, side);
	xml_attr(x, "w:val", "single");
	xml_attrf(x, "w:sz", "%d", size);
	xml_attrf(x, "w:space", "%d", space);
	xml_attrf(x, "w:color", "%06X", colour);
	xml_end(x);
}

/* Properties in the order the schema wants them: Word insists. */
static void
para_begin(struct xml *x, const struct para *p)
{
	xml_start(x, "w:p");
	xml_start(x, "w:pPr");
	xml_val(x, "w:pStyle", p->style);
	if (p->keep)
		xml_empty(x, "w:keepNext");
	if (p->top > 0 || p->bottom > 0) {
		xml_start(x, "w:pBdr");
		if (p->top > 0)
			write_border(x, "w:top", p->top, 1, 0);
		if (p->bottom > 0)
			write_border(x, "w:bottom", p->bottom, 1, 0);
		xml_end(x);
	}
	if (p->before > 0) {
		xml_start(x, "w:spacing");
		xml_attrf(x, "w:before", "%d", p->before);
		xml_end(x);
	}
	if (p->hang > 0) {
		xml_start(x, "w:ind");
		xml_attrf(x, "w:left", "%d", SI_HAO + p->hang);
		xml_attrf(x, "w:hanging", "%d", p->hang);
		xml_end(x);
	}
	if (p->jc != NULL)
		xml_val(x, "w:jc", p->jc);
	xml_end(x);
}

/* A run of TEXT from mail, made one clean line. */
static void write_fonts(struct xml *x, const char *east_asia);

/* A run of TEXT in the office font FONT (NULL: the style's), bold or not. */
static void
write_run_in(struct xml *x, const char *text, const char *font,
    gboolean bold)
{
	g_autofree char *clean = render_doc_clean_text(text);

	xml_start(x, "w:r");
	if (bold || font != NULL) {
		xml_start(x, "w:rPr");
		if (font != NULL)
			write_fonts(x, font);
		if (bold) {
			xml_empty(x, "w:b");
			xml_empty(x, "w:bCs");
		}
		xml_end(x);
	}
	xml_start(x, "w:t");
	xml_attr(x, "xml:space", "preserve");
	xml_text(x, clean);
	xml_end(x);
	xml_end(x);
}

static void
write_run(struct xml *x, const char *text, gboolean bold)
{
	write_run_in(x, text, NULL, bold);
}

/* A run of our own TEXT, spaces and all. */
static void
write_literal(struct xml *x, const char *text)
{
	xml_start(x, "w:r");
	xml_start(x, "w:t");
	xml_attr(x, "xml:space", "preserve");
	xml_text(x, text);
	xml_end(x);
	xml_end(x);
}

static void
write_tab(struct xml *x)
{
	xml_start(x, "w:r");
	xml_empty(x, "w:tab");
	xml_end(x);
}

static void
write_para(struct xml *x, const struct para *p, const char *text)
{
	para_begin(x, p);
	write_run(x, text, FALSE);
	xml_end(x);
}

/* A headline on the lines render_doc_headline_lines() gives the PDF too,
 * a break between them. */
static void
write_headline(struct xml *x, const struct para *p, const char *title)
{
	g_auto(GStrv) lines = render_doc_headline_lines(title);

	para_begin(x, p);
	for (guint i = 0; lines[i] != NULL; i++) {
		if (i > 0) {
			xml_start(x, "w:r");
			xml_empty(x, "w:br");
			xml_end(x);
		}
		write_run(x, lines[i], FALSE);
	}
	xml_end(x);
}

/* Title, 第N期, and the office and date over a red rule. */
static void
write_masthead(struct docx *d)
{
	struct xml *x = &d->doc;
	g_autofree char *label = issue_number_text(d->view);

	write_para(x, &(struct para){ .style = "Title" },
	    d->config->bulletin.title);
	write_para(x, &(struct para){ .style = "IssueNumber" }, label);
	para_begin(x, &(struct para){ .style = "Dateline" });
	write_run(x, d->config->bulletin.office, FALSE);
	write_tab(x);
	write_run(x, d->view->date, FALSE);
	xml_end(x);
	d->owed = RULE_BELOW(RENDER_DOC_MASTHEAD_RULE, 16);
}

static void
write_note(struct docx *d)
{
	g_auto(GStrv) paras = article_paragraphs(d->view->note);
	gboolean first = TRUE;

	for (guint i = 0; paras[i] != NULL; i++) {
		if (*paras[i] == '\0')
			continue;
		para_begin(&d->doc, &(struct para){ .style = "Note",
		    .before = first ? LINES(RENDER_DOC_NOTE_SPACE) + d->owed :
		    0 });
		if (first)
			write_run(&d->doc, "编者按：", TRUE);
		write_run(&d->doc, paras[i], FALSE);
		xml_end(&d->doc);
		first = FALSE;
	}
	d->owed = RULE_BELOW(RENDER_DOC_NOTE_SPACE, 4);
}

static void
write_pic(struct xml *x, guint id, gint64 cx, gint64 cy)
{
	xml_start(x, "pic:pic");
	xml_start(x, "pic:nvPicPr");
	xml_start(x, "pic:cNvPr");
	xml_attrf(x, "id", "%u", id);
	xml_attrf(x, "name", "image%u", id);
	xml_end(x);
	xml_empty(x, "pic:cNvPicPr");
	xml_end(x);
	xml_start(x, "pic:blipFill");
	xml_start(x, "a:blip");
	xml_attrf(x, "r:embed", "rIdImage%u", id);
	xml_end(x);
	xml_start(x, "a:stretch");
	xml_empty(x, "a:fillRect");
	xml_end(x);
	xml_end(x);
	xml_start(x, "pic:spPr");
	xml_start(x, "a:xfrm");
	xml_start(x, "a:off");
	xml_attr(x, "x", "0");
	xml_attr(x, "y", "0");
	xml_end(x);
	xml_start(x, "a:ext");
	xml_attrf(x, "cx", "%" G_GINT64_FORMAT, cx);
	xml_attrf(x, "cy", "%" G_GINT64_FORMAT, cy);
	xml_end(x);
	xml_end(x);
	xml_start(x, "a:prstGeom");
	xml_attr(x, "prst", "rect");
	xml_empty(x, "a:avLst");
	xml_end(x);
	xml_end(x);
	xml_end(x);
}

/* An inline picture; NAME (from mail) only as its description. */
static void
write_drawing(struct xml *x, guint id, const char *name, gint64 cx,
    gint64 cy)
{
	g_autofree char *descr = render_doc_clean_text(name);

	xml_start(x, "w:r");
	xml_start(x, "w:drawing");
	xml_start(x, "wp:inline");
	xml_start(x, "wp:extent");
	xml_attrf(x, "cx", "%" G_GINT64_FORMAT, cx);
	xml_attrf(x, "cy", "%" G_GINT64_FORMAT, cy);
	xml_end(x);
	xml_start(x, "wp:docPr");
	xml_attrf(x, "id", "%u", id);
	xml_attrf(x, "name", "Picture %u", id);
	xml_attr(x, "descr", descr);
	xml_end(x);
	xml_start(x, "wp:cNvGraphicFramePr");
	xml_start(x, "a:graphicFrameLocks");
	xml_attr(x, "noChangeAspect", "1");
	xml_end(x);
	xml_end(x);
	xml_start(x, "a:graphic");
	xml_start(x, "a:graphicData");
	xml_attr(x, "uri", NS_PIC);
	write_pic(x, id, cx, cy);
	xml_end(x);
	xml_end(x);
	xml_end(x);
	xml_end(x);
	xml_end(x);
}

/* IMAGE as word/media/imageN, in a paragraph of its own. */
static gboolean
write_image(struct docx *d, const struct issue_image *image, GError **error)
{
	struct render_doc_image_info info;
	guint id = d->media->len + 1;
	char *name;
	double w, h;

	if (!render_doc_image_probe(image, &info, error))
		return FALSE;
	name = g_strdup_printf("word/media/image%u.%s", id,
	    info.format == RENDER_DOC_PNG ? "png" : "jpeg");
	g_ptr_array_add(d->media, name);
	if (!add_part(d, name, g_bytes_ref(image->data), TRUE, error))
		return FALSE;
	render_doc_image_fit(&info, IMAGE_MAX_W, IMAGE_MAX_H, &w, &h);
	para_begin(&d->doc, &(struct para){ .style = "Picture", .keep = TRUE });
	write_drawing(&d->doc, id, image->name, (gint64)(w * EMU_PER_MM),
	    (gint64)(h * EMU_PER_MM));
	xml_end(&d->doc);
	return TRUE;
}

/* The office font of the heading of LEVEL (its role list's first). */
static char *
heading_font(const struct config *c, enum article_heading_level level)
{
	return typeface_first(typeface_families(c, level == ARTICLE_HEADING_1 ?
	    TYPEFACE_HEADING1 : TYPEFACE_HEADING2));
}

/*
 * A paragraph of the text.  A heading that is the whole paragraph gets
 * its level's style (Word's navigation pane lists it); one that opens a
 * paragraph is a run in its level's font, a 一是 phrase a bold run.
 */
static void
write_body_para(struct docx *d, const char *text, gboolean keep)
{
	struct xml *x = &d->doc;
	struct article_heading h;
	g_autofree char *head = NULL;
	g_autofree char *font = NULL;
	/* Named in the runs too, so that the text keeps its face when an
	 * editor pastes it into another document. */
	g_autofree char *body = typeface_first(typeface_families(d->config,
	    TYPEFACE_BODY));

	if (article_heading_find(text, &h) && h.level != ARTICLE_HEADING_LEAD &&
	    text[h.len] == '\0') {
		write_para(x, &(struct para){ .style = h.level ==
		    ARTICLE_HEADING_1 ? "Heading1" : "Heading2" }, text);
		return;
	}
	para_begin(x, &(struct para){ .style = "BodyText", .keep = keep });
	if (h.level != ARTICLE_HEADING_NONE) {
		head = g_strndup(text, h.len);
		font = h.level == ARTICLE_HEADING_LEAD ? g_strdup(body) :
		    heading_font(d->config, h.level);
		write_run_in(x, head, font, h.level == ARTICLE_HEADING_LEAD);
	}
	write_run_in(x, text + h.len, body, FALSE);
	xml_end(x);
}

/* ---- tables ---------------------------------------------------------- */

/* Shared with the styles and the 版记, written further down. */
static void write_role_fonts(struct xml *x, const struct config *c,
    enum typeface face);
static void write_size(struct xml *x, int size);
static void write_anchor(struct xml *x);

static void
write_width(struct xml *x, const char *name, int twips)
{
	xml_start(x, name);
	xml_attrf(x, "w:w", "%d", twips);
	xml_attr(x, "w:type", "dxa");
	xml_end(x);
}

/* The cells' padding, as the PDF pads them. */
static void
write_cell_margins(struct xml *x)
{
	xml_start(x, "w:tblCellMar");
	write_width(x, "w:top", RENDER_DOC_TABLE_PAD_Y);
	write_width(x, "w:left", RENDER_DOC_TABLE_PAD_X);
	write_width(x, "w:bottom", RENDER_DOC_TABLE_PAD_Y);
	write_width(x, "w:right", RENDER_DOC_TABLE_PAD_X);
	xml_end(x);
}

/* As wide as the type area, its columns fixed, every cell ruled. */
static void
table_begin(struct xml *x, const struct render_doc_table *m)
{
	static const char *const sides[] = {
		"w:top", "w:left", "w:bottom", "w:right", "w:insideH",
		"w:insideV",
	};

	xml_start(x, "w:tbl");
	xml_start(x, "w:tblPr");
	write_width(x, "w:tblW", TEXT_W);
	write_width(x, "w:tblInd", 0);
	xml_start(x, "w:tblBorders");
	for (gsize i = 0; i < G_N_ELEMENTS(sides); i++)
		write_border(x, sides[i], RENDER_DOC_TABLE_RULE, 0, 0x000000);
	xml_end(x);
	xml_start(x, "w:tblLayout");
	xml_attr(x, "w:type", "fixed");
	xml_end(x);
	write_cell_margins(x);
	xml_end(x);
	xml_start(x, "w:tblGrid");
	for (guint j = 0; j < m->widths->len; j++)
		write_width(x, "w:gridCol", g_array_index(m->widths, int, j));
	xml_end(x);
}

/*
 * A paragraph of a table, in STYLE, with the table's exact line: the
 * size is the table's, not a style's, so it is stated here.
 */
static void
table_para_begin(struct xml *x, const struct render_doc_table *m,
    const char *style, gboolean keep, const char *jc)
{
	xml_start(x, "w:p");
	xml_start(x, "w:pPr");
	xml_val(x, "w:pStyle", style);
	if (keep)
		xml_empty(x, "w:keepNext");
	xml_start(x, "w:spacing");
	xml_attr(x, "w:before", "0");
	xml_attr(x, "w:after", "0");
	xml_attrf(x, "w:line", "%d", m->line);
	xml_attr(x, "w:lineRule", "exact");
	xml_end(x);
	if (jc != NULL)
		xml_val(x, "w:jc", jc);
	xml_end(x);
}

/* TEXT in the body font at the table's size, not condensed. */
static void
write_table_run(struct docx *d, const struct render_doc_table *m,
    const char *text, gboolean bold)
{
	struct xml *x = &d->doc;
	g_autofree char *clean = render_doc_clean_text(text);

	xml_start(x, "w:r");
	xml_start(x, "w:rPr");
	write_role_fonts(x, d->config, TYPEFACE_BODY);
	if (bold) {
		xml_empty(x, "w:b");
		xml_empty(x, "w:bCs");
	}
	xml_val(x, "w:spacing", "0");
	write_size(x, m->size);
	xml_end(x);
	xml_start(x, "w:t");
	xml_attr(x, "xml:space", "preserve");
	xml_text(x, clean);
	xml_end(x);
	xml_end(x);
}

static void
write_table_cell(struct docx *d, const struct render_doc_table *m, guint j,
    const char *text, gboolean header)
{
	struct xml *x = &d->doc;

	xml_start(x, "w:tc");
	xml_start(x, "w:tcPr");
	write_width(x, "w:tcW", g_array_index(m->widths, int, j));
	xml_val(x, "w:vAlign", "center");
	xml_end(x);
	/* the header keeps with the first row, as in the PDF */
	table_para_begin(x, m, "TableText", header,
	    render_doc_table_centred(text, header) ? "center" : "left");
	write_table_run(d, m, text, header);
	xml_end(x);	/* w:p */
	xml_end(x);	/* w:tc */
}

/* A row that never splits; the header is repeated on every page. */
static void
write_table_row(struct docx *d, const struct render_doc_table *m,
    GPtrArray *cells, gboolean header)
{
	struct xml *x = &d->doc;

	xml_start(x, "w:tr");
	xml_start(x, "w:trPr");
	xml_empty(x, "w:cantSplit");
	if (header)
		xml_empty(x, "w:tblHeader");
	xml_end(x);
	for (guint j = 0; j < cells->len; j++)
		write_table_cell(d, m, j, cells->pdata[j], header);
	xml_end(x);
}

/* The grid, then its note in the table's size (or the paragraph a
 * table needs after it). */
static void
write_table(struct docx *d, const struct issue_table *t)
{
	struct render_doc_table m;

	render_doc_table_measure(t, &m);
	table_begin(&d->doc, &m);
	write_table_row(d, &m, t->header, TRUE);
	for (guint i = 0; i < t->rows->len; i++)
		write_table_row(d, &m, t->rows->pdata[i], FALSE);
	xml_end(&d->doc);	/* w:tbl */
	if (t->note != NULL && *t->note != '\0') {
		table_para_begin(&d->doc, &m, "TableNote", FALSE, NULL);
		write_table_run(d, &m, t->note, FALSE);
		xml_end(&d->doc);
	} else
		write_anchor(&d->doc);
	render_doc_table_clear(&m);
}

/*
 * Headline (a heading: it keeps with the text), paragraphs, table,
 * pictures, attribution.  What comes before the attribution keeps with
 * it.
 */
static gboolean
write_article(struct docx *d, const struct issue_article *a, guint n,
    GError **error)
{
	g_auto(GStrv) paras = article_paragraphs(a->body);
	guint n_images = a->images != NULL ? a->images->len : 0;
	gboolean text_last = n_images == 0 && a->table == NULL;
	guint last = 0;

	write_headline(&d->doc, &(struct para){ .style = "ArticleTitle",
	    .before = d->owed > 0 ? LINES(RENDER_DOC_HEADLINE_BEFORE) +
	    d->owed : 0 }, a->title);
	d->owed = 0;
	for (guint i = 0; paras[i] != NULL; i++)
		if (*paras[i] != '\0')
			last = i;
	for (guint i = 0; paras[i] != NULL; i++)
		if (*paras[i] != '\0')
			write_body_para(d, paras[i], i == last && text_last &&
			    a->unit_name != NULL);
	if (a->table != NULL)
		write_table(d, a->table);
	for (guint i = 0; i < n_images; i++) {
		const struct issue_image *image = a->images->pdata[i];

		if (!write_image(d, image, error)) {
			g_prefix_error(error, "article %u (%s): picture %s: ",
			    n, a->unit_name != NULL ? a->unit_name : a->title,
			    image->name);
			return FALSE;
		}
	}
	if (a->unit_name != NULL) {
		g_autofree char *by = g_strdup_printf("（%s供稿）",
		    a->unit_name);

		write_para(&d->doc, &(struct para){ .style = "Attribution" },
		    by);
	}
	return TRUE;
}

/* 报：/送：/发：/本期增发：, wrapped under the label's end. */
static void
write_list(struct docx *d, const char *name, const char *label,
    struct para p)
{
	g_autofree char *text = g_strconcat(name, label, NULL);

	p.style = "Imprint";
	p.keep = TRUE;
	p.hang = SI_HAO * (int)g_utf8_strlen(name, -1);
	write_para(&d->doc, &p, text);
}

/* TEXT's width in ems, roughly: Latin letters are about half wide. */
static double
text_ems(const char *text)
{
	double ems = 0;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
		ems += g_unichar_iswide(g_utf8_get_char(p)) ? 1.0 : 0.55;
	return ems;
}

/* 主编 flush left, 邮箱 flush right: on one line if they fit. */
static void
write_editor(struct docx *d, const char *editor, const char *mailbox)
{
	struct xml *x = &d->doc;
	double room = (TEXT_W - 2 * SI_HAO) / (double)SI_HAO;

	if (text_ems(editor) + 1 + text_ems(mailbox) > room) {
		write_para(x, &(struct para){ .style = "Imprint",
		    .keep = TRUE }, editor);
		write_para(x, &(struct para){ .style = "Imprint",
		    .jc = "right" }, mailbox);
		return;
	}
	para_begin(x, &(struct para){ .style = "Imprint" });
	write_run(x, editor, FALSE);
	write_tab(x);
	write_run(x, mailbox, FALSE);
	xml_end(x);
}

/*
 * The 版记's table: as wide as the type area, between heavy rules with a
 * light one inside, floating at the foot of the page its anchor (the
 * paragraph after it) is on, which is the last: where GB/T 9704 puts it.
 * A table keeps its rules where LibreOffice drops a frame's (w:framePr).
 * Placed from the page's edge, not the margin's: LibreOffice floats a
 * table only if text could stand beside it, and reckons that against the
 * page when the anchor is the page (against the type area it never fits).
 */
static void
imprint_table_begin(struct xml *x)
{
	static const struct { const char *side; int size; } rules[] = {
		{ "w:top", 8 }, { "w:bottom", 8 }, { "w:insideH", 4 },
	};

	xml_start(x, "w:tbl");
	xml_start(x, "w:tblPr");
	xml_start(x, "w:tblpPr");
	xml_attr(x, "w:vertAnchor", "margin");
	xml_attr(x, "w:horzAnchor", "page");
	xml_attrf(x, "w:tblpX", "%d", TWIPS(RENDER_DOC_MARGIN_LEFT));
	xml_attr(x, "w:tblpYSpec", "bottom");
	xml_end(x);
	xml_start(x, "w:tblW");
	xml_attrf(x, "w:w", "%d", TEXT_W);
	xml_attr(x, "w:type", "dxa");
	xml_end(x);
	xml_start(x, "w:tblBorders");
	for (gsize i = 0; i < G_N_ELEMENTS(rules); i++)
		write_border(x, rules[i].side, rules[i].size, 0, 0x000000);
	xml_end(x);
	xml_start(x, "w:tblLayout");
	xml_attr(x, "w:type", "fixed");
	xml_end(x);
	xml_start(x, "w:tblCellMar");
	xml_start(x, "w:left");
	xml_attr(x, "w:w", "0");
	xml_attr(x, "w:type", "dxa");
	xml_end(x);
	xml_start(x, "w:right");
	xml_attr(x, "w:w", "0");
	xml_attr(x, "w:type", "dxa");
	xml_end(x);
	xml_end(x);
	xml_end(x);
	xml_start(x, "w:tblGrid");
	xml_start(x, "w:gridCol");
	xml_attrf(x, "w:w", "%d", TEXT_W);
	xml_end(x);
	xml_end(x);
}

static void
imprint_cell_begin(struct xml *x)
{
	xml_start(x, "w:tr");
	xml_start(x, "w:trPr");
	xml_empty(x, "w:cantSplit");
	xml_end(x);
	xml_start(x, "w:tc");
	xml_start(x, "w:tcPr");
	xml_start(x, "w:tcW");
	xml_attrf(x, "w:w", "%d", TEXT_W);
	xml_attr(x, "w:type", "dxa");
	xml_end(x);
	xml_end(x);
}

static void
imprint_cell_end(struct xml *x)
{
	xml_end(x);	/* w:tc */
	xml_end(x);	/* w:tr */
}

/* The paragraph a table needs after it, here the 版记's anchor: no
 * height of its own, so that it cannot push a page. */
static void
write_anchor(struct xml *x)
{
	xml_start(x, "w:p");
	xml_start(x, "w:pPr");
	xml_start(x, "w:spacing");
	xml_attr(x, "w:before", "0");
	xml_attr(x, "w:after", "0");
	xml_attr(x, "w:line", "20");
	xml_attr(x, "w:lineRule", "exact");
	xml_end(x);
	xml_start(x, "w:rPr");
	xml_val(x, "w:sz", "2");
	xml_end(x);
	xml_end(x);
	xml_end(x);
}

/* 报/送/发/本期增发 in the first row, 主编 and 邮箱 in the second. */
static void
write_imprint(struct docx *d)
{
	const struct config *c = d->config;
	struct xml *x = &d->doc;
	const char *extra = d->view->extra_label;
	g_autofree char *editor = g_strconcat("主编：",
	    c->bulletin.chief_editor, NULL);
	g_autofree char *mailbox = g_strconcat("邮箱：", c->bulletin.mailbox,
	    NULL);

	imprint_table_begin(x);
	imprint_cell_begin(x);
	write_list(d, "报：", c->bao.label, (struct para){ 0 });
	if (c->song.label != NULL)
		write_list(d, "送：", c->song.label, (struct para){ 0 });
	write_list(d, "发：", c->fa.label, (struct para){ 0 });
	if (extra != NULL)
		write_list(d, "本期增发：", extra, (struct para){ 0 });
	imprint_cell_end(x);
	imprint_cell_begin(x);
	write_editor(d, editor, mailbox);
	imprint_cell_end(x);
	xml_end(x);	/* w:tbl */
	write_anchor(x);
}

static void
write_section(struct xml *x)
{
	static const char *const footers[][2] = {
		{ "default", "rIdFooterOdd" }, { "even", "rIdFooterEven" },
	};

	xml_start(x, "w:sectPr");
	for (gsize i = 0; i < G_N_ELEMENTS(footers); i++) {
		xml_start(x, "w:footerReference");
		xml_attr(x, "w:type", footers[i][0]);
		xml_attr(x, "r:id", footers[i][1]);
		xml_end(x);
	}
	xml_start(x, "w:pgSz");
	xml_attrf(x, "w:w", "%d", TWIPS(RENDER_DOC_PAGE_W));
	xml_attrf(x, "w:h", "%d", TWIPS(RENDER_DOC_PAGE_H));
	xml_end(x);
	xml_start(x, "w:pgMar");
	xml_attrf(x, "w:top", "%d", TWIPS(RENDER_DOC_MARGIN_TOP));
	xml_attrf(x, "w:right", "%d", TWIPS(RENDER_DOC_PAGE_W -
	    RENDER_DOC_MARGIN_LEFT - RENDER_DOC_TEXT_W));
	xml_attrf(x, "w:bottom", "%d", TWIPS(RENDER_DOC_PAGE_H -
	    RENDER_DOC_MARGIN_TOP - RENDER_DOC_TEXT_H));
	xml_attrf(x, "w:left", "%d", TWIPS(RENDER_DOC_MARGIN_LEFT));
	xml_attrf(x, "w:header", "%d", TWIPS(15));
	/* The figures' top 7 mm under the type area. */
	xml_attrf(x, "w:footer", "%d", TWIPS(RENDER_DOC_PAGE_H -
	    RENDER_DOC_MARGIN_TOP - RENDER_DOC_TEXT_H - 7 - 5));
	xml_attr(x, "w:gutter", "0");
	xml_end(x);
	xml_end(x);
}

static void
document_begin(struct xml *x)
{
	xml_open(x);
	xml_start(x, "w:document");
	xml_attr(x, "xmlns:w", NS_W);
	xml_attr(x, "xmlns:r", NS_R);
	xml_attr(x, "xmlns:wp", NS_WP);
	xml_attr(x, "xmlns:a", NS_A);
	xml_attr(x, "xmlns:pic", NS_PIC);
	xml_start(x, "w:body");
}

static gboolean
write_document(struct docx *d, GBytes **document_r, GError **error)
{
	const struct issue_view *v = d->view;
	gboolean ok = TRUE;

	document_begin(&d->doc);
	write_masthead(d);
	if (v->note != NULL && *v->note != '\0')
		write_note(d);
	for (guint i = 0; ok && i < v->articles->len; i++)
		ok = write_article(d, v->articles->pdata[i], i + 1, error);
	write_imprint(d);
	write_section(&d->doc);
	xml_end(&d->doc);
	xml_end(&d->doc);
	*document_r = xml_close(&d->doc);
	if (ok && *document_r == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "docx: writing word/document.xml failed");
		return FALSE;
	}
	return ok;
}

/* ---- word/styles.xml ------------------------------------------------- */

struct style {
	const char	*id;
	const char	*name;
	enum typeface	 face;		/* its role's office font */
	int		 size;		/* half-points; 0: Normal's */
	gboolean	 bold;
	guint32		 colour;	/* 0: automatic */
	const char	*jc;		/* alignment, or NULL */
	gboolean	 keep;		/* keep with next */
	int		 line;		/* exact line height, twips; 0: auto */
	int		 before;	/* space before and after, twips */
	int		 after;
	gboolean	 indent;	/* first line by two characters */
	int		 inset;		/* left and right indent, twips */
	int		 tab;		/* right tab stop, twips; 0: none */
	int		 rule;		/* rule under it, eighths of a point */
	int		 rule_space;	/* points between text and rule */
	guint32		 rule_colour;
	int		 outline;	/* outline level + 1; 0: none */
};

static const struct style styles[] = {
	{ .id = "Normal", .name = "Normal", .jc = "both" },
	{ .id = "Title", .name = "Title", .face = TYPEFACE_TITLE,
	    .size = SZ_YI_HAO, .bold = TRUE, .colour = RENDER_DOC_RED,
	    .jc = "center", .line = LINES(RENDER_DOC_MASTHEAD_LINES) },
	{ .id = "IssueNumber", .name = "Issue Number", .jc = "center",
	    .line = LINE_PITCH, .before = LINES(RENDER_DOC_MASTHEAD_SPACE) },
	{ .id = "Dateline", .name = "Dateline", .line = LINE_PITCH,
	    .tab = TEXT_W, .rule = 16,
	    .rule_space = RULE_SPACE(RENDER_DOC_MASTHEAD_RULE, 16),
	    .rule_colour = RENDER_DOC_RED, .jc = "left" },
	/* Consecutive paragraphs with the same borders share them: the rule
	 * is under the last. */
	{ .id = "Note", .name = "Editor's Note", .line = LINE_PITCH,
	    .indent = TRUE, .rule = 4,
	    .rule_space = RULE_SPACE(RENDER_DOC_NOTE_SPACE, 4) },
	{ .id = "ArticleTitle", .name = "Article Title",
	    .face = TYPEFACE_TITLE, .size = SZ_XIAO_ER, .bold = TRUE,
	    .jc = "center", .keep = TRUE,
	    .line = LINES(RENDER_DOC_HEADLINE_LINES),
	    .before = LINES(RENDER_DOC_HEADLINE_BEFORE),
	    .after = LINES(RENDER_DOC_HEADLINE_AFTER), .outline = 1 },
	/* Headings in the text: 三号 like it, in their own faces. */
	{ .id = "Heading1", .name = "heading 1", .face = TYPEFACE_HEADING1,
	    .line = LINE_PITCH, .indent = TRUE, .keep = TRUE, .outline = 2 },
	{ .id = "Heading2", .name = "heading 2", .face = TYPEFACE_HEADING2,
	    .line = LINE_PITCH, .indent = TRUE, .keep = TRUE, .outline = 3 },
	{ .id = "BodyText", .name = "Body Text", .line = LINE_PITCH,
	    .indent = TRUE },
	{ .id = "Picture", .name = "Picture", .jc = "center",
	    .before = LINES(0.5) },
	{ .id = "Attribution", .name = "Attribution", .jc = "right",
	    .line = LINE_PITCH },
	/* A table's cells and its note: sizes and lines are the table's,
	 * stated in its paragraphs (render_doc_table_measure). */
	{ .id = "TableText", .name = "Table Text" },
	{ .id = "TableNote", .name = "Table Note" },
	{ .id = "Imprint", .name = "Imprint", .size = SZ_SI_HAO, .jc = "left",
	    .line = LINES(RENDER_DOC_IMPRINT_LINES), .inset = SI_HAO,
	    .tab = TEXT_W - SI_HAO },
	{ .id = "Folio", .name = "Folio", .size = SZ_SI_HAO },
};

/* Chinese in EAST_ASIA (an office font), Latin and digits in LATIN_FONT. */
static void
write_fonts(struct xml *x, const char *east_asia)
{
	xml_start(x, "w:rFonts");
	xml_attr(x, "w:ascii", LATIN_FONT);
	xml_attr(x, "w:hAnsi", LATIN_FONT);
	xml_attr(x, "w:eastAsia", east_asia);
	xml_attr(x, "w:cs", LATIN_FONT);
	xml_end(x);
}

/* The office font of role FACE: the first family of its list. */
static void
write_role_fonts(struct xml *x, const struct config *c, enum typeface face)
{
	g_autofree char *font = typeface_first(typeface_families(c, face));

	write_fonts(x, font);
}

static void
write_size(struct xml *x, int size)
{
	g_autofree char *sz = g_strdup_printf("%d", size);

	xml_val(x, "w:sz", sz);
	xml_val(x, "w:szCs", sz);
}

static void
write_style_rpr(struct xml *x, const struct config *c, const struct style *s)
{
	xml_start(x, "w:rPr");
	write_role_fonts(x, c, s->face);
	if (s->bold) {
		xml_empty(x, "w:b");
		xml_empty(x, "w:bCs");
	}
	if (s->colour != 0) {
		g_autofree char *colour = g_strdup_printf("%06X", s->colour);

		xml_val(x, "w:color", colour);
	}
	/* Only 三号 is condensed; styles of other sizes undo it. */
	if (strcmp(s->id, "Normal") == 0) {
		g_autofree char *condensed = g_strdup_printf("%d", CONDENSED);

		xml_val(x, "w:spacing", condensed);
	}
	else if (s->size != 0)
		xml_val(x, "w:spacing", "0");
	if (s->size != 0)
		write_size(x, s->size);
	xml_end(x);
}

static void
write_spacing(struct xml *x, const struct style *s)
{
	xml_start(x, "w:spacing");
	xml_attrf(x, "w:before", "%d", s->before);
	xml_attrf(x, "w:after", "%d", s->after);
	xml_attrf(x, "w:line", "%d", s->line != 0 ? s->line : 240);
	xml_attr(x, "w:lineRule", s->line != 0 ? "exact" : "auto");
	xml_end(x);
}

static void
write_indent(struct xml *x, const struct style *s)
{
	if (!s->indent && s->inset == 0)
		return;
	xml_start(x, "w:ind");
	if (s->inset != 0) {
		xml_attrf(x, "w:left", "%d", s->inset);
		xml_attrf(x, "w:right", "%d", s->inset);
	}
	if (s->indent) {
		xml_attr(x, "w:firstLineChars", "200");
		xml_attrf(x, "w:firstLine", "%d", 2 * SZ_SAN_HAO * 10);
	}
	xml_end(x);
}

/*
 * Punctuation stays inside the line (Word and LibreOffice let it hang in
 * the margin by default; Pango cannot), and Chinese is spaced from Latin
 * and figures, which the PDF does alike (RENDER_DOC_AUTOSPACE).
 */
static void
write_asian_typography(struct xml *x)
{
	xml_val(x, "w:overflowPunct", "0");
	xml_val(x, "w:autoSpaceDE", "1");
	xml_val(x, "w:autoSpaceDN", "1");
}

static void
write_style_ppr(struct xml *x, const struct style *s)
{
	xml_start(x, "w:pPr");
	if (s->keep)
		xml_empty(x, "w:keepNext");
	if (strcmp(s->id, "Normal") == 0)
		xml_empty(x, "w:widowControl");
	if (s->rule != 0) {
		xml_start(x, "w:pBdr");
		write_border(x, "w:bottom", s->rule, s->rule_space,
		    s->rule_colour);
		xml_end(x);
	}
	if (s->tab != 0) {
		xml_start(x, "w:tabs");
		xml_start(x, "w:tab");
		xml_attr(x, "w:val", "right");
		xml_attrf(x, "w:pos", "%d", s->tab);
		xml_end(x);
		xml_end(x);
	}
	if (strcmp(s->id, "Normal") == 0)
		write_asian_typography(x);
	write_spacing(x, s);
	write_indent(x, s);
	if (s->jc != NULL)
		xml_val(x, "w:jc", s->jc);
	if (s->outline > 0) {
		g_autofree char *level = g_strdup_printf("%d", s->outline - 1);

		xml_val(x, "w:outlineLvl", level);
	}
	xml_end(x);
}

static void
write_style(struct xml *x, const struct config *c, const struct style *s)
{
	gboolean normal = strcmp(s->id, "Normal") == 0;

	xml_start(x, "w:style");
	xml_attr(x, "w:type", "paragraph");
	if (normal)
		xml_attr(x, "w:default", "1");
	xml_attr(x, "w:styleId", s->id);
	xml_val(x, "w:name", s->name);
	if (!normal)
		xml_val(x, "w:basedOn", "Normal");
	xml_empty(x, "w:qFormat");
	write_style_ppr(x, s);
	write_style_rpr(x, c, s);
	xml_end(x);
}

/* Every run in the body font, 三号, Chinese. */
static void
write_defaults(struct xml *x, const struct config *c)
{
	xml_start(x, "w:docDefaults");
	xml_start(x, "w:rPrDefault");
	xml_start(x, "w:rPr");
	write_role_fonts(x, c, TYPEFACE_BODY);
	write_size(x, SZ_SAN_HAO);
	xml_start(x, "w:lang");
	xml_attr(x, "w:val", "en-US");
	xml_attr(x, "w:eastAsia", "zh-CN");
	xml_end(x);
	xml_end(x);
	xml_end(x);
	xml_end(x);
}

static GBytes *
styles_xml(const struct config *c)
{
	struct xml x;

	xml_open(&x);
	xml_start(&x, "w:styles");
	xml_attr(&x, "xmlns:w", NS_W);
	write_defaults(&x, c);
	for (gsize i = 0; i < G_N_ELEMENTS(styles); i++)
		write_style(&x, c, &styles[i]);
	xml_end(&x);
	return xml_close(&x);
}

/* ---- the other parts ------------------------------------------------- */

/* "— N —" with a PAGE field, on the outer side: right on odd pages. */
static GBytes *
footer_xml(gboolean odd)
{
	struct xml x;

	xml_open(&x);
	xml_start(&x, "w:ftr");
	xml_attr(&x, "xmlns:w", NS_W);
	xml_start(&x, "w:p");
	xml_start(&x, "w:pPr");
	xml_val(&x, "w:pStyle", "Folio");
	xml_start(&x, "w:ind");
	xml_attrf(&x, odd ? "w:right" : "w:left", "%d", SI_HAO);
	xml_end(&x);
	xml_val(&x, "w:jc", odd ? "right" : "left");
	xml_end(&x);
	write_literal(&x, "— ");
	xml_start(&x, "w:fldSimple");
	xml_attr(&x, "w:instr", " PAGE ");
	write_literal(&x, "1");
	xml_end(&x);
	write_literal(&x, " —");
	xml_end(&x);
	xml_end(&x);
	return xml_close(&x);
}

static GBytes *
settings_xml(void)
{
	struct xml x;

	xml_open(&x);
	xml_start(&x, "w:settings");
	xml_attr(&x, "xmlns:w", NS_W);
	xml_val(&x, "w:defaultTabStop", "420");
	xml_empty(&x, "w:evenAndOddHeaders");
	xml_val(&x, "w:characterSpacingControl", "doNotCompress");
	xml_start(&x, "w:compat");
	xml_start(&x, "w:compatSetting");
	xml_attr(&x, "w:name", "compatibilityMode");
	xml_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
	xml_attr(&x, "w:val", "15");
	xml_end(&x);
	xml_end(&x);
	xml_end(&x);
	return xml_close(&x);
}

/* FONT in the font table: its fallback name, GB2312, its family. */
static void
write_font_entry(struct xml *x, const char *font, const char *family)
{
	const char *alt = typeface_alt_name(font);

	xml_start(x, "w:font");
	xml_attr(x, "w:name", font);
	if (alt != NULL)
		xml_val(x, "w:altName", alt);
	xml_val(x, "w:charset", "86");
	xml_val(x, "w:family", family);
	xml_val(x, "w:pitch", "variable");
	xml_end(x);
}

/*
 * The office fonts of the four roles.  Where Word finds one missing it
 * takes the altName (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体
 * → 宋体), else a font of the same charset (86, GB2312) and family.
 */
static GBytes *
font_table_xml(const struct config *c)
{
	g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func(g_free);
	struct xml x;

	xml_open(&x);
	xml_start(&x, "w:fonts");
	xml_attr(&x, "xmlns:w", NS_W);
	for (int i = 0; i < TYPEFACE_COUNT; i++) {
		char *font = typeface_first(typeface_families(c, i));

		if (g_ptr_array_find_with_equal_func(seen, font, g_str_equal,
		    NULL)) {
			g_free(font);
			continue;
		}
		g_ptr_array_add(seen, font);
		write_font_entry(&x, font, i == TYPEFACE_HEADING1 ? "swiss" :
		    "roman");
	}
	xml_end(&x);
	return xml_close(&x);
}

static void
write_relationship(struct xml *x, const char *id, const char *type,
    const char *target)
{
	xml_start(x, "Relationship");
	xml_attr(x, "Id", id);
	xml_attr(x, "Type", type);
	xml_attr(x, "Target", target);
	xml_end(x);
}

static GBytes *
package_rels_xml(void)
{
	struct xml x;

	xml_open(&x);
	xml_start(&x, "Relationships");
	xml_attr(&x, "xmlns", NS_RELS);
	write_relationship(&x, "rIdDocument", REL "officeDocument",
	    "word/document.xml");
	write_relationship(&x, "rIdCore", REL_CORE, "docProps/core.xml");
	xml_end(&x);
	return xml_close(&x);
}

static GBytes *
document_rels_xml(GPtrArray *media)
{
	struct xml x;

	xml_open(&x);
	xml_start(&x, "Relationships");
	xml_attr(&x, "xmlns", NS_RELS);
	write_relationship(&x, "rIdStyles", REL "styles", "styles.xml");
	write_relationship(&x, "rIdSettings", REL "settings", "settings.xml");
	write_relationship(&x, "rIdFonts", REL "fontTable", "fontTable.xml");
	write_relationship(&x, "rIdFooterOdd", REL "footer", "footer1.xml");
	write_relationship(&x, "rIdFooterEven", REL "footer", "footer2.xml");
	for (guint i = 0; i < media->len; i++) {
		g_autofree char *id = g_strdup_printf("rIdImage%u", i + 1);
		const char *target = (const char *)media->pdata[i] +
		    strlen("word/");

		write_relationship(&x, id, REL "image", target);
	}
	xml_end(&x);
	return xml_close(&x);
}

static void
write_content_type(struct xml *x, const char *kind, const char *key,
    const char *value, const char *type)
{
	xml_start(x, kind);
	xml_attr(x, key, value);
	xml_attr(x, "ContentType", type);
	xml_end(x);
}

static GBytes *
content_types_xml(void)
{
	static const char *const overrides[][2] = {
		{ "/word/document.xml", CT_WML "document.main+xml" },
		{ "/word/styles.xml", CT_WML "styles+xml" },
		{ "/word/settings.xml", CT_WML "settings+xml" },
		{ "/word/fontTable.xml", CT_WML "fontTable+xml" },
		{ "/word/footer1.xml", CT_WML "footer+xml" },
		{ "/word/footer2.xml", CT_WML "footer+xml" },
		{ "/docProps/core.xml", CT_CORE },
	};
	struct xml x;

	xml_open(&x);
	xml_start(&x, "Types");
	xml_attr(&x, "xmlns", NS_CT);
	write_content_type(&x, "Default", "Extension", "rels", CT_RELS);
	write_content_type(&x, "Default", "Extension", "xml",
	    "application/xml");
	write_content_type(&x, "Default", "Extension", "png", "image/png");
	write_content_type(&x, "Default", "Extension", "jpeg", "image/jpeg");
	for (gsize i = 0; i < G_N_ELEMENTS(overrides); i++)
		write_content_type(&x, "Override", "PartName", overrides[i][0],
		    overrides[i][1]);
	xml_end(&x);
	return xml_close(&x);
}

static GBytes *
core_xml(const struct config *c, const struct issue_view *v)
{
	g_autofree char *title = render_doc_title(c, v);
	struct xml x;

	xml_open(&x);
	xml_start(&x, "cp:coreProperties");
	xml_attr(&x, "xmlns:cp", NS_CP);
	xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	xml_element(&x, "dc:title", title);
	xml_element(&x, "dc:creator", c->bulletin.office);
	xml_element(&x, "dc:language", "zh-CN");
	xml_end(&x);
	return xml_close(&x);
}

/* ---- the zip ---------------------------------------------------------- */

/* Always NULL, after setting ERROR from ZE. */
static GBytes *
docx_zip_error(zip_error_t *ze, GError **error)
{
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "docx: zip: %s", zip_error_strerror(ze));
	return NULL;
}

static gboolean
docx_zip_add(zip_t *za, const struct part *p)
{
	zip_source_t *s = zip_source_buffer(za, g_bytes_get_data(p->data,
	    NULL), g_bytes_get_size(p->data), 0);
	zip_int64_t i;

	if (s == NULL)
		return FALSE;
	if ((i = zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return FALSE;
	}
	return zip_file_set_mtime(za, (zip_uint64_t)i, DOCX_MTIME, 0) == 0 &&
	    (!p->stored || zip_set_file_compression(za, (zip_uint64_t)i,
	    ZIP_CM_STORE, 0) == 0);
}

/* The bytes a finished in-memory archive holds. */
static GBytes *
docx_zip_bytes(zip_source_t *src, GError **error)
{
	zip_stat_t st;
	char *buf;
	zip_int64_t n;

	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(src) < 0)
		return docx_zip_error(zip_source_error(src), error);
	buf = g_malloc(st.size > 0 ? st.size : 1);
	n = zip_source_read(src, buf, st.size);
	zip_source_close(src);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		g_free(buf);
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "docx: zip: short read of the archive");
		return NULL;
	}
	return g_bytes_new_take(buf, st.size);
}

/* PARTS zipped in their order, in memory. */
static GBytes *
docx_zip(GPtrArray *parts, GError **error)
{
	zip_error_t ze;
	g_autoptr(zip_source_t) src = NULL;
	zip_t *za;
	gboolean added = TRUE;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	/* The archive must not free the source: its bytes are read after. */
	if (src != NULL)
		zip_source_keep(src);
	if (src == NULL ||
	    (za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		docx_zip_error(&ze, error);
		zip_error_fini(&ze);
		return NULL;
	}
	for (guint i = 0; added && i < parts->len; i++)
		added = docx_zip_add(za, parts->pdata[i]);
	if (!added || zip_close(za) < 0) {
		docx_zip_error(zip_get_error(za), error);
		zip_discard(za);
		return NULL;
	}
	return docx_zip_bytes(src, error);
}

/* ---- the whole -------------------------------------------------------- */

static gboolean
add_parts(struct docx *d, GBytes *document, GError **error)
{
	const struct config *c = d->config;

	/* [Content_Types].xml first: some readers look for it there. */
	return add_part(d, "[Content_Types].xml", content_types_xml(), FALSE,
	    error) &&
	    add_part(d, "_rels/.rels", package_rels_xml(), FALSE, error) &&
	    add_part(d, "docProps/core.xml", core_xml(c, d->view), FALSE,
	    error) &&
	    add_part(d, "word/document.xml", document, FALSE, error) &&
	    add_part(d, "word/_rels/document.xml.rels",
	    document_rels_xml(d->media), FALSE, error) &&
	    add_part(d, "word/styles.xml", styles_xml(c), FALSE, error) &&
	    add_part(d, "word/settings.xml", settings_xml(), FALSE, error) &&
	    add_part(d, "word/fontTable.xml", font_table_xml(c), FALSE,
	    error) &&
	    add_part(d, "word/footer1.xml", footer_xml(TRUE), FALSE, error) &&
	    add_part(d, "word/footer2.xml", footer_xml(FALSE), FALSE, error);
}

GBytes *
render_docx(const struct config *config, const struct issue_view *view,
    GError **error)
{
	struct docx d = { .config = config, .view = view };
	g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)part_free);
	g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)part_free);
	GBytes *document;

	/* Pictures become parts while the document is written; they go
	 * into the zip after the XML parts. */
	d.media = media;
	d.parts = pictures;
	if (!write_document(&d, &document, error)) {
		g_clear_pointer(&document, g_bytes_unref);
		return NULL;
	}
	d.parts = parts;
	if (!add_parts(&d, document, error))
		return NULL;
	g_ptr_array_extend_and_steal(parts, g_steal_pointer(&pictures));
	return docx_zip(parts, error);
}
