/*
 * An archived issue as one zip a person can open: the archive's files
 * as verified, 索引.txt saying what they are, and deliveries.csv with
 * each copy's outcome at the time of the export.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <zip.h>

#include "archive.h"
#include "clock.h"
#include "error.h"

char *
archive_export_name(enum issue_kind kind, int year, int number)
{
	g_autofree char *label = archive_label(kind, year, number);

	return g_strdup_printf("工作简报-%s.zip", label);
}

/* What each archived file is, for 索引.txt. */
static const struct {
	const char	*path;
	const char	*what;
} file_notes[] = {
	{ "issue.eml", "本期简报的邮件原文，与收件人收到的相同（正文、网页版和附件）" },
	{ "issue.html", "网页版（从 issue.eml 中取出，原样）" },
	{ "issue.txt", "纯文本版（同上）" },
	{ "issue.pdf", "PDF 版，供打印（同上）" },
	{ "issue.docx", "Word 版（同上）" },
	{ "issue.json", "本期内容：期号、日期、每篇稿件的单位、标题、正文和来稿" },
	{ "signoff.json", "签发记录（文件签发单）：签发人、时间、确认码摘要、签发时的版面摘要、各文件的 SHA-256" },
	{ "signoff-reply.eml", "签发人同意发出的邮件原文" },
	{ "recipients.json", "签发时的收件人名单（报、送、发、增发）" },
	{ ARCHIVE_MANIFEST, "清单：以上每个文件的 SHA-256（sha256sum -c " ARCHIVE_MANIFEST " 可核对）" },
};

static const char *
file_note(const char *path)
{
	if (g_str_has_prefix(path, "sources/"))
		return "来稿邮件原文（逐字节，与邮箱中收到的相同）";
	for (guint i = 0; i < G_N_ELEMENTS(file_notes); i++)
		if (strcmp(file_notes[i].path, path) == 0)
			return file_notes[i].what;
	return "";
}

static const char *
list_name(const char *list)
{
	if (g_strcmp0(list, "bao") == 0)
		return "报";
	if (g_strcmp0(list, "song") == 0)
		return "送";
	if (g_strcmp0(list, "fa") == 0)
		return "发";
	if (g_strcmp0(list, "extra") == 0)
		return "增发";
	return list ? list : "";
}

static const char *
state_note(const char *state)
{
	static const struct { const char *state, *note; } notes[] = {
		{ "sent", "已送达对方服务器" },
		{ "pending", "等待发送" },
		{ "in-flight", "正在发送" },
		{ "deferred", "暂时失败，稍后重试" },
		{ "failed", "发送失败，已放弃" },
		{ "bounced", "已退信" },
	};

	for (guint i = 0; i < G_N_ELEMENTS(notes); i++)
		if (g_strcmp0(notes[i].state, state) == 0)
			return notes[i].note;
	return "";
}

static char *
iso_or_empty(gint64 t)
{
	g_autoptr(GDateTime) dt = t > 0 ? clock_from_unix(t) : NULL;

	return dt != NULL ? g_date_time_format_iso8601(dt) : g_strdup("");
}

static void
csv_cell(GString *out, const char *cell, gboolean last)
{
	g_string_append_c(out, '"');
	for (const char *p = cell ? cell : ""; *p; p++) {
		if (*p == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *p);
	}
	g_string_append(out, last ? "\"\r\n" : "\",");
}

/* deliveries.csv: UTF-8 with a BOM, which spreadsheet programs need to
 * read Chinese; CRLF as RFC 4180 has it. */
static GBytes *
deliveries_csv(GPtrArray *rows)
{
	GString *out = g_string_new("\xEF\xBB\xBF");

	g_string_append(out, "名单,收件人,状态,说明,尝试次数,排队时间,最后尝试,"
	    "送达时间,退信或放弃时间,服务器答复\r\n");
	for (guint i = 0; i < rows->len; i++) {
		const struct delivery_summary *d = rows->pdata[i];
		g_autofree char *attempts = g_strdup_printf("%d", d->attempts);
		g_autofree char *q = iso_or_empty(d->queued);
		g_autofree char *a = iso_or_empty(d->attempted);
		g_autofree char *s = iso_or_empty(d->sent);
		g_autofree char *e = iso_or_empty(d->ended);
		csv_cell(out, list_name(d->list), FALSE);
		csv_cell(out, d->recipient, FALSE);
		csv_cell(out, d->state, FALSE);
		csv_cell(out, state_note(d->state), FALSE);
		csv_cell(out, attempts, FALSE);
		csv_cell(out, q, FALSE);
		csv_cell(out, a, FALSE);
		csv_cell(out, s, FALSE);
		csv_cell(out, e, FALSE);
		csv_cell(out, d->reply, TRUE);
	}
	return g_string_free_to_bytes(out);
}

