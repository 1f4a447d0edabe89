/*
 * The 信息考核 通报: facts from the store tallied under the scoring rules,
 * then printed as text, HTML and CSV.  See report.h.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "report.h"
#include "table.h"

/* ---- periods ------------------------------------------------------------ */

static gint64
unix_at(int year, int month)
{
	g_autoptr(GDateTime) t = g_date_time_new(clock_zone(), year, month, 1,
	    0, 0, 0);

	return g_date_time_to_unix(t);
}

static void
period_set(struct report_period *p, enum report_span span, int year, int n)
{
	int first = span == REPORT_MONTH ? n : span == REPORT_QUARTER ?
	    3 * (n - 1) + 1 : 1;
	int months = span == REPORT_MONTH ? 1 : span == REPORT_QUARTER ? 3 : 12;
	int last = first + months;

	p->span = span;
	p->year = year;
	p->n = n;
	p->from = unix_at(year, first);
	p->to = last > 12 ? unix_at(year + 1, last - 12) : unix_at(year, last);
	p->year_from = unix_at(year, 1);
}

gboolean
report_period_parse(const char *s, struct report_period *p)
{
	int year, n, len = 0;
	char q;

	if (sscanf(s, "%4d-%c%d%n", &year, &q, &n, &len) == 3 &&
	    s[len] == '\0' && (q == 'Q' || q == 'q') && n >= 1 && n <= 4) {
		period_set(p, REPORT_QUARTER, year, n);
	} else if (sscanf(s, "%4d-%2d%n", &year, &n, &len) == 2 &&
	    s[len] == '\0' && n >= 1 && n <= 12) {
		period_set(p, REPORT_MONTH, year, n);
	} else if (sscanf(s, "%4d%n", &year, &len) == 1 && s[len] == '\0') {
		period_set(p, REPORT_YEAR, year, 0);
	} else
		return FALSE;
	return year >= 2000 && year <= 9999 && len == (int)strlen(s) &&
	    strspn(s, "0123456789-Qq") == strlen(s);
}

void
report_period_of(enum report_span span, gint64 t, struct report_period *p)
{
	g_autoptr(GDateTime) d = clock_from_unix(t);
	int month = g_date_time_get_month(d);

	period_set(p, span, g_date_time_get_year(d), span == REPORT_MONTH ?
	    month : span == REPORT_QUARTER ? (month - 1) / 3 + 1 : 0);
}

char *
report_period_label(const struct report_period *p)
{
	static const char *const quarters[] = { "一", "二", "三", "四" };

	switch (p->span) {
	case REPORT_MONTH:
		return g_strdup_printf("%d年%d月", p->year, p->n);
	case REPORT_QUARTER:
		return g_strdup_printf("%d年第%s季度", p->year,
		    quarters[p->n - 1]);
	case REPORT_YEAR:
		break;
	}
	return g_strdup_printf("%d年度", p->year);
}

/* ---- tallies ------------------------------------------------------------ */

/* What one unit did in a span of months. */
struct tally {
	int		 submitted;
	int		*by_outlet;
	int		*by_month;	/* submitted per month of the span */
	GHashTable	*best;		/* article → its best adoption points */
	int		 adoption_points;
	int		 instructions;
	int		 instruction_points;
	int		 deducted;
	int		 score;
};

static int
rule_index(const GPtrArray *rules, const char *name)
{
	for (guint i = 0; name != NULL && i < rules->len; i++)
		if (strcmp(((struct score_rule *)rules->pdata[i])->name,
		    name) == 0)
			return i;
	return -1;
}

static int
unit_index(const struct config *c, const char *code)
{
	for (guint i = 0; i < c->units->len; i++)
		if (strcmp(((struct unit *)c->units->pdata[i])->code,
		    code) == 0)
			return i;
	return -1;
}

/* Which month of the span starting at FROM time AT falls in. */
static int
month_of(gint64 from, gint64 at)
{
	g_autoptr(GDateTime) a = clock_from_unix(from);
	g_autoptr(GDateTime) b = clock_from_unix(at);

	return (g_date_time_get_year(b) - g_date_time_get_year(a)) * 12 +
	    g_date_time_get_month(b) - g_date_time_get_month(a);
}

