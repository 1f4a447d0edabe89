/*
 * What the document renderers (render-pdf.c, render-docx.c) share: the
 * document's title, text from mail made safe to typeset, and the
 * facts about an article's pictures read from their first bytes.  Pure
 * functions; results belong to the caller.
 */
#ifndef BULLETIN_RENDER_DOC_H
#define BULLETIN_RENDER_DOC_H

#include <glib.h>

#include "issue.h"

/* GB/T 9704-2012's A4 page and 版心 (type area), in millimetres. */
#define RENDER_DOC_PAGE_W	210.0
#define RENDER_DOC_PAGE_H	297.0
#define RENDER_DOC_TEXT_W	156.0
#define RENDER_DOC_TEXT_H	225.0
#define RENDER_DOC_MARGIN_TOP	37.0
#define RENDER_DOC_MARGIN_LEFT	28.0
#define RENDER_DOC_LINES	22	/* lines of 三号 text in the 版心 */
#define RENDER_DOC_CHARS	28	/* characters in a line */
/*
 * The vertical measures both documents are laid out from, so that they
 * break their pages alike.  The line pitch is 225 mm / 22 in whole twips
 * (28.95 pt), which the .docx can state exactly; the rest are in lines of
 * it.  A rule is drawn in the middle of the space it is given.
 */
#define RENDER_DOC_PITCH_TWIPS	579
#define RENDER_DOC_MASTHEAD_LINES	1.6	/* the bulletin's name, a line */
#define RENDER_DOC_MASTHEAD_SPACE	0.5	/* under it */
#define RENDER_DOC_MASTHEAD_RULE	0.6	/* the red rule's space */
#define RENDER_DOC_NOTE_SPACE	0.5	/* above 编者按, and its rule's */
#define RENDER_DOC_HEADLINE_BEFORE	1.0	/* not at the top of a page */
#define RENDER_DOC_HEADLINE_LINES	1.25	/* a headline's line */
#define RENDER_DOC_HEADLINE_AFTER	0.25
#define RENDER_DOC_IMPRINT_LINES	0.85	/* a line of the 版记 */
#define RENDER_DOC_IMPRINT_RULE	0.25	/* a rule's space in the 版记 */

/* 三号 text condensed by this many points, so that 28 characters fit the
 * 156 mm line with room to spare (28 × 15.75 pt = 441 pt of 442.2). */
#define RENDER_DOC_CONDENSE	0.25
/* The space Word and LibreOffice put between Chinese and Latin letters or
 * figures (autoSpaceDE, autoSpaceDN), in ems of the text's size. */
#define RENDER_DOC_AUTOSPACE	0.2

/* A headline's size (小二), in points: 156 mm holds 24.5 of its ems. */
#define RENDER_DOC_HEADLINE_PT	18.0

/* The bulletin's red, the red of 红头 mastheads. */
#define RENDER_DOC_RED		0xE60012

/*
 * A headline's lines as both documents set them: cleaned, broken at words
 * and balanced (title-break.h) for the 156 mm line at
 * RENDER_DOC_HEADLINE_PT, measured in ems the same way for both, so that
 * the PDF and the .docx wrap it alike.  NULL-terminated; g_strfreev.
 */
char **render_doc_headline_lines(const char *title);

/*
 * A table after an article's text (issue_table), as both documents set
 * it: a ruled grid as wide as the type area, in the body face at the
 * largest of 小四, 五号 and 小五 at which every column holds its widest
 * cell on one line and its header on two at most.  Lines are of an exact
 * height, cells padded alike in both, so that rows are as high in the
 * PDF as Word and LibreOffice make them.
 */
#define RENDER_DOC_TABLE_PAD_X	50	/* twips, left and right in a cell */
#define RENDER_DOC_TABLE_PAD_Y	40	/* twips, above and below */
#define RENDER_DOC_TABLE_RULE	4	/* the grid's lines, eighths of a pt */

struct render_doc_table {
	int	 size;		/* half-points: 24 小四, 21 五号, 18 小五 */
	int	 line;		/* a line's exact advance, twips */
	GArray	*widths;	/* int: each column's, twips; they sum to
				   the type area's width */
};

/* TABLE's size and columns into *M_R; free with render_doc_table_clear. */
void render_doc_table_measure(const struct issue_table *table,
    struct render_doc_table *m_r);
void render_doc_table_clear(struct render_doc_table *m);

/* Whether CELL is set centred: in the header, or a figure ("12",
 * "60.0%", "-"); text (a unit's name) is set flush left. */
gboolean render_doc_table_centred(const char *cell, gboolean header);

enum render_doc_image_format {
	RENDER_DOC_PNG,
	RENDER_DOC_JPEG,
};

struct render_doc_image_info {
	enum render_doc_image_format format;
	int	 width;		/* pixels */
	int	 height;
	int	 components;	/* JPEG: 1 grey, 3 YCbCr, 4 CMYK; PNG: 0 */
};

/* "江汉区优化营商环境工作简报 第3期": the document's title (its number
 * as issue_number_text() prints it).  Free with g_free. */
char *render_doc_title(const struct config *config,
    const struct issue_view *view);

/*
 * TEXT as one line that can be typeset: invalid UTF-8 repaired, and every
 * run of control characters (CR, LF, tab, form feed …), which typesetters
 * and XML either refuse or turn into breaks, replaced by one space.  NULL
 * gives "".  Free with g_free.
 */
char *render_doc_clean_text(const char *text);

/*
 * Whether a space of RENDER_DOC_AUTOSPACE goes between characters A and B:
 * a Chinese (wide) letter on one side, a Latin letter or a figure on the
 * other.  Punctuation on either side takes none, as in Word.
 */
gboolean render_doc_autospace(gunichar a, gunichar b);

/*
 * Whether justification may widen the gap between A and B: next to a
 * Chinese (wide) character or a space, never inside a run of Latin
 * letters or figures (1460, 0.5), which keeps its natural spacing.
 */
gboolean render_doc_stretches(gunichar a, gunichar b);

/*
 * Format and size of IMAGE from its bytes (its content type is the
 * sender's word and is not trusted).  FALSE and a BULLETIN_ERROR_INPUT
 * error when it is neither a PNG nor a baseline or progressive JPEG, is
 * truncated before its size, or is empty.
 */
gboolean render_doc_image_probe(const struct issue_image *image,
    struct render_doc_image_info *info_r, GError **error);

/*
 * The size a picture of INFO is printed at, in millimetres: its size at
 * 96 dpi, scaled down (never up) to fit within MAX_W × MAX_H, aspect kept.
 */
void render_doc_image_fit(const struct render_doc_image_info *info,
    double max_w, double max_h, double *w_r, double *h_r);

#endif
