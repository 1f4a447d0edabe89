/*
 * An article out of a message: which part holds it (text, HTML, a
 * forwarded message, a .docx), its title, its 审签/执笔/电话 fields, and
 * whether it must be held (classified, or only in a format that needs
 * conversion).  Pure: bytes in, article out.
 */
#include <string.h>

#include "article-docx.h"
#include "article.h"
#include "header.h"

enum prefix_kind {
	PREFIX_LABEL,		/* 投稿：, 【投稿】 … */
	PREFIX_REPLY,
	PREFIX_FORWARD,
};

/* Prefixes mailers and people put before the real title. */
static const struct {
	const char		*text;
	enum prefix_kind	 kind;
} title_prefixes[] = {
	{ "re:", PREFIX_REPLY }, { "re：", PREFIX_REPLY },
	{ "回复:", PREFIX_REPLY }, { "回复：", PREFIX_REPLY },
	{ "答复:", PREFIX_REPLY }, { "答复：", PREFIX_REPLY },
	{ "fw:", PREFIX_FORWARD }, { "fw：", PREFIX_FORWARD },
	{ "fwd:", PREFIX_FORWARD }, { "fwd：", PREFIX_FORWARD },
	{ "转发:", PREFIX_FORWARD }, { "转发：", PREFIX_FORWARD },
	{ "投稿:", PREFIX_LABEL }, { "投稿：", PREFIX_LABEL },
	{ "供稿:", PREFIX_LABEL }, { "供稿：", PREFIX_LABEL },
	{ "来稿:", PREFIX_LABEL }, { "来稿：", PREFIX_LABEL },
	{ "【投稿】", PREFIX_LABEL }, { "[投稿]", PREFIX_LABEL },
	{ "【供稿】", PREFIX_LABEL }, { "[供稿]", PREFIX_LABEL },
	{ "【来稿】", PREFIX_LABEL }, { "投稿-", PREFIX_LABEL },
	{ "供稿-", PREFIX_LABEL }, { "投稿—", PREFIX_LABEL },
	{ "供稿—", PREFIX_LABEL }, { "报送:", PREFIX_LABEL },
	{ "报送：", PREFIX_LABEL },
};

/* Words that make a bracketed prefix (【简报投稿】, [信息报送]) a label. */
static const char *const label_words[] = {
	"稿", "简报", "报送", "信息",
};

/* Length of a bracketed label such as 【简报投稿】 at S, or 0. */
static gsize
label_len(const char *s)
{
	static const char *const pairs[][2] = { { "【", "】" }, { "[", "]" } };

	for (guint i = 0; i < G_N_ELEMENTS(pairs); i++) {
		const char *end;
		g_autofree char *inside = NULL;
		if (!g_str_has_prefix(s, pairs[i][0]) ||
		    (end = strstr(s, pairs[i][1])) == NULL)
			continue;
		inside = g_strndup(s, end - s);
		for (guint j = 0; j < G_N_ELEMENTS(label_words); j++)
			if (strstr(inside, label_words[j]) != NULL)
				return end - s + strlen(pairs[i][1]);
	}
	return 0;
}

/* Length of a known prefix at the start of S, or 0; its kind in *KIND_R. */
static gsize
prefix_len(const char *s, enum prefix_kind *kind_r)
{
	*kind_r = PREFIX_LABEL;
	for (guint i = 0; i < G_N_ELEMENTS(title_prefixes); i++) {
		gsize n = strlen(title_prefixes[i].text);
		if (g_ascii_strncasecmp(s, title_prefixes[i].text, n) == 0) {
			*kind_r = title_prefixes[i].kind;
			return n;
		}
	}
	return label_len(s);
}

/* S after its prefixes; the kind of the first reply or forward one, the
 * outermost, in *KIND_R (PREFIX_LABEL when there is none). */
static const char *
skip_prefixes(const char *s, enum prefix_kind *kind_r)
{
	enum prefix_kind kind;
	gsize n;

	*kind_r = PREFIX_LABEL;
	for (;;) {
		while (*s == ' ')
			s++;
		if ((n = prefix_len(s, &kind)) == 0)
			return s;
		if (*kind_r == PREFIX_LABEL)
			*kind_r = kind;
		s += n;
	}
}

