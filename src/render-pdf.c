/*
 * The issue as a PDF; see render-pdf.h.
 *
 * Everything is first broken into boxes, each as high as it advances the
 * page: a line of a Pango layout, a picture, a rule, a space.  Pagination
 * then walks the boxes once, breaking a page before a box whose chain (the
 * boxes tied to it by "keep") does not fit; that is how a headline stays
 * with two lines of its text, an attribution with the last lines of its
 * article, and a paragraph keeps two lines at either end.  The 报尾 is a
 * separate chain set at the foot of the last page.
 *
 * Measures follow GB/T 9704-2012: A4, type area 156 × 225 mm at 37 mm from
 * the top and 28 mm from the left, 22 lines of 28 characters of 三号 text.
 * Page numbers are 四号 "— N —" 7 mm under the type area on the outer side
 * (right on odd pages, left on even ones, a character in from the edge),
 * as the standard has it for documents printed on both sides.
 */
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "article.h"
#include "clock.h"
#include "error.h"
#include "render-doc.h"
#include "render-pdf.h"
#include "render.h"
#include "typeface.h"

#define MM		(72.0 / 25.4)	/* points in a millimetre */
/* A4 as PDF producers round it (210 × 297 mm is 595.276 × 841.890). */
#define PAGE_W		595.28
#define PAGE_H		841.89
#define TEXT_X		(RENDER_DOC_MARGIN_LEFT * MM)
#define TEXT_Y		(RENDER_DOC_MARGIN_TOP * MM)
#define TEXT_W		(RENDER_DOC_TEXT_W * MM)
#define TEXT_H		(RENDER_DOC_TEXT_H * MM)
#define TEXT_BOTTOM	(TEXT_Y + TEXT_H)
#define PITCH		(RENDER_DOC_PITCH_TWIPS / 20.0)	/* a line, 28.95 pt */
#define FOLIO_GAP	(7 * MM)	/* type area to page number */
#define SLACK		0.01		/* rounding, points */

/* Chinese type sizes, in points. */
#define PT_YI_HAO	26.0		/* 一号: the masthead */
#define PT_XIAO_ER	RENDER_DOC_HEADLINE_PT	/* 小二: headlines */
#define PT_SAN_HAO	16.0		/* 三号: text */
#define PT_SI_HAO	14.0		/* 四号: 报尾, page numbers */

/* A picture takes half a page at most, so text goes on around it. */
#define IMAGE_MAX_H	(TEXT_H / 2)
#define IMAGE_PAD	(PITCH / 4)

/*
 * Decoding limits.  A PNG is decoded whole by cairo: 16 Mpx is 64 MiB.
 * A JPEG is decoded scaled down by libjpeg while it is read: 2400 px on
 * the long side is over 390 dpi across the type area.
 */
#define PNG_MAX_PIXELS	(16 * 1024 * 1024)
#define JPEG_MAX_SIDE	2400
#define JPEG_QUALITY	"85"

#define BLACK		0x000000

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cairo_surface_t, cairo_surface_destroy)

struct style {
	enum typeface	 font;
	double		 size;		/* points */
	PangoWeight	 weight;
	PangoAlignment	 align;
	gboolean	 justify;
	double		 indent;	/* first line, characters; < 0 hangs */
	double		 inset;		/* left and right, characters */
	gboolean	 grid;		/* RENDER_DOC_CHARS to a line */
	double		 pitch;		/* line advance, in PITCH */
	guint32		 colour;	/* 0xRRGGBB */
};

static const struct style st_masthead = {
	.font = TYPEFACE_TITLE, .size = PT_YI_HAO, .weight = PANGO_WEIGHT_BOLD,
	.align = PANGO_ALIGN_CENTER, .pitch = RENDER_DOC_MASTHEAD_LINES,
	.colour = RENDER_DOC_RED,
};
static const struct style st_centred = {
	.size = PT_SAN_HAO, .weight = PANGO_WEIGHT_NORMAL,
	.align = PANGO_ALIGN_CENTER, .pitch = 1.0,
};
static const struct style st_left = {
	.size = PT_SAN_HAO, .weight = PANGO_WEIGHT_NORMAL,
	.align = PANGO_ALIGN_LEFT, .pitch = 1.0,
};
static const struct style st_headline = {
	.font = TYPEFACE_TITLE, .size = PT_XIAO_ER, .weight = PANGO_WEIGHT_BOLD,
	.align = PANGO_ALIGN_CENTER, .pitch = RENDER_DOC_HEADLINE_LINES,
};
static const struct style st_body = {
	.size = PT_SAN_HAO, .weight = PANGO_WEIGHT_NORMAL,
	.align = PANGO_ALIGN_LEFT, .justify = TRUE, .indent = 2, .grid = TRUE,
	.pitch = 1.0,
};
static const struct style st_attribution = {
	.size = PT_SAN_HAO, .weight = PANGO_WEIGHT_NORMAL,
	.align = PANGO_ALIGN_RIGHT, .pitch = 1.0,
};
static const struct style st_imprint = {
	.size = PT_SI_HAO, .weight = PANGO_WEIGHT_NORMAL,
	.align = PANGO_ALIGN_LEFT, .inset = 1, .pitch = RENDER_DOC_IMPRINT_LINES,
};

enum box_kind {
	BOX_LINE,	/* one line of a layout */
	BOX_PAIR,	/* a line flush left, another flush right */
	BOX_IMAGE,
	BOX_RULE,	/* across the type area, in the box's middle */
	BOX_SPACE,	/* dropped at the top of a page */
	BOX_ROW,	/* a table's row: never split */
};

/*
 * A table's row typeset: its cells' layouts side by side, as high as its
 * tallest.  Shared (GRcBox) by its box and, for the header row, by every
 * row box that repeats it on a new page.
 */
struct pdf_row {
	GPtrArray	*cells;		/* PangoLayout * */
	GArray		*x;		/* double: columns' left edges and the
					   right one, from the type area's */
	double		 line;		/* a line's advance, points */
	double		 height;
};

