/* The archive of a sent issue: writing and verifying it; see archive.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "archive.h"
#include "clock.h"
#include "crashpoint.h"
#include "error.h"
#include "issue.h"
#include "log.h"
#include "mail.h"
#include "render.h"

/* One file of an archive being made: its path and bytes. */
struct pending_file {
	char	*path;
	GBytes	*data;
};

static void
pending_file_free(struct pending_file *f)
{
	g_free(f->path);
	g_bytes_unref(f->data);
	g_free(f);
}

static void
add_file(GPtrArray *files, const char *path, GBytes *data)
{
	struct pending_file *f = g_new0(struct pending_file, 1);

	f->path = g_strdup(path);
	f->data = g_bytes_ref(data);
	g_ptr_array_add(files, f);
}

void
archive_file_free(struct archive_file *f)
{
	if (f == NULL)
		return;
	g_free(f->path);
	g_free(f->digest);
	g_free(f);
}

char *
archive_name(enum issue_kind kind, int year, int number)
{
	return g_strdup_printf("%d-%s%03d", year,
	    kind == ISSUE_SUPPLEMENT ? "S" : "", number);
}

char *
archive_label(enum issue_kind kind, int year, int number)
{
	return g_strdup_printf("%d年%s第%d期", year,
	    kind == ISSUE_SUPPLEMENT ? "增刊" : "", number);
}

static char *
archive_root(const struct config *c)
{
	return g_build_filename(c->state_dir, "archive", NULL);
}

static char *
iso_time(gint64 t)
{
	g_autoptr(GDateTime) dt = t > 0 ? clock_from_unix(t) : NULL;

	return dt != NULL ? g_date_time_format_iso8601(dt) : NULL;
}

static GBytes *
json_bytes(JsonBuilder *b)
{
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = json_builder_get_root(b);
	gsize len;
	char *text;

	json_generator_set_pretty(gen, TRUE);
	json_generator_set_root(gen, root);
	text = json_generator_to_data(gen, &len);
	text = g_realloc(text, len + 2);
	text[len++] = '\n';
	text[len] = '\0';
	return g_bytes_new_take(text, len);
}

static void
json_member_str(JsonBuilder *b, const char *key, const char *value)
{
	json_builder_set_member_name(b, key);
	if (value == NULL)
		json_builder_add_null_value(b);
	else
		json_builder_add_string_value(b, value);
}

static void
json_member_int(JsonBuilder *b, const char *key, gint64 value)
{
	json_builder_set_member_name(b, key);
	json_builder_add_int_value(b, value);
}

static void
json_member_time(JsonBuilder *b, const char *key, gint64 t)
{
	g_autofree char *iso = iso_time(t);

	json_member_str(b, key, iso);
}

/* A unit code as a safe file name part. */
static char *
file_part(const char *s)
{
	char *out = g_strdup(s != NULL && *s ? s : "unit");

	for (char *p = out; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
			*p = '_';
	return out;
}

static char *
source_path(const struct archive_source *s)
{
	g_autofree char *unit = file_part(s->unit);

	return g_strdup_printf("sources/%02d-%s-%d.eml", s->seq, unit,
	    s->revision);
}

/* Each source mail from the spool, checked against the digest it was
 * filed with: the archive holds the bytes that came in, or nothing. */
static gboolean
add_sources(struct bulletin *b, GPtrArray *sources, GPtrArray *files,
    GError **error)
{
	for (guint i = 0; i < sources->len; i++) {
		const struct archive_source *s = sources->pdata[i];
		g_autoptr(GBytes) raw = store_spool_get(b->store, s->spool,
		    error);
		g_autofree char *digest = NULL, *path = NULL;

		if (raw == NULL)
			return FALSE;
		digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, raw);
		if (g_strcmp0(digest, s->digest) != 0) {
			g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
			    "spool file %s does not match its digest",
			    s->spool);
			return FALSE;
		}
		path = source_path(s);
		add_file(files, path, raw);
	}
	return TRUE;
}

