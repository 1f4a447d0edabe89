/* approval.c and code.c: what a signer's words mean; codes kept out of
 * others' sight; bounce tags. */
#include "approval.h"
#include "code.h"

static const struct {
	const char	*line;
	enum approval	 meaning;
} cases[] = {
	{ "同意", APPROVAL_YES }, { "同意。", APPROVAL_YES },
	{ "同意发出", APPROVAL_YES }, { "  确认，谢谢！", APPROVAL_YES },
	{ "可以发", APPROVAL_YES }, { "签发", APPROVAL_YES },
	{ "OK", APPROVAL_YES }, { "ok.", APPROVAL_YES },
	{ "Confirm", APPROVAL_YES }, { "好", APPROVAL_YES },
	{ "确认 ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", APPROVAL_YES },
	{ "不同意。第1篇数据需要再核实，请暂缓发送。", APPROVAL_NO },
	{ "不同意", APPROVAL_NO }, { "暂缓", APPROVAL_NO },
	{ "驳回：标题要改", APPROVAL_NO }, { "退回修改", APPROVAL_NO },
	{ "先不发", APPROVAL_NO }, { "修改后再发", APPROVAL_NO },
	{ "No", APPROVAL_NO }, { "reject", APPROVAL_NO },
	{ "同意，但第2篇标题改一下", APPROVAL_UNCLEAR },
	{ "可以发吗？", APPROVAL_UNCLEAR }, { "", APPROVAL_UNCLEAR },
	{ "收到", APPROVAL_UNCLEAR },
	{ "行政审批局的稿子很好", APPROVAL_UNCLEAR },
	{ "Okay but fix the title", APPROVAL_UNCLEAR },
	/* A code's letters are no words ("HOLD", "BUTX"). */
	{ "确认 ABCD-HOLD-BUTX-MNOP-QRST-UVWX-YZ23-4567", APPROVAL_YES },
};

static void
test_approval(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("%s", cases[i].line);
		g_assert_cmpint(approval_read(cases[i].line), ==,
		    cases[i].meaning);
	}
}

static void
test_code_mask(void)
{
	g_autofree char *m = code_mask("确认 abcd-efgh-ijkl-mnop-qrst-uvwx-"
	    "yz23-4567 但标题要改");

	g_assert_cmpstr(m, ==, "确认 （确认码） 但标题要改");
	g_free(g_steal_pointer(&m));
	m = code_mask("no code here, HOLD on");
	g_assert_cmpstr(m, ==, "no code here, HOLD on");
}

static void
test_bounce_tag(void)
{
	g_autoptr(GBytes) key = g_bytes_new_static("0123456789abcdef", 16);
	g_autoptr(GBytes) other = g_bytes_new_static("fedcba9876543210", 16);
	g_autofree char *tag = code_bounce_tag(key, 42);
	g_autofree char *local = g_strdup_printf("office+b42.%s@example.test",
	    tag);
	g_autofree char *wrong = g_strdup_printf("office+b43.%s@example.test",
	    tag);

	g_assert_cmpint(code_bounce_delivery(key, local), ==, 42);
	g_assert_cmpint(code_bounce_delivery(key, wrong), ==, 0);
	g_assert_cmpint(code_bounce_delivery(other, local), ==, 0);
	g_assert_cmpint(code_bounce_delivery(key, "office@example.test"), ==,
	    0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/approval/read", test_approval);
	g_test_add_func("/approval/code-mask", test_code_mask);
	g_test_add_func("/approval/bounce-tag", test_bounce_tag);
	return g_test_run();
}
