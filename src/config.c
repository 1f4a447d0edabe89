/*
 * libconfig file → struct config.  Every problem is collected with its
 * file:line so that `bulletind -n` reports them all at once; unknown keys
 * get the nearest known key as a suggestion.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libconfig.h>

#include "config.h"
#include "error.h"
#include "typeface.h"

enum key_type {
	KEY_STRING, KEY_INT, KEY_BOOL, KEY_GROUP, KEY_LIST, KEY_ARRAY,
	KEY_STRINGS,	/* one string or an array of them */
};

struct key_spec {
	const char	*name;
	enum key_type	 type;
	gboolean	 required;
};

struct loader {
	const char	*file;
	GPtrArray	*errors;	/* char * */
	GPtrArray	*warnings;	/* char *, the config's */
};

static const struct key_spec top_keys[] = {
	{ "bulletin", KEY_GROUP, TRUE }, { "units", KEY_LIST, TRUE },
	{ "editors", KEY_LIST, TRUE }, { "lists", KEY_GROUP, TRUE },
	{ "imap", KEY_GROUP, TRUE }, { "smtp", KEY_GROUP, TRUE },
	{ "state_dir", KEY_STRING, TRUE }, { "key_file", KEY_STRING, TRUE },
	{ "code_lifetime", KEY_INT, FALSE }, { "user", KEY_STRING, FALSE },
	{ "limits", KEY_GROUP, FALSE }, { "render", KEY_GROUP, FALSE },
	{ "authserv_id", KEY_STRINGS, FALSE },
	{ "sender_authentication", KEY_STRING, FALSE },
	{ "timezone", KEY_STRING, FALSE }, { "scoring", KEY_GROUP, FALSE },
	{ NULL },
};
static const struct key_spec scoring_keys[] = {
	{ "outlets", KEY_LIST, FALSE }, { "instructions", KEY_LIST, FALSE },
	{ "deductions", KEY_LIST, FALSE }, { "highest_only", KEY_BOOL, FALSE },
	{ "quota", KEY_INT, FALSE }, { "base_score", KEY_INT, FALSE },
	{ "commission_misses", KEY_INT, FALSE },
	{ "monthly_report", KEY_STRING, FALSE },
	{ NULL },
};
static const struct key_spec rule_keys[] = {
	{ "name", KEY_STRING, TRUE }, { "points", KEY_INT, TRUE },
	{ NULL },
};
static const struct key_spec limits_keys[] = {
	{ "message_size", KEY_INT, FALSE }, { "mime_depth", KEY_INT, FALSE },
	{ "mime_parts", KEY_INT, FALSE },
	{ NULL },
};
static const struct key_spec bulletin_keys[] = {
	{ "title", KEY_STRING, TRUE }, { "office", KEY_STRING, TRUE },
	{ "chief_editor", KEY_STRING, TRUE }, { "mailbox", KEY_STRING, TRUE },
	{ "first_number", KEY_INT, FALSE }, { "numbering", KEY_STRING, FALSE },
	{ "deadline", KEY_STRING, FALSE }, { "reminders", KEY_STRINGS, FALSE },
	{ NULL },
};
static const struct key_spec unit_keys[] = {
	{ "code", KEY_STRING, TRUE }, { "name", KEY_STRING, TRUE },
	{ "addresses", KEY_ARRAY, TRUE },
	{ NULL },
};
static const struct key_spec editor_keys[] = {
	{ "name", KEY_STRING, TRUE }, { "address", KEY_STRING, TRUE },
	{ "roles", KEY_ARRAY, TRUE },
	{ NULL },
};
static const struct key_spec lists_keys[] = {
	{ "bao", KEY_GROUP, TRUE }, { "fa", KEY_GROUP, TRUE },
	{ "song", KEY_GROUP, FALSE },
	{ NULL },
};
static const struct key_spec render_keys[] = {
	{ "title_font", KEY_STRING, FALSE }, { "body_font", KEY_STRING, FALSE },
	{ "heading1_font", KEY_STRING, FALSE },
	{ "heading2_font", KEY_STRING, FALSE },
	{ "total_number", KEY_BOOL, FALSE }, { "total_offset", KEY_INT, FALSE },
	{ NULL },
};
static const struct key_spec list_keys[] = {
	{ "label", KEY_STRING, TRUE }, { "members", KEY_ARRAY, TRUE },
	{ NULL },
};
static const struct key_spec imap_keys[] = {
	{ "url", KEY_STRING, TRUE }, { "user", KEY_STRING, TRUE },
	{ "password_file", KEY_STRING, TRUE }, { "ca_file", KEY_STRING, FALSE },
	{ "tls_verify", KEY_BOOL, FALSE }, { "poll_interval", KEY_INT, FALSE },
	{ "processed_folder", KEY_STRING, FALSE },
	{ "quarantine_folder", KEY_STRING, FALSE },
	{ "timeout", KEY_INT, FALSE }, { "idle", KEY_BOOL, FALSE },
	{ "idle_renew", KEY_INT, FALSE },
	{ NULL },
};
static const struct key_spec smtp_keys[] = {
	{ "url", KEY_STRING, TRUE }, { "user", KEY_STRING, TRUE },
	{ "password_file", KEY_STRING, TRUE }, { "ca_file", KEY_STRING, FALSE },
	{ "tls_verify", KEY_BOOL, FALSE }, { "from", KEY_STRING, TRUE },
	{ "retry_initial", KEY_INT, FALSE }, { "retry_max", KEY_INT, FALSE },
	{ "retry_give_up", KEY_INT, FALSE },
	{ "timeout", KEY_INT, FALSE },
	{ NULL },
};

/* "file:line: SEVERITY: message" for S (the file's line 0 without S). */
static char * G_GNUC_PRINTF(4, 0)
located(struct loader *l, const config_setting_t *s, const char *severity,
    const char *fmt, va_list ap)
{
	g_autofree char *msg = g_strdup_vprintf(fmt, ap);
	const char *file = s ? config_setting_source_file(s) : NULL;
	int line = s ? config_setting_source_line(s) : 0;

	return g_strdup_printf("%s:%d: %s: %s", file ? file : l->file, line,
	    severity, msg);
}

static void G_GNUC_PRINTF(3, 4)
loader_error(struct loader *l, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_ptr_array_add(l->errors, located(l, s, "error", fmt, ap));
	va_end(ap);
}

/* What the daemon accepts but the office should fix: logged at start. */
static void G_GNUC_PRINTF(3, 4)
loader_warning(struct loader *l, const config_setting_t *s,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_ptr_array_add(l->warnings, located(l, s, "warning", fmt, ap));
	va_end(ap);
}

