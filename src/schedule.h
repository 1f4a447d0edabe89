/*
 * The bulletin's deadlines (截稿时间) and the 催稿 rounds before them:
 * parsing the config's words and the calendar arithmetic, pure functions
 * without a clock (the caller passes the time, in the office's zone).
 */
#ifndef BULLETIN_SCHEDULE_H
#define BULLETIN_SCHEDULE_H

#include <glib.h>

enum schedule_kind {
	SCHEDULE_NONE,		/* no deadline configured */
	SCHEDULE_WEEKLY,	/* "fri 17:00" */
	SCHEDULE_MONTHLY,	/* "25 17:00": a day of the month */
};

struct schedule {
	enum schedule_kind kind;
	int		 day;		/* weekly: 1 (Monday) … 7 (Sunday);
					   monthly: 1 … 31, the month's last
					   day when it has fewer */
	int		 hour;
	int		 minute;
};

/*
 * Parse TEXT, "DAY HH:MM" where DAY is a weekday (mon … sun, or monday …
 * sunday, any case) or a day of the month (1 … 31), into *S_R.  FALSE and
 * *PROBLEM_R (caller frees: what is wrong and the fix) when TEXT is not.
 */
gboolean schedule_parse(const char *text, struct schedule *s_r,
    char **problem_r);

/* "HH:MM" (00:00 … 23:59) into *HOUR_R and *MINUTE_R; FALSE if not. */
gboolean schedule_parse_time(const char *word, int *hour_r, int *minute_r);

/* The first working day (Monday to Friday) of AT's month at HOUR:MINUTE,
 * in AT's zone (caller unrefs).  Public holidays are not known. */
GDateTime *schedule_first_working_day(GDateTime *at, int hour, int minute);

/* "48h", "30m", "2d" or "90s" as seconds in *SECONDS_R (more than 0);
 * FALSE when TEXT is not such an offset. */
gboolean schedule_parse_offset(const char *text, gint64 *seconds_r);

/*
 * The first deadline of S strictly after AFTER, in AFTER's zone (caller
 * unrefs); NULL when S is SCHEDULE_NONE.  A monthly day past the end of
 * a month is that month's last day.
 */
GDateTime *schedule_next(const struct schedule *s, GDateTime *after);

/* The last deadline of S at or before AT (caller unrefs), or NULL. */
GDateTime *schedule_previous(const struct schedule *s, GDateTime *at);

#endif
