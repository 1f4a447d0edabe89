/*
 * Authentication-Results (RFC 8601) from the office's own receiving
 * server: the only ones we trust, since anyone can add the header.  A
 * command whose From domain fails DMARC, DKIM or SPF there is refused.
 * Pure.
 */
#ifndef BULLETIN_AUTHRES_H
#define BULLETIN_AUTHRES_H

#include <glib.h>

/*
 * Does any of HEADERS (raw Authentication-Results values) written by
 * AUTHSERV_ID report a failure for FROM_DOMAIN?  *why_r gets e.g.
 * "dmarc=fail" (static), or NULL.
 */
gboolean authres_failed(const char *authserv_id, const char *from_domain,
    GPtrArray *headers, const char **why_r);

#endif
