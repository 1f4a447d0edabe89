/*
 * The store: draft and sent issues, their articles, and sign-off codes.
 */
#include <string.h>

#include "error.h"
#include "store-private.h"

static const char *const issue_kind_names[] = {
	[ISSUE_REGULAR] = "regular",
	[ISSUE_SUPPLEMENT] = "supplement",
};

const char *
issue_kind_name(enum issue_kind kind)
{
	return issue_kind_names[kind];
}

enum issue_kind
issue_kind_parse(const char *name)
{
	return g_strcmp0(name, "supplement") == 0 ? ISSUE_SUPPLEMENT :
	    ISSUE_REGULAR;
}

void
stored_article_free(struct stored_article *a)
{
	if (a == NULL)
		return;
	g_free(a->unit);
	g_free(a->title);
	g_free(a->body);
	for (int i = 0; i < 3; i++)
		g_free(a->fields[i]);
	g_free(a);
}

void
signoff_free(struct signoff *s)
{
	if (s == NULL)
		return;
	g_free(s->command);
	g_free(s->target);
	g_free(s->date);
	g_free(s->digest);
	g_free(s->approver);
	g_free(s->nonce);
	g_free(s);
}

static gint64
store_find_draft(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id FROM issues WHERE state = 'draft' ORDER BY id LIMIT 1",
	    error);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "find draft");
		return -1;
	}
	return 0;
}

gint64
store_draft_issue(struct store *store, GError **error)
{
	gint64 id = store_find_draft(store, error);
	sqlite3_stmt *st;

	if (id != 0)
		return id < 0 ? 0 : id;
	st = store_prepare(store, "INSERT INTO issues (state) VALUES"
	    " ('draft')", error);
	if (st == NULL || !store_step_done(store, st, "new draft", error))
		return 0;
	return sqlite3_last_insert_rowid(store->db);
}

static int
store_next_seq(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COALESCE(MAX(seq), 0) + 1 FROM articles WHERE issue = ?",
	    error);

	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, issue);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_set_error(store, error, "next article number");
		return 0;
	}
	return sqlite3_column_int(st, 0);
}

gint64
store_add_article(struct store *store, gint64 issue, gint64 message,
    const struct article_row *row, int seq, int *seq_r, GError **error)
{
	sqlite3_stmt *st;

	if (seq == 0 && (seq = store_next_seq(store, issue, error)) == 0)
		return 0;
	st = store_prepare(store, "INSERT INTO articles (issue, seq, message,"
	    " unit, title, title_key, body, digest, reviewer, writer, phone,"
	    " state, created, replaces, position)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, COALESCE((SELECT position FROM articles WHERE id = ?14),"
	    " ?2))", error);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, issue);
	sqlite3_bind_int(st, 2, seq);
	if (message > 0)
		sqlite3_bind_int64(st, 3, message);
	else
		sqlite3_bind_null(st, 3);
	store_bind_text(st, 4, row->unit);
	store_bind_text(st, 5, row->title);
	store_bind_text(st, 6, row->title_key);
	store_bind_text(st, 7, row->body);
	store_bind_text(st, 8, row->digest);
	for (int i = 0; i < 3; i++)
		store_bind_text(st, 9 + i, row->fields[i]);
	store_bind_text(st, 12, row->held ? "held" : "filed");
	sqlite3_bind_int64(st, 13, g_get_real_time() / G_USEC_PER_SEC);
	if (row->replaces > 0)
		sqlite3_bind_int64(st, 14, row->replaces);
	else
		sqlite3_bind_null(st, 14);
	if (!store_step_done(store, st, "add article", error))
		return 0;
	*seq_r = seq;
	return sqlite3_last_insert_rowid(store->db);
}

/* Step ST for one article row (id, seq): its id, 0 if none, -1 on error. */
static gint64
first_article(struct store *store, sqlite3_stmt *st, int *seq_r,
    GError **error)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*seq_r = sqlite3_column_int(st, 1);
		return sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "find revision");
		return -1;
	}
	return 0;
}

