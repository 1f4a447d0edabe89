/* SMTP on libcurl; see smtp.h and ../shared/notes/libcurl.md, section 5. */
#include <string.h>

#include <curl/curl.h>

#include "error.h"
#include "smtp.h"
#include "transfer.h"

/* The RCPT replies of the transaction under way, in recipient order. */
struct rcpt_replies {
	struct smtp_result *results;
	guint		 n;
	guint		 next;		/* the recipient the next reply is for */
	gboolean	 awaiting;	/* a RCPT TO went out, no reply yet */
};

struct smtp {
	CURL		*curl;
	char		*password;
	GString		*last_reply;	/* last reply line */
	GString		*last_error;	/* last 4xx/5xx reply line */
	gboolean	 authenticated;	/* a 235 reply was seen */
	struct rcpt_replies *rcpts;	/* during smtp_send only */
	char		 errbuf[CURL_ERROR_SIZE];
};

/* 7.88's curl.h spells it with three L's; 8.2 added this alias. */
#ifndef CURLOPT_MAIL_RCPT_ALLOWFAILS
#define CURLOPT_MAIL_RCPT_ALLOWFAILS CURLOPT_MAIL_RCPT_ALLLOWFAILS
#endif

struct upload {
	const char	*data;
	gsize		 len;
	gsize		 pos;
};

static size_t
read_upload(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *up = arg;
	size_t want = MIN(size * n, up->len - up->pos);

	memcpy(buf, up->data + up->pos, want);
	up->pos += want;
	return want;
}

static enum smtp_outcome
outcome_of(const char *reply)
{
	if (reply[0] == '2')
		return SMTP_ACCEPTED;
	return reply[0] == '5' ? SMTP_PERMANENT : SMTP_TEMPORARY;
}

/*
 * libcurl has no per-recipient result, but it sends the RCPTs one at a
 * time and waits for each reply: the reply that follows a RCPT TO is that
 * recipient's (libcurl.md, section 5).  The debug stream shows what went
 * out; the header callback gets each reply line after it.
 */
static int
watch_commands(CURL *curl, curl_infotype type, char *data, size_t len,
    void *arg)
{
	struct rcpt_replies *r = ((struct smtp *)arg)->rcpts;

	(void)curl;
	if (r != NULL && type == CURLINFO_HEADER_OUT)
		r->awaiting = len >= 8 && g_ascii_strncasecmp(data, "RCPT TO:",
		    8) == 0;
	return 0;
}

static gboolean
take_rcpt_reply(struct rcpt_replies *r, const char *line)
{
	struct smtp_result *res;

	if (r == NULL || !r->awaiting || r->next >= r->n)
		return FALSE;
	res = &r->results[r->next++];
	res->outcome = outcome_of(line);
	g_free(res->reply);
	res->reply = g_strdup(line);
	r->awaiting = FALSE;
	return TRUE;
}

/*
 * libcurl hands every server reply line to the header callback.  RCPT
 * replies go to their recipient; the error line of the transaction is
 * kept apart: after a refusal libcurl says QUIT, and "221 Bye" is not
 * what the editors need to read.
 */
static size_t
collect_reply(char *data, size_t size, size_t n, void *arg)
{
	struct smtp *smtp = arg;
	size_t len = size * n;
	g_autofree char *line = NULL;

	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (len < 3 || !g_ascii_isdigit(data[0]))
		return size * n;
	line = g_strndup(data, len);
	if (len > 3 && line[3] == '-')
		return size * n;	/* only the last line of a reply */
	if (take_rcpt_reply(smtp->rcpts, line))
		return size * n;
	g_string_assign(smtp->last_reply, line);
	if (g_str_has_prefix(line, "235"))
		smtp->authenticated = TRUE;
	if (line[0] == '4' || line[0] == '5')
		g_string_assign(smtp->last_error, line);
	return size * n;
}

