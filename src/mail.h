/*
 * Building outgoing mail with GMime: the headers every mail from the
 * daemon carries, and serialization to CRLF bytes for SMTP.  Used by
 * render.c and notify.c; callers own what they get (g_object_unref,
 * g_bytes_unref).
 */
#ifndef BULLETIN_MAIL_H
#define BULLETIN_MAIL_H

#include "autocleanup.h"
#include "config.h"

/*
 * A new message from the office with SUBJECT (sanitized and RFC 2047
 * encoded), Date, Message-ID (MESSAGE_ID without <>, or a fresh one when
 * NULL), "Auto-Submitted: AUTO_SUBMITTED" and "X-Bulletind: KIND" so that
 * it never loops back in as a contribution or command.
 */
GMimeMessage *mail_new(const struct config *config, const char *kind,
    const char *auto_submitted, const char *subject, const char *message_id);

/* A fresh Message-ID (without <>) in the office's domain, tagged TAG. */
char *mail_make_message_id(const struct config *config, const char *tag);

/* A text/SUBTYPE part holding TEXT (UTF-8), base64 encoded. */
GMimeObject *mail_text_part(const char *subtype, const char *text);

/* MESSAGE serialized with CRLF line ends. */
GBytes *mail_serialize(GMimeMessage *message);

/* The decoded content of the first TYPE/SUBTYPE part of the serialized
 * message RAW (an issue as it was sent), or NULL if it has none. */
GBytes *mail_part_content(GBytes *raw, const char *type,
    const char *subtype);

#endif
