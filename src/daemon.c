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

#include "archive.h"
#include "bulletin.h"
#include "clock.h"
#include "commission.h"
#include "daemon.h"
#include "deliver.h"
#include "error.h"
#include "idle.h"
#include "imap.h"
#include "ingest.h"
#include "log.h"
#include "message.h"
#include "monthly.h"
#include "remind.h"
#include "secret.h"
#include "transfer.h"

/* Exponential backoff with a cap, in seconds. */
struct backoff {
	gint64		 delay;		/* 0: no failure since the last success */
};

struct daemon {
	struct bulletin	 b;
	GBytes		*imap_password;
	GBytes		*smtp_password;
	struct imap	*imap;		/* NULL until (re)connected */
	gboolean	 imap_ready;	/* folders prepared */

	/* Timers are monotonic seconds; each server keeps its own. */
	gint64		 imap_due;	/* next poll */
	struct backoff	 imap_backoff;
	struct log_outage imap_down;
	gint64		 smtp_hold;	/* no delivery run before this */
	struct backoff	 smtp_backoff;
	gboolean	 smtp_started;	/* a first run was made */
	gint64		 calendar_due;	/* next look at 催稿, 约稿, 通报 */

	struct idle	*idle;		/* NULL: not connected */
	gboolean	 idle_missing;	/* the server has no IDLE: poll only */
	gint64		 idle_due;	/* reconnect, or renew when connected */
	gint64		 idle_opened;
	struct backoff	 idle_backoff;
};

/* Longest wait between two reconnections of the IDLE connection. */
#define IDLE_RETRY_MAX	30

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

static gint64
now_mono(void)
{
	return g_get_monotonic_time() / G_USEC_PER_SEC;
}

static gint64
backoff_next(struct backoff *bo, gint64 initial, gint64 cap)
{
	bo->delay = bo->delay == 0 ? initial : MIN(bo->delay * 2, cap);
	return bo->delay;
}

static void
drop_connection(struct daemon *d)
{
	g_clear_pointer(&d->imap, imap_free);
	d->imap_ready = FALSE;
}

static void
drop_idle(struct daemon *d)
{
	g_clear_pointer(&d->idle, idle_close);
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
	clock_set_zone(c->zone);
	drop_connection(d);
	drop_idle(d);
	d->idle_missing = FALSE;
	d->idle_due = d->imap_due = d->calendar_due = now_mono();
	log_info("reload: configuration %s loaded", c->path);
}

/* One instance per state directory: an flock held for our lifetime. */
static int
lock_state_dir(const char *dir, GError **error)
{
	g_autofree char *path = g_build_filename(dir, "bulletind.lock", NULL);
	int fd;

	if (g_mkdir_with_parents(dir, 0700) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "state_dir %s: cannot create: %s", dir, g_strerror(errno));
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "%s: cannot open: %s", path, g_strerror(errno));
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

/* The server answered: poll again at poll_interval, log a recovery. */
static void
imap_worked(struct daemon *d)
{
	d->imap_due = now_mono() + d->b.config->poll_interval;
	d->imap_backoff.delay = 0;
	log_outage_ok(&d->imap_down);
}

static void
imap_failed(struct daemon *d, const GError *error)
{
	gint64 interval = d->b.config->poll_interval;

	log_outage_failed(&d->imap_down, error->message);
	d->imap_due = now_mono() + backoff_next(&d->imap_backoff,
	    MIN(interval, 5), MAX(interval, 60));
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
	if (d->imap_ready && ingest_poll(&d->b, d->imap, &got_stop, &error)) {
		imap_worked(d);
		return;
	}
	if (got_stop)
		return;
	imap_failed(d, error);
	drop_connection(d);
}

static gboolean
mail_left_due(struct daemon *d)
{
	gint64 due = store_next_due(d->b.store, NULL);

	return due > 0 && due <= g_get_real_time() / G_USEC_PER_SEC;
}

/*
 * When delivery should run: mail is due and SMTP is not held back by a
 * failed run.  (Mail requeued at start has next_attempt 0, which
 * store_next_due cannot tell from none: the first run is unconditional.)
 */
static gint64
delivery_due(struct daemon *d)
{
	gint64 due = store_next_due(d->b.store, NULL);

	if (!d->smtp_started)
		return 0;
	if (due <= 0)
		return G_MAXINT64;
	/* The store keeps real time; timers here are monotonic. */
	due = now_mono() + (due - g_get_real_time() / G_USEC_PER_SEC);
	return MAX(due, d->smtp_hold);
}

static void
send_mail(struct daemon *d)
{
	g_autoptr(GError) error = NULL;

	d->smtp_started = TRUE;
	if (!deliver_run(&d->b, secret_string(d->smtp_password), &got_stop,
	    &error))
		log_warn("delivery: %s", error->message);
	else if (got_stop || !mail_left_due(d)) {
		d->smtp_backoff.delay = 0;
		return;
	}
	/* The store failed, or the run left due mail behind (the server is
	 * unreachable): SMTP waits, IMAP goes on at its own pace. */
	d->smtp_hold = now_mono() + backoff_next(&d->smtp_backoff,
	    d->b.config->retry_initial, d->b.config->retry_max);
}