/* The line of PARENT's member NAME, 0 if it is not set. */
static int
member_line(const config_setting_t *parent, const char *name)
{
	config_setting_t *s = parent ? config_setting_get_member(parent, name) :
	    NULL;

	return s ? config_setting_source_line(s) : 0;
}

/* "file:line" of setting S (of the file when S is NULL). */
static char *
setting_where(const struct loader *l, const config_setting_t *s)
{
	const char *file = s ? config_setting_source_file(s) : NULL;

	return g_strdup_printf("%s:%d", file ? file : l->file,
	    s ? config_setting_source_line(s) : 0);
}

/* Levenshtein distance on bytes; keys are ASCII. */
static guint
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	g_autofree guint *row = g_new(guint, lb + 1);

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		guint diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			guint up = row[j];
			guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1),
			    diag + cost);
			diag = up;
		}
	}
	return row[lb];
}

static const char *
nearest_key(const struct key_spec *specs, const char *name)
{
	const char *best = NULL;
	guint best_d = G_MAXUINT;

	for (; specs->name != NULL; specs++) {
		guint d = edit_distance(specs->name, name);
		if (d < best_d) {
			best_d = d;
			best = specs->name;
		}
	}
	return best_d <= MAX(2u, strlen(name) / 3) ? best : NULL;
}

static gboolean
type_matches(const config_setting_t *s, enum key_type type)
{
	switch (type) {
	case KEY_STRING:
		return config_setting_type(s) == CONFIG_TYPE_STRING;
	case KEY_INT:
		return config_setting_type(s) == CONFIG_TYPE_INT ||
		    config_setting_type(s) == CONFIG_TYPE_INT64;
	case KEY_BOOL:
		return config_setting_type(s) == CONFIG_TYPE_BOOL;
	case KEY_GROUP:
		return config_setting_is_group(s);
	case KEY_LIST:
		return config_setting_is_list(s);
	case KEY_ARRAY:
		return config_setting_is_array(s) || config_setting_is_list(s);
	case KEY_STRINGS:
		return config_setting_type(s) == CONFIG_TYPE_STRING ||
		    config_setting_is_array(s);
	}
	g_assert_not_reached();
}

static const char *
type_name(enum key_type type)
{
	static const char *names[] = {
		"a string", "an integer", "true or false", "a group { … }",
		"a list ( … )", "an array [ … ]",
		"a string or an array of strings",
	};
	return names[type];
}

/* Check a group's keys against SPECS: unknown, missing and mistyped keys. */
static gboolean
check_group(struct loader *l, const config_setting_t *group,
    const struct key_spec *specs, const char *what)
{
	guint before = l->errors->len;
	int n = config_setting_length(group);

	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(group, i);
		const char *name = config_setting_name(s);
		const struct key_spec *spec = specs;

		while (spec->name != NULL && strcmp(spec->name, name) != 0)
			spec++;
		if (spec->name == NULL) {
			const char *near = nearest_key(specs, name);
			if (near != NULL)
				loader_error(l, s, "unknown key '%s' in %s "
				    "(did you mean '%s'?)", name, what, near);
			else
				loader_error(l, s, "unknown key '%s' in %s",
				    name, what);
		} else if (!type_matches(s, spec->type))
			loader_error(l, s, "'%s' must be %s", name,
			    type_name(spec->type));
	}
	for (; specs->name != NULL; specs++)
		if (specs->required &&
		    config_setting_get_member(group, specs->name) == NULL)
			loader_error(l, group, "%s: missing '%s'", what,
			    specs->name);
	return l->errors->len == before;
}

static char *
get_string(const config_setting_t *group, const char *name, const char *dflt)
{
	const char *v = NULL;

	if (!config_setting_lookup_string(group, name, &v))
		v = dflt;
	return g_strdup(v);
}

static int
get_int(const config_setting_t *group, const char *name, int dflt)
{
	int v;

	return config_setting_lookup_int(group, name, &v) ? v : dflt;
}

static gboolean
get_bool(const config_setting_t *group, const char *name, gboolean dflt)
{
	int v;

	return config_setting_lookup_bool(group, name, &v) ? v : dflt;
}

/* A mail address we accept: local@domain, no spaces, controls or brackets. */
static gboolean
address_is_plain(const char *a)
{
	const char *at = strchr(a, '@');

	if (at == NULL || at == a || at[1] == '\0' || strchr(at + 1, '@'))
		return FALSE;
	for (; *a != '\0'; a++)
		if ((guchar)*a <= ' ' || strchr("<>()[],;:\"\\", *a))
			return FALSE;
	return TRUE;
}

static char ascii_look_alike(gunichar ch);

/* The first full-width look-alike in V (a ＠ typed with the input
 * method), as "full-width "＠" where "@" is meant", or NULL. */
static char *
full_width_in(const char *v)
{
	if (!g_utf8_validate(v, -1, NULL))
		return NULL;
	for (const char *p = v; *p != '\0'; p = g_utf8_next_char(p)) {
		char ascii = ascii_look_alike(g_utf8_get_char(p));
		if (ascii != 0 && ascii != ' ')
			return g_strdup_printf("full-width \"%.*s\" where "
			    "\"%c\" is meant", (int)(g_utf8_next_char(p) - p),
			    p, ascii);
	}
	return NULL;
}

static char *
checked_address(struct loader *l, const config_setting_t *s, const char *v)
{
	if (v == NULL || !address_is_plain(v)) {
		g_autofree char *wide = v ? full_width_in(v) : NULL;
		loader_error(l, s, "'%s' is not a plain mail address "
		    "(local@domain)%s%s", v ? v : "", wide ? ": " : "",
		    wide ? wide : "");
		return NULL;
	}
	return g_ascii_strdown(v, -1);
}

/* The element of ARR before index BEFORE that holds ADDRESS, or NULL. */
static config_setting_t *
earlier_address(const config_setting_t *arr, int before, const char *address)
{
	for (int i = 0; i < before; i++) {
		config_setting_t *e = config_setting_get_elem(arr, i);
		const char *v = config_setting_get_string(e);
		if (v != NULL && g_ascii_strcasecmp(v, address) == 0)
			return e;
	}
	return NULL;
}

/*
 * Strings of an array or list as lower-case addresses; WHAT names the
 * array in warnings.  An address given twice is kept once: a list member
 * would get one copy anyway (the outbox holds one per recipient).
 */
