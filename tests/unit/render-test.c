/* render.c: the sample issue's layout, escaping, and the MIME message. */
#include <string.h>

#include "config.h"
#include "message.h"
#include "render-leaks.h"
#include "render.h"

static struct config *
example_config(void)
{
	g_autofree char *path = g_build_filename(g_getenv("top_srcdir"),
	    "conf", "bulletind.conf.example", NULL);
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(path, &error);

	/* A missing example (a tarball without conf/) fails here, named. */
	g_assert_no_error(error);
	return c;
}

static struct issue_view *
sample_view(void)
{
	struct issue_view *v = g_new0(struct issue_view, 1);

	v->number = 3;
	v->year = 2026;
	v->date = g_strdup("2026年11月28日");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	g_ptr_array_add(v->articles, issue_article_new(1, "fayuan", "区法院",
	    "第一篇", "第一段。\n第二段。"));
	g_ptr_array_add(v->articles, issue_article_new(2, "xinhua",
	    "新华街道办事处", "<script>alert(1)</script>标题",
	    "<img src=x onerror=alert(1)>"));
	return v;
}

static void
test_text_layout(void)
{
	struct config *c = example_config();
	struct issue_view *v = sample_view();
	struct rendered_issue *r = render_issue(c, v);
	const char *p;

	g_assert_cmpstr(r->subject, ==, "江汉区优化营商环境工作简报 第3期");
	g_assert_true(g_str_has_prefix(r->text, "江汉区优化营商环境工作简报\n\n第3期\n"));
	p = strstr(r->text, "第一篇");
	g_assert_nonnull(p);
	p = strstr(p, "\u3000\u3000第一段。\n\u3000\u3000第二段。\n\n（区法院供稿）");
	g_assert_nonnull(p);
	p = strstr(p, "（新华街道办事处供稿）");
	g_assert_nonnull(p);
	p = strstr(p, "报：区领导，市营商办\n发：各街道（开发区、商务区）、区相关单位\n主编：");
	g_assert_nonnull(p);
	g_assert_cmpuint(strlen(r->digest), ==, 64);
	rendered_issue_free(r);
	issue_view_free(v);
	config_free(c);
}

static void
test_html_escaped(void)
{
	struct config *c = example_config();
	struct issue_view *v = sample_view();
	struct rendered_issue *r = render_issue(c, v);

	g_assert_null(strstr(r->html, "<script"));
	g_assert_null(strstr(r->html, "<img"));
	g_assert_nonnull(strstr(r->html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	g_assert_nonnull(strstr(r->html, "（区法院供稿）</p>"));
	g_assert_nonnull(strstr(r->html, "text-align:right"));
	rendered_issue_free(r);
	issue_view_free(v);
	config_free(c);
}

static void
test_message(void)
{
	struct config *c = example_config();
	struct issue_view *v = sample_view();
	struct rendered_issue *r = render_issue(c, v);
	g_autoptr(GBytes) bytes = render_issue_message(c, v, r,
	    "id@example.test");
	gsize len;
	const char *data = g_bytes_get_data(bytes, &len);
	g_autofree char *copy = g_strndup(data, len);
	g_autofree char *text = message_part_text(data, len, "plain");
	g_autofree char *html = message_part_text(data, len, "html");
	struct message *m = message_parse(data, len, NULL);

	g_assert_nonnull(strstr(copy, "\r\nTo: "));
	g_assert_nonnull(strstr(copy, "multipart/alternative"));
	/* The PDF and the .docx, named both ways (QQ Mail reads RFC 2047 in
	 * the name, Outlook RFC 2231 in the filename). */
	g_assert_nonnull(strstr(copy, "Content-Type: application/pdf"));
	g_assert_nonnull(strstr(copy, "wordprocessingml.document"));
	g_assert_nonnull(strstr(copy, "name=\"=?"));
	g_assert_nonnull(strstr(copy, "filename*"));
	g_assert_null(strstr(copy, "leader1@"));
	g_assert_null(strstr(copy, "\n.\r\n"));
	g_assert_cmpstr(text, ==, r->text);
	g_assert_cmpstr(html, ==, r->html);
	g_assert_cmpstr(m->subject, ==, r->subject);
	g_assert_cmpstr(m->bulletind_kind, ==, "issue");
	g_assert_cmpstr(m->auto_submitted, ==, "auto-generated");
	message_free(m);
	rendered_issue_free(r);
	issue_view_free(v);
	config_free(c);
}

int
main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	message_library_init();
	g_test_add_func("/render/text-layout", test_text_layout);
	g_test_add_func("/render/html-escaped", test_html_escaped);
	g_test_add_func("/render/message", test_message);
	rc = g_test_run();
	render_release_caches();
	return rc;
}
