/*
 * IMAP on libcurl (see ../shared/notes/libcurl.md for what 7.88 does):
 * one easy handle reused for every request; UIDs found with ESEARCH so the
 * answer is one short line; every failed command drops the connection
 * (libcurl's doing), and the next request reconnects.
 */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "error.h"
#include "imap.h"
#include "log.h"
#include "transfer.h"

#define FILED_KEYWORD "$Filed"

struct imap {
	CURL		*curl;
	char		*base;		/* "imaps://host:port" */
	char		*password;
	char		 errbuf[CURL_ERROR_SIZE];
};

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	g_byte_array_append(arg, (const guint8 *)data, size * n);
	return size * n;
}

static void
setup_tls(CURL *curl, const struct tls_peer *peer)
{
	curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (peer->ca_file != NULL)
		curl_easy_setopt(curl, CURLOPT_CAINFO, peer->ca_file);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, peer->verify ? 1L : 0L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, peer->verify ? 2L : 0L);
}

struct imap *
imap_new(const struct tls_peer *peer, const char *password)
{
	struct imap *imap = g_new0(struct imap, 1);

	imap->curl = curl_easy_init();
	g_assert(imap->curl != NULL);
	imap->base = g_strdup(peer->url);
	while (g_str_has_suffix(imap->base, "/"))
		imap->base[strlen(imap->base) - 1] = '\0';
	imap->password = g_strdup(password);
	setup_tls(imap->curl, peer);
	curl_easy_setopt(imap->curl, CURLOPT_USERNAME, peer->user);
	curl_easy_setopt(imap->curl, CURLOPT_PASSWORD, imap->password);
	curl_easy_setopt(imap->curl, CURLOPT_ERRORBUFFER, imap->errbuf);
	transfer_setup(imap->curl, peer->timeout);
	/* Long untagged lines are truncated below BUFFERSIZE/2. */
	curl_easy_setopt(imap->curl, CURLOPT_BUFFERSIZE, 512L * 1024);
	return imap;
}

void
imap_free(struct imap *imap)
{
	if (imap == NULL)
		return;
	transfer_cleanup(imap->curl);
	if (imap->password != NULL) {
		explicit_bzero(imap->password, strlen(imap->password));
		g_free(imap->password);
	}
	g_free(imap->base);
	g_free(imap);
}

static int
error_code_for(CURLcode rc)
{
	switch (rc) {
	case CURLE_REMOTE_FILE_NOT_FOUND:
		return BULLETIN_ERROR_INPUT;
	case CURLE_QUOTE_ERROR:
		return BULLETIN_ERROR_PERMANENT;
	default:
		return BULLETIN_ERROR_TEMPORARY;
	}
}

/*
 * One request: URL under the base, optional custom command.  The untagged
 * response (or the fetched literal) is returned in *body_r.
 */
static gboolean
imap_perform(struct imap *imap, const char *path, const char *command,
    GByteArray **body_r, GError **error)
{
	g_autofree char *url = g_strconcat(imap->base, "/", path, NULL);
	GByteArray *body = g_byte_array_new();
	CURLcode rc;

	imap->errbuf[0] = '\0';
	curl_easy_setopt(imap->curl, CURLOPT_URL, url);
	curl_easy_setopt(imap->curl, CURLOPT_CUSTOMREQUEST, command);
	curl_easy_setopt(imap->curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(imap->curl, CURLOPT_WRITEDATA, body);
	rc = curl_easy_perform(imap->curl);
	if (rc != CURLE_OK) {
		g_set_error(error, BULLETIN_ERROR, error_code_for(rc),
		    "imap %s: %s%s%s", command ? command : path,
		    curl_easy_strerror(rc), imap->errbuf[0] ? ": " : "",
		    imap->errbuf);
		g_byte_array_unref(body);
		return FALSE;
	}
	if (body_r != NULL)
		*body_r = body;
	else
		g_byte_array_unref(body);
	return TRUE;
}

static char *
response_text(GByteArray *body)
{
	return g_strndup((const char *)body->data, body->len);
}

gboolean
imap_parse_uid_set(const char *set, GArray *uids)
{
	g_auto(GStrv) ranges = g_strsplit(set, ",", -1);

	for (guint i = 0; ranges[i] != NULL; i++) {
		char *end;
		guint64 lo = g_ascii_strtoull(ranges[i], &end, 10), hi = lo;
		if (end == ranges[i] || lo == 0 || lo > G_MAXUINT32)
			return FALSE;
		if (*end == ':')
			hi = g_ascii_strtoull(end + 1, &end, 10);
		if (*end != '\0' || hi < lo || hi > G_MAXUINT32)
			return FALSE;
		for (guint64 u = lo; u <= hi; u++) {
			guint32 v = u;
			g_array_append_val(uids, v);
		}
	}
	return TRUE;
}

/* "* ESEARCH (TAG "x") UID ALL 1:3,7" or "* SEARCH 1 2 3". */
gboolean
imap_parse_search(const char *response, GArray *uids)
{
	const char *p;

	if ((p = strstr(response, "* ESEARCH")) != NULL) {
		g_autofree char *line = g_strndup(p, strcspn(p, "\r\n"));
		const char *all = strstr(line, " ALL ");
		g_autofree char *set = NULL;
		if (all == NULL)
			return TRUE;	/* no match: no ALL item */
		set = g_strndup(all + 5, strcspn(all + 5, " )"));
		return imap_parse_uid_set(set, uids);
	}
	if ((p = strstr(response, "* SEARCH")) != NULL) {
		g_autofree char *line = g_strndup(p + 8, strcspn(p + 8, "\r\n"));
		g_auto(GStrv) words = g_strsplit(g_strstrip(line), " ", -1);
		for (guint i = 0; words[i] != NULL; i++)
			if (*words[i] != '\0' &&
			    !imap_parse_uid_set(words[i], uids))
				return FALSE;
		return TRUE;
	}
	return FALSE;
}

gboolean
imap_parse_uidvalidity(const char *response, guint32 *value_r)
{
	const char *p = strstr(response, "UIDVALIDITY ");
	char *end;
	guint64 v;

	if (p == NULL)
		return FALSE;
	v = g_ascii_strtoull(p + strlen("UIDVALIDITY "), &end, 10);
	if (end == p + strlen("UIDVALIDITY ") || v == 0 || v > G_MAXUINT32)
		return FALSE;
	*value_r = v;
	return TRUE;
}

static gboolean
imap_search(struct imap *imap, const char *criteria, GArray *uids,
    GError **error)
{
	g_autofree char *cmd = g_strdup_printf("UID SEARCH RETURN (ALL) %s",
	    criteria);
	GByteArray *body;
	g_autofree char *text = NULL;

	if (!imap_perform(imap, "INBOX", cmd, &body, error))
		return FALSE;
	text = response_text(body);
	g_byte_array_unref(body);
	if (!imap_parse_search(text, uids)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "imap: cannot parse the search response");
		return FALSE;
	}
	return TRUE;
}

