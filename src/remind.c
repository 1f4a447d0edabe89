/* 催稿 rounds; see remind.h. */
#include "log.h"
#include "notify.h"
#include "remind.h"
#include "schedule.h"

char *
remind_lead_label(gint64 seconds)
{
	if (seconds % 86400 == 0)
		return g_strdup_printf("%" G_GINT64_FORMAT "天", seconds / 86400);
	if (seconds % 3600 == 0)
		return g_strdup_printf("%" G_GINT64_FORMAT "小时", seconds / 3600);
	if (seconds % 60 == 0)
		return g_strdup_printf("%" G_GINT64_FORMAT "分钟", seconds / 60);
	return g_strdup_printf("%" G_GINT64_FORMAT "秒", seconds);
}

/* "2026年12月4日（星期五）17:00" */
static char *
deadline_label(GDateTime *t)
{
	static const char *const days[] = { "一", "二", "三", "四", "五", "六",
	    "日" };
	g_autofree char *date = g_date_time_format(t, "%Y年%-m月%-d日");

	return g_strdup_printf("%s（星期%s）%02d:%02d", date,
	    days[g_date_time_get_day_of_week(t) - 1], g_date_time_get_hour(t),
	    g_date_time_get_minute(t));
}

static gint64
lead_of(const struct config *c, guint i)
{
	return g_array_index(c->bulletin.reminders, gint64, i);
}

/* How many rounds of DEADLINE are due at NOW: the leads are largest
 * first, so the due rounds are the first ones. */
static guint
rounds_due(const struct config *c, GDateTime *deadline, GDateTime *now)
{
	gint64 d = g_date_time_to_unix(deadline), t = g_date_time_to_unix(now);
	guint n = 0;

	while (n < c->bulletin.reminders->len && d - lead_of(c, n) <= t)
		n++;
	return n;
}

/* How many of the first N rounds of DEADLINE are not recorded; -1 on
 * error. */
static int
unrecorded(struct bulletin *b, GDateTime *deadline, guint n, GError **error)
{
	int count = 0;

	for (guint i = 0; i < n; i++) {
		int r = store_round_recorded(b->store,
		    g_date_time_to_unix(deadline), lead_of(b->config, i), error);
		if (r < 0)
			return -1;
		count += r == 0;
	}
	return count;
}

/* Record the unrecorded ones of the first N rounds of DEADLINE as
 * skipped: they were due while the daemon was down. */
static gboolean
skip_rounds(struct bulletin *b, GDateTime *deadline, guint n, GDateTime *now,
    GError **error)
{
	gint64 d = g_date_time_to_unix(deadline);

	for (guint i = 0; i < n; i++) {
		gint64 lead = lead_of(b->config, i);
		g_autofree char *when = NULL, *label = NULL;
		int r = store_round_recorded(b->store, d, lead, error);

		if (r < 0)
			return FALSE;
		if (r > 0)
			continue;
		if (!store_add_round(b->store, d, lead, ROUND_SKIPPED,
		    g_date_time_to_unix(now), error))
			return FALSE;
		when = deadline_label(deadline);
		label = remind_lead_label(lead);
		log_info("reminders: round %s before %s skipped (missed while "
		    "down)", label, when);
	}
	return TRUE;
}

/* The units with no article in the draft, in any state: one held for
 * conversion, set aside or dropped was sent all the same (struct unit *,
 * borrowed from the config), or NULL with ERROR. */
static GPtrArray *
silent_units(struct bulletin *b, GError **error)
{
	gint64 draft = store_draft_issue(b->store, error);
	g_autoptr(GPtrArray) sent = NULL;
	GPtrArray *silent;

	if (draft == 0 || (sent = store_issue_units(b->store, draft,
	    error)) == NULL)
		return NULL;
	silent = g_ptr_array_new();
	for (guint i = 0; i < b->config->units->len; i++) {
		struct unit *u = b->config->units->pdata[i];
		if (!g_ptr_array_find_with_equal_func(sent, u->code, g_str_equal,
		    NULL))
			g_ptr_array_add(silent, u);
	}
	return silent;
}

