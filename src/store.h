/*
 * The store: the daemon's only writer of state.  An SQLite database (WAL)
 * and a spool of raw messages under the state directory.
 *
 * Only store*.c see sqlite3.  Every step that changes state runs inside
 * store_begin() … store_commit(); a failed step is rolled back with
 * store_rollback().  Returned structs and strings belong to the caller and
 * are freed with the matching *_free function (NULL-tolerant).
 */
#ifndef BULLETIN_STORE_H
#define BULLETIN_STORE_H

#include <glib.h>

struct store;

/* Open (creating and migrating) the store in DIR. */
struct store *store_open(const char *dir, GError **error);

/*
 * Open (and migrate) the store in DIR only if its database exists,
 * creating nothing: for bulletinctl, which must not leave an empty state
 * behind under a wrong configuration.  A missing DIR or database is a
 * BULLETIN_ERROR_STATE error; *missing_r (may be NULL) is set to the path
 * that is missing, NULL otherwise (caller frees).
 */
struct store *store_open_existing(const char *dir, char **missing_r,
    GError **error);
void store_close(struct store *store);

gboolean store_begin(struct store *store, GError **error);
gboolean store_commit(struct store *store, GError **error);
void store_rollback(struct store *store);

/* ---- raw messages ------------------------------------------------------ */

/* The one recorded outcome of a message. */
enum message_state {
	MESSAGE_FILED,		/* became an article */
	MESSAGE_DUPLICATE,	/* seen before: recorded, ignored */
	MESSAGE_QUARANTINED,	/* unknown sender or unreadable */
	MESSAGE_IGNORED,	/* auto-reply, bounce, our own mail */
	MESSAGE_COMMAND,	/* an editor's command, executed */
	MESSAGE_REPLACED,	/* a revision: replaced an earlier article */
	MESSAGE_HELD,		/* classified, or needs conversion */
	MESSAGE_REFUSED,	/* a command from an unproven sender */
};

const char *message_state_name(enum message_state state);

struct message_row {
	guint32		 uidvalidity;
	guint32		 uid;
	const char	*message_id;	/* may be NULL */
	const char	*digest;	/* SHA-256 of the raw bytes, hex */
	const char	*sender;
	const char	*subject;
	enum message_state state;
	const char	*reason;
	const char	*unit;		/* unit code or NULL */
	const char	*folder;	/* server folder it belongs in */
	const char	*spool;		/* spool file name */
	const char	*auth;		/* "pass", "fail", "none" or NULL */
	const char	*auth_evidence;
	gint64		 received;	/* unix time; 0: now (a fixture's
					   month is set here) */
};

/*
 * Was (UIDVALIDITY, UID) recorded?  If so, *folder_r gets the folder it
 * belongs in (caller frees).
 */
gboolean store_knows_uid(struct store *store, guint32 uidvalidity,
    guint32 uid, char **folder_r, GError **error);

/* Id of an earlier message with this Message-ID or digest, or 0. */
gint64 store_find_same_message(struct store *store, const char *message_id,
    const char *digest, GError **error);

/* Write RAW to the spool; returns the spool file name.  The file is
 * durable before the next store_commit returns (one flush per commit,
 * not one per file), so a row naming it never outlives it in a crash. */
char *store_spool_put(struct store *store, const char *digest, GBytes *raw,
    GError **error);

/* The same write, taken into no commit: it touches nothing of STORE but
 * the spool, so another thread may spool ahead of the one that records;
 * store_spool_put of the same bytes then finds the file written. */
char *store_spool_write(struct store *store, const char *digest, GBytes *raw,
    GError **error);

gint64 store_add_message(struct store *store, const struct message_row *row,
    GError **error);

struct message_summary {
	gint64		 id;
	guint32		 uid;
	char		*state;
	char		*reason;
	char		*sender;
	char		*subject;
	char		*unit;
	char		*title;		/* its article's title, or NULL */
	char		*message_id;	/* Message-ID, or NULL */
	gint64		 received;	/* unix time */
};