static GPtrArray *
get_addresses(struct loader *l, const config_setting_t *group,
    const char *name, const char *what)
{
	config_setting_t *arr = config_setting_get_member(group, name);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	int n = arr ? config_setting_length(arr) : 0;

	for (int i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(arr, i);
		char *a = checked_address(l, e, config_setting_get_string(e));
		config_setting_t *first = a ? earlier_address(arr, i, a) : NULL;
		if (first != NULL) {
			loader_warning(l, e, "%s is listed twice in %s (first "
			    "at line %d); remove one", a, what,
			    config_setting_source_line(first));
			g_free(a);
		} else if (a != NULL)
			g_ptr_array_add(out, a);
	}
	if (arr != NULL && n == 0)
		loader_error(l, arr, "'%s' must name at least one address",
		    name);
	return out;
}

static void
unit_free(struct unit *u)
{
	g_free(u->code);
	g_free(u->name);
	g_ptr_array_unref(u->addresses);
	g_free(u);
}

static void
editor_free(struct editor *e)
{
	g_free(e->name);
	g_free(e->address);
	g_free(e);
}

static gint
offset_later_first(gconstpointer a, gconstpointer b)
{
	gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* One 催稿 offset S ("48h"), added to C's reminders unless wrong. */
static void
load_reminder(struct loader *l, struct config *c, config_setting_t *s)
{
	const char *v = config_setting_get_string(s);
	gint64 seconds;

	if (v == NULL || !schedule_parse_offset(v, &seconds)) {
		loader_error(l, s, "reminder \"%s\" is not a time before the "
		    "deadline: write a number and a unit, d, h or m "
		    "(\"48h\", \"2d\", \"30m\")", v ? v : "");
		return;
	}
	for (guint i = 0; i < c->bulletin.reminders->len; i++)
		if (g_array_index(c->bulletin.reminders, gint64, i) == seconds) {
			loader_error(l, s, "reminder \"%s\" is given twice; "
			    "remove one", v);
			return;
		}
	g_array_append_val(c->bulletin.reminders, seconds);
}

/* A round a whole period before its deadline would fall before the
 * previous one's: the office means something else. */
static void
check_reminder_span(struct loader *l, const struct config *c,
    config_setting_t *r)
{
	gint64 period = c->bulletin.deadline.kind == SCHEDULE_WEEKLY ?
	    7 * 86400 : 28 * 86400;

	if (c->bulletin.deadline.kind == SCHEDULE_NONE ||
	    c->bulletin.reminders->len == 0)
		return;
	if (g_array_index(c->bulletin.reminders, gint64, 0) >= period)
		loader_error(l, r, "reminders must fall within one period "
		    "before the deadline (less than %s): shorten the "
		    "longest", period == 7 * 86400 ? "7d for a weekly "
		    "deadline" : "28d for a monthly deadline");
}

/* 截稿 deadline = "fri 17:00" and reminders = [ "48h", "4h" ]. */
static void
load_deadline(struct loader *l, struct config *c, config_setting_t *g)
{
	config_setting_t *d = config_setting_get_member(g, "deadline");
	config_setting_t *r = config_setting_get_member(g, "reminders");
	g_autofree char *problem = NULL;

	if (d != NULL && !schedule_parse(config_setting_get_string(d),
	    &c->bulletin.deadline, &problem))
		loader_error(l, d, "%s", problem);
	if (r == NULL)
		return;
	if (d == NULL)
		loader_error(l, r, "reminders need a deadline to count back "
		    "from: add deadline = \"fri 17:00\" (or a day of the "
		    "month, \"25 17:00\") to bulletin");
	if (config_setting_type(r) == CONFIG_TYPE_STRING)
		load_reminder(l, c, r);
	for (int i = 0; i < config_setting_length(r) &&
	    config_setting_type(r) != CONFIG_TYPE_STRING; i++)
		load_reminder(l, c, config_setting_get_elem(r, i));
	g_array_sort(c->bulletin.reminders, offset_later_first);
	check_reminder_span(l, c, r);
}

static void
load_bulletin(struct loader *l, struct config *c, config_setting_t *g)
{
	c->bulletin.title = get_string(g, "title", "");
	c->bulletin.office = get_string(g, "office", "");
	c->bulletin.chief_editor = get_string(g, "chief_editor", "");
	c->bulletin.mailbox = get_string(g, "mailbox", "");
	/* Printed as written, but it must be an address like the others. */
	g_free(checked_address(l, config_setting_get_member(g, "mailbox"),
	    c->bulletin.mailbox));
	g_autofree char *numbering = get_string(g, "numbering", "yearly");

	c->bulletin.first_number = get_int(g, "first_number", 1);
	c->bulletin.yearly = strcmp(numbering, "yearly") == 0;
	if (!c->bulletin.yearly && strcmp(numbering, "continuous") != 0)
		loader_error(l, config_setting_get_member(g, "numbering"),
		    "numbering must be \"yearly\" or \"continuous\"");
	if (c->bulletin.first_number < 1)
		loader_error(l, config_setting_get_member(g, "first_number"),
		    "first_number must be 1 or more");
	load_deadline(l, c, g);
}

/* The element of G's addresses that holds ADDRESS (for its line). */
static config_setting_t *
address_setting(const config_setting_t *g, const char *name,
    const char *address)
{
	config_setting_t *arr = config_setting_get_member(g, name);

	return arr ? earlier_address(arr, config_setting_length(arr),
	    address) : NULL;
}

/* An address names one unit: mail from it is filed under that unit. */
static void
check_unit_addresses(struct loader *l, const struct config *c,
    const config_setting_t *g, const struct unit *u)
{
	for (guint i = 0; i < u->addresses->len; i++) {
		const char *a = u->addresses->pdata[i];
		const struct unit *other = config_find_unit_by_address(c, a);
		if (other != NULL)
			loader_error(l, address_setting(g, "addresses", a),
			    "%s is an address of both unit '%s' and unit '%s'; "
			    "mail from it must belong to one unit: remove it "
			    "from one", a, other->code, u->code);
	}
}

static void
load_units(struct loader *l, struct config *c, config_setting_t *list)
{
	int n = config_setting_length(list);

	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, i);
		g_autofree char *what = NULL;
		struct unit *u;

		if (!config_setting_is_group(g)) {
			loader_error(l, g, "each unit must be a group { … }");
			continue;
		}
		if (!check_group(l, g, unit_keys, "unit"))
			continue;
		u = g_new0(struct unit, 1);
		u->code = get_string(g, "code", "");
		u->name = get_string(g, "name", "");
		what = g_strdup_printf("unit '%s'", u->code);
		u->addresses = get_addresses(l, g, "addresses", what);
		if (config_find_unit(c, u->code) != NULL)
			loader_error(l, g, "unit code '%s' is used twice",
			    u->code);
		check_unit_addresses(l, c, g, u);
		g_ptr_array_add(c->units, u);
	}
	if (n == 0)
		loader_error(l, list, "at least one unit is needed");
}

