/*
 * 约稿: a topic the editors asked of some units by a due time (the 约稿
 * command, cmd-commission.c).  A unit's part is answered by an article
 * that replies to its 约稿通知 or names the topic in its title or text;
 * late when that comes after the due time; missed when the due time
 * passes without one.  STATUS lists them.
 */
#ifndef BULLETIN_COMMISSION_H
#define BULLETIN_COMMISSION_H

#include <glib.h>

#include "bulletin.h"

/*
 * An article ARTICLE (its TITLE, BODY, and the mail's THREADING headers,
 * may be NULL) was filed for UNIT at NOW: mark the commissions it answers,
 * with a line for the unit's receipt in TOLD (may be NULL) for each.
 * Runs in the caller's transaction; FALSE with ERROR on a store failure.
 */
gboolean commission_answer(struct bulletin *b, const char *unit,
    const char *title, const char *body, const char *threading,
    gint64 article, GDateTime *now, GString *told, GError **error);

/* Mark the open parts of commissions due by NOW missed and tell the
 * editors, per commission, who sent and who did not: one transaction, so
 * the notice goes once.  FALSE with ERROR (rolled back, tried again at the
 * next call). */
gboolean commission_tick(struct bulletin *b, GDateTime *now, GError **error);

/* STATUS's 约稿 section: the commissions due in the last 30 days or later
 * and each unit's state; nothing when there are none. */
gboolean commission_status(struct bulletin *b, GString *out, GDateTime *now,
    GError **error);

#endif