void message_summary_free(struct message_summary *s);

/* When the last issue was sent (unix time), 0 if none was. */
gint64 store_last_sent_at(struct store *store, GError **error);

/* The LIMIT most recent messages, newest first (struct message_summary *). */
GPtrArray *store_list_messages(struct store *store, int limit,
    GError **error);

/* ---- issues and articles ----------------------------------------------- */

enum issue_kind {
	ISSUE_REGULAR,		/* 第N期 */
	ISSUE_SUPPLEMENT,	/* 增刊第N期, numbered apart */
};

const char *issue_kind_name(enum issue_kind kind);
enum issue_kind issue_kind_parse(const char *name);

struct stored_article {
	gint64		 id;
	int		 seq;		/* number within its issue */
	char		*unit;		/* unit code */
	char		*title;
	char		*body;
	char		*fields[3];	/* 审签, 执笔, 电话 (article.h order) */
	gboolean	 unverified;	/* our server did not vouch for its
					   sender */
};

void stored_article_free(struct stored_article *a);

struct stored_image {
	char		*name;
	char		*content_type;
	GBytes		*data;
};

void stored_image_free(struct stored_image *img);

/* The PNG and JPEG pictures that came with article ID, in order. */
GPtrArray *store_article_images(struct store *store, gint64 article,
    GError **error);

/* What a sent issue was: kind, year, number, 总第N期 (0), date, note
 * and 本期增发 (NULL if none); strings for the caller to free.  FALSE if
 * not sent. */
gboolean store_issue_info(struct store *store, gint64 issue,
    enum issue_kind *kind_r, int *year_r, int *number_r, int *total_r,
    char **date_r, char **note_r, char **extra_r, GError **error);

/* An article to file; strings are borrowed. */
struct article_row {
	const char	*unit;
	const char	*title;
	const char	*title_key;	/* article_title_key(title) */
	const char	*body;
	const char	*digest;	/* of the body */
	const char	*fields[3];
	gboolean	 held;		/* kept out of the draft */
	gint64		 replaces;	/* the article a revision replaces */
};

/* The current draft issue's id, creating the draft if there is none. */
gint64 store_draft_issue(struct store *store, GError **error);

/*
 * File ROW in ISSUE from MESSAGE as number SEQ (0: the next free number),
 * in the place of ROW->replaces if set; *seq_r gets the number.  Returns
 * the article id, 0 on error.
 */
gint64 store_add_article(struct store *store, gint64 issue, gint64 message,
    const struct article_row *row, int seq, int *seq_r, GError **error);

/*
 * The filed article of UNIT in ISSUE that a revision replaces: the one
 * with TITLE_KEY, or the one filed from a message whose Message-ID is in
 * IDS (NULL-terminated).  Its id (and *seq_r), 0 if none, -1 on error.
 */
gint64 store_find_revision(struct store *store, gint64 issue,
    const char *unit, const char *title_key, char **ids, int *seq_r,
    GError **error);

/* An article of UNIT with this body digest, ever: its id, 0 or -1. */
gint64 store_find_same_article(struct store *store, const char *unit,
    const char *digest, GError **error);

/* Mark article ID replaced by a revision (kept as history). */
gboolean store_set_article_replaced(struct store *store, gint64 id,
    GError **error);

/* Keep an attachment of MESSAGE (bytes to the spool). */
gboolean store_add_attachment(struct store *store, gint64 message,
    const char *name, const char *content_type, GBytes *data,
    GError **error);

/* Articles of ISSUE in order (struct stored_article *). */
GPtrArray *store_issue_articles(struct store *store, gint64 issue,
    GError **error);

/* The number the next issue of KIND in YEAR (0: in any year) gets
 * (FIRST if none was). */
int store_next_number(struct store *store, enum issue_kind kind, int year,
    int first, GError **error);

