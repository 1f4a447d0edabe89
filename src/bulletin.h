/*
 * What every step of the daemon works with: the loaded config, the open
 * store and the sign-off key.  Owned by the daemon (or bulletinctl); steps
 * borrow it.
 */
#ifndef BULLETIN_BULLETIN_H
#define BULLETIN_BULLETIN_H

#include <glib.h>

#include "config.h"
#include "store.h"

struct bulletin {
	struct config	*config;
	struct store	*store;
	GBytes		*key;		/* sign-off HMAC key; wiped on exit */
};

#endif