/*
 * 催稿 rounds, 约稿 due times and the monthly 通报 that came; a failure
 * is tried again at the next look.  They are set to the minute, so the
 * daemon looks at the start of each minute of the office's clock, not at
 * the next poll, which IDLE may put off for many minutes.
 */
static void
send_reminders(struct daemon *d)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDateTime) now = clock_now();

	if (now_mono() < d->calendar_due)
		return;
	d->calendar_due = now_mono() + 60 - g_date_time_get_second(now);
	if (!remind_run(&d->b, now, &error))
		log_warn("reminders: %s", error->message);
	else if (!commission_tick(&d->b, now, &error))
		log_warn("commissions: %s", error->message);
	else if (!monthly_report_run(&d->b, now, &error))
		log_warn("monthly report: %s", error->message);
}

static gboolean
idle_wanted(const struct daemon *d)
{
	return d->b.config->imap_idle && !d->idle_missing;
}

static void
idle_lost(struct daemon *d, const GError *error)
{
	gint64 lived = now_mono() - d->idle_opened;

	log_info("imap %s; reconnecting", error->message);
	drop_idle(d);
	/* A connection that lasted a while starts the backoff afresh. */
	if (lived > 60)
		d->idle_backoff.delay = 0;
	d->idle_due = now_mono() + backoff_next(&d->idle_backoff, 1,
	    IDLE_RETRY_MAX);
	d->imap_due = MIN(d->imap_due, now_mono());
}

static void
idle_connect(struct daemon *d)
{
	g_autoptr(GError) error = NULL;
	const struct config *c = d->b.config;

	d->idle = idle_open(&c->imap, secret_string(d->imap_password),
	    &d->idle_missing, &error);
	if (d->idle != NULL) {
		d->idle_opened = now_mono();
		d->idle_due = d->idle_opened + c->idle_renew;
		/* Mail may have come while we were not listening. */
		d->imap_due = d->idle_opened;
		d->imap_backoff.delay = 0;
		return;
	}
	if (got_stop || transfer_stop_pending())
		return;
	if (d->idle_missing) {
		log_info("imap: the server has no IDLE; polling every %d s",
		    c->poll_interval);
		return;
	}
	log_outage_failed(&d->imap_down, error->message);
	d->idle_due = now_mono() + backoff_next(&d->idle_backoff, 1,
	    IDLE_RETRY_MAX);
}

/* Connect or renew the IDLE connection when its timer is due. */
static void
tend_idle(struct daemon *d)
{
	g_autoptr(GError) error = NULL;
	gboolean changed = FALSE;

	if (!idle_wanted(d) || now_mono() < d->idle_due)
		return;
	if (d->idle == NULL) {
		idle_connect(d);
		return;
	}
	if (!idle_renew(d->idle, &changed, &error)) {
		if (!got_stop && !transfer_stop_pending())
			idle_lost(d, error);
		return;
	}
	log_debug("imap idle: renewed");
	d->idle_due = now_mono() + d->b.config->idle_renew;
	if (changed)
		d->imap_due = now_mono();
}

/* The server pushed something: a change means polling now. */
static void
read_idle(struct daemon *d)
{
	g_autoptr(GError) error = NULL;
	gboolean changed = FALSE;

	if (!idle_read(d->idle, &changed, &error)) {
		idle_lost(d, error);
		return;
	}
	if (changed) {
		log_debug("imap idle: new mail");
		d->imap_due = now_mono();
	}
}

static gint64
next_timer(struct daemon *d)
{
	gint64 next = MIN(MIN(d->imap_due, d->calendar_due), delivery_due(d));

	if (idle_wanted(d))
		next = MIN(next, d->idle_due);
	return next;
}

/* Sleep until the next timer, new mail pushed over IDLE, or a signal. */
static void
wait_for_work(struct daemon *d, const sigset_t *waitmask)
{
	gint64 wait = CLAMP(next_timer(d) - now_mono(), 0, 86400);
	struct pollfd pfd = { .fd = -1, .events = POLLIN };
	struct timespec ts = { .tv_sec = wait, .tv_nsec = 0 };

	if (d->idle != NULL)
		pfd.fd = idle_fd(d->idle);
	if (ppoll(&pfd, 1, &ts, waitmask) > 0 && d->idle != NULL &&
	    pfd.revents != 0)
		read_idle(d);
}

static void
main_loop(struct daemon *d)
{
	sigset_t waitmask;

	setup_signals(&waitmask);
	transfer_set_stop_flag(&got_stop);
	d->imap_down.name = "imap";
	d->imap_due = d->idle_due = now_mono();
	while (!got_stop) {
		if (got_reload) {
			got_reload = 0;
			reload(d);
		}
		/* The poll first: waiting mail need not wait for IDLE's own
		 * login, and IDLE's first connect asks for one more poll. */
		if (now_mono() >= d->imap_due)
			poll_mailbox(d);
		/* A sent issue is archived before its copies go out. */
		if (!got_stop)
			archive_pending(&d->b);
		if (!got_stop)
			tend_idle(d);
		if (!got_stop)
			send_reminders(d);
		if (!got_stop && now_mono() >= delivery_due(d))
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
	if (!foreground)
		log_detached();
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
	clock_set_zone(d.b.config->zone);
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
	drop_idle(&d);
	drop_connection(&d);
	store_close(d.b.store);
	replace_secrets(&d, NULL, NULL, NULL);
	config_free(d.b.config);
	return 0;
}