/* How many issues of any kind were sent before. */
int store_count_sent(struct store *store, GError **error);

/* Record ISSUE as sent: kind, number, 总第N期 (0: none), date, the
 * recipients it adds (本期增发, printed; NULL if none), the exact message
 * and the digest it was signed off with. */
gboolean store_issue_sent(struct store *store, gint64 issue,
    enum issue_kind kind, int year, int number, int total, const char *date,
    const char *extra, GBytes *message, const char *digest, GError **error);

/* Move ISSUE's deferred (缓发) articles into the draft NEXT. */
gboolean store_carry_deferred(struct store *store, gint64 issue, gint64 next,
    GError **error);

/*
 * Change the state of article SEQ of ISSUE from one of FROM (a
 * comma-separated list such as "filed,deferred") to TO.  Returns the number
 * of articles changed (0 or 1), -1 on error.
 */
int store_set_article_state(struct store *store, gint64 issue, int seq,
    const char *from, const char *to, GError **error);

/* Put the articles SEQS (N of them) first, in that order. */
gboolean store_order_articles(struct store *store, gint64 issue,
    const int *seqs, int n, GError **error);

/* The 编者按 of ISSUE (NULL when none); set it (NULL clears). */
char *store_issue_note(struct store *store, gint64 issue, GError **error);
gboolean store_set_issue_note(struct store *store, gint64 issue,
    const char *note, GError **error);

/* Articles of ISSUE in STATE ("deferred", "dropped" …), by number. */
GPtrArray *store_issue_articles_in(struct store *store, gint64 issue,
    const char *state, GError **error);

/* The id of sent issue NUMBER of KIND in YEAR, or 0. */
gint64 store_find_issue(struct store *store, enum issue_kind kind, int year,
    int number, GError **error);

/* The last sent issue: id (0 if none), kind, year, number, date (freed
 * by the caller) and its digest. */
gint64 store_last_issue(struct store *store, enum issue_kind *kind_r,
    int *year_r, int *number_r, char **date_r, GError **error);

/* The sent message of ISSUE, or NULL. */
GBytes *store_issue_message(struct store *store, gint64 issue,
    GError **error);

/* ---- sign-off codes ---------------------------------------------------- */

struct signoff {
	gint64		 id;
	char		*command;	/* "finalize" or "resend" */
	enum issue_kind	 kind;
	char		*target;	/* resend: an address or list; or NULL */
	gint64		 issue;
	int		 year;
	int		 number;
	char		*date;		/* as printed in the masthead */
	char		*digest;	/* of the rendered issue */
	char		*approver;
	char		*nonce;
	gint64		 expires;	/* unix time */
	gboolean	 used;
	gboolean	 voided;	/* the draft was sent back (驳回) */
};

void signoff_free(struct signoff *s);

/* Record S; CODE_HASH is a digest of the code (the code is not stored). */
gint64 store_add_signoff(struct store *store, const struct signoff *s,
    const char *code_hash, GError **error);

/* The sign-off whose code hashes to CODE_HASH, or NULL (no error). */
struct signoff *store_find_signoff(struct store *store, const char *code_hash,
    GError **error);

/* The sign-off whose request carried NONCE in its Message-ID, or NULL. */
struct signoff *store_find_signoff_by_nonce(struct store *store,
    const char *nonce, GError **error);

/* APPROVER's newest unused, unexpired, unvoided sign-off, or NULL. */
struct signoff *store_pending_signoff(struct store *store,
    const char *approver, gint64 now, GError **error);

/* Void the unused sign-offs of ISSUE; how many, or -1 with ERROR. */
int store_void_signoffs(struct store *store, gint64 issue, GError **error);

/* Mark a sign-off used; FALSE (no error) if it already was. */
gboolean store_use_signoff(struct store *store, gint64 id, GError **error);

/* ---- outgoing mail ledger ---------------------------------------------- */

