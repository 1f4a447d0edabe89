/*
 * Helpers of the document renderers; see render-doc.h.  The image probe
 * reads only headers: it decides which decoder may see the bytes and lets
 * the renderers refuse a picture whose size would cost too much memory
 * before anything is decoded.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "render-doc.h"
#include "render.h"
#include "title-break.h"

/* Larger is no photograph; JPEG cannot say more than 65535 anyway. */
#define IMAGE_MAX_SIDE	65535

/* Screen pixels per inch: the size a picture "is" when nothing says. */
#define IMAGE_DPI	96.0

char *
render_doc_title(const struct config *config, const struct issue_view *view)
{
	g_autofree char *number = issue_number_text(view);

	return g_strdup_printf("%s %s", config->bulletin.title, number);
}

/*
 * The width of LEN bytes of TEXT in ems of a title face: a Chinese
 * character or a mark that Chinese faces set full width (quotes, dashes)
 * is one em; a letter, figure or space is counted as 0.6, rounded up from
 * what the title faces measure (0.5 to 0.58), so that a line chosen to
 * fit does fit in either document.
 */
static double
headline_ems(const char *text, gsize len, gpointer data)
{
	double ems = 0;

	(void)data;
	for (const char *p = text; p < text + len; p = g_utf8_next_char(p))
		ems += g_unichar_iswide_cjk(g_utf8_get_char(p)) ? 1.0 : 0.6;
	return ems;
}

char **
render_doc_headline_lines(const char *title)
{
	g_autofree char *clean = render_doc_clean_text(title);
	double ems = RENDER_DOC_TEXT_W * 72.0 / 25.4 / RENDER_DOC_HEADLINE_PT;
	g_autoptr(GArray) breaks = title_break(clean, ems, headline_ems,
	    NULL);

	return title_break_lines(clean, breaks);
}

/*
 * Characters that break a line or a document: C0 and C1 controls, DEL,
 * the Unicode line and paragraph separators (Pango breaks on them), and
 * U+FFFE/U+FFFF, which XML 1.0 does not allow.
 */
static gboolean
is_control(gunichar c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 ||
	    c == 0x2029 || c == 0xfffe || c == 0xffff;
}

char *
render_doc_clean_text(const char *text)
{
	g_autofree char *valid = g_utf8_make_valid(text != NULL ? text : "",
	    -1);
	GString *out = g_string_sized_new(strlen(valid));
	gboolean in_run = FALSE;

	for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (is_control(c)) {
			if (!in_run)
				g_string_append_c(out, ' ');
			in_run = TRUE;
			continue;
		}
		in_run = FALSE;
		g_string_append_unichar(out, c);
	}
	return g_strstrip(g_string_free(out, FALSE));
}

static gboolean
is_chinese_letter(gunichar c)
{
	return g_unichar_iswide(c) && g_unichar_isalpha(c);
}

static gboolean
is_latin_alnum(gunichar c)
{
	return !g_unichar_iswide(c) && g_unichar_isalnum(c);
}

gboolean
render_doc_autospace(gunichar a, gunichar b)
{
	return (is_chinese_letter(a) && is_latin_alnum(b)) ||
	    (is_latin_alnum(a) && is_chinese_letter(b));
}

gboolean
render_doc_stretches(gunichar a, gunichar b)
{
	return g_unichar_iswide(a) || g_unichar_iswide(b) || a == ' ' ||
	    b == ' ';
}

/* ---- tables ------------------------------------------------------------ */

/* The sizes a table may be set in, largest first, in half-points. */
static const int table_sizes[] = { 24, 21, 18 };

/* A table's line is this many times its size. */
#define TABLE_LEADING	1.35
/* Room beyond a cell's estimated width, in ems: a border, a rounding. */
#define TABLE_SLACK	0.15
/* The type area's width in twips (8844), as the .docx states it. */
#define TABLE_W_TWIPS	((int)(RENDER_DOC_TEXT_W * 1440 / 25.4 + 0.5))

/* A cell's width in ems, with the autospace both documents put between
 * Chinese and figures. */
static double
cell_ems(const char *cell)
{
	g_autofree char *clean = render_doc_clean_text(cell);
	double ems = headline_ems(clean, strlen(clean), NULL);
	gunichar prev = 0;

	for (const char *p = clean; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (prev != 0 && render_doc_autospace(prev, c))
			ems += RENDER_DOC_AUTOSPACE;
		prev = c;
	}
	return ems;
}

