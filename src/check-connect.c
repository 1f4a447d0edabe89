/* bulletinctl check --connect; see check-connect.h. */
#include <string.h>

#include "check-connect.h"
#include "check.h"
#include "imap.h"
#include "secret.h"
#include "smtp.h"

struct steps {
	FILE		*out;
	gboolean	 all_ok;
};

static void
step_ok(struct steps *st, const char *what, const char *note)
{
	fprintf(st->out, "%s: ok%s%s\n", what, note ? ", " : "",
	    note ? note : "");
}

static void
step_failed(struct steps *st, const char *what, const GError *error)
{
	fprintf(st->out, "%s: FAILED: %s\n", what, error->message);
	st->all_ok = FALSE;
}

static void
step_skipped(struct steps *st, const char *what, const char *why)
{
	fprintf(st->out, "%s: skipped (%s)\n", what, why);
	st->all_ok = FALSE;
}

/* How TLS is set up for P, as the daemon sets it up. */
static char *
tls_description(const struct tls_peer *p, gboolean implicit)
{
	const char *how = implicit ? "TLS" : "STARTTLS required";

	if (!p->verify)
		return g_strdup_printf("%s, certificate NOT checked: "
		    "tls_verify = false", how);
	if (p->ca_file != NULL)
		return g_strdup_printf("%s, certificate checked against %s",
		    how, p->ca_file);
	return g_strdup_printf("%s, certificate checked against the "
	    "system's CAs", how);
}

static char *
login_step(const char *proto, const struct tls_peer *p, const char *implicit)
{
	g_autofree char *tls = tls_description(p,
	    g_str_has_prefix(p->url, implicit));

	return g_strdup_printf("%s: log in to %s as %s (%s)", proto, p->url,
	    p->user, tls);
}

/* The password as the daemon reads it; NULL (reported) if it cannot. */
static GBytes *
read_password(struct steps *st, const char *proto, const struct tls_peer *p)
{
	g_autofree char *what = g_strdup_printf("%s: read password_file %s",
	    proto, p->password_file);
	g_autoptr(GError) error = NULL;
	GBytes *password = secret_read(p->password_file, &error);

	if (password == NULL)
		step_failed(st, what, error);
	return password;
}

static void
check_folder(struct steps *st, struct imap *imap, const char *setting,
    const char *folder, gboolean logged_in)
{
	g_autofree char *what = g_strdup_printf("imap: folder %s (%s)",
	    folder, setting);
	g_autoptr(GError) error = NULL;
	gboolean exists = FALSE;

	if (g_ascii_strcasecmp(folder, "INBOX") == 0)
		step_ok(st, what, "INBOX");
	else if (!logged_in)
		step_skipped(st, what, "not logged in");
	else if (!imap_folder_exists(imap, folder, &exists, &error))
		step_failed(st, what, error);
	else
		step_ok(st, what, exists ? "exists" : "missing: bulletind "
		    "creates it when it starts (not tried here)");
}

static void
check_imap(struct steps *st, const struct config *c)
{
	g_autofree char *login = login_step("imap", &c->imap, "imaps://");
	g_autoptr(GError) error = NULL;
	GBytes *password = read_password(st, "imap", &c->imap);
	struct imap *imap = NULL;
	gboolean in = FALSE;

	if (password != NULL) {
		imap = imap_new(&c->imap, secret_string(password));
		if (!(in = imap_login(imap, &error)))
			step_failed(st, login, error);
		else
			step_ok(st, login, NULL);
	} else
		step_skipped(st, login, "no password");
	g_clear_error(&error);
	if (!in)
		step_skipped(st, "imap: select INBOX", "not logged in");
	else if (!imap_select(imap, "INBOX", &error))
		step_failed(st, "imap: select INBOX", error);
	else
		step_ok(st, "imap: select INBOX", NULL);
	check_folder(st, imap, "processed_folder", c->imap_processed_folder,
	    in);
	check_folder(st, imap, "quarantine_folder", c->imap_quarantine_folder,
	    in);
	imap_free(imap);
	secret_free(password);
}

static void
check_smtp(struct steps *st, const struct config *c)
{
	g_autofree char *login = login_step("smtp", &c->smtp, "smtps://");
	g_autoptr(GError) error = NULL;
	GBytes *password = read_password(st, "smtp", &c->smtp);
	struct smtp *smtp;

	if (password == NULL) {
		step_skipped(st, login, "no password");
		return;
	}
	smtp = smtp_new(&c->smtp, secret_string(password));
	if (!smtp_login(smtp, &error))
		step_failed(st, login, error);
	else
		step_ok(st, login, "no mail sent");
	smtp_free(smtp);
	secret_free(password);
}

int
check_connect(const struct config *c, FILE *out)
{
	struct steps st = { out, TRUE };

	check_imap(&st, c);
	check_smtp(&st, c);
	fflush(out);
	return st.all_ok ? 0 : 1;
}

int
check_command(const char *path, int argc, char **argv)
{
	gboolean connect = argc == 2 && strcmp(argv[1], "--connect") == 0;
	struct config *c;
	int rc;

	if (argc > 2 || (argc == 2 && !connect)) {
		fprintf(stderr, "usage: bulletinctl [-f file] check "
		    "[--connect]\n");
		return 2;
	}
	rc = check_report(path, stdout);
	if (!connect)
		return rc;
	if ((c = config_load(path, NULL)) == NULL) {
		printf("connect: skipped (the configuration has errors)\n");
		return 1;
	}
	if (check_connect(c, stdout) != 0)
		rc = 1;
	config_free(c);
	return rc;
}