static gboolean
imap_uidvalidity(struct imap *imap, guint32 *value_r, GError **error)
{
	GByteArray *body;
	g_autofree char *text = NULL;

	if (!imap_perform(imap, "", "STATUS INBOX (UIDVALIDITY)", &body,
	    error))
		return FALSE;
	text = response_text(body);
	g_byte_array_unref(body);
	if (!imap_parse_uidvalidity(text, value_r)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "imap: no UIDVALIDITY in the STATUS response");
		return FALSE;
	}
	return TRUE;
}

/* NOOP on INBOX: Dovecot syncs its view, so mail delivered since our last
 * command shows up in the search that follows. */
static gboolean
imap_refresh(struct imap *imap, GError **error)
{
	return imap_perform(imap, "INBOX", "NOOP", NULL, error);
}

gboolean
imap_new_uids(struct imap *imap, guint32 *uidvalidity_r, GArray **uids_r,
    GHashTable **unseen_r, GError **error)
{
	g_autoptr(GArray) uids = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autoptr(GArray) unseen = g_array_new(FALSE, FALSE, sizeof(guint32));

	if (!imap_refresh(imap, error) ||
	    !imap_uidvalidity(imap, uidvalidity_r, error) ||
	    !imap_search(imap, "UNKEYWORD " FILED_KEYWORD, uids, error) ||
	    !imap_search(imap, "UNKEYWORD " FILED_KEYWORD " UNSEEN", unseen,
	    error))
		return FALSE;
	*unseen_r = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < unseen->len; i++)
		g_hash_table_add(*unseen_r, GUINT_TO_POINTER(
		    g_array_index(unseen, guint32, i)));
	*uids_r = g_steal_pointer(&uids);
	return TRUE;
}

GBytes *
imap_fetch(struct imap *imap, guint32 uidvalidity, guint32 uid,
    GError **error)
{
	g_autofree char *path = g_strdup_printf("INBOX;UIDVALIDITY=%u/;UID=%u",
	    uidvalidity, uid);
	GByteArray *body;

	if (!imap_perform(imap, path, NULL, &body, error))
		return NULL;
	return g_byte_array_free_to_bytes(body);
}

gboolean
imap_mark(struct imap *imap, guint32 uid, gboolean was_unseen,
    const char *folder, GError **error)
{
	g_autofree char *flag = g_strdup_printf("UID STORE %u +FLAGS.SILENT ("
	    FILED_KEYWORD ")", uid);
	g_autofree char *unsee = g_strdup_printf("UID STORE %u -FLAGS.SILENT "
	    "(\\Seen)", uid);
	g_autofree char *move = g_strdup_printf("UID MOVE %u \"%s\"", uid,
	    folder ? folder : "");

	if (!imap_perform(imap, "INBOX", flag, NULL, error))
		return FALSE;
	if (was_unseen && !imap_perform(imap, "INBOX", unsee, NULL, error))
		return FALSE;
	if (folder == NULL || g_ascii_strcasecmp(folder, "INBOX") == 0)
		return TRUE;
	return imap_perform(imap, "INBOX", move, NULL, error);
}

gboolean
imap_ensure_folder(struct imap *imap, const char *folder, GError **error)
{
	g_autofree char *list = g_strdup_printf("LIST \"\" \"%s\"", folder);
	g_autofree char *create = g_strdup_printf("CREATE \"%s\"", folder);
	GByteArray *body;
	gboolean exists;

	if (!imap_perform(imap, "", list, &body, error))
		return FALSE;
	exists = body->len > 0;
	g_byte_array_unref(body);
	if (exists)
		return TRUE;
	log_info("imap: creating folder %s", folder);
	return imap_perform(imap, "", create, NULL, error);
}