static gboolean
parse_roles(struct loader *l, config_setting_t *roles, struct editor *e)
{
	int n = config_setting_length(roles);

	for (int i = 0; i < n; i++) {
		config_setting_t *r = config_setting_get_elem(roles, i);
		const char *v = config_setting_get_string(r);

		if (g_strcmp0(v, "editor") == 0)
			e->edits = TRUE;
		else if (g_strcmp0(v, "signer") == 0)
			e->signs = TRUE;
		else {
			loader_error(l, r, "unknown role '%s' (roles are "
			    "\"editor\" and \"signer\")", v ? v : "");
			return FALSE;
		}
	}
	return TRUE;
}

static void
load_editors(struct loader *l, struct config *c, config_setting_t *list)
{
	int n = config_setting_length(list);
	gboolean any_signer = FALSE;

	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, i);
		struct editor *e;

		if (!config_setting_is_group(g)) {
			loader_error(l, g, "each editor must be a group { … }");
			continue;
		}
		if (!check_group(l, g, editor_keys, "editor"))
			continue;
		e = g_new0(struct editor, 1);
		e->name = get_string(g, "name", "");
		e->address = checked_address(l,
		    config_setting_get_member(g, "address"),
		    config_setting_get_string(
		    config_setting_get_member(g, "address")));
		parse_roles(l, config_setting_get_member(g, "roles"), e);
		any_signer |= e->signs;
		if (e->address == NULL) {
			editor_free(e);
			continue;
		}
		if (config_find_unit_by_address(c, e->address) != NULL)
			loader_error(l, config_setting_get_member(g, "address"),
			    "%s is both a unit's and an editor's address (mail "
			    "from it could not be told a contribution or a "
			    "command); give the editor another address",
			    e->address);
		g_ptr_array_add(c->editors, e);
	}
	if (!any_signer)
		loader_error(l, list, "no editor has the role \"signer\" "
		    "(签发): nobody could confirm an issue");
}

static void
load_list(struct loader *l, struct mail_list *ml, config_setting_t *g,
    const char *what)
{
	if (!check_group(l, g, list_keys, what))
		return;
	ml->label = get_string(g, "label", "");
	g_ptr_array_unref(ml->members);
	ml->members = get_addresses(l, g, "members", what);
}

static gboolean
list_has(const struct mail_list *ml, const char *address)
{
	for (guint i = 0; i < ml->members->len; i++)
		if (strcmp(ml->members->pdata[i], address) == 0)
			return TRUE;
	return FALSE;
}

/*
 * A member of LATER (lists.LATER_KEY) who is also in EARLIER: the outbox
 * holds one copy per recipient, queued under EARLIER (the lists are
 * queued 报, 送, 发).
 */
static void
check_overlap(struct loader *l, const config_setting_t *lists,
    const struct mail_list *earlier, const char *earlier_name,
    const struct mail_list *later, const char *later_key,
    const char *later_name)
{
	config_setting_t *g = config_setting_get_member(lists, later_key);

	for (guint i = 0; g != NULL && i < later->members->len; i++) {
		const char *a = later->members->pdata[i];
		if (list_has(earlier, a))
			loader_warning(l, address_setting(g, "members", a),
			    "%s is in both %s and %s: it gets one copy, as %s; "
			    "remove it from one list", a, earlier_name,
			    later_name, earlier_name);
	}
}

/* The files a peer names: also taken from a group with errors, so that
 * bulletind -n checks them as well. */
static void
load_peer_files(struct tls_peer *p, config_setting_t *g)
{
	if (p->password_file != NULL)
		return;
	p->password_file = get_string(g, "password_file", "");
	p->ca_file = get_string(g, "ca_file", NULL);
	p->password_file_line = member_line(g, "password_file");
	p->ca_file_line = member_line(g, "ca_file");
}

static void
load_peer(struct loader *l, struct tls_peer *p, config_setting_t *g,
    const char *scheme_a, const char *scheme_b)
{
	load_peer_files(p, g);
	p->url = get_string(g, "url", "");
	p->user = get_string(g, "user", "");
	p->verify = get_bool(g, "tls_verify", TRUE);
	if (!p->verify)
		loader_warning(l, config_setting_get_member(g, "tls_verify"),
		    "tls_verify = false: the server's certificate is not "
		    "checked, so whoever sits in between can read the password "
		    "and the mail; set ca_file to the server's CA certificate "
		    "and remove tls_verify");
	p->timeout = get_int(g, "timeout", 30);
	if (p->timeout < 1 || p->timeout > 600)
		loader_error(l, config_setting_get_member(g, "timeout"),
		    "timeout must be between 1 and 600 seconds");
	if (!g_str_has_prefix(p->url, scheme_a) &&
	    !g_str_has_prefix(p->url, scheme_b))
		loader_error(l, config_setting_get_member(g, "url"),
		    "url must start with %s or %s", scheme_a, scheme_b);
}

static gboolean
folder_is_ascii(const char *f)
{
	for (; *f != '\0'; f++)
		if ((guchar)*f < ' ' || (guchar)*f > '~' || *f == '"' ||
		    *f == '\\' || *f == '&')
			return FALSE;
	return TRUE;
}

static void
load_imap(struct loader *l, struct config *c, config_setting_t *g)
{
	load_peer(l, &c->imap, g, "imaps://", "imap://");
	c->poll_interval = get_int(g, "poll_interval", 60);
	c->imap_idle = get_bool(g, "idle", TRUE);
	c->idle_renew = get_int(g, "idle_renew", 25 * 60);
	if (c->idle_renew < 1 || c->idle_renew > 29 * 60)
		loader_error(l, config_setting_get_member(g, "idle_renew"),
		    "idle_renew must be between 1 and 1740 seconds (RFC 2177)");
	c->imap_processed_folder = get_string(g, "processed_folder", "Filed");
	c->imap_quarantine_folder = get_string(g, "quarantine_folder",
	    "Quarantine");
	if (c->poll_interval < 1 || c->poll_interval > 86400)
		loader_error(l, config_setting_get_member(g, "poll_interval"),
		    "poll_interval must be between 1 and 86400 seconds");
	if (!folder_is_ascii(c->imap_processed_folder) ||
	    !folder_is_ascii(c->imap_quarantine_folder))
		loader_error(l, g, "folder names must be printable ASCII "
		    "without '\"', '\\\\' or '&' (IMAP mUTF-7 is not supported)");
}