struct box {
	enum box_kind	 kind;
	double		 height;	/* advance, points */
	gboolean	 keep;		/* on the same page as the next box */
	guint32		 colour;
	double		 pitch;		/* LINE, PAIR: the line's advance */
	double		 x;		/* LINE: line's offset; PAIR: inset */
	PangoLayout	*layout;	/* LINE, PAIR (left): a reference */
	int		 line;		/* LINE: index in the layout */
	PangoLayout	*right;		/* PAIR: a reference */
	cairo_surface_t	*image;		/* IMAGE: a reference */
	struct pdf_row	*row;		/* ROW: a reference */
	struct pdf_row	*header;	/* ROW: the header row to repeat over
					   it on a new page (a reference), or
					   NULL */
	double		 width;		/* IMAGE: printed; RULE: line weight */
};

/* One rendering.  Owns its font map, layouts and boxes. */
struct pdf {
	const struct config	*config;
	char			*family[TYPEFACE_COUNT];	/* by role: the
						   first installed of its list */
	PangoFontMap		*fontmap;
	PangoContext		*pango;
	GArray			*flow;	/* struct box: all but the 报尾 */
	GArray			*tail;	/* struct box: the 报尾 */
	cairo_t			*cr;
	int			 page;	/* being drawn, from 1 */
	double			 y;	/* top of the next box */
	gboolean		 empty;	/* nothing on this page yet */
};

static void
pdf_row_clear(struct pdf_row *row)
{
	g_ptr_array_unref(row->cells);
	g_array_unref(row->x);
}

static void
pdf_row_release(struct pdf_row *row)
{
	g_rc_box_release_full(row, (GDestroyNotify)pdf_row_clear);
}

static void
box_clear(struct box *b)
{
	g_clear_object(&b->layout);
	g_clear_object(&b->right);
	g_clear_pointer(&b->image, cairo_surface_destroy);
	g_clear_pointer(&b->row, pdf_row_release);
	g_clear_pointer(&b->header, pdf_row_release);
}

static GArray *
boxes_new(void)
{
	GArray *boxes = g_array_new(FALSE, TRUE, sizeof(struct box));

	g_array_set_clear_func(boxes, (GDestroyNotify)box_clear);
	return boxes;
}

static struct box *
box_at(GArray *boxes, guint i)
{
	return &g_array_index(boxes, struct box, i);
}

static struct box *
box_add(GArray *boxes, enum box_kind kind, double height, gboolean keep)
{
	struct box b = { .kind = kind, .height = height, .keep = keep };

	g_array_append_val(boxes, b);
	return box_at(boxes, boxes->len - 1);
}

/*
 * A private font map per rendering, so that the daemon's fonts are
 * released after each issue.  Metrics are unhinted and glyph positions
 * unrounded: this is vector output, and what is measured must be what is
 * printed.  The language makes Noto CJK's Simplified Chinese glyphs win.
 */
static void
pdf_init(struct pdf *d, const struct config *config)
{
	cairo_font_options_t *options = cairo_font_options_create();

	memset(d, 0, sizeof(*d));
	d->config = config;
	for (int i = 0; i < TYPEFACE_COUNT; i++) {
		const char *list = typeface_families(config, i);

		d->family[i] = typeface_installed(list);
		if (d->family[i] == NULL)
			d->family[i] = g_strdup(list);
	}
	d->fontmap = pango_cairo_font_map_new();
	d->pango = pango_font_map_create_context(d->fontmap);
	pango_cairo_context_set_resolution(d->pango, 72.0);
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d->pango, options);
	cairo_font_options_destroy(options);
	pango_context_set_round_glyph_positions(d->pango, FALSE);
	pango_context_set_language(d->pango,
	    pango_language_from_string("zh-cn"));
	d->flow = boxes_new();
	d->tail = boxes_new();
	d->page = 1;
	d->y = TEXT_Y;
	d->empty = TRUE;
}

static void
pdf_clear(struct pdf *d)
{
	g_array_unref(d->flow);
	g_array_unref(d->tail);
	g_object_unref(d->pango);
	g_object_unref(d->fontmap);
	for (int i = 0; i < TYPEFACE_COUNT; i++)
		g_free(d->family[i]);
}

/*
 * The autospace Word puts between Chinese and Latin or figures, as a
 * character of its own: a six-per-em space, drawn as nothing and as wide
 * as the style wants (its shape).  Being a character, it counts when
 * lines are broken, as it does in Word and LibreOffice.
 */
#define AUTOSPACE	"\u2006"

/*
 * TEXT with an AUTOSPACE wherever render_doc_autospace() wants one; the
 * byte offsets of those spaces are appended to AT, and *BOLD_LEN (a
 * prefix's length in TEXT) is moved to the same characters.
 */
static char *
autospaced(const char *text, GArray *at, gsize *bold_len)
{
	GString *out = g_string_sized_new(strlen(text));
	gunichar prev = 0;
	gsize bold = *bold_len;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (prev != 0 && render_doc_autospace(prev, c)) {
			guint offset = (guint)out->len;

			g_array_append_val(at, offset);
			g_string_append(out, AUTOSPACE);
			if ((gsize)(p - text) < bold)
				*bold_len += strlen(AUTOSPACE);
		}
		g_string_append_unichar(out, c);
		prev = c;
	}
	return g_string_free(out, FALSE);
}

static void
add_autospace_shapes(PangoAttrList *attrs, GArray *at, double size)
{
	PangoRectangle r = { 0, 0, 0, 0 };

	r.width = pango_units_from_double(RENDER_DOC_AUTOSPACE * size);
	for (guint i = 0; i < at->len; i++) {
		PangoAttribute *shape = pango_attr_shape_new(&r, &r);

		shape->start_index = g_array_index(at, guint, i);
		shape->end_index = shape->start_index + strlen(AUTOSPACE);
		pango_attr_list_insert(attrs, shape);
	}
}

