/* Sender authenticity from our own server's evidence; see authentic.h. */
#include <string.h>

#include "authentic.h"
#include "authres.h"

const char *
auth_state_name(enum auth_state state)
{
	static const char *const names[] = {
		[AUTH_NONE] = "none", [AUTH_PASS] = "pass",
		[AUTH_FAIL] = "fail",
	};

	return names[state];
}

static gboolean
is_trusted(const struct config *c, const char *id)
{
	for (guint i = 0; i < c->authserv_ids->len; i++)
		if (g_ascii_strcasecmp(c->authserv_ids->pdata[i], id) == 0)
			return TRUE;
	return FALSE;
}

/* The word after KEYWORD ("by", "with") in a Received value, or NULL. */
static char *
received_word(const char *value, const char *keyword)
{
	g_auto(GStrv) words = g_strsplit_set(value, " \t\r\n", -1);

	for (guint i = 0; words[i] != NULL; i++)
		if (g_ascii_strcasecmp(words[i], keyword) == 0)
			for (guint j = i + 1; words[j] != NULL; j++)
				if (*words[j] != '\0')
					return g_strdup(words[j]);
	return NULL;
}

/* A local delivery hop (Dovecot LMTP, local(8)): not where mail entered. */
static gboolean
is_delivery_hop(const char *value)
{
	g_autofree char *with = received_word(value, "with");

	return with != NULL && (g_ascii_strncasecmp(with, "LMTP", 4) == 0 ||
	    g_ascii_strcasecmp(with, "local") == 0);
}

/* "(Authenticated sender: ADDR)" in VALUE, lower-case, or NULL. */
static char *
authenticated_sender(const char *value)
{
	static const char mark[] = "(Authenticated sender:";
	const char *p = strstr(value, mark);
	gsize n;

	if (p == NULL)
		return NULL;
	p += sizeof(mark) - 1;
	while (*p == ' ')
		p++;
	n = strcspn(p, ") \t\r\n");
	return n > 0 ? g_ascii_strdown(p, n) : NULL;
}

/*
 * The Received header our MTA wrote when the mail entered: the topmost
 * one below any delivery hops.  Anything further down was written by
 * someone else, whatever it claims.
 */
static gboolean
check_received(const struct config *c, const struct message *m,
    struct auth_verdict *v)
{
	g_autofree char *by = NULL, *sender = NULL;
	const char *entry = NULL;

	for (guint i = 0; i < m->received->len && entry == NULL; i++)
		if (!is_delivery_hop(m->received->pdata[i]))
			entry = m->received->pdata[i];
	if (entry == NULL || (by = received_word(entry, "by")) == NULL ||
	    !is_trusted(c, by) || (sender = authenticated_sender(entry)) ==
	    NULL)
		return FALSE;
	if (g_ascii_strcasecmp(sender, m->from_address) == 0) {
		v->state = AUTH_PASS;
		v->evidence = g_strdup_printf("authenticated submission as "
		    "%s at %s", sender, by);
	} else {
		v->state = AUTH_FAIL;
		v->evidence = g_strdup_printf("submitted at %s by %s, not by "
		    "the From address", by, sender);
	}
	return TRUE;
}

/* Is DOMAIN (of a DKIM d= or an address) aligned with FROM's domain? */
static gboolean
aligned(const char *value, const char *from_domain)
{
	const char *at = value ? strrchr(value, '@') : NULL;
	const char *d = at ? at + 1 : value;
	gsize n, k;

	if (d == NULL)
		return FALSE;
	n = strlen(from_domain);
	k = strlen(d);
	return g_ascii_strcasecmp(d, from_domain) == 0 || (n > k &&
	    from_domain[n - k - 1] == '.' &&
	    g_ascii_strcasecmp(from_domain + n - k, d) == 0);
}

/* smtp.auth names the From address (or its local part). */
static gboolean
auth_names(const char *user, const char *from)
{
	gsize local = strcspn(from, "@");

	return user != NULL && (g_ascii_strcasecmp(user, from) == 0 ||
	    (strchr(user, '@') == NULL && strlen(user) == local &&
	    g_ascii_strncasecmp(user, from, local) == 0));
}

struct findings {
	const char	*pass;		/* static reasons, or NULL */
	const char	*dkim_pass;
	const char	*fail;
	const char	*spf_fail;
};

static void
weigh(const struct authres_result *r, const char *from,
    const char *domain, struct findings *f)
{
	gboolean pass = strcmp(r->result, "pass") == 0;
	gboolean fail = strcmp(r->result, "fail") == 0;

	if (strcmp(r->method, "auth") == 0 && pass &&
	    auth_names(authres_prop(r, "smtp.auth"), from))
		f->pass = "auth=pass";
	else if (strcmp(r->method, "dmarc") == 0 &&
	    aligned(authres_prop(r, "header.from"), domain)) {
		if (pass)
			f->pass = "dmarc=pass";
		if (fail)
			f->fail = "dmarc=fail";
	} else if (strcmp(r->method, "dkim") == 0 && pass &&
	    aligned(authres_prop(r, "header.d"), domain))
		f->dkim_pass = "dkim=pass, aligned";
	else if (strcmp(r->method, "spf") == 0 && fail &&
	    aligned(authres_prop(r, "smtp.mailfrom"), domain))
		f->spf_fail = "spf=fail";
}

static void
check_authres(const struct config *c, const struct message *m,
    struct auth_verdict *v)
{
	const char *domain = strrchr(m->from_address, '@') + 1;
	struct findings f = { 0 };
	g_autofree char *id = NULL;

	for (guint i = 0; i < m->auth_results->len; i++) {
		struct authres *ar = authres_parse(m->auth_results->pdata[i]);
		if (ar != NULL && is_trusted(c, ar->authserv_id)) {
			g_free(id);
			id = g_strdup(ar->authserv_id);
			for (guint j = 0; j < ar->results->len; j++)
				weigh(ar->results->pdata[j], m->from_address,
				    domain, &f);
		}
		authres_free(ar);
	}
	if (f.fail == NULL && f.dkim_pass == NULL)
		f.fail = f.spf_fail;
	if (f.pass == NULL)
		f.pass = f.dkim_pass;
	if (f.fail != NULL)
		v->state = AUTH_FAIL;
	else if (f.pass != NULL)
		v->state = AUTH_PASS;
	if (id != NULL && (f.fail != NULL || f.pass != NULL))
		v->evidence = g_strdup_printf("%s at %s", f.fail ? f.fail :
		    f.pass, id);
}

void
authentic_check(const struct config *c, const struct message *m,
    struct auth_verdict *v)
{
	struct auth_verdict received = { AUTH_NONE, NULL };

	v->state = AUTH_NONE;
	v->evidence = NULL;
	if (m->from_address == NULL || strchr(m->from_address, '@') == NULL) {
		v->evidence = g_strdup("no From address");
		return;
	}
	check_authres(c, m, v);
	if (v->state == AUTH_FAIL)
		return;
	/* A submission under another login is as bad as a forgery. */
	if (check_received(c, m, &received) &&
	    (received.state == AUTH_FAIL || v->state == AUTH_NONE)) {
		g_free(v->evidence);
		*v = received;
		return;
	}
	g_free(received.evidence);
	if (v->state == AUTH_NONE)
		v->evidence = g_strdup("no authentication evidence from our "
		    "server");
}
