/*
 * title-breaks: for each title on standard input, one line on standard
 * output: the title without its spaces, with a '|' wherever a line may end
 * without breaking a word (title-break.h: at a space, at punctuation or
 * between two words of ICU's word break).  render.test checks the lines
 * the PDF and the .docx were wrapped at against it.
 */
#include <stdio.h>
#include <string.h>

#include "title-break.h"

static void
print_breaks(const char *title)
{
	g_autoptr(GArray) points = title_break_points(title);
	GString *out = g_string_new(NULL);
	gsize at = 0;

	for (guint i = 0; i < points->len; i++) {
		const struct title_break_point *p = &g_array_index(points,
		    struct title_break_point, i);

		if (p->kind == TITLE_BREAK_CHAR)
			continue;
		g_string_append_len(out, title + at, p->end - at);
		g_string_append_c(out, '|');
		at = p->next;
	}
	g_string_append(out, title + at);
	for (char *c = out->str; (c = strchr(c, ' ')) != NULL; )
		memmove(c, c + 1, strlen(c));
	puts(out->str);
	g_string_free(out, TRUE);
}

int
main(void)
{
	char line[4096];

	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		print_breaks(line);
	}
	return ferror(stdin) ? 1 : 0;
}