enum delivery_state {
	DELIVERY_PENDING,
	DELIVERY_IN_FLIGHT,	/* handed to SMTP; outcome not recorded */
	DELIVERY_SENT,
	DELIVERY_DEFERRED,	/* 4xx or server down: retry later */
	DELIVERY_FAILED,	/* 5xx or gave up: editors told */
	DELIVERY_BOUNCED,	/* accepted, then a delivery report came */
};

const char *delivery_state_name(enum delivery_state state);

struct outgoing {
	gint64		 id;
	char		*kind;		/* "issue", "receipt", "notice", … */
	gint64		 issue;		/* 0 unless kind is "issue" */
	char		*list;		/* "bao"/"fa" for issues */
	char		*recipient;
	GBytes		*message;	/* CRLF MIME bytes, or NULL (not loaded) */
	gboolean	 own_message;	/* the row has bytes of its own, not
					   its issue's */
	int		 attempts;
	gint64		 created;
	enum delivery_state state;
	char		*reply;		/* last server reply, or NULL */
};

void outgoing_free(struct outgoing *o);

/*
 * Queue MESSAGE to RECIPIENT.  For kind "issue", MESSAGE is NULL and the
 * issue's sent message is used; a recipient gets an issue at most once
 * per BATCH (the sign-off that sent it).
 */
gboolean store_queue_mail(struct store *store, const char *kind,
    gint64 issue, gint64 batch, const char *list, const char *recipient,
    GBytes *message, GError **error);

/* Deliveries of ISSUE for LIST in STATE (all lists when LIST is NULL). */
int store_count_list_deliveries(struct store *store, gint64 issue,
    const char *list, enum delivery_state state, GError **error);

/* Recipients whose copy of ISSUE bounced (char *). */
GPtrArray *store_bounced_recipients(struct store *store, gint64 issue,
    GError **error);

/*
 * Up to LIMIT mails due at NOW (pending, or deferred and due) with ids
 * above AFTER, oldest first, without their bytes (o->message is NULL;
 * see store_delivery_message): page through with the last id seen.
 */
GPtrArray *store_due_mail(struct store *store, gint64 now, gint64 after,
    int limit, GError **error);

/* The bytes delivery ID sends: its own, or else its issue's message.
 * Load once per source and share: every copy of an issue is the same. */
GBytes *store_delivery_message(struct store *store, gint64 id,
    GError **error);

/* Earliest time a deferred mail is due, or 0 if none waits. */
gint64 store_next_due(struct store *store, GError **error);

/* Move a delivery to STATE, checking the transition; logs old → new. */
gboolean store_set_delivery(struct store *store, gint64 id,
    enum delivery_state state, const char *reply, gint64 next_attempt,
    GError **error);

/*
 * Move delivery ID in flight in a transaction whose return path carries
 * ENVELOPE (the id of the transaction's first delivery), so that a report
 * to that return path finds the copies sent in it.
 */
gboolean store_set_in_flight(struct store *store, gint64 id, gint64 envelope,
    GError **error);

/* A delivery report names ENVELOPE (our VERP return path) and RECIPIENT:
 * the issue copy sent to RECIPIENT in that transaction bounced.  Returns
 * the number of rows marked (0 or 1), -1 on error. */
int store_mark_bounced(struct store *store, gint64 envelope,
    const char *recipient, GError **error);

/* After a crash: in-flight deliveries go back to pending.  Returns count. */
int store_requeue_in_flight(struct store *store, GError **error);

/* A ledger row as bulletinctl lists it; times are unix times, 0 if
 * not (yet) known. */
struct delivery_summary {
	gint64		 id;
	char		*kind;		/* "issue", "receipt", "notice", … */
	gint64		 issue;		/* 0 unless an issue */
	char		*issue_kind;	/* "regular"/"supplement", or NULL */
	int		 issue_year;
	int		 issue_number;	/* 第N期, 0 if none */
	char		*list;		/* "bao"/"fa"/… for issues, or NULL */
	char		*recipient;
	char		*state;		/* delivery_state_name() */
	int		 attempts;
	gint64		 queued;
	gint64		 attempted;	/* the last attempt */
	gint64		 sent;		/* accepted by the server */
	gint64		 ended;		/* bounced or failed (given up) */
	char		*reply;		/* last server reply, or NULL */
};