static void
adopt(const struct scoring *s, struct tally *t, gint64 article, int outlet,
    int points)
{
	gpointer key = GINT_TO_POINTER((gint)article);
	int best = GPOINTER_TO_INT(g_hash_table_lookup(t->best, key));

	if (outlet >= 0)
		t->by_outlet[outlet]++;
	if (!s->highest_only)
		t->adoption_points += points;
	else if (points > best)
		t->adoption_points += points - best;
	if (!g_hash_table_contains(t->best, key) || points > best)
		g_hash_table_insert(t->best, key, GINT_TO_POINTER(points));
}

static void
tally_fact(const struct config *c, struct tally *t, gint64 from,
    const struct score_fact *f, int months)
{
	const struct scoring *s = &c->scoring;
	int m;

	if (strcmp(f->kind, "submitted") == 0) {
		t->submitted++;
		if ((m = month_of(from, f->at)) >= 0 && m < months)
			t->by_month[m]++;
	} else if (strcmp(f->kind, "printed") == 0) {
		adopt(s, t, f->article, 0,
		    ((struct score_rule *)s->outlets->pdata[0])->points);
	} else if (strcmp(f->kind, score_kind_name(SCORE_ADOPTION)) == 0) {
		adopt(s, t, f->article, rule_index(s->outlets, f->name),
		    f->points);
	} else if (strcmp(f->kind, score_kind_name(SCORE_INSTRUCTION)) == 0) {
		t->instructions++;
		t->instruction_points += f->points;
	} else if (strcmp(f->kind, score_kind_name(SCORE_DEDUCTION)) == 0)
		t->deducted += f->points;
}

/*
 * The score: adoptions, 批示, the base for each month at the quota, less
 * 扣分.  (The 约稿 rules will plug in here: 约稿未完成 is a deduction
 * today; "凡2次以上…当年信息考核分按零分处理" would zero score_total.)
 */
static void
tally_score(const struct scoring *s, struct tally *t, int months)
{
	int base = 0;

	for (int m = 0; m < months; m++)
		if (t->by_month[m] >= s->quota)
			base += s->base_score;
	t->score = t->adoption_points + t->instruction_points + base -
	    t->deducted;
}

static struct tally *
tallies_new(const struct config *c, int months)
{
	struct tally *t = g_new0(struct tally, c->units->len);

	for (guint i = 0; i < c->units->len; i++) {
		t[i].by_outlet = g_new0(int, c->scoring.outlets->len);
		t[i].by_month = g_new0(int, months);
		t[i].best = g_hash_table_new(NULL, NULL);
	}
	return t;
}

static void
tallies_free(const struct config *c, struct tally *t)
{
	for (guint i = 0; i < c->units->len; i++) {
		g_free(t[i].by_outlet);
		g_free(t[i].by_month);
		g_hash_table_destroy(t[i].best);
	}
	g_free(t);
}

/* Each unit's tally of [FROM, TO), or NULL with ERROR. */
static struct tally *
tally_span(struct bulletin *b, gint64 from, gint64 to, GError **error)
{
	const struct config *c = b->config;
	g_autoptr(GPtrArray) facts = store_score_facts(b->store, from, to,
	    error);
	int months = month_of(from, to - 1) + 1;
	struct tally *t;

	if (facts == NULL)
		return NULL;
	t = tallies_new(c, months);
	for (guint i = 0; i < facts->len; i++) {
		const struct score_fact *f = facts->pdata[i];
		int u = unit_index(c, f->unit);
		if (u >= 0)	/* a unit no longer configured is not ranked */
			tally_fact(c, &t[u], from, f, months);
	}
	for (guint i = 0; i < c->units->len; i++)
		tally_score(&c->scoring, &t[i], months);
	return t;
}

/* ---- the report --------------------------------------------------------- */

static void
report_row_free(struct report_row *r)
{
	if (r == NULL)
		return;
	g_free(r->by_outlet);
	g_free(r);
}

static struct report_row *
report_row_new(const struct config *c, guint i, struct tally *now,
    const struct tally *total)
{
	struct report_row *r = g_new0(struct report_row, 1);

	r->unit = c->units->pdata[i];
	r->order = i;
	r->submitted = now->submitted;
	r->submitted_total = total->submitted;
	r->by_outlet = g_steal_pointer(&now->by_outlet);
	r->adopted = g_hash_table_size(now->best);
	r->instructions = now->instructions;
	r->deducted = now->deducted;
	r->score = now->score;
	r->score_total = total->score;
	return r;
}

