/* Sign-off requests and codes in mail; see signoff.h. */
#include <string.h>

#include "clock.h"
#include "code.h"
#include "log.h"
#include "mail.h"
#include "notify.h"
#include "signoff.h"

static char *
request_text(const struct config *c, const char *what, const char *code,
    gint64 expires, const struct editor *requester)
{
	g_autoptr(GDateTime) at = clock_from_unix(expires);
	g_autofree char *when = g_date_time_format(at, "%Y年%-m月%-d日 %H:%M");

	return g_strdup_printf(
	    "%s 提请签发：%s。附件是将要发出的简报全文（即收件人将收到的内容）。\n\n"
	    "同意发出：直接回复本邮件，第一行写“同意”；或发送主题为“确认 %s”的"
	    "邮件至 %s。\n"
	    "不同意：回复本邮件，第一行写“驳回”，后面写明原因；草稿将退回编辑修改，"
	    "本期不发出。\n"
	    "只有明确的“同意”才会发出；其他答复一律不发，并转告编辑。\n"
	    "确认码于 %s 失效；草稿如有改动，本确认码自动作废。"
	    "简报日期以签发当日为准。\n\n"
	    "确认码：%s\n（请勿转发本邮件：确认码仅供您本人使用。）\n",
	    requester->name, what, code, c->imap.user,
	    when, code);
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
	g_autofree char *subject = NULL, *text = NULL, *tag = NULL;
	g_autofree char *message_id = NULL;

	s.approver = signer->address;
	s.nonce = nonce;
	s.expires = g_date_time_to_unix(now) + c->code_lifetime;
	code = code_make(req->b->key, &s);
	normal = code_normalize(code);
	hash = code_hash(normal);
	/* The code stays in the body: replies find the request by nonce. */
	subject = g_strdup_printf("【签发确认】%s %s", c->bulletin.title,
	    what);
	text = request_text(c, what, code, s.expires, req->editor);
	tag = g_strdup_printf("signoff.%s", nonce);
	message_id = mail_make_message_id(c, tag);
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

/* The nonce of a sign-off request named in THREADING, or NULL. */
static char *
replied_nonce(const char *threading)
{
	const char *p = threading ? strstr(threading, "<signoff.") : NULL;
	gsize n;

	if (p == NULL)
		return NULL;
	p += strlen("<signoff.");
	n = strspn(p, "0123456789abcdef");
	return n > 0 && p[n] == '.' ? g_strndup(p, n) : NULL;
}

gboolean
signoff_is_reply(const struct message *m)
{
	g_autofree char *nonce = replied_nonce(m ? m->threading : NULL);

	return nonce != NULL;
}

/* A code written in the subject's arguments or the first own line. */
static char *
written_code(struct cmd_request *req)
{
	g_autofree char *first = NULL;
	char *code = code_find(req->args);

	if (code != NULL || req->m == NULL)
		return code;
	first = cmd_first_line(req);
	return code_find(first);
}

static struct signoff *
by_code(struct cmd_request *req, const char *code, GError **error)
{
	g_autofree char *hash = code_hash(code);
	struct signoff *s = store_find_signoff(req->b->store, hash, error);

	if (s != NULL && code_matches(req->b->key, s, code))
		return s;
	signoff_free(s);
	return NULL;
}

struct signoff *
signoff_from_request(struct cmd_request *req, gboolean *written_r,
    GError **error)
{
	g_autofree char *code = written_code(req);
	g_autofree char *nonce = NULL;
	struct signoff *s = NULL;

	*written_r = code != NULL;
	if (code != NULL)
		s = by_code(req, code, error);
	else if (req->m != NULL &&
	    (nonce = replied_nonce(req->m->threading)) != NULL)
		s = store_find_signoff_by_nonce(req->b->store, nonce, error);
	if (s != NULL)
		return s;
	log_warn("confirmation from %s with an invalid code",
	    req->editor->address);
	cmd_refuse(req, "invalid code", code != NULL ?
	    "确认码无效，未发送。请核对签发确认邮件中的确认码。\n" :
	    "未找到对应的签发确认邮件，未发送。请直接回复签发确认邮件，"
	    "或发送“确认 确认码”。\n");
	return NULL;
}