void delivery_summary_free(struct delivery_summary *d);

/* The LIMIT most recent ledger rows, newest first
 * (struct delivery_summary *). */
GPtrArray *store_list_deliveries(struct store *store, int limit,
    GError **error);


/* ---- the audit log of commands ----------------------------------------- */

struct command_row {
	gint64		 message;
	const char	*sender;
	const char	*command;
	const char	*args;
	const char	*decision;	/* "done", "refused", "help" */
	const char	*reason;
};

gboolean store_add_command(struct store *store, const struct command_row *row,
    GError **error);

/*
 * One decision of the daemon's, as the audit lists it, built from the
 * records the store keeps anyway: each message's outcome (filed,
 * replaced, held, quarantined, duplicate, ignored), each command (done,
 * help or refused), each issue sent, each delivery sent, bounced or
 * failed (given up).
 */
struct audit_entry {
	gint64		 at;		/* unix time */
	char		*kind;		/* "filed", …, "command", "refused",
					   "issued", "sent", "bounced",
					   "failed" */
	char		*who;		/* sender or recipient, or NULL */
	char		*what;		/* "UNIT: title", subject, command
					   words, or the mail's kind */
	char		*detail;	/* reason, decision or server reply */
	char		*message_id;	/* the mail decided on, or NULL */
	/* for issues and their copies: */
	char		*issue_kind;	/* "regular"/"supplement", or NULL */
	int		 issue_year;
	int		 issue_number;	/* 0 if none */
	char		*list;
};

void audit_entry_free(struct audit_entry *e);

/* The LIMIT most recent decisions, newest first (struct audit_entry *). */
GPtrArray *store_list_audit(struct store *store, int limit, GError **error);

/* ---- archives of sent issues (store-archive.c) -------------------------- */

/* A raw mail an article of a sent issue came from: the printed one and
 * each revision it replaced. */
struct archive_source {
	int		 seq;		/* the printed article's number */
	int		 revision;	/* 1: the first received, … */
	gboolean	 printed;	/* the revision that was printed */
	char		*unit;
	char		*title;		/* as this revision had it */
	char		*sender;
	char		*message_id;	/* or NULL */
	char		*spool;		/* spool file name */
	char		*digest;	/* SHA-256 of the raw bytes, hex */
	gint64		 received;	/* unix time */
};

void archive_source_free(struct archive_source *s);

/* Sources of ISSUE's printed articles in print order, each article's
 * revisions oldest first (struct archive_source *). */
GPtrArray *store_issue_sources(struct store *store, gint64 issue,
    GError **error);

/* Who signed sent ISSUE off, when, and with what. */
struct archive_signoff {
	gint64		 batch;		/* the sign-off's id: its deliveries */
	char		*approver;
	gint64		 signed_at;	/* unix time the issue was sent */
	char		*code_hash;	/* digest of the code (never the code) */
	char		*digest;	/* the rendered issue's, as signed */
	char		*reply_spool;	/* the signer's mail, or NULL (local) */
	char		*reply_message_id;
	char		*reply_command;	/* "CONFIRM" or "SIGNOFF-REPLY" */
};

void archive_signoff_free(struct archive_signoff *s);

/* The sign-off that sent ISSUE, or NULL (ERROR set on a store failure,
 * a BULLETIN_ERROR_STATE one when there is none). */
struct archive_signoff *store_issue_signoff(struct store *store,
    gint64 issue, GError **error);

/* ISSUE's copies, oldest first; only those of BATCH unless it is 0
 * (struct delivery_summary *). */
