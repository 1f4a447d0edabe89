/*
 * 定稿 / FINALIZE: render the draft exactly as it will go out and send it,
 * with a confirmation code, to every 签发 holder's registered address —
 * never to Reply-To, never to the requester unless they hold the role.
 */
#include "code.h"
#include "command.h"
#include "issue.h"
#include "mail.h"
#include "notify.h"
#include "render.h"

static char *
signoff_text(const struct config *c, const struct issue_view *v,
    const char *code, const struct editor *requester)
{
	return g_strdup_printf(
	    "%s 第%d期已由 %s 提交定稿，请审核附件中的简报全文（即收件人将收到的内容）。\n\n"
	    "同意签发：直接回复本邮件即可；或发送主题为“确认 %s”的邮件至 %s。\n"
	    "不同意：无需操作，确认码将于 %d 小时后失效。草稿如有改动，本确认码自动作废。\n\n"
	    "确认码：%s\n共 %u 篇稿件，发送对象——报：%s；发：%s。\n",
	    c->bulletin.title, v->number, requester->name, code,
	    c->imap.user, c->code_lifetime / 3600, code, v->articles->len,
	    c->bao.label, c->fa.label);
}

/* One sign-off (its own code) for SIGNER. */
static gboolean
request_signoff(struct cmd_request *req, const struct issue_view *v,
    const struct rendered_issue *r, GBytes *preview,
    const struct editor *signer, GError **error)
{
	const struct config *c = req->b->config;
	g_autofree char *nonce = code_make_nonce();
	struct signoff s = { 0, v->id, v->year, v->number, v->date, r->digest,
	    signer->address, nonce,
	    g_get_real_time() / G_USEC_PER_SEC + c->code_lifetime, FALSE };
	g_autofree char *code = code_make(req->b->key, &s);
	g_autofree char *normal = code_normalize(code);
	g_autofree char *hash = code_hash(normal);
	g_autofree char *subject = g_strdup_printf("【签发确认】%s 第%d期 确认码 %s",
	    c->bulletin.title, v->number, code);
	g_autofree char *text = signoff_text(c, v, code, req->editor);
	g_autofree char *domain_id = mail_make_message_id(c, "x");
	g_autofree char *message_id = g_strdup_printf("signoff.%s.%s", normal,
	    domain_id);

	if (store_add_signoff(req->b->store, &s, hash, error) == 0)
		return FALSE;
	return notify_queue_signoff(req->b->store, c, signer, subject, text,
	    preview, message_id, error);
}

static gboolean
request_signoffs(struct cmd_request *req, const struct issue_view *v,
    GError **error)
{
	const struct config *c = req->b->config;
	struct rendered_issue *r = render_issue(c, v);
	g_autoptr(GBytes) preview = render_issue_message(c, r, NULL);
	gboolean ok = TRUE;

	g_string_append_printf(req->reply, "第%d期（%u 篇稿件）的预览和确认码已发送给签发人：",
	    v->number, v->articles->len);
	for (guint i = 0; ok && i < c->editors->len; i++) {
		const struct editor *e = c->editors->pdata[i];
		if (!e->signs)
			continue;
		ok = request_signoff(req, v, r, preview, e, error);
		g_string_append_printf(req->reply, "\n  %s <%s>", e->name,
		    e->address);
	}
	g_string_append(req->reply, "\n签发人确认后即按报、发名单发送。\n");
	rendered_issue_free(r);
	return ok;
}

static gboolean
cmd_finalize_run(struct cmd_request *req, GError **error)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	struct issue_view *v = issue_load_draft(req->b->config, req->b->store,
	    now, error);
	gboolean ok;

	if (v == NULL)
		return FALSE;
	if (v->articles->len == 0) {
		g_string_append(req->reply, "草稿中还没有稿件，无法定稿。\n");
		issue_view_free(v);
		return TRUE;
	}
	ok = request_signoffs(req, v, error);
	issue_view_free(v);
	return ok;
}

const struct cmd_entry cmd_finalize_entry = {
	"定稿", "FINALIZE", CMD_EDITOR,
	"生成本期简报的最终版本，连同确认码发送给签发人审核",
	cmd_finalize_run,
};
