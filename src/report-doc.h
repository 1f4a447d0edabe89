/*
 * The 信息考核 通报 (report.h) as a printable document in the bulletin's
 * layout, typeset by the issue's own renderers (render-pdf.h,
 * render-docx.h): the masthead with "2026年11月信息考核通报" on the number
 * line, one piece "关于2026年11月信息报送情况的通报" with a line of
 * introduction, the report's table (its columns as in the text and the
 * CSV) and the scoring rules under it, then the 版记.  Results belong to
 * the caller.
 */
#ifndef BULLETIN_REPORT_DOC_H
#define BULLETIN_REPORT_DOC_H

#include <glib.h>

#include "issue.h"
#include "report.h"

/* R as an issue view dated NOW (the office's zone); issue_view_free. */
struct issue_view *report_view(const struct report *r, GDateTime *now);

/*
 * R as a PDF and as a .docx, dated today.  NULL and ERROR as
 * render_pdf() and render_docx() fail: BULLETIN_ERROR_CONFIG when no
 * font has Chinese glyphs, BULLETIN_ERROR_TEMPORARY when cairo, libxml2
 * or libzip do.
 */
GBytes *report_pdf(const struct report *r, GError **error);
GBytes *report_docx(const struct report *r, GError **error);

#endif
