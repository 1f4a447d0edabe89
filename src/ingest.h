/*
 * Ingest: one poll of the office INBOX.  Each new message is fetched,
 * spooled, parsed, classified and acted on in one store transaction; only
 * after the commit is it marked on the server ($Filed, moved).  A crash in
 * between re-reads it and, finding it recorded, only marks it.
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
