/*
 * header.c and charset.c: the Chinese mail cases GMime 3.2.13 gets wrong,
 * the decoder's cost, and the limits on header size.
 */
#include <string.h>

#include "charset.h"
#include "header.h"
#include "message.h"

static const struct {
	const char *raw;
	const char *want;
} header_cases[] = {
	/* GMime #133: a padded B word followed by another one. */
	{ "=?GB2312?B?t9a47g==?= =?GB2312?B?tcSx4MLr19Y=?=", "分割的编码字" },
	{ "=?UTF-8?B?5YiG?=\r\n =?UTF-8?B?5Ymy?=", "分割" },
	/* A character split across two words (UTF-8 bytes E5 88 86). */
	{ "=?UTF-8?Q?=E5=88?= =?UTF-8?Q?=86?=", "分" },
	/* Mixed charsets and plain text between words keeps its space. */
	{ "Re: =?GB2312?B?yefH+A==?= =?UTF-8?B?566A5oql?= end",
	  "Re: 社区简报 end" },
	/* gb2312 label, GBK bytes (朱镕基). */
	{ "=?gb2312?B?1uzpRrv5?=", "朱镕基" },
	/* Raw 8-bit GB2312 (未编码). */
	{ "\xce\xb4\xb1\xe0\xc2\xeb", "未编码" },
	/* Encoded CR/LF and controls become single spaces. */
	{ "=?UTF-8?Q?a=0D=0Ab=09c?=", "a b c" },
	{ "  lots   of\r\n\tspace  ", "lots of space" },
	{ "=?utf-8?q?Q_word?=", "Q word" },
	{ "not =?an encoded word", "not =?an encoded word" },
	/* Found by the fuzzer: an empty word leaked its charset. */
	{ "=?UTF-8?B?" "?= x", "x" },
};

static void
test_header_decode(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(header_cases); i++) {
		g_autofree char *got = header_decode(header_cases[i].raw);
		g_assert_cmpstr(got, ==, header_cases[i].want);
	}
}

static void
test_charset(void)
{
	/* 朱镕基 in GBK under a gb2312 label. */
	g_autofree char *a = charset_to_utf8("\xd6\xec\xe9\x46\xbb\xf9", 6,
	    "gb2312", NULL);
	/* U+20000 is four bytes in GB18030: 95 32 82 36. */
	g_autofree char *b = charset_to_utf8("\x95\x32\x82\x36", 4, "gbk",
	    NULL);
	char *diag = NULL;
	/* "utf-8" label, GBK bytes (中文). */
	g_autofree char *c = charset_to_utf8("\xd6\xd0\xce\xc4", 4, "utf-8",
	    &diag);
	g_autofree char *d = NULL;
	g_autofree char *diag2 = NULL;

	g_assert_cmpstr(a, ==, "朱镕基");
	g_assert_cmpstr(b, ==, "\xf0\xa0\x80\x80");
	g_assert_cmpstr(c, ==, "中文");
	g_assert_nonnull(diag);
	g_free(diag);
	/* No label; a NUL inside does not cut the text. */
	d = charset_to_utf8("\xd6\xd0\0\xce\xc4", 5, NULL, &diag2);
	g_assert_cmpstr(d, ==, "中文");
	g_assert_nonnull(strstr(diag2, "GB18030"));
}

/* KB kilobytes of words that never close, then one that does. */
static char *
broken_words(gsize kb)
{
	GString *s = g_string_new(NULL);

	while (s->len < kb * 1024)
		g_string_append(s, "=?UTF-8?Q?a ");
	g_string_append(s, "=?UTF-8?B?5YiG5Ymy?=");
	return g_string_free(s, FALSE);
}

/* Best of three: seconds to decode RAW. */
static double
decode_seconds(const char *raw)
{
	double best = 1e9;

	for (int i = 0; i < 3; i++) {
		gint64 start = g_get_monotonic_time();
		g_autofree char *text = header_decode(raw);
		best = MIN(best, (g_get_monotonic_time() - start) / 1e6);
		g_assert_true(g_str_has_suffix(text, "a 分割"));
	}
	return best;
}

/*
 * The decoder is linear: 8 times the text costs about 8 times the time,
 * not 64.  One that searched the rest of the header at each '=?' took
 * 0.9 s for the large one, 60 times the small one: the ratio is the test.
 * This one takes 0.03 s, 0.7 s under ASan with the machine's two cores
 * loaded nine deep; the absolute bound is only a backstop.
 */
static void
test_header_linear(void)
{
	g_autofree char *small = broken_words(100);
	g_autofree char *large = broken_words(800);
	double t_small = decode_seconds(small);
	double t_large = decode_seconds(large);

	g_test_message("100 KB: %.3f s, 800 KB: %.3f s", t_small, t_large);
	g_assert_cmpfloat(t_large, <, 2.5);
	g_assert_cmpfloat(t_large, <, 24 * t_small + 0.1);
}

/* A message whose header has FIELD (all of it) and a plain body. */
static GString *
message_with(const char *field)
{
	GString *m = g_string_new("From: Alice <alice@example.org>\r\n"
	    "To: office@example.org\r\nMessage-ID: <big@example.org>\r\n");

	g_string_append(m, field);
	g_string_append(m, "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
	    "Body stays.\r\n");
	return m;
}

/* The value of the first field NAME in the header block of RAW. */
static gsize
field_len(const char *raw, gsize len, const char *name)
{
	g_autofree char *needle = g_strdup_printf("\n%s:", name);
	g_autofree char *copy = g_strndup(raw, len);
	const char *p = strstr(copy, needle), *end;

	g_assert_nonnull(p);
	for (end = p + 1; (end = strchr(end, '\n')) != NULL &&
	    (end[1] == ' ' || end[1] == '\t'); end++)
		;
	g_assert_nonnull(end);
	return end - p;
}

