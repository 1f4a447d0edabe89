/* RFC 2047 decoding for unstructured headers; see header.h. */
#include <string.h>

#include "charset.h"
#include "header.h"

struct decoder {
	GString		*out;		/* UTF-8 so far */
	GByteArray	*pending;	/* decoded bytes of adjacent words */
	char		*pending_charset;
};

/* Convert the bytes of a run of adjacent encoded words in one go, so that a
 * character split across two words survives. */
static void
decoder_flush(struct decoder *d)
{
	g_autofree char *text = NULL;

	if (d->pending->len > 0) {
		text = charset_to_utf8((const char *)d->pending->data,
		    d->pending->len, d->pending_charset, NULL);
		g_string_append(d->out, text);
		g_byte_array_set_size(d->pending, 0);
	}
	g_clear_pointer(&d->pending_charset, g_free);
}

static void
append_raw(struct decoder *d, const char *p, gsize len)
{
	g_autofree char *text = NULL;

	decoder_flush(d);
	text = charset_to_utf8(p, len, NULL, NULL);
	g_string_append(d->out, text);
}

static int
hex_value(char c)
{
	return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

static void
q_decode(GByteArray *out, const char *p, gsize len)
{
	for (gsize i = 0; i < len; i++) {
		guint8 b = p[i];
		if (p[i] == '_')
			b = ' ';
		else if (p[i] == '=' && i + 2 < len &&
		    hex_value(p[i + 1]) >= 0 && hex_value(p[i + 2]) >= 0) {
			b = hex_value(p[i + 1]) << 4 | hex_value(p[i + 2]);
			i += 2;
		}
		g_byte_array_append(out, &b, 1);
	}
}

static void
b_decode(GByteArray *out, const char *p, gsize len)
{
	g_autofree guchar *buf = g_malloc(len * 3 / 4 + 3);
	gint state = 0;
	guint save = 0;
	gsize n = g_base64_decode_step(p, len, buf, &state, &save);

	g_byte_array_append(out, buf, n);
}

/*
 * The next '?', "?=" and ' ' at or after a point, remembered: the words of a
 * header are tried left to right, so each search resumes where the last one
 * stopped and a header costs one pass however its words are broken.
 */
struct cursor {
	const char	*from;
	const char	*at;		/* the match, or the NUL at the end */
};

struct scanner {
	struct cursor	 qmark;
	struct cursor	 end;
	struct cursor	 space;
};

static gboolean
is_word_end(const char *p)
{
	return p[0] == '?' && p[1] == '=';
}

static const char *
cursor_find(struct cursor *c, const char *from, gboolean (*match)(const char *))
{
	const char *p;

	if (c->at != NULL && from >= c->from && from <= c->at)
		return c->at;
	for (p = from; *p != '\0' && !match(p); p++)
		;
	c->from = from;
	c->at = p;
	return p;
}

static gboolean
is_qmark(const char *p)
{
	return *p == '?';
}

static gboolean
is_space(const char *p)
{
	return *p == ' ';
}

/*
 * Parse "=?charset?E?text?=" at P.  On success sets the parts and returns
 * the length of the word; 0 if P is not an encoded word.  A word holds no
 * space.
 */
static gsize
parse_word(struct scanner *s, const char *p, char **charset_r, char *enc_r,
    const char **text_r, gsize *text_len_r)
{
	const char *cs, *q, *t, *end, *star;

	if (strncmp(p, "=?", 2) != 0)
		return 0;
	cs = p + 2;
	q = cursor_find(&s->qmark, cs, is_qmark);
	if (*q == '\0' || q == cs || q[1] == '\0' || q[2] != '?')
		return 0;
	if (strchr("BbQq", q[1]) == NULL)
		return 0;
	t = q + 3;
	end = cursor_find(&s->end, t, is_word_end);
	if (*end == '\0' || cursor_find(&s->space, cs, is_space) < end)
		return 0;
	/* RFC 2231 language after '*' is dropped. */
	star = memchr(cs, '*', q - cs);
	*charset_r = g_strndup(cs, (star != NULL ? star : q) - cs);
	*enc_r = g_ascii_toupper(q[1]);
	*text_r = t;
	*text_len_r = end - t;
	return end + 2 - p;
}

static void
add_word(struct decoder *d, const char *charset, char enc, const char *text,
    gsize len)
{
	if (d->pending_charset != NULL &&
	    g_ascii_strcasecmp(d->pending_charset, charset) != 0)
		decoder_flush(d);
	if (d->pending_charset == NULL)
		d->pending_charset = g_strdup(charset);
	if (enc == 'B')
		b_decode(d->pending, text, len);
	else
		q_decode(d->pending, text, len);
}

/* Length of the whitespace run at P. */
static gsize
space_len(const char *p)
{
	gsize n = 0;

	while (p[n] == ' ' || p[n] == '\t' || p[n] == '\r' || p[n] == '\n')
		n++;
	return n;
}

static void
decode_into(struct decoder *d, const char *p)
{
	struct scanner s = { { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };
	gboolean after_word = FALSE;

	while (*p != '\0') {
		g_autofree char *charset = NULL;
		const char *text;
		gsize text_len, n, ws;
		char enc;

		if ((n = parse_word(&s, p, &charset, &enc, &text, &text_len)) > 0) {
			add_word(d, charset, enc, text, text_len);
			p += n;
			after_word = TRUE;
			continue;
		}
		ws = space_len(p);
		/* Whitespace between two encoded words is not text. */
		if (ws > 0 && after_word && strncmp(p + ws, "=?", 2) == 0 &&
		    parse_word(&s, p + ws, &charset, &enc, &text, &text_len) > 0) {
			p += ws;
			continue;
		}
		n = ws > 0 ? ws : 1;
		while (ws == 0 && p[n] != '\0' && strncmp(p + n, "=?", 2) != 0 &&
		    space_len(p + n) == 0)
			n++;
		append_raw(d, p, n);
		p += n;
		after_word = FALSE;
	}
	decoder_flush(d);
}

char *
header_sanitize(const char *text)
{
	GString *out = g_string_new(NULL);
	gboolean space = TRUE;		/* trims leading spaces */

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_iscntrl(c) || c == ' ' || c == 0x3000 ||
		    c == 0x2028 || c == 0x2029 || c == 0xa0) {
			if (!space)
				g_string_append_c(out, ' ');
			space = TRUE;
			continue;
		}
		g_string_append_unichar(out, c);
		space = FALSE;
	}
	if (out->len > 0 && out->str[out->len - 1] == ' ')
		g_string_truncate(out, out->len - 1);
	return g_string_free(out, FALSE);
}

