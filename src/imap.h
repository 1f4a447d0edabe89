/*
 * The office mailbox over IMAP, through libcurl.  Message bytes are only
 * ever taken from URL fetches (";UIDVALIDITY=v/;UID=n"), which read
 * literals by length; custom commands (SEARCH, STORE, MOVE, STATUS) carry
 * no message content.  Only imap.c sees CURL.
 *
 * struct imap owns one reused connection for commands and a small pool
 * of kept-alive connections for fetches; free with imap_free().
 */
#ifndef BULLETIN_IMAP_H
#define BULLETIN_IMAP_H

#include <glib.h>

#include "config.h"

struct imap;

/* PASSWORD is copied (and wiped on free). */
struct imap *imap_new(const struct tls_peer *peer, const char *password);
void imap_free(struct imap *imap);

/*
 * New mail in INBOX, as of now (the server's view is refreshed first):
 * UIDs without the $Filed keyword, ascending, and which of them were
 * unseen (\Seen is the office's, not ours: we restore it after
 * fetching).  Errors are TEMPORARY.
 */
gboolean imap_new_uids(struct imap *imap, guint32 *uidvalidity_r,
    GArray **uids_r, GHashTable **unseen_r, GError **error);

/*
 * Let the fetch connections wait in FOLDER (not INBOX) between batches,
 * so they do not collect the news of our marks and moves.  FOLDER must
 * exist; NULL or INBOX: none (a NOOP before each batch instead).
 */
void imap_park_fetchers(struct imap *imap, const char *folder);

/* UIDs in INBOX that carry $Filed (marked, maybe not yet moved), or NULL
 * with a TEMPORARY error.  Call after imap_new_uids(). */
GArray *imap_filed_uids(struct imap *imap, GError **error);

/* One message of a batch fetch: the caller sets UID and owns the rest. */
struct imap_fetch {
	guint32		 uid;
	GBytes		*raw;		/* the message, or NULL ... */
	GError		*error;		/* ... with an INPUT error: it vanished */
};

/* Told of ITEM as soon as its message is in (ITEM->raw), while the
 * other fetches are still in flight. */
typedef void imap_fetched_fn(struct imap_fetch *item, gpointer data);

/*
 * Fetch the N ITEMS by URL fetch (literals read by length), several in
 * flight; FETCHED (or NULL) is told of each as it comes.  \Seen is set on
 * them first (FALSE with nothing fetched when that fails).  FALSE with a
 * TEMPORARY error when the server failed; the items fetched so far are
 * filled in either way.  Commands on INBOX (marks, moves) must not run
 * meanwhile: the fetch connections would take their news for a fetch's
 * answer.  One thread at a time may use a struct imap.
 */
gboolean imap_fetch(struct imap *imap, guint32 uidvalidity,
    struct imap_fetch *items, guint n, imap_fetched_fn *fetched,
    gpointer data, GError **error);

/*
 * Mark UIDS processed: keyword $Filed on all of them, \Seen taken off
 * again for UNSEEN (those that were unseen before our fetch set it).
 * One command each, with compact UID sets.
 */
gboolean imap_mark_filed(struct imap *imap, const GArray *uids,
    const GArray *unseen, GError **error);

/* Move UIDS from INBOX to FOLDER; nothing when FOLDER is NULL or INBOX. */
gboolean imap_move(struct imap *imap, const GArray *uids, const char *folder,
    GError **error);

/* Connect and log in (TLS and timeouts as for every request), changing
 * nothing: for bulletinctl check --connect.  Errors are TEMPORARY. */
gboolean imap_login(struct imap *imap, GError **error);

/* SELECT FOLDER (then a NOOP in it). */
gboolean imap_select(struct imap *imap, const char *folder, GError **error);

/* Does FOLDER exist (LIST)? */
gboolean imap_folder_exists(struct imap *imap, const char *folder,
    gboolean *exists_r, GError **error);

/* Create FOLDER if it does not exist. */
gboolean imap_ensure_folder(struct imap *imap, const char *folder,
    GError **error);

/* Pure helpers, exposed for tests. */
gboolean imap_parse_uid_set(const char *set, GArray *uids);
gboolean imap_parse_search(const char *response, GArray *uids);
gboolean imap_parse_uidvalidity(const char *response, guint32 *value_r);
/* "1:3,7,9:12" for UIDS in any order, duplicates merged; caller frees. */
char *imap_format_uid_set(const GArray *uids);

#endif
