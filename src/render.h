/*
 * Rendering an issue in the bulletin's layout (masthead, articles each
 * closed by （…供稿）, 报/发 footer) as plain text, HTML and a MIME
 * message.  Everything that came by mail is escaped in the HTML.
 * Results belong to the caller.
 */
#ifndef BULLETIN_RENDER_H
#define BULLETIN_RENDER_H

#include <glib.h>

#include "config.h"
#include "issue.h"

struct rendered_issue {
	char	*subject;	/* 江汉区优化营商环境工作简报 第3期 */
	char	*text;
	char	*html;
	char	*digest;	/* SHA-256 over subject, text and html, hex */
};

struct rendered_issue *render_issue(const struct config *config,
    const struct issue_view *view);

/*
 * The digest a sign-off binds: the issue rendered with its date left out,
 * since the date printed is the day it is signed off.
 */
char *render_issue_digest(const struct config *config,
    const struct issue_view *view);
void rendered_issue_free(struct rendered_issue *r);

/* "第3期", "增刊第1期", "第3期（总第45期）", or the view's number_label
 * ("2026年11月信息考核通报") */
char *issue_number_text(const struct issue_view *view);

/*
 * The issue as recipients get it: the text and HTML alternatives, then
 * the same issue as a PDF to print and a .docx to copy from; From the
 * office, To the 报 and 发 labels as empty groups (members only in the
 * envelope).  A document that cannot be made (no CJK font, a broken
 * picture) is left out with a warning rather than holding the issue back.
 */
GBytes *render_issue_message(const struct config *config,
    const struct issue_view *view, const struct rendered_issue *r,
    const char *message_id);

#endif
