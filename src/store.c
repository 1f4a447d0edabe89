/*
 * The store: opening, migrations, transactions, the spool of raw messages
 * and the message ledger.  Issues live in store-issue.c, outgoing mail in
 * store-outbox.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "error.h"
#include "log.h"
#include "store-private.h"

/* Each entry migrates user_version i to i + 1. */
static const char *const migrations[] = {
	"CREATE TABLE messages ("
	"  id INTEGER PRIMARY KEY,"
	"  uidvalidity INTEGER NOT NULL, uid INTEGER NOT NULL,"
	"  message_id TEXT, digest TEXT NOT NULL,"
	"  sender TEXT, subject TEXT,"
	"  state TEXT NOT NULL, reason TEXT, unit TEXT, folder TEXT,"
	"  spool TEXT NOT NULL, received INTEGER NOT NULL,"
	"  UNIQUE (uidvalidity, uid));"
	"CREATE INDEX messages_message_id ON messages (message_id);"
	"CREATE INDEX messages_digest ON messages (digest);"
	"CREATE TABLE issues ("
	"  id INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL CHECK (state IN ('draft', 'sent')),"
	"  kind TEXT NOT NULL DEFAULT 'regular'"
	"    CHECK (kind IN ('regular', 'supplement')),"
	"  year INTEGER, number INTEGER, total INTEGER, date TEXT, note TEXT,"
	"  extra TEXT,"
	"  sent_at INTEGER, message BLOB, digest TEXT,"
	"  UNIQUE (kind, year, number));"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  issue INTEGER NOT NULL REFERENCES issues (id),"
	"  seq INTEGER NOT NULL, position INTEGER NOT NULL,"
	"  message INTEGER REFERENCES messages (id),"
	"  unit TEXT NOT NULL, title TEXT NOT NULL, title_key TEXT NOT NULL,"
	"  body TEXT NOT NULL, digest TEXT NOT NULL,"
	"  reviewer TEXT, writer TEXT, phone TEXT,"
	"  state TEXT NOT NULL CHECK (state IN"
	"    ('filed', 'replaced', 'held', 'dropped', 'deferred')),"
	"  replaces INTEGER REFERENCES articles (id),"
	"  created INTEGER NOT NULL);"
	"CREATE INDEX articles_issue ON articles (issue, state, position);"
	"CREATE INDEX articles_unit ON articles (unit, digest);"
	"CREATE TABLE attachments ("
	"  id INTEGER PRIMARY KEY,"
	"  message INTEGER NOT NULL REFERENCES messages (id),"
	"  name TEXT NOT NULL, content_type TEXT NOT NULL,"
	"  size INTEGER NOT NULL, spool TEXT NOT NULL);"
	"CREATE TABLE signoffs ("
	"  id INTEGER PRIMARY KEY,"
	"  command TEXT NOT NULL, kind TEXT NOT NULL, target TEXT,"
	"  issue INTEGER NOT NULL REFERENCES issues (id),"
	"  year INTEGER NOT NULL, number INTEGER NOT NULL,"
	"  date TEXT NOT NULL, digest TEXT NOT NULL,"
	"  approver TEXT NOT NULL, nonce TEXT NOT NULL UNIQUE,"
	"  code_hash TEXT NOT NULL UNIQUE,"
	"  expires INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL, issue INTEGER REFERENCES issues (id),"
	"  batch INTEGER NOT NULL DEFAULT 0,"
	"  list TEXT, recipient TEXT NOT NULL, message BLOB,"
	"  state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt INTEGER NOT NULL, reply TEXT,"
	"  created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX outbox_issue_recipient"
	"  ON outbox (issue, recipient, batch) WHERE kind = 'issue';"
	"CREATE TABLE commands ("
	"  id INTEGER PRIMARY KEY,"
	"  message INTEGER REFERENCES messages (id),"
	"  sender TEXT NOT NULL, command TEXT NOT NULL, args TEXT,"
	"  decision TEXT NOT NULL, reason TEXT, at INTEGER NOT NULL);"
	"CREATE INDEX outbox_due ON outbox (state, next_attempt);",
	/* 2: authenticity; sign-off requests matched without their code */
	"ALTER TABLE messages ADD COLUMN auth TEXT;"
	"ALTER TABLE messages ADD COLUMN auth_evidence TEXT;"
	"ALTER TABLE signoffs ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;",
	/* 3: issue copies share SMTP transactions; a report names the
	 * transaction by its first delivery, the envelope */
	"ALTER TABLE outbox ADD COLUMN envelope INTEGER;"
	"CREATE INDEX outbox_envelope ON outbox (envelope)"
	"  WHERE envelope IS NOT NULL;",
	/* 4: numbering and revision lookups by index, not draft scans */
	"CREATE INDEX articles_seq ON articles (issue, seq);"
	"CREATE INDEX articles_title ON articles (issue, unit, title_key);"
	"CREATE INDEX articles_message ON articles (message);",
	/* 5: when a delivery was last tried and when it was sent, for the
	 * ledger and the audit (a bounce overwrites updated) */
	"ALTER TABLE outbox ADD COLUMN attempted INTEGER;"
	"ALTER TABLE outbox ADD COLUMN sent_at INTEGER;"
	"UPDATE outbox SET attempted = updated WHERE attempts > 0;"
	"UPDATE outbox SET sent_at = updated WHERE state = 'sent';",
	/* 6: 信息考核 facts only the editors know: 上报采用 (adopted higher
	 * up), 批示 and 扣分, with the points they were given under the
	 * rules of the day; undone rows are kept for the audit */
	"CREATE TABLE score_events ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN"
	"    ('adoption', 'instruction', 'deduction')),"
	"  unit TEXT NOT NULL, article INTEGER REFERENCES articles (id),"
	"  name TEXT NOT NULL, points INTEGER NOT NULL, note TEXT,"
	"  editor TEXT NOT NULL, at INTEGER NOT NULL,"
	"  undone_at INTEGER);"
	"CREATE INDEX score_events_unit ON score_events (unit, at);"
	"CREATE INDEX score_events_article ON score_events (article);",
	/* 7: each sent issue's archive under the state directory, by the
	 * digest of its manifest (#12) */
	"CREATE TABLE archives ("
	"  issue INTEGER PRIMARY KEY REFERENCES issues (id),"
	"  name TEXT NOT NULL UNIQUE, manifest TEXT NOT NULL,"
	"  created INTEGER NOT NULL);",
	/* 8: 催稿 rounds (issue #12), keyed by the deadline and the round's
	 * lead before it, sent or skipped (missed while down), and the units
	 * each sent round reminded, so that a restart sends none twice */
	"CREATE TABLE reminder_rounds ("
	"  deadline INTEGER NOT NULL, lead INTEGER NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('sent', 'skipped')),"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (deadline, lead));"
	"CREATE TABLE reminders ("
	"  deadline INTEGER NOT NULL, lead INTEGER NOT NULL,"
	"  unit TEXT NOT NULL, at INTEGER NOT NULL,"
	"  PRIMARY KEY (deadline, lead, unit),"
	"  FOREIGN KEY (deadline, lead) REFERENCES reminder_rounds);",
	/* 9: 约稿 (issue #12): a topic asked of some units by a due time,
	 * and each unit's answer: open, answered, late or missed */
	"CREATE TABLE commissions ("
	"  id INTEGER PRIMARY KEY,"
	"  topic TEXT NOT NULL, requirements TEXT,"
	"  due INTEGER NOT NULL, editor TEXT NOT NULL,"
	"  created INTEGER NOT NULL);"
	"CREATE TABLE commission_units ("
	"  commission INTEGER NOT NULL REFERENCES commissions (id),"
	"  unit TEXT NOT NULL, message_id TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN"
	"    ('open', 'answered', 'late', 'missed')),"
	"  article INTEGER REFERENCES articles (id), answered_at INTEGER,"
	"  PRIMARY KEY (commission, unit));",
	/* 10: the monthly 通报 mailed to the editors, once a month (#12) */
	"CREATE TABLE monthly_reports (month TEXT PRIMARY KEY, at INTEGER NOT NULL);",
};

