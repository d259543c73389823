/*
 * Unit tests for schema.c: every field type and its options, every
 * constraint, missing values, the messages for bad cells, the errors
 * for bad schemas at their YAML position, and the Frictionless
 * descriptor.
 */
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "meta.h"

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

struct fixture {
	struct diag	*d;
	struct meta	*m;
	struct schema	*s;
};

/* Parse the schema written in YAML as "src" (the file "s.yaml"). */
static int
load(struct fixture *f, const char *src)
{
	f->d = diag_new();
	f->s = NULL;
	f->m = meta_parse(f->d, "s.yaml", 1, src, strlen(src));
	if (f->m != NULL)
		f->s = schema_parse(f->d, f->m, meta_root(f->m),
		    meta_root_loc(f->m));
	return f->s != NULL;
}

static void
unload(struct fixture *f)
{
	schema_free(f->s);
	meta_free(f->m);
	diag_free(f->d);
}

/* A schema of one field "f" written as the flow mapping "field". */
static int
load_field(struct fixture *f, const char *field)
{
	struct buf	 b = BUF_INIT;
	int		 ok;

	buf_printf(&b, "fields: [{name: f, %s}]\n", field);
	ok = load(f, b.data);
	buf_release(&b);
	return ok;
}

/* 1 if "cell" in field "field" gives the JSON "want". */
static int
cell_is(const char *field, const char *cell, const char *want)
{
	struct fixture	 f;
	struct buf	 why = BUF_INIT;
	json_t		*v = NULL;
	char		*got = NULL, *diags;
	int		 ok;

	if (load_field(&f, field))
		v = schema_cell(f.s, 0, cell, strlen(cell), &why);
	if (v != NULL)
		got = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	ok = got != NULL && strcmp(got, want) == 0;
	if (!ok) {
		diags = printed(f.d);
		printf("  {%s} '%s' gave %s (%s%s), want %s\n", field, cell,
		    got ? got : "NULL", why.data, diags, want);
		free(diags);
	}
	free(got);
	json_decref(v);
	buf_release(&why);
	unload(&f);
	return ok;
}

/* 1 if "cell" in field "field" is refused with the message "want". */
static int
cell_fails(const char *field, const char *cell, const char *want)
{
	struct fixture	 f;
	struct buf	 why = BUF_INIT;
	json_t		*v = NULL;
	int		 ok = 0;

	if (load_field(&f, field)) {
		v = schema_cell(f.s, 0, cell, strlen(cell), &why);
		ok = v == NULL && strcmp(why.data, want) == 0;
	}
	if (!ok)
		printf("  {%s} '%s' gave '%s', want '%s'\n", field, cell,
		    why.data, want);
	json_decref(v);
	buf_release(&why);
	unload(&f);
	return ok;
}

/* 1 if the schema "src" is refused (or warned about) with "want". */
static int
schema_says(const char *src, int parses, const char *want)
{
	struct fixture	 f;
	char		*got;
	int		 ok;

	ok = load(&f, src) == parses;
	got = printed(f.d);
	ok &= strcmp(got, want) == 0;
	if (!ok)
		printf("  %s  gave (%s):\n%s  want:\n%s", src, f.s ? "parsed" :
		    "refused", got, want);
	free(got);
	unload(&f);
	return ok;
}

static void
test_string(void)
{
	CHECK(cell_is("type: string", "abc", "\"abc\""));
	CHECK(cell_is("title: F", "Huế", "\"Huế\""));
	CHECK(cell_is("type: string, format: email", "a@b.vn", "\"a@b.vn\""));
	CHECK(cell_fails("type: string, format: email", "a@b",
	    "field 'f' (string): 'a@b' is not an email address"));
	CHECK(cell_is("type: string, format: uri", "https://x.vn/a",
	    "\"https://x.vn/a\""));
	CHECK(cell_fails("type: string, format: uri", "x.vn",
	    "field 'f' (string): 'x.vn' is not a URI"));
	CHECK(cell_is("type: string, format: uuid",
	    "123e4567-e89b-12d3-a456-426614174000",
	    "\"123e4567-e89b-12d3-a456-426614174000\""));
	CHECK(cell_fails("type: string, format: uuid", "123e4567",
	    "field 'f' (string): '123e4567' is not a UUID"));
	CHECK(cell_is("type: string, format: binary", "aGk=", "\"aGk=\""));
	CHECK(cell_fails("type: string, format: binary", "aGk",
	    "field 'f' (string): 'aGk' is not base64 binary data"));
	CHECK(cell_is("type: any", "x, y", "\"x, y\""));
	CHECK(cell_is("type: string", "", "null"));
}

