/*
 * What bulletind would do with a message, decided from its bytes and the
 * config alone: limits, parsing, classification and the article.  The
 * daemon's ingest adds what only the store knows (duplicates, revisions);
 * `bulletinctl inspect` shows a verdict as it is.  Pure; the caller owns
 * the verdict and frees it with verdict_free().
 */
#ifndef BULLETIN_VERDICT_H
#define BULLETIN_VERDICT_H

#include "article.h"
#include "authentic.h"
#include "classify.h"
#include "config.h"
#include "message.h"
#include "store.h"

struct verdict {
	enum message_state	 state;
	char			*reason;	/* English, one line */
	enum message_class	 class;
	const struct unit	*unit;		/* borrowed from the config */
	const struct editor	*editor;	/* borrowed from the config */
	struct message		*message;	/* NULL when not parsed */
	struct article		*article;	/* contributions only */
	struct auth_verdict	 auth;		/* contributions and commands */
};

struct verdict *verdict_new(const struct config *config, const char *raw,
    gsize len);
void verdict_free(struct verdict *v);

#endif