struct smtp *
smtp_new(const struct tls_peer *peer, const char *password)
{
	struct smtp *smtp = g_new0(struct smtp, 1);

	smtp->curl = curl_easy_init();
	g_assert(smtp->curl != NULL);
	smtp->password = g_strdup(password);
	smtp->last_reply = g_string_new(NULL);
	smtp->last_error = g_string_new(NULL);
	curl_easy_setopt(smtp->curl, CURLOPT_URL, peer->url);
	curl_easy_setopt(smtp->curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (peer->ca_file != NULL)
		curl_easy_setopt(smtp->curl, CURLOPT_CAINFO, peer->ca_file);
	curl_easy_setopt(smtp->curl, CURLOPT_SSL_VERIFYPEER,
	    peer->verify ? 1L : 0L);
	curl_easy_setopt(smtp->curl, CURLOPT_SSL_VERIFYHOST,
	    peer->verify ? 2L : 0L);
	curl_easy_setopt(smtp->curl, CURLOPT_USERNAME, peer->user);
	curl_easy_setopt(smtp->curl, CURLOPT_PASSWORD, smtp->password);
	curl_easy_setopt(smtp->curl, CURLOPT_ERRORBUFFER, smtp->errbuf);
	curl_easy_setopt(smtp->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(smtp->curl, CURLOPT_READFUNCTION, read_upload);
	curl_easy_setopt(smtp->curl, CURLOPT_HEADERFUNCTION, collect_reply);
	curl_easy_setopt(smtp->curl, CURLOPT_HEADERDATA, smtp);
	transfer_setup(smtp->curl, peer->timeout);
	curl_easy_setopt(smtp->curl, CURLOPT_DEBUGFUNCTION, watch_commands);
	curl_easy_setopt(smtp->curl, CURLOPT_DEBUGDATA, smtp);
	curl_easy_setopt(smtp->curl, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_RCPT_ALLOWFAILS, 1L);
	curl_easy_setopt(smtp->curl, CURLOPT_TIMEOUT, 300L);
	return smtp;
}

void
smtp_free(struct smtp *smtp)
{
	if (smtp == NULL)
		return;
	transfer_cleanup(smtp->curl);
	explicit_bzero(smtp->password, strlen(smtp->password));
	g_free(smtp->password);
	g_string_free(smtp->last_reply, TRUE);
	g_string_free(smtp->last_error, TRUE);
	g_free(smtp);
}

static gboolean
is_connection_trouble(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_LOGIN_DENIED:
	case CURLE_USE_SSL_FAILED:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		return TRUE;
	default:
		return FALSE;
	}
}

void
smtp_result_clear(struct smtp_result *r)
{
	g_clear_pointer(&r->reply, g_free);
}

/*
 * The outcome of each recipient after the transaction: a refusal at RCPT
 * is the recipient's own; the others share the transaction's fate and
 * its reply (the final 250 on success).  Without a reply, a failure is
 * connection trouble: temporary.
 */
static enum smtp_outcome
settle_results(struct smtp *smtp, struct rcpt_replies *r, CURLcode rc)
{
	GString *reply = rc == CURLE_OK ? smtp->last_reply : smtp->last_error;
	enum smtp_outcome shared = rc == CURLE_OK ? SMTP_ACCEPTED :
	    reply->len ? outcome_of(reply->str) : SMTP_TEMPORARY;

	for (guint i = 0; i < r->n; i++) {
		struct smtp_result *res = &r->results[i];
		if (i < r->next && res->outcome != SMTP_ACCEPTED)
			continue;
		res->outcome = shared == SMTP_ACCEPTED && i >= r->next ?
		    SMTP_TEMPORARY : shared;
		g_free(res->reply);
		res->reply = reply->len ? g_strdup(reply->str) : NULL;
	}
	return shared;
}

static size_t
discard(char *data, size_t size, size_t n, void *arg)
{
	(void)data;
	(void)arg;
	return size * n;
}

/*
 * A NOOP instead of a transaction: libcurl connects, says EHLO, STARTTLS,
 * EHLO and AUTH as for mail, then sends the custom command, since nothing
 * is uploaded and there is no recipient.
 */
gboolean
smtp_login(struct smtp *smtp, GError **error)
{
	CURLcode rc;

	g_string_truncate(smtp->last_reply, 0);
	g_string_truncate(smtp->last_error, 0);
	smtp->errbuf[0] = '\0';
	smtp->authenticated = FALSE;
	curl_easy_setopt(smtp->curl, CURLOPT_UPLOAD, 0L);
	curl_easy_setopt(smtp->curl, CURLOPT_CUSTOMREQUEST, "NOOP");
	curl_easy_setopt(smtp->curl, CURLOPT_WRITEFUNCTION, discard);
	rc = curl_easy_perform(smtp->curl);
	curl_easy_setopt(smtp->curl, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(smtp->curl, CURLOPT_UPLOAD, 1L);
	if (rc != CURLE_OK) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "smtp login: %s%s%s%s%s", curl_easy_strerror(rc),
		    smtp->errbuf[0] ? ": " : "", smtp->errbuf,
		    smtp->last_error->len ? "; the server said: " : "",
		    smtp->last_error->str);
		return FALSE;
	}
	/* Without AUTH on offer libcurl goes on unauthenticated; the
	 * first MAIL FROM would then be refused. */
	if (!smtp->authenticated) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "smtp login: the server offered no AUTH after TLS, so "
		    "bulletind would send without logging in (a submission "
		    "server refuses that; is this the submission port?)");
		return FALSE;
	}
	return TRUE;
}

gboolean
smtp_send(struct smtp *smtp, const char *from, const char *const *rcpts,
    guint n, GBytes *message, struct smtp_result *results,
    gboolean *unreachable_r, GError **error)
{
	struct upload up = { g_bytes_get_data(message, NULL),
	    g_bytes_get_size(message), 0 };
	struct rcpt_replies replies = { results, n, 0, FALSE };
	g_autofree char *mail_from = g_strdup_printf("<%s>", from);
	struct curl_slist *list = NULL;
	enum smtp_outcome shared;
	CURLcode rc;

	for (guint i = 0; i < n; i++) {
		g_autofree char *to = g_strdup_printf("<%s>", rcpts[i]);
		list = curl_slist_append(list, to);
		results[i] = (struct smtp_result){ SMTP_TEMPORARY, NULL };
	}
	g_string_truncate(smtp->last_reply, 0);
	g_string_truncate(smtp->last_error, 0);
	smtp->errbuf[0] = '\0';
	smtp->rcpts = &replies;
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_FROM, mail_from);
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_RCPT, list);
	curl_easy_setopt(smtp->curl, CURLOPT_READDATA, &up);
	curl_easy_setopt(smtp->curl, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)up.len);
	rc = curl_easy_perform(smtp->curl);
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_RCPT, NULL);
	smtp->rcpts = NULL;
	curl_slist_free_all(list);
	shared = settle_results(smtp, &replies, rc);
	*unreachable_r = FALSE;
	if (rc == CURLE_OK)
		return TRUE;
	*unreachable_r = is_connection_trouble(rc) && shared != SMTP_PERMANENT;
	g_set_error(error, BULLETIN_ERROR, shared == SMTP_PERMANENT ?
	    BULLETIN_ERROR_PERMANENT : BULLETIN_ERROR_TEMPORARY,
	    "smtp from %s: %s%s%s", from, curl_easy_strerror(rc),
	    smtp->errbuf[0] ? ": " : "", smtp->errbuf);
	return FALSE;
}
