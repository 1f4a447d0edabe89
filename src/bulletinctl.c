/*
 * bulletinctl: the administrator's view of a bulletind state directory,
 * through the same modules the daemon uses.
 *
 *	bulletinctl [-f file] status
 *	bulletinctl [-f file] messages [--json] [N]
 *	bulletinctl [-f file] deliveries [--json] [N]
 *	bulletinctl [-f file] audit [--json] [N]
 *	bulletinctl [-f file] render [-y year] N|draft --format F [-o file]
 *	    (F: text, html, pdf, docx, eml; "issue [-y year] N F" also works)
 *	bulletinctl [-f file] inspect [--json] FILE.eml
 *	bulletinctl [-f file] command [-e editor] [-b body-file] WORD [ARGS…]
 *	bulletinctl [-f file] check [--connect]
 *	bulletinctl [-f file] archive [YEAR-]N [-o file.zip] | --site DIR
 *	bulletinctl -h | -V
 *
 * Subcommands are rows of one table (subcommands[] below): a new one is a
 * function and a row.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "bulletin.h"
#include "check-connect.h"
#include "check-connect.h"
#include "clock.h"
#include "command.h"
#include "error.h"
#include "issue.h"
#include "render-docx.h"
#include "render-leaks.h"
#include "render-pdf.h"
#include "render.h"
#include "report-doc.h"
#include "report.h"
#include "inspect.h"
#include "log.h"
#include "message.h"
#include "table.h"
#include "verdict.h"
#include "secret.h"

#ifndef BULLETIND_CONF
#define BULLETIND_CONF "/etc/bulletind/bulletind.conf"
#endif

/* What a subcommand needs opened before it runs. */
enum needs {
	NEEDS_PATH,		/* the file's name: it loads the file itself */
	NEEDS_CONFIG,		/* the configuration only */
	NEEDS_STORE,		/* and the daemon's existing store */
};

struct subcommand {
	const char	*name;
	int		(*run)(struct bulletin *b, int argc, char **argv);
	enum needs	 needs;
	const char	*args;		/* for the usage message */
	int		(*run_path)(const char *path, int argc, char **argv);
};

/* A usage error: the usage on stderr, exit status 2 (as getopt's). */
static G_NORETURN void usage(void);

static int
fail(const GError *error)
{
	fprintf(stderr, "bulletinctl: %s\n", error->message);
	return 1;
}

/* ---- tables ------------------------------------------------------------- */

/*
 * A unix time as ISO 8601 with its offset, in the configured timezone;
 * NULL for 0 (not known).  The one place times are formatted.
 */
static char *
format_time(gint64 t)
{
	g_autoptr(GDateTime) dt = NULL;

	if (t <= 0)
		return NULL;
	dt = clock_from_unix(t);
	return dt ? g_date_time_format_iso8601(dt) : NULL;
}

/* 2026年第3期, 2026年增刊第1期; NULL without a number. */
static char *
issue_label(const char *kind, int year, int number)
{
	if (number <= 0)
		return NULL;
	return g_strdup_printf("%d年%s第%d期", year,
	    g_strcmp0(kind, "supplement") == 0 ? "增刊" : "", number);
}

/* The cells of a row being built: owned strings, NULL allowed. */
static void
add_str(GPtrArray *row, const char *s)
{
	g_ptr_array_add(row, g_strdup(s));
}

static void
add_int(GPtrArray *row, gint64 n)
{
	g_ptr_array_add(row, g_strdup_printf("%" G_GINT64_FORMAT, n));
}

static void
add_row(struct table *t, GPtrArray *row)
{
	table_add_row(t, (const char *const *)row->pdata);
	g_ptr_array_set_size(row, 0);
}

static int
print_table(struct table *t, gboolean json)
{
	g_autofree char *out = json ? table_json(t) : table_print(t);

	fputs(out, stdout);
	if (json)
		fputc('\n', stdout);
	table_free(t);
	return 0;
}

/* [--json] [COUNT] of a listing; usage error otherwise. */
static void
listing_args(int argc, char **argv, gboolean *json_r, int *limit_r)
{
	gboolean counted = FALSE;
	char *end;
	long n;

	*json_r = FALSE;
	*limit_r = 50;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0 && !*json_r) {
			*json_r = TRUE;
			continue;
		}
		n = strtol(argv[i], &end, 10);
		*limit_r = (int)MIN(n, G_MAXINT);
		if (counted || *argv[i] == '\0' || *end != '\0' || n <= 0) {
			fprintf(stderr, "bulletinctl: %s: unexpected \"%s\" "
			    "(a count of rows is a positive number)\n",
			    argv[0], argv[i]);
			usage();
		}
		counted = TRUE;
	}
}

