/* The daemon's life; see daemon.h. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulletin.h"
#include "daemon.h"
#include "deliver.h"
#include "error.h"
#include "imap.h"
#include "ingest.h"
#include "log.h"
#include "message.h"
#include "secret.h"

struct daemon {
	struct bulletin	 b;
	GBytes		*imap_password;
	GBytes		*smtp_password;
	struct imap	*imap;		/* NULL until (re)connected */
	gboolean	 imap_ready;	/* folders prepared */
};

static volatile sig_atomic_t got_stop;
static volatile sig_atomic_t got_reload;

static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		got_reload = 1;
	else
		got_stop = 1;
}

/* Handlers only set flags; the signals stay blocked except in ppoll. */
static void
setup_signals(sigset_t *waitmask_r)
{
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, waitmask_r);
}

static void
log_config_errors(const GError *error)
{
	g_auto(GStrv) lines = g_strsplit(error->message, "\n", -1);

	for (guint i = 0; lines[i] != NULL; i++)
		log_warn("%s", lines[i]);
}

static void
replace_secrets(struct daemon *d, GBytes *imap, GBytes *smtp, GBytes *key)
{
	secret_free(d->imap_password);
	secret_free(d->smtp_password);
	secret_free(d->b.key);
	d->imap_password = imap;
	d->smtp_password = smtp;
	d->b.key = key;
}

static void
drop_connection(struct daemon *d)
{
	g_clear_pointer(&d->imap, imap_free);
	d->imap_ready = FALSE;
}

static gboolean
same_secret_files(const struct config *a, const struct config *b)
{
	return strcmp(a->imap.password_file, b->imap.password_file) == 0 &&
	    strcmp(a->smtp.password_file, b->smtp.password_file) == 0 &&
	    strcmp(a->key_file, b->key_file) == 0;
}

/*
 * Secrets were read before privileges were dropped and may be unreadable
 * now: keep them when the files are the same, else try to read the new
 * ones (and refuse the reload if that fails).
 */
static gboolean
resecrets_load(struct daemon *d, const struct config *c, GError **error)
{
	GBytes *imap, *smtp, *key;

	if (same_secret_files(c, d->b.config))
		return TRUE;
	if (!secrets_load(c, &imap, &smtp, &key, error)) {
		g_prefix_error(error, "new secret files (a restart reads them "
		    "with the privileges it starts with): ");
		return FALSE;
	}
	replace_secrets(d, imap, smtp, key);
	return TRUE;
}

static void
reload(struct daemon *d)
{
	g_autoptr(GError) error = NULL;
	struct config *c = config_load(d->b.config->path, &error);

	if (c == NULL) {
		log_warn("reload: the new configuration is invalid; keeping "
		    "the old one");
		log_config_errors(error);
		return;
	}
	if (strcmp(c->state_dir, d->b.config->state_dir) != 0 ||
	    !resecrets_load(d, c, &error)) {
		log_warn("reload refused: %s", error ? error->message :
		    "state_dir cannot change while running");
		config_free(c);
		return;
	}
	config_free(d->b.config);
	d->b.config = c;
	drop_connection(d);
	log_info("reload: configuration %s loaded", c->path);
}

/* One instance per state directory: an flock held for our lifetime. */
static int
lock_state_dir(const char *dir, GError **error)
{
	g_autofree char *path = g_build_filename(dir, "bulletind.lock", NULL);
	int fd;

	if (g_mkdir_with_parents(dir, 0700) != 0 ||
	    (fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "%s: %s", path, g_strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "another bulletind is running for %s", dir);
		close(fd);
		return -1;
	}
	return fd;
}

static gboolean
chown_tree(const char *path, uid_t uid, gid_t gid, GError **error)
{
	g_autoptr(GDir) dir = NULL;
	const char *name;

	if (lchown(path, uid, gid) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "chown %s: %s", path, g_strerror(errno));
		return FALSE;
	}
	if (!g_file_test(path, G_FILE_TEST_IS_DIR) ||
	    g_file_test(path, G_FILE_TEST_IS_SYMLINK))
		return TRUE;
	if ((dir = g_dir_open(path, 0, error)) == NULL)
		return FALSE;
	while ((name = g_dir_read_name(dir)) != NULL) {
		g_autofree char *child = g_build_filename(path, name, NULL);
		if (!chown_tree(child, uid, gid, error))
			return FALSE;
	}
	return TRUE;
}