static gint
by_score(gconstpointer a, gconstpointer b)
{
	const struct report_row *x = *(struct report_row *const *)a;
	const struct report_row *y = *(struct report_row *const *)b;

	if (x->score != y->score)
		return y->score - x->score;
	return (gint)x->order - (gint)y->order;
}

/* Competition ranking: equal scores share a rank, the next skips. */
static void
rank_rows(GPtrArray *rows)
{
	g_ptr_array_sort(rows, by_score);
	for (guint i = 0; i < rows->len; i++) {
		struct report_row *r = rows->pdata[i];
		const struct report_row *prev = i ? rows->pdata[i - 1] : NULL;
		r->rank = prev && prev->score == r->score ? prev->rank :
		    (int)i + 1;
	}
}

/*
 * "凡2次以上没有按时按质完成约稿任务的，当年信息考核分按零分处理": a unit
 * with scoring.commission_misses 约稿 due this year and answered late or
 * not at all scores 0, this period and in the year's total.
 */
static gboolean
zero_for_misses(struct bulletin *b, struct report *r, GError **error)
{
	int limit = r->config->scoring.commission_misses;
	g_autoptr(GHashTable) misses = NULL;

	if (limit == 0)
		return TRUE;
	if ((misses = store_commission_misses(b->store, r->period.year_from,
	    r->period.to, error)) == NULL)
		return FALSE;
	for (guint i = 0; i < r->rows->len; i++) {
		struct report_row *row = r->rows->pdata[i];
		row->misses = GPOINTER_TO_INT(g_hash_table_lookup(misses,
		    row->unit->code));
		if (row->misses >= limit) {
			row->zeroed = TRUE;
			row->score = row->score_total = 0;
		}
	}
	return TRUE;
}

struct report *
report_build(struct bulletin *b, const struct report_period *p,
    GError **error)
{
	const struct config *c = b->config;
	struct tally *now = NULL, *total = NULL;
	struct report *r;

	if ((now = tally_span(b, p->from, p->to, error)) == NULL ||
	    (total = tally_span(b, p->year_from, p->to, error)) == NULL) {
		if (now != NULL)
			tallies_free(c, now);
		return NULL;
	}
	r = g_new0(struct report, 1);
	r->config = c;
	r->period = *p;
	r->rows = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)report_row_free);
	for (guint i = 0; i < c->units->len; i++)
		g_ptr_array_add(r->rows, report_row_new(c, i, &now[i],
		    &total[i]));
	tallies_free(c, now);
	tallies_free(c, total);
	if (!zero_for_misses(b, r, error)) {
		report_free(r);
		return NULL;
	}
	rank_rows(r->rows);
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	g_ptr_array_unref(r->rows);
	g_free(r);
}

/* ---- cells, shared by every format --------------------------------------- */

/* The header cells: 排名, 单位, 本期报送, 累计报送, one per outlet, …. */
static GPtrArray *
header_cells(const struct report *r)
{
	static const char *const head[] = { "排名", "单位", "本期报送",
	    "累计报送" };
	static const char *const tail[] = { "采用率", "批示", "扣分",
	    "本期得分", "累计得分" };
	const GPtrArray *outlets = r->config->scoring.outlets;
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < G_N_ELEMENTS(head); i++)
		g_ptr_array_add(cells, g_strdup(head[i]));
	for (guint i = 0; i < outlets->len; i++)
		g_ptr_array_add(cells, g_strdup_printf("%s采用",
		    ((struct score_rule *)outlets->pdata[i])->name));
	for (guint i = 0; i < G_N_ELEMENTS(tail); i++)
		g_ptr_array_add(cells, g_strdup(tail[i]));
	g_ptr_array_add(cells, NULL);
	return cells;
}

static void
add_int(GPtrArray *cells, int n)
{
	g_ptr_array_add(cells, g_strdup_printf("%d", n));
}

