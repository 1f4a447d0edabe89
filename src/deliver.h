/*
 * Delivery: sends what the outbox holds on one connection, reading the
 * ledger a page at a time.  Copies of an issue share its one message and
 * go out in transactions of up to 50 recipients (one RCPT each, a refusal
 * failing only its recipient); any other mail goes alone.  Intent before
 * action: a transaction's rows are marked in-flight (one commit) before
 * SMTP and their outcomes recorded after (one commit), so a crash re-sends
 * at most that one transaction's recipients.
 */
#ifndef BULLETIN_DELIVER_H
#define BULLETIN_DELIVER_H

#include <signal.h>

#include "bulletin.h"

/*
 * Send every mail due now through the server in b->config, logging in
 * with PASSWORD.  4xx and connection trouble are retried later with
 * backoff; 5xx is recorded as failed and reported to the editors.
 * Checks STOP between transactions.  FALSE with ERROR only when the
 * store failed.
 */
gboolean deliver_run(struct bulletin *b, const char *password,
    volatile sig_atomic_t *stop, GError **error);

/* Seconds to wait before attempt ATTEMPTS + 1 (pure; for tests). */
gint64 deliver_backoff(const struct config *config, int attempts);

#endif