/* Started as root: give the state directory to USER and become USER. */
static gboolean
drop_privileges(const struct config *c, GError **error)
{
	struct passwd *pw;

	if (getuid() != 0 && geteuid() != 0)
		return TRUE;
	if (c->run_as == NULL || (pw = getpwnam(c->run_as)) == NULL ||
	    pw->pw_uid == 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "refusing to run as root: set 'user' in %s to an existing "
		    "unprivileged user", c->path);
		return FALSE;
	}
	if (!chown_tree(c->state_dir, pw->pw_uid, pw->pw_gid, error))
		return FALSE;
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 ||
	    setuid(pw->pw_uid) != 0 || setuid(0) == 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "cannot drop privileges to %s", c->run_as);
		return FALSE;
	}
	log_info("running as %s", c->run_as);
	return TRUE;
}

static void
poll_mailbox(struct daemon *d)
{
	g_autoptr(GError) error = NULL;

	if (d->imap == NULL)
		d->imap = imap_new(&d->b.config->imap,
		    secret_string(d->imap_password));
	if (!d->imap_ready)
		d->imap_ready = ingest_prepare(&d->b, d->imap, &error);
	if (d->imap_ready && ingest_poll(&d->b, d->imap, &got_stop, &error))
		return;
	log_warn("imap %s: %s", d->b.config->imap.url, error->message);
	drop_connection(d);
}

static void
send_mail(struct daemon *d)
{
	g_autoptr(GError) error = NULL;

	if (!deliver_run(&d->b, secret_string(d->smtp_password), &got_stop,
	    &error))
		log_warn("delivery: %s", error->message);
}

/* Sleep until the next poll or the next due delivery, or a signal. */
static void
wait_for_work(struct daemon *d, const sigset_t *waitmask)
{
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	gint64 due = store_next_due(d->b.store, NULL);
	gint64 wait = d->b.config->poll_interval;
	struct timespec ts;

	if (due > 0)
		wait = CLAMP(due - now, 0, wait);
	ts.tv_sec = wait;
	ts.tv_nsec = wait == 0 ? 100 * 1000 * 1000 : 0;
	ppoll(NULL, 0, &ts, waitmask);
}

static void
main_loop(struct daemon *d)
{
	sigset_t waitmask;

	setup_signals(&waitmask);
	while (!got_stop) {
		if (got_reload) {
			got_reload = 0;
			reload(d);
		}
		poll_mailbox(d);
		if (!got_stop)
			send_mail(d);
		if (!got_stop)
			wait_for_work(d, &waitmask);
	}
	log_info("stopping");
}

static gboolean
start(struct daemon *d, gboolean foreground, GError **error)
{
	const struct config *c = d->b.config;
	int requeued;

	if (!secrets_load(c, &d->imap_password, &d->smtp_password, &d->b.key,
	    error) || lock_state_dir(c->state_dir, error) < 0 ||
	    !drop_privileges(c, error))
		return FALSE;
	if (!foreground && daemon(0, 0) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "daemon: %s", g_strerror(errno));
		return FALSE;
	}
	if ((d->b.store = store_open(c->state_dir, error)) == NULL)
		return FALSE;
	requeued = store_requeue_in_flight(d->b.store, error);
	if (requeued < 0)
		return FALSE;
	if (requeued > 0)
		log_warn("%d delivery(ies) were in flight at the last stop: "
		    "sending again", requeued);
	return TRUE;
}

int
daemon_run(const char *config_path, gboolean foreground)
{
	g_autoptr(GError) error = NULL;
	struct daemon d = { 0 };

	d.b.config = config_load(config_path, &error);
	if (d.b.config == NULL) {
		log_config_errors(error);
		return 1;
	}
	message_library_init();
	if (!start(&d, foreground, &error)) {
		log_warn("%s", error->message);
		return 1;
	}
	log_info("bulletind started: %s, state in %s", config_path,
	    d.b.config->state_dir);
	for (guint i = 0; i < d.b.config->warnings->len; i++)
		log_warn("%s", (const char *)d.b.config->warnings->pdata[i]);
	main_loop(&d);
	drop_connection(&d);
	store_close(d.b.store);
	replace_secrets(&d, NULL, NULL, NULL);
	config_free(d.b.config);
	return 0;
}
