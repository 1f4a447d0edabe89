/*
 * The issue as an A4 PDF laid out after GB/T 9704-2012: red masthead,
 * 编者按, articles in 三号 on 22 lines of 28 characters, 报尾 at the foot of
 * the last page, page numbers "— N —" on the outer side.  Typeset with
 * Pango (CJK line breaking) on cairo; fonts are embedded (subsets).  The
 * only module that sees cairo, Pango and gdk-pixbuf.
 *
 * Text from mail is set as text, never parsed as Pango markup.
 */
#ifndef BULLETIN_RENDER_PDF_H
#define BULLETIN_RENDER_PDF_H

#include <glib.h>

#include "config.h"
#include "issue.h"

/*
 * VIEW typeset with CONFIG's title, office, lists and fonts.  Returns the
 * PDF, which belongs to the caller (g_bytes_unref); VIEW is only read.
 * Pictures are PNG or JPEG, printed after the article's text at most as
 * wide as the type area.  An article's table comes after its text, before
 * its pictures: a ruled grid across the type area (render-doc.h), its
 * header row repeated on each page it runs on to, no row split.
 *
 * Errors: BULLETIN_ERROR_INPUT when a picture cannot be decoded or is too
 * large (the message names the article and the picture: the editors can
 * drop it); BULLETIN_ERROR_CONFIG when no font has Chinese glyphs;
 * BULLETIN_ERROR_TEMPORARY when cairo fails (out of memory).
 */
GBytes *render_pdf(const struct config *config, const struct issue_view *view,
    GError **error);

#endif
