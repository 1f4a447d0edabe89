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
};

/* Set ERROR from the database's last error, prefixed with WHAT. */
void store_set_error(struct store *store, GError **error, const char *what);

/* Prepare SQL; NULL and ERROR on failure.  Free with sqlite3_finalize. */
sqlite3_stmt *store_prepare(struct store *store, const char *sql,
    GError **error);

/* Step a statement that returns no row; finalizes it. */
gboolean store_step_done(struct store *store, sqlite3_stmt *st,
    const char *what, GError **error);

/* Bind a possibly NULL UTF-8 string. */
void store_bind_text(sqlite3_stmt *st, int col, const char *text);

/* A column as a newly allocated string (NULL stays NULL). */
char *store_column_dup(sqlite3_stmt *st, int col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

#endif