static const char *const message_state_names[] = {
	[MESSAGE_FILED] = "filed",
	[MESSAGE_DUPLICATE] = "duplicate",
	[MESSAGE_QUARANTINED] = "quarantined",
	[MESSAGE_IGNORED] = "ignored",
	[MESSAGE_COMMAND] = "command",
	[MESSAGE_REPLACED] = "replaced",
	[MESSAGE_HELD] = "held",
	[MESSAGE_REFUSED] = "refused",
};

const char *
message_state_name(enum message_state state)
{
	g_assert((guint)state < G_N_ELEMENTS(message_state_names));
	return message_state_names[state];
}

void
store_set_error(struct store *store, GError **error, const char *what)
{
	int rc = sqlite3_extended_errcode(store->db);
	int code = BULLETIN_ERROR_STATE;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_FULL:
	case SQLITE_IOERR:
		code = BULLETIN_ERROR_TEMPORARY;
		break;
	}
	g_set_error(error, BULLETIN_ERROR, code, "store: %s: %s", what,
	    sqlite3_errmsg(store->db));
}

/*
 * Statements are reused: compiling the SQL cost more than running it (a
 * quarter of the daemon's instructions while filing).  A statement in use
 * is out of its store's idle table, so nested uses of one SQL text each
 * get their own.  Release finds the store by the statement's connection.
 */
