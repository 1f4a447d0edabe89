/* bulletind -n: the readiness check; see check.h. */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "secret.h"
#include "typeface.h"

/*
 * One check under way.  The identity is whom the daemon works as after
 * start-up (state directory, CA files): the run user when started as
 * root, else whoever runs this.
 */
struct check {
	const struct config *c;
	GPtrArray	*errors;
	GPtrArray	*warnings;
	gboolean	 as_root;	/* started as root: drops to run_as */
	gboolean	 identity_known;	/* uid and gid below are valid */
	uid_t		 uid;
	gid_t		 gid;
	char		*user;		/* its name, for messages */
};

static char * G_GNUC_PRINTF(4, 0)
located(const struct check *ck, int line, const char *severity,
    const char *fmt, va_list ap)
{
	g_autofree char *msg = g_strdup_vprintf(fmt, ap);

	if (line > 0)
		return g_strdup_printf("%s:%d: %s: %s", ck->c->path, line,
		    severity, msg);
	return g_strdup_printf("%s: %s: %s", ck->c->path, severity, msg);
}

static void G_GNUC_PRINTF(3, 4)
check_error(struct check *ck, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_ptr_array_add(ck->errors, located(ck, line, "error", fmt, ap));
	va_end(ap);
}

static void G_GNUC_PRINTF(3, 4)
check_warning(struct check *ck, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_ptr_array_add(ck->warnings, located(ck, line, "warning", fmt, ap));
	va_end(ap);
}

static gboolean
is_set(const char *s)
{
	return s != NULL && *s != '\0';
}

static char *
user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	return pw ? g_strdup(pw->pw_name) : g_strdup_printf("uid %u",
	    (unsigned)uid);
}

/* ---- the run user ------------------------------------------------------ */

static void
use_identity(struct check *ck, uid_t uid, gid_t gid)
{
	ck->identity_known = TRUE;
	ck->uid = uid;
	ck->gid = gid;
	ck->user = user_name(uid);
}

/* As the daemon's drop_privileges(): root needs 'user', an existing
 * unprivileged account. */
static void
check_run_user(struct check *ck)
{
	const struct config *c = ck->c;
	struct passwd *pw;

	ck->as_root = geteuid() == 0;
	if (c->run_as == NULL) {
		if (ck->as_root && c->line.run_as == 0)
			check_error(ck, 0, "no 'user' setting: started as root, "
			    "bulletind refuses to run; add user = \"bulletind\" "
			    "(an unprivileged system user)");
		else if (!ck->as_root)
			use_identity(ck, geteuid(), getegid());
		return;
	}
	if ((pw = getpwnam(c->run_as)) == NULL)
		check_error(ck, c->line.run_as, "user '%s' does not exist; "
		    "create it (adduser --system --group %s) or name an "
		    "existing unprivileged user", c->run_as, c->run_as);
	else if (pw->pw_uid == 0)
		check_error(ck, c->line.run_as, "user '%s' is root; name an "
		    "unprivileged user", c->run_as);
	else if (ck->as_root)
		use_identity(ck, pw->pw_uid, pw->pw_gid);
	if (!ck->as_root)
		use_identity(ck, geteuid(), getegid());
}

/*
 * May the daemon's identity do BITS (R_OK, W_OK, X_OK) on PATH (ST)?
 * After the drop it has no supplementary groups; without a drop it keeps
 * ours, which access() knows.
 */
static gboolean
may(const struct check *ck, const char *path, const struct stat *st,
    int bits)
{
	mode_t granted;

	if (!ck->as_root)
		return access(path, bits) == 0;
	if (ck->uid == 0)
		return TRUE;
	if (st->st_uid == ck->uid)
		granted = st->st_mode >> 6;
	else if (st->st_gid == ck->gid)
		granted = st->st_mode >> 3;
	else
		granted = st->st_mode;
	return ((int)granted & bits) == bits;
}

/* The first existing directory above PATH that the run user cannot
 * enter, or NULL.  Only after a drop: otherwise stat() already failed. */
