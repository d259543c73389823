/*
 * Fuzz target: Mustache parse and render (mustache.c).  The input is a
 * template, a NUL byte, then the JSON context (an object with a few
 * values of each kind when there is none).  Every partial and parent
 * name finds the template itself, so recursion, fan-out and
 * inheritance all run into their limits.
 */
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "fuzz.h"
#include "mustache.h"

static const char default_ctx[] =
    "{\"title\": \"A & B\", \"n\": 3, \"x\": 1.5, \"t\": true, \"f\": false,"
    " \"z\": null, \"list\": [{\"name\": \"a\"}, {\"name\": \"<b>\"}, 2],"
    " \"obj\": {\"a\": {\"b\": \"c\"}, \"list\": []}, \"empty\": \"\"}";

static const struct mustache *
self(void *arg, const char *name)
{
	(void)name;
	return arg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new();
	struct mustache	*t;
	struct buf	 out = BUF_INIT;
	const char	*src, *js;
	size_t		 slen, jlen;
	json_t		*ctx = NULL;

	fuzz_split(data, size, &src, &slen, &js, &jlen);
	if (js != NULL)
		ctx = json_loadb(js, jlen, JSON_DECODE_ANY, NULL);
	if (ctx == NULL)
		ctx = json_loads(default_ctx, 0, NULL);
	if ((t = mustache_parse(d, "layouts/x.mustache", src, slen)) != NULL) {
		mustache_render(t, ctx, self, t, d, &out);
		mustache_render(t, ctx, NULL, NULL, NULL, &out);
	}
	mustache_free(t);
	json_decref(ctx);
	buf_release(&out);
	fuzz_diag_done(d);
	return 0;
}