/* The first character of a cluster and its last one's glyph. */
struct cluster {
	gunichar	 first;
	gunichar	 last;
	PangoGlyphInfo	*glyph;
};

static void
line_clusters(PangoLayoutLine *line, const char *text, GArray *out)
{
	for (GSList *l = line->runs; l != NULL; l = l->next) {
		PangoGlyphItemIter it;
		gboolean more = pango_glyph_item_iter_init_start(&it, l->data,
		    text);

		for (; more; more = pango_glyph_item_iter_next_cluster(&it)) {
			struct cluster c = {
				.first = g_utf8_get_char(text + it.start_index),
				.last = g_utf8_get_char(g_utf8_prev_char(
				    text + it.end_index)),
				.glyph = &it.glyph_item->glyphs->glyphs[
				    it.end_glyph - 1],
			};

			g_array_append_val(out, c);
		}
	}
}

/*
 * LINE made WIDTH (Pango units) wide by widening the gaps that
 * render_doc_stretches() allows, all alike.  Pango's own justification
 * widens every gap, the figures of 1460 too.  Glyph widths of a line are
 * Pango's to change, and ours once the line is got writable.
 */
static void
justify_line(PangoLayoutLine *line, const char *text, int width)
{
	g_autoptr(GArray) clusters = g_array_new(FALSE, FALSE,
	    sizeof(struct cluster));
	g_autoptr(GPtrArray) gaps = g_ptr_array_new();
	PangoRectangle logical;
	int extra;

	pango_layout_line_get_extents(line, NULL, &logical);
	extra = width - logical.width;
	line_clusters(line, text, clusters);
	for (guint i = 0; i + 1 < clusters->len; i++) {
		struct cluster *a = &g_array_index(clusters, struct cluster, i);
		struct cluster *b = a + 1;

		if (render_doc_stretches(a->last, b->first))
			g_ptr_array_add(gaps, a->glyph);
	}
	if (extra <= 0 || gaps->len == 0)
		return;
	for (guint i = 0; i < gaps->len; i++) {
		PangoGlyphInfo *g = gaps->pdata[i];

		g->geometry.width += extra / (int)gaps->len +
		    (i < (guint)(extra % (int)gaps->len) ? 1 : 0);
	}
}

/* Every line of LAYOUT but its last as wide as the layout. */
static void
justify_layout(PangoLayout *layout)
{
	const char *text = pango_layout_get_text(layout);
	int n = pango_layout_get_line_count(layout);
	int width = pango_layout_get_width(layout);
	int indent = pango_layout_get_indent(layout);

	for (int i = 0; i + 1 < n; i++) {
		PangoLayoutLine *line = pango_layout_get_line(layout, i);

		justify_line(line, text, width - (line->is_paragraph_start &&
		    indent > 0 ? indent : 0));
	}
}

/*
 * TEXT (plain: never markup) laid out in style S, WIDTH points wide (or
 * -1: one line), its first PREFIX_LEN bytes with attribute PREFIX (taken;
 * NULL: none).  The prefix is set before autospacing and justifying, so
 * both measure it in its own face.
 */
static PangoLayout *
pdf_layout_prefixed(struct pdf *d, const struct style *s, const char *text,
    double width, gsize prefix_len, PangoAttribute *prefix)
{
	PangoLayout *layout = pango_layout_new(d->pango);
	g_autoptr(PangoFontDescription) font = pango_font_description_new();
	g_autoptr(PangoAttrList) attrs = pango_attr_list_new();
	g_autoptr(GArray) spaces = g_array_new(FALSE, FALSE, sizeof(guint));
	g_autofree char *spaced = autospaced(text, spaces, &prefix_len);

	pango_font_description_set_family(font, d->family[s->font]);
	pango_font_description_set_weight(font, s->weight);
	pango_font_description_set_absolute_size(font, s->size * PANGO_SCALE);
	pango_layout_set_font_description(layout, font);
	pango_layout_set_width(layout, width < 0 ? -1 :
	    pango_units_from_double(width));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(layout, s->align);
	pango_layout_set_indent(layout, pango_units_from_double(s->indent *
	    s->size));
	if (s->grid)
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
		    pango_units_from_double(-RENDER_DOC_CONDENSE)));
	if (prefix != NULL) {
		prefix->start_index = 0;
		prefix->end_index = (guint)prefix_len;
		pango_attr_list_insert(attrs, prefix);
	}
	add_autospace_shapes(attrs, spaces, s->size);
	pango_layout_set_attributes(layout, attrs);
	pango_layout_set_text(layout, spaced, -1);
	if (s->justify && width >= 0)
		justify_layout(layout);
	return layout;
}

/* TEXT in style S, WIDTH points wide, its first BOLD_LEN bytes in bold. */
static PangoLayout *
pdf_layout(struct pdf *d, const struct style *s, const char *text,
    double width, gsize bold_len)
{
	return pdf_layout_prefixed(d, s, text, width, bold_len,
	    bold_len > 0 ? pango_attr_weight_new(PANGO_WEIGHT_BOLD) : NULL);
}

/* A font that draws Chinese, or the PDF would be empty boxes. */
static gboolean
pdf_check_fonts(struct pdf *d, GError **error)
{
	const struct style *styles[] = { &st_masthead, &st_body };

	for (gsize i = 0; i < G_N_ELEMENTS(styles); i++) {
		g_autoptr(PangoLayout) layout = pdf_layout(d, styles[i],
		    "工作简报", -1, 0);

		if (pango_layout_get_unknown_glyphs_count(layout) == 0)
			continue;
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "no installed font has Chinese glyphs (render: %s \"%s\")",
		    i == 0 ? "title_font" : "body_font",
		    i == 0 ? d->config->render.title_font :
		    d->config->render.body_font);
		return FALSE;
	}
	return TRUE;
}