static void
json_sources_of(JsonBuilder *jb, GPtrArray *sources, int seq)
{
	json_builder_set_member_name(jb, "sources");
	json_builder_begin_array(jb);
	for (guint i = 0; i < sources->len; i++) {
		const struct archive_source *s = sources->pdata[i];
		g_autofree char *path = NULL;
		if (s->seq != seq)
			continue;
		path = source_path(s);
		json_builder_begin_object(jb);
		json_member_str(jb, "file", path);
		json_member_int(jb, "revision", s->revision);
		json_builder_set_member_name(jb, "printed");
		json_builder_add_boolean_value(jb, s->printed);
		json_member_str(jb, "title", s->title);
		json_member_str(jb, "sender", s->sender);
		json_member_str(jb, "message_id", s->message_id);
		json_member_time(jb, "received", s->received);
		json_member_str(jb, "sha256", s->digest);
		json_builder_end_object(jb);
	}
	json_builder_end_array(jb);
}

static void
json_article(JsonBuilder *jb, const struct issue_article *a,
    GPtrArray *sources)
{
	static const char *const field_keys[3] = { "reviewer", "writer",
	    "phone" };

	json_builder_begin_object(jb);
	json_member_int(jb, "seq", a->seq);
	json_member_str(jb, "unit", a->unit_code);
	json_member_str(jb, "unit_name", a->unit_name);
	json_member_str(jb, "title", a->title);
	json_member_str(jb, "body", a->body);
	for (int i = 0; i < 3; i++)
		json_member_str(jb, field_keys[i], a->fields[i]);
	json_sources_of(jb, sources, a->seq);
	json_builder_end_object(jb);
}

/* issue.json: what the issue was, article by article, for people and
 * for the static site's index. */
static GBytes *
issue_json(struct bulletin *b, const struct issue_view *v,
    enum issue_kind kind, GPtrArray *sources)
{
	g_autoptr(JsonBuilder) jb = json_builder_new();
	g_autofree char *number = issue_number_text(v);
	g_autofree char *label = archive_label(kind, v->year, v->number);

	json_builder_begin_object(jb);
	json_member_str(jb, "bulletin", b->config->bulletin.title);
	json_member_str(jb, "office", b->config->bulletin.office);
	json_member_str(jb, "kind", issue_kind_name(kind));
	json_member_int(jb, "year", v->year);
	json_member_int(jb, "number", v->number);
	json_member_int(jb, "total", v->total_number);
	json_member_str(jb, "number_text", number);
	json_member_str(jb, "label", label);
	json_member_str(jb, "date", v->date);
	json_member_str(jb, "note", v->note);
	json_builder_set_member_name(jb, "articles");
	json_builder_begin_array(jb);
	for (guint i = 0; i < v->articles->len; i++)
		json_article(jb, v->articles->pdata[i], sources);
	json_builder_end_array(jb);
	json_builder_end_object(jb);
	return json_bytes(jb);
}

/* The issue as it went out: the message and its decoded parts. */
static const struct sent_part {
	const char	*path;
	const char	*type, *subtype;
} sent_parts[] = {
	{ "issue.txt", "text", "plain" },
	{ "issue.html", "text", "html" },
	{ "issue.pdf", "application", "pdf" },
	{ "issue.docx", "application",
	    "vnd.openxmlformats-officedocument.wordprocessingml.document" },
};

static void
json_file_digest(JsonBuilder *jb, GPtrArray *files, const char *path)
{
	for (guint i = 0; i < files->len; i++) {
		const struct pending_file *f = files->pdata[i];
		g_autofree char *digest = NULL;
		if (strcmp(f->path, path) != 0)
			continue;
		digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256,
		    f->data);
		json_member_str(jb, path, digest);
	}
}

/* signoff.json: 文件签发单 — who signed, when, and what exactly. */
static GBytes *
signoff_json(const struct archive_signoff *s, GPtrArray *files)
{
	g_autoptr(JsonBuilder) jb = json_builder_new();

	json_builder_begin_object(jb);
	json_member_str(jb, "signer", s->approver);
	json_member_time(jb, "signed_at", s->signed_at);
	json_member_int(jb, "signed_at_unix", s->signed_at);
	json_member_str(jb, "code_sha256", s->code_hash);
	json_member_str(jb, "rendered_digest", s->digest);
	json_member_str(jb, "by", s->reply_command ? s->reply_command :
	    "local");
	json_member_str(jb, "signer_mail", s->reply_spool ?
	    "signoff-reply.eml" : NULL);
	json_member_str(jb, "signer_message_id", s->reply_message_id);
	json_builder_set_member_name(jb, "sha256");
	json_builder_begin_object(jb);
	json_file_digest(jb, files, "issue.eml");
	for (guint i = 0; i < G_N_ELEMENTS(sent_parts); i++)
		json_file_digest(jb, files, sent_parts[i].path);
	json_file_digest(jb, files, "signoff-reply.eml");
	json_builder_end_object(jb);
	json_builder_end_object(jb);
	return json_bytes(jb);
}

