/* schedule.c: deadlines in the office's zone, table-driven. */
#include <string.h>

#include "schedule.h"

static GDateTime *
at(const char *iso)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier("Asia/Shanghai");
	g_autoptr(GDateTime) t = g_date_time_new_from_iso8601(iso, NULL);

	g_assert_nonnull(t);
	return g_date_time_to_timezone(t, tz);
}

static void
assert_same(GDateTime *got, const char *want_iso)
{
	g_autoptr(GDateTime) want = at(want_iso);
	g_autofree char *s = g_date_time_format_iso8601(got);

	if (g_date_time_compare(got, want) != 0)
		g_error("got %s, want %s", s, want_iso);
}

static const struct {
	const char	*text;
	enum schedule_kind kind;
	int		 day, hour, minute;
} parse_cases[] = {
	{ "fri 17:00", SCHEDULE_WEEKLY, 5, 17, 0 },
	{ "Friday 17:00", SCHEDULE_WEEKLY, 5, 17, 0 },
	{ "  MON   9:30 ", SCHEDULE_WEEKLY, 1, 9, 30 },
	{ "sun 23:59", SCHEDULE_WEEKLY, 7, 23, 59 },
	{ "25 17:00", SCHEDULE_MONTHLY, 25, 17, 0 },
	{ "31 08:00", SCHEDULE_MONTHLY, 31, 8, 0 },
	{ "fri", SCHEDULE_NONE, 0, 0, 0 },
	{ "fri 24:00", SCHEDULE_NONE, 0, 0, 0 },
	{ "fri 17:60", SCHEDULE_NONE, 0, 0, 0 },
	{ "32 17:00", SCHEDULE_NONE, 0, 0, 0 },
	{ "0 17:00", SCHEDULE_NONE, 0, 0, 0 },
	{ "fr 17:00", SCHEDULE_NONE, 0, 0, 0 },
	{ "周五 17:00", SCHEDULE_NONE, 0, 0, 0 },
	{ "fri 17:00 x", SCHEDULE_NONE, 0, 0, 0 },
	{ "", SCHEDULE_NONE, 0, 0, 0 },
};

static void
test_parse(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(parse_cases); i++) {
		struct schedule s = { 0 };
		g_autofree char *problem = NULL;
		gboolean ok = schedule_parse(parse_cases[i].text, &s, &problem);

		g_test_message("%s", parse_cases[i].text);
		g_assert_cmpint(ok, ==, parse_cases[i].kind != SCHEDULE_NONE);
		if (!ok) {
			g_assert_nonnull(strstr(problem, "\"fri 17:00\""));
			continue;
		}
		g_assert_cmpint(s.kind, ==, parse_cases[i].kind);
		g_assert_cmpint(s.day, ==, parse_cases[i].day);
		g_assert_cmpint(s.hour, ==, parse_cases[i].hour);
		g_assert_cmpint(s.minute, ==, parse_cases[i].minute);
	}
}

static const struct {
	const char	*text;
	gint64		 seconds;	/* 0: invalid */
} offset_cases[] = {
	{ "48h", 48 * 3600 }, { "4h", 4 * 3600 }, { "30m", 1800 },
	{ "2d", 2 * 86400 }, { "90s", 90 }, { "4H", 4 * 3600 },
	{ "0h", 0 }, { "-4h", 0 }, { "4", 0 }, { "h", 0 }, { "4hh", 0 },
	{ "4w", 0 }, { "", 0 },
};

static void
test_offset(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(offset_cases); i++) {
		gint64 v = 0;
		gboolean ok = schedule_parse_offset(offset_cases[i].text, &v);

		g_test_message("%s", offset_cases[i].text);
		g_assert_cmpint(ok, ==, offset_cases[i].seconds != 0);
		if (ok)
			g_assert_cmpint(v, ==, offset_cases[i].seconds);
	}
}

static const struct {
	const char	*schedule;
	const char	*after;
	const char	*next;		/* first deadline after AFTER */
	const char	*previous;	/* last deadline at or before AFTER */
} next_cases[] = {
	/* 2026-12-02 is a Wednesday. */
	{ "fri 17:00", "2026-12-02T10:00:00+08:00",
	    "2026-12-04T17:00:00+08:00", "2026-11-27T17:00:00+08:00" },
	/* At the deadline itself: the next one is a week on. */
	{ "fri 17:00", "2026-12-04T17:00:00+08:00",
	    "2026-12-11T17:00:00+08:00", "2026-12-04T17:00:00+08:00" },
	{ "fri 17:00", "2026-12-04T16:59:59+08:00",
	    "2026-12-04T17:00:00+08:00", "2026-11-27T17:00:00+08:00" },
	/* The office's Friday, not UTC's: 10:00Z Friday is 18:00 there. */
	{ "fri 17:00", "2026-12-04T10:00:00Z",
	    "2026-12-11T17:00:00+08:00", "2026-12-04T17:00:00+08:00" },
	/* Friday 01:00 there is still Thursday in UTC. */
	{ "fri 17:00", "2026-12-03T17:00:00Z",
	    "2026-12-04T17:00:00+08:00", "2026-11-27T17:00:00+08:00" },
	/* Across a year. */
	{ "fri 17:00", "2026-12-31T12:00:00+08:00",
	    "2027-01-01T17:00:00+08:00", "2026-12-25T17:00:00+08:00" },
	{ "sun 09:00", "2026-12-06T09:00:01+08:00",
	    "2026-12-13T09:00:00+08:00", "2026-12-06T09:00:00+08:00" },
	{ "25 17:00", "2026-12-02T10:00:00+08:00",
	    "2026-12-25T17:00:00+08:00", "2026-11-25T17:00:00+08:00" },
	{ "25 17:00", "2026-12-25T17:00:00+08:00",
	    "2027-01-25T17:00:00+08:00", "2026-12-25T17:00:00+08:00" },
	{ "25 17:00", "2026-12-26T00:00:00+08:00",
	    "2027-01-25T17:00:00+08:00", "2026-12-25T17:00:00+08:00" },
	/* Day 31 in shorter months: their last day. */
	{ "31 17:00", "2027-02-01T00:00:00+08:00",
	    "2027-02-28T17:00:00+08:00", "2027-01-31T17:00:00+08:00" },
	{ "31 17:00", "2028-02-29T18:00:00+08:00",
	    "2028-03-31T17:00:00+08:00", "2028-02-29T17:00:00+08:00" },
	{ "30 17:00", "2027-04-30T17:30:00+08:00",
	    "2027-05-30T17:00:00+08:00", "2027-04-30T17:00:00+08:00" },
};

