/* Receipts, replies, notices and sign-off requests; see notify.h. */
#include <string.h>

#include "mail.h"
#include "message.h"
#include "notify.h"

static void
set_recipient(GMimeMessage *msg, const char *name, const char *address)
{
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, name, address);
}

static void
set_in_reply_to(GMimeMessage *msg, const char *in_reply_to)
{
	g_autofree char *ref = NULL;

	if (in_reply_to == NULL || *in_reply_to == '\0')
		return;
	ref = g_strdup_printf("<%s>", in_reply_to);
	g_mime_object_set_header(GMIME_OBJECT(msg), "In-Reply-To", ref, NULL);
	g_mime_object_set_header(GMIME_OBJECT(msg), "References", ref, NULL);
}

static gboolean
queue(struct store *store, const char *kind, const char *to,
    GMimeMessage *msg, GError **error)
{
	g_autoptr(GBytes) bytes = mail_serialize(msg);

	return store_queue_mail(store, kind, 0, 0, NULL, to, bytes, error);
}

static GMimeObject *attached_message(GBytes *raw);

static GMimeObject *
attachment_part(const struct attachment *a)
{
	GMimePart *part;
	g_autoptr(GMimeStream) stream = NULL;
	g_autoptr(GMimeDataWrapper) content = NULL;
	g_autoptr(GMimeContentType) type = NULL;

	if (strcmp(a->content_type, "message/rfc822") == 0)
		return attached_message(a->data);
	part = g_mime_part_new_with_type("application", "octet-stream");
	type = g_mime_content_type_parse(NULL, a->content_type);
	g_mime_object_set_content_type(GMIME_OBJECT(part), type);
	stream = g_mime_stream_mem_new_with_buffer(
	    g_bytes_get_data(a->data, NULL), g_bytes_get_size(a->data));
	content = g_mime_data_wrapper_new_with_stream(stream,
	    GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(part, content);
	g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_part_set_filename(part, a->name);
	return GMIME_OBJECT(part);
}

/* An attachment without a name of type text/html is not a file: it is
 * the text's HTML alternative (a report's table). */
static gboolean
is_alternative(const struct attachment *a)
{
	return a->name == NULL && g_str_has_prefix(a->content_type,
	    "text/html");
}

/* TEXT, in a multipart/alternative with the HTML when there is one. */
static GMimeObject *
text_with(const char *text, GPtrArray *attachments)
{
	GMimeObject *plain = mail_text_part("plain", text), *html;
	GMimeMultipart *alt;
	g_autofree char *markup = NULL;
	const struct attachment *a = NULL;

	for (guint i = 0; attachments != NULL && i < attachments->len; i++)
		if (is_alternative(attachments->pdata[i]))
			a = attachments->pdata[i];
	if (a == NULL)
		return plain;
	markup = g_strndup(g_bytes_get_data(a->data, NULL),
	    g_bytes_get_size(a->data));
	html = mail_text_part("html", markup);
	alt = g_mime_multipart_new_with_subtype("alternative");
	g_mime_multipart_add(alt, plain);
	g_mime_multipart_add(alt, html);
	g_object_unref(plain);
	g_object_unref(html);
	return GMIME_OBJECT(alt);
}

/* TEXT alone, or TEXT then ATTACHMENTS in a multipart/mixed. */
static GMimeObject *
body_with(const char *text, GPtrArray *attachments)
{
	GMimeObject *body = text_with(text, attachments);
	GMimeMultipart *mixed;
	guint files = 0;

	for (guint i = 0; attachments != NULL && i < attachments->len; i++)
		files += !is_alternative(attachments->pdata[i]);
	if (files == 0)
		return body;
	mixed = g_mime_multipart_new_with_subtype("mixed");
	g_mime_multipart_add(mixed, body);
	g_object_unref(body);
	for (guint i = 0; i < attachments->len; i++) {
		GMimeObject *part;
		if (is_alternative(attachments->pdata[i]))
			continue;
		part = attachment_part(attachments->pdata[i]);
		g_mime_multipart_add(mixed, part);
		g_object_unref(part);
	}
	return GMIME_OBJECT(mixed);
}

gboolean
notify_queue_reply(struct store *store, const struct config *config,
    const char *kind, const char *to_name, const char *to_address,
    const char *subject, const char *text, const char *in_reply_to,
    GPtrArray *attachments, GError **error)
{
	g_autoptr(GMimeMessage) msg = mail_new(config, kind, "auto-replied",
	    subject, NULL);
	GMimeObject *body = body_with(text, attachments);

	set_recipient(msg, to_name, to_address);
	set_in_reply_to(msg, in_reply_to);
	g_mime_message_set_mime_part(msg, body);
	g_object_unref(body);
	return queue(store, kind, to_address, msg, error);
}

gboolean
notify_queue_editors(struct store *store, const struct config *config,
    const char *subject, const char *text, const struct editor *except,
    GError **error)
{
	return notify_queue_editors_with(store, config, subject, text, NULL,
	    except, error);
}

gboolean
notify_queue_editors_with(struct store *store, const struct config *config,
    const char *subject, const char *text, GPtrArray *attachments,
    const struct editor *except, GError **error)
{
	for (guint i = 0; i < config->editors->len; i++) {
		const struct editor *e = config->editors->pdata[i];
		g_autoptr(GMimeMessage) msg = NULL;
		GMimeObject *body;

		if (!e->edits || e == except)
			continue;
		msg = mail_new(config, "notice", "auto-generated", subject,
		    NULL);
		body = body_with(text, attachments);
		set_recipient(msg, e->name, e->address);
		g_mime_message_set_mime_part(msg, body);
		g_object_unref(body);
		if (!queue(store, "notice", e->address, msg, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
notify_queue_unit(struct store *store, const struct config *config,
    const char *kind, const struct unit *unit, const char *subject,
    const char *text, const char *message_id, GError **error)
{
	for (guint i = 0; i < unit->addresses->len; i++) {
		const char *to = unit->addresses->pdata[i];
		g_autoptr(GMimeMessage) msg = mail_new(config, kind,
		    "auto-generated", subject, message_id);
		GMimeObject *body = mail_text_part("plain", text);

		set_recipient(msg, unit->name, to);
		g_mime_message_set_mime_part(msg, body);
		g_object_unref(body);
		if (!queue(store, kind, to, msg, error))
			return FALSE;
	}
	return TRUE;
}

static GMimeObject *
attached_message(GBytes *raw)
{
	gsize len;
	const char *data = g_bytes_get_data(raw, &len);
	g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer(data,
	    len);
	g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream(stream);
	g_autoptr(GMimeMessage) inner = g_mime_parser_construct_message(parser,
	    NULL);
	GMimeMessagePart *part = g_mime_message_part_new_with_message(
	    "rfc822", inner);

	g_mime_object_set_disposition(GMIME_OBJECT(part), "inline");
	return GMIME_OBJECT(part);
}

gboolean
notify_queue_signoff(struct store *store, const struct config *config,
    const struct editor *signer, const char *subject, const char *text,
    GBytes *issue_message, const char *message_id, GError **error)
{
	g_autoptr(GMimeMessage) msg = mail_new(config, "signoff",
	    "auto-generated", subject, message_id);
	g_autoptr(GMimeMultipart) mixed = g_mime_multipart_new_with_subtype(
	    "mixed");
	GMimeObject *body = mail_text_part("plain", text);
	GMimeObject *issue = attached_message(issue_message);

	set_recipient(msg, signer->name, signer->address);
	g_mime_multipart_add(mixed, body);
	g_mime_multipart_add(mixed, issue);
	g_object_unref(body);
	g_object_unref(issue);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
	return queue(store, "signoff", signer->address, msg, error);
}
