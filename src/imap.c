/*
 * IMAP on libcurl (see ../shared/notes/libcurl.md for what 7.88 does):
 * one easy handle reused for every command; UIDs found with ESEARCH so the
 * answer is one short line; every failed command drops the connection
 * (libcurl's doing), and the next request reconnects.  Message bytes come
 * from URL fetches on a small pool of handles in one multi, several in
 * flight, each on its own kept-alive connection.
 */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "error.h"
#include "imap.h"
#include "log.h"
#include "transfer.h"

#define FILED_KEYWORD "$Filed"
/* Fetches in flight, one connection each.  On a 2-core server beside
 * Dovecot, 2 fetched 5,000 in 1.9 s, 3 in 2.1 s, 5 in 2.6 s: more only
 * add sessions to park and to tell of each change. */
#define FETCHERS 2

struct fetcher {
	CURL		*curl;
	gboolean	 busy;		/* a request in flight ... */
	struct imap_fetch *item;	/* ... for this item, or a NOOP */
	GByteArray	*body;
	char		 errbuf[CURL_ERROR_SIZE];
};

/* One round of requests over the fetchers (see imap_fetch). */
struct fetch_pass {
	guint32		 uidvalidity;
	GPtrArray	*todo;		/* items, or NULLs: NOOPs in BOX */
	const char	*box;
	guint		 next;		/* first of TODO not started */
	GPtrArray	*again;		/* confused by an untagged FETCH */
	GError		*noop_error;
	imap_fetched_fn	*fetched;	/* told of each item fetched */
	gpointer	 data;
};

struct imap {
	CURL		*curl;		/* commands */
	CURLM		*multi;		/* fetches */
	struct fetcher	 fetchers[FETCHERS];
	char		*base;		/* "imaps://host:port" */
	char		*park;		/* URL path fetchers wait in, or NULL */
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

/* An easy handle logged in as PEER's user; ERRBUF lives as long as it. */
static CURL *
new_handle(const struct tls_peer *peer, const char *password, char *errbuf)
{
	CURL *curl = curl_easy_init();

	g_assert(curl != NULL);
	setup_tls(curl, peer);
	curl_easy_setopt(curl, CURLOPT_USERNAME, peer->user);
	curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	transfer_setup(curl, peer->timeout);
	/* Long untagged lines are truncated below BUFFERSIZE/2. */
	curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, 512L * 1024);
	return curl;
}

struct imap *
imap_new(const struct tls_peer *peer, const char *password)
{
	struct imap *imap = g_new0(struct imap, 1);

	imap->base = g_strdup(peer->url);
	while (g_str_has_suffix(imap->base, "/"))
		imap->base[strlen(imap->base) - 1] = '\0';
	imap->password = g_strdup(password);
	imap->curl = new_handle(peer, imap->password, imap->errbuf);
	imap->multi = curl_multi_init();
	g_assert(imap->multi != NULL);
	curl_multi_setopt(imap->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)FETCHERS);
	for (guint i = 0; i < FETCHERS; i++) {
		struct fetcher *f = &imap->fetchers[i];
		f->curl = new_handle(peer, imap->password, f->errbuf);
		curl_easy_setopt(f->curl, CURLOPT_PRIVATE, f);
		curl_easy_setopt(f->curl, CURLOPT_WRITEFUNCTION, collect);
	}
	return imap;
}

