/*
 * Shared by store*.c only: the handle and small SQLite helpers.
 */
#ifndef BULLETIN_STORE_PRIVATE_H
#define BULLETIN_STORE_PRIVATE_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3		*db;
	char		*dir;
	char		*spool_dir;
	gboolean	 spool_unsynced;	/* written since the commit */
	GHashTable	*idle;		/* SQL text -> prepared statement
					 * not in use, for reuse */
};

/* Set ERROR from the database's last error, prefixed with WHAT. */
void store_set_error(struct store *store, GError **error, const char *what);

/* Prepare SQL, or reuse its statement from an earlier prepare; NULL and
 * ERROR on failure.  Give it back with store_release (g_autoptr does). */
sqlite3_stmt *store_prepare(struct store *store, const char *sql,
    GError **error);

/* Reset ST and keep it for the next prepare of its SQL (or finalize it
 * when one is kept already); NULL-tolerant. */
void store_release(sqlite3_stmt *st);

/* Step a statement that returns no row; releases it. */
gboolean store_step_done(struct store *store, sqlite3_stmt *st,
    const char *what, GError **error);

/* Bind a possibly NULL UTF-8 string. */
void store_bind_text(sqlite3_stmt *st, int col, const char *text);

/* A column as a newly allocated string (NULL stays NULL). */
char *store_column_dup(sqlite3_stmt *st, int col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, store_release)

#endif
