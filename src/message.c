/*
 * GMime → struct message.  Headers are decoded by header.c, bodies by
 * charset.c; GMime does the MIME structure and transfer encodings.
 */
#include <string.h>

#include "autocleanup.h"

#include "article.h"
#include "charset.h"
#include "error.h"
#include "header.h"
#include "message.h"

static GMimeParserOptions *parser_options;

void
message_library_init(void)
{
	static const char *fallback[] = { "UTF-8", "GB18030", NULL };

	if (parser_options != NULL)
		return;
	g_mime_init();
	parser_options = g_mime_parser_options_new();
	g_mime_parser_options_set_fallback_charsets(parser_options, fallback);
	g_mime_parser_options_set_warning_callback(parser_options, NULL, NULL);
}

void
message_free(struct message *m)
{
	if (m == NULL)
		return;
	g_free(m->message_id);
	g_free(m->from_address);
	g_free(m->from_name);
	g_free(m->return_path);
	g_free(m->subject);
	g_free(m->threading);
	g_free(m->auto_submitted);
	g_free(m->precedence);
	g_free(m->bulletind_kind);
	g_free(m->text);
	g_ptr_array_unref(m->diagnostics);
	g_free(m);
}

static const char *
raw_header(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	GMimeHeader *h = g_mime_header_list_get_header(list, name);

	return h != NULL ? g_mime_header_get_raw_value(h) : NULL;
}

static char *
decoded_header(GMimeObject *obj, const char *name)
{
	const char *raw = raw_header(obj, name);

	return raw != NULL ? header_decode(raw) : NULL;
}

static void
read_sender(struct message *m, GMimeMessage *msg)
{
	InternetAddressList *from = g_mime_message_get_from(msg);
	InternetAddress *first;

	m->from_count = from ? internet_address_list_length(from) : 0;
	if (m->from_count < 1)
		return;
	first = internet_address_list_get_address(from, 0);
	if (!INTERNET_ADDRESS_IS_MAILBOX(first))
		return;
	m->from_address = g_ascii_strdown(internet_address_mailbox_get_addr(
	    INTERNET_ADDRESS_MAILBOX(first)), -1);
	if (internet_address_get_name(first) != NULL)
		m->from_name = header_sanitize(internet_address_get_name(first));
}

static char *
return_path(GMimeObject *obj)
{
	const char *raw = raw_header(obj, "Return-Path");
	g_autofree char *v = NULL;

	if (raw == NULL)
		return NULL;
	v = g_strstrip(g_strdup(raw));
	if (strcmp(v, "<>") == 0)
		return g_strdup("");
	return g_strdup(v);
}

static void
read_markers(struct message *m, GMimeObject *obj, GMimeObject *body)
{
	GMimeContentType *ct = body ? g_mime_object_get_content_type(body) :
	    NULL;

	m->auto_submitted = decoded_header(obj, "Auto-Submitted");
	m->precedence = decoded_header(obj, "Precedence");
	m->has_autoreply_header = raw_header(obj, "X-Autoreply") != NULL ||
	    raw_header(obj, "X-Autorespond") != NULL;
	m->has_list_header = raw_header(obj, "List-Id") != NULL ||
	    raw_header(obj, "List-Post") != NULL ||
	    raw_header(obj, "List-Unsubscribe") != NULL;
	m->is_report = ct != NULL &&
	    g_mime_content_type_is_type(ct, "multipart", "report");
	m->bulletind_kind = decoded_header(obj, "X-Bulletind");
}

static char *
threading(GMimeObject *obj)
{
	const char *irt = raw_header(obj, "In-Reply-To");
	const char *refs = raw_header(obj, "References");

	return g_strjoin(" ", irt ? irt : "", refs ? refs : "", NULL);
}

static gboolean
is_attachment(GMimeObject *part)
{
	const char *disp = g_mime_object_get_disposition(part);

	return disp != NULL && g_ascii_strcasecmp(disp, "attachment") == 0;
}

/* The first text/SUBTYPE part that is not an attachment, depth first. */
static GMimePart *
find_text_part(GMimeObject *obj, const char *subtype)
{
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++) {
			GMimePart *p = find_text_part(
			    g_mime_multipart_get_part(mp, i), subtype);
			if (p != NULL)
				return p;
		}
		return NULL;
	}
	if (GMIME_IS_PART(obj) && !is_attachment(obj) &&
	    g_mime_content_type_is_type(g_mime_object_get_content_type(obj),
	    "text", subtype))
		return GMIME_PART(obj);
	return NULL;
}

