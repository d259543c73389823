/*
 * Unit tests for xlsx.c: typed cells read back from the sheet XML (numbers,
 * booleans, blanks, strings that look like formulas stored as inline text
 * and never as <f>), the formula warnings, the dictionary sheet, sheet
 * names, splitting at the row limit, fixed document dates and the same
 * bytes from two runs.
 */
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "xalloc.h"
#include "check.h"

#define EPOCH	((time_t)1715867131)	/* 2024-05-16T13:45:31Z */

static char	 dir[64];

static const char *const names[] = { "id", "name", "value", "ok", "note" };

/* The entry "name" of the zip "path" into "out" ("" when missing). */
static void
entry(const char *path, const char *name, struct buf *out)
{
	zip_t		*za;
	zip_file_t	*zf;
	char		 chunk[4096];
	zip_int64_t	 n;

	buf_reset(out);
	if ((za = zip_open(path, ZIP_RDONLY, NULL)) == NULL)
		return;
	if ((zf = zip_fopen(za, name, 0)) != NULL) {
		while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
			buf_put(out, chunk, (size_t)n);
		zip_fclose(zf);
	}
	zip_close(za);
}

/* 1 if the files "a" and "b" have the same bytes. */
static int
same_bytes(const char *a, const char *b)
{
	struct diag	*d = diag_new();
	struct buf	 x = BUF_INIT, y = BUF_INIT;
	int		 same;

	same = fsin_read(d, a, a, &x) && fsin_read(d, b, b, &y) &&
	    x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
	buf_release(&x);
	buf_release(&y);
	diag_free(d);
	return same;
}

/* Everything "d" holds, printed, as a string to free(). */
static char *
printed(struct diag *d)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&text, &len);

	diag_print(d, fp);
	fclose(fp);
	return text;
}

/* Append a row of the five fields from a JSON array text. */
static int
row(struct xlsx *x, const char *json, unsigned line)
{
	json_t		*a = json_loads(json, JSON_DECODE_ANY, NULL);
	json_t		*v[5];
	size_t		 i;
	int		 ok;

	for (i = 0; i < 5; i++)
		v[i] = json_array_get(a, i);
	ok = xlsx_row(x, v, json_array_size(a), line, "datasets/x.csv");
	json_decref(a);
	return ok;
}

static const char *fields_json =
    "[{\"name\": \"id\", \"type\": \"integer\", \"title\": \"M\xC3\xA3\","
    "  \"constraints\": {\"required\": true, \"minimum\": 0}},"
    " {\"name\": \"name\", \"description\": \"=not a formula\"},"
    " {\"name\": \"value\", \"type\": \"number\", \"unit\": \"%\","
    "  \"constraints\": {\"enum\": [1, 2.5]}},"
    " {\"name\": \"ok\", \"type\": \"boolean\"},"
    " {\"name\": \"note\", \"type\": \"string\"}]";

/* Write the small table to "path"; 1 if every call succeeded. */
static int
small(struct diag *d, const char *path)
{
	struct xlsx	*x = xlsx_new(d, path, "data", names, 5);
	json_t		*fields = json_loads(fields_json, 0, NULL);
	int		 ok = x != NULL;

	if (x == NULL)
		return 0;
	xlsx_set_title(x, "B\xE1\xBA\xA3ng <1>");
	xlsx_set_time(x, EPOCH);
	ok &= row(x, "[1, \"=1+2\", 1.5, true, null]", 2);
	ok &= row(x, "[-7, \"+84 234 3822\", 0.1, false, \"2024-05-16\"]",
	    3);
	ok &= row(x, "[3, \"plain\", null, true, \" spaced \"]", 4);
	ok &= row(x, "[9007199254740993, \"@SUM(A1)\", 1e20, false, "
	    "\"_x0041_ \\u0001\"]", 5);
	ok &= row(x, "[4, \"-\", -0.25, null, [1, \"a\"]]", 6);
	ok &= row(x, "[5, \"\"]", 7);
	ok &= xlsx_dictionary(x, fields);
	json_decref(fields);
	ok &= xlsx_close(x);
	return ok;
}

/* A made-up place for cell "i": line 9, column 1 + 10 i. */
static void
fake_place(void *arg, size_t i, unsigned *line, unsigned *col)
{
	(void)arg;
	*line = 9;
	*col = 1 + 10 * (unsigned)i;
}