/*
 * The lines of LAYOUT as boxes.  KEEP ties them all to what follows;
 * otherwise a paragraph's first two and last two lines stay together (no
 * orphans, no widows).
 */
static void
add_layout(GArray *boxes, PangoLayout *layout, const struct style *s,
    gboolean keep)
{
	g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter(layout);
	int n = pango_layout_get_line_count(layout);
	int i = 0;

	do {
		PangoRectangle logical;
		struct box *b = box_add(boxes, BOX_LINE, s->pitch * PITCH,
		    keep || (n > 1 && (i == 0 || i == n - 2)));

		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		b->colour = s->colour;
		b->pitch = b->height;
		b->x = s->inset * s->size + pango_units_to_double(logical.x);
		b->layout = g_object_ref(layout);
		b->line = i++;
	} while (pango_layout_iter_next_line(iter));
}

static void
add_text(struct pdf *d, GArray *boxes, const struct style *s,
    const char *text, gboolean keep)
{
	g_autofree char *clean = render_doc_clean_text(text);
	g_autoptr(PangoLayout) layout = pdf_layout(d, s, clean,
	    TEXT_W - 2 * s->inset * s->size, 0);

	add_layout(boxes, layout, s, keep);
}

/* A headline on the lines render_doc_headline_lines() gives the .docx too
 * (a line separator between them, which Pango breaks at). */
static void
add_headline(struct pdf *d, const char *title)
{
	g_auto(GStrv) lines = render_doc_headline_lines(title);
	g_autofree char *text = g_strjoinv("\u2028", lines);
	g_autoptr(PangoLayout) layout = pdf_layout(d, &st_headline, text,
	    TEXT_W, 0);

	add_layout(d->flow, layout, &st_headline, TRUE);
}

static void
add_rule(GArray *boxes, double height, double weight, guint32 colour,
    gboolean keep)
{
	struct box *b = box_add(boxes, BOX_RULE, height, keep);

	b->width = weight;
	b->colour = colour;
}

static double
layout_width(PangoLayout *layout)
{
	int width;

	pango_layout_get_size(layout, &width, NULL);
	return pango_units_to_double(width);
}

/*
 * LEFT flush left and RIGHT flush right on one line, or, when they do not
 * fit side by side with a character between, on two.
 */
static void
add_pair(struct pdf *d, GArray *boxes, const struct style *s,
    const char *left, const char *right, gboolean keep)
{
	g_autofree char *l = render_doc_clean_text(left);
	g_autofree char *r = render_doc_clean_text(right);
	g_autoptr(PangoLayout) ll = pdf_layout(d, s, l, -1, 0);
	g_autoptr(PangoLayout) rl = pdf_layout(d, s, r, -1, 0);
	double inset = s->inset * s->size;
	struct style flush_right = *s;
	struct box *b;

	if (layout_width(ll) + s->size + layout_width(rl) >
	    TEXT_W - 2 * inset) {
		flush_right.align = PANGO_ALIGN_RIGHT;
		add_text(d, boxes, s, l, TRUE);
		add_text(d, boxes, &flush_right, r, keep);
		return;
	}
	b = box_add(boxes, BOX_PAIR, s->pitch * PITCH, keep);
	b->layout = g_steal_pointer(&ll);
	b->right = g_steal_pointer(&rl);
	b->pitch = b->height;
	b->x = inset;
}

static void
add_masthead(struct pdf *d, const struct issue_view *view)
{
	g_autofree char *label = issue_number_text(view);

	add_text(d, d->flow, &st_masthead, d->config->bulletin.title, TRUE);
	box_add(d->flow, BOX_SPACE, PITCH * RENDER_DOC_MASTHEAD_SPACE, TRUE);
	add_text(d, d->flow, &st_centred, label, TRUE);
	add_pair(d, d->flow, &st_left, d->config->bulletin.office,
	    view->date, TRUE);
	add_rule(d->flow, PITCH * RENDER_DOC_MASTHEAD_RULE, 2.0, RENDER_DOC_RED, FALSE);
}

/* 编者按, its label in bold, closed by a thin rule. */
static void
add_note(struct pdf *d, const char *note)
{
	g_auto(GStrv) paras = article_paragraphs(note);
	gboolean first = TRUE;

	box_add(d->flow, BOX_SPACE, PITCH * RENDER_DOC_NOTE_SPACE, FALSE);
	for (guint i = 0; paras[i] != NULL; i++) {
		g_autofree char *clean = render_doc_clean_text(paras[i]);
		g_autofree char *text = NULL;
		g_autoptr(PangoLayout) layout = NULL;

		if (*clean == '\0')
			continue;
		text = g_strconcat(first ? "编者按：" : "", clean, NULL);
		layout = pdf_layout(d, &st_body, text, TEXT_W,
		    first ? strlen("编者按：") : 0);
		add_layout(d->flow, layout, &st_body, FALSE);
		first = FALSE;
	}
	add_rule(d->flow, PITCH * RENDER_DOC_NOTE_SPACE, 0.5, BLACK, FALSE);
}

/* What cairo's PNG reader has yet to read of a picture. */
struct png_rest {
	const guint8	*p;
	gsize		 len;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int length)
{
	struct png_rest *rest = closure;

	if (length > rest->len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, rest->p, length);
	rest->p += length;
	rest->len -= length;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png(const struct issue_image *image,
    const struct render_doc_image_info *info, GError **error)
{
	struct png_rest rest;
	cairo_surface_t *s;

	if ((gint64)info->width * info->height > PNG_MAX_PIXELS) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "PNG of %d×%d pixels is too large", info->width,
		    info->height);
		return NULL;
	}
	rest.p = g_bytes_get_data(image->data, &rest.len);
	s = cairo_image_surface_create_from_png_stream(png_read, &rest);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "PNG: %s", cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

