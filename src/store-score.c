/*
 * The store's 信息考核 records: the events editors report (上报采用, 批示,
 * 扣分) and the facts a 通报 is reckoned from.  See store.h.
 */
#include <string.h>

#include "store-private.h"

static const char *const score_kind_names[] = {
	[SCORE_ADOPTION] = "adoption",
	[SCORE_INSTRUCTION] = "instruction",
	[SCORE_DEDUCTION] = "deduction",
};

const char *
score_kind_name(enum score_kind kind)
{
	g_assert((guint)kind < G_N_ELEMENTS(score_kind_names));
	return score_kind_names[kind];
}

gint64
store_add_score_event(struct store *store, const struct score_event_row *row,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO score_events (kind, unit, article, name, points,"
	    " note, editor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

	if (st == NULL)
		return 0;
	store_bind_text(st, 1, score_kind_name(row->kind));
	store_bind_text(st, 2, row->unit);
	if (row->article > 0)
		sqlite3_bind_int64(st, 3, row->article);
	else
		sqlite3_bind_null(st, 3);
	store_bind_text(st, 4, row->name);
	sqlite3_bind_int(st, 5, row->points);
	store_bind_text(st, 6, row->note);
	store_bind_text(st, 7, row->editor);
	sqlite3_bind_int64(st, 8, row->at);
	if (!store_step_done(store, st, "add score event", error))
		return 0;
	return sqlite3_last_insert_rowid(store->db);
}

/* "kind name unit" of event ID, whether undone or not, or NULL. */
static char *
score_event_what(struct store *store, gint64 id, gboolean *undone_r,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT kind || ' ' || name || ' ' || unit, undone_at IS NOT NULL"
	    " FROM score_events WHERE id = ?", error);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return NULL;
	*undone_r = sqlite3_column_int(st, 1);
	return store_column_dup(st, 0);
}

int
store_undo_score_event(struct store *store, gint64 id, gint64 at,
    char **what_r, GError **error)
{
	g_autoptr(GError) local = NULL;
	sqlite3_stmt *st;
	gboolean undone = FALSE;

	*what_r = score_event_what(store, id, &undone, &local);
	if (local != NULL) {
		g_propagate_error(error, g_steal_pointer(&local));
		return -1;
	}
	if (*what_r == NULL || undone)
		return 0;
	st = store_prepare(store, "UPDATE score_events SET undone_at = ?"
	    " WHERE id = ? AND undone_at IS NULL", error);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_int64(st, 2, id);
	return store_step_done(store, st, "undo score event", error) ? 1 : -1;
}

gint64
store_article_by_seq(struct store *store, gint64 issue, int seq,
    char **unit_r, char **title_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id, unit, title FROM articles WHERE issue = ? AND seq = ?"
	    " AND state != 'replaced' ORDER BY id DESC LIMIT 1", error);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	sqlite3_bind_int(st, 2, seq);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		store_set_error(store, error, "find article");
		return -1;
	}
	*unit_r = store_column_dup(st, 1);
	*title_r = store_column_dup(st, 2);
	return sqlite3_column_int64(st, 0);
}

void
score_fact_free(struct score_fact *f)
{
	if (f == NULL)
		return;
	g_free(f->kind);
	g_free(f->unit);
	g_free(f->name);
	g_free(f);
}

/*
 * An article counts when its mail was received (an article accepted from
 * the quarantine keeps its mail's time; one without a mail its filing).
 */
static const char facts_sql[] =
    "WITH art AS (SELECT a.id, a.unit, a.state, a.issue,"
    "   COALESCE(m.received, a.created) AS at"
    "   FROM articles a LEFT JOIN messages m ON m.id = a.message"
    "   WHERE a.state != 'replaced')"
    " SELECT kind, unit, article, at, name, points FROM ("
    "SELECT 'submitted' AS kind, unit, id AS article, at, NULL AS name,"
    "  0 AS points, 0 AS src, id FROM art"
    " UNION ALL "
    "SELECT 'printed', art.unit, art.id, art.at, NULL, 0, 1, art.id"
    "  FROM art JOIN issues i ON i.id = art.issue"
    "  WHERE art.state = 'filed' AND i.state = 'sent'"
    " UNION ALL "
    "SELECT e.kind, e.unit, e.article, COALESCE(art.at, e.at), e.name,"
    "  e.points, 2, e.id"
    "  FROM score_events e LEFT JOIN art ON art.id = e.article"
    "  WHERE e.undone_at IS NULL"
    ") WHERE at >= ?1 AND at < ?2 ORDER BY at, src, id";

static struct score_fact *
score_fact_from_row(sqlite3_stmt *st)
{
	struct score_fact *f = g_new0(struct score_fact, 1);

	f->kind = store_column_dup(st, 0);
	f->unit = store_column_dup(st, 1);
	f->article = sqlite3_column_int64(st, 2);
	f->at = sqlite3_column_int64(st, 3);
	f->name = store_column_dup(st, 4);
	f->points = sqlite3_column_int(st, 5);
	return f;
}

GPtrArray *
store_score_facts(struct store *store, gint64 from, gint64 to,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store, facts_sql, error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	out = g_ptr_array_new_with_free_func((GDestroyNotify)score_fact_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, score_fact_from_row(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "score facts");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

GHashTable *
store_commission_misses(struct store *store, gint64 from, gint64 to,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT u.unit, COUNT(*) FROM commission_units u"
	    " JOIN commissions c ON c.id = u.commission"
	    " WHERE c.due >= ? AND c.due < ? AND u.state IN ('late', 'missed')"
	    " GROUP BY u.unit", error);
	GHashTable *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_hash_table_insert(out, g_strdup((const char *)
		    sqlite3_column_text(st, 0)), GINT_TO_POINTER(
		    sqlite3_column_int(st, 1)));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "commission misses");
		g_hash_table_unref(out);
		return NULL;
	}
	return out;
}

int
store_count_score_events(struct store *store, enum score_kind kind,
    gint64 article, const char *name, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COUNT(*) FROM score_events WHERE kind = ? AND article = ?"
	    " AND name = ? AND undone_at IS NULL", error);

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, score_kind_name(kind));
	sqlite3_bind_int64(st, 2, article);
	store_bind_text(st, 3, name);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_set_error(store, error, "count score events");
		return -1;
	}
	return sqlite3_column_int(st, 0);
}

int
store_monthly_report_sent(struct store *store, const char *month,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT 1 FROM monthly_reports WHERE month = ?", error);
	int rc;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, month);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_set_error(store, error, "monthly report");
	return -1;
}

gboolean
store_add_monthly_report(struct store *store, const char *month, gint64 at,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO monthly_reports (month, at) VALUES (?, ?)", error);

	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, month);
	sqlite3_bind_int64(st, 2, at);
	return store_step_done(store, st, "add monthly report", error);
}
