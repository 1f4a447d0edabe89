/*
 * render-pdf.c and render-docx.c: a long issue typeset and read back with
 * the real tools, poppler's pdfinfo, pdffonts and pdftotext, xmllint, and
 * LibreOffice converting the .docx to text.  A missing tool fails the test
 * when CI is set and skips it otherwise.
 *
 * The first and last pages are also drawn as PNG files under the build
 * directory (tests/unit/render-doc-out/), with the PDF and the .docx, for a
 * person to look at.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "config.h"
#include "error.h"
#include "render-doc.h"
#include "render-docx.h"
#include "render-pdf.h"
#include "render-leaks.h"

#define N_ARTICLES	15
#define HOSTILE_TITLE	"紧急通知\r\nBcc: x@evil"
#define HOSTILE_BODY	"请点击<script>alert(1)</script>查看<b>详情</b>，" \
			"A&amp;B，链接javascript:void(0)。"

static char *tmp_dir;

static const char *const titles[N_ARTICLES] = {
	"多点发力 全面推进 我区营商环境稳中向好",
	"全面部署展新篇 起步冲刺开新局",
	"凝聚全街力量抓好经济工作 优化营商环境助力企业发展",
	"精准发力提质效 强化服务优环境",
	"区法院敲响简易程序庭审记录改革“第一槌”",
	"构筑人力资源服务新高地 赋能企业高质量发展",
	"四大举措持续优化营商环境",
	"企业开设公积金账户办理时限再压缩",
	"开展跨部门联合抽查 构建市场监管新格局",
	"聚合赋能 银企共赢",
	"织密民生保障网 增点加窗暖民心",
	"政务服务“一网通办”再提速",
	"重点项目建设跑出“加速度”",
	"惠企政策直达快享 市场主体活力迸发",
	"知识产权保护护航创新发展",
};

static const char *const sentences[] = {
	"近期，全区上下深入贯彻落实省、市、区优化营商环境大会精神，"
	    "切实把优化营商环境作为“一把手工程”来推进落实。",
	"全区上下优化营商环境的紧迫感和责任感显著增强，关键领域改革取得"
	    "实质性进展。",
	"3月31日，省政府新闻办举行发布会，通报2025年全省营商环境评价结果。",
	"区领导率先垂范、迅速行动，带队深入企业开展深入细致的沟通服务。",
	"截至3月25日下午，共走访和联系企业134家，收到企业走访记录表75份。",
	"街道是抓经济、抓发展、抓营商环境优化的第一线。",
	"党政领导干部根据责任包保分工，全部下沉一线走访对口企业，"
	    "了解企业经营现状和所处困境。",
	"区行政审批局联合多部门在政务服务大厅推出企业公积金业务预约服务，"
	    "大幅压缩企业办理时间。",
	"金管委立足区域金融中心发展优势，举办“早春行”金融交流会，"
	    "搭建政银企三方良性互动平台。",
	"一季度全区GDP同比增长6.2%，固定资产投资增长9.8%。",
	"企业线上预约，线下提交一次材料就可办结业务，办理时间只需30分钟"
	    "左右。",
	"通过联合抽查，实现了对企业检查工作“进一次门，查多项事”，"
	    "减少了对企业经营的干扰。",
	"下一步，将继续扩大联合抽查覆盖面，做到“应联合尽联合”，"
	    "进一步减轻企业负担。",
	"园区营收达到155.27亿元，同比增长43.97%，税收2.16亿元。",
	"健全部门、园区、运营机构三级服务机制，开通社保、人事人才、"
	    "工商税务等政务一站式服务。",
	"庭审录音录像取代书记员庭审记录，实现了法官和当事人无障碍交流。",
	"太平洋金融广场和中海万松九里地处辖区核心，是新建重点楼宇项目。",
	"街道综合执法中心采取错时执法和集中整治相结合的方式，"
	    "清理占道流动摊贩十余处。",
	"“信用培植工程”已完成首批上报信用培植企业22家，"
	    "已为10家企业解决5158万元融资需求。",
	"江汉社保处在产业园专门增设了社保、医保服务窗口，"
	    "实现服务企业就近办、专窗办。",
	"企业网办率达70%，个人掌上办达30%，群众办事体验感更加便利。",
	"要坚持问题导向，聚焦企业反映强烈的堵点难点，逐项建立台账、"
	    "限时销号。",
	"各部门要切实履行职责，主动靠前服务，形成工作合力。",
	"区规划分局“应用新型基础测绘实景三维辅助行政审批”"
	    "被自然资源部官网推广介绍。",
	"活动吸引10万人次线上线下观看，推进人才区域协同交流发展。",
	"在解决历史遗留问题上，召集城管、消防、社区、周边楼宇等单位进行"
	    "协调。",
	"新的纾困贷款贴息政策取消了名单限制，实现0门槛申报、0手工录入。",
	"同时，结合老旧小区改造项目，对周边供水、供电、网络、消防等进行"
	    "改造升级。",
};

/* ---- the issue -------------------------------------------------------- */

static struct config *
example_config(void)
{
	g_autofree char *path = g_build_filename(g_getenv("top_srcdir"),
	    "conf", "bulletind.conf.example", NULL);
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(path, &error);

	g_assert_no_error(error);
	return c;
}

