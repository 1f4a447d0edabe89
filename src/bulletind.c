/*
 * bulletind: the bulletin office's mail daemon.
 *
 *	bulletind [-dnv] [-f file]
 *	bulletind -h | -V
 *
 * -d stays in the foreground and logs to stderr; -n checks that the
 * configuration is ready to run (check.h): every problem as file:line:
 * error|warning:, exit 0 without errors, 1 with; -v logs debug lines.  Without -d, fatal
 * start-up errors go to stderr as well as syslog until it has detached.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curl/curl.h>

#include "check.h"
#include "config.h"
#include "daemon.h"
#include "log.h"
#include "render-leaks.h"

/* Set by Makefile.am from configure's --sysconfdir. */
#ifndef BULLETIND_CONF
#define BULLETIND_CONF "/etc/bulletind/bulletind.conf"
#endif

struct options {
	const char	*path;
	gboolean	 foreground;
	gboolean	 check;
	int		 verbosity;
};

static const struct option long_options[] = {
	{ "foreground",	no_argument,		NULL, 'd' },
	{ "config",	required_argument,	NULL, 'f' },
	{ "check",	no_argument,		NULL, 'n' },
	{ "verbose",	no_argument,		NULL, 'v' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static const char short_usage[] =
    "usage: bulletind [-dnv] [-f file]\n"
    "       bulletind -h | -V\n";

static G_NORETURN void
usage_error(void)
{
	fputs(short_usage, stderr);
	fputs("Try 'bulletind --help' for more information.\n", stderr);
	exit(2);
}

static G_NORETURN void
print_help(void)
{
	fputs(short_usage, stdout);
	printf("\n"
	    "The bulletin office's mail daemon: files the units' articles,\n"
	    "runs the editors' commands, sends the signed issue.\n"
	    "\n"
	    "  -d, --foreground    stay in the foreground, log to stderr\n"
	    "  -f, --config FILE   configuration file\n"
	    "                      (default: %s)\n"
	    "  -n, --check         check that bulletind is ready to run: the\n"
	    "                      configuration, secrets, user, state_dir;\n"
	    "                      exit 0 ready, 1 on errors (warnings: 0)\n"
	    "  -v, --verbose       log debug lines too\n"
	    "  -h, --help          show this help and exit\n"
	    "  -V, --version       show the version and exit\n"
	    "\n"
	    "Without -d it detaches and logs to syslog (mail facility);\n"
	    "start-up errors also go to stderr until it has detached.\n",
	    BULLETIND_CONF);
	exit(0);
}

static G_NORETURN void
print_version(void)
{
	printf("bulletind %s\n", PACKAGE_VERSION);
	printf("default configuration: %s\n", BULLETIND_CONF);
	exit(0);
}

static void
parse_options(int argc, char **argv, struct options *o)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "df:nvhV", long_options,
	    NULL)) != -1) {
		switch (ch) {
		case 'd':
			o->foreground = TRUE;
			break;
		case 'f':
			o->path = optarg;
			break;
		case 'n':
			o->check = TRUE;
			break;
		case 'v':
			o->verbosity++;
			break;
		case 'h':
			print_help();
		case 'V':
			print_version();
		default:
			usage_error();
		}
	}
	if (optind != argc)
		usage_error();
}

int
main(int argc, char **argv)
{
	struct options o = { .path = BULLETIND_CONF };
	g_autofree char *path = NULL;
	int rc;

	parse_options(argc, argv, &o);
	/* The daemon changes directory to / when it detaches, and a SIGHUP
	 * reload reads the file again from there. */
	path = g_canonicalize_filename(o.path, NULL);
	if (o.check) {
		rc = check_report(path, stderr);
		render_release_caches();	/* the font checks load fontconfig */
		return rc;
	}
	log_init("bulletind", o.foreground, o.verbosity);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = daemon_run(path, o.foreground);
	curl_global_cleanup();
	render_release_caches();
	return rc;
}
