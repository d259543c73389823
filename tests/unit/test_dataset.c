/*
 * Unit tests for dataset.c: pairing files, metadata keys, physical line
 * and column numbers (quoted newlines, CRLF, BOM, multi-byte text), the
 * header, every kind of row error, primary, unique and foreign keys
 * within and across datasets, cycles, the error cap, the sink, and
 * memory that does not grow with the rows.  Key tests run again with
 * tiny key budgets (same_spilled()), so the sets go to temporary files,
 * and must print the same.  Each test builds a site in
 * a temporary folder and runs from inside it, so messages read
 * "datasets/x.csv:3:2: ...".
 */
#include "dataset.h"

#include <dirent.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "scan.h"
#include "schema.h"

static char	 home[4096];
static char	 dir[64];

static void
setup(void)
{
	if (getcwd(home, sizeof(home)) == NULL)
		abort();
	snprintf(dir, sizeof(dir), "/tmp/planpress-dataset-XXXXXX");
	if (mkdtemp(dir) == NULL || chdir(dir) != 0 ||
	    mkdir("datasets", 0755) != 0)
		abort();
}

/* Remove "path" and everything under it. */
static void
rm(const char *path)
{
	DIR		*d = opendir(path);
	struct dirent	*e;
	char		 sub[4096];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		rm(sub);
	}
	if (d != NULL)
		closedir(d);
	if (remove(path) != 0)
		abort();
}

static void
teardown(void)
{
	if (chdir(home) != 0)
		abort();
	rm(dir);
}

/* Write "len" bytes of "data" to "datasets/name". */
static void
put_n(const char *name, const char *data, size_t len)
{
	char	 path[256];
	FILE	*fp;

	snprintf(path, sizeof(path), "datasets/%s", name);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		abort();
}

static void
put(const char *name, const char *text)
{
	put_n(name, text, strlen(text));
}

/* The diagnostics of "d", printed and forgotten; free() the result. */
static char *
printed(struct diag *d)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	diag_print(d, fp);
	fclose(fp);
	return s;
}

/* The result of loading and scanning datasets/, kept for checks. */
struct run {
	struct diag	 *d;
	struct dataset	**v;
	size_t		  n;
	int		  loaded, scanned;
	size_t		  errors;
	char		 *out;
};

static void
run(struct run *r, const struct dataset_sink *sink)
{
	r->d = diag_new();
	r->loaded = dataset_load_all(r->d, "datasets", &r->v, &r->n);
	r->scanned = dataset_scan_all(r->v, r->n, r->d, sink);
	r->errors = diag_errors(r->d);
	r->out = printed(r->d);
}

static void
run_free(struct run *r)
{
	dataset_free_all(r->v, r->n);
	diag_free(r->d);
	free(r->out);
}

/* 1 if the run printed exactly "want". */
static int
said(const struct run *r, const char *want)
{
	if (strcmp(r->out, want) == 0)
		return 1;
	printf("  printed:\n%s  want:\n%s", r->out, want);
	return 0;
}

/*
 * Run datasets/ again with key budgets so small that the key sets go to
 * temporary files (1 byte: nearly every key; 512: two runs merged at a
 * time), and check that each run prints what "base" printed, with as
 * many errors, and scans the same.
 */
static int
same_spilled(const struct run *base)
{
	static const size_t	 budgets[] = { 1, 512, 8192 };
	struct run		 r;
	size_t			 i;
	int			 ok = 1;

	for (i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++) {
		dataset_set_key_budget(budgets[i]);
		run(&r, NULL);
		if (strcmp(r.out, base->out) != 0 || r.errors != base->errors ||
		    r.scanned != base->scanned || r.loaded != base->loaded) {
			printf("  with a budget of %zu bytes:\n%s  in memory:\n%s",
			    budgets[i], r.out, base->out);
			ok = 0;
		}
		run_free(&r);
	}
	dataset_set_key_budget(0);
	return ok;
}

static struct dataset *
get(const struct run *r, const char *id)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i]->id, id) == 0)
			return r->v[i];
	return NULL;
}

/* "preview[row][col]" of dataset "id", or "". */
static const char *
cell(const struct run *r, const char *id, size_t row, size_t col)
{
	struct dataset	*ds = get(r, id);
	const char	*s;

	if (ds == NULL)
		return "";
	s = json_string_value(json_array_get(json_array_get(ds->preview, row),
	    col));
	return s ? s : "";
}

static const char *const meta3 =
    "title: T\ndescription: D\nschema:\n  fields:\n"
    "    - {name: id, constraints: {required: true}}\n"
    "    - {name: name}\n"
    "    - {name: value, type: integer}\n";

static void
test_positions(void)
{
	struct run	 r;

	setup();
	put("t.yaml", meta3);
	put("t.csv", "\xEF\xBB\xBFid,name,value\r\n"
	    "a,\"line1\r\nline2\",1\r\n"
	    "b,Huế,x\r\n"
	    "\"c\",\"q\"\"\",2\r\n"
	    ",\"\",3\r\n"
	    "\r\n"
	    "d,\"a,b\r\n\r\nc\",zz\r\n"
	    "e,Pha\xCC\x81t,5");
	run(&r, NULL);
	CHECK(r.loaded && !r.scanned);
	CHECK(said(&r,
	    "datasets/t.csv:4:7: error: field 'value' (integer): 'x' is not "
	    "an integer\n"
	    "datasets/t.csv:6:1: error: field 'id' (string): a value is "
	    "required\n"
	    "datasets/t.csv:10:4: error: field 'value' (integer): 'zz' is not "
	    "an integer\n"));
	CHECK(r.n == 1 && r.v[0]->rows == 6);
	CHECK_STR(cell(&r, "t", 0, 1), "line1\r\nline2");
	CHECK_STR(cell(&r, "t", 2, 0), "c");
	CHECK_STR(cell(&r, "t", 2, 1), "q\"");
	CHECK_STR(cell(&r, "t", 4, 1), "a,b\r\n\r\nc");
	CHECK_STR(cell(&r, "t", 5, 1), "Ph\xC3\xA1t");
	CHECK(r.n == 1 && r.v[0]->bytes == 98);
	run_free(&r);
	teardown();
}

static void
test_columns(void)
{
	struct run	 r;

	setup();
	put("t.yaml", meta3);
	put("t.csv", "id,name,value\n"
	    "đ,\"Thừa Thiên Huế\",1.5\n"
	    "e,\"two\nlines\",-\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/t.csv:2:20: error: field 'value' (integer): '1.5' is "
	    "not an integer\n"
	    "datasets/t.csv:4:8: error: field 'value' (integer): '-' is not "
	    "an integer\n"));
	run_free(&r);
	teardown();
}

