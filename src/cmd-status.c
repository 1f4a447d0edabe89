/* 状态 / STATUS: the draft, article by article, and who has not sent. */
#include "article.h"
#include "command.h"
#include "issue.h"

static void
list_articles(GString *out, const struct issue_view *v)
{
	g_string_append_printf(out, "共 %u 篇稿件：\n", v->articles->len);
	for (guint i = 0; i < v->articles->len; i++) {
		const struct issue_article *a = v->articles->pdata[i];
		g_string_append_printf(out, "  %d. 【%s】%s（%ld字）\n", a->seq,
		    a->unit_name, a->title, article_length(a->body));
	}
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
	return TRUE;
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
