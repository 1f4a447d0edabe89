/*
 * GMime → struct message.  Headers are decoded by header.c, bodies by
 * charset.c; GMime does the MIME structure and transfer encodings.
 */
#include <string.h>

#include "autocleanup.h"

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
	g_free(m->plain);
	g_free(m->html);
	g_ptr_array_unref(m->attachments);
	message_free(m->forwarded);
	g_free(m->dsn_recipient);
	g_ptr_array_unref(m->auth_results);
	g_ptr_array_unref(m->received);
	g_ptr_array_unref(m->to);
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

/* Every raw value of header NAME, top first (the order servers added
 * them in reverse). */
static GPtrArray *
header_values(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = g_mime_header_list_get_count(list);
	GPtrArray *values = g_ptr_array_new_with_free_func(g_free);

	for (int i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(list, i);
		if (g_ascii_strcasecmp(g_mime_header_get_name(h), name) == 0)
			g_ptr_array_add(values, g_strdup(
			    g_mime_header_get_raw_value(h)));
	}
	return values;
}

/* The mailbox addresses in To, lower-case. */
static GPtrArray *
recipients(GMimeMessage *msg)
{
	InternetAddressList *to = g_mime_message_get_to(msg);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	int n = to ? internet_address_list_length(to) : 0;

	for (int i = 0; i < n; i++) {
		InternetAddress *a = internet_address_list_get_address(to, i);
		if (INTERNET_ADDRESS_IS_MAILBOX(a))
			g_ptr_array_add(out, g_ascii_strdown(
			    internet_address_mailbox_get_addr(
			    INTERNET_ADDRESS_MAILBOX(a)), -1));
	}
	return out;
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
	m->auth_results = header_values(obj, "Authentication-Results");
	m->received = header_values(obj, "Received");
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

/* A part's content, transfer-decoded; the stream's bytes are taken over,
 * not copied. */
static GBytes *
part_bytes(GMimePart *part)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GByteArray *bytes = g_byte_array_new();
	GMimeStream *mem;

	if (content != NULL) {
		mem = g_mime_stream_mem_new_with_byte_array(bytes);
		g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
		g_mime_data_wrapper_write_to_stream(content, mem);
		g_object_unref(mem);
	}
	return g_byte_array_free_to_bytes(bytes);
}

/* A part's content, transfer-decoded, as UTF-8 (flowed text rejoined). */
static char *
part_text(GPtrArray *diagnostics, GMimePart *part)
{
	g_autoptr(GBytes) bytes = part_bytes(part);
	const char *charset = g_mime_object_get_content_type_parameter(
	    GMIME_OBJECT(part), "charset");
	char *diagnostic = NULL;
	char *text;

	text = charset_to_utf8(g_bytes_get_data(bytes, NULL),
	    g_bytes_get_size(bytes), charset, &diagnostic);
	if (diagnostic != NULL)
		g_ptr_array_add(diagnostics, diagnostic);
	if (param_is(GMIME_OBJECT(part), "format", "flowed")) {
		char *joined = unflow(text, param_is(GMIME_OBJECT(part),
		    "delsp", "yes"));
		g_free(text);
		text = joined;
	}
	return text;
}

/* A part that is text of the mail, not an attachment or a named file. */
static gboolean
is_body_part(GMimeObject *obj)
{
	return GMIME_IS_PART(obj) && !is_attachment(obj) &&
	    g_mime_part_get_filename(GMIME_PART(obj)) == NULL;
}

static char *body_text(GPtrArray *diagnostics, GMimeObject *obj,
    const char *subtype);

/*
 * The text/SUBTYPE of a multipart.  Alternatives say the same thing once:
 * the first that has SUBTYPE is it.  Any other multipart (mixed, related)
 * puts its text around attachments, as Apple Mail does: every inline part
 * belongs to the text, in order, one line break between them.
 */
static char *
multipart_text(GPtrArray *diagnostics, GMimeMultipart *mp,
    const char *subtype)
{
	gboolean alternative = g_mime_content_type_is_type(
	    g_mime_object_get_content_type(GMIME_OBJECT(mp)), "multipart",
	    "alternative");
	GString *out = NULL;
	int n = g_mime_multipart_get_count(mp);

	for (int i = 0; i < n; i++) {
		g_autofree char *text = body_text(diagnostics,
		    g_mime_multipart_get_part(mp, i), subtype);
		if (text == NULL)
			continue;
		if (alternative)
			return g_steal_pointer(&text);
		if (out == NULL)
			out = g_string_new(text);
		else
			g_string_append_printf(out, "\n%s", text);
	}
	return out != NULL ? g_string_free(out, FALSE) : NULL;
}

/* The text/SUBTYPE body under OBJ as UTF-8, or NULL; attached messages
 * are not part of it. */