static cairo_status_t
append_png(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A picture with something on it: a sky, a sun, a red bar. */
static GBytes *
make_png(int width, int height)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    width, height);
	cairo_t *cr = cairo_create(s);
	cairo_pattern_t *sky = cairo_pattern_create_linear(0, 0, 0, height);
	GByteArray *out = g_byte_array_new();

	cairo_pattern_add_color_stop_rgb(sky, 0, 0.2, 0.4, 0.8);
	cairo_pattern_add_color_stop_rgb(sky, 1, 0.9, 0.9, 1.0);
	cairo_set_source(cr, sky);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 1.0, 0.8, 0.1);
	cairo_arc(cr, width * 0.7, height * 0.3, height * 0.15, 0, 2 * G_PI);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.9, 0.0, 0.07);
	cairo_rectangle(cr, 0, height * 0.8, width, height * 0.2);
	cairo_fill(cr);
	g_assert_cmpint(cairo_surface_write_to_png_stream(s, append_png, out),
	    ==, CAIRO_STATUS_SUCCESS);
	cairo_pattern_destroy(sky);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return g_byte_array_free_to_bytes(out);
}

static GBytes *
make_jpeg(int width, int height)
{
	g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB,
	    FALSE, 8, width, height);
	g_autoptr(GError) error = NULL;
	int stride = gdk_pixbuf_get_rowstride(pixbuf);
	guint8 *p = gdk_pixbuf_get_pixels(pixbuf);
	char *buf;
	gsize len;

	for (int y = 0; y < height; y++)
		for (int x = 0; x < width; x++) {
			guint8 *px = p + y * stride + x * 3;

			px[0] = (guint8)(x * 255 / width);
			px[1] = (guint8)(y * 255 / height);
			px[2] = 128;
		}
	gdk_pixbuf_save_to_buffer(pixbuf, &buf, &len, "jpeg", &error,
	    "quality", "80", NULL);
	g_assert_no_error(error);
	return g_bytes_new_take(buf, len);
}

/* 600-1500 characters of sentences in paragraphs of two to five. */
static char *
make_body(GRand *rand)
{
	GString *body = g_string_new(NULL);
	glong target = g_rand_int_range(rand, 600, 1500);

	while (g_utf8_strlen(body->str, -1) < target) {
		int n = g_rand_int_range(rand, 2, 6);

		if (body->len > 0)
			g_string_append_c(body, '\n');
		for (int i = 0; i < n; i++)
			g_string_append(body, sentences[g_rand_int_range(rand,
			    0, G_N_ELEMENTS(sentences))]);
	}
	return g_string_free(body, FALSE);
}

/* An article that takes BODY. */
static struct issue_article *
article_new(const char *unit, const char *title, char *body)
{
	struct issue_article *a = issue_article_new(0, unit, unit, title, body);

	g_free(body);
	return a;
}

/* Fifteen long articles, four with pictures, and a hostile one. */
static struct issue_view *
long_view(const struct config *c)
{
	struct issue_view *v = g_new0(struct issue_view, 1);
	g_autoptr(GRand) rand = g_rand_new_with_seed(9704);
	struct issue_article *a;

	v->number = 3;
	v->year = 2026;
	v->total_number = 45;
	v->date = g_strdup("2026年11月28日");
	v->note = g_strdup("本期集中刊发各单位优化营商环境工作进展。"
	    "请各单位对照先进经验，查找差距，抓好落实。");
	v->extra_label = g_strdup("区档案馆");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	for (guint i = 0; i < N_ARTICLES; i++) {
		const struct unit *u = c->units->pdata[i % c->units->len];

		a = article_new(u->name, titles[i], make_body(rand));
		g_ptr_array_add(v->articles, a);
	}
	a = v->articles->pdata[1];
	g_ptr_array_add(a->images, issue_image_new("site.png", "image/png",
	    make_png(800, 500)));
	a = v->articles->pdata[6];
	g_ptr_array_add(a->images, issue_image_new("tall.png", "image/png",
	    make_png(400, 640)));
	a = v->articles->pdata[11];
	g_ptr_array_add(a->images, issue_image_new("photo.jpg", "image/jpeg",
	    make_jpeg(640, 480)));
	/* Larger than the PDF keeps: decoded scaled, then re-encoded. */
	a = v->articles->pdata[13];
	g_ptr_array_add(a->images, issue_image_new("camera.jpg", "image/jpeg",
	    make_jpeg(2600, 1700)));
	g_ptr_array_add(v->articles, article_new("区法院", HOSTILE_TITLE,
	    g_strdup(HOSTILE_BODY "\n" HOSTILE_BODY)));
	return v;
}

/* ---- tools -------------------------------------------------------------- */

/* NAME is installed; if not, the test fails under CI and skips else. */
static gboolean
have_tool(const char *name)
{
	g_autofree char *path = g_find_program_in_path(name);

	if (path != NULL)
		return TRUE;
	if (g_getenv("CI") != NULL)
		g_test_fail_printf("%s is not installed, and CI is set", name);
	else
		g_test_skip_printf("%s is not installed", name);
	return FALSE;
}

/* ARGV's standard output; it must succeed. */
static char *
run(const char *const *argv)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *err = NULL;
	char *out = NULL;
	int status;

	g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
	    NULL, &out, &err, &status, &error);
	g_assert_no_error(error);
	if (!g_spawn_check_wait_status(status, &error))
		g_error("%s: %s\n%s", argv[0], error->message, err);
	return out;
}

static char *
write_file(const char *dir, const char *name, GBytes *bytes)
{
	char *path = g_build_filename(dir, name, NULL);
	g_autoptr(GError) error = NULL;

	g_file_set_contents(path, g_bytes_get_data(bytes, NULL),
	    (gssize)g_bytes_get_size(bytes), &error);
	g_assert_no_error(error);
	return path;
}

/* TEXT without any white space: lines wrap, -layout pads, grids space. */
static char *
squeeze(const char *text)
{
	GString *out = g_string_new(NULL);

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)))
			g_string_append_unichar(out, g_utf8_get_char(p));
	return g_string_free(out, FALSE);
}

