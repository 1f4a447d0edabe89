/*
 * article-heading.c: headings in article text, with paragraphs as units
 * write them (the sample issue's among them), and running text that only
 * looks like one.
 */
#include <string.h>

#include "article.h"

static const struct {
	const char *para;
	enum article_heading_level level;
	const char *heading;	/* the part that is the heading */
} cases[] = {
	/* first level: a short paragraph, or the first sentence */
	{ "一、2021 年全省营商环境评价获评优异", ARTICLE_HEADING_1,
	    "一、2021 年全省营商环境评价获评优异" },
	{ "二、走访服务企业取得初步成效", ARTICLE_HEADING_1,
	    "二、走访服务企业取得初步成效" },
	{ "十一、“一网通办”改革持续深化", ARTICLE_HEADING_1,
	    "十一、“一网通办”改革持续深化" },
	{ "二十三、其他工作", ARTICLE_HEADING_1, "二十三、其他工作" },
	{ "　　三、加强组织领导。", ARTICLE_HEADING_1,
	    "　　三、加强组织领导。" },
	{ "四、强化督查问效。区营商办每月通报各单位工作进展，对推进不力的"
	    "单位进行约谈。", ARTICLE_HEADING_1, "四、强化督查问效。" },
	{ "五、下一步工作打算：继续扩大联合抽查覆盖面，做到应联合尽联合。",
	    ARTICLE_HEADING_1, "五、下一步工作打算：" },
	/* second level, full-width or ASCII parentheses */
	{ "（一）优化财产登记", ARTICLE_HEADING_2, "（一）优化财产登记" },
	{ "(二)服务重大项目", ARTICLE_HEADING_2, "(二)服务重大项目" },
	{ "（十二）深化“放管服”改革。全面推行证明事项告知承诺制，减少企业"
	    "跑动次数。", ARTICLE_HEADING_2, "（十二）深化“放管服”改革。" },
	{ "（三)勇于探索创新", ARTICLE_HEADING_2, "（三)勇于探索创新" },
	/* leading phrases, to the first ， or 。 */
	{ "一是持续跟进新建楼宇，全力助推楼宇招商。太平洋金融广场和中海万松"
	    "九里地处万松辖区核心。", ARTICLE_HEADING_LEAD,
	    "一是持续跟进新建楼宇，" },
	{ "三是集中整治突出问题。针对周边流动摊贩占道经营问题，开展整治。",
	    ARTICLE_HEADING_LEAD, "三是集中整治突出问题。" },
	{ "二是积极做好“店小二”，用心服务排忧解难。", ARTICLE_HEADING_LEAD,
	    "二是积极做好“店小二”，" },
	/* running text */
	{ "一、二月份，全区新增市场主体 2000 余户，同比增长 12%。",
	    ARTICLE_HEADING_NONE, NULL },
	{ "一、二、三季度分别完成投资 10 亿元、12 亿元和 15 亿元。",
	    ARTICLE_HEADING_NONE, NULL },
	{ "3月22日，区领导联系走访重点企业，一是了解情况，二是解决困难。",
	    ARTICLE_HEADING_NONE, NULL },
	{ "今年以来，全区一是抓服务、二是抓改革，取得了初步成效。",
	    ARTICLE_HEADING_NONE, NULL },
	{ "一是否能够按期完成，取决于各单位的配合。", ARTICLE_HEADING_NONE,
	    NULL },
	{ "一、", ARTICLE_HEADING_NONE, NULL },
	{ "（一）", ARTICLE_HEADING_NONE, NULL },
	{ "一是，", ARTICLE_HEADING_NONE, NULL },
	{ "一十、不是这样数的", ARTICLE_HEADING_NONE, NULL },
	{ "一、区法院探索在简易程序中以庭审过程全程录音录像替代法庭笔录，敲"
	    "响了简易程序庭审记录改革“第一槌”，有利于进一步减轻书记员事务性"
	    "工作压力。", ARTICLE_HEADING_NONE, NULL },
	{ "一是优化财产登记深化互联网加不动产登记改革落实分局重大项目协调推"
	    "进工作制度", ARTICLE_HEADING_NONE, NULL },
	{ "2021年全年帮助实现就业和流动人数45.38万人（次）。",
	    ARTICLE_HEADING_NONE, NULL },
	{ "（区发改局供稿）", ARTICLE_HEADING_NONE, NULL },
	{ "一二三四五", ARTICLE_HEADING_NONE, NULL },
	{ "", ARTICLE_HEADING_NONE, NULL },
};

static void
test_headings(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct article_heading h;
		gboolean found = article_heading_find(cases[i].para, &h);
		g_autofree char *part = g_strndup(cases[i].para, h.len);

		g_test_message("%u: %s", i, cases[i].para);
		g_assert_cmpint(h.level, ==, cases[i].level);
		g_assert_true(found == (cases[i].level !=
		    ARTICLE_HEADING_NONE));
		if (found)
			g_assert_cmpstr(part, ==, cases[i].heading);
		else
			g_assert_cmpuint(h.len, ==, 0);
	}
}

/* Broken UTF-8 and lone markers neither crash nor match. */
static void
test_odd_input(void)
{
	const char *odd[] = { "（", "(一", "（一", "十", "十十、标题",
	    "一\xff、标题", "\xe4\xb8", "二是" };
	struct article_heading h;

	for (gsize i = 0; i < G_N_ELEMENTS(odd); i++) {
		g_autofree char *valid = g_utf8_make_valid(odd[i], -1);

		g_assert_false(article_heading_find(valid, &h));
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/heading/recognised", test_headings);
	g_test_add_func("/heading/odd-input", test_odd_input);
	return g_test_run();
}
