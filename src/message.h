/*
 * A received mail, parsed with GMime into what the rest of the daemon needs:
 * sender, decoded subject, threading ids, the markers that classify it, its
 * text and HTML as UTF-8, its attachments, and a forwarded message.  Only
 * message.c sees GMime's parser.
 *
 * struct message owns everything in it; free with message_free().
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
	GPtrArray	*to;		/* char *: To mailboxes, lower-case */

	/* RFC 3834 and friends */
	char		*auto_submitted;
	char		*precedence;
	gboolean	 has_autoreply_header;	/* X-Autoreply, X-Autorespond */
	gboolean	 has_list_header;	/* List-Id, List-Post … */
	gboolean	 is_report;	/* multipart/report or a DSN part */
	char		*bulletind_kind;	/* our X-Bulletind header */
	GPtrArray	*auth_results;	/* raw Authentication-Results (char *) */
	GPtrArray	*received;	/* raw Received (char *), top first */

	/* Body text: one alternative of a multipart/alternative, every inline
	 * part of a multipart/mixed joined in order; NULL when there is none. */
	char		*plain;		/* text/plain body */
	char		*html;		/* text/html body (markup), read only
					 * when plain is NULL or a stub */
	GPtrArray	*attachments;	/* struct attachment * */
	struct message	*forwarded;	/* first attached message/rfc822 */
	char		*dsn_recipient;	/* Final-Recipient of a failed DSN */
	int		 depth;		/* deepest MIME nesting */
	int		 parts;		/* MIME parts in all */
	GPtrArray	*diagnostics;	/* char *: charset guesses … */
};

struct attachment {
	char		*name;		/* safe base name */
	char		*content_type;	/* "type/subtype", lower-case */
	char		*content_id;	/* without <>, or NULL */
	gboolean	 related;	/* an inline part of multipart/related */
	GBytes		*data;		/* transfer-decoded content */
};

/* A new attachment (a reference to DATA); free with the function below. */
struct attachment *message_attachment_new(const char *name,
    const char *content_type, GBytes *data);
void message_attachment_free(struct attachment *a);

/* "../a\\b\tc" → "b c": no directories, no controls, not hidden. */
char *message_safe_filename(const char *name);

/*
 * Occurrences of "multipart/" in RAW: more multiparts than this cannot be
 * nested or counted by the parser, so a caller can refuse before parsing.
 */
guint message_count_multiparts(const char *raw, gsize len);

/* Call once before parsing. */
void message_library_init(void);

/* Parse LEN raw bytes.  Never NULL for input GMime accepts; INPUT error
 * for bytes that are not a message at all. */
struct message *message_parse(const char *raw, gsize len, GError **error);
void message_free(struct message *m);

/* The text/SUBTYPE body of RAW as UTF-8 (as struct message's plain and
 * html), or NULL. */
char *message_part_text(const char *raw, gsize len, const char *subtype);

/* TEXT is no article: blank, or only points at an attachment or HTML. */
gboolean message_text_is_stub(const char *text);

#endif
