/*
 * article-docx.c: text and title of the .docx fixtures written by
 * tests/data/docx/make-docx.py, and the refusals of hostile ones.
 */
#include <string.h>

#include "article-docx.h"
#include "error.h"

static GBytes *
fixture(const char *name)
{
	g_autofree char *path = g_build_filename(g_getenv("top_srcdir"),
	    "tests", "data", "docx", name, NULL);
	g_autoptr(GError) error = NULL;
	char *data;
	gsize len;

	g_file_get_contents(path, &data, &len, &error);
	g_assert_no_error(error);
	return g_bytes_new_take(data, len);
}

static char *
convert(GBytes *bytes, char **title_r, GError **error)
{
	gsize len;
	const void *data = g_bytes_get_data(bytes, &len);

	return article_docx_to_text(data, len, title_r, error);
}

static const struct {
	const char *file;
	const char *title;
	const char *text;
} text_cases[] = {
	/* As WPS saves it: title from the style named 标题 (id "a3"). */
	{ "article.docx", "区发改委召开2024年优化营商环境推进会",
	    "【区发改委供稿】\n"
	    "区发改委召开2024年优化营商环境推进会\n"
	    "3月15日，区发展和改革委员会召开全区优化营商环境工作推进会。"
	    "会议通报，今年一季度全区新增市场主体1234户，同比增长12.5%。"
	    "依据世界银行《Business Ready》报告，各项指标 稳中有进。\n"
	    "会议要求，各部门要切实履行职责，持续优化政务服务。\n"
	    "会上，各街道汇报了工作进展。\n"
	    "图为推进会现场。\n"
	    "一、主要成效\n"
	    "指标 数量 同比\n"
	    "新增市场主体 1234户 12.5%\n"
	    "新增企业 456户\n"
	    "下一步，区发改委将持续推进“一网通办”改革，详见区政府网站。\n"
	    "联系人： 王五（www.example.gov.cn）\n"
	    "区发改委　供稿\n"
	    "审核：李四\n"
	    "已核稿\n" },
	/* No styles.xml: the centred first paragraph. */
	{ "centred.docx", "关于开展2024年“质量月”活动的通知",
	    "关于开展2024年“质量月”活动的通知\n"
	    "各街道、各部门：\n"
	    "一、活动主题\n"
	    "建设质量强区， 共享品质生活。\n" },
	/* The all-bold short first paragraph; hidden text, ruby, moves. */
	{ "bold.docx", "简讯：",
	    "简讯：\n"
	    "长江大桥通车。\n"
	    "AB CD-E\n"
	    "F\n"
	    "新位置\n"
	    "2024年3月15日\n"
	    "备用文本框\n"
	    "外 内一 内二 尾 格\n" },
	/* A style heading wins over a bold first paragraph. */
	{ "heading.docx", "区图书馆今起延长开放时间",
	    "短讯\n"
	    "区图书馆今起延长开放时间\n"
	    "开放时间调整为9:00至21:00。\n" },
	/* Bold but long; "a3" means nothing without styles.xml. */
	{ "notitle.docx", NULL,
	    "本期要闻：全区上下深入学习贯彻会议精神，全区上下深入学习贯彻"
	    "会议精神，全区上下深入学习贯彻会议精神，全区上下深入学习贯彻"
	    "会议精神，\n"
	    "正文。\n" },
	/* ISO 29500 Strict namespace. */
	{ "strict.docx", "Strict 文档", "Strict 文档\n正文。\n" },
	/* Declared entities are neither loaded nor substituted. */
	{ "xxe.docx", NULL, "前后\n正文&结束。\n" },
};

static void
test_text(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(text_cases); i++) {
		g_autoptr(GBytes) docx = fixture(text_cases[i].file);
		g_autoptr(GError) error = NULL;
		g_autofree char *title = NULL;
		g_autofree char *text = convert(docx, &title, &error);

		g_test_message("%s", text_cases[i].file);
		g_assert_no_error(error);
		g_assert_cmpstr(text, ==, text_cases[i].text);
		g_assert_cmpstr(title, ==, text_cases[i].title);
	}
}

static void
test_no_title_wanted(void)
{
	g_autoptr(GBytes) docx = fixture("article.docx");
	g_autoptr(GError) error = NULL;
	g_autofree char *text = convert(docx, NULL, &error);

	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(text, "【区发改委供稿】\n"));
}

static void
test_xxe(void)
{
	g_autoptr(GBytes) docx = fixture("xxe.docx");
	g_autofree char *text = convert(docx, NULL, NULL);

	g_assert_nonnull(text);
	g_assert_null(strstr(text, "root:"));
	g_assert_null(strstr(text, "内部实体"));
}

/* Either refused or without the expansion; quickly, in any case. */
static void
test_billion_laughs(void)
{
	g_autoptr(GBytes) docx = fixture("laughs.docx");
	g_autoptr(GError) error = NULL;
	g_autofree char *text = convert(docx, NULL, &error);

	if (text == NULL)
		g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
	else
		g_assert_cmpstr(text, ==, "完。\n");
}

static const struct {
	const char *file;
	const char *message;	/* a part of it */
} error_cases[] = {
	{ "notzip.docx", "not a zip archive" },
	{ "legacy.doc", "old Word .doc" },
	{ "encrypted.docx", "password-protected" },
	{ "zipcrypto.docx", "word/document.xml is encrypted" },
	{ "nodoc.docx", "no word/document.xml" },
	{ "bomb.docx", "more than 64 MiB uncompressed, over the limit" },
	{ "liar.docx", "word/document.xml compresses more than 200:1" },
	{ "many.docx", "3000 zip entries, over the limit of 2000" },
};

static void
test_refused(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(error_cases); i++) {
		g_autoptr(GBytes) docx = fixture(error_cases[i].file);
		g_autoptr(GError) error = NULL;
		/* A sentinel: on error *title_r must come back NULL. */
		char *title = (char *)"unset";
		g_autofree char *text = convert(docx, &title, &error);

		g_test_message("%s: %s", error_cases[i].file,
		    error != NULL ? error->message : "(no error)");
		g_assert_null(text);
		g_assert_null(title);
		g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
		g_assert_nonnull(strstr(error->message,
		    error_cases[i].message));
	}
}

static void
test_empty(void)
{
	g_autoptr(GError) error = NULL;
	char *text = article_docx_to_text("", 0, NULL, &error);

	g_assert_null(text);
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
}

/* Any result or an INPUT error, never a crash or a leak (under ASan). */
static void
check_damaged(const guchar *data, gsize len)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *title = NULL;
	g_autofree char *text = article_docx_to_text(data, len, &title,
	    &error);

	if (text == NULL)
		g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
	else
		g_assert_no_error(error);
}

static void
test_damaged(void)
{
	g_autoptr(GBytes) docx = fixture("article.docx");
	gsize len;
	const guchar *data = g_bytes_get_data(docx, &len);
	g_autofree guchar *copy = g_memdup2(data, len);

	for (gsize cut = 0; cut < len; cut += 37)
		check_damaged(data, cut);
	for (gsize i = 0; i < len; i += 7) {
		copy[i] ^= 0x5a;
		check_damaged(copy, len);
		copy[i] ^= 0x5a;
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/docx/text", test_text);
	g_test_add_func("/docx/no-title-wanted", test_no_title_wanted);
	g_test_add_func("/docx/xxe", test_xxe);
	g_test_add_func("/docx/billion-laughs", test_billion_laughs);
	g_test_add_func("/docx/refused", test_refused);
	g_test_add_func("/docx/empty", test_empty);
	g_test_add_func("/docx/damaged", test_damaged);
	return g_test_run();
}
