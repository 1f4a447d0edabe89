/*
 * The fixture corpus (tests/data/mail): each message, fed in name order
 * into one real store through the daemon's own ingest, ends in the state
 * its .expect file names, with the unit, title, text, fields, attachments
 * and diagnostics it lists.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bulletin.h"
#include "ingest.h"
#include "log.h"
#include "message.h"
#include "verdict.h"

static struct bulletin b;
static char *state_dir;

struct expect {
	char		*state;
	char		*unit;
	char		*title;
	char		*reason;
	GPtrArray	*contains;
	GPtrArray	*absent;
	GPtrArray	*fields;	/* "审签=张三" */
	GPtrArray	*attachments;
	GPtrArray	*diagnostics;
};

static void
expect_free(struct expect *e)
{
	g_free(e->state);
	g_free(e->unit);
	g_free(e->title);
	g_free(e->reason);
	g_ptr_array_unref(e->contains);
	g_ptr_array_unref(e->absent);
	g_ptr_array_unref(e->fields);
	g_ptr_array_unref(e->attachments);
	g_ptr_array_unref(e->diagnostics);
	g_free(e);
}

static void
expect_set(struct expect *e, const char *key, const char *value)
{
	static const char *const lists[] = { "contains", "absent", "field",
	    "attachment", "diagnostic" };
	GPtrArray *arrays[] = { e->contains, e->absent, e->fields,
	    e->attachments, e->diagnostics };

	for (guint i = 0; i < G_N_ELEMENTS(lists); i++)
		if (strcmp(key, lists[i]) == 0) {
			g_ptr_array_add(arrays[i], g_strdup(value));
			return;
		}
	if (strcmp(key, "state") == 0)
		e->state = g_strdup(value);
	else if (strcmp(key, "unit") == 0)
		e->unit = g_strdup(value);
	else if (strcmp(key, "title") == 0)
		e->title = g_strdup(value);
	else if (strcmp(key, "reason") == 0)
		e->reason = g_strdup(value);
	else
		g_error("unknown expectation key '%s'", key);
}

static struct expect *
expect_load(const char *path)
{
	struct expect *e = g_new0(struct expect, 1);
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;

	e->contains = g_ptr_array_new_with_free_func(g_free);
	e->absent = g_ptr_array_new_with_free_func(g_free);
	e->fields = g_ptr_array_new_with_free_func(g_free);
	e->attachments = g_ptr_array_new_with_free_func(g_free);
	e->diagnostics = g_ptr_array_new_with_free_func(g_free);
	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		char *colon = strchr(lines[i], ':');
		if (lines[i][0] == '#' || colon == NULL)
			continue;
		*colon = '\0';
		expect_set(e, g_strstrip(lines[i]), g_strstrip(colon + 1));
	}
	g_assert_nonnull(e->state);
	return e;
}

