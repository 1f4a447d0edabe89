/*
 * The office mailbox over IMAP, through libcurl.  Message bytes are only
 * ever taken from URL fetches (";UIDVALIDITY=v/;UID=n"), which read
 * literals by length; custom commands (SEARCH, STORE, MOVE, STATUS) carry
 * no message content.  Only imap.c sees CURL.
 *
 * struct imap owns one reused connection; free with imap_free().
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
 * New mail in INBOX: UIDs without the $Filed keyword, ascending, and
 * which of them were unseen (\Seen is the office's, not ours: we restore
 * it after fetching).  Errors are TEMPORARY.
 */
gboolean imap_new_uids(struct imap *imap, guint32 *uidvalidity_r,
    GArray **uids_r, GHashTable **unseen_r, GError **error);

/* The raw message. INPUT error if it vanished or UIDVALIDITY changed. */
GBytes *imap_fetch(struct imap *imap, guint32 uidvalidity, guint32 uid,
    GError **error);

/*
 * Mark UID processed: keyword $Filed, \Seen restored to unseen when
 * WAS_UNSEEN, then moved to FOLDER unless FOLDER is NULL or INBOX.
 */
gboolean imap_mark(struct imap *imap, guint32 uid, gboolean was_unseen,
    const char *folder, GError **error);

/* Create FOLDER if it does not exist. */
gboolean imap_ensure_folder(struct imap *imap, const char *folder,
    GError **error);

/* Pure helpers, exposed for tests. */
gboolean imap_parse_uid_set(const char *set, GArray *uids);
gboolean imap_parse_search(const char *response, GArray *uids);
gboolean imap_parse_uidvalidity(const char *response, guint32 *value_r);

#endif
