/*
 * mail-dump FILE: a message as the integration tests read it — the decoded
 * Subject, From, To, In-Reply-To, Message-ID, Auto-Submitted and X-Bulletind
 * headers, then every text part (attached messages included) as UTF-8.
 */
#include <fcntl.h>
#include <stdio.h>

#include "autocleanup.h"
#include "charset.h"
#include "header.h"

static void
print_header(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	GMimeHeader *h = g_mime_header_list_get_header(list, name);
	g_autofree char *value = NULL;

	if (h == NULL)
		return;
	value = header_decode(g_mime_header_get_raw_value(h));
	printf("%s: %s\n", name, value);
}

static void
print_headers(GMimeObject *obj)
{
	static const char *const names[] = {
		"Subject", "From", "To", "Cc", "Message-ID", "In-Reply-To",
		"Auto-Submitted", "X-Bulletind",
	};

	for (guint i = 0; i < G_N_ELEMENTS(names); i++)
		print_header(obj, names[i]);
}

static void dump_object(GMimeObject *obj);

static void
dump_part(GMimePart *part)
{
	GMimeContentType *ct = g_mime_object_get_content_type(
	    GMIME_OBJECT(part));
	g_autoptr(GMimeStream) mem = g_mime_stream_mem_new();
	GByteArray *bytes;
	g_autofree char *text = NULL;

	if (!g_mime_content_type_is_type(ct, "text", "*") ||
	    g_mime_part_get_content(part) == NULL)
		return;
	g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(part), mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	text = charset_to_utf8((const char *)bytes->data, bytes->len,
	    g_mime_content_type_get_parameter(ct, "charset"), NULL);
	printf("--- %s/%s\n%s\n", g_mime_content_type_get_media_type(ct),
	    g_mime_content_type_get_media_subtype(ct), text);
}

static void
dump_object(GMimeObject *obj)
{
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		for (int i = 0; i < g_mime_multipart_get_count(mp); i++)
			dump_object(g_mime_multipart_get_part(mp, i));
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(
		    GMIME_MESSAGE_PART(obj));
		printf("--- message/rfc822\n");
		print_headers(GMIME_OBJECT(inner));
		dump_object(g_mime_message_get_mime_part(inner));
	} else if (GMIME_IS_PART(obj))
		dump_part(GMIME_PART(obj));
}

int
main(int argc, char **argv)
{
	g_autoptr(GMimeStream) stream = NULL;
	g_autoptr(GMimeParser) parser = NULL;
	g_autoptr(GMimeMessage) msg = NULL;

	if (argc != 2) {
		fprintf(stderr, "usage: mail-dump FILE\n");
		return 2;
	}
	g_mime_init();
	stream = g_mime_stream_fs_open(argv[1], O_RDONLY, 0, NULL);
	if (stream == NULL) {
		perror(argv[1]);
		return 1;
	}
	parser = g_mime_parser_new_with_stream(stream);
	msg = g_mime_parser_construct_message(parser, NULL);
	if (msg == NULL) {
		fprintf(stderr, "%s: not a message\n", argv[1]);
		return 1;
	}
	print_headers(GMIME_OBJECT(msg));
	dump_object(g_mime_message_get_mime_part(msg));
	return 0;
}