char *
header_decode(const char *raw)
{
	struct decoder d = { g_string_new(NULL), g_byte_array_new(), NULL };
	g_autofree char *text = NULL;

	if (raw == NULL)
		raw = "";
	decode_into(&d, raw);
	g_byte_array_unref(d.pending);
	text = g_string_free(d.out, FALSE);
	return header_sanitize(text);
}

/*
 * Header limits.  The raw message is walked line by line; a header block
 * is the top of the message, the lines after a boundary that a
 * Content-Type declared, and the top of a message/rfc822 (or global) part.
 */
#define HEADER_BOUNDARIES_MAX	64
#define HEADER_CUTS_NOTED	5

struct limiter {
	const char	*raw, *end;
	GString		*out;		/* NULL until something is cut */
	const char	*copied;	/* raw is in out up to here */
	gsize		 total;		/* header bytes kept so far */
	guint		 cuts;
	GPtrArray	*boundaries;	/* char *, declared so far */
	GPtrArray	*notes;
};

static const char *
line_end(const struct limiter *l, const char *p)
{
	const char *nl = memchr(p, '\n', l->end - p);

	return nl != NULL ? nl + 1 : l->end;
}

static gboolean
is_blank_line(const struct limiter *l, const char *p)
{
	return (p < l->end && *p == '\n') ||
	    (l->end - p >= 2 && p[0] == '\r' && p[1] == '\n');
}

/* Length of the field name at P if the line is "name:" or "name :". */
static gsize
field_name_len(const struct limiter *l, const char *p)
{
	const char *q = p, *name_end;

	while (q < l->end && *q > ' ' && *q < 127 && *q != ':')
		q++;
	name_end = q;
	while (q < l->end && (*q == ' ' || *q == '\t'))
		q++;
	if (name_end == p || q == l->end || *q != ':')
		return 0;
	return name_end - p;
}

/* The field at P: its first line and the folded lines under it. */
static const char *
field_end(const struct limiter *l, const char *p)
{
	p = line_end(l, p);
	while (p < l->end && (*p == ' ' || *p == '\t'))
		p = line_end(l, p);
	return p;
}

/* Bring out up to P, then leave the raw bytes from NEXT on for later. */
static void
limiter_skip(struct limiter *l, const char *p, const char *next)
{
	if (l->out == NULL)
		l->out = g_string_sized_new(l->end - l->raw);
	g_string_append_len(l->out, l->copied, p - l->copied);
	l->copied = next;
}

static void
limiter_note(struct limiter *l, char *note)
{
	if (l->notes != NULL)
		g_ptr_array_add(l->notes, note);
	else
		g_free(note);
}

/* Keep at most MAX bytes of the field [P, END): cut at a space in its
 * second half where there is one, so no word is split. */
