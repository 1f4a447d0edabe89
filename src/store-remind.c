/*
 * The store's 催稿 and 约稿 records: the rounds before each deadline,
 * sent or skipped, and the units reminded in each; the commissions and
 * each unit's answer.  See store.h.
 */
#include "store-private.h"

static const char *const round_state_names[] = {
	[ROUND_SENT] = "sent",
	[ROUND_SKIPPED] = "skipped",
};

const char *
round_state_name(enum round_state state)
{
	g_assert((guint)state < G_N_ELEMENTS(round_state_names));
	return round_state_names[state];
}

int
store_round_recorded(struct store *store, gint64 deadline, gint64 lead,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT 1 FROM reminder_rounds WHERE deadline = ? AND lead = ?",
	    error);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, deadline);
	sqlite3_bind_int64(st, 2, lead);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_set_error(store, error, "reminder round");
	return -1;
}

gboolean
store_add_round(struct store *store, gint64 deadline, gint64 lead,
    enum round_state state, gint64 at, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO reminder_rounds (deadline, lead, state, at)"
	    " VALUES (?, ?, ?, ?)", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, deadline);
	sqlite3_bind_int64(st, 2, lead);
	store_bind_text(st, 3, round_state_name(state));
	sqlite3_bind_int64(st, 4, at);
	return store_step_done(store, st, "add reminder round", error);
}

GPtrArray *
store_issue_units(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT DISTINCT unit FROM articles WHERE issue = ?", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	out = g_ptr_array_new_with_free_func(g_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, store_column_dup(st, 0));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "units of the issue");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

gboolean
store_add_reminder(struct store *store, gint64 deadline, gint64 lead,
    const char *unit, gint64 at, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO reminders (deadline, lead, unit, at)"
	    " VALUES (?, ?, ?, ?)", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, deadline);
	sqlite3_bind_int64(st, 2, lead);
	store_bind_text(st, 3, unit);
	sqlite3_bind_int64(st, 4, at);
	return store_step_done(store, st, "add reminder", error);
}

gint64
store_add_commission(struct store *store, const char *topic,
    const char *requirements, gint64 due, const char *editor, gint64 at,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO commissions (topic, requirements, due, editor,"
	    " created) VALUES (?, ?, ?, ?, ?)", error);

	if (st == NULL)
		return 0;
	store_bind_text(st, 1, topic);
	store_bind_text(st, 2, requirements);
	sqlite3_bind_int64(st, 3, due);
	store_bind_text(st, 4, editor);
	sqlite3_bind_int64(st, 5, at);
	if (!store_step_done(store, st, "add commission", error))
		return 0;
	return sqlite3_last_insert_rowid(store->db);
}

gboolean
store_add_commission_unit(struct store *store, gint64 id, const char *unit,
    const char *message_id, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO commission_units (commission, unit, message_id, state)"
	    " VALUES (?, ?, ?, 'open')", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, unit);
	store_bind_text(st, 3, message_id);
	return store_step_done(store, st, "add commission unit", error);
}

void
commission_entry_free(struct commission_entry *e)
{
	if (e == NULL)
		return;
	g_free(e->topic);
	g_free(e->unit);
	g_free(e->message_id);
	g_free(e->state);
	g_free(e);
}

static struct commission_entry *
commission_entry_read(sqlite3_stmt *st)
{
	struct commission_entry *e = g_new0(struct commission_entry, 1);

	e->commission = sqlite3_column_int64(st, 0);
	e->topic = store_column_dup(st, 1);
	e->due = sqlite3_column_int64(st, 2);
	e->unit = store_column_dup(st, 3);
	e->message_id = store_column_dup(st, 4);
	e->state = store_column_dup(st, 5);
	e->answered_at = sqlite3_column_int64(st, 6);
	return e;
}

GPtrArray *
store_commission_entries(struct store *store, const char *unit, gint64 since,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT c.id, c.topic, c.due, u.unit, u.message_id, u.state,"
	    " COALESCE(u.answered_at, 0)"
	    " FROM commission_units u JOIN commissions c ON c.id = u.commission"
	    " WHERE (?1 IS NULL AND c.due > ?2) OR"
	    "  (u.unit = ?1 AND u.state IN ('open', 'missed'))"
	    " ORDER BY c.id, u.rowid", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	store_bind_text(st, 1, unit);
	sqlite3_bind_int64(st, 2, since);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)commission_entry_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, commission_entry_read(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "commissions");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

gboolean
store_answer_commission(struct store *store, gint64 id, const char *unit,
    const char *state, gint64 article, gint64 at, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE commission_units SET state = ?, article = ?,"
	    " answered_at = ? WHERE commission = ? AND unit = ?", error);

	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, state);
	if (article > 0)
		sqlite3_bind_int64(st, 2, article);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_int64(st, 4, id);
	store_bind_text(st, 5, unit);
	return store_step_done(store, st, "answer commission", error);
}

GPtrArray *
store_overdue_commissions(struct store *store, gint64 now, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT c.id, c.topic, c.due, u.unit, u.message_id, u.state,"
	    " COALESCE(u.answered_at, 0)"
	    " FROM commission_units u JOIN commissions c ON c.id = u.commission"
	    " WHERE c.due <= ? AND EXISTS (SELECT 1 FROM commission_units o"
	    "  WHERE o.commission = c.id AND o.state = 'open')"
	    " ORDER BY c.id, u.rowid", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, now);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)commission_entry_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, commission_entry_read(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "overdue commissions");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

int
store_miss_commissions(struct store *store, gint64 now, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE commission_units SET state = 'missed'"
	    " WHERE state = 'open' AND commission IN"
	    "  (SELECT id FROM commissions WHERE due <= ?)", error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if (!store_step_done(store, st, "missed commissions", error))
		return -1;
	return sqlite3_changes(store->db);
}
