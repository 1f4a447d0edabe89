/*
 * The daemon: start-up (config, secrets, lock, privileges, store), the
 * poll → ingest → deliver loop, and signals (SIGTERM finishes the current
 * step, SIGHUP reloads and keeps the old config if the new one is bad).
 */
#ifndef BULLETIN_DAEMON_H
#define BULLETIN_DAEMON_H

#include <glib.h>

/* Run until SIGTERM/SIGINT.  Returns the process exit status. */
int daemon_run(const char *config_path, gboolean foreground);

#endif
