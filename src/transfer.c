/* Timeouts and stop checks shared by the libcurl transfers; see transfer.h. */
#include <sys/socket.h>

#include "transfer.h"

static volatile sig_atomic_t *stop_flag;

void
transfer_set_stop_flag(volatile sig_atomic_t *flag)
{
	stop_flag = flag;
}

gboolean
transfer_stop_pending(void)
{
	sigset_t pending;

	if (sigpending(&pending) != 0)
		return FALSE;
	return sigismember(&pending, SIGTERM) == 1 ||
	    sigismember(&pending, SIGINT) == 1;
}

/*
 * libcurl calls this many times a request (about ten per message fetched):
 * the signal mask is asked at most every STOP_CHECK_US, which bounds how
 * late a SIGTERM is seen and keeps the syscalls off the fetch path.
 */
#define STOP_CHECK_US	(50 * 1000)

static int
check_stop(void *unused, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	static gint64 last;
	gint64 now = g_get_monotonic_time();

	if (now - last < STOP_CHECK_US)
		return 0;
	last = now;
	if (!transfer_stop_pending())
		return 0;
	if (stop_flag != NULL)
		*stop_flag = 1;
	return 1;	/* CURLE_ABORTED_BY_CALLBACK */
}

void
transfer_setup(CURL *curl, int timeout)
{
	/* CONNECTTIMEOUT covers TCP, TLS and the greeting/EHLO/STARTTLS/
	 * AUTH exchange; each later command gets the response timeout; a
	 * stream that stops moving is cut after the same time. */
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)timeout);
	curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long)timeout);
	curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, (long)timeout);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, check_stop);
	curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
}

/*
 * Is the connection in the middle of a conversation (the last reply was
 * an intermediate one: the greeting, 334 to AUTH, 354 to DATA), so that a
 * QUIT would wait for a server that has stopped answering?  IMAP has no
 * response code (0): only a stop cuts it short.
 */
static gboolean
is_mid_conversation(CURL *curl)
{
	long code = 0;

	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	return code == 220 || (code >= 300 && code < 400) ||
	    (code > 0 && code < 200);
}

void
transfer_cleanup(CURL *curl)
{
	curl_socket_t fd = CURL_SOCKET_BAD;

	if (curl == NULL)
		return;
	/*
	 * libcurl waits for the reply to QUIT/LOGOUT as long as for any
	 * response, and on the handle that closes its cache, which copied the
	 * timeout when the last transfer started: setting a shorter one here
	 * would not reach it.  A stalled or stopping conversation is cut
	 * instead: the goodbye then fails at once.
	 */
	if ((transfer_stop_pending() || is_mid_conversation(curl)) &&
	    curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &fd) == CURLE_OK &&
	    fd != CURL_SOCKET_BAD)
		shutdown(fd, SHUT_RDWR);
	curl_easy_cleanup(curl);
}
