/*
 * article.c, article-text.c and article-html.c: titles, bodies, replies
 * and forwards, HTML to text; and message.c's joining of text parts.
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

/* Outlook puts the same rule above a reply's quote and a forward. */
static const char outlook_text[] = "请审阅，谢谢。\n-- \n张三\n区发改局办公室\n\n"
    "-----Original Message-----\nFrom: 李四 <lisi@example.test>\n"
    "Sent: Monday, November 16, 2026 10:21 AM\nTo: 张三\n"
    "Subject: 区发改局召开调度会\n\n会议逐一梳理在建重点项目进度。\n";

static void
test_reply_keeps_own_text(void)
{
	g_autofree char *body = article_body_from_text(outlook_text, NULL);

	g_assert_null(article_forward_split(outlook_text, FALSE));
	g_assert_cmpstr(body, ==, "请审阅，谢谢。");
}

static void
test_forward_split(void)
{
	struct article_forward *f = article_forward_split(outlook_text, TRUE);
	g_autofree char *own = NULL, *body = NULL;

	g_assert_nonnull(f);
	own = article_body_from_text(f->own, NULL);
	body = article_body_from_text(f->text, NULL);
	g_assert_cmpstr(own, ==, "请审阅，谢谢。");
	g_assert_cmpstr(f->subject, ==, "区发改局召开调度会");
	g_assert_cmpstr(body, ==, "会议逐一梳理在建重点项目进度。");
	article_forward_free(f);
}

/* Header blocks as clients write them, each above the same body. */
static const char *const header_blocks[] = {
	"------------------ 原始邮件 ------------------\n"
	    "发件人: \"&quot;周丽&quot;\"<zhouli@example.test>;\n"
	    "发送时间: 2026年11月16日(星期一) 上午10:21\n"
	    "收件人: \"changqing\"<changqing@example.test>;\n\n"
	    "主题: 标题\n\n",
	"-------- 转发邮件信息 --------\n发件人：\"周丽\" <zhouli@example.test>\n"
	    "发送日期：2026-11-16 10:21:05\n收件人：changqing@example.test\n"
	    "主题：标题\n\n",
	"-------- Forwarded Message --------\nSubject: \t标题\n"
	    "Date: \tMon, 16 Nov 2026 10:21:05 +0800\nFrom: \t周丽 <z@x>\n"
	    "To: \ta@x, b@x,\n c@x\n\n\n\n",
	"以下是转发的邮件：\n\n发件人: 周丽 <z@x>\n主题: 标题\n"
	    "日期: 2026年11月16日 GMT+8 10:21:05\n收件人: a@x\n\n",
	"------------------\u00a0原始邮件\u00a0------------------\n"
	    "发件人: z@x\n发送时间: 2026年11月16日\n主题: 标题\n\n",
};

static void
test_forward_header_blocks(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(header_blocks); i++) {
		g_autofree char *text = g_strconcat("\n", header_blocks[i],
		    "时间：11月14日上午。\n第二段。\n", NULL);
		struct article_forward *f = article_forward_split(text, TRUE);
		g_autofree char *body = NULL;

		g_assert_nonnull(f);
		body = article_body_from_text(f->text, NULL);
		g_assert_cmpstr(f->subject, ==, "标题");
		g_assert_cmpstr(body, ==, "时间：11月14日上午。\n第二段。");
		article_forward_free(f);
	}
}

/* The cover note's signature (below the forward, Thunderbird's "signature
 * below the quote") is no part of the forwarded article. */
static void
test_forward_signature_below(void)
{
	const char *text = "---------- Forwarded message ---------\n"
	    "From: 陈晨 <c@x>\nSubject: 标题\n\n正文。\n\n-- \n张三\n";
	struct article_forward *f = article_forward_split(text, FALSE);
	g_autofree char *body = NULL;

	g_assert_nonnull(f);
	body = article_body_from_text(f->text, NULL);
	g_assert_cmpstr(body, ==, "正文。");
	article_forward_free(f);
}

static void
test_subject_is_forward(void)
{
	g_assert_true(article_subject_is_forward("FW: 标题"));
	g_assert_true(article_subject_is_forward("转发：回复：标题"));
	g_assert_true(article_subject_is_forward("【投稿】Fwd: 标题"));
	g_assert_false(article_subject_is_forward("回复：转发：标题"));
	g_assert_false(article_subject_is_forward("标题"));
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
	g_autofree char *html = message_part_text(split_mail,
	    strlen(split_mail), "html");

	g_assert_cmpstr(m->plain, ==, "第一段。\n第二段。");
	g_assert_cmpstr(html, ==, "<p>第一段。</p>");
	/* Beside a plain text that is an article, the markup is not read. */
	g_assert_null(m->html);
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
	g_test_add_func("/article/reply-keeps-own-text",
	    test_reply_keeps_own_text);
	g_test_add_func("/article/forward-split", test_forward_split);
	g_test_add_func("/article/forward-header-blocks",
	    test_forward_header_blocks);
	g_test_add_func("/article/forward-signature-below",
	    test_forward_signature_below);
	g_test_add_func("/article/subject-is-forward", test_subject_is_forward);
	g_test_add_func("/article/mixed-text-joined", test_mixed_text_joined);
	g_test_add_func("/article/html", test_html);
	return g_test_run();
}
