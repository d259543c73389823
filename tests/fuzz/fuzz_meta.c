/*
 * Fuzz target: YAML metadata (meta.c) and front matter (page_split()).
 * The input is parsed as a whole YAML document, then split at its "---"
 * fences as a page would be and its front matter parsed again; the
 * typed getters and the location lookups run over the root's keys.
 * Where meta_parse()'s own reader of simple front matter reads the text,
 * it must read it as libyaml does: the same tree at the same places and
 * the same messages, or the target aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "fuzz.h"
#include "meta.h"
#include "page.h"

static void
walk(const struct meta *m, struct diag *d)
{
	json_t		*root = meta_root(m), *v, *list = NULL;
	const char	*key, *s;
	long long	 n;
	int		 b;
	size_t		 i;

	meta_root_loc(m);
	json_object_foreach(root, key, v) {
		meta_loc(m, root, key);
		meta_key_loc(m, root, key);
		meta_string(m, d, root, key, &s);
		meta_int(m, d, root, key, &n);
		meta_bool(m, d, root, key, &b);
		list = NULL;
		if (meta_strings(m, d, root, key, &list))
			json_decref(list);
		for (i = 0; i < json_array_size(v); i++)
			meta_index_loc(m, v, i);
	}
}

/* The own reader, where it reads "s", against libyaml. */
static void
compare(const char *file, unsigned line0, const char *s, size_t n)
{
	struct diag	*ds = diag_new(), *dy = diag_new();
	struct meta	*ms, *my;
	char		*ps, *py;
	int		 taken;

	ms = meta_parse_with(META_READ_SIMPLE, ds, file, line0, s, n, &taken);
	if (taken) {
		my = meta_parse_with(META_READ_LIBYAML, dy, file, line0, s, n,
		    NULL);
		ps = fuzz_diag_text(ds);
		py = fuzz_diag_text(dy);
		if (!meta_equal(ms, my) || strcmp(ps, py) != 0) {
			fprintf(stderr, "own reader: %s\nlibyaml: %s\n", ps,
			    py);
			abort();
		}
		free(ps);
		free(py);
		meta_free(my);
	}
	meta_free(ms);
	diag_free(ds);
	diag_free(dy);
}

static void
one(const char *file, unsigned line0, const char *s, size_t n)
{
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, file, line0, s, n);

	if (m != NULL)
		walk(m, d);
	meta_free(m);
	fuzz_diag_done(d);
	compare(file, line0, s, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*yaml, *body;
	size_t		 ylen, blen;
	unsigned	 bline;

	one("site.yaml", 1, (const char *)data, size);
	if (page_split((const char *)data, size, &yaml, &ylen, &body, &blen,
	    &bline) && yaml != NULL)
		one("content/x.md", 2, yaml, ylen);
	return 0;
}
