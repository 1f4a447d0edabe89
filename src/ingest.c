/* Ingest of the office mailbox; see ingest.h. */
#include <string.h>

#include "article.h"
#include "clock.h"
#include "code.h"
#include "command.h"
#include "commission.h"
#include "crashpoint.h"
#include "error.h"
#include "ingest.h"
#include "issue.h"
#include "log.h"
#include "message.h"
#include "notify.h"
#include "verdict.h"

/* ANSWERED: the receipt's lines for the 约稿 the article answers, or "". */
static char *
receipt_text(const struct unit *u, const char *title, const char *body,
    int seq, int number, int replaced, const char *answered)
{
	g_autofree char *note = replaced > 0 ? g_strdup_printf(
	    "本稿为修改稿，已替换草稿中原第%d篇稿件（原稿留档）。\n\n", replaced) :
	    g_strdup("");

	return g_strdup_printf("%s：\n\n"
	    "您单位的来稿已收到，已编入下一期简报草稿（拟第%d期）。\n\n%s%s%s"
	    "稿件编号：%d\n标题：%s\n字数：%ld\n\n"
	    "如需修改，请直接回复本邮件并附上修改稿。\n"
	    "本邮件由简报系统自动发送。\n",
	    u->name, number, note, answered, *answered ? "\n" : "", seq,
	    title, article_length(body));
}

/* Message-IDs named in In-Reply-To and References (NULL-terminated). */
static char **
referenced_ids(const char *threading)
{
	GPtrArray *ids = g_ptr_array_new();
	const char *p = threading;

	while ((p = strchr(p, '<')) != NULL) {
		const char *end = strchr(p, '>');
		if (end == NULL)
			break;
		g_ptr_array_add(ids, g_strndup(p + 1, end - p - 1));
		p = end + 1;
	}
	g_ptr_array_add(ids, NULL);
	return (char **)g_ptr_array_free(ids, FALSE);
}

/* What only the store knows: a duplicate article or a revision. */
struct filing {
	gint64		 issue;
	gint64		 replaces;	/* article id, or 0 */
	int		 seq;		/* its number, reused by the revision */
	char		*title_key;
	char		*digest;	/* of the body */
	GString		*answered;	/* the receipt's 约稿 lines */
};

static gboolean
check_article(struct bulletin *b, struct verdict *v, struct filing *f,
    GError **error)
{
	g_auto(GStrv) ids = referenced_ids(v->message->threading);
	gint64 same;

	if ((same = store_find_same_article(b->store, v->unit->code,
	    f->digest, error)) < 0)
		return FALSE;
	if (same > 0) {
		v->state = MESSAGE_DUPLICATE;
		g_free(v->reason);
		v->reason = g_strdup("same article text as an earlier one from "
		    "this unit");
		return TRUE;
	}
	if ((f->issue = store_draft_issue(b->store, error)) == 0)
		return FALSE;
	f->replaces = store_find_revision(b->store, f->issue, v->unit->code,
	    f->title_key, ids, &f->seq, error);
	if (f->replaces < 0)
		return FALSE;
	if (f->replaces > 0) {
		struct article *revised = v->article;
		char *title = article_title_strip_marks(revised->title);
		g_free(revised->title);
		revised->title = title;
		v->state = MESSAGE_REPLACED;
		g_free(v->reason);
		v->reason = g_strdup_printf("revision of article %d", f->seq);
	}
	return TRUE;
}

