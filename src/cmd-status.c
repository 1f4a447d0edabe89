/* 状态 / STATUS: the draft, article by article, and who has not sent. */
#include "article.h"
#include "command.h"
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
		g_string_append_printf(out, "  %d. 【%s】%s（%ld字）\n", a->seq,
		    a->unit_name, a->title, article_length(a->body));
		list_fields(out, a);
	}
}

static const struct {
	const char *state;
	const char *label;
} state_labels[] = {
	{ "filed", "已编入" }, { "replaced", "修改稿" }, { "duplicate", "重复" },
	{ "held", "暂缓" }, { "quarantined", "隔离" }, { "ignored", "忽略" },
	{ "command", "指令" },
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
			g_string_append_printf(pending, "  [%s] %s「%s」：%s\n",
			    state_label(m->state), m->sender ? m->sender : "-",
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

gboolean
status_report(struct bulletin *b, GString *out, GError **error)
{
	const struct config *c = b->config;
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	struct issue_view *v = issue_load_draft(c, b->store, now, error);

	if (v == NULL)
		return FALSE;
	g_string_append_printf(out, "《%s》草稿（定稿后为第%d期）\n\n",
	    c->bulletin.title, v->number);
	list_articles(out, v);
	list_silent_units(out, c, v);
	issue_view_free(v);
	return list_messages(out, b->store, error);
}

static gboolean
cmd_status_run(struct cmd_request *req, GError **error)
{
	return status_report(req->b, req->reply, error);
}

const struct cmd_entry cmd_status_entry = {
	"状态", "STATUS", CMD_ANY_EDITOR,
	"查看草稿：每篇稿件的编号、单位、标题、字数，以及尚未来稿的单位",
	cmd_status_run,
};