static void
test_number(void)
{
	CHECK(cell_is("type: number", "80.5", "80.5"));
	CHECK(cell_is("type: number", "-1e3", "-1000.0"));
	CHECK(cell_is("type: number", ".5", "0.5"));
	CHECK(cell_is("type: number", "NaN", "\"NaN\""));
	CHECK(cell_is("type: number", "-INF", "\"-INF\""));
	CHECK(cell_is("type: number, decimalChar: ',', groupChar: '.'",
	    "1.234,5", "1234.5"));
	CHECK(cell_fails("type: number, decimalChar: ','", "1.5",
	    "field 'f' (number): '1.5' is not a number"));
	CHECK(cell_is("type: number, groupChar: ' '", "1 000 000",
	    "1000000.0"));
	CHECK(cell_fails("type: number, bareNumber: false", "95,5%",
	    "field 'f' (number): '95,5%' is not a number"));
	CHECK(cell_is("type: number, bareNumber: false", "95.5 %", "95.5"));
	CHECK(cell_is("type: number, bareNumber: false", "€ -3", "-3.0"));
	CHECK(cell_fails("type: number", "95%",
	    "field 'f' (number): '95%' is not a number"));
	CHECK(cell_fails("type: number", "tám mươi",
	    "field 'f' (number): 'tám mươi' is not a number"));
	CHECK(cell_fails("type: number", "1e999",
	    "field 'f' (number): '1e999' is too large for a number"));
	CHECK(cell_fails("type: number", "1e-400",
	    "field 'f' (number): '1e-400' is too small for a number: it would "
	    "be read as 0"));
	CHECK(cell_is("type: number", "0e-400", "0.0"));
	CHECK(cell_is("type: number", "1e-310", "9.9999999999999694e-311"));
	CHECK(cell_fails("type: number", " 1",
	    "field 'f' (number): ' 1' is not a number"));
	CHECK(cell_fails("type: number", "0x10",
	    "field 'f' (number): '0x10' is not a number"));
}

static void
test_integer(void)
{
	CHECK(cell_is("type: integer", "42", "42"));
	CHECK(cell_is("type: integer", "-7", "-7"));
	CHECK(cell_is("type: integer", "+7", "7"));
	CHECK(cell_is("type: integer, groupChar: ','", "1,000,000",
	    "1000000"));
	CHECK(cell_is("type: integer, bareNumber: false", "12 người", "12"));
	CHECK(cell_fails("type: integer", "1.5",
	    "field 'f' (integer): '1.5' is not an integer"));
	CHECK(cell_fails("type: integer", "-",
	    "field 'f' (integer): '-' is not an integer"));
	CHECK(cell_fails("type: integer", "99999999999999999999",
	    "field 'f' (integer): '99999999999999999999' is out of the "
	    "integer range"));
}

static void
test_boolean(void)
{
	CHECK(cell_is("type: boolean", "true", "true"));
	CHECK(cell_is("type: boolean", "TRUE", "true"));
	CHECK(cell_is("type: boolean", "0", "false"));
	CHECK(cell_is("type: boolean, trueValues: ['có'], falseValues: "
	    "['không', 'chưa']", "chưa", "false"));
	CHECK(cell_fails("type: boolean", "yes", "field 'f' (boolean): 'yes' "
	    "is not a boolean ('true', 'True', 'TRUE', '1' or 'false', "
	    "'False', 'FALSE', '0')"));
	CHECK(cell_fails("type: boolean, trueValues: 'có'", "true",
	    "field 'f' (boolean): 'true' is not a boolean ('có' or "
	    "'false', 'False', 'FALSE', '0')"));
}