void
imap_free(struct imap *imap)
{
	if (imap == NULL)
		return;
	transfer_cleanup(imap->curl);
	for (guint i = 0; i < FETCHERS; i++)
		transfer_cleanup(imap->fetchers[i].curl);
	curl_multi_cleanup(imap->multi);
	if (imap->password != NULL) {
		explicit_bzero(imap->password, strlen(imap->password));
		g_free(imap->password);
	}
	g_free(imap->base);
	g_free(imap->park);
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

static void
set_curl_error(GError **error, const char *what, CURLcode rc,
    const char *errbuf)
{
	g_set_error(error, BULLETIN_ERROR, error_code_for(rc), "imap %s: %s%s%s",
	    what, curl_easy_strerror(rc), errbuf[0] ? ": " : "", errbuf);
}

/*
 * One request: URL under the base, optional custom command.  The untagged
 * response (or the fetched literal) is returned in *body_r.  WHAT names
 * it in errors.
 */
static gboolean
imap_perform_as(struct imap *imap, const char *what, const char *path,
    const char *command, GByteArray **body_r, GError **error)
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
		set_curl_error(error, what, rc, imap->errbuf);
		g_byte_array_unref(body);
		return FALSE;
	}
	if (body_r != NULL)
		*body_r = body;
	else
		g_byte_array_unref(body);
	return TRUE;
}

static gboolean
imap_perform(struct imap *imap, const char *path, const char *command,
    GByteArray **body_r, GError **error)
{
	return imap_perform_as(imap, command ? command : path, path, command,
	    body_r, error);
}

gboolean
imap_login(struct imap *imap, GError **error)
{
	return imap_perform_as(imap, "login", "", "NOOP", NULL, error);
}

