/* Faces by role and what fontconfig makes of them; see typeface.h. */
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "typeface.h"

static const char *const keys[TYPEFACE_COUNT] = {
	[TYPEFACE_TITLE] = "title_font",
	[TYPEFACE_BODY] = "body_font",
	[TYPEFACE_HEADING1] = "heading1_font",
	[TYPEFACE_HEADING2] = "heading2_font",
};

const char *
typeface_key(enum typeface role)
{
	g_assert(role < TYPEFACE_COUNT);
	return keys[role];
}

const char *
typeface_families(const struct config *c, enum typeface role)
{
	switch (role) {
	case TYPEFACE_TITLE:
		return c->render.title_font;
	case TYPEFACE_BODY:
		return c->render.body_font;
	case TYPEFACE_HEADING1:
		return c->render.heading1_font;
	case TYPEFACE_HEADING2:
		return c->render.heading2_font;
	default:
		g_assert_not_reached();
	}
}

char **
typeface_split(const char *list)
{
	g_auto(GStrv) parts = g_strsplit(list != NULL ? list : "", ",", -1);
	GPtrArray *out = g_ptr_array_new();

	for (guint i = 0; parts[i] != NULL; i++) {
		char *name = g_strstrip(parts[i]);

		if (*name != '\0')
			g_ptr_array_add(out, g_strdup(name));
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

char *
typeface_first(const char *list)
{
	g_auto(GStrv) names = typeface_split(list);

	return g_strdup(names[0] != NULL ? names[0] : "");
}

/* Does an installed font carry FAMILY among its family names? */
static gboolean
is_installed(const char *family)
{
	FcPattern *pattern = FcPatternCreate();
	FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, NULL);
	FcFontSet *fonts;
	gboolean found;

	FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
	fonts = FcFontList(NULL, pattern, objects);
	found = fonts != NULL && fonts->nfont > 0;
	if (fonts != NULL)
		FcFontSetDestroy(fonts);
	FcObjectSetDestroy(objects);
	FcPatternDestroy(pattern);
	return found;
}

char *
typeface_installed(const char *list)
{
	g_auto(GStrv) names = typeface_split(list);

	for (guint i = 0; names[i] != NULL; i++)
		if (is_installed(names[i]))
			return g_strdup(names[i]);
	return NULL;
}

/* fontconfig's choice for Chinese text when no family of LIST is there. */
static char *
matched(const char *list)
{
	g_auto(GStrv) names = typeface_split(list);
	FcPattern *pattern = FcPatternCreate();
	FcPattern *font;
	FcResult result;
	FcChar8 *family = NULL;
	char *out = NULL;

	for (guint i = 0; names[i] != NULL; i++)
		FcPatternAddString(pattern, FC_FAMILY,
		    (const FcChar8 *)names[i]);
	FcPatternAddString(pattern, FC_LANG, (const FcChar8 *)"zh-cn");
	FcConfigSubstitute(NULL, pattern, FcMatchPattern);
	FcDefaultSubstitute(pattern);
	font = FcFontMatch(NULL, pattern, &result);
	if (font != NULL && FcPatternGetString(font, FC_FAMILY, 0,
	    &family) == FcResultMatch)
		out = g_strdup((const char *)family);
	if (font != NULL)
		FcPatternDestroy(font);
	FcPatternDestroy(pattern);
	return out != NULL ? out : g_strdup("");
}

char *
typeface_resolve(const char *list)
{
	char *family = typeface_installed(list);

	return family != NULL ? family : matched(list);
}

const char *
typeface_css_generic(enum typeface role)
{
	return role == TYPEFACE_HEADING1 ? "sans-serif" : "serif";
}

/* NAME quoted for CSS in a style attribute: no quote, backslash, angle
 * bracket, ampersand or semicolon survives. */
static void
css_family(GString *out, const char *name)
{
	g_string_append_c(out, '\'');
	for (const char *p = name; *p != '\0'; p++)
		if (strchr("'\"\\<>&;{}", *p) == NULL &&
		    (guchar)*p >= 0x20)
			g_string_append_c(out, *p);
	g_string_append(out, "',");
}

char *
typeface_css(const char *list, enum typeface role)
{
	g_auto(GStrv) names = typeface_split(list);
	GString *out = g_string_new(NULL);

	for (guint i = 0; names[i] != NULL; i++)
		css_family(out, names[i]);
	g_string_append(out, typeface_css_generic(role));
	return g_string_free(out, FALSE);
}

/*
 * What Word takes when the named font is missing: the face under the
 * name Windows itself ships (仿宋, 楷体 since Vista; 黑体 under its
 * English name too), or 宋体, the nearest of them, for 小标宋.
 */
static const char *const alt_names[][2] = {
	{ "方正小标宋简体", "宋体" },
	{ "小标宋", "宋体" },
	{ "仿宋_GB2312", "仿宋" },
	{ "楷体_GB2312", "楷体" },
	{ "黑体", "SimHei" },
};

const char *
typeface_alt_name(const char *family)
{
	for (gsize i = 0; i < G_N_ELEMENTS(alt_names); i++)
		if (strcmp(family, alt_names[i][0]) == 0)
			return alt_names[i][1];
	return NULL;
}
