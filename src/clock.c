/* See clock.h. */
#include <stdlib.h>

#include "clock.h"

static GTimeZone *clock_tz;	/* NULL until set: the system's zone */

void
clock_set_zone(GTimeZone *zone)
{
	if (zone != NULL)
		g_time_zone_ref(zone);
	if (clock_tz != NULL)
		g_time_zone_unref(clock_tz);
	clock_tz = zone;
}

GTimeZone *
clock_zone(void)
{
	if (clock_tz == NULL)
		clock_tz = g_time_zone_new_local();
	return clock_tz;
}

GDateTime *
clock_now(void)
{
	const char *fixed = getenv("BULLETIND_NOW");
	g_autoptr(GDateTime) t = NULL;

	if (fixed != NULL && (t = g_date_time_new_from_iso8601(fixed,
	    NULL)) != NULL)
		return g_date_time_to_timezone(t, clock_zone());
	return clock_now_real();
}

GDateTime *
clock_now_real(void)
{
	return g_date_time_new_now(clock_zone());
}

GDateTime *
clock_from_unix(gint64 t)
{
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(t);

	return g_date_time_to_timezone(utc, clock_zone());
}

char *
clock_format_unix(gint64 t)
{
	g_autoptr(GDateTime) d = clock_from_unix(t);

	return g_date_time_format(d, "%Y-%m-%d %H:%M:%S");
}