static char *
blocked_ancestor(const struct check *ck, const char *path)
{
	g_autofree char *abs = g_canonicalize_filename(path, "/");
	g_auto(GStrv) parts = g_strsplit(abs, "/", -1);
	g_autoptr(GString) dir = g_string_new("/");
	guint n = g_strv_length(parts);
	struct stat st;

	if (!ck->as_root || !ck->identity_known)
		return NULL;
	for (guint i = 0; i + 1 < n; i++) {
		if (*parts[i] == '\0')
			continue;
		if (dir->len > 1)
			g_string_append_c(dir, '/');
		g_string_append(dir, parts[i]);
		if (stat(dir->str, &st) != 0)
			return NULL;
		if (!may(ck, dir->str, &st, X_OK))
			return g_strdup(dir->str);
	}
	return stat("/", &st) == 0 && !may(ck, "/", &st, X_OK) ?
	    g_strdup("/") : NULL;
}

static void
check_reachable(struct check *ck, const char *setting, const char *path,
    int line)
{
	g_autofree char *blocked = blocked_ancestor(ck, path);
	g_autofree char *owner = NULL;
	struct stat st;

	if (blocked == NULL || stat(blocked, &st) != 0)
		return;
	owner = user_name(st.st_uid);
	check_error(ck, line, "%s: %s: %s cannot enter %s (mode %04o, owner "
	    "%s); run: chmod o+x %s, or choose another place", setting, path,
	    ck->user, blocked, (unsigned)(st.st_mode & 07777), owner, blocked);
}

/* ---- secrets ----------------------------------------------------------- */

/* Readable only by its owner is not enough if the owner is a third
 * account: it can read and replace the secret. */
static void
check_secret_owner(struct check *ck, const char *setting, const char *path,
    int line)
{
	g_autofree char *owner = NULL, *me = NULL;
	struct stat st;

	if (stat(path, &st) != 0 || st.st_uid == 0 || st.st_uid == geteuid() ||
	    (ck->identity_known && st.st_uid == ck->uid))
		return;
	owner = user_name(st.st_uid);
	me = user_name(geteuid());
	check_warning(ck, line, "%s: %s is owned by %s, who can read and "
	    "replace it; run: chown %s %s", setting, path, owner, me, path);
}

/* A secret file as the daemon reads it at start, as whoever starts it. */
static void
check_secret(struct check *ck, const char *setting, const char *path,
    int line, gboolean is_key)
{
	g_autoptr(GError) error = NULL;
	GBytes *secret;

	if (!is_set(path))
		return;		/* config.c reported it */
	secret = secret_read_setting(setting, path, is_key, &error);
	if (secret == NULL) {
		check_error(ck, line, "%s", error->message);
		return;
	}
	secret_free(secret);
	check_secret_owner(ck, setting, path, line);
}

/* ---- the state directory ----------------------------------------------- */

/*
 * A missing state directory: the daemon makes it, with any missing
 * parents (mode 0700), as whoever starts it and before it drops to the
 * run user, who then owns only the state directory itself.
 */
