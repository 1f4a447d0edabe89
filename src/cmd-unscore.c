/*
 * 撤销考核 / UNSCORE n: undo 信息考核 record n (上报采用, 批示 or 扣分), as
 * numbered in the command's reply.  The record stays, marked undone, and
 * both commands stay in the audit.
 */
#include "clock.h"
#include "command.h"

static gboolean
cmd_unscore_run(struct cmd_request *req, GError **error)
{
	g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(int));
	g_autoptr(GDateTime) now = clock_now();

	if (!cmd_parse_numbers(req->args, ids)) {
		cmd_refuse(req, "no record number", "请写考核记录编号（见上报采用、"
		    "批示、扣分的回复），例如“撤销考核 3”。\n");
		return TRUE;
	}
	for (guint i = 0; i < ids->len; i++) {
		int id = g_array_index(ids, int, i);
		g_autofree char *what = NULL;
		int n = store_undo_score_event(req->b->store, id,
		    g_date_time_to_unix(now), &what, error);
		if (n < 0)
			return FALSE;
		if (n > 0)
			g_string_append_printf(req->reply, "考核记录 #%d 已撤销"
			    "（%s）。\n", id, what);
		else
			g_string_append_printf(req->reply, "考核记录 #%d %s。\n",
			    id, what ? "此前已撤销" : "不存在");
	}
	return TRUE;
}

const struct cmd_entry cmd_unscore_entry = {
	"撤销考核", "UNSCORE", CMD_EDITOR, FALSE,
	"撤销一条上报采用、批示或扣分记录（编号见其回复）。例：撤销考核 3",
	cmd_unscore_run,
};
