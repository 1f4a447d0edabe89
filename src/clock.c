/* See clock.h. */
#include <stdlib.h>

#include "clock.h"

GDateTime *
clock_now(void)
{
	const char *fixed = getenv("BULLETIND_NOW");
	GDateTime *t;

	if (fixed != NULL && (t = g_date_time_new_from_iso8601(fixed,
	    NULL)) != NULL)
		return t;
	return g_date_time_new_now_local();
}
