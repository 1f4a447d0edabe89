/* 排序 / ORDER n n n …: the order of the articles in the issue. */
#include "command.h"

static gboolean
cmd_order_run(struct cmd_request *req, GError **error)
{
	g_autoptr(GArray) seqs = g_array_new(FALSE, FALSE, sizeof(int));
	gint64 draft;

	if (!cmd_parse_numbers(req->args, seqs)) {
		cmd_refuse(req, "no article numbers", "请按新的顺序写出稿件编号，"
		    "例如“排序 3 1 2”；未列出的稿件排在后面。\n");
		return TRUE;
	}
	if ((draft = store_draft_issue(req->b->store, error)) == 0 ||
	    !store_order_articles(req->b->store, draft,
	    (const int *)seqs->data, seqs->len, error))
		return FALSE;
	g_string_append(req->reply, "已调整稿件顺序。现在的草稿：\n\n");
	return status_report(req->b, req->reply, error);
}

const struct cmd_entry cmd_order_entry = {
	"排序", "ORDER", CMD_EDITOR, TRUE,
	"调整稿件顺序，未列出的排在后面。例：排序 3 1 2",
	cmd_order_run,
};
