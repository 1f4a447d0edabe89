/*
 * title-break.c: the demo's titles and the cases reported in issue #11,
 * broken by a fixed-width measure (a Chinese character or quote is 2,
 * anything else 1) with the breaks written down by hand: whole words,
 * the fewest lines, spaces and punctuation first, balanced lines.
 */
#include <locale.h>
#include <string.h>

#include "title-break.h"

/* A headline on A4: 156 mm of 小二 (18 pt) is 24.5 characters. */
#define A4	49
/* A phone: about twelve characters of a title. */
#define PHONE	24

struct title_case {
	const char	*title;
	double		 width;
	const char	*lines;		/* joined by "/" */
};

static const struct title_case cases[] = {
	{ "聚焦企业关切 狠抓任务落实 全区营商环境建设持续走深走实", A4,
	    "聚焦企业关切 狠抓任务落实/全区营商环境建设持续走深走实" },
	{ "新华街道“楼长+专员”服务机制让楼宇企业办事少跑腿", A4,
	    "新华街道“楼长+专员”服务机制让楼宇企业办事少跑腿" },
	{ "常青街道“三张清单”护航重点项目加速推进", A4,
	    "常青街道“三张清单”护航重点项目加速推进" },
	{ "万松街道打造“15分钟便企服务圈” 小店经济焕发新活力", A4,
	    "万松街道打造“15分钟便企服务圈”/小店经济焕发新活力" },
	{ "区法院推行“诉前调解+司法确认”一站式解纷 助力中小企业轻装前行", A4,
	    "区法院推行“诉前调解+司法确认”一站式解纷/助力中小企业轻装前行" },
	{ "区人社局开展“金秋招聘月”活动 搭建企业引才“快车道”", A4,
	    "区人社局开展“金秋招聘月”活动/搭建企业引才“快车道”" },
	{ "区规划分局推行“交地即交证” 项目落地按下“快进键”", A4,
	    "区规划分局推行“交地即交证”/项目落地按下“快进键”" },
	{ "政务服务“周末不打烊” 群众企业办事更从容", A4,
	    "政务服务“周末不打烊” 群众企业办事更从容" },
	{ "区市场监管局“信用修复一件事”助企重塑信用", A4,
	    "区市场监管局“信用修复一件事”助企重塑信用" },
	{ "金融服务“进园区、入楼宇” 为中小微企业引来金融活水", A4,
	    "金融服务“进园区、入楼宇”/为中小微企业引来金融活水" },
	{ "江汉社保处推出“退休一件事”集成服务 企业职工退休手续“一次办”", A4,
	    "江汉社保处推出“退休一件事”集成服务/企业职工退休手续“一次办”" },
	{ "聚焦企业关切 狠抓任务落实 全区营商环境建设持续走深走实", PHONE,
	    "聚焦企业关切 狠抓/任务落实 全区营商环境/建设持续走深走实" },
	{ "新华街道“楼长+专员”服务机制让楼宇企业办事少跑腿", PHONE,
	    "新华街道“楼长+专员”/服务机制让楼宇企业/办事少跑腿" },
	{ "常青街道“三张清单”护航重点项目加速推进", PHONE,
	    "常青街道“三张清单”/护航重点项目加速推进" },
	{ "万松街道打造“15分钟便企服务圈” 小店经济焕发新活力", PHONE,
	    "万松街道打造/“15分钟便企服务圈”/小店经济焕发新活力" },
	{ "区法院推行“诉前调解+司法确认”一站式解纷 助力中小企业轻装前行", PHONE,
	    "区法院推行/“诉前调解+司法确认”/一站式解纷/助力中小企业轻装前行" },
	{ "区人社局开展“金秋招聘月”活动 搭建企业引才“快车道”", PHONE,
	    "区人社局开展/“金秋招聘月”活动/搭建企业引才“快车道”" },
	{ "区规划分局推行“交地即交证” 项目落地按下“快进键”", PHONE,
	    "区规划分局推行/“交地即交证”/项目落地按下“快进键”" },
	{ "政务服务“周末不打烊” 群众企业办事更从容", PHONE,
	    "政务服务“周末不打烊”/群众企业办事更从容" },
	{ "区市场监管局“信用修复一件事”助企重塑信用", PHONE,
	    "区市场监管局“信用修复/一件事”助企重塑信用" },
	{ "金融服务“进园区、入楼宇” 为中小微企业引来金融活水", PHONE,
	    "金融服务/“进园区、入楼宇”/为中小微企业引来金融活水" },
	{ "江汉社保处推出“退休一件事”集成服务 企业职工退休手续“一次办”", PHONE,
	    "江汉社保处推出“退休/一件事”集成服务 企业/职工退休手续“一次办”" },
	{ "全区营商环境建设持续走深走实", 16,
	    "全区营商环境/建设持续走深走实" },
	{ "走深走实", 6,
	    "走深/走实" },
	{ "走深走实", 4,
	    "走深/走实" },
	{ "新华街道服务机制让楼宇企业办事少跑腿", 20,
	    "新华街道服务/机制让楼宇企业/办事少跑腿" },
	{ "办事少跑腿", 8,
	    "办事/少跑腿" },
	{ "搭建企业引才“快车道”", 16,
	    "搭建企业引才/“快车道”" },
	{ "项目落地按下“快进键”", 16,
	    "项目落地按下/“快进键”" },
	{ "区法院推行一站式解纷助力中小企业", 20,
	    "区法院推行一站式解纷/助力中小企业" },
	{ "助力中小企业", 10,
	    "助力/中小企业" },
	{ "助力中小企业", 8,
	    "助力/中小企业" },
	{ "恶意标题<script>alert(1)</script> Bcc: x@evil.test", 24,
	    "恶意标题<script>alert/(1)</script>/Bcc: x@evil.test" },
	{ "2021年全省营商环境评价获评优异", 20,
	    "2021年全省营商环境/评价获评优异" },
	{ "ABCDEFGHIJ", 4,
	    "ABC/DEF/GHIJ" },
	{ "  短标题  ", 24,
	    "短标题" },
	{ "", 24,
	    "" },
};

