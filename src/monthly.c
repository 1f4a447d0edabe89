/* The monthly 通报 to the editors; see monthly.h. */

#include "log.h"
#include "message.h"
#include "monthly.h"
#include "notify.h"
#include "report-mail.h"
#include "report.h"
#include "schedule.h"

/* How late the 通报 may still go out, after a daemon was down. */
#define MONTHLY_GRACE	(7 * G_TIME_SPAN_DAY)

/* Queue P's 通报 to the editors and record MONTH sent, in one
 * transaction. */
static gboolean
send_report(struct bulletin *b, const struct report_period *p,
    const char *month, GDateTime *now, GError **error)
{
	struct report *r = report_build(b, p, error);
	g_autoptr(GPtrArray) files = NULL;
	g_autoptr(GString) text = NULL;
	g_autofree char *table = NULL, *label = NULL, *subject = NULL;
	gboolean ok;

	if (r == NULL)
		return FALSE;
	files = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)message_attachment_free);
	table = report_text(r);
	text = g_string_new(table);
	report_attach(r, files, text);
	label = report_period_label(p);
	subject = g_strdup_printf("信息考核通报：%s", label);
	report_free(r);
	if (!store_begin(b->store, error))
		return FALSE;
	ok = notify_queue_editors_with(b->store, b->config, subject, text->str,
	    files, NULL, error) && store_add_monthly_report(b->store, month,
	    g_date_time_to_unix(now), error) && store_commit(b->store, error);
	if (!ok) {
		store_rollback(b->store);
		return FALSE;
	}
	log_info("monthly report %s sent to the editors", month);
	return TRUE;
}

gboolean
monthly_report_run(struct bulletin *b, GDateTime *now, GError **error)
{
	const struct scoring *s = &b->config->scoring;
	g_autoptr(GDateTime) due = NULL, first = NULL;
	g_autofree char *month = NULL;
	struct report_period p;
	int sent;

	if (s->monthly_hour < 0)
		return TRUE;
	due = schedule_first_working_day(now, s->monthly_hour,
	    s->monthly_minute);
	/* Late after downtime within the week; a daemon first started later
	 * in a month does not mail an old month's table out of the blue. */
	if (g_date_time_compare(now, due) < 0 || g_date_time_difference(now,
	    due) >= MONTHLY_GRACE)
		return TRUE;
	/* the last month: the one that ended at this month's first second */
	first = g_date_time_new(g_date_time_get_timezone(now),
	    g_date_time_get_year(now), g_date_time_get_month(now), 1, 0, 0, 0);
	report_period_of(REPORT_MONTH, g_date_time_to_unix(first) - 1, &p);
	month = g_strdup_printf("%04d-%02d", p.year, p.n);
	if ((sent = store_monthly_report_sent(b->store, month, error)) != 0)
		return sent > 0;
	return send_report(b, &p, month, now, error);
}
