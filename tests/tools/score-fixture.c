/*
 * score-fixture STATE_DIR < script: a fixture of articles filed and issues
 * sent, written into a real store through the store API (as the daemon
 * files them), with the times the script gives, for the 通报 tests.
 * The script's lines (# comments):
 *
 *   article UNIT 2026-11-02T09:00:00+08:00 TITLE   filed in the draft
 *   drop SEQ                                       撤稿 in the draft
 *   send YEAR NUMBER                               the draft sent as 第N期
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "store.h"

static struct store *store;

static G_NORETURN void
die(const char *what, const GError *error)
{
	fprintf(stderr, "score-fixture: %s: %s\n", what,
	    error ? error->message : "bad line");
	exit(1);
}

static void
file_article(const char *unit, const char *when, const char *title,
    guint32 uid)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDateTime) t = g_date_time_new_from_iso8601(when, NULL);
	g_autofree char *digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256,
	    title, -1);
	g_autoptr(GBytes) raw = g_bytes_new(title, strlen(title));
	g_autofree char *spool = NULL, *key = article_title_key(title);
	struct message_row m = { 1, uid, NULL, digest, "unit@example.test",
	    title, MESSAGE_FILED, NULL, unit, "INBOX", NULL };
	struct article_row a = { unit, title, key, "正文。", digest };
	gint64 message, draft;
	int seq;

	if (t == NULL)
		die(when, NULL);
	m.received = g_date_time_to_unix(t);
	if ((spool = store_spool_put(store, digest, raw, &error)) == NULL)
		die("spool", error);
	m.spool = spool;
	if ((message = store_add_message(store, &m, &error)) == 0 ||
	    (draft = store_draft_issue(store, &error)) == 0 ||
	    store_add_article(store, draft, message, &a, 0, &seq, &error) == 0)
		die(title, error);
}

static void
drop(int seq)
{
	g_autoptr(GError) error = NULL;
	gint64 draft = store_draft_issue(store, &error);

	if (draft == 0 || store_set_article_state(store, draft, seq, "filed",
	    "dropped", &error) != 1)
		die("drop", error);
}

static void
send_issue(int year, int number)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) message = g_bytes_new_static("issue", 5);
	gint64 draft = store_draft_issue(store, &error);

	if (draft == 0 || !store_issue_sent(store, draft, ISSUE_REGULAR, year,
	    number, 0, "2026年11月", NULL, message, "digest", &error))
		die("send", error);
}

static void
run_line(char *line, guint32 uid)
{
	g_auto(GStrv) w = g_strsplit(g_strstrip(line), " ", 4);

	if (w[0] == NULL || *w[0] == '\0' || *w[0] == '#')
		return;
	if (strcmp(w[0], "article") == 0 && g_strv_length(w) == 4)
		file_article(w[1], w[2], w[3], uid);
	else if (strcmp(w[0], "drop") == 0 && g_strv_length(w) == 2)
		drop(atoi(w[1]));
	else if (strcmp(w[0], "send") == 0 && g_strv_length(w) == 3)
		send_issue(atoi(w[1]), atoi(w[2]));
	else
		die(line, NULL);
}

int
main(int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	char line[1024];
	guint32 uid = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: score-fixture STATE_DIR < script\n");
		return 2;
	}
	if ((store = store_open(argv[1], &error)) == NULL ||
	    !store_begin(store, &error))
		die(argv[1], error);
	while (fgets(line, sizeof line, stdin) != NULL)
		run_line(line, ++uid);
	if (!store_commit(store, &error))
		die("commit", error);
	store_close(store);
	return 0;
}
