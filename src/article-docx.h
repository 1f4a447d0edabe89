/*
 * Article extraction from a Word .docx (WordprocessingML in a zip), the
 * attachment most contributions arrive as.  The zip and its XML come from
 * strangers: sizes are limited before anything is inflated, and no DTD or
 * external entity is ever loaded.  All memory belongs to the caller.
 */
#ifndef BULLETIN_ARTICLE_DOCX_H
#define BULLETIN_ARTICLE_DOCX_H

#include <glib.h>

/*
 * Paragraphs of DATA (LEN bytes of a .docx, borrowed for the call), one per
 * line, each ending in "\n", UTF-8; "" when the body has no text.  Only the
 * body of word/document.xml counts: footnotes, headers, footers and comments
 * are not part of the article.  Each paragraph is trimmed, its indentation
 * (ASCII, no-break and ideographic spaces) dropped, tabs and runs of white
 * space made one space; empty paragraphs are dropped.  A line break (w:br,
 * w:cr) starts a new line.  Tracked deletions, moved-away text, hidden text
 * and ruby readings are left out; insertions stay.  A table row is one line,
 * its non-empty cells joined by a space.  A text box's paragraphs come once,
 * on their own lines, after the paragraph that anchors them.
 *
 * *TITLE_R (TITLE_R may be NULL) gets the title, or NULL: the first
 * non-empty line of a paragraph whose style is named Title, Heading 1, 标题
 * or 标题 1 (the w:pStyle id is resolved through word/styles.xml, and taken
 * as the name when styles.xml does not define it); else the first non-empty
 * line if its paragraph is centred, or if it is all bold and at most 60
 * characters long.  The title is also the first line of the text.
 *
 * Returns the text, to free with g_free; or NULL with *TITLE_R NULL and
 * ERROR set to BULLETIN_ERROR_INPUT when DATA is not a zip (or is an OLE
 * file: an encrypted .docx or an old .doc), has no word/document.xml, holds
 * an encrypted part, is not well-formed XML, or exceeds a limit against zip
 * bombs (the message says which).
 */
char *article_docx_to_text(const void *data, gsize len, char **title_r,
    GError **error);

#endif