static void
load_smtp(struct loader *l, struct config *c, config_setting_t *g)
{
	config_setting_t *from = config_setting_get_member(g, "from");

	load_peer(l, &c->smtp, g, "smtps://", "smtp://");
	if (from != NULL)
		c->smtp_from = checked_address(l, from,
		    config_setting_get_string(from));
	c->retry_initial = get_int(g, "retry_initial", 60);
	c->retry_max = get_int(g, "retry_max", 3600);
	c->retry_give_up = get_int(g, "retry_give_up", 5 * 86400);
	if (c->retry_initial < 1 || c->retry_max < c->retry_initial)
		loader_error(l, g, "retry_initial must be at least 1 and "
		    "retry_max at least retry_initial");
}

static void
load_limits(struct loader *l, struct config *c, config_setting_t *g)
{
	long long size = 25 << 20;

	/* libconfig reads an int setting as int64 too. */
	if (g != NULL)
		config_setting_lookup_int64(g, "message_size", &size);
	c->limits.message_size = size;
	c->limits.mime_depth = g ? get_int(g, "mime_depth", 10) : 10;
	c->limits.mime_parts = g ? get_int(g, "mime_parts", 100) : 100;
	if (size < 1024 || c->limits.mime_depth < 2 ||
	    c->limits.mime_parts < 2)
		loader_error(l, g, "limits: message_size must be at least 1024, "
		    "mime_depth and mime_parts at least 2");
}

/* Font setting KEY of G, or DEFAULT; at least one family named. */
static char *
load_font(struct loader *l, config_setting_t *g, const char *key,
    const char *fallback)
{
	char *list = g ? get_string(g, key, fallback) : g_strdup(fallback);
	g_auto(GStrv) names = typeface_split(list);

	if (names[0] == NULL)
		loader_error(l, g ? config_setting_get_member(g, key) : NULL,
		    "render: "
		    "%s names no font; give a comma-separated family list, "
		    "e.g. \"%s\"", key, fallback);
	return list;
}

static void
load_render(struct loader *l, struct config *c, config_setting_t *g)
{
	c->render.title_font = load_font(l, g, "title_font",
	    TYPEFACE_DEFAULT_TITLE);
	c->render.body_font = load_font(l, g, "body_font",
	    TYPEFACE_DEFAULT_BODY);
	c->render.heading1_font = load_font(l, g, "heading1_font",
	    TYPEFACE_DEFAULT_HEADING1);
	c->render.heading2_font = load_font(l, g, "heading2_font",
	    TYPEFACE_DEFAULT_HEADING2);
	for (int i = 0; i < TYPEFACE_COUNT; i++)
		c->render.font_line[i] = member_line(g, typeface_key(i));
	c->render.total_number = g ? get_bool(g, "total_number", FALSE) : FALSE;
	c->render.total_offset = g ? get_int(g, "total_offset", 0) : 0;
	if (c->render.total_offset < 0)
		loader_error(l, g, "render: total_offset must be 0 or more");
}

/* A member of the expected type, or NULL (check_group reported it). */
static config_setting_t *
section(const config_setting_t *parent, const char *name, enum key_type type)
{
	config_setting_t *s;

	if (parent == NULL)
		return NULL;
	s = config_setting_get_member(parent, name);
	return s != NULL && type_matches(s, type) ? s : NULL;
}

static void
load_lists(struct loader *l, struct config *c, config_setting_t *lists)
{
	config_setting_t *g;

	if (lists == NULL)
		return;
	check_group(l, lists, lists_keys, "lists");
	if ((g = section(lists, "bao", KEY_GROUP)) != NULL)
		load_list(l, &c->bao, g, "lists.bao");
	if ((g = section(lists, "fa", KEY_GROUP)) != NULL)
		load_list(l, &c->fa, g, "lists.fa");
	if ((g = section(lists, "song", KEY_GROUP)) != NULL)
		load_list(l, &c->song, g, "lists.song");
	check_overlap(l, lists, &c->bao, "报", &c->song, "song", "送");
	check_overlap(l, lists, &c->bao, "报", &c->fa, "fa", "发");
	check_overlap(l, lists, &c->song, "送", &c->fa, "fa", "发");
}

/* The host of a URL such as "imaps://mail.example.test:993", or NULL. */
static char *
url_host(const char *url)
{
	g_autoptr(GUri) uri = url ? g_uri_parse(url, G_URI_FLAGS_NONE,
	    NULL) : NULL;

	return uri && g_uri_get_host(uri) ? g_strdup(g_uri_get_host(uri)) :
	    NULL;
}

/* Whose evidence counts (default: the IMAP server's host name) and the
 * weaker mode an office without such evidence must name. */
static void
load_authentication(struct loader *l, struct config *c,
    config_setting_t *root)
{
	config_setting_t *ids = config_setting_get_member(root,
	    "authserv_id");
	g_autofree char *mode = get_string(root, "sender_authentication",
	    "required");
	char *host;

	if (ids != NULL && config_setting_type(ids) == CONFIG_TYPE_STRING)
		g_ptr_array_add(c->authserv_ids, g_strdup(
		    config_setting_get_string(ids)));
	for (int i = 0; ids != NULL && config_setting_is_array(ids) &&
	    i < config_setting_length(ids); i++) {
		const char *id = config_setting_get_string_elem(ids, i);
		if (id != NULL && *id != '\0')
			g_ptr_array_add(c->authserv_ids, g_strdup(id));
	}
	if (ids == NULL && (host = url_host(c->imap.url)) != NULL)
		g_ptr_array_add(c->authserv_ids, host);
	if (strcmp(mode, "from-header") == 0) {
		c->trust_from_header = TRUE;
		loader_warning(l, config_setting_get_member(root,
		    "sender_authentication"), "sender_authentication = "
		    "\"from-header\": commands are authorised by the From: "
		    "header alone, so anyone who can mail the office mailbox "
		    "can give editors' commands; have the server write "
		    "Authentication-Results or Authenticated sender and remove "
		    "this line");
	} else if (strcmp(mode, "required") != 0)
		loader_error(l, config_setting_get_member(root,
		    "sender_authentication"), "sender_authentication must be "
		    "\"required\" (the default) or \"from-header\"");
}