/* NEEDLE (squeezed) after *POS in squeezed text; *POS moves past it. */
static void
assert_next(const char **pos, const char *needle)
{
	g_autofree char *n = squeeze(needle);
	const char *p = strstr(*pos, n);

	if (p == NULL)
		g_error("\"%s\" missing, or out of order, in the text", needle);
	*pos = p + strlen(n);
}

/* Every headline and attribution in order, then the 报尾. */
static void
assert_order(const struct config *c, const struct issue_view *v,
    const char *text)
{
	const char *pos = text;

	for (guint i = 0; i < v->articles->len; i++) {
		const struct issue_article *a = v->articles->pdata[i];
		g_autofree char *title = render_doc_clean_text(a->title);
		g_autofree char *by = g_strdup_printf("（%s供稿）",
		    a->unit_name);

		assert_next(&pos, title);
		assert_next(&pos, by);
	}
	assert_next(&pos, "报：");
	assert_next(&pos, c->bao.label);
	assert_next(&pos, "送：区委办");
	assert_next(&pos, "发：");
	assert_next(&pos, c->fa.label);
	assert_next(&pos, "本期增发：区档案馆");
	assert_next(&pos, "主编：");
	assert_next(&pos, c->bulletin.chief_editor);
	assert_next(&pos, c->bulletin.mailbox);
}

/* ---- PDF ------------------------------------------------------------- */

/* The value of FIELD in pdfinfo's output INFO. */
static char *
info_field(const char *info, const char *field)
{
	g_auto(GStrv) lines = g_strsplit(info, "\n", -1);

	for (guint i = 0; lines[i] != NULL; i++)
		if (g_str_has_prefix(lines[i], field) &&
		    lines[i][strlen(field)] == ':')
			return g_strstrip(g_strdup(lines[i] +
			    strlen(field) + 1));
	g_error("pdfinfo says nothing of %s", field);
}

/* A4, titled, and its number of pages. */
static int
pdf_pages(const char *pdf)
{
	const char *argv[] = { "pdfinfo", pdf, NULL };
	g_autofree char *info = run(argv);
	g_autofree char *size = info_field(info, "Page size");
	g_autofree char *title = info_field(info, "Title");
	g_autofree char *pages = info_field(info, "Pages");

	g_assert_cmpstr(size, ==, "595.28 x 841.89 pts (A4)");
	g_assert_cmpstr(title, ==,
	    "江汉区优化营商环境工作简报 第3期（总第45期）");
	g_assert_null(strstr(info, "evil"));
	return atoi(pages);
}

/* Every font embedded: the "emb" column of pdffonts says yes. */
static void
assert_fonts_embedded(const char *pdf)
{
	const char *argv[] = { "pdffonts", pdf, NULL };
	g_autofree char *out = run(argv);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
	const char *emb = strstr(lines[0], " emb ");
	gsize col;
	guint n = 0;

	g_assert_nonnull(emb);
	col = (gsize)(emb - lines[0]) + 1;
	for (guint i = 2; lines[i] != NULL; i++) {
		if (*lines[i] == '\0')
			continue;
		g_assert_cmpuint(strlen(lines[i]), >, col + 3);
		if (strncmp(lines[i] + col, "yes", 3) != 0)
			g_error("font not embedded: %s", lines[i]);
		n++;
	}
	g_assert_cmpuint(n, >, 0);
}

static gboolean
is_attribution(const char *line)
{
	return g_str_has_prefix(line, "（") && g_str_has_suffix(line, "供稿）");
}

/* First non-empty line of PAGE, stripped. */
static char *
first_line(const char *page)
{
	g_auto(GStrv) lines = g_strsplit(page, "\n", -1);

	for (guint i = 0; lines[i] != NULL; i++) {
		g_strstrip(lines[i]);
		if (*lines[i] != '\0')
			return g_strdup(lines[i]);
	}
	return g_strdup("");
}

/* Lines of nothing but Chinese: 28 characters at most, and some full. */
static void
assert_grid(const char *text)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	int full = 0;

	for (guint i = 0; lines[i] != NULL; i++) {
		g_autofree char *s = squeeze(lines[i]);
		gboolean cjk = *s != '\0';
		glong n = g_utf8_strlen(s, -1);

		for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p))
			if (g_utf8_get_char(p) < 0x2e80)
				cjk = FALSE;
		if (!cjk)
			continue;
		g_assert_cmpint(n, <=, RENDER_DOC_CHARS);
		full += n == RENDER_DOC_CHARS;
	}
	g_assert_cmpint(full, >, 20);
}

/* Last line of PAGE before its number, squeezed. */
static char *
last_line(const char *page)
{
	g_auto(GStrv) lines = g_strsplit(page, "\n", -1);
	gboolean folio = TRUE;

	for (guint i = g_strv_length(lines); i > 0; i--) {
		char *line = squeeze(lines[i - 1]);

		if (*line != '\0' && !folio)
			return line;
		folio = folio && *line == '\0';
		g_free(line);
	}
	return g_strdup("");
}

/* No page ends with a headline, nor with a line of one. */
static void
assert_no_widowed_headline(const struct issue_view *v, const char *page,
    int n)
{
	g_autofree char *line = last_line(page);

	for (guint i = 0; i < v->articles->len; i++) {
		const struct issue_article *a = v->articles->pdata[i];
		g_autofree char *clean = render_doc_clean_text(a->title);
		g_autofree char *title = squeeze(clean);

		if (*line != '\0' && strstr(title, line) != NULL)
			g_error("page %d ends with headline %s", n, line);
	}
}