static void
test_dates(void)
{
	CHECK(cell_is("type: date", "2024-02-29", "\"2024-02-29\""));
	CHECK(cell_fails("type: date", "2023-02-29",
	    "field 'f' (date): '2023-02-29' is not a date (YYYY-MM-DD)"));
	CHECK(cell_fails("type: date", "16/05/2024",
	    "field 'f' (date): '16/05/2024' is not a date (YYYY-MM-DD)"));
	CHECK(cell_is("type: date, format: '%d/%m/%Y'", "16/5/2024",
	    "\"2024-05-16\""));
	CHECK(cell_is("type: date, format: 'ngày %d tháng %m năm %y'",
	    "ngày 16 tháng 05 năm 24", "\"2024-05-16\""));
	CHECK(cell_fails("type: date, format: '%d/%m/%Y'", "31/04/2024",
	    "field 'f' (date): '31/04/2024' is not a date (%d/%m/%Y)"));
	CHECK(cell_is("type: date, format: any", "2024-05-16",
	    "\"2024-05-16\""));
	CHECK(cell_is("type: datetime", "2024-05-16T08:30:00Z",
	    "\"2024-05-16T08:30:00Z\""));
	CHECK(cell_is("type: datetime", "2024-05-16T08:30:00.25+07:00",
	    "\"2024-05-16T08:30:00.25+07:00\""));
	CHECK(cell_fails("type: datetime", "2024-05-16 08:30",
	    "field 'f' (datetime): '2024-05-16 08:30' is not a datetime "
	    "(YYYY-MM-DDThh:mm:ss)"));
	CHECK(cell_is("type: datetime, format: '%d/%m/%Y %H:%M'",
	    "16/05/2024 8:05", "\"2024-05-16T08:05:00\""));
	CHECK(cell_is("type: time", "08:30:00", "\"08:30:00\""));
	CHECK(cell_is("type: time, format: '%Hh%M'", "7h05",
	    "\"07:05:00\""));
	CHECK(cell_fails("type: time", "25:00:00",
	    "field 'f' (time): '25:00:00' is not a time (hh:mm:ss)"));
	CHECK(cell_fails("type: time", "08:30:00+7",
	    "field 'f' (time): '08:30:00+7' is not a time (hh:mm:ss)"));
	CHECK(cell_is("type: year", "2024", "2024"));
	CHECK(cell_fails("type: year", "24",
	    "field 'f' (year): '24' is not a year (YYYY)"));
	CHECK(cell_is("type: yearmonth", "2024-05", "\"2024-05\""));
	CHECK(cell_fails("type: yearmonth", "2024-13",
	    "field 'f' (yearmonth): '2024-13' is not a year and month "
	    "(YYYY-MM)"));
}

static void
test_duration_geopoint(void)
{
	CHECK(cell_is("type: duration", "P1Y2M10DT2H30M",
	    "\"P1Y2M10DT2H30M\""));
	CHECK(cell_is("type: duration", "PT1.5S", "\"PT1.5S\""));
	CHECK(cell_is("type: duration", "P2W", "\"P2W\""));
	CHECK(cell_fails("type: duration", "PT", "field 'f' (duration): 'PT' "
	    "is not an ISO 8601 duration such as 'P1Y2M10D' or 'PT30M'"));
	CHECK(cell_fails("type: duration", "P1D2Y", "field 'f' (duration): "
	    "'P1D2Y' is not an ISO 8601 duration such as 'P1Y2M10D' or "
	    "'PT30M'"));
	CHECK(cell_fails("type: duration", "1Y", "field 'f' (duration): "
	    "'1Y' is not an ISO 8601 duration such as 'P1Y2M10D' or "
	    "'PT30M'"));
	CHECK(cell_is("type: geopoint", "107.59, 16.46",
	    "\"107.59, 16.46\""));
	CHECK(cell_is("type: geopoint", "-180,90", "\"-180,90\""));
	CHECK(cell_fails("type: geopoint", "16.46, 107.59",
	    "field 'f' (geopoint): '16.46, 107.59' is not a geopoint "
	    "'lon, lat' with longitude from -180 to 180 and latitude from "
	    "-90 to 90"));
	CHECK(cell_fails("type: geopoint", "Huế", "field 'f' (geopoint): "
	    "'Huế' is not a geopoint 'lon, lat' with longitude from -180 "
	    "to 180 and latitude from -90 to 90"));
	CHECK(cell_is("type: geopoint, format: array", "[107.5, 16.4]",
	    "\"[107.5, 16.4]\""));
	CHECK(cell_is("type: geopoint, format: object",
	    "{\"lon\": 107.5, \"lat\": 16.4}",
	    "\"{\\\"lon\\\": 107.5, \\\"lat\\\": 16.4}\""));
	CHECK(cell_fails("type: geopoint, format: array", "107.5, 16.4",
	    "field 'f' (geopoint): '107.5, 16.4' is not a geopoint "
	    "'[lon, lat]' with longitude from -180 to 180 and latitude from "
	    "-90 to 90"));
}