gboolean
imap_select(struct imap *imap, const char *folder, GError **error)
{
	g_autofree char *what = g_strdup_printf("select %s", folder);
	char *path = curl_easy_escape(imap->curl, folder, 0);
	gboolean ok = imap_perform_as(imap, what, path, "NOOP", NULL, error);

	curl_free(path);
	return ok;
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

GArray *
imap_filed_uids(struct imap *imap, GError **error)
{
	g_autoptr(GArray) uids = g_array_new(FALSE, FALSE, sizeof(guint32));

	if (!imap_search(imap, "KEYWORD " FILED_KEYWORD, uids, error))
		return NULL;
	return g_steal_pointer(&uids);
}

/* ---- UID sets ----------------------------------------------------------- */

static int
compare_uids(gconstpointer a, gconstpointer b)
{
	guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

	return x < y ? -1 : x > y;
}

char *
imap_format_uid_set(const GArray *uids)
{
	g_autoptr(GArray) sorted = g_array_sized_new(FALSE, FALSE,
	    sizeof(guint32), uids->len);
	GString *set = g_string_new(NULL);
	guint i = 0;

	g_array_append_vals(sorted, uids->data, uids->len);
	g_array_sort(sorted, compare_uids);
	while (i < sorted->len) {
		guint32 lo = g_array_index(sorted, guint32, i), hi = lo;
		while (++i < sorted->len &&
		    g_array_index(sorted, guint32, i) <= hi + 1)
			hi = g_array_index(sorted, guint32, i);
		g_string_append_printf(set, set->len ? ",%u" : "%u", lo);
		if (hi != lo)
			g_string_append_printf(set, ":%u", hi);
	}
	return g_string_free(set, FALSE);
}

/* "UID <verb> <set> <rest>" on INBOX; nothing to do for no UIDs. */
static gboolean
imap_uid_command(struct imap *imap, const char *verb, const GArray *uids,
    const char *rest, GError **error)
{
	g_autofree char *set = NULL;
	g_autofree char *cmd = NULL;

	if (uids->len == 0)
		return TRUE;
	set = imap_format_uid_set(uids);
	cmd = g_strdup_printf("UID %s %s %s", verb, set, rest);
	return imap_perform(imap, "INBOX", cmd, NULL, error);
}

/* ---- fetching ----------------------------------------------------------- */

/*
 * Why fetches are prepared: a URL fetch sets \Seen, and Dovecot tells
 * every other session on INBOX of the change with an untagged FETCH
 * (FLAGS ...), which libcurl takes for the answer to its own fetch
 * ("Failed to parse FETCH response").  So the command connection sets
 * \Seen on the batch first (ingest restores it).  And the fetch
 * connections must not collect the news of our marks and moves either
 * (hundreds of untagged lines overflow libcurl's 300 KB header count):
 * between batches they wait with another folder selected (the park), so
 * the next fetch SELECTs INBOX afresh.  Without a park, a NOOP on INBOX
 * before the batch takes the news instead.  A change made by someone
 * else meanwhile still confuses one fetch: it is tried again (libcurl
 * has dropped that connection; the next one starts clean).
 */
#define FETCH_TRIES 3

void
imap_park_fetchers(struct imap *imap, const char *folder)
{
	char *path = NULL;

	if (folder != NULL && g_ascii_strcasecmp(folder, "INBOX") != 0)
		path = curl_easy_escape(imap->curl, folder, 0);
	g_free(imap->park);
	imap->park = path ? g_strdup(path) : NULL;
	curl_free(path);
}

static void
fetch_pass_init(struct fetch_pass *pass, guint32 uidvalidity,
    GPtrArray *todo, const char *box)
{
	pass->uidvalidity = uidvalidity;
	pass->todo = todo;
	pass->box = box;
	pass->next = 0;
	pass->again = g_ptr_array_new();
	pass->noop_error = NULL;
	pass->fetched = NULL;
	pass->data = NULL;
}

static void
fetch_pass_clear(struct fetch_pass *pass)
{
	g_clear_pointer(&pass->todo, g_ptr_array_unref);
	g_clear_pointer(&pass->again, g_ptr_array_unref);
	g_clear_error(&pass->noop_error);
}

/* Start a request on idle fetcher F: ITEM's URL fetch, or a NOOP. */
static void
fetch_start(struct imap *imap, struct fetcher *f, struct fetch_pass *pass,
    struct imap_fetch *item)
{
	g_autofree char *url = item == NULL ?
	    g_strdup_printf("%s/%s", imap->base, pass->box) :
	    g_strdup_printf("%s/INBOX;UIDVALIDITY=%u/;UID=%u", imap->base,
	    pass->uidvalidity, item->uid);

	f->item = item;
	f->busy = TRUE;
	f->body = g_byte_array_new();
	f->errbuf[0] = '\0';
	curl_easy_setopt(f->curl, CURLOPT_URL, url);
	curl_easy_setopt(f->curl, CURLOPT_CUSTOMREQUEST, item ? NULL : "NOOP");
	curl_easy_setopt(f->curl, CURLOPT_WRITEDATA, f->body);
	curl_multi_add_handle(imap->multi, f->curl);
}

/* Fetcher F is idle again: its request is taken off the multi. */
static void
fetch_release(struct imap *imap, struct fetcher *f)
{
	curl_multi_remove_handle(imap->multi, f->curl);
	g_clear_pointer(&f->body, g_byte_array_unref);
	f->item = NULL;
	f->busy = FALSE;
}

static void
fetch_done(struct imap *imap, CURL *curl, CURLcode rc,
    struct fetch_pass *pass)
{
	struct fetcher *f = NULL;
	struct imap_fetch *item;
	g_autofree char *what = NULL;

	curl_easy_getinfo(curl, CURLINFO_PRIVATE, (char **)&f);
	g_assert(f != NULL && f->busy);
	item = f->item;
	if (rc == CURLE_OK && item != NULL) {
		item->raw = g_byte_array_free_to_bytes(g_steal_pointer(
		    &f->body));
		if (pass->fetched != NULL)
			pass->fetched(item, pass->data);
	} else {
		what = item ? g_strdup_printf("fetch uid %u", item->uid) :
		    g_strdup("NOOP");
		if (rc != CURLE_OK && (item != NULL ||
		    pass->noop_error == NULL))
			set_curl_error(item ? &item->error :
			    &pass->noop_error, what, rc, f->errbuf);
		if (rc == CURLE_WEIRD_SERVER_REPLY && item != NULL)
			g_ptr_array_add(pass->again, item);
	}
	fetch_release(imap, f);
}

/* Start fetches of PASS on idle handles; the number running. */
static guint
fetch_fill(struct imap *imap, struct fetch_pass *pass)
{
	guint running = 0;

	for (guint i = 0; i < FETCHERS; i++) {
		struct fetcher *f = &imap->fetchers[i];
		if (!f->busy && pass->next < pass->todo->len)
			fetch_start(imap, f, pass,
			    pass->todo->pdata[pass->next++]);
		if (f->busy)
			running++;
	}
	return running;
}

/*
 * Move PASS on: wait up to a second for progress, take what finished,
 * start what can start.  *RUNNING_R: requests in flight.
 */
static gboolean
fetch_step(struct imap *imap, struct fetch_pass *pass, guint *running_r,
    GError **error)
{
	CURLMcode mc = CURLM_OK;
	CURLMsg *msg;
	int still, left;
	guint finished = 1;

	if (fetch_fill(imap, pass) > 0)
		mc = curl_multi_poll(imap->multi, NULL, 0, 1000, NULL);
	/* A request started after a completion goes out only with the next
	 * perform: run it at once rather than a message later. */
	while (mc == CURLM_OK && finished > 0 &&
	    (mc = curl_multi_perform(imap->multi, &still)) == CURLM_OK) {
		finished = 0;
		while ((msg = curl_multi_info_read(imap->multi, &left)) != NULL)
			if (msg->msg == CURLMSG_DONE) {
				fetch_done(imap, msg->easy_handle,
				    msg->data.result, pass);
				finished++;
			}
		fetch_fill(imap, pass);
	}
	*running_r = fetch_fill(imap, pass);
	if (mc != CURLM_OK) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "imap fetch: %s", curl_multi_strerror(mc));
		return FALSE;
	}
	return TRUE;
}