/* recipients.json: the 报/送/发 members and extras queued at sign-off. */
static gboolean
add_recipients(struct bulletin *b, gint64 issue, gint64 batch,
    GPtrArray *files, GError **error)
{
	g_autoptr(GPtrArray) rows = store_issue_deliveries(b->store, issue,
	    batch, error);
	g_autoptr(JsonBuilder) jb = json_builder_new();
	g_autoptr(GBytes) data = NULL;

	if (rows == NULL)
		return FALSE;
	json_builder_begin_array(jb);
	for (guint i = 0; i < rows->len; i++) {
		const struct delivery_summary *d = rows->pdata[i];
		json_builder_begin_object(jb);
		json_member_str(jb, "list", d->list);
		json_member_str(jb, "recipient", d->recipient);
		json_member_time(jb, "queued", d->queued);
		json_builder_end_object(jb);
	}
	json_builder_end_array(jb);
	data = json_bytes(jb);
	add_file(files, "recipients.json", data);
	return TRUE;
}

static gboolean
add_sent(struct bulletin *b, gint64 issue, GPtrArray *files, GError **error)
{
	g_autoptr(GBytes) message = store_issue_message(b->store, issue,
	    error);

	if (message == NULL) {
		if (error != NULL && *error == NULL)
			g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
			    "the sent message is missing");
		return FALSE;
	}
	add_file(files, "issue.eml", message);
	for (guint i = 0; i < G_N_ELEMENTS(sent_parts); i++) {
		const struct sent_part *p = &sent_parts[i];
		g_autoptr(GBytes) part = mail_part_content(message, p->type,
		    p->subtype);
		if (part != NULL)
			add_file(files, p->path, part);
	}
	return TRUE;
}

static gboolean
add_signoff(struct bulletin *b, const struct archive_signoff *s,
    GPtrArray *files, GError **error)
{
	g_autoptr(GBytes) data = NULL;

	if (s->reply_spool != NULL) {
		g_autoptr(GBytes) reply = store_spool_get(b->store,
		    s->reply_spool, error);
		if (reply == NULL)
			return FALSE;
		add_file(files, "signoff-reply.eml", reply);
	}
	data = signoff_json(s, files);
	add_file(files, "signoff.json", data);
	return TRUE;
}

static int
by_path(gconstpointer a, gconstpointer b)
{
	const struct pending_file *x = *(struct pending_file *const *)a;
	const struct pending_file *y = *(struct pending_file *const *)b;

	return strcmp(x->path, y->path);
}

/* MANIFEST.sha256, as sha256sum -c reads it. */
static GBytes *
manifest_of(GPtrArray *files)
{
	GString *m = g_string_new(NULL);

	g_ptr_array_sort(files, by_path);
	for (guint i = 0; i < files->len; i++) {
		const struct pending_file *f = files->pdata[i];
		g_autofree char *digest = g_compute_checksum_for_bytes(
		    G_CHECKSUM_SHA256, f->data);
		g_string_append_printf(m, "%s  %s\n", digest, f->path);
	}
	return g_string_free_to_bytes(m);
}

