/*
 * 定稿 / FINALIZE [增刊]: render the draft exactly as it will go out and
 * send it with a code to every 签发 holder's registered address — never to
 * Reply-To.  增刊 makes it a supplement, numbered apart.
 */
#include <string.h>

#include "clock.h"
#include "command.h"
#include "issue.h"
#include "render.h"
#include "signoff.h"

static gboolean
request(struct cmd_request *req, const struct issue_view *v,
    enum issue_kind kind, GError **error)
{
	const struct config *c = req->b->config;
	struct rendered_issue *r = render_issue(c, v);
	g_autoptr(GBytes) preview = render_issue_message(c, v, r, NULL);
	g_autofree char *digest = render_issue_digest(c, v);
	g_autofree char *number = issue_number_text(v);
	g_autofree char *what = g_strdup_printf("%s（%u 篇稿件）", number,
	    v->articles->len);
	struct signoff s = { 0, (char *)"finalize", kind, NULL, v->id,
	    v->year, v->number, v->date, digest };
	gboolean ok = signoff_request(req, &s, preview, what, error);

	rendered_issue_free(r);
	return ok;
}

static gboolean
cmd_finalize_run(struct cmd_request *req, GError **error)
{
	g_autoptr(GDateTime) now = clock_now();
	enum issue_kind kind = strstr(req->args, "增刊") != NULL ||
	    g_ascii_strncasecmp(req->args, "supplement", 10) == 0 ?
	    ISSUE_SUPPLEMENT : ISSUE_REGULAR;
	struct issue_view *v = issue_load_draft(req->b->config, req->b->store,
	    kind, now, error);
	gboolean ok = TRUE;

	if (v == NULL)
		return FALSE;
	if (v->articles->len == 0)
		cmd_refuse(req, "empty draft", "草稿中还没有稿件，无法定稿。\n");
	else
		ok = request(req, v, kind, error);
	issue_view_free(v);
	return ok;
}

const struct cmd_entry cmd_finalize_entry = {
	"定稿", "FINALIZE", CMD_EDITOR, FALSE,
	"生成本期最终版本，连同确认码发给签发人。例：定稿；增刊：定稿 增刊",
	cmd_finalize_run,
};
