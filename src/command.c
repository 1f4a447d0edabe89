/*
 * The command table and dispatch: find the word, check who may use it,
 * run it, reply, report draft edits to the other editors, and write the
 * audit log.  Senders our server does not vouch for never get here
 * (verdict.c refuses them).  The commands themselves live in cmd-*.c.
 */
#include <string.h>

#include "article.h"
#include "signoff.h"
#include "code.h"
#include "command.h"
#include "log.h"
#include "notify.h"

const struct cmd_entry *const command_table[] = {
	&cmd_help_entry, &cmd_status_entry, &cmd_preview_entry,
	&cmd_drop_entry, &cmd_hold_entry, &cmd_restore_entry,
	&cmd_order_entry, &cmd_note_entry, &cmd_clear_note_entry,
	&cmd_accept_entry, &cmd_finalize_entry, &cmd_confirm_entry,
	&cmd_reject_entry, &cmd_resend_entry, &cmd_stats_entry,
	&cmd_adopt_entry, &cmd_instruct_entry, &cmd_deduct_entry,
	&cmd_unscore_entry, &cmd_commission_entry, NULL,
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
	for (guint i = 0; command_table[i] != NULL; i++) {
		const struct cmd_entry *e = command_table[i];
		if ((strlen(e->zh) == len && strncmp(word, e->zh, len) == 0) ||
		    (strlen(e->en) == len &&
		    g_ascii_strncasecmp(word, e->en, len) == 0))
			return e;
	}
	return NULL;
}

/*
 * The command SUBJECT (already trimmed) names; *args_r points into it.
 * A reply to a sign-off request without a command word is the signer's
 * answer, read by cmd_signoff_reply_entry.
 */
static const struct cmd_entry *
cmd_for_subject(const struct message *m, const char *subject,
    const char **args_r)
{
	const char *s = skip_reply_prefixes(subject);
	gsize n = word_len(s);
	const struct cmd_entry *e = cmd_lookup(s, n);

	*args_r = s + n;
	while (**args_r == ' ' || **args_r == ':')
		(*args_r)++;
	if (g_str_has_prefix(*args_r, "："))
		*args_r += strlen("：");
	if (e != NULL)
		return e;
	return signoff_is_reply(m) ? &cmd_signoff_reply_entry : NULL;
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

void
cmd_refuse(struct cmd_request *req, const char *reason, const char *text)
{
	req->refused = reason;
	g_string_append(req->reply, text);
}

static gboolean
run_entry(struct cmd_request *req, const struct cmd_entry *e, GError **error)
{
	if (e == NULL || e == &cmd_help_entry) {
		if (e == NULL)
			g_string_append(req->reply, "未能识别邮件主题中的指令。\n\n");
		return cmd_help_entry.run(req, error);
	}
	if (!role_allows(req->editor, e->role)) {
		g_autofree char *text = g_strdup_printf("您没有执行“%s”的权限%s。\n",
		    e->zh, e->role == CMD_SIGNER ? "（仅签发人可用）" : "");
		cmd_refuse(req, "not permitted for this editor", text);
		return TRUE;
	}
	return e->run(req, error);
}

/* Draft edits apply at once; the other editors see each one. */
static gboolean
report_edit(struct cmd_request *req, const struct cmd_entry *e,
    GError **error)
{
	g_autofree char *subject = NULL;
	g_autofree char *text = NULL;

	if (e == NULL || !e->edits_draft || req->refused != NULL)
		return TRUE;
	subject = g_strdup_printf("【草稿变动】%s 执行了“%s”", req->editor->name,
	    e->zh);
	text = g_strdup_printf("%s <%s> 对草稿执行了“%s %s”：\n\n%s\n"
	    "如非本人操作，请立即核查并撤销。\n", req->editor->name,
	    req->editor->address, e->zh, req->args, req->reply->str);
	return notify_queue_editors(req->b->store, req->b->config, subject,
	    text, req->editor, error);
}

static gboolean
audit(struct cmd_request *req, const struct cmd_entry *e, gint64 message,
    GError **error)
{
	/* A code is never logged or kept: it would sign for its holder. */
	g_autofree char *args = code_mask(req->args);
	struct command_row row = { message, req->editor->address,
	    e ? e->en : "UNKNOWN", args,
	    req->refused ? "refused" : e && e != &cmd_help_entry ? "done" :
	    "help", req->refused };

	log_info("command %s %s from %s: %s%s%s", row.command, args,
	    req->editor->address, row.decision, req->refused ? ": " : "",
	    req->refused ? req->refused : "");
	return store_add_command(req->b->store, &row, error);
}

/* Run what SUBJECT names; the reply text and attachments end up in REQ. */
static gboolean
dispatch(struct cmd_request *req, const char *subject, gint64 message,
    GError **error)
{
	g_autofree char *trimmed = g_strstrip(g_strdup(subject));
	const struct cmd_entry *e = cmd_for_subject(req->m, trimmed,
	    &req->args);

	req->entry = e;
	return run_entry(req, e, error) && report_edit(req, e, error) &&
	    audit(req, e, message, error);
}

static void
request_init(struct cmd_request *req, struct bulletin *b,
    const struct message *m, const struct editor *editor)
{
	memset(req, 0, sizeof(*req));
	req->b = b;
	req->m = m;
	req->editor = editor;
	req->reply = g_string_new(NULL);
	req->attachments = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)message_attachment_free);
}

