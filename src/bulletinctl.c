/*
 * bulletinctl: the administrator's view of a bulletind state directory,
 * through the same modules the daemon uses.
 *
 *	bulletinctl [-f file] status
 *	bulletinctl [-f file] messages [N]
 *	bulletinctl [-f file] deliveries [N]
 *	bulletinctl [-f file] issue [-y year] N text|html|eml
 *	bulletinctl [-f file] inspect [--json] FILE.eml
 *	bulletinctl [-f file] command [-e editor] [-b body-file] WORD [ARGS…]
 *	bulletinctl [-f file] audit [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulletin.h"
#include "command.h"
#include "inspect.h"
#include "log.h"
#include "message.h"
#include "verdict.h"

#ifndef BULLETIND_CONF
#define BULLETIND_CONF "/etc/bulletind/bulletind.conf"
#endif

static G_NORETURN void
usage(void)
{
	fprintf(stderr, "usage: bulletinctl [-f file] status\n"
	    "       bulletinctl [-f file] messages [count]\n"
	    "       bulletinctl [-f file] deliveries [count]\n"
	    "       bulletinctl [-f file] issue [-y year] number "
	    "text|html|eml\n"
	    "       bulletinctl [-f file] inspect [--json] file.eml\n"
	    "       bulletinctl [-f file] command [-e editor] [-b body-file] "
	    "word [args...]\n"
	    "       bulletinctl [-f file] audit [count]\n");
	exit(2);
}

static int
show_status(struct bulletin *b)
{
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GError) error = NULL;

	if (!status_report(b, out, &error)) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	fputs(out->str, stdout);
	return 0;
}

static int
show_messages(struct bulletin *b, int limit)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) rows = store_list_messages(b->store, limit,
	    &error);

	if (rows == NULL) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	for (guint i = 0; i < rows->len; i++) {
		const struct message_summary *s = rows->pdata[i];
		printf("%" G_GINT64_FORMAT "\tuid %u\t%s\t%s\t%s\t%s\t(%s)"
		    "\t%s\n", s->id, s->uid, s->state, s->unit ? s->unit : "-",
		    s->sender ? s->sender : "-", s->subject ? s->subject : "",
		    s->reason ? s->reason : "", s->title ? s->title : "-");
	}
	return 0;
}

static int
show_deliveries(struct bulletin *b, int limit)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) rows = store_list_deliveries(b->store, limit,
	    &error);

	if (rows == NULL) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	for (guint i = 0; i < rows->len; i++) {
		const struct outgoing *o = rows->pdata[i];
		printf("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\tattempts %d\t%s\n",
		    o->id, o->kind, o->list ? o->list : "-", o->recipient,
		    delivery_state_name(o->state), o->attempts,
		    o->reply ? o->reply : "");
	}
	return 0;
}

static int
show_issue(struct bulletin *b, int year, int number, const char *format)
{
	gint64 id = store_find_issue(b->store, ISSUE_REGULAR, year, number,
	    NULL);
	g_autoptr(GBytes) raw = id ? store_issue_message(b->store, id, NULL) :
	    NULL;
	g_autofree char *text = NULL;
	gsize len;
	const char *data;

	if (raw == NULL) {
		fprintf(stderr, "bulletinctl: no issue %d of %d was sent\n",
		    number, year);
		return 1;
	}
	data = g_bytes_get_data(raw, &len);
	if (strcmp(format, "eml") == 0) {
		fwrite(data, 1, len, stdout);
		return 0;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "html") != 0)
		usage();
	text = message_part_text(data, len, strcmp(format, "text") == 0 ?
	    "plain" : "html");
	fputs(text ? text : "", stdout);
	return text ? 0 : 1;
}

static int
issue_command(struct bulletin *b, int argc, char **argv)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	int year = g_date_time_get_year(now);

	if (argc >= 3 && strcmp(argv[1], "-y") == 0) {
		year = atoi(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc != 3)
		usage();
	return show_issue(b, year, atoi(argv[1]), argv[2]);
}

static int
show_audit(struct bulletin *b, int limit)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) rows = store_list_commands(b->store, limit,
	    &error);

	if (rows == NULL) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	for (guint i = 0; i < rows->len; i++)
		puts(rows->pdata[i]);
	return 0;
}

/* The editor to act as: -e ADDRESS, else the first with role editor. */
static const struct editor *
local_editor(const struct config *c, const char *address)
{
	if (address != NULL)
		return config_find_editor(c, address);
	for (guint i = 0; i < c->editors->len; i++) {
		const struct editor *e = c->editors->pdata[i];
		if (e->edits)
			return e;
	}
	return NULL;
}