/* Ask libjpeg for a scaled decode of large pictures. */
static void
jpeg_size_prepared(GdkPixbufLoader *loader, int width, int height,
    gpointer data)
{
	double scale = (double)JPEG_MAX_SIDE / MAX(width, height);

	if (scale < 1.0)
		gdk_pixbuf_loader_set_size(loader, MAX(1, (int)(width * scale)),
		    MAX(1, (int)(height * scale)));
}

/* The JPEG decoder alone may see these bytes, whatever they claim. */
static GdkPixbuf *
decode_jpeg_pixbuf(GBytes *data, GError **error)
{
	g_autoptr(GdkPixbufLoader) loader = NULL;
	g_autoptr(GError) local = NULL;
	GdkPixbuf *pixbuf;

	loader = gdk_pixbuf_loader_new_with_type("jpeg", &local);
	if (loader != NULL) {
		g_signal_connect(loader, "size-prepared",
		    G_CALLBACK(jpeg_size_prepared), NULL);
		if (!gdk_pixbuf_loader_write_bytes(loader, data, &local))
			gdk_pixbuf_loader_close(loader, NULL);
		else
			gdk_pixbuf_loader_close(loader, &local);
	}
	pixbuf = local == NULL ? gdk_pixbuf_loader_get_pixbuf(loader) : NULL;
	if (pixbuf == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "JPEG: %s", local != NULL ? local->message : "no picture");
		return NULL;
	}
	return g_object_ref(pixbuf);
}

static void
copy_row(guint32 *out, const guint8 *in, int width, int channels)
{
	for (int x = 0; x < width; x++, in += channels) {
		guint a = channels == 4 ? in[3] : 0xff;

		/* cairo wants premultiplied alpha */
		out[x] = (guint32)a << 24 | (in[0] * a / 0xff) << 16 |
		    (in[1] * a / 0xff) << 8 | in[2] * a / 0xff;
	}
}

static cairo_surface_t *
surface_from_pixbuf(GdkPixbuf *pixbuf)
{
	int w = gdk_pixbuf_get_width(pixbuf);
	int h = gdk_pixbuf_get_height(pixbuf);
	int channels = gdk_pixbuf_get_n_channels(pixbuf);
	int rowstride = gdk_pixbuf_get_rowstride(pixbuf);
	const guint8 *in = gdk_pixbuf_read_pixels(pixbuf);
	cairo_surface_t *s = cairo_image_surface_create(channels == 4 ?
	    CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
	guint8 *out;
	int stride;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return s;
	g_assert(gdk_pixbuf_get_bits_per_sample(pixbuf) == 8);
	cairo_surface_flush(s);
	out = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++)
		copy_row((guint32 *)(void *)(out + (gsize)y * stride),
		    in + (gsize)y * rowstride, w, channels);
	cairo_surface_mark_dirty(s);
	return s;
}

/*
 * The PDF embeds a JPEG as it is (DCTDecode) when cairo is given the
 * stream: the sender's own when the surface is exactly its picture (not
 * scaled, not turned, grey or colour but not CMYK, whose inverted Adobe
 * variant PDF viewers disagree on), else the decoded picture re-encoded.
 * Without this, cairo would store the pixels deflated, ten times larger.
 */
static GBytes *
jpeg_stream(GdkPixbuf *pixbuf, gboolean turned,
    const struct issue_image *image, const struct render_doc_image_info *info)
{
	char *buf;
	gsize len;

	if (!turned && gdk_pixbuf_get_width(pixbuf) == info->width &&
	    gdk_pixbuf_get_height(pixbuf) == info->height &&
	    (info->components == 1 || info->components == 3))
		return g_bytes_ref(image->data);
	if (!gdk_pixbuf_save_to_buffer(pixbuf, &buf, &len, "jpeg", NULL,
	    "quality", JPEG_QUALITY, NULL))
		return NULL;
	return g_bytes_new_take(buf, len);
}

static cairo_surface_t *
decode_jpeg(const struct issue_image *image,
    const struct render_doc_image_info *info, GError **error)
{
	g_autoptr(GdkPixbuf) decoded = decode_jpeg_pixbuf(image->data, error);
	g_autoptr(GdkPixbuf) pixbuf = NULL;
	cairo_surface_t *s;
	GBytes *stream;

	if (decoded == NULL)
		return NULL;
	/* Phones store pictures sideways and say so in Exif. */
	pixbuf = gdk_pixbuf_apply_embedded_orientation(decoded);
	s = surface_from_pixbuf(pixbuf);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "JPEG: %s",
		    cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	/* Without the stream cairo falls back on the pixels. */
	stream = jpeg_stream(pixbuf, pixbuf != decoded, image, info);
	if (stream != NULL && cairo_surface_set_mime_data(s,
	    CAIRO_MIME_TYPE_JPEG, g_bytes_get_data(stream, NULL),
	    g_bytes_get_size(stream), (cairo_destroy_func_t)g_bytes_unref,
	    stream) != CAIRO_STATUS_SUCCESS)
		g_bytes_unref(stream);
	return s;
}

static gboolean
add_image(GArray *boxes, const struct issue_image *image, GError **error)
{
	struct render_doc_image_info info;
	cairo_surface_t *s;
	struct box *b;
	double w, h;

	if (!render_doc_image_probe(image, &info, error))
		return FALSE;
	s = info.format == RENDER_DOC_PNG ? decode_png(image, &info, error) :
	    decode_jpeg(image, &info, error);
	if (s == NULL)
		return FALSE;
	/* The printed size from the decoded surface: it may be turned. */
	info.width = cairo_image_surface_get_width(s);
	info.height = cairo_image_surface_get_height(s);
	render_doc_image_fit(&info, RENDER_DOC_TEXT_W, IMAGE_MAX_H / MM, &w,
	    &h);
	b = box_add(boxes, BOX_IMAGE, h * MM + 2 * IMAGE_PAD, FALSE);
	b->image = s;
	b->width = w * MM;
	return TRUE;
}

