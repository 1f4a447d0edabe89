/*
 * Title line breaking; see title-break.h.
 *
 * The places a line may end come from the text (spaces, punctuation) and
 * from ICU's word break iterator, which segments Chinese with its
 * dictionary.  Choosing among them is a small exact search: a title has
 * a few dozen places at most.  For each candidate longest line M (the
 * width of some line that fits), a dynamic programme over the places
 * finds the best breaks into the fewest lines with every line between M/3
 * and M wide; the best over all M wins.  Costs other than the longest
 * line are sums over lines, which is what makes the programme exact.
 */
#include <math.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "title-break.h"

/* May not begin a line (GB/T 15834's marks that close or follow). */
#define CLOSING	"、，：；。！？）》”’」』】〕〗〉,.;:!?)]}%"
/* May not end a line. */
#define OPENING	"（《“‘「『【〔〖〈([{"

/* Join what is on either side: 楼长+专员, A&B, 1/2. */
#define JOINING	"+＋&＆/／·-－_@"

/* Past this many places the balancing search is skipped (its cost grows
 * with their fourth power); no real title comes near. */
#define BALANCE_MAX_NODES	96

static gboolean
in_set(const char *set, gunichar c)
{
	return c != 0 && g_utf8_strchr(set, -1, c) != NULL;
}

static gboolean
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x3000;
}

/* —— and …… are one mark in two characters. */
static gboolean
is_doubled(gunichar a, gunichar b)
{
	return a == b && (a == 0x2014 || a == 0x2026 || a == 0x2e3a);
}

/* The length of TITLE's valid UTF-8 prefix. */
static gsize
valid_length(const char *title)
{
	const char *end;

	g_utf8_validate(title, -1, &end);
	return (gsize)(end - title);
}

static gboolean
is_han(gunichar c)
{
	return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

/*
 * ICU's dictionary leaves the characters it finds in no word alone, and
 * these are mostly bound to a neighbour: 快车|道, 快|进|键, 走|深|走|实,
 * 少|跑腿, 监管|局.  A line breaks on neither side of such a character.
 */
static void
join_single_characters(const char *title, gboolean *word, GArray *bounds)
{
	for (guint k = 0; k + 1 < bounds->len; k++) {
		gsize from = g_array_index(bounds, gsize, k);
		gsize to = g_array_index(bounds, gsize, k + 1);
		const char *p = title + from;

		if (g_utf8_next_char(p) != title + to ||
		    !is_han(g_utf8_get_char(p)))
			continue;
		word[from] = FALSE;
		word[to] = FALSE;
	}
}

/*
 * WORD[i] is TRUE where a line may break at byte i between two words:
 * where ICU puts a word boundary that is not beside a single Chinese
 * character.
 */
static gboolean *
word_boundaries(const char *title, gsize len)
{
	gboolean *word = g_new0(gboolean, len + 1);
	g_autoptr(GArray) bounds = g_array_new(FALSE, FALSE, sizeof(gsize));
	UErrorCode status = U_ZERO_ERROR;
	UText *text = utext_openUTF8(NULL, title, (int64_t)len, &status);
	UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);

	if (U_SUCCESS(status))
		ubrk_setUText(bi, text, &status);
	if (U_SUCCESS(status))
		for (int32_t b = ubrk_first(bi); b != UBRK_DONE;
		    b = ubrk_next(bi)) {
			gsize at = (gsize)b;

			if (b < 0 || at > len)
				continue;
			word[at] = TRUE;
			g_array_append_val(bounds, at);
		}
	ubrk_close(bi);
	utext_close(text);
	join_single_characters(title, word, bounds);
	return word;
}

