/*
 * IMAP IDLE over a CONNECT_ONLY connection; see idle.h and
 * ../shared/notes/libcurl.md, section 4.4: libcurl has consumed the
 * greeting and logged in; curl_easy_recv must be drained until CURLE_AGAIN
 * before poll() (TLS buffers whole records); sends may be partial.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#include "error.h"
#include "idle.h"
#include "log.h"
#include "transfer.h"

/* A line longer than this is not a server we want to talk to. */
#define IDLE_MAX_LINE	(64 * 1024)
/* Slices of waiting, so that a stop signal is seen. */
#define IDLE_SLICE_MS	500

struct idle {
	CURL		*curl;
	curl_socket_t	 fd;
	GString		*in;		/* received, not yet taken as lines */
	guint		 tag;		/* of the last command sent */
	int		 timeout;	/* seconds for each reply */
	gboolean	 idling;	/* "+ idling" seen, DONE not yet sent */
	char		 errbuf[CURL_ERROR_SIZE];
};

static gboolean G_GNUC_PRINTF(2, 3)
fail(GError **error, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *msg = NULL;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
	    "idle: %s", msg);
	return FALSE;
}

static gint64
deadline_after(int seconds)
{
	return g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
}

/* Wait for EVENTS until DEADLINE, in slices that watch for a stop. */
static gboolean
wait_socket(struct idle *idle, short events, gint64 deadline,
    GError **error)
{
	struct pollfd pfd = { .fd = idle->fd, .events = events };

	for (;;) {
		gint64 left = (deadline - g_get_monotonic_time()) / 1000;
		int rc;

		if (transfer_stop_pending())
			return fail(error, "stopping");
		if (left <= 0)
			return fail(error, "no answer within %d s",
			    idle->timeout);
		rc = poll(&pfd, 1, MIN(left, IDLE_SLICE_MS));
		if (rc > 0)
			return TRUE;
		if (rc < 0 && errno != EINTR)
			return fail(error, "poll: %s", g_strerror(errno));
	}
}

static gboolean
send_all(struct idle *idle, const char *data, GError **error)
{
	size_t len = strlen(data), done = 0;
	gint64 deadline = deadline_after(idle->timeout);

	while (done < len) {
		size_t n = 0;
		CURLcode rc = curl_easy_send(idle->curl, data + done,
		    len - done, &n);
		if (rc == CURLE_AGAIN) {
			if (!wait_socket(idle, POLLOUT, deadline, error))
				return FALSE;
			continue;
		}
		if (rc != CURLE_OK)
			return fail(error, "send: %s", curl_easy_strerror(rc));
		done += n;
	}
	return TRUE;
}

/*
 * Move what the connection has into idle->in, until CURLE_AGAIN.
 * Returns the bytes read, or -1 with ERROR when the connection is gone.
 */
static gssize
drain(struct idle *idle, GError **error)
{
	char buf[4096];
	gssize total = 0;

	for (;;) {
		size_t n = 0;
		CURLcode rc = curl_easy_recv(idle->curl, buf, sizeof(buf), &n);
		if (rc == CURLE_AGAIN)
			return total;
		if (rc != CURLE_OK) {
			fail(error, "receive: %s", curl_easy_strerror(rc));
			return -1;
		}
		if (n == 0) {
			fail(error, "the server closed the connection");
			return -1;
		}
		g_string_append_len(idle->in, buf, n);
		total += n;
		if (idle->in->len > IDLE_MAX_LINE) {
			fail(error, "a line longer than %d bytes", IDLE_MAX_LINE);
			return -1;
		}
	}
}

/* Take one line (without CRLF) from idle->in; NULL if none is complete. */
static char *
take_line(struct idle *idle)
{
	char *nl = memchr(idle->in->str, '\n', idle->in->len);
	size_t len;
	char *line;

	if (nl == NULL)
		return NULL;
	len = nl - idle->in->str;
	line = g_strndup(idle->in->str, len > 0 && nl[-1] == '\r' ?
	    len - 1 : len);
	g_string_erase(idle->in, 0, len + 1);
	return line;
}

/* Literal announced at the end of LINE ("{123}"), or -1. */
static gssize
literal_size(const char *line)
{
	size_t len = strlen(line);
	const char *open;
	char *end;
	guint64 n;

	if (len < 3 || line[len - 1] != '}' ||
	    (open = strrchr(line, '{')) == NULL)
		return -1;
	n = g_ascii_strtoull(open + 1, &end, 10);
	if (end == open + 1 || *end != '}' || n > IDLE_MAX_LINE)
		return -1;
	return n;
}

