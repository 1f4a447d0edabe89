/*
 * SMTP submission through libcurl: transactions of one or many recipients
 * on a reused connection, TLS required before AUTH (libcurl would otherwise skip
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
 * Connect, EHLO, STARTTLS and AUTH as for mail, then a NOOP: no mail is
 * sent.  For bulletinctl check --connect.  FALSE with a TEMPORARY error
 * (with the server's refusal, if any) when any step failed or the server
 * let us in without AUTH.
 */
gboolean smtp_login(struct smtp *smtp, GError **error);

/* What the server said about one recipient of a transaction. */
enum smtp_outcome {
	SMTP_ACCEPTED,
	SMTP_TEMPORARY,		/* 4xx, or no answer: try again later */
	SMTP_PERMANENT,		/* 5xx */
};

struct smtp_result {
	enum smtp_outcome outcome;
	char		*reply;	/* its reply line, or NULL; see smtp_send */
};

/* Free what R holds (not R). */
void smtp_result_clear(struct smtp_result *r);

/*
 * Send MESSAGE (CRLF bytes) from FROM to the N recipients RCPTS in one
 * transaction; a recipient refused at RCPT does not stop the others.
 * RESULTS (the caller's array of N, each cleared with smtp_result_clear)
 * gets each recipient's fate: refused at RCPT with that reply, or else
 * the transaction's outcome with its reply (the final 250 on success,
 * the refusal on failure).  FALSE with ERROR when the transaction failed
 * as a whole: TEMPORARY for 4xx and for connection trouble (then
 * *unreachable_r is TRUE), PERMANENT for 5xx.
 */
gboolean smtp_send(struct smtp *smtp, const char *from,
    const char *const *rcpts, guint n, GBytes *message,
    struct smtp_result *results, gboolean *unreachable_r, GError **error);

#endif