/* The kind of break between A and B, or -1 where none may be. */
static int
break_between(gunichar a, gunichar b, gboolean at_word)
{
	if (in_set(CLOSING, b) || in_set(OPENING, a) || is_doubled(a, b) ||
	    in_set(JOINING, a) || in_set(JOINING, b))
		return -1;
	if (in_set(CLOSING, a) || in_set(OPENING, b))
		return TITLE_BREAK_PUNCT;
	/* A number keeps its measure word: 15分钟, 2022年. */
	if (g_ascii_isdigit(a) && is_han(b))
		return TITLE_BREAK_CHAR;
	return at_word ? TITLE_BREAK_WORD : TITLE_BREAK_CHAR;
}

static void
add_point(GArray *points, gsize end, gsize next, enum title_break_kind kind)
{
	struct title_break_point p = { .end = end, .next = next, .kind = kind };

	g_array_append_val(points, p);
}

/* The title without spaces at either end: [*lo_r, *hi_r). */
static void
trim(const char *title, gsize len, gsize *lo_r, gsize *hi_r)
{
	const char *lo = title, *hi = title + len;

	while (lo < hi && is_space(g_utf8_get_char(lo)))
		lo = g_utf8_next_char(lo);
	while (hi > lo) {
		const char *prev = g_utf8_prev_char(hi);

		if (!is_space(g_utf8_get_char(prev)))
			break;
		hi = prev;
	}
	*lo_r = (gsize)(lo - title);
	*hi_r = (gsize)(hi - title);
}

GArray *
title_break_points(const char *title)
{
	GArray *points = g_array_new(FALSE, FALSE,
	    sizeof(struct title_break_point));
	gsize len = valid_length(title), lo, hi;
	g_autofree gboolean *word = word_boundaries(title, len);
	gunichar prev = 0;

	trim(title, len, &lo, &hi);
	for (gsize i = lo; i < hi; ) {
		gunichar c = g_utf8_get_char(title + i);
		gsize next = (gsize)(g_utf8_next_char(title + i) - title);
		int kind;

		if (is_space(c)) {
			gsize end = i;

			while (i < hi && is_space(g_utf8_get_char(title + i)))
				i = (gsize)(g_utf8_next_char(title + i) - title);
			add_point(points, end, i, TITLE_BREAK_SPACE);
			prev = 0;
			continue;
		}
		if (prev != 0 && (kind = break_between(prev, c, word[i])) >= 0)
			add_point(points, i, i, kind);
		prev = c;
		i = next;
	}
	return points;
}

/* ---- choosing the breaks --------------------------------------------- */

/* What a set of breaks costs; compared field by field. */
struct cost {
	guint	 count[TITLE_BREAK_CHAR + 1];	/* breaks of each kind */
	double	 longest;
	double	 sumsq;
};

/*
 * The places as nodes of a graph: node 0 the title's start, node n-1 its
 * end, each line an edge from the node it starts at to the one it ends
 * at.  WIDTH[i * n + j] is the line from i to j, or INFINITY past the
 * first that is too wide.
 */
struct graph {
	const char			*title;
	struct title_break_point	*node;
	guint				 n;
	double				*width;
	double				 room;	/* the line's width */
};

/* The state of the programme at a node, after some lines. */
struct step {
	gboolean	 reached;
	struct cost	 cost;
	guint		 from;
};

static int
cost_compare(const struct cost *a, const struct cost *b, gboolean longest)
{
	for (int k = TITLE_BREAK_CHAR; k >= TITLE_BREAK_SPACE; k--)
		if (a->count[k] != b->count[k])
			return a->count[k] < b->count[k] ? -1 : 1;
	if (longest && a->longest != b->longest)
		return a->longest < b->longest ? -1 : 1;
	if (a->sumsq != b->sumsq)
		return a->sumsq < b->sumsq ? -1 : 1;
	return 0;
}

static double
line_width(const struct graph *g, guint i, guint j)
{
	return g->width[i * g->n + j];
}

/* A line from I to J may be set: it fits, or is one place wide. */
static gboolean
line_fits(const struct graph *g, guint i, guint j)
{
	return j == i + 1 || line_width(g, i, j) <= g->room;
}

