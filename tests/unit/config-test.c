/* config.c: the example file parses; mistakes are reported with file:line. */
#include <glib/gstdio.h>

#include "config.h"
#include "error.h"

static char *
write_temp(const char *text)
{
	char *path = NULL;
	int fd = g_file_open_tmp("bulletind-config-XXXXXX.conf", &path, NULL);

	g_assert_cmpint(fd, >=, 0);
	close(fd);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
	return path;
}

static void
test_example(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *path = g_build_filename(g_getenv("top_srcdir"),
	    "conf", "bulletind.conf.example", NULL);
	struct config *c = config_load(path, &error);
	const struct unit *u;
	const struct editor *e;

	g_assert_no_error(error);
	g_assert_nonnull(c);
	g_assert_cmpuint(c->units->len, ==, 11);
	g_assert_cmpstr(c->bulletin.title, ==, "江汉区优化营商环境工作简报");
	g_assert_cmpstr(c->bao.label, ==, "区领导，市营商办");
	g_assert_cmpstr(c->fa.label, ==, "各街道（开发区、商务区）、区相关单位");
	u = config_find_unit_by_address(c, "XinHua@Example.test");
	g_assert_nonnull(u);
	g_assert_cmpstr(u->name, ==, "新华街道办事处");
	e = config_find_editor(c, "qianfa@example.test");
	g_assert_nonnull(e);
	g_assert_true(e->signs);
	g_assert_false(e->edits);
	g_assert_cmpint(c->poll_interval, ==, 60);
	g_assert_true(c->imap.verify);
	g_assert_cmpstr(c->timezone, ==, "Asia/Shanghai");
	config_free(c);
}

static const char minimal[] =
    "bulletin = { title = \"T\"; office = \"O\"; chief_editor = \"C\";\n"
    "  mailbox = \"m@x.test\"; };\n"
    "units = ( { code = \"a\"; name = \"A\"; addresses = [ \"a@x.test\" ]; } );\n"
    "editors = ( { name = \"E\"; address = \"e@x.test\";\n"
    "  roles = [ \"editor\", \"signer\" ]; } );\n"
    "lists = { bao = { label = \"B\"; members = [ \"b@x.test\" ]; };\n"
    "  fa = { label = \"F\"; members = [ \"f@x.test\" ]; }; };\n"
    "imap = { url = \"imaps://h\"; user = \"u\"; password_file = \"/p\";\n"
    "  %s };\n"
    "smtp = { url = \"smtp://h:587\"; user = \"u\"; password_file = \"/p\";\n"
    "  from = \"m@x.test\"; };\n"
    "state_dir = \"/s\";\nkey_file = \"/k\";\n%s\n";

static char *
load_errors(const char *imap_extra, const char *top_extra, char **path_r)
{
	g_autofree char *text = g_strdup_printf(minimal, imap_extra,
	    top_extra);
	g_autoptr(GError) error = NULL;
	struct config *c;

	*path_r = write_temp(text);
	c = config_load(*path_r, &error);
	if (c != NULL) {
		config_free(c);
		return NULL;
	}
	g_assert_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG);
	return g_strdup(error->message);
}

static void
test_minimal_ok(void)
{
	g_autofree char *path = NULL;
	g_autofree char *errors = load_errors("", "", &path);

	g_assert_null(errors);
	g_unlink(path);
}

static void
test_typo_suggests(void)
{
	g_autofree char *path = NULL;
	g_autofree char *errors = load_errors("pol_interval = 5;", "", &path);
	g_autofree char *want = g_strdup_printf("%s:9: error: unknown key "
	    "'pol_interval' in imap (did you mean 'poll_interval'?)", path);

	g_assert_nonnull(errors);
	g_assert_cmpstr(errors, ==, want);
	g_unlink(path);
}

static void
test_all_errors_reported(void)
{
	g_autofree char *path = NULL;
	g_autofree char *errors = load_errors("poll_interval = \"x\";",
	    "stat_dir = \"/x\";", &path);
	g_auto(GStrv) lines = g_strsplit(errors, "\n", -1);

	g_assert_cmpuint(g_strv_length(lines), ==, 2);
	g_assert_nonnull(strstr(errors, ":9: error: 'poll_interval' must be an integer"));
	g_assert_nonnull(strstr(errors, ":14: error: unknown key 'stat_dir' in the "
	    "file (did you mean 'state_dir'?)"));
	g_unlink(path);
}