static void
test_constraints(void)
{
	CHECK(cell_fails("constraints: {required: true}", "",
	    "field 'f' (string): a value is required"));
	CHECK(cell_is("constraints: {required: false}", "", "null"));
	CHECK(cell_is("constraints: {enum: [a, b]}", "b", "\"b\""));
	CHECK(cell_fails("constraints: {enum: [a, b]}", "c",
	    "field 'f' (string): 'c' is not one of 'a', 'b'"));
	CHECK(cell_is("constraints: {enum: [2023, 2024]}", "2024",
	    "\"2024\""));
	CHECK(cell_is("type: number, constraints: {enum: [1, 2.5]}", "1.0",
	    "1.0"));
	CHECK(cell_fails("type: integer, constraints: {enum: [1, 2, 3, 4, 5, "
	    "6, 7, 8, 9, 10, 11, 12]}", "13", "field 'f' (integer): '13' is "
	    "not one of '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', "
	    "... (12 values)"));
	CHECK(cell_is("type: boolean, constraints: {enum: [true]}", "1",
	    "true"));
	CHECK(cell_fails("type: integer, constraints: {minimum: 0}", "-1",
	    "field 'f' (integer): '-1' is below the minimum 0"));
	CHECK(cell_is("type: integer, constraints: {minimum: 0}", "0", "0"));
	CHECK(cell_fails("type: number, constraints: {maximum: 100}", "100.5",
	    "field 'f' (number): '100.5' is above the maximum 100"));
	CHECK(cell_fails("type: number, constraints: {exclusiveMinimum: 0}",
	    "0", "field 'f' (number): '0' is not above the exclusive "
	    "minimum 0"));
	CHECK(cell_fails("type: number, constraints: {exclusiveMaximum: 1.5}",
	    "1.5", "field 'f' (number): '1.5' is not below the exclusive "
	    "maximum 1.5"));
	CHECK(cell_fails("type: number, decimalChar: ',', constraints: "
	    "{minimum: '0,5'}", "0,25", "field 'f' (number): '0,25' is below "
	    "the minimum 0,5"));
	CHECK(cell_fails("type: date, constraints: {maximum: '2024-12-31'}",
	    "2025-01-01", "field 'f' (date): '2025-01-01' is above the "
	    "maximum 2024-12-31"));
	CHECK(cell_fails("type: datetime, constraints: {minimum: "
	    "'2024-05-16T08:00:00+07:00'}", "2024-05-16T00:30:00Z",
	    "field 'f' (datetime): '2024-05-16T00:30:00Z' is below the "
	    "minimum 2024-05-16T08:00:00+07:00"));
	CHECK(cell_fails("type: year, constraints: {minimum: 2020}", "2019",
	    "field 'f' (year): '2019' is below the minimum 2020"));
	CHECK(cell_fails("type: yearmonth, constraints: {maximum: '2024-06'}",
	    "2024-07", "field 'f' (yearmonth): '2024-07' is above the "
	    "maximum 2024-06"));
	CHECK(cell_fails("type: duration, constraints: {maximum: P1D}",
	    "PT25H", "field 'f' (duration): 'PT25H' is above the maximum "
	    "P1D"));
	CHECK(cell_fails("type: time, constraints: {minimum: '08:00:00'}",
	    "07:59:59", "field 'f' (time): '07:59:59' is below the minimum "
	    "08:00:00"));
}