static void
assert_pages(const struct config *c, const struct issue_view *v,
    const char *text, int n_pages)
{
	g_auto(GStrv) pages = g_strsplit(text, "\f", -1);
	g_autofree char *last = NULL;
	g_autofree char *end = NULL;

	/* pdftotext ends every page with a form feed */
	g_assert_cmpuint(g_strv_length(pages), ==, (guint)n_pages + 1);
	for (int i = 0; i < n_pages; i++) {
		g_autofree char *line = first_line(pages[i]);
		g_autofree char *folio = g_strdup_printf("—%d—", i + 1);
		g_autofree char *page = squeeze(pages[i]);

		if (is_attribution(line))
			g_error("page %d starts with %s", i + 1, line);
		assert_no_widowed_headline(v, pages[i], i + 1);
		g_assert_true(g_str_has_suffix(page, folio));
	}
	/* The 报尾 is on the last page, nothing but the number after it. */
	last = squeeze(pages[n_pages - 1]);
	end = g_strdup_printf("%s—%d—", c->bulletin.mailbox, n_pages);
	g_assert_nonnull(strstr(last, "报："));
	g_assert_true(g_str_has_suffix(last, end));
}

/* The hostile headline is one line of text, its markup mere text. */
static void
assert_hostile(const char *text)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	gboolean seen = FALSE;
	g_autofree char *all = squeeze(text);

	for (guint i = 0; lines[i] != NULL; i++)
		if (strstr(lines[i], "Bcc: x@evil") != NULL) {
			g_assert_nonnull(strstr(lines[i], "紧急通知"));
			seen = TRUE;
		}
	g_assert_true(seen);
	g_assert_nonnull(strstr(all, "<script>alert(1)</script>"));
	g_assert_nonnull(strstr(all, "<b>详情</b>"));
	g_assert_nonnull(strstr(all, "A&amp;B"));
	g_assert_nonnull(strstr(all, "javascript:void(0)"));
}

/*
 * The pictures: PNGs as pixels, JPEGs as JPEG (DCT) streams, the large
 * one scaled to 2400 pixels.
 */
static void
assert_images(const char *pdf)
{
	const char *argv[] = { "pdfimages", "-list", pdf, NULL };
	g_autofree char *out = run(argv);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
	static const char *const expect[][3] = {
		{ "800", "500", "image" }, { "400", "640", "image" },
		{ "640", "480", "jpeg" }, { "2400", "1569", "jpeg" },
	};

	g_assert_cmpuint(g_strv_length(lines), ==, 2 + 4 + 1);
	for (guint i = 0; i < G_N_ELEMENTS(expect); i++) {
		g_auto(GStrv) f = g_strsplit_set(lines[2 + i], " ", -1);
		g_autoptr(GPtrArray) cols = g_ptr_array_new();

		for (guint j = 0; f[j] != NULL; j++)
			if (*f[j] != '\0')
				g_ptr_array_add(cols, f[j]);
		g_assert_cmpuint(cols->len, >, 8);
		g_assert_cmpstr(cols->pdata[3], ==, expect[i][0]);
		g_assert_cmpstr(cols->pdata[4], ==, expect[i][1]);
		g_assert_cmpstr(cols->pdata[8], ==, expect[i][2]);
	}
}

static char *
out_dir(void)
{
	const char *top = g_getenv("top_builddir");
	char *dir = g_build_filename(top != NULL ? top : ".", "tests", "unit",
	    "render-doc-out", NULL);

	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	return dir;
}

/* Page PAGE as a small PNG, for a person to look at. */
static void
draw_page(const char *pdf, const char *dir, int page, const char *name)
{
	g_autofree char *n = g_strdup_printf("%d", page);
	g_autofree char *prefix = g_build_filename(dir, name, NULL);
	const char *argv[] = { "pdftoppm", "-r", "60", "-png", "-singlefile",
	    "-f", n, "-l", n, pdf, prefix, NULL };

	g_free(run(argv));
}

static void
test_pdf(void)
{
	const char *tools[] = { "pdfinfo", "pdffonts", "pdftotext",
	    "pdftoppm" };
	struct config *c = example_config();
	struct issue_view *v = long_view(c);
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) pdf = NULL;
	g_autofree char *path = NULL, *text = NULL, *all = NULL, *dir = NULL;
	gint64 start = g_get_monotonic_time();
	int n_pages;

	c->song.label = g_strdup("区委办");
	pdf = render_pdf(c, v, &error);
	g_assert_no_error(error);
	g_test_message("render_pdf: %u articles in %.0f ms, %"
	    G_GSIZE_FORMAT " bytes",
	    v->articles->len, (g_get_monotonic_time() - start) / 1000.0,
	    g_bytes_get_size(pdf));
	g_assert_true(g_str_has_prefix(g_bytes_get_data(pdf, NULL), "%PDF-"));
	for (gsize i = 0; i < G_N_ELEMENTS(tools); i++)
		if (!have_tool(tools[i]))
			goto out;
	path = write_file(tmp_dir, "issue.pdf", pdf);
	n_pages = pdf_pages(path);
	g_assert_cmpint(n_pages, >, 1);
	assert_fonts_embedded(path);
	text = run((const char *[]){ "pdftotext", "-layout", path, "-", NULL });
	all = squeeze(text);
	assert_order(c, v, all);
	assert_pages(c, v, text, n_pages);
	assert_grid(text);
	assert_hostile(text);
	assert_images(path);
	dir = out_dir();
	draw_page(path, dir, 1, "first");
	draw_page(path, dir, n_pages, "last");
	g_free(write_file(dir, "issue.pdf", pdf));
out:
	issue_view_free(v);
	config_free(c);
}

/* ---- DOCX ------------------------------------------------------------- */