/* ROW's cells; 采用率 is "-" for a unit that sent nothing. */
static GPtrArray *
row_cells(const struct report *r, const struct report_row *row)
{
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);

	add_int(cells, row->rank);
	g_ptr_array_add(cells, g_strdup(row->unit->name));
	add_int(cells, row->submitted);
	add_int(cells, row->submitted_total);
	for (guint i = 0; i < r->config->scoring.outlets->len; i++)
		add_int(cells, row->by_outlet[i]);
	g_ptr_array_add(cells, row->submitted == 0 ? g_strdup("-") :
	    g_strdup_printf("%.1f%%", 100.0 * row->adopted / row->submitted));
	add_int(cells, row->instructions);
	add_int(cells, row->deducted);
	add_int(cells, row->score);
	add_int(cells, row->score_total);
	g_ptr_array_add(cells, NULL);
	return cells;
}

static char *
title(const struct report *r)
{
	g_autofree char *label = report_period_label(&r->period);

	return g_strdup_printf("%s信息考核通报（%s）",
	    r->config->bulletin.title, label);
}

/* "统计期间：2026-11-01 至 2026-11-30，累计自 2026-01-01". */
static char *
span_line(const struct report *r)
{
	g_autoptr(GDateTime) from = clock_from_unix(r->period.from);
	g_autoptr(GDateTime) to = clock_from_unix(r->period.to - 1);
	g_autoptr(GDateTime) year = clock_from_unix(r->period.year_from);
	g_autofree char *a = g_date_time_format(from, "%Y-%m-%d");
	g_autofree char *b = g_date_time_format(to, "%Y-%m-%d");
	g_autofree char *c = g_date_time_format(year, "%Y-%m-%d");

	return g_strdup_printf("统计期间：%s 至 %s，累计自 %s", a, b, c);
}

static void
append_rules(GString *out, const char *what, const GPtrArray *rules,
    const char *sign)
{
	g_string_append(out, what);
	for (guint i = 0; i < rules->len; i++) {
		const struct score_rule *rule = rules->pdata[i];
		g_string_append_printf(out, "%s%s %s%d 分", i ? "，" : "",
		    rule->name, sign, rule->points);
	}
}

/* How the points were given, from the rules in force. */
static char *
rules_line(const struct config *c)
{
	const struct scoring *s = &c->scoring;
	GString *out = g_string_new("计分：");

	append_rules(out, "采用 ", s->outlets, "");
	g_string_append(out, s->highest_only ? "（同一篇按最高一级计）" :
	    "（各级累加）");
	append_rules(out, "；批示 ", s->instructions, "+");
	append_rules(out, "；扣分 ", s->deductions, "-");
	g_string_append_printf(out, "；每月报送满 %d 篇得基础分 %d 分",
	    s->quota, s->base_score);
	if (s->commission_misses > 0)
		g_string_append_printf(out, "；一年内 %d 次以上未按时完成约稿"
		    "任务的，当年得分按零分计", s->commission_misses);
	g_string_append(out, "。");
	return g_string_free(out, FALSE);
}

char **
report_header(const struct report *r)
{
	return (char **)g_ptr_array_free(header_cells(r), FALSE);
}

char **
report_row(const struct report *r, const struct report_row *row)
{
	return (char **)g_ptr_array_free(row_cells(r, row), FALSE);
}

/* The rules, then the units whose year they zeroed, by rank. */
char *
report_rules(const struct report *r)
{
	g_autofree char *rules = rules_line(r->config);
	GString *out = g_string_new(rules);
	const char *sep = "";

	for (guint i = 0; i < r->rows->len; i++) {
		const struct report_row *row = r->rows->pdata[i];
		if (!row->zeroed)
			continue;
		g_string_append_printf(out, "%s%s本年 %d 次未按时完成约稿任务",
		    sep, row->unit->name, row->misses);
		sep = "，";
	}
	if (*sep != '\0')
		g_string_append(out, "，得分按零分计。");
	return g_string_free(out, FALSE);
}

/* ---- formats ------------------------------------------------------------ */

