/*
 * 批示 / INSTRUCTION article level [note]: a leader wrote an instruction
 * (批示) on an article; the level (区领导, 市领导, 省领导 …) is one of
 * scoring.instructions.  One article may carry several.
 */
#include "command.h"

static const char usage[] = "用法：批示 稿件 领导层级 [批示内容]，"
    "例：批示 3-2 市领导 请各区学习借鉴";

static gboolean
cmd_instruct_run(struct cmd_request *req, GError **error)
{
	const struct config *c = req->b->config;
	g_auto(GStrv) words = cmd_words(req->args, 3);
	const struct score_rule *rule;
	struct cmd_article a;
	g_autofree char *what = NULL;
	gboolean ok;
	int found;

	if (words[0] == NULL || words[1] == NULL) {
		cmd_refuse(req, "missing arguments", usage);
		g_string_append_c(req->reply, '\n');
		return TRUE;
	}
	if ((rule = config_find_rule(c->scoring.instructions,
	    words[1])) == NULL) {
		cmd_refuse_rule(req, c->scoring.instructions, words[1],
		    "领导层级", usage);
		return TRUE;
	}
	if ((found = cmd_find_article(req, words[0], &a, error)) <= 0) {
		if (found == 0)
			cmd_refuse_article(req, words[0], usage);
		return found == 0;
	}
	{
		const struct unit *u = config_find_unit(c, a.unit);
		struct score_event_row row = { SCORE_INSTRUCTION, a.unit, a.id,
		    rule->name, rule->points, words[2] };
		what = g_strdup_printf("%s《%s》（%s）获%s批示，+%d 分%s%s。",
		    a.label, a.title, u ? u->name : a.unit, rule->name,
		    rule->points, words[2] ? "；批示：" : "",
		    words[2] ? words[2] : "");
		ok = cmd_record_score(req, &row, what, error);
	}
	cmd_article_clear(&a);
	return ok;
}

const struct cmd_entry cmd_instruct_entry = {
	"批示", "INSTRUCTION", CMD_EDITOR, FALSE,
	"记录领导对稿件的批示（层级见配置 scoring.instructions），计入信息考核。"
	"例：批示 3-2 市领导 请各区学习借鉴",
	cmd_instruct_run,
};