/* ---- subcommands -------------------------------------------------------- */

static int
show_status(struct bulletin *b, int argc, char **argv)
{
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GError) error = NULL;

	(void)argv;
	if (argc != 1)
		usage();
	if (!status_report(b, out, &error))
		return fail(error);
	fputs(out->str, stdout);
	return 0;
}

static const struct table_column message_columns[] = {
	{ "ID", "id", TABLE_INT, 0 },
	{ "UID", "uid", TABLE_INT, 0 },
	{ "RECEIVED", "received", TABLE_TIME, 0 },
	{ "STATE", "state", TABLE_TEXT, 0 },
	{ "UNIT", "unit", TABLE_TEXT, 0 },
	{ "SENDER", "sender", TABLE_TEXT, 32 },
	{ "SUBJECT", "subject", TABLE_TEXT, 30 },
	{ "TITLE", "title", TABLE_TEXT, 30 },
	{ "REASON", "reason", TABLE_TEXT, 40 },
	{ NULL, "message_id", TABLE_TEXT, 0 },
};

/* An issue's year and number, both empty for a mail without a number. */
static void
add_issue_number(GPtrArray *row, int year, int number)
{
	g_ptr_array_add(row, number > 0 ? g_strdup_printf("%d", year) : NULL);
	g_ptr_array_add(row, number > 0 ? g_strdup_printf("%d", number) : NULL);
}

/* A listing: the store's rows, their columns, one row's cells. */
struct listing {
	GPtrArray	*(*list)(struct store *store, int limit, GError **error);
	const struct table_column *columns;
	int		 ncolumns;
	void		(*cells)(GPtrArray *row, gconstpointer item);
};

/* messages, deliveries, audit: [--json] [count] → a table or JSON. */
static int
show_listing(struct bulletin *b, int argc, char **argv,
    const struct listing *l)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func(g_free);
	struct table *t;
	gboolean json;
	int limit;

	listing_args(argc, argv, &json, &limit);
	if ((rows = l->list(b->store, limit, &error)) == NULL)
		return fail(error);
	t = table_new(l->columns, l->ncolumns);
	for (guint i = 0; i < rows->len; i++) {
		l->cells(row, rows->pdata[i]);
		add_row(t, row);
	}
	return print_table(t, json);
}

static void
message_cells(GPtrArray *row, gconstpointer item)
{
	const struct message_summary *s = item;
	add_int(row, s->id);
	add_int(row, s->uid);
	g_ptr_array_add(row, format_time(s->received));
	add_str(row, s->state);
	add_str(row, s->unit);
	add_str(row, s->sender);
	add_str(row, s->subject);
	add_str(row, s->title);
	add_str(row, s->reason);
	add_str(row, s->message_id);
}

static int
show_messages(struct bulletin *b, int argc, char **argv)
{
	static const struct listing l = { store_list_messages, message_columns,
	    G_N_ELEMENTS(message_columns), message_cells };

	return show_listing(b, argc, argv, &l);
}

static const struct table_column delivery_columns[] = {
	{ "ID", "id", TABLE_INT, 0 },
	{ "KIND", "kind", TABLE_TEXT, 0 },
	{ "ISSUE", "issue", TABLE_TEXT, 0 },
	{ "LIST", "list", TABLE_TEXT, 0 },
	{ "RECIPIENT", "recipient", TABLE_TEXT, 32 },
	{ "STATE", "state", TABLE_TEXT, 0 },
	{ "TRIES", "attempts", TABLE_INT, 0 },
	{ "QUEUED", "queued", TABLE_TIME, 0 },
	{ "LAST ATTEMPT", "last_attempt", TABLE_TIME, 0 },
	{ "SENT", "sent", TABLE_TIME, 0 },
	{ "BOUNCED/FAILED", "ended", TABLE_TIME, 0 },
	{ "REPLY", "reply", TABLE_TEXT, 40 },
	{ NULL, "issue_id", TABLE_INT, 0 },
	{ NULL, "issue_kind", TABLE_TEXT, 0 },
	{ NULL, "issue_year", TABLE_INT, 0 },
	{ NULL, "issue_number", TABLE_INT, 0 },
};

