/*
 * libFuzzer target: raw bytes → parse → classify → extract, the path every
 * received message takes.  The config is the example one (or
 * $BULLETIND_FUZZ_CONF), so unit and editor addresses are known.
 */
#include <stdint.h>
#include <stdlib.h>

#include "config.h"
#include "log.h"
#include "message.h"
#include "verdict.h"

#ifndef FUZZ_DEFAULT_CONF
#define FUZZ_DEFAULT_CONF "conf/bulletind.conf.example"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config *
fuzz_config(void)
{
	static struct config *config;
	const char *path = getenv("BULLETIND_FUZZ_CONF");
	g_autoptr(GError) error = NULL;

	if (config != NULL)
		return config;
	message_library_init();
	log_init("fuzz", TRUE, 0);
	config = config_load(path ? path : FUZZ_DEFAULT_CONF, &error);
	if (config == NULL)
		g_error("fuzz: %s", error->message);
	return config;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct verdict *v = verdict_new(fuzz_config(), (const char *)data,
	    size);

	verdict_free(v);
	return 0;
}
