/*
 * 按语 / NOTE: the editor's note (编者按), from the body's own text (never
 * from quoted text); 清除按语 / CLEARNOTE removes it.
 */
#include "command.h"

static gboolean
cmd_note_run(struct cmd_request *req, GError **error)
{
	g_autofree char *note = cmd_body_text(req);
	gint64 draft;

	if (*note == '\0') {
		cmd_refuse(req, "empty note", "请把按语写在邮件正文里（引用的内容不算）。\n");
		return TRUE;
	}
	if ((draft = store_draft_issue(req->b->store, error)) == 0 ||
	    !store_set_issue_note(req->b->store, draft, note, error))
		return FALSE;
	g_string_append_printf(req->reply, "已设置本期编者按：\n\n%s\n", note);
	return TRUE;
}

static gboolean
cmd_clear_note_run(struct cmd_request *req, GError **error)
{
	gint64 draft = store_draft_issue(req->b->store, error);

	if (draft == 0 || !store_set_issue_note(req->b->store, draft, NULL,
	    error))
		return FALSE;
	g_string_append(req->reply, "已清除本期编者按。\n");
	return TRUE;
}

const struct cmd_entry cmd_note_entry = {
	"按语", "NOTE", CMD_EDITOR, TRUE,
	"设置编者按，内容写在正文。例：主题“按语”，正文写按语",
	cmd_note_run,
};

const struct cmd_entry cmd_clear_note_entry = {
	"清除按语", "CLEARNOTE", CMD_EDITOR, TRUE,
	"删除本期编者按。例：清除按语",
	cmd_clear_note_run,
};
