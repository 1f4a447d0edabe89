/* imap.c: the pure response parsers. */
#include "imap.h"

static void
test_search(void)
{
	g_autoptr(GArray) a = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autoptr(GArray) b = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autoptr(GArray) c = g_array_new(FALSE, FALSE, sizeof(guint32));
	guint32 v = 0;

	g_assert_true(imap_parse_search(
	    "* ESEARCH (TAG \"A004\") UID ALL 1:3,7\r\n", a));
	g_assert_cmpuint(a->len, ==, 4);
	g_assert_cmpuint(g_array_index(a, guint32, 3), ==, 7);
	g_assert_true(imap_parse_search("* ESEARCH (TAG \"A5\") UID\r\n", b));
	g_assert_cmpuint(b->len, ==, 0);
	g_assert_true(imap_parse_search("* SEARCH 2 9\r\n", c));
	g_assert_cmpuint(c->len, ==, 2);
	g_assert_false(imap_parse_search("garbage", c));
	g_assert_false(imap_parse_uid_set("5:3", c));
	g_assert_false(imap_parse_uid_set("0", c));
	g_assert_true(imap_parse_uidvalidity(
	    "* STATUS INBOX (UIDVALIDITY 1795833246)\r\n", &v));
	g_assert_cmpuint(v, ==, 1795833246u);
	g_assert_false(imap_parse_uidvalidity("* STATUS INBOX ()", &v));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/imap/search", test_search);
	return g_test_run();
}
