/* SMTP on libcurl; see smtp.h and ../shared/notes/libcurl.md, section 5. */
#include <string.h>

#include <curl/curl.h>

#include "error.h"
#include "smtp.h"
#include "transfer.h"

struct smtp {
	CURL		*curl;
	char		*password;
	GString		*last_reply;	/* last reply line */
	GString		*last_error;	/* last 4xx/5xx reply line */
	char		 errbuf[CURL_ERROR_SIZE];
};

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

/*
 * libcurl hands every server reply line to the header callback.  The
 * error line is kept apart: after a refused RCPT libcurl says QUIT, and
 * "221 Bye" is not what the editors need to read.
 */
static size_t
collect_reply(char *data, size_t size, size_t n, void *arg)
{
	struct smtp *smtp = arg;
	size_t len = size * n;

	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (len < 3 || !g_ascii_isdigit(data[0]))
		return size * n;
	g_string_truncate(smtp->last_reply, 0);
	g_string_append_len(smtp->last_reply, data, len);
	if (data[0] == '4' || data[0] == '5') {
		g_string_truncate(smtp->last_error, 0);
		g_string_append_len(smtp->last_error, data, len);
	}
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

gboolean
smtp_send(struct smtp *smtp, const char *from, const char *rcpt,
    GBytes *message, char **reply_r, gboolean *unreachable_r,
    GError **error)
{
	struct upload up = { g_bytes_get_data(message, NULL),
	    g_bytes_get_size(message), 0 };
	g_autofree char *mail_from = g_strdup_printf("<%s>", from);
	g_autofree char *rcpt_to = g_strdup_printf("<%s>", rcpt);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt_to);
	long code = 0;
	CURLcode rc;

	g_string_truncate(smtp->last_reply, 0);
	g_string_truncate(smtp->last_error, 0);
	smtp->errbuf[0] = '\0';
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_FROM, mail_from);
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(smtp->curl, CURLOPT_READDATA, &up);
	curl_easy_setopt(smtp->curl, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)up.len);
	rc = curl_easy_perform(smtp->curl);
	curl_easy_setopt(smtp->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpts);
	curl_easy_getinfo(smtp->curl, CURLINFO_RESPONSE_CODE, &code);
	*unreachable_r = FALSE;
	if (rc == CURLE_OK) {
		*reply_r = smtp->last_reply->len ?
		    g_strdup(smtp->last_reply->str) : NULL;
		return TRUE;
	}
	*reply_r = smtp->last_error->len ? g_strdup(smtp->last_error->str) :
	    NULL;
	*unreachable_r = is_connection_trouble(rc) && code / 100 != 5;
	g_set_error(error, BULLETIN_ERROR, code / 100 == 5 ?
	    BULLETIN_ERROR_PERMANENT : BULLETIN_ERROR_TEMPORARY,
	    "smtp to %s: %s%s%s", rcpt, curl_easy_strerror(rc),
	    smtp->errbuf[0] ? ": " : "", smtp->errbuf);
	return FALSE;
}