static void
test_syntax_error_line(void)
{
	g_autofree char *path = write_temp("bulletin = {\n title = ;\n};\n");
	g_autoptr(GError) error = NULL;
	g_autofree char *prefix = g_strdup_printf("%s:2: ", path);

	g_assert_null(config_load(path, &error));
	g_assert_true(g_str_has_prefix(error->message, prefix));
	g_unlink(path);
}

/*
 * Full-width look-alikes outside strings and comments are named with
 * line:column (in characters); inside strings and comments they are
 * text.  A string that a curly quote failed to close runs over its line
 * break: the curly quote in it is named too.
 */
static void
test_full_width(void)
{
	static const struct {
		const char	*top;	/* line 14 of the minimal config */
		const char	*want;	/* NULL: loads */
	} cases[] = {
		{ "# 注释；（）“”\nuser = \"（某用户）；\";", NULL },
		{ "code_lifetime = 600；", ":14:20: error: full-width \"；\" "
		    "where \";\" is meant" },
		{ "user ＝ \"x\";", ":14:6: error: full-width \"＝\" where "
		    "\"=\" is meant" },
		{ "user = “x”;", ":14:8: error: full-width \"“\" where '\"' "
		    "is meant\n" },
		{ "user = \"x”;\ncode_lifetime = 600;", ":14:10: error: "
		    "full-width \"”\" where '\"' is meant" },
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *path = NULL;
		g_autofree char *errors = load_errors("", cases[i].top, &path);

		if (cases[i].want == NULL)
			g_assert_null(errors);
		else {
			g_assert_nonnull(errors);
			g_assert_nonnull(strstr(errors, cases[i].want));
		}
		g_unlink(path);
	}
}

