/*
 * IMAP IDLE (RFC 2177) on a connection of its own: libcurl connects, does
 * TLS and logs in (CURLOPT_CONNECT_ONLY), and from there this module
 * speaks raw IMAP with its own tags ("i1", "i2" ...) and line reader:
 * CAPABILITY, SELECT INBOX, IDLE.  It only tells that new mail came (EXISTS
 * or RECENT; flag changes and expunges are ours); fetching stays with imap.c on its own
 * connection.  Only idle.c sees CURL.
 *
 * Every blocking step is bounded by the peer's timeout and gives up within
 * half a second when SIGTERM or SIGINT is pending.
 *
 * struct idle owns its connection; free with idle_close().
 */
#ifndef BULLETIN_IDLE_H
#define BULLETIN_IDLE_H

#include <glib.h>

#include "config.h"

struct idle;

/*
 * Connect, log in with PASSWORD (borrowed for the call), select INBOX and
 * start idling.  NULL with a TEMPORARY error when that failed; when the
 * server has no IDLE, NULL with *unsupported_r TRUE.
 */
struct idle *idle_open(const struct tls_peer *peer, const char *password,
    gboolean *unsupported_r, GError **error);

/* Say DONE and LOGOUT without waiting long, and close.  NULL-tolerant. */
void idle_close(struct idle *idle);

/* The socket to wait on for input. */
int idle_fd(const struct idle *idle);

/*
 * Read what the server sent without blocking.  *changed_r is TRUE when
 * new mail came.  FALSE with a TEMPORARY error when the connection
 * is lost or the server ended the IDLE (idle_close it then).
 */
gboolean idle_read(struct idle *idle, gboolean *changed_r, GError **error);

/*
 * DONE, wait for the end of the IDLE and start a new one: before the
 * server's timeout, and a proof that the connection still works.
 * *changed_r as for idle_read.
 */
gboolean idle_renew(struct idle *idle, gboolean *changed_r, GError **error);

/* Pure helper, exposed for tests: does LINE announce new mail? */
gboolean idle_line_is_change(const char *line);

#endif
