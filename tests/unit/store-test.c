/* store*.c on a real SQLite file: messages, articles, numbering, ledger. */
#include <stdlib.h>

#include <glib/gstdio.h>

#include "error.h"
#include "store.h"
#include "store-private.h"

struct fixture {
	char		*dir;
	struct store	*store;
};

static void
setup(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;

	f->dir = g_dir_make_tmp("bulletind-store-XXXXXX", NULL);
	f->store = store_open(f->dir, &error);
	g_assert_no_error(error);
}

static void
teardown(struct fixture *f, gconstpointer unused)
{
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", f->dir);

	store_close(f->store);
	g_assert_cmpint(system(cmd), ==, 0);
	g_free(f->dir);
}

static void
test_messages(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) raw = g_bytes_new_static("From: a@b\r\n\r\nx", 15);
	g_autofree char *spool = store_spool_put(f->store, "d1", raw, &error);
	struct message_row row = { 9, 42, "mid@x", "d1", "a@b", "s",
	    MESSAGE_FILED, "r", "u", "Filed", spool };
	g_autofree char *folder = NULL;

	g_assert_no_error(error);
	g_assert_true(store_begin(f->store, &error));
	g_assert_cmpint(store_add_message(f->store, &row, &error), >, 0);
	g_assert_true(store_commit(f->store, &error));
	g_assert_true(store_knows_uid(f->store, 9, 42, &folder, &error));
	g_assert_cmpstr(folder, ==, "Filed");
	g_assert_false(store_knows_uid(f->store, 10, 42, &folder, &error));
	g_assert_cmpint(store_find_same_message(f->store, "mid@x", "zz",
	    &error), >, 0);
	g_assert_cmpint(store_find_same_message(f->store, NULL, "d1",
	    &error), >, 0);
	g_assert_cmpint(store_find_same_message(f->store, "other", "d2",
	    &error), ==, 0);
	/* The same UID twice is refused by the schema. */
	g_assert_true(store_begin(f->store, &error));
	g_assert_cmpint(store_add_message(f->store, &row, &error), ==, 0);
	g_assert_nonnull(error);
	store_rollback(f->store);
}

/* The spool: written once under the digest's name, read back whole; a
 * file cut short by a crash is written again; a write ahead of the
 * record (the fetch worker) is found by the put that records it. */
static void
test_spool(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) raw = g_bytes_new_static("From: a@b\r\n\r\nbody", 18);
	g_autofree char *path = g_build_filename(f->dir, "spool", "d7.eml",
	    NULL);
	g_autofree char *ahead = store_spool_write(f->store, "d7", raw,
	    &error);
	g_autofree char *put = NULL, *again = NULL;
	g_autoptr(GBytes) back = NULL;

	g_assert_no_error(error);
	g_assert_cmpstr(ahead, ==, "d7.eml");
	g_assert_false(f->store->spool_unsynced);
	put = store_spool_put(f->store, "d7", raw, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(put, ==, ahead);
	g_assert_true(f->store->spool_unsynced);
	back = store_spool_get(f->store, put, &error);
	g_assert_no_error(error);
	g_assert_true(g_bytes_equal(back, raw));
	g_clear_pointer(&back, g_bytes_unref);

	g_assert_true(g_file_set_contents(path, "From: a", -1, &error));
	again = store_spool_put(f->store, "d7", raw, &error);
	g_assert_no_error(error);
	back = store_spool_get(f->store, again, &error);
	g_assert_no_error(error);
	g_assert_true(g_bytes_equal(back, raw));
	g_assert_true(store_begin(f->store, &error));
	g_assert_true(store_commit(f->store, &error));
	g_assert_false(f->store->spool_unsynced);
}

