/*
 * A static site of the archive: index.html lists every archived issue by
 * year and searches the articles' text in the page itself, from an index
 * embedded as JSON; each issue's PDF, .docx and HTML are copied beside
 * it.  Nothing is fetched: it opens from file://.  Everything that came
 * by mail is HTML-escaped in the page and JSON-escaped in the index.
 */
#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "archive.h"
#include "error.h"

/* One archived issue as the site shows it. */
struct site_issue {
	char		*name;		/* "2026-001": its directory */
	JsonParser	*parser;	/* holds issue.json */
	JsonObject	*issue;
	gboolean	 has[3];	/* pdf, docx, html copied */
};

static const char *const site_files[3] = { "issue.pdf", "issue.docx",
    "issue.html" };
static const char *const site_links[3] = { "PDF", "Word", "网页版" };

static void
site_issue_free(struct site_issue *s)
{
	if (s == NULL)
		return;
	g_free(s->name);
	g_clear_object(&s->parser);
	g_free(s);
}

static const char *
member(JsonObject *o, const char *key)
{
	JsonNode *n = o ? json_object_get_member(o, key) : NULL;

	return n != NULL && JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_STRING ?
	    json_node_get_string(n) : "";
}

static gint64
member_int(JsonObject *o, const char *key)
{
	JsonNode *n = json_object_get_member(o, key);

	return n != NULL && JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_INT64 ?
	    json_node_get_int(n) : 0;
}

static JsonArray *
articles_of(JsonObject *issue)
{
	JsonNode *n = json_object_get_member(issue, "articles");

	return n != NULL && JSON_NODE_HOLDS_ARRAY(n) ?
	    json_node_get_array(n) : NULL;
}

static gboolean
copy_file(const char *src_dir, const struct archive_file *f,
    const char *dst_dir, GError **error)
{
	g_autoptr(GBytes) data = archive_read(src_dir, f, error);
	g_autofree char *path = g_build_filename(dst_dir, f->path, NULL);

	return data != NULL && g_file_set_contents(path,
	    g_bytes_get_data(data, NULL), g_bytes_get_size(data), error);
}

/* Issue ID's archive, verified: its issue.json, its documents copied. */
static struct site_issue *
site_issue_load(struct bulletin *b, gint64 id, const char *site,
    GError **error)
{
	g_autoptr(GPtrArray) files = NULL;
	g_autofree char *dir = archive_open(b, id, &files, error);
	struct site_issue *s;
	const struct archive_file *f;
	g_autoptr(GBytes) json = NULL;
	g_autofree char *out = NULL;
	JsonNode *root;

	if (dir == NULL || (f = archive_find(files, "issue.json")) == NULL ||
	    (json = archive_read(dir, f, error)) == NULL)
		return NULL;
	s = g_new0(struct site_issue, 1);
	s->name = g_path_get_basename(dir);
	s->parser = json_parser_new();
	if (!json_parser_load_from_data(s->parser, g_bytes_get_data(json,
	    NULL), g_bytes_get_size(json), error) ||
	    (root = json_parser_get_root(s->parser)) == NULL ||
	    !JSON_NODE_HOLDS_OBJECT(root))
		goto fail;
	s->issue = json_node_get_object(root);
	out = g_build_filename(site, s->name, NULL);
	if (g_mkdir_with_parents(out, 0755) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "%s: %s", out, g_strerror(errno));
		goto fail;
	}
	for (int i = 0; i < 3; i++) {
		if ((f = archive_find(files, site_files[i])) == NULL)
			continue;
		if (!copy_file(dir, f, out, error))
			goto fail;
		s->has[i] = TRUE;
	}
	return s;
fail:
	if (error != NULL && *error == NULL)
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_STATE,
		    "%s/issue.json: not an issue", dir);
	site_issue_free(s);
	return NULL;
}

/* ---- the page ----------------------------------------------------------- */

static void
append_escaped(GString *out, const char *text)
{
	g_autofree char *e = g_markup_escape_text(text, -1);

	g_string_append(out, e);
}