/* Whose evidence counts, and the weaker mode an office must name. */
static void
test_authentication(void)
{
	g_autofree char *text = g_strdup_printf(minimal, "", "");
	g_autofree char *path = write_temp(text);
	g_autofree char *weak_text = g_strdup_printf(minimal, "",
	    "authserv_id = [ \"mx1.x.test\", \"mx2.x.test\" ];\n"
	    "sender_authentication = \"from-header\";");
	g_autofree char *weak = write_temp(weak_text);
	g_autofree char *bad = NULL, *errors = NULL, *want = NULL;
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(path, &error);

	g_assert_no_error(error);
	g_assert_cmpuint(c->authserv_ids->len, ==, 1);
	g_assert_cmpstr(c->authserv_ids->pdata[0], ==, "h");
	g_assert_false(c->trust_from_header);
	g_assert_cmpuint(c->warnings->len, ==, 0);
	config_free(c);
	c = config_load(weak, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(c->authserv_ids->len, ==, 2);
	g_assert_cmpstr(c->authserv_ids->pdata[1], ==, "mx2.x.test");
	g_assert_true(c->trust_from_header);
	g_assert_cmpuint(c->warnings->len, ==, 1);
	want = g_strdup_printf("%s:15: warning: sender_authentication", weak);
	g_assert_true(g_str_has_prefix(c->warnings->pdata[0], want));
	config_free(c);
	errors = load_errors("", "sender_authentication = \"none\";", &bad);
	g_assert_nonnull(strstr(errors, ":14: error: sender_authentication must be"));
	g_unlink(path);
	g_unlink(weak);
	g_unlink(bad);
}

/* timezone: the default, "system", a tz name, and a typo at its line. */
static void
test_timezone(void)
{
	static const struct {
		const char	*line;		/* top-level extra */
		const char	*written;	/* c->timezone */
		int		 offset;	/* seconds east of UTC in Dec */
	} ok[] = {
		{ "", "Asia/Shanghai", 8 * 3600 },
		{ "timezone = \"Asia/Shanghai\";", "Asia/Shanghai", 8 * 3600 },
		{ "timezone = \"Europe/Berlin\";", "Europe/Berlin", 3600 },
		{ "timezone = \"system\";", "system", -5 * 3600 },
	};
	g_autoptr(GDateTime) utc = g_date_time_new_utc(2026, 12, 1, 23, 30,
	    0);
	g_autofree char *path = NULL, *errors = NULL, *want = NULL;

	g_unsetenv("TZDIR");
	g_setenv("TZ", "America/New_York", TRUE);
	for (guint i = 0; i < G_N_ELEMENTS(ok); i++) {
		g_autofree char *text = g_strdup_printf(minimal, "",
		    ok[i].line);
		g_autofree char *p = write_temp(text);
		g_autoptr(GError) error = NULL;
		struct config *c = config_load(p, &error);
		g_autoptr(GDateTime) there = NULL;

		g_assert_no_error(error);
		g_assert_cmpstr(c->timezone, ==, ok[i].written);
		there = g_date_time_to_timezone(utc, c->zone);
		g_assert_cmpint(g_date_time_get_utc_offset(there) /
		    G_TIME_SPAN_SECOND, ==, ok[i].offset);
		config_free(c);
		g_unlink(p);
	}
	g_unsetenv("TZ");
	errors = load_errors("", "timezone = \"Asia/Shangai\";", &path);
	want = g_strdup_printf("%s:14: error: unknown time zone \"Asia/Shangai\"; "
	    "use a name from /usr/share/zoneinfo such as Asia/Shanghai, or "
	    "\"system\"", path);
	g_assert_cmpstr(errors, ==, want);
	g_unlink(path);
	g_clear_pointer(&path, g_free);
	g_clear_pointer(&errors, g_free);
	errors = load_errors("", "timezone = 8;", &path);
	g_assert_nonnull(strstr(errors, ":14: error: 'timezone' must be a string"));
	g_unlink(path);
	g_clear_pointer(&path, g_free);
	g_clear_pointer(&errors, g_free);
	/* A machine without tzdata: the default itself cannot load. */
	g_setenv("TZDIR", "/nonexistent", TRUE);
	errors = load_errors("", "", &path);
	g_unsetenv("TZDIR");
	g_clear_pointer(&want, g_free);
	want = g_strdup_printf("%s:0: error: time zone \"Asia/Shanghai\" (the "
	    "default): there is no time zone data (/nonexistent is missing); "
	    "install the tzdata package, or set timezone = \"system\"",
	    path);
	g_assert_cmpstr(errors, ==, want);
	g_unlink(path);
}

/* Errors of a minimal file whose bulletin group (line 2) has EXTRA too;
 * NULL when it loads, with *CONFIG_R (if asked) the config. */
static char *
bulletin_errors(const char *extra, struct config **config_r)
{
	g_autofree char *text = g_strdup_printf(minimal, "", "");
	g_autoptr(GString) t = g_string_new(text);
	g_autofree char *with = g_strdup_printf("mailbox = \"m@x.test\"; %s };",
	    extra);
	g_autofree char *path = NULL;
	g_autoptr(GError) error = NULL;
	struct config *c;
	char *errors = NULL;

	g_string_replace(t, "mailbox = \"m@x.test\"; };", with, 1);
	path = write_temp(t->str);
	c = config_load(path, &error);
	if (c == NULL)
		errors = g_strdup(strstr(error->message, ".conf:") + 5);
	if (config_r != NULL)
		*config_r = c;
	else
		config_free(c);
	g_unlink(path);
	return errors;
}

/* 截稿 and 催稿 (issue #12): parsed, sorted, and mistakes with the fix. */
static void
test_deadline(void)
{
	static const struct {
		const char	*extra;
		const char	*error;		/* NULL: loads */
	} cases[] = {
		{ "deadline = \"fri 17:00\"; reminders = [ \"4h\", \"48h\" ];",
		    NULL },
		{ "deadline = \"25 17:00\"; reminders = \"2d\";", NULL },
		{ "deadline = \"friday\";", ":2: error: deadline \"friday\" is "
		    "not \"DAY HH:MM\": write a weekday for a weekly bulletin "
		    "(\"fri 17:00\") or a day of the month for a monthly one "
		    "(\"25 17:00\")" },
		{ "reminders = [ \"4h\" ];", ":2: error: reminders need a "
		    "deadline to count back from: add deadline = \"fri 17:00\" "
		    "(or a day of the month, \"25 17:00\") to bulletin" },
		{ "deadline = \"fri 17:00\"; reminders = [ \"4 hours\" ];",
		    ":2: error: reminder \"4 hours\" is not a time before the "
		    "deadline: write a number and a unit, d, h or m (\"48h\", "
		    "\"2d\", \"30m\")" },
		{ "deadline = \"fri 17:00\"; reminders = [ \"4h\", \"240m\" ];",
		    ":2: error: reminder \"240m\" is given twice; remove one" },
		{ "deadline = \"fri 17:00\"; reminders = [ \"7d\" ];",
		    ":2: error: reminders must fall within one period before the "
		    "deadline (less than 7d for a weekly deadline): shorten the "
		    "longest" },
		{ "deadline = 17;", ":2: error: 'deadline' must be a string" },
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *errors = bulletin_errors(cases[i].extra, NULL);

		g_test_message("%s", cases[i].extra);
		g_assert_cmpstr(errors, ==, cases[i].error);
	}
}

/* scoring.monthly_report: a time of day, or unset (not sent). */
static void
test_monthly_report(void)
{
	struct config *c = NULL;
	g_autofree char *errors = bulletin_errors("}; scoring = { "
	    "monthly_report = \"08:30\";", &c);
	g_autofree char *bad = bulletin_errors("}; scoring = { "
	    "monthly_report = \"9点\";", NULL);

	g_assert_null(errors);
	g_assert_cmpint(c->scoring.monthly_hour, ==, 8);
	g_assert_cmpint(c->scoring.monthly_minute, ==, 30);
	config_free(c);
	g_assert_cmpstr(bad, ==, ":2: error: scoring.monthly_report \"9点\" is "
	    "not a time of day: write it as \"HH:MM\", e.g. \"09:00\"");
	g_assert_null(bulletin_errors("", &c));
	g_assert_cmpint(c->scoring.monthly_hour, ==, -1);
	config_free(c);
}

static void
test_deadline_values(void)
{
	struct config *c = NULL;
	g_autofree char *errors = bulletin_errors("deadline = \"fri 17:00\"; "
	    "reminders = [ \"4h\", \"48h\" ];", &c);

	g_assert_null(errors);
	g_assert_cmpint(c->bulletin.deadline.kind, ==, SCHEDULE_WEEKLY);
	g_assert_cmpint(c->bulletin.deadline.day, ==, 5);
	g_assert_cmpint(c->bulletin.deadline.hour, ==, 17);
	g_assert_cmpuint(c->bulletin.reminders->len, ==, 2);
	g_assert_cmpint(g_array_index(c->bulletin.reminders, gint64, 0), ==,
	    48 * 3600);
	g_assert_cmpint(g_array_index(c->bulletin.reminders, gint64, 1), ==,
	    4 * 3600);
	config_free(c);
	errors = bulletin_errors("", &c);
	g_assert_cmpint(c->bulletin.deadline.kind, ==, SCHEDULE_NONE);
	g_assert_cmpuint(c->bulletin.reminders->len, ==, 0);
	config_free(c);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/config/authentication", test_authentication);
	g_test_add_func("/config/example", test_example);
	g_test_add_func("/config/minimal", test_minimal_ok);
	g_test_add_func("/config/typo-suggests", test_typo_suggests);
	g_test_add_func("/config/all-errors", test_all_errors_reported);
	g_test_add_func("/config/syntax-error-line", test_syntax_error_line);
	g_test_add_func("/config/full-width", test_full_width);
	g_test_add_func("/config/timezone", test_timezone);
	g_test_add_func("/config/deadline", test_deadline);
	g_test_add_func("/config/monthly-report", test_monthly_report);
	g_test_add_func("/config/deadline-values", test_deadline_values);
	return g_test_run();
}