static gint64
store_find_by_title(struct store *store, gint64 issue, const char *unit,
    const char *title_key, int *seq_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id, seq FROM articles WHERE issue = ? AND unit = ? AND"
	    " title_key = ? AND state = 'filed' ORDER BY id DESC LIMIT 1",
	    error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	store_bind_text(st, 2, unit);
	store_bind_text(st, 3, title_key);
	return first_article(store, st, seq_r, error);
}

static gint64
store_find_by_message_id(struct store *store, gint64 issue, const char *unit,
    const char *message_id, int *seq_r, GError **error)
{
	/* From the message (CROSS JOIN keeps that order, the unary + keeps
	 * the article by message): the unit's articles in the draft are
	 * many, the messages with the id few. */
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT a.id, a.seq FROM messages m CROSS JOIN articles a"
	    " ON a.message = m.id WHERE +a.issue = ? AND +a.unit = ? AND"
	    " a.state = 'filed' AND m.message_id = ?"
	    " ORDER BY a.id DESC LIMIT 1", error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	store_bind_text(st, 2, unit);
	store_bind_text(st, 3, message_id);
	return first_article(store, st, seq_r, error);
}

gint64
store_find_revision(struct store *store, gint64 issue, const char *unit,
    const char *title_key, char **ids, int *seq_r, GError **error)
{
	gint64 id = store_find_by_title(store, issue, unit, title_key, seq_r,
	    error);

	for (guint i = 0; id == 0 && ids != NULL && ids[i] != NULL; i++)
		id = store_find_by_message_id(store, issue, unit, ids[i],
		    seq_r, error);
	return id;
}

gint64
store_find_same_article(struct store *store, const char *unit,
    const char *digest, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id FROM articles WHERE unit = ? AND digest = ? LIMIT 1",
	    error);
	int rc;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, unit);
	store_bind_text(st, 2, digest);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "find article");
		return -1;
	}
	return 0;
}

gboolean
store_set_article_replaced(struct store *store, gint64 id, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE articles SET state = 'replaced' WHERE id = ?", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(store, st, "replace article", error);
}

gboolean
store_add_attachment(struct store *store, gint64 message, const char *name,
    const char *content_type, GBytes *data, GError **error)
{
	g_autofree char *digest = g_compute_checksum_for_bytes(
	    G_CHECKSUM_SHA256, data);
	g_autofree char *spool = store_spool_put(store, digest, data, error);
	sqlite3_stmt *st;

	if (spool == NULL)
		return FALSE;
	st = store_prepare(store, "INSERT INTO attachments (message, name,"
	    " content_type, size, spool) VALUES (?, ?, ?, ?, ?)", error);
	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, message);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, content_type);
	sqlite3_bind_int64(st, 4, g_bytes_get_size(data));
	store_bind_text(st, 5, spool);
	return store_step_done(store, st, "add attachment", error);
}

GPtrArray *
store_issue_articles_in(struct store *store, gint64 issue, const char *state,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT a.id, a.seq, a.unit, a.title, a.body, a.reviewer,"
	    " a.writer, a.phone, COALESCE(m.auth, '') = 'none'"
	    " FROM articles a LEFT JOIN messages m ON m.id = a.message"
	    " WHERE a.issue = ? AND a.state = ?"
	    " ORDER BY a.position, a.seq", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	store_bind_text(st, 2, state);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)stored_article_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct stored_article *a = g_new0(struct stored_article, 1);
		a->id = sqlite3_column_int64(st, 0);
		a->seq = sqlite3_column_int(st, 1);
		a->unit = store_column_dup(st, 2);
		a->title = store_column_dup(st, 3);
		a->body = store_column_dup(st, 4);
		for (int i = 0; i < 3; i++)
			a->fields[i] = store_column_dup(st, 5 + i);
		a->unverified = sqlite3_column_int(st, 8) != 0;
		g_ptr_array_add(out, a);
	}
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "list articles");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

GPtrArray *
store_issue_articles(struct store *store, gint64 issue, GError **error)
{
	return store_issue_articles_in(store, issue, "filed", error);
}

