/* Reading a signer's answer; see approval.h. */
#include <string.h>

#include <glib.h>

#include "approval.h"
#include "code.h"

/* Any of these anywhere means no: checked first, since 不同意 holds 同意. */
static const char *const no_words[] = {
	"不同意", "不予", "暂缓", "缓发", "驳回", "退回", "不发", "不要发", "别发",
	"勿发", "先不", "不签", "不确认", "不行", "不可", "不能", "拒绝", "否决",
	"撤回", "修改后", "改后", "再核实", "核实后", "重新", "等等", "稍等",
	"reject", "don't", "dont", "not", "no", "hold", "wait",
};

/* A condition or a question is not a yes. */
static const char *const doubt_words[] = {
	"但", "不过", "如果", "若", "需", "？", "?", "吗", "呢", "除", "if", "but",
	"except", "unless",
};

/* A yes starts the line; what follows it is short. */
static const char *const yes_words[] = {
	"同意", "确认", "签发", "可以发", "可发", "准发", "批准", "发吧", "可以",
	"好的", "ok", "okay", "yes", "confirm", "confirmed", "approve",
	"approved",
};

/* Said alone, these are a yes too. */
static const char *const yes_alone[] = { "好", "行", "是", "y" };

/* Does WORD occur in S?  ASCII words only as whole words, so that a code
 * such as "XBUTY" is not read as "but". */
static gboolean
has_word(const char *s, const char *word)
{
	gsize n = strlen(word);
	gboolean ascii = g_ascii_isalpha(word[0]);

	for (const char *p = s; (p = strstr(p, word)) != NULL; p++)
		if (!ascii || ((p == s || !g_ascii_isalnum(p[-1])) &&
		    !g_ascii_isalnum(p[n])))
			return TRUE;
	return FALSE;
}

static gboolean
has_any(const char *s, const char *const *words, gsize n)
{
	for (gsize i = 0; i < n; i++)
		if (has_word(s, words[i]))
			return TRUE;
	return FALSE;
}

/* LINE lower-cased, without a code, leading spaces and closing
 * punctuation. */
static char *
normalized(const char *line)
{
	static const char *const tails[] = {
		"。", "！", "，", "；", ".", "!", ",", ";", " ", "\u3000",
	};
	g_autofree char *masked = code_mask(line);
	char *s = g_utf8_strdown(masked, -1);
	gboolean cut = TRUE;

	g_strstrip(s);
	while (cut) {
		cut = FALSE;
		for (guint i = 0; i < G_N_ELEMENTS(tails); i++)
			if (g_str_has_suffix(s, tails[i])) {
				s[strlen(s) - strlen(tails[i])] = '\0';
				cut = TRUE;
			}
	}
	return s;
}

static gboolean
starts_with_yes(const char *s)
{
	for (guint i = 0; i < G_N_ELEMENTS(yes_alone); i++)
		if (strcmp(s, yes_alone[i]) == 0)
			return TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(yes_words); i++) {
		gsize n = strlen(yes_words[i]);
		if (strncmp(s, yes_words[i], n) == 0 &&
		    (!g_ascii_isalpha(s[0]) || !g_ascii_isalnum(s[n])) &&
		    g_utf8_strlen(s + n, -1) <= 48)
			return TRUE;
	}
	return FALSE;
}

enum approval
approval_read(const char *line)
{
	g_autofree char *s = normalized(line ? line : "");

	if (has_any(s, no_words, G_N_ELEMENTS(no_words)))
		return APPROVAL_NO;
	if (has_any(s, doubt_words, G_N_ELEMENTS(doubt_words)))
		return APPROVAL_UNCLEAR;
	return starts_with_yes(s) ? APPROVAL_YES : APPROVAL_UNCLEAR;
}
