/*
 * What every libcurl transfer of the daemon shares: a timeout on each
 * phase (connect and TLS, each server response, a stalled stream) and an
 * abort within a second when SIGTERM or SIGINT is pending.  The daemon
 * keeps those signals blocked outside ppoll, so a transfer looks at the
 * pending set itself (libcurl calls the progress callback at least once a
 * second) and raises the stop flag it was given.
 *
 * Only the protocol edges (imap.c, smtp.c, idle.c) include this: it sees
 * CURL.
 */
#ifndef BULLETIN_TRANSFER_H
#define BULLETIN_TRANSFER_H

#include <signal.h>

#include <curl/curl.h>
#include <glib.h>

/* FLAG (static storage) is set when a transfer aborts for a stop signal. */
void transfer_set_stop_flag(volatile sig_atomic_t *flag);

/* TRUE when SIGTERM or SIGINT waits to be delivered. */
gboolean transfer_stop_pending(void);

/* Phase timeouts of TIMEOUT seconds and the stop check on CURL. */
void transfer_setup(CURL *curl, int timeout);

/*
 * Close CURL.  The goodbye (QUIT, LOGOUT) is skipped when a stop signal is
 * pending or the conversation stalled half-way; otherwise it is bounded by
 * the response timeout.
 */
void transfer_cleanup(CURL *curl);

#endif
