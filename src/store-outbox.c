/*
 * The store: the ledger of outgoing mail.  Every mail the daemon sends —
 * receipts, notices, replies and each recipient's copy of an issue — is a
 * row here first, so a restart resumes where the ledger stops.
 */
#include "error.h"
#include "log.h"
#include "store-private.h"

static const char *const delivery_state_names[] = {
	[DELIVERY_PENDING] = "pending",
	[DELIVERY_IN_FLIGHT] = "in-flight",
	[DELIVERY_SENT] = "sent",
	[DELIVERY_DEFERRED] = "deferred",
	[DELIVERY_FAILED] = "failed",
	[DELIVERY_BOUNCED] = "bounced",
};

const char *
delivery_state_name(enum delivery_state state)
{
	g_assert((guint)state < G_N_ELEMENTS(delivery_state_names));
	return delivery_state_names[state];
}

static enum delivery_state
delivery_state_parse(const char *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(delivery_state_names); i++)
		if (g_strcmp0(name, delivery_state_names[i]) == 0)
			return i;
	g_assert_not_reached();
}

static gboolean
delivery_may_move(enum delivery_state from, enum delivery_state to)
{
	switch (to) {
	case DELIVERY_IN_FLIGHT:
		return from == DELIVERY_PENDING || from == DELIVERY_DEFERRED;
	case DELIVERY_SENT:
	case DELIVERY_DEFERRED:
	case DELIVERY_FAILED:
		return from == DELIVERY_IN_FLIGHT;
	case DELIVERY_PENDING:
		return from == DELIVERY_IN_FLIGHT;
	case DELIVERY_BOUNCED:
		return from == DELIVERY_SENT;
	}
	return FALSE;
}

void
outgoing_free(struct outgoing *o)
{
	if (o == NULL)
		return;
	g_free(o->kind);
	g_free(o->list);
	g_free(o->recipient);
	g_free(o->reply);
	if (o->message != NULL)
		g_bytes_unref(o->message);
	g_free(o);
}

static gint64
now_seconds(void)
{
	return g_get_real_time() / G_USEC_PER_SEC;
}

gboolean
store_queue_mail(struct store *store, const char *kind, gint64 issue,
    gint64 batch, const char *list, const char *recipient, GBytes *message,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO outbox (kind, issue, list, recipient, message, state,"
	    " next_attempt, created, updated, batch)"
	    " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"
	    " ON CONFLICT DO NOTHING", error);
	gint64 now = now_seconds();

	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, kind);
	if (issue > 0)
		sqlite3_bind_int64(st, 2, issue);
	else
		sqlite3_bind_null(st, 2);
	store_bind_text(st, 3, list);
	store_bind_text(st, 4, recipient);
	if (message != NULL) {
		gsize len;
		const void *data = g_bytes_get_data(message, &len);
		sqlite3_bind_blob64(st, 5, data, len, SQLITE_TRANSIENT);
	} else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_int64(st, 6, now);
	sqlite3_bind_int64(st, 7, now);
	sqlite3_bind_int64(st, 8, now);
	sqlite3_bind_int64(st, 9, batch);
	return store_step_done(store, st, "queue mail", error);
}

static struct outgoing *
outgoing_from_row(sqlite3_stmt *st)
{
	struct outgoing *o = g_new0(struct outgoing, 1);

	o->id = sqlite3_column_int64(st, 0);
	o->kind = store_column_dup(st, 1);
	o->issue = sqlite3_column_int64(st, 2);
	o->list = store_column_dup(st, 3);
	o->recipient = store_column_dup(st, 4);
	o->own_message = sqlite3_column_int(st, 5) != 0;
	o->attempts = sqlite3_column_int(st, 6);
	o->created = sqlite3_column_int64(st, 7);
	o->state = delivery_state_parse(
	    (const char *)sqlite3_column_text(st, 8));
	o->reply = store_column_dup(st, 9);
	return o;
}

/*
 * Without the bytes: a copy per row would cost the issue's size per
 * recipient, and SQLite would sort them all through its temp store.
 */