int
store_next_number(struct store *store, enum issue_kind kind, int year,
    int first, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT MAX(number) FROM issues WHERE state = 'sent' AND"
	    " kind = ?1 AND (?2 = 0 OR year = ?2)", error);

	if (st == NULL)
		return 0;
	store_bind_text(st, 1, issue_kind_name(kind));
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_set_error(store, error, "next issue number");
		return 0;
	}
	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		return first;
	return sqlite3_column_int(st, 0) + 1;
}

int
store_count_sent(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COUNT(*) FROM issues WHERE state = 'sent'", error);

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return -1;
	return sqlite3_column_int(st, 0);
}

gboolean
store_issue_sent(struct store *store, gint64 issue, enum issue_kind kind,
    int year, int number, int total, const char *date, const char *extra,
    GBytes *message, const char *digest, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE issues SET state = 'sent', kind = ?, year = ?, number = ?,"
	    " total = ?, date = ?, sent_at = ?, message = ?, digest = ?,"
	    " extra = ? WHERE id = ? AND state = 'draft'", error);
	gsize len;
	const void *data;

	if (st == NULL)
		return FALSE;
	data = g_bytes_get_data(message, &len);
	store_bind_text(st, 1, issue_kind_name(kind));
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, number);
	if (total > 0)
		sqlite3_bind_int(st, 4, total);
	else
		sqlite3_bind_null(st, 4);
	store_bind_text(st, 5, date);
	sqlite3_bind_int64(st, 6, g_get_real_time() / G_USEC_PER_SEC);
	sqlite3_bind_blob64(st, 7, data, len, SQLITE_TRANSIENT);
	store_bind_text(st, 8, digest);
	store_bind_text(st, 9, extra);
	sqlite3_bind_int64(st, 10, issue);
	if (!store_step_done(store, st, "mark issue sent", error))
		return FALSE;
	if (sqlite3_changes(store->db) != 1) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_PERMANENT,
		    "store: issue %" G_GINT64_FORMAT " is not a draft", issue);
		return FALSE;
	}
	return TRUE;
}

gboolean
store_carry_deferred(struct store *store, gint64 issue, gint64 next,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE articles SET issue = ?, state = 'filed'"
	    " WHERE issue = ? AND state = 'deferred'", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, next);
	sqlite3_bind_int64(st, 2, issue);
	return store_step_done(store, st, "carry deferred articles", error);
}

int
store_set_article_state(struct store *store, gint64 issue, int seq,
    const char *from, const char *to, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE articles SET state = ?1 WHERE issue = ?2 AND seq = ?3 AND"
	    " instr(',' || ?4 || ',', ',' || state || ',') > 0", error);

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, to);
	sqlite3_bind_int64(st, 2, issue);
	sqlite3_bind_int(st, 3, seq);
	store_bind_text(st, 4, from);
	if (!store_step_done(store, st, "set article state", error))
		return -1;
	return sqlite3_changes(store->db);
}

static gboolean
store_set_position(struct store *store, gint64 issue, int seq, int position,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store, "UPDATE articles"
	    " SET position = ? WHERE issue = ? AND seq = ?", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int(st, 1, position);
	sqlite3_bind_int64(st, 2, issue);
	sqlite3_bind_int(st, 3, seq);
	return store_step_done(store, st, "order articles", error);
}

gboolean
store_order_articles(struct store *store, gint64 issue, const int *seqs,
    int n, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT DISTINCT seq FROM articles WHERE issue = ?"
	    " ORDER BY position, seq", error);
	g_autoptr(GArray) order = g_array_new(FALSE, FALSE, sizeof(int));

	if (st == NULL)
		return FALSE;
	/* The listed numbers first, the others after in their old order. */
	g_array_append_vals(order, seqs, n);
	sqlite3_bind_int64(st, 1, issue);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int seq = sqlite3_column_int(st, 0);
		gboolean listed = FALSE;
		for (int i = 0; i < n; i++)
			listed |= seqs[i] == seq;
		if (!listed)
			g_array_append_val(order, seq);
	}
	for (guint i = 0; i < order->len; i++)
		if (!store_set_position(store, issue,
		    g_array_index(order, int, i), i + 1, error))
			return FALSE;
	return TRUE;
}

