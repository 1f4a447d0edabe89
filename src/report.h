/*
 * The 信息考核 通报: per unit, for a month, a quarter or a year, what it
 * sent (本期报送, 累计报送), where it was adopted (采用 by outlet), the
 * adoption rate, 批示, 扣分, its points (本期得分, 累计得分) and its rank,
 * reckoned from the store's facts under the config's scoring rules.
 *
 * 累计 runs from 1 January of the period's year to the period's end.
 * Periods are calendar months, quarters and years in the office's zone
 * (clock.h).  The same report is printed as aligned text (the reply and
 * bulletinctl), as an HTML table and as CSV here, and as a PDF and a
 * .docx in the bulletin's layout by report-doc.h.  All memory belongs to the
 * caller; a struct report is freed with report_free().
 */
#ifndef BULLETIN_REPORT_H
#define BULLETIN_REPORT_H

#include "bulletin.h"

enum report_span {
	REPORT_MONTH,
	REPORT_QUARTER,
	REPORT_YEAR,
};

struct report_period {
	enum report_span span;
	int		 year;
	int		 n;		/* month 1-12, quarter 1-4, 0 for a year */
	gint64		 from;		/* unix times: [from, to) */
	gint64		 to;
	gint64		 year_from;	/* 1 January: where 累计 starts */
};

/* "2026-11", "2026-Q4" (or q4) or "2026" → *P; FALSE if it is none. */
gboolean report_period_parse(const char *s, struct report_period *p);

/* The month, quarter or year of unix time T. */
void report_period_of(enum report_span span, gint64 t,
    struct report_period *p);

/* "2026年11月", "2026年第四季度", "2026年度" (caller frees). */
char *report_period_label(const struct report_period *p);

struct report_row {
	const struct unit *unit;	/* borrowed from the config */
	guint		 order;		/* the unit's place in the config */
	int		 rank;		/* 1 …; ties share one */
	int		 submitted;	/* 本期报送 */
	int		 submitted_total;	/* 累计报送 */
	int		*by_outlet;	/* 采用 per scoring.outlets entry */
	int		 adopted;	/* articles adopted anywhere */
	int		 instructions;	/* 批示 */
	int		 deducted;	/* points taken off */
	int		 score;		/* 本期得分 */
	int		 score_total;	/* 累计得分 */
	int		 misses;	/* 约稿 late or missed this year */
	gboolean	 zeroed;	/* so many that the year scores 0 */
};

struct report {
	const struct config *config;	/* borrowed */
	struct report_period period;
	GPtrArray	*rows;		/* struct report_row *, by rank, then
					   in the config's unit order */
};

/* The report of P from B's store; NULL with ERROR if it cannot be read. */
struct report *report_build(struct bulletin *b,
    const struct report_period *p, GError **error);
void report_free(struct report *r);

/* The table's header cells and ROW's, as every format prints them
 * (NULL-terminated; g_strfreev). */
char **report_header(const struct report *r);
char **report_row(const struct report *r, const struct report_row *row);

/* "计分：采用 本刊 2 分，…；每月报送满 4 篇得基础分 5 分。": how the
 * points were given, from the rules in force (caller frees). */
char *report_rules(const struct report *r);

/* The title line, the table aligned by display width, and a line on how
 * points were given (caller frees). */
char *report_text(const struct report *r);

/* The same as an HTML document with a <table> (caller frees). */
char *report_html(const struct report *r);

/* The table as CSV: UTF-8 with a BOM, CRLF lines (caller unrefs). */
GBytes *report_csv(const struct report *r);

/* "信息考核通报-2026-11.csv" and the like (caller frees). */
char *report_file_name(const struct report *r, const char *extension);

#endif
