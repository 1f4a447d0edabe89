/* article.c and article-html.c: titles, bodies, HTML to text. */
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
	g_test_add_func("/article/titles", test_titles);
	g_test_add_func("/article/body", test_body);
	g_test_add_func("/article/quoted-reply", test_quoted_reply_dropped);
	g_test_add_func("/article/html", test_html);
	return g_test_run();
}
