/* Sign-off requests and codes in mail; see signoff.h. */
#include "clock.h"
#include "code.h"
#include "log.h"
#include "mail.h"
#include "notify.h"
#include "signoff.h"

static char *
request_text(const struct config *c, const char *what, const char *code,
    const struct editor *requester)
{
	return g_strdup_printf(
	    "%s 提请签发：%s。附件是将要发出的简报全文（即收件人将收到的内容）。\n\n"
	    "同意：直接回复本邮件即可；或发送主题为“确认 %s”的邮件至 %s。\n"
	    "不同意：无需操作，确认码将于 %d 小时后失效。草稿如有改动，本确认码自动作废。\n"
	    "简报日期以签发当日为准。\n\n确认码：%s\n",
	    requester->name, what, code, c->imap.user,
	    c->code_lifetime / 3600, code);
}

/* One sign-off, with its own nonce and code, for SIGNER. */
static gboolean
request_one(struct cmd_request *req, const struct signoff *template,
    GBytes *preview, const char *what, const struct editor *signer,
    GError **error)
{
	const struct config *c = req->b->config;
	g_autoptr(GDateTime) now = clock_now();
	g_autofree char *nonce = code_make_nonce();
	struct signoff s = *template;
	g_autofree char *code = NULL, *normal = NULL, *hash = NULL;
	g_autofree char *subject = NULL, *text = NULL, *id = NULL;
	g_autofree char *message_id = NULL;

	s.approver = signer->address;
	s.nonce = nonce;
	s.expires = g_date_time_to_unix(now) + c->code_lifetime;
	code = code_make(req->b->key, &s);
	normal = code_normalize(code);
	hash = code_hash(normal);
	subject = g_strdup_printf("【签发确认】%s %s 确认码 %s",
	    c->bulletin.title, what, code);
	text = request_text(c, what, code, req->editor);
	id = mail_make_message_id(c, "x");
	message_id = g_strdup_printf("signoff.%s.%s", normal, id);
	if (store_add_signoff(req->b->store, &s, hash, error) == 0)
		return FALSE;
	return notify_queue_signoff(req->b->store, c, signer, subject, text,
	    preview, message_id, error);
}

gboolean
signoff_request(struct cmd_request *req, const struct signoff *template,
    GBytes *preview, const char *what, GError **error)
{
	const struct config *c = req->b->config;

	g_string_append_printf(req->reply, "%s的全文和确认码已发送给签发人：", what);
	for (guint i = 0; i < c->editors->len; i++) {
		const struct editor *e = c->editors->pdata[i];
		if (!e->signs)
			continue;
		if (!request_one(req, template, preview, what, e, error))
			return FALSE;
		g_string_append_printf(req->reply, "\n  %s <%s>", e->name,
		    e->address);
	}
	g_string_append(req->reply, "\n签发人确认后即发送。\n");
	return TRUE;
}

struct signoff *
signoff_from_request(struct cmd_request *req, GError **error)
{
	g_autofree char *code = code_find(req->args);
	g_autofree char *hash = NULL;
	struct signoff *s = NULL;

	if (code == NULL && req->m != NULL)
		code = code_find(req->m->threading);
	if (code != NULL) {
		hash = code_hash(code);
		s = store_find_signoff(req->b->store, hash, error);
	}
	if (s != NULL && code_matches(req->b->key, s, code))
		return s;
	signoff_free(s);
	log_warn("confirmation from %s with an invalid code",
	    req->editor->address);
	cmd_refuse(req, "invalid code", "确认码无效，未发送。请核对签发确认邮件中的确认码。\n");
	return NULL;
}