static void
check_state_dir_creatable(struct check *ck, const char *dir, int line)
{
	g_autofree char *abs = g_canonicalize_filename(dir, NULL);
	g_autofree char *parent = g_path_get_dirname(abs);
	gboolean parents_missing = FALSE;
	struct stat st;

	while (stat(parent, &st) != 0 && errno == ENOENT &&
	    strcmp(parent, "/") != 0) {
		char *up = g_path_get_dirname(parent);
		g_free(parent);
		parent = up;
		parents_missing = TRUE;
	}
	if (stat(parent, &st) != 0)
		check_error(ck, line, "state_dir: %s: cannot be created: %s: %s",
		    dir, parent, g_strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		check_error(ck, line, "state_dir: %s: cannot be created: %s is "
		    "not a directory; choose another place", dir, parent);
	else if (!ck->as_root && access(parent, W_OK | X_OK) != 0)
		check_error(ck, line, "state_dir: %s: cannot be created: %s: %s; "
		    "create it: mkdir -p -m 700 %s", dir, parent,
		    g_strerror(errno), dir);
	else if (ck->as_root && ck->identity_known && parents_missing) {
		g_autofree char *up = g_path_get_dirname(abs);
		check_error(ck, line, "state_dir: %s: bulletind would create %s "
		    "as root with mode 0700, which %s cannot enter; create it "
		    "first: mkdir -p -m 755 %s", dir, up, ck->user, up);
	}
}

static void
check_state_dir(struct check *ck)
{
	const char *dir = ck->c->state_dir;
	int line = ck->c->line.state_dir;
	struct stat st;

	if (!is_set(dir))
		return;
	if (stat(dir, &st) != 0) {
		if (errno != ENOENT) {
			check_error(ck, line, "state_dir: %s: %s", dir,
			    g_strerror(errno));
			return;
		}
		check_state_dir_creatable(ck, dir, line);
	} else if (!S_ISDIR(st.st_mode)) {
		check_error(ck, line, "state_dir: %s: not a directory; name a "
		    "directory (bulletind creates a missing one)", dir);
		return;
	} else if (!ck->as_root && ck->identity_known &&
	    !may(ck, dir, &st, W_OK | X_OK))
		check_error(ck, line, "state_dir: %s: %s may not write in it; "
		    "run: chown %s %s", dir, ck->user, ck->user, dir);
	check_reachable(ck, "state_dir", dir, line);
}

/* ---- CA files ---------------------------------------------------------- */

/* libcurl reads the CA file at each connection, after the drop. */
static void
check_ca_file(struct check *ck, const char *setting,
    const struct tls_peer *p)
{
	const char *ca = p->ca_file;
	int line = p->ca_file_line;
	struct stat st;

	if (!is_set(ca))
		return;
	if (stat(ca, &st) != 0)
		check_error(ck, line, "%s: %s: cannot read: %s; name the server's CA "
		    "certificate (PEM)", setting, ca, g_strerror(errno));
	else if (!S_ISREG(st.st_mode))
		check_error(ck, line, "%s: %s: not a regular file; name the "
		    "server's CA certificate (PEM)", setting, ca);
	else if (ck->identity_known && !may(ck, ca, &st, R_OK))
		check_error(ck, line, "%s: %s: %s may not read it (mode %04o); "
		    "run: chmod 644 %s", setting, ca, ck->user,
		    (unsigned)(st.st_mode & 07777), ca);
	else
		check_reachable(ck, setting, ca, line);
}

/* ---- the report -------------------------------------------------------- */

/* The daemon reads some files before it detaches (and changes to /) and
 * others after: a relative path names two places. */
static void
check_absolute(struct check *ck, const char *setting, const char *path,
    int line)
{
	if (is_set(path) && !g_path_is_absolute(path))
		check_warning(ck, line, "%s: %s is a relative path: bulletind "
		    "changes to / when it detaches; give an absolute path",
		    setting, path);
}

static void
check_paths(struct check *ck)
{
	const struct config *c = ck->c;

	check_absolute(ck, "imap.password_file", c->imap.password_file,
	    c->imap.password_file_line);
	check_absolute(ck, "imap.ca_file", c->imap.ca_file,
	    c->imap.ca_file_line);
	check_absolute(ck, "smtp.password_file", c->smtp.password_file,
	    c->smtp.password_file_line);
	check_absolute(ck, "smtp.ca_file", c->smtp.ca_file,
	    c->smtp.ca_file_line);
	check_absolute(ck, "state_dir", c->state_dir, c->line.state_dir);
	check_absolute(ck, "key_file", c->key_file, c->line.key_file);
}

/* ---- fonts ------------------------------------------------------------ */

/*
 * A role set in the file whose first (office) font is not installed, or
 * one left at its default of which no family is: the PDF is set in the
 * next installed family of its list, or in what fontconfig matches.  (A
 * default falls back to its free fonts on purpose.)
 */
static void
check_font(struct check *ck, enum typeface role)
{
	const char *list = typeface_families(ck->c, role);
	int line = ck->c->render.font_line[role];
	g_autofree char *first = typeface_first(list);
	g_autofree char *used = NULL;
	g_autofree char *installed = typeface_installed(line > 0 ? first :
	    list);

	if (installed != NULL || *first == '\0')
		return;
	used = typeface_resolve(list);
	if (line > 0)
		check_warning(ck, line, "render.%s: \"%s\" is not installed; "
		    "the PDF uses \"%s\"; install the office font (the .docx "
		    "names it for Word) or put an installed family first",
		    typeface_key(role), first, used);
	else
		check_warning(ck, 0, "render.%s: no font of the default \"%s\" "
		    "is installed; the PDF uses \"%s\"; install the packages "
		    "contrib/install-deps --runtime names", typeface_key(role),
		    list, used);
}

static void
check_fonts(struct check *ck)
{
	for (int i = 0; i < TYPEFACE_COUNT; i++)
		check_font(ck, i);
}

void
check_system(const struct config *c, GPtrArray *errors, GPtrArray *warnings)
{
	struct check ck = { c, errors, warnings, FALSE, FALSE, 0, 0, NULL };

	g_autoptr(GPtrArray) user_errors = g_ptr_array_new_with_free_func(
	    g_free);

	/* The identity first (the other checks need it), its report in the
	 * order of the file, where 'user' usually comes last. */
	ck.errors = user_errors;
	check_run_user(&ck);
	ck.errors = errors;
	check_secret(&ck, "imap.password_file", c->imap.password_file,
	    c->imap.password_file_line, FALSE);
	check_ca_file(&ck, "imap.ca_file", &c->imap);
	check_secret(&ck, "smtp.password_file", c->smtp.password_file,
	    c->smtp.password_file_line, FALSE);
	check_ca_file(&ck, "smtp.ca_file", &c->smtp);
	check_state_dir(&ck);
	check_secret(&ck, "key_file", c->key_file, c->line.key_file, TRUE);
	for (guint i = 0; i < user_errors->len; i++)
		g_ptr_array_add(errors, g_strdup(user_errors->pdata[i]));
	check_paths(&ck);
	check_fonts(&ck);
	g_free(ck.user);
}

static const char *
plural(guint n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
print_lines(FILE *out, const GPtrArray *lines)
{
	for (guint i = 0; i < lines->len; i++)
		fprintf(out, "%s\n", (const char *)lines->pdata[i]);
}

static void
print_summary(FILE *out, const char *path, const struct config *c,
    guint errors, guint warnings)
{
	if (errors > 0) {
		fprintf(out, "%s: not ready: %u %s", path, errors,
		    plural(errors, "error", "errors"));
		if (warnings > 0)
			fprintf(out, ", %u %s", warnings,
			    plural(warnings, "warning", "warnings"));
		fprintf(out, "; bulletind would refuse to start\n");
		return;
	}
	fprintf(out, "%s: ready: %u units, %u editors, 报 %u, 发 %u addresses",
	    path, c->units->len, c->editors->len, c->bao.members->len,
	    c->fa.members->len);
	if (warnings > 0)
		fprintf(out, "; %u %s", warnings,
		    plural(warnings, "warning", "warnings"));
	fputc('\n', out);
}

enum check_status
check_report(const char *path, FILE *out)
{
	g_autoptr(GPtrArray) errors = NULL;
	g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
	struct config *c = config_load_report(path, &errors);
	guint n_warnings;

	if (c != NULL)
		check_system(c, errors, warnings);
	print_lines(out, errors);
	if (c != NULL)
		print_lines(out, c->warnings);
	print_lines(out, warnings);
	n_warnings = warnings->len + (c ? c->warnings->len : 0);
	print_summary(out, path, c, errors->len, n_warnings);
	config_free(c);
	return errors->len > 0 ? CHECK_NOT_READY : CHECK_READY;
}
