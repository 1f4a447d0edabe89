/*
 * bulletinctl check [--connect]: the report of bulletind -n (check.h);
 * with --connect, also log in to the IMAP and SMTP servers with
 * the configured TLS, timeouts and passwords, through the daemon's own
 * imap.c and smtp.c, and say what works, one line per step:
 *
 *	imap: log in to URL as USER (TLS …): ok
 *	imap: select INBOX: FAILED: reason
 *	imap: folder NAME: skipped (not logged in)
 *
 * Nothing is sent and nothing is created: a missing folder is reported
 * (the daemon creates it when it starts).
 */
#ifndef BULLETIN_CHECK_CONNECT_H
#define BULLETIN_CHECK_CONNECT_H

#include <stdio.h>

#include "config.h"

/*
 * Run the steps for C, printing to OUT.  Returns the exit status: 0 when
 * every step worked, 1 otherwise.
 */
int check_connect(const struct config *c, FILE *out);

/*
 * bulletinctl's "check" subcommand, ARGV { "check" [, "--connect"] }: the
 * report of bulletind -n for the configuration PATH on stdout, then with
 * --connect the steps above.  Returns the exit status: 0 when there is
 * no error and every step worked, 1 otherwise, 2 for a usage error.
 */
int check_command(const char *path, int argc, char **argv);

#endif