static void
test_header(void)
{
	struct run	 r;

	setup();
	put("a.yaml", meta3);
	put("a.csv", "id,extra,value\n1,2,3\n");
	put("b.yaml", meta3);
	put("b.csv", "value,id,name\n1,2,3\n");
	put("c.yaml", meta3);
	put("c.csv", "id,name,,id,value\n");
	put("d.yaml", meta3);
	put("d.csv", "");
	put("e.yaml", meta3);
	put("e.csv", "id,name,value\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/a.csv:1: error: missing column 'name' (field 2 of the "
	    "schema)\n"
	    "datasets/a.csv:1:4: error: column 'extra' is not a field of the "
	    "schema\n"
	    "datasets/b.csv:1:1: error: column 'value' is in position 1, but "
	    "the schema has it in position 3\n"
	    "datasets/b.csv:1:7: error: column 'id' is in position 2, but the "
	    "schema has it in position 1\n"
	    "datasets/b.csv:1:10: error: column 'name' is in position 3, but "
	    "the schema has it in position 2\n"
	    "datasets/c.csv:1:9: error: column 3 of the header has no name\n"
	    "datasets/c.csv:1:10: error: duplicate column 'id' in the "
	    "header\n"
	    "datasets/d.csv: error: the file is empty; its first line must be "
	    "the header\n"));
	CHECK(get(&r, "a") && get(&r, "a")->rows == 1);
	CHECK(get(&r, "e") && get(&r, "e")->rows == 0 &&
	    get(&r, "e")->scanned);
	run_free(&r);
	teardown();
}

static void
test_rows(void)
{
	struct run	 r;

	setup();
	put("t.yaml", meta3);
	put("t.csv", "id,name,value\na,b\na,b,1,4,5\na\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/t.csv:2:4: error: row has 2 cells, but the header has 3: "
	    "no cell for 'value'\n"
	    "datasets/t.csv:3:7: error: row has 5 cells, but the header has "
	    "3\n"
	    "datasets/t.csv:4:2: error: row has 1 cell, but the header has 3: "
	    "no cell for 'name'\n"));
	CHECK(r.n == 1 && r.v[0]->rows == 3);
	CHECK(json_array_size(r.v[0]->preview) == 0);
	run_free(&r);
	teardown();
}

static void
test_quotes(void)
{
	struct run	 r;

	setup();
	put("a.yaml", meta3);
	put("a.csv", "id,name,value\nx,ab\"c,1\n");
	put("b.yaml", meta3);
	put("b.csv", "id,name,value\nx,\"ab\"c,1\n");
	put("c.yaml", meta3);
	put("c.csv", "id,name,value\nx,y,1\nx,\"open\n\nstill,2\n");
	put("d.yaml", meta3);
	put("d.csv", "id,name,value\nx, \"y\" ,1\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/a.csv:2:5: error: stray '\"' in an unquoted cell (quote "
	    "the whole cell and write each '\"' as '\"\"')\n"
	    "datasets/b.csv:2:7: error: unexpected text after the closing "
	    "'\"' of a quoted cell\n"
	    "datasets/c.csv:3:3: error: quoted cell is not closed before the "
	    "end of the file\n"
	    "datasets/d.csv:2:4: error: stray '\"' in an unquoted cell (quote "
	    "the whole cell and write each '\"' as '\"\"')\n"));
	CHECK(get(&r, "c") && !get(&r, "c")->scanned);
	run_free(&r);
	teardown();
}

static void
test_utf8(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;

	setup();
	put("a.yaml", meta3);
	put("a.csv", "id,name,value\nx,Hu\xE1\xBB\xBF,1\nx,Hu\xE1\xBB,1\n");
	put("b.yaml", meta3);
	put_n("b.csv", "id,name,value\nx,\0,1\n", 20);
	put("c.yaml", meta3);
	buf_puts(&b, "id,name,value\n");
	while (b.len < 65536 - 20)
		buf_puts(&b, "abc,def,123\n");
	while (b.len < 65535)
		buf_puts(&b, "z");
	buf_puts(&b, "\xE1\xBA\xBF,name,9\n");	/* "ế" across the chunks */
	put_n("c.csv", b.data, b.len);
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/a.csv:3:5: error: invalid UTF-8 (byte offset 28)\n"
	    "datasets/b.csv:2:3: error: file contains a NUL byte (byte offset "
	    "16)\n"));
	CHECK(get(&r, "a") && !get(&r, "a")->scanned && get(&r, "a")->rows == 1);
	CHECK(get(&r, "c") && get(&r, "c")->scanned &&
	    get(&r, "c")->bytes == b.len);
	buf_release(&b);
	run_free(&r);
	teardown();
}

static const char *const units_yaml =
    "title: Units\ndescription: D\nschema:\n  fields:\n"
    "    - {name: id, constraints: {pattern: '[a-z]+'}}\n"
    "    - {name: parent}\n"
    "    - {name: code, type: integer, constraints: {unique: true}}\n"
    "  primaryKey: id\n"
    "  foreignKeys:\n"
    "    - fields: parent\n"
    "      reference: {resource: '', fields: id}\n";

