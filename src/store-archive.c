/*
 * The store: what an archive of a sent issue is made of (its articles'
 * source mails and revisions, its sign-off) and the record that the
 * archive was written.
 */
#include "error.h"
#include "store-private.h"

void
archive_source_free(struct archive_source *s)
{
	if (s == NULL)
		return;
	g_free(s->unit);
	g_free(s->title);
	g_free(s->sender);
	g_free(s->message_id);
	g_free(s->spool);
	g_free(s->digest);
	g_free(s);
}

/*
 * Each printed article with the revisions it replaced: a revision takes
 * the number of the article it replaces (ingest.c), which stays in the
 * issue as 'replaced'.  Oldest first; the printed one is the last.
 */
static const char sources_sql[] =
    "SELECT p.seq, a.id != p.id, a.unit, a.title, m.sender, m.message_id,"
    " m.spool, m.digest, m.received"
    " FROM articles p JOIN articles a ON a.issue = p.issue AND"
    " a.seq = p.seq AND (a.id = p.id OR a.state = 'replaced')"
    " JOIN messages m ON m.id = a.message"
    " WHERE p.issue = ?1 AND p.state = 'filed'"
    " ORDER BY p.position, p.seq, a.id";

static struct archive_source *
source_from_row(sqlite3_stmt *st)
{
	struct archive_source *s = g_new0(struct archive_source, 1);

	s->seq = sqlite3_column_int(st, 0);
	s->printed = sqlite3_column_int(st, 1) == 0;	/* a.id = p.id */
	s->unit = store_column_dup(st, 2);
	s->title = store_column_dup(st, 3);
	s->sender = store_column_dup(st, 4);
	s->message_id = store_column_dup(st, 5);
	s->spool = store_column_dup(st, 6);
	s->digest = store_column_dup(st, 7);
	s->received = sqlite3_column_int64(st, 8);
	return s;
}

GPtrArray *
store_issue_sources(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store, sources_sql, error);
	GPtrArray *out;
	int rc, seq = -1, revision = 0;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)archive_source_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_source *s = source_from_row(st);
		revision = s->seq == seq ? revision + 1 : 1;
		seq = s->seq;
		s->revision = revision;
		g_ptr_array_add(out, s);
	}
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "list an issue's sources");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

void
archive_signoff_free(struct archive_signoff *s)
{
	if (s == NULL)
		return;
	g_free(s->approver);
	g_free(s->code_hash);
	g_free(s->digest);
	g_free(s->reply_spool);
	g_free(s->reply_message_id);
	g_free(s->reply_command);
	g_free(s);
}

/*
 * The signer's mail: the command the sign-off was used by is audited in
 * the same transaction that sent the issue, by the approver, at or
 * before sent_at.  A sign-off given locally has no mail.
 */
static void
find_reply(struct store *store, struct archive_signoff *s)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT m.spool, m.message_id, c.command FROM commands c"
	    " LEFT JOIN messages m ON m.id = c.message"
	    " WHERE c.sender = ?1 COLLATE NOCASE AND c.decision = 'done' AND"
	    " c.command IN ('CONFIRM', 'SIGNOFF-REPLY') AND c.at <= ?2"
	    " ORDER BY c.id DESC LIMIT 1", NULL);

	if (st == NULL)
		return;
	store_bind_text(st, 1, s->approver);
	sqlite3_bind_int64(st, 2, s->signed_at);
	if (sqlite3_step(st) != SQLITE_ROW)
		return;
	s->reply_spool = store_column_dup(st, 0);
	s->reply_message_id = store_column_dup(st, 1);
	s->reply_command = store_column_dup(st, 2);
}

struct archive_signoff *
store_issue_signoff(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT s.id, s.approver, i.sent_at, s.code_hash, s.digest"
	    " FROM signoffs s JOIN issues i ON i.id = s.issue"
	    " WHERE s.issue = ? AND s.command = 'finalize' AND s.used = 1"
	    " AND i.state = 'sent' ORDER BY s.id DESC LIMIT 1", error);
	struct archive_signoff *s;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
			    "store: issue %" G_GINT64_FORMAT " has no used "
			    "sign-off", issue);
		else
			store_set_error(store, error, "find sign-off");
		return NULL;
	}
	s = g_new0(struct archive_signoff, 1);
	s->batch = sqlite3_column_int64(st, 0);
	s->approver = store_column_dup(st, 1);
	s->signed_at = sqlite3_column_int64(st, 2);
	s->code_hash = store_column_dup(st, 3);
	s->digest = store_column_dup(st, 4);
	find_reply(store, s);
	return s;
}

/* The ids ST returns in its first column. */
static GArray *
collect_ids(struct store *store, sqlite3_stmt *st, GError **error)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(gint64));
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		gint64 id = sqlite3_column_int64(st, 0);
		g_array_append_val(out, id);
	}
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "list issues");
		g_array_unref(out);
		return NULL;
	}
	return out;
}

GArray *
store_unarchived_issues(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id FROM issues i WHERE state = 'sent' AND NOT EXISTS"
	    " (SELECT 1 FROM archives a WHERE a.issue = i.id)"
	    " ORDER BY sent_at, id", error);

	return st != NULL ? collect_ids(store, st, error) : NULL;
}

GArray *
store_archived_issues(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT a.issue FROM archives a JOIN issues i ON i.id = a.issue"
	    " ORDER BY i.year, i.kind, i.number", error);

	return st != NULL ? collect_ids(store, st, error) : NULL;
}

gboolean
store_add_archive(struct store *store, gint64 issue, const char *name,
    const char *manifest, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT OR IGNORE INTO archives (issue, name, manifest, created)"
	    " VALUES (?, ?, ?, ?)", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, issue);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, manifest);
	sqlite3_bind_int64(st, 4, g_get_real_time() / G_USEC_PER_SEC);
	return store_step_done(store, st, "record archive", error);
}

char *
store_archive_manifest(struct store *store, gint64 issue, char **name_r,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT manifest, name FROM archives WHERE issue = ?", error);
	int rc;

	if (name_r != NULL)
		*name_r = NULL;
	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			store_set_error(store, error, "find archive");
		return NULL;
	}
	if (name_r != NULL)
		*name_r = store_column_dup(st, 1);
	return store_column_dup(st, 0);
}
