/*
 * Header text decoding, done by us rather than GMime: Debian's GMime 3.2.13
 * drops everything after an encoded word that ends in '=' padding (GMime
 * #133), and Chinese subjects are split exactly like that.  Pure functions;
 * results belong to the caller.
 */
#ifndef BULLETIN_HEADER_H
#define BULLETIN_HEADER_H

#include <glib.h>

/*
 * Decode an unstructured header value (RFC 2047 encoded words, raw UTF-8 or
 * raw GB18030 bytes) to one line of UTF-8: folding, CR, LF and other control
 * characters become spaces, runs of spaces collapse, ends are trimmed.
 */
char *header_decode(const char *raw);

/* One line of text safe to put in a header we write (no CR/LF/controls). */
char *header_sanitize(const char *text);

#endif
