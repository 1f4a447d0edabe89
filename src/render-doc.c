/*
 * Helpers of the document renderers; see render-doc.h.  The image probe
 * reads only headers: it decides which decoder may see the bytes and lets
 * the renderers refuse a picture whose size would cost too much memory
 * before anything is decoded.
 */
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
