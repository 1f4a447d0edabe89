/*
 * 确认 / CONFIRM code (or a plain reply to the sign-off request).  For a
 * finalize: the draft must still render to what the approver saw; then,
 * in the caller's transaction, the issue gets its number and date, one
 * delivery per member is queued, and a new draft takes the carried-over
 * articles.  For a resend: the stored issue is queued to the target.
 */
#include <string.h>

#include "approval.h"
#include "clock.h"
#include "code.h"
#include "command.h"
#include "issue.h"
#include "log.h"
#include "mail.h"
#include "notify.h"
#include "render.h"
#include "signoff.h"

static gboolean
queue_list(struct cmd_request *req, const struct signoff *s,
    const char *list, const struct mail_list *ml, GError **error)
{
	for (guint i = 0; i < ml->members->len; i++)
		if (!store_queue_mail(req->b->store, "issue", s->issue, s->id,
		    list, ml->members->pdata[i], NULL, error))
			return FALSE;
	return TRUE;
}

/* The lists a target names ("all", "bao", "fa", "song"), or an address. */
static gboolean
cmd_queue_target(struct cmd_request *req, const struct signoff *s,
    const char *target, GError **error)
{
	const struct config *c = req->b->config;
	gboolean all = target == NULL || strcmp(target, "all") == 0;

	if (target != NULL && strchr(target, '@') != NULL)
		return store_queue_mail(req->b->store, "issue", s->issue, s->id,
		    "extra", target, NULL, error);
	return (!(all || strcmp(target, "bao") == 0) ||
	    queue_list(req, s, "bao", &c->bao, error)) &&
	    (!(all || strcmp(target, "song") == 0) ||
	    queue_list(req, s, "song", &c->song, error)) &&
	    (!(all || strcmp(target, "fa") == 0) ||
	    queue_list(req, s, "fa", &c->fa, error));
}

/* The recipients this issue adds (本期增发), bound into the code. */
static gboolean
queue_extra(struct cmd_request *req, const struct signoff *s, GError **error)
{
	g_auto(GStrv) addresses = s->target ? g_strsplit(s->target, ",", -1) :
	    NULL;

	for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
		if (!store_queue_mail(req->b->store, "issue", s->issue, s->id,
		    "extra", addresses[i], NULL, error))
			return FALSE;
	return TRUE;
}

static gboolean
start_next_draft(struct cmd_request *req, gint64 sent, GError **error)
{
	gint64 next = store_draft_issue(req->b->store, error);

	return next != 0 && store_carry_deferred(req->b->store, sent, next,
	    error);
}

static gboolean
send_issue(struct cmd_request *req, const struct signoff *s,
    const struct issue_view *v, GError **error)
{
	const struct config *c = req->b->config;
	struct rendered_issue *r = render_issue(c, v);
	g_autofree char *tag = g_strdup_printf("issue.%d.%d", s->year,
	    s->number);
	g_autofree char *message_id = mail_make_message_id(c, tag);
	g_autoptr(GBytes) message = render_issue_message(c, v, r,
	    message_id);
	g_autofree char *notice = g_strdup_printf("%s已由 %s 签发（%s），"
	    "正在按报、发名单发送。\n", r->subject, req->editor->name, v->date);
	gboolean ok;

	ok = store_issue_sent(req->b->store, s->issue, s->kind, s->year,
	    s->number, v->total_number, v->date, s->target, message, s->digest,
	    error) && cmd_queue_target(req, s, NULL, error) &&
	    queue_extra(req, s, error) &&
	    start_next_draft(req, s->issue, error) &&
	    notify_queue_editors(req->b->store, c, r->subject, notice, NULL,
	    error);
	if (ok) {
		log_info("issue %s %d/%d signed off by %s", issue_kind_name(
		    s->kind), s->year, s->number, s->approver);
		g_string_append_printf(req->reply, "%s已签发，正在发送：报 %u、"
		    "发 %u 个地址。\n", r->subject, c->bao.members->len +
		    c->song.members->len, c->fa.members->len);
	}
	rendered_issue_free(r);
	return ok;
}

/* The draft as it is now, for an approver whose code went stale. */
static void
attach_preview(struct cmd_request *req, const struct issue_view *v)
{
	struct rendered_issue *r = render_issue(req->b->config, v);
	g_autoptr(GBytes) message = render_issue_message(req->b->config, v, r,
	    NULL);

	g_ptr_array_add(req->attachments, message_attachment_new(
	    "preview.eml", "message/rfc822", message));
	rendered_issue_free(r);
}

/* Refuse a finalize whose draft or number changed since the preview. */
static gboolean
finalize_still_valid(struct cmd_request *req, const struct signoff *s,
    const struct issue_view *v, GError **error)
{
	g_autofree char *digest = render_issue_digest(req->b->config, v);
	int next = issue_next_number(req->b->config, req->b->store, s->kind,
	    v->year, error);

	if (v->id != s->issue || v->year != s->year || next != s->number) {
		cmd_refuse(req, "issue number changed", "预览之后编号已变化"
		    "（已有其他一期发出，或已跨年），本确认码作废，未发送。"
		    "请重新发送“定稿”。\n");
		return FALSE;
	}
	if (strcmp(digest, s->digest) != 0) {
		log_warn("confirmation for issue %d refused: draft changed",
		    s->number);
		cmd_refuse(req, "draft changed", "草稿在预览之后已有改动，本确认码作废，"
		    "未发送。\n附件是草稿现在的样子；如同意，请编辑重新发送“定稿”，"
		    "审核新的确认码后再确认。\n");
		attach_preview(req, v);
		return FALSE;
	}
	return TRUE;
}