/*
 * The attribute of a heading of LEVEL: its role's face (at the body's
 * size, 三号), or bold for a leading 一是 phrase.
 */
static PangoAttribute *
heading_attr(struct pdf *d, enum article_heading_level level)
{
	if (level == ARTICLE_HEADING_LEAD)
		return pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	return pango_attr_family_new(d->family[level == ARTICLE_HEADING_1 ?
	    TYPEFACE_HEADING1 : TYPEFACE_HEADING2]);
}

/* A paragraph of the text; a heading that is all of it keeps with the
 * next. */
static void
add_body_paragraph(struct pdf *d, const char *para)
{
	g_autofree char *clean = render_doc_clean_text(para);
	g_autoptr(PangoLayout) layout = NULL;
	struct article_heading h;

	if (*clean == '\0')
		return;
	if (article_heading_find(clean, &h))
		layout = pdf_layout_prefixed(d, &st_body, clean, TEXT_W, h.len,
		    heading_attr(d, h.level));
	else
		layout = pdf_layout(d, &st_body, clean, TEXT_W, 0);
	add_layout(d->flow, layout, &st_body, h.level != ARTICLE_HEADING_LEAD &&
	    h.len == strlen(clean));
}

static void
add_paragraphs(struct pdf *d, const char *body)
{
	g_auto(GStrv) paras = article_paragraphs(body);

	for (guint i = 0; paras[i] != NULL; i++)
		add_body_paragraph(d, paras[i]);
}

/* ---- tables ---------------------------------------------------------- */

#define TABLE_PAD_X	(RENDER_DOC_TABLE_PAD_X / 20.0)
#define TABLE_PAD_Y	(RENDER_DOC_TABLE_PAD_Y / 20.0)
#define TABLE_RULE	(RENDER_DOC_TABLE_RULE / 8.0)

/* The body face at the table's size, bold in the header. */
static struct style
cell_style(const struct render_doc_table *m, const char *cell,
    gboolean header)
{
	struct style s = {
		.font = TYPEFACE_BODY, .size = m->size / 2.0,
		.weight = header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
		.align = render_doc_table_centred(cell, header) ?
		    PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
		.pitch = m->line / 20.0 / PITCH,
	};

	return s;
}

/* CELLS (char *) laid out in the columns X of table M. */
static struct pdf_row *
table_row(struct pdf *d, const struct render_doc_table *m, GArray *x,
    GPtrArray *cells, gboolean header)
{
	struct pdf_row *row = g_rc_box_new0(struct pdf_row);
	int lines = 1;

	row->cells = g_ptr_array_new_with_free_func(g_object_unref);
	row->x = g_array_ref(x);
	row->line = m->line / 20.0;
	for (guint j = 0; j < cells->len; j++) {
		g_autofree char *clean = render_doc_clean_text(cells->pdata[j]);
		struct style s = cell_style(m, clean, header);
		double w = g_array_index(x, double, j + 1) -
		    g_array_index(x, double, j) - 2 * TABLE_PAD_X;
		PangoLayout *layout = pdf_layout(d, &s, clean, w, 0);

		lines = MAX(lines, pango_layout_get_line_count(layout));
		g_ptr_array_add(row->cells, layout);
	}
	/* The rule above a row takes its width, as in LibreOffice. */
	row->height = TABLE_RULE + lines * row->line + 2 * TABLE_PAD_Y;
	return row;
}

static void
add_row(struct pdf *d, struct pdf_row *row, struct pdf_row *header)
{
	struct box *b = box_add(d->flow, BOX_ROW, row->height, header == NULL);

	b->row = row;
	b->header = header != NULL ? g_rc_box_acquire(header) : NULL;
}

/* The columns' edges from the widths both documents share. */
static GArray *
table_edges(const struct render_doc_table *m)
{
	GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
	double at = 0;

	g_array_append_val(x, at);
	for (guint j = 0; j < m->widths->len; j++) {
		at += g_array_index(m->widths, int, j) / 20.0;
		g_array_append_val(x, at);
	}
	return x;
}

/*
 * A table: its header row kept with the first row and repeated over the
 * rows a page break carries on; each row one box, so never split; its
 * note under it in the table's size.
 */
static void
add_table(struct pdf *d, const struct issue_table *t)
{
	struct render_doc_table m;
	g_autoptr(GArray) x = NULL;
	struct pdf_row *header;

	render_doc_table_measure(t, &m);
	x = table_edges(&m);
	header = table_row(d, &m, x, t->header, TRUE);
	add_row(d, header, NULL);
	for (guint i = 0; i < t->rows->len; i++)
		add_row(d, table_row(d, &m, x, t->rows->pdata[i], FALSE),
		    header);
	if (t->note != NULL && *t->note != '\0') {
		struct style s = cell_style(&m, "", FALSE);

		s.justify = TRUE;
		add_text(d, d->flow, &s, t->note, FALSE);
	}
	render_doc_table_clear(&m);
}

/* （UNIT供稿）, the last two boxes from START on kept with it. */
static void
add_attribution(struct pdf *d, guint start, const char *unit)
{
	g_autofree char *by = g_strdup_printf("（%s供稿）", unit);

	for (guint i = d->flow->len; i > start && i + 2 > d->flow->len; i--)
		box_at(d->flow, i - 1)->keep = TRUE;
	add_text(d, d->flow, &st_attribution, by, FALSE);
}

/*
 * Headline, text, table, pictures, （…供稿）.  The headline keeps with
 * the first two boxes of the text; the attribution with the last two.
 */