/* Warnings name the cell's own line and column when they are known. */
static void
test_locate(void)
{
	struct diag	*d = diag_new();
	char		*p = fsin_join(dir, "located.xlsx");
	struct xlsx	*x = xlsx_new(d, p, "data", names, 5);
	char		*text;

	CHECK(x != NULL);
	if (x == NULL)
		return;
	xlsx_set_locate(x, fake_place, NULL);
	CHECK(row(x, "[1, \"=1+2\", 1.5, true, \"@x\"]", 2));
	CHECK(xlsx_close(x));
	text = printed(d);
	CHECK_STR(text,
	    "datasets/x.csv:9:11: warning: field 'name': '=1+2' looks like a "
	    "spreadsheet formula; stored as text\n"
	    "datasets/x.csv:9:41: warning: field 'note': '@x' looks like a "
	    "spreadsheet formula; stored as text\n");
	free(text);
	free(p);
	diag_free(d);
}

static void
test_small(void)
{
	struct diag	*d = diag_new();
	char		*p1 = fsin_join(dir, "one.xlsx");
	char		*p2 = fsin_join(dir, "two.xlsx");
	char		*text;
	struct buf	 b = BUF_INIT;

	unsetenv("SOURCE_DATE_EPOCH");
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK(small(d, p1));
	CHECK(diag_errors(d) == 0);
	CHECK(diag_warnings(d) == 4);	/* a lone "-" is no formula */
	text = printed(d);
	CHECK_STR(text,
	    "datasets/x.csv:2: warning: field 'name': '=1+2' looks like a "
	    "spreadsheet formula; stored as text\n"
	    "datasets/x.csv:3: warning: field 'name': '+84 234 3822' looks "
	    "like a spreadsheet formula; stored as text\n"
	    "datasets/x.csv:5: warning: field 'id': 9007199254740993 is too "
	    "large for a spreadsheet number; stored as text\n"
	    "datasets/x.csv:5: warning: field 'name': '@SUM(A1)' looks like "
	    "a spreadsheet formula; stored as text\n");
	free(text);

	entry(p1, "xl/worksheets/sheet1.xml", &b);
	CHECK(b.len > 0);
	CHECK(strstr(b.data, "<f>") == NULL && strstr(b.data, "<f ") == NULL);
	CHECK(strstr(b.data, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
	    "activePane=\"bottomLeft\" state=\"frozen\"/>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>id"
	    "</t></is></c>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A2\"><v>1</v></c><c r=\"B2\" "
	    "t=\"inlineStr\"><is><t>=1+2</t></is></c><c r=\"C2\"><v>1.5</v>"
	    "</c><c r=\"D2\" t=\"b\"><v>1</v></c></row>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A3\"><v>-7</v></c>") != NULL);
	CHECK(strstr(b.data, "<c r=\"C3\"><v>0.1</v></c><c r=\"D3\" "
	    "t=\"b\"><v>0</v></c><c r=\"E3\" t=\"inlineStr\"><is><t>"
	    "2024-05-16</t></is></c>") != NULL);
	CHECK(strstr(b.data, "<c r=\"B4\" t=\"inlineStr\"><is><t>plain</t>"
	    "</is></c><c r=\"D4\"") != NULL);		/* C4 blank */
	CHECK(strstr(b.data, "<t xml:space=\"preserve\"> spaced </t>") !=
	    NULL);
	CHECK(strstr(b.data, "<c r=\"A5\" t=\"inlineStr\"><is><t>"
	    "9007199254740993</t>") != NULL);
	CHECK(strstr(b.data, "<t>@SUM(A1)</t>") != NULL);
	CHECK(strstr(b.data, "<v>1E+20</v>") != NULL);
	CHECK(strstr(b.data, "<t>_x005F_x0041_ _x0001_</t>") != NULL);
	CHECK(strstr(b.data, "<c r=\"C6\"><v>-0.25</v></c><c r=\"E6\" "
	    "t=\"inlineStr\"><is><t>[1,\"a\"]</t>") != NULL);
	CHECK(strstr(b.data, "<row r=\"7\"><c r=\"A7\"><v>5</v></c></row>")
	    != NULL);					/* "" is blank */
	CHECK(strstr(b.data, "<dimension ref=\"A1:E7\"/>") != NULL);

	entry(p1, "xl/worksheets/sheet2.xml", &b);
	CHECK(strstr(b.data, "<t>constraints</t>") != NULL);
	CHECK(strstr(b.data, "<t>required: true; minimum: 0</t>") != NULL);
	CHECK(strstr(b.data, "<t>enum: [1,2.5]</t>") != NULL);
	CHECK(strstr(b.data, "<t>M\xC3\xA3</t>") != NULL);
	CHECK(strstr(b.data, "<c r=\"B3\" t=\"inlineStr\"><is><t>string</t>")
	    != NULL);					/* default type */
	CHECK(strstr(b.data, "<t>=not a formula</t>") != NULL);
	CHECK(strstr(b.data, "<f>") == NULL);

	entry(p1, "xl/workbook.xml", &b);
	CHECK(strstr(b.data, "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\""
	    "/><sheet name=\"dictionary\" sheetId=\"2\"") != NULL);
	entry(p1, "docProps/core.xml", &b);
	CHECK(strstr(b.data, "<dc:title>B\xE1\xBA\xA3ng &lt;1&gt;</dc:title>")
	    != NULL);
	CHECK(strstr(b.data, ">2024-05-16T13:45:31Z</dcterms:created>") !=
	    NULL);
	CHECK(strstr(b.data, ">2024-05-16T13:45:31Z</dcterms:modified>") !=
	    NULL);

	/* A second run, a second later and in another zone: same bytes. */
	sleep(1);
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	CHECK(small(d, p2));
	CHECK(same_bytes(p1, p2));
	unlink(p2);

	/* SOURCE_DATE_EPOCH wins. */
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	CHECK(small(d, p2));
	entry(p2, "docProps/core.xml", &b);
	CHECK(strstr(b.data, ">2023-11-14T22:13:20Z</dcterms:created>") !=
	    NULL);
	CHECK(!same_bytes(p1, p2));
	unsetenv("SOURCE_DATE_EPOCH");
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK(diag_errors(d) == 0);

	buf_release(&b);
	unlink(p1);
	unlink(p2);
	free(p1);
	free(p2);
	diag_free(d);
}

