/*
 * 确认 / CONFIRM code (or a plain reply to the sign-off request): check the
 * code, check that the draft still renders to what the approver saw, then
 * number the issue and queue one delivery per 报 and 发 member — all in the
 * caller's transaction, so the number and the deliveries exist together.
 */
#include <string.h>

#include "code.h"
#include "command.h"
#include "issue.h"
#include "log.h"
#include "mail.h"
#include "notify.h"
#include "render.h"

static gboolean
queue_list(struct cmd_request *req, gint64 issue, const char *list,
    const struct mail_list *ml, GError **error)
{
	for (guint i = 0; i < ml->members->len; i++)
		if (!store_queue_mail(req->b->store, "issue", issue, list,
		    ml->members->pdata[i], NULL, error))
			return FALSE;
	return TRUE;
}

static gboolean
send_issue(struct cmd_request *req, const struct signoff *s,
    const struct rendered_issue *r, GError **error)
{
	const struct config *c = req->b->config;
	g_autofree char *tag = g_strdup_printf("issue.%d.%d", s->year,
	    s->number);
	g_autofree char *message_id = mail_make_message_id(c, tag);
	g_autoptr(GBytes) message = render_issue_message(c, r, message_id);
	g_autofree char *notice = NULL;

	if (!store_issue_sent(req->b->store, s->issue, s->year, s->number,
	    s->date, message, error) ||
	    !queue_list(req, s->issue, "bao", &c->bao, error) ||
	    !queue_list(req, s->issue, "fa", &c->fa, error))
		return FALSE;
	log_info("issue %d/%d signed off by %s: %u + %u recipients", s->year,
	    s->number, s->approver, c->bao.members->len, c->fa.members->len);
	g_string_append_printf(req->reply, "第%d期已签发，正在发送：报 %u 个地址，发 %u 个地址。\n",
	    s->number, c->bao.members->len, c->fa.members->len);
	notice = g_strdup_printf("第%d期已由 %s 签发（%s），正在按报、发名单发送。\n",
	    s->number, req->editor->name, s->date);
	return notify_queue_editors(req->b->store, c, r->subject, notice,
	    error);
}

/* The draft must still render to exactly what the approver saw. */
static gboolean
check_and_send(struct cmd_request *req, const struct signoff *s,
    GError **error)
{
	const struct config *c = req->b->config;
	struct issue_view *v;
	struct rendered_issue *r;
	gboolean ok = TRUE;
	int next = store_next_number(req->b->store, s->year,
	    c->bulletin.first_number, error);

	if (next == 0)
		return FALSE;
	v = issue_load_draft_as(c, req->b->store, s->year, s->number, s->date,
	    error);
	if (v == NULL)
		return FALSE;
	r = render_issue(c, v);
	if (v->id != s->issue || next != s->number ||
	    strcmp(r->digest, s->digest) != 0) {
		log_warn("confirmation for issue %d refused: draft changed",
		    s->number);
		g_string_append(req->reply, "草稿在预览之后已有改动，本确认码作废，未发送。\n"
		    "请重新发送“定稿”，审核新的预览后再确认。\n");
	} else if (store_use_signoff(req->b->store, s->id, error))
		ok = send_issue(req, s, r, error);
	rendered_issue_free(r);
	issue_view_free(v);
	return ok;
}

/* Why S cannot be used now, or NULL. */
static const char *
refusal(const struct cmd_request *req, const struct signoff *s)
{
	if (g_ascii_strcasecmp(s->approver, req->editor->address) != 0)
		return "该确认码不是发给您的，未发送。\n";
	if (s->used)
		return NULL;
	if (g_get_real_time() / G_USEC_PER_SEC > s->expires)
		return "确认码已过期，未发送。请重新发送“定稿”获取新的确认码。\n";
	return NULL;
}

static gboolean
cmd_confirm_run(struct cmd_request *req, GError **error)
{
	g_autofree char *code = code_find(req->args);
	g_autofree char *hash = NULL;
	struct signoff *s = NULL;
	const char *why;
	gboolean ok = TRUE;

	if (code == NULL)
		code = code_find(req->m->threading);
	if (code != NULL) {
		hash = code_hash(code);
		s = store_find_signoff(req->b->store, hash, error);
	}
	if (s == NULL || !code_matches(req->b->key, s, code)) {
		log_warn("confirmation from %s with an invalid code",
		    req->editor->address);
		g_string_append(req->reply, "确认码无效，未发送。请核对签发确认邮件中的确认码。\n");
	} else if ((why = refusal(req, s)) != NULL)
		g_string_append(req->reply, why);
	else if (s->used)
		g_string_append_printf(req->reply, "第%d期已经签发，无需重复确认。\n",
		    s->number);
	else
		ok = check_and_send(req, s, error);
	signoff_free(s);
	return ok;
}

const struct cmd_entry cmd_confirm_entry = {
	"确认", "CONFIRM", CMD_SIGNER,
	"签发：“确认 确认码”，或直接回复签发确认邮件",
	cmd_confirm_run,
};
