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

static void
decide_contribution(struct verdict *v)
{
	struct article *art = article_extract(v->message);

	v->article = art;
	if (art->hold != NULL)
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
		set(v, MESSAGE_COMMAND, g_strdup(reason));
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
	decide_class(v, c, reason);
	return v;
}

void
verdict_free(struct verdict *v)
{
	if (v == NULL)
		return;
	g_free(v->reason);
	message_free(v->message);
	article_free(v->article);
	g_free(v);
}