/* Every part of DOCX into DIR; the XML ones are returned. */
static GPtrArray *
unzip(GBytes *docx, const char *dir)
{
	zip_source_t *src = zip_source_buffer_create(g_bytes_get_data(docx,
	    NULL), g_bytes_get_size(docx), 0, NULL);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    NULL);
	GPtrArray *xml = g_ptr_array_new_with_free_func(g_free);

	/* ZIP_CHECKCONS: the archive's directories must agree, too. */
	g_assert_nonnull(za);
	for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); i++) {
		zip_stat_t st;
		zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
		g_autofree char *buf = NULL;
		g_autofree char *path = NULL;
		g_autofree char *parent = NULL;

		g_assert_cmpint(zip_stat_index(za, (zip_uint64_t)i, 0, &st),
		    ==, 0);
		buf = g_malloc(st.size + 1);
		g_assert_cmpint(zip_fread(f, buf, st.size), ==, st.size);
		zip_fclose(f);
		path = g_build_filename(dir, st.name, NULL);
		parent = g_path_get_dirname(path);
		g_assert_cmpint(g_mkdir_with_parents(parent, 0755), ==, 0);
		g_assert_true(g_file_set_contents(path, buf, (gssize)st.size,
		    NULL));
		if (g_str_has_suffix(st.name, ".xml") ||
		    g_str_has_suffix(st.name, ".rels"))
			g_ptr_array_add(xml, g_steal_pointer(&path));
	}
	zip_close(za);
	return xml;
}