/* An editor's command, run here through the same code as by mail. */
static int
run_command(struct bulletin *b, int argc, char **argv)
{
	const char *address = NULL, *body_file = NULL;
	g_autofree char *body = NULL, *subject = NULL;
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	const struct editor *editor;
	int i = 1;

	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "-e") == 0)
			address = argv[i + 1];
		else if (strcmp(argv[i], "-b") == 0)
			body_file = argv[i + 1];
		else
			usage();
	}
	if (i >= argc || (editor = local_editor(b->config, address)) == NULL)
		usage();
	if (body_file != NULL && !g_file_get_contents(body_file, &body, NULL,
	    &error)) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	subject = g_strjoinv(" ", argv + i);
	if (!command_run_local(b, editor, subject, body ? body : "", out,
	    &error)) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	fputs(out->str, stdout);
	return 0;
}

/* What the daemon would do with a message, changing nothing. */
static int
inspect(const struct config *c, int argc, char **argv)
{
	gboolean json = argc == 3 && strcmp(argv[1], "--json") == 0;
	g_autoptr(GError) error = NULL;
	g_autofree char *raw = NULL;
	g_autofree char *out = NULL;
	struct verdict *v;
	gsize len;

	if (argc != (json ? 3 : 2))
		usage();
	if (!g_file_get_contents(argv[argc - 1], &raw, &len, &error)) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	v = verdict_new(c, raw, len);
	out = json ? inspect_json(v) : inspect_text(v);
	puts(out);
	verdict_free(v);
	return 0;
}

static int
run(struct bulletin *b, int argc, char **argv)
{
	int limit = argc > 1 ? atoi(argv[1]) : 50;

	if (strcmp(argv[0], "status") == 0)
		return show_status(b);
	if (strcmp(argv[0], "messages") == 0)
		return show_messages(b, limit);
	if (strcmp(argv[0], "deliveries") == 0)
		return show_deliveries(b, limit);
	if (strcmp(argv[0], "issue") == 0)
		return issue_command(b, argc, argv);
	if (strcmp(argv[0], "command") == 0)
		return run_command(b, argc, argv);
	if (strcmp(argv[0], "audit") == 0)
		return show_audit(b, limit);
	usage();
}

int
main(int argc, char **argv)
{
	const char *path = BULLETIND_CONF;
	g_autoptr(GError) error = NULL;
	struct bulletin b = { 0 };
	int ch, rc;

	while ((ch = getopt(argc, argv, "+f:")) != -1) {
		if (ch != 'f')
			usage();
		path = optarg;
	}
	if (optind >= argc)
		usage();
	log_init("bulletinctl", TRUE, 0);
	message_library_init();
	if ((b.config = config_load(path, &error)) != NULL &&
	    strcmp(argv[optind], "inspect") == 0) {
		rc = inspect(b.config, argc - optind, argv + optind);
		config_free(b.config);
		return rc;
	}
	if (b.config == NULL ||
	    (b.store = store_open(b.config->state_dir, &error)) == NULL) {
		fprintf(stderr, "%s\n", error->message);
		config_free(b.config);
		return 1;
	}
	rc = run(&b, argc - optind, argv + optind);
	store_close(b.store);
	config_free(b.config);
	return rc;
}
