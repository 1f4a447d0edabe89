/*
 * 催稿: the reminder rounds before each deadline (bulletin.deadline and
 * bulletin.reminders in the config).  At a round's time every unit with
 * nothing in the draft issue gets a notice at its addresses and the
 * editors one list of the units reminded.  A round is recorded in the
 * store with its reminders and its mails in one transaction, so it is sent
 * once whatever the restarts.  No burst after downtime: of the rounds
 * missed while the daemon was down only the latest, and only while its
 * deadline is still ahead, is sent; the others are recorded as skipped.
 */
#ifndef BULLETIN_REMIND_H
#define BULLETIN_REMIND_H

#include <glib.h>

#include "bulletin.h"

/*
 * Send or skip the rounds due at NOW (in the office's zone); TRUE when
 * there was nothing to do.  FALSE with ERROR when the store failed; the
 * step is rolled back and tried again at the next call.
 */
gboolean remind_run(struct bulletin *b, GDateTime *now, GError **error);

/* "48小时", "2天", "30分钟": a round's lead before the deadline (caller
 * frees). */
char *remind_lead_label(gint64 seconds);

#endif
