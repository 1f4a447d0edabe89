/* Sign-off confirmation codes; see code.h. */
#include <string.h>

#include "code.h"

#define CODE_BYTES 20			/* 160 bits */
#define CODE_LETTERS 32			/* base32 of 20 bytes, no padding */

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static char *
base32(const guint8 *data, gsize len)
{
	GString *out = g_string_new(NULL);
	guint buffer = 0;
	int bits = 0;

	for (gsize i = 0; i < len; i++) {
		buffer = buffer << 8 | data[i];
		bits += 8;
		while (bits >= 5) {
			g_string_append_c(out,
			    base32_alphabet[(buffer >> (bits - 5)) & 31]);
			bits -= 5;
		}
	}
	if (bits > 0)
		g_string_append_c(out, base32_alphabet[(buffer << (5 - bits)) &
		    31]);
	return g_string_free(out, FALSE);
}

/* The 32 letters of S's code. */
static char *
code_letters(GBytes *key, const struct signoff *s)
{
	g_autoptr(GHmac) hmac = g_hmac_new(G_CHECKSUM_SHA256,
	    g_bytes_get_data(key, NULL), g_bytes_get_size(key));
	g_autofree char *msg = g_strdup_printf("bulletind-signoff-v1\n"
	    "%s\n%s\n%s\n%" G_GINT64_FORMAT "\n%d\n%d\n%s\n%s\n%s\n%"
	    G_GINT64_FORMAT "\n%s", s->command, issue_kind_name(s->kind),
	    s->target ? s->target : "", s->issue, s->year, s->number, s->date,
	    s->digest, s->approver, s->expires, s->nonce);
	guint8 mac[32];
	gsize len = sizeof(mac);

	g_hmac_update(hmac, (const guchar *)msg, strlen(msg));
	g_hmac_get_digest(hmac, mac, &len);
	return base32(mac, CODE_BYTES);
}

char *
code_make(GBytes *key, const struct signoff *s)
{
	g_autofree char *letters = code_letters(key, s);
	GString *out = g_string_new(NULL);

	for (int i = 0; i < CODE_LETTERS; i += 4) {
		if (i > 0)
			g_string_append_c(out, '-');
		g_string_append_len(out, letters + i, 4);
	}
	return g_string_free(out, FALSE);
}

char *
code_make_nonce(void)
{
	return g_strdup_printf("%08x%08x%08x%08x", g_random_int(),
	    g_random_int(), g_random_int(), g_random_int());
}

char *
code_normalize(const char *code)
{
	GString *out = g_string_new(NULL);

	for (const char *p = code; *p != '\0'; p++) {
		char c = g_ascii_toupper(*p);
		if (c == '-' || c == ' ')
			continue;
		if (strchr(base32_alphabet, c) == NULL || c == '\0' ||
		    out->len == CODE_LETTERS) {
			g_string_free(out, TRUE);
			return NULL;
		}
		g_string_append_c(out, c);
	}
	if (out->len != CODE_LETTERS) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

char *
code_hash(const char *normalized)
{
	return g_compute_checksum_for_string(G_CHECKSUM_SHA256, normalized, -1);
}

gboolean
code_matches(GBytes *key, const struct signoff *s, const char *normalized)
{
	g_autofree char *expected = code_letters(key, s);
	guint8 diff = 0;

	if (strlen(normalized) != CODE_LETTERS)
		return FALSE;
	for (int i = 0; i < CODE_LETTERS; i++)
		diff |= expected[i] ^ normalized[i];
	return diff == 0;
}

/* A run of code characters at P that normalizes to a code. */
static char *
code_at(const char *p)
{
	gsize n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	    "abcdefghijklmnopqrstuvwxyz-");
	g_autofree char *run = g_strndup(p, n);

	return code_normalize(run);
}

char *
code_find(const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		char *code;
		if (p != text && g_ascii_isalnum(p[-1]))
			continue;
		if ((code = code_at(p)) != NULL)
			return code;
	}
	return NULL;
}

char *
code_mask(const char *text)
{
	GString *out = g_string_new(NULL);

	for (const char *p = text; *p != '\0';) {
		g_autofree char *code = NULL;
		gsize n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
		    "abcdefghijklmnopqrstuvwxyz-");
		if (n > 0 && (p == text || !g_ascii_isalnum(p[-1])) &&
		    (code = code_at(p)) != NULL) {
			g_string_append(out, "（确认码）");
			p += n;
		} else if (n > 0) {
			g_string_append_len(out, p, n);
			p += n;
		} else
			g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

char *
code_bounce_tag(GBytes *key, gint64 delivery)
{
	g_autofree char *data = g_strdup_printf("bounce:%" G_GINT64_FORMAT,
	    delivery);
	g_autofree char *mac = g_compute_hmac_for_string(G_CHECKSUM_SHA256,
	    (const guchar *)g_bytes_get_data(key, NULL), g_bytes_get_size(key), data, -1);

	mac[16] = '\0';
	return g_strdup(mac);
}

gint64
code_bounce_delivery(GBytes *key, const char *address)
{
	const char *p = strstr(address, "+b");
	g_autofree char *tag = NULL;
	char *end;
	gint64 id;

	if (p == NULL)
		return 0;
	id = g_ascii_strtoll(p + 2, &end, 10);
	if (id <= 0 || *end != '.')
		return 0;
	tag = code_bounce_tag(key, id);
	if (strcspn(end + 1, "@") != 16 || g_ascii_strncasecmp(end + 1, tag,
	    16) != 0)
		return 0;
	return id;
}