static gboolean
remind_unit(struct bulletin *b, const struct unit *u, GDateTime *deadline,
    gint64 lead, GDateTime *now, GError **error)
{
	const struct config *c = b->config;
	g_autofree char *when = deadline_label(deadline);
	g_autofree char *short_when = g_date_time_format(deadline,
	    "%-m月%-d日 %H:%M");
	g_autofree char *subject = g_strdup_printf("催稿提醒：《%s》本期%s截稿",
	    c->bulletin.title, short_when);
	g_autofree char *text = g_strdup_printf("%s：\n\n"
	    "《%s》本期将于%s截稿，目前尚未收到贵单位的稿件。"
	    "请在截稿前将稿件发送至 %s。\n\n"
	    "如已报送，或本期确无稿件，请忽略本提醒。\n\n%s\n"
	    "（本邮件由系统自动发送。）\n", u->name, c->bulletin.title, when,
	    c->bulletin.mailbox, c->bulletin.office);

	return notify_queue_unit(b->store, c, "reminder", u, subject, text,
	    NULL, error) && store_add_reminder(b->store,
	    g_date_time_to_unix(deadline), lead, u->code,
	    g_date_time_to_unix(now), error);
}

/* The editors' list of the units SILENT reminded in a round. */
static gboolean
tell_editors(struct bulletin *b, GPtrArray *silent, GDateTime *deadline,
    gint64 lead, GError **error)
{
	g_autofree char *when = deadline_label(deadline);
	g_autofree char *label = remind_lead_label(lead);
	g_autofree char *subject = g_strdup_printf("催稿情况：截稿前%s（%s截稿）",
	    label, when);
	g_autoptr(GString) text = g_string_new(NULL);
	guint sent = b->config->units->len - silent->len;

	g_string_append_printf(text, "截稿时间：%s\n\n", when);
	if (silent->len == 0)
		g_string_append(text, "各单位均已来稿，本轮无需催稿。\n");
	else
		g_string_append_printf(text, "本轮催稿（截稿前%s）已向以下 %u "
		    "个单位发出提醒：\n", label, silent->len);
	for (guint i = 0; i < silent->len; i++) {
		const struct unit *u = silent->pdata[i];
		g_string_append_printf(text, "  %s\n", u->name);
	}
	if (silent->len > 0)
		g_string_append_printf(text, "\n已来稿的 %u 个单位未再提醒。\n",
		    sent);
	return notify_queue_editors(b->store, b->config, subject, text->str,
	    NULL, error);
}

/* Send round I of DEADLINE at NOW: a notice to each silent unit, the list
 * to the editors, and the round and its reminders recorded. */
static gboolean
send_round(struct bulletin *b, GDateTime *deadline, guint i, GDateTime *now,
    GError **error)
{
	gint64 lead = lead_of(b->config, i);
	g_autoptr(GPtrArray) silent = silent_units(b, error);
	g_autofree char *when = NULL, *label = NULL;

	if (silent == NULL || !store_add_round(b->store,
	    g_date_time_to_unix(deadline), lead, ROUND_SENT,
	    g_date_time_to_unix(now), error))
		return FALSE;
	for (guint j = 0; j < silent->len; j++)
		if (!remind_unit(b, silent->pdata[j], deadline, lead, now,
		    error))
			return FALSE;
	if (!tell_editors(b, silent, deadline, lead, error))
		return FALSE;
	when = deadline_label(deadline);
	label = remind_lead_label(lead);
	log_info("reminders: round %s before %s sent: %u unit(s) reminded",
	    label, when, silent->len);
	return TRUE;
}

/* Whether anything is left to record at NOW: a round of the last deadline
 * (missed), or a due round of the next one.  -1 on error. */
static int
work_left(struct bulletin *b, GDateTime *prev, GDateTime *next, guint due,
    GError **error)
{
	int n = unrecorded(b, prev, b->config->bulletin.reminders->len, error);

	if (n != 0)
		return n;
	return unrecorded(b, next, due, error);
}

gboolean
remind_run(struct bulletin *b, GDateTime *now, GError **error)
{
	const struct schedule *s = &b->config->bulletin.deadline;
	g_autoptr(GDateTime) prev = NULL, next = NULL;
	guint due;
	int left;
	gboolean ok;

	if (s->kind == SCHEDULE_NONE || b->config->bulletin.reminders->len == 0)
		return TRUE;
	prev = schedule_previous(s, now);
	next = schedule_next(s, now);
	due = rounds_due(b->config, next, now);
	if ((left = work_left(b, prev, next, due, error)) <= 0)
		return left == 0;
	if (!store_begin(b->store, error))
		return FALSE;
	ok = skip_rounds(b, prev, b->config->bulletin.reminders->len, now,
	    error) && skip_rounds(b, next, due > 0 ? due - 1 : 0, now, error);
	if (ok && due > 0 && (left = unrecorded(b, next, due, error)) != 0)
		ok = left > 0 && send_round(b, next, due - 1, now, error);
	if (ok && store_commit(b->store, error))
		return TRUE;
	store_rollback(b->store);
	return FALSE;
}
