/*
 * Error domain shared by every module.  The code says what the caller should
 * do next, not what went wrong: the message carries that.
 */
#ifndef BULLETIN_ERROR_H
#define BULLETIN_ERROR_H

#include <glib.h>

#define BULLETIN_ERROR (bulletin_error_quark())

enum bulletin_error_code {
	BULLETIN_ERROR_TEMPORARY,	/* retry later, with backoff */
	BULLETIN_ERROR_PERMANENT,	/* give up on this item, tell editors */
	BULLETIN_ERROR_INPUT,		/* bad message: quarantine, go on */
	BULLETIN_ERROR_CONFIG,		/* refuse the config, keep the old one */
	BULLETIN_ERROR_STATE,		/* fatal at start-up */
};

GQuark bulletin_error_quark(void);

#endif
