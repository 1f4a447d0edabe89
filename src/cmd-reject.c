/*
 * 驳回 / REJECT (signer only; the reason in the body), or a reply to the
 * sign-off request that says no: the pending codes of the draft are void,
 * the draft goes back to the editors with the signer's words, nothing is
 * sent.
 */
#include "clock.h"
#include "code.h"
#include "command.h"
#include "log.h"
#include "notify.h"
#include "signoff.h"

gboolean
cmd_send_back(struct cmd_request *req, const struct signoff *s,
    GError **error)
{
	g_autofree char *body = cmd_body_text(req);
	g_autofree char *words = code_mask(*body ? body : req->args);
	g_autofree char *subject = g_strdup_printf("【签发退回】第%d期草稿被 %s "
	    "退回", s->number, req->editor->name);
	g_autofree char *text = g_strdup_printf("签发人 %s <%s> 退回了第%d期草稿，"
	    "本期未发送，确认码已作废。\n\n签发人意见：\n%s\n\n"
	    "请按意见修改后重新发送“定稿”。\n", req->editor->name,
	    req->editor->address, s->number, *words ? words : "（未写明原因）");

	if (store_void_signoffs(req->b->store, s->issue, error) < 0)
		return FALSE;
	log_info("issue %d sent back by %s", s->number, req->editor->address);
	g_string_append_printf(req->reply, "第%d期草稿已退回编辑修改，未发送；"
	    "您的意见已转告编辑。\n", s->number);
	req->refused = NULL;
	return notify_queue_editors(req->b->store, req->b->config, subject,
	    text, NULL, error);
}

/* The newest pending finalize of the draft, for a 驳回 not sent as a reply. */
static struct signoff *
pending_signoff(struct cmd_request *req, GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	gboolean written;

	if (signoff_is_reply(req->m) || code_find(req->args) != NULL)
		return signoff_from_request(req, &written, error);
	return store_pending_signoff(req->b->store, req->editor->address,
	    g_date_time_to_unix(now), error);
}

static gboolean
cmd_reject_run(struct cmd_request *req, GError **error)
{
	struct signoff *s = pending_signoff(req, error);
	gboolean ok;

	if (s == NULL) {
		if (req->refused == NULL)
			cmd_refuse(req, "nothing to reject", "目前没有待您签发的"
			    "草稿。\n");
		return error == NULL || *error == NULL;
	}
	if (s->used) {
		cmd_refuse(req, "already signed", "该期已经签发，无法退回。\n");
		ok = TRUE;
	} else
		ok = cmd_send_back(req, s, error);
	signoff_free(s);
	return ok;
}

const struct cmd_entry cmd_reject_entry = {
	"驳回", "REJECT", CMD_SIGNER, FALSE,
	"签发人退回草稿，正文写明原因；也可回复签发确认邮件，第一行写“驳回”",
	cmd_reject_run, TRUE,
};
