/*
 * Secrets (passwords, the sign-off key) come from files that only their
 * owner may read.  The caller owns the result and wipes it with
 * secret_free().
 */
#ifndef BULLETIN_SECRET_H
#define BULLETIN_SECRET_H

#include <glib.h>

/*
 * Read PATH.  Refused (CONFIG error, with the fix) if it is not a regular
 * file, or group or others may access it.  A trailing newline is dropped.
 */
GBytes *secret_read(const char *path, GError **error);

/* The sign-off key at PATH: secret_read(), and refused if shorter than
 * SECRET_KEY_MIN bytes. */
#define SECRET_KEY_MIN 16
GBytes *secret_read_key(const char *path, GError **error);

/* secret_read() or secret_read_key(), errors prefixed with SETTING
 * ("imap.password_file: PATH: reason"): as the daemon reports them. */
GBytes *secret_read_setting(const char *setting, const char *path,
    gboolean is_key, GError **error);

/* The secret as a NUL-terminated string (borrowed from SECRET). */
const char *secret_string(GBytes *secret);

/* Wipe and free (NULL-tolerant). */
void secret_free(GBytes *secret);

/*
 * Read the three secrets C names (IMAP and SMTP passwords, the sign-off
 * key), the key with secret_read_key(); all or nothing.  The daemon
 * and bulletinctl load them the same way.
 */
struct config;
gboolean secrets_load(const struct config *c, GBytes **imap_r,
    GBytes **smtp_r, GBytes **key_r, GError **error);

#endif
