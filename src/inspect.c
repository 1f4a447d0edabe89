/* Showing a verdict; see inspect.h. */
#include <json-glib/json-glib.h>

#include "inspect.h"

static void
text_fields(GString *out, const struct article *art)
{
	for (int i = 0; i < ARTICLE_N_FIELDS; i++)
		if (art->fields[i] != NULL)
			g_string_append_printf(out, "%s：%s\n",
			    article_field_name(i), art->fields[i]);
}

static void
text_attachments(GString *out, const struct article *art)
{
	for (guint i = 0; i < art->attachments->len; i++) {
		const struct attachment *a = art->attachments->pdata[i];
		g_string_append_printf(out, "attachment: %s (%s, %" G_GSIZE_FORMAT
		    " bytes%s)\n", a->name, a->content_type,
		    g_bytes_get_size(a->data), a->related ? ", inline" : "");
	}
}

char *
inspect_text(const struct verdict *v)
{
	GString *out = g_string_new(NULL);
	const struct article *art = v->article;

	g_string_append_printf(out, "state: %s\nreason: %s\nunit: %s\n",
	    message_state_name(v->state), v->reason,
	    v->unit ? v->unit->code : "-");
	if (v->auth.evidence != NULL)
		g_string_append_printf(out, "auth: %s (%s)\n",
		    auth_state_name(v->auth.state), v->auth.evidence);
	if (art != NULL) {
		g_string_append_printf(out, "title: %s\n", art->title);
		text_fields(out, art);
		text_attachments(out, art);
		for (guint i = 0; i < art->diagnostics->len; i++)
			g_string_append_printf(out, "diagnostic: %s\n",
			    (char *)art->diagnostics->pdata[i]);
		g_string_append_printf(out, "\n%s\n", art->body);
	}
	return g_string_free(out, FALSE);
}

static void
json_article(JsonBuilder *b, const struct article *art)
{
	json_builder_set_member_name(b, "fields");
	json_builder_begin_object(b);
	for (int i = 0; i < ARTICLE_N_FIELDS; i++)
		if (art->fields[i] != NULL) {
			json_builder_set_member_name(b, article_field_name(i));
			json_builder_add_string_value(b, art->fields[i]);
		}
	json_builder_end_object(b);
	json_builder_set_member_name(b, "attachments");
	json_builder_begin_array(b);
	for (guint i = 0; i < art->attachments->len; i++) {
		const struct attachment *a = art->attachments->pdata[i];
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "name");
		json_builder_add_string_value(b, a->name);
		json_builder_set_member_name(b, "content_type");
		json_builder_add_string_value(b, a->content_type);
		json_builder_set_member_name(b, "size");
		json_builder_add_int_value(b, g_bytes_get_size(a->data));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
json_string_member(JsonBuilder *b, const char *name, const char *value)
{
	json_builder_set_member_name(b, name);
	if (value != NULL)
		json_builder_add_string_value(b, value);
	else
		json_builder_add_null_value(b);
}

static void
json_diagnostics(JsonBuilder *b, const struct verdict *v)
{
	GPtrArray *d = v->article ? v->article->diagnostics :
	    v->message ? v->message->diagnostics : NULL;

	json_builder_set_member_name(b, "diagnostics");
	json_builder_begin_array(b);
	for (guint i = 0; d != NULL && i < d->len; i++)
		json_builder_add_string_value(b, d->pdata[i]);
	json_builder_end_array(b);
}

char *
inspect_json(const struct verdict *v)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	const struct article *art = v->article;

	json_builder_begin_object(b);
	json_string_member(b, "state", message_state_name(v->state));
	json_string_member(b, "reason", v->reason);
	json_string_member(b, "unit", v->unit ? v->unit->code : NULL);
	json_string_member(b, "auth", v->auth.evidence ?
	    auth_state_name(v->auth.state) : NULL);
	json_string_member(b, "auth_evidence", v->auth.evidence);
	json_string_member(b, "title", art ? art->title : NULL);
	json_string_member(b, "text", art ? art->body : NULL);
	if (art != NULL)
		json_article(b, art);
	json_diagnostics(b, v);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, TRUE);
	return json_generator_to_data(gen, NULL);
}