static void
delivery_cells(GPtrArray *row, gconstpointer item)
{
	const struct delivery_summary *d = item;

	add_int(row, d->id);
	add_str(row, d->kind);
	g_ptr_array_add(row, issue_label(d->issue_kind, d->issue_year,
	    d->issue_number));
	add_str(row, d->list);
	add_str(row, d->recipient);
	add_str(row, d->state);
	add_int(row, d->attempts);
	g_ptr_array_add(row, format_time(d->queued));
	g_ptr_array_add(row, format_time(d->attempted));
	g_ptr_array_add(row, format_time(d->sent));
	g_ptr_array_add(row, format_time(d->ended));
	add_str(row, d->reply);
	g_ptr_array_add(row, d->issue > 0 ? g_strdup_printf("%"
	    G_GINT64_FORMAT, d->issue) : NULL);
	add_str(row, d->issue_kind);
	add_issue_number(row, d->issue_year, d->issue_number);
}

static int
show_deliveries(struct bulletin *b, int argc, char **argv)
{
	static const struct listing l = { store_list_deliveries,
	    delivery_columns, G_N_ELEMENTS(delivery_columns), delivery_cells };

	return show_listing(b, argc, argv, &l);
}

static const struct table_column audit_columns[] = {
	{ "TIME", "time", TABLE_TIME, 0 },
	{ "KIND", "kind", TABLE_TEXT, 0 },
	{ "WHO", "who", TABLE_TEXT, 32 },
	{ "WHAT", "what", TABLE_TEXT, 40 },
	{ "DETAIL", "detail", TABLE_TEXT, 50 },
	{ "MESSAGE-ID", "message_id", TABLE_TEXT, 0 },
	{ NULL, "issue_kind", TABLE_TEXT, 0 },
	{ NULL, "issue_year", TABLE_INT, 0 },
	{ NULL, "issue_number", TABLE_INT, 0 },
	{ NULL, "list", TABLE_TEXT, 0 },
};

/* "issue 2026年第3期 (bao)", "receipt": what a mail or an issue was. */
static char *
audit_what(const struct audit_entry *e)
{
	g_autofree char *label = issue_label(e->issue_kind, e->issue_year,
	    e->issue_number);
	GString *what = g_string_new(e->what);

	if (label != NULL)
		g_string_append_printf(what, " %s", label);
	if (e->list != NULL)
		g_string_append_printf(what, " (%s)", e->list);
	return g_string_free(what, FALSE);
}

static void
audit_cells(GPtrArray *row, gconstpointer item)
{
	const struct audit_entry *e = item;

	g_ptr_array_add(row, format_time(e->at));
	add_str(row, e->kind);
	add_str(row, e->who);
	g_ptr_array_add(row, audit_what(e));
	add_str(row, e->detail);
	add_str(row, e->message_id);
	add_str(row, e->issue_kind);
	add_issue_number(row, e->issue_year, e->issue_number);
	add_str(row, e->list);
}

static int
show_audit(struct bulletin *b, int argc, char **argv)
{
	static const struct listing l = { store_list_audit, audit_columns,
	    G_N_ELEMENTS(audit_columns), audit_cells };

	return show_listing(b, argc, argv, &l);
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

/* R as a document by RENDER into PATH; FALSE after saying why. */
static gboolean
report_document(const struct report *r, GBytes *(*render)(
    const struct report *, GError **), const char *path)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) data = render(r, &error);

	if (data == NULL || !write_output(data, path, &error)) {
		fprintf(stderr, "bulletinctl: report: %s: %s\n", path,
		    error->message);
		return FALSE;
	}
	return TRUE;
}

/*
 * report [--month YYYY-MM | --quarter YYYY-Qn | --year YYYY] [--csv]
 * [--pdf FILE] [--docx FILE]: the 信息考核 通报, of the current month by
 * default, as text or CSV on standard output and as documents in files.
 */
static int
report_command(struct bulletin *b, int argc, char **argv)
{
	g_autoptr(GDateTime) now = clock_now();
	g_autoptr(GError) error = NULL;
	struct report_period p;
	gboolean csv = FALSE, chosen = FALSE, ok;
	const char *pdf = NULL, *docx = NULL;
	struct report *r;

	report_period_of(REPORT_MONTH, g_date_time_to_unix(now), &p);
	for (int i = 1; i < argc; i++) {
		const char *opt = argv[i];
		if (strcmp(opt, "--csv") == 0) {
			csv = TRUE;
			continue;
		}
		if (strcmp(opt, "--pdf") == 0 && i + 1 < argc && !pdf) {
			pdf = argv[++i];
			continue;
		}
		if (strcmp(opt, "--docx") == 0 && i + 1 < argc && !docx) {
			docx = argv[++i];
			continue;
		}
		if (chosen || i + 1 >= argc || !report_period_parse(argv[i + 1],
		    &p) || (strcmp(opt, "--month") == 0 ? p.span != REPORT_MONTH :
		    strcmp(opt, "--quarter") == 0 ? p.span != REPORT_QUARTER :
		    strcmp(opt, "--year") == 0 ? p.span != REPORT_YEAR : TRUE))
			usage();
		chosen = TRUE;
		i++;
	}
	if ((r = report_build(b, &p, &error)) == NULL)
		return fail(error);
	if (csv) {
		g_autoptr(GBytes) bytes = report_csv(r);
		fwrite(g_bytes_get_data(bytes, NULL), 1,
		    g_bytes_get_size(bytes), stdout);
	} else {
		g_autofree char *text = report_text(r);
		fputs(text, stdout);
	}
	ok = (pdf == NULL || report_document(r, report_pdf, pdf)) &&
	    (docx == NULL || report_document(r, report_docx, docx));
	report_free(r);
	return ok ? 0 : 1;
}