/* Where the zone files are; GLib reads TZDIR the same way. */
static const char *
zoneinfo_dir(void)
{
	const char *dir = g_getenv("TZDIR");

	return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

/* The office's zone: a tz database name, or "system" for the machine's
 * (TZ, else /etc/localtime). */
static void
load_timezone(struct loader *l, struct config *c, config_setting_t *root)
{
	config_setting_t *s = config_setting_get_member(root, "timezone");

	c->timezone = get_string(root, "timezone", "Asia/Shanghai");
	if (strcmp(c->timezone, "system") == 0)
		c->zone = g_time_zone_new_local();
	else
		c->zone = g_time_zone_new_identifier(c->timezone);
	if (c->zone != NULL)
		return;
	if (!g_file_test(zoneinfo_dir(), G_FILE_TEST_IS_DIR))
		loader_error(l, s, "time zone \"%s\"%s: there is no time zone "
		    "data (%s is missing); install the tzdata package, or set "
		    "timezone = \"system\"", c->timezone, s ? "" :
		    " (the default)", zoneinfo_dir());
	else
		loader_error(l, s, "unknown time zone \"%s\"%s; use a name "
		    "from %s such as Asia/Shanghai, or \"system\"",
		    c->timezone, s ? "" : " (the default)", zoneinfo_dir());
}

/* ---- 信息考核 rules ----------------------------------------------------- */

struct rule_default {
	const char	*name;
	int		 points;
};

/*
 * The defaults follow the common 信息考核办法 of district offices: an
 * article printed in our own bulletin 2 points, adopted by the district's
 * 区委办/区政府办 3, by the city 5, the province 10, the state 20; a 批示
 * by a district leader 3, a city leader 5, the city's principal leader
 * 10, a provincial leader 50; 迟报 1, 漏报 2, 失实 5 points off, and the
 * hook for the 约稿 rules (未按时按质完成约稿) 2.
 */
static const struct rule_default default_outlets[] = {
	{ "本刊", 2 }, { "区级", 3 }, { "市级", 5 }, { "省级", 10 },
	{ "国家级", 20 }, { NULL, 0 },
};
static const struct rule_default default_instructions[] = {
	{ "区领导", 3 }, { "市领导", 5 }, { "市主要领导", 10 }, { "省领导", 50 },
	{ NULL, 0 },
};
static const struct rule_default default_deductions[] = {
	{ "迟报", 1 }, { "漏报", 2 }, { "失实", 5 }, { "约稿未完成", 2 },
	{ NULL, 0 },
};

static void
score_rule_free(struct score_rule *r)
{
	if (r == NULL)
		return;
	g_free(r->name);
	g_free(r);
}

static GPtrArray *
rules_new(void)
{
	return g_ptr_array_new_with_free_func((GDestroyNotify)score_rule_free);
}

static void
rules_add(GPtrArray *rules, const char *name, int points)
{
	struct score_rule *r = g_new0(struct score_rule, 1);

	r->name = g_strdup(name);
	r->points = points;
	g_ptr_array_add(rules, r);
}

static GPtrArray *
rules_default(const struct rule_default *d)
{
	GPtrArray *rules = rules_new();

	for (; d->name != NULL; d++)
		rules_add(rules, d->name, d->points);
	return rules;
}

/* A rule's name is a word of an editor's command: no spaces, once. */
static void
check_rule(struct loader *l, const config_setting_t *g, GPtrArray *rules,
    const char *name, int points, const char *what)
{
	if (*name == '\0' || strpbrk(name, " \t,;") != NULL ||
	    strstr(name, "\u3000") != NULL || strstr(name, "，") != NULL)
		loader_error(l, g, "scoring.%s: name \"%s\" must be one word "
		    "without spaces or commas, as editors type it in a "
		    "command (e.g. \"市级\")", what, name);
	else if (config_find_rule(rules, name) != NULL)
		loader_error(l, g, "scoring.%s: \"%s\" is listed twice; keep "
		    "one of them", what, name);
	if (points < 0 || points > 1000)
		loader_error(l, g, "scoring.%s: points of \"%s\" are %d; they "
		    "must be from 0 to 1000 (a deduction is written as the "
		    "positive number of points it takes off)", what, name,
		    points);
}

/* The list WHAT of SCORING, or the defaults D when it is not set. */
static GPtrArray *
load_rules(struct loader *l, const config_setting_t *scoring,
    const char *what, const struct rule_default *d)
{
	config_setting_t *list = section(scoring, what, KEY_LIST);
	GPtrArray *rules;
	int n;

	if (list == NULL)
		return rules_default(d);
	rules = rules_new();
	n = config_setting_length(list);
	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, i);
		g_autofree char *name = NULL;
		int points;
		if (!config_setting_is_group(g)) {
			loader_error(l, g, "scoring.%s: each entry must be a "
			    "group { name = \"…\"; points = N; }", what);
			continue;
		}
		if (!check_group(l, g, rule_keys, what))
			continue;
		name = get_string(g, "name", "");
		points = get_int(g, "points", 0);
		check_rule(l, g, rules, name, points, what);
		rules_add(rules, name, points);
	}
	if (n == 0 && strcmp(what, "outlets") == 0)
		loader_error(l, list, "scoring.outlets: at least one outlet is "
		    "needed; the first is 本刊 (our own issues), e.g. "
		    "( { name = \"本刊\"; points = 2; } )");
	return rules;
}

/* scoring.monthly_report = "09:00": when the last month's 通报 goes to
 * the editors on the first working day of a month; absent: never. */
static void
load_monthly_report(struct loader *l, struct scoring *s,
    config_setting_t *g)
{
	g_autofree char *text = g ? get_string(g, "monthly_report", NULL) :
	    NULL;

	s->monthly_hour = s->monthly_minute = -1;
	if (text != NULL && !schedule_parse_time(text, &s->monthly_hour,
	    &s->monthly_minute)) {
		s->monthly_hour = s->monthly_minute = -1;
		loader_error(l, config_setting_get_member(g, "monthly_report"),
		    "scoring.monthly_report \"%s\" is not a time of day: "
		    "write it as \"HH:MM\", e.g. \"09:00\"", text);
	}
}

static void
load_scoring(struct loader *l, struct config *c, config_setting_t *g)
{
	struct scoring *s = &c->scoring;

	if (g != NULL && !check_group(l, g, scoring_keys, "scoring"))
		g = NULL;	/* reported; the rest from the defaults */
	s->outlets = load_rules(l, g, "outlets", default_outlets);
	s->instructions = load_rules(l, g, "instructions",
	    default_instructions);
	s->deductions = load_rules(l, g, "deductions", default_deductions);
	s->highest_only = g ? get_bool(g, "highest_only", TRUE) : TRUE;
	s->quota = g ? get_int(g, "quota", 4) : 4;
	s->base_score = g ? get_int(g, "base_score", 5) : 5;
	if (s->quota < 0 || s->quota > 100)
		loader_error(l, config_setting_get_member(g, "quota"),
		    "scoring.quota must be from 0 to 100 articles a month "
		    "(0 gives every unit the base score)");
	if (s->base_score < 0 || s->base_score > 1000)
		loader_error(l, config_setting_get_member(g, "base_score"),
		    "scoring.base_score must be from 0 to 1000 (0: no base "
		    "score)");
	s->commission_misses = g ? get_int(g, "commission_misses", 2) : 2;
	if (s->commission_misses < 0 || s->commission_misses > 100)
		loader_error(l, config_setting_get_member(g,
		    "commission_misses"), "scoring.commission_misses must be "
		    "from 0 to 100 (0: a missed 约稿 never zeroes a score)");
	load_monthly_report(l, s, g);
}