char *
store_issue_note(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT note FROM issues WHERE id = ?", error);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	if (sqlite3_step(st) != SQLITE_ROW)
		return NULL;
	return store_column_dup(st, 0);
}

gboolean
store_set_issue_note(struct store *store, gint64 issue, const char *note,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE issues SET note = ? WHERE id = ?", error);

	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, note);
	sqlite3_bind_int64(st, 2, issue);
	return store_step_done(store, st, "set note", error);
}

gint64
store_find_issue(struct store *store, enum issue_kind kind, int year,
    int number, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id FROM issues WHERE state = 'sent' AND kind = ? AND"
	    " year = ? AND number = ?", error);

	if (st == NULL)
		return 0;
	store_bind_text(st, 1, issue_kind_name(kind));
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, number);
	return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
}

gint64
store_last_issue(struct store *store, enum issue_kind *kind_r, int *year_r,
    int *number_r, char **date_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id, kind, year, number, date FROM issues"
	    " WHERE state = 'sent' ORDER BY sent_at DESC, id DESC LIMIT 1",
	    error);

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	*kind_r = issue_kind_parse((const char *)sqlite3_column_text(st, 1));
	*year_r = sqlite3_column_int(st, 2);
	*number_r = sqlite3_column_int(st, 3);
	*date_r = store_column_dup(st, 4);
	return sqlite3_column_int64(st, 0);
}

GBytes *
store_issue_message(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT message FROM issues WHERE id = ? AND message IS NOT NULL",
	    error);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	if (sqlite3_step(st) != SQLITE_ROW)
		return NULL;
	return g_bytes_new(sqlite3_column_blob(st, 0),
	    sqlite3_column_bytes(st, 0));
}

gint64
store_add_signoff(struct store *store, const struct signoff *s,
    const char *code_hash, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO signoffs (issue, year, number, date, digest, approver,"
	    " nonce, code_hash, expires, command, kind, target)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

	if (st == NULL)
		return 0;
	store_bind_text(st, 10, s->command);
	store_bind_text(st, 11, issue_kind_name(s->kind));
	store_bind_text(st, 12, s->target);
	sqlite3_bind_int64(st, 1, s->issue);
	sqlite3_bind_int(st, 2, s->year);
	sqlite3_bind_int(st, 3, s->number);
	store_bind_text(st, 4, s->date);
	store_bind_text(st, 5, s->digest);
	store_bind_text(st, 6, s->approver);
	store_bind_text(st, 7, s->nonce);
	store_bind_text(st, 8, code_hash);
	sqlite3_bind_int64(st, 9, s->expires);
	if (!store_step_done(store, st, "add sign-off", error))
		return 0;
	return sqlite3_last_insert_rowid(store->db);
}

static struct signoff *
signoff_from_row(sqlite3_stmt *st)
{
	struct signoff *s = g_new0(struct signoff, 1);

	s->id = sqlite3_column_int64(st, 0);
	s->issue = sqlite3_column_int64(st, 1);
	s->year = sqlite3_column_int(st, 2);
	s->number = sqlite3_column_int(st, 3);
	s->date = store_column_dup(st, 4);
	s->digest = store_column_dup(st, 5);
	s->approver = store_column_dup(st, 6);
	s->nonce = store_column_dup(st, 7);
	s->expires = sqlite3_column_int64(st, 8);
	s->used = sqlite3_column_int(st, 9) != 0;
	s->command = store_column_dup(st, 10);
	s->kind = issue_kind_parse((const char *)sqlite3_column_text(st, 11));
	s->target = store_column_dup(st, 12);
	s->voided = sqlite3_column_int(st, 13) != 0;
	return s;
}

/* The sign-off whose COLUMN is VALUE, or NULL. */
static struct signoff *
find_signoff(struct store *store, const char *column, const char *value,
    GError **error)
{
	g_autofree char *sql = g_strdup_printf("SELECT id, issue, year, "
	    "number, date, digest, approver, nonce, expires, used, command, "
	    "kind, target, voided FROM signoffs WHERE %s = ?", column);
	g_autoptr(sqlite3_stmt) st = store_prepare(store, sql, error);

	if (st == NULL)
		return NULL;
	store_bind_text(st, 1, value);
	return sqlite3_step(st) == SQLITE_ROW ? signoff_from_row(st) : NULL;
}

struct signoff *
store_find_signoff(struct store *store, const char *code_hash, GError **error)
{
	return find_signoff(store, "code_hash", code_hash, error);
}

struct signoff *
store_find_signoff_by_nonce(struct store *store, const char *nonce,
    GError **error)
{
	return find_signoff(store, "nonce", nonce, error);
}

struct signoff *
store_pending_signoff(struct store *store, const char *approver, gint64 now,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store, "SELECT id, issue, "
	    "year, number, date, digest, approver, nonce, expires, used, "
	    "command, kind, target, voided FROM signoffs WHERE approver = ? "
	    "COLLATE NOCASE AND used = 0 AND voided = 0 AND expires >= ? "
	    "ORDER BY id DESC LIMIT 1", error);

	if (st == NULL)
		return NULL;
	store_bind_text(st, 1, approver);
	sqlite3_bind_int64(st, 2, now);
	return sqlite3_step(st) == SQLITE_ROW ? signoff_from_row(st) : NULL;
}

