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

/* Plain addresses after 增发 in ARGS, comma-joined; NULL if none.
 * *bad_r is set when a word there is not an address. */
static char *
extra_recipients(const char *args, gboolean *bad_r)
{
	g_auto(GStrv) words = g_strsplit_set(args, " ,，、", -1);
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
	gboolean after = FALSE;

	*bad_r = FALSE;
	for (guint i = 0; words[i] != NULL; i++) {
		if (*words[i] == '\0')
			continue;
		if (strcmp(words[i], "增发") == 0) {
			after = TRUE;
			continue;
		}
		if (!after)
			continue;
		if (strchr(words[i], '@') == NULL ||
		    strpbrk(words[i], "<>\"();:\\\r\n\t") != NULL) {
			*bad_r = TRUE;
			return NULL;
		}
		g_ptr_array_add(out, g_ascii_strdown(words[i], -1));
	}
	if (out->len == 0)
		return NULL;
	g_ptr_array_add(out, NULL);
	return g_strjoinv(",", (char **)out->pdata);
}

static gboolean
request(struct cmd_request *req, struct issue_view *v, enum issue_kind kind,
    const char *extra, GError **error)
{
	const struct config *c = req->b->config;
	struct rendered_issue *r;
	g_autoptr(GBytes) preview = NULL;
	g_autofree char *digest = NULL;

	v->extra_label = issue_extra_label(extra);
	r = render_issue(c, v);
	preview = render_issue_message(c, v, r, NULL);
	digest = render_issue_digest(c, v);
	g_autofree char *number = issue_number_text(v);
	g_autofree char *what = g_strdup_printf("%s（%u 篇稿件）", number,
	    v->articles->len);
	struct signoff s = { 0, (char *)"finalize", kind, (char *)extra, v->id,
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
	gboolean bad;
	g_autofree char *extra = extra_recipients(req->args, &bad);
	gboolean ok = TRUE;

	if (v == NULL)
		return FALSE;
	if (bad)
		cmd_refuse(req, "bad extra recipient", "“增发”后请写邮件地址，"
		    "例如“定稿 增发 leader9@example.test”。\n");
	else if (v->articles->len == 0)
		cmd_refuse(req, "empty draft", "草稿中还没有稿件，无法定稿。\n");
	else
		ok = request(req, v, kind, extra, error);
	issue_view_free(v);
	return ok;
}

const struct cmd_entry cmd_finalize_entry = {
	"定稿", "FINALIZE", CMD_EDITOR, FALSE,
	"生成本期最终版本，连同确认码发给签发人。例：定稿；增刊：定稿 增刊；"
	"本期另发给名单外的人：定稿 增发 leader9@example.test",
	cmd_finalize_run,
};