static char *
body_text(GPtrArray *diagnostics, GMimeObject *obj, const char *subtype)
{
	if (GMIME_IS_MULTIPART(obj))
		return multipart_text(diagnostics, GMIME_MULTIPART(obj),
		    subtype);
	if (is_body_part(obj) && g_mime_content_type_is_type(
	    g_mime_object_get_content_type(obj), "text", subtype))
		return part_text(diagnostics, GMIME_PART(obj));
	return NULL;
}

char *
message_safe_filename(const char *name)
{
	const char *base = name != NULL ? name : "";
	GString *out = g_string_new(NULL);
	const char *p;

	for (p = base; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	for (p = base; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		if (g_unichar_iscntrl(c))
			continue;
		if (out->len == 0 && (c == '.' || c == ' '))
			continue;
		g_string_append_unichar(out, c);
		if (out->len > 200)
			break;
	}
	if (out->len == 0)
		g_string_assign(out, "attachment");
	return g_string_free(out, FALSE);
}

static char *
attachment_name(GMimePart *part)
{
	const char *name = g_mime_part_get_filename(part);
	g_autofree char *decoded = NULL;

	/* A name left encoded (GMime gives up on some): decode it ourselves. */
	if (name != NULL && strstr(name, "=?") != NULL)
		name = decoded = header_decode(name);
	return message_safe_filename(name);
}

struct attachment *
message_attachment_new(const char *name, const char *content_type,
    GBytes *data)
{
	struct attachment *a = g_new0(struct attachment, 1);

	a->name = message_safe_filename(name);
	a->content_type = g_strdup(content_type);
	a->data = g_bytes_ref(data);
	return a;
}

void
message_attachment_free(struct attachment *a)
{
	if (a == NULL)
		return;
	g_free(a->name);
	g_free(a->content_type);
	g_free(a->content_id);
	g_bytes_unref(a->data);
	g_free(a);
}

static void
add_attachment(struct message *m, GMimePart *part, gboolean related)
{
	struct attachment *a = g_new0(struct attachment, 1);
	GMimeContentType *ct = g_mime_object_get_content_type(
	    GMIME_OBJECT(part));
	const char *cid = g_mime_object_get_content_id(GMIME_OBJECT(part));
	g_autofree char *type = g_mime_content_type_get_mime_type(ct);

	a->name = attachment_name(part);
	a->content_type = g_ascii_strdown(type, -1);
	a->content_id = g_strdup(cid);
	a->related = related;
	a->data = part_bytes(part);
	g_ptr_array_add(m->attachments, a);
}

/* Final-Recipient of a failed delivery in a message/delivery-status part. */
static char *
dsn_recipient(GMimePart *part)
{
	g_autoptr(GBytes) bytes = part_bytes(part);
	gsize len = g_bytes_get_size(bytes);
	g_autofree char *text = len ? g_strndup(g_bytes_get_data(bytes, NULL),
	    len) : g_strdup("");
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

	for (guint i = 0; lines[i] != NULL; i++) {
		char *semi;
		if (g_ascii_strncasecmp(lines[i], "Final-Recipient:", 16) != 0)
			continue;
		semi = strchr(lines[i], ';');
		return g_ascii_strdown(g_strstrip(semi ? semi + 1 :
		    lines[i] + 16), -1);
	}
	return NULL;
}

static struct message *message_from_gmime(GMimeMessage *msg, int depth);

struct walk {
	struct message	*m;
	gboolean	 related;	/* inside multipart/related */
	gboolean	 report;	/* inside multipart/report */
};

static void walk_object(struct walk *w, GMimeObject *obj, int depth);

static void
walk_multipart(struct walk *w, GMimeMultipart *mp, int depth)
{
	GMimeContentType *ct = g_mime_object_get_content_type(
	    GMIME_OBJECT(mp));
	struct walk inner = *w;
	int n = g_mime_multipart_get_count(mp);

	inner.related |= g_mime_content_type_is_type(ct, "multipart",
	    "related");
	inner.report |= g_mime_content_type_is_type(ct, "multipart", "report");
	for (int i = 0; i < n; i++)
		walk_object(&inner, g_mime_multipart_get_part(mp, i), depth + 1);
}

static void
walk_leaf(struct walk *w, GMimePart *part)
{
	struct message *m = w->m;
	GMimeObject *obj = GMIME_OBJECT(part);
	GMimeContentType *ct = g_mime_object_get_content_type(obj);

	/* Text parts are read by body_text(), after the walk. */
	if (g_mime_content_type_is_type(ct, "message", "delivery-status")) {
		if (m->dsn_recipient == NULL)
			m->dsn_recipient = dsn_recipient(part);
	} else if (!is_body_part(obj) ||
	    (!g_mime_content_type_is_type(ct, "text", "plain") &&
	    !g_mime_content_type_is_type(ct, "text", "html")))
		add_attachment(m, part, w->related);
}

static void
walk_object(struct walk *w, GMimeObject *obj, int depth)
{
	struct message *m = w->m;

	m->parts++;
	m->depth = MAX(m->depth, depth);
	if (GMIME_IS_MULTIPART(obj))
		walk_multipart(w, GMIME_MULTIPART(obj), depth);
	else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(
		    GMIME_MESSAGE_PART(obj));
		if (inner != NULL && m->forwarded == NULL && !w->report) {
			m->forwarded = message_from_gmime(inner, depth + 1);
			m->parts += m->forwarded->parts;
			m->depth = MAX(m->depth, m->forwarded->depth);
		}
	} else if (GMIME_IS_PART(obj))
		walk_leaf(w, GMIME_PART(obj));
}