static void
test_issue_numbering(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) msg = g_bytes_new_static("issue", 5);
	gint64 draft = store_draft_issue(f->store, &error);
	g_autoptr(GPtrArray) articles = NULL;
	int seq = 0;

	g_assert_cmpint(draft, >, 0);
	g_assert_cmpint(store_draft_issue(f->store, &error), ==, draft);
	struct article_row a1 = { "fgj", "T", "T", "B", "d1", { "张三" } };
	struct article_row a2 = { "xinhua", "T2", "T2", "B2", "d2" };
	struct article_row a3 = { "fgj", "T（修改稿）", "T", "B3", "d3" };
	char *ids[] = { NULL };
	gint64 first, found;
	int old_seq = 0;

	first = store_add_article(f->store, draft, 0, &a1, 0, &seq, &error);
	g_assert_cmpint(first, >, 0);
	g_assert_cmpint(seq, ==, 1);
	g_assert_cmpint(store_add_article(f->store, draft, 0, &a2, 0, &seq,
	    &error), >, 0);
	g_assert_cmpint(seq, ==, 2);
	/* A revision takes the place of the article with the same title. */
	found = store_find_revision(f->store, draft, "fgj", "T", ids, &old_seq,
	    &error);
	g_assert_cmpint(found, ==, first);
	g_assert_cmpint(old_seq, ==, 1);
	g_assert_cmpint(store_find_revision(f->store, draft, "xinhua", "T", ids,
	    &old_seq, &error), ==, 0);
	g_assert_true(store_set_article_replaced(f->store, first, &error));
	g_assert_cmpint(store_add_article(f->store, draft, 0, &a3, old_seq,
	    &seq, &error), >, 0);
	g_assert_cmpint(seq, ==, 1);
	g_assert_cmpint(store_find_same_article(f->store, "fgj", "d1", &error),
	    ==, first);
	g_assert_cmpint(store_find_same_article(f->store, "xinhua", "d1",
	    &error), ==, 0);
	articles = store_issue_articles(f->store, draft, &error);
	g_assert_cmpuint(articles->len, ==, 2);
	g_assert_cmpstr(((struct stored_article *)articles->pdata[0])->body,
	    ==, "B3");
	g_assert_cmpint(store_next_number(f->store, ISSUE_REGULAR, 2026, 1,
	    &error), ==, 1);
	g_assert_true(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 1,
	    0, "d", NULL, msg, "digest", &error));
	g_assert_cmpint(store_next_number(f->store, ISSUE_REGULAR, 2026, 1,
	    &error), ==, 2);
	/* Numbering restarts each year, and 增刊 are numbered apart. */
	g_assert_cmpint(store_next_number(f->store, ISSUE_REGULAR, 2027, 1,
	    &error), ==, 1);
	g_assert_cmpint(store_next_number(f->store, ISSUE_SUPPLEMENT, 2026, 1,
	    &error), ==, 1);
	/* Continuous numbering looks at every year. */
	g_assert_cmpint(store_next_number(f->store, ISSUE_REGULAR, 0, 1,
	    &error), ==, 2);
	g_assert_cmpint(store_draft_issue(f->store, &error), !=, draft);
	g_assert_false(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 2,
	    0, "d", NULL, msg, "digest", &error));
}

static void
test_bounce(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) msg = g_bytes_new_static("issue", 5);
	gint64 draft = store_draft_issue(f->store, &error);
	g_autoptr(GPtrArray) due = NULL;
	g_autoptr(GPtrArray) bounced = NULL;
	struct outgoing *o;

	g_assert_true(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 1,
	    0, "d", NULL, msg, "digest", &error));
	g_assert_true(store_queue_mail(f->store, "issue", draft, 1, "bao",
	    "leader1@x.test", NULL, &error));
	due = store_due_mail(f->store, G_MAXINT64, 0, 100, &error);
	o = due->pdata[0];
	/* Not yet sent: a report cannot bounce it. */
	g_assert_cmpint(store_mark_bounced(f->store, o->id, "leader1@x.test",
	    &error), ==, 0);
	g_assert_true(store_set_delivery(f->store, o->id, DELIVERY_IN_FLIGHT,
	    NULL, 0, &error));
	g_assert_true(store_set_delivery(f->store, o->id, DELIVERY_SENT,
	    "250 ok", 0, &error));
	/* A report naming another delivery or recipient changes nothing. */
	g_assert_cmpint(store_mark_bounced(f->store, o->id + 1,
	    "leader1@x.test", &error), ==, 0);
	g_assert_cmpint(store_mark_bounced(f->store, o->id, "leader2@x.test",
	    &error), ==, 0);
	g_assert_cmpint(store_mark_bounced(f->store, o->id, "Leader1@x.test",
	    &error), ==, 1);
	g_assert_cmpint(store_count_list_deliveries(f->store, draft, "bao",
	    DELIVERY_BOUNCED, &error), ==, 1);
	bounced = store_bounced_recipients(f->store, draft, &error);
	g_assert_cmpuint(bounced->len, ==, 1);
	g_assert_cmpstr(bounced->pdata[0], ==, "leader1@x.test");
}

