/* Assembling an issue view from the store; see issue.h. */
#include <string.h>

#include "issue.h"

struct issue_image *
issue_image_new(const char *name, const char *content_type, GBytes *data)
{
	struct issue_image *img = g_new0(struct issue_image, 1);

	img->name = g_strdup(name);
	img->content_type = g_strdup(content_type);
	img->data = data;
	return img;
}

void
issue_image_free(struct issue_image *img)
{
	g_free(img->name);
	g_free(img->content_type);
	g_bytes_unref(img->data);
	g_free(img);
}

/* N strings of CELLS, copied. */
static GPtrArray *
cells_copy(const char *const *cells, guint n)
{
	GPtrArray *out = g_ptr_array_new_full(n, g_free);

	for (guint i = 0; i < n; i++)
		g_ptr_array_add(out, g_strdup(cells[i]));
	return out;
}

struct issue_table *
issue_table_new(const char *const *header, guint n_columns, const char *note)
{
	struct issue_table *t = g_new0(struct issue_table, 1);

	g_assert(n_columns > 0);
	t->header = cells_copy(header, n_columns);
	t->rows = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_ptr_array_unref);
	t->note = g_strdup(note);
	return t;
}

void
issue_table_add_row(struct issue_table *t, const char *const *cells)
{
	g_ptr_array_add(t->rows, cells_copy(cells, t->header->len));
}

void
issue_table_free(struct issue_table *t)
{
	if (t == NULL)
		return;
	g_ptr_array_unref(t->header);
	g_ptr_array_unref(t->rows);
	g_free(t->note);
	g_free(t);
}

struct issue_article *
issue_article_new(int seq, const char *unit_code, const char *unit_name,
    const char *title, const char *body)
{
	struct issue_article *a = g_new0(struct issue_article, 1);

	a->seq = seq;
	a->unit_code = g_strdup(unit_code);
	a->unit_name = g_strdup(unit_name);
	a->title = g_strdup(title);
	a->body = g_strdup(body);
	a->images = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_image_free);
	return a;
}

void
issue_article_free(struct issue_article *a)
{
	g_free(a->unit_code);
	g_free(a->unit_name);
	g_free(a->title);
	g_free(a->body);
	for (int i = 0; i < 3; i++)
		g_free(a->fields[i]);
	g_ptr_array_unref(a->images);
	issue_table_free(a->table);
	g_free(a);
}

void
issue_view_free(struct issue_view *view)
{
	if (view == NULL)
		return;
	g_free(view->date);
	g_free(view->note);
	g_free(view->extra_label);
	g_free(view->number_label);
	g_ptr_array_unref(view->articles);
	g_free(view);
}

char *
issue_extra_label(const char *extra)
{
	g_auto(GStrv) addresses = NULL;

	if (extra == NULL || *extra == '\0')
		return NULL;
	addresses = g_strsplit(extra, ",", -1);
	return g_strjoinv("、", addresses);
}

char *
issue_format_date(GDateTime *date)
{
	return g_strdup_printf("%d年%d月%d日", g_date_time_get_year(date),
	    g_date_time_get_month(date), g_date_time_get_day_of_month(date));
}

static void
load_images(struct issue_article *a, struct store *store, gint64 article)
{
	g_autoptr(GPtrArray) stored = store_article_images(store, article,
	    NULL);

	for (guint i = 0; stored != NULL && i < stored->len; i++) {
		struct stored_image *s = stored->pdata[i];
		g_ptr_array_add(a->images, issue_image_new(s->name,
		    s->content_type, g_steal_pointer(&s->data)));
	}
}

static struct issue_article *
article_from_store(const struct config *config, struct store *store,
    struct stored_article *s)
{
	const struct unit *unit = config_find_unit(config, s->unit);
	/* A unit removed from the config keeps its articles, by code. */
	struct issue_article *a = issue_article_new(s->seq, s->unit,
	    unit != NULL ? unit->name : s->unit, s->title, s->body);

	for (int i = 0; i < 3; i++)
		a->fields[i] = g_strdup(s->fields[i]);
	a->unverified = s->unverified;
	load_images(a, store, s->id);
	return a;
}

/* The printed articles of STORED (struct stored_article *). */
static GPtrArray *
issue_articles(const struct config *config, struct store *store,
    GPtrArray *stored)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)issue_article_free);

	for (guint i = 0; i < stored->len; i++)
		g_ptr_array_add(out, article_from_store(config, store,
		    stored->pdata[i]));
	return out;
}

static int
total_number(const struct config *config, struct store *store,
    GError **error)
{
	int sent;

	if (!config->render.total_number)
		return 0;
	if ((sent = store_count_sent(store, error)) < 0)
		return -1;
	return config->render.total_offset + sent + 1;
}

struct issue_view *
issue_load_draft_as(const struct config *config, struct store *store,
    enum issue_kind kind, int year, int number, const char *date,
    GError **error)
{
	gint64 id = store_draft_issue(store, error);
	g_autoptr(GPtrArray) stored = NULL;
	struct issue_view *view;
	int total;

	if (id == 0 || (total = total_number(config, store, error)) < 0)
		return NULL;
	if ((stored = store_issue_articles(store, id, error)) == NULL)
		return NULL;
	view = g_new0(struct issue_view, 1);
	view->id = id;
	view->year = year;
	view->number = number;
	view->supplement = kind == ISSUE_SUPPLEMENT;
	view->total_number = total;
	view->date = g_strdup(date);
	view->note = store_issue_note(store, id, NULL);
	view->articles = issue_articles(config, store, stored);
	return view;
}

int
issue_next_number(const struct config *config, struct store *store,
    enum issue_kind kind, int year, GError **error)
{
	return store_next_number(store, kind, config->bulletin.yearly ? year : 0,
	    config->bulletin.first_number, error);
}

struct issue_view *
issue_load_draft(const struct config *config, struct store *store,
    enum issue_kind kind, GDateTime *now, GError **error)
{
	int year = g_date_time_get_year(now);
	int number = issue_next_number(config, store, kind, year, error);
	g_autofree char *date = issue_format_date(now);

	if (number == 0)
		return NULL;
	return issue_load_draft_as(config, store, kind, year, number, date,
	    error);
}

struct issue_view *
issue_load_sent(const struct config *config, struct store *store,
    gint64 issue, GError **error)
{
	g_autoptr(GPtrArray) stored = NULL;
	struct issue_view *view = g_new0(struct issue_view, 1);
	enum issue_kind kind;

	if (!store_issue_info(store, issue, &kind, &view->year, &view->number,
	    &view->total_number, &view->date, &view->note, &view->extra_label,
	    error) ||
	    (stored = store_issue_articles(store, issue, error)) == NULL) {
		g_free(view->date);
		g_free(view->note);
		g_free(view->extra_label);
		g_free(view);
		return NULL;
	}
	view->id = issue;
	view->supplement = kind == ISSUE_SUPPLEMENT;
	view->articles = issue_articles(config, store, stored);
	return view;
}

static gboolean
unit_has_article(const struct issue_view *view, const char *code)
{
	for (guint i = 0; i < view->articles->len; i++) {
		const struct issue_article *a = view->articles->pdata[i];
		if (strcmp(a->unit_code, code) == 0)
			return TRUE;
	}
	return FALSE;
}

GPtrArray *
issue_silent_units(const struct config *config, const struct issue_view *view)
{
	GPtrArray *out = g_ptr_array_new();

	for (guint i = 0; i < config->units->len; i++) {
		struct unit *u = config->units->pdata[i];
		if (!unit_has_article(view, u->code))
			g_ptr_array_add(out, u);
	}
	return out;
}
