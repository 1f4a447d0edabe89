/*
 * Article extraction: a contribution's subject and text → the title and
 * paragraphs that go into the issue.  Pure functions over UTF-8 strings;
 * results belong to the caller.
 */
#ifndef BULLETIN_ARTICLE_H
#define BULLETIN_ARTICLE_H

#include <glib.h>

/* The title: SUBJECT without Re:/Fw:/投稿： … prefixes, one line. */
char *article_title_from_subject(const char *subject);

/*
 * The article body: TEXT with quoted replies, forwards' headers and
 * signatures removed, one paragraph per line, indentation and blank lines
 * dropped.  A first paragraph that repeats TITLE is dropped too.
 */
char *article_body_from_text(const char *text, const char *title);

/* The paragraphs of a body (one per line).  Free with g_strfreev. */
char **article_paragraphs(const char *body);

/* Characters in BODY, not counting line breaks. */
glong article_length(const char *body);

/* HTML (already UTF-8) → plain text, paragraphs on their own lines. */
char *article_html_to_text(const char *html, gsize len);

#endif
