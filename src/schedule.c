/* Deadlines and 催稿 offsets; see schedule.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"

static const char *const weekday_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

/* 1 … 7 for "mon"/"monday" … "sun"/"sunday", 0 otherwise. */
static int
parse_weekday(const char *word)
{
	g_autofree char *w = g_ascii_strdown(word, -1);

	for (int i = 0; i < 7; i++)
		if (strcmp(w, weekday_names[i]) == 0 ||
		    (strlen(w) == 3 && strncmp(w, weekday_names[i], 3) == 0))
			return i + 1;
	return 0;
}

/* 1 … 31 for a day of the month written in digits, 0 otherwise. */
static int
parse_month_day(const char *word)
{
	char *end;
	long v;

	if (!g_ascii_isdigit(*word))
		return 0;
	v = strtol(word, &end, 10);
	return *end == '\0' && v >= 1 && v <= 31 ? (int)v : 0;
}

gboolean
schedule_parse_time(const char *word, int *hour_r, int *minute_r)
{
	unsigned h, m;
	char tail;

	if (sscanf(word, "%2u:%2u%c", &h, &m, &tail) != 2 ||
	    strlen(word) < 4 || h > 23 || m > 59)
		return FALSE;
	*hour_r = h;
	*minute_r = m;
	return TRUE;
}

gboolean
schedule_parse(const char *text, struct schedule *s_r, char **problem_r)
{
	g_auto(GStrv) words = g_strsplit_set(text, " \t", -1);
	g_autoptr(GPtrArray) w = g_ptr_array_new();
	struct schedule s = { 0 };

	for (guint i = 0; words[i] != NULL; i++)
		if (*words[i] != '\0')
			g_ptr_array_add(w, words[i]);
	if (w->len == 2 && (s.day = parse_weekday(w->pdata[0])) != 0)
		s.kind = SCHEDULE_WEEKLY;
	else if (w->len == 2 && (s.day = parse_month_day(w->pdata[0])) != 0)
		s.kind = SCHEDULE_MONTHLY;
	if (s.kind == SCHEDULE_NONE || !schedule_parse_time(w->pdata[1], &s.hour,
	    &s.minute)) {
		*problem_r = g_strdup_printf("deadline \"%s\" is not \"DAY "
		    "HH:MM\": write a weekday for a weekly bulletin "
		    "(\"fri 17:00\") or a day of the month for a monthly one "
		    "(\"25 17:00\")", text);
		return FALSE;
	}
	*s_r = s;
	return TRUE;
}

gboolean
schedule_parse_offset(const char *text, gint64 *seconds_r)
{
	static const struct { char unit; gint64 seconds; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
	};
	char *end;
	gint64 v;

	if (!g_ascii_isdigit(*text))
		return FALSE;
	v = g_ascii_strtoll(text, &end, 10);
	if (end[0] == '\0' || end[1] != '\0' || v <= 0 || v > 366 * 24 * 60)
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(units); i++)
		if (g_ascii_tolower(*end) == units[i].unit) {
			*seconds_r = v * units[i].seconds;
			return TRUE;
		}
	return FALSE;
}

/*
 * The K-th date (negative: before) from BASE that may hold a deadline of
 * S, in *OUT: for a weekly schedule BASE + K days, which holds one only
 * on S's weekday; for a monthly one the day of BASE's month + K months.
 */
static gboolean
candidate_date(const struct schedule *s, const GDate *base, int k, GDate *out)
{
	*out = *base;
	if (s->kind == SCHEDULE_WEEKLY) {
		if (k >= 0)
			g_date_add_days(out, k);
		else
			g_date_subtract_days(out, -k);
		return g_date_get_weekday(out) == (GDateWeekday)s->day;
	}
	g_date_set_day(out, 1);
	if (k >= 0)
		g_date_add_months(out, k);
	else
		g_date_subtract_months(out, -k);
	g_date_set_day(out, MIN(s->day, g_date_get_days_in_month(
	    g_date_get_month(out), g_date_get_year(out))));
	return TRUE;
}

static GDateTime *
deadline_on(const struct schedule *s, GTimeZone *tz, const GDate *d)
{
	return g_date_time_new(tz, g_date_get_year(d), g_date_get_month(d),
	    g_date_get_day(d), s->hour, s->minute, 0);
}

/* T's civil date in its zone. */
static void
date_of(GDateTime *t, GDate *d_r)
{
	g_date_clear(d_r, 1);
	g_date_set_dmy(d_r, g_date_time_get_day_of_month(t),
	    g_date_time_get_month(t), g_date_time_get_year(t));
}

/* Eight steps reach the next or previous deadline from any date: seven
 * days of a week, or the next month's day (DST can only move a time, not
 * a date, by less than a day). */
#define SCHEDULE_STEPS	9

GDateTime *
schedule_next(const struct schedule *s, GDateTime *after)
{
	GDate base, d;

	if (s->kind == SCHEDULE_NONE)
		return NULL;
	date_of(after, &base);
	for (int k = 0; k < SCHEDULE_STEPS; k++) {
		GDateTime *t;
		if (!candidate_date(s, &base, k, &d))
			continue;
		t = deadline_on(s, g_date_time_get_timezone(after), &d);
		if (g_date_time_compare(t, after) > 0)
			return t;
		g_date_time_unref(t);
	}
	g_assert_not_reached();
}

GDateTime *
schedule_previous(const struct schedule *s, GDateTime *at)
{
	GDate base, d;

	if (s->kind == SCHEDULE_NONE)
		return NULL;
	date_of(at, &base);
	for (int k = 0; k > -SCHEDULE_STEPS; k--) {
		GDateTime *t;
		if (!candidate_date(s, &base, k, &d))
			continue;
		t = deadline_on(s, g_date_time_get_timezone(at), &d);
		if (g_date_time_compare(t, at) <= 0)
			return t;
		g_date_time_unref(t);
	}
	g_assert_not_reached();
}

GDateTime *
schedule_first_working_day(GDateTime *at, int hour, int minute)
{
	GTimeZone *zone = g_date_time_get_timezone(at);
	int day = 1;
	GDateTime *t;

	for (;;) {
		t = g_date_time_new(zone, g_date_time_get_year(at),
		    g_date_time_get_month(at), day, hour, minute, 0);
		if (g_date_time_get_day_of_week(t) <= 5)
			return t;
		g_date_time_unref(t);
		day++;
	}
}
