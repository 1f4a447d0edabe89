/* Ingest of the office mailbox; see ingest.h. */
#include <string.h>

#include "article.h"
#include "classify.h"
#include "command.h"
#include "crashpoint.h"
#include "error.h"
#include "ingest.h"
#include "issue.h"
#include "log.h"
#include "message.h"
#include "notify.h"

/* What became of a message, decided before anything is written. */
struct filing {
	enum message_state	 state;
	const char		*reason;
	const struct unit	*unit;
	const struct editor	*editor;
	const char		*folder;
};

static void
decide(struct bulletin *b, const struct message *m, gint64 same,
    struct filing *f)
{
	const struct config *c = b->config;
	enum message_class class;

	f->folder = c->imap_processed_folder;
	if (same > 0) {
		f->state = MESSAGE_DUPLICATE;
		f->reason = "same Message-ID or content as an earlier message";
		return;
	}
	class = classify_message(c, m, &f->reason, &f->unit, &f->editor);
	switch (class) {
	case CLASS_CONTRIBUTION:
		f->state = MESSAGE_FILED;
		if (*m->text == '\0') {
			f->state = MESSAGE_QUARANTINED;
			f->reason = "no article text";
			f->folder = c->imap_quarantine_folder;
		}
		break;
	case CLASS_COMMAND:
		f->state = MESSAGE_COMMAND;
		break;
	case CLASS_UNKNOWN:
		f->state = MESSAGE_QUARANTINED;
		f->folder = c->imap_quarantine_folder;
		break;
	default:
		f->state = MESSAGE_IGNORED;
		break;
	}
}

static char *
receipt_text(const struct unit *u, const char *title, const char *body,
    int seq, int number)
{
	return g_strdup_printf("%s：\n\n"
	    "您单位的来稿已收到，已编入下一期简报草稿（拟第%d期）。\n\n"
	    "稿件编号：%d\n标题：%s\n字数：%ld\n\n"
	    "本邮件由简报系统自动发送，请勿直接回复。\n",
	    u->name, number, seq, title, article_length(body));
}

static gboolean
file_contribution(struct bulletin *b, const struct message *m,
    gint64 message, const struct unit *u, GError **error)
{
	g_autofree char *title = article_title_from_subject(m->subject);
	g_autofree char *body = article_body_from_text(m->text, title);
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autofree char *subject = g_strdup_printf("来稿已收到：%s", title);
	g_autofree char *text = NULL;
	gint64 issue = store_draft_issue(b->store, error);
	int seq = 0;
	int number;

	if (issue == 0 || store_add_article(b->store, issue, message, u->code,
	    title, body, &seq, error) == 0)
		return FALSE;
	number = store_next_number(b->store, g_date_time_get_year(now),
	    b->config->bulletin.first_number, error);
	if (number == 0)
		return FALSE;
	log_info("article %d filed for %s: %s", seq, u->code, title);
	text = receipt_text(u, title, body, seq, number);
	return notify_queue_reply(b->store, b->config, "receipt", u->name,
	    m->from_address, subject, text, m->message_id, error);
}

static gboolean
tell_quarantined(struct bulletin *b, const struct message *m,
    const char *reason, GError **error)
{
	g_autofree char *text = g_strdup_printf(
	    "以下邮件未编入简报，已移至“%s”文件夹，待编辑处理：\n\n"
	    "发件人：%s%s%s\n主题：%s\n原因：%s\n",
	    b->config->imap_quarantine_folder,
	    m->from_name ? m->from_name : "", m->from_name ? " " : "",
	    m->from_address ? m->from_address : "（无）", m->subject, reason);

	return notify_queue_editors(b->store, b->config,
	    "【待处理】一封来信已隔离", text, error);
}

static gboolean
act(struct bulletin *b, const struct message *m, gint64 message,
    const struct filing *f, GError **error)
{
	switch (f->state) {
	case MESSAGE_FILED:
		return file_contribution(b, m, message, f->unit, error);
	case MESSAGE_COMMAND:
		return command_execute(b, m, f->editor, error);
	case MESSAGE_QUARANTINED:
		return tell_quarantined(b, m, f->reason, error);
	default:
		return TRUE;
	}
}

static char *
digest_of(GBytes *raw)
{
	return g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, raw);
}