static GHashTable *open_stores;		/* sqlite3 * -> struct store * */

static void
finalize_statement(gpointer st)
{
	sqlite3_finalize(st);
}

sqlite3_stmt *
store_prepare(struct store *store, const char *sql, GError **error)
{
	sqlite3_stmt *st = g_hash_table_lookup(store->idle, sql);

	if (st != NULL) {
		g_hash_table_steal(store->idle, sql);
		return st;
	}
	if (sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		store_set_error(store, error, "prepare");
		return NULL;
	}
	return st;
}

void
store_release(sqlite3_stmt *st)
{
	struct store *store;

	if (st == NULL)
		return;
	store = open_stores == NULL ? NULL :
	    g_hash_table_lookup(open_stores, sqlite3_db_handle(st));
	if (store == NULL || g_hash_table_contains(store->idle,
	    sqlite3_sql(st))) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	g_hash_table_insert(store->idle, (char *)sqlite3_sql(st), st);
}

gboolean
store_step_done(struct store *store, sqlite3_stmt *st, const char *what,
    GError **error)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE)
		store_set_error(store, error, what);
	store_release(st);
	return rc == SQLITE_DONE;
}

void
store_bind_text(sqlite3_stmt *st, int col, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, text, -1, SQLITE_TRANSIENT);
}

char *
store_column_dup(sqlite3_stmt *st, int col)
{
	return g_strdup((const char *)sqlite3_column_text(st, col));
}

static gboolean
store_exec(struct store *store, const char *sql, GError **error)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		store_set_error(store, error, "exec");
		return FALSE;
	}
	return TRUE;
}

static int
store_user_version(struct store *store)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "PRAGMA user_version", NULL);

	return st != NULL && sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int(st, 0) : -1;
}

static gboolean
store_migrate(struct store *store, GError **error)
{
	int version = store_user_version(store);

	if (version < 0 || version > (int)G_N_ELEMENTS(migrations)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: schema version %d is newer than this bulletind",
		    version);
		return FALSE;
	}
	for (; version < (int)G_N_ELEMENTS(migrations); version++) {
		g_autofree char *bump = g_strdup_printf(
		    "PRAGMA user_version = %d", version + 1);
		if (!store_begin(store, error))
			return FALSE;
		if (!store_exec(store, migrations[version], error) ||
		    !store_exec(store, bump, error)) {
			store_rollback(store);
			return FALSE;
		}
		if (!store_commit(store, error))
			return FALSE;
		log_info("store: schema migrated to version %d", version + 1);
	}
	return TRUE;
}

/* PATH, private to us: it holds raw mail and sign-off requests. */
static gboolean
make_dir(const char *path, GError **error)
{
	if (g_mkdir_with_parents(path, 0700) != 0 || g_chmod(path, 0700) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: cannot create %s: %s", path, g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

/* The database file, created 0600 before SQLite would make it 0644;
 * SQLite gives its -wal and -shm files the same mode. */
static gboolean
make_private_file(const char *path, GError **error)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0 || fchmod(fd, 0600) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: cannot create %s: %s", path, g_strerror(errno));
		if (fd >= 0)
			close(fd);
		return FALSE;
	}
	close(fd);
	return TRUE;
}