char *
article_title_from_subject(const char *subject)
{
	g_autofree char *line = header_sanitize(subject);
	enum prefix_kind kind;
	const char *p = skip_prefixes(line, &kind);

	return g_strdup(*p != '\0' ? p : "（无标题）");
}

gboolean
article_subject_is_forward(const char *subject)
{
	g_autofree char *line = header_sanitize(subject);
	enum prefix_kind kind;

	skip_prefixes(line, &kind);
	return kind == PREFIX_FORWARD;
}

/* Subjects that say nothing about the article. */
static const char *const generic_titles[] = {
	"投稿", "稿件", "信息", "供稿", "来稿", "简报", "简报投稿", "信息报送",
	"报送", "投稿件", "（无标题）", "无标题", "附件", "文章",
};

/* Markers that make a title a revision of an earlier one. */
static const char *const revision_marks[] = {
	"（修改稿）", "(修改稿)", "【修改稿】", "[修改稿]", "修改稿：", "修改稿:",
	"修改稿", "（更正）", "(更正)", "【更正】", "更正：", "更正:", "更正",
	"（修订）", "修订稿", "修订", "（第二稿）", "第二稿", "（二稿）",
};

static const char *const classified_marks[] = {
	"绝密★", "机密★", "秘密★", "【绝密】", "【机密】", "【秘密】",
	"[绝密]", "[机密]", "[秘密]", "（绝密）", "（机密）", "（秘密）",
};

static const char *const field_names[ARTICLE_N_FIELDS] = {
	[ARTICLE_REVIEWER] = "审签",
	[ARTICLE_WRITER] = "执笔",
	[ARTICLE_PHONE] = "电话",
};

const char *
article_field_name(enum article_field field)
{
	return field_names[field];
}

/* Who and when words that leave a generic title generic: 我委本周信息. */
static const char *const generic_affixes[] = {
	"我委", "我局", "我办", "我院", "我单位", "我街道", "本单位", "本周",
	"本期", "本月", "近期",
};

static gsize
affix_len(const char *s)
{
	for (guint i = 0; i < G_N_ELEMENTS(generic_affixes); i++)
		if (g_str_has_prefix(s, generic_affixes[i]))
			return strlen(generic_affixes[i]);
	return 0;
}

gboolean
article_title_is_generic(const char *title)
{
	const char *p = title;
	gsize n;

	while ((n = affix_len(p)) > 0)
		p += n;
	for (guint i = 0; i < G_N_ELEMENTS(generic_titles); i++)
		if (strcmp(p, generic_titles[i]) == 0)
			return TRUE;
	return FALSE;
}

char *
article_title_strip_marks(const char *title)
{
	g_autofree char *t = g_strdup(title);

	for (guint i = 0; i < G_N_ELEMENTS(revision_marks); i++) {
		char *p;
		while ((p = strstr(t, revision_marks[i])) != NULL)
			memmove(p, p + strlen(revision_marks[i]),
			    strlen(p + strlen(revision_marks[i])) + 1);
	}
	return header_sanitize(t);
}

char *
article_title_key(const char *title)
{
	g_autofree char *t = article_title_strip_marks(title);
	GString *out = g_string_new(NULL);

	for (const char *p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && c != 0x3000)
			g_string_append_unichar(out, c);
	}
	return g_string_free(out, FALSE);
}

static gboolean
is_classified(const char *subject, const char *body)
{
	g_autofree char *first = g_strndup(body, strcspn(body, "\n"));
	static const char *const levels[] = { "绝密", "机密", "秘密" };

	for (guint i = 0; i < G_N_ELEMENTS(classified_marks); i++)
		if (strstr(subject, classified_marks[i]) != NULL ||
		    g_str_has_prefix(first, classified_marks[i]))
			return TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(levels); i++)
		if (g_str_has_prefix(subject, levels[i]) ||
		    (g_str_has_prefix(first, levels[i]) &&
		    g_utf8_strlen(first, -1) <= 12))
			return TRUE;
	return FALSE;
}

static const struct {
	const char		*key;
	enum article_field	 field;
} field_keys[] = {
	{ "审签", ARTICLE_REVIEWER }, { "签发", ARTICLE_REVIEWER },
	{ "执笔", ARTICLE_WRITER }, { "撰稿", ARTICLE_WRITER },
	{ "联系电话", ARTICLE_PHONE }, { "电话", ARTICLE_PHONE },
};