/* Wait until idle->in holds LEN bytes (the literal a line announced). */
static gboolean
read_literal(struct idle *idle, gssize len, GError **error)
{
	gint64 deadline = deadline_after(idle->timeout);

	while ((gssize)idle->in->len < len) {
		gssize got = drain(idle, error);
		if (got < 0 || (got == 0 &&
		    !wait_socket(idle, POLLIN, deadline, error)))
			return FALSE;
	}
	return TRUE;
}

/* The next line, waiting until DEADLINE (0: do not wait).  Literals are
 * skipped: nothing here needs their content. */
static char *
read_line(struct idle *idle, gint64 deadline, GError **error)
{
	char *line;
	gssize lit;

	for (;;) {
		if ((line = take_line(idle)) != NULL) {
			if ((lit = literal_size(line)) < 0)
				return line;
			g_free(line);
			if (!read_literal(idle, lit, error))
				return NULL;
			g_string_erase(idle->in, 0, lit);
			continue;
		}
		switch (drain(idle, error)) {
		case -1:
			return NULL;
		case 0:
			if (deadline == 0)
				return NULL;
			if (!wait_socket(idle, POLLIN, deadline, error))
				return NULL;
			break;
		default:
			break;
		}
	}
}

gboolean
idle_line_is_change(const char *line)
{
	/* Flag changes and expunges (our own marks and moves among them)
	 * bring nothing to fetch. */
	static const char *const words[] = { "EXISTS", "RECENT" };
	const char *p;

	if (!g_str_has_prefix(line, "* "))
		return FALSE;
	p = line + 2;
	while (g_ascii_isdigit(*p))
		p++;
	if (p == line + 2 || *p != ' ')
		return FALSE;
	p++;
	for (guint i = 0; i < G_N_ELEMENTS(words); i++)
		if (g_ascii_strncasecmp(p, words[i], strlen(words[i])) == 0)
			return TRUE;
	return FALSE;
}

/* An untagged line: a change, a goodbye or nothing of interest. */
static gboolean
note_untagged(const char *line, gboolean *changed_r, GError **error)
{
	if (g_ascii_strncasecmp(line, "* BYE", 5) == 0)
		return fail(error, "server said %s", line + 2);
	if (idle_line_is_change(line))
		*changed_r = TRUE;
	return TRUE;
}

/*
 * Read until the tagged reply to command idle->tag (or, with UNTIL_PLUS,
 * a continuation "+").  Untagged lines are noted; CAPABILITY words are
 * appended to CAPS when it is not NULL.
 */
static gboolean
read_reply(struct idle *idle, gboolean until_plus, GString *caps,
    gboolean *changed_r, GError **error)
{
	g_autofree char *tag = g_strdup_printf("i%u ", idle->tag);
	gint64 deadline = deadline_after(idle->timeout);

	for (;;) {
		g_autofree char *line = read_line(idle, deadline, error);
		if (line == NULL)
			return FALSE;
		if (until_plus && line[0] == '+')
			return TRUE;
		if (g_str_has_prefix(line, tag)) {
			if (g_ascii_strncasecmp(line + strlen(tag), "OK", 2) == 0)
				return TRUE;
			return fail(error, "%s", line);
		}
		if (caps != NULL &&
		    g_ascii_strncasecmp(line, "* CAPABILITY ", 13) == 0)
			g_string_append_printf(caps, " %s ", line + 13);
		if (!note_untagged(line, changed_r, error))
			return FALSE;
	}
}

static gboolean
command(struct idle *idle, const char *cmd, gboolean until_plus,
    GString *caps, gboolean *changed_r, GError **error)
{
	g_autofree char *line = g_strdup_printf("i%u %s\r\n", ++idle->tag,
	    cmd);

	return send_all(idle, line, error) &&
	    read_reply(idle, until_plus, caps, changed_r, error);
}

static gboolean
start_idle(struct idle *idle, gboolean *changed_r, GError **error)
{
	if (!command(idle, "IDLE", TRUE, NULL, changed_r, error))
		return FALSE;
	idle->idling = TRUE;
	return TRUE;
}

/* Take every complete line the server sent, without waiting. */
static gboolean
read_pending(struct idle *idle, gboolean *changed_r, GError **error)
{
	g_autoptr(GError) local = NULL;
	char *line;

	while ((line = read_line(idle, 0, &local)) != NULL) {
		gboolean ok = TRUE;
		if (line[0] == '*')
			ok = note_untagged(line, changed_r, error);
		else
			ok = fail(error, "unexpected \"%s\"", line);
		g_free(line);
		if (!ok)
			return FALSE;
	}
	if (local != NULL) {
		g_propagate_error(error, g_steal_pointer(&local));
		return FALSE;
	}
	return TRUE;
}

