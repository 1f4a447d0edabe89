/*
 * Bytes in a mail charset → UTF-8, with the rules Chinese mail needs:
 * gb2312/gbk/cp936 labels are read as GB18030 (their superset), bodies
 * without a charset are detected, and a label the bytes contradict is
 * overruled.  Pure functions; results belong to the caller.
 */
#ifndef BULLETIN_CHARSET_H
#define BULLETIN_CHARSET_H

#include <glib.h>

/* The iconv name to read LABEL with (static string), or NULL if unknown. */
const char *charset_canonical(const char *label);

/*
 * Decode LEN bytes declared as DECLARED (may be NULL) to valid UTF-8.
 * Never fails: when nothing fits, invalid bytes become U+FFFD.  If the
 * result is a guess, *diagnostic_r (may be NULL) gets a note to record.
 * NUL bytes are dropped, not treated as the end of the text.
 */
char *charset_to_utf8(const char *bytes, gsize len, const char *declared,
    char **diagnostic_r);

#endif
