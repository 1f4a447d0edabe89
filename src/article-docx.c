/*
 * .docx → text.  The only module that sees libzip.  The zip is read from
 * memory; word/document.xml's body is walked with libxml2 in the
 * WordprocessingML namespace (by URI, never by prefix), and
 * word/styles.xml, when present, turns paragraph style ids into names to
 * find the title.
 */
#include <stdarg.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "article-docx.h"
#include "error.h"

/*
 * Limits against zip bombs, checked in the central directory before
 * anything is inflated and again while inflating, since the directory can
 * lie.  A real article's document.xml is well under 1 MiB and compresses
 * 5-20 times; pictures make up the rest of a .docx.  The margins are wide,
 * the memory a hostile attachment can cost is bounded.
 */
#define MIB			(1024 * 1024)
#define DOCX_MAX_ENTRIES	2000
#define DOCX_MAX_TOTAL		(64 * MIB)	/* declared, all entries */
#define DOCX_MAX_PART		(32 * MIB)	/* an XML part, as read */
#define DOCX_MAX_RATIO		200	/* a part's uncompressed / compressed */
/* Smaller parts cannot hurt, and tiny ones compress erratically. */
#define DOCX_RATIO_FLOOR	(1 * MIB)

/* The longest first paragraph that bold alone makes a title. */
#define DOCX_TITLE_MAX_CHARS	60

#define DOCX_DOCUMENT	"word/document.xml"
#define DOCX_STYLES	"word/styles.xml"

#define MC_NS	"http://schemas.openxmlformats.org/markup-compatibility/2006"

/* Transitional, what everyone writes; and ISO 29500 Strict. */
static const char *const w_namespaces[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
};

/*
 * Elements whose text is not the article: deletions and moved-away text,
 * ruby readings, field codes, symbols (a glyph of a symbol font), and
 * properties (which hold no text).
 */
static const char *const w_skipped[] = {
	"del", "moveFrom", "delText", "delInstrText", "instrText", "rt", "sym",
	"pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "sdtPr", "sdtEndPr",
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(zip_t, zip_discard)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(zip_file_t, zip_fclose)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlParserCtxt, xmlFreeParserCtxt)

/* One output line before normalisation, with what makes it a title. */
struct docx_line {
	GString		*text;
	gboolean	 styled;	/* paragraph style is a title style */
	gboolean	 centred;	/* paragraph has w:jc val="center" */
	gboolean	 plain;		/* some text is not bold */
};

/* The paragraph being walked. */
struct docx_para {
	GHashTable		*styles;	/* see docx_read_styles() */
	struct docx_line	*line;		/* the line being built */
	GPtrArray		*lines;		/* where finished lines go */
	GPtrArray		*later;		/* text box lines, after it */
	gboolean		 styled;
	gboolean		 centred;
	gboolean		 bold;		/* the current run is bold */
};

static void walk_block(GHashTable *, xmlNode *, GPtrArray *);
static void walk_paragraph(GHashTable *, xmlNode *, GPtrArray *);
static void walk_row(GHashTable *, xmlNode *, GPtrArray *);

static void
docx_input_error(GError **error, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
docx_input_error(GError **error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_propagate_error(error, g_error_new_valist(BULLETIN_ERROR,
	    BULLETIN_ERROR_INPUT, fmt, ap));
	va_end(ap);
}

/* ---- the zip ------------------------------------------------------------ */

static gboolean
bytes_contain(const guchar *data, gsize len, const void *needle, gsize n)
{
	for (gsize i = 0; n <= len && i <= len - n; i++)
		if (memcmp(data + i, needle, n) == 0)
			return TRUE;
	return FALSE;
}

/*
 * Word saves a password-protected .docx as an OLE compound file with an
 * EncryptedPackage stream, and an old .doc is one too: say so rather than
 * "not a zip", so the editors know what to ask the sender for.
 */
static gboolean
docx_check_ole(const void *data, gsize len, GError **error)
{
	static const guchar magic[] = {
		0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1,
	};
	static const char stream[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0"
	    "P\0a\0c\0k\0a\0g\0e\0";

	if (len < sizeof(magic) || memcmp(data, magic, sizeof(magic)) != 0)
		return TRUE;
	if (bytes_contain(data, len, stream, sizeof(stream) - 1))
		docx_input_error(error, "the .docx is password-protected "
		    "(encrypted): an unprotected copy is needed");
	else
		docx_input_error(error, "not a .docx but an OLE compound file "
		    "(an old Word .doc?)");
	return FALSE;
}

static zip_t *
docx_open(const void *data, gsize len, GError **error)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *za = NULL;

	/* libzip opens an empty buffer as an empty archive. */
	if (len == 0) {
		docx_input_error(error, "not a .docx: empty file");
		return NULL;
	}
	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, len, 0, &zerr);
	if (src != NULL)
		za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (za == NULL) {
		zip_source_free(src);
		if (zip_error_code_zip(&zerr) == ZIP_ER_NOZIP)
			docx_input_error(error, "not a .docx: not a zip "
			    "archive");
		else
			docx_input_error(error, "not a .docx: damaged zip: %s",
			    zip_error_strerror(&zerr));
	}
	zip_error_fini(&zerr);
	return za;
}

