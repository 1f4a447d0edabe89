/*
 * Editors' commands, sent by mail or given to bulletinctl: the command word
 * starts the subject (after Re:/回复：), Chinese or English, arguments
 * follow on the subject line, multi-line content comes from the body's own
 * text.  One file per command (cmd-*.c), each exporting a struct cmd_entry
 * collected in command.c.  Every command gets one reply, to the editor's
 * registered address, and one line in the audit log.
 */
#ifndef BULLETIN_COMMAND_H
#define BULLETIN_COMMAND_H

#include "bulletin.h"
#include "message.h"

enum cmd_role {
	CMD_ANY_EDITOR,		/* anyone in editors */
	CMD_EDITOR,		/* role "editor" */
	CMD_SIGNER,		/* role "signer" (签发) */
};

struct cmd_request {
	struct bulletin		*b;
	const struct message	*m;
	const struct editor	*editor;
	const char		*args;	/* the subject after the word */
	GString			*reply;	/* the reply's text, filled by run */
	GPtrArray		*attachments;	/* struct attachment * for the
						   reply (CSV, preview) */
	const char		*refused;	/* why it was refused, or NULL */
	const struct cmd_entry	*entry;		/* what it runs, or NULL */
};

struct cmd_entry {
	const char	*zh;
	const char	*en;
	enum cmd_role	 role;
	gboolean	 edits_draft;	/* reported to the other editors */
	const char	*help;		/* Chinese: what it does, an example */
	/* FALSE with ERROR only when state could not be read or written. */
	gboolean	(*run)(struct cmd_request *req, GError **error);
	gboolean	 secret_args;	/* may hold a code: not echoed in the
					   reply's subject */
};

extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_preview_entry;
extern const struct cmd_entry cmd_drop_entry;
extern const struct cmd_entry cmd_hold_entry;
extern const struct cmd_entry cmd_restore_entry;
extern const struct cmd_entry cmd_order_entry;
extern const struct cmd_entry cmd_note_entry;
extern const struct cmd_entry cmd_clear_note_entry;
extern const struct cmd_entry cmd_accept_entry;
extern const struct cmd_entry cmd_finalize_entry;
extern const struct cmd_entry cmd_confirm_entry;
extern const struct cmd_entry cmd_signoff_reply_entry;	/* not in the table */
extern const struct cmd_entry cmd_reject_entry;
extern const struct cmd_entry cmd_resend_entry;
extern const struct cmd_entry cmd_stats_entry;
extern const struct cmd_entry cmd_adopt_entry;
extern const struct cmd_entry cmd_instruct_entry;
extern const struct cmd_entry cmd_deduct_entry;
extern const struct cmd_entry cmd_unscore_entry;
extern const struct cmd_entry cmd_commission_entry;

/* The command table, NULL-terminated (for HELP). */
extern const struct cmd_entry *const command_table[];

/* The STATUS report of the draft (shared with bulletinctl). */
gboolean status_report(struct bulletin *b, GString *out, GError **error);

/*
 * Execute the command in M (recorded as message MESSAGE) from EDITOR and
 * queue the reply.  Runs inside the caller's transaction; FALSE with ERROR
 * means roll back.
 */
gboolean command_execute(struct bulletin *b, const struct message *m,
    gint64 message, const struct editor *editor, GError **error);

/*
 * The same for bulletinctl: SUBJECT and BODY as if EDITOR had mailed them;
 * the reply goes to OUT instead of the mailbox.  Runs its own transaction.
 */
gboolean command_run_local(struct bulletin *b, const struct editor *editor,
    const char *subject, const char *body, GString *out, GError **error);

/* Helpers for the commands. */

/* Whole numbers in ARGS ("3 1 2", "3，1，2"); FALSE if anything else. */
gboolean cmd_parse_numbers(const char *args, GArray *numbers);

/* Refuse: set the reason for the audit log and tell the editor. */
void cmd_refuse(struct cmd_request *req, const char *reason,
    const char *text);

/* Move the numbered articles in REQ's args from FROM (a comma-separated
 * list of states) to TO, reporting each with VERB. */
gboolean cmd_change_articles(struct cmd_request *req, const char *from,
    const char *to, const char *verb, GError **error);

/* Void S's draft's pending codes and send the draft back to the editors
 * with the signer's words (code_mask()ed). */
struct signoff;
gboolean cmd_send_back(struct cmd_request *req, const struct signoff *s,
    GError **error);

/* The body's own text: quotes and signatures removed. */
char *cmd_body_text(const struct cmd_request *req);

/* Its first line (the signer's answer), "" if none. */
char *cmd_first_line(const struct cmd_request *req);

/* ---- shared by the 信息考核 commands (cmd-score.c) ---------------------- */

/* ARGS split at spaces (the ideographic one too) into at most MAX words,
 * the last holding the rest (g_strfreev). */
char **cmd_words(const char *args, int max);

/* An article as an editor names it. */
struct cmd_article {
	gint64		 id;
	char		*unit;		/* unit code */
	char		*title;
	char		*label;		/* "2026年第3期第2篇", "草稿第2篇" */
};

void cmd_article_clear(struct cmd_article *a);

/* The article WORD names: "3-2" (this year's 第3期第2篇), "2025-3-2",
 * or "2" (the draft's); 1 if found, 0 if not (A cleared), -1 on error. */
int cmd_find_article(struct cmd_request *req, const char *word,
    struct cmd_article *a, GError **error);

/* Refuse: no article WORD; USAGE follows the explanation. */
void cmd_refuse_article(struct cmd_request *req, const char *word,
    const char *usage);

/* Refuse: WORD is none of RULES (a kind of rule named WHAT). */
void cmd_refuse_rule(struct cmd_request *req, const GPtrArray *rules,
    const char *word, const char *what, const char *usage);

/* Record ROW (editor and time filled in here) and reply with WHAT and
 * how to undo it. */
struct score_event_row;
gboolean cmd_record_score(struct cmd_request *req,
    struct score_event_row *row, const char *what, GError **error);

#endif