static double
fixed_width(const char *text, gsize len, gpointer data)
{
	double w = 0;

	for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		w += g_unichar_iswide(c) || c == 0x201c || c == 0x201d ? 2 : 1;
	}
	return w;
}

static char *
broken(const char *title, double width)
{
	g_autoptr(GArray) breaks = title_break(title, width, fixed_width,
	    NULL);
	g_auto(GStrv) lines = title_break_lines(title, breaks);

	return g_strjoinv("/", lines);
}

static void
test_cases(void)
{
	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *got = broken(cases[i].title, cases[i].width);

		if (g_getenv("TITLE_BREAK_PRINT") != NULL) {
			g_print("\t{ \"%s\", %g,\n\t    \"%s\" },\n",
			    cases[i].title, cases[i].width, got);
			continue;
		}
		g_assert_cmpstr(got, ==, cases[i].lines);
	}
}

/* Every case: no line starts with a closing mark or ends with an opening
 * one, and none is shorter than a third of the longest. */
static void
test_rules(void)
{
	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GArray) breaks = title_break(cases[i].title,
		    cases[i].width, fixed_width, NULL);
		g_auto(GStrv) lines = title_break_lines(cases[i].title, breaks);
		double longest = 0, shortest = G_MAXDOUBLE;

		for (guint l = 0; lines[l] != NULL; l++) {
			gsize len = strlen(lines[l]);
			double w = fixed_width(lines[l], len, NULL);

			if (len == 0)
				continue;
			g_assert_null(g_utf8_strchr("、，：；。！？）》”", -1,
			    g_utf8_get_char(lines[l])));
			g_assert_null(g_utf8_strchr("（《“", -1,
			    g_utf8_get_char(g_utf8_prev_char(lines[l] + len))));
			longest = MAX(longest, w);
			shortest = MIN(shortest, w);
		}
		g_assert_cmpfloat(shortest * 3, >=, longest);
	}
}

/* The kinds of places: a space, after a closing quote, before an opening
 * one, between words; none inside 快车道 or 企业引才 (ICU: 企业|引|才). */
static void
test_points(void)
{
	const char *title = "搭建企业引才“快车道” 助力中小企业";
	g_autoptr(GArray) points = title_break_points(title);
	GString *marked = g_string_new(NULL);
	gsize at = 0;

	for (guint i = 0; i < points->len; i++) {
		const struct title_break_point *p = &g_array_index(points,
		    struct title_break_point, i);

		if (p->kind == TITLE_BREAK_CHAR)
			continue;
		g_string_append_len(marked, title + at, p->end - at);
		g_string_append(marked, (const char *[]){ "_", "|", "/" }[
		    p->kind]);
		at = p->next;
	}
	g_string_append(marked, title + at);
	g_assert_cmpstr(marked->str, ==, "搭建/企业引才|“快车道”_助力/中小企业");
	g_string_free(marked, TRUE);
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/title-break/cases", test_cases);
	g_test_add_func("/title-break/rules", test_rules);
	g_test_add_func("/title-break/points", test_points);
	return g_test_run();
}