/* Every file of ISSUE's archive, the manifest last. */
static GPtrArray *
collect(struct bulletin *b, gint64 issue, GError **error)
{
	g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)pending_file_free);
	g_autoptr(GPtrArray) sources = NULL;
	struct archive_signoff *s = NULL;
	struct issue_view *v = NULL;
	g_autoptr(GBytes) json = NULL, manifest = NULL;
	enum issue_kind kind;
	gboolean ok;

	ok = (v = issue_load_sent(b->config, b->store, issue, error)) != NULL &&
	    (s = store_issue_signoff(b->store, issue, error)) != NULL &&
	    (sources = store_issue_sources(b->store, issue, error)) != NULL &&
	    add_sources(b, sources, files, error) &&
	    add_sent(b, issue, files, error) &&
	    add_signoff(b, s, files, error) &&
	    add_recipients(b, issue, s->batch, files, error);
	if (ok) {
		kind = v->supplement ? ISSUE_SUPPLEMENT : ISSUE_REGULAR;
		json = issue_json(b, v, kind, sources);
		add_file(files, "issue.json", json);
		manifest = manifest_of(files);
		add_file(files, ARCHIVE_MANIFEST, manifest);
	} else if (error != NULL && *error == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "issue %" G_GINT64_FORMAT " is not a sent issue", issue);
	}
	archive_signoff_free(s);
	issue_view_free(v);
	return ok ? g_steal_pointer(&files) : NULL;
}

/* ---- writing, durably -------------------------------------------------- */

static gboolean
fail_errno(GError **error, const char *what, const char *path)
{
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "%s %s: %s", what, path, g_strerror(errno));
	return FALSE;
}

static gboolean
sync_path(const char *path, GError **error)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	gboolean ok = fd >= 0 && fsync(fd) == 0;

	if (!ok)
		fail_errno(error, "sync", path);
	if (fd >= 0)
		close(fd);
	return ok;
}

static gboolean
make_private_dir(const char *path, GError **error)
{
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return fail_errno(error, "create", path);
	if (chmod(path, 0700) != 0)
		return fail_errno(error, "chmod", path);
	return TRUE;
}

static gboolean
write_synced(const char *path, GBytes *data, GError **error)
{
	gsize len;
	const char *p = g_bytes_get_data(data, &len);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return fail_errno(error, "create", path);
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		p += n;
		len -= n;
	}
	if (len > 0 || fsync(fd) != 0) {
		fail_errno(error, "write", path);
		close(fd);
		return FALSE;
	}
	return close(fd) == 0 || fail_errno(error, "close", path);
}

/* Remove a temporary directory left by a crash (ours, two levels). */
static void
remove_tree(const char *path)
{
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	const char *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree char *child = g_build_filename(path, name, NULL);
		GStatBuf sb;
		if (g_lstat(child, &sb) == 0 && S_ISDIR(sb.st_mode))
			remove_tree(child);
		else
			g_unlink(child);
	}
	g_rmdir(path);
}

static gboolean
write_files(const char *dir, GPtrArray *files, GError **error)
{
	g_autofree char *sources = g_build_filename(dir, "sources", NULL);

	if (!make_private_dir(dir, error) ||
	    !make_private_dir(sources, error))
		return FALSE;
	for (guint i = 0; i < files->len; i++) {
		const struct pending_file *f = files->pdata[i];
		g_autofree char *path = g_build_filename(dir, f->path, NULL);
		if (!write_synced(path, f->data, error))
			return FALSE;
	}
	return sync_path(sources, error) && sync_path(dir, error);
}

static char *
manifest_digest(GPtrArray *files)
{
	const struct pending_file *last = files->pdata[files->len - 1];

	g_assert(strcmp(last->path, ARCHIVE_MANIFEST) == 0);
	return g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, last->data);
}

static gboolean
record(struct bulletin *b, gint64 issue, const char *name,
    const char *digest, GError **error)
{
	if (!store_begin(b->store, error))
		return FALSE;
	if (!store_add_archive(b->store, issue, name, digest, error)) {
		store_rollback(b->store);
		return FALSE;
	}
	return store_commit(b->store, error);
}

/* A directory in place but not recorded: a crash came between the rename
 * and the record.  It is complete (renamed only when synced) unless
 * someone changed it; either way it is never rewritten. */
static gboolean
adopt(struct bulletin *b, gint64 issue, const char *name, const char *dir,
    GError **error)
{
	g_autofree char *path = g_build_filename(dir, ARCHIVE_MANIFEST, NULL);
	g_autoptr(GPtrArray) files = archive_verify(dir, NULL, error);
	g_autofree char *data = NULL, *digest = NULL;
	gsize len;

	if (files == NULL) {
		g_prefix_error(error, "archive %s exists but ", name);
		return FALSE;
	}
	if (!g_file_get_contents(path, &data, &len, error))
		return FALSE;
	digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)data, len);
	return record(b, issue, name, digest, error);
}

