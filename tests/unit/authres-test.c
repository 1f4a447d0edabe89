/*
 * authres.c and authentic.c: Authentication-Results parsed as RFC 8601
 * writes them, and a sender is authentic only on positive evidence from
 * our own server.  The headers are spelled as the servers named beside
 * them write them.
 */
#include "authentic.h"
#include "authres.h"
#include "config.h"
#include "message.h"

#define DOVECOT_HOP "Received: from mail.example.test ([127.0.0.1])\n" \
	"\tby vm with LMTP\n\tid yDU4Af41D2ujOQAAg+zDdQ\n" \
	"\t(envelope-from <editor@example.test>)\n" \
	"\tfor <office@example.test>; Tue, 01 Dec 2026 21:02:54 +0000\n"
#define POSTFIX_AUTH(who) "Received: from vm (unknown [127.0.0.1])\n" \
	"\t(Authenticated sender: " who ")\n" \
	"\tby mail.example.test (Postfix) with ESMTPSA id 02532A724B2\n" \
	"\tfor <office@example.test>; Tue,  1 Dec 2026 21:02:54 +0000 (UTC)\n"
#define POSTFIX_PLAIN "Received: from vm (unknown [127.0.0.1])\n" \
	"\tby mail.example.test (Postfix) with ESMTP id 7CA27A727CA\n" \
	"\tfor <office@example.test>; Tue,  1 Dec 2026 21:02:39 +0000 (UTC)\n"

static struct config config;

static enum auth_state
check(const char *headers, char **evidence_r)
{
	g_autofree char *raw = g_strconcat(headers,
	    "From: =?UTF-8?B?546L57yW6L6R?= <editor@example.test>\n"
	    "To: office@example.test\nSubject: status\n"
	    "Message-ID: <t@example.test>\n\nbody\n", NULL);
	struct message *m = message_parse(raw, strlen(raw), NULL);
	struct auth_verdict v;

	g_assert_nonnull(m);
	authentic_check(&config, m, &v);
	message_free(m);
	if (evidence_r != NULL)
		*evidence_r = v.evidence;
	else
		g_free(v.evidence);
	return v.state;
}

static void
test_parse(void)
{
	struct authres *ar = authres_parse(" (our MX) mail.example.test 1;"
	    "\r\n\tdkim = pass (2048-bit key; unprotected) header . d="
	    "example.test header.s=mail;\r\n\tspf=pass smtp.mailfrom=\"a b\""
	    "@example.test; dmarc/1=fail reason=\"no aligned id\" "
	    "header.from=example.test");
	const struct authres_result *r;

	g_assert_nonnull(ar);
	g_assert_cmpstr(ar->authserv_id, ==, "mail.example.test");
	g_assert_cmpuint(ar->results->len, ==, 3);
	r = ar->results->pdata[0];
	g_assert_cmpstr(r->method, ==, "dkim");
	g_assert_cmpstr(r->result, ==, "pass");
	g_assert_cmpstr(authres_prop(r, "header.d"), ==, "example.test");
	r = ar->results->pdata[1];
	g_assert_cmpstr(authres_prop(r, "smtp.mailfrom"), ==,
	    "a b@example.test");
	r = ar->results->pdata[2];
	g_assert_cmpstr(r->method, ==, "dmarc");
	g_assert_cmpstr(r->result, ==, "fail");
	g_assert_cmpstr(authres_prop(r, "header.from"), ==, "example.test");
	authres_free(ar);
	ar = authres_parse("mail.example.test; none");
	g_assert_cmpuint(ar->results->len, ==, 0);
	authres_free(ar);
	g_assert_null(authres_parse(" (only a comment) "));
}

struct ar_case {
	const char	*header;
	enum auth_state	 state;
};

