/*
 * The issue as a Word document (.docx, WordprocessingML transitional), for
 * the offices that file or edit their bulletins in Word or WPS: the same
 * parts in the same order as the PDF, on the GB/T 9704 page (A4, 156 × 225
 * mm type area, 22 lines of 28 characters), with named styles (Title,
 * heading 1, Body Text, Attribution …) an editor can restyle.
 *
 * The XML is written with libxml2's xmlTextWriter, so everything from mail
 * is escaped; the zip is built in memory with libzip.  Pictures go into
 * word/media under names of our own, never the sender's.
 */
#ifndef BULLETIN_RENDER_DOCX_H
#define BULLETIN_RENDER_DOCX_H

#include <glib.h>

#include "config.h"
#include "issue.h"

/*
 * VIEW as a .docx with CONFIG's title, office, lists and fonts.  Returns
 * the file, which belongs to the caller (g_bytes_unref); VIEW is only
 * read.  Pictures are embedded as they came (PNG or JPEG), inline after
 * the article's text, at most as wide as the type area; an article's
 * table before them, as wide as the type area, its header row repeated on
 * each page (w:tblHeader), no row split (w:cantSplit).
 *
 * Errors: BULLETIN_ERROR_INPUT when a picture is neither PNG nor JPEG
 * (the message names the article and the picture);
 * BULLETIN_ERROR_TEMPORARY when libxml2 or libzip fail (out of memory).
 */
GBytes *render_docx(const struct config *config,
    const struct issue_view *view, GError **error);

#endif
