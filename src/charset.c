/* Charset decoding for Chinese mail; see charset.h for the rules. */
#include <string.h>

#include "charset.h"

static const struct {
	const char *label;
	const char *iconv;
} charset_aliases[] = {
	/* Mailers label GBK (and GB18030) bytes as gb2312: read the superset. */
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "cp936", "GB18030" },
	{ "x-gbk", "GB18030" }, { "euc-cn", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "x-gb2312", "GB18030" },
	{ "csgb2312", "GB18030" }, { "gb18030", "GB18030" },
	{ "ms936", "GB18030" }, { "windows-936", "GB18030" },
	{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
	{ "x-big5", "BIG5-HKSCS" }, { "cp950", "CP950" },
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "us-ascii", "UTF-8" },
	{ "ascii", "UTF-8" }, { "iso-8859-1", "ISO-8859-1" },
	{ "latin1", "ISO-8859-1" }, { "windows-1252", "WINDOWS-1252" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "shift_jis", "SHIFT_JIS" },
	{ "euc-kr", "EUC-KR" }, { "utf-16", "UTF-16" },
};

const char *
charset_canonical(const char *label)
{
	if (label == NULL)
		return NULL;
	for (guint i = 0; i < G_N_ELEMENTS(charset_aliases); i++)
		if (g_ascii_strcasecmp(label, charset_aliases[i].label) == 0)
			return charset_aliases[i].iconv;
	return NULL;
}

/*
 * Converters to UTF-8, opened once per charset and kept: opening one per
 * call made glibc load and unload its gconv module every time, which cost
 * more than the parse.  Bounded, since labels come from the mail.
 */
#define CONVERTER_CACHE_MAX 32

static GIConv
converter_get(const char *from, gboolean *cached_r)
{
	static GHashTable *cache;
	GIConv cd;

	if (cache == NULL)
		cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		    NULL);
	*cached_r = TRUE;
	if (g_hash_table_lookup_extended(cache, from, NULL, (gpointer *)&cd)) {
		g_iconv(cd, NULL, NULL, NULL, NULL);	/* reset its state */
		return cd;
	}
	cd = g_iconv_open("UTF-8", from);
	if (cd == (GIConv)-1)
		return cd;
	if (g_hash_table_size(cache) >= CONVERTER_CACHE_MAX)
		*cached_r = FALSE;
	else
		g_hash_table_insert(cache, g_strdup(from), cd);
	return cd;
}

/* Convert strictly: NULL unless every byte converts. */
static char *
convert_strict(const char *bytes, gsize len, const char *from)
{
	gsize read = 0;
	gboolean cached;
	GIConv cd = converter_get(from, &cached);
	char *out;

	if (cd == (GIConv)-1)
		return NULL;
	out = g_convert_with_iconv(bytes, len, cd, &read, NULL, NULL);
	if (!cached)
		g_iconv_close(cd);
	if (out != NULL && read != len) {
		g_free(out);
		return NULL;
	}
	return out;
}

static char *
without_nul(const char *bytes, gsize len, gsize *len_r)
{
	char *copy = g_malloc(len + 1);
	gsize n = 0;

	for (gsize i = 0; i < len; i++)
		if (bytes[i] != '\0')
			copy[n++] = bytes[i];
	copy[n] = '\0';
	*len_r = n;
	return copy;
}

static void
set_diagnostic(char **diagnostic_r, char *text)
{
	if (diagnostic_r != NULL && *diagnostic_r == NULL)
		*diagnostic_r = text;
	else
		g_free(text);
}

/* No usable label: UTF-8 if it is valid, else the Chinese encodings. */
static char *
detect(const char *bytes, gsize len, const char *why, char **diagnostic_r)
{
	static const char *const guesses[] = { "GB18030", "BIG5-HKSCS" };
	char *out;

	if (g_utf8_validate(bytes, len, NULL))
		return g_strndup(bytes, len);
	for (guint i = 0; i < G_N_ELEMENTS(guesses); i++)
		if ((out = convert_strict(bytes, len, guesses[i])) != NULL) {
			set_diagnostic(diagnostic_r, g_strdup_printf(
			    "%s; decoded as %s", why, guesses[i]));
			return out;
		}
	set_diagnostic(diagnostic_r, g_strdup_printf("%s; undecodable bytes "
	    "replaced", why));
	return g_utf8_make_valid(bytes, len);
}

char *
charset_to_utf8(const char *raw, gsize raw_len, const char *declared,
    char **diagnostic_r)
{
	gsize len;
	g_autofree char *bytes = without_nul(raw, raw_len, &len);
	const char *from = charset_canonical(declared);
	g_autofree char *why = NULL;
	char *out;

	if (from == NULL && declared != NULL && *declared != '\0')
		from = declared;	/* let iconv try a name we do not list */
	if (from == NULL)
		return detect(bytes, len, "no charset declared", diagnostic_r);
	if (strcmp(from, "UTF-8") == 0 && g_utf8_validate(bytes, len, NULL))
		return g_steal_pointer(&bytes);
	if ((out = convert_strict(bytes, len, from)) != NULL)
		return out;
	why = g_strdup_printf("bytes are not valid %s", declared);
	return detect(bytes, len, why, diagnostic_r);
}
