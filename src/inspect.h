/*
 * A verdict shown to people (text) and to tests (JSON with the keys state,
 * reason, unit, title, text, fields, attachments, diagnostics).  Only
 * inspect.c sees json-glib.  Returned strings belong to the caller.
 */
#ifndef BULLETIN_INSPECT_H
#define BULLETIN_INSPECT_H

#include "verdict.h"

char *inspect_text(const struct verdict *v);
char *inspect_json(const struct verdict *v);

#endif
