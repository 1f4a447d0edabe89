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

/*
 * Limits on header size, counted on the raw bytes before anything parses
 * or decodes them.  GMime decodes some fields as it parses, in time that
 * grows with the square of a field's length (0.3-0.7 s for 100 KB of broken
 * encoded words), so both the size of one field and the bytes of large
 * fields in a message are bounded.  A field may have HEADER_FIELD_MAX bytes,
 * as Postfix's header_size_limit: what the MTA in front of us passed is not
 * cut.  Once the header fields of a message, its parts and the messages
 * attached to it add up to HEADER_TOTAL_MAX, each further field may have
 * HEADER_LINE_MAX (RFC 5322's line limit): the fields that give the
 * structure (Content-Type and its boundary) survive that.
 */
#define HEADER_FIELD_MAX	102400
#define HEADER_TOTAL_MAX	(128 * 1024)
#define HEADER_LINE_MAX		1000

/*
 * A copy of the LEN bytes of message RAW with each header field over its
 * limit cut to at most that, at a space where it can be; bodies are left
 * as they are.  Returns NULL when nothing is over (RAW is fine as it is);
 * else the copy, which the caller frees, its length in *len_r, and notes
 * saying what was cut added to NOTES (may be NULL).
 */
char *header_limit(const char *raw, gsize len, gsize *len_r,
    GPtrArray *notes);

#endif