static void
test_text_constraints(void)
{
	CHECK(cell_is("constraints: {maxLength: 3}", "Huế", "\"Huế\""));
	CHECK(cell_fails("constraints: {maxLength: 3}", "Huế!",
	    "field 'f' (string): 'Huế!' is longer than the maximum length 3 "
	    "(it has 4 characters)"));
	CHECK(cell_fails("constraints: {minLength: 2}", "đ",
	    "field 'f' (string): 'đ' is shorter than the minimum length 2 "
	    "(it has 1 characters)"));
	CHECK(cell_is("constraints: {pattern: '[a-z]+'}", "abc", "\"abc\""));
	CHECK(cell_fails("constraints: {pattern: '[a-z]+'}", "abc1",
	    "field 'f' (string): 'abc1' does not match the pattern "
	    "'[a-z]+'"));
	CHECK(cell_fails("constraints: {pattern: 'a|b'}", "ab",
	    "field 'f' (string): 'ab' does not match the pattern 'a|b'"));
	CHECK(cell_is("constraints: {pattern: '^[a-z0-9-]+$'}", "a-1",
	    "\"a-1\""));
	CHECK(cell_is("constraints: {pattern: 'I\\.\\d+\\.[a-z]'}", "I.12.a",
	    "\"I.12.a\""));
	CHECK(cell_is("constraints: {pattern: '[\\d.]+'}", "1.2",
	    "\"1.2\""));
	CHECK(cell_fails("constraints: {pattern: '\\D+'}", "a1",
	    "field 'f' (string): 'a1' does not match the pattern '\\D+'"));
	CHECK(cell_fails("constraints: {pattern: '[a-z]+'}",
	    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
	    "field 'f' (string): 'abcdefghijklmnopqrstuvwxyz0123456789ABCD...' "
	    "does not match the pattern '[a-z]+'"));
}

static void
test_missing_values(void)
{
	struct fixture	 f;
	struct buf	 why = BUF_INIT;
	json_t		*v;

	CHECK(cell_is("type: number", "", "null"));
	CHECK(load(&f, "fields: [{name: n, type: number}, {name: id, "
	    "constraints: {required: true}}]\nmissingValues: ['-', 'n/a']\n"));
	if (f.s == NULL)
		goto out;
	v = schema_cell(f.s, 0, "n/a", 3, &why);
	CHECK(json_is_null(v));
	json_decref(v);
	v = schema_cell(f.s, 0, "", 0, &why);
	CHECK(v == NULL);
	CHECK_STR(why.data, "field 'n' (number): '' is not a number");
	buf_reset(&why);
	v = schema_cell(f.s, 1, "-", 1, &why);
	CHECK(v == NULL);
	CHECK_STR(why.data, "field 'id' (string): a value is required");
	buf_reset(&why);
	CHECK(schema_find(f.s, "id") == 1);
	CHECK(schema_find(f.s, "x") == SCHEMA_NONE);
out:
	buf_release(&why);
	unload(&f);
}