static JsonObject *
parse_object(JsonParser *parser, GBytes *data, const char *what,
    GError **error)
{
	JsonNode *root;

	if (!json_parser_load_from_data(parser, g_bytes_get_data(data, NULL),
	    g_bytes_get_size(data), error)) {
		g_prefix_error(error, "%s: ", what);
		return NULL;
	}
	root = json_parser_get_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "%s: not a JSON object", what);
		return NULL;
	}
	return json_node_get_object(root);
}

static const char *
member(JsonObject *o, const char *key)
{
	JsonNode *n = json_object_get_member(o, key);

	return n != NULL && JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_STRING ?
	    json_node_get_string(n) : "";
}

static void
index_articles(GString *out, JsonObject *issue)
{
	JsonArray *articles = json_object_get_array_member(issue, "articles");
	guint n = articles ? json_array_get_length(articles) : 0;

	g_string_append_printf(out, "\n本期稿件（%u 篇）及来稿原文：\n", n);
	for (guint i = 0; i < n; i++) {
		JsonObject *a = json_array_get_object_element(articles, i);
		JsonArray *src = json_object_get_array_member(a, "sources");
		g_string_append_printf(out, "  %u.【%s】%s\n", i + 1,
		    member(a, "unit_name"), member(a, "title"));
		for (guint j = 0; src && j < json_array_get_length(src); j++) {
			JsonObject *s = json_array_get_object_element(src, j);
			g_string_append_printf(out, "     %s  第%" G_GINT64_FORMAT
			    "稿%s，%s 收到，发件人 %s\n", member(s, "file"),
			    json_object_get_int_member(s, "revision"),
			    json_object_get_boolean_member(s, "printed") ?
			    "（刊用）" : "（已被修改稿替换）",
			    member(s, "received"), member(s, "sender"));
		}
	}
}

static void
index_signoff(GString *out, JsonObject *s)
{
	const char *by = member(s, "by");

	g_string_append_printf(out, "\n签发：%s，%s（%s）\n", member(s, "signer"),
	    member(s, "signed_at"), strcmp(by, "CONFIRM") == 0 ?
	    "发送“确认 确认码”" : strcmp(by, "SIGNOFF-REPLY") == 0 ?
	    "回复签发确认邮件" : "在服务器上用 bulletinctl 确认");
	g_string_append_printf(out, "确认码摘要（SHA-256，确认码本身不保存）：%s\n",
	    member(s, "code_sha256"));
	g_string_append_printf(out, "签发时的版面摘要：%s\n",
	    member(s, "rendered_digest"));
}

static void
index_deliveries(GString *out, GPtrArray *rows)
{
	g_string_append_printf(out, "\n投递结果（导出时，共 %u 份；详见 "
	    "deliveries.csv）：\n", rows->len);
	for (guint i = 0; i < rows->len; i++) {
		const struct delivery_summary *d = rows->pdata[i];
		g_string_append_printf(out, "  %s  %s  %s（%s）\n",
		    list_name(d->list), d->recipient, d->state,
		    state_note(d->state));
	}
}

static void
index_files(GString *out, GPtrArray *files, const char *manifest_digest)
{
	g_string_append(out, "\n文件：\n");
	for (guint i = 0; i < files->len; i++) {
		const struct archive_file *f = files->pdata[i];
		g_string_append_printf(out, "  %-28s %s\n", f->path,
		    file_note(f->path));
	}
	g_string_append_printf(out, "  %-28s %s\n", ARCHIVE_MANIFEST,
	    file_note(ARCHIVE_MANIFEST));
	g_string_append_printf(out, "  %-28s %s\n", "deliveries.csv",
	    "导出时的投递结果（不在清单内：投递结果此后仍可能变化）");
	g_string_append_printf(out, "\n清单文件的 SHA-256（与签发后写入数据库的记录一致，"
	    "导出前已逐一核对）：\n  %s\n", manifest_digest);
}

/* 索引.txt: what the zip holds, for a person. */
static GBytes *
index_text(const char *dir, GPtrArray *files, GPtrArray *rows,
    const char *manifest_digest, GError **error)
{
	g_autoptr(JsonParser) ip = json_parser_new();
	g_autoptr(JsonParser) sp = json_parser_new();
	g_autoptr(GBytes) idata = NULL, sdata = NULL;
	const struct archive_file *fi = archive_find(files, "issue.json");
	const struct archive_file *fs = archive_find(files, "signoff.json");
	JsonObject *issue, *signoff;
	GString *out;

	if (fi == NULL || fs == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "%s: issue.json or signoff.json missing", dir);
		return NULL;
	}
	if ((idata = archive_read(dir, fi, error)) == NULL ||
	    (sdata = archive_read(dir, fs, error)) == NULL ||
	    (issue = parse_object(ip, idata, "issue.json", error)) == NULL ||
	    (signoff = parse_object(sp, sdata, "signoff.json", error)) == NULL)
		return NULL;
	out = g_string_new(NULL);
	g_string_append_printf(out, "%s %s 归档\n日期：%s\n编印：%s\n",
	    member(issue, "bulletin"), member(issue, "label"),
	    member(issue, "date"), member(issue, "office"));
	index_signoff(out, signoff);
	index_articles(out, issue);
	index_deliveries(out, rows);
	index_files(out, files, manifest_digest);
	return g_string_free_to_bytes(out);
}