/* The entry count and the total size the directory declares. */
static gboolean
docx_check_directory(zip_t *za, GError **error)
{
	zip_int64_t n = zip_get_num_entries(za, 0);
	guint64 total = 0;
	zip_stat_t st;

	if (n > DOCX_MAX_ENTRIES) {
		docx_input_error(error, "the .docx has %" G_GINT64_FORMAT
		    " zip entries, over the limit of %d", (gint64)n,
		    DOCX_MAX_ENTRIES);
		return FALSE;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 ||
		    (st.valid & ZIP_STAT_SIZE) == 0) {
			docx_input_error(error, "damaged zip: entry %"
			    G_GINT64_FORMAT ": %s", (gint64)i,
			    zip_strerror(za));
			return FALSE;
		}
		/* Each term is checked, so the sum cannot overflow. */
		if (st.size > DOCX_MAX_TOTAL - total) {
			docx_input_error(error, "the .docx's zip entries "
			    "declare more than %d MiB uncompressed, over the "
			    "limit (zip bomb?)", DOCX_MAX_TOTAL / MIB);
			return FALSE;
		}
		total += st.size;
	}
	return TRUE;
}

static void
docx_limit_error(GError **error, const char *name, guint64 cap)
{
	if (cap >= DOCX_MAX_PART)
		docx_input_error(error, "%s is larger than the limit of %d MiB",
		    name, DOCX_MAX_PART / MIB);
	else
		docx_input_error(error, "%s compresses more than %d:1, over "
		    "the limit (zip bomb?)", name, DOCX_MAX_RATIO);
}

/*
 * Before inflating: refuse an encrypted part or one whose declared size
 * breaks a limit.  *CAP_R gets the most we will inflate, whatever the
 * directory says.
 */
static gboolean
docx_check_part(const zip_stat_t *st, const char *name, guint64 *cap_r,
    GError **error)
{
	const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE;
	guint64 cap = DOCX_MAX_PART;

	if ((st->valid & need) != need) {
		docx_input_error(error, "damaged zip: %s has no size", name);
		return FALSE;
	}
	if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
	    st->encryption_method != ZIP_EM_NONE) {
		docx_input_error(error, "%s is encrypted", name);
		return FALSE;
	}
	if (st->comp_size < DOCX_MAX_PART / DOCX_MAX_RATIO)
		cap = MAX(DOCX_RATIO_FLOOR, st->comp_size * DOCX_MAX_RATIO);
	if (st->size > cap) {
		docx_limit_error(error, name, cap);
		return FALSE;
	}
	*cap_r = cap;
	return TRUE;
}

/* Inflate entry INDEX, failing as soon as it passes CAP bytes. */
static GBytes *
docx_inflate(zip_t *za, zip_uint64_t index, const char *name, guint64 cap,
    GError **error)
{
	g_autoptr(zip_file_t) zf = zip_fopen_index(za, index, 0);
	g_autoptr(GByteArray) buf = g_byte_array_new();
	guchar chunk[16384];
	zip_int64_t n;

	if (zf == NULL) {
		docx_input_error(error, "%s: %s", name, zip_strerror(za));
		return NULL;
	}
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0) {
		if ((guint64)n > cap - buf->len) {
			docx_limit_error(error, name, cap);
			return NULL;
		}
		g_byte_array_append(buf, chunk, (guint)n);
	}
	if (n < 0) {
		docx_input_error(error, "damaged zip: %s: %s", name,
		    zip_file_strerror(zf));
		return NULL;
	}
	return g_byte_array_free_to_bytes(g_steal_pointer(&buf));
}

