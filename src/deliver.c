/* Delivery of the outbox; see deliver.h. */
#include <string.h>

#include "code.h"
#include "crashpoint.h"
#include "deliver.h"
#include "error.h"
#include "log.h"
#include "notify.h"
#include "smtp.h"

static gint64
now_seconds(void)
{
	return g_get_real_time() / G_USEC_PER_SEC;
}

gint64
deliver_backoff(const struct config *c, int attempts)
{
	gint64 wait = c->retry_initial;

	for (int i = 1; i < attempts && wait < c->retry_max; i++)
		wait *= 2;
	return MIN(wait, (gint64)c->retry_max);
}

static gboolean
report_failure(struct bulletin *b, const struct outgoing *o,
    const char *reply, GError **error)
{
	g_autofree char *text = NULL;

	/* A notice to an editor that fails is only logged: no loops. */
	if (g_strcmp0(o->kind, "notice") == 0)
		return TRUE;
	text = g_strdup_printf("以下邮件无法送达，已停止发送：\n\n"
	    "收件人：%s\n类型：%s\n服务器答复：%s\n",
	    o->recipient, g_strcmp0(o->kind, "issue") == 0 ? "简报" : o->kind,
	    reply ? reply : "（无）");
	return notify_queue_editors(b->store, b->config, "【投递失败】邮件无法送达",
	    text, NULL, error);
}

/* Record the outcome of one attempt, in its own transaction. */
static gboolean
record_outcome(struct bulletin *b, const struct outgoing *o,
    const GError *failure, const char *reply, GError **error)
{
	enum delivery_state state = DELIVERY_SENT;
	gint64 next = 0;

	if (failure != NULL && failure->code == BULLETIN_ERROR_TEMPORARY &&
	    now_seconds() - o->created < b->config->retry_give_up) {
		state = DELIVERY_DEFERRED;
		next = now_seconds() + deliver_backoff(b->config,
		    o->attempts + 1);
	} else if (failure != NULL)
		state = DELIVERY_FAILED;
	if (!store_begin(b->store, error))
		return FALSE;
	if (!store_set_delivery(b->store, o->id, state, reply, next, error) ||
	    (state == DELIVERY_FAILED &&
	    !report_failure(b, o, reply, error))) {
		store_rollback(b->store);
		return FALSE;
	}
	if (!store_commit(b->store, error))
		return FALSE;
	if (failure != NULL)
		log_warn("%s to %s %s: %s", o->kind, o->recipient,
		    delivery_state_name(state), failure->message);
	else
		log_info("%s to %s sent: %s", o->kind, o->recipient,
		    reply ? reply : "");
	return TRUE;
}

static gboolean
mark_in_flight(struct bulletin *b, const struct outgoing *o, GError **error)
{
	if (!store_begin(b->store, error))
		return FALSE;
	if (!store_set_delivery(b->store, o->id, DELIVERY_IN_FLIGHT, NULL, 0,
	    error)) {
		store_rollback(b->store);
		return FALSE;
	}
	return store_commit(b->store, error);
}

/* The envelope sender of O: the issue carries a per-delivery return path
 * so that its delivery reports can be trusted. */
static char *
return_path(struct bulletin *b, const struct outgoing *o)
{
	const char *from = b->config->smtp_from;
	const char *at = strrchr(from, '@');
	g_autofree char *tag = NULL;

	if (g_strcmp0(o->kind, "issue") != 0 || at == NULL || b->key == NULL)
		return g_strdup(from);
	tag = code_bounce_tag(b->key, o->id);
	return g_strdup_printf("%.*s+b%" G_GINT64_FORMAT ".%s%s",
	    (int)(at - from), from, o->id, tag, at);
}

/* One mail; *unreachable_r tells the caller to stop this run. */
static gboolean
deliver_one(struct bulletin *b, struct smtp *smtp, const struct outgoing *o,
    gboolean *unreachable_r, GError **error)
{
	g_autoptr(GError) failure = NULL;
	g_autofree char *reply = NULL;
	g_autofree char *sender = return_path(b, o);

	if (!mark_in_flight(b, o, error))
		return FALSE;
	crashpoint("in-flight");
	smtp_send(smtp, sender, o->recipient, o->message,
	    &reply, unreachable_r, &failure);
	crashpoint("after-send");
	return record_outcome(b, o, failure, reply, error);
}

gboolean
deliver_run(struct bulletin *b, const char *password,
    volatile sig_atomic_t *stop, GError **error)
{
	g_autoptr(GPtrArray) due = store_due_mail(b->store, now_seconds(),
	    error);
	struct smtp *smtp;
	gboolean unreachable = FALSE, ok = TRUE;

	if (due == NULL)
		return FALSE;
	if (due->len == 0)
		return TRUE;
	smtp = smtp_new(&b->config->smtp, password);
	for (guint i = 0; ok && !unreachable && !*stop && i < due->len; i++)
		ok = deliver_one(b, smtp, due->pdata[i], &unreachable, error);
	smtp_free(smtp);
	if (unreachable)
		log_warn("smtp: server unreachable; remaining mail waits");
	return ok;
}