static void
assert_docx_xml(const char *dir, GPtrArray *xml)
{
	g_autofree char *path = g_build_filename(dir, "word", "document.xml",
	    NULL);
	g_autofree char *doc = NULL;
	g_autofree char *core = NULL;
	g_autoptr(GPtrArray) argv = g_ptr_array_new();

	g_ptr_array_add(argv, "xmllint");
	g_ptr_array_add(argv, "--noout");
	for (guint i = 0; i < xml->len; i++)
		g_ptr_array_add(argv, xml->pdata[i]);
	g_ptr_array_add(argv, NULL);
	g_free(run((const char *const *)argv->pdata));
	g_assert_true(g_file_get_contents(path, &doc, NULL, NULL));
	g_assert_nonnull(strstr(doc, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	g_assert_nonnull(strstr(doc, "&lt;b&gt;详情&lt;/b&gt;"));
	g_assert_nonnull(strstr(doc, "A&amp;amp;B"));
	g_assert_nonnull(strstr(doc, ">紧急通知 Bcc: x@evil<"));
	g_assert_null(strstr(doc, "<script"));
	g_assert_null(strstr(doc, "\r"));
	g_free(path);
	path = g_build_filename(dir, "docProps", "core.xml", NULL);
	g_assert_true(g_file_get_contents(path, &core, NULL, NULL));
	g_assert_nonnull(strstr(core, "<dc:title>江汉区优化营商环境工作简报 "
	    "第3期（总第45期）</dc:title>"));
}

/*
 * LibreOffice lays the .docx out and poppler reads the pages back.  Its own
 * text export leaves out floating tables, and the 版记 floats to the foot of
 * the last page.  LibreOffice starts slowly: once.
 */
static char *
docx_text(const char *docx)
{
	g_autofree char *profile = g_strdup_printf("-env:UserInstallation="
	    "file://%s/lo-profile", tmp_dir);
	g_autofree char *dir = g_build_filename(tmp_dir, "lo", NULL);
	const char *argv[] = { "soffice", profile, "--headless", "--norestore",
	    "--convert-to", "pdf", "--outdir", dir, docx, NULL };
	g_autofree char *out = NULL;
	g_autofree char *pdf = g_build_filename(dir, "issue.pdf", NULL);
	gint64 start = g_get_monotonic_time();

	out = run(argv);
	g_test_message("soffice --convert-to pdf: %.1f s",
	    (g_get_monotonic_time() - start) / 1e6);
	if (!g_file_test(pdf, G_FILE_TEST_EXISTS))
		g_error("soffice wrote no PDF: %s", out);
	return run((const char *[]){ "pdftotext", pdf, "-", NULL });
}

static void
test_docx(void)
{
	const char *tools[] = { "xmllint", "soffice", "pdftotext" };
	struct config *c = example_config();
	struct issue_view *v = long_view(c);
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) docx = NULL;
	g_autoptr(GPtrArray) xml = NULL;
	g_autofree char *path = NULL, *dir = NULL, *text = NULL, *all = NULL;
	gint64 start = g_get_monotonic_time();

	c->song.label = g_strdup("区委办");
	docx = render_docx(c, v, &error);
	g_assert_no_error(error);
	g_test_message("render_docx: %.0f ms, %" G_GSIZE_FORMAT " bytes",
	    (g_get_monotonic_time() - start) / 1000.0, g_bytes_get_size(docx));
	for (gsize i = 0; i < G_N_ELEMENTS(tools); i++)
		if (!have_tool(tools[i]))
			goto out;
	path = write_file(tmp_dir, "issue.docx", docx);
	dir = g_build_filename(tmp_dir, "docx", NULL);
	xml = unzip(docx, dir);
	assert_docx_xml(dir, xml);
	text = docx_text(path);
	all = squeeze(text);
	assert_order(c, v, all);
	g_free(dir);
	dir = out_dir();
	g_free(write_file(dir, "issue.docx", docx));
out:
	issue_view_free(v);
	config_free(c);
}

/* A short issue whose article has headings of both levels and 一是. */
static struct issue_view *
heading_view(void)
{
	struct issue_view *v = g_new0(struct issue_view, 1);

	v->number = 3;
	v->year = 2026;
	v->date = g_strdup("2026年11月28日");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	g_ptr_array_add(v->articles, issue_article_new(1, "ghfj", "区规划分局",
	    "区规划分局推行“交地即交证”", "今年以来，分局推行改革。\n"
	    "一、前移服务环节\n"
	    "（一）信息共享代替材料提交。企业无需重复提交纸质材料。\n"
	    "（二）同步办理压缩时限\n"
	    "一是优化财产登记，深化“互联网+不动产登记”改革。"));
	return v;
}

static char *
read_part(const char *dir, const char *name)
{
	g_autofree char *path = g_build_filename(dir, "word", name, NULL);
	char *text = NULL;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

/* The XML element of style ID in STYLES, up to its end. */
static char *
style_xml(const char *styles, const char *id)
{
	g_autofree char *open = g_strdup_printf("w:styleId=\"%s\"", id);
	const char *at = strstr(styles, open);
	const char *end = at ? strstr(at, "</w:style>") : NULL;

	g_assert_nonnull(end);
	return g_strndup(at, (gsize)(end - at));
}

#define EAST_ASIA(font) "w:eastAsia=\"" font "\""

/*
 * The office fonts by role, with East Asian attributes, in the styles,
 * the runs and the font table (altName, GB2312); headings in the text as
 * Heading1/Heading2 with outline levels.
 */
static void
test_docx_fonts(void)
{
	struct config *c = example_config();
	struct issue_view *v = heading_view();
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) docx = render_docx(c, v, &error);
	g_autofree char *dir = g_build_filename(tmp_dir, "docx-fonts", NULL);
	g_autoptr(GPtrArray) xml = NULL;
	g_autofree char *doc = NULL, *styles = NULL, *fonts = NULL;
	g_autofree char *h1 = NULL, *h2 = NULL, *body = NULL, *title = NULL;

	g_assert_no_error(error);
	xml = unzip(docx, dir);
	doc = read_part(dir, "document.xml");
	styles = read_part(dir, "styles.xml");
	fonts = read_part(dir, "fontTable.xml");
	h1 = style_xml(styles, "Heading1");
	h2 = style_xml(styles, "Heading2");
	body = style_xml(styles, "BodyText");
	title = style_xml(styles, "ArticleTitle");
	g_assert_nonnull(strstr(h1, EAST_ASIA("黑体")));
	g_assert_nonnull(strstr(h1, "<w:outlineLvl w:val=\"1\"/>"));
	g_assert_nonnull(strstr(h2, EAST_ASIA("楷体_GB2312")));
	g_assert_nonnull(strstr(h2, "<w:outlineLvl w:val=\"2\"/>"));
	g_assert_nonnull(strstr(body, EAST_ASIA("仿宋_GB2312")));
	g_assert_nonnull(strstr(body, "w:ascii=\"Times New Roman\""));
	g_assert_nonnull(strstr(title, EAST_ASIA("方正小标宋简体")));
	g_assert_nonnull(strstr(title, "<w:outlineLvl w:val=\"0\"/>"));
	g_assert_nonnull(strstr(styles, "<w:docDefaults><w:rPrDefault><w:rPr>"
	    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	    EAST_ASIA("仿宋_GB2312")));
	/* the runs: the body, a leading sentence in 楷体, 一是 in bold */
	g_assert_nonnull(strstr(doc, EAST_ASIA("仿宋_GB2312") " w:cs=\"Times "
	    "New Roman\"/></w:rPr><w:t xml:space=\"preserve\">今年以来"));
	g_assert_nonnull(strstr(doc, "<w:pStyle w:val=\"Heading1\"/></w:pPr>"
	    "<w:r><w:t xml:space=\"preserve\">一、前移服务环节<"));
	g_assert_nonnull(strstr(doc, "<w:pStyle w:val=\"Heading2\"/></w:pPr>"
	    "<w:r><w:t xml:space=\"preserve\">（二）同步办理压缩时限<"));
	g_assert_nonnull(strstr(doc, EAST_ASIA("楷体_GB2312") " w:cs=\"Times "
	    "New Roman\"/></w:rPr><w:t xml:space=\"preserve\">（一）信息共享"
	    "代替材料提交。</w:t>"));
	g_assert_nonnull(strstr(doc, "<w:b/><w:bCs/></w:rPr><w:t xml:space="
	    "\"preserve\">一是优化财产登记，</w:t>"));
	/* the font table: what Word takes where the office font is missing */
	for (gsize i = 0; i < 4; i++) {
		const char *pairs[][2] = { { "仿宋_GB2312", "仿宋" },
		    { "楷体_GB2312", "楷体" }, { "方正小标宋简体", "宋体" },
		    { "黑体", "SimHei" } };
		g_autofree char *entry = g_strdup_printf("<w:font w:name=\"%s\">"
		    "<w:altName w:val=\"%s\"/><w:charset w:val=\"86\"/>",
		    pairs[i][0], pairs[i][1]);

		g_assert_nonnull(strstr(fonts, entry));
	}
	issue_view_free(v);
	config_free(c);
}

/* ---- tables ------------------------------------------------------------ */

#define TABLE_ROWS	60

/* Row I's 情况说明: between its markers, long enough to wrap every
 * fourth row. */
static char *
table_remark(guint i)
{
	GString *s = g_string_new(NULL);

	g_string_append_printf(s, "R%02u起", i);
	for (guint k = 0; i % 4 == 0 && k < 14; k++)
		g_string_append(s, "推进审批提速");
	g_string_append_printf(s, "止E%02u", i);
	return g_string_free(s, FALSE);
}

/* An office's own piece (no attribution) with a table over pages. */
static struct issue_view *
table_view(void)
{
	static const char *const header[] = { "序号", "单位", "情况说明" };
	struct issue_view *v = g_new0(struct issue_view, 1);
	struct issue_article *a = issue_article_new(1, NULL, NULL,
	    "关于报送情况的通报", "现将各单位报送情况通报如下。");

	v->number_label = g_strdup("2026年11月信息考核通报");
	v->date = g_strdup("2026年12月1日");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	a->table = issue_table_new(header, G_N_ELEMENTS(header),
	    "注：表注在表下。");
	for (guint i = 1; i <= TABLE_ROWS; i++) {
		g_autofree char *n = g_strdup_printf("%u", i);
		g_autofree char *unit = g_strdup_printf("第%u单位", i);
		g_autofree char *remark = table_remark(i);
		const char *cells[] = { n, unit, remark };

		issue_table_add_row(a->table, cells);
	}
	g_ptr_array_add(v->articles, a);
	return v;
}

/* Page N of PDF as text, squeezed when SQUEEZED. */
static char *
pdf_page_text(const char *pdf, int n, gboolean squeezed)
{
	g_autofree char *page = g_strdup_printf("%d", n);
	const char *argv[] = { "pdftotext", "-layout", "-f", page, "-l", page,
	    pdf, "-", NULL };
	char *text = run(argv);
	char *out;

	if (!squeezed)
		return text;
	out = squeeze(text);
	g_free(text);
	return out;
}

/*
 * Each page after the first opens with the header row; each row's two
 * markers are on one page (no row split), and on one page only (no row
 * printed twice); the rows are in order.
 */
static void
assert_table_pages(const char *pdf, int n_pages)
{
	int last_page = 0;

	for (guint i = 1; i <= TABLE_ROWS; i++) {
		g_autofree char *start = g_strdup_printf("R%02u起", i);
		g_autofree char *end = g_strdup_printf("止E%02u", i);
		int on = 0;

		for (int p = 1; p <= n_pages; p++) {
			g_autofree char *text = pdf_page_text(pdf, p, TRUE);
			gboolean has_start = strstr(text, start) != NULL;

			if (has_start != (strstr(text, end) != NULL))
				g_error("row %u is split at page %d", i, p);
			if (has_start) {
				g_assert_cmpint(on, ==, 0);
				on = p;
			}
		}
		g_assert_cmpint(on, >=, last_page);
		last_page = on;
	}
	g_assert_cmpint(last_page, ==, n_pages);
	/* The header's lines (序 and 号 of 序号 above and below the rest),
	 * then the first row's text. */
	for (int p = 2; p <= n_pages; p++) {
		g_autofree char *text = pdf_page_text(pdf, p, TRUE);
		const char *header = strstr(text, "单位情况说明");
		const char *row = strchr(text, 'R');

		if (!g_str_has_prefix(text, "序") || header == NULL ||
		    row == NULL || header > row)
			g_error("page %d opens with \"%.60s\", not the header",
			    p, text);
	}
}

static int
pages_of(const char *pdf)
{
	const char *argv[] = { "pdfinfo", pdf, NULL };
	g_autofree char *info = run(argv);
	g_autofree char *pages = info_field(info, "Pages");

	return atoi(pages);
}

/* A table over pages in the PDF: header repeated, no row split. */
static void
test_table_pdf(void)
{
	const char *tools[] = { "pdfinfo", "pdftotext" };
	struct config *c = example_config();
	struct issue_view *v = table_view();
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) pdf = render_pdf(c, v, &error);
	g_autofree char *path = NULL, *first = NULL, *dir = NULL;
	int n_pages;

	g_assert_no_error(error);
	for (gsize i = 0; i < G_N_ELEMENTS(tools); i++)
		if (!have_tool(tools[i]))
			goto out;
	path = write_file(tmp_dir, "table.pdf", pdf);
	n_pages = pages_of(path);
	g_assert_cmpint(n_pages, >=, 3);
	first = pdf_page_text(path, 1, TRUE);
	g_assert_nonnull(strstr(first, "2026年11月信息考核通报"));
	g_assert_null(strstr(first, "供稿"));
	assert_table_pages(path, n_pages);
	dir = out_dir();
	g_free(write_file(dir, "table.pdf", pdf));
out:
	issue_view_free(v);
	config_free(c);
}

