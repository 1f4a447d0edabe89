/*
 * message.c, classify.c and article.c over the demo corpus: eleven real
 * client shapes (GB2312 8bit, GBK base64, split UTF-8 subjects, Word HTML,
 * Outlook and Apple alternatives, format=flowed).  Each must come out as
 * its source text, word for word.
 */
#include <string.h>

#include "article.h"
#include "classify.h"
#include "config.h"
#include "message.h"

static char *
demo_path(const char *name)
{
	return g_build_filename(g_getenv("top_srcdir"), "contrib", "demo",
	    "articles", name, NULL);
}

/* The source: headline, blank line, paragraphs separated by blank lines. */
static void
read_source(const char *stem, char **title_r, char **body_r)
{
	g_autofree char *name = g_strdup_printf("src/%s.txt", stem);
	g_autofree char *path = demo_path(name);
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GError) error = NULL;
	GString *body;

	if (!g_file_get_contents(path, &text, NULL, &error))
		g_error("%s", error->message);
	body = g_string_new(NULL);
	lines = g_strsplit(text, "\n", -1);
	*title_r = g_strdup(lines[0]);
	for (guint i = 1; lines[i] != NULL; i++) {
		if (*lines[i] == '\0')
			continue;
		if (body->len > 0)
			g_string_append_c(body, '\n');
		g_string_append(body, lines[i]);
	}
	*body_r = g_string_free(body, FALSE);
}

static void
test_demo_message(gconstpointer data)
{
	const char *stem = data;
	g_autofree char *name = g_strdup_printf("%s.eml", stem);
	g_autofree char *path = demo_path(name);
	g_autofree char *conf = g_build_filename(g_getenv("top_srcdir"), "conf",
	    "bulletind.conf.example", NULL);
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(conf, &error);
	g_autofree char *raw = NULL, *want_title = NULL, *want_body = NULL;
	const struct unit *unit = NULL;
	struct article *art;
	const char *reason;
	gsize len;
	struct message *m;

	/* Missing fixtures end the run (assertions here are non-fatal). */
	if (c == NULL || !g_file_get_contents(path, &raw, &len, &error))
		g_error("%s", error->message);
	read_source(stem, &want_title, &want_body);
	m = message_parse(raw, len, NULL);
	g_assert_nonnull(m);
	g_assert_cmpint(classify_message(c, m, &reason, &unit, NULL), ==,
	    CLASS_CONTRIBUTION);
	g_assert_cmpstr(unit->code, ==, strchr(stem, '-') + 1);
	art = article_extract(m);
	g_assert_cmpstr(art->title, ==, want_title);
	g_assert_cmpstr(art->body, ==, want_body);
	g_assert_null(art->hold);
	article_free(art);
	message_free(m);
	config_free(c);
}

int
main(int argc, char **argv)
{
	static const char *const stems[] = {
		"01-fgj", "02-xinhua", "03-changqing", "04-wansong",
		"05-fayuan", "06-rsj", "07-ghfj", "08-spj", "09-scjgj",
		"10-jgw", "11-sbc",
	};

	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	message_library_init();
	for (guint i = 0; i < G_N_ELEMENTS(stems); i++) {
		g_autofree char *name = g_strdup_printf("/message/demo/%s",
		    stems[i]);
		g_test_add_data_func(name, stems[i], test_demo_message);
	}
	return g_test_run();
}
