/*
 * The archive of sent issues (归档): one directory per issue under
 * STATE/archive (2026-001, 2026-S001 for 增刊), written once after the
 * sign-off and never rewritten: the raw source mails of its articles and
 * of every revision, the sign-off record, the issue as sent (the message
 * and its HTML, text, PDF and .docx), the recipients it was queued to,
 * and a manifest of every file's SHA-256.  The store records the
 * manifest's own digest.  Delivery outcomes change later and are read
 * from the store when the archive is exported (archive-export.c).
 *
 * All memory belongs to the caller.
 */
#ifndef BULLETIN_ARCHIVE_H
#define BULLETIN_ARCHIVE_H

#include <glib.h>

#include "bulletin.h"

#define ARCHIVE_MANIFEST	"MANIFEST.sha256"

/* "2026-001", "2026-S001". */
char *archive_name(enum issue_kind kind, int year, int number);

/* "2026年第1期", "2026年增刊第1期". */
char *archive_label(enum issue_kind kind, int year, int number);

/*
 * Write sent ISSUE's archive unless it has one.  Crash-safe: the files go
 * to a hidden temporary directory, are synced and renamed into place,
 * then recorded; a directory left by a crash before the record is
 * verified and recorded, a temporary one is removed and written again.
 */
gboolean archive_issue(struct bulletin *b, gint64 issue, GError **error);

/* Archive every sent issue that has none yet; failures are logged and
 * tried again at the next call.  For the daemon's loop. */
void archive_pending(struct bulletin *b);

/* A file of an archive and its SHA-256 (hex) from the manifest. */
struct archive_file {
	char	*path;		/* relative, "sources/01-fgj-1.eml" */
	char	*digest;
};

void archive_file_free(struct archive_file *f);

/*
 * Check the archive in DIR: the manifest's digest is MANIFEST_DIGEST
 * (unless NULL), every file it lists has its digest, and no other file
 * is there.  Returns the files (struct archive_file *) in manifest
 * order, or NULL with a BULLETIN_ERROR_STATE error naming the file.
 */
GPtrArray *archive_verify(const char *dir, const char *manifest_digest,
    GError **error);

/* The directory of ISSUE's archive, checked with archive_verify; the
 * files in *files_r.  NULL and ERROR if it has none or fails. */
char *archive_open(struct bulletin *b, gint64 issue, GPtrArray **files_r,
    GError **error);

/* File F of the archive in DIR, read once and checked against its
 * manifest digest, so that what is used is what was verified. */
GBytes *archive_read(const char *dir, const struct archive_file *f,
    GError **error);

/* The file PATH among FILES (struct archive_file *), or NULL. */
const struct archive_file *archive_find(GPtrArray *files, const char *path);

/* ---- archive-export.c --------------------------------------------------- */

/* "工作简报-2026年第1期.zip": the default name of an export. */
char *archive_export_name(enum issue_kind kind, int year, int number);

/*
 * ISSUE's archive, verified first, as one zip at PATH: every archived
 * file, 索引.txt (what is inside, in Chinese) and deliveries.csv (each
 * copy's outcome now, from the store).  Written beside PATH and renamed,
 * so a failed export leaves nothing.  A file that does not match the
 * manifest fails with BULLETIN_ERROR_STATE naming it.
 */
gboolean archive_export(struct bulletin *b, gint64 issue, const char *path,
    GError **error);

/* ---- archive-site.c ----------------------------------------------------- */

/*
 * A static site of every archived issue in DIR: index.html by year (each
 * issue's number, date, titles and units, links to its PDF, .docx and
 * HTML copied into DIR/2026-001/) with full-text search in the page
 * (index.html#q=WORD); no network, opens from file://.
 */
gboolean archive_site(struct bulletin *b, const char *dir, GError **error);

#endif