static void
test_next(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(next_cases); i++) {
		struct schedule s;
		g_autofree char *problem = NULL;
		g_autoptr(GDateTime) after = at(next_cases[i].after);
		g_autoptr(GDateTime) next = NULL, prev = NULL;

		g_test_message("%s after %s", next_cases[i].schedule,
		    next_cases[i].after);
		g_assert_true(schedule_parse(next_cases[i].schedule, &s,
		    &problem));
		next = schedule_next(&s, after);
		assert_same(next, next_cases[i].next);
		prev = schedule_previous(&s, after);
		assert_same(prev, next_cases[i].previous);
	}
}

/* A zone with summer time: the deadline keeps its wall-clock time. */
static void
test_next_dst(void)
{
	g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier(
	    "Europe/Berlin");
	g_autoptr(GDateTime) after = g_date_time_new(berlin, 2026, 10, 23, 18,
	    0, 0);
	g_autoptr(GDateTime) next = NULL;
	struct schedule s;
	g_autofree char *problem = NULL;

	g_assert_true(schedule_parse("fri 17:00", &s, &problem));
	next = schedule_next(&s, after);
	g_assert_cmpint(g_date_time_get_day_of_month(next), ==, 30);
	g_assert_cmpint(g_date_time_get_hour(next), ==, 17);
	g_assert_cmpint(g_date_time_get_utc_offset(next), ==,
	    1 * G_TIME_SPAN_HOUR);
}

static void
test_none(void)
{
	struct schedule s = { 0 };
	g_autoptr(GDateTime) now = at("2026-12-02T10:00:00+08:00");

	g_assert_null(schedule_next(&s, now));
	g_assert_null(schedule_previous(&s, now));
}

/* The monthly 通报's day: Monday to Friday, the month's first. */
static const struct {
	const char	*at;
	const char	*first;
} working_cases[] = {
	{ "2026-12-15T10:00:00+08:00", "2026-12-01T09:00:00+08:00" }, /* Tue */
	{ "2026-08-20T10:00:00+08:00", "2026-08-03T09:00:00+08:00" }, /* Sat 1 */
	{ "2026-11-02T10:00:00+08:00", "2026-11-02T09:00:00+08:00" }, /* Sun 1 */
	{ "2027-05-31T23:00:00+08:00", "2027-05-03T09:00:00+08:00" }, /* Sat 1 */
	{ "2027-01-01T00:30:00+08:00", "2027-01-01T09:00:00+08:00" }, /* Fri */
	/* the office's day, not UTC's: still 30 June in UTC */
	{ "2026-06-30T17:00:00+00:00", "2026-07-01T09:00:00+08:00" },
};

static void
test_first_working_day(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(working_cases); i++) {
		g_autoptr(GDateTime) t = at(working_cases[i].at);
		g_autoptr(GDateTime) first = schedule_first_working_day(t, 9,
		    0);

		g_test_message("first working day of %s", working_cases[i].at);
		assert_same(first, working_cases[i].first);
	}
}

static void
test_parse_time(void)
{
	int h = -1, m = -1;

	g_assert_true(schedule_parse_time("09:00", &h, &m));
	g_assert_cmpint(h * 100 + m, ==, 900);
	g_assert_true(schedule_parse_time("23:59", &h, &m));
	g_assert_cmpint(h * 100 + m, ==, 2359);
	g_assert_false(schedule_parse_time("24:00", &h, &m));
	g_assert_false(schedule_parse_time("9点", &h, &m));
	g_assert_false(schedule_parse_time("09:00am", &h, &m));
	g_assert_false(schedule_parse_time("", &h, &m));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/schedule/parse", test_parse);
	g_test_add_func("/schedule/offset", test_offset);
	g_test_add_func("/schedule/next", test_next);
	g_test_add_func("/schedule/next-dst", test_next_dst);
	g_test_add_func("/schedule/none", test_none);
	g_test_add_func("/schedule/first-working-day", test_first_working_day);
	g_test_add_func("/schedule/parse-time", test_parse_time);
	return g_test_run();
}
