/*
 * bulletinctl: the administrator's view of a bulletind state directory,
 * through the same modules the daemon uses.
 *
 *	bulletinctl [-f file] status
 *	bulletinctl [-f file] messages [N]
 *	bulletinctl [-f file] deliveries [N]
 *	bulletinctl [-f file] render [-y year] N|draft --format F [-o file]
 *	    (F: text, html, pdf, docx, eml; "issue [-y year] N F" also works)
 *	bulletinctl [-f file] inspect [--json] FILE.eml
 *	bulletinctl [-f file] command [-e editor] [-b body-file] WORD [ARGS…]
 *	bulletinctl [-f file] audit [N]
 *	bulletinctl [-f file] check [--connect]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulletin.h"
#include "check-connect.h"
#include "clock.h"
#include "command.h"
#include "error.h"
#include "issue.h"
#include "render-docx.h"
#include "render-leaks.h"
#include "render-pdf.h"
#include "render.h"
#include "inspect.h"
#include "log.h"
#include "message.h"
#include "verdict.h"
#include "secret.h"

#ifndef BULLETIND_CONF
#define BULLETIND_CONF "/etc/bulletind/bulletind.conf"
#endif

static G_NORETURN void
usage(void)
{
	fprintf(stderr, "usage: bulletinctl [-f file] status\n"
	    "       bulletinctl [-f file] messages [count]\n"
	    "       bulletinctl [-f file] deliveries [count]\n"
	    "       bulletinctl [-f file] render [-y year] number|draft "
	    "--format text|html|pdf|docx|eml [-o file]\n"
	    "       bulletinctl [-f file] inspect [--json] file.eml\n"
	    "       bulletinctl [-f file] command [-e editor] [-b body-file] "
	    "word [args...]\n"
	    "       bulletinctl [-f file] audit [count]\n"
	    "       bulletinctl [-f file] check [--connect]\n");
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

/* The view to render: the draft, or sent issue NUMBER of YEAR. */
static struct issue_view *
view_for(struct bulletin *b, const char *which, int year)
{
	g_autoptr(GDateTime) now = clock_now();
	gint64 id;

	if (strcmp(which, "draft") == 0)
		return issue_load_draft(b->config, b->store, ISSUE_REGULAR, now,
		    NULL);
	id = store_find_issue(b->store, ISSUE_REGULAR, year, atoi(which),
	    NULL);
	return id ? issue_load_sent(b->config, b->store, id, NULL) : NULL;
}

static GBytes *
render_format(struct bulletin *b, struct issue_view *v, const char *format,
    GError **error)
{
	struct rendered_issue *r = render_issue(b->config, v);
	GBytes *out = NULL;

	if (strcmp(format, "text") == 0)
		out = g_bytes_new(r->text, strlen(r->text));
	else if (strcmp(format, "html") == 0)
		out = g_bytes_new(r->html, strlen(r->html));
	else if (strcmp(format, "eml") == 0)
		out = render_issue_message(b->config, v, r, NULL);
	else if (strcmp(format, "pdf") == 0)
		out = render_pdf(b->config, v, error);
	else if (strcmp(format, "docx") == 0)
		out = render_docx(b->config, v, error);
	else
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "unknown format %s (text, html, pdf, docx, eml)", format);
	rendered_issue_free(r);
	return out;
}

static gboolean
write_output(GBytes *data, const char *path, GError **error)
{
	if (path == NULL || strcmp(path, "-") == 0) {
		fwrite(g_bytes_get_data(data, NULL), 1, g_bytes_get_size(data),
		    stdout);
		return TRUE;
	}
	return g_file_set_contents(path, g_bytes_get_data(data, NULL),
	    g_bytes_get_size(data), error);
}

/* render [-y YEAR] N|draft --format F [-o FILE] */
static int
render_command(struct bulletin *b, int argc, char **argv)
{
	g_autoptr(GDateTime) now = clock_now();
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) data = NULL;
	const char *which = NULL, *format = "text", *path = NULL;
	int year = g_date_time_get_year(now);
	struct issue_view *v;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-y") == 0 && i + 1 < argc)
			year = atoi(argv[++i]);
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (which == NULL)
			which = argv[i];
		else
			usage();
	}
	if (which == NULL)
		usage();
	if ((v = view_for(b, which, year)) == NULL) {
		fprintf(stderr, "bulletinctl: no issue %s of %d\n", which, year);
		return 1;
	}
	data = render_format(b, v, format, &error);
	issue_view_free(v);
	if (data == NULL || !write_output(data, path, &error)) {
		fprintf(stderr, "bulletinctl: %s\n", error->message);
		return 1;
	}
	return 0;
}

/* issue [-y YEAR] N text|html|eml|pdf|docx: render's older spelling. */
static int
issue_command(struct bulletin *b, int argc, char **argv)
{
	char *args[8] = { (char *)"render" };
	int n = 1;

	if (argc < 3 || argc > 5)
		usage();
	for (int i = 1; i < argc - 1; i++)
		args[n++] = argv[i];
	args[n++] = (char *)"--format";
	args[n++] = argv[argc - 1];
	return render_command(b, n, args);
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

/* The sign-off key, read and checked as the daemon does (the passwords
 * too: a command that works here must work in the daemon). */
static gboolean
load_key(struct bulletin *b, GError **error)
{
	GBytes *imap, *smtp;

	if (!secrets_load(b->config, &imap, &smtp, &b->key, error))
		return FALSE;
	secret_free(imap);
	secret_free(smtp);
	return TRUE;
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
	if (!load_key(b, &error) || !command_run_local(b, editor, subject,
	    body ? body : "", out, &error)) {
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
	if (strcmp(argv[0], "render") == 0)
		return render_command(b, argc, argv);
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
	if (strcmp(argv[optind], "check") == 0)
		return check_command(path, argc - optind, argv + optind);
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
	secret_free(b.key);
	store_close(b.store);
	config_free(b.config);
	render_release_caches();
	return rc;
}
