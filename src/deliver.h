/*
 * Delivery: sends what the outbox holds, one SMTP transaction per
 * recipient on one connection, recording each outcome.  Intent before
 * action: a mail is marked in-flight (committed) before SMTP and its
 * outcome recorded after, so a crash re-sends at most that one mail.
 */
#ifndef BULLETIN_DELIVER_H
#define BULLETIN_DELIVER_H

#include <signal.h>

#include "bulletin.h"

/*
 * Send every mail due now through the server in b->config, logging in
 * with PASSWORD.  4xx and connection trouble are retried later with
 * backoff; 5xx is recorded as failed and reported to the editors.
 * FALSE with ERROR only when the store failed.
 */
gboolean deliver_run(struct bulletin *b, const char *password,
    volatile sig_atomic_t *stop, GError **error);

/* Seconds to wait before attempt ATTEMPTS + 1 (pure; for tests). */
gint64 deliver_backoff(const struct config *config, int attempts);

#endif
