/* Outgoing mail with GMime; see mail.h. */
#include <string.h>

#include "clock.h"
#include "header.h"
#include "mail.h"

static const char *
address_domain(const char *address)
{
	const char *at = strrchr(address, '@');

	return at != NULL ? at + 1 : "localhost";
}

char *
mail_make_message_id(const struct config *config, const char *tag)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_strdup_printf("%s.%" G_GINT64_FORMAT ".%08x%08x@%s", tag,
	    g_date_time_to_unix(now), g_random_int(), g_random_int(),
	    address_domain(config->smtp_from));
}

GMimeMessage *
mail_new(const struct config *config, const char *kind,
    const char *auto_submitted, const char *subject, const char *message_id)
{
	GMimeMessage *msg = g_mime_message_new(TRUE);
	g_autofree char *clean = header_sanitize(subject);
	g_autofree char *fresh = NULL;
	g_autoptr(GDateTime) now = clock_now();

	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM,
	    config->bulletin.office, config->smtp_from);
	g_mime_message_set_subject(msg, clean, "utf-8");
	g_mime_message_set_date(msg, now);
	if (message_id == NULL)
		message_id = fresh = mail_make_message_id(config, kind);
	g_mime_message_set_message_id(msg, message_id);
	g_mime_object_set_header(GMIME_OBJECT(msg), "Auto-Submitted",
	    auto_submitted, NULL);
	g_mime_object_set_header(GMIME_OBJECT(msg), "X-Bulletind", kind, NULL);
	return msg;
}

GMimeObject *
mail_text_part(const char *subtype, const char *text)
{
	GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);

	g_mime_text_part_set_text(part, text);
	g_mime_text_part_set_charset(part, "utf-8");
	g_mime_part_set_content_encoding(GMIME_PART(part),
	    GMIME_CONTENT_ENCODING_BASE64);
	return GMIME_OBJECT(part);
}

GBytes *
mail_serialize(GMimeMessage *message)
{
	g_autoptr(GMimeFormatOptions) opts = g_mime_format_options_clone(NULL);
	g_autoptr(GMimeStream) mem = g_mime_stream_mem_new();
	GByteArray *bytes;

	g_mime_format_options_set_newline_format(opts,
	    GMIME_NEWLINE_FORMAT_DOS);
	g_mime_object_write_to_stream(GMIME_OBJECT(message), opts, mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	return g_bytes_new(bytes->data, bytes->len);
}

/* The first leaf under OBJECT whose type is TYPE/SUBTYPE, or NULL. */
static GMimePart *
find_part(GMimeObject *object, const char *type, const char *subtype)
{
	GMimeContentType *ct;

	if (GMIME_IS_MULTIPART(object)) {
		GMimeMultipart *mp = GMIME_MULTIPART(object);
		for (int i = 0; i < g_mime_multipart_get_count(mp); i++) {
			GMimePart *p = find_part(g_mime_multipart_get_part(mp,
			    i), type, subtype);
			if (p != NULL)
				return p;
		}
		return NULL;
	}
	if (!GMIME_IS_PART(object))
		return NULL;
	ct = g_mime_object_get_content_type(object);
	return g_mime_content_type_is_type(ct, type, subtype) ?
	    GMIME_PART(object) : NULL;
}

GBytes *
mail_part_content(GBytes *raw, const char *type, const char *subtype)
{
	g_autoptr(GMimeStream) in = g_mime_stream_mem_new_with_buffer(
	    g_bytes_get_data(raw, NULL), g_bytes_get_size(raw));
	g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream(in);
	g_autoptr(GMimeMessage) msg = g_mime_parser_construct_message(parser,
	    NULL);
	g_autoptr(GMimeStream) out = NULL;
	GMimeDataWrapper *content;
	GMimePart *part;
	GByteArray *bytes;

	if (msg == NULL || (part = find_part(g_mime_message_get_mime_part(msg),
	    type, subtype)) == NULL ||
	    (content = g_mime_part_get_content(part)) == NULL)
		return NULL;
	out = g_mime_stream_mem_new();
	if (g_mime_data_wrapper_write_to_stream(content, out) < 0)
		return NULL;
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	return g_bytes_new(bytes->data, bytes->len);
}
