/*
 * render-sample CONFIG OUTDIR: the demo's issue (the eleven articles of
 * contrib/demo/articles/src, as 第3期, with a 编者按 and one hostile
 * article) rendered to OUTDIR/issue.{txt,html,pdf,docx,eml} through the
 * daemon's renderers, for tests/render/render.test to check with real
 * tools.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "error.h"
#include "issue.h"
#include "log.h"
#include "message.h"
#include "render-docx.h"
#include "render-pdf.h"
#include "render-leaks.h"
#include "render.h"

/* A source file: headline, blank line, paragraphs. */
static struct issue_article *
demo_article(const struct config *c, const char *path, int seq)
{
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GString) body = g_string_new(NULL);
	g_autofree char *base = g_path_get_basename(path);
	const struct unit *u;

	if (!g_file_get_contents(path, &text, NULL, NULL))
		g_error("cannot read %s", path);
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 1; lines[i] != NULL; i++)
		if (*lines[i] != '\0')
			g_string_append_printf(body, "%s%s", body->len ? "\n" :
			    "", lines[i]);
	*strrchr(base, '.') = '\0';
	u = config_find_unit(c, strchr(base, '-') + 1);
	return issue_article_new(seq, base, u ? u->name : base, lines[0],
	    body->str);
}

static gint
compare_paths(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct issue_view *
sample_view(const struct config *c, const char *top)
{
	g_autofree char *dir = g_build_filename(top, "contrib", "demo",
	    "articles", "src", NULL);
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	struct issue_view *v = g_new0(struct issue_view, 1);
	const char *name;

	v->year = 2026;
	v->number = 3;
	v->date = g_strdup("2026年11月28日");
	v->note = g_strdup("本期刊发各单位优化营商环境工作进展，请对照先进经验，查找差距。");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	while (d != NULL && (name = g_dir_read_name(d)) != NULL)
		g_ptr_array_add(names, g_build_filename(dir, name, NULL));
	g_ptr_array_sort(names, compare_paths);
	for (guint i = 0; i < names->len; i++)
		g_ptr_array_add(v->articles, demo_article(c, names->pdata[i],
		    i + 1));
	g_ptr_array_add(v->articles, issue_article_new(names->len + 1,
	    "fayuan", "区法院",
	    "恶意标题<script>alert(1)</script>\r\nBcc: x@evil.test",
	    "<img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">链接</a>"
	    "<style>body{display:none}</style>正文照常显示。"));
	return v;
}

static void
save(const char *dir, const char *name, const void *data, gsize len)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);

	if (!g_file_set_contents(path, data, len, NULL))
		g_error("cannot write %s", path);
}

static void
save_bytes(const char *dir, const char *name, GBytes *b)
{
	save(dir, name, g_bytes_get_data(b, NULL), g_bytes_get_size(b));
}

int
main(int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	const char *top = g_getenv("top_srcdir") ? g_getenv("top_srcdir") : ".";
	struct config *c;
	struct issue_view *v;
	struct rendered_issue *r;
	g_autoptr(GBytes) pdf = NULL, docx = NULL, eml = NULL;

	if (argc != 3) {
		fprintf(stderr, "usage: render-sample config outdir\n");
		return 2;
	}
	log_init("render-sample", TRUE, 0);
	message_library_init();
	if ((c = config_load(argv[1], &error)) == NULL)
		g_error("%s", error->message);
	v = sample_view(c, top);
	r = render_issue(c, v);
	if ((pdf = render_pdf(c, v, &error)) == NULL ||
	    (docx = render_docx(c, v, &error)) == NULL)
		g_error("%s", error->message);
	eml = render_issue_message(c, v, r, "sample@example.test");
	save(argv[2], "issue.txt", r->text, strlen(r->text));
	save(argv[2], "issue.html", r->html, strlen(r->html));
	save_bytes(argv[2], "issue.pdf", pdf);
	save_bytes(argv[2], "issue.docx", docx);
	save_bytes(argv[2], "issue.eml", eml);
	rendered_issue_free(r);
	issue_view_free(v);
	config_free(c);
	render_release_caches();
	return 0;
}
