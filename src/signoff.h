/*
 * Sign-off requests (签发): what sends to a list or takes an issue number
 * is confirmed by a 签发 holder with a code that only their registered
 * mailbox receives, bound to the exact message they are shown.
 */
#ifndef BULLETIN_SIGNOFF_H
#define BULLETIN_SIGNOFF_H

#include "command.h"

/*
 * Send each 签发 holder their own code for TEMPLATE (command, kind,
 * target, issue, year, number, date and digest filled in by the caller)
 * with PREVIEW, the exact message to approve, attached.  WHAT names the
 * request in Chinese ("第3期", "第3期重发").  The reply lists the signers.
 */
gboolean signoff_request(struct cmd_request *req,
    const struct signoff *template, GBytes *preview, const char *what,
    GError **error);

/*
 * The sign-off REQ answers: the one a code in the subject or the first
 * own line names (checked against the key; *written_r set), else the
 * request it replies to (matched by the nonce in its Message-ID, which
 * carries no code).  NULL with REQ refused if there is none.
 */
struct signoff *signoff_from_request(struct cmd_request *req,
    gboolean *written_r, GError **error);

/* Does M reply to a sign-off request? */
gboolean signoff_is_reply(const struct message *m);

#endif