static guint
count(const char *haystack, const char *needle)
{
	guint n = 0;

	for (const char *p = haystack; (p = strstr(p, needle)) != NULL;
	    p += strlen(needle))
		n++;
	return n;
}

/*
 * The same table in the .docx: one header row marked to repeat, rows
 * that cannot split, columns as wide as the type area; and LibreOffice
 * printing it repeats the header on every page and splits no row.
 */
static void
test_table_docx(void)
{
	struct config *c = example_config();
	struct issue_view *v = table_view();
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) docx = render_docx(c, v, &error);
	g_autofree char *dir = g_build_filename(tmp_dir, "docx-table", NULL);
	g_autofree char *doc = NULL, *path = NULL, *pdf = NULL;
	g_autofree char *profile = g_strdup_printf("-env:UserInstallation="
	    "file://%s/lo-profile", tmp_dir);
	g_autoptr(GPtrArray) xml = NULL;

	g_assert_no_error(error);
	xml = unzip(docx, dir);
	doc = read_part(dir, "document.xml");
	g_assert_cmpuint(count(doc, "<w:tblHeader/>"), ==, 1);
	/* the 版记's two rows cannot split either */
	g_assert_cmpuint(count(doc, "<w:cantSplit/>"), ==, TABLE_ROWS + 1 + 2);
	g_assert_nonnull(strstr(doc, "<w:tblW w:w=\"8844\" w:type=\"dxa\"/>"));
	g_assert_null(strstr(doc, "供稿"));
	if (!have_tool("soffice") || !have_tool("pdftotext"))
		goto out;
	path = write_file(tmp_dir, "table.docx", docx);
	g_free(run((const char *[]){ "soffice", profile, "--headless",
	    "--norestore", "--convert-to", "pdf", "--outdir", tmp_dir, path,
	    NULL }));
	pdf = g_build_filename(tmp_dir, "table.pdf", NULL);
	assert_table_pages(pdf, pages_of(pdf));
