/*
 * What a signer's words mean: an explicit yes, a no, or neither.  Only a
 * plain yes signs; anything that says no, sets a condition or asks a
 * question does not.  Pure.
 */
#ifndef BULLETIN_APPROVAL_H
#define BULLETIN_APPROVAL_H

enum approval {
	APPROVAL_UNCLEAR,
	APPROVAL_YES,
	APPROVAL_NO,
};

/* The meaning of LINE, the first line of the signer's own text. */
enum approval approval_read(const char *line);

#endif