static gboolean
archive_write(struct bulletin *b, gint64 issue, const char *name,
    GError **error)
{
	g_autofree char *root = archive_root(b->config);
	g_autofree char *dir = g_build_filename(root, name, NULL);
	g_autofree char *hidden = g_strdup_printf(".%s.tmp", name);
	g_autofree char *tmp = g_build_filename(root, hidden, NULL);
	g_autoptr(GPtrArray) files = NULL;
	g_autofree char *digest = NULL;

	if (!make_private_dir(root, error))
		return FALSE;
	if (g_file_test(dir, G_FILE_TEST_EXISTS))
		return adopt(b, issue, name, dir, error);
	if ((files = collect(b, issue, error)) == NULL)
		return FALSE;
	remove_tree(tmp);
	if (!write_files(tmp, files, error)) {
		remove_tree(tmp);
		return FALSE;
	}
	crashpoint("archive-written");
	if (rename(tmp, dir) != 0)
		return fail_errno(error, "rename", tmp);
	if (!sync_path(root, error))
		return FALSE;
	crashpoint("archive-renamed");
	digest = manifest_digest(files);
	return record(b, issue, name, digest, error);
}

gboolean
archive_issue(struct bulletin *b, gint64 issue, GError **error)
{
	g_autofree char *name = NULL, *have = NULL;
	g_autofree char *date = NULL, *note = NULL, *extra = NULL;
	enum issue_kind kind;
	int year, number, total;

	if (!store_issue_info(b->store, issue, &kind, &year, &number, &total,
	    &date, &note, &extra, error)) {
		if (error != NULL && *error == NULL)
			g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
			    "issue %" G_GINT64_FORMAT " was not sent", issue);
		return FALSE;
	}
	if ((have = store_archive_manifest(b->store, issue, NULL, error)))
		return TRUE;
	if (error != NULL && *error != NULL)
		return FALSE;
	name = archive_name(kind, year, number);
	if (!archive_write(b, issue, name, error)) {
		g_prefix_error(error, "archive %s: ", name);
		return FALSE;
	}
	log_info("archive %s written (issue %" G_GINT64_FORMAT ")", name,
	    issue);
	return TRUE;
}

void
archive_pending(struct bulletin *b)
{
	static char *last_error;	/* logged once, not at every loop */
	g_autoptr(GError) error = NULL;
	g_autoptr(GArray) ids = store_unarchived_issues(b->store, &error);

	for (guint i = 0; ids != NULL && i < ids->len && error == NULL; i++)
		archive_issue(b, g_array_index(ids, gint64, i), &error);
	if (error == NULL) {
		g_clear_pointer(&last_error, g_free);
		return;
	}
	if (g_strcmp0(last_error, error->message) != 0)
		log_warn("%s; trying again later", error->message);
	g_free(last_error);
	last_error = g_strdup(error->message);
}

/* ---- verifying --------------------------------------------------------- */

static gboolean
verify_fail(GError **error, const char *dir, const char *what)
{
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
	    "%s/%s; the archive was damaged or altered", dir, what);
	return FALSE;
}

/* One "DIGEST  PATH" line of the manifest, checked. */
static struct archive_file *
verify_line(const char *dir, const char *line, GError **error)
{
	const char *path = line + 66;
	g_autofree char *full = NULL, *data = NULL, *digest = NULL;
	g_autofree char *what = NULL;
	struct archive_file *f;
	gsize len;

	if (strlen(line) < 67 || line[64] != ' ' || line[65] != ' ' ||
	    strstr(path, "..") != NULL || *path == '/') {
		verify_fail(error, dir, ARCHIVE_MANIFEST ": malformed line");
		return NULL;
	}
	full = g_build_filename(dir, path, NULL);
	if (!g_file_get_contents(full, &data, &len, NULL)) {
		what = g_strdup_printf("%s: listed in the manifest but "
		    "missing", path);
		verify_fail(error, dir, what);
		return NULL;
	}
	digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)data, len);
	if (strncmp(digest, line, 64) != 0) {
		what = g_strdup_printf("%s: SHA-256 %s is not the manifest's",
		    path, digest);
		verify_fail(error, dir, what);
		return NULL;
	}
	f = g_new0(struct archive_file, 1);
	f->path = g_strdup(path);
	f->digest = g_steal_pointer(&digest);
	return f;
}

