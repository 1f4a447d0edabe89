/*
 * 重发 / RESEND N [address or list]: send issue N again — to a leader added
 * to a list, or to one who lost it.  It sends to a list, so it goes
 * through sign-off like an issue: the code binds the exact stored message
 * and the target.
 */
#include <string.h>

#include "clock.h"
#include "command.h"
#include "signoff.h"

static const struct {
	const char *word;
	const char *target;
} targets[] = {
	{ "报", "bao" }, { "bao", "bao" }, { "发", "fa" }, { "fa", "fa" },
	{ "送", "song" }, { "song", "song" }, { "全部", "all" }, { "all", "all" },
};

/* "leader9@example.test", "报" … → an address or a list name, or NULL. */
static char *
parse_target(const char *word)
{
	if (word == NULL || *word == '\0')
		return g_strdup("all");
	if (strchr(word, '@') != NULL && strpbrk(word, " <>\",;\r\n") == NULL)
		return g_ascii_strdown(word, -1);
	for (guint i = 0; i < G_N_ELEMENTS(targets); i++)
		if (g_ascii_strcasecmp(word, targets[i].word) == 0)
			return g_strdup(targets[i].target);
	return NULL;
}

/* "3" (this year) or "2026-3". */
static gboolean
parse_issue(const char *word, int this_year, int *year_r, int *number_r)
{
	char *end;
	gint64 a = word ? g_ascii_strtoll(word, &end, 10) : 0;

	if (word == NULL || end == word)
		return FALSE;
	if (*end == '-') {
		*year_r = a;
		*number_r = g_ascii_strtoll(end + 1, &end, 10);
	} else {
		*year_r = this_year;
		*number_r = a;
	}
	return *end == '\0' && *number_r > 0;
}

static gboolean
request(struct cmd_request *req, int year, int number, const char *target,
    GError **error)
{
	gint64 issue = store_find_issue(req->b->store, ISSUE_REGULAR, year,
	    number, error);
	g_autoptr(GBytes) message = NULL;
	g_autofree char *digest = NULL, *what = NULL;
	struct signoff s = { 0 };

	if (issue == 0 || (message = store_issue_message(req->b->store, issue,
	    error)) == NULL) {
		cmd_refuse(req, "no such issue", "没有找到这一期已发出的简报。\n");
		return TRUE;
	}
	digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, message);
	what = g_strdup_printf("%d年第%d期重发给%s", year, number,
	    strcmp(target, "all") == 0 ? "全部名单" : target);
	s.command = (char *)"resend";
	s.kind = ISSUE_REGULAR;
	s.target = (char *)target;
	s.issue = issue;
	s.year = year;
	s.number = number;
	s.date = (char *)"";
	s.digest = digest;
	return signoff_request(req, &s, message, what, error);
}

static gboolean
cmd_resend_run(struct cmd_request *req, GError **error)
{
	g_auto(GStrv) words = g_strsplit(req->args, " ", 3);
	g_autoptr(GDateTime) now = clock_now();
	g_autofree char *target = NULL;
	int year, number;

	if (!parse_issue(words[0], g_date_time_get_year(now), &year, &number) ||
	    (target = parse_target(words[0] ? words[1] : NULL)) == NULL) {
		cmd_refuse(req, "bad arguments", "用法：重发 期号 [地址或名单]，"
		    "名单为 报、发、送 或 全部。例：重发 3 leader9@example.test\n");
		return TRUE;
	}
	return request(req, year, number, target, error);
}

const struct cmd_entry cmd_resend_entry = {
	"重发", "RESEND", CMD_EDITOR, FALSE,
	"把已发出的某期再发给一个地址或名单（须签发确认）。例：重发 3 leader9@example.test",
	cmd_resend_run,
};
