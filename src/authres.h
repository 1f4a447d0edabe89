/*
 * Authentication-Results (RFC 8601) parsed as the grammar says: comments
 * and folding anywhere, spaces around "=", "/" and ".", quoted values,
 * several results per header, "none".  What a header is worth is decided
 * in authentic.c.  Pure; results belong to the caller.
 */
#ifndef BULLETIN_AUTHRES_H
#define BULLETIN_AUTHRES_H

#include <glib.h>

struct authres_result {
	char		*method;	/* lower-case: "dmarc", "dkim", "auth" */
	char		*result;	/* lower-case: "pass", "fail" … */
	GPtrArray	*props;		/* char *: "ptype.property=value",
					   the name lower-case */
};

struct authres {
	char		*authserv_id;	/* as written (compare caselessly) */
	GPtrArray	*results;	/* struct authres_result * */
};

/* One header's value; NULL if it has no authserv-id at all. */
struct authres *authres_parse(const char *value);
void authres_free(struct authres *ar);

/* The value of property NAME ("header.from") in R, or NULL. */
const char *authres_prop(const struct authres_result *r, const char *name);

#endif