static gboolean
confirm_finalize(struct cmd_request *req, const struct signoff *s,
    GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	g_autofree char *date = issue_format_date(now);
	struct issue_view *v = issue_load_draft_as(req->b->config,
	    req->b->store, s->kind, g_date_time_get_year(now), s->number, date,
	    error);
	gboolean ok = TRUE;

	if (v == NULL)
		return FALSE;
	v->extra_label = issue_extra_label(s->target);
	if (finalize_still_valid(req, s, v, error) &&
	    store_use_signoff(req->b->store, s->id, error))
		ok = send_issue(req, s, v, error);
	else if (req->refused == NULL)
		ok = FALSE;
	issue_view_free(v);
	return ok;
}

static gboolean
confirm_resend(struct cmd_request *req, const struct signoff *s,
    GError **error)
{
	g_autoptr(GBytes) message = store_issue_message(req->b->store,
	    s->issue, error);
	g_autofree char *digest = NULL;

	if (message == NULL)
		return FALSE;
	digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, message);
	if (strcmp(digest, s->digest) != 0) {
		cmd_refuse(req, "issue changed", "该期简报的存档与预览不符，未发送。\n");
		return TRUE;
	}
	if (!store_use_signoff(req->b->store, s->id, error) ||
	    !cmd_queue_target(req, s, s->target, error))
		return FALSE;
	g_string_append_printf(req->reply, "第%d期正在重发给：%s。\n", s->number,
	    s->target ? s->target : "全部名单");
	return TRUE;
}

/* Why S cannot be used now, or NULL. */
static const char *
refusal(const struct cmd_request *req, const struct signoff *s,
    const char **reason_r)
{
	g_autoptr(GDateTime) now = clock_now();

	if (g_ascii_strcasecmp(s->approver, req->editor->address) != 0) {
		*reason_r = "code of another signer";
		return "该确认码不是发给您的，未发送。\n";
	}
	if (s->voided && !s->used) {
		*reason_r = "sent back";
		return "本期草稿已被退回修改，该确认码已作废，未发送。\n";
	}
	if (!s->used && g_date_time_to_unix(now) > s->expires) {
		*reason_r = "expired";
		return "确认码已过期，未发送。请重新发送“定稿”获取新的确认码。\n";
	}
	return NULL;
}

/* Sign S off: send the issue, or queue the resend. */
static gboolean
sign(struct cmd_request *req, const struct signoff *s, GError **error)
{
	const char *why, *reason = NULL;

	if ((why = refusal(req, s, &reason)) != NULL)
		cmd_refuse(req, reason, why);
	else if (s->used)
		g_string_append_printf(req->reply, "第%d期已经签发，无需重复确认。\n",
		    s->number);
	else if (strcmp(s->command, "resend") == 0)
		return confirm_resend(req, s, error);
	else
		return confirm_finalize(req, s, error);
	return TRUE;
}

static gboolean
cmd_confirm_run(struct cmd_request *req, GError **error)
{
	gboolean written;
	struct signoff *s = signoff_from_request(req, &written, error);
	gboolean ok;

	if (s == NULL)
		return req->refused != NULL;
	ok = sign(req, s, error);
	signoff_free(s);
	return ok;
}

/* Neither yes nor no: nothing is sent; the signer and editors are told. */
static gboolean
unclear(struct cmd_request *req, const struct signoff *s, const char *line,
    GError **error)
{
	g_autofree char *text = g_strdup_printf("签发人 %s 答复了第%d期的签发确认"
	    "邮件，但未明确同意，本期未发送。\n\n答复首行：%s\n",
	    req->editor->name, s->number, *line ? line : "（空）");

	g_string_append_printf(req->reply, "未能确认您同意发出，第%d期未发送。\n"
	    "您的答复首行是：“%s”。\n\n同意发出：回复签发确认邮件，第一行写“同意”。\n"
	    "退回修改：回复签发确认邮件，第一行写“驳回”并写明原因。\n", s->number,
	    line);
	req->refused = "answer neither yes nor no";
	return notify_queue_editors(req->b->store, req->b->config,
	    "【签发未明确】签发人的答复需要确认", text, NULL, error);
}

/*
 * A reply to a sign-off request: only a first line that says yes signs;
 * one that says no sends the draft back.
 */
static gboolean
cmd_signoff_reply_run(struct cmd_request *req, GError **error)
{
	gboolean written;
	struct signoff *s = signoff_from_request(req, &written, error);
	g_autofree char *first = NULL, *line = NULL;
	const char *why, *reason = NULL;
	gboolean ok = TRUE;

	if (s == NULL)
		return req->refused != NULL;
	first = cmd_first_line(req);
	line = code_mask(first);
	if ((why = refusal(req, s, &reason)) != NULL)
		cmd_refuse(req, reason, why);
	else switch (s->used ? APPROVAL_YES : approval_read(first)) {
	case APPROVAL_YES:
		ok = sign(req, s, error);
		break;
	case APPROVAL_NO:
		ok = cmd_send_back(req, s, error);
		break;
	case APPROVAL_UNCLEAR:
		ok = unclear(req, s, line, error);
		break;
	}
	signoff_free(s);
	return ok;
}

const struct cmd_entry cmd_confirm_entry = {
	"确认", "CONFIRM", CMD_SIGNER, FALSE,
	"签发：“确认 确认码”，或回复签发确认邮件，第一行写“同意”",
	cmd_confirm_run, TRUE,
};

const struct cmd_entry cmd_signoff_reply_entry = {
	"签发答复", "SIGNOFF-REPLY", CMD_SIGNER, FALSE,
	"回复签发确认邮件：第一行“同意”即发出，“驳回”加原因即退回",
	cmd_signoff_reply_run, TRUE,
};
