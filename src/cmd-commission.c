/*
 * 约稿 / COMMISSION: ask units for an article on a topic by a due time.
 * The body holds the fields, one a line:
 *
 *   单位：区发改局、新华街道办事处	(names or codes)
 *   主题：优化营商环境典型案例
 *   要求：1500字以内，附图片
 *   截止：2026-12-10 17:00	(or 2026年12月10日; no time: the day's end)
 *
 * Each unit gets a 约稿通知 whose Message-ID its reply brings back; its
 * part is tracked in the store (commission.c).
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "command.h"
#include "mail.h"
#include "notify.h"

static const char usage[] = "用法：主题为“约稿”，正文每行一项：\n"
    "单位：区发改局、新华街道办事处\n主题：优化营商环境典型案例\n"
    "要求：1500字以内（可省略）\n截止：2026-12-10 17:00\n";

struct commission {
	GPtrArray	*units;		/* const struct unit *, borrowed */
	char		*topic;
	char		*requirements;	/* or NULL */
	GDateTime	*due;
};

static void
commission_clear(struct commission *c)
{
	g_ptr_array_unref(c->units);
	g_free(c->topic);
	g_free(c->requirements);
	if (c->due != NULL)
		g_date_time_unref(c->due);
}

/* The value of LINE if it is "KEY：value" or "KEY: value", else NULL. */
static const char *
field_value(const char *line, const char *key)
{
	gsize n = strlen(key);

	if (strncmp(line, key, n) != 0)
		return NULL;
	line += n;
	if (g_str_has_prefix(line, "："))
		line += strlen("：");
	else if (*line == ':')
		line++;
	else
		return NULL;
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

static const struct unit *
find_unit(const struct config *c, const char *word)
{
	const struct unit *u = config_find_unit(c, word);

	for (guint i = 0; u == NULL && i < c->units->len; i++)
		if (strcmp(((struct unit *)c->units->pdata[i])->name, word) == 0)
			u = c->units->pdata[i];
	return u;
}

/* The units named in V into C; FALSE (refused) at an unknown one. */
static gboolean
parse_units(struct cmd_request *req, struct commission *c, const char *v)
{
	g_autoptr(GString) s = g_string_new(v);
	g_auto(GStrv) words = NULL;

	g_string_replace(s, "、", " ", 0);
	g_string_replace(s, "，", " ", 0);
	g_string_replace(s, "；", " ", 0);
	g_string_replace(s, "　", " ", 0);
	words = g_strsplit_set(s->str, " ,;\t", -1);
	for (guint i = 0; words[i] != NULL; i++) {
		const struct unit *u;
		if (*words[i] == '\0')
			continue;
		if ((u = find_unit(req->b->config, words[i])) == NULL) {
			g_autofree char *text = g_strdup_printf("没有名为“%s”"
			    "的单位（单位名称或代码见配置 units）。\n%s",
			    words[i], usage);
			cmd_refuse(req, "unknown unit", text);
			return FALSE;
		}
		if (!g_ptr_array_find(c->units, u, NULL))
			g_ptr_array_add(c->units, (gpointer)u);
	}
	return TRUE;
}

/* "2026-12-10 17:00", "2026年12月10日 17:00", "12月10日": a time in the
 * office's zone (a day without a time: its end), or NULL. */
static GDateTime *
parse_due(const char *v, GDateTime *now)
{
	g_autoptr(GString) s = g_string_new(v);
	int y = g_date_time_get_year(now), m, d, h = 23, min = 59, n;
	char tail;

	g_string_replace(s, "年", "-", 0);
	g_string_replace(s, "月", "-", 0);
	g_string_replace(s, "日", " ", 0);
	g_string_replace(s, "：", ":", 0);
	if ((n = sscanf(s->str, "%d-%d-%d %d:%d %c", &y, &m, &d, &h, &min,
	    &tail)) != 3 && n != 5) {
		y = g_date_time_get_year(now);
		h = 23;
		min = 59;
		if ((n = sscanf(s->str, "%d-%d %d:%d %c", &m, &d, &h, &min,
		    &tail)) != 2 && n != 4)
			return NULL;
	}
	if (!g_date_valid_dmy(d, m, y) || h < 0 || h > 23 || min < 0 ||
	    min > 59)
		return NULL;
	return g_date_time_new(clock_zone(), y, m, d, h, min,
	    h == 23 && min == 59 && n <= 3 ? 59 : 0);
}

static void
set_str(char **where, const char *v)
{
	g_free(*where);
	*where = g_strdup(v);
}

/* Read the fields of the body into C; FALSE when refused. */
static gboolean
parse_body(struct cmd_request *req, struct commission *c, GDateTime *now)
{
	g_autofree char *body = cmd_body_text(req);
	g_auto(GStrv) lines = g_strsplit(body ? body : "", "\n", -1);
	const char *v;

	for (guint i = 0; lines[i] != NULL; i++) {
		char *line = g_strstrip(lines[i]);
		if ((v = field_value(line, "单位")) != NULL) {
			if (!parse_units(req, c, v))
				return FALSE;
		} else if ((v = field_value(line, "主题")) != NULL && *v)
			set_str(&c->topic, v);
		else if ((v = field_value(line, "要求")) != NULL && *v)
			set_str(&c->requirements, v);
		else if ((v = field_value(line, "截止")) != NULL) {
			g_clear_pointer(&c->due, g_date_time_unref);
			if ((c->due = parse_due(v, now)) == NULL) {
				g_autofree char *text = g_strdup_printf(
				    "截止时间“%s”无法识别。\n%s", v, usage);
				cmd_refuse(req, "bad due date", text);
				return FALSE;
			}
		}
	}
	if (c->units->len == 0 || c->topic == NULL || c->due == NULL) {
		cmd_refuse(req, "missing fields", usage);
		return FALSE;
	}
	if (g_date_time_compare(c->due, now) <= 0) {
		cmd_refuse(req, "due date passed", "截止时间已过，请重新填写。\n");
		return FALSE;
	}
	return TRUE;
}

static gboolean
send_notice(struct cmd_request *req, const struct commission *c, gint64 id,
    const struct unit *u, GError **error)
{
	const struct config *cf = req->b->config;
	g_autofree char *due = g_date_time_format(c->due, "%Y年%-m月%-d日 %H:%M");
	g_autofree char *msgid = mail_make_message_id(cf, "commission");
	g_autofree char *subject = g_strdup_printf("约稿通知：%s", c->topic);
	g_autofree char *text = g_strdup_printf("%s：\n\n"
	    "《%s》编辑部向贵单位约稿：\n\n主题：%s\n%s%s%s截止时间：%s\n\n"
	    "请在截止时间前将稿件发送至 %s（直接回复本邮件即可），"
	    "标题或正文中请注明主题。\n\n%s\n（本邮件由系统自动发送。）\n",
	    u->name, cf->bulletin.title, c->topic,
	    c->requirements ? "要求：" : "",
	    c->requirements ? c->requirements : "",
	    c->requirements ? "\n" : "", due, cf->bulletin.mailbox,
	    cf->bulletin.office);

	return notify_queue_unit(req->b->store, cf, "commission", u, subject,
	    text, msgid, error) && store_add_commission_unit(req->b->store,
	    id, u->code, msgid, error);
}

static gboolean
commission_send(struct cmd_request *req, const struct commission *c,
    GDateTime *now, GError **error)
{
	g_autofree char *due = g_date_time_format(c->due, "%Y年%-m月%-d日 %H:%M");
	gint64 id = store_add_commission(req->b->store, c->topic,
	    c->requirements, g_date_time_to_unix(c->due),
	    req->editor->address, g_date_time_to_unix(now), error);

	if (id == 0)
		return FALSE;
	g_string_append_printf(req->reply, "已向 %u 个单位发出约稿通知：",
	    c->units->len);
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		if (!send_notice(req, c, id, u, error))
			return FALSE;
		g_string_append_printf(req->reply, "%s%s", i ? "、" : "",
		    u->name);
	}
	g_string_append_printf(req->reply, "\n主题：%s\n截止时间：%s\n"
	    "各单位的交稿情况见“状态”。\n", c->topic, due);
	return TRUE;
}

static gboolean
cmd_commission_run(struct cmd_request *req, GError **error)
{
	struct commission c = { g_ptr_array_new(), NULL, NULL, NULL };
	g_autoptr(GDateTime) now = clock_now();
	gboolean ok = TRUE;

	if (parse_body(req, &c, now))
		ok = commission_send(req, &c, now, error);
	commission_clear(&c);
	return ok;
}

const struct cmd_entry cmd_commission_entry = {
	"约稿", "COMMISSION", CMD_EDITOR, FALSE,
	"向单位约稿：正文写“单位：…”“主题：…”“要求：…”“截止：2026-12-10 "
	"17:00”各一行；交稿情况见状态。",
	cmd_commission_run,
};
