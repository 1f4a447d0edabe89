/*
 * The 信息考核 通报 as a document; see report-doc.h.
 *
 * The 版记 is the bulletin's own (render-pdf.c, render-docx.c print it
 * from the config): the 通报 goes to the leaders the bulletin is 报'd to
 * and to the units it is 发'd to, which are the units it ranks, so the
 * same 报/送/发 lists say who gets it; no 本期增发, and 主编 and 邮箱 as
 * on every issue.
 */
#include "clock.h"
#include "render-docx.h"
#include "render-pdf.h"
#include "report-doc.h"

/* "2026年11月1日" for unix time T in the office's zone. */
static char *
day_text(gint64 t)
{
	g_autoptr(GDateTime) d = clock_from_unix(t);

	return issue_format_date(d);
}

/* What is reported, for when, and where 累计 starts. */
static char *
intro_text(const struct report *r, const char *label)
{
	const struct report_period *p = &r->period;
	g_autofree char *from = day_text(p->from);
	g_autofree char *to = day_text(p->to - 1);
	g_autofree char *year = day_text(p->year_from);

	return g_strdup_printf("根据信息考核办法，现将%s各单位信息报送、采用"
	    "及考核得分情况通报如下（统计期间为%s至%s，累计自%s起）。", label,
	    from, to, year);
}

/* The report's rows under its header, the scoring rules as its note. */
static struct issue_table *
report_table(const struct report *r)
{
	g_auto(GStrv) header = report_header(r);
	g_autofree char *rules = report_rules(r);
	g_autofree char *note = g_strconcat("注：", rules, NULL);
	struct issue_table *t = issue_table_new((const char *const *)header,
	    g_strv_length(header), note);

	for (guint i = 0; i < r->rows->len; i++) {
		g_auto(GStrv) cells = report_row(r, r->rows->pdata[i]);

		issue_table_add_row(t, (const char *const *)cells);
	}
	return t;
}

struct issue_view *
report_view(const struct report *r, GDateTime *now)
{
	struct issue_view *v = g_new0(struct issue_view, 1);
	g_autofree char *label = report_period_label(&r->period);
	g_autofree char *title = g_strdup_printf("关于%s信息报送情况的通报",
	    label);
	g_autofree char *intro = intro_text(r, label);
	struct issue_article *a;

	v->year = r->period.year;
	/* outside the series: no 第N期 of its own */
	v->number_label = g_strdup_printf("%s信息考核通报", label);
	v->date = issue_format_date(now);
	v->articles = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);
	/* the office's own piece: no （…供稿） */
	a = issue_article_new(1, NULL, NULL, title, intro);
	a->table = report_table(r);
	g_ptr_array_add(v->articles, a);
	return v;
}

typedef GBytes *(*document_renderer)(const struct config *,
    const struct issue_view *, GError **);

static GBytes *
report_render(const struct report *r, document_renderer render,
    GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	struct issue_view *v = report_view(r, now);
	GBytes *out = render(r->config, v, error);

	issue_view_free(v);
	return out;
}

GBytes *
report_pdf(const struct report *r, GError **error)
{
	return report_render(r, render_pdf, error);
}

GBytes *
report_docx(const struct report *r, GError **error)
{
	return report_render(r, render_docx, error);
}
