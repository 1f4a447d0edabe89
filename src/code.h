/*
 * Confirmation codes for sign-off (签发): an HMAC-SHA256, keyed by the
 * secret key file, over everything the sign-off binds — the command and
 * its target, issue, kind, number, date, digest of the rendered issue,
 * approver, expiry and a one-time nonce.  160 bits in RFC 4648 base32,
 * so case-folding clients cannot break it.  Pure functions; results
 * belong to the caller.
 */
#ifndef BULLETIN_CODE_H
#define BULLETIN_CODE_H

#include <glib.h>

#include "store.h"

/* The code for S, grouped for reading: "ABCD-EFGH-…" (40 letters). */
char *code_make(GBytes *key, const struct signoff *s);

/* A fresh random nonce (hex). */
char *code_make_nonce(void);

/* CODE reduced to its 32 base32 letters, upper-case; NULL if it is not a
 * well-formed code. */
char *code_normalize(const char *code);

/* The digest under which a (normalized) code is stored. */
char *code_hash(const char *normalized);

/* Does NORMALIZED match S under KEY?  Constant time. */
gboolean code_matches(GBytes *key, const struct signoff *s,
    const char *normalized);

/* A normalized code found in TEXT (a subject or a line), or NULL. */
char *code_find(const char *text);

/* TEXT with every code in it replaced by "（确认码）", for others' eyes. */
char *code_mask(const char *text);

/*
 * Per-delivery return paths (VERP): delivery ID gets the envelope sender
 * LOCAL+bID.TAG@DOMAIN, TAG an HMAC under KEY, so a delivery report
 * counts only if it names a delivery we made.
 */
char *code_bounce_tag(GBytes *key, gint64 delivery);

/* The delivery a return path ADDRESS ("office+b12.TAG@…") names, or 0 if
 * it names none or its tag is wrong. */
gint64 code_bounce_delivery(GBytes *key, const char *address);

#endif