static void
measure_lines(struct graph *g, title_break_measure_fn measure, gpointer data)
{
	g->width = g_new(double, (gsize)g->n * g->n);
	for (guint k = 0; k < g->n * g->n; k++)
		g->width[k] = INFINITY;
	for (guint i = 0; i + 1 < g->n; i++)
		for (guint j = i + 1; j < g->n; j++) {
			gsize start = g->node[i].next;
			double w = measure(g->title + start,
			    g->node[j].end - start, data);

			g->width[i * g->n + j] = w;
			if (w > g->room)
				break;	/* a longer line is wider still */
		}
}

static guint
fewest_lines(const struct graph *g)
{
	g_autofree guint *lines = g_new(guint, g->n);

	lines[0] = 0;
	for (guint j = 1; j < g->n; j++) {
		lines[j] = G_MAXUINT;
		for (guint i = 0; i < j; i++)
			if (lines[i] != G_MAXUINT && line_fits(g, i, j))
				lines[j] = MIN(lines[j], lines[i] + 1);
	}
	return lines[g->n - 1];
}

/* STEP[l * n + j]: the best way to the node J in L lines. */
static void
relax(const struct graph *g, struct step *step, guint l, guint i, guint j,
    double w)
{
	const struct step *from = &step[(l - 1) * g->n + i];
	struct step *to = &step[l * g->n + j];
	struct cost c = from->cost;

	if (j + 1 < g->n)
		c.count[g->node[j].kind]++;
	c.longest = MAX(c.longest, w);
	c.sumsq += w * w;
	if (!to->reached || cost_compare(&c, &to->cost, FALSE) < 0) {
		to->reached = TRUE;
		to->cost = c;
		to->from = i;
	}
}

/*
 * The best breaks into LINES lines, each at most MAX and at least MIN
 * wide; the path into PATH (node per line end), FALSE if there is none.
 */
static gboolean
best_breaks(const struct graph *g, guint lines, double max, double min,
    struct cost *cost_r, guint *path)
{
	g_autofree struct step *step = g_new0(struct step,
	    (gsize)(lines + 1) * g->n);
	const struct step *end;
	guint j = g->n - 1;

	step[0].reached = TRUE;
	for (guint l = 1; l <= lines; l++)
		for (guint i = 0; i + 1 < g->n; i++) {
			if (!step[(l - 1) * g->n + i].reached)
				continue;
			for (guint k = i + 1; k < g->n && line_fits(g, i, k);
			    k++) {
				double w = line_width(g, i, k);

				if (w <= max && w >= min)
					relax(g, step, l, i, k, w);
			}
		}
	end = &step[lines * g->n + j];
	if (!end->reached)
		return FALSE;
	*cost_r = end->cost;
	for (guint l = lines; l > 0; l--) {
		path[l - 1] = j;
		j = step[l * g->n + j].from;
	}
	return TRUE;
}

