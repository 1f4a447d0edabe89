/* See render-leaks.c: LeakSanitizer hooks for programs that render PDFs. */
#ifndef BULLETIN_RENDER_LEAKS_H
#define BULLETIN_RENDER_LEAKS_H

/* Drop cairo's and fontconfig's static caches; call last in main(). */
void render_release_caches(void);

#endif