/*
 * RFC 3676: a line ending in a space continues on the next one; with
 * delsp=yes that space was added by the sender and goes.  Lines starting
 * with a space were stuffed.  Quoted lines are left alone.
 */
static char *
unflow(const char *text, gboolean delsp)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	GString *out = g_string_new(NULL);

	for (guint i = 0; lines[i] != NULL; i++) {
		char *line = lines[i];
		gsize len = strlen(line);

		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (line[0] == ' ')
			line++, len--;
		if (len > 0 && line[len - 1] == ' ' && line[0] != '>' &&
		    strcmp(line, "-- ") != 0) {
			g_string_append_len(out, line, delsp ? len - 1 : len);
			continue;
		}
		g_string_append(out, line);
		if (lines[i + 1] != NULL)
			g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

static gboolean
param_is(GMimeObject *part, const char *name, const char *value)
{
	const char *v = g_mime_object_get_content_type_parameter(part, name);

	return v != NULL && g_ascii_strcasecmp(v, value) == 0;
}

/* A part's content, transfer-decoded, as UTF-8. */
static char *
part_text(struct message *m, GMimePart *part)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	g_autoptr(GMimeStream) mem = g_mime_stream_mem_new();
	const char *charset = g_mime_object_get_content_type_parameter(
	    GMIME_OBJECT(part), "charset");
	char *diagnostic = NULL;
	GByteArray *bytes;
	char *text;

	if (content == NULL)
		return g_strdup("");
	g_mime_data_wrapper_write_to_stream(content, mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	text = charset_to_utf8((const char *)bytes->data, bytes->len, charset,
	    &diagnostic);
	if (diagnostic != NULL)
		g_ptr_array_add(m->diagnostics, diagnostic);
	if (param_is(GMIME_OBJECT(part), "format", "flowed")) {
		char *joined = unflow(text, param_is(GMIME_OBJECT(part),
		    "delsp", "yes"));
		g_free(text);
		text = joined;
	}
	return text;
}

static gboolean
is_blank(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)))
			return FALSE;
	return TRUE;
}

static void
read_text(struct message *m, GMimeObject *body)
{
	GMimePart *plain = find_text_part(body, "plain");
	GMimePart *html;

	if (plain != NULL) {
		m->text = part_text(m, plain);
		if (!is_blank(m->text))
			return;
		g_clear_pointer(&m->text, g_free);
	}
	html = find_text_part(body, "html");
	if (html != NULL) {
		g_autofree char *markup = part_text(m, html);
		m->text = article_html_to_text(markup, strlen(markup));
		m->text_from_html = TRUE;
	} else
		m->text = g_strdup("");
}

struct message *
message_parse(const char *raw, gsize len, GError **error)
{
	g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer(raw,
	    len);
	g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream(stream);
	g_autoptr(GMimeMessage) msg = g_mime_parser_construct_message(parser,
	    parser_options);
	struct message *m;
	GMimeObject *obj;

	if (msg == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "not a mail message");
		return NULL;
	}
	obj = GMIME_OBJECT(msg);
	m = g_new0(struct message, 1);
	m->diagnostics = g_ptr_array_new_with_free_func(g_free);
	m->message_id = g_strdup(g_mime_message_get_message_id(msg));
	read_sender(m, msg);
	m->return_path = return_path(obj);
	m->subject = decoded_header(obj, "Subject");
	if (m->subject == NULL)
		m->subject = g_strdup("");
	m->threading = threading(obj);
	read_markers(m, obj, g_mime_message_get_mime_part(msg));
	if (g_mime_message_get_mime_part(msg) != NULL)
		read_text(m, g_mime_message_get_mime_part(msg));
	else
		m->text = g_strdup("");
	return m;
}

char *
message_part_text(const char *raw, gsize len, const char *subtype)
{
	g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer(raw,
	    len);
	g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream(stream);
	g_autoptr(GMimeMessage) msg = g_mime_parser_construct_message(parser,
	    parser_options);
	struct message scratch = { 0 };
	GMimePart *part;
	char *text;

	if (msg == NULL || g_mime_message_get_mime_part(msg) == NULL)
		return NULL;
	part = find_text_part(g_mime_message_get_mime_part(msg), subtype);
	if (part == NULL)
		return NULL;
	scratch.diagnostics = g_ptr_array_new_with_free_func(g_free);
	text = part_text(&scratch, part);
	g_ptr_array_unref(scratch.diagnostics);
	return text;
}