static gboolean
keep_attachments(struct bulletin *b, const struct article *art,
    gint64 message, GError **error)
{
	for (guint i = 0; i < art->attachments->len; i++) {
		const struct attachment *a = art->attachments->pdata[i];
		if (!store_add_attachment(b->store, message, a->name,
		    a->content_type, a->data, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
tell_conversions(struct bulletin *b, const struct verdict *v, GError **error)
{
	g_autoptr(GString) text = g_string_new(NULL);

	for (guint i = 0; i < v->article->diagnostics->len; i++) {
		const char *d = v->article->diagnostics->pdata[i];
		if (g_str_has_suffix(d, "needs conversion"))
			g_string_append_printf(text, "  %s\n", d);
	}
	if (text->len == 0)
		return TRUE;
	g_string_prepend(text, "以下来稿附件需要转换格式后才能编辑：\n\n");
	g_string_append_printf(text, "\n来稿单位：%s\n标题：%s\n",
	    v->unit->name, v->article->title);
	return notify_queue_editors(b->store, b->config, "【需转换】来稿附件格式",
	    text->str, NULL, error);
}

static gboolean
file_article(struct bulletin *b, struct verdict *v, struct filing *f,
    gint64 message, GError **error)
{
	const struct article *art = v->article;
	struct article_row row = { v->unit->code, art->title, f->title_key,
	    art->body, f->digest, { art->fields[0], art->fields[1],
	    art->fields[2] }, v->state == MESSAGE_HELD };
	g_autoptr(GDateTime) now = clock_now();
	gint64 id;
	int seq = 0;

	if (f->issue == 0 && (f->issue = store_draft_issue(b->store,
	    error)) == 0)
		return FALSE;
	if (f->replaces > 0 &&
	    !store_set_article_replaced(b->store, f->replaces, error))
		return FALSE;
	if ((id = store_add_article(b->store, f->issue, message, &row,
	    f->replaces > 0 ? f->seq : 0, &seq, error)) == 0)
		return FALSE;
	f->seq = seq;
	return keep_attachments(b, art, message, error) &&
	    commission_answer(b, v->unit->code, art->title, art->body,
	    v->message->threading, id, now, f->answered, error);
}

static gboolean
send_receipt(struct bulletin *b, const struct verdict *v,
    const struct filing *f, GError **error)
{
	const struct article *art = v->article;
	g_autoptr(GDateTime) now = clock_now();
	g_autofree char *subject = g_strdup_printf("来稿已收到：%s", art->title);
	g_autofree char *text = NULL;
	int number = issue_next_number(b->config, b->store, ISSUE_REGULAR,
	    g_date_time_get_year(now), error);

	if (number == 0)
		return FALSE;
	log_info("article %d %s for %s: %s", f->seq, v->state ==
	    MESSAGE_REPLACED ? "replaced" : "filed", v->unit->code, art->title);
	text = receipt_text(v->unit, art->title, art->body, f->seq, number,
	    f->replaces > 0 ? f->seq : 0, f->answered->str);
	return notify_queue_reply(b->store, b->config, "receipt", v->unit->name,
	    v->message->from_address, subject, text, v->message->message_id,
	    NULL, error) && tell_conversions(b, v, error);
}

static gboolean
tell_editors(struct bulletin *b, const struct verdict *v, gint64 message,
    GError **error)
{
	const struct message *m = v->message;
	gboolean held = v->state == MESSAGE_HELD;
	g_autofree char *text = g_strdup_printf(
	    "以下邮件未编入简报%s，待编辑处理：\n\n"
	    "编号：%" G_GINT64_FORMAT "\n发件人：%s%s%s\n主题：%s\n原因：%s\n\n"
	    "如确属来稿，可发送主题为“采用 %" G_GINT64_FORMAT " 单位代码”的邮件编入。\n",
	    held ? "（暂缓处理）" : "", message,
	    m && m->from_name ? m->from_name : "",
	    m && m->from_name ? " " : "",
	    m && m->from_address ? m->from_address : "（无）",
	    m ? m->subject : "（无法解析）", v->reason, message);

	return notify_queue_editors(b->store, b->config, held ?
	    "【暂缓】一篇来稿已暂缓编入" : "【待处理】一封来信已隔离", text,
	    NULL, error);
}

/* The delivery a report is addressed to (our VERP return path), or 0. */
static gint64
reported_delivery(struct bulletin *b, const struct message *m)
{
	for (guint i = 0; m->to != NULL && i < m->to->len; i++) {
		const char *a = m->to->pdata[i];
		gint64 id = code_bounce_delivery(b->key, a);
		if (id > 0)
			return id;
	}
	return 0;
}

/* A report counts only for the delivery it names, to the recipient it
 * names: a forged one changes nothing. */
static gboolean
note_bounce(struct bulletin *b, const struct verdict *v, GError **error)
{
	const char *rcpt = v->message->dsn_recipient;
	gint64 delivery;
	int n;

	if (v->class != CLASS_BOUNCE || rcpt == NULL)
		return TRUE;
	if ((delivery = reported_delivery(b, v->message)) == 0) {
		log_warn("delivery report about %s matches nothing we sent: "
		    "ignored", rcpt);
		return TRUE;
	}
	if ((n = store_mark_bounced(b->store, delivery, rcpt, error)) < 0)
		return FALSE;
	if (n > 0)
		log_warn("delivery report: the issue to %s bounced", rcpt);
	return TRUE;
}

/*
 * A command in an editor's name that our server does not vouch for:
 * recorded in the audit, never executed and never answered (an answer
 * would go to the real editor, or feed the forger).
 */
static gboolean
refuse_command(struct bulletin *b, const struct verdict *v, gint64 message,
    GError **error)
{
	struct command_row row = { message, v->editor->address,
	    "UNAUTHENTICATED", NULL, "refused", v->reason };

	log_warn("command mail in the name of %s refused: %s",
	    v->editor->address, v->auth.evidence);
	return store_add_command(b->store, &row, error);
}

static gboolean
act(struct bulletin *b, struct verdict *v, struct filing *f, gint64 message,
    GError **error)
{
	switch (v->state) {
	case MESSAGE_FILED:
	case MESSAGE_REPLACED:
		return file_article(b, v, f, message, error) &&
		    send_receipt(b, v, f, error);
	case MESSAGE_HELD:
		return file_article(b, v, f, message, error) &&
		    tell_editors(b, v, message, error);
	case MESSAGE_COMMAND:
		return command_execute(b, v->message, message, v->editor,
		    error);
	case MESSAGE_QUARANTINED:
		return tell_editors(b, v, message, error);
	case MESSAGE_REFUSED:
		return refuse_command(b, v, message, error);
	case MESSAGE_IGNORED:
		return note_bounce(b, v, error);
	case MESSAGE_DUPLICATE:
		return TRUE;
	}
	g_assert_not_reached();
}

static const char *
folder_for(const struct config *c, enum message_state state)
{
	return state == MESSAGE_QUARANTINED || state == MESSAGE_REFUSED ?
	    c->imap_quarantine_folder : c->imap_processed_folder;
}

/*
 * Settle what the store knows, record the message, act, in one step: its
 * own transaction, or the caller's when BATCHED (the caller commits, or
 * rolls back on failure).
 */
static gboolean
record(struct bulletin *b, struct verdict *v, struct message_row *row,
    gboolean batched, GError **error)
{
	struct filing f = { .answered = g_string_new(NULL) };
	gint64 id, same = 0;
	gboolean ok = FALSE;

	if (!batched && !store_begin(b->store, error))
		return FALSE;
	if (v->message != NULL && (same = store_find_same_message(b->store,
	    v->message->message_id, row->digest, error)) < 0)
		goto out;
	if (same > 0) {
		v->state = MESSAGE_DUPLICATE;
		g_free(v->reason);
		v->reason = g_strdup("same Message-ID or content as an earlier "
		    "message");
	} else if (v->article != NULL) {
		f.title_key = article_title_key(v->article->title);
		f.digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256,
		    v->article->body, -1);
		if (v->state == MESSAGE_FILED && !check_article(b, v, &f,
		    error))
			goto out;
	}
	row->state = v->state;
	row->reason = v->reason;
	row->unit = v->unit ? v->unit->code : NULL;
	row->folder = folder_for(b->config, v->state);
	if (v->class == CLASS_COMMAND || v->class == CLASS_CONTRIBUTION) {
		row->auth = auth_state_name(v->auth.state);
		row->auth_evidence = v->auth.evidence;
	}
	if ((id = store_add_message(b->store, row, error)) == 0 ||
	    !act(b, v, &f, id, error))
		goto out;
	ok = batched || store_commit(b->store, error);
out:
	if (!ok && !batched)
		store_rollback(b->store);
	g_free(f.title_key);
	g_free(f.digest);
	g_string_free(f.answered, TRUE);
	return ok;
}

static char *
digest_of(GBytes *raw)
{
	return g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, raw);
}

/* A fetched message, spooled and classified, ready to be recorded. */
struct incoming {
	struct message_row row;
	char		*digest;
	char		*spool;
	char		*subject;	/* masked */
	struct verdict	*verdict;
};

/* DIGEST: RAW's, if known (spool_ahead), or NULL. */
static gboolean
incoming_init(struct bulletin *b, guint32 uidvalidity, guint32 uid,
    GBytes *raw, const char *digest, struct incoming *in, GError **error)
{
	struct message_row row = { uidvalidity, uid, NULL, NULL };
	struct verdict *v;

	memset(in, 0, sizeof *in);
	in->digest = digest != NULL ? g_strdup(digest) : digest_of(raw);
	if ((in->spool = store_spool_put(b->store, in->digest, raw,
	    error)) == NULL)
		return FALSE;
	in->verdict = v = verdict_new(b->config, g_bytes_get_data(raw, NULL),
	    g_bytes_get_size(raw));
	in->row = row;
	in->row.digest = in->digest;
	in->row.spool = in->spool;
	if (v->message != NULL) {
		in->row.message_id = v->message->message_id;
		in->row.sender = v->message->from_address;
		in->row.subject = in->subject = code_mask(v->message->subject);
	}
	return TRUE;
}

static void
incoming_clear(struct incoming *in)
{
	verdict_free(in->verdict);
	g_free(in->digest);
	g_free(in->spool);
	g_free(in->subject);
}

/* The log line for a recorded message. */
static char *
incoming_note(const struct incoming *in)
{
	const struct verdict *v = in->verdict;

	return g_strdup_printf("message uid %u from %s: %s (%s)", in->row.uid,
	    in->row.sender ? in->row.sender : "-",
	    message_state_name(v->state), v->reason);
}

struct verdict *
ingest_file_message(struct bulletin *b, guint32 uidvalidity, guint32 uid,
    GBytes *raw, GError **error)
{
	struct incoming in;
	g_autofree char *note = NULL;
	struct verdict *v;

	if (!incoming_init(b, uidvalidity, uid, raw, NULL, &in, error) ||
	    !record(b, in.verdict, &in.row, FALSE, error)) {
		incoming_clear(&in);
		return NULL;
	}
	note = incoming_note(&in);
	log_info("%s", note);
	v = g_steal_pointer(&in.verdict);
	incoming_clear(&in);
	return v;
}

/* ---- a poll, in batches ------------------------------------------------- */

/*
 * UIDs fetched, filed and marked together.  Each batch costs the server a
 * few commands whatever its size (flags, moves, the fetchers' SELECTs):
 * at 5,000 waiting, batches of 200 filed in 3.7 s where batches of 100
 * took 4.6 s.  Three batches are in memory at once (one marked, one filed,
 * one fetched), so a batch is sized by bytes too: after a fetch the next
 * takes what fits BATCH_BYTES at the size just seen, and the first is
 * small, before any size is known.
 */
#define BATCH_SIZE	200
#define BATCH_FIRST	20
#define BATCH_BYTES	(16 * 1024 * 1024)

/* One UID of a batch. */
struct pending {
	guint32		 uid;
	gboolean	 unseen;	/* before our fetch set \Seen */
	GBytes		*raw;		/* fetched, not yet recorded */
	char		*digest;	/* of RAW, spooled ahead, or NULL */
	gboolean	 done;		/* recorded and committed, or skipped */
	gboolean	 recorded;	/* in the store: mark it on the server */
	char		*folder;	/* where it goes once recorded */
	char		*note;		/* log line, printed once committed */
};

static void
pending_clear(struct pending *p)
{
	g_clear_pointer(&p->raw, g_bytes_unref);
	g_clear_pointer(&p->digest, g_free);
	g_clear_pointer(&p->folder, g_free);
	g_clear_pointer(&p->note, g_free);
}

/* Settle P[FIRST..N): committed, or forgotten after a rollback. */
static void
batch_settle(struct pending *p, guint first, guint n, gboolean committed)
{
	for (guint i = first; i < n; i++) {
		if (p[i].done || p[i].note == NULL)
			continue;
		if (committed) {
			log_info("%s", p[i].note);
			p[i].done = p[i].recorded = TRUE;
			g_clear_pointer(&p[i].raw, g_bytes_unref);
		} else
			g_clear_pointer(&p[i].folder, g_free);
		g_clear_pointer(&p[i].note, g_free);
	}
}

static gboolean
batch_commit(struct bulletin *b, struct pending *p, guint first, guint n,
    GError **error)
{
	if (!store_commit(b->store, error))
		return FALSE;
	batch_settle(p, first, n, TRUE);
	return TRUE;
}

/*
 * Record P[I]; a command runs in a transaction of its own (it may do much
 * and is rare), so the open batch is committed before it.
 */
static gboolean
batch_record(struct bulletin *b, guint32 uidvalidity, struct pending *p,
    guint i, gboolean *open, guint *first, GError **error)
{
	struct incoming in;
	gboolean alone, ok;

	if (!incoming_init(b, uidvalidity, p[i].uid, p[i].raw, p[i].digest,
	    &in, error)) {
		incoming_clear(&in);
		return FALSE;
	}
	alone = in.verdict->state == MESSAGE_COMMAND;
	ok = !alone || !*open || batch_commit(b, p, *first, i, error);
	if (ok && alone)
		*open = FALSE;
	if (ok && !alone && !*open && (ok = store_begin(b->store, error))) {
		*open = TRUE;
		*first = i;
	}
	if (ok && (ok = record(b, in.verdict, &in.row, !alone, error))) {
		p[i].folder = g_strdup(folder_for(b->config,
		    in.verdict->state));
		p[i].note = incoming_note(&in);
		if (alone)
			batch_settle(p, i, i + 1, TRUE);
	}
	incoming_clear(&in);
	return ok;
}

/*
 * File the fetched messages of P[0..N) in one transaction; everything is
 * committed before the server hears of it.  On failure the open part is
 * rolled back and stays unrecorded.
 */
static gboolean
file_together(struct bulletin *b, guint32 uidvalidity, struct pending *p,
    guint n, GError **error)
{
	gboolean open = FALSE;
	guint first = 0;

	for (guint i = 0; i < n; i++) {
		if (!p[i].done && !batch_record(b, uidvalidity, p, i, &open,
		    &first, error))
			goto fail;
	}
	if (!open || batch_commit(b, p, first, n, error))
		return TRUE;
fail:
	if (open) {
		store_rollback(b->store);
		batch_settle(p, first, n, FALSE);
	}
	return FALSE;
}

/* After a failed batch: one transaction per message, to file what can
 * be filed; stops at the first that fails. */
static gboolean
file_each(struct bulletin *b, guint32 uidvalidity, struct pending *p,
    guint n, GError **error)
{
	for (guint i = 0; i < n; i++)
		if (!p[i].done && !file_together(b, uidvalidity, &p[i], 1,
		    error)) {
			g_prefix_error(error, "uid %u: ", p[i].uid);
			return FALSE;
		}
	return TRUE;
}

/* Those recorded before (a crash after the commit) need only the marks. */
static gboolean
look_up_known(struct bulletin *b, guint32 uidvalidity, struct pending *p,
    guint n, GError **error)
{
	for (guint i = 0; i < n; i++) {
		g_autoptr(GError) local = NULL;
		if (store_knows_uid(b->store, uidvalidity, p[i].uid,
		    &p[i].folder, &local)) {
			log_info("message uid %u was recorded before: marking "
			    "it", p[i].uid);
			p[i].done = p[i].recorded = TRUE;
		} else if (local != NULL) {
			g_propagate_error(error, g_steal_pointer(&local));
			return FALSE;
		}
	}
	return TRUE;
}

/* A batch of a poll: its UIDs, and their fetch while it runs. */
struct batch {
	struct pending	 p[BATCH_SIZE];
	guint		 n;
	struct imap_fetch items[BATCH_SIZE];
	guint		 index[BATCH_SIZE];	/* item -> its pending */
	guint		 k;			/* items being fetched */
};

/* How many the batch after FETCHED may take (see BATCH_SIZE). */
static guint
batch_size_after(const struct batch *fetched)
{
	gsize bytes = 0;
	guint n = 0;

	for (guint i = 0; i < fetched->n; i++)
		if (fetched->p[i].raw != NULL) {
			bytes += g_bytes_get_size(fetched->p[i].raw);
			n++;
		}
	if (bytes == 0)		/* all known already: grow as from nothing */
		return MIN(MAX(2 * fetched->n, BATCH_FIRST), BATCH_SIZE);
	return CLAMP(BATCH_BYTES / (bytes / n + 1), 1, BATCH_SIZE);
}

/* UIDS[FIRST..], at most SIZE of them, as a new batch; NULL past the
 * end. */
static struct batch *
batch_new(const GArray *uids, GHashTable *unseen, guint first, guint size)
{
	struct batch *batch;

	if (first >= uids->len)
		return NULL;
	batch = g_new0(struct batch, 1);
	batch->n = MIN(MIN(size, BATCH_SIZE), uids->len - first);
	for (guint j = 0; j < batch->n; j++) {
		struct pending *q = &batch->p[j];
		q->uid = g_array_index(uids, guint32, first + j);
		q->unseen = g_hash_table_contains(unseen,
		    GUINT_TO_POINTER(q->uid));
	}
	return batch;
}

static void
batch_free(struct batch *batch)
{
	if (batch == NULL)
		return;
	for (guint j = 0; j < batch->n; j++)
		pending_clear(&batch->p[j]);
	for (guint j = 0; j < batch->k; j++) {
		g_clear_pointer(&batch->items[j].raw, g_bytes_unref);
		g_clear_error(&batch->items[j].error);
	}
	g_free(batch);
}

/* What of BATCH the store does not know yet: the items to fetch. */
static gboolean
batch_look_up(struct bulletin *b, guint32 uidvalidity, struct batch *batch,
    GError **error)
{
	struct pending *p = batch->p;

	if (!look_up_known(b, uidvalidity, p, batch->n, error))
		return FALSE;
	for (guint i = 0; i < batch->n; i++)
		if (!p[i].done) {
			batch->index[batch->k] = i;
			batch->items[batch->k++].uid = p[i].uid;
		}
	return TRUE;
}

/*
 * Write Q's message to the spool before it is filed, off the filing
 * thread and while the other fetches are in flight.  Only the write:
 * recording it still spools it (finding it there), and that takes it into
 * the commit's flush.  A failure here is left to that second try.
 */
static void
spool_ahead(struct store *store, struct pending *q)
{
	g_autoptr(GError) local = NULL;
	g_autofree char *digest = digest_of(q->raw);
	g_autofree char *name = store_spool_write(store, digest, q->raw,
	    &local);

	if (name != NULL)
		q->digest = g_steal_pointer(&digest);
}

/* Where a batch's fetch puts what comes in. */
struct batch_sink {
	struct store	*spool;		/* store_spool_write only */
	struct batch	*batch;
};

/* ITEM is in: its message to its pending, and to the spool. */
static void
batch_fetched(struct imap_fetch *item, gpointer data)
{
	struct batch_sink *sink = data;
	struct batch *batch = sink->batch;
	struct pending *q = &batch->p[batch->index[item - batch->items]];

	q->raw = g_steal_pointer(&item->raw);
	spool_ahead(sink->spool, q);
}

/* Fetch BATCH's items, each message to its pending and the spool, the
 * vanished ones skipped.  IMAP and the spool only: it may run in the
 * worker (see below). */
static gboolean
batch_fetch(struct imap *imap, struct store *spool, guint32 uidvalidity,
    struct batch *batch, GError **error)
{
	struct batch_sink sink = { spool, batch };
	gboolean ok = imap_fetch(imap, uidvalidity, batch->items, batch->k,
	    batch_fetched, &sink, error);

	for (guint j = 0; j < batch->k; j++) {
		struct imap_fetch *item = &batch->items[j];
		struct pending *q = &batch->p[batch->index[j]];
		if (item->error != NULL &&
		    item->error->code == BULLETIN_ERROR_INPUT) {
			log_warn("message uid %u: %s; skipped", q->uid,
			    item->error->message);
			q->done = TRUE;
		}
		g_clear_error(&item->error);
	}
	batch->k = 0;
	return ok;
}

/* Folder name -> GArray of UIDs to move there. */
static GHashTable *
moves_new(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_array_unref);
}

static void
moves_add(GHashTable *moves, const char *folder, guint32 uid)
{
	GArray *uids;

	if (folder == NULL || g_ascii_strcasecmp(folder, "INBOX") == 0)
		return;
	if ((uids = g_hash_table_lookup(moves, folder)) == NULL) {
		uids = g_array_new(FALSE, FALSE, sizeof(guint32));
		g_hash_table_insert(moves, g_strdup(folder), uids);
	}
	g_array_append_val(uids, uid);
}

static gboolean
moves_run(struct imap *imap, GHashTable *moves, GError **error)
{
	GHashTableIter it;
	gpointer folder, uids;

	g_hash_table_iter_init(&it, moves);
	while (g_hash_table_iter_next(&it, &folder, &uids))
		if (!imap_move(imap, uids, folder, error))
			return FALSE;
	return TRUE;
}

/* Flag what is recorded, restore \Seen, then move, each in bulk. */
static gboolean
mark_batch(struct imap *imap, struct pending *p, guint n, GError **error)
{
	g_autoptr(GArray) uids = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autoptr(GArray) unseen = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autoptr(GHashTable) moves = moves_new();

	for (guint i = 0; i < n; i++) {
		/* The fetch set \Seen on all, recorded or not. */
		if (p[i].unseen)
			g_array_append_val(unseen, p[i].uid);
		if (!p[i].recorded)
			continue;
		g_array_append_val(uids, p[i].uid);
		moves_add(moves, p[i].folder, p[i].uid);
	}
	if (!imap_mark_filed(imap, uids, unseen, error))
		return FALSE;
	crashpoint("after-mark");
	return moves_run(imap, moves, error);
}

/* A fetch that failed: nothing of BATCH is recorded; \Seen goes back
 * where the office had it, if the server lets us. */
static void
unfetched(struct imap *imap, struct batch *batch)
{
	for (guint i = 0; i < batch->n; i++)
		batch->p[i].done = batch->p[i].recorded = FALSE;
	mark_batch(imap, batch->p, batch->n, NULL);
}

/* File what BATCH fetched, in one transaction or else one by one. */
static gboolean
file_batch(struct bulletin *b, guint32 uidvalidity, struct batch *batch,
    GError **error)
{
	g_autoptr(GError) local = NULL;

	if (file_together(b, uidvalidity, batch->p, batch->n, &local))
		return TRUE;
	log_warn("filing %u message(s) together: %s; one by one", batch->n,
	    local->message);
	return file_each(b, uidvalidity, batch->p, batch->n, error);
}

/* The marks of a filed batch: it is committed. */
static gboolean
mark_filed(struct imap *imap, struct batch *batch, GError **error)
{
	crashpoint("after-commit");
	return mark_batch(imap, batch->p, batch->n, error);
}

/*
 * The server's part of a cycle, in a thread of its own while the main
 * thread files the current batch: the marks of the batch filed before
 * it, then the fetch of the one after it, so that the fetch connections
 * wait in their park while the marks run (see imap.h).  Until it is
 * joined the worker alone uses IMAP; the store stays with the main
 * thread.
 */
struct cycle {
	struct imap	*imap;
	struct store	*spool;		/* store_spool_write only */
	guint32		 uidvalidity;
	struct batch	*marked;	/* filed before, or NULL */
	struct batch	*fetched;	/* looked up, or NULL */
	gboolean	 mark_ok, fetch_ok;
	GError		*mark_error, *fetch_error;
};

static gpointer
cycle_run(gpointer data)
{
	struct cycle *c = data;

	c->mark_ok = c->marked == NULL || mark_filed(c->imap, c->marked,
	    &c->mark_error);
	c->fetch_ok = c->fetched != NULL && c->mark_ok &&
	    batch_fetch(c->imap, c->spool, c->uidvalidity, c->fetched,
	    &c->fetch_error);
	return NULL;
}

/* Start C's server work: in a worker, or here and now if no thread can
 * be had (then filing waits for it). */
static GThread *
cycle_start(struct cycle *c)
{
	g_autoptr(GError) local = NULL;
	GThread *worker;

	if (c->marked == NULL && c->fetched == NULL)
		return NULL;
	if ((worker = g_thread_try_new("imap", cycle_run, c, &local)) == NULL) {
		log_warn("imap: no thread for fetching (%s): one thing at a "
		    "time", local->message);
		cycle_run(c);
	}
	return worker;
}

/*
 * File CUR (fetched) while a worker marks PREV (filed, or NULL) and
 * fetches NEXT (or NULL).  When the poll goes no further (NEXT NULL or
 * not fetched, or CUR failed) CUR is marked here: what was recorded is
 * marked even when a later message failed.  FALSE when anything failed;
 * *NEXT_OK_R says whether NEXT was fetched.
 */
static gboolean
ingest_cycle(struct bulletin *b, struct imap *imap, guint32 uidvalidity,
    struct batch *prev, struct batch *cur, struct batch *next,
    gboolean *next_ok_r, GError **error)
{
	struct cycle c = { imap, b->store, uidvalidity, prev, next, TRUE,
	    FALSE, NULL, NULL };
	g_autoptr(GError) file_error = NULL;
	GThread *worker;
	gboolean filed;

	if (next != NULL && !batch_look_up(b, uidvalidity, next,
	    &c.fetch_error))
		c.fetched = NULL;
	worker = cycle_start(&c);
	filed = file_batch(b, uidvalidity, cur, &file_error);
	if (worker != NULL)
		g_thread_join(worker);
	*next_ok_r = next != NULL && c.fetch_ok;
	if (!c.mark_ok) {
		g_propagate_error(error, c.mark_error);
		g_clear_error(&c.fetch_error);
		return FALSE;
	}
	if ((!filed || !*next_ok_r) && !mark_filed(imap, cur, error)) {
		g_clear_error(&c.fetch_error);
		return FALSE;
	}
	if (!filed)
		g_propagate_error(error, g_steal_pointer(&file_error));
	else if (next != NULL && !c.fetch_ok)
		g_propagate_error(error, c.fetch_error);
	else
		g_clear_error(&c.fetch_error);
	return filed && (next == NULL || c.fetch_ok);
}

/*
 * Messages flagged $Filed but still in INBOX: a crash or a failed MOVE
 * between the flag and the move.  The store says where they go.
 */
static gboolean
finish_moves(struct bulletin *b, struct imap *imap, guint32 uidvalidity,
    GError **error)
{
	g_autoptr(GArray) filed = imap_filed_uids(imap, error);
	g_autoptr(GHashTable) moves = moves_new();

	if (filed == NULL)
		return FALSE;
	for (guint i = 0; i < filed->len; i++) {
		guint32 uid = g_array_index(filed, guint32, i);
		g_autofree char *folder = NULL;
		g_autoptr(GError) local = NULL;
		if (store_knows_uid(b->store, uidvalidity, uid, &folder,
		    &local))
			moves_add(moves, folder, uid);
		else if (local != NULL) {
			g_propagate_error(error, g_steal_pointer(&local));
			return FALSE;
		}
	}
	if (g_hash_table_size(moves) > 0)
		log_info("imap: moving message(s) marked but left in INBOX");
	return moves_run(imap, moves, error);
}

gboolean
ingest_prepare(struct bulletin *b, struct imap *imap, GError **error)
{
	const struct config *c = b->config;

	if (!imap_ensure_folder(imap, c->imap_processed_folder, error) ||
	    !imap_ensure_folder(imap, c->imap_quarantine_folder, error))
		return FALSE;
	/* The fetchers wait in the quarantine, which seldom changes: a SELECT
	 * of Filed, which every batch grows, has Dovecot read its whole
	 * directory again (25 ms a batch at 5,000 filed). */
	imap_park_fetchers(imap, g_ascii_strcasecmp(c->imap_quarantine_folder,
	    "INBOX") != 0 ? c->imap_quarantine_folder :
	    c->imap_processed_folder);
	return TRUE;
}

/* The UIDS of a poll, in batches: each filed while the one before is
 * marked and the one after fetched. */
static gboolean
ingest_batches(struct bulletin *b, struct imap *imap, guint32 uidvalidity,
    const GArray *uids, GHashTable *unseen, volatile sig_atomic_t *stop,
    GError **error)
{
	struct batch *prev = NULL, *next;
	struct batch *cur = batch_new(uids, unseen, 0, BATCH_FIRST);
	gboolean ok, next_ok = TRUE;
	guint i;

	if (cur == NULL)
		return TRUE;
	if (!batch_look_up(b, uidvalidity, cur, error) ||
	    !batch_fetch(imap, b->store, uidvalidity, cur, error)) {
		unfetched(imap, cur);
		batch_free(cur);
		return FALSE;
	}
	for (i = cur->n; ; i += next->n) {
		next = *stop ? NULL : batch_new(uids, unseen, i,
		    batch_size_after(cur));
		ok = ingest_cycle(b, imap, uidvalidity, prev, cur, next,
		    &next_ok, error);
		batch_free(prev);
		prev = cur;
		if (next != NULL && (!ok || !next_ok))
			unfetched(imap, next);	/* its \Seen back */
		if (!ok || next == NULL)
			break;
		cur = next;
	}
	batch_free(prev);
	batch_free(next);
	return ok;
}

gboolean
ingest_poll(struct bulletin *b, struct imap *imap,
    volatile sig_atomic_t *stop, GError **error)
{
	g_autoptr(GArray) uids = NULL;
	g_autoptr(GHashTable) unseen = NULL;
	guint32 uidvalidity;

	if (!imap_new_uids(imap, &uidvalidity, &uids, &unseen, error) ||
	    !finish_moves(b, imap, uidvalidity, error))
		return FALSE;
	if (uids->len > 0)
		log_debug("imap: %u new message(s)", uids->len);
	return ingest_batches(b, imap, uidvalidity, uids, unseen, stop, error);
}