char *
report_text(const struct report *r)
{
	g_autoptr(GPtrArray) head = header_cells(r);
	g_autoptr(GArray) cols = g_array_new(FALSE, TRUE,
	    sizeof(struct table_column));
	g_autofree char *t = title(r), *span = span_line(r), *rules = NULL;
	g_autofree char *body = NULL;
	struct table *table;

	for (guint i = 0; i + 1 < head->len; i++) {
		struct table_column col = { head->pdata[i], head->pdata[i],
		    i == 1 ? TABLE_TEXT : TABLE_INT, 0 };
		g_array_append_val(cols, col);
	}
	table = table_new((struct table_column *)(void *)cols->data, cols->len);
	for (guint i = 0; i < r->rows->len; i++) {
		g_autoptr(GPtrArray) cells = row_cells(r, r->rows->pdata[i]);
		table_add_row(table, (const char *const *)cells->pdata);
	}
	body = table_print(table);
	table_free(table);
	rules = report_rules(r);
	return g_strdup_printf("%s\n%s\n\n%s\n%s\n", t, span, body, rules);
}

static void
append_html_row(GString *out, const GPtrArray *cells, const char *tag)
{
	g_string_append(out, "<tr>");
	for (guint i = 0; i + 1 < cells->len; i++) {
		g_autofree char *cell = g_markup_escape_text(cells->pdata[i],
		    -1);
		g_string_append_printf(out, "<%s>%s</%s>", tag, cell, tag);
	}
	g_string_append(out, "</tr>\n");
}

char *
report_html(const struct report *r)
{
	g_autoptr(GPtrArray) head = header_cells(r);
	g_autofree char *raw_title = title(r);
	g_autofree char *t = g_markup_escape_text(raw_title, -1);
	g_autofree char *span = span_line(r), *rules = report_rules(r);
	g_autofree char *esc_span = g_markup_escape_text(span, -1);
	g_autofree char *esc_rules = g_markup_escape_text(rules, -1);
	GString *out = g_string_new(NULL);

	g_string_append_printf(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"
	    "<head><meta charset=\"utf-8\"><title>%s</title><style>"
	    "table{border-collapse:collapse}th,td{border:1px solid #888;"
	    "padding:2px 6px}td{text-align:right}td:nth-child(2){text-align:"
	    "left}</style></head>\n<body>\n<h1>%s</h1>\n<p>%s</p>\n<table>\n",
	    t, t, esc_span);
	append_html_row(out, head, "th");
	for (guint i = 0; i < r->rows->len; i++) {
		g_autoptr(GPtrArray) cells = row_cells(r, r->rows->pdata[i]);
		append_html_row(out, cells, "td");
	}
	g_string_append_printf(out, "</table>\n<p>%s</p>\n</body></html>\n",
	    esc_rules);
	return g_string_free(out, FALSE);
}

/* A CSV field, quoted when it must be (RFC 4180). */
static void
append_csv_field(GString *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		g_string_append(out, s);
		return;
	}
	g_string_append_c(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *s);
	}
	g_string_append_c(out, '"');
}

static void
append_csv_row(GString *out, const GPtrArray *cells)
{
	for (guint i = 0; i + 1 < cells->len; i++) {
		if (i > 0)
			g_string_append_c(out, ',');
		append_csv_field(out, cells->pdata[i]);
	}
	g_string_append(out, "\r\n");
}

/*
 * UTF-8 with a byte order mark: Excel reads a CSV without one in the
 * system's ANSI code page (GBK on a Chinese Windows, mangling nothing
 * only by luck, and anything outside GBK elsewhere), and with one as
 * UTF-8; LibreOffice and WPS honour it too.  GB18030 would suit Excel
 * in China only; the BOM suits every spreadsheet and keeps the store's
 * UTF-8 untouched.
 */
GBytes *
report_csv(const struct report *r)
{
	g_autoptr(GPtrArray) head = header_cells(r);
	GString *out = g_string_new("\xef\xbb\xbf");

	append_csv_row(out, head);
	for (guint i = 0; i < r->rows->len; i++) {
		g_autoptr(GPtrArray) cells = row_cells(r, r->rows->pdata[i]);
		append_csv_row(out, cells);
	}
	return g_string_free_to_bytes(out);
}

char *
report_file_name(const struct report *r, const char *extension)
{
	const struct report_period *p = &r->period;

	switch (p->span) {
	case REPORT_MONTH:
		return g_strdup_printf("信息考核通报-%d-%02d.%s", p->year, p->n,
		    extension);
	case REPORT_QUARTER:
		return g_strdup_printf("信息考核通报-%d-Q%d.%s", p->year, p->n,
		    extension);
	case REPORT_YEAR:
		break;
	}
	return g_strdup_printf("信息考核通报-%d.%s", p->year, extension);
}