/* Whole characters: a header on two lines is as wide as its longer. */
static double
half_up(double ems)
{
	int whole = (int)(ems / 2);

	return whole < ems / 2 ? whole + 1 : whole;
}

/*
 * Column J's width in ems: *NEED_R holds its widest cell on one line and
 * its header on two, *FULL_R the header on one line too.
 */
static void
column_ems(const struct issue_table *t, guint j, double *need_r,
    double *full_r)
{
	double head = cell_ems(t->header->pdata[j]);
	double body = 0;

	for (guint i = 0; i < t->rows->len; i++) {
		GPtrArray *row = t->rows->pdata[i];

		body = MAX(body, cell_ems(row->pdata[j]));
	}
	*need_r = MAX(body, half_up(head)) + TABLE_SLACK;
	*full_r = MAX(body, head) + TABLE_SLACK;
}

/* The cheapest column whose header ROOM lets onto one line, or -1. */
static int
cheapest_header(const double *w, const double *full, guint n, double room)
{
	int best = -1;

	for (guint j = 0; j < n; j++) {
		double cost = full[j] - w[j];

		if (cost > 0 && cost <= room && (best < 0 ||
		    cost < full[best] - w[best]))
			best = (int)j;
	}
	return best;
}

static gint
compare_doubles(gconstpointer a, gconstpointer b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * W (N widths) cut to fit ROOM by a cap on the widest: figures keep
 * their columns, and long text wraps in its own.
 */
static void
cap_columns(double *w, guint n, double room)
{
	g_autofree double *sorted = g_memdup2(w, n * sizeof(double));
	double below = 0, cap = room / n;

	qsort(sorted, n, sizeof(double), compare_doubles);
	for (guint k = 0; k < n; k++) {
		if (below + (n - k) * sorted[k] >= room) {
			cap = (room - below) / (n - k);
			break;
		}
		below += sorted[k];
	}
	for (guint i = 0; i < n; i++)
		w[i] = MIN(w[i], cap);
}

/*
 * Widths W (points) from the needs, in ROOM points: headers onto one line
 * cheapest first while room is left, the rest shared by the columns whose
 * headers are on one line (widening a column whose header wraps could
 * bring it just to the edge of fitting, where the two documents might
 * break it differently).  Too narrow even so: the widest are capped, and
 * their cells wrap.
 */
static void
fit_columns(double *w, double *full, guint n, double room)
{
	double total = 0;
	guint wide = 0;
	int j;

	for (guint i = 0; i < n; i++)
		total += w[i];
	if (total > room) {
		cap_columns(w, n, room);
		return;
	}
	room -= total;
	while ((j = cheapest_header(w, full, n, room)) >= 0) {
		room -= full[j] - w[j];
		w[j] = full[j];
	}
	for (guint i = 0; i < n; i++)
		wide += w[i] >= full[i];
	for (guint i = 0; i < n; i++)
		if (wide == 0 || w[i] >= full[i])
			w[i] += room / (wide > 0 ? wide : n);
}

/* The largest size at which the columns' needs (ems) fit. */
static int
table_size(const double *need, guint n)
{
	double ems = 0;
	double pads = n * 2 * RENDER_DOC_TABLE_PAD_X / 20.0;

	for (guint j = 0; j < n; j++)
		ems += need[j];
	for (gsize k = 0; k < G_N_ELEMENTS(table_sizes); k++)
		if (ems * table_sizes[k] / 2.0 + pads <= TABLE_W_TWIPS / 20.0)
			return table_sizes[k];
	return table_sizes[G_N_ELEMENTS(table_sizes) - 1];
}

void
render_doc_table_measure(const struct issue_table *t,
    struct render_doc_table *m)
{
	guint n = t->header->len;
	g_autofree double *w = g_new(double, n);
	g_autofree double *full = g_new(double, n);
	double pad = 2 * RENDER_DOC_TABLE_PAD_X / 20.0, pt;
	int sum = 0, widest = 0;

	for (guint j = 0; j < n; j++)
		column_ems(t, j, &w[j], &full[j]);
	m->size = table_size(w, n);
	m->line = (int)(m->size * 10 * TABLE_LEADING + 0.5);
	pt = m->size / 2.0;
	for (guint j = 0; j < n; j++) {
		w[j] *= pt;
		full[j] *= pt;
	}
	fit_columns(w, full, n, TABLE_W_TWIPS / 20.0 - n * pad);
	m->widths = g_array_sized_new(FALSE, FALSE, sizeof(int), n);
	for (guint j = 0; j < n; j++) {
		int twips = (int)((w[j] + pad) * 20);

		g_array_append_val(m->widths, twips);
		sum += twips;
		if (twips > g_array_index(m->widths, int, widest))
			widest = (int)j;
	}
	/* what rounding down left goes to the widest column */
	g_array_index(m->widths, int, widest) += TABLE_W_TWIPS - sum;
}

void
render_doc_table_clear(struct render_doc_table *m)
{
	g_clear_pointer(&m->widths, g_array_unref);
}

gboolean
render_doc_table_centred(const char *cell, gboolean header)
{
	g_autofree char *clean = render_doc_clean_text(cell);

	return header || (*clean != '\0' &&
	    strspn(clean, "0123456789.,%+-") == strlen(clean));
}

static guint32
be32(const guint8 *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 |
	    p[3];
}

static guint
be16(const guint8 *p)
{
	return (guint)p[0] << 8 | p[1];
}

/* A PNG's size is in its first chunk, IHDR, which must come first. */
static gboolean
probe_png(const guint8 *p, gsize len, struct render_doc_image_info *info)
{
	static const guint8 signature[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	};

	if (len < 24 || memcmp(p, signature, sizeof(signature)) != 0 ||
	    memcmp(p + 12, "IHDR", 4) != 0)
		return FALSE;
	info->format = RENDER_DOC_PNG;
	info->width = (int)MIN(be32(p + 16), (guint32)G_MAXINT);
	info->height = (int)MIN(be32(p + 20), (guint32)G_MAXINT);
	info->components = 0;
	return TRUE;
}

/*
 * Frame headers: SOF0-SOF15 less DHT (C4), JPG (C8) and DAC (CC).  Only
 * baseline, extended and progressive Huffman frames (C0-C2) are what
 * cameras write and what every decoder and PDF's DCTDecode read.
 */
static gboolean
is_frame_header(guint marker)
{
	return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 &&
	    marker != 0xc8 && marker != 0xcc;
}

static gboolean
read_frame(const guint8 *p, gsize len, guint marker,
    struct render_doc_image_info *info, GError **error)
{
	if (marker > 0xc2) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "JPEG coding SOF%u is not supported", marker - 0xc0);
		return FALSE;
	}
	if (len < 6) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "JPEG truncated in its frame header");
		return FALSE;
	}
	info->format = RENDER_DOC_JPEG;
	info->height = (int)be16(p + 1);
	info->width = (int)be16(p + 3);
	info->components = p[5];
	return TRUE;
}

