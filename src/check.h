/*
 * bulletind -n: is this configuration ready to run, as `postfix check`
 * asks?  Every problem at once, each as
 *
 *	file:line: error: message; fix
 *	file:line: warning: message; fix
 *
 * Errors are what the daemon would refuse: the configuration's own
 * errors (config.c), the secret files (present, regular, private, the
 * key long enough: the same secret_read() the daemon uses), the run user,
 * the state directory, the CA files.  Warnings are what it accepts but
 * the office should fix (also logged by the daemon when it starts).
 *
 * Checked as the daemon will run: started as root (as this check should
 * be), it reads the secrets as root and then works as the configured
 * user; started as another user, it does everything as that user.
 * Nothing is created or changed.
 */
#ifndef BULLETIN_CHECK_H
#define BULLETIN_CHECK_H

#include <stdio.h>

#include <glib.h>

#include "config.h"

/* The exit status of bulletind -n. */
enum check_status {
	CHECK_READY = 0,	/* no error (warnings may have been printed) */
	CHECK_NOT_READY = 1,	/* at least one error: bulletind would refuse */
};

/*
 * Check what C names on this system; append the "file:line: error: …"
 * lines to ERRORS and the warnings to WARNINGS (char *, owned by the
 * arrays).  C may be a config loaded with errors (config_load_report):
 * what is missing there is not checked again.
 */
void check_system(const struct config *c, GPtrArray *errors,
    GPtrArray *warnings);

/*
 * Load the configuration PATH and check it: print every problem to OUT,
 * then one summary line ("PATH: ready: …" or "PATH: not ready: N
 * errors, M warnings").  Returns the exit status.
 */
enum check_status check_report(const char *path, FILE *out);

#endif