int
store_void_signoffs(struct store *store, gint64 issue, GError **error)
{
	sqlite3_stmt *st = store_prepare(store, "UPDATE signoffs SET voided = 1"
	    " WHERE issue = ? AND used = 0 AND voided = 0", error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	if (!store_step_done(store, st, "void sign-offs", error))
		return -1;
	return sqlite3_changes(store->db);
}

gboolean
store_use_signoff(struct store *store, gint64 id, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE signoffs SET used = 1 WHERE id = ? AND used = 0", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, id);
	if (!store_step_done(store, st, "use sign-off", error))
		return FALSE;
	return sqlite3_changes(store->db) == 1;
}

gint64
store_last_sent_at(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COALESCE(MAX(sent_at), 0) FROM issues WHERE state = 'sent'",
	    error);

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	return sqlite3_column_int64(st, 0);
}

void
stored_image_free(struct stored_image *img)
{
	if (img == NULL)
		return;
	g_free(img->name);
	g_free(img->content_type);
	if (img->data != NULL)
		g_bytes_unref(img->data);
	g_free(img);
}

GPtrArray *
store_article_images(struct store *store, gint64 article, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT t.name, t.content_type, t.spool FROM attachments t"
	    " JOIN articles a ON a.message = t.message WHERE a.id = ? AND"
	    " t.content_type IN ('image/png', 'image/jpeg', 'image/jpg')"
	    " ORDER BY t.id", error);
	GPtrArray *out;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, article);
	out = g_ptr_array_new_with_free_func((GDestroyNotify)stored_image_free);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct stored_image *img = g_new0(struct stored_image, 1);
		img->name = store_column_dup(st, 0);
		img->content_type = store_column_dup(st, 1);
		img->data = store_spool_get(store,
		    (const char *)sqlite3_column_text(st, 2), NULL);
		if (img->data == NULL) {
			stored_image_free(img);
			continue;
		}
		g_ptr_array_add(out, img);
	}
	return out;
}

gboolean
store_issue_info(struct store *store, gint64 issue, enum issue_kind *kind_r,
    int *year_r, int *number_r, int *total_r, char **date_r, char **note_r,
    char **extra_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT kind, year, number, COALESCE(total, 0), date, note, extra"
	    " FROM issues WHERE id = ? AND state = 'sent'", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, issue);
	if (sqlite3_step(st) != SQLITE_ROW)
		return FALSE;
	*kind_r = issue_kind_parse((const char *)sqlite3_column_text(st, 0));
	*year_r = sqlite3_column_int(st, 1);
	*number_r = sqlite3_column_int(st, 2);
	*total_r = sqlite3_column_int(st, 3);
	*date_r = store_column_dup(st, 4);
	*note_r = store_column_dup(st, 5);
	*extra_r = store_column_dup(st, 6);
	return TRUE;
}
