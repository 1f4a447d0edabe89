/*
 * Tables for bulletinctl: a header line and columns aligned by display
 * width (a CJK character takes two columns), or the same rows as a JSON
 * array of objects for scripts.  Pure: no I/O.
 *
 * A table borrows its column definitions (static in the caller) and copies
 * every cell.  Returned strings belong to the caller (g_free).
 */
#ifndef BULLETIN_TABLE_H
#define BULLETIN_TABLE_H

#include <glib.h>

enum table_type {
	TABLE_TEXT,		/* a string */
	TABLE_INT,		/* decimal digits; a number in JSON */
	TABLE_TIME,		/* ISO 8601 with offset; shown to the minute */
};

struct table_column {
	const char	*header;	/* shown in the text; NULL: JSON only */
	const char	*key;		/* the JSON member name, stable */
	enum table_type	 type;
	int		 max_width;	/* text cells are cut to it with …;
					   0: no limit */
};

struct table;

/* A table of the N columns COLS (borrowed; must outlive the table). */
struct table *table_new(const struct table_column *cols, int n);
void table_free(struct table *t);

/* Add a row of the table's column count of cells (copied); a NULL cell
 * is "-" in the text and null in JSON. */
void table_add_row(struct table *t, const char *const *cells);

/* How many rows were added. */
guint table_rows(const struct table *t);

/* The header line and the rows, columns two spaces apart, each line
 * ending in a newline, no trailing blanks. */
char *table_print(const struct table *t);

/* The rows as a JSON array of objects keyed by the columns' keys. */
char *table_json(const struct table *t);

/* The display width of UTF-8 S: 2 per wide character, 0 per combining
 * or zero-width one, 1 otherwise. */
int table_text_width(const char *s);

/* S cut to at most WIDTH display columns, ending in … when cut; control
 * characters become spaces (one line per row). */
char *table_fit(const char *s, int width);

#endif