/* Every file under DIR/SUB, relative to DIR, into OUT. */
static void
list_files(const char *dir, const char *sub, GPtrArray *out)
{
	g_autofree char *path = sub ? g_build_filename(dir, sub, NULL) :
	    g_strdup(dir);
	g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		g_autofree char *rel = sub ? g_build_filename(sub, name, NULL) :
		    g_strdup(name);
		g_autofree char *full = g_build_filename(dir, rel, NULL);
		GStatBuf sb;
		if (g_lstat(full, &sb) == 0 && S_ISDIR(sb.st_mode))
			list_files(dir, rel, out);
		else
			g_ptr_array_add(out, g_steal_pointer(&rel));
	}
}

/* No file is there that the manifest does not list. */
static gboolean
verify_nothing_else(const char *dir, GPtrArray *files, GError **error)
{
	g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash,
	    g_str_equal);

	for (guint i = 0; i < files->len; i++)
		g_hash_table_add(listed, ((struct archive_file *)
		    files->pdata[i])->path);
	list_files(dir, NULL, found);
	for (guint i = 0; i < found->len; i++) {
		const char *rel = found->pdata[i];
		g_autofree char *what = NULL;
		if (strcmp(rel, ARCHIVE_MANIFEST) == 0 ||
		    g_hash_table_contains(listed, rel))
			continue;
		what = g_strdup_printf("%s: not in the manifest", rel);
		return verify_fail(error, dir, what);
	}
	return TRUE;
}

GPtrArray *
archive_verify(const char *dir, const char *manifest_digest, GError **error)
{
	g_autofree char *path = g_build_filename(dir, ARCHIVE_MANIFEST, NULL);
	g_autofree char *data = NULL, *digest = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)archive_file_free);
	gsize len;

	if (!g_file_get_contents(path, &data, &len, NULL)) {
		verify_fail(error, dir, ARCHIVE_MANIFEST ": missing");
		return NULL;
	}
	digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)data, len);
	if (manifest_digest != NULL && strcmp(digest, manifest_digest) != 0) {
		verify_fail(error, dir, ARCHIVE_MANIFEST ": SHA-256 is not "
		    "the one recorded when it was written");
		return NULL;
	}
	lines = g_strsplit(data, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		struct archive_file *f;
		if (*lines[i] == '\0')
			continue;
		if ((f = verify_line(dir, lines[i], error)) == NULL)
			return NULL;
		g_ptr_array_add(files, f);
	}
	if (!verify_nothing_else(dir, files, error))
		return NULL;
	return g_steal_pointer(&files);
}

char *
archive_open(struct bulletin *b, gint64 issue, GPtrArray **files_r,
    GError **error)
{
	g_autofree char *name = NULL, *root = NULL, *dir = NULL;
	g_autofree char *digest = store_archive_manifest(b->store, issue,
	    &name, error);

	if (digest == NULL) {
		if (error != NULL && *error == NULL)
			g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
			    "the issue has no archive yet (bulletind writes it "
			    "once the issue is sent)");
		return NULL;
	}
	root = archive_root(b->config);
	dir = g_build_filename(root, name, NULL);
	if ((*files_r = archive_verify(dir, digest, error)) == NULL)
		return NULL;
	return g_steal_pointer(&dir);
}

GBytes *
archive_read(const char *dir, const struct archive_file *f, GError **error)
{
	g_autofree char *path = g_build_filename(dir, f->path, NULL);
	g_autofree char *data = NULL, *digest = NULL, *what = NULL;
	gsize len;

	if (!g_file_get_contents(path, &data, &len, error))
		return NULL;
	digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)data, len);
	if (strcmp(digest, f->digest) != 0) {
		what = g_strdup_printf("%s: changed while being read",
		    f->path);
		verify_fail(error, dir, what);
		return NULL;
	}
	return g_bytes_new_take(g_steal_pointer(&data), len);
}

const struct archive_file *
archive_find(GPtrArray *files, const char *path)
{
	for (guint i = 0; i < files->len; i++) {
		const struct archive_file *f = files->pdata[i];
		if (strcmp(f->path, path) == 0)
			return f;
	}
	return NULL;
}