/* Where the first field key followed by a colon is in LINE, or NULL. */
static const char *
find_field(const char *line, enum article_field *field_r, const char **value_r)
{
	const char *best = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(field_keys); i++) {
		const char *p = strstr(line, field_keys[i].key);
		const char *after;
		if (p == NULL || (best != NULL && p >= best))
			continue;
		after = p + strlen(field_keys[i].key);
		while (*after == ' ')
			after++;
		if (*after != ':' && !g_str_has_prefix(after, "："))
			continue;
		best = p;
		*field_r = field_keys[i].field;
		*value_r = after + (*after == ':' ? 1 : strlen("："));
	}
	return best;
}

/* Does LINE start with a field key?  Most lines do not: this spares them
 * a search for every key. */
static gboolean
starts_with_field_key(const char *line)
{
	for (guint i = 0; i < G_N_ELEMENTS(field_keys); i++)
		if (g_str_has_prefix(line, field_keys[i].key))
			return TRUE;
	return FALSE;
}

/* A line made only of fields ("审签：张三  执笔：李四"): take them. */
static gboolean
take_fields(const char *line, char **fields)
{
	enum article_field field;
	const char *value, *next;
	enum article_field next_field;
	const char *next_value;

	if (!starts_with_field_key(line) ||
	    find_field(line, &field, &value) != line)
		return FALSE;
	while (value != NULL) {
		g_autofree char *v = NULL;
		next = find_field(value, &next_field, &next_value);
		v = g_strndup(value, next ? (gsize)(next - value) : strlen(value));
		g_strstrip(v);
		while (g_str_has_suffix(v, "，") || g_str_has_suffix(v, "；"))
			v[strlen(v) - strlen("，")] = '\0';
		g_strchomp(v);
		if (fields[field] == NULL && *v != '\0')
			fields[field] = g_strdup(v);
		field = next_field;
		value = next ? next_value : NULL;
	}
	return TRUE;
}

/* BODY without its field lines; the fields go to ART. */
static char *
split_fields(struct article *art, const char *body)
{
	g_auto(GStrv) paras = article_paragraphs(body);
	GString *out = g_string_new(NULL);

	for (guint i = 0; paras[i] != NULL; i++) {
		if (take_fields(paras[i], art->fields))
			continue;
		if (out->len > 0)
			g_string_append_c(out, '\n');
		g_string_append(out, paras[i]);
	}
	return g_string_free(out, FALSE);
}

static gboolean
has_suffix_ci(const char *name, const char *suffix)
{
	gsize n = strlen(name), k = strlen(suffix);

	return n >= k && g_ascii_strcasecmp(name + n - k, suffix) == 0;
}

static gboolean
is_docx(const struct attachment *a)
{
	return has_suffix_ci(a->name, ".docx") || strcmp(a->content_type,
	    "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document") == 0;
}

/* Formats we keep but cannot read: an editor must convert them. */
static gboolean
needs_conversion(const struct attachment *a)
{
	static const char *const suffixes[] = {
		".doc", ".wps", ".pdf", ".rtf", ".dat", ".odt", ".wpt",
	};
	static const char *const types[] = {
		"application/msword", "application/pdf", "application/ms-tnef",
		"application/vnd.ms-tnef", "application/kswps", "application/rtf",
		"application/vnd.ms-works",
	};

	for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++)
		if (has_suffix_ci(a->name, suffixes[i]))
			return TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(types); i++)
		if (strcmp(a->content_type, types[i]) == 0)
			return TRUE;
	return FALSE;
}

/* The text of M: text/plain unless it is a stub, else the HTML. */
static char *
message_text(const struct message *m, gboolean *from_html_r)
{
	*from_html_r = FALSE;
	if (m->plain != NULL && !message_text_is_stub(m->plain))
		return g_strdup(m->plain);
	if (m->html != NULL) {
		*from_html_r = TRUE;
		return article_html_to_text(m->html, strlen(m->html));
	}
	return g_strdup(m->plain ? m->plain : "");
}

