/* table.c: columns aligned by display width, cut with …, JSON by key. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "table.h"

static const struct table_column cols[] = {
	{ "ID", "id", TABLE_INT, 0 },
	{ "UNIT", "unit", TABLE_TEXT, 0 },
	{ "TITLE", "title", TABLE_TEXT, 10 },
	{ "AT", "at", TABLE_TIME, 0 },
	{ NULL, "hidden", TABLE_TEXT, 0 },
};

static struct table *
sample(void)
{
	struct table *t = table_new(cols, G_N_ELEMENTS(cols));

	table_add_row(t, (const char *[]){ "7", "区法院", "短标题",
	    "2026-12-02T08:30:00+08:00", "x" });
	table_add_row(t, (const char *[]){ "12", "fgj", "关于优化营商环境的报告",
	    NULL, NULL });
	return t;
}

static void
test_width(void)
{
	g_assert_cmpint(table_text_width("abc"), ==, 3);
	g_assert_cmpint(table_text_width("区法院"), ==, 6);
	g_assert_cmpint(table_text_width("A区（一）"), ==, 9);
	/* e + COMBINING ACUTE ACCENT: one column */
	g_assert_cmpint(table_text_width("e\xcc\x81"), ==, 1);
}

static void
test_fit(void)
{
	g_autofree char *same = table_fit("区法院", 6);
	g_autofree char *cut = table_fit("关于优化营商环境", 7);
	g_autofree char *odd = table_fit("关于优化营商环境", 8);
	g_autofree char *ascii = table_fit("abcdefgh", 5);
	g_autofree char *ctrl = table_fit("a\tb\nc", 0);

	g_assert_cmpstr(same, ==, "区法院");
	/* 3 wide characters (6) and … (1) */
	g_assert_cmpstr(cut, ==, "关于优…");
	g_assert_cmpstr(odd, ==, "关于优…");
	g_assert_cmpint(table_text_width(odd), <=, 8);
	g_assert_cmpstr(ascii, ==, "abcd…");
	g_assert_cmpstr(ctrl, ==, "a b c");
}

/* Every line's columns start at the same display column. */
static void
test_print(void)
{
	struct table *t = sample();
	g_autofree char *text = table_print(t);
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

	g_assert_cmpuint(g_strv_length(lines), ==, 4);	/* + "" after \n */
	g_assert_cmpstr(lines[0], ==, "ID  UNIT    TITLE      AT");
	g_assert_cmpstr(lines[1], ==,
	    " 7  区法院  短标题     2026-12-02 08:30");
	g_assert_cmpstr(lines[2], ==, "12  fgj     关于优化…  -");
	g_assert_cmpstr(lines[3], ==, "");
	g_assert_null(strstr(text, "hidden"));
	g_assert_cmpint(table_rows(t), ==, 2);
	table_free(t);
}

static void
test_json(void)
{
	struct table *t = sample();
	g_autofree char *json = table_json(t);
	g_autoptr(JsonParser) p = json_parser_new();
	JsonArray *a;
	JsonObject *o;

	g_assert_true(json_parser_load_from_data(p, json, -1, NULL));
	a = json_node_get_array(json_parser_get_root(p));
	g_assert_cmpuint(json_array_get_length(a), ==, 2);
	o = json_array_get_object_element(a, 0);
	g_assert_cmpint(json_object_get_int_member(o, "id"), ==, 7);
	g_assert_cmpstr(json_object_get_string_member(o, "unit"), ==, "区法院");
	g_assert_cmpstr(json_object_get_string_member(o, "at"), ==,
	    "2026-12-02T08:30:00+08:00");
	g_assert_cmpstr(json_object_get_string_member(o, "hidden"), ==, "x");
	o = json_array_get_object_element(a, 1);
	/* JSON is not cut */
	g_assert_cmpstr(json_object_get_string_member(o, "title"), ==,
	    "关于优化营商环境的报告");
	g_assert_true(json_object_get_null_member(o, "at"));
	table_free(t);
}

static void
test_empty(void)
{
	struct table *t = table_new(cols, G_N_ELEMENTS(cols));
	g_autofree char *text = table_print(t);
	g_autofree char *json = table_json(t);

	g_assert_cmpstr(text, ==, "ID  UNIT  TITLE  AT\n");
	g_assert_cmpstr(json, ==, "[]");
	table_free(t);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/table/width", test_width);
	g_test_add_func("/table/fit", test_fit);
	g_test_add_func("/table/print", test_print);
	g_test_add_func("/table/json", test_json);
	g_test_add_func("/table/empty", test_empty);
	return g_test_run();
}