static struct store *
store_new(const char *dir)
{
	struct store *store = g_new0(struct store, 1);

	store->dir = g_strdup(dir);
	store->spool_dir = g_build_filename(dir, "spool", NULL);
	store->idle = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    finalize_statement);
	return store;
}

/* Open the database at PATH with SQLite's FLAGS, set up and migrate it. */
static gboolean
store_open_db(struct store *store, const char *path, int flags,
    GError **error)
{
	if (sqlite3_open_v2(path, &store->db, flags, NULL) != SQLITE_OK) {
		store_set_error(store, error, path);
		return FALSE;
	}
	if (open_stores == NULL)
		open_stores = g_hash_table_new(NULL, NULL);
	g_hash_table_insert(open_stores, store->db, store);
	sqlite3_busy_timeout(store->db, 5000);
	return store_exec(store, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error) &&
	    store_migrate(store, error);
}

struct store *
store_open(const char *dir, GError **error)
{
	struct store *store = store_new(dir);
	g_autofree char *path = g_build_filename(dir, "bulletind.db", NULL);

	if (!make_dir(dir, error) || !make_dir(store->spool_dir, error) ||
	    !make_private_file(path, error) ||
	    !store_open_db(store, path, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, error)) {
		store_close(store);
		return NULL;
	}
	return store;
}

/* Does PATH exist?  FALSE with ERROR set when it cannot be told. */
static gboolean
path_exists(const char *path, gboolean *exists_r, GError **error)
{
	GStatBuf sb;

	*exists_r = g_stat(path, &sb) == 0;
	if (*exists_r || errno == ENOENT || errno == ENOTDIR)
		return TRUE;
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
	    "store: %s: %s", path, g_strerror(errno));
	return FALSE;
}

struct store *
store_open_existing(const char *dir, char **missing_r, GError **error)
{
	g_autofree char *path = g_build_filename(dir, "bulletind.db", NULL);
	struct store *store;
	gboolean exists;

	if (missing_r != NULL)
		*missing_r = NULL;
	if (!path_exists(dir, &exists, error) ||
	    (exists && !path_exists(path, &exists, error)))
		return NULL;
	if (!exists) {
		const char *missing = g_file_test(dir, G_FILE_TEST_IS_DIR) ?
		    path : dir;
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "store: %s does not exist", missing);
		if (missing_r != NULL)
			*missing_r = g_strdup(missing);
		return NULL;
	}
	store = store_new(dir);
	if (!store_open_db(store, path, SQLITE_OPEN_READWRITE, error)) {
		store_close(store);
		return NULL;
	}
	return store;
}

void
store_close(struct store *store)
{
	if (store == NULL)
		return;
	g_hash_table_destroy(store->idle);	/* finalizes them */
	if (open_stores != NULL && g_hash_table_remove(open_stores,
	    store->db) && g_hash_table_size(open_stores) == 0)
		g_clear_pointer(&open_stores, g_hash_table_destroy);
	sqlite3_close(store->db);
	g_free(store->dir);
	g_free(store->spool_dir);
	g_free(store);
}

gboolean
store_begin(struct store *store, GError **error)
{
	return store_exec(store, "BEGIN IMMEDIATE", error);
}

/* Spool files written since the last commit reach the disk before the
 * rows that name them: one syncfs for the lot (which also makes their
 * directory entries durable). */
static gboolean
spool_sync(struct store *store, GError **error)
{
	int fd;

	if (!store->spool_unsynced)
		return TRUE;
	fd = open(store->spool_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || syncfs(fd) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "spool: sync %s: %s", store->spool_dir, g_strerror(errno));
		if (fd >= 0)
			close(fd);
		return FALSE;
	}
	close(fd);
	store->spool_unsynced = FALSE;
	return TRUE;
}

gboolean
store_commit(struct store *store, GError **error)
{
	return spool_sync(store, error) && store_exec(store, "COMMIT", error);
}

void
store_rollback(struct store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- spool -------------------------------------------------------------- */

static gboolean
write_all(int fd, GBytes *raw, const char *path, GError **error)
{
	gsize len;
	const char *p = g_bytes_get_data(raw, &len);

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		p += n;
		len -= n;
	}
	return TRUE;
fail:
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "spool: write %s: %s", path, g_strerror(errno));
	return FALSE;
}