/*
 * Part NAME (case-insensitive, as in OPC), or NULL: *FOUND_R says whether
 * that was absence or an error.
 */
static GBytes *
docx_read_part(zip_t *za, const char *name, gboolean *found_r,
    GError **error)
{
	zip_int64_t index = zip_name_locate(za, name, ZIP_FL_NOCASE);
	zip_stat_t st;
	guint64 cap;

	*found_r = index >= 0;
	if (index < 0)
		return NULL;
	if (zip_stat_index(za, (zip_uint64_t)index, 0, &st) != 0) {
		docx_input_error(error, "damaged zip: %s: %s", name,
		    zip_strerror(za));
		return NULL;
	}
	if (!docx_check_part(&st, name, &cap, error))
		return NULL;
	return docx_inflate(za, (zip_uint64_t)index, name, cap, error);
}

/* ---- XML ---------------------------------------------------------------- */

/*
 * Without XML_PARSE_NOENT, DTDLOAD or DTDVALID libxml2 loads no DTD and no
 * external entity, and leaves entity references as nodes, which the walk
 * ignores: an XXE or billion-laughs document yields none of its payload.
 */
static xmlDoc *
docx_parse(GBytes *bytes, const char *name, GError **error)
{
	g_autoptr(xmlParserCtxt) ctxt = xmlNewParserCtxt();
	gsize len;
	const char *xml = g_bytes_get_data(bytes, &len);
	xmlDoc *doc;
	xmlError *e;
	g_autofree char *why = NULL;

	if (ctxt == NULL)
		g_error("libxml2: out of memory");
	g_assert(len <= DOCX_MAX_PART);
	doc = xmlCtxtReadMemory(ctxt, xml, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL)
		return doc;
	e = xmlCtxtGetLastError(ctxt);
	why = g_strchomp(g_strdup(e != NULL && e->message != NULL ?
	    e->message : "unknown error"));
	docx_input_error(error, "%s is not well-formed XML: line %d: %s", name,
	    e != NULL ? e->line : 0, why);
	return NULL;
}

static gboolean
is_w_namespace(const xmlNs *ns)
{
	for (guint i = 0; ns != NULL && i < G_N_ELEMENTS(w_namespaces); i++)
		if (xmlStrEqual(ns->href, BAD_CAST w_namespaces[i]))
			return TRUE;
	return FALSE;
}

static gboolean
is_w(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && is_w_namespace(node->ns) &&
	    xmlStrEqual(node->name, BAD_CAST name);
}

static gboolean
is_mc(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	    xmlStrEqual(node->ns->href, BAD_CAST MC_NS) &&
	    xmlStrEqual(node->name, BAD_CAST name);
}

static gboolean
is_w_skipped(const xmlNode *node)
{
	for (guint i = 0; i < G_N_ELEMENTS(w_skipped); i++)
		if (is_w(node, w_skipped[i]))
			return TRUE;
	return FALSE;
}

