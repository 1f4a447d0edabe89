/*
 * Linked into every program that renders PDFs (bulletind, bulletinctl and
 * the render tests), so that LeakSanitizer reports only our leaks.  cairo 1.16 (Debian 12) leaks 768 bytes per CFF
 * font subset it embeds when a PDF surface is finished (Noto CJK is CFF;
 * TrueType fonts do not leak): a bug in cairo, not ours, matched narrowly
 * by the exported function it happens under.  Debian's cairo has no frame
 * pointers, so that function is on the allocation's stack only when it is
 * unwound the slow way.  The libraries' static caches are released by
 * render_release_caches() at the end of main() instead, so that
 * nothing else needs suppressing.  (The sanitizer calls these hooks; in a
 * build without it they are never called.)
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "render-leaks.h"

const char *__asan_default_options(void);
const char *__lsan_default_suppressions(void);

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions(void)
{
	return "leak:cairo_surface_finish\n";
}

void
render_release_caches(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}
