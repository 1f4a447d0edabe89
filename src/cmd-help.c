/* 帮助 / HELP: every command with an example. */
#include "command.h"

static gboolean
cmd_help_run(struct cmd_request *req, GError **error)
{
	g_string_append(req->reply, "指令写在邮件主题开头，中英文均可，参数跟在后面；"
	    "按语的内容写在正文里。\n\n");
	for (guint i = 0; command_table[i] != NULL; i++) {
		const struct cmd_entry *e = command_table[i];
		g_string_append_printf(req->reply, "%s / %s\n    %s\n", e->zh,
		    e->en, e->help);
	}
	g_string_append(req->reply, "\n撤稿、缓发、恢复、排序、按语、采用会立即生效，"
	    "并通知其他编辑；发送简报须经签发人用确认码确认。\n");
	return TRUE;
}

const struct cmd_entry cmd_help_entry = {
	"帮助", "HELP", CMD_ANY_EDITOR, FALSE,
	"本说明。例：主题写“帮助”",
	cmd_help_run,
};