out:
	issue_view_free(v);
	config_free(c);
}

/* ---- small things ----------------------------------------------------- */

static void
test_clean_text(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "标题", "标题" },
		{ "紧急\r\nBcc: x", "紧急 Bcc: x" },
		{ "\t 前后 \x0c", "前后" },
		{ "a\x01\x02\x1b[31mb", "a [31mb" },
		{ "行\u2028分隔", "行 分隔" },
		{ "bad\xff\xfeutf8", "bad\uFFFD\uFFFDutf8" },
		{ "<b>&amp;</b>", "<b>&amp;</b>" },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *out = render_doc_clean_text(cases[i].in);

		g_assert_cmpstr(out, ==, cases[i].out);
	}
	g_free(render_doc_clean_text(NULL));
}

static void
test_probe(void)
{
	g_autoptr(GBytes) png = make_png(320, 200);
	g_autoptr(GBytes) jpeg = make_jpeg(64, 48);
	static const guint8 sof3[] = { 0xff, 0xd8, 0xff, 0xc3, 0, 11, 8, 0, 16,
	    0, 16, 1, 1, 0x11, 0 };
	const struct {
		GBytes *data;
		gboolean ok;
		int w, h;
	} cases[] = {
		{ png, TRUE, 320, 200 },
		{ jpeg, TRUE, 64, 48 },
		{ g_bytes_new_from_bytes(png, 0, 20), FALSE, 0, 0 },
		{ g_bytes_new_from_bytes(jpeg, 0, 10), FALSE, 0, 0 },
		{ g_bytes_new_static("GIF89a\x01\x00\x01\x00", 10), FALSE },
		{ g_bytes_new_static(sof3, sizeof(sof3)), FALSE, 0, 0 },
		{ g_bytes_new_static("", 0), FALSE, 0, 0 },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct issue_image image = { .data = cases[i].data };
		struct render_doc_image_info info;
		g_autoptr(GError) error = NULL;

		g_assert_cmpint(render_doc_image_probe(&image, &info, &error),
		    ==, cases[i].ok);
		if (cases[i].ok) {
			g_assert_no_error(error);
			g_assert_cmpint(info.width, ==, cases[i].w);
			g_assert_cmpint(info.height, ==, cases[i].h);
		} else {
			g_assert_error(error, BULLETIN_ERROR,
			    BULLETIN_ERROR_INPUT);
		}
		if (i >= 2)
			g_bytes_unref(cases[i].data);
	}
}

/* A picture that is not what it says stops the rendering, named. */
static void
test_bad_image(void)
{
	struct config *c = example_config();
	struct issue_view *v = g_new0(struct issue_view, 1);
	struct issue_article *a = article_new("区法院", "标题",
	    g_strdup("正文。"));
	g_autoptr(GBytes) png = make_png(64, 64);
	g_autoptr(GError) error = NULL;
	GBytes *out;

	v->number = 1;
	v->date = g_strdup("2026年1月2日");
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	g_ptr_array_add(v->articles, a);
	/* A PNG header on a truncated body: the probe passes, decoding not. */
	g_ptr_array_add(a->images, issue_image_new("cut.png", "image/png",
	    g_bytes_new_from_bytes(png, 0, g_bytes_get_size(png) / 2)));
	out = render_pdf(c, v, &error);
	g_assert_null(out);
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
	g_assert_true(g_str_has_prefix(error->message,
	    "article 1 (区法院): picture cut.png: PNG"));
	g_clear_error(&error);
	g_ptr_array_add(a->images, issue_image_new("x.gif", "image/gif",
	    g_bytes_new_static("GIF89a", 6)));
	g_assert_null(render_docx(c, v, &error));
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT);
	g_assert_true(g_str_has_prefix(error->message,
	    "article 1 (区法院): picture x.gif: "));
	issue_view_free(v);
	config_free(c);
}

static void
remove_tree(const char *path)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree char *child = g_build_filename(path, name, NULL);

		if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
		    !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
			remove_tree(child);
		else
			g_unlink(child);
	}
	if (dir != NULL)
		g_dir_close(dir);
	g_rmdir(path);
}

int
main(int argc, char **argv)
{
	int rc;

	/* Messages name Chinese text: print it, not question marks. */
	setlocale(LC_ALL, "");
	g_test_init(&argc, &argv, NULL);
	tmp_dir = g_dir_make_tmp("render-doc-XXXXXX", NULL);
	g_assert_nonnull(tmp_dir);
	g_test_add_func("/render-doc/clean-text", test_clean_text);
	g_test_add_func("/render-doc/probe", test_probe);
	g_test_add_func("/render-doc/bad-image", test_bad_image);
	g_test_add_func("/render-doc/pdf", test_pdf);
	g_test_add_func("/render-doc/docx", test_docx);
	g_test_add_func("/render-doc/docx-fonts", test_docx_fonts);
	g_test_add_func("/render-doc/table-pdf", test_table_pdf);
	g_test_add_func("/render-doc/table-docx", test_table_docx);
	rc = g_test_run();
	remove_tree(tmp_dir);
	g_free(tmp_dir);
	/* Let LeakSanitizer see only our leaks: drop the libraries' caches. */
	render_release_caches();
	return rc;
}
