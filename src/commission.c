/* 约稿 tracking; see commission.h. */
#include <string.h>

#include "clock.h"
#include "commission.h"
#include "log.h"
#include "notify.h"

/* Whether the article answers E: a reply to its notice, or the topic
 * named in the title or text. */
static gboolean
answers(const struct commission_entry *e, const char *title,
    const char *body, const char *threading)
{
	g_autofree char *ref = g_strdup_printf("<%s>", e->message_id);

	return (threading != NULL && strstr(threading, ref) != NULL) ||
	    (title != NULL && strstr(title, e->topic) != NULL) ||
	    (body != NULL && strstr(body, e->topic) != NULL);
}

/* The receipt's line for E answered in STATE. */
static void
tell_answered(GString *told, const struct commission_entry *e,
    const char *state)
{
	g_autofree char *due = clock_format_unix(e->due);

	if (strcmp(state, "answered") == 0)
		g_string_append_printf(told, "本稿已记为约稿「%s」的来稿"
		    "（按时交，截止 %.16s）。\n", e->topic, due);
	else
		g_string_append_printf(told, "本稿已记为约稿「%s」的来稿"
		    "（逾期交：已于 %.16s 截止）。\n", e->topic, due);
}

gboolean
commission_answer(struct bulletin *b, const char *unit, const char *title,
    const char *body, const char *threading, gint64 article,
    GDateTime *now, GString *told, GError **error)
{
	gint64 t = g_date_time_to_unix(now);
	g_autoptr(GPtrArray) open = store_commission_entries(b->store, unit, 0,
	    error);

	if (open == NULL)
		return FALSE;
	for (guint i = 0; i < open->len; i++) {
		const struct commission_entry *e = open->pdata[i];
		const char *state = t <= e->due ? "answered" : "late";

		if (!answers(e, title, body, threading))
			continue;
		if (!store_answer_commission(b->store, e->commission, unit,
		    state, article, t, error))
			return FALSE;
		log_info("commission %" G_GINT64_FORMAT " %s by %s: article %"
		    G_GINT64_FORMAT, e->commission, state, unit, article);
		if (told != NULL)
			tell_answered(told, e, state);
	}
	return TRUE;
}

/* A part's state as the editors read it. */
static const struct {
	const char	*state;
	const char	*label;
} state_labels[] = {
	{ "answered", "已交" }, { "late", "逾期交" }, { "open", "未交" },
	{ "missed", "逾期未交" },
};

static const char *
unit_name(const struct config *c, const char *code)
{
	const struct unit *u = config_find_unit(c, code);

	return u ? u->name : code;
}

/* "已交 区发改局、新华街道办事处；未交 区法院" for commission ID in
 * ENTRIES. */
static void
append_states(GString *out, const struct config *c, GPtrArray *entries,
    gint64 id)
{
	const char *sep = "";

	for (guint k = 0; k < G_N_ELEMENTS(state_labels); k++) {
		const char *comma = "";
		for (guint i = 0; i < entries->len; i++) {
			const struct commission_entry *e = entries->pdata[i];
			if (e->commission != id ||
			    strcmp(e->state, state_labels[k].state) != 0)
				continue;
			if (*comma == '\0')
				g_string_append_printf(out, "%s%s ", sep,
				    state_labels[k].label);
			g_string_append_printf(out, "%s%s", comma,
			    unit_name(c, e->unit));
			comma = "、";
			sep = "；";
		}
	}
}

/* The editors' notice that E's commission is past its due time, with who
 * sent and who did not (its parts in ENTRIES). */
static gboolean
tell_missed(struct bulletin *b, GPtrArray *entries,
    const struct commission_entry *e, GError **error)
{
	g_autoptr(GString) text = g_string_new(NULL);
	g_autofree char *subject = g_strdup_printf("【约稿逾期】%s", e->topic);
	g_autofree char *due = clock_format_unix(e->due);

	g_string_append_printf(text, "约稿「%s」已于 %.16s 截止：\n\n  ",
	    e->topic, due);
	append_states(text, b->config, entries, e->commission);
	g_string_append(text, "\n\n逾期仍可交稿，收到后记为“逾期交”。"
	    "发送主题为“状态”的邮件可查看各单位约稿情况。\n");
	return notify_queue_editors(b->store, b->config, subject, text->str,
	    NULL, error);
}

/* ENTRIES as store_miss_commissions() leaves them: open parts missed. */
static void
mark_missed(GPtrArray *entries)
{
	for (guint i = 0; i < entries->len; i++) {
		struct commission_entry *e = entries->pdata[i];
		if (strcmp(e->state, "open") == 0) {
			g_free(e->state);
			e->state = g_strdup("missed");
		}
	}
}

/* Mark the overdue parts missed and tell the editors, in one transaction:
 * the notice goes once, with the states it reports. */
static gboolean
miss_overdue(struct bulletin *b, gint64 now, GError **error)
{
	g_autoptr(GPtrArray) entries = store_overdue_commissions(b->store, now,
	    error);
	gint64 last = 0;
	int n;

	if (entries == NULL || (n = store_miss_commissions(b->store, now,
	    error)) < 0)
		return FALSE;
	mark_missed(entries);
	for (guint i = 0; i < entries->len; i++) {
		const struct commission_entry *e = entries->pdata[i];
		if (e->commission == last)
			continue;
		last = e->commission;
		if (!tell_missed(b, entries, e, error))
			return FALSE;
	}
	if (n > 0)
		log_info("commissions: %d unit part(s) missed", n);
	return TRUE;
}

gboolean
commission_tick(struct bulletin *b, GDateTime *now, GError **error)
{
	gint64 t = g_date_time_to_unix(now);
	g_autoptr(GPtrArray) due = store_overdue_commissions(b->store, t,
	    error);

	/* Nothing overdue, the usual case: no transaction. */
	if (due == NULL || due->len == 0)
		return due != NULL;
	if (!store_begin(b->store, error))
		return FALSE;
	if (miss_overdue(b, t, error) && store_commit(b->store, error))
		return TRUE;
	store_rollback(b->store);
	return FALSE;
}

gboolean
commission_status(struct bulletin *b, GString *out, GDateTime *now,
    GError **error)
{
	g_autoptr(GPtrArray) entries = store_commission_entries(b->store, NULL,
	    g_date_time_to_unix(now) - 30 * 86400, error);
	gint64 last = 0;

	if (entries == NULL)
		return FALSE;
	if (entries->len > 0)
		g_string_append(out, "\n约稿：\n");
	for (guint i = 0; i < entries->len; i++) {
		const struct commission_entry *e = entries->pdata[i];
		g_autofree char *due = NULL;
		if (e->commission == last)
			continue;
		last = e->commission;
		due = clock_format_unix(e->due);
		g_string_append_printf(out, "  「%s」（截止 %.16s）：", e->topic,
		    due);
		append_states(out, b->config, entries, e->commission);
		g_string_append_c(out, '\n');
	}
	return TRUE;
}