static void
test_bad_fields(void)
{
	CHECK(schema_says("fields: [{name: a, type: text}]\n", 0,
	    "s.yaml:1:26: error: unknown type 'text' (use string, number, "
	    "integer, boolean, date, datetime, time, year, yearmonth, "
	    "duration, geopoint or any)\n"));
	CHECK(schema_says("fields:\n  - name: a\n    type: string\n"
	    "    constraints:\n      minimum: 0\n      maximum: 1\n", 0,
	    "s.yaml:5:7: error: constraint 'minimum' does not apply to a "
	    "field of type 'string'\n"
	    "s.yaml:6:7: error: constraint 'maximum' does not apply to a "
	    "field of type 'string'\n"));
	CHECK(schema_says("fields:\n  - name: a\n    type: number\n"
	    "    constraints: {minimum: abc, enum: [1, x]}\n", 0,
	    "s.yaml:4:28: error: constraint 'minimum': 'abc' is not a "
	    "number\n"
	    "s.yaml:4:43: error: constraint 'enum': 'x' is not a number\n"));
	CHECK(schema_says("fields:\n  - name: a\n    type: integer\n"
	    "    constraints: {minLength: 1, pattern: x, maximum: 1.5}\n", 0,
	    "s.yaml:4:19: error: constraint 'minLength' does not apply to a "
	    "field of type 'integer'\n"
	    "s.yaml:4:33: error: constraint 'pattern' does not apply to a "
	    "field of type 'integer'\n"
	    "s.yaml:4:54: error: constraint 'maximum': '1.5' is not an "
	    "integer\n"));
	CHECK(schema_says("fields: [{name: a, constraints: {pattern: '(a'}}]"
	    "\n", 0, "s.yaml:1:43: error: constraint 'pattern' '(a' is not "
	    "a regular expression: Unmatched ( or \\(\n"));
	CHECK(schema_says("fields: [{name: a, constraints: {required: yes, "
	    "minLength: -1, enum: []}}]\n", 0,
	    "s.yaml:1:44: error: key 'required' must be true or false, not "
	    "'yes'\n"
	    "s.yaml:1:60: error: constraint 'minLength' must not be negative\n"
	    "s.yaml:1:70: error: constraint 'enum' must be a list of values\n"));
	CHECK(schema_says("fields: [{name: a, type: integer, decimalChar: ','"
	    ", trueValues: [x]}]\n", 0,
	    "s.yaml:1:35: error: key 'decimalChar' does not apply to a field "
	    "of type 'integer'\n"
	    "s.yaml:1:53: error: key 'trueValues' does not apply to a field "
	    "of type 'integer'\n"));
	CHECK(schema_says("fields: [{name: a}, {name: a}, {type: string}, x]"
	    "\n", 0, "s.yaml:1:28: error: duplicate field name 'a'\n"
	    "s.yaml:1:32: error: field has no name\n"
	    "s.yaml:1:48: error: field must be a mapping with a 'name' and a "
	    "'type'\n"));
	CHECK(schema_says("fields: [{name: a, constraints: {enum: [a, b, a]}},"
	    " {name: n, type: number, constraints: {enum: [1, '1.0']}}]\n", 0,
	    "s.yaml:1:47: error: constraint 'enum' lists 'a' twice\n"
	    "s.yaml:1:101: error: constraint 'enum' lists '1.0' twice\n"));
	CHECK(schema_says("fields: [{name: a, type: number, constraints: "
	    "{minimum: 5, maximum: 1}}]\n", 0,
	    "s.yaml:1:57: error: constraint 'minimum' is above 'maximum'\n"));
}

static void
test_bad_formats(void)
{
	CHECK(schema_says("fields: [{name: a, type: date, format: '%d/%Q'}]\n",
	    0, "s.yaml:1:40: error: format '%d/%Q': unsupported directive "
	    "'%Q' (use %Y %y %m %d %H %M %S or %%)\n"));
	CHECK(schema_says("fields: [{name: a, type: date, format: '%m/%Y'}]\n",
	    0, "s.yaml:1:40: error: format '%m/%Y' of a date needs %Y (or "
	    "%y), %m and %d\n"));
	CHECK(schema_says("fields: [{name: a, type: string, format: mail}]\n",
	    0, "s.yaml:1:42: error: unknown format 'mail' for a string (use "
	    "default, email, uri, uuid or binary)\n"));
	CHECK(schema_says("fields: [{name: a, type: number, format: '%d'}]\n",
	    0, "s.yaml:1:42: error: format '%d' does not apply to a field of "
	    "type 'number' (only 'default')\n"));
	CHECK(schema_says("fields: [{name: a, type: number, decimalChar: '', "
	    "groupChar: ''}]\n", 0, "s.yaml:1:47: error: key 'decimalChar' "
	    "must not be empty\n"));
	CHECK(schema_says("fields: [{name: a, type: number, decimalChar: '.', "
	    "groupChar: '.'}]\n", 0, "s.yaml:1:63: error: groupChar and "
	    "decimalChar must differ\n"));
}

static void
test_bad_keys(void)
{
	CHECK(schema_says("fields: []\n", 0, "s.yaml:1:9: error: key "
	    "'fields' must be a list of fields\n"));
	CHECK(schema_says("primaryKey: a\n", 0,
	    "s.yaml:1:1: error: schema has no 'fields'\n"));
	CHECK(schema_says("fields: [{name: a}]\nprimaryKey: [a, b, a]\n", 0,
	    "s.yaml:2:17: error: primary key names an unknown field 'b'\n"
	    "s.yaml:2:20: error: primary key names the field 'a' twice\n"));
	CHECK(schema_says("fields: [{name: a, rdfType: x}]\nfieldsMatch: "
	    "exact\n", 1,
	    "s.yaml:1:20: warning: unknown key 'rdfType' in a schema field\n"
	    "s.yaml:2:1: warning: unknown key 'fieldsMatch' in the schema\n"));
	CHECK(schema_says("fields: [{name: a, constraints: {unique: true, "
	    "minimun: 1}}]\n", 1, "s.yaml:1:48: warning: unknown key "
	    "'minimun' in constraints; did you mean 'minimum'?\n"));
	CHECK(schema_says("fields: [{name: a}]\nmissingValues: [1, '']\n", 0,
	    "s.yaml:2:17: error: key 'missingValues' must be a list of "
	    "strings, not '1'\n"));
}

