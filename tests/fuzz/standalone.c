/*
 * Without libFuzzer (a gcc build): run the target once over each file
 * named on the command line, so `make check` exercises it on the corpus.
 */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		g_autofree char *data = NULL;
		gsize len;

		if (!g_file_get_contents(argv[i], &data, &len, NULL)) {
			fprintf(stderr, "cannot read %s\n", argv[i]);
			return 1;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	}
	printf("ran %d inputs\n", argc - 1);
	return 0;
}