/* Walk the markers before the first scan to the frame header. */
static gboolean
probe_jpeg(const guint8 *p, gsize len, struct render_doc_image_info *info,
    GError **error)
{
	gsize i = 2;

	while (i + 4 <= len && p[i] == 0xff) {
		guint marker = p[i + 1];
		gsize seg = be16(p + i + 2);

		if (marker == 0xff) {		/* fill byte */
			i++;
			continue;
		}
		if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			i += 2;			/* no length */
			continue;
		}
		if (marker == 0xd9 || marker == 0xda || seg < 2)
			break;
		if (is_frame_header(marker))
			return read_frame(p + i + 4, len - i - 4, marker, info,
			    error);
		i += 2 + seg;
	}
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
	    "JPEG without a frame header");
	return FALSE;
}

gboolean
render_doc_image_probe(const struct issue_image *image,
    struct render_doc_image_info *info_r, GError **error)
{
	gsize len;
	const guint8 *p = g_bytes_get_data(image->data, &len);

	if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
		if (!probe_jpeg(p, len, info_r, error))
			return FALSE;
	} else if (!probe_png(p, len, info_r)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "neither a PNG nor a JPEG image");
		return FALSE;
	}
	if (info_r->width < 1 || info_r->height < 1 ||
	    info_r->width > IMAGE_MAX_SIDE || info_r->height > IMAGE_MAX_SIDE) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "image of %d×%d pixels", info_r->width, info_r->height);
		return FALSE;
	}
	return TRUE;
}

void
render_doc_image_fit(const struct render_doc_image_info *info, double max_w,
    double max_h, double *w_r, double *h_r)
{
	double w = info->width * 25.4 / IMAGE_DPI;
	double h = info->height * 25.4 / IMAGE_DPI;
	double scale = MIN(1.0, MIN(max_w / w, max_h / h));

	*w_r = w * scale;
	*h_r = h * scale;
}
