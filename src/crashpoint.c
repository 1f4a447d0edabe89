/* See crashpoint.h. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "crashpoint.h"
#include "log.h"

void
crashpoint(const char *name)
{
	static int passes;
	const char *at = getenv("BULLETIND_CRASH_AT");
	const char *after = getenv("BULLETIND_CRASH_AFTER");

	if (at == NULL || strcmp(at, name) != 0)
		return;
	if (after != NULL && passes++ < atoi(after))
		return;
	log_warn("crash point %s reached: SIGKILL", name);
	raise(SIGKILL);
}