static xmlNode *
w_child(const xmlNode *node, const char *name)
{
	for (xmlNode *c = node->children; c != NULL; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

/* Attribute w:NAME's value, or NULL; free with g_free. */
static char *
w_attr(const xmlNode *node, const char *name)
{
	for (xmlAttr *a = node->properties; a != NULL; a = a->next) {
		if (!is_w_namespace(a->ns) ||
		    !xmlStrEqual(a->name, BAD_CAST name))
			continue;
		xmlChar *value = xmlNodeGetContent((xmlNode *)a);
		char *copy = g_strdup((const char *)value);
		xmlFree(value);
		return copy;
	}
	return NULL;
}

/* The w:val of child NAME, or NULL. */
static char *
w_child_val(const xmlNode *node, const char *name)
{
	xmlNode *child = w_child(node, name);

	return child != NULL ? w_attr(child, "val") : NULL;
}

/* An on/off property such as w:b: on if present, unless w:val says off. */
static gboolean
w_flag(const xmlNode *props, const char *name)
{
	xmlNode *child = w_child(props, name);
	g_autofree char *val = NULL;

	if (child == NULL)
		return FALSE;
	val = w_attr(child, "val");
	return val == NULL || !(strcmp(val, "0") == 0 ||
	    strcmp(val, "false") == 0 || strcmp(val, "off") == 0);
}

/* ---- styles ------------------------------------------------------------- */

/* Title or Heading 1, as Word, WPS and their Chinese versions name them. */
static gboolean
style_name_is_title(const char *name)
{
	static const char *const titles[] = {
		"title", "heading1", "标题", "标题1",
	};
	g_autoptr(GString) key = g_string_new(NULL);

	for (const char *p = name; *p != '\0'; p++)
		if (*p != ' ')
			g_string_append_c(key, g_ascii_tolower(*p));
	for (guint i = 0; i < G_N_ELEMENTS(titles); i++)
		if (strcmp(key->str, titles[i]) == 0)
			return TRUE;
	return FALSE;
}

static void
styles_add(GHashTable *styles, const xmlNode *style)
{
	g_autofree char *type = w_attr(style, "type");
	g_autofree char *id = w_attr(style, "styleId");
	g_autofree char *name = w_child_val(style, "name");

	if (type == NULL || strcmp(type, "paragraph") != 0 || id == NULL)
		return;
	g_hash_table_replace(styles, g_steal_pointer(&id),
	    GINT_TO_POINTER(name != NULL && style_name_is_title(name)));
}

/* Paragraph style id → whether its name makes it a title style. */
static GHashTable *
styles_from_xml(xmlDoc *doc)
{
	GHashTable *styles = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	xmlNode *root = xmlDocGetRootElement(doc);

	if (root == NULL || !is_w(root, "styles"))
		return styles;
	for (xmlNode *n = root->children; n != NULL; n = n->next)
		if (is_w(n, "style"))
			styles_add(styles, n);
	return styles;
}

/*
 * word/styles.xml as a style table, or an empty table when there is none
 * or it is not well-formed: styles only help find the title.  Breaking a
 * limit is an error all the same: that zip is hostile.
 */
static GHashTable *
docx_read_styles(zip_t *za, GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(GError) ignored = NULL;
	gboolean found;

	bytes = docx_read_part(za, DOCX_STYLES, &found, error);
	if (bytes == NULL && found)
		return NULL;
	if (bytes != NULL)
		doc = docx_parse(bytes, DOCX_STYLES, &ignored);
	if (doc == NULL)
		return g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		    NULL);
	return styles_from_xml(doc);
}

static gboolean
style_is_title(GHashTable *styles, const char *id)
{
	gpointer is_title;

	if (g_hash_table_lookup_extended(styles, id, NULL, &is_title))
		return GPOINTER_TO_INT(is_title);
	return style_name_is_title(id);
}

/* ---- lines -------------------------------------------------------------- */

static struct docx_line *
line_new(gboolean styled, gboolean centred)
{
	struct docx_line *line = g_new0(struct docx_line, 1);

	line->text = g_string_new(NULL);
	line->styled = styled;
	line->centred = centred;
	return line;
}

static void
line_free(gpointer p)
{
	struct docx_line *line = p;

	g_string_free(line->text, TRUE);
	g_free(line);
}

static gboolean
is_space(gunichar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The spaces that indent or pad a paragraph, Chinese ones included. */
static gboolean
is_edge_space(gunichar c)
{
	return is_space(c) || c == 0x00a0 || c == 0x3000;
}

/*
 * TEXT with tabs and runs of white space as one space, trimmed of
 * is_edge_space() characters: the indentation "　　" goes with them.
 */
static char *
line_normalise(const char *text)
{
	g_autoptr(GString) out = g_string_new(NULL);
	gboolean pending = FALSE;
	const char *start;
	const char *end;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (is_space(c)) {
			pending = TRUE;
			continue;
		}
		if (pending && out->len > 0)
			g_string_append_c(out, ' ');
		pending = FALSE;
		g_string_append_unichar(out, c);
	}
	start = out->str;
	while (*start != '\0' && is_edge_space(g_utf8_get_char(start)))
		start = g_utf8_next_char(start);
	end = out->str + out->len;
	while (end > start && is_edge_space(g_utf8_get_char(
	    g_utf8_prev_char(end))))
		end = g_utf8_prev_char(end);
	return g_strndup(start, (gsize)(end - start));
}

/* ---- the walk ----------------------------------------------------------- */

static gboolean
has_text(const xmlNode *node)
{
	for (const xmlNode *n = node->children; n != NULL; n = n->next)
		if (is_w(n, "t") || has_text(n))
			return TRUE;
	return FALSE;
}

/*
 * mc:AlternateContent offers the same content twice (a Word 2010 text box
 * and its VML fallback): walk the first of mc:Choice … mc:Fallback that has
 * any text, and only that one.
 */
static xmlNode *
mce_branch(const xmlNode *alternate)
{
	for (xmlNode *n = alternate->children; n != NULL; n = n->next)
		if ((is_mc(n, "Choice") || is_mc(n, "Fallback")) &&
		    has_text(n))
			return n->children;
	return NULL;
}

static void
para_break(struct docx_para *p)
{
	g_ptr_array_add(p->lines, p->line);
	p->line = line_new(p->styled, p->centred);
}

static void
para_append(struct docx_para *p, const char *text)
{
	g_string_append(p->line->text, text);
}

/*
 * A w:t's text.  Its edges are white space that is not text unless
 * xml:space="preserve" says so, as Word reads it.  Entity references are
 * not followed: a .docx has none, a hostile file's are its payload.
 */
static void
para_append_t(struct docx_para *p, xmlNode *t)
{
	g_autoptr(GString) text = g_string_new(NULL);

	for (const xmlNode *n = t->children; n != NULL; n = n->next)
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			g_string_append(text, (const char *)n->content);
	if (xmlNodeGetSpacePreserve(t) != 1)
		g_strstrip(text->str);
	if (!p->bold && text->str[strspn(text->str, " \t\r\n")] != '\0')
		p->line->plain = TRUE;
	para_append(p, text->str);
}

static void walk_inline(xmlNode *, struct docx_para *);

static void
walk_run(xmlNode *run, struct docx_para *p)
{
	xmlNode *props = w_child(run, "rPr");
	gboolean saved = p->bold;

	if (props != NULL && (w_flag(props, "vanish") ||
	    w_flag(props, "specVanish")))
		return;
	p->bold = props != NULL && w_flag(props, "b");
	walk_inline(run->children, p);
	p->bold = saved;
}

/* Returns whether NODE was a text-bearing w: element it handled. */
static gboolean
walk_inline_w(xmlNode *node, struct docx_para *p)
{
	if (is_w(node, "t"))
		para_append_t(p, node);
	else if (is_w(node, "tab") || is_w(node, "ptab"))
		para_append(p, "\t");
	else if (is_w(node, "noBreakHyphen"))
		para_append(p, "-");
	else if (is_w(node, "br") || is_w(node, "cr"))
		para_break(p);
	else if (is_w(node, "r"))
		walk_run(node, p);
	else if (is_w(node, "txbxContent") || is_w(node, "tbl"))
		walk_block(p->styles, node->children, p->later);
	else if (is_w(node, "p"))
		walk_paragraph(p->styles, node, p->later);
	else if (is_w(node, "tr"))
		walk_row(p->styles, node, p->later);
	else
		return FALSE;
	return TRUE;
}

/* The content of a paragraph: runs and whatever wraps them. */
static void
walk_inline(xmlNode *node, struct docx_para *p)
{
	for (; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE || is_w_skipped(node))
			continue;
		if (is_mc(node, "AlternateContent"))
			walk_inline(mce_branch(node), p);
		else if (!walk_inline_w(node, p))
			walk_inline(node->children, p);
	}
}