static struct message *
message_from_gmime(GMimeMessage *msg, int depth)
{
	GMimeObject *obj = GMIME_OBJECT(msg);
	GMimeObject *body = g_mime_message_get_mime_part(msg);
	struct message *m = g_new0(struct message, 1);
	struct walk w = { m, FALSE, FALSE };

	m->diagnostics = g_ptr_array_new_with_free_func(g_free);
	m->attachments = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)message_attachment_free);
	m->message_id = g_strdup(g_mime_message_get_message_id(msg));
	read_sender(m, msg);
	m->to = recipients(msg);
	m->return_path = return_path(obj);
	m->subject = decoded_header(obj, "Subject");
	if (m->subject == NULL)
		m->subject = g_strdup("");
	m->threading = threading(obj);
	read_markers(m, obj, body);
	m->depth = depth;
	if (body != NULL) {
		walk_object(&w, body, depth + 1);
		m->plain = body_text(m->diagnostics, body, "plain");
		/* Nothing reads the markup beside a plain text that is one. */
		if (m->plain == NULL || message_text_is_stub(m->plain))
			m->html = body_text(m->diagnostics, body, "html");
	}
	return m;
}

/* Text that is no article: blank, or a pointer to an attachment or HTML. */
gboolean
message_text_is_stub(const char *text)
{
	static const char *const words[] = {
		"附件", "查收", "HTML", "html", "Html", "超文本",
	};
	glong visible = 0;

	/* Only short texts can be stubs: stop counting past 60. */
	for (const char *p = text; *p != '\0' && visible <= 60;
	    p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && c != 0x3000)
			visible++;
	}
	if (visible == 0)
		return TRUE;
	if (visible > 60)
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(words); i++)
		if (strstr(text, words[i]) != NULL)
			return TRUE;
	return FALSE;
}

/*
 * GMime's parse of RAW, its header fields limited first (header.h): GMime
 * decodes some headers as it parses, in time that grows with the square of
 * a header's length.  What was cut is noted in NOTES (may be NULL).
 */
static GMimeMessage *
parse_limited(const char *raw, gsize len, GPtrArray *notes)
{
	gsize limited_len = 0;
	g_autofree char *limited = header_limit(raw, len, &limited_len, notes);
	g_autoptr(GMimeStream) stream = NULL;
	g_autoptr(GMimeParser) parser = NULL;

	if (limited != NULL) {
		/* The stream takes the bytes over and frees them. */
		stream = g_mime_stream_mem_new_with_byte_array(
		    g_byte_array_new_take((guint8 *)g_steal_pointer(&limited),
		    limited_len));
	} else
		stream = g_mime_stream_mem_new_with_buffer(raw, len);
	parser = g_mime_parser_new_with_stream(stream);
	return g_mime_parser_construct_message(parser, parser_options);
}

struct message *
message_parse(const char *raw, gsize len, GError **error)
{
	g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GMimeMessage) msg = parse_limited(raw, len, notes);
	struct message *m;

	if (msg == NULL) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_INPUT,
		    "not a mail message");
		return NULL;
	}
	m = message_from_gmime(msg, 0);
	g_ptr_array_extend(m->diagnostics, notes, (GCopyFunc)(void *)g_strdup,
	    NULL);
	return m;
}

guint
message_count_multiparts(const char *raw, gsize len)
{
	static const char word[] = "multipart";
	const gsize n = sizeof(word) - 1;
	const char *p = raw, *end = raw + len;
	guint count = 0;

	/* Find each '/' and look behind it: cheaper than a search per byte. */
	while ((p = memchr(p, '/', end - p)) != NULL) {
		if (p - raw >= (gssize)n &&
		    g_ascii_strncasecmp(p - n, word, n) == 0)
			count++;
		p++;
	}
	return count;
}

char *
message_part_text(const char *raw, gsize len, const char *subtype)
{
	g_autoptr(GMimeMessage) msg = parse_limited(raw, len, NULL);
	g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func(
	    g_free);

	if (msg == NULL || g_mime_message_get_mime_part(msg) == NULL)
		return NULL;
	return body_text(diagnostics, g_mime_message_get_mime_part(msg),
	    subtype);
}
