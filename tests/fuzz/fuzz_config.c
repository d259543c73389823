/*
 * Fuzz target: site.yaml (config.c), loaded from a file as the build
 * does, then given a --base-url.
 */
#include "config.h"
#include "diag.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new();
	struct config	 c;
	const char	*path = fuzz_write("site.yaml", data, size);

	if (config_load(&c, d, path, "site.yaml"))
		config_set_base_url(&c, d, "https://example.gov.vn/a/");
	config_release(&c);
	fuzz_diag_done(d);
	return 0;
}
