/* 状态 / STATUS: the draft, article by article, and who has not sent. */
#include "article.h"
#include "clock.h"
#include "command.h"
#include "commission.h"
#include "issue.h"

static void
list_fields(GString *out, const struct issue_article *a)
{
	gboolean any = FALSE;

	for (int i = 0; i < ARTICLE_N_FIELDS; i++) {
		if (a->fields[i] == NULL)
			continue;
		g_string_append_printf(out, "%s%s：%s", any ? "　" : "      ",
		    article_field_name(i), a->fields[i]);
		any = TRUE;
	}
	if (any)
		g_string_append_c(out, '\n');
}

static void
list_articles(GString *out, const struct issue_view *v)
{
	g_string_append_printf(out, "共 %u 篇稿件：\n", v->articles->len);
	for (guint i = 0; i < v->articles->len; i++) {
		const struct issue_article *a = v->articles->pdata[i];
		g_string_append_printf(out, "  %d. 【%s】%s（%ld字）%s\n",
		    a->seq, a->unit_name, a->title, article_length(a->body),
		    a->unverified ? " [发件人未经验证]" : "");
		list_fields(out, a);
	}
}

static const struct {
	const char *state;
	const char *label;
} state_labels[] = {
	{ "filed", "已编入" }, { "replaced", "修改稿" }, { "duplicate", "重复" },
	{ "held", "暂缓" }, { "quarantined", "隔离" }, { "ignored", "忽略" },
	{ "command", "指令" }, { "refused", "拒绝执行的指令" },
};

static const char *
state_label(const char *state)
{
	for (guint i = 0; i < G_N_ELEMENTS(state_labels); i++)
		if (g_strcmp0(state, state_labels[i].state) == 0)
			return state_labels[i].label;
	return state;
}

/* Every message since the last issue by state; held and quarantined ones
 * one by one, so that nothing is lost from sight. */
static gboolean
list_messages(GString *out, struct store *store, GError **error)
{
	gint64 since = store_last_sent_at(store, error);
	g_autoptr(GPtrArray) rows = store_list_messages(store, 1000, error);
	int counts[G_N_ELEMENTS(state_labels)] = { 0 };
	g_autoptr(GString) pending = g_string_new(NULL);

	if (rows == NULL)
		return FALSE;
	for (guint i = 0; i < rows->len; i++) {
		const struct message_summary *m = rows->pdata[i];
		if (m->received < since)
			break;
		for (guint j = 0; j < G_N_ELEMENTS(state_labels); j++)
			if (g_strcmp0(m->state, state_labels[j].state) == 0)
				counts[j]++;
		if (g_strcmp0(m->state, "held") == 0 ||
		    g_strcmp0(m->state, "quarantined") == 0)
			g_string_append_printf(pending, "  [%s #%" G_GINT64_FORMAT
			    "] %s「%s」：%s\n", state_label(m->state), m->id,
			    m->sender ? m->sender : "-",
			    m->subject ? m->subject : "", m->reason);
	}
	g_string_append(out, "\n本期来信：");
	for (guint j = 0; j < G_N_ELEMENTS(state_labels); j++)
		g_string_append_printf(out, "%s%s %d", j ? "，" : "",
		    state_labels[j].label, counts[j]);
	g_string_append_c(out, '\n');
	if (pending->len > 0)
		g_string_append_printf(out, "待处理的来信：\n%s", pending->str);
	return TRUE;
}

static void
list_silent_units(GString *out, const struct config *c,
    const struct issue_view *v)
{
	g_autoptr(GPtrArray) silent = issue_silent_units(c, v);

	if (silent->len == 0) {
		g_string_append(out, "\n各单位均已来稿。\n");
		return;
	}
	g_string_append_printf(out, "\n尚未来稿的单位（%u 个）：", silent->len);
	for (guint i = 0; i < silent->len; i++) {
		const struct unit *u = silent->pdata[i];
		g_string_append_printf(out, "%s%s", i ? "、" : "", u->name);
	}
	g_string_append_c(out, '\n');
}

