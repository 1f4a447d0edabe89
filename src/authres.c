/* Authentication-Results parsing (RFC 8601 section 2.2); see authres.h. */
#include <string.h>

#include "authres.h"

/*
 * The header as tokens: comments dropped (nested, with quoted pairs),
 * quoted strings unquoted, and ";", "=", "/", "." each a token of their
 * own.  A dot inside a word ("example.test") stays in the word.
 */
static GPtrArray *
tokenize(const char *s)
{
	GPtrArray *tokens = g_ptr_array_new_with_free_func(g_free);
	GString *word = g_string_new(NULL);
	int depth = 0;

	for (const char *p = s; *p != '\0'; p++) {
		if (depth > 0) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '(')
				depth++;
			else if (*p == ')')
				depth--;
			continue;
		}
		if (*p == '"') {
			for (p++; *p != '\0' && *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				g_string_append_c(word, *p);
			}
			if (*p == '\0')
				break;
			continue;
		}
		if (*p == '(' || g_ascii_isspace(*p) || strchr(";=/", *p) ||
		    (*p == '.' && word->len == 0)) {
			if (word->len > 0)
				g_ptr_array_add(tokens, g_strdup(word->str));
			g_string_truncate(word, 0);
			if (*p == '(')
				depth = 1;
			else if (!g_ascii_isspace(*p))
				g_ptr_array_add(tokens, g_strndup(p, 1));
			continue;
		}
		g_string_append_c(word, *p);
	}
	if (word->len > 0)
		g_ptr_array_add(tokens, g_strdup(word->str));
	g_string_free(word, TRUE);
	return tokens;
}

static gboolean
is_sep(const char *t)
{
	return t[0] != '\0' && t[1] == '\0' && strchr(";=/.", t[0]) != NULL;
}

/* Token I of T, or "" past the end of the current resinfo. */
static const char *
tok(GPtrArray *t, guint i)
{
	return i < t->len ? t->pdata[i] : "";
}

static void
result_free(struct authres_result *r)
{
	g_free(r->method);
	g_free(r->result);
	g_ptr_array_unref(r->props);
	g_free(r);
}

/*
 * "ptype . property = value" (or "reason = value") at *I; the dot may
 * also sit inside the first word.  FALSE at anything else.
 */
static gboolean
parse_prop(GPtrArray *t, guint *i, struct authres_result *r)
{
	g_autofree char *name = NULL, *lower = NULL;
	guint j = *i;

	if (*tok(t, j) == '\0' || is_sep(tok(t, j)))
		return FALSE;
	if (strcmp(tok(t, j + 1), ".") == 0 && !is_sep(tok(t, j + 2))) {
		name = g_strconcat(tok(t, j), ".", tok(t, j + 2), NULL);
		j += 3;
	} else
		name = g_strdup(tok(t, j++));
	if (strcmp(tok(t, j), "=") != 0 || *tok(t, j + 1) == '\0' ||
	    is_sep(tok(t, j + 1)))
		return FALSE;
	lower = g_ascii_strdown(name, -1);
	g_ptr_array_add(r->props, g_strdup_printf("%s=%s", lower,
	    tok(t, j + 1)));
	*i = j + 2;
	return TRUE;
}

/* "method [/ version] = result props…" from *I up to the next ";". */
static struct authres_result *
parse_resinfo(GPtrArray *t, guint *i)
{
	struct authres_result *r;
	guint j = *i;

	if (*tok(t, j) == '\0' || is_sep(tok(t, j)))
		return NULL;
	r = g_new0(struct authres_result, 1);
	r->props = g_ptr_array_new_with_free_func(g_free);
	r->method = g_ascii_strdown(tok(t, j++), -1);
	if (strcmp(tok(t, j), "/") == 0)
		j += 2;
	if (strcmp(tok(t, j), "=") != 0 || *tok(t, j + 1) == '\0' ||
	    is_sep(tok(t, j + 1))) {
		result_free(r);
		return NULL;
	}
	r->result = g_ascii_strdown(tok(t, j + 1), -1);
	j += 2;
	while (j < t->len && strcmp(tok(t, j), ";") != 0)
		if (!parse_prop(t, &j, r)) {
			result_free(r);
			return NULL;
		}
	*i = j;
	return r;
}

/* Skip to the token after the next ";" (a malformed resinfo is dropped). */
static guint
next_resinfo(GPtrArray *t, guint i)
{
	while (i < t->len && strcmp(tok(t, i), ";") != 0)
		i++;
	return i + 1;
}

struct authres *
authres_parse(const char *value)
{
	g_autoptr(GPtrArray) t = tokenize(value);
	struct authres *ar;
	guint i = 0;

	if (t->len == 0 || is_sep(tok(t, 0)))
		return NULL;
	ar = g_new0(struct authres, 1);
	ar->authserv_id = g_strdup(tok(t, 0));
	ar->results = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)result_free);
	for (i = next_resinfo(t, 1); i < t->len; i = next_resinfo(t, i)) {
		struct authres_result *r = parse_resinfo(t, &i);
		if (r != NULL && strcmp(r->method, "none") != 0)
			g_ptr_array_add(ar->results, r);
		else if (r != NULL)
			result_free(r);
	}
	return ar;
}

void
authres_free(struct authres *ar)
{
	if (ar == NULL)
		return;
	g_free(ar->authserv_id);
	g_ptr_array_unref(ar->results);
	g_free(ar);
}

const char *
authres_prop(const struct authres_result *r, const char *name)
{
	gsize n = strlen(name);

	for (guint i = 0; i < r->props->len; i++) {
		const char *p = r->props->pdata[i];
		if (g_ascii_strncasecmp(p, name, n) == 0 && p[n] == '=')
			return p + n + 1;
	}
	return NULL;
}
