/*
 * SMTP submission through libcurl: one transaction per recipient on a
 * reused connection, TLS required before AUTH (libcurl would otherwise skip
 * AUTH silently).  Only smtp.c sees CURL.
 *
 * struct smtp owns the connection; free with smtp_free().
 */
#ifndef BULLETIN_SMTP_H
#define BULLETIN_SMTP_H

#include <glib.h>

#include "config.h"

struct smtp;

/* PASSWORD is copied (and wiped on free). */
struct smtp *smtp_new(const struct tls_peer *peer, const char *password);
void smtp_free(struct smtp *smtp);

/*
 * Send MESSAGE (CRLF bytes) from FROM to RCPT.  *reply_r gets the server's
 * reply (caller frees; NULL if none): the final one on success, the
 * refusal on failure.  Errors: TEMPORARY for 4xx and for connection trouble (then
 * *unreachable_r is TRUE), PERMANENT for 5xx.
 */
gboolean smtp_send(struct smtp *smtp, const char *from, const char *rcpt,
    GBytes *message, char **reply_r, gboolean *unreachable_r,
    GError **error);

#endif
