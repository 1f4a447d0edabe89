/*
 * Configuration: a libconfig file turned into a validated struct config.
 *
 * Only config.c sees libconfig.  A struct config is immutable once loaded;
 * it owns every string and array in it and is freed with config_free().
 * Secrets are not read here: the config names the files that hold them.
 */
#ifndef BULLETIN_CONFIG_H
#define BULLETIN_CONFIG_H

#include <glib.h>

#include "schedule.h"

struct unit {
	char		*code;		/* short code, e.g. "xinhua" */
	char		*name;		/* printed in （…供稿） */
	GPtrArray	*addresses;	/* char *, lower-case */
};

struct editor {
	char		*name;
	char		*address;	/* lower-case */
	gboolean	 edits;		/* role "editor": may command */
	gboolean	 signs;		/* role "signer": 签发, may confirm */
};

struct mail_list {
	char		*label;		/* printed after 报： / 发： */
	GPtrArray	*members;	/* char *, lower-case */
};

/* One line of the 信息考核 rules: an outlet tier, a leader level of 批示
 * or a reason for 扣分, and its points. */
struct score_rule {
	char		*name;		/* as editors write it: 市级, 省领导, 迟报 */
	int		 points;	/* awarded, or deducted for a reason */
};

/* The 信息考核 rules (scoring = { … }). */
struct scoring {
	GPtrArray	*outlets;	/* struct score_rule *; the first is
					   本刊 (printed in our own issue) */
	GPtrArray	*instructions;	/* 批示 by leader level */
	GPtrArray	*deductions;	/* 扣分 by reason */
	gboolean	 highest_only;	/* an article adopted by several
					   outlets scores its best one */
	int		 quota;		/* articles in a month for the base */
	int		 base_score;	/* points for a month at the quota */
	int		 commission_misses;	/* 约稿 late or missed in a year
					   that zero its score; 0: none */
	int		 monthly_hour;	/* the last month's 通报 to the editors
					   on the first working day at this
					   time; -1: not sent */
	int		 monthly_minute;
};

struct tls_peer {
	char		*url;
	char		*user;
	char		*password_file;
	char		*ca_file;	/* NULL: the system store */
	gboolean	 verify;	/* FALSE only when the config says so */
	int		 timeout;	/* seconds for each phase: connect, reply */
	int		 password_file_line;	/* where set, for bulletind -n */
	int		 ca_file_line;		/* 0: not set */
};

struct config {
	char		*path;

	struct {
		char	*title;		/* 江汉区优化营商环境工作简报 */
		char	*office;	/* the editing office */
		char	*chief_editor;	/* 主编 */
		char	*mailbox;	/* printed after 邮箱： */
		int	 first_number;	/* 第N期 of the first issue of a year */
		gboolean yearly;	/* numbering restarts each January */
		struct schedule deadline;	/* 截稿; kind NONE: not set */
		GArray	*reminders;	/* gint64 seconds before the deadline
					   of each 催稿 round, largest first;
					   empty without a deadline */
	} bulletin;

	GPtrArray	*units;		/* struct unit * */
	GPtrArray	*editors;	/* struct editor * */
	struct mail_list bao;		/* 报 */
	struct mail_list fa;		/* 发 */
	struct mail_list song;		/* 送: label NULL when not configured */

	struct {
		/* Family lists, first installed wins (see typeface.h). */
		char	*title_font;	/* masthead and titles: 小标宋 */
		char	*body_font;	/* the text: 仿宋 */
		char	*heading1_font;	/* 一、 headings: 黑体 */
		char	*heading2_font;	/* （一） headings: 楷体 */
		int	 font_line[4];	/* where each is set (enum typeface
					   order), 0: not set */
		gboolean total_number;	/* print 总第N期 */
		int	 total_offset;	/* issues before bulletind's first */
	} render;

	struct scoring	 scoring;

	struct tls_peer	 imap;
	char		*imap_processed_folder;
	char		*imap_quarantine_folder;
	int		 poll_interval;	/* seconds */
	gboolean	 imap_idle;	/* wait with IDLE where the server has it */
	int		 idle_renew;	/* seconds before IDLE is re-issued */

	struct tls_peer	 smtp;
	char		*smtp_from;	/* envelope and header From address */
	int		 retry_initial;	/* seconds before the first retry */
	int		 retry_max;	/* longest wait between retries */
	int		 retry_give_up;	/* seconds after which 4xx becomes failed */

	struct {
		gint64	 message_size;	/* bytes */
		int	 mime_depth;
		int	 mime_parts;
	} limits;

	char		*state_dir;
	char		*state_dir_where;	/* "file:line" it is set at */
	char		*key_file;
	int		 code_lifetime;	/* seconds a confirmation code lives */
	char		*run_as;	/* user to drop to when started as root */
	GPtrArray	*authserv_ids;	/* char *: our receiving server's
					   authserv-ids and host names */
	char		*timezone;	/* as written: a tz name or "system" */
	GTimeZone	*zone;		/* the office's zone, for dates and
					   times people see (see clock.h) */
	gboolean	 trust_from_header;	/* sender_authentication =
						   "from-header": weaker */
	GPtrArray	*warnings;	/* char *: "file:line: warning: what it
					   costs; the fix" */

	/* Lines of the settings bulletind -n checks against the system
	 * (0: not set), so its reports name them. */
	struct {
		int	 state_dir;
		int	 key_file;
		int	 run_as;
	} line;
};

/*
 * Load and validate FILE.  Returns NULL and sets a BULLETIN_ERROR_CONFIG
 * error whose message lists every problem, one "file:line: message" per line.
 */
struct config *config_load(const char *file, GError **error);

/*
 * Load FILE as config_load() does, but keep what could be read: for
 * bulletind -n, which goes on to check the rest.  *ERRORS_R gets the
 * "file:line: error: message" lines (empty when the file is valid; the
 * caller unrefs it).  Returns NULL only when the file could not be read or
 * parsed at all.  A config with errors is for reporting only; its strings
 * may be NULL or empty where settings were missing or wrong.
 */
struct config *config_load_report(const char *file, GPtrArray **errors_r);
void config_free(struct config *config);

/* Lookups; addresses are compared case-insensitively.  Borrowed results. */
const struct unit *config_find_unit_by_address(const struct config *config,
    const char *address);
const struct unit *config_find_unit(const struct config *config,
    const char *code);
/* The rule of RULES (a struct scoring list) named NAME, or NULL. */
const struct score_rule *config_find_rule(const GPtrArray *rules,
    const char *name);
const struct editor *config_find_editor(const struct config *config,
    const char *address);

#endif
