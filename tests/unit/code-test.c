/* code.c: sign-off codes bind every field and survive case folding. */
#include <string.h>

#include "code.h"

static struct signoff *
sample(void)
{
	struct signoff *s = g_new0(struct signoff, 1);

	s->issue = 7;
	s->year = 2026;
	s->number = 3;
	s->date = g_strdup("2026年11月28日");
	s->digest = g_strdup("abc123");
	s->approver = g_strdup("qianfa@example.test");
	s->nonce = g_strdup("00112233445566778899aabbccddeeff");
	s->expires = 1800000000;
	return s;
}

static void
test_roundtrip(void)
{
	g_autoptr(GBytes) key = g_bytes_new_static("0123456789abcdef0123", 20);
	struct signoff *s = sample();
	g_autofree char *code = code_make(key, s);
	g_autofree char *lower = g_ascii_strdown(code, -1);
	g_autofree char *norm = code_normalize(lower);
	g_autofree char *subject = g_strdup_printf("Re: 确认 %s 谢谢", lower);
	g_autofree char *found = code_find(subject);
	g_autofree char *ref = g_strdup_printf("<signoff.%s.x.1.2@example.test>",
	    norm);
	g_autofree char *found_ref = code_find(ref);

	g_assert_cmpuint(strlen(code), ==, 39);
	g_assert_nonnull(norm);
	g_assert_true(code_matches(key, s, norm));
	g_assert_cmpstr(found, ==, norm);
	g_assert_cmpstr(found_ref, ==, norm);
	signoff_free(s);
}

static void
test_binding(void)
{
	g_autoptr(GBytes) key = g_bytes_new_static("0123456789abcdef0123", 20);
	g_autoptr(GBytes) other = g_bytes_new_static("0123456789abcdef0124", 20);
	struct signoff *s = sample();
	g_autofree char *code = code_make(key, s);
	g_autofree char *norm = code_normalize(code);

	g_assert_false(code_matches(other, s, norm));
	g_free(s->digest);
	s->digest = g_strdup("abc124");
	g_assert_false(code_matches(key, s, norm));
	signoff_free(s);
	s = sample();
	g_free(s->approver);
	s->approver = g_strdup("editor@example.test");
	g_assert_false(code_matches(key, s, norm));
	signoff_free(s);
	g_assert_null(code_normalize("ABCD"));
	g_assert_null(code_normalize("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4561"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/code/roundtrip", test_roundtrip);
	g_test_add_func("/code/binding", test_binding);
	return g_test_run();
}