static void
test_bad_foreign_keys(void)
{
	const char	*h = "fields: [{name: a}, {name: b}]\nforeignKeys:\n";
	struct buf	 b = BUF_INIT;

	CHECK(schema_says("fields: [{name: a}]\nforeignKeys: {fields: a}\n", 0,
	    "s.yaml:2:14: error: key 'foreignKeys' must be a list of "
	    "foreign keys\n"));

	buf_printf(&b, "%s  - fields: a\n  - reference: {fields: a}\n  - x\n"
	    "  - {fields: a, reference: x}\n  - {fields: a, reference: "
	    "{resource: u}}\n", h);
	CHECK(schema_says(b.data, 0,
	    "s.yaml:3:5: error: foreign key has no 'reference'\n"
	    "s.yaml:4:5: error: foreign key has no 'fields'\n"
	    "s.yaml:5:5: error: foreign key must be a mapping with 'fields' "
	    "and 'reference'\n"
	    "s.yaml:6:28: error: key 'reference' must be a mapping with "
	    "'resource' and 'fields'\n"
	    "s.yaml:7:28: error: reference has no 'fields'\n"));
	buf_reset(&b);
	buf_printf(&b, "%s  - {fields: [a, b], reference: {resource: u, "
	    "fields: id}}\n  - {fields: c, reference: {resource: u, fields: "
	    "id}}\n  - {fields: a, reference: {fields: z}}\n  - {fields: a, "
	    "reference: {resource: '', fields: b}, extra: 1}\n", h);
	CHECK(schema_says(b.data, 0,
	    "s.yaml:3:55: error: foreign key has 2 fields but its reference "
	    "has 1\n"
	    "s.yaml:4:14: error: foreign key names an unknown field 'c'\n"
	    "s.yaml:5:37: error: reference names an unknown field 'z'\n"
	    "s.yaml:6:55: warning: unknown key 'extra' in a foreign key\n"));
	buf_reset(&b);
	buf_printf(&b, "%s  - {fields: [a, b], reference: {resource: u, "
	    "fields: [id, id]}}\n", h);
	CHECK(schema_says(b.data, 0, "s.yaml:3:55: error: reference names "
	    "the field 'id' twice\n"));
	buf_release(&b);
}

static void
test_keys_parsed(void)
{
	struct fixture	 f;

	CHECK(load(&f, "fields: [{name: id}, {name: unit}, {name: parent}]\n"
	    "primaryKey: id\nforeignKeys:\n  - fields: unit\n    reference: "
	    "{resource: units, fields: id}\n  - fields: [parent]\n"
	    "    reference: {fields: [id]}\n"));
	if (f.s != NULL) {
		CHECK(f.s->npkey == 1 && f.s->pkey[0] == 0);
		CHECK(f.s->fields[0].required && !f.s->fields[1].required);
		CHECK(f.s->nfkeys == 2);
		CHECK_STR(f.s->fkeys[0].resource, "units");
		CHECK_STR(f.s->fkeys[0].ref[0], "id");
		CHECK(f.s->fkeys[0].self == NULL);
		CHECK(f.s->fkeys[0].fields[0] == 1);
		CHECK_STR(f.s->fkeys[1].resource, "");
		CHECK(f.s->fkeys[1].self != NULL && f.s->fkeys[1].self[0] == 0);
		CHECK(f.s->fkeys[1].resource_at != NULL &&
		    f.s->fkeys[1].resource_at->line == 7);
	}
	unload(&f);
}

