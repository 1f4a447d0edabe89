/*
 * parse-bench: bulletind's parse + classify + extract throughput on a
 * mailbox of mixed mail, beside GMime's bare parse of the same bytes in the
 * same run.  The mailbox is the fixture corpus and the demo articles,
 * repeated; the figure that matters is the ratio.  bulletind's side is
 * verdict_new(), the call ingest.c's incoming_init() makes for every
 * fetched message (parse, classify, authenticate, extract the article);
 * the spool, the digests and the store are ingest's, not the parse's.
 *
 *	parse-bench [messages]       (default 5000)
 *
 * CPU time moves with the load of a shared machine; `make bench-callgrind`
 * counts the same two sides in instructions (tests/bench/parse-callgrind).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "autocleanup.h"
#include "config.h"
#include "log.h"
#include "message.h"
#include "verdict.h"

static GPtrArray *
load_corpus(const char *top)
{
	static const char *const dirs[] = { "tests/data/mail",
	    "contrib/demo/articles" };
	GPtrArray *out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_bytes_unref);

	for (guint i = 0; i < G_N_ELEMENTS(dirs); i++) {
		g_autofree char *path = g_build_filename(top, dirs[i], NULL);
		g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
		const char *name;
		while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
			g_autofree char *file = NULL;
			char *data;
			gsize len;
			if (!g_str_has_suffix(name, ".eml"))
				continue;
			file = g_build_filename(path, name, NULL);
			if (g_file_get_contents(file, &data, &len, NULL))
				g_ptr_array_add(out, g_bytes_new_take(data, len));
		}
	}
	return out;
}

/* Not inlined: callgrind counts each side by function (--toggle-collect). */
G_GNUC_NO_INLINE static void
bare_parse(GBytes *raw)
{
	g_autoptr(GMimeStream) s = g_mime_stream_mem_new_with_buffer(
	    g_bytes_get_data(raw, NULL), g_bytes_get_size(raw));
	g_autoptr(GMimeParser) p = g_mime_parser_new_with_stream(s);
	g_autoptr(GMimeMessage) m = g_mime_parser_construct_message(p, NULL);
}

G_GNUC_NO_INLINE static void
full_parse(const struct config *c, GBytes *raw)
{
	verdict_free(verdict_new(c, g_bytes_get_data(raw, NULL),
	    g_bytes_get_size(raw)));
}

/* CPU seconds of this process: the machine is shared, and other jobs
 * stretch wall-clock time for one side of the ratio and not the other. */
static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds for one pass over N messages of CORPUS, bare or full. */
static double
time_pass(GPtrArray *corpus, int n, const struct config *c, gboolean full)
{
	double start = cpu_seconds();

	for (int i = 0; i < n; i++) {
		GBytes *raw = corpus->pdata[i % corpus->len];
		if (full)
			full_parse(c, raw);
		else
			bare_parse(raw);
	}
	return cpu_seconds() - start;
}

int
main(int argc, char **argv)
{
	const char *top = g_getenv("top_srcdir") ? g_getenv("top_srcdir") : ".";
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	g_autofree char *conf = g_build_filename(top, "conf",
	    "bulletind.conf.example", NULL);
	g_autoptr(GPtrArray) corpus = NULL;
	struct config *c;
	double bare = 1e9, full = 1e9, bytes = 0;

	log_init("bench", TRUE, 0);
	message_library_init();
	c = config_load(conf, NULL);
	corpus = load_corpus(top);
	if (c == NULL || corpus->len == 0) {
		fprintf(stderr, "parse-bench: run from the source tree\n");
		return 1;
	}
	for (int i = 0; i < n; i++)
		bytes += g_bytes_get_size(corpus->pdata[i % corpus->len]);
	/* Interleaved, best of five: each side's least disturbed pass. */
	for (int run = 0; run < 5; run++) {
		/* Not MIN(x, time_pass()): the macro would run a pass twice. */
		double b = time_pass(corpus, n, c, FALSE);
		double f = time_pass(corpus, n, c, TRUE);
		bare = MIN(bare, b);
		full = MIN(full, f);
	}
	printf("messages: %d (%u distinct), %.1f MiB\n", n, corpus->len,
	    bytes / 1048576);
	printf("GMime bare parse:          %8.0f msg/s %7.1f MiB/s\n",
	    n / bare, bytes / 1048576 / bare);
	printf("bulletind parse + extract: %8.0f msg/s %7.1f MiB/s\n",
	    n / full, bytes / 1048576 / full);
	printf("ratio (bulletind / GMime time): %.2f\n", full / bare);
	config_free(c);
	return 0;
}