/* Open the spool file PATH to be written, or -1 with *FRESH_R FALSE when
 * it holds its bytes already (spooled before, or by the fetch worker).
 * A file of another size was cut short by a crash: written again. */
static int
spool_open(const char *path, goffset size, gboolean *fresh_r, GError **error)
{
	GStatBuf sb;
	int fd;

	*fresh_r = TRUE;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST) {
		if (g_stat(path, &sb) == 0 && sb.st_size == size) {
			*fresh_r = FALSE;
			return -1;
		}
		fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	}
	if (fd < 0)
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "spool: open %s: %s", path, g_strerror(errno));
	return fd;
}

/*
 * No temporary name and rename: a file is named by its digest, only a
 * committed row makes it count, and the commit flushes it first; a file
 * left short by a crash is known by its size and written again.  One
 * create a message instead of a create and a rename.
 */
char *
store_spool_write(struct store *store, const char *digest, GBytes *raw,
    GError **error)
{
	g_autofree char *name = g_strdup_printf("%s.eml", digest);
	g_autofree char *path = g_build_filename(store->spool_dir, name, NULL);
	gboolean fresh, ok;
	int fd;

	if ((fd = spool_open(path, g_bytes_get_size(raw), &fresh, error)) < 0)
		return fresh ? NULL : g_steal_pointer(&name);
	ok = write_all(fd, raw, path, error);
	if (close(fd) != 0 && ok) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "spool: close %s: %s", path, g_strerror(errno));
		ok = FALSE;
	}
	if (!ok) {
		unlink(path);
		return NULL;
	}
	return g_steal_pointer(&name);
}

char *
store_spool_put(struct store *store, const char *digest, GBytes *raw,
    GError **error)
{
	/* Spooled before or not, the next commit flushes it: an earlier
	 * write may not be on the disk yet (a crash before its commit). */
	store->spool_unsynced = TRUE;
	return store_spool_write(store, digest, raw, error);
}

/* ---- messages ----------------------------------------------------------- */

gboolean
store_knows_uid(struct store *store, guint32 uidvalidity, guint32 uid,
    char **folder_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT folder FROM messages WHERE uidvalidity = ? AND uid = ?",
	    error);
	int rc;

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, uidvalidity);
	sqlite3_bind_int64(st, 2, uid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*folder_r = store_column_dup(st, 0);
		return TRUE;
	}
	if (rc != SQLITE_DONE)
		store_set_error(store, error, "look up uid");
	return FALSE;
}

gint64
store_find_same_message(struct store *store, const char *message_id,
    const char *digest, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT id FROM messages WHERE state != 'duplicate' AND"
	    " ((?1 IS NOT NULL AND message_id = ?1) OR digest = ?2)"
	    " ORDER BY id LIMIT 1", error);
	int rc;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, message_id);
	store_bind_text(st, 2, digest);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "find message");
		return -1;
	}
	return 0;
}

gint64
store_add_message(struct store *store, const struct message_row *row,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO messages (uidvalidity, uid, message_id, digest,"
	    " sender, subject, state, reason, unit, folder, spool, received,"
	    " auth, auth_evidence)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, row->uidvalidity);
	sqlite3_bind_int64(st, 2, row->uid);
	store_bind_text(st, 3, row->message_id);
	store_bind_text(st, 4, row->digest);
	store_bind_text(st, 5, row->sender);
	store_bind_text(st, 6, row->subject);
	store_bind_text(st, 7, message_state_name(row->state));
	store_bind_text(st, 8, row->reason);
	store_bind_text(st, 9, row->unit);
	store_bind_text(st, 10, row->folder);
	store_bind_text(st, 11, row->spool);
	sqlite3_bind_int64(st, 12, row->received > 0 ? row->received :
	    g_get_real_time() / G_USEC_PER_SEC);
	store_bind_text(st, 13, row->auth);
	store_bind_text(st, 14, row->auth_evidence);
	if (!store_step_done(store, st, "add message", error))
		return 0;
	return sqlite3_last_insert_rowid(store->db);
}

void
message_summary_free(struct message_summary *s)
{
	if (s == NULL)
		return;
	g_free(s->state);
	g_free(s->reason);
	g_free(s->sender);
	g_free(s->subject);
	g_free(s->unit);
	g_free(s->title);
	g_free(s->message_id);
	g_free(s);
}

GPtrArray *
store_list_messages(struct store *store, int limit, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT m.id, m.uid, m.state, m.reason, m.sender, m.subject, m.unit,"
	    " m.received, (SELECT title FROM articles WHERE message = m.id"
	    " ORDER BY id DESC LIMIT 1), m.message_id FROM messages m"
	    " ORDER BY m.id DESC LIMIT ?", error);
	GPtrArray *out;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, limit);
	out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)message_summary_free);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct message_summary *s = g_new0(struct message_summary, 1);
		s->id = sqlite3_column_int64(st, 0);
		s->uid = sqlite3_column_int64(st, 1);
		s->state = store_column_dup(st, 2);
		s->reason = store_column_dup(st, 3);
		s->sender = store_column_dup(st, 4);
		s->subject = store_column_dup(st, 5);
		s->unit = store_column_dup(st, 6);
		s->received = sqlite3_column_int64(st, 7);
		s->title = store_column_dup(st, 8);
		s->message_id = store_column_dup(st, 9);
		g_ptr_array_add(out, s);
	}
	return out;
}