/* What the daemon would do with a message, changing nothing. */
static int
inspect(struct bulletin *b, int argc, char **argv)
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
	v = verdict_new(b->config, raw, len);
	out = json ? inspect_json(v) : inspect_text(v);
	puts(out);
	verdict_free(v);
	return 0;
}

/*
 * Which issue "N", "YEAR-N", "S N"-style names: [YEAR-][S|增刊]N, the year
 * this one unless given.  FALSE if it is not such a name.
 */
static gboolean
parse_issue_name(const char *arg, enum issue_kind *kind_r, int *year_r,
    int *number_r)
{
	g_autoptr(GDateTime) now = clock_now();
	const char *dash = strchr(arg, '-'), *p = arg;
	char *end;
	long n;

	*year_r = g_date_time_get_year(now);
	*kind_r = ISSUE_REGULAR;
	if (dash != NULL) {
		n = strtol(arg, &end, 10);
		if (end != dash || n < 1000 || n > 9999)
			return FALSE;
		*year_r = (int)n;
		p = dash + 1;
	}
	if (*p == 'S' || *p == 's') {
		*kind_r = ISSUE_SUPPLEMENT;
		p++;
	} else if (g_str_has_prefix(p, "增刊")) {
		*kind_r = ISSUE_SUPPLEMENT;
		p += strlen("增刊");
	}
	n = strtol(p, &end, 10);
	if (!g_ascii_isdigit(*p) || *end != '\0' || n <= 0 || n > G_MAXINT)
		return FALSE;
	*number_r = (int)n;
	return TRUE;
}

/* archive N [-o FILE]: the issue's archive as one zip, verified. */
static int
archive_export_command(struct bulletin *b, const char *which,
    const char *path)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *name = NULL, *label = NULL;
	enum issue_kind kind;
	int year, number;
	gint64 id;

	if (!parse_issue_name(which, &kind, &year, &number)) {
		fprintf(stderr, "bulletinctl: archive: \"%s\" is not an issue "
		    "(N, YEAR-N, or S N for 增刊: 3, 2026-3, 2026-S1)\n",
		    which);
		usage();
	}
	label = archive_label(kind, year, number);
	if ((id = store_find_issue(b->store, kind, year, number,
	    &error)) == 0) {
		if (error != NULL)
			return fail(error);
		fprintf(stderr, "bulletinctl: archive: %s was not sent\n",
		    label);
		return 1;
	}
	if (path == NULL)
		path = name = archive_export_name(kind, year, number);
	if (!archive_export(b, id, path, &error)) {
		fprintf(stderr, "bulletinctl: archive %s: %s; not exported\n",
		    label, error->message);
		return 1;
	}
	printf("%s\n", path);
	return 0;
}

/* archive N [-o FILE] | archive --site DIR */
static int
archive_command(struct bulletin *b, int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	const char *which = NULL, *path = NULL, *site = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !path)
			path = argv[++i];
		else if (strcmp(argv[i], "--site") == 0 && i + 1 < argc &&
		    !site)
			site = argv[++i];
		else if (which == NULL && argv[i][0] != '-')
			which = argv[i];
		else
			usage();
	}
	if ((site == NULL) == (which == NULL) || (site && path))
		usage();
	if (which != NULL)
		return archive_export_command(b, which, path);
	if (!archive_site(b, site, &error)) {
		fprintf(stderr, "bulletinctl: archive --site: %s\n",
		    error->message);
		return 1;
	}
	printf("%s/index.html\n", site);
	return 0;
}

