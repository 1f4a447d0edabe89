/*
 * 缓发 / HOLD n carries an article to the next issue; 恢复 / RESTORE n
 * brings a held or dropped one back into this draft.
 */
#include "command.h"

static gboolean
cmd_hold_run(struct cmd_request *req, GError **error)
{
	return cmd_change_articles(req, "filed", "deferred", "缓发", error);
}

static gboolean
cmd_restore_run(struct cmd_request *req, GError **error)
{
	return cmd_change_articles(req, "deferred,dropped", "filed", "恢复",
	    error);
}

const struct cmd_entry cmd_hold_entry = {
	"缓发", "HOLD", CMD_EDITOR, TRUE,
	"本期不用，留到下一期。例：缓发 2",
	cmd_hold_run,
};

const struct cmd_entry cmd_restore_entry = {
	"恢复", "RESTORE", CMD_EDITOR, TRUE,
	"把缓发或撤下的稿件放回本期。例：恢复 2",
	cmd_restore_run,
};