/* Issue copies sent in one transaction: a report names its first row. */
static void
test_bounce_in_transaction(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) msg = g_bytes_new_static("issue", 5);
	gint64 draft = store_draft_issue(f->store, &error);
	const char *rcpts[] = { "a@x.test", "b@x.test", "c@x.test" };
	g_autoptr(GPtrArray) due = NULL;
	gint64 first;

	g_assert_true(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 1,
	    0, "d", NULL, msg, "digest", &error));
	for (guint i = 0; i < G_N_ELEMENTS(rcpts); i++)
		g_assert_true(store_queue_mail(f->store, "issue", draft, 1,
		    "bao", rcpts[i], NULL, &error));
	due = store_due_mail(f->store, G_MAXINT64, 0, 100, &error);
	g_assert_cmpuint(due->len, ==, 3);
	first = ((struct outgoing *)due->pdata[0])->id;
	/* a and b went in one transaction; c is still pending. */
	for (guint i = 0; i < 2; i++) {
		struct outgoing *o = due->pdata[i];
		g_assert_true(store_set_in_flight(f->store, o->id, first,
		    &error));
		g_assert_true(store_set_delivery(f->store, o->id,
		    DELIVERY_SENT, "250 ok", 0, &error));
	}
	g_assert_no_error(error);
	/* Only the envelope names the transaction, and only its rows. */
	g_assert_cmpint(store_mark_bounced(f->store, first + 1, "b@x.test",
	    &error), ==, 0);
	g_assert_cmpint(store_mark_bounced(f->store, first, "c@x.test",
	    &error), ==, 0);
	g_assert_cmpint(store_mark_bounced(f->store, first, "B@x.test",
	    &error), ==, 1);
	g_assert_cmpint(store_mark_bounced(f->store, first, "b@x.test",
	    &error), ==, 0);
	g_assert_cmpint(store_count_list_deliveries(f->store, draft, "bao",
	    DELIVERY_BOUNCED, &error), ==, 1);
	g_assert_cmpint(store_count_list_deliveries(f->store, draft, "bao",
	    DELIVERY_SENT, &error), ==, 1);
}

/* Due rows come in pages without bytes; each row's bytes on request. */
static void
test_due_pages(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) issue = g_bytes_new_static("issue", 5);
	g_autoptr(GBytes) receipt = g_bytes_new_static("receipt", 7);
	gint64 draft = store_draft_issue(f->store, &error);
	gint64 after = 0;
	guint pages = 0, rows = 0;

	g_assert_true(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 1,
	    0, "d", NULL, issue, "digest", &error));
	for (int i = 0; i < 5; i++) {
		g_autofree char *to = g_strdup_printf("m%d@x.test", i);
		g_assert_true(store_queue_mail(f->store, "issue", draft, 1,
		    "fa", to, NULL, &error));
	}
	g_assert_true(store_queue_mail(f->store, "receipt", 0, 0, NULL,
	    "u@x.test", receipt, &error));
	for (;;) {
		g_autoptr(GPtrArray) page = store_due_mail(f->store,
		    G_MAXINT64, after, 2, &error);
		g_assert_nonnull(page);
		if (page->len == 0)
			break;
		g_assert_cmpuint(page->len, <=, 2);
		for (guint i = 0; i < page->len; i++) {
			struct outgoing *o = page->pdata[i];
			g_autoptr(GBytes) m = store_delivery_message(f->store,
			    o->id, &error);
			g_assert_null(o->message);
			g_assert_cmpint(o->id, >, after);
			g_assert_true(g_bytes_equal(m, o->own_message ?
			    receipt : issue));
			g_assert_cmpint(o->own_message, ==,
			    g_strcmp0(o->kind, "receipt") == 0);
			rows++;
		}
		after = ((struct outgoing *)page->pdata[page->len - 1])->id;
		pages++;
	}
	g_assert_cmpuint(rows, ==, 6);
	g_assert_cmpuint(pages, ==, 3);
}