static gboolean
add_article(struct pdf *d, const struct issue_article *a, guint n,
    GError **error)
{
	guint start;

	box_add(d->flow, BOX_SPACE, PITCH * RENDER_DOC_HEADLINE_BEFORE, TRUE);
	add_headline(d, a->title);
	box_add(d->flow, BOX_SPACE, PITCH * RENDER_DOC_HEADLINE_AFTER, TRUE);
	start = d->flow->len;
	add_paragraphs(d, a->body);
	if (a->table != NULL)
		add_table(d, a->table);
	for (guint i = 0; a->images != NULL && i < a->images->len; i++) {
		const struct issue_image *image = a->images->pdata[i];

		if (!add_image(d->flow, image, error)) {
			g_prefix_error(error, "article %u (%s): picture %s: ",
			    n, a->unit_name != NULL ? a->unit_name : a->title,
			    image->name);
			return FALSE;
		}
	}
	if (d->flow->len > start)
		box_at(d->flow, start)->keep = TRUE;
	if (a->unit_name != NULL)
		add_attribution(d, start, a->unit_name);
	return TRUE;
}

/* 报：/送：/发：/本期增发： LABEL, wrapped under its text. */
static void
add_list(struct pdf *d, const char *name, const char *label)
{
	g_autofree char *text = g_strconcat(name, label, NULL);
	struct style s = st_imprint;

	s.indent = -(double)g_utf8_strlen(name, -1);
	add_text(d, d->tail, &s, text, TRUE);
}

/* GB/T 9704's 版记: heavy rules outside, a light one inside, across the
 * type area. */
static void
add_imprint(struct pdf *d, const struct issue_view *view)
{
	const struct config *c = d->config;
	g_autofree char *editor = g_strconcat("主编：",
	    c->bulletin.chief_editor, NULL);
	g_autofree char *mailbox = g_strconcat("邮箱：", c->bulletin.mailbox,
	    NULL);

	add_rule(d->tail, PITCH * RENDER_DOC_IMPRINT_RULE, 1.0, BLACK, TRUE);
	add_list(d, "报：", c->bao.label);
	if (c->song.label != NULL)
		add_list(d, "送：", c->song.label);
	add_list(d, "发：", c->fa.label);
	if (view->extra_label != NULL)
		add_list(d, "本期增发：", view->extra_label);
	add_rule(d->tail, PITCH * RENDER_DOC_IMPRINT_RULE, 0.7, BLACK, TRUE);
	add_pair(d, d->tail, &st_imprint, editor, mailbox, TRUE);
	/* No height: the last rule is the type area's foot, as GB/T 9704
	 * puts it on the last line. */
	add_rule(d->tail, 0, 1.0, BLACK, FALSE);
}

static gboolean
pdf_build(struct pdf *d, const struct issue_view *view, GError **error)
{
	if (!pdf_check_fonts(d, error))
		return FALSE;
	add_masthead(d, view);
	if (view->note != NULL && *view->note != '\0')
		add_note(d, view->note);
	for (guint i = 0; i < view->articles->len; i++)
		if (!add_article(d, view->articles->pdata[i], i + 1, error))
			return FALSE;
	add_imprint(d, view);
	return TRUE;
}

