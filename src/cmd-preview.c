/* 预览 / PREVIEW: the draft exactly as recipients would get it, to the
 * editor only. */
#include "clock.h"
#include "command.h"
#include "issue.h"
#include "render.h"

static gboolean
cmd_preview_run(struct cmd_request *req, GError **error)
{
	const struct config *c = req->b->config;
	g_autoptr(GDateTime) now = clock_now();
	struct issue_view *v = issue_load_draft(c, req->b->store,
	    ISSUE_REGULAR, now, error);
	struct rendered_issue *r;
	g_autoptr(GBytes) message = NULL;

	if (v == NULL)
		return FALSE;
	r = render_issue(c, v);
	message = render_issue_message(c, v, r, NULL);
	g_string_append_printf(req->reply, "附件是草稿按现状发出时收件人将看到的样子"
	    "（%u 篇稿件）。本预览只发给您，不能用于签发。\n\n%s", v->articles->len,
	    r->text);
	g_ptr_array_add(req->attachments, message_attachment_new("preview.eml",
	    "message/rfc822", message));
	rendered_issue_free(r);
	issue_view_free(v);
	return TRUE;
}

const struct cmd_entry cmd_preview_entry = {
	"预览", "PREVIEW", CMD_ANY_EDITOR, FALSE,
	"把草稿按收件人看到的样子发给自己。例：预览",
	cmd_preview_run,
};
