/*
 * Article extraction: a contribution → the title, paragraphs and fields
 * that go into the issue.  Pure functions; results belong to the caller.
 * article.c chooses the source and the title, article-text.c cleans
 * plain text, article-html.c reads HTML, article-docx.c reads Word files.
 */
#ifndef BULLETIN_ARTICLE_H
#define BULLETIN_ARTICLE_H

#include <glib.h>

#include "message.h"

enum article_field {
	ARTICLE_REVIEWER,	/* 审签 */
	ARTICLE_WRITER,		/* 执笔 */
	ARTICLE_PHONE,		/* 电话 */
	ARTICLE_N_FIELDS,
};

struct article {
	char		*title;
	char		*body;		/* one paragraph per line */
	char		*fields[ARTICLE_N_FIELDS];	/* or NULL */
	const char	*hold;		/* why it must be held, or NULL */
	GPtrArray	*attachments;	/* struct attachment *, shared with
					   the message (a reference) */
	GPtrArray	*diagnostics;	/* char * */
};

/* The article in M (a contribution).  Never NULL; free with article_free. */
struct article *article_extract(const struct message *m);
void article_free(struct article *art);

/* "审签", "执笔", "电话" */
const char *article_field_name(enum article_field field);

/* TITLE says nothing (投稿, 稿件 …, also after 我局/本周 …: 我委本周信息). */
gboolean article_title_is_generic(const char *title);

/* TITLE without revision marks (修改稿, 更正, 第二稿 …), one line. */
char *article_title_strip_marks(const char *title);

/* TITLE without revision marks (修改稿, 更正 …) and spaces: what makes a
 * revision the same article. */
char *article_title_key(const char *title);

/* The title: SUBJECT without Re:/Fw:/投稿： … prefixes, one line. */
char *article_title_from_subject(const char *subject);

/*
 * The article body: the writer's own part of TEXT (up to a quote, a
 * forward or a signature), one paragraph per line, indentation and blank
 * lines dropped.  A first paragraph that repeats TITLE is dropped too.
 */
char *article_body_from_text(const char *text, const char *title);

/* SUBJECT says forward: its outermost prefix is Fw:, Fwd:, 转发： …, not a
 * reply's Re:, 回复： … */
gboolean article_subject_is_forward(const char *subject);

/* An inline forward: what the writer wrote above it and what it forwards. */
struct article_forward {
	char	*own;		/* the text above the separator */
	char	*subject;	/* the forwarded header block's subject or NULL */
	char	*text;		/* the forwarded text, its header block removed */
};

/*
 * The inline forward in TEXT ("---------- Forwarded message ---------",
 * "Begin forwarded message:" …, and the rules Outlook and Foxmail also put
 * above a quoted reply, "-----Original Message-----", "-----原始邮件-----",
 * when FORWARD says the subject is a forward's), or NULL when TEXT holds a
 * reply or nothing.  Free with article_forward_free().
 */
struct article_forward *article_forward_split(const char *text,
    gboolean forward);
void article_forward_free(struct article_forward *f);

/* The paragraphs of a body (one per line).  Free with g_strfreev. */
char **article_paragraphs(const char *body);

enum article_heading_level {
	ARTICLE_HEADING_NONE,
	ARTICLE_HEADING_1,	/* 一、二、… 十一、: 黑体 */
	ARTICLE_HEADING_2,	/* （一）（二）…: 楷体 */
	ARTICLE_HEADING_LEAD,	/* 一是、二是…: the phrase in bold */
};

struct article_heading {
	enum article_heading_level level;
	gsize	 len;	/* bytes of the paragraph it takes, from its start;
			   the rest is body text */
};

/*
 * Is paragraph PARA (one line of a body) a heading or does it open with
 * one?  A heading is the whole paragraph when it is short and has no 。
 * or ：, else its first sentence up to 。 or ： when that is short; a
 * leading 一是 phrase runs to the first ， or 。.  FALSE (H_R's level
 * NONE) for running text: 一、二月份, a long first sentence, 一是否.
 */
gboolean article_heading_find(const char *para, struct article_heading *h_r);

/* Characters in BODY, not counting line breaks. */
glong article_length(const char *body);

/* HTML (already UTF-8) → plain text, paragraphs on their own lines. */
char *article_html_to_text(const char *html, gsize len);

#endif
