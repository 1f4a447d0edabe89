/* Delivery of the outbox; see deliver.h. */
#include <stdlib.h>
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

/* Due rows read at a time: memory stays flat in the number of recipients. */
#define DELIVER_PAGE		500

/* Recipients per transaction of an issue (Postfix takes 1000 by default). */
#define DELIVER_RCPT_LIMIT	50

/*
 * The recipients one transaction may carry.  BULLETIND_RCPT_LIMIT, like
 * the crash points, is for tests that need several transactions from a
 * small list.
 */
static guint
rcpt_limit(void)
{
	const char *env = getenv("BULLETIND_RCPT_LIMIT");
	gint64 n = env != NULL ? g_ascii_strtoll(env, NULL, 10) : 0;

	return n > 0 ? (guint)MIN(n, 1000) : DELIVER_RCPT_LIMIT;
}

/* The bytes a transaction sends; an issue's are loaded once per run. */
struct source {
	gint64		 issue;		/* whose message is cached, or 0 */
	GBytes		*message;
};

static void
source_clear(struct source *src)
{
	g_clear_pointer(&src->message, g_bytes_unref);
	src->issue = 0;
}

/* Is O a copy of its issue's message, which other rows share? */
static gboolean
is_issue_copy(const struct outgoing *o)
{
	return g_strcmp0(o->kind, "issue") == 0 && o->issue > 0 &&
	    !o->own_message;
}

/* The message for O, borrowed from SRC until the next call. */
static GBytes *
source_load(struct bulletin *b, struct source *src, const struct outgoing *o,
    GError **error)
{
	if (is_issue_copy(o) && src->message != NULL && src->issue == o->issue)
		return src->message;
	source_clear(src);
	if ((src->message = store_delivery_message(b->store, o->id,
	    error)) == NULL)
		return NULL;
	src->issue = is_issue_copy(o) ? o->issue : 0;
	return src->message;
}

static gboolean
has_recipient(GPtrArray *page, guint start, guint n, const char *rcpt)
{
	for (guint i = start; i < start + n; i++)
		if (g_ascii_strcasecmp(((struct outgoing *)page->pdata[i])->
		    recipient, rcpt) == 0)
			return TRUE;
	return FALSE;
}

/*
 * How many rows from START go in one transaction: copies of the same
 * issue, each recipient once (a report must name one row), up to LIMIT;
 * any other mail goes alone.
 */
static guint
group_size(GPtrArray *page, guint start, guint limit)
{
	const struct outgoing *first = page->pdata[start];
	guint n = 1;

	if (!is_issue_copy(first))
		return 1;
	while (start + n < page->len && n < limit) {
		const struct outgoing *o = page->pdata[start + n];
		if (!is_issue_copy(o) || o->issue != first->issue ||
		    has_recipient(page, start, n, o->recipient))
			break;
		n++;
	}
	return n;
}

/* The state an attempt leaves O in, and when it is tried again. */
static enum delivery_state
next_state(struct bulletin *b, const struct outgoing *o,
    enum smtp_outcome outcome, gint64 *next_r)
{
	*next_r = 0;
	if (outcome == SMTP_ACCEPTED)
		return DELIVERY_SENT;
	if (outcome == SMTP_TEMPORARY &&
	    now_seconds() - o->created < b->config->retry_give_up) {
		*next_r = now_seconds() + deliver_backoff(b->config,
		    o->attempts + 1);
		return DELIVERY_DEFERRED;
	}
	return DELIVERY_FAILED;
}

static void
log_outcome(const struct outgoing *o, enum delivery_state state,
    const struct smtp_result *res, const GError *failure, gboolean alone)
{
	const char *why = res->reply != NULL ? res->reply :
	    failure != NULL ? failure->message : "no reply";

	if (state != DELIVERY_SENT)
		log_warn("%s to %s %s: %s", o->kind, o->recipient,
		    delivery_state_name(state), why);
	else if (!alone)	/* a lone copy gets the info line below */
		log_debug("%s to %s sent: %s", o->kind, o->recipient, why);
}

static const char *
first_accepted_reply(const struct smtp_result *results, guint n)
{
	for (guint i = 0; i < n; i++)
		if (results[i].outcome == SMTP_ACCEPTED && results[i].reply)
			return results[i].reply;
	return "";
}

