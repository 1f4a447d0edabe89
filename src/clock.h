/*
 * The time the daemon acts at.  Normally now; the tests set BULLETIND_NOW
 * (ISO 8601, e.g. "2026-12-31T23:59:00+08:00") to check numbering across
 * a year boundary without waiting for one.
 */
#ifndef BULLETIN_CLOCK_H
#define BULLETIN_CLOCK_H

#include <glib.h>

/* The current local time (caller unrefs). */
GDateTime *clock_now(void);

#endif