GPtrArray *
store_due_mail(struct store *store, gint64 now, gint64 after, int limit,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id, kind, issue, list, recipient, message IS NOT NULL,"
	    " attempts, created, state, reply FROM outbox"
	    " WHERE state IN ('pending', 'deferred') AND next_attempt <= ?"
	    " AND id > ? ORDER BY id LIMIT ?", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit);
	out = g_ptr_array_new_with_free_func((GDestroyNotify)outgoing_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, outgoing_from_row(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "due mail");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

GBytes *
store_delivery_message(struct store *store, gint64 id, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COALESCE(o.message, i.message) FROM outbox o"
	    " LEFT JOIN issues i ON i.id = o.issue WHERE o.id = ?", error);
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_BLOB)
		return g_bytes_new(sqlite3_column_blob(st, 0),
		    sqlite3_column_bytes(st, 0));
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: delivery %" G_GINT64_FORMAT " has no message", id);
	else
		store_set_error(store, error, "delivery message");
	return NULL;
}

gint64
store_next_due(struct store *store, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT MIN(next_attempt) FROM outbox"
	    " WHERE state IN ('pending', 'deferred')", error);

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	return sqlite3_column_int64(st, 0);
}

static gboolean
store_delivery_state(struct store *store, gint64 id,
    enum delivery_state *state_r, char **recipient_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT state, recipient FROM outbox WHERE id = ?", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: no delivery %" G_GINT64_FORMAT, id);
		return FALSE;
	}
	*state_r = delivery_state_parse(
	    (const char *)sqlite3_column_text(st, 0));
	*recipient_r = store_column_dup(st, 1);
	return TRUE;
}

gboolean
store_set_delivery(struct store *store, gint64 id, enum delivery_state state,
    const char *reply, gint64 next_attempt, GError **error)
{
	enum delivery_state old;
	g_autofree char *recipient = NULL;
	sqlite3_stmt *st;

	if (!store_delivery_state(store, id, &old, &recipient, error))
		return FALSE;
	g_assert(delivery_may_move(old, state));
	/* A sign-off request, once sent, keeps no copy of its code. */
	st = store_prepare(store, "UPDATE outbox SET state = ?1, reply ="
	    " COALESCE(?2, reply), next_attempt = ?3, updated = ?4,"
	    " attempts = attempts + ?5, message = CASE WHEN ?1 = 'sent' AND"
	    " kind = 'signoff' THEN NULL ELSE message END,"
	    " attempted = CASE WHEN ?1 = 'in-flight' THEN ?4 ELSE attempted"
	    " END, sent_at = CASE WHEN ?1 = 'sent' THEN ?4 ELSE sent_at END"
	    " WHERE id = ?6", error);
	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, delivery_state_name(state));
	store_bind_text(st, 2, reply);
	sqlite3_bind_int64(st, 3, next_attempt);
	sqlite3_bind_int64(st, 4, now_seconds());
	sqlite3_bind_int(st, 5, state == DELIVERY_IN_FLIGHT ? 1 : 0);
	sqlite3_bind_int64(st, 6, id);
	if (!store_step_done(store, st, "set delivery", error))
		return FALSE;
	log_debug("delivery %" G_GINT64_FORMAT " to %s: %s -> %s", id,
	    recipient, delivery_state_name(old), delivery_state_name(state));
	return TRUE;
}

gboolean
store_set_in_flight(struct store *store, gint64 id, gint64 envelope,
    GError **error)
{
	sqlite3_stmt *st;

	if (!store_set_delivery(store, id, DELIVERY_IN_FLIGHT, NULL, 0, error))
		return FALSE;
	st = store_prepare(store, "UPDATE outbox SET envelope = ? WHERE id = ?",
	    error);
	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, envelope);
	sqlite3_bind_int64(st, 2, id);
	return store_step_done(store, st, "set envelope", error);
}

/* Rows sent before envelopes were recorded went alone: their own id. */
int
store_mark_bounced(struct store *store, gint64 envelope,
    const char *recipient, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE outbox SET state = 'bounced', updated = ?1"
	    " WHERE (envelope = ?2 OR (envelope IS NULL AND id = ?2))"
	    " AND kind = 'issue' AND state = 'sent'"
	    " AND recipient = ?3 COLLATE NOCASE", error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now_seconds());
	sqlite3_bind_int64(st, 2, envelope);
	store_bind_text(st, 3, recipient);
	if (!store_step_done(store, st, "mark bounced", error))
		return -1;
	return sqlite3_changes(store->db);
}

