/*
 * bulletind: the bulletin office's mail daemon.
 *
 *	bulletind [-dnv] [-f file]
 *
 * -d stays in the foreground and logs to stderr; -n checks that the
 * configuration is ready to run (check.h), reports every problem as
 * file:line: error|warning: and exits 0 when there is no error, 1 when
 * there is one; -v logs debug lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curl/curl.h>

#include "check.h"
#include "config.h"
#include "daemon.h"
#include "log.h"
#include "render-leaks.h"

#ifndef BULLETIND_CONF
#define BULLETIND_CONF "/etc/bulletind/bulletind.conf"
#endif

static G_NORETURN void
usage(void)
{
	fprintf(stderr, "usage: bulletind [-dnv] [-f file]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *path = BULLETIND_CONF;
	gboolean foreground = FALSE, check = FALSE;
	int verbosity = 0, ch, rc;

	while ((ch = getopt(argc, argv, "df:nv")) != -1) {
		switch (ch) {
		case 'd':
			foreground = TRUE;
			break;
		case 'f':
			path = optarg;
			break;
		case 'n':
			check = TRUE;
			break;
		case 'v':
			verbosity++;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (check)
		return check_report(path, stderr);
	log_init("bulletind", foreground, verbosity);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = daemon_run(path, foreground);
	curl_global_cleanup();
	render_release_caches();
	return rc;
}
