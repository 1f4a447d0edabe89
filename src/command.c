/* The command table and dispatch; the commands live in cmd-*.c. */
#include <string.h>

#include "code.h"
#include "command.h"
#include "log.h"
#include "notify.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_status_entry,
	&cmd_finalize_entry,
	&cmd_confirm_entry,
};

/* The subject without Re:/回复： prefixes. */
static const char *
skip_reply_prefixes(const char *s)
{
	static const char *const prefixes[] = {
		"re:", "re：", "回复:", "回复：", "答复:", "答复：", "aw:",
	};

	for (guint i = 0; i < G_N_ELEMENTS(prefixes); i++) {
		gsize n = strlen(prefixes[i]);
		if (g_ascii_strncasecmp(s, prefixes[i], n) == 0) {
			s += n;
			while (*s == ' ')
				s++;
			return skip_reply_prefixes(s);
		}
	}
	return s;
}

/* Length of the command word at S: up to a space, colon or the end. */
static gsize
word_len(const char *s)
{
	const char *p = s;

	while (*p != '\0' && *p != ' ' && *p != ':' &&
	    !g_str_has_prefix(p, "：") && !g_str_has_prefix(p, "\u3000"))
		p = g_utf8_next_char(p);
	return p - s;
}

static const struct cmd_entry *
cmd_lookup(const char *word, gsize len)
{
	for (guint i = 0; i < G_N_ELEMENTS(cmd_table); i++) {
		const struct cmd_entry *e = cmd_table[i];
		if ((strlen(e->zh) == len && strncmp(word, e->zh, len) == 0) ||
		    (strlen(e->en) == len &&
		    g_ascii_strncasecmp(word, e->en, len) == 0))
			return e;
	}
	return NULL;
}

static void
append_help(GString *reply)
{
	g_string_append(reply, "可用的指令（写在邮件主题开头，中英文均可）：\n");
	for (guint i = 0; i < G_N_ELEMENTS(cmd_table); i++)
		g_string_append_printf(reply, "  %s / %s：%s\n",
		    cmd_table[i]->zh, cmd_table[i]->en, cmd_table[i]->help);
}

static gboolean
role_allows(const struct editor *editor, enum cmd_role role)
{
	switch (role) {
	case CMD_ANY_EDITOR:
		return TRUE;
	case CMD_EDITOR:
		return editor->edits;
	case CMD_SIGNER:
		return editor->signs;
	}
	return FALSE;
}

/*
 * The command SUBJECT (already trimmed) names; *args_r points into it.
 * A reply to a sign-off request carries its code: that is a 确认.
 */
static const struct cmd_entry *
cmd_for_message(const struct message *m, const char *subject,
    const char **args_r)
{
	const char *s = skip_reply_prefixes(subject);
	gsize n = word_len(s);
	const struct cmd_entry *e = cmd_lookup(s, n);
	g_autofree char *threaded = code_find(m->threading);

	*args_r = s + n;
	if (e != NULL)
		return e;
	return threaded != NULL ? &cmd_confirm_entry : NULL;
}

static gboolean
run_entry(struct cmd_request *req, const struct cmd_entry *e, GError **error)
{
	if (e == NULL) {
		g_string_append(req->reply, "未能识别邮件主题中的指令。\n\n");
		append_help(req->reply);
		return TRUE;
	}
	if (!role_allows(req->editor, e->role)) {
		g_string_append_printf(req->reply, "您没有执行“%s”的权限%s。\n",
		    e->zh, e->role == CMD_SIGNER ? "（仅签发人可用）" : "");
		return TRUE;
	}
	return e->run(req, error);
}

gboolean
command_execute(struct bulletin *b, const struct message *m,
    const struct editor *editor, GError **error)
{
	g_autoptr(GString) reply = g_string_new(NULL);
	g_autofree char *trimmed = g_strstrip(g_strdup(m->subject));
	struct cmd_request req = { b, m, editor, NULL, reply };
	const struct cmd_entry *e = cmd_for_message(m, trimmed, &req.args);
	g_autofree char *subject = NULL;

	log_info("command %s from %s (message %s)", e ? e->en : "unknown",
	    editor->address, m->message_id ? m->message_id : "-");
	if (!run_entry(&req, e, error))
		return FALSE;
	subject = g_strdup_printf("回复：%s", *m->subject ? m->subject : "指令");
	return notify_queue_reply(b->store, b->config, "reply", editor->name,
	    editor->address, subject, reply->str, m->message_id, error);
}
