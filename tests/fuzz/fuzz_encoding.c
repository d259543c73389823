/*
 * Fuzz target: legacy-encoding detection and conversion (encoding.c):
 * detect, cut, and convert from every encoding, as raw bytes and as
 * mojibake, on the whole input and on the part before its safe cut.
 */
#include <stdlib.h>

#include "encoding.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	int		 moj = 0, e, m;
	size_t		 cut, n;

	encoding_detect(s, size, &moj);
	encoding_detect(s, size, NULL);
	cut = encoding_cut(s, size);
	if (cut > size)
		abort();
	for (e = ENCODING_UTF8; e <= ENCODING_VNI; e++)
		for (m = 0; m < 2; m++) {
			free(encoding_to_utf8(e, m, s, size, &n));
			free(encoding_to_utf8(e, m, s, cut, NULL));
		}
	return 0;
}
