/* authres.c: only our server's Authentication-Results count. */
#include "authres.h"

static gboolean
failed(const char *header, const char **why)
{
	g_autoptr(GPtrArray) h = g_ptr_array_new();

	g_ptr_array_add(h, (gpointer)header);
	return authres_failed("mx.office.test", "example.test", h, why);
}

static void
test_authres(void)
{
	const char *why;

	g_assert_true(failed(" mx.office.test; dmarc=fail header.from="
	    "example.test", &why));
	g_assert_cmpstr(why, ==, "dmarc=fail");
	/* As GMime hands the raw value: with its line end. */
	g_assert_true(failed(" mx.office.test; dmarc=fail header.from="
	    "example.test\n", &why));
	g_assert_true(failed("mx.office.test 1; spf=pass smtp.mailfrom=a@b.c;"
	    "\r\n\tdkim=fail header.d=example.test", &why));
	g_assert_cmpstr(why, ==, "dkim=fail");
	/* Another server's verdict is not ours to trust. */
	g_assert_false(failed("evil.test; dmarc=fail header.from=example.test",
	    &why));
	/* A failure about another domain is not about the From domain. */
	g_assert_false(failed("mx.office.test; dkim=fail header.d=other.test",
	    &why));
	g_assert_false(failed("mx.office.test; dmarc=pass header.from="
	    "example.test; spf=softfail", &why));
	g_assert_false(failed("mx.office.test; none", &why));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/authres/parse", test_authres);
	return g_test_run();
}
