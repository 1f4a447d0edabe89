/*
 * The daemon: start-up (config, secrets, lock, privileges, store), the
 * main loop, and signals (SIGTERM ends even a transfer in progress within
 * a second; SIGHUP reloads and keeps the old config if the new one is bad).
 *
 * The loop sleeps in ppoll on the IDLE socket, the signals and the next
 * timer; IMAP (poll at poll_interval, or now when IDLE says new mail came)
 * and SMTP (when mail is due) keep their own schedules and backoffs, so
 * an outage of one leaves the other's pace alone.
 */
#ifndef BULLETIN_DAEMON_H
#define BULLETIN_DAEMON_H

#include <glib.h>

/* Run until SIGTERM/SIGINT.  Returns the process exit status. */
int daemon_run(const char *config_path, gboolean foreground);

#endif