/* ---- the audit log ------------------------------------------------------ */

gboolean
store_add_command(struct store *store, const struct command_row *row,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "INSERT INTO commands (message, sender, command, args, decision,"
	    " reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

	if (st == NULL)
		return FALSE;
	if (row->message > 0)
		sqlite3_bind_int64(st, 1, row->message);
	else
		sqlite3_bind_null(st, 1);
	store_bind_text(st, 2, row->sender);
	store_bind_text(st, 3, row->command);
	store_bind_text(st, 4, row->args);
	store_bind_text(st, 5, row->decision);
	store_bind_text(st, 6, row->reason);
	sqlite3_bind_int64(st, 7, g_get_real_time() / G_USEC_PER_SEC);
	return store_step_done(store, st, "audit command", error);
}

void
audit_entry_free(struct audit_entry *e)
{
	if (e == NULL)
		return;
	g_free(e->kind);
	g_free(e->who);
	g_free(e->what);
	g_free(e->detail);
	g_free(e->message_id);
	g_free(e->issue_kind);
	g_free(e->list);
	g_free(e);
}

/*
 * One time-ordered union of what the store keeps: messages by their
 * outcome (commands and refused commands are in the commands table, with
 * their words), commands, sent issues, and each delivery's sending and
 * its bounce or failure.  Ties keep the order things happen in: a
 * message, then its command, then the mail it caused.
 */
static const char audit_sql[] =
    "SELECT at, kind, who, what, detail, message_id, issue_kind, year,"
    " number, list FROM ("
    "SELECT m.received AS at, m.state AS kind, m.sender AS who,"
    "  COALESCE(m.unit || ': ' || a.title, m.subject) AS what,"
    "  m.reason AS detail, m.message_id AS message_id, NULL AS issue_kind,"
    "  NULL AS year, NULL AS number, NULL AS list, 0 AS src, m.id AS id"
    " FROM messages m LEFT JOIN articles a ON a.id = (SELECT MAX(id)"
    "  FROM articles WHERE message = m.id)"
    " WHERE m.state NOT IN ('command', 'refused')"
    " UNION ALL "
    "SELECT c.at, CASE c.decision WHEN 'refused' THEN 'refused'"
    "  ELSE 'command' END, c.sender,"
    "  c.command || COALESCE(' ' || NULLIF(c.args, ''), ''),"
    "  c.decision || COALESCE(': ' || c.reason, ''), m.message_id,"
    "  NULL, NULL, NULL, NULL, 1, c.id"
    " FROM commands c LEFT JOIN messages m ON m.id = c.message"
    " UNION ALL "
    "SELECT i.sent_at, 'issued', NULL, 'issue', i.date, NULL, i.kind,"
    "  i.year, i.number, NULL, 2, i.id FROM issues i WHERE i.state = 'sent'"
    " UNION ALL "
    "SELECT o.sent_at, 'sent', o.recipient, o.kind, o.reply, NULL, i.kind,"
    "  i.year, i.number, o.list, 3, o.id"
    " FROM outbox o LEFT JOIN issues i ON i.id = o.issue"
    " WHERE o.sent_at IS NOT NULL"
    " UNION ALL "
    "SELECT o.updated, o.state, o.recipient, o.kind, o.reply, NULL, i.kind,"
    "  i.year, i.number, o.list, 4, o.id"
    " FROM outbox o LEFT JOIN issues i ON i.id = o.issue"
    " WHERE o.state IN ('bounced', 'failed')"
    ") ORDER BY at DESC, src DESC, id DESC LIMIT ?";

