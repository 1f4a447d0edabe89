/*
 * Logging: stderr in the foreground, syslog as a daemon.  Until the daemon
 * has detached, its warnings and fatal errors go to stderr as well (as
 * Postfix and Dovecot do): at boot syslog may not run yet, and whoever
 * started it must see why it did not.  GLib and GMime warnings are routed
 * to the same sink.  Messages are plain UTF-8 text; never
 * pass a secret.
 */
#ifndef BULLETIN_LOG_H
#define BULLETIN_LOG_H

#include <glib.h>

/*
 * Start logging.  verbosity 0 logs info and up, 1 adds debug.  IDENT is
 * borrowed for the life of the process (a literal).
 */
void log_init(const char *ident, gboolean foreground, int verbosity);

/* The daemon has detached from its terminal: syslog only from now on. */
void log_detached(void);

void log_info(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void log_warn(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void log_debug(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
G_NORETURN void fatal(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* TRUE when debug lines are logged (to avoid building expensive ones). */
gboolean log_is_debug(void);

/*
 * A server that stays down, for logging without flooding: its first failure
 * is logged, then at most one "still down since HH:MM:SS, N attempts"
 * line per LOG_OUTAGE_REPEAT seconds, and one "back up" line when it
 * answers again.  Zero-initialise; NAME is borrowed (a literal).
 */
#define LOG_OUTAGE_REPEAT	180

struct log_outage {
	const char	*name;		/* "imap", "smtp" */
	gint64		 since;		/* real time, µs; 0 while up */
	gint64		 last_logged;	/* monotonic, µs */
	guint		 attempts;	/* failed in a row */
};

void log_outage_failed(struct log_outage *outage, const char *reason);
void log_outage_ok(struct log_outage *outage);

#endif