static void
load_top(struct loader *l, struct config *c, config_setting_t *root)
{
	config_setting_t *g;

	check_group(l, root, top_keys, "the file");
	if ((g = section(root, "bulletin", KEY_GROUP)) != NULL &&
	    check_group(l, g, bulletin_keys, "bulletin"))
		load_bulletin(l, c, g);
	if ((g = section(root, "units", KEY_LIST)) != NULL)
		load_units(l, c, g);
	if ((g = section(root, "editors", KEY_LIST)) != NULL)
		load_editors(l, c, g);
	load_lists(l, c, section(root, "lists", KEY_GROUP));
	g = section(root, "render", KEY_GROUP);
	if (g == NULL || check_group(l, g, render_keys, "render"))
		load_render(l, c, g);
	g = section(root, "limits", KEY_GROUP);
	if (g == NULL || check_group(l, g, limits_keys, "limits"))
		load_limits(l, c, g);
	if ((g = section(root, "imap", KEY_GROUP)) != NULL) {
		if (check_group(l, g, imap_keys, "imap"))
			load_imap(l, c, g);
		load_peer_files(&c->imap, g);
	}
	if ((g = section(root, "smtp", KEY_GROUP)) != NULL) {
		if (check_group(l, g, smtp_keys, "smtp"))
			load_smtp(l, c, g);
		load_peer_files(&c->smtp, g);
	}
	c->state_dir = get_string(root, "state_dir", "");
	c->state_dir_where = setting_where(l,
	    config_setting_get_member(root, "state_dir"));
	c->key_file = get_string(root, "key_file", "");
	c->code_lifetime = get_int(root, "code_lifetime", 86400);
	c->run_as = get_string(root, "user", NULL);
	c->line.state_dir = member_line(root, "state_dir");
	c->line.key_file = member_line(root, "key_file");
	c->line.run_as = member_line(root, "user");
	load_authentication(l, c, root);
	load_timezone(l, c, root);
	load_scoring(l, c, section(root, "scoring", KEY_GROUP));
	if (c->code_lifetime < 60)
		loader_error(l, config_setting_get_member(root,
		    "code_lifetime"), "code_lifetime must be 60 seconds or more");
}

static struct config *
config_new(const char *file)
{
	struct config *c = g_new0(struct config, 1);

	c->path = g_strdup(file);
	c->bulletin.reminders = g_array_new(FALSE, FALSE, sizeof(gint64));
	c->units = g_ptr_array_new_with_free_func((GDestroyNotify)unit_free);
	c->editors = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)editor_free);
	c->bao.members = g_ptr_array_new_with_free_func(g_free);
	c->fa.members = g_ptr_array_new_with_free_func(g_free);
	c->song.members = g_ptr_array_new_with_free_func(g_free);
	c->authserv_ids = g_ptr_array_new_with_free_func(g_free);
	c->warnings = g_ptr_array_new_with_free_func(g_free);
	return c;
}

/*
 * The ASCII character a Chinese input method's look-alike stands for, or
 * 0: full-width forms (；：，＝｛｝（）［］＂ …), curly quotes, 、。【】 and
 * the ideographic space.
 */
static char
ascii_look_alike(gunichar ch)
{
	if (ch >= 0xFF01 && ch <= 0xFF5E)
		return ch - 0xFEE0;
	switch (ch) {
	case 0x201C: case 0x201D: case 0x2018: case 0x2019:	/* “”‘’ */
		return '"';
	case 0x3001:	/* 、 */
		return ',';
	case 0x3002:	/* 。 */
		return '.';
	case 0x3010:	/* 【 */
		return '[';
	case 0x3011:	/* 】 */
		return ']';
	case 0x3000:	/* ideographic space */
		return ' ';
	default:
		return 0;
	}
}

/* Where the scan of the text is: libconfig's lexical states. */
enum scan_state { SCAN_CODE, SCAN_STRING, SCAN_LINE_COMMENT,
    SCAN_BLOCK_COMMENT };

struct scan {
	struct loader	*l;
	const char	*file;
	enum scan_state	 state;
	int		 line, col;	/* of the character at hand, from 1 */
	gboolean	 string_spans;	/* the string crossed a line break */
	GPtrArray	*in_string;	/* char *: look-alike quotes in it */
};

static char *
full_width_message(const struct scan *sc, const char *p, gsize len,
    char ascii)
{
	return g_strdup_printf(ascii == '"' ? "%s:%d:%d: error: full-width "
	    "\"%.*s\" where '%c' is meant" : "%s:%d:%d: error: full-width "
	    "\"%.*s\" where \"%c\" is meant", sc->file, sc->line, sc->col,
	    (int)len, p, ascii);
}

/* A string that runs over a line break was likely closed by a curly
 * quote: those inside it are the mistake. */
static void
scan_end_string(struct scan *sc)
{
	for (guint i = 0; sc->string_spans && i < sc->in_string->len; i++)
		g_ptr_array_add(sc->l->errors,
		    g_strdup(sc->in_string->pdata[i]));
	g_ptr_array_set_size(sc->in_string, 0);
	sc->string_spans = FALSE;
}

/* Advance over the character at P (LEN bytes); P[1] is readable. */
static void
scan_char(struct scan *sc, const char *p, gsize len, gunichar ch)
{
	char ascii = ascii_look_alike(ch);

	switch (sc->state) {
	case SCAN_CODE:
		if (ch == '"')
			sc->state = SCAN_STRING;
		else if (ch == '#' || (ch == '/' && p[1] == '/'))
			sc->state = SCAN_LINE_COMMENT;
		else if (ch == '/' && p[1] == '*')
			sc->state = SCAN_BLOCK_COMMENT;
		else if (ascii != 0)
			g_ptr_array_add(sc->l->errors,
			    full_width_message(sc, p, len, ascii));
		break;
	case SCAN_STRING:
		if (ch == '"') {
			sc->state = SCAN_CODE;
			scan_end_string(sc);
		} else if (ch == '\n')
			sc->string_spans = TRUE;
		else if (ascii == '"')
			g_ptr_array_add(sc->in_string,
			    full_width_message(sc, p, len, ascii));
		break;
	case SCAN_LINE_COMMENT:
		if (ch == '\n')
			sc->state = SCAN_CODE;
		break;
	case SCAN_BLOCK_COMMENT:
		if (ch == '*' && p[1] == '/')
			sc->state = SCAN_CODE;	/* the '/' is then code: fine */
		break;
	}
}