/* Whatever is in flight is dropped: the fetchers are idle again. */
static void
fetch_release_all(struct imap *imap)
{
	for (guint i = 0; i < FETCHERS; i++)
		if (imap->fetchers[i].busy)
			fetch_release(imap, &imap->fetchers[i]);
}

/* Run PASS to its end; on failure, what is in flight is dropped. */
static gboolean
fetch_finish(struct imap *imap, struct fetch_pass *pass, GError **error)
{
	guint running;

	do
		if (!fetch_step(imap, pass, &running, error)) {
			fetch_release_all(imap);
			return FALSE;
		}
	while (running > 0);
	if (pass->noop_error != NULL) {
		g_propagate_error(error, g_steal_pointer(&pass->noop_error));
		return FALSE;
	}
	return TRUE;
}

/* A NOOP on every fetch connection, in BOX. */
static gboolean
fetch_noops(struct imap *imap, const char *box, GError **error)
{
	struct fetch_pass pass;
	gboolean ok;

	fetch_pass_init(&pass, 0, g_ptr_array_new(), box);
	for (guint i = 0; i < FETCHERS; i++)
		g_ptr_array_add(pass.todo, NULL);
	ok = fetch_finish(imap, &pass, error);
	fetch_pass_clear(&pass);
	return ok;
}

/* \Seen on the batch from the command connection; without a park, the
 * news taken by every fetch connection (see above). */
static gboolean
fetch_prepare(struct imap *imap, struct imap_fetch *items, guint n,
    GError **error)
{
	g_autoptr(GArray) uids = g_array_sized_new(FALSE, FALSE,
	    sizeof(guint32), n);

	for (guint i = 0; i < n; i++)
		g_array_append_val(uids, items[i].uid);
	return imap_uid_command(imap, "STORE", uids,
	    "+FLAGS.SILENT (\\Seen)", error) &&
	    (imap->park != NULL || fetch_noops(imap, "INBOX", error));
}

/* Hand the first error that is not about one message to ERROR. */
static gboolean
fetch_check(struct imap_fetch *items, guint n, GError **error)
{
	for (guint i = 0; i < n; i++)
		if (items[i].error != NULL &&
		    items[i].error->code != BULLETIN_ERROR_INPUT) {
			g_propagate_error(error, g_steal_pointer(
			    &items[i].error));
			return FALSE;
		}
	return TRUE;
}

