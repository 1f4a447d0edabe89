/*
 * What 上报采用, 批示 and 扣分 share: the words of the subject, an article
 * named as editors name it, a rule of the config's scoring, and the
 * record with its reply.  The commands are in cmd-adopt.c,
 * cmd-instruct.c, cmd-deduct.c and cmd-unscore.c.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "command.h"

char **
cmd_words(const char *args, int max)
{
	GString *plain = g_string_new(NULL);
	g_autoptr(GPtrArray) words = g_ptr_array_new();
	char *p;

	/* The ideographic space separates as a space does. */
	for (const char *s = args; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (c == 0x3000 || g_unichar_isspace(c))
			g_string_append_c(plain, ' ');
		else
			g_string_append_unichar(plain, c);
	}
	p = g_strstrip(plain->str);
	while (*p != '\0') {
		char *end = strchr(p, ' ');
		if (words->len + 1 == (guint)max || end == NULL) {
			g_ptr_array_add(words, g_strdup(p));
			break;
		}
		g_ptr_array_add(words, g_strndup(p, end - p));
		for (p = end; *p == ' '; p++)
			;
	}
	g_string_free(plain, TRUE);
	g_ptr_array_add(words, NULL);
	return (char **)g_ptr_array_free(g_steal_pointer(&words), FALSE);
}

void
cmd_article_clear(struct cmd_article *a)
{
	g_free(a->unit);
	g_free(a->title);
	g_free(a->label);
	memset(a, 0, sizeof(*a));
}

/* "3-2" (this year), "2026-3-2" → year, issue and article; FALSE else. */
static gboolean
parse_ref(const char *word, int *year_r, int *number_r, int *seq_r)
{
	g_autofree char *w = g_strdup(word);
	int n = 0, len = 0, a, b, c;
	char *p;

	/* A full-width hyphen from a Chinese input method is a hyphen. */
	while ((p = strstr(w, "－")) != NULL) {
		*p = '-';
		memmove(p + 1, p + strlen("－"), strlen(p + strlen("－")) + 1);
	}
	if (sscanf(w, "%d-%d-%d%n", &a, &b, &c, &len) == 3 && w[len] == '\0')
		n = 3, *year_r = a, *number_r = b, *seq_r = c;
	else if (sscanf(w, "%d-%d%n", &a, &b, &len) == 2 && w[len] == '\0')
		n = 2, *number_r = a, *seq_r = b;
	else if (sscanf(w, "%d%n", &a, &len) == 1 && w[len] == '\0')
		n = 1, *seq_r = a;
	return n > 0 && strspn(w, "0123456789-") == strlen(w) && *seq_r > 0 &&
	    (n < 2 || *number_r > 0);
}

/* The issue WORD names (the draft when it names none): its id, 0 if it
 * was not sent, -1 on error. */
static gint64
ref_issue(struct cmd_request *req, int year, int number, GError **error)
{
	gint64 id;

	if (number == 0) {
		id = store_draft_issue(req->b->store, error);
		return id > 0 ? id : -1;
	}
	id = store_find_issue(req->b->store, ISSUE_REGULAR, year, number, error);
	return id == 0 && error != NULL && *error != NULL ? -1 : id;
}

int
cmd_find_article(struct cmd_request *req, const char *word,
    struct cmd_article *a, GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	int year = g_date_time_get_year(now), number = 0, seq = 0;
	gint64 issue;

	memset(a, 0, sizeof(*a));
	if (word == NULL || !parse_ref(word, &year, &number, &seq))
		return 0;
	if ((issue = ref_issue(req, year, number, error)) < 0)
		return -1;
	if (issue == 0)
		return 0;
	a->id = store_article_by_seq(req->b->store, issue, seq, &a->unit,
	    &a->title, error);
	if (a->id <= 0)
		return a->id < 0 ? -1 : 0;
	a->label = number ? g_strdup_printf("%d年第%d期第%d篇", year, number,
	    seq) : g_strdup_printf("草稿第%d篇", seq);
	return 1;
}

void
cmd_refuse_article(struct cmd_request *req, const char *word,
    const char *usage)
{
	g_autofree char *text = g_strdup_printf("找不到稿件“%s”。稿件写作"
	    "“期号-篇号”（今年第3期第2篇：3-2；往年：2025-3-2），草稿中的"
	    "稿件只写篇号（如 2）。\n%s\n", word ? word : "", usage);

	cmd_refuse(req, "no such article", text);
}

void
cmd_refuse_rule(struct cmd_request *req, const GPtrArray *rules,
    const char *word, const char *what, const char *usage)
{
	GString *text = g_string_new(NULL);

	g_string_append_printf(text, "未知的%s“%s”，可用：", what,
	    word ? word : "");
	for (guint i = 0; i < rules->len; i++)
		g_string_append_printf(text, "%s%s",  i ? "、" : "",
		    ((struct score_rule *)rules->pdata[i])->name);
	g_string_append_printf(text, "（见配置 scoring）。\n%s\n", usage);
	cmd_refuse(req, "unknown scoring rule", text->str);
	g_string_free(text, TRUE);
}

gboolean
cmd_record_score(struct cmd_request *req, struct score_event_row *row,
    const char *what, GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	gint64 id;

	row->editor = req->editor->address;
	row->at = g_date_time_to_unix(now);
	if ((id = store_add_score_event(req->b->store, row, error)) == 0)
		return FALSE;
	g_string_append_printf(req->reply, "已记录（考核记录 #%" G_GINT64_FORMAT
	    "）：%s\n如有误，可发“撤销考核 %" G_GINT64_FORMAT "”撤销。\n", id,
	    what, id);
	return TRUE;
}
