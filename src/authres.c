/* Authentication-Results checks; see authres.h. */
#include <string.h>

#include "authres.h"

/* The value of PROP ("header.d") in RESINFO, or NULL (caller frees). */
static char *
property(const char *resinfo, const char *prop)
{
	g_autofree char *key = g_strconcat(prop, "=", NULL);
	const char *p = resinfo;

	while ((p = strstr(p, key)) != NULL) {
		if (p == resinfo || p[-1] == ' ' || p[-1] == '\t') {
			const char *v = p + strlen(key);
			return g_strndup(v, strcspn(v, " \t\r\n;)"));
		}
		p++;
	}
	return NULL;
}

static gboolean
domain_matches(const char *value, const char *domain)
{
	const char *at;

	if (value == NULL)
		return TRUE;	/* no property: about the message itself */
	at = strrchr(value, '@');
	return g_ascii_strcasecmp(at ? at + 1 : value, domain) == 0;
}

/* Does one "method=result props" clause fail for DOMAIN? */
static const char *
clause_failure(const char *clause, const char *domain)
{
	static const struct {
		const char *method;
		const char *prop;	/* whose domain the result is about */
		const char *why;
	} checks[] = {
		{ "dmarc=fail", "header.from", "dmarc=fail" },
		{ "dkim=fail", "header.d", "dkim=fail" },
		{ "spf=fail", "smtp.mailfrom", "spf=fail" },
	};

	while (*clause == ' ' || *clause == '\t' || *clause == '\n' ||
	    *clause == '\r')
		clause++;
	for (guint i = 0; i < G_N_ELEMENTS(checks); i++) {
		g_autofree char *v = NULL;
		gsize n = strlen(checks[i].method);
		if (g_ascii_strncasecmp(clause, checks[i].method, n) != 0 ||
		    (clause[n] != '\0' && !g_ascii_isspace(clause[n])))
			continue;
		v = property(clause, checks[i].prop);
		if (domain_matches(v, domain))
			return checks[i].why;
	}
	return NULL;
}

gboolean
authres_failed(const char *authserv_id, const char *from_domain,
    GPtrArray *headers, const char **why_r)
{
	*why_r = NULL;
	for (guint i = 0; headers != NULL && i < headers->len; i++) {
		g_auto(GStrv) clauses = g_strsplit(headers->pdata[i], ";", -1);
		g_autofree char *id = g_strstrip(g_strdup(clauses[0]));
		id[strcspn(id, " \t")] = '\0';
		if (g_ascii_strcasecmp(id, authserv_id) != 0)
			continue;
		for (guint j = 1; clauses[j] != NULL; j++)
			if ((*why_r = clause_failure(clauses[j],
			    from_domain)) != NULL)
				return TRUE;
	}
	return FALSE;
}