static void
test_keys(void)
{
	struct run	 r;

	setup();
	put("units.yaml", units_yaml);
	put("units.csv", "id,parent,code\n"
	    "tinh,,1\n"
	    "syt,tinh,2\n"
	    "syt,tinh,3\n"
	    "sxd,later,2\n"
	    "qn,nope,\n"
	    "later,,\n"
	    "x1,tinh,5\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/units.csv:4:1: error: duplicate primary key 'syt' "
	    "(first on line 3)\n"
	    "datasets/units.csv:5:11: error: field 'code' (integer): "
	    "duplicate value '2' (first on line 3)\n"
	    "datasets/units.csv:6:4: error: foreign key 'parent' = 'nope' not "
	    "found in dataset 'units'\n"
	    "datasets/units.csv:8:1: error: field 'id' (string): 'x1' does "
	    "not match the pattern '[a-z]+'\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

static void
test_composite(void)
{
	struct run	 r;

	setup();
	put("v.yaml", "title: V\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: unit}\n    - {name: year, type: year}\n"
	    "    - {name: value, type: number}\n"
	    "  primaryKey: [unit, year]\n");
	put("v.csv", "unit,year,value\na,2024,1\na,2025,2\nb,2024,3\n"
	    "a,2024,4\na,,5\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/v.csv:5:1: error: duplicate primary key ('a', '2024') "
	    "(first on line 2)\n"
	    "datasets/v.csv:6:3: error: field 'year' (year): a value is "
	    "required\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

static void
test_foreign(void)
{
	struct run	 r;

	setup();
	put("units.yaml", units_yaml);
	put("units.csv", "id,parent,code\ntinh,,1\nsyt,tinh,2\n");
	put("a-values.yaml", "title: V\ndescription: D\nschema:\n"
	    "  fields: [{name: unit}, {name: value, type: number}]\n"
	    "  foreignKeys:\n"
	    "    - {fields: unit, reference: {resource: units, fields: id}}\n");
	put("a-values.csv", "unit,value\nsyt,1\nsxyz,2\n,3\ntinh,4\n");
	put("b.yaml", "title: B\ndescription: D\nschema:\n"
	    "  fields: [{name: u}, {name: c}]\n"
	    "  foreignKeys:\n"
	    "    - {fields: u, reference: {resource: nope, fields: id}}\n"
	    "    - {fields: [u, c], reference: {resource: units, fields: "
	    "[id, cod]}}\n"
	    "    - {fields: [u, c], reference: {resource: units, fields: "
	    "[id, code]}}\n");
	put("b.csv", "u,c\nsyt,2\nsyt,3\n");
	put("c.yaml", "title: C\ndescription: D\nschema:\n"
	    "  fields: [{name: u}]\n"
	    "  foreignKeys: [{fields: u, reference: {resource: d, fields: "
	    "id}}]\n");
	put("c.csv", "u\nx\n");
	put("d.yaml", "title: D\nschema: {fields: [{name: id}]}\n");
	put("d.csv", "id\n");
	put("e.yaml", "title: E\ndescription: D\nencoding: tcvn3\n"
	    "schema: {fields: [{name: id}]}\n");
	put("e.csv", "id\n");
	run(&r, NULL);
	CHECK(!r.loaded && !r.scanned);
	CHECK(said(&r,
	    "datasets/a-values.csv:3:1: error: foreign key 'unit' = 'sxyz' "
	    "not found in dataset 'units'\n"
	    "datasets/b.csv:3:1: error: foreign key ('u', 'c') = ('syt', '3') "
	    "not found in dataset 'units'\n"
	    "datasets/b.yaml:6:41: error: foreign key refers to unknown "
	    "dataset 'nope'\n"
	    "datasets/b.yaml:7:61: error: dataset 'units' has no field "
	    "'cod'\n"
	    "datasets/d.yaml:1:1: error: dataset has no 'description'\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* Keys are not looked up in a dataset that could not be read whole. */
static void
test_foreign_incomplete(void)
{
	struct run	 r;

	setup();
	put("t.yaml", "title: T\ndescription: D\nschema: {fields: [{name: "
	    "id, constraints: {unique: true}}], primaryKey: id}\n");
	put("t.csv", "id\na\nb\xFF\nc\n");
	put("r.yaml", "title: R\ndescription: D\nschema:\n"
	    "  fields: [{name: t}]\n"
	    "  foreignKeys: [{fields: t, reference: {resource: t, fields: "
	    "id}}]\n");
	put("r.csv", "t\na\nc\n");
	run(&r, NULL);
	CHECK(said(&r, "datasets/t.csv:3:2: error: invalid UTF-8 (byte offset "
	    "6)\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* Dataset metadata with a foreign key "ref" to dataset "to". */
static void
put_ref(const char *name, const char *to)
{
	char	 y[512];

	snprintf(y, sizeof(y), "title: T\ndescription: D\nschema:\n"
	    "  fields: [{name: id}, {name: ref}]\n  primaryKey: id\n"
	    "  foreignKeys:\n"
	    "    - {fields: ref, reference: {resource: %s, fields: id}}\n", to);
	put(name, y);
}

static void
test_cycle(void)
{
	struct run	 r;

	setup();
	put_ref("a.yaml", "b");
	put("a.csv", "id,ref\n1,1\n2,9\n");
	put_ref("b.yaml", "a");
	put("b.csv", "id,ref\n1,1\n");
	put_ref("c.yaml", "c");
	put("c.csv", "id,ref\n1,\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/a.csv:3:3: error: foreign key 'ref' = '9' not found in "
	    "dataset 'b'\n"
	    "datasets/b.yaml:7:43: error: foreign keys form a cycle: 'a' -> "
	    "'b' -> 'a'\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

static void
test_pairs(void)
{
	struct run	 r;

	setup();
	put("lonely.csv", "id\n1\n");
	put("meta.yaml", meta3);
	put("Bad.csv", "id\n");
	put("Bad.yaml", meta3);
	put("ok.csv", "id,name,value\n");
	put("ok.yaml", meta3);
	put("notes.txt", "x");
	put("x.yml", "x");
	mkdir("datasets/sub", 0755);
	run(&r, NULL);
	CHECK(!r.loaded && r.scanned);
	CHECK(said(&r,
	    "datasets/Bad.csv: error: dataset id 'Bad' must be lower-case "
	    "ASCII letters, digits, '-' or '_'\n"
	    "datasets/Bad.yaml: error: dataset id 'Bad' must be lower-case "
	    "ASCII letters, digits, '-' or '_'\n"
	    "datasets/lonely.csv: error: the data has no metadata: "
	    "'lonely.yaml' is missing\n"
	    "datasets/meta.yaml: error: the metadata has no data: 'meta.csv' "
	    "is missing\n"
	    "datasets/notes.txt: warning: not a dataset file (datasets are "
	    "ID.csv with ID.yaml); ignored\n"
	    "datasets/x.yml: warning: not a dataset file (datasets are ID.csv "
	    "with ID.yaml); ignored\n"));
	CHECK(r.n == 1 && strcmp(r.v[0]->id, "ok") == 0);
	CHECK(r.n == 1 && strcmp(r.v[0]->csv, "datasets/ok.csv") == 0);
	run_free(&r);
	teardown();
}

static void
test_no_folder(void)
{
	struct diag	*d = diag_new();
	struct dataset	**v;
	size_t		  n;

	CHECK(dataset_load_all(d, "/nonexistent/datasets", &v, &n));
	CHECK(v == NULL && n == 0);
	CHECK(dataset_scan_all(v, n, d, NULL));
	CHECK(diag_errors(d) == 0);
	dataset_free_all(v, n);
	dataset_free(NULL);
	diag_free(d);
}

static void
test_metadata(void)
{
	struct run	 r;

	setup();
	put("a.yaml", "description: ''\nkeywords: 3\nfrequency: yearly\n"
	    "issued: 16/05/2024\nlicense: {title: CC}\npublisher: {url: x}\n"
	    "preview_rows: 20000\nencoding: latin1\nsample: 'no'\n"
	    "temporal: {start: '2024-12-31', end: '2024-01-01'}\n"
	    "sources: [{title: A, path: 1}, x]\nauthor: me\n"
	    "contact: {name: N, phone: 1}\n");
	put("a.csv", "id\n");
	put("b.yaml", "title: B\ndescription: D\n");
	put("b.csv", "id\n");
	put("c.yaml", "- a\n");
	put("c.csv", "id\n");
	put("d.yaml", "title: [\n");
	put("d.csv", "id\n");
	run(&r, NULL);
	CHECK(!r.loaded && !r.scanned);
	CHECK(said(&r,
	    "datasets/a.yaml:1:1: error: dataset has no 'schema' (its fields)\n"
	    "datasets/a.yaml:1:1: error: dataset has no 'title'\n"
	    "datasets/a.yaml:1:14: error: dataset has no 'description'\n"
	    "datasets/a.yaml:2:11: error: key 'keywords' must be a list of "
	    "strings, not '3'\n"
	    "datasets/a.yaml:3:12: error: key 'frequency' must be one of "
	    "continuous, daily, weekly, monthly, quarterly, semiannual, "
	    "annual, irregular or never, not 'yearly'\n"
	    "datasets/a.yaml:4:9: error: key 'issued' must be a date written "
	    "YYYY-MM-DD, not '16/05/2024'\n"
	    "datasets/a.yaml:5:10: error: license needs an 'id' (SPDX) or a "
	    "'url'\n"
	    "datasets/a.yaml:6:12: error: publisher has no 'name'\n"
	    "datasets/a.yaml:6:18: error: publisher url must be an absolute "
	    "http:// or https:// URL with a host, not 'x'\n"
	    "datasets/a.yaml:7:15: error: key 'preview_rows' must be from 0 "
	    "to 10000, not 20000\n"
	    "datasets/a.yaml:8:11: error: key 'encoding' must be one of "
	    "utf-8, windows-1258, tcvn3 or vni, not 'latin1'\n"
	    "datasets/a.yaml:9:9: error: key 'sample' must be true or false, "
	    "not 'no'\n"
	    "datasets/a.yaml:10:38: error: temporal coverage ends (2024-01-01) "
	    "before it starts (2024-12-31)\n"
	    "datasets/a.yaml:11:28: error: key 'path' must be a string, not "
	    "'1'\n"
	    "datasets/a.yaml:11:32: error: source must be a mapping with a "
	    "'title'\n"
	    "datasets/a.yaml:12:1: warning: unknown key 'author' in the "
	    "dataset metadata\n"
	    "datasets/a.yaml:13:20: warning: unknown key 'phone' in contact\n"
	    "datasets/b.yaml:1:1: error: dataset has no 'schema' (its fields)\n"
	    "datasets/c.yaml:1:1: error: dataset metadata must be a mapping of "
	    "keys\n"
	    "datasets/d.yaml:2:1: error: did not find expected node content "
	    "while parsing a flow node\n"));
	CHECK(r.n == 4 && !r.v[0]->ok && r.v[0]->schema == NULL);
	run_free(&r);
	teardown();
}

static void
test_metadata_values(void)
{
	struct run	 r;
	struct dataset	*ds;

	setup();
	put("t.yaml", "title: \"Chỉ tiêu\"\ndescription: |\n  Mọi chỉ tiêu\n"
	    "keywords: [a, b]\ntheme: T\npublisher: {name: P, url: 'https://u.vn/'}\n"
	    "contact: {name: C, email: e}\n"
	    "license: {id: CC-BY-4.0, url: 'https://x'}\n"
	    "temporal: {start: '2024-01-01', end: '2024-12-31'}\n"
	    "spatial: Huế\nfrequency: annual\nissued: '2024-05-16'\n"
	    "modified: '2024-05-17'\nversion: 1.0.0\nencoding: utf-8\n"
	    "sources: [{title: QĐ 73, path: 'https://x'}]\nsample: true\n"
	    "preview_rows: 2\nschema: {fields: [{name: id}, {name: sample, "
	    "type: boolean}]}\n");
	put("t.csv", "id,sample\n1,true\n2,true\n3,true\n");
	put("u.yaml", "title: U\ndescription: D\nschema: {fields: [{name: "
	    "id}]}\n");
	put("u.csv", "id\n");
	run(&r, NULL);
	CHECK(r.loaded && r.scanned);
	CHECK_STR(r.out, "");
	ds = get(&r, "t");
	if (ds == NULL)
		goto out;
	CHECK_STR(ds->title, "Chỉ tiêu");
	CHECK_STR(ds->description, "Mọi chỉ tiêu\n");
	CHECK(json_array_size(ds->keywords) == 2);
	CHECK_STR(ds->theme, "T");
	CHECK_STR(json_string_value(json_object_get(ds->publisher, "name")),
	    "P");
	CHECK_STR(json_string_value(json_object_get(ds->contact, "email")),
	    "e");
	CHECK_STR(json_string_value(json_object_get(ds->license, "id")),
	    "CC-BY-4.0");
	CHECK_STR(json_string_value(json_object_get(ds->temporal, "end")),
	    "2024-12-31");
	CHECK_STR(ds->spatial, "Huế");
	CHECK_STR(ds->frequency, "annual");
	CHECK_STR(ds->issued, "2024-05-16");
	CHECK_STR(ds->modified, "2024-05-17");
	CHECK_STR(ds->version, "1.0.0");
	CHECK_STR(ds->encoding, "utf-8");
	CHECK(json_array_size(ds->sources) == 1);
	CHECK(ds->sample == 1 && ds->preview_rows == 2 && ds->rows == 3);
	CHECK(json_array_size(ds->preview) == 2);
	ds = get(&r, "u");
	CHECK(ds && ds->publisher == NULL && ds->license == NULL &&
	    ds->contact == NULL && ds->temporal == NULL && ds->sources ==
	    NULL && ds->issued == NULL && ds->keywords != NULL &&
	    json_array_size(ds->keywords) == 0 && ds->preview_rows ==
	    DATASET_PREVIEW_ROWS && ds->sample == 0);
out:
	run_free(&r);
	teardown();
}

static void
test_cap(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;
	int		 i;

	setup();
	put("t.yaml", meta3);
	buf_puts(&b, "id,name,value\n");
	for (i = 0; i < 150; i++)
		buf_puts(&b, "a,b,x\n");
	put("t.csv", b.data);
	run(&r, NULL);
	CHECK(r.errors == DATASET_ERRORS_MAX + 1);
	CHECK(strstr(r.out, "datasets/t.csv:101:5: error: field 'value' "
	    "(integer): 'x' is not an integer\n"
	    "datasets/t.csv:152: error: ... and 50 more errors in this "
	    "file\n") != NULL);
	CHECK(strstr(r.out, "t.csv:102:") == NULL);
	buf_release(&b);
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* A sink that counts and checks what it is given. */
struct counter {
	int		 begins, rows, ends;
	unsigned	 last_line;
	long long	 sum;
	int		 stop_at;	/* return 0 at this row (0: never) */
	int		 bad;
};

static int
c_begin(void *arg, struct dataset *ds)
{
	struct counter	*c = arg;

	(void)ds;
	c->begins++;
	return 1;
}

static int
c_row(void *arg, struct dataset *ds, unsigned line, const char *const *cells,
    const size_t *lens, json_t *const *typed, size_t n)
{
	struct counter	*c = arg;

	(void)ds;
	c->rows++;
	c->last_line = line;
	if (n != 3 || strlen(cells[0]) != lens[0] || typed[0] == NULL)
		c->bad++;
	else if (json_is_integer(typed[2]))
		c->sum += json_integer_value(typed[2]);
	else if (!(typed[2] == NULL || json_is_null(typed[2])))
		c->bad++;
	return c->rows != c->stop_at;
}

static int
c_end(void *arg, struct dataset *ds)
{
	struct counter	*c = arg;

	(void)ds;
	c->ends++;
	return 1;
}

static void
test_sink(void)
{
	struct counter		 c;
	struct dataset_sink	 sink = { &c, c_begin, c_row, c_end };
	struct run		 r;

	setup();
	put("t.yaml", meta3);
	put("t.csv", "id,name,value\na,b,1\nb,\"c\nd\",20\nc,d,\nd,e,x\n"
	    "e,f,300\n");
	put("u.yaml", meta3);
	put("u.csv", "id,nam,value\na,b,1\n");
	memset(&c, 0, sizeof(c));
	run(&r, &sink);
	CHECK(c.begins == 2 && c.ends == 2 && c.rows == 5 && c.bad == 0);
	CHECK(c.sum == 321 && c.last_line == 7);
	run_free(&r);
	memset(&c, 0, sizeof(c));
	c.stop_at = 2;
	run(&r, &sink);
	CHECK(c.begins == 2 && c.ends == 2 && c.rows == 2 && !r.scanned);
	CHECK(get(&r, "t") && get(&r, "t")->rows == 2 &&
	    !get(&r, "t")->scanned);
	run_free(&r);
	teardown();
}

static void
test_single(void)
{
	struct diag	*d = diag_new();
	struct dataset	*ds;
	char		*out;

	setup();
	put("t.yaml", "title: T\ndescription: D\nschema:\n"
	    "  fields: [{name: id}, {name: up}]\n"
	    "  foreignKeys: [{fields: up, reference: {resource: t, fields: "
	    "id}}]\n");
	put("t.csv", "id,up\na,b\nb,zz\n");
	ds = dataset_load(d, "t", "datasets/t.csv", "datasets/t.yaml");
	CHECK(ds->ok && dataset_scan(ds, d, NULL));
	CHECK(ds->rows == 2 && json_array_size(ds->preview) == 2);
	dataset_free(ds);
	ds = dataset_load(d, "t", "datasets/t.csv", "datasets/t.yaml");
	CHECK(dataset_scan_all(&ds, 1, d, NULL) == 0);
	out = printed(d);
	CHECK_STR(out, "datasets/t.csv:3:3: error: foreign key 'up' = 'zz' "
	    "not found in dataset 't'\n");
	free(out);
	dataset_free(ds);
	ds = dataset_load(d, "t", "datasets/missing.csv", "datasets/t.yaml");
	CHECK(dataset_scan(ds, d, NULL) == 0);
	out = printed(d);
	CHECK_STR(out, "datasets/missing.csv: error: cannot open: No such "
	    "file or directory\n");
	free(out);
	dataset_free(ds);
	diag_free(d);
	teardown();
}

/* Heap in use, where the C library can say. */
static size_t
heap(void)
{
#ifdef __GLIBC__
	struct mallinfo2	 m = mallinfo2();

	return m.uordblks + m.hblkhd;	/* small blocks and mapped ones */
#else
	return 0;
#endif
}

struct watch {
	size_t		 at1000, last;
	int		 rows;
};

static int
w_row(void *arg, struct dataset *ds, unsigned line, const char *const *cells,
    const size_t *lens, json_t *const *typed, size_t n)
{
	struct watch	*w = arg;

	(void)ds;
	(void)line;
	(void)cells;
	(void)lens;
	(void)typed;
	(void)n;
	if (++w->rows == 1000)
		w->at1000 = heap();
	w->last = heap();
	return 1;
}

static void
test_memory(void)
{
	struct watch		 w;
	struct dataset_sink	 sink = { &w, NULL, w_row, NULL };
	struct run		 r;
	FILE			*fp;
	int			 i;

	setup();
	put("big.yaml", "title: Big\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: id}\n    - {name: name}\n"
	    "    - {name: value, type: number, constraints: {minimum: 0}}\n");
	if ((fp = fopen("datasets/big.csv", "w")) == NULL)
		abort();
	fputs("id,name,value\n", fp);
	for (i = 0; i < 200000; i++)
		fprintf(fp, "r%d,\"Đơn vị, số %d\",%d.5\n", i, i, i % 1000);
	fclose(fp);
	memset(&w, 0, sizeof(w));
	run(&r, &sink);
	CHECK(r.loaded && r.scanned && r.errors == 0);
	CHECK(r.n == 1 && r.v[0]->rows == 200000 && w.rows == 200000);
	CHECK(r.n == 1 && json_array_size(r.v[0]->preview) == 50);
	CHECK_STR(cell(&r, "big", 49, 1), "Đơn vị, số 49");
	/* No more than a few kilobytes of drift over 199,000 rows. */
	CHECK(w.last < w.at1000 + 65536);
	run_free(&r);
	teardown();
}

/* "Sở Thông tin và Truyền thông" in TCVN3 bytes, made with glibc's iconv. */
static size_t
tcvn3(char *out, size_t cap)
{
	char	 in[] = "id,name\n1,Sở Thông tin và Truyền thông\n";
	char	*ip = in, *op = out;
	size_t	 il = strlen(in), ol = cap;
	iconv_t	 cd = iconv_open("TCVN5712-1", "UTF-8");

	if (cd == (iconv_t)-1 || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		abort();
	iconv_close(cd);
	return cap - ol;
}

/* A declared legacy encoding is converted; an undeclared one is named. */
static void
test_encoding(void)
{
	struct run	 r;
	char		 bytes[256];
	size_t		 n = tcvn3(bytes, sizeof(bytes));
	const char	*meta = "title: E\ndescription: D\nencoding: tcvn3\n"
	    "schema: {fields: [{name: id, type: integer}, {name: name}]}\n";

	setup();
	put("e.yaml", meta);
	put_n("e.csv", bytes, n);
	run(&r, NULL);
	CHECK(r.loaded && r.scanned && r.errors == 0);
	CHECK(r.n == 1 && r.v[0]->rows == 1);
	CHECK_STR(json_string_value(json_array_get(json_array_get(
	    r.v[0]->preview, 0), 1)), "Sở Thông tin và Truyền thông");
	run_free(&r);
	put("e.yaml", "title: E\ndescription: D\n"
	    "schema: {fields: [{name: id, type: integer}, {name: name}]}\n");
	run(&r, NULL);
	CHECK(!r.scanned && r.errors == 1);
	CHECK(strstr(r.out, "datasets/e.csv:2:") != NULL);
	CHECK(strstr(r.out, "TCVN3") != NULL);
	CHECK(strstr(r.out, "encoding: tcvn3") != NULL);
	run_free(&r);
	teardown();
}

/* Spilled key sets. */

/* Integer keys: in order they take no room; out of order they still work. */
static void
test_spill_order(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;
	int		 i;

	setup();
	put("n.yaml", "title: N\ndescription: D\nschema:\n"
	    "  fields: [{name: id, type: integer}, {name: v}]\n"
	    "  primaryKey: id\n");
	put("n.csv", "id,v\n1,a\n2,b\n3,c\n4,d\n5,e\n3,f\n10,g\n7,h\n7,i\n"
	    "007,j\n-0,k\n0,l\n+10,m\n-9223372036854775808,n\n"
	    "-9223372036854775808,o\n9223372036854775807,p\n"
	    "9223372036854775807,q\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/n.csv:7:1: error: duplicate primary key '3' (first on "
	    "line 4)\n"
	    "datasets/n.csv:10:1: error: duplicate primary key '7' (first on "
	    "line 9)\n"
	    "datasets/n.csv:11:1: error: duplicate primary key '007' (first "
	    "on line 9)\n"
	    "datasets/n.csv:13:1: error: duplicate primary key '0' (first on "
	    "line 12)\n"
	    "datasets/n.csv:14:1: error: duplicate primary key '+10' (first "
	    "on line 8)\n"
	    "datasets/n.csv:16:1: error: duplicate primary key "
	    "'-9223372036854775808' (first on line 15)\n"
	    "datasets/n.csv:18:1: error: duplicate primary key "
	    "'9223372036854775807' (first on line 17)\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	/* A key out of order spills a long span, written in pieces. */
	buf_puts(&b, "id,v\n");
	for (i = 1; i <= 50; i++)
		buf_printf(&b, "%d,x\n", i);
	buf_puts(&b, "20,a\n60,b\n55,c\n55,d\n");
	put("n.csv", b.data);
	buf_release(&b);
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/n.csv:52:1: error: duplicate primary key '20' (first on "
	    "line 21)\n"
	    "datasets/n.csv:55:1: error: duplicate primary key '55' (first on "
	    "line 54)\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* Quotes, newlines and UTF-8 in keys, and three copies of one. */
static void
test_spill_text(void)
{
	struct run	 r;

	setup();
	put("t.yaml", "title: T\ndescription: D\nschema:\n"
	    "  fields:\n"
	    "    - {name: id}\n"
	    "    - {name: name, constraints: {unique: true}}\n"
	    "  primaryKey: id\n");
	put("t.csv", "id,name\n"
	    "a,\"x \"\"q\"\"\ny\"\n"
	    "b,\"Thành phố Hồ Chí Minh, quận Một, phường Bến Nghé\"\n"
	    "a,\"Huế\"\n"
	    "\"a\",\"x \"\"q\"\"\ny\"\n"
	    "c,\"Thành phố Hồ Chí Minh, quận Một, phường Bến Nghé\"\n"
	    "Hue\xCC\x81,e\n"
	    "Hu\xC3\xA9,f\n");
	run(&r, NULL);
	CHECK(said(&r,
	    "datasets/t.csv:5:1: error: duplicate primary key 'a' (first on "
	    "line 2)\n"
	    "datasets/t.csv:6:1: error: duplicate primary key 'a' (first on "
	    "line 2)\n"
	    "datasets/t.csv:6:5: error: field 'name' (string): duplicate "
	    "value 'x \"q\"...' (first on line 2)\n"
	    "datasets/t.csv:8:3: error: field 'name' (string): duplicate "
	    "value 'Thành phố Hồ Chí Minh, quận Một, phường ...' (first on "
	    "line 4)\n"
	    "datasets/t.csv:10:1: error: duplicate primary key 'Hu\xC3\xA9' "
	    "(first on line 9)\n"));
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* The lines rows start on, as the generator below writes them. */
static unsigned	 lines[1000];

/*
 * Write "n" rows of a table of units: an id in a scrambled order, a
 * unique name (every third with quotes and a newline), a unique integer
 * code (some written "007"), a parent that is another row's id (some
 * unknown); with repeats at rows "dup" (a copy of row dup[i] - 1000, or
 * of the row before for values under 1000).
 */
static void
units(const char *name, int n)
{
	struct buf	 b = BUF_INIT;
	unsigned	 line = 2;
	int		 i, id;

	buf_puts(&b, "id,name,code,parent\n");
	for (i = 0; i < n; i++) {
		lines[i] = line;
		id = (i * 37) % n;
		if (i == 150 || i == 300)
			id = (10 * 37) % n;	/* three copies */
		if (i == 201)
			id = (200 * 37) % n;
		buf_printf(&b, "k%d,", id);
		if (i == 250 || i % 3 == 0) {
			buf_printf(&b, "\"Tên \"\"%d\"\"\nhai dòng\",",
			    i == 250 ? 3 : i);
			line++;
		} else
			buf_printf(&b, "Huế %d,", i == 131 ? 130 : i);
		if (i == 333)
			buf_puts(&b, "+39,");
		else
			buf_printf(&b, i % 10 == 5 ? "00%d," : "%d,",
			    (i * 13) % 1000);
		if (i % 40 == 0)
			buf_printf(&b, "nope%d\n", i);
		else if (i % 40 == 1)
			buf_puts(&b, "\n");
		else
			buf_printf(&b, "k%d\n", ((i + 7) * 37) % n);
		line++;
	}
	put(name, b.data);
	buf_release(&b);
}

/* Many keys: duplicates, self-references, keys of other datasets. */
static void
test_spill_many(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;
	char		 want[256];
	int		 i;

	setup();
	put("t.yaml", "title: T\ndescription: D\nschema:\n"
	    "  fields:\n"
	    "    - {name: id}\n"
	    "    - {name: name, constraints: {unique: true}}\n"
	    "    - {name: code, type: integer, constraints: {unique: true}}\n"
	    "    - {name: parent}\n"
	    "  primaryKey: id\n"
	    "  foreignKeys:\n"
	    "    - {fields: parent, reference: {resource: '', fields: id}}\n");
	units("t.csv", 400);
	put("v.yaml", "title: V\ndescription: D\nschema:\n"
	    "  fields: [{name: unit}, {name: year, type: year}, "
	    "{name: value, type: number}]\n"
	    "  primaryKey: [unit, year]\n"
	    "  foreignKeys:\n"
	    "    - {fields: unit, reference: {resource: t, fields: id}}\n");
	buf_puts(&b, "unit,year,value\n");
	for (i = 0; i < 300; i++)
		buf_printf(&b, "%s%d,%d,%d.5\n", i % 29 == 0 ? "zz" : "k",
		    (i * 7) % 50, 2000 + (i % 97 == 96 ? 0 : i / 50), i);
	put("v.csv", b.data);
	buf_reset(&b);
	put("w.yaml", "title: W\ndescription: D\nschema:\n"
	    "  fields: [{name: u}, {name: y, type: year}]\n"
	    "  foreignKeys:\n"
	    "    - {fields: [u, y], reference: {resource: v, fields: "
	    "[unit, year]}}\n");
	buf_puts(&b, "u,y\n");
	for (i = 0; i < 200; i++)
		buf_printf(&b, "k%d,%d\n", (i * 7) % 50, 2000 + i % 7);
	put("w.csv", b.data);
	buf_release(&b);
	run(&r, NULL);
	CHECK(r.loaded && !r.scanned && r.errors > 50);
	snprintf(want, sizeof(want), "datasets/t.csv:%u:1: error: duplicate "
	    "primary key 'k370' (first on line %u)\n", lines[150], lines[10]);
	CHECK(strstr(r.out, want) != NULL);
	snprintf(want, sizeof(want), "datasets/t.csv:%u:1: error: duplicate "
	    "primary key 'k370' (first on line %u)\n", lines[300], lines[10]);
	CHECK(strstr(r.out, want) != NULL);
	snprintf(want, sizeof(want), "datasets/t.csv:%u:5: error: field "
	    "'name' (string): duplicate value 'Tên \"3\"...' (first on line "
	    "%u)\n", lines[250], lines[3]);	/* row 250 is "k50,..." */
	CHECK(strstr(r.out, want) != NULL);
	CHECK(strstr(r.out, "(integer): duplicate value '+39' (first on "
	    "line") != NULL);
	CHECK(strstr(r.out, "foreign key 'parent' = 'nope40' not found in "
	    "dataset 't'\n") != NULL);
	CHECK(strstr(r.out, "foreign key 'unit' = 'zz0' not found in "
	    "dataset 't'\n") != NULL);
	CHECK(strstr(r.out, "datasets/w.csv:") != NULL);
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/*
 * Past DATASET_ERRORS_MAX, the errors printed are the first ones in the
 * order of the rows, even when duplicates are found at the end.
 */
static void
test_spill_cap(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;
	int		 i;

	setup();
	put("t.yaml", "title: T\ndescription: D\nschema:\n"
	    "  fields: [{name: id}, {name: value, type: integer}]\n"
	    "  primaryKey: id\n");
	buf_puts(&b, "id,value\n");
	for (i = 0; i < 300; i++)
		buf_printf(&b, "a%d,%s\n", i < 150 ? (i * 11) % 150 : i - 150,
		    i < 200 ? "1" : "x");
	put("t.csv", b.data);
	buf_release(&b);
	run(&r, NULL);
	CHECK(r.errors == DATASET_ERRORS_MAX + 1);
	CHECK(strstr(r.out, "datasets/t.csv:152:1: error: duplicate primary "
	    "key 'a0' (first on line 2)\n") != NULL);
	/* Row 224 (line 226) holds errors 99 and 100; 41 is 1/11 mod 150. */
	CHECK(strstr(r.out, "datasets/t.csv:226:1: error: duplicate primary "
	    "key 'a74' (first on line 36)\n"
	    "datasets/t.csv:226:5: error: field 'value' (integer): 'x' is not "
	    "an integer\n"
	    "datasets/t.csv:302: error: ... and 150 more errors in this "
	    "file\n") != NULL);
	CHECK(strstr(r.out, "t.csv:227:") == NULL);
	CHECK(same_spilled(&r));
	run_free(&r);
	teardown();
}

/* The number of entries in the folder "path". */
static int
entries(const char *path)
{
	DIR		*d = opendir(path);
	struct dirent	*e;
	int		 n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d != NULL)
		closedir(d);
	return n;
}

static int
t_row(void *arg, struct dataset *ds, unsigned line, const char *const *cells,
    const size_t *lens, json_t *const *typed, size_t n)
{
	int	*most = arg, e = entries(getenv("TMPDIR"));

	(void)ds;
	(void)line;
	(void)cells;
	(void)lens;
	(void)typed;
	(void)n;
	if (e > *most)
		*most = e;
	return 1;
}

/* Temporary files are in $TMPDIR, removed at once; failing to make one. */
static void
test_spill_files(void)
{
	int			 most = 0;
	struct dataset_sink	 sink = { &most, NULL, t_row, NULL };
	struct run		 r;
	char			 tmp[128], *old = getenv("TMPDIR");

	old = old ? strdup(old) : NULL;
	setup();
	snprintf(tmp, sizeof(tmp), "%s/tmp", dir);
	if (mkdir(tmp, 0755) != 0)
		abort();
	setenv("TMPDIR", tmp, 1);
	put("t.yaml", "title: T\ndescription: D\nschema:\n"
	    "  fields: [{name: id}, {name: n, type: integer}]\n"
	    "  primaryKey: id\n");
	put("t.csv", "id,n\nb,1\na,2\nc,3\nb,4\nd,5\n");
	dataset_set_key_budget(1);
	run(&r, &sink);
	CHECK(said(&r, "datasets/t.csv:5:1: error: duplicate primary key 'b' "
	    "(first on line 2)\n"));
	CHECK(most == 0 && entries(tmp) == 0);
	run_free(&r);
	setenv("TMPDIR", "/nonexistent/planpress", 1);
	run(&r, NULL);
	CHECK(!r.scanned && get(&r, "t") && !get(&r, "t")->scanned);
	CHECK(strstr(r.out, "/nonexistent/planpress: error: cannot use a "
	    "temporary file of keys: No such file or directory\n") != NULL);
	run_free(&r);
	dataset_set_key_budget(0);
	if (old != NULL)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	teardown();
}

struct peak {
	size_t		 at1000, most;
	int		 rows;
};

static int
p_row(void *arg, struct dataset *ds, unsigned line, const char *const *cells,
    const size_t *lens, json_t *const *typed, size_t n)
{
	struct peak	*p = arg;
	size_t		 h = heap();

	(void)ds;
	(void)line;
	(void)cells;
	(void)lens;
	(void)typed;
	(void)n;
	if (++p->rows == 1000)
		p->at1000 = h;
	if (h > p->most)
		p->most = h;
	return 1;
}

/* Memory stays within the budget; ids in order take none. */
static void
test_memory_keys(void)
{
	struct peak		 p;
	struct dataset_sink	 sink = { &p, NULL, p_row, NULL };
	struct run		 r;
	FILE			*fp;
	int			 i;

	setup();
	put("big.yaml", "title: Big\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: id, type: integer}\n"
	    "    - {name: name, constraints: {unique: true}}\n"
	    "  primaryKey: id\n");
	if ((fp = fopen("datasets/big.csv", "w")) == NULL)
		abort();
	fputs("id,name\n", fp);
	for (i = 0; i < 200000; i++)
		fprintf(fp, "%d,name %d\n", i + 1, (i * 7919) % 200000);
	fputs("77,name 7919\n", fp);
	fclose(fp);
	memset(&p, 0, sizeof(p));
	dataset_set_key_budget(1 << 20);
	run(&r, &sink);
	CHECK(said(&r,
	    "datasets/big.csv:200002:1: error: duplicate primary key '77' "
	    "(first on line 78)\n"
	    "datasets/big.csv:200002:4: error: field 'name' (string): "
	    "duplicate value 'name 7919' (first on line 3)\n"));
	/* Not the ~8 MB of 200,000 names in memory. */
	CHECK(p.rows == 200001 && p.most < p.at1000 + (1 << 20) + 262144);
	run_free(&r);
	dataset_set_key_budget(0);
	put("big.yaml", "title: Big\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: id, type: integer}\n    - {name: name}\n"
	    "  primaryKey: id\n");
	memset(&p, 0, sizeof(p));
	run(&r, &sink);
	CHECK(r.errors == 1 && strstr(r.out, "(first on line 78)") != NULL);
	CHECK(p.rows == 200001 && p.most < p.at1000 + 65536);
	run_free(&r);
	teardown();
}

/*
 * Bounds of one record: a cell of 32,767 characters (multi-byte ones
 * too) is fine, one more is an error at the cell as soon as the scan
 * reaches it, with nothing more of it buffered; a 64 MB cell costs
 * less than 2 MB of heap; rows with far more cells than fields
 * are counted, not kept; a header of 200,000 columns and a schema of
 * 16,000 fields are checked in linear time, and a schema of more
 * fields than a spreadsheet has columns is an error.
 */
static void
test_bounds(void)
{
	struct run	 r;
	struct buf	 b = BUF_INIT;
	size_t		 i, before;
	clock_t		 t0;

	setup();
	put("a.yaml", meta3);
	buf_puts(&b, "id,name,value\n1,");
	for (i = 0; i < DATASET_CELL_MAX; i++)
		buf_puts(&b, "\xe1\xbb\x87");		/* U+1EC7 */
	buf_puts(&b, ",3\n2,\"");
	for (i = 0; i <= DATASET_CELL_MAX; i++)
		buf_putc(&b, i % 100 == 99 ? ',' : 'x');
	buf_puts(&b, "\",4\n");
	put_n("a.csv", b.data, b.len);
	run(&r, NULL);
	CHECK(said(&r, "datasets/a.csv:3:3: error: cell is longer than 32767 "
	    "characters, the most a spreadsheet cell holds\n"));
	CHECK(get(&r, "a") && get(&r, "a")->rows == 1);
	run_free(&r);

	buf_reset(&b);
	buf_puts(&b, "id,name,value\n1,x,3\n2,");
	for (i = 0; i < (64u << 20); i += 4096) {
		buf_grow(&b, 4096);
		memset(b.data + b.len, 'y', 4096);
		b.len += 4096;
	}
	b.data[b.len] = '\0';
	buf_puts(&b, ",3\n");
	put_n("a.csv", b.data, b.len);
	buf_release(&b);
	before = heap();
	r.d = diag_new();
	r.loaded = dataset_load_all(r.d, "datasets", &r.v, &r.n);
	r.scanned = dataset_scan_all(r.v, r.n, r.d, NULL);
	CHECK(heap() < before + (2u << 20));
	r.out = printed(r.d);
	CHECK(said(&r, "datasets/a.csv:3:3: error: cell is longer than 32767 "
	    "characters, the most a spreadsheet cell holds\n"));
	run_free(&r);

	buf_puts(&b, "id,name,value\n1,x,3\n");
	for (i = 0; i < 200000; i++)
		buf_puts(&b, "1,");
	buf_puts(&b, "1\n");
	put_n("a.csv", b.data, b.len);
	run(&r, NULL);
	CHECK(said(&r, "datasets/a.csv:3:7: error: row has 200001 cells, but "
	    "the header has 3\n"));
	run_free(&r);

	buf_reset(&b);
	buf_puts(&b, "title: T\ndescription: D\nschema:\n  fields:\n");
	for (i = 0; i < 16000; i++)
		buf_printf(&b, "    - name: c%zu\n", i);
	put_n("a.yaml", b.data, b.len);
	buf_reset(&b);
	for (i = 0; i < 200000; i++)
		buf_printf(&b, "%sc%zu", i ? "," : "", i % 16000);
	buf_puts(&b, "\n");
	put_n("a.csv", b.data, b.len);
	t0 = clock();
	run(&r, NULL);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 10);
	CHECK(r.errors == 101);
	CHECK(strstr(r.out, "datasets/a.csv:1:100891: error: duplicate column "
	    "'c0' in the header\n") != NULL);
	run_free(&r);

	buf_reset(&b);
	buf_puts(&b, "title: T\ndescription: D\nschema:\n  fields:\n");
	for (i = 0; i <= DATASET_FIELDS_MAX; i++)
		buf_printf(&b, "    - name: c%zu\n", i);
	put_n("a.yaml", b.data, b.len);
	run(&r, NULL);
	CHECK(said(&r, "datasets/a.yaml:5:5: error: schema has 16385 fields, "
	    "more than the 16384 columns a spreadsheet holds\n"));
	run_free(&r);
	buf_release(&b);
	teardown();
}

int
main(void)
{
	test_encoding();
	test_positions();
	test_columns();
	test_header();
	test_rows();
	test_quotes();
	test_utf8();
	test_keys();
	test_composite();
	test_foreign();
	test_foreign_incomplete();
	test_cycle();
	test_pairs();
	test_no_folder();
	test_metadata();
	test_metadata_values();
	test_cap();
	test_sink();
	test_single();
	test_memory();
	test_spill_order();
	test_spill_text();
	test_spill_many();
	test_spill_cap();
	test_spill_files();
	test_memory_keys();
	test_bounds();
	return CHECK_DONE("dataset");
}