static void
walk_paragraph(GHashTable *styles, xmlNode *node, GPtrArray *lines)
{
	g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func(line_free);
	struct docx_para p = { .styles = styles, .lines = lines,
	    .later = later };
	xmlNode *props = w_child(node, "pPr");

	if (props != NULL) {
		g_autofree char *style = w_child_val(props, "pStyle");
		g_autofree char *jc = w_child_val(props, "jc");
		p.styled = style != NULL && style_is_title(styles, style);
		p.centred = g_strcmp0(jc, "center") == 0;
	}
	p.line = line_new(p.styled, p.centred);
	walk_inline(node->children, &p);
	g_ptr_array_add(lines, p.line);
	g_ptr_array_extend_and_steal(lines, g_steal_pointer(&later));
}

/* A table row as one line: its cells' non-empty lines joined by spaces. */
static void
walk_row(GHashTable *styles, xmlNode *row, GPtrArray *lines)
{
	g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(line_free);
	struct docx_line *line = line_new(FALSE, FALSE);

	walk_block(styles, row->children, cells);
	for (guint i = 0; i < cells->len; i++) {
		struct docx_line *cell = g_ptr_array_index(cells, i);
		g_autofree char *text = line_normalise(cell->text->str);
		if (*text == '\0')
			continue;
		if (line->text->len > 0)
			g_string_append_c(line->text, ' ');
		g_string_append(line->text, text);
	}
	g_ptr_array_add(lines, line);
}

