/*
 * A received mail, parsed with GMime into what the rest of the daemon needs:
 * sender, decoded subject, threading ids, the markers that classify it, and
 * its text as UTF-8.  Only message.c sees GMime's parser.
 *
 * struct message owns all of its strings; free with message_free().
 */
#ifndef BULLETIN_MESSAGE_H
#define BULLETIN_MESSAGE_H

#include <glib.h>

struct message {
	char		*message_id;	/* without <>, or NULL */
	char		*from_address;	/* lower-case; NULL if none usable */
	char		*from_name;	/* decoded display name or NULL */
	int		 from_count;	/* mailboxes in From */
	char		*return_path;	/* as delivered; "" for <> */
	char		*subject;	/* decoded, one line, may be "" */
	char		*threading;	/* In-Reply-To and References, raw */

	/* RFC 3834 and friends */
	char		*auto_submitted;
	char		*precedence;
	gboolean	 has_autoreply_header;	/* X-Autoreply, X-Autorespond */
	gboolean	 has_list_header;	/* List-Id, List-Post … */
	gboolean	 is_report;	/* multipart/report or a DSN part */
	char		*bulletind_kind;	/* our X-Bulletind header */

	char		*text;		/* the body as UTF-8 ("" if none) */
	gboolean	 text_from_html;
	GPtrArray	*diagnostics;	/* char *: charset guesses … */
};

/* Call once before parsing. */
void message_library_init(void);

/* Parse LEN raw bytes.  Never NULL for input GMime accepts; INPUT error
 * for bytes that are not a message at all. */
struct message *message_parse(const char *raw, gsize len, GError **error);
void message_free(struct message *m);

/* The first text/SUBTYPE part of RAW as UTF-8, or NULL. */
char *message_part_text(const char *raw, gsize len, const char *subtype);

#endif
