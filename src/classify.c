/*
 * Classification.  Order matters: loops and machine mail are recognised
 * before the sender is looked up, so a unit's out-of-office reply to our
 * receipt is never filed as an article.
 */
#include <string.h>

#include "classify.h"

static const char *const class_names[] = {
	[CLASS_CONTRIBUTION] = "contribution",
	[CLASS_COMMAND] = "command",
	[CLASS_AUTOREPLY] = "auto-reply",
	[CLASS_BOUNCE] = "bounce",
	[CLASS_OWN] = "own",
	[CLASS_UNKNOWN] = "unknown",
};

const char *
message_class_name(enum message_class class)
{
	return class_names[class];
}

static gboolean
local_part_is(const char *address, const char *local)
{
	gsize n = strlen(local);

	return address != NULL && g_ascii_strncasecmp(address, local, n) == 0 &&
	    address[n] == '@';
}

static gboolean
is_bounce(const struct message *m)
{
	return m->is_report || local_part_is(m->from_address, "mailer-daemon") ||
	    local_part_is(m->from_address, "postmaster") ||
	    (m->return_path != NULL && *m->return_path == '\0');
}

static gboolean
subject_says_autoreply(const char *subject)
{
	static const char *const marks[] = {
		"自动回复", "Auto-Reply", "Automatic reply", "Out of Office",
		"AutoReply",
	};

	for (guint i = 0; i < G_N_ELEMENTS(marks); i++)
		if (strstr(subject, marks[i]) != NULL ||
		    g_ascii_strncasecmp(subject, marks[i],
		    strlen(marks[i])) == 0)
			return TRUE;
	return FALSE;
}

static gboolean
is_autoreply(const struct message *m, const char **reason_r)
{
	if (m->auto_submitted != NULL &&
	    g_ascii_strncasecmp(m->auto_submitted, "no", 2) != 0) {
		*reason_r = "Auto-Submitted header";
		return TRUE;
	}
	if (m->has_autoreply_header) {
		*reason_r = "X-Autoreply header";
		return TRUE;
	}
	if (m->precedence != NULL &&
	    (g_ascii_strcasecmp(m->precedence, "bulk") == 0 ||
	    g_ascii_strcasecmp(m->precedence, "junk") == 0 ||
	    g_ascii_strcasecmp(m->precedence, "list") == 0 ||
	    g_ascii_strcasecmp(m->precedence, "auto_reply") == 0)) {
		*reason_r = "Precedence header";
		return TRUE;
	}
	if (m->has_list_header) {
		*reason_r = "mailing list mail";
		return TRUE;
	}
	if (subject_says_autoreply(m->subject)) {
		*reason_r = "auto-reply subject";
		return TRUE;
	}
	return FALSE;
}

enum message_class
classify_message(const struct config *config, const struct message *m,
    const char **reason_r, const struct unit **unit_r,
    const struct editor **editor_r)
{
	const struct unit *unit;
	const struct editor *editor;

	if (m->bulletind_kind != NULL && m->from_address != NULL &&
	    g_ascii_strcasecmp(m->from_address, config->smtp_from) == 0) {
		*reason_r = "our own mail";
		return CLASS_OWN;
	}
	if (is_bounce(m)) {
		*reason_r = "delivery report";
		return CLASS_BOUNCE;
	}
	if (is_autoreply(m, reason_r))
		return CLASS_AUTOREPLY;
	if (m->from_address == NULL || m->from_count != 1) {
		*reason_r = "no single sender address";
		return CLASS_UNKNOWN;
	}
	if ((editor = config_find_editor(config, m->from_address)) != NULL) {
		if (editor_r != NULL)
			*editor_r = editor;
		*reason_r = "from a registered editor";
		return CLASS_COMMAND;
	}
	if ((unit = config_find_unit_by_address(config,
	    m->from_address)) != NULL) {
		if (unit_r != NULL)
			*unit_r = unit;
		*reason_r = "from a registered unit";
		return CLASS_CONTRIBUTION;
	}
	*reason_r = "sender is not registered";
	return CLASS_UNKNOWN;
}