/* A docx attachment's text, when the mail's own text is a stub. */
static char *
docx_text(struct article *art, const struct message *m, char **title_r)
{
	for (guint i = 0; i < m->attachments->len; i++) {
		const struct attachment *a = m->attachments->pdata[i];
		g_autoptr(GError) error = NULL;
		char *text;
		if (!is_docx(a))
			continue;
		text = article_docx_to_text(g_bytes_get_data(a->data, NULL),
		    g_bytes_get_size(a->data), title_r, &error);
		if (text != NULL)
			return text;
		g_ptr_array_add(art->diagnostics, g_strdup_printf("%s: %s",
		    a->name, error->message));
	}
	return NULL;
}

static void
note_conversions(struct article *art, const struct message *m)
{
	for (guint i = 0; i < m->attachments->len; i++) {
		const struct attachment *a = m->attachments->pdata[i];
		if (needs_conversion(a))
			g_ptr_array_add(art->diagnostics, g_strdup_printf(
			    "%s needs conversion", a->name));
	}
}

static gboolean
any_needs_conversion(const struct message *m)
{
	for (guint i = 0; i < m->attachments->len; i++)
		if (needs_conversion(m->attachments->pdata[i]))
			return TRUE;
	return FALSE;
}

/* The subject whose title says something: NEAR's, else FAR's. */
static const char *
telling_subject(const char *near, const char *far)
{
	g_autofree char *title = NULL;

	if (near == NULL || far == NULL)
		return near != NULL ? near : far;
	title = article_title_from_subject(near);
	return article_title_is_generic(title) ? far : near;
}

/*
 * The title: the subject's, unless it is only a prefix or generic; then a
 * forwarded mail's subject (FORWARDED, or NULL), the document's title, the
 * first paragraph of BODY (article_body_from_text()'s).
 */
static char *
choose_title(const char *subject, const char *forwarded, const char *body,
    const char *doc_title)
{
	char *title = article_title_from_subject(telling_subject(subject,
	    forwarded));
	g_autofree char *first = NULL;

	if (!article_title_is_generic(title))
		return title;
	if (doc_title != NULL) {
		g_free(title);
		return g_strdup(doc_title);
	}
	first = g_strndup(body, strcspn(body, "\n"));
	if (*first != '\0' && g_utf8_strlen(first, -1) <= 40 &&
	    !g_str_has_suffix(first, "。")) {
		g_free(title);
		return g_steal_pointer(&first);
	}
	return title;
}

/*
 * BODY (article_body_from_text(TEXT, NULL)) as article_body_from_text(TEXT,
 * TITLE) has it: its first paragraphs dropped while they repeat TITLE.  A
 * body's paragraphs are its lines, none empty, so this is a scan of BODY,
 * not a second pass over TEXT.
 */
static const char *
body_after_title(const char *body, const char *title)
{
	gsize n = strlen(title);

	/* A title of several lines (a document's) equals no one paragraph. */
	if (n == 0 || strchr(title, '\n') != NULL)
		return body;
	while (strncmp(body, title, n) == 0 &&
	    (body[n] == '\n' || body[n] == '\0'))
		body += body[n] == '\n' ? n + 1 : n;
	return body;
}

/*
 * MINE, the writer's text as a body (article_body_from_text()), only
 * covers THEIRS, the forwarded one ("请审阅，谢谢" and a signature): a stub,
 * or shorter than what it forwards.  Text of its own at least as long as
 * the forwarded one is the article (a unit's report with a letter
 * forwarded below it).
 */
static gboolean
is_cover_note(const char *mine, const char *theirs)
{
	return message_text_is_stub(mine) ||
	    article_length(mine) < article_length(theirs);
}

/* Forwards of forwards: how deep to follow them. */
#define FORWARD_DEPTH	8

/*
 * TEXT (taken over) with its inline forward resolved: the forwarded text
 * when TEXT's own part only covers it (forwards in it resolved first), else
 * TEXT.  The forwarded subject that tells most goes to *SUBJECT_R (NULL if
 * none); the returned text's body to *BODY_R when it was worked out on the
 * way (else NULL).
 */
