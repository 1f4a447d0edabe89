/*
 * Mail the daemon writes to people — receipts, replies to commands,
 * notices to the editors, sign-off requests — built with GMime and queued
 * in the store's outbox (sent later by deliver.c).  All in Chinese, all
 * marked Auto-Submitted so that well-behaved robots do not answer.
 */
#ifndef BULLETIN_NOTIFY_H
#define BULLETIN_NOTIFY_H

#include <glib.h>

#include "config.h"
#include "store.h"

/*
 * Queue a reply to a message (IN_REPLY_TO: its Message-ID without <>, may
 * be NULL), "Auto-Submitted: auto-replied".  KIND names it in the ledger.
 * ATTACHMENTS (struct attachment *, may be NULL) follow the text; one of
 * type message/rfc822 is attached as a message.
 */
gboolean notify_queue_reply(struct store *store, const struct config *config,
    const char *kind, const char *to_name, const char *to_address,
    const char *subject, const char *text, const char *in_reply_to,
    GPtrArray *attachments, GError **error);

/* Queue one notice to every editor (role "editor") but EXCEPT (may be
 * NULL: everyone). */
gboolean notify_queue_editors(struct store *store,
    const struct config *config, const char *subject, const char *text,
    const struct editor *except, GError **error);

/* The same with ATTACHMENTS as notify_queue_reply() takes them. */
gboolean notify_queue_editors_with(struct store *store,
    const struct config *config, const char *subject, const char *text,
    GPtrArray *attachments, const struct editor *except, GError **error);

/* Queue a notice to every address of UNIT, "Auto-Submitted:
 * auto-generated", one mail each; KIND names them in the ledger.  They
 * carry MESSAGE_ID (no <>; NULL: fresh ones), for replies to find. */
gboolean notify_queue_unit(struct store *store, const struct config *config,
    const char *kind, const struct unit *unit, const char *subject,
    const char *text, const char *message_id, GError **error);

/*
 * Queue a sign-off request to SIGNER: TEXT, then the issue exactly as it
 * will be sent (ISSUE_MESSAGE) attached as message/rfc822.  MESSAGE_ID
 * carries the code so that a plain reply brings it back.
 */
gboolean notify_queue_signoff(struct store *store,
    const struct config *config, const struct editor *signer,
    const char *subject, const char *text, GBytes *issue_message,
    const char *message_id, GError **error);

#endif