/* Record the outcomes of one transaction, in one store transaction. */
static gboolean
record_outcomes(struct bulletin *b, struct outgoing **rows, guint n,
    const struct smtp_result *results, const GError *failure,
    GError **error)
{
	enum delivery_state *states = g_newa(enum delivery_state, n);
	guint sent = 0;

	if (!store_begin(b->store, error))
		return FALSE;
	for (guint i = 0; i < n; i++) {
		gint64 next;
		states[i] = next_state(b, rows[i], results[i].outcome, &next);
		if (!store_set_delivery(b->store, rows[i]->id, states[i],
		    results[i].reply, next, error) ||
		    (states[i] == DELIVERY_FAILED &&
		    !report_failure(b, rows[i], results[i].reply, error))) {
			store_rollback(b->store);
			return FALSE;
		}
	}
	if (!store_commit(b->store, error))
		return FALSE;
	for (guint i = 0; i < n; i++) {
		log_outcome(rows[i], states[i], &results[i], failure, n == 1);
		sent += states[i] == DELIVERY_SENT;
	}
	if (sent == 0)
		return TRUE;
	if (n == 1)
		log_info("%s to %s sent: %s", rows[0]->kind, rows[0]->recipient,
		    results[0].reply ? results[0].reply : "");
	else
		log_info("%s %" G_GINT64_FORMAT " to %u of %u recipients from %s"
		    " sent: %s", rows[0]->kind, rows[0]->issue, sent, n,
		    rows[0]->recipient, first_accepted_reply(results, n));
	return TRUE;
}

/* Intent before action: the whole group in flight, in one commit. */
static gboolean
mark_in_flight(struct bulletin *b, struct outgoing **rows, guint n,
    GError **error)
{
	if (!store_begin(b->store, error))
		return FALSE;
	for (guint i = 0; i < n; i++)
		if (!store_set_in_flight(b->store, rows[i]->id, rows[0]->id,
		    error)) {
			store_rollback(b->store);
			return FALSE;
		}
	return store_commit(b->store, error);
}

/* The envelope sender of O: the issue carries a per-transaction return
 * path, named by its first delivery, so that its delivery reports can be
 * trusted. */
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

/* One transaction to the N ROWS; *unreachable_r tells the caller to stop
 * this run. */
static gboolean
deliver_group(struct bulletin *b, struct smtp *smtp, GBytes *message,
    struct outgoing **rows, guint n, gboolean *unreachable_r, GError **error)
{
	g_autoptr(GError) failure = NULL;
	g_autofree char *sender = return_path(b, rows[0]);
	const char **rcpts = g_newa(const char *, n);
	struct smtp_result *results = g_newa(struct smtp_result, n);
	gboolean ok;

	for (guint i = 0; i < n; i++)
		rcpts[i] = rows[i]->recipient;
	if (!mark_in_flight(b, rows, n, error))
		return FALSE;
	crashpoint("in-flight");
	smtp_send(smtp, sender, rcpts, n, message, results, unreachable_r,
	    &failure);
	crashpoint("after-send");
	ok = record_outcomes(b, rows, n, results, failure, error);
	for (guint i = 0; i < n; i++)
		smtp_result_clear(&results[i]);
	return ok;
}

struct run {
	struct bulletin	*b;
	const char	*password;
	struct smtp	*smtp;		/* opened on the first due mail */
	struct source	 source;
	guint		 limit;
	gboolean	 unreachable;
};

/* Send one page of due rows, a transaction at a time, until STOP. */
static gboolean
deliver_page(struct run *run, GPtrArray *page, volatile sig_atomic_t *stop,
    GError **error)
{
	struct bulletin *b = run->b;

	if (run->smtp == NULL)
		run->smtp = smtp_new(&b->config->smtp, run->password);
	for (guint i = 0, n; i < page->len && !run->unreachable && !*stop;
	    i += n) {
		struct outgoing **rows = (struct outgoing **)&page->pdata[i];
		GBytes *message;
		n = group_size(page, i, run->limit);
		if ((message = source_load(b, &run->source, rows[0],
		    error)) == NULL ||
		    !deliver_group(b, run->smtp, message, rows, n,
		    &run->unreachable, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
deliver_run(struct bulletin *b, const char *password,
    volatile sig_atomic_t *stop, GError **error)
{
	struct run run = { b, password, NULL, { 0, NULL }, rcpt_limit(),
	    FALSE };
	gint64 now = now_seconds(), after = 0;
	gboolean ok = TRUE;

	while (ok && !run.unreachable && !*stop) {
		g_autoptr(GPtrArray) page = store_due_mail(b->store, now,
		    after, DELIVER_PAGE, error);
		if (page == NULL || page->len == 0) {
			ok = page != NULL;
			break;
		}
		after = ((struct outgoing *)page->pdata[page->len - 1])->id;
		ok = deliver_page(&run, page, stop, error);
	}
	smtp_free(run.smtp);
	source_clear(&run.source);
	if (run.unreachable)
		log_warn("smtp: server unreachable; remaining mail waits");
	return ok;
}