static void
page_head(GString *out, const char *title)
{
	g_string_append(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	append_escaped(out, title);
	g_string_append(out, " 归档</title>\n<style>\n"
	    "body{font-family:\"Noto Sans CJK SC\",\"Noto Serif CJK SC\","
	    "sans-serif;max-width:56em;margin:0 auto;padding:1em;"
	    "line-height:1.6;color:#222}\n"
	    "h1{color:#c00;font-size:1.6em;border-bottom:2px solid #c00}\n"
	    "h2{margin-top:1.5em}\n"
	    ".issue{border-top:1px solid #ddd;padding:.5em 0}\n"
	    ".issue h3{margin:.2em 0;font-size:1.1em}\n"
	    ".date{color:#666;font-weight:normal;margin-left:1em}\n"
	    ".unit{color:#666}\n.files a{margin-right:1em}\n"
	    "#q{width:100%;box-sizing:border-box;font-size:1.1em;"
	    "padding:.4em}\n#results{background:#fff8e1;padding:.5em 1em}\n"
	    "mark{background:#ffe082}\n"
	    "</style>\n</head>\n<body>\n");
}

static void
page_links(GString *out, const struct site_issue *s)
{
	g_string_append(out, "<p class=\"files\">");
	for (int i = 0; i < 3; i++) {
		if (!s->has[i])
			continue;
		g_string_append_printf(out, "<a href=\"%s/%s\">%s</a>",
		    s->name, site_files[i], site_links[i]);
	}
	g_string_append(out, "</p>\n");
}

static void
page_issue(GString *out, const struct site_issue *s)
{
	JsonArray *articles = articles_of(s->issue);

	/* s->name is ours ("2026-001"): safe in an id and a URL. */
	g_string_append_printf(out, "<article class=\"issue\" "
	    "id=\"issue-%s\">\n<h3>", s->name);
	append_escaped(out, member(s->issue, "number_text"));
	g_string_append(out, "<span class=\"date\">");
	append_escaped(out, member(s->issue, "date"));
	g_string_append(out, "</span></h3>\n<ul class=\"articles\">\n");
	for (guint i = 0; articles && i < json_array_get_length(articles);
	    i++) {
		JsonObject *a = json_array_get_object_element(articles, i);
		g_string_append(out, "<li>");
		append_escaped(out, member(a, "title"));
		g_string_append(out, " <span class=\"unit\">（");
		append_escaped(out, member(a, "unit_name"));
		g_string_append(out, "）</span></li>\n");
	}
	g_string_append(out, "</ul>\n");
	page_links(out, s);
	g_string_append(out, "</article>\n");
}

/* Issues are in order of year: a heading where the year changes. */
static void
page_issues(GString *out, GPtrArray *issues)
{
	gint64 year = 0;

	for (guint i = 0; i < issues->len; i++) {
		const struct site_issue *s = issues->pdata[i];
		gint64 y = member_int(s->issue, "year");
		if (y != year) {
			if (year != 0)
				g_string_append(out, "</section>\n");
			g_string_append_printf(out, "<section class=\"year\" "
			    "id=\"y%" G_GINT64_FORMAT "\">\n<h2>%" G_GINT64_FORMAT
			    "年</h2>\n", y, y);
			year = y;
		}
		page_issue(out, s);
	}
	if (year != 0)
		g_string_append(out, "</section>\n");
	else
		g_string_append(out, "<p>尚无已归档的简报。</p>\n");
}

/* The search index: per issue, its label, date, links and the text of
 * each article. */
static void
index_issue(JsonBuilder *jb, const struct site_issue *s)
{
	JsonArray *articles = articles_of(s->issue);

	json_builder_begin_object(jb);
	json_builder_set_member_name(jb, "name");
	json_builder_add_string_value(jb, s->name);
	json_builder_set_member_name(jb, "label");
	json_builder_add_string_value(jb, member(s->issue, "label"));
	json_builder_set_member_name(jb, "date");
	json_builder_add_string_value(jb, member(s->issue, "date"));
	json_builder_set_member_name(jb, "html");
	json_builder_add_string_value(jb, s->has[2] ? "issue.html" : "");
	json_builder_set_member_name(jb, "articles");
	json_builder_begin_array(jb);
	for (guint i = 0; articles && i < json_array_get_length(articles);
	    i++) {
		JsonObject *a = json_array_get_object_element(articles, i);
		json_builder_begin_object(jb);
		json_builder_set_member_name(jb, "unit");
		json_builder_add_string_value(jb, member(a, "unit_name"));
		json_builder_set_member_name(jb, "title");
		json_builder_add_string_value(jb, member(a, "title"));
		json_builder_set_member_name(jb, "text");
		json_builder_add_string_value(jb, member(a, "body"));
		json_builder_end_object(jb);
	}
	json_builder_end_array(jb);
	json_builder_end_object(jb);
}

/* The index as JSON that is safe inside <script>: a '<' only occurs in
 * strings, where \u003c means the same and no "</script>" can end it. */
static void
page_index(GString *out, GPtrArray *issues)
{
	g_autoptr(JsonBuilder) jb = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree char *json = NULL;

	json_builder_begin_array(jb);
	for (guint i = 0; i < issues->len; i++)
		index_issue(jb, issues->pdata[i]);
	json_builder_end_array(jb);
	root = json_builder_get_root(jb);
	json_generator_set_root(gen, root);
	json = json_generator_to_data(gen, NULL);
	g_string_append(out, "<script type=\"application/json\" "
	    "id=\"search-index\">");
	for (const char *p = json; *p; p++) {
		if (*p == '<')
			g_string_append(out, "\\u003c");
		else
			g_string_append_c(out, *p);
	}
	g_string_append(out, "</script>\n");
}

/* Search in the page: words from the box or from #q=…; an issue matches
 * when one of its articles holds every word.  Results are built with
 * textContent only. */
static const char search_script[] =
    "<script>\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var index = JSON.parse("
    "document.getElementById('search-index').textContent);\n"
    "  var box = document.getElementById('q');\n"
    "  var results = document.getElementById('results');\n"
    "  function fromUrl() {\n"
    "    var m = /(?:^#|&)q=([^&]*)/.exec(location.hash) ||\n"
    "      /[?&]q=([^&]*)/.exec(location.search);\n"
    "    if (!m) return '';\n"
    "    try { return decodeURIComponent(m[1].replace(/\\+/g, ' ')); }\n"
    "    catch (e) { return ''; }\n"
    "  }\n"
    "  function el(tag, text, cls) {\n"
    "    var e = document.createElement(tag);\n"
    "    if (text) e.textContent = text;\n"
    "    if (cls) e.className = cls;\n"
    "    return e;\n"
    "  }\n"
    "  function snippet(text, word) {\n"
    "    var at = text.toLowerCase().indexOf(word);\n"
    "    if (at < 0) return text.slice(0, 60);\n"
    "    var from = Math.max(0, at - 30);\n"
    "    return (from > 0 ? '…' : '') + text.slice(from, at + word.length"
    " + 30) + '…';\n"
    "  }\n"
    "  function search(query) {\n"
    "    var words = query.toLowerCase().split(/\\s+/).filter(Boolean);\n"
    "    results.textContent = '';\n"
    "    results.hidden = words.length === 0;\n"
    "    if (!words.length) return;\n"
    "    var list = el('ol'), found = 0;\n"
    "    index.forEach(function (issue) {\n"
    "      var hits = issue.articles.filter(function (a) {\n"
    "        var hay = (a.unit + ' ' + a.title + ' ' + a.text)"
    ".toLowerCase();\n"
    "        return words.every(function (w) { return hay.indexOf(w) >= 0;"
    " });\n"
    "      });\n"
    "      if (!hits.length) return;\n"
    "      found++;\n"
    "      var li = el('li');\n"
    "      li.setAttribute('data-issue', issue.name);\n"
    "      var a = el('a', issue.label + '（' + issue.date + '）');\n"
    "      a.href = issue.html ? issue.name + '/' + issue.html :"
    " '#issue-' + issue.name;\n"
    "      li.appendChild(a);\n"
    "      var ul = el('ul');\n"
    "      hits.forEach(function (h) {\n"
    "        var item = el('li', h.title + '（' + h.unit + '）');\n"
    "        item.appendChild(el('div', snippet(h.text, words[0]),"
    " 'snippet'));\n"
    "        ul.appendChild(item);\n"
    "      });\n"
    "      li.appendChild(ul);\n"
    "      list.appendChild(li);\n"
    "    });\n"
    "    var summary = el('p', found ? '“' + query + '”：' + found + ' 期' :"
    " '没有找到“' + query + '”。');\n"
    "    summary.id = 'summary';\n"
    "    results.appendChild(summary);\n"
    "    if (found) results.appendChild(list);\n"
    "  }\n"
    "  box.addEventListener('input', function () {\n"
    "    history.replaceState(null, '', '#q=' +"
    " encodeURIComponent(box.value));\n"
    "    search(box.value);\n"
    "  });\n"
    "  window.addEventListener('hashchange', function () {\n"
    "    box.value = fromUrl();\n"
    "    search(box.value);\n"
    "  });\n"
    "  box.value = fromUrl();\n"
    "  search(box.value);\n"
    "})();\n"
    "</script>\n";

static char *
page(const struct config *c, GPtrArray *issues)
{
	GString *out = g_string_new(NULL);

	page_head(out, c->bulletin.title);
	g_string_append(out, "<h1>");
	append_escaped(out, c->bulletin.title);
	g_string_append(out, " 归档</h1>\n<p>");
	append_escaped(out, c->bulletin.office);
	g_string_append_printf(out, " · 共 %u 期</p>\n<form role=\"search\" "
	    "onsubmit=\"return false\"><input id=\"q\" type=\"search\" "
	    "placeholder=\"全文检索：输入文章中的词\" aria-label=\"全文检索\">"
	    "</form>\n<div id=\"results\" hidden></div>\n", issues->len);
	page_issues(out, issues);
	page_index(out, issues);
	g_string_append(out, search_script);
	g_string_append(out, "</body>\n</html>\n");
	return g_string_free(out, FALSE);
}

gboolean
archive_site(struct bulletin *b, const char *dir, GError **error)
{
	g_autoptr(GArray) ids = store_archived_issues(b->store, error);
	g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)site_issue_free);
	g_autofree char *html = NULL, *path = NULL;

	if (ids == NULL)
		return FALSE;
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_TEMPORARY,
		    "%s: %s", dir, g_strerror(errno));
		return FALSE;
	}
	for (guint i = 0; i < ids->len; i++) {
		struct site_issue *s = site_issue_load(b, g_array_index(ids,
		    gint64, i), dir, error);
		if (s == NULL)
			return FALSE;
		g_ptr_array_add(issues, s);
	}
	html = page(b->config, issues);
	path = g_build_filename(dir, "index.html", NULL);
	return g_file_set_contents(path, html, -1, error);
}
