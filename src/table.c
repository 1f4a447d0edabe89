/* Text and JSON tables; see table.h. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "table.h"

#define TABLE_GAP	"  "

struct table {
	const struct table_column *cols;
	int		 n;
	GPtrArray	*cells;		/* char *, row after row; NULL allowed */
};

struct table *
table_new(const struct table_column *cols, int n)
{
	struct table *t = g_new0(struct table, 1);

	g_assert(n > 0);
	t->cols = cols;
	t->n = n;
	t->cells = g_ptr_array_new_with_free_func(g_free);
	return t;
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	g_ptr_array_unref(t->cells);
	g_free(t);
}

void
table_add_row(struct table *t, const char *const *cells)
{
	for (int i = 0; i < t->n; i++)
		g_ptr_array_add(t->cells, cells[i] ?
		    g_utf8_make_valid(cells[i], -1) : NULL);
}

guint
table_rows(const struct table *t)
{
	return t->cells->len / t->n;
}

/* Row R's cells. */
static char **
table_row(const struct table *t, guint r)
{
	return (char **)t->cells->pdata + r * t->n;
}

static int
char_width(gunichar c)
{
	if (g_unichar_iszerowidth(c))
		return 0;
	return g_unichar_iswide(c) ? 2 : 1;
}

int
table_text_width(const char *s)
{
	int w = 0;

	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p))
		w += char_width(g_utf8_get_char(p));
	return w;
}

char *
table_fit(const char *s, int width)
{
	GString *out = g_string_new(NULL);
	gboolean cut = width > 0 && table_text_width(s) > width;
	int room = cut ? width - 1 : G_MAXINT, w = 0;

	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_iscntrl(c))
			c = ' ';
		if (w + char_width(c) > room)
			break;
		w += char_width(c);
		g_string_append_unichar(out, c);
	}
	if (cut)
		g_string_append(out, "…");
	return g_string_free(out, FALSE);
}

/* A time to the minute: "2026-12-02T08:30:00+08:00" -> "2026-12-02 08:30". */
static char *
shown_time(const char *iso)
{
	char *s = g_strndup(iso, 16);

	if (strlen(s) == 16 && s[10] == 'T')
		s[10] = ' ';
	return s;
}

static char *
shown_cell(const struct table_column *col, const char *cell)
{
	g_autofree char *whole = NULL;

	if (cell == NULL)
		return g_strdup("-");
	whole = col->type == TABLE_TIME ? shown_time(cell) : g_strdup(cell);
	return table_fit(whole, col->max_width);
}

static void
append_padded(GString *line, const char *s, int width, gboolean right)
{
	int pad = width - table_text_width(s);

	if (right)
		for (; pad > 0; pad--)
			g_string_append_c(line, ' ');
	g_string_append(line, s);
	if (!right)
		for (; pad > 0; pad--)
			g_string_append_c(line, ' ');
}

/* One line of CELLS (already shown), to WIDTHS; trailing blanks cut. */
static void
append_line(GString *out, const struct table *t, char **cells,
    const int *widths)
{
	GString *line = g_string_new(NULL);
	gboolean first = TRUE;

	for (int i = 0; i < t->n; i++) {
		if (t->cols[i].header == NULL)
			continue;
		if (!first)
			g_string_append(line, TABLE_GAP);
		first = FALSE;
		append_padded(line, cells[i], widths[i],
		    t->cols[i].type == TABLE_INT);
	}
	while (line->len > 0 && line->str[line->len - 1] == ' ')
		g_string_truncate(line, line->len - 1);
	g_string_append_len(out, line->str, line->len);
	g_string_append_c(out, '\n');
	g_string_free(line, TRUE);
}

char *
table_print(const struct table *t)
{
	GString *out = g_string_new(NULL);
	g_autofree int *widths = g_new0(int, t->n);
	g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_strfreev);
	char **header = g_new0(char *, t->n + 1);

	for (int i = 0; i < t->n; i++) {
		header[i] = g_strdup(t->cols[i].header ? t->cols[i].header :
		    "");
		widths[i] = table_text_width(header[i]);
	}
	g_ptr_array_add(shown, header);
	for (guint r = 0; r < table_rows(t); r++) {
		char **src = table_row(t, r);
		char **row = g_new0(char *, t->n + 1);
		for (int i = 0; i < t->n; i++) {
			row[i] = shown_cell(&t->cols[i], src[i]);
			widths[i] = MAX(widths[i], table_text_width(row[i]));
		}
		g_ptr_array_add(shown, row);
	}
	for (guint r = 0; r < shown->len; r++)
		append_line(out, t, shown->pdata[r], widths);
	return g_string_free(out, FALSE);
}

static void
json_cell(JsonBuilder *b, const struct table_column *col, const char *cell)
{
	json_builder_set_member_name(b, col->key);
	if (cell == NULL)
		json_builder_add_null_value(b);
	else if (col->type == TABLE_INT)
		json_builder_add_int_value(b, g_ascii_strtoll(cell, NULL, 10));
	else
		json_builder_add_string_value(b, cell);
}

char *
table_json(const struct table *t)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;

	json_builder_begin_array(b);
	for (guint r = 0; r < table_rows(t); r++) {
		char **cells = table_row(t, r);
		json_builder_begin_object(b);
		for (int i = 0; i < t->n; i++)
			json_cell(b, &t->cols[i], cells[i]);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, TRUE);
	return json_generator_to_data(gen, NULL);
}