/*
 * After a parse error: name every look-alike of ASCII punctuation outside
 * strings and comments, with its line and column (in characters).  A bare
 * "syntax error" does not show a full-width ； from a plain ;.
 */
static void
report_full_width(struct loader *l, const char *file)
{
	g_autofree char *text = NULL;
	struct scan sc = { l, file, SCAN_CODE, 1, 1, FALSE,
	    g_ptr_array_new_with_free_func(g_free) };
	gsize size;

	if (g_file_get_contents(file, &text, &size, NULL)) {
		for (const char *p = text; p < text + size;) {
			gunichar ch = g_utf8_get_char_validated(p,
			    text + size - p);
			gsize len = ch < 0x80 || (gint32)ch < 0 ? 1 :
			    (gsize)(g_utf8_next_char(p) - p);
			if ((gint32)ch < 0)
				ch = 0xFFFD;	/* not UTF-8: not ours */
			if (p[0] == '\\' && sc.state == SCAN_STRING &&
			    p + 1 < text + size && p[1] != '\n')
				len = 2;	/* an escape: skip what it escapes */
			scan_char(&sc, p, len, ch);
			if (ch == '\n') {
				sc.line++;
				sc.col = 1;
			} else
				sc.col += len == 2 && p[0] == '\\' ? 2 : 1;
			p += len;
		}
		if (sc.state == SCAN_STRING) {
			sc.string_spans = TRUE;
			scan_end_string(&sc);
		}
	}
	g_ptr_array_unref(sc.in_string);
}

static gboolean
read_file(struct loader *l, config_t *cf)
{
	const char *file;

	if (config_read_file(cf, l->file))
		return TRUE;
	if (config_error_type(cf) == CONFIG_ERR_FILE_IO) {
		g_ptr_array_add(l->errors, g_strdup_printf("%s:0: error: cannot "
		    "read the file", l->file));
		return FALSE;
	}
	file = config_error_file(cf) ? config_error_file(cf) : l->file;
	g_ptr_array_add(l->errors, g_strdup_printf("%s:%d: error: %s", file,
	    config_error_line(cf), config_error_text(cf)));
	report_full_width(l, file);
	return FALSE;
}

/*
 * libconfig says only "file I/O error", and reads a directory as an empty
 * file: open it first to give the reason.
 */
static gboolean
file_is_readable(struct loader *l)
{
	struct stat st;
	int fd = open(l->file, O_RDONLY | O_CLOEXEC);
	int err = 0;

	if (fd < 0 || fstat(fd, &st) != 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	if (fd >= 0)
		close(fd);
	if (err == 0)
		return TRUE;
	g_ptr_array_add(l->errors, g_strdup_printf("%s: cannot read: %s",
	    l->file, g_strerror(err)));
	return FALSE;
}

struct config *
config_load_report(const char *file, GPtrArray **errors_r)
{
	struct config *c = config_new(file);
	struct loader l = { file, g_ptr_array_new_with_free_func(g_free),
	    c->warnings };
	config_t cf;
	gboolean parsed;

	config_init(&cf);
	if ((parsed = file_is_readable(&l) && read_file(&l, &cf)))
		load_top(&l, c, config_root_setting(&cf));
	config_destroy(&cf);
	*errors_r = l.errors;
	if (!parsed)
		g_clear_pointer(&c, config_free);
	return c;
}

struct config *
config_load(const char *file, GError **error)
{
	g_autoptr(GPtrArray) errors = NULL;
	struct config *c = config_load_report(file, &errors);
	g_autofree char *all = NULL;

	if (errors->len == 0)
		return c;
	g_ptr_array_add(errors, NULL);
	all = g_strjoinv("\n", (char **)errors->pdata);
	g_set_error_literal(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG, all);
	config_free(c);
	return NULL;
}

static void
peer_clear(struct tls_peer *p)
{
	g_free(p->url);
	g_free(p->user);
	g_free(p->password_file);
	g_free(p->ca_file);
}

void
config_free(struct config *c)
{
	if (c == NULL)
		return;
	g_free(c->path);
	g_free(c->bulletin.title);
	g_free(c->bulletin.office);
	g_free(c->bulletin.chief_editor);
	g_free(c->bulletin.mailbox);
	g_array_unref(c->bulletin.reminders);
	g_ptr_array_unref(c->units);
	g_ptr_array_unref(c->editors);
	g_free(c->bao.label);
	g_ptr_array_unref(c->bao.members);
	g_free(c->fa.label);
	g_ptr_array_unref(c->fa.members);
	g_free(c->song.label);
	g_ptr_array_unref(c->song.members);
	g_free(c->render.title_font);
	g_free(c->render.body_font);
	g_free(c->render.heading1_font);
	g_free(c->render.heading2_font);
	peer_clear(&c->imap);
	g_free(c->imap_processed_folder);
	g_free(c->imap_quarantine_folder);
	peer_clear(&c->smtp);
	g_free(c->smtp_from);
	g_free(c->state_dir);
	g_free(c->state_dir_where);
	g_free(c->key_file);
	g_free(c->run_as);
	g_free(c->timezone);
	if (c->zone != NULL)
		g_time_zone_unref(c->zone);
	g_ptr_array_unref(c->authserv_ids);
	g_ptr_array_unref(c->warnings);
	if (c->scoring.outlets != NULL)
		g_ptr_array_unref(c->scoring.outlets);
	if (c->scoring.instructions != NULL)
		g_ptr_array_unref(c->scoring.instructions);
	if (c->scoring.deductions != NULL)
		g_ptr_array_unref(c->scoring.deductions);
	g_free(c);
}

const struct unit *
config_find_unit_by_address(const struct config *c, const char *address)
{
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		for (guint j = 0; j < u->addresses->len; j++)
			if (g_ascii_strcasecmp(u->addresses->pdata[j],
			    address) == 0)
				return u;
	}
	return NULL;
}

const struct unit *
config_find_unit(const struct config *c, const char *code)
{
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		if (strcmp(u->code, code) == 0)
			return u;
	}
	return NULL;
}

const struct editor *
config_find_editor(const struct config *c, const char *address)
{
	for (guint i = 0; i < c->editors->len; i++) {
		const struct editor *e = c->editors->pdata[i];
		if (g_ascii_strcasecmp(e->address, address) == 0)
			return e;
	}
	return NULL;
}

const struct score_rule *
config_find_rule(const GPtrArray *rules, const char *name)
{
	for (guint i = 0; rules != NULL && i < rules->len; i++) {
		const struct score_rule *r = rules->pdata[i];
		if (strcmp(r->name, name) == 0)
			return r;
	}
	return NULL;
}