static gboolean
has_idle(const GString *caps)
{
	g_autofree char *upper = g_ascii_strup(caps->str, caps->len);

	return strstr(upper, " IDLE ") != NULL;
}

static void
setup_curl(struct idle *idle, const struct tls_peer *peer,
    const char *password)
{
	CURL *curl = idle->curl;

	curl_easy_setopt(curl, CURLOPT_URL, peer->url);
	curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (peer->ca_file != NULL)
		curl_easy_setopt(curl, CURLOPT_CAINFO, peer->ca_file);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, peer->verify ? 1L : 0L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, peer->verify ? 2L : 0L);
	curl_easy_setopt(curl, CURLOPT_USERNAME, peer->user);
	curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, idle->errbuf);
	/* A peer that vanished without a word is noticed in minutes. */
	curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(curl, CURLOPT_TCP_KEEPIDLE, 60L);
	curl_easy_setopt(curl, CURLOPT_TCP_KEEPINTVL, 20L);
	transfer_setup(curl, peer->timeout);
}

static gboolean
connect_idle(struct idle *idle, gboolean *unsupported_r, GError **error)
{
	g_autoptr(GString) caps = g_string_new(" ");
	gboolean changed = FALSE;
	curl_socket_t fd;
	CURLcode rc;

	if ((rc = curl_easy_perform(idle->curl)) != CURLE_OK)
		return fail(error, "%s%s%s", curl_easy_strerror(rc),
		    idle->errbuf[0] ? ": " : "", idle->errbuf);
	/* The password is not needed again. */
	curl_easy_setopt(idle->curl, CURLOPT_PASSWORD, NULL);
	if (curl_easy_getinfo(idle->curl, CURLINFO_ACTIVESOCKET, &fd) !=
	    CURLE_OK || fd == CURL_SOCKET_BAD)
		return fail(error, "no socket");
	idle->fd = fd;
	if (!command(idle, "CAPABILITY", FALSE, caps, &changed, error))
		return FALSE;
	if (!has_idle(caps)) {
		*unsupported_r = TRUE;
		return fail(error, "the server does not offer IDLE");
	}
	/* The caller polls after connecting: changes so far do not matter. */
	return command(idle, "SELECT INBOX", FALSE, NULL, &changed, error) &&
	    start_idle(idle, &changed, error) &&
	    read_pending(idle, &changed, error);
}

struct idle *
idle_open(const struct tls_peer *peer, const char *password,
    gboolean *unsupported_r, GError **error)
{
	struct idle *idle = g_new0(struct idle, 1);

	*unsupported_r = FALSE;
	idle->curl = curl_easy_init();
	g_assert(idle->curl != NULL);
	idle->fd = CURL_SOCKET_BAD;
	idle->in = g_string_new(NULL);
	idle->timeout = peer->timeout;
	setup_curl(idle, peer, password);
	if (!connect_idle(idle, unsupported_r, error)) {
		idle_close(idle);
		return NULL;
	}
	log_debug("imap idle: waiting for new mail");
	return idle;
}

void
idle_close(struct idle *idle)
{
	size_t n;

	if (idle == NULL)
		return;
	if (idle->fd != CURL_SOCKET_BAD) {
		/* One try, no wait; then the socket is shut so that libcurl's
		 * own LOGOUT at cleanup fails at once instead of waiting for a
		 * server that may be gone. */
		g_autofree char *bye = g_strdup_printf("%si%u LOGOUT\r\n",
		    idle->idling ? "DONE\r\n" : "", ++idle->tag);
		curl_easy_send(idle->curl, bye, strlen(bye), &n);
		shutdown(idle->fd, SHUT_RDWR);
	}
	transfer_cleanup(idle->curl);
	g_string_free(idle->in, TRUE);
	g_free(idle);
}

int
idle_fd(const struct idle *idle)
{
	return idle->fd;
}

gboolean
idle_read(struct idle *idle, gboolean *changed_r, GError **error)
{
	*changed_r = FALSE;
	return read_pending(idle, changed_r, error);
}

/*
 * What came in the same read as "+ idling" waits in idle->in, where
 * poll() cannot see it: take it now.
 */
gboolean
idle_renew(struct idle *idle, gboolean *changed_r, GError **error)
{
	*changed_r = FALSE;
	idle->idling = FALSE;
	return send_all(idle, "DONE\r\n", error) &&
	    read_reply(idle, FALSE, NULL, changed_r, error) &&
	    start_idle(idle, changed_r, error) &&
	    read_pending(idle, changed_r, error);
}
