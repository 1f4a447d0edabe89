/*
 * Ingest: one poll of the office INBOX, in batches of new UIDs.  A batch
 * is fetched (several fetches in flight), each message spooled, parsed,
 * classified and acted on, all in one store transaction (a command in one
 * of its own); only after the commit is the batch marked on the server
 * ($Filed, \Seen restored, moved), in bulk.  A crash after the commit
 * re-reads the messages and, finding them recorded, only marks them; one
 * after the mark is finished by the next poll, which moves the $Filed
 * messages still in INBOX to the folder the store recorded.
 */
#ifndef BULLETIN_INGEST_H
#define BULLETIN_INGEST_H

#include <signal.h>

#include "bulletin.h"
#include "imap.h"
#include "verdict.h"

/* Prepare the server side (folders).  Errors are TEMPORARY. */
gboolean ingest_prepare(struct bulletin *b, struct imap *imap,
    GError **error);

/*
 * Process every new message, stopping early when *STOP becomes set.
 * Returns FALSE with ERROR when the server or the store failed; messages
 * not handled stay unmarked and are taken again next poll.
 */
gboolean ingest_poll(struct bulletin *b, struct imap *imap,
    volatile sig_atomic_t *stop, GError **error);

/*
 * Decide and record what RAW is (parse, classify, file, command, queue
 * replies) in one transaction.  Returns the verdict as recorded (state
 * settled against the store: duplicate, replaced), NULL with ERROR when
 * the store failed.  Exposed for the tests.
 */
struct verdict *ingest_file_message(struct bulletin *b, guint32 uidvalidity,
    guint32 uid, GBytes *raw, GError **error);

#endif