static void
set_colour(cairo_t *cr, guint32 rgb)
{
	cairo_set_source_rgb(cr, (rgb >> 16 & 0xff) / 255.0,
	    (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Line I of LAYOUT centred vertically in a line of PITCH from TOP. */
static void
draw_line(cairo_t *cr, PangoLayout *layout, int i, double x, double top,
    double pitch)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, i);
	PangoRectangle logical;

	pango_layout_line_get_extents(line, NULL, &logical);
	cairo_move_to(cr, x, top + (pitch - pango_units_to_double(
	    logical.height)) / 2 - pango_units_to_double(logical.y));
	pango_cairo_show_layout_line(cr, line);
}

static void
draw_pair(cairo_t *cr, const struct box *b, double top)
{
	draw_line(cr, b->layout, 0, TEXT_X + b->x, top, b->pitch);
	draw_line(cr, b->right, 0, TEXT_X + TEXT_W - b->x -
	    layout_width(b->right), top, b->pitch);
}

static void
draw_image(cairo_t *cr, const struct box *b, double top)
{
	double sw = cairo_image_surface_get_width(b->image);
	double h = b->height - 2 * IMAGE_PAD;

	cairo_save(cr);
	cairo_translate(cr, TEXT_X + (TEXT_W - b->width) / 2, top + IMAGE_PAD);
	cairo_scale(cr, b->width / sw, h / cairo_image_surface_get_height(
	    b->image));
	cairo_set_source_surface(cr, b->image, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
}

/* LAYOUT's lines from TOP, each PITCH high, X its left edge. */
static void
draw_lines(cairo_t *cr, PangoLayout *layout, double x, double top,
    double pitch)
{
	g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter(layout);
	int i = 0;

	do {
		PangoRectangle logical;

		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		draw_line(cr, layout, i, x + pango_units_to_double(logical.x),
		    top + i * pitch, pitch);
		i++;
	} while (pango_layout_iter_next_line(iter));
}

/*
 * The row's rules: the one above it in its first TABLE_RULE points, the
 * one below where the next row's would be (the last row's is the
 * table's foot), and those between its cells.
 */
static void
draw_row_rules(cairo_t *cr, const struct pdf_row *row, double top)
{
	double right = g_array_index(row->x, double, row->x->len - 1);
	double y = top + TABLE_RULE / 2;

	cairo_set_line_width(cr, TABLE_RULE);
	cairo_move_to(cr, TEXT_X, y);
	cairo_rel_line_to(cr, right, 0);
	cairo_move_to(cr, TEXT_X, y + row->height);
	cairo_rel_line_to(cr, right, 0);
	for (guint j = 0; j < row->x->len; j++) {
		cairo_move_to(cr, TEXT_X + g_array_index(row->x, double, j), y);
		cairo_rel_line_to(cr, 0, row->height);
	}
	cairo_stroke(cr);
}

/* Each cell's lines centred in the row's height under its rule. */
static void
draw_row(cairo_t *cr, const struct pdf_row *row, double top)
{
	double inner = row->height - TABLE_RULE;

	for (guint j = 0; j < row->cells->len; j++) {
		PangoLayout *layout = row->cells->pdata[j];
		double h = pango_layout_get_line_count(layout) * row->line;

		draw_lines(cr, layout, TEXT_X + g_array_index(row->x, double,
		    j) + TABLE_PAD_X, top + TABLE_RULE + (inner - h) / 2,
		    row->line);
	}
	draw_row_rules(cr, row, top);
}

static void
draw_box(cairo_t *cr, const struct box *b, double top)
{
	set_colour(cr, b->colour);
	switch (b->kind) {
	case BOX_LINE:
		draw_line(cr, b->layout, b->line, TEXT_X + b->x, top,
		    b->pitch);
		break;
	case BOX_PAIR:
		draw_pair(cr, b, top);
		break;
	case BOX_IMAGE:
		draw_image(cr, b, top);
		break;
	case BOX_RULE:
		cairo_set_line_width(cr, b->width);
		cairo_move_to(cr, TEXT_X, top + b->height / 2);
		cairo_rel_line_to(cr, TEXT_W, 0);
		cairo_stroke(cr);
		break;
	case BOX_ROW:
		draw_row(cr, b->row, top);
		break;
	case BOX_SPACE:
		break;
	}
}

/* "— N —" under the type area, a character in from the outer edge. */
static void
draw_folio(struct pdf *d)
{
	static const struct style st_folio = {
		.size = PT_SI_HAO, .weight = PANGO_WEIGHT_NORMAL,
		.align = PANGO_ALIGN_LEFT, .pitch = 1.0,
	};
	g_autofree char *text = g_strdup_printf("— %d —", d->page);
	g_autoptr(PangoLayout) layout = pdf_layout(d, &st_folio, text, -1, 0);
	PangoRectangle ink, logical;
	double x;

	pango_layout_get_extents(layout, &ink, &logical);
	x = d->page % 2 == 1 ? TEXT_X + TEXT_W - PT_SI_HAO -
	    pango_units_to_double(logical.width) : TEXT_X + PT_SI_HAO;
	set_colour(d->cr, BLACK);
	/* The standard measures to the top of the figures. */
	cairo_move_to(d->cr, x, TEXT_BOTTOM + FOLIO_GAP -
	    pango_units_to_double(ink.y));
	pango_cairo_show_layout(d->cr, layout);
}

static void
new_page(struct pdf *d)
{
	draw_folio(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = TEXT_Y;
	d->empty = TRUE;
}

static double
chain_height(GArray *boxes, guint i)
{
	double h = 0;

	for (; i < boxes->len; i++) {
		h += box_at(boxes, i)->height;
		if (!box_at(boxes, i)->keep)
			break;
	}
	return h;
}

/* A table's header row over the rows it carries on to a new page. */
static void
repeat_header(struct pdf *d, const struct box *b)
{
	if (b->kind != BOX_ROW || b->header == NULL)
		return;
	set_colour(d->cr, BLACK);
	draw_row(d->cr, b->header, d->y);
	d->y += b->header->height;
	d->empty = FALSE;
}

/*
 * Break before a box when the chain it starts does not fit; a chain
 * longer than a page cannot be kept and breaks where it must.  A space
 * at the top of a page is dropped.
 */
static void
draw_flow(struct pdf *d)
{
	for (guint i = 0; i < d->flow->len; i++) {
		const struct box *b = box_at(d->flow, i);
		double need = b->height;

		if (i == 0 || !box_at(d->flow, i - 1)->keep)
			need = chain_height(d->flow, i);
		if (need > TEXT_H)
			need = b->height;
		if (!d->empty && d->y + need > TEXT_BOTTOM + SLACK) {
			new_page(d);
			repeat_header(d, b);
		}
		if (d->empty && b->kind == BOX_SPACE)
			continue;
		draw_box(d->cr, b, d->y);
		d->y += b->height;
		d->empty = FALSE;
	}
}

/*
 * The 报尾 ends at the foot of the last page, on a page of its own if the
 * text leaves no room for it.
 */
static void
draw_tail(struct pdf *d)
{
	double h = chain_height(d->tail, 0);

	if (!d->empty && d->y + h > TEXT_BOTTOM + SLACK)
		new_page(d);
	d->y = MAX(TEXT_Y, TEXT_BOTTOM - h);
	for (guint i = 0; i < d->tail->len; i++) {
		draw_box(d->cr, box_at(d->tail, i), d->y);
		d->y += box_at(d->tail, i)->height;
	}
	draw_folio(d);
}

static cairo_status_t
write_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static gboolean
pdf_print(struct pdf *d, const struct issue_view *view, GByteArray *out,
    GError **error)
{
	g_autoptr(cairo_surface_t) surface =
	    cairo_pdf_surface_create_for_stream(write_bytes, out, PAGE_W,
	    PAGE_H);
	g_autofree char *title = render_doc_title(d->config, view);
	g_autoptr(GDateTime) now = clock_now();
	g_autofree char *created = g_date_time_format(now, "%FT%T%:z");
	cairo_status_t status;

	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
	    d->config->bulletin.office);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	    "bulletind");
	/* cairo would date the file in the process's zone, not the office's */
	cairo_pdf_surface_set_metadata(surface,
	    CAIRO_PDF_METADATA_CREATE_DATE, created);
	d->cr = cairo_create(surface);
	draw_flow(d);
	draw_tail(d);
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(surface);
	status = cairo_surface_status(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		return TRUE;
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "PDF: %s", cairo_status_to_string(status));
	return FALSE;
}

GBytes *
render_pdf(const struct config *config, const struct issue_view *view,
    GError **error)
{
	struct pdf d;
	GByteArray *out = g_byte_array_new();
	gboolean ok;

	pdf_init(&d, config);
	ok = pdf_build(&d, view, error) && pdf_print(&d, view, out, error);
	pdf_clear(&d);
	if (!ok) {
		g_byte_array_unref(out);
		return NULL;
	}
	return g_byte_array_free_to_bytes(out);
}