static void
request_clear(struct cmd_request *req)
{
	g_string_free(req->reply, TRUE);
	g_ptr_array_unref(req->attachments);
}

gboolean
command_execute(struct bulletin *b, const struct message *m, gint64 message,
    const struct editor *editor, GError **error)
{
	struct cmd_request req;
	g_autofree char *subject = NULL;
	gboolean ok;

	request_init(&req, b, m, editor);
	ok = dispatch(&req, m->subject, message, error);
	subject = g_strdup_printf("回复：%s", req.entry && req.entry->secret_args ?
	    req.entry->zh : *m->subject ? m->subject : "指令");
	ok = ok && notify_queue_reply(b->store, b->config, "reply",
	    editor->name, editor->address, subject, req.reply->str,
	    m->message_id, req.attachments, error);
	request_clear(&req);
	return ok;
}

gboolean
command_run_local(struct bulletin *b, const struct editor *editor,
    const char *subject, const char *body, GString *out, GError **error)
{
	struct message m = { 0 };
	struct cmd_request req;
	gboolean ok;

	m.subject = (char *)subject;
	m.plain = (char *)body;
	m.threading = (char *)"";
	if (!store_begin(b->store, error))
		return FALSE;
	request_init(&req, b, &m, editor);
	ok = dispatch(&req, subject, 0, error);
	g_string_append(out, req.reply->str);
	for (guint i = 0; i < req.attachments->len; i++) {
		const struct attachment *a = req.attachments->pdata[i];
		g_string_append_printf(out, "\n[%s%s，%" G_GSIZE_FORMAT
		    " 字节]\n", a->name ? "附件 " : "HTML 版本",
		    a->name ? a->name : "", g_bytes_get_size(a->data));
	}
	request_clear(&req);
	if (!ok) {
		store_rollback(b->store);
		return FALSE;
	}
	return store_commit(b->store, error);
}

gboolean
cmd_parse_numbers(const char *args, GArray *numbers)
{
	GString *plain = g_string_new(NULL);
	g_auto(GStrv) words = NULL;

	/* Spaces, commas (both widths) and 、 all separate numbers. */
	for (const char *p = args; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == ',' || c == 0xff0c || c == 0x3001 || c == ';' ||
		    g_unichar_isspace(c))
			g_string_append_c(plain, ' ');
		else
			g_string_append_unichar(plain, c);
	}
	words = g_strsplit(plain->str, " ", -1);
	g_string_free(plain, TRUE);
	for (guint i = 0; words[i] != NULL; i++) {
		char *end;
		gint64 n;
		int v;
		if (*words[i] == '\0')
			continue;
		n = g_ascii_strtoll(words[i], &end, 10);
		if (*end != '\0' || n < 1 || n > 100000)
			return FALSE;
		v = n;
		g_array_append_val(numbers, v);
	}
	return numbers->len > 0;
}

char *
cmd_first_line(const struct cmd_request *req)
{
	char *text = cmd_body_text(req);

	text[strcspn(text, "\n")] = '\0';
	return text;
}

char *
cmd_body_text(const struct cmd_request *req)
{
	const struct message *m = req->m;
	g_autofree char *html = NULL;

	if (m->plain != NULL && !message_text_is_stub(m->plain))
		return article_body_from_text(m->plain, NULL);
	if (m->html != NULL) {
		html = article_html_to_text(m->html, strlen(m->html));
		return article_body_from_text(html, NULL);
	}
	return g_strdup("");
}
