/*
 * bulletind: the bulletin office's mail daemon.
 *
 *	bulletind [-dnv] [-f file]
 *
 * -d stays in the foreground and logs to stderr; -n checks the
 * configuration and exits; -v logs debug lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curl/curl.h>

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

static int
check_config(const char *path)
{
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(path, &error);

	if (c == NULL) {
		fprintf(stderr, "%s\n", error->message);
		return 1;
	}
	for (guint i = 0; i < c->warnings->len; i++)
		fprintf(stderr, "%s\n", (const char *)c->warnings->pdata[i]);
	fprintf(stderr, "%s: configuration OK (%u units, %u editors, "
	    "报 %u, 发 %u addresses)\n", path, c->units->len, c->editors->len,
	    c->bao.members->len, c->fa.members->len);
	config_free(c);
	return 0;
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
		return check_config(path);
	log_init("bulletind", foreground, verbosity);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = daemon_run(path, foreground);
	curl_global_cleanup();
	render_release_caches();
	return rc;
}