static int
compare_doubles(gconstpointer a, gconstpointer b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The widths of all lines that may be set, each once, narrowest first. */
static GArray *
candidate_longest(const struct graph *g)
{
	GArray *widths = g_array_new(FALSE, FALSE, sizeof(double));
	guint kept = 0;

	for (guint i = 0; i + 1 < g->n; i++)
		for (guint j = i + 1; j < g->n && line_fits(g, i, j); j++)
			g_array_append_val(widths, g->width[i * g->n + j]);
	g_array_sort(widths, compare_doubles);
	for (guint i = 0; i < widths->len; i++)
		if (kept == 0 || g_array_index(widths, double, i) !=
		    g_array_index(widths, double, kept - 1))
			g_array_index(widths, double, kept++) =
			    g_array_index(widths, double, i);
	g_array_set_size(widths, kept);
	return widths;
}

/* The balanced breaks into LINES lines if there are any, else the best. */
static void
choose(const struct graph *g, guint lines, guint *path)
{
	g_autofree guint *trial = g_new(guint, lines);
	g_autoptr(GArray) widths = NULL;
	struct cost best, cost;
	gboolean found = FALSE;

	if (g->n <= BALANCE_MAX_NODES) {
		widths = candidate_longest(g);
		for (guint m = 0; m < widths->len; m++) {
			double max = g_array_index(widths, double, m);

			if (!best_breaks(g, lines, max, max / 3, &cost, trial) ||
			    (found && cost_compare(&cost, &best, TRUE) >= 0))
				continue;
			best = cost;
			memcpy(path, trial, lines * sizeof(*path));
			found = TRUE;
		}
	}
	if (!found && !best_breaks(g, lines, INFINITY, -INFINITY, &best, path))
		g_assert_not_reached();	/* one place per line always fits */
}

/*
 * The points of TITLE as nodes, its start and end added, and CHAR points
 * kept only inside words too wide for a line.
 */
static void
graph_init(struct graph *g, const char *title, double room,
    title_break_measure_fn measure, gpointer data)
{
	g_autoptr(GArray) points = title_break_points(title);
	GArray *nodes = g_array_new(FALSE, FALSE,
	    sizeof(struct title_break_point));
	gsize len = valid_length(title), lo, hi;
	struct title_break_point start = { 0 }, end = { 0 };
	guint word = 0;		/* the node the current word starts at */

	trim(title, len, &lo, &hi);
	start.next = lo;
	end.end = hi;
	g_array_append_val(points, end);
	g_array_append_val(nodes, start);
	for (guint i = 0; i < points->len; i++) {
		const struct title_break_point *p = &g_array_index(points,
		    struct title_break_point, i);
		gsize from = g_array_index(nodes, struct title_break_point,
		    word).next;

		if (p->kind == TITLE_BREAK_CHAR)
			continue;
		/* The word's CHAR points, if it is too wide. */
		if (measure(title + from, p->end - from, data) > room)
			for (guint k = 0; k < i; k++) {
				const struct title_break_point *q =
				    &g_array_index(points,
				    struct title_break_point, k);

				if (q->kind == TITLE_BREAK_CHAR &&
				    q->end > from && q->end < p->end)
					g_array_append_val(nodes, *q);
			}
		g_array_append_val(nodes, *p);
		word = nodes->len - 1;
	}
	g->title = title;
	g->room = room;
	g->n = nodes->len;
	g->node = (struct title_break_point *)(void *)g_array_free(nodes,
	    FALSE);
	measure_lines(g, measure, data);
}

GArray *
title_break(const char *title, double width, title_break_measure_fn measure,
    gpointer data)
{
	GArray *breaks = g_array_new(FALSE, FALSE,
	    sizeof(struct title_break_point));
	struct graph g;
	g_autofree guint *path = NULL;
	guint lines;

	graph_init(&g, title, width, measure, data);
	if (g.n >= 2 && (lines = fewest_lines(&g)) > 1) {
		path = g_new(guint, lines);
		choose(&g, lines, path);
		for (guint l = 0; l + 1 < lines; l++)
			g_array_append_val(breaks, g.node[path[l]]);
	}
	g_free(g.width);
	g_free(g.node);
	return breaks;
}

char **
title_break_lines(const char *title, const GArray *breaks)
{
	GPtrArray *lines = g_ptr_array_new();
	gsize len = valid_length(title), lo, hi;

	trim(title, len, &lo, &hi);
	for (guint i = 0; i < breaks->len; i++) {
		const struct title_break_point *p = &g_array_index(breaks,
		    struct title_break_point, i);

		g_ptr_array_add(lines, g_strndup(title + lo, p->end - lo));
		lo = p->next;
	}
	g_ptr_array_add(lines, g_strndup(title + lo, hi > lo ? hi - lo : 0));
	g_ptr_array_add(lines, NULL);
	return (char **)g_ptr_array_free(lines, FALSE);
}
