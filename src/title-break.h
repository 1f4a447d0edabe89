/*
 * Where a title wraps: at words, never inside one, in as few lines as fit
 * and with the lines balanced, as GB/T 9704 asks of a 公文's title.  Pure:
 * the caller measures text in its own units through a callback, so the
 * PDF, the .docx and the HTML break a title by the same rule.  The only
 * module that sees ICU, whose dictionary-based word break segments
 * Chinese.
 *
 * All memory belongs to the caller unless stated otherwise.
 */
#ifndef BULLETIN_TITLE_BREAK_H
#define BULLETIN_TITLE_BREAK_H

#include <glib.h>

/* Where a line may end, best first. */
enum title_break_kind {
	TITLE_BREAK_SPACE,	/* at a space between phrases (dropped) */
	TITLE_BREAK_PUNCT,	/* after 、，”）…, before “（《… */
	TITLE_BREAK_WORD,	/* between two words */
	TITLE_BREAK_CHAR,	/* inside a word longer than a line */
};

/* A place a line may end: the line ends at END, the next starts at NEXT
 * (past the spaces, which no line keeps).  Byte offsets. */
struct title_break_point {
	gsize			 end;
	gsize			 next;
	enum title_break_kind	 kind;
};

/* The width of LEN bytes of TEXT (a valid UTF-8 substring, no spaces at
 * either end), in the caller's units. */
typedef double (*title_break_measure_fn)(const char *text, gsize len,
    gpointer data);

/*
 * Every place TITLE (UTF-8; invalid bytes end it) may break, in order,
 * CHAR points included: struct title_break_point.  Never after an
 * opening bracket or quote, never before a closing one or a 、，。 mark,
 * never inside ——, …… or a run of digits or Latin letters.
 */
GArray *title_break_points(const char *title);

/*
 * Where TITLE wraps in lines WIDTH wide: the fewest lines that fit
 * (breaking inside a word only where a word is wider than a line), and
 * among those, lexicographically: no line shorter than a third of the
 * longest; the fewest CHAR, then WORD, then PUNCT breaks (so a space
 * between phrases is where a title breaks when it balances); the
 * shortest longest line; the least spread (sum of squared widths).
 * Returns the chosen points (struct title_break_point, one for each line
 * but the last; empty when the title fits on one line).
 */
GArray *title_break(const char *title, double width,
    title_break_measure_fn measure, gpointer data);

/* TITLE's lines at BREAKS (from title_break): NULL-terminated, the spaces
 * at the breaks left out.  Free with g_strfreev. */
char **title_break_lines(const char *title, const GArray *breaks);

#endif
