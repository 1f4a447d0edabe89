/* The pure part of deciding what a message is; see verdict.h. */
#include <string.h>

#include "verdict.h"

static void
set(struct verdict *v, enum message_state state, char *reason)
{
	v->state = state;
	g_free(v->reason);
	v->reason = reason;
}

/* Refuse before parsing what would cost too much to parse. */
static gboolean
over_raw_limits(struct verdict *v, const struct config *c, const char *raw,
    gsize len)
{
	if ((gint64)len > c->limits.message_size) {
		set(v, MESSAGE_QUARANTINED, g_strdup_printf("message size %"
		    G_GSIZE_FORMAT " bytes exceeds the limit of %" G_GINT64_FORMAT,
		    len, c->limits.message_size));
		return TRUE;
	}
	if (message_count_multiparts(raw, len) > (guint)c->limits.mime_parts) {
		set(v, MESSAGE_QUARANTINED, g_strdup_printf("MIME parts: more "
		    "than %d multiparts", c->limits.mime_parts));
		return TRUE;
	}
	return FALSE;
}

static gboolean
over_mime_limits(struct verdict *v, const struct config *c)
{
	const struct message *m = v->message;

	if (m->depth > c->limits.mime_depth) {
		set(v, MESSAGE_QUARANTINED, g_strdup_printf("MIME depth %d "
		    "exceeds the limit of %d", m->depth, c->limits.mime_depth));
		return TRUE;
	}
	if (m->parts > c->limits.mime_parts) {
		set(v, MESSAGE_QUARANTINED, g_strdup_printf("MIME parts: %d "
		    "exceed the limit of %d", m->parts, c->limits.mime_parts));
		return TRUE;
	}
	return FALSE;
}

/* Does the display name show an address we know (a spoofing attempt)? */
static gboolean
name_shows_registered(const struct config *c, const struct message *m)
{
	g_autofree char *name = NULL;

	if (m->from_name == NULL)
		return FALSE;
	name = g_ascii_strdown(m->from_name, -1);
	for (guint i = 0; i < c->units->len; i++) {
		const struct unit *u = c->units->pdata[i];
		for (guint j = 0; j < u->addresses->len; j++)
			if (strstr(name, u->addresses->pdata[j]) != NULL)
				return TRUE;
	}
	for (guint i = 0; i < c->editors->len; i++) {
		const struct editor *e = c->editors->pdata[i];
		if (strstr(name, e->address) != NULL)
			return TRUE;
	}
	return FALSE;
}

/* Does THREADING name one of our own mails of KIND ("receipt.…")? */
static gboolean
answers_our(const char *threading, const char *kind)
{
	g_autofree char *mark = g_strdup_printf("<%s.", kind);

	return threading != NULL && strstr(threading, mark) != NULL;
}

/*
 * A unit's answer to our own mail ("收到，谢谢" to a receipt) is no
 * article; a reply to a receipt that carries a revision is.  Answers to a
 * sign-off request are the signer's business alone.
 */
static const char *
not_an_article(const struct message *m, const struct article *art)
{
	if (answers_our(m->threading, "signoff"))
		return "a reply to a sign-off request, not from its signer";
	if ((answers_our(m->threading, "receipt") ||
	    answers_our(m->threading, "reply") ||
	    answers_our(m->threading, "notice") ||
	    answers_our(m->threading, "reminder") ||
	    answers_our(m->threading, "commission")) &&
	    article_length(art->body) < 50 && art->attachments->len == 0)
		return "a reply to our own mail without an article";
	return NULL;
}

/* Proven forged: never filed under the unit's name. */
static void
decide_contribution(struct verdict *v)
{
	struct article *art = article_extract(v->message);
	const char *answer;

	v->article = art;
	if (v->auth.state == AUTH_FAIL)
		set(v, MESSAGE_QUARANTINED, g_strdup_printf("sender not "
		    "authentic: %s", v->auth.evidence));
	else if ((answer = not_an_article(v->message, art)) != NULL)
		set(v, MESSAGE_IGNORED, g_strdup(answer));
	else if (art->hold != NULL)
		set(v, MESSAGE_HELD, g_strdup(art->hold));
	else if (*art->body == '\0')
		set(v, MESSAGE_QUARANTINED, g_strdup("no article text"));
	else
		set(v, MESSAGE_FILED, g_strdup("from a registered unit"));
}

static void
decide_class(struct verdict *v, const struct config *c, const char *reason)
{
	switch (v->class) {
	case CLASS_CONTRIBUTION:
		decide_contribution(v);
		break;
	case CLASS_COMMAND:
		if (v->auth.state == AUTH_PASS || (c->trust_from_header &&
		    v->auth.state == AUTH_NONE))
			set(v, MESSAGE_COMMAND, g_strdup(reason));
		else
			set(v, MESSAGE_REFUSED, g_strdup_printf("command sender "
			    "not authenticated: %s", v->auth.evidence));
		break;
	case CLASS_UNKNOWN:
		set(v, MESSAGE_QUARANTINED, name_shows_registered(c,
		    v->message) ? g_strdup("sender is not registered (the "
		    "display name shows a registered address)") :
		    g_strdup(reason));
		break;
	default:
		set(v, MESSAGE_IGNORED, g_strdup(reason));
		break;
	}
}

struct verdict *
verdict_new(const struct config *c, const char *raw, gsize len)
{
	struct verdict *v = g_new0(struct verdict, 1);
	const char *reason;

	v->class = CLASS_UNKNOWN;
	if (over_raw_limits(v, c, raw, len))
		return v;
	v->message = message_parse(raw, len, NULL);
	if (v->message == NULL) {
		set(v, MESSAGE_QUARANTINED, g_strdup("not a mail message"));
		return v;
	}
	if (over_mime_limits(v, c))
		return v;
	v->class = classify_message(c, v->message, &reason, &v->unit,
	    &v->editor);
	if (v->class == CLASS_COMMAND || v->class == CLASS_CONTRIBUTION)
		authentic_check(c, v->message, &v->auth);
	decide_class(v, c, reason);
	return v;
}

void
verdict_free(struct verdict *v)
{
	if (v == NULL)
		return;
	g_free(v->reason);
	g_free(v->auth.evidence);
	message_free(v->message);
	article_free(v->article);
	g_free(v);
}