static void
test_split(void)
{
	static const char *const one[] = { "n" };
	struct diag	*d = diag_new();
	char		*p = fsin_join(dir, "split.xlsx");
	struct xlsx	*x;
	struct buf	 b = BUF_INIT;
	json_t		*v;
	int		 i, ok = 1;

	/* 39 characters: cut to 31, or to 27 before " (2)". */
	x = xlsx_new(d, p, "'T:i/t?[l]\xE1\xBB\x87 of a very long dataset name",
	    one, 1);
	CHECK(x != NULL);
	xlsx_set_row_limit(x, 5);
	for (i = 1; i <= 10; i++) {
		v = json_integer(i);
		ok &= xlsx_row(x, &v, 1, (unsigned)i + 1, "n.csv");
		json_decref(v);
	}
	CHECK(ok);
	v = json_loads("[{\"name\": \"n\"}]", 0, NULL);
	CHECK(xlsx_dictionary(x, v));
	json_decref(v);
	CHECK(xlsx_close(x));
	CHECK(diag_errors(d) == 0 && diag_warnings(d) == 0);

	entry(p, "xl/workbook.xml", &b);
	CHECK(strstr(b.data,
	    "<sheet name=\"T_i_t__l_\xE1\xBB\x87 of a very long datas\" "
	    "sheetId=\"1\" r:id=\"rId1\"/>"
	    "<sheet name=\"T_i_t__l_\xE1\xBB\x87 of a very long d (2)\" "
	    "sheetId=\"2\" r:id=\"rId2\"/>"
	    "<sheet name=\"T_i_t__l_\xE1\xBB\x87 of a very long d (3)\" "
	    "sheetId=\"3\" r:id=\"rId3\"/>"
	    "<sheet name=\"dictionary\" sheetId=\"4\" r:id=\"rId4\"/>") !=
	    NULL);
	entry(p, "xl/worksheets/sheet1.xml", &b);
	CHECK(strstr(b.data, "<dimension ref=\"A1:A5\"/>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A5\"><v>4</v></c>") != NULL);
	entry(p, "xl/worksheets/sheet2.xml", &b);
	CHECK(strstr(b.data, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>n"
	    "</t></is></c>") != NULL);
	CHECK(strstr(b.data, "state=\"frozen\"") != NULL);
	CHECK(strstr(b.data, "<c r=\"A2\"><v>5</v></c>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A5\"><v>8</v></c>") != NULL);
	entry(p, "xl/worksheets/sheet3.xml", &b);
	CHECK(strstr(b.data, "<dimension ref=\"A1:A3\"/>") != NULL);
	CHECK(strstr(b.data, "<c r=\"A3\"><v>10</v></c>") != NULL);
	entry(p, "xl/worksheets/sheet4.xml", &b);
	CHECK(strstr(b.data, "<t>description</t>") != NULL);

	/* Exactly at the limit: no empty extra sheet. */
	unlink(p);
	x = xlsx_new(d, p, "dictionary", one, 1);
	xlsx_set_row_limit(x, 3);
	for (i = 1; i <= 2; i++) {
		v = json_integer(i);
		ok &= xlsx_row(x, &v, 1, (unsigned)i + 1, "n.csv");
		json_decref(v);
	}
	v = json_array();
	CHECK(xlsx_dictionary(x, v));
	json_decref(v);
	CHECK(xlsx_close(x));
	entry(p, "xl/workbook.xml", &b);
	CHECK(strstr(b.data, "<sheet name=\"dictionary\" sheetId=\"1\" "
	    "r:id=\"rId1\"/><sheet name=\"dictionary (fields)\" sheetId=\"2\""
	    " r:id=\"rId2\"/></sheets>") != NULL);

	buf_release(&b);
	unlink(p);
	free(p);
	diag_free(d);
}

