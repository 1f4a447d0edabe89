/*
 * 扣分 / DEDUCT unit|article reason [points] [note]: points off a unit for
 * a reason of scoring.deductions (迟报, 漏报, 失实 …), for one of its
 * articles or for the unit as a whole; POINTS overrides the rule's.
 * An article's deduction counts in the period the article was received
 * in, a unit's in the period it is recorded in.
 */
#include <stdlib.h>
#include <string.h>

#include "command.h"

static const char usage[] = "用法：扣分 单位或稿件 扣分原因 [分值] [说明]，"
    "例：扣分 区法院 迟报；扣分 3-2 失实 5 数据与统计局不符";

/* A unit by its name (区法院) or code (fayuan). */
static const struct unit *
find_unit(const struct config *c, const char *word)
{
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		if (strcmp(u->name, word) == 0 || strcmp(u->code, word) == 0)
			return u;
	}
	return NULL;
}

/* "[points] [note]": points 1-1000 when REST starts with a number;
 * FALSE when that number is out of range. */
static gboolean
parse_rest(const char *rest, int *points_r, const char **note_r)
{
	char *end;
	long n;

	*note_r = rest;
	if (rest == NULL || !g_ascii_isdigit(*rest))
		return TRUE;
	n = strtol(rest, &end, 10);
	if (*end != '\0' && *end != ' ')
		return TRUE;	/* a note that starts with a digit */
	if (n < 1 || n > 1000)
		return FALSE;
	*points_r = n;
	while (*end == ' ')
		end++;
	*note_r = *end ? end : NULL;
	return TRUE;
}

/* The target: an article of a unit, or a unit; FALSE if neither. */
static int
find_target(struct cmd_request *req, const char *word, struct cmd_article *a,
    GError **error)
{
	const struct unit *u = find_unit(req->b->config, word);
	int found;

	if (u != NULL) {
		memset(a, 0, sizeof(*a));
		a->unit = g_strdup(u->code);
		return 1;
	}
	if ((found = cmd_find_article(req, word, a, error)) == 0)
		cmd_refuse(req, "no such unit or article", "找不到这个单位或稿件："
		    "请写单位名称（如 区法院）或代码，或稿件的“期号-篇号”"
		    "（如 3-2），草稿中的稿件写篇号。\n");
	return found;
}

static gboolean
deduct(struct cmd_request *req, const struct cmd_article *a,
    const struct score_rule *rule, int points, const char *note,
    GError **error)
{
	const struct unit *u = config_find_unit(req->b->config, a->unit);
	const char *name = u ? u->name : a->unit;
	struct score_event_row row = { SCORE_DEDUCTION, a->unit, a->id,
	    rule->name, points, note };
	g_autofree char *target = a->id ? g_strdup_printf("%s %s《%s》", name,
	    a->label, a->title) : g_strdup(name);
	g_autofree char *what = g_strdup_printf("%s因%s扣 %d 分%s%s。", target,
	    rule->name, points, note ? "；说明：" : "", note ? note : "");

	return cmd_record_score(req, &row, what, error);
}

static gboolean
cmd_deduct_run(struct cmd_request *req, GError **error)
{
	const struct config *c = req->b->config;
	g_auto(GStrv) words = cmd_words(req->args, 3);
	const struct score_rule *rule;
	const char *note = NULL;
	struct cmd_article a;
	int points, found;
	gboolean ok;

	if (words[0] == NULL || words[1] == NULL) {
		cmd_refuse(req, "missing arguments", usage);
		g_string_append_c(req->reply, '\n');
		return TRUE;
	}
	if ((rule = config_find_rule(c->scoring.deductions, words[1])) == NULL) {
		cmd_refuse_rule(req, c->scoring.deductions, words[1],
		    "扣分原因", usage);
		return TRUE;
	}
	points = rule->points;
	if (!parse_rest(words[2], &points, &note)) {
		cmd_refuse(req, "bad points", "扣分分值应为 1 到 1000 的整数。\n");
		return TRUE;
	}
	if ((found = find_target(req, words[0], &a, error)) <= 0)
		return found == 0;
	ok = deduct(req, &a, rule, points, note, error);
	cmd_article_clear(&a);
	return ok;
}

const struct cmd_entry cmd_deduct_entry = {
	"扣分", "DEDUCT", CMD_EDITOR, FALSE,
	"按扣分原因（见配置 scoring.deductions）给单位或稿件扣分，可另写分值。"
	"例：扣分 区法院 迟报；扣分 3-2 失实 5",
	cmd_deduct_run,
};
