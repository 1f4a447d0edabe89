/*
 * What a received message is, decided from its headers and the config
 * alone.  Pure: no I/O, nothing stored.
 */
#ifndef BULLETIN_CLASSIFY_H
#define BULLETIN_CLASSIFY_H

#include "config.h"
#include "message.h"

enum message_class {
	CLASS_CONTRIBUTION,	/* from a registered unit address */
	CLASS_COMMAND,		/* from a registered editor */
	CLASS_AUTOREPLY,	/* RFC 3834 auto-reply, list or bulk mail */
	CLASS_BOUNCE,		/* delivery report */
	CLASS_OWN,		/* our own outgoing mail come back */
	CLASS_UNKNOWN,		/* anyone else: quarantine */
};

const char *message_class_name(enum message_class class);

/*
 * Classify M.  *reason_r gets a static English reason.  For a contribution
 * *unit_r is the sender's unit, for a command *editor_r the editor
 * (borrowed from CONFIG); either may be NULL.
 */
enum message_class classify_message(const struct config *config,
    const struct message *m, const char **reason_r,
    const struct unit **unit_r, const struct editor **editor_r);

#endif