GPtrArray *store_issue_deliveries(struct store *store, gint64 issue,
    gint64 batch, GError **error);

/* Sent issues without an archive, oldest first (gint64 ids). */
GArray *store_unarchived_issues(struct store *store, GError **error);

/* Record ISSUE's archive NAME and the SHA-256 of its manifest. */
gboolean store_add_archive(struct store *store, gint64 issue,
    const char *name, const char *manifest, GError **error);

/* The manifest digest of ISSUE's archive (*name_r its name, may be
 * NULL), or NULL with no error when it has none. */
char *store_archive_manifest(struct store *store, gint64 issue,
    char **name_r, GError **error);

/* Every archived issue, oldest first (gint64 ids). */
GArray *store_archived_issues(struct store *store, GError **error);

/* ---- quarantine and statistics ------------------------------------------ */

/* Message ID's state, unit and spool name; FALSE if there is none. */
gboolean store_get_message(struct store *store, gint64 id, char **state_r,
    char **spool_r, GError **error);

/* Read a spool file. */
GBytes *store_spool_get(struct store *store, const char *name,
    GError **error);

/* Record a new state for message ID (采用 of a quarantined mail). */
gboolean store_set_message_state(struct store *store, gint64 id,
    enum message_state state, const char *reason, const char *unit,
    GError **error);

struct unit_stats {
	char	*unit;
	int	 submitted;	/* articles received in the period */
	int	 adopted;	/* of those, printed in a sent issue */
};

void unit_stats_free(struct unit_stats *s);

/* Per unit, for messages received in [FROM, TO) (unix times). */
GPtrArray *store_unit_stats(struct store *store, gint64 from, gint64 to,
    GError **error);

/* ---- 信息考核 ------------------------------------------------------------ */

enum score_kind {
	SCORE_ADOPTION,		/* 上报采用: adopted by an outlet higher up */
	SCORE_INSTRUCTION,	/* 批示 by a leader */
	SCORE_DEDUCTION,	/* 扣分 for a reason */
};

const char *score_kind_name(enum score_kind kind);

/* An event to record; strings are borrowed. */
struct score_event_row {
	enum score_kind	 kind;
	const char	*unit;		/* unit code */
	gint64		 article;	/* 0: the unit as a whole (扣分) */
	const char	*name;		/* outlet, leader level or reason */
	int		 points;	/* under the rules of the day */
	const char	*note;		/* may be NULL */
	const char	*editor;	/* address */
	gint64		 at;		/* unix time it counts at when it
					   names no article */
};

/* Record ROW; its id, 0 on error. */
gint64 store_add_score_event(struct store *store,
    const struct score_event_row *row, GError **error);

/*
 * Undo event ID at AT (kept, marked undone).  1 if undone, 0 if there
 * is no such event or it was undone before, -1 on error.  *what_r gets
 * "kind name unit" of the event (caller frees; NULL if none).
 */
int store_undo_score_event(struct store *store, gint64 id, gint64 at,
    char **what_r, GError **error);

/* Events of KIND for ARTICLE named NAME not undone: how many, or -1. */
int store_count_score_events(struct store *store, enum score_kind kind,
    gint64 article, const char *name, GError **error);

/* An article as editors refer to it: its id, unit and title (caller
 * frees).  ISSUE is the issue's id; SEQ its number there. */
gint64 store_article_by_seq(struct store *store, gint64 issue, int seq,
    char **unit_r, char **title_r, GError **error);

/* One fact the 通报 is reckoned from. */
struct score_fact {
	char		*kind;		/* "submitted", "printed" (本刊采用),
					   or a score_kind_name() */
	char		*unit;
	gint64		 article;	/* 0 if none */
	gint64		 at;		/* the article's receipt, or the
					   event's time */
	char		*name;		/* outlet/level/reason, or NULL */
	int		 points;
};

void score_fact_free(struct score_fact *f);

