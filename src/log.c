/* Logging sink for the daemon, the admin tool and the tests. */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>

#include "clock.h"
#include "error.h"
#include "log.h"

static const char *log_ident = "bulletind";
static gboolean log_foreground = TRUE;
/* A daemon that has not detached yet also tells whoever started it. */
static gboolean log_attached;
static int log_verbosity;
/* stderr is the journal (systemd sets JOURNAL_STREAM): it stamps the
 * lines itself and reads the priority from a "<N>" prefix (sd-daemon(3)). */
static gboolean log_journal;

G_DEFINE_QUARK(bulletin-error-quark, bulletin_error)

static void G_GNUC_PRINTF(2, 0)
log_vwrite(int priority, const char *fmt, va_list ap)
{
	g_autofree char *line = g_strdup_vprintf(fmt, ap);

	if (!log_foreground) {
		syslog(priority, "%s", line);
		if (log_attached && priority <= LOG_WARNING)
			fprintf(stderr, "%s: %s\n", log_ident, line);
		return;
	}
	if (log_journal) {
		fprintf(stderr, "<%d>%s\n", priority, line);
		return;
	}
	g_autoptr(GDateTime) now = clock_now_real();
	g_autofree char *stamp = g_date_time_format(now, "%H:%M:%S");
	fprintf(stderr, "%s %s\n", stamp, line);
}

static void
log_glib_handler(const char *domain, GLogLevelFlags level, const char *msg,
    gpointer unused)
{
	if (level & G_LOG_LEVEL_DEBUG) {
		if (log_verbosity > 0)
			log_debug("%s: %s", domain ? domain : "glib", msg);
		return;
	}
	log_warn("%s: %s", domain ? domain : "glib", msg);
}

void
log_init(const char *ident, gboolean foreground, int verbosity)
{
	log_ident = ident;
	log_foreground = foreground;
	log_attached = !foreground;
	log_verbosity = verbosity;
	log_journal = foreground && g_getenv("JOURNAL_STREAM") != NULL;
	if (!foreground)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
	g_log_set_default_handler(log_glib_handler, NULL);
}

void
log_detached(void)
{
	log_attached = FALSE;
}

gboolean
log_is_debug(void)
{
	return log_verbosity > 0;
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_INFO, fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_WARNING, fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (log_verbosity < 1)
		return;
	va_start(ap, fmt);
	log_vwrite(LOG_DEBUG, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_CRIT, fmt, ap);
	va_end(ap);
	exit(1);
}

static void
log_still_down(const struct log_outage *o, const char *reason)
{
	g_autoptr(GDateTime) since = clock_from_unix(o->since /
	    G_USEC_PER_SEC);
	g_autofree char *stamp = g_date_time_format(since, "%H:%M:%S");

	log_warn("%s still down since %s, %u attempts: %s", o->name, stamp,
	    o->attempts, reason);
}

void
log_outage_failed(struct log_outage *o, const char *reason)
{
	gint64 now = g_get_monotonic_time();

	o->attempts++;
	if (o->since == 0) {
		o->since = g_get_real_time();
		o->last_logged = now;
		log_warn("%s: %s", o->name, reason);
		return;
	}
	if (now - o->last_logged < LOG_OUTAGE_REPEAT * G_USEC_PER_SEC)
		return;
	o->last_logged = now;
	log_still_down(o, reason);
}

void
log_outage_ok(struct log_outage *o)
{
	if (o->since == 0)
		return;
	log_info("%s back up after %" G_GINT64_FORMAT " s, %u failed "
	    "attempts", o->name,
	    (g_get_real_time() - o->since) / G_USEC_PER_SEC, o->attempts);
	o->since = 0;
	o->attempts = 0;
}
