/*
 * Fuzz target: Table Schema metadata (schema.c).  The input is YAML;
 * its "schema:" mapping (or the whole document when it has none) is
 * parsed as a Table Schema, its descriptor made, and every field checks
 * a fixed list of cells that reach each type's parser.
 */
#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fuzz.h"
#include "meta.h"
#include "schema.h"

static const char *const cells[] = {
	"", "0", "1", "-1", "42", "1.5", "-0.25", "1e3", "1e-400", "1e400",
	"NaN", "INF", "1,5", "1 000", "80%", "$12", "true", "false", "yes",
	"2024-02-29", "2023-02-29", "2024-05-16T10:00:00Z", "10:30:00",
	"2024", "2024-05", "P1Y2M3DT4H", "10.5,20.25", "[10, 20]",
	"a@b.vn", "https://x.vn/", "abc", "NA", "t\xc3\xa1m", NULL
};

static void
check(const struct schema *s)
{
	struct buf	 why = BUF_INIT;
	json_t		*v;
	size_t		 i, j;

	json_decref(schema_descriptor(s));
	for (i = 0; i < s->nfields; i++) {
		schema_find(s, s->fields[i].name);
		for (j = 0; cells[j] != NULL; j++) {
			buf_reset(&why);
			v = schema_cell(s, i, cells[j], strlen(cells[j]), &why);
			json_decref(v);
		}
	}
	buf_release(&why);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, "datasets/x.yaml", 1,
	    (const char *)data, size);
	struct schema	*s = NULL;
	json_t		*root, *obj;
	const struct loc *at;

	if (m == NULL)
		goto out;
	root = meta_root(m);
	obj = json_object_get(root, "schema");
	at = meta_loc(m, root, "schema");
	if (obj == NULL) {
		obj = root;
		at = meta_root_loc(m);
	}
	if ((s = schema_parse(d, m, obj, at)) != NULL)
		check(s);
out:
	schema_free(s);
	meta_free(m);
	fuzz_diag_done(d);
	return 0;
}
