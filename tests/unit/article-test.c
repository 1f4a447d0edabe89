/*
 * article.c and article-html.c: titles, bodies, HTML to text; and
 * message.c's joining of text parts.
 */
#include <string.h>

#include "article.h"

static const struct {
	const char *subject;
	const char *title;
} title_cases[] = {
	{ "投稿：全区营商环境稳中向好", "全区营商环境稳中向好" },
	{ "Re: 回复：Fw: 【投稿】 标题  有  空格", "标题 有 空格" },
	{ "FW: 供稿-区法院敲响第一槌", "区法院敲响第一槌" },
	{ "转发: [供稿]标题", "标题" },
	{ "投稿：", "（无标题）" },
	{ "标题\r\nBcc: x@y", "标题 Bcc: x@y" },
	{ "Reform 改革", "Reform 改革" },
};

static void
test_titles(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(title_cases); i++) {
		g_autofree char *t = article_title_from_subject(
		    title_cases[i].subject);
		g_assert_cmpstr(t, ==, title_cases[i].title);
	}
}

static void
test_generic_titles(void)
{
	g_assert_true(article_title_is_generic("投稿"));
	g_assert_true(article_title_is_generic("我委本周信息"));
	g_assert_true(article_title_is_generic("本期投稿"));
	g_assert_false(article_title_is_generic("我局召开调度会"));
}

static void
test_body(void)
{
	const char *text = "标题\r\n\r\n\u3000\u3000第一段。\r\n"
	    "  第二段。  \n\n\n> 引用\n第三段。\n-- \n张三\n电话";
	g_autofree char *body = article_body_from_text(text, "标题");

	g_assert_cmpstr(body, ==, "第一段。\n第二段。\n第三段。");
	g_assert_cmpint(article_length(body), ==, 12);
}

static void
test_quoted_reply_dropped(void)
{
	const char *text = "正文。\n\n-----原始邮件-----\n发件人：x\n旧内容";
	g_autofree char *body = article_body_from_text(text, NULL);

	g_assert_cmpstr(body, ==, "正文。");
}

static const char split_mail[] =
    "From: a@example.test\nSubject: x\nMIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
    "--m\nContent-Type: multipart/alternative; boundary=\"a\"\n\n"
    "--a\nContent-Type: text/plain; charset=utf-8\n\n第一段。\n"
    "--a\nContent-Type: text/html; charset=utf-8\n\n<p>第一段。</p>\n"
    "--a--\n"
    "--m\nContent-Type: image/jpeg; name=\"a.jpg\"\n"
    "Content-Disposition: inline; filename=\"a.jpg\"\n\nJPEG\n"
    "--m\nContent-Type: text/plain; charset=utf-8\n\n第二段。\n"
    "--m--\n";

/* Apple Mail: text, attachment, text; an alternative counts once. */
static void
test_mixed_text_joined(void)
{
	struct message *m = message_parse(split_mail, strlen(split_mail),
	    NULL);

	g_assert_cmpstr(m->plain, ==, "第一段。\n第二段。");
	g_assert_cmpstr(m->html, ==, "<p>第一段。</p>");
	g_assert_cmpuint(m->attachments->len, ==, 1);
	message_free(m);
}

static void
test_html(void)
{
	const char *html = "<html><head><style>p{color:red}</style>"
	    "<title>x</title></head><body><!-- comment -->"
	    "<p class=MsoNormal>第一段&nbsp;文字<o:p></o:p></p>"
	    "<p>第二段<br>换行&lt;b&gt;</p><script>alert(1)</script>"
	    "<div>中文\n断行</div><table><tr><td>A</td><td>B</td></tr></table>"
	    "</body></html>";
	g_autofree char *text = article_html_to_text(html, strlen(html));

	g_assert_cmpstr(text, ==,
	    "第一段 文字\n第二段\n换行<b>\n中文断行\nA B\n");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	message_library_init();
	g_test_add_func("/article/titles", test_titles);
	g_test_add_func("/article/generic-titles", test_generic_titles);
	g_test_add_func("/article/body", test_body);
	g_test_add_func("/article/quoted-reply", test_quoted_reply_dropped);
	g_test_add_func("/article/mixed-text-joined", test_mixed_text_joined);
	g_test_add_func("/article/html", test_html);
	return g_test_run();
}
