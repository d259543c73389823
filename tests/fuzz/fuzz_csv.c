/*
 * Fuzz target: the CSV scan against a schema (dataset.c).  The input is
 * dataset metadata, a NUL byte, then the CSV; without a NUL byte it is
 * all CSV, checked against a fixed schema with a field of most types,
 * a primary key, a unique constraint and a foreign key to itself.  The
 * key budget is lowered to a few hundred bytes on odd-sized inputs, so
 * the key sets spill to temporary files too.
 */
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "diag.h"
#include "fuzz.h"
#include "scan.h"
#include "xalloc.h"

static const char default_yaml[] =
    "title: Fuzz\n"
    "license: {id: CC-BY-4.0}\n"
    "schema:\n"
    "  fields:\n"
    "    - {name: id, type: string, constraints: {pattern: '[a-z0-9]+'}}\n"
    "    - {name: parent, type: string}\n"
    "    - {name: n, type: number, decimalChar: ',', "
    "constraints: {minimum: 0}}\n"
    "    - {name: i, type: integer, constraints: {unique: true}}\n"
    "    - {name: day, type: date}\n"
    "    - {name: ok, type: boolean}\n"
    "    - {name: kind, type: string, constraints: {enum: [a, b]}}\n"
    "  primaryKey: id\n"
    "  foreignKeys:\n"
    "    - {fields: parent, reference: {resource: '', fields: id}}\n"
    "  missingValues: ['', NA]\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new();
	struct dataset	*ds;
	const char	*yaml, *csv;
	size_t		 ylen, clen;
	char		*ypath;

	fuzz_split(data, size, &yaml, &ylen, &csv, &clen);
	if (csv == NULL) {
		csv = yaml;
		clen = ylen;
		yaml = default_yaml;
		ylen = sizeof(default_yaml) - 1;
	}
	ypath = xstrdup(fuzz_write("x.yaml", yaml, ylen));
	ds = dataset_load(d, "x", "datasets/x.csv", ypath);
	ds->text = xmalloc(clen + 1);
	memcpy(ds->text, csv, clen);
	ds->text[clen] = '\0';
	ds->textlen = clen;
	dataset_set_key_budget(size % 2 ? 256 : 0);
	dataset_scan(ds, d, NULL);
	dataset_set_key_budget(0);
	dataset_free(ds);
	free(ypath);
	fuzz_diag_done(d);
	return 0;
}