static void
cut_field(struct limiter *l, const char *p, const char *end, gsize name_len,
    gsize max)
{
	const char *cut = p + max - 2, *q;
	const char *eol = line_end(l, p);
	gboolean crlf = eol - p >= 2 && eol[-1] == '\n' && eol[-2] == '\r';

	for (q = cut; q > p + max / 2; q--)
		if (*q == ' ' || *q == '\t') {
			cut = q;
			break;
		}
	while (cut > p + name_len && (cut[-1] == ' ' || cut[-1] == '\t' ||
	    cut[-1] == '\r' || cut[-1] == '\n'))
		cut--;
	limiter_skip(l, cut, end);
	g_string_append(l->out, crlf ? "\r\n" : "\n");
	if (l->cuts++ < HEADER_CUTS_NOTED)
		limiter_note(l, g_strdup_printf("header %.*s: %zu bytes, cut "
		    "to %zu (the limit is %zu here)", (int)name_len, p,
		    (gsize)(end - p), (gsize)(cut - p), max));
	l->total += cut - p;
}

/* A copy of the parameter NAME= of a Content-Type value, or NULL. */
static char *
content_type_param(const char *value, const char *name)
{
	gsize n = strlen(name);

	for (const char *p = strchr(value, ';'); p != NULL;
	    p = strchr(p + 1, ';')) {
		const char *v = p + 1, *e;
		while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
			v++;
		if (g_ascii_strncasecmp(v, name, n) != 0 || v[n] != '=')
			continue;
		v += n + 1;
		if (*v == '"')
			e = strchr(++v, '"');
		else
			for (e = v; *e != '\0' && !g_ascii_isspace(*e) &&
			    *e != ';'; e++)
				;
		return e != NULL && e > v ? g_strndup(v, e - v) : NULL;
	}
	return NULL;
}

/* Read a Content-Type field kept in the header: boundaries to watch for;
 * TRUE if the body is a message with a header of its own. */
static gboolean
read_content_type(struct limiter *l, const char *p, const char *end)
{
	const char *colon = memchr(p, ':', end - p);
	g_autofree char *value = g_strndup(colon + 1, end - colon - 1);
	char *boundary = content_type_param(value, "boundary");
	const char *v = value + strspn(value, " \t\r\n");

	if (boundary != NULL && l->boundaries->len < HEADER_BOUNDARIES_MAX)
		g_ptr_array_add(l->boundaries, boundary);
	else
		g_free(boundary);
	return g_ascii_strncasecmp(v, "message/rfc822", 14) == 0 ||
	    g_ascii_strncasecmp(v, "message/global", 14) == 0;
}

/* Walk the header block at P; returns where its body starts.  *MESSAGE_R
 * says the body is itself a message. */
static const char *
limit_block(struct limiter *l, const char *p, gboolean *message_r)
{
	gsize name_len;

	*message_r = FALSE;
	while (p < l->end && !is_blank_line(l, p) &&
	    (name_len = field_name_len(l, p)) > 0) {
		const char *end = field_end(l, p);
		gsize len = end - p;
		gsize max = l->total < HEADER_TOTAL_MAX ? HEADER_FIELD_MAX :
		    HEADER_LINE_MAX;

		if (len > max)
			cut_field(l, p, end, name_len, max);
		else {
			l->total += len;
			if (name_len == 12 &&
			    g_ascii_strncasecmp(p, "Content-Type", 12) == 0)
				*message_r |= read_content_type(l, p, end);
		}
		p = end;
	}
	return p < l->end && is_blank_line(l, p) ? line_end(l, p) : p;
}

/* Is the line at P a boundary, not the closing one? */
static gboolean
is_boundary(const struct limiter *l, const char *p)
{
	gsize room = l->end - p;

	if (room < 3 || p[0] != '-' || p[1] != '-')
		return FALSE;
	for (guint i = 0; i < l->boundaries->len; i++) {
		const char *b = l->boundaries->pdata[i];
		gsize n = strlen(b);
		if (room >= n + 2 && memcmp(p + 2, b, n) == 0)
			return !(room >= n + 4 && p[n + 2] == '-' &&
			    p[n + 3] == '-');
	}
	return FALSE;
}

char *
header_limit(const char *raw, gsize len, gsize *len_r, GPtrArray *notes)
{
	struct limiter l = { raw, raw + len, NULL, raw, 0, 0,
	    g_ptr_array_new_with_free_func(g_free), notes };
	const char *p = raw;
	gboolean header = TRUE, message;

	while (p < l.end) {
		if (header) {
			p = limit_block(&l, p, &message);
			header = message;
			continue;
		}
		/* In a body only a boundary starts a header again. */
		if (!(l.end - p >= 2 && p[0] == '-' && p[1] == '-')) {
			const char *dashes = memmem(p, l.end - p, "\n--", 3);
			if (dashes == NULL)
				break;
			p = dashes + 1;
		}
		header = is_boundary(&l, p);
		p = line_end(&l, p);
	}
	g_ptr_array_unref(l.boundaries);
	if (l.cuts > HEADER_CUTS_NOTED)
		limiter_note(&l, g_strdup_printf("%u more header fields cut",
		    l.cuts - HEADER_CUTS_NOTED));
	if (l.out == NULL)
		return NULL;
	g_string_append_len(l.out, l.copied, l.end - l.copied);
	*len_r = l.out->len;
	return g_string_free(l.out, FALSE);
}