static void
test_ledger(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) msg = g_bytes_new_static("m", 1);
	g_autoptr(GPtrArray) due = NULL;
	g_autoptr(GPtrArray) again = NULL;
	struct outgoing *o;

	g_assert_true(store_queue_mail(f->store, "receipt", 0, 0, NULL, "a@x",
	    msg, &error));
	due = store_due_mail(f->store, G_MAXINT64, 0, 100, &error);
	g_assert_cmpuint(due->len, ==, 1);
	o = due->pdata[0];
	g_assert_cmpint(o->state, ==, DELIVERY_PENDING);
	g_assert_true(store_set_delivery(f->store, o->id, DELIVERY_IN_FLIGHT,
	    NULL, 0, &error));
	/* A crash now: the restart puts it back. */
	g_assert_cmpint(store_requeue_in_flight(f->store, &error), ==, 1);
	g_assert_true(store_set_delivery(f->store, o->id, DELIVERY_IN_FLIGHT,
	    NULL, 0, &error));
	g_assert_true(store_set_delivery(f->store, o->id, DELIVERY_DEFERRED,
	    "450 later", 5000, &error));
	g_assert_cmpint(store_next_due(f->store, &error), ==, 5000);
	again = store_due_mail(f->store, 4999, 0, 100, &error);
	g_assert_cmpuint(again->len, ==, 0);
}

/* A message of STATE from SENDER, recorded. */
static gint64
add_message(struct fixture *f, guint32 uid, const char *sender,
    enum message_state state, const char *reason, const char *unit)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *mid = g_strdup_printf("m%u@x", uid);
	g_autofree char *digest = g_strdup_printf("d%u", uid);
	struct message_row row = { 9, uid, mid, digest, sender, "subject",
	    state, reason, unit, "Filed", "spool" };
	gint64 id = store_add_message(f->store, &row, &error);

	g_assert_no_error(error);
	return id;
}

/* Every decision is in the audit, newest first, from what is stored. */
static void
test_audit(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) msg = g_bytes_new_static("issue", 5);
	gint64 draft = store_draft_issue(f->store, &error);
	struct article_row art = { "fgj", "聚焦企业关切", "k", "body", "bd" };
	struct command_row refused = { 0, "editor@x.test", "UNAUTHENTICATED",
	    NULL, "refused", "dmarc=fail" };
	struct command_row done = { 0, "editor@x.test", "HOLD", "2",
	    "done", NULL };
	g_autoptr(GPtrArray) audit = NULL;
	g_autoptr(GPtrArray) deliveries = NULL;
	g_autoptr(GString) kinds = g_string_new(NULL);
	const struct delivery_summary *d;
	const struct audit_entry *e;
	gint64 id;
	int seq;

	id = add_message(f, 1, "fgj@x.test", MESSAGE_FILED, "ok", "fgj");
	g_assert_cmpint(store_add_article(f->store, draft, id, &art, 0, &seq,
	    &error), >, 0);
	add_message(f, 2, "who@y.test", MESSAGE_QUARANTINED,
	    "sender is not registered", NULL);
	refused.message = add_message(f, 3, "editor@x.test",
	    MESSAGE_REFUSED, "dmarc=fail", NULL);
	g_assert_true(store_add_command(f->store, &refused, &error));
	done.message = add_message(f, 4, "editor@x.test", MESSAGE_COMMAND,
	    "command", NULL);
	g_assert_true(store_add_command(f->store, &done, &error));
	g_assert_true(store_issue_sent(f->store, draft, ISSUE_REGULAR, 2026, 3,
	    0, "d", NULL, msg, "digest", &error));
	g_assert_true(store_queue_mail(f->store, "issue", draft, 1, "bao",
	    "leader1@x.test", NULL, &error));
	deliveries = store_list_deliveries(f->store, 10, &error);
	d = deliveries->pdata[0];
	g_assert_true(store_set_delivery(f->store, d->id, DELIVERY_IN_FLIGHT,
	    NULL, 0, &error));
	g_assert_true(store_set_delivery(f->store, d->id, DELIVERY_SENT,
	    "250 ok", 0, &error));
	g_assert_cmpint(store_mark_bounced(f->store, d->id, "leader1@x.test",
	    &error), ==, 1);
	g_assert_no_error(error);

	audit = store_list_audit(f->store, 100, &error);
	g_assert_no_error(error);
	for (guint i = audit->len; i-- > 0;) {
		e = audit->pdata[i];
		g_string_append_printf(kinds, "%s ", e->kind);
	}
	/* the refused and the done command once each, not also as messages */
	g_assert_cmpstr(kinds->str, ==,
	    "filed quarantined refused command issued sent bounced ");
	e = audit->pdata[audit->len - 1];
	g_assert_cmpstr(e->what, ==, "fgj: 聚焦企业关切");
	g_assert_cmpstr(e->who, ==, "fgj@x.test");
	g_assert_cmpstr(e->message_id, ==, "m1@x");
	g_assert_cmpint(e->at, >, 0);
	e = audit->pdata[audit->len - 3];
	g_assert_cmpstr(e->what, ==, "UNAUTHENTICATED");
	g_assert_cmpstr(e->detail, ==, "refused: dmarc=fail");
	g_assert_cmpstr(e->message_id, ==, "m3@x");
	e = audit->pdata[audit->len - 4];
	g_assert_cmpstr(e->what, ==, "HOLD 2");
	e = audit->pdata[1];
	g_assert_cmpstr(e->kind, ==, "sent");
	g_assert_cmpstr(e->who, ==, "leader1@x.test");
	g_assert_cmpstr(e->what, ==, "issue");
	g_assert_cmpint(e->issue_number, ==, 3);
	g_assert_cmpstr(e->list, ==, "bao");

	/* the ledger row keeps its times and its issue's number */
	g_ptr_array_unref(g_steal_pointer(&deliveries));
	deliveries = store_list_deliveries(f->store, 10, &error);
	d = deliveries->pdata[0];
	g_assert_cmpstr(d->state, ==, "bounced");
	g_assert_cmpint(d->issue_number, ==, 3);
	g_assert_cmpint(d->issue_year, ==, 2026);
	g_assert_cmpstr(d->issue_kind, ==, "regular");
	g_assert_cmpint(d->queued, >, 0);
	g_assert_cmpint(d->attempted, >=, d->queued);
	g_assert_cmpint(d->sent, >=, d->attempted);
	g_assert_cmpint(d->ended, >=, d->sent);
	g_assert_cmpint(d->attempts, ==, 1);
}