static char *
resolve_forward(char *text, gboolean forward, int depth, char **subject_r,
    char **body_r)
{
	struct article_forward *f = NULL;
	char *inner = NULL, *inner_subject = NULL, *inner_body = NULL;
	g_autofree char *own_body = NULL;

	*subject_r = NULL;
	*body_r = NULL;
	if (depth < FORWARD_DEPTH)
		f = article_forward_split(text, forward);
	if (f != NULL) {
		inner = resolve_forward(g_steal_pointer(&f->text),
		    article_subject_is_forward(f->subject ? f->subject : ""),
		    depth + 1, &inner_subject, &inner_body);
		if (inner_body == NULL)
			inner_body = article_body_from_text(inner, NULL);
		own_body = article_body_from_text(f->own, NULL);
	}
	if (f == NULL || !is_cover_note(own_body, inner_body)) {
		g_free(inner);
		g_free(inner_subject);
		g_free(inner_body);
		article_forward_free(f);
		return text;
	}
	*subject_r = g_strdup(telling_subject(f->subject, inner_subject));
	*body_r = inner_body;
	g_free(inner_subject);
	article_forward_free(f);
	g_free(text);
	return inner;
}

/* Where an article is read from: a message's text, its forward resolved. */
struct source {
	const struct message	*m;	/* for attachments and diagnostics */
	char			*text;
	char			*subject;	/* a forwarded subject or NULL */
	char			*body;	/* of text, once worked out, or NULL */
};

static void
source_init(struct source *s, const struct message *m)
{
	gboolean html;

	s->m = m;
	s->text = resolve_forward(message_text(m, &html),
	    article_subject_is_forward(m->subject), 0, &s->subject, &s->body);
}

/* The source's text as a body (article_body_from_text()), worked out once. */
static const char *
source_body(struct source *s)
{
	if (s->body == NULL)
		s->body = article_body_from_text(s->text, NULL);
	return s->body;
}

static void
source_clear(struct source *s)
{
	g_free(s->text);
	g_free(s->subject);
	g_free(s->body);
}

/*
 * The source of M's article: its own text, or the message it forwards as
 * an attachment when its own text only covers that one.  The subjects of
 * the forwarded message and of forwards in it are the title's fallbacks.
 */
static void
choose_source(struct source *s, const struct message *m)
{
	struct source inner;

	source_init(s, m);
	if (m->forwarded == NULL)
		return;
	source_init(&inner, m->forwarded);
	if (!is_cover_note(source_body(s), source_body(&inner))) {
		source_clear(&inner);
		return;
	}
	source_clear(s);
	*s = inner;
	s->subject = g_strdup(telling_subject(m->forwarded->subject,
	    inner.subject));
	g_free(inner.subject);
}

static void
fill_body(struct article *art, const struct message *m, struct source *src)
{
	const char *body = source_body(src);
	g_autofree char *doc_body = NULL;
	g_autofree char *doc_title = NULL;

	if (message_text_is_stub(body)) {
		g_autofree char *doc = docx_text(art, src->m, &doc_title);
		if (doc != NULL)
			body = doc_body = article_body_from_text(doc, NULL);
		else if (any_needs_conversion(src->m))
			art->hold = "the article is only in an attachment that "
			    "needs conversion";
	}
	art->title = choose_title(m->subject, src->subject, body, doc_title);
	art->body = split_fields(art, body_after_title(body, art->title));
}

static gpointer
copy_string(gconstpointer s, gpointer unused)
{
	return g_strdup(s);
}

struct article *
article_extract(const struct message *m)
{
	struct article *art = g_new0(struct article, 1);
	struct source src;

	choose_source(&src, m);
	art->diagnostics = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_extend(art->diagnostics, m->diagnostics, copy_string,
	    NULL);
	if (src.m != m)
		g_ptr_array_extend(art->diagnostics, src.m->diagnostics,
		    copy_string, NULL);
	art->attachments = g_ptr_array_ref(src.m->attachments);
	fill_body(art, m, &src);
	note_conversions(art, src.m);
	if (is_classified(m->subject, art->body) ||
	    (src.subject != NULL && is_classified(src.subject, art->body)))
		art->hold = "classified (秘密/机密/绝密)";
	source_clear(&src);
	return art;
}

void
article_free(struct article *art)
{
	if (art == NULL)
		return;
	g_free(art->title);
	g_free(art->body);
	for (int i = 0; i < ARTICLE_N_FIELDS; i++)
		g_free(art->fields[i]);
	g_ptr_array_unref(art->attachments);
	g_ptr_array_unref(art->diagnostics);
	g_free(art);
}
