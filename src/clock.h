/*
 * The time the daemon acts at, in the office's time zone.
 *
 * The zone is the configured `timezone` (config.c), set with
 * clock_set_zone() whenever a configuration is loaded; until then it is
 * the system's zone.  Issue dates, Date headers, times shown to people and
 * log stamps all come from here, so a server running on UTC still dates an
 * issue signed at 07:30 in Beijing with that day.
 *
 * The tests set BULLETIND_NOW (ISO 8601 with its offset, e.g.
 * "2026-12-31T23:59:00+08:00") to check numbering across a year boundary
 * without waiting for one; it is converted to the zone like the real time.
 */
#ifndef BULLETIN_CLOCK_H
#define BULLETIN_CLOCK_H

#include <glib.h>

/* Use ZONE (a reference is taken; NULL: the system's zone) from now on. */
void clock_set_zone(GTimeZone *zone);

/* The zone in use (borrowed, valid until the next clock_set_zone()). */
GTimeZone *clock_zone(void);

/* The time to act at: BULLETIND_NOW or now, in the zone (caller unrefs). */
GDateTime *clock_now(void);

/* The real time, ignoring BULLETIND_NOW, in the zone (caller unrefs). */
GDateTime *clock_now_real(void);

/* Unix time T in the zone (caller unrefs). */
GDateTime *clock_from_unix(gint64 t);

/* Unix time T as "2026-12-02 07:30:00" in the zone (caller frees). */
char *clock_format_unix(gint64 t);

#endif