/* ---- the zip ------------------------------------------------------------ */

static gboolean
zip_fail(zip_t *za, const char *path, GError **error)
{
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "%s: %s", path, za ? zip_strerror(za) : "cannot create");
	return FALSE;
}

/* Add DATA as NAME; KEEP holds the bytes until zip_close reads them. */
static gboolean
zip_put(zip_t *za, const char *name, GBytes *data, GPtrArray *keep,
    const char *path, GError **error)
{
	zip_source_t *src = zip_source_buffer(za, g_bytes_get_data(data, NULL),
	    g_bytes_get_size(data), 0);
	zip_int64_t i;

	if (src == NULL)
		return zip_fail(za, path, error);
	if ((i = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return zip_fail(za, path, error);
	}
	/* Unpacked, the files stay private (0600), as in the archive. */
	if (zip_file_set_external_attributes(za, (zip_uint64_t)i, 0,
	    ZIP_OPSYS_UNIX, (zip_uint32_t)(S_IFREG | 0600) << 16) != 0)
		return zip_fail(za, path, error);
	g_ptr_array_add(keep, g_bytes_ref(data));
	return TRUE;
}

/* The manifest itself, as recorded in the store. */
static gboolean
zip_manifest(zip_t *za, const char *dir, const char *digest,
    GPtrArray *keep, const char *path, GError **error)
{
	struct archive_file f = { (char *)ARCHIVE_MANIFEST, (char *)digest };
	g_autoptr(GBytes) data = archive_read(dir, &f, error);

	return data != NULL && zip_put(za, ARCHIVE_MANIFEST, data, keep, path,
	    error);
}

static gboolean
zip_all(zip_t *za, const char *dir, GPtrArray *files, const char *digest,
    GBytes *index, GBytes *csv, GPtrArray *keep, const char *path,
    GError **error)
{
	if (!zip_put(za, "索引.txt", index, keep, path, error))
		return FALSE;
	for (guint i = 0; i < files->len; i++) {
		const struct archive_file *f = files->pdata[i];
		g_autoptr(GBytes) data = archive_read(dir, f, error);
		if (data == NULL ||
		    !zip_put(za, f->path, data, keep, path, error))
			return FALSE;
	}
	return zip_manifest(za, dir, digest, keep, path, error) &&
	    zip_put(za, "deliveries.csv", csv, keep, path, error);
}

static gboolean
write_zip(const char *tmp, const char *dir, GPtrArray *files,
    const char *digest, GBytes *index, GBytes *csv, GError **error)
{
	g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_bytes_unref);
	int zerr = 0;
	zip_t *za = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	if (za == NULL)
		return zip_fail(NULL, tmp, error);
	if (!zip_all(za, dir, files, digest, index, csv, keep, tmp, error)) {
		zip_discard(za);
		return FALSE;
	}
	if (zip_close(za) != 0) {
		zip_fail(za, tmp, error);
		zip_discard(za);
		return FALSE;
	}
	return TRUE;
}

gboolean
archive_export(struct bulletin *b, gint64 issue, const char *path,
    GError **error)
{
	g_autoptr(GPtrArray) files = NULL, rows = NULL;
	g_autofree char *dir = archive_open(b, issue, &files, error);
	g_autofree char *digest = NULL, *tmp = NULL;
	g_autoptr(GBytes) index = NULL, csv = NULL;

	if (dir == NULL ||
	    (digest = store_archive_manifest(b->store, issue, NULL,
	    error)) == NULL ||
	    (rows = store_issue_deliveries(b->store, issue, 0, error)) == NULL ||
	    (index = index_text(dir, files, rows, digest, error)) == NULL)
		return FALSE;
	csv = deliveries_csv(rows);
	tmp = g_strconcat(path, ".tmp", NULL);
	if (!write_zip(tmp, dir, files, digest, index, csv, error)) {
		g_unlink(tmp);
		return FALSE;
	}
	if (chmod(tmp, 0600) != 0 || rename(tmp, path) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "%s: %s", path, g_strerror(errno));
		g_unlink(tmp);
		return FALSE;
	}
	return TRUE;
}
