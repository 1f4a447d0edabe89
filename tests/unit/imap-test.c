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

static char *
format(const guint32 *uids, guint n)
{
	g_autoptr(GArray) a = g_array_new(FALSE, FALSE, sizeof(guint32));

	g_array_append_vals(a, uids, n);
	return imap_format_uid_set(a);
}

/* Compact UID sets for bulk STORE/MOVE, round-tripped through the parser. */
static void
test_uid_set(void)
{
	static const struct {
		guint32		 uids[8];
		guint		 n;
		const char	*set;
	} cases[] = {
		{ { 0 }, 0, "" },
		{ { 7 }, 1, "7" },
		{ { 1, 2, 3, 4, 5, 7, 9, 10 }, 8, "1:5,7,9:10" },
		{ { 12, 9, 11, 10, 1 }, 5, "1,9:12" },
		{ { 3, 3, 4, 3 }, 4, "3:4" },
		{ { 4294967294u, 4294967295u, 1 }, 3, "1,4294967294:4294967295" },
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *set = format(cases[i].uids, cases[i].n);
		g_autoptr(GArray) back = g_array_new(FALSE, FALSE,
		    sizeof(guint32));
		g_assert_cmpstr(set, ==, cases[i].set);
		if (*set != '\0') {
			g_assert_true(imap_parse_uid_set(set, back));
			g_assert_cmpuint(back->len, <=, cases[i].n);
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/imap/search", test_search);
	g_test_add_func("/imap/uid-set", test_uid_set);
	return g_test_run();
}