/* Each spelling the last round let through, and what real servers write. */
static const struct ar_case ar_cases[] = {
	/* OpenDMARC */
	{ "mail.example.test; dmarc=fail (p=reject dis=none) "
	  "header.from=example.test", AUTH_FAIL },
	{ "mail.example.test; dmarc = fail header.from = example.test",
	  AUTH_FAIL },
	{ "(comment) mail.example.test; (why) dmarc=fail "
	  "header.from=example.test", AUTH_FAIL },
	{ "MAIL.EXAMPLE.TEST; DMARC=FAIL header.from=Example.Test", AUTH_FAIL },
	{ "mail.example.test; dmarc=pass (p=reject dis=none) "
	  "header.from=example.test", AUTH_PASS },
	{ "mail.example.test; dmarc=none (p=none dis=none) "
	  "header.from=example.test", AUTH_NONE },
	{ "mail.example.test; dmarc=temperror header.from=example.test",
	  AUTH_NONE },
	/* OpenDKIM: aligned pass; unaligned pass; fail alone proves nothing */
	{ "mail.example.test;\n\tdkim=pass (2048-bit key; unprotected) "
	  "header.d=example.test header.i=@example.test header.s=mail "
	  "header.b=AbCdEfGh;\n\tdkim-atps=neutral", AUTH_PASS },
	{ "mail.example.test; dkim=pass header.d=mailer.other.test",
	  AUTH_NONE },
	{ "mail.example.test; dkim=fail header.d=example.test", AUTH_NONE },
	/* SPF: fail without aligned DKIM is forged; softfail is nothing */
	{ "mail.example.test; spf=fail smtp.mailfrom=editor@example.test",
	  AUTH_FAIL },
	{ "mail.example.test; spf=fail smtp.mailfrom=editor@example.test;"
	  " dkim=pass header.d=example.test", AUTH_PASS },
	{ "mail.example.test; spf=softfail smtp.mailfrom=editor@example.test",
	  AUTH_NONE },
	/* SMTP AUTH reported by the receiving server */
	{ "mail.example.test; auth=pass smtp.auth=editor@example.test",
	  AUTH_PASS },
	{ "mail.example.test; auth=pass smtp.auth=qianfa@example.test",
	  AUTH_NONE },
	/* Another server's verdict, or none at all (Exchange Online writes
	 * no authserv-id), is not ours to trust. */
	{ "mx.google.com;\n       dkim=pass header.i=@example.test "
	  "header.s=20230601 header.b=abc;\n       dmarc=pass (p=REJECT "
	  "sp=REJECT dis=NONE) header.from=example.test", AUTH_NONE },
	{ "spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=example.test; "
	  "dkim=pass (signature was verified) header.d=example.test;"
	  "dmarc=pass action=none header.from=example.test;compauth=pass "
	  "reason=100", AUTH_NONE },
	{ "mail.example.test; none", AUTH_NONE },
};

static void
test_authentication_results(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(ar_cases); i++) {
		g_autofree char *h = g_strdup_printf(DOVECOT_HOP POSTFIX_PLAIN
		    "Authentication-Results: %s\n", ar_cases[i].header);
		g_test_message("case %u: %s", i, ar_cases[i].header);
		g_assert_cmpint(check(h, NULL), ==, ar_cases[i].state);
	}
}

static void
test_received(void)
{
	char *evidence;

	g_assert_cmpint(check(DOVECOT_HOP POSTFIX_AUTH("editor@example.test"),
	    &evidence), ==, AUTH_PASS);
	g_assert_nonnull(strstr(evidence, "authenticated submission"));
	g_free(evidence);
	/* Logged in as someone else: a forgery from inside. */
	g_assert_cmpint(check(DOVECOT_HOP POSTFIX_AUTH("fgj@example.test"),
	    NULL), ==, AUTH_FAIL);
	/* Port 25, no AUTH: nothing. */
	g_assert_cmpint(check(DOVECOT_HOP POSTFIX_PLAIN, NULL), ==, AUTH_NONE);
	/* A forger's own "Authenticated sender" below our hop counts not. */
	g_assert_cmpint(check(DOVECOT_HOP POSTFIX_PLAIN
	    POSTFIX_AUTH("editor@example.test"), NULL), ==, AUTH_NONE);
	/* Nor one written "by" a host that is not ours. */
	g_assert_cmpint(check("Received: from x (Authenticated sender: "
	    "editor@example.test)\n\tby smtp.other.test (Postfix) with ESMTPSA "
	    "id 1; Tue, 1 Dec 2026 21:02:54 +0000\n", NULL), ==, AUTH_NONE);
	/* No header at all. */
	g_assert_cmpint(check("", &evidence), ==, AUTH_NONE);
	g_assert_nonnull(evidence);
	g_free(evidence);
	/* A forged verdict beats a submission. */
	g_assert_cmpint(check(DOVECOT_HOP POSTFIX_AUTH("editor@example.test")
	    "Authentication-Results: mail.example.test; dmarc=fail "
	    "header.from=example.test\n", NULL), ==, AUTH_FAIL);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	message_library_init();
	config.authserv_ids = g_ptr_array_new();
	g_ptr_array_add(config.authserv_ids, (char *)"mail.example.test");
	g_test_add_func("/authres/parse", test_parse);
	g_test_add_func("/authres/authentication-results",
	    test_authentication_results);
	g_test_add_func("/authres/received", test_received);
	return g_test_run();
}
