/*
 * The files that go with the 信息考核 通报's text in a mail (the 统计
 * reply, the monthly 通报 to the editors): its HTML alternative, the CSV
 * for the office's spreadsheet, and the PDF and the .docx to print and
 * file (report-doc.h).
 */
#ifndef BULLETIN_REPORT_MAIL_H
#define BULLETIN_REPORT_MAIL_H

#include <glib.h>

#include "report.h"

/*
 * R's files appended to ATTACHMENTS (struct attachment *, message.h; the
 * array frees them).  A document that cannot be made (no Chinese font)
 * is left out with a warning in the log and a line saying so appended to
 * TEXT, the mail's text: the table and the CSV still go out.
 */
void report_attach(const struct report *r, GPtrArray *attachments,
    GString *text);

#endif