int
store_requeue_in_flight(struct store *store, GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE outbox SET state = 'pending', next_attempt = 0"
	    " WHERE state = 'in-flight'", error);

	if (st == NULL || !store_step_done(store, st, "requeue", error))
		return -1;
	return sqlite3_changes(store->db);
}

void
delivery_summary_free(struct delivery_summary *d)
{
	if (d == NULL)
		return;
	g_free(d->kind);
	g_free(d->issue_kind);
	g_free(d->list);
	g_free(d->recipient);
	g_free(d->state);
	g_free(d->reply);
	g_free(d);
}

static struct delivery_summary *
delivery_summary_from_row(sqlite3_stmt *st)
{
	struct delivery_summary *d = g_new0(struct delivery_summary, 1);

	d->id = sqlite3_column_int64(st, 0);
	d->kind = store_column_dup(st, 1);
	d->issue = sqlite3_column_int64(st, 2);
	d->issue_kind = store_column_dup(st, 3);
	d->issue_year = sqlite3_column_int(st, 4);
	d->issue_number = sqlite3_column_int(st, 5);
	d->list = store_column_dup(st, 6);
	d->recipient = store_column_dup(st, 7);
	d->state = store_column_dup(st, 8);
	d->attempts = sqlite3_column_int(st, 9);
	d->queued = sqlite3_column_int64(st, 10);
	d->attempted = sqlite3_column_int64(st, 11);
	d->sent = sqlite3_column_int64(st, 12);
	d->ended = sqlite3_column_int64(st, 13);
	d->reply = store_column_dup(st, 14);
	return d;
}

GPtrArray *
store_list_deliveries(struct store *store, int limit, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT o.id, o.kind, o.issue, i.kind, i.year, i.number, o.list,"
	    " o.recipient, o.state, o.attempts, o.created, o.attempted,"
	    " o.sent_at, CASE WHEN o.state IN ('bounced', 'failed')"
	    " THEN o.updated END, o.reply"
	    " FROM outbox o LEFT JOIN issues i ON i.id = o.issue"
	    " ORDER BY o.id DESC LIMIT ?", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, limit);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)delivery_summary_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, delivery_summary_from_row(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "list deliveries");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

GPtrArray *
store_issue_deliveries(struct store *store, gint64 issue, gint64 batch,
    GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT o.id, o.kind, o.issue, i.kind, i.year, i.number, o.list,"
	    " o.recipient, o.state, o.attempts, o.created, o.attempted,"
	    " o.sent_at, CASE WHEN o.state IN ('bounced', 'failed')"
	    " THEN o.updated END, o.reply"
	    " FROM outbox o JOIN issues i ON i.id = o.issue"
	    " WHERE o.kind = 'issue' AND o.issue = ?1 AND (?2 = 0 OR"
	    " o.batch = ?2) ORDER BY o.id", error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	sqlite3_bind_int64(st, 2, batch);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)delivery_summary_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, delivery_summary_from_row(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "list an issue's deliveries");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

int
store_count_list_deliveries(struct store *store, gint64 issue,
    const char *list, enum delivery_state state, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT COUNT(*) FROM outbox WHERE kind = 'issue' AND issue = ?1"
	    " AND (?2 IS NULL OR list = ?2) AND state = ?3", error);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	store_bind_text(st, 2, list);
	store_bind_text(st, 3, delivery_state_name(state));
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_set_error(store, error, "count deliveries");
		return -1;
	}
	return sqlite3_column_int(st, 0);
}

GPtrArray *
store_bounced_recipients(struct store *store, gint64 issue, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT recipient FROM outbox WHERE kind = 'issue' AND issue = ?"
	    " AND state = 'bounced' ORDER BY id", error);
	GPtrArray *out;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, issue);
	out = g_ptr_array_new_with_free_func(g_free);
	while (sqlite3_step(st) == SQLITE_ROW)
		g_ptr_array_add(out, store_column_dup(st, 0));
	return out;
}
