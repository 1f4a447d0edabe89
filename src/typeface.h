/*
 * The faces an issue is set in, by role as GB/T 9704 names them: 小标宋
 * for the masthead and titles, 仿宋 for the text, 黑体 for first-level
 * headings (一、), 楷体 for second-level ones (（一）).  Each role's
 * setting is a comma-separated family list, the office's font first and a
 * free Debian one after it; the first that fontconfig has is used.  The
 * only module besides render-leaks.c that sees fontconfig.  Results
 * belong to the caller.
 */
#ifndef BULLETIN_TYPEFACE_H
#define BULLETIN_TYPEFACE_H

#include <glib.h>

#include "config.h"

enum typeface {
	TYPEFACE_BODY,		/* the text: 仿宋 */
	TYPEFACE_TITLE,		/* masthead and article titles: 小标宋 */
	TYPEFACE_HEADING1,	/* 一、: 黑体 */
	TYPEFACE_HEADING2,	/* （一）: 楷体 */
	TYPEFACE_COUNT,
};

/*
 * The defaults: the office fonts, then the free ones chosen by their
 * coverage of GB2312 (notes in man/bulletind.conf.5).
 */
#define TYPEFACE_DEFAULT_TITLE \
	"方正小标宋简体, 小标宋, Noto Serif CJK SC"
#define TYPEFACE_DEFAULT_BODY \
	"仿宋_GB2312, 仿宋, FangSong, FandolFang, Noto Serif CJK SC"
#define TYPEFACE_DEFAULT_HEADING1 \
	"黑体, SimHei, Noto Sans CJK SC"
#define TYPEFACE_DEFAULT_HEADING2 \
	"楷体_GB2312, 楷体, KaiTi, AR PL UKai CN"

/* "body_font": the role's key in the render group. */
const char *typeface_key(enum typeface role);

/* The role's family list as configured (borrowed from CONFIG). */
const char *typeface_families(const struct config *config,
    enum typeface role);

/* LIST's family names, trimmed, empty ones left out.  g_strfreev. */
char **typeface_split(const char *list);

/* LIST's first family, the office font the .docx names ("" if none). */
char *typeface_first(const char *list);

/*
 * The first family of LIST that an installed font has (by family name,
 * as fontconfig lists it), or NULL.  Free with g_free.
 */
char *typeface_installed(const char *list);

/*
 * The family that will set Chinese text of LIST: the first installed
 * one, else fontconfig's best match for zh-cn.  Free with g_free.
 */
char *typeface_resolve(const char *list);

/* Generic CSS family of the role: "serif", or "sans-serif" for 黑体. */
const char *typeface_css_generic(enum typeface role);

/*
 * LIST as a CSS font-family value: each family quoted (characters that
 * could end the value or the attribute left out), then the generic one.
 */
char *typeface_css(const char *list, enum typeface role);

/* The .docx's fallback names for a family (its w:altName), or NULL. */
const char *typeface_alt_name(const char *family);

#endif
