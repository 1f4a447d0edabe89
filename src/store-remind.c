/*
 * The store's 催稿 records: the rounds before each deadline, sent or
 * skipped, and the units reminded in each.  See store.h.
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
