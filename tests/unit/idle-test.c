/* idle.c's line classifier and log.c's outage counter. */
#include "idle.h"
#include "log.h"

static void
test_new_mail(void)
{
	static const struct {
		const char	*line;
		gboolean	 wakes;
	} cases[] = {
		{ "* 12 EXISTS", TRUE },
		{ "* 3 RECENT", TRUE },
		{ "* 1 exists", TRUE },
		{ "* 4 EXPUNGE", FALSE },	/* our own moves */
		{ "* 2 FETCH (FLAGS (\\Seen $Filed))", FALSE },
		{ "* OK Still here", FALSE },
		{ "* EXISTS", FALSE },
		{ "* 12EXISTS", FALSE },
		{ "i3 OK Idle completed", FALSE },
		{ "+ idling", FALSE },
		{ "", FALSE },
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpint(idle_line_is_change(cases[i].line), ==,
		    cases[i].wakes);
}

static void
test_outage(void)
{
	struct log_outage o = { .name = "imap" };

	log_outage_ok(&o);		/* up: nothing to say */
	g_assert_cmpint(o.since, ==, 0);
	log_outage_failed(&o, "connection refused");
	g_assert_cmpint(o.since, >, 0);
	gint64 first = o.last_logged;
	log_outage_failed(&o, "connection refused");
	log_outage_failed(&o, "connection refused");
	g_assert_cmpuint(o.attempts, ==, 3);
	g_assert_cmpint(o.last_logged, ==, first);	/* not logged again */
	log_outage_ok(&o);
	g_assert_cmpint(o.since, ==, 0);
	g_assert_cmpuint(o.attempts, ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	log_init("idle-test", TRUE, 0);
	g_test_add_func("/idle/new-mail", test_new_mail);
	g_test_add_func("/log/outage", test_outage);
	return g_test_run();
}