/* bulletinctl opens only a store that exists and creates nothing. */
static void
test_open_existing(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *dir = g_build_filename(f->dir, "none", NULL);
	g_autofree char *db = g_build_filename(dir, "bulletind.db", NULL);
	g_autofree char *missing = NULL;
	struct store *s;

	s = store_open_existing(dir, &missing, &error);
	g_assert_null(s);
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE);
	g_assert_cmpstr(missing, ==, dir);
	g_assert_false(g_file_test(dir, G_FILE_TEST_EXISTS));
	g_clear_error(&error);
	g_clear_pointer(&missing, g_free);
	/* a directory without the database */
	g_assert_cmpint(g_mkdir(dir, 0700), ==, 0);
	g_assert_null(store_open_existing(dir, &missing, &error));
	g_assert_cmpstr(missing, ==, db);
	g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS));
	g_clear_error(&error);
	g_clear_pointer(&missing, g_free);
	/* the fixture's store opens */
	s = store_open_existing(f->dir, &missing, &error);
	g_assert_no_error(error);
	g_assert_nonnull(s);
	g_assert_null(missing);
	store_close(s);
}

/* A reused statement comes back reset; one SQL text in use twice at once
 * gets two statements. */
static void
test_statement_reuse(struct fixture *f, gconstpointer unused)
{
	sqlite3_stmt *a = store_prepare(f->store, "SELECT ?1", NULL);
	sqlite3_stmt *b = store_prepare(f->store, "SELECT ?1", NULL);
	sqlite3_stmt *c;

	g_assert_nonnull(a);
	g_assert_true(a != b);
	sqlite3_bind_int(a, 1, 1);
	sqlite3_bind_int(b, 1, 2);
	g_assert_cmpint(sqlite3_step(a), ==, SQLITE_ROW);
	g_assert_cmpint(sqlite3_step(b), ==, SQLITE_ROW);
	g_assert_cmpint(sqlite3_column_int(a, 0), ==, 1);
	g_assert_cmpint(sqlite3_column_int(b, 0), ==, 2);
	store_release(a);
	store_release(b);	/* one is kept already: finalized */
	c = store_prepare(f->store, "SELECT ?1", NULL);
	g_assert_true(c == a);
	g_assert_cmpint(sqlite3_step(c), ==, SQLITE_ROW);
	g_assert_cmpint(sqlite3_column_type(c, 0), ==, SQLITE_NULL);
	store_release(c);
}

