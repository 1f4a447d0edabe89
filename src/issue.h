/*
 * An issue as it will be printed: its number, date and articles with the
 * names of their units.  Assembled from the store and the config; owns all
 * of its data; free with issue_view_free().
 */
#ifndef BULLETIN_ISSUE_H
#define BULLETIN_ISSUE_H

#include <glib.h>

#include "config.h"
#include "store.h"

struct issue_image {
	char		*name;		/* safe base name, e.g. "photo1.jpg" */
	char		*content_type;	/* "image/jpeg", "image/png" */
	GBytes		*data;
};

/*
 * A table printed after an article's text (the 信息考核 通报's): a header
 * row and rows of as many plain-text cells, then a note under it.  Only
 * the PDF and the .docx print it.
 */
struct issue_table {
	GPtrArray	*header;	/* char *: the header row's cells */
	GPtrArray	*rows;		/* GPtrArray * of char *, each as long
					   as the header */
	char		*note;		/* under the table ("注：…"), or NULL */
};

struct issue_article {
	int		 seq;
	char		*unit_code;
	char		*unit_name;	/* as printed in （…供稿）; NULL: no
					   attribution (the office's own) */
	char		*title;
	char		*body;		/* one paragraph per line */
	char		*fields[3];	/* 审签, 执笔, 电话, or NULL */
	GPtrArray	*images;	/* struct issue_image *, maybe empty */
	struct issue_table *table;	/* after the text, or NULL */
	gboolean	 unverified;	/* sender not vouched for (STATUS) */
};

struct issue_view {
	gint64		 id;
	int		 year;
	int		 number;	/* 第N期 (增刊第N期 when supplement) */
	gboolean	 supplement;	/* 增刊: numbered apart */
	int		 total_number;	/* 总第N期, or 0 when not printed */
	char		*number_label;	/* printed instead of 第N期 by a
					   document outside the series (the
					   信息考核 通报), or NULL */
	char		*date;		/* "2026年11月28日" */
	char		*note;		/* 编者按, or NULL */
	char		*extra_label;	/* 本期增发 …, or NULL */
	GPtrArray	*articles;	/* struct issue_article * */
};

/* A picture for an article; takes DATA.  Free with issue_image_free. */
struct issue_image *issue_image_new(const char *name,
    const char *content_type, GBytes *data);
void issue_image_free(struct issue_image *img);

/* A table of N_COLUMNS columns with the header cells HEADER and NOTE
 * (NULL: none), no rows yet; strings are copied.  Free with
 * issue_table_free (issue_article_free frees an article's). */
struct issue_table *issue_table_new(const char *const *header,
    guint n_columns, const char *note);
/* A row of as many CELLS as the header has (copied). */
void issue_table_add_row(struct issue_table *t, const char *const *cells);
void issue_table_free(struct issue_table *t);

/* An article to print, with no pictures yet (strings are copied).  Views
 * built by hand (bulletinctl, tests) free theirs with issue_article_free,
 * as issue_view_free does. */
struct issue_article *issue_article_new(int seq, const char *unit_code,
    const char *unit_name, const char *title, const char *body);
void issue_article_free(struct issue_article *a);

/*
 * The draft issue as it would go out as KIND if signed off on NOW:
 * numbered as the next issue of that kind in NOW's year, with its 编者按
 * and 总第N期.  NULL and ERROR on a store failure.
 */
struct issue_view *issue_load_draft(const struct config *config,
    struct store *store, enum issue_kind kind, GDateTime *now,
    GError **error);

/* The draft with a given number and date (what a sign-off promised). */
struct issue_view *issue_load_draft_as(const struct config *config,
    struct store *store, enum issue_kind kind, int year, int number,
    const char *date, GError **error);

/* The number the next issue of KIND signed off in YEAR gets: per year,
 * or running on when the config numbers continuously.  0 on error. */
int issue_next_number(const struct config *config, struct store *store,
    enum issue_kind kind, int year, GError **error);

/* Sent issue ISSUE as it went out; NULL (ERROR maybe unset) if none. */
struct issue_view *issue_load_sent(const struct config *config,
    struct store *store, gint64 issue, GError **error);

/* The number the next issue of KIND signed off in YEAR gets: per year,
 * or running on when the config numbers continuously.  0 on error. */
int issue_next_number(const struct config *config, struct store *store,
    enum issue_kind kind, int year, GError **error);

/* Sent issue ISSUE as it went out; NULL (ERROR maybe unset) if none. */
struct issue_view *issue_load_sent(const struct config *config,
    struct store *store, gint64 issue, GError **error);

/* "a@x,b@y" (the recipients an issue adds) → "a@x、b@y", or NULL. */
char *issue_extra_label(const char *extra);

/* "2026年11月28日" */
char *issue_format_date(GDateTime *date);

/* Units of CONFIG with no article in VIEW (borrowed struct unit *). */
GPtrArray *issue_silent_units(const struct config *config,
    const struct issue_view *view);

void issue_view_free(struct issue_view *view);

#endif
