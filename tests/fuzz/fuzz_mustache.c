/*
 * Fuzz target: Mustache parse and render (mustache.c).  The input is
 * up to 10 templates separated by NUL bytes, the last piece being the
 * JSON context when it parses as JSON (else an object with a few values
 * of each kind is used).  A partial or parent named by one digit "k"
 * finds template k, any other name the first template, so recursion,
 * fan-out ({{>1}}{{>1}} in each of several levels) and inheritance all
 * run into their limits (the output limit lowered to 1 MB, so that
 * reaching it is quick).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fuzz.h"
#include "mustache.h"

#define MAXT	10

static const char default_ctx[] =
    "{\"title\": \"A & B\", \"n\": 3, \"x\": 1.5, \"t\": true, \"f\": false,"
    " \"z\": null, \"list\": [{\"name\": \"a\"}, {\"name\": \"<b>\"}, 2],"
    " \"obj\": {\"a\": {\"b\": \"c\"}, \"list\": []}, \"empty\": \"\"}";

struct set {
	struct mustache	*t[MAXT];
	size_t		 n;
};

static const struct mustache *
find(void *arg, const char *name)
{
	struct set	*s = arg;

	if (name[0] >= '0' && name[0] <= '9' && name[1] == '\0' &&
	    (size_t)(name[0] - '0') < s->n && s->t[name[0] - '0'] != NULL)
		return s->t[name[0] - '0'];
	return s->t[0];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new();
	struct set	 s;
	struct buf	 out = BUF_INIT;
	const char	*p = (const char *)data, *end = p + size, *nul;
	json_t		*ctx = NULL;
	size_t		 i, len;
	int		 ok = 1;

	memset(&s, 0, sizeof(s));
	while (s.n < MAXT) {
		nul = memchr(p, '\0', (size_t)(end - p));
		len = nul ? (size_t)(nul - p) : (size_t)(end - p);
		if (nul == NULL && s.n > 0 &&
		    (ctx = json_loadb(p, len, JSON_DECODE_ANY, NULL)) != NULL)
			break;
		s.t[s.n] = mustache_parse(d, "layouts/x.mustache", p, len);
		ok &= s.t[s.n++] != NULL;
		if (nul == NULL)
			break;
		p = nul + 1;
	}
	if (ctx == NULL)
		ctx = json_loads(default_ctx, 0, NULL);
	mustache_set_output_max(1 << 20);
	if (ok) {
		mustache_render(s.t[0], ctx, find, &s, d, &out);
		mustache_render(s.t[0], ctx, NULL, NULL, NULL, &out);
	}
	mustache_set_output_max(0);
	for (i = 0; i < s.n; i++)
		mustache_free(s.t[i]);
	json_decref(ctx);
	buf_release(&out);
	fuzz_diag_done(d);
	return 0;
}