/* 催稿 rounds: recorded once (a second record is an error, so that a
 * round cannot be sent twice); reminders belong to a recorded round. */
static void
test_reminder_rounds(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;

	g_assert_cmpint(store_round_recorded(f->store, 1000, 10, &error), ==,
	    0);
	g_assert_true(store_add_round(f->store, 1000, 10, ROUND_SENT, 990,
	    &error));
	g_assert_true(store_add_reminder(f->store, 1000, 10, "fgj", 990,
	    &error));
	g_assert_no_error(error);
	g_assert_cmpint(store_round_recorded(f->store, 1000, 10, &error), ==,
	    1);
	g_assert_cmpint(store_round_recorded(f->store, 1000, 20, &error), ==,
	    0);
	g_assert_cmpint(store_round_recorded(f->store, 2000, 10, &error), ==,
	    0);
	g_assert_false(store_add_round(f->store, 1000, 10, ROUND_SKIPPED, 995,
	    &error));
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE);
	g_clear_error(&error);
	g_assert_false(store_add_reminder(f->store, 1000, 10, "fgj", 995,
	    &error));
	g_clear_error(&error);
}

/* 约稿 parts: open until answered; open ones missed at the due time; a
 * unit's waiting parts are the open and the missed ones. */
static void
test_commissions(struct fixture *f, gconstpointer unused)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) waiting = NULL, all = NULL;
	gint64 id = store_add_commission(f->store, "一网通办", NULL, 5000,
	    "e@x.test", 1000, &error);

	g_assert_no_error(error);
	g_assert_cmpint(id, >, 0);
	g_assert_true(store_add_commission_unit(f->store, id, "a", "c.1@x",
	    &error));
	g_assert_true(store_add_commission_unit(f->store, id, "b", "c.2@x",
	    &error));
	g_assert_true(store_answer_commission(f->store, id, "a", "answered", 0,
	    2000, &error));
	g_assert_cmpint(store_miss_commissions(f->store, 4999, &error), ==, 0);
	g_assert_cmpint(store_miss_commissions(f->store, 5000, &error), ==, 1);
	waiting = store_commission_entries(f->store, "b", 0, &error);
	g_assert_cmpuint(waiting->len, ==, 1);
	g_assert_cmpstr(((struct commission_entry *)waiting->pdata[0])->state,
	    ==, "missed");
	g_ptr_array_unref(waiting);
	waiting = store_commission_entries(f->store, "a", 0, &error);
	g_assert_cmpuint(waiting->len, ==, 0);
	all = store_commission_entries(f->store, NULL, 4000, &error);
	g_assert_cmpuint(all->len, ==, 2);
	g_ptr_array_unref(all);
	all = store_commission_entries(f->store, NULL, 5000, &error);
	g_assert_cmpuint(all->len, ==, 0);
	g_assert_no_error(error);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/store/messages", struct fixture, NULL, setup,
	    test_messages, teardown);
	g_test_add("/store/spool", struct fixture, NULL, setup, test_spool,
	    teardown);
	g_test_add("/store/issue-numbering", struct fixture, NULL, setup,
	    test_issue_numbering, teardown);
	g_test_add("/store/ledger", struct fixture, NULL, setup, test_ledger,
	    teardown);
	g_test_add("/store/bounce", struct fixture, NULL, setup, test_bounce,
	    teardown);
	g_test_add("/store/bounce-in-transaction", struct fixture, NULL, setup,
	    test_bounce_in_transaction, teardown);
	g_test_add("/store/due-pages", struct fixture, NULL, setup,
	    test_due_pages, teardown);
	g_test_add("/store/audit", struct fixture, NULL, setup, test_audit,
	    teardown);
	g_test_add("/store/open-existing", struct fixture, NULL, setup,
	    test_open_existing, teardown);
	g_test_add("/store/statement-reuse", struct fixture, NULL, setup,
	    test_statement_reuse, teardown);
	g_test_add("/store/reminder-rounds", struct fixture, NULL, setup,
	    test_reminder_rounds, teardown);
	g_test_add("/store/commissions", struct fixture, NULL, setup,
	    test_commissions, teardown);
	return g_test_run();
}
