/* 撤稿 / DROP n: take an article out of the draft (it stays on record). */
#include "command.h"

/* Apply FROM → TO to every numbered article in the args; report each. */
gboolean
cmd_change_articles(struct cmd_request *req, const char *from, const char *to,
    const char *verb, GError **error)
{
	g_autoptr(GArray) seqs = g_array_new(FALSE, FALSE, sizeof(int));
	gint64 draft;

	if (!cmd_parse_numbers(req->args, seqs)) {
		g_autofree char *text = g_strdup_printf("请在指令后写稿件编号，"
		    "例如“%s 3”。\n", verb);
		cmd_refuse(req, "no article number", text);
		return TRUE;
	}
	if ((draft = store_draft_issue(req->b->store, error)) == 0)
		return FALSE;
	for (guint i = 0; i < seqs->len; i++) {
		int seq = g_array_index(seqs, int, i);
		int n = store_set_article_state(req->b->store, draft, seq, from,
		    to, error);
		if (n < 0)
			return FALSE;
		g_string_append_printf(req->reply, n > 0 ? "第%d篇已%s。\n" :
		    "第%d篇无法%s：草稿中没有处于可操作状态的该编号稿件。\n", seq,
		    verb);
	}
	return TRUE;
}

static gboolean
cmd_drop_run(struct cmd_request *req, GError **error)
{
	return cmd_change_articles(req, "filed,deferred", "dropped", "撤稿",
	    error);
}

const struct cmd_entry cmd_drop_entry = {
	"撤稿", "DROP", CMD_EDITOR, TRUE,
	"从草稿中撤下稿件（留档，可用“恢复”找回）。例：撤稿 3",
	cmd_drop_run,
};