static const struct subcommand subcommands[] = {
	{ "status", show_status, NEEDS_STORE, "" },
	{ "messages", show_messages, NEEDS_STORE, "[--json] [count]" },
	{ "deliveries", show_deliveries, NEEDS_STORE, "[--json] [count]" },
	{ "audit", show_audit, NEEDS_STORE, "[--json] [count]" },
	{ "render", render_command, NEEDS_STORE, "[-y year] number|draft "
	    "--format text|html|pdf|docx|eml [-o file]" },
	{ "issue", issue_command, NEEDS_STORE, NULL },	/* render's old form */
	{ "inspect", inspect, NEEDS_CONFIG, "[--json] file.eml" },
	{ "command", run_command, NEEDS_STORE, "[-e editor] [-b body-file] "
	    "word [args...]" },
	{ "report", report_command, NEEDS_STORE, "[--month YYYY-MM | "
	    "--quarter YYYY-Qn | --year YYYY] [--csv] [--pdf file] "
	    "[--docx file]" },
	{ "archive", archive_command, NEEDS_STORE, "number|year-number "
	    "[-o file.zip] | --site dir" },
	/* bulletind -n's report, which reads past a broken configuration */
	{ "check", NULL, NEEDS_PATH, "[--connect]", check_command },
	{ NULL },
};

static void
print_usage(FILE *out)
{
	const char *lead = "usage:";

	for (const struct subcommand *s = subcommands; s->name; s++) {
		if (s->args == NULL)
			continue;
		fprintf(out, "%-6s bulletinctl [-f file] %s%s%s\n", lead,
		    s->name, *s->args ? " " : "", s->args);
		lead = "";
	}
	fprintf(out, "       bulletinctl -h | --help | -V | --version\n"
	    "  -f, --config FILE  the daemon's configuration (default %s)\n",
	    BULLETIND_CONF);
}

static G_NORETURN void
usage(void)
{
	print_usage(stderr);
	exit(2);
}

static const struct subcommand *
subcommand_find(const char *name)
{
	for (const struct subcommand *s = subcommands; s->name; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

/*
 * The daemon's store, which must exist: under a wrong configuration an
 * empty one would look as if every article were lost.
 */
static gboolean
open_store(struct bulletin *b)
{
	const struct config *c = b->config;
	g_autoptr(GError) error = NULL;
	g_autofree char *missing = NULL;

	b->store = store_open_existing(c->state_dir, &missing, &error);
	if (b->store != NULL)
		return TRUE;
	if (missing == NULL)
		fail(error);
	else if (strcmp(missing, c->state_dir) == 0)
		fprintf(stderr, "bulletinctl: state directory %s (state_dir in "
		    "%s) does not exist; is this the daemon's configuration?\n",
		    c->state_dir, c->state_dir_where);
	else
		fprintf(stderr, "bulletinctl: %s does not exist in the state "
		    "directory (state_dir in %s); has bulletind run with this "
		    "configuration?\n", missing, c->state_dir_where);
	return FALSE;
}

static G_NORETURN void
version(void)
{
	printf("bulletinctl %s\ndefault configuration: %s\n", PACKAGE_VERSION,
	    BULLETIND_CONF);
	exit(0);
}

/* The global options; returns the configuration file. */
static const char *
global_options(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = BULLETIND_CONF;
	int ch;

	/* "+": options after the subcommand are the subcommand's. */
	while ((ch = getopt_long(argc, argv, "+f:hV", options, NULL)) != -1) {
		switch (ch) {
		case 'f':
			path = optarg;
			break;
		case 'h':
			print_usage(stdout);
			exit(0);
		case 'V':
			version();
		default:
			usage();
		}
	}
	return path;
}

int
main(int argc, char **argv)
{
	const char *path = global_options(argc, argv);
	const struct subcommand *sub;
	g_autoptr(GError) error = NULL;
	struct bulletin b = { 0 };
	int rc = 1;

	if (optind >= argc)
		usage();
	if ((sub = subcommand_find(argv[optind])) == NULL) {
		fprintf(stderr, "bulletinctl: unknown command \"%s\"\n",
		    argv[optind]);
		usage();
	}
	log_init("bulletinctl", TRUE, 0);
	if (sub->needs == NEEDS_PATH || strcmp(argv[optind], "check") == 0) {
		/* check's font checks load fontconfig: released below too */
		rc = sub->needs == NEEDS_PATH ?
		    sub->run_path(path, argc - optind, argv + optind) :
		    check_command(path, argc - optind, argv + optind);
		render_release_caches();
		return rc;
	}
	message_library_init();
	if ((b.config = config_load(path, &error)) == NULL) {
		fprintf(stderr, "%s\n", error->message);
	} else {
		clock_set_zone(b.config->zone);
		if (sub->needs == NEEDS_CONFIG || open_store(&b))
			rc = sub->run(&b, argc - optind, argv + optind);
	}
	secret_free(b.key);
	store_close(b.store);
	config_free(b.config);
	render_release_caches();
	return rc;
}