/* 1 if the descriptor of "src" dumps (compact, sorted) as "want". */
static int
descriptor_is(const char *src, const char *want)
{
	struct fixture	 f;
	json_t		*j;
	char		*got = NULL;
	int		 ok;

	if (load(&f, src)) {
		j = schema_descriptor(f.s);
		got = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(j);
	}
	ok = got != NULL && strcmp(got, want) == 0;
	if (!ok)
		printf("  descriptor of\n%s  gave %s\n  want %s\n", src,
		    got ? got : "NULL", want);
	free(got);
	unload(&f);
	return ok;
}

static void
test_descriptor(void)
{
	CHECK(descriptor_is("fields: [{name: a}]\n",
	    "{\"fields\":[{\"name\":\"a\",\"type\":\"string\"}],"
	    "\"missingValues\":[\"\"]}"));
	CHECK(descriptor_is("fields:\n"
	    "  - {name: id, title: Mã, description: D, constraints: "
	    "{pattern: '[a-z]+', unique: true}}\n"
	    "  - {name: v, type: number, unit: '%', decimalChar: ',', "
	    "constraints: {minimum: 0, maximum: '100,5', enum: [1, '2,5']}}\n"
	    "  - {name: y, type: year, constraints: {minimum: '2020'}}\n"
	    "  - {name: d, type: date, format: '%d/%m/%Y', constraints: "
	    "{maximum: '31/12/2024', required: true}}\n"
	    "  - {name: b, type: boolean, trueValues: [có], constraints: "
	    "{enum: ['có']}}\n"
	    "  - {name: u, type: string}\n"
	    "missingValues: ['-']\nprimaryKey: id\n"
	    "foreignKeys:\n  - {fields: u, reference: {resource: units, "
	    "fields: id}}\n  - {fields: u, reference: {fields: id}}\n",
	    "{\"fields\":[{\"constraints\":{\"pattern\":\"[a-z]+\","
	    "\"unique\":true},\"description\":\"D\",\"name\":\"id\","
	    "\"title\":\"Mã\",\"type\":\"string\"},"
	    "{\"constraints\":{\"enum\":[1.0,2.5],\"maximum\":100.5,"
	    "\"minimum\":0.0},\"decimalChar\":\",\",\"name\":\"v\","
	    "\"type\":\"number\",\"unit\":\"%\"},"
	    "{\"constraints\":{\"minimum\":2020},\"name\":\"y\","
	    "\"type\":\"year\"},"
	    "{\"constraints\":{\"maximum\":\"2024-12-31\",\"required\":true},"
	    "\"format\":\"%d/%m/%Y\",\"name\":\"d\",\"type\":\"date\"},"
	    "{\"constraints\":{\"enum\":[true]},\"name\":\"b\","
	    "\"trueValues\":[\"có\"],\"type\":\"boolean\"},"
	    "{\"name\":\"u\",\"type\":\"string\"}],"
	    "\"foreignKeys\":[{\"fields\":[\"u\"],\"reference\":{\"fields\":"
	    "[\"id\"],\"resource\":\"units\"}},{\"fields\":[\"u\"],"
	    "\"reference\":{\"fields\":[\"id\"],\"resource\":\"\"}}],"
	    "\"missingValues\":[\"-\"],\"primaryKey\":[\"id\"]}"));
}

static void
test_valid(void)
{
	CHECK(schema_valid(SCHEMA_DATE, "2024-05-16"));
	CHECK(!schema_valid(SCHEMA_DATE, "2024-5-16"));
	CHECK(schema_valid(SCHEMA_INTEGER, "12"));
	CHECK(!schema_valid(SCHEMA_INTEGER, "x"));
	CHECK(schema_valid(SCHEMA_BOOLEAN, "true"));
	CHECK_STR(schema_type_name(SCHEMA_YEARMONTH), "yearmonth");
	CHECK_STR(schema_type_name(SCHEMA_ANY), "any");
	schema_free(NULL);
}

int
main(void)
{
	test_string();
	test_number();
	test_integer();
	test_boolean();
	test_dates();
	test_duration_geopoint();
	test_constraints();
	test_text_constraints();
	test_missing_values();
	test_bad_fields();
	test_bad_formats();
	test_bad_keys();
	test_bad_foreign_keys();
	test_keys_parsed();
	test_descriptor();
	test_valid();
	return CHECK_DONE("schema");
}
