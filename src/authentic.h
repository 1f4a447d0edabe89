/*
 * Is the sender of a message who its From: says?  Only positive evidence
 * written by the office's own receiving server counts: an authenticated
 * submission (Postfix's "Authenticated sender:" in the Received header our
 * server wrote), or Authentication-Results from a trusted authserv-id with
 * auth, DMARC or aligned DKIM passing for the From address.  No evidence
 * is not a pass.  Pure.
 *
 * The server must remove Authentication-Results that arrive bearing its
 * own authserv-id (RFC 8601 section 5); README says how with Postfix.
 */
#ifndef BULLETIN_AUTHENTIC_H
#define BULLETIN_AUTHENTIC_H

#include "config.h"
#include "message.h"

enum auth_state {
	AUTH_NONE,	/* no evidence either way */
	AUTH_PASS,	/* our server vouches for the From address */
	AUTH_FAIL,	/* our server says it is forged */
};

struct auth_verdict {
	enum auth_state	 state;
	char		*evidence;	/* English, one line; caller frees */
};

/* The verdict for M's From address under C's trusted ids. */
void authentic_check(const struct config *c, const struct message *m,
    struct auth_verdict *v);

/* "pass", "fail", "none" */
const char *auth_state_name(enum auth_state state);

#endif
