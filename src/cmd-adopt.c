/*
 * 上报采用 / ADOPT article outlet [note]: an article was adopted higher up
 * (区级, 市级, 省级 …: scoring.outlets); only the editors hear of it.
 * 本刊采用 needs no command: an article printed in a sent issue counts.
 */
#include "command.h"

static const char usage[] = "用法：上报采用 稿件 采用层级 [备注]，"
    "例：上报采用 3-2 市级 市委信息专报第12期";

static const char *
unit_name(const struct config *c, const char *code)
{
	const struct unit *u = config_find_unit(c, code);

	return u ? u->name : code;
}

/* Refused, or recorded: TRUE; FALSE with ERROR if the store failed. */
static gboolean
adopt(struct cmd_request *req, const struct cmd_article *a,
    const struct score_rule *rule, const char *note, GError **error)
{
	const struct config *c = req->b->config;
	struct score_event_row row = { SCORE_ADOPTION, a->unit, a->id,
	    rule->name, rule->points, note };
	g_autofree char *what = NULL;
	int n;

	if ((n = store_count_score_events(req->b->store, SCORE_ADOPTION, a->id,
	    rule->name, error)) < 0)
		return FALSE;
	if (n > 0) {
		g_autofree char *text = g_strdup_printf("%s《%s》的%s采用已经"
		    "记录过，未重复记录。\n", a->label, a->title, rule->name);
		cmd_refuse(req, "adoption recorded before", text);
		return TRUE;
	}
	what = g_strdup_printf("%s《%s》（%s）%s采用，%d 分%s%s。", a->label,
	    a->title, unit_name(c, a->unit), rule->name, rule->points,
	    note ? "；备注：" : "", note ? note : "");
	return cmd_record_score(req, &row, what, error);
}

static gboolean
cmd_adopt_run(struct cmd_request *req, GError **error)
{
	const GPtrArray *outlets = req->b->config->scoring.outlets;
	g_auto(GStrv) words = cmd_words(req->args, 3);
	const struct score_rule *rule;
	struct cmd_article a;
	gboolean ok;
	int found;

	if (words[0] == NULL || words[1] == NULL) {
		cmd_refuse(req, "missing arguments", usage);
		g_string_append_c(req->reply, '\n');
		return TRUE;
	}
	if ((found = cmd_find_article(req, words[0], &a, error)) <= 0) {
		if (found == 0)
			cmd_refuse_article(req, words[0], usage);
		return found == 0;
	}
	rule = config_find_rule(outlets, words[1]);
	if (rule == outlets->pdata[0]) {
		cmd_refuse(req, "own bulletin", "本刊采用无需上报：签发印发的"
		    "稿件自动按本刊采用计分。\n");
		ok = TRUE;
	} else if (rule == NULL) {
		cmd_refuse_rule(req, outlets, words[1], "采用层级", usage);
		ok = TRUE;
	} else
		ok = adopt(req, &a, rule, words[2], error);
	cmd_article_clear(&a);
	return ok;
}

const struct cmd_entry cmd_adopt_entry = {
	"上报采用", "ADOPT", CMD_EDITOR, FALSE,
	"记录稿件被上级采用（层级见配置 scoring.outlets），计入信息考核。"
	"例：上报采用 3-2 市级",
	cmd_adopt_run,
};