/* Articles of the draft set aside: 缓发 and 撤稿. */
static gboolean
list_set_aside(GString *out, struct bulletin *b, gint64 draft,
    GError **error)
{
	static const struct {
		const char *state;
		const char *label;
	} kinds[] = { { "deferred", "缓发（留待下期）" }, { "dropped", "已撤稿" } };

	for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
		g_autoptr(GPtrArray) list = store_issue_articles_in(b->store,
		    draft, kinds[k].state, error);
		if (list == NULL)
			return FALSE;
		if (list->len > 0)
			g_string_append_printf(out, "\n%s：\n", kinds[k].label);
		for (guint i = 0; i < list->len; i++) {
			const struct stored_article *a = list->pdata[i];
			const struct unit *u = config_find_unit(b->config,
			    a->unit);
			g_string_append_printf(out, "  %d. 【%s】%s\n", a->seq,
			    u ? u->name : a->unit, a->title);
		}
	}
	return TRUE;
}

static const char *const report_lists[][2] = {
	{ "bao", "报" }, { "song", "送" }, { "fa", "发" }, { "extra", "增发" },
};

/* The last issue: sent / retrying / failed / bounced per list. */
static gboolean
delivery_report(GString *out, struct store *store, GError **error)
{
	enum issue_kind kind;
	int year, number;
	g_autofree char *date = NULL;
	gint64 issue = store_last_issue(store, &kind, &year, &number, &date,
	    error);
	g_autoptr(GPtrArray) bounced = NULL;

	if (issue == 0)
		return TRUE;
	g_string_append_printf(out, "\n上一期（%s第%d期，%s）发送情况：\n",
	    kind == ISSUE_SUPPLEMENT ? "增刊" : "", number, date);
	for (guint i = 0; i < G_N_ELEMENTS(report_lists); i++) {
		const char *l = report_lists[i][0];
		int sent = store_count_list_deliveries(store, issue, l,
		    DELIVERY_SENT, error);
		int retry = store_count_list_deliveries(store, issue, l,
		    DELIVERY_DEFERRED, error) + store_count_list_deliveries(
		    store, issue, l, DELIVERY_PENDING, error) +
		    store_count_list_deliveries(store, issue, l,
		    DELIVERY_IN_FLIGHT, error);
		int failed = store_count_list_deliveries(store, issue, l,
		    DELIVERY_FAILED, error);
		int bounce = store_count_list_deliveries(store, issue, l,
		    DELIVERY_BOUNCED, error);
		if (sent + retry + failed + bounce == 0)
			continue;
		g_string_append_printf(out, "  %s：已发送 %d，重试中 %d，失败 %d，"
		    "退信 %d\n", report_lists[i][1], sent, retry, failed, bounce);
	}
	if ((bounced = store_bounced_recipients(store, issue, error)) == NULL)
		return FALSE;
	for (guint i = 0; i < bounced->len; i++)
		g_string_append_printf(out, "  退信：%s\n",
		    (char *)bounced->pdata[i]);
	return TRUE;
}

gboolean
status_report(struct bulletin *b, GString *out, GError **error)
{
	const struct config *c = b->config;
	g_autoptr(GDateTime) now = clock_now();
	struct issue_view *v = issue_load_draft(c, b->store, ISSUE_REGULAR, now,
	    error);
	gboolean ok;

	if (v == NULL)
		return FALSE;
	g_string_append_printf(out, "《%s》草稿（定稿后为第%d期）\n\n",
	    c->bulletin.title, v->number);
	if (v->note != NULL)
		g_string_append_printf(out, "编者按：%s\n\n", v->note);
	list_articles(out, v);
	ok = list_set_aside(out, b, v->id, error);
	list_silent_units(out, c, v);
	issue_view_free(v);
	return ok && commission_status(b, out, now, error) && list_messages(out, b->store, error) &&
	    delivery_report(out, b->store, error);
}

static gboolean
cmd_status_run(struct cmd_request *req, GError **error)
{
	return status_report(req->b, req->reply, error);
}

const struct cmd_entry cmd_status_entry = {
	"状态", "STATUS", CMD_ANY_EDITOR, FALSE,
	"草稿：稿件编号、单位、标题、字数、审签/执笔；未来稿单位；待处理来信；上期发送情况。例：状态",
	cmd_status_run,
};
