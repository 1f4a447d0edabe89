/* clock.c: the acting time is in the configured zone, whatever the
 * machine's (the tests run on UTC machines, the offices are at +08:00). */
#include "clock.h"

static GTimeZone *
zone(const char *name)
{
	GTimeZone *z = g_time_zone_new_identifier(name);

	g_assert_nonnull(z);
	return z;
}

/* BULLETIND_NOW carries its own offset; the clock moves it to the zone. */
static void
test_fixed_now_in_zone(void)
{
	g_autoptr(GTimeZone) shanghai = zone("Asia/Shanghai");
	g_autoptr(GTimeZone) utc = zone("UTC");
	g_autoptr(GDateTime) a = NULL, b = NULL;

	g_setenv("BULLETIND_NOW", "2026-12-01T23:30:00Z", TRUE);
	clock_set_zone(shanghai);
	a = clock_now();
	g_assert_cmpint(g_date_time_get_day_of_month(a), ==, 2);
	g_assert_cmpint(g_date_time_get_hour(a), ==, 7);
	g_assert_cmpint(g_date_time_get_utc_offset(a), ==,
	    8 * G_TIME_SPAN_HOUR);
	clock_set_zone(utc);
	b = clock_now();
	g_assert_cmpint(g_date_time_get_day_of_month(b), ==, 1);
	g_assert_cmpint(g_date_time_to_unix(a), ==, g_date_time_to_unix(b));
	clock_set_zone(NULL);
	g_unsetenv("BULLETIND_NOW");
}

/* The real time ignores BULLETIND_NOW but not the zone. */
static void
test_real_now(void)
{
	g_autoptr(GTimeZone) shanghai = zone("Asia/Shanghai");
	g_autoptr(GDateTime) t = NULL;

	g_setenv("BULLETIND_NOW", "2000-01-01T00:00:00Z", TRUE);
	clock_set_zone(shanghai);
	t = clock_now_real();
	g_assert_cmpint(g_date_time_get_year(t), >, 2000);
	g_assert_cmpint(g_date_time_get_utc_offset(t), ==,
	    8 * G_TIME_SPAN_HOUR);
	clock_set_zone(NULL);
	g_unsetenv("BULLETIND_NOW");
}

/* Stored unix times as people read them (the audit's times). */
static void
test_format_unix(void)
{
	g_autoptr(GTimeZone) shanghai = zone("Asia/Shanghai");
	g_autofree char *there = NULL, *system = NULL;

	clock_set_zone(shanghai);
	there = clock_format_unix(1796168999);	/* 2026-12-01T23:49:59Z */
	g_assert_cmpstr(there, ==, "2026-12-02 07:49:59");
	g_setenv("TZ", "UTC", TRUE);
	clock_set_zone(NULL);
	system = clock_format_unix(1796168999);
	g_assert_cmpstr(system, ==, "2026-12-01 23:49:59");
	g_unsetenv("TZ");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/clock/fixed-now-in-zone", test_fixed_now_in_zone);
	g_test_add_func("/clock/real-now", test_real_now);
	g_test_add_func("/clock/format-unix", test_format_unix);
	return g_test_run();
}
