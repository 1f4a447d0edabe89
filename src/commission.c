/* 约稿 tracking; see commission.h. */
#include <string.h>

#include "clock.h"
#include "commission.h"
#include "log.h"

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

gboolean
commission_answer(struct bulletin *b, const char *unit, const char *title,
    const char *body, const char *threading, gint64 article,
    GDateTime *now, GError **error)
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
	}
	return TRUE;
}

gboolean
commission_tick(struct bulletin *b, GDateTime *now, GError **error)
{
	/* One UPDATE: a transaction of its own. */
	int n = store_miss_commissions(b->store, g_date_time_to_unix(now),
	    error);

	if (n < 0)
		return FALSE;
	if (n > 0)
		log_info("commissions: %d unit part(s) missed", n);
	return TRUE;
}

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