/*
 * The facts of [FROM, TO) (unix times), in time order: each article
 * received (not a replaced revision), each printed in a sent issue, and
 * each event not undone.  Events naming an article count when the
 * article was received, so an article and its adoptions stay in one
 * period (struct score_fact *).
 */
GPtrArray *store_score_facts(struct store *store, gint64 from, gint64 to,
    GError **error);

/* Per unit code, the 约稿 due in [FROM, TO) that it answered late or not at
 * all (GINT_TO_POINTER counts; caller unrefs), or NULL with ERROR. */
GHashTable *store_commission_misses(struct store *store, gint64 from,
    gint64 to, GError **error);

/* ---- 催稿 rounds ----------------------------------------------------------- */

enum round_state {
	ROUND_SENT,		/* the silent units were reminded */
	ROUND_SKIPPED,		/* missed while the daemon was down */
};

const char *round_state_name(enum round_state state);

/* Whether the monthly 通报 of MONTH ("2026-11") was sent to the editors:
 * 1 yes, 0 no, -1 with ERROR. */
int store_monthly_report_sent(struct store *store, const char *month,
    GError **error);

/* Record it sent at AT; FALSE with ERROR, also when it was already. */
gboolean store_add_monthly_report(struct store *store, const char *month,
    gint64 at, GError **error);

/* Whether the round LEAD seconds before DEADLINE (unix times) is
 * recorded: 1 yes, 0 no, -1 with ERROR. */
int store_round_recorded(struct store *store, gint64 deadline, gint64 lead,
    GError **error);

/* Record that round as STATE at AT; FALSE with ERROR, also when it was
 * recorded already (the caller's transaction then rolls back). */
gboolean store_add_round(struct store *store, gint64 deadline, gint64 lead,
    enum round_state state, gint64 at, GError **error);

/* The codes (char *) of the units with an article of any state in
 * ISSUE: they sent something for it.  NULL with ERROR. */
GPtrArray *store_issue_units(struct store *store, gint64 issue,
    GError **error);

/* Record that the round reminded UNIT (a code) at AT. */
gboolean store_add_reminder(struct store *store, gint64 deadline, gint64 lead,
    const char *unit, gint64 at, GError **error);

/* ---- 约稿 ------------------------------------------------------------------ */

/* Record a commission asked by EDITOR at AT; its id, 0 with ERROR. */
gint64 store_add_commission(struct store *store, const char *topic,
    const char *requirements, gint64 due, const char *editor, gint64 at,
    GError **error);

/* Record that commission ID was sent to UNIT in MESSAGE_ID (no <>). */
gboolean store_add_commission_unit(struct store *store, gint64 id,
    const char *unit, const char *message_id, GError **error);

/* One unit's part of a commission. */
struct commission_entry {
	gint64		 commission;
	char		*topic;
	gint64		 due;		/* unix time */
	char		*unit;		/* unit code */
	char		*message_id;	/* of the 约稿通知, no <> */
	char		*state;		/* open, answered, late, missed */
	gint64		 answered_at;	/* 0 if not */
};

void commission_entry_free(struct commission_entry *e);

/* UNIT's entries still waiting for an article (open or missed), or, when
 * UNIT is NULL, every entry of the commissions due after SINCE; oldest
 * first.  NULL with ERROR. */
GPtrArray *store_commission_entries(struct store *store, const char *unit,
    gint64 since, GError **error);

/* UNIT's part of commission ID: STATE, by ARTICLE (0: none) at AT. */
gboolean store_answer_commission(struct store *store, gint64 id,
    const char *unit, const char *state, gint64 article, gint64 at,
    GError **error);

/* Every entry of the commissions due at or before NOW that have parts
 * still open, oldest first; NULL with ERROR. */
GPtrArray *store_overdue_commissions(struct store *store, gint64 now,
    GError **error);

/* Open entries whose commission was due before NOW become missed; how
 * many, -1 with ERROR. */
int store_miss_commissions(struct store *store, gint64 now, GError **error);
#endif