static void
test_header_limit(void)
{
	g_autoptr(GString) small = message_with("Subject: hello\r\n");
	g_autoptr(GString) big = NULL;
	g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
	g_autofree char *words = broken_words(400);
	g_autofree char *field = g_strdup_printf("Subject: %s\r\n", words);
	g_autofree char *cut = NULL;
	gsize len = 0;

	/* Nothing over: no copy, no note. */
	g_assert_null(header_limit(small->str, small->len, &len, notes));
	g_assert_cmpuint(notes->len, ==, 0);

	big = message_with(field);
	cut = header_limit(big->str, big->len, &len, notes);
	g_assert_nonnull(cut);
	g_assert_cmpuint(len, <, big->len);
	g_assert_cmpuint(field_len(cut, len, "Subject"), <=, HEADER_FIELD_MAX);
	g_assert_cmpuint(field_len(cut, len, "Subject"), >,
	    HEADER_FIELD_MAX / 2);
	/* The fields after it and the body are all there. */
	g_assert_cmpuint(field_len(cut, len, "Content-Type"), ==,
	    strlen("\nContent-Type: text/plain; charset=UTF-8\r"));
	g_assert_true(g_str_has_suffix(cut, "\r\n\r\nBody stays.\r\n"));
	g_assert_cmpuint(notes->len, ==, 1);
	g_assert_nonnull(strstr(notes->pdata[0], "header Subject"));
	g_assert_nonnull(strstr(notes->pdata[0], "cut to"));
}

/* Fields past HEADER_TOTAL_MAX get a line each; the structure survives. */
static void
test_header_limit_total(void)
{
	g_autoptr(GString) fields = g_string_new(NULL);
	g_autoptr(GString) raw = NULL;
	g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
	g_autofree char *cut = NULL;
	gsize len = 0;

	for (int i = 0; i < 4; i++) {
		g_string_append_printf(fields, "X-Big-%d:", i);
		for (int j = 0; j < 60000; j++)
			g_string_append(fields, " x");
		g_string_append(fields, "\r\n");
	}
	raw = message_with(fields->str);
	cut = header_limit(raw->str, raw->len, &len, notes);
	g_assert_nonnull(cut);
	/* 120 KB each: two fit in the total, the next two are cut short. */
	g_assert_cmpuint(field_len(cut, len, "X-Big-0"), <=, HEADER_FIELD_MAX);
	g_assert_cmpuint(field_len(cut, len, "X-Big-1"), <=, HEADER_FIELD_MAX);
	g_assert_cmpuint(field_len(cut, len, "X-Big-1"), >, HEADER_LINE_MAX);
	g_assert_cmpuint(field_len(cut, len, "X-Big-2"), <=, HEADER_LINE_MAX);
	g_assert_cmpuint(field_len(cut, len, "X-Big-3"), <=, HEADER_LINE_MAX);
	g_assert_cmpuint(field_len(cut, len, "Content-Type"), ==,
	    strlen("\nContent-Type: text/plain; charset=UTF-8\r"));
	g_assert_cmpuint(notes->len, ==, 4);
}

/*
 * Through message_parse: a 400 KB subject of broken words (GMime alone
 * takes seconds on it) is cut before GMime sees it, the mail still parses
 * with the rest of its subject and body, and the cut is a diagnostic.  The
 * same for a message attached to another one.
 */
static void
test_message_big_header(void)
{
	g_autofree char *words = broken_words(400);
	g_autofree char *field = g_strdup_printf("Subject: %s\r\n", words);
	g_autoptr(GString) top = message_with(field);
	g_autoptr(GString) outer = g_string_new("From: bob@example.org\r\n"
	    "Subject: fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/"
	    "mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain"
	    "\r\n\r\nsee attached\r\n--b1\r\nContent-Type: message/rfc822"
	    "\r\n\r\n");
	gint64 start = g_get_monotonic_time();
	struct message *m;

	message_library_init();
	m = message_parse(top->str, top->len, NULL);
	g_assert_nonnull(m);
	g_assert_true(g_str_has_prefix(m->subject, "=?UTF-8?Q?a =?UTF-8?Q?a"));
	g_assert_cmpuint(strlen(m->subject), <=, HEADER_FIELD_MAX);
	g_assert_cmpstr(m->plain, ==, "Body stays.\r\n");
	g_assert_cmpuint(m->diagnostics->len, ==, 1);
	g_assert_nonnull(strstr(m->diagnostics->pdata[0], "header Subject"));
	message_free(m);

	g_string_append_len(outer, top->str, top->len);
	g_string_append(outer, "--b1--\r\n");
	m = message_parse(outer->str, outer->len, NULL);
	g_assert_nonnull(m);
	g_assert_cmpstr(m->subject, ==, "fwd");
	g_assert_nonnull(m->forwarded);
	g_assert_cmpuint(strlen(m->forwarded->subject), <=, HEADER_FIELD_MAX);
	g_assert_cmpuint(strlen(m->forwarded->subject), >, 1000);
	g_assert_cmpuint(m->diagnostics->len, ==, 1);
	message_free(m);
	/* Uncut, GMime took 4 s for each; cut, 0.3 s. */
	g_test_message("two parses: %.3f s",
	    (g_get_monotonic_time() - start) / 1e6);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/header/decode", test_header_decode);
	g_test_add_func("/header/linear", test_header_linear);
	g_test_add_func("/header/limit", test_header_limit);
	g_test_add_func("/header/limit-total", test_header_limit_total);
	g_test_add_func("/header/message-big-header", test_message_big_header);
	g_test_add_func("/charset/decode", test_charset);
	return g_test_run();
}
