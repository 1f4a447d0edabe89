/*
 * The monthly 信息考核 通报 to the editors (scoring.monthly_report): on the
 * first working day of each month at the configured time, the last
 * month's table (report.h) with its CSV, PDF and .docx (report-mail.h),
 * once.  A month is recorded in the same transaction as its mails, so a
 * restart never sends it twice; after downtime it goes out late within
 * the first week, and only the last month's, never a backlog.
 */
#ifndef BULLETIN_MONTHLY_H
#define BULLETIN_MONTHLY_H

#include <glib.h>

#include "bulletin.h"

/* Queue the 通报 if it is due at NOW (the office's zone) and not sent;
 * FALSE with ERROR if the store fails. */
gboolean monthly_report_run(struct bulletin *b, GDateTime *now,
    GError **error);

#endif