/* Record M (NULL if unparseable) and do what it asks, in one transaction. */
static gboolean
record(struct bulletin *b, const struct message *m, struct message_row *row,
    struct filing *f, GError **error)
{
	gint64 id, same = 0;

	if (!store_begin(b->store, error))
		return FALSE;
	if (m != NULL) {
		same = store_find_same_message(b->store, m->message_id,
		    row->digest, error);
		if (same < 0)
			goto fail;
		decide(b, m, same, f);
	}
	row->state = f->state;
	row->reason = f->reason;
	row->unit = f->unit ? f->unit->code : NULL;
	row->folder = f->folder;
	if ((id = store_add_message(b->store, row, error)) == 0)
		goto fail;
	if (m != NULL && !act(b, m, id, f, error))
		goto fail;
	return store_commit(b->store, error);
fail:
	store_rollback(b->store);
	return FALSE;
}

gboolean
ingest_file_message(struct bulletin *b, guint32 uidvalidity, guint32 uid,
    GBytes *raw, char **folder_r, GError **error)
{
	g_autofree char *digest = digest_of(raw);
	g_autofree char *spool = store_spool_put(b->store, digest, raw, error);
	struct message *m;
	struct message_row row = { uidvalidity, uid, NULL, digest };
	struct filing f = { MESSAGE_QUARANTINED, "not a mail message", NULL,
	    NULL, b->config->imap_quarantine_folder };
	gboolean ok;

	if (spool == NULL)
		return FALSE;
	m = message_parse(g_bytes_get_data(raw, NULL), g_bytes_get_size(raw),
	    NULL);
	row.spool = spool;
	if (m != NULL) {
		row.message_id = m->message_id;
		row.sender = m->from_address;
		row.subject = m->subject;
	}
	ok = record(b, m, &row, &f, error);
	if (ok)
		log_info("message uid %u from %s: %s (%s)", uid,
		    row.sender ? row.sender : "-",
		    message_state_name(f.state), f.reason);
	message_free(m);
	if (ok)
		*folder_r = g_strdup(f.folder);
	return ok;
}

static gboolean
ingest_uid(struct bulletin *b, struct imap *imap, guint32 uidvalidity,
    guint32 uid, gboolean was_unseen, GError **error)
{
	g_autofree char *folder = NULL;
	g_autoptr(GError) local = NULL;
	g_autoptr(GBytes) raw = NULL;

	if (store_knows_uid(b->store, uidvalidity, uid, &folder, &local))
		log_info("message uid %u was recorded before: marking it", uid);
	else if (local != NULL) {
		g_propagate_error(error, g_steal_pointer(&local));
		return FALSE;
	} else if ((raw = imap_fetch(imap, uidvalidity, uid, &local)) == NULL) {
		if (local->code != BULLETIN_ERROR_INPUT) {
			g_propagate_error(error, g_steal_pointer(&local));
			return FALSE;
		}
		log_warn("message uid %u: %s; skipped", uid, local->message);
		return TRUE;
	} else if (!ingest_file_message(b, uidvalidity, uid, raw, &folder,
	    error))
		return FALSE;
	crashpoint("after-commit");
	return imap_mark(imap, uid, was_unseen, folder, error);
}

gboolean
ingest_prepare(struct bulletin *b, struct imap *imap, GError **error)
{
	return imap_ensure_folder(imap, b->config->imap_processed_folder,
	    error) && imap_ensure_folder(imap,
	    b->config->imap_quarantine_folder, error);
}

gboolean
ingest_poll(struct bulletin *b, struct imap *imap,
    volatile sig_atomic_t *stop, GError **error)
{
	g_autoptr(GArray) uids = NULL;
	g_autoptr(GHashTable) unseen = NULL;
	guint32 uidvalidity;

	if (!imap_new_uids(imap, &uidvalidity, &uids, &unseen, error))
		return FALSE;
	if (uids->len > 0)
		log_debug("imap: %u new message(s)", uids->len);
	for (guint i = 0; i < uids->len && !*stop; i++) {
		guint32 uid = g_array_index(uids, guint32, i);
		gboolean was_unseen = g_hash_table_contains(unseen,
		    GUINT_TO_POINTER(uid));
		if (!ingest_uid(b, imap, uidvalidity, uid, was_unseen, error)) {
			g_prefix_error(error, "uid %u: ", uid);
			return FALSE;
		}
	}
	return TRUE;
}
