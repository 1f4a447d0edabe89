/*
 * Editors' commands, sent by mail: the command word starts the subject
 * (after Re:/回复：), Chinese or English.  One file per command
 * (cmd-*.c), each exporting a struct cmd_entry collected in command.c.
 * Every command gets one reply, to the editor's registered address.
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
};

struct cmd_entry {
	const char	*zh;
	const char	*en;
	enum cmd_role	 role;
	const char	*help;		/* one line, Chinese */
	/* FALSE with ERROR only when state could not be read or written. */
	gboolean	(*run)(struct cmd_request *req, GError **error);
};

extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_finalize_entry;
extern const struct cmd_entry cmd_confirm_entry;

/* The STATUS report of the draft (shared with bulletinctl). */
gboolean status_report(struct bulletin *b, GString *out, GError **error);

/*
 * Execute the command in M from EDITOR and queue the reply.  Runs inside
 * the caller's transaction; FALSE with ERROR means roll back.
 */
gboolean command_execute(struct bulletin *b, const struct message *m,
    const struct editor *editor, GError **error);

#endif