/* Block content (the body, a cell, a text box): paragraphs and tables. */
static void
walk_block(GHashTable *styles, xmlNode *node, GPtrArray *lines)
{
	for (; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE || is_w_skipped(node))
			continue;
		if (is_w(node, "p"))
			walk_paragraph(styles, node, lines);
		else if (is_w(node, "tr"))
			walk_row(styles, node, lines);
		else if (is_mc(node, "AlternateContent"))
			walk_block(styles, mce_branch(node), lines);
		else
			walk_block(styles, node->children, lines);
	}
}

/* ---- the article -------------------------------------------------------- */

static gboolean
line_is_fallback_title(const struct docx_line *line, const char *text)
{
	return line->centred || (!line->plain &&
	    g_utf8_strlen(text, -1) <= DOCX_TITLE_MAX_CHARS);
}

/* The text of LINES, one per line; *TITLE_R as article_docx_to_text(). */
static char *
docx_render(GPtrArray *lines, char **title_r)
{
	GString *out = g_string_new(NULL);
	g_autofree char *fallback = NULL;
	char *title = NULL;

	for (guint i = 0; i < lines->len; i++) {
		struct docx_line *line = g_ptr_array_index(lines, i);
		g_autofree char *text = line_normalise(line->text->str);
		if (*text == '\0')
			continue;
		if (title == NULL && line->styled)
			title = g_strdup(text);
		if (out->len == 0 && line_is_fallback_title(line, text))
			fallback = g_strdup(text);
		g_string_append_printf(out, "%s\n", text);
	}
	if (title == NULL)
		title = g_steal_pointer(&fallback);
	if (title_r != NULL)
		*title_r = title;
	else
		g_free(title);
	return g_string_free(out, FALSE);
}

static xmlDoc *
docx_read_document(zip_t *za, GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	gboolean found;

	bytes = docx_read_part(za, DOCX_DOCUMENT, &found, error);
	if (bytes == NULL && !found)
		docx_input_error(error, "not a .docx: the zip has no "
		    DOCX_DOCUMENT);
	if (bytes == NULL)
		return NULL;
	return docx_parse(bytes, DOCX_DOCUMENT, error);
}

static xmlNode *
docx_body(xmlDoc *doc, GError **error)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *body = NULL;

	if (root != NULL && is_w(root, "document"))
		body = w_child(root, "body");
	if (body == NULL)
		docx_input_error(error, "not a .docx: " DOCX_DOCUMENT " has no "
		    "WordprocessingML body");
	return body;
}

char *
article_docx_to_text(const void *data, gsize len, char **title_r,
    GError **error)
{
	g_autoptr(zip_t) za = NULL;
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(GHashTable) styles = NULL;
	g_autoptr(GPtrArray) lines = NULL;
	xmlNode *body;

	g_assert(data != NULL || len == 0);
	if (title_r != NULL)
		*title_r = NULL;
	if (!docx_check_ole(data, len, error))
		return NULL;
	za = docx_open(data, len, error);
	if (za == NULL || !docx_check_directory(za, error))
		return NULL;
	doc = docx_read_document(za, error);
	if (doc == NULL || (body = docx_body(doc, error)) == NULL)
		return NULL;
	styles = docx_read_styles(za, error);
	if (styles == NULL)
		return NULL;
	lines = g_ptr_array_new_with_free_func(line_free);
	walk_block(styles, body->children, lines);
	return docx_render(lines, title_r);
}
