/* header.c and charset.c: the Chinese mail cases GMime 3.2.13 gets wrong. */
#include "charset.h"
#include "header.h"

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

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/header/decode", test_header_decode);
	g_test_add_func("/charset/decode", test_charset);
	return g_test_run();
}
