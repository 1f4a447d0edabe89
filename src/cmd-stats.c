/*
 * 统计 / STATS [2026-11 | 2026-Q4 | 2026]: the 信息考核 通报 of a month
 * (the current one by default), a quarter or a year (report.h) — the
 * table in the reply's text and its HTML alternative, as a CSV
 * attachment for the office's spreadsheet, and as a PDF and a .docx in
 * the bulletin's layout to print (report-mail.h).
 *
 * 统计 from to (two dates) is the older count of articles submitted and
 * printed between them, kept for the offices that use it.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "command.h"
#include "report-mail.h"
#include "report.h"

/* "2026-01-01" → unix time at midnight in the office's zone, or -1. */
static gint64
parse_date(const char *s)
{
	int y, m, d;
	g_autoptr(GDateTime) t = NULL;

	if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3)
		return -1;
	t = g_date_time_new(clock_zone(), y, m, d, 0, 0, 0);
	return t ? g_date_time_to_unix(t) : -1;
}

static gboolean
parse_range(const char *args, gint64 *from_r, gint64 *to_r)
{
	g_auto(GStrv) words = g_strsplit(args, " ", 3);
	g_autoptr(GDateTime) now = clock_now();
	g_autoptr(GDateTime) jan1 = g_date_time_new(clock_zone(),
	    g_date_time_get_year(now), 1, 1, 0, 0, 0);

	*from_r = g_date_time_to_unix(jan1);
	*to_r = g_date_time_to_unix(now) + 1;
	if (words[0] != NULL && *words[0] != '\0' &&
	    (*from_r = parse_date(words[0])) < 0)
		return FALSE;
	if (words[0] != NULL && words[1] != NULL && *words[1] != '\0' &&
	    (*to_r = parse_date(words[1])) < 0)
		return FALSE;
	if (words[0] != NULL && words[1] != NULL && *words[1] != '\0')
		*to_r += 86400;		/* the last day counts */
	return *from_r < *to_r;
}

static const char *
unit_name(const struct config *c, const char *code)
{
	const struct unit *u = config_find_unit(c, code);

	return u ? u->name : code;
}

static void
add_row(GString *table, GString *csv, const char *name, int submitted,
    int adopted)
{
	double rate = submitted ? 100.0 * adopted / submitted : 0;

	g_string_append_printf(table, "  %-16s %4d %4d %6.1f%%\n", name,
	    submitted, adopted, rate);
	g_string_append_printf(csv, "\"%s\",%d,%d,%.1f%%\r\n", name, submitted,
	    adopted, rate);
}

static gboolean
cmd_range_run(struct cmd_request *req, GError **error)
{
	const struct config *c = req->b->config;
	gint64 from, to;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(GString) csv = g_string_new("\xef\xbb\xbf单位,来稿,采用,采用率\r\n");
	g_autoptr(GBytes) bytes = NULL;

	if (!parse_range(req->args, &from, &to)) {
		cmd_refuse(req, "bad period", "用法：统计 [2026-11 | 2026-Q4 | "
		    "2026]（某月、某季度或某年的信息考核通报，缺省为本月），"
		    "或 统计 起始日期 截止日期（如 2026-01-01 2026-06-30）。\n");
		return TRUE;
	}
	if ((rows = store_unit_stats(req->b->store, from, to, error)) == NULL)
		return FALSE;
	g_string_append(req->reply, "  单位              来稿 采用 采用率\n");
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		int sub = 0, ad = 0;
		for (guint j = 0; j < rows->len; j++) {
			const struct unit_stats *s = rows->pdata[j];
			if (strcmp(s->unit, u->code) == 0)
				sub = s->submitted, ad = s->adopted;
		}
		add_row(req->reply, csv, unit_name(c, u->code), sub, ad);
	}
	bytes = g_bytes_new(csv->str, csv->len);
	g_ptr_array_add(req->attachments, message_attachment_new("统计.csv",
	    "text/csv; charset=utf-8", bytes));
	return TRUE;
}

/* The 通报 of P: text, its HTML alternative, the CSV, the PDF and the
 * .docx; a document that cannot be made is said so in the reply. */
static gboolean
report_run(struct cmd_request *req, const struct report_period *p,
    GError **error)
{
	struct report *r = report_build(req->b, p, error);
	g_autofree char *text = NULL;

	if (r == NULL)
		return FALSE;
	text = report_text(r);
	g_string_append(req->reply, text);
	report_attach(r, req->attachments, req->reply);
	report_free(r);
	return TRUE;
}

static gboolean
cmd_stats_run(struct cmd_request *req, GError **error)
{
	g_auto(GStrv) words = cmd_words(req->args, 3);
	g_autoptr(GDateTime) now = clock_now();
	struct report_period p;

	if (words[0] == NULL) {
		report_period_of(REPORT_MONTH, g_date_time_to_unix(now), &p);
		return report_run(req, &p, error);
	}
	if (words[1] == NULL && report_period_parse(words[0], &p))
		return report_run(req, &p, error);
	return cmd_range_run(req, error);
}

const struct cmd_entry cmd_stats_entry = {
	"统计", "STATS", CMD_ANY_EDITOR, FALSE,
	"信息考核通报：各单位报送、各级采用、采用率、批示、扣分、得分和排名"
	"（附 CSV 表格和 PDF、Word 版通报），缺省为本月。"
	"例：统计 2026-11；统计 2026-Q4；统计 2026",
	cmd_stats_run,
};
