/*
 * 采用 / ACCEPT q unit: file quarantined message q as an article of that
 * unit — a unit writing from a new address, say.  The editor decides; the
 * message is parsed again from the spool exactly as if it had come from
 * the unit.
 */
#include <string.h>

#include "article.h"
#include "command.h"

/* The unit named by code or by name. */
static const struct unit *
find_unit(const struct config *c, const char *word)
{
	const struct unit *u = config_find_unit(c, word);

	for (guint i = 0; u == NULL && i < c->units->len; i++)
		if (strcmp(((struct unit *)c->units->pdata[i])->name, word) == 0)
			u = c->units->pdata[i];
	return u;
}

static gboolean
file_as(struct cmd_request *req, gint64 q, const struct message *m,
    const struct unit *u, GError **error)
{
	struct article *art = article_extract(m);
	g_autofree char *key = article_title_key(art->title);
	g_autofree char *digest = g_compute_checksum_for_string(
	    G_CHECKSUM_SHA256, art->body, -1);
	struct article_row row = { u->code, art->title, key, art->body,
	    digest, { art->fields[0], art->fields[1], art->fields[2] } };
	g_autofree char *reason = g_strdup_printf("accepted by %s",
	    req->editor->address);
	gint64 draft = store_draft_issue(req->b->store, error);
	int seq = 0;
	gboolean ok;

	ok = draft != 0 && store_add_article(req->b->store, draft, q, &row, 0,
	    &seq, error) != 0 && store_set_message_state(req->b->store, q,
	    MESSAGE_FILED, reason, u->code, error);
	if (ok)
		g_string_append_printf(req->reply, "来信 %" G_GINT64_FORMAT
		    " 已作为%s的稿件编入草稿，编号 %d：%s\n", q, u->name, seq,
		    art->title);
	article_free(art);
	return ok;
}

static gboolean
accept_message(struct cmd_request *req, gint64 q, const struct unit *u,
    GError **error)
{
	g_autofree char *state = NULL, *spool = NULL;
	g_autoptr(GBytes) raw = NULL;
	struct message *m;
	gboolean ok;

	if (!store_get_message(req->b->store, q, &state, &spool, error) ||
	    strcmp(state, "quarantined") != 0) {
		cmd_refuse(req, "not a quarantined message", "没有这个编号的隔离来信。"
		    "编号见隔离通知或“状态”回复中的 [隔离 #编号]。\n");
		return TRUE;
	}
	if ((raw = store_spool_get(req->b->store, spool, error)) == NULL)
		return FALSE;
	m = message_parse(g_bytes_get_data(raw, NULL), g_bytes_get_size(raw),
	    NULL);
	if (m == NULL) {
		cmd_refuse(req, "unparseable", "这封来信无法解析，不能编入。\n");
		return TRUE;
	}
	ok = file_as(req, q, m, u, error);
	message_free(m);
	return ok;
}

static gboolean
cmd_accept_run(struct cmd_request *req, GError **error)
{
	g_auto(GStrv) words = g_strsplit(req->args, " ", 3);
	const struct unit *u = NULL;
	char *end = NULL;
	gint64 q = words[0] ? g_ascii_strtoll(words[0], &end, 10) : 0;

	if (words[0] != NULL && words[1] != NULL)
		u = find_unit(req->b->config, g_strstrip(words[1]));
	if (q <= 0 || end == NULL || *end != '\0' || u == NULL) {
		cmd_refuse(req, "bad arguments", "用法：采用 来信编号 单位代码（或单位名称），"
		    "例如“采用 12 fgj”。\n");
		return TRUE;
	}
	return accept_message(req, q, u, error);
}

const struct cmd_entry cmd_accept_entry = {
	"采用", "ACCEPT", CMD_EDITOR, TRUE,
	"把隔离的来信作为某单位稿件编入。例：采用 12 fgj",
	cmd_accept_run,
};