/* The pass over again: those confused by an untagged FETCH, or none. */
static void
fetch_again(struct fetch_pass *pass)
{
	GPtrArray *again = pass->again;

	if (again->len > 0)
		log_debug("imap: %u fetch(es) confused by an untagged FETCH: "
		    "again", again->len);
	for (guint i = 0; i < again->len; i++)
		g_clear_error(&((struct imap_fetch *)again->pdata[i])->error);
	g_ptr_array_unref(pass->todo);
	pass->todo = again;
	pass->next = 0;
	pass->again = g_ptr_array_new();
}

gboolean
imap_fetch(struct imap *imap, guint32 uidvalidity, struct imap_fetch *items,
    guint n, imap_fetched_fn *fetched, gpointer data, GError **error)
{
	struct fetch_pass pass;
	gboolean ok;

	if (n == 0)
		return TRUE;
	if (!fetch_prepare(imap, items, n, error))
		return FALSE;
	fetch_pass_init(&pass, uidvalidity, g_ptr_array_sized_new(n), NULL);
	for (guint i = 0; i < n; i++)
		g_ptr_array_add(pass.todo, &items[i]);
	pass.fetched = fetched;
	pass.data = data;
	for (guint try = 1; ; try++) {
		if (!(ok = fetch_finish(imap, &pass, error)) ||
		    pass.again->len == 0 || try == FETCH_TRIES)
			break;
		fetch_again(&pass);
	}
	fetch_pass_clear(&pass);
	if (ok && imap->park != NULL)
		ok = fetch_noops(imap, imap->park, error);
	return ok && fetch_check(items, n, error);
}

/* ---- marking ------------------------------------------------------------ */

gboolean
imap_mark_filed(struct imap *imap, const GArray *uids, const GArray *unseen,
    GError **error)
{
	return imap_uid_command(imap, "STORE", uids,
	    "+FLAGS.SILENT (" FILED_KEYWORD ")", error) &&
	    imap_uid_command(imap, "STORE", unseen, "-FLAGS.SILENT (\\Seen)",
	    error);
}

/*
 * A MOVE answers with an untagged EXPUNGE per message, and libcurl counts
 * each such line against its 300 KB header cap more than once (see
 * ../shared/notes/libcurl.md): 250 in one answer already fail.
 */
#define MOVE_CHUNK 100

gboolean
imap_move(struct imap *imap, const GArray *uids, const char *folder,
    GError **error)
{
	g_autofree char *to = NULL;

	if (folder == NULL || g_ascii_strcasecmp(folder, "INBOX") == 0)
		return TRUE;
	to = g_strdup_printf("\"%s\"", folder);
	for (guint i = 0; i < uids->len; i += MOVE_CHUNK) {
		g_autoptr(GArray) chunk = g_array_sized_new(FALSE, FALSE,
		    sizeof(guint32), MOVE_CHUNK);
		g_array_append_vals(chunk, &g_array_index(uids, guint32, i),
		    MIN(MOVE_CHUNK, uids->len - i));
		if (!imap_uid_command(imap, "MOVE", chunk, to, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
imap_folder_exists(struct imap *imap, const char *folder, gboolean *exists_r,
    GError **error)
{
	g_autofree char *list = g_strdup_printf("LIST \"\" \"%s\"", folder);
	GByteArray *body;

	if (!imap_perform(imap, "", list, &body, error))
		return FALSE;
	*exists_r = body->len > 0;
	g_byte_array_unref(body);
	return TRUE;
}

gboolean
imap_ensure_folder(struct imap *imap, const char *folder, GError **error)
{
	g_autofree char *create = g_strdup_printf("CREATE \"%s\"", folder);
	gboolean exists;

	if (!imap_folder_exists(imap, folder, &exists, error))
		return FALSE;
	if (exists)
		return TRUE;
	log_info("imap: creating folder %s", folder);
	return imap_perform(imap, "", create, NULL, error);
}