static struct audit_entry *
audit_entry_from_row(sqlite3_stmt *st)
{
	struct audit_entry *e = g_new0(struct audit_entry, 1);

	e->at = sqlite3_column_int64(st, 0);
	e->kind = store_column_dup(st, 1);
	e->who = store_column_dup(st, 2);
	e->what = store_column_dup(st, 3);
	e->detail = store_column_dup(st, 4);
	e->message_id = store_column_dup(st, 5);
	e->issue_kind = store_column_dup(st, 6);
	e->issue_year = sqlite3_column_int(st, 7);
	e->issue_number = sqlite3_column_int(st, 8);
	e->list = store_column_dup(st, 9);
	return e;
}

GPtrArray *
store_list_audit(struct store *store, int limit, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store, audit_sql, error);
	GPtrArray *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, limit);
	out = g_ptr_array_new_with_free_func((GDestroyNotify)audit_entry_free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_ptr_array_add(out, audit_entry_from_row(st));
	if (rc != SQLITE_DONE) {
		store_set_error(store, error, "audit");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

/* ---- quarantine and statistics ------------------------------------------ */

gboolean
store_get_message(struct store *store, gint64 id, char **state_r,
    char **spool_r, GError **error)
{
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT state, spool FROM messages WHERE id = ?", error);

	if (st == NULL)
		return FALSE;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return FALSE;
	*state_r = store_column_dup(st, 0);
	*spool_r = store_column_dup(st, 1);
	return TRUE;
}

GBytes *
store_spool_get(struct store *store, const char *name, GError **error)
{
	g_autofree char *path = NULL;
	char *data;
	gsize len;

	/* Names come from our own rows, but never leave the spool. */
	if (strchr(name, '/') != NULL || name[0] == '.') {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "spool: bad name %s", name);
		return NULL;
	}
	path = g_build_filename(store->spool_dir, name, NULL);
	if (!g_file_get_contents(path, &data, &len, error))
		return NULL;
	return g_bytes_new_take(data, len);
}

gboolean
store_set_message_state(struct store *store, gint64 id,
    enum message_state state, const char *reason, const char *unit,
    GError **error)
{
	sqlite3_stmt *st = store_prepare(store,
	    "UPDATE messages SET state = ?, reason = ?, unit = ? WHERE id = ?",
	    error);

	if (st == NULL)
		return FALSE;
	store_bind_text(st, 1, message_state_name(state));
	store_bind_text(st, 2, reason);
	store_bind_text(st, 3, unit);
	sqlite3_bind_int64(st, 4, id);
	return store_step_done(store, st, "set message state", error);
}

void
unit_stats_free(struct unit_stats *s)
{
	if (s == NULL)
		return;
	g_free(s->unit);
	g_free(s);
}

GPtrArray *
store_unit_stats(struct store *store, gint64 from, gint64 to, GError **error)
{
	/* An article counts once per message; adopted when printed in a
	 * sent issue (state filed there: not replaced, dropped or held). */
	g_autoptr(sqlite3_stmt) st = store_prepare(store,
	    "SELECT m.unit, COUNT(DISTINCT m.id),"
	    " COUNT(DISTINCT CASE WHEN a.state = 'filed' AND i.state = 'sent'"
	    "   THEN m.id END)"
	    " FROM messages m JOIN articles a ON a.message = m.id"
	    " JOIN issues i ON i.id = a.issue"
	    " WHERE m.unit IS NOT NULL AND m.received >= ? AND m.received < ?"
	    " GROUP BY m.unit ORDER BY m.unit", error);
	GPtrArray *out;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	out = g_ptr_array_new_with_free_func((GDestroyNotify)unit_stats_free);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct unit_stats *s = g_new0(struct unit_stats, 1);
		s->unit = store_column_dup(st, 0);
		s->submitted = sqlite3_column_int(st, 1);
		s->adopted = sqlite3_column_int(st, 2);
		g_ptr_array_add(out, s);
	}
	return out;
}