static gboolean
has_attachment(const struct article *art, const char *name)
{
	for (guint i = 0; i < art->attachments->len; i++) {
		const struct attachment *a = art->attachments->pdata[i];
		if (strcmp(a->name, name) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
has_diagnostic(const struct article *art, const char *text)
{
	for (guint i = 0; i < art->diagnostics->len; i++)
		if (strstr(art->diagnostics->pdata[i], text) != NULL)
			return TRUE;
	return FALSE;
}

static void
check_field(const struct article *art, const char *spec)
{
	g_auto(GStrv) kv = g_strsplit(spec, "=", 2);

	for (int i = 0; i < ARTICLE_N_FIELDS; i++)
		if (strcmp(kv[0], article_field_name(i)) == 0) {
			g_assert_cmpstr(art->fields[i], ==, kv[1]);
			return;
		}
	g_error("unknown field '%s'", kv[0]);
}

static void G_GNUC_PRINTF(1, 2)
fail(const char *fmt, ...)
{
	va_list ap;
	g_autofree char *msg = NULL;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_test_message("%s", msg);
	g_test_fail();
}

static void
check_article(const struct expect *e, const struct article *art)
{
	if (e->title != NULL)
		g_assert_cmpstr(art->title, ==, e->title);
	for (guint i = 0; i < e->contains->len; i++)
		if (strstr(art->body, e->contains->pdata[i]) == NULL)
			fail("text lacks '%s':\n%s",
			    (char *)e->contains->pdata[i], art->body);
	for (guint i = 0; i < e->absent->len; i++)
		if (strstr(art->body, e->absent->pdata[i]) != NULL)
			fail("text has '%s':\n%s",
			    (char *)e->absent->pdata[i], art->body);
	for (guint i = 0; i < e->fields->len; i++)
		check_field(art, e->fields->pdata[i]);
	for (guint i = 0; i < e->attachments->len; i++)
		if (!has_attachment(art, e->attachments->pdata[i]))
			fail("no attachment '%s'",
			    (char *)e->attachments->pdata[i]);
	for (guint i = 0; i < e->diagnostics->len; i++)
		if (!has_diagnostic(art, e->diagnostics->pdata[i]))
			fail("no diagnostic '%s'",
			    (char *)e->diagnostics->pdata[i]);
}

static void
test_fixture(gconstpointer data)
{
	const char *eml = data;
	g_autofree char *stem = g_strndup(eml, strlen(eml) - 4);
	g_autofree char *expect_path = g_strconcat(stem, ".expect", NULL);
	struct expect *e = expect_load(expect_path);
	static guint32 uid;
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) raw = NULL;
	g_autofree char *bytes = NULL;
	struct verdict *v;
	gsize len;

	g_assert_true(g_file_get_contents(eml, &bytes, &len, NULL));
	raw = g_bytes_new(bytes, len);
	v = ingest_file_message(&b, 1, ++uid, raw, &error);
	if (v == NULL) {
		fail("%s: %s", eml, error->message);
		expect_free(e);
		return;
	}
	g_test_message("%s: %s (%s)", eml, message_state_name(v->state),
	    v->reason);
	g_assert_cmpstr(message_state_name(v->state), ==, e->state);
	if (e->unit != NULL)
		g_assert_cmpstr(v->unit ? v->unit->code : "-", ==, e->unit);
	if (e->reason != NULL)
		g_assert_nonnull(strstr(v->reason, e->reason));
	if (v->article != NULL)
		check_article(e, v->article);
	else
		g_assert_null(e->title);
	verdict_free(v);
	expect_free(e);
}

static void
setup_bulletin(void)
{
	g_autofree char *conf = g_build_filename(g_getenv("top_srcdir"), "conf",
	    "bulletind.conf.example", NULL);
	g_autoptr(GError) error = NULL;

	state_dir = g_dir_make_tmp("bulletind-corpus-XXXXXX", NULL);
	/* Assertions are non-fatal in this program: a missing file ends it. */
	if ((b.config = config_load(conf, &error)) == NULL)
		g_error("%s", error->message);
	b.store = store_open(state_dir, &error);
	g_assert_no_error(error);
	b.key = g_bytes_new_static("corpus-test-key-0123456789", 26);
}

static GPtrArray *
fixture_files(void)
{
	g_autofree char *dir_path = g_build_filename(g_getenv("top_srcdir"),
	    "tests", "data", "mail", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) dir = g_dir_open(dir_path, 0, &error);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	/* No fixtures is an error, not a pass with nothing run. */
	if (dir == NULL)
		g_error("%s", error->message);
	while ((name = g_dir_read_name(dir)) != NULL)
		if (g_str_has_suffix(name, ".eml"))
			g_ptr_array_add(files, g_build_filename(dir_path, name,
			    NULL));
	if (files->len == 0)
		g_error("%s: no .eml fixtures", dir_path);
	return files;
}

static gint
compare_paths(gconstpointer a, gconstpointer b2)
{
	return strcmp(*(char *const *)a, *(char *const *)b2);
}

int
main(int argc, char **argv)
{
	g_autoptr(GPtrArray) files = NULL;
	g_autofree char *cmd = NULL;
	int rc;

	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	log_init("corpus-test", TRUE, 0);
	message_library_init();
	setup_bulletin();
	files = fixture_files();
	g_ptr_array_sort(files, compare_paths);
	for (guint i = 0; i < files->len; i++) {
		g_autofree char *base = g_path_get_basename(files->pdata[i]);
		g_autofree char *name = g_strdup_printf("/corpus/%s", base);
		g_test_add_data_func(name, files->pdata[i], test_fixture);
	}
	rc = g_test_run();
	store_close(b.store);
	config_free(b.config);
	g_bytes_unref(b.key);
	cmd = g_strdup_printf("rm -rf '%s'", state_dir);
	if (system(cmd) != 0)
		rc = 1;
	g_free(state_dir);
	return rc;
}