static void
test_errors(void)
{
	struct diag	*d = diag_new();
	char		*p = fsin_join(dir, "bad.xlsx");
	char		*big, *text;
	struct xlsx	*x;
	json_t		*v[2];

	CHECK(xlsx_new(d, p, "data", names, 0) == NULL);
	CHECK(diag_errors(d) == 1);
	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	CHECK(xlsx_new(d, p, "data", names, 2) == NULL);
	CHECK(diag_errors(d) == 2);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(xlsx_close(NULL) == 0);

	x = xlsx_new(d, p, "data", names, 2);
	xlsx_set_display(x, "datasets/big.csv");
	big = xmalloc(40000);
	memset(big, 'a', 39999);
	big[39999] = '\0';
	v[0] = json_integer(1);
	v[1] = json_string(big);
	CHECK(xlsx_row(x, v, 2, 9, "big.csv") == 0);
	json_decref(v[1]);
	v[1] = json_string("ok");
	CHECK(xlsx_row(x, v, 2, 10, "big.csv") == 1);
	json_decref(v[0]);
	json_decref(v[1]);
	v[0] = json_string("not a list");
	CHECK(xlsx_dictionary(x, v[0]) == 0);
	json_decref(v[0]);
	CHECK(xlsx_close(x) == 1);
	CHECK(diag_errors(d) == 4);
	text = printed(d);
	CHECK(strstr(text, "big.csv:9: error: field 'name': text longer than "
	    "a spreadsheet cell holds (32767 characters)\n") != NULL);
	CHECK(strstr(text, "datasets/big.csv: error: dictionary: fields is not "
	    "a list\n") != NULL);
	CHECK(strstr(text, "planpress: error: SOURCE_DATE_EPOCH 'soon' is not "
	    "a number of seconds\n") != NULL);
	CHECK(strstr(text, "error: a spreadsheet holds 1 to 16384 fields, "
	    "not 0\n") != NULL);
	free(text);
	free(big);

	/* A directory that does not exist. */
	free(p);
	p = fsin_join(dir, "missing/x.xlsx");
	CHECK(xlsx_new(d, p, "data", names, 2) == NULL);
	CHECK(diag_errors(d) == 5);
	text = printed(d);
	CHECK(strstr(text, "/missing: error: cannot write spreadsheet there: "
	    "No such file or directory\n") != NULL);
	free(text);
	free(p);
	diag_free(d);
}

int
main(void)
{
	const char	*tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/xlsxXXXXXX",
	    tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	test_small();
	test_locate();
	test_split();
	test_errors();
	rmdir(dir);
	return CHECK_DONE("xlsx");
}
