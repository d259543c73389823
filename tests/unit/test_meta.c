/*
 * Unit tests for meta.c: the YAML core schema, locations of keys,
 * values and list items, aliases, NFC, and the error messages for bad
 * documents and wrongly typed keys.
 */
#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"

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

/* 1 if parsing "src" as "f.yml" from line "line0" fails with "want". */
static int
fails_with(unsigned line0, const char *src, const char *want)
{
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, "f.yml", line0, src, strlen(src));
	char		*got = printed(d);
	int		 ok = m == NULL && strcmp(got, want) == 0;

	if (!ok)
		printf("  '%s'\n  gave: '%s'\n  want: '%s'\n", src, got, want);
	free(got);
	meta_free(m);
	diag_free(d);
	return ok;
}

/* 1 if "loc" is "line":"col" of f.yml. */
static int
at(const struct loc *l, unsigned line, unsigned col)
{
	if (l == NULL) {
		printf("  no location, want %u:%u\n", line, col);
		return 0;
	}
	if (l->line != line || l->col != col || strcmp(l->file, "f.yml")) {
		printf("  at %s:%u:%u, want %u:%u\n", l->file, l->line, l->col,
		    line, col);
		return 0;
	}
	return 1;
}

/* 1 if the value of "v: <yaml>" dumps as the JSON "want". */
static int
scalar_is(const char *yaml, const char *want)
{
	struct diag	*d = diag_new();
	struct buf	 src = BUF_INIT;
	struct meta	*m;
	char		*got = NULL;
	int		 ok;

	buf_printf(&src, "v: %s\n", yaml);
	m = meta_parse(d, "f.yml", 1, src.data, src.len);
	if (m != NULL)
		got = json_dumps(json_object_get(meta_root(m), "v"),
		    JSON_ENCODE_ANY | JSON_COMPACT | JSON_ENSURE_ASCII);
	ok = got != NULL && strcmp(got, want) == 0;
	if (!ok)
		printf("  v: %s gave %s, want %s\n", yaml, got ? got : "error",
		    want);
	free(got);
	meta_free(m);
	diag_free(d);
	buf_release(&src);
	return ok;
}

static void
test_scalars(void)
{
	CHECK(scalar_is("null", "null"));
	CHECK(scalar_is("Null", "null"));
	CHECK(scalar_is("NULL", "null"));
	CHECK(scalar_is("~", "null"));
	CHECK(scalar_is("", "null"));
	CHECK(scalar_is("nULL", "\"nULL\""));
	CHECK(scalar_is("true", "true"));
	CHECK(scalar_is("True", "true"));
	CHECK(scalar_is("TRUE", "true"));
	CHECK(scalar_is("false", "false"));
	CHECK(scalar_is("False", "false"));
	CHECK(scalar_is("FALSE", "false"));
	CHECK(scalar_is("tRUE", "\"tRUE\""));
	CHECK(scalar_is("yes", "\"yes\""));
	CHECK(scalar_is("no", "\"no\""));
	CHECK(scalar_is("on", "\"on\""));
	CHECK(scalar_is("12", "12"));
	CHECK(scalar_is("-12", "-12"));
	CHECK(scalar_is("+3", "3"));
	CHECK(scalar_is("007", "7"));
	CHECK(scalar_is("0o17", "15"));
	CHECK(scalar_is("0x1F", "31"));
	CHECK(scalar_is("0x1f", "31"));
	CHECK(scalar_is("9223372036854775807", "9223372036854775807"));
	CHECK(scalar_is("-9223372036854775808", "-9223372036854775808"));
	CHECK(scalar_is("9223372036854775808", "\"9223372036854775808\""));
	CHECK(scalar_is("0xFFFFFFFFFFFFFFFF", "\"0xFFFFFFFFFFFFFFFF\""));
	CHECK(scalar_is("0x", "\"0x\""));
	CHECK(scalar_is("0o8", "\"0o8\""));
	CHECK(scalar_is("-0x1", "\"-0x1\""));
	CHECK(scalar_is("0b101", "\"0b101\""));
	CHECK(scalar_is("1_000", "\"1_000\""));
	CHECK(scalar_is("1.5", "1.5"));
	CHECK(scalar_is("-2e3", "-2000.0"));
	CHECK(scalar_is("+.5", "0.5"));
	CHECK(scalar_is("1.", "1.0"));
	CHECK(scalar_is("1E-2", "0.01"));
	CHECK(scalar_is("1e999", "\"1e999\""));
	CHECK(scalar_is("1e", "\"1e\""));
	CHECK(scalar_is(".", "\".\""));
	CHECK(scalar_is(".inf", "\".inf\""));
	CHECK(scalar_is("-.Inf", "\"-.Inf\""));
	CHECK(scalar_is(".nan", "\".nan\""));
	CHECK(scalar_is("2024-05-16", "\"2024-05-16\""));
	CHECK(scalar_is("12:30", "\"12:30\""));
	CHECK(scalar_is("3 + 4", "\"3 + 4\""));
	CHECK(scalar_is("'12'", "\"12\""));
	CHECK(scalar_is("\"true\"", "\"true\""));
	CHECK(scalar_is("''", "\"\""));
	CHECK(scalar_is("'null'", "\"null\""));
	CHECK(scalar_is("!!str 12", "\"12\""));
	CHECK(scalar_is("!!str", "\"\""));
	CHECK(scalar_is("! 12", "\"12\""));
	CHECK(scalar_is("!!int \"12\"", "12"));
	CHECK(scalar_is("|\n  12\n", "\"12\\n\""));
	CHECK(scalar_is(">-\n  a\n  b\n", "\"a b\""));
	CHECK(scalar_is("\"a\\tb\\u00e9\"", "\"a\\tb\\u00E9\""));
	CHECK(scalar_is("Phát triển", "\"Ph\\u00E1t tri\\u1EC3n\""));
}

static const char nested_src[] =
	"title: Báo cáo\n"			/* line 5 */
	"tags:\n"
	"  - one\n"
	"  - \"two\"\n"
	"nested: {a: 1, b: [x, y]}\n"		/* line 9 */
	"tiêu đề: x\n"
	"deep:\n"
	"  k:\n"
	"    - - 1\n"				/* line 13 */
	"      - null\n";

static void
test_nested(void)
{
	struct diag	*d = diag_new();
	struct meta	*m;
	json_t		*root, *tags, *nested, *b, *deep;

	m = meta_parse(d, "f.yml", 5, nested_src, strlen(nested_src));
	CHECK(m != NULL);
	if (m == NULL)
		goto out;
	root = meta_root(m);
	CHECK_STR(meta_file(m), "f.yml");
	CHECK_STR(json_string_value(json_object_get(root, "title")),
	    "Báo cáo");
	tags = json_object_get(root, "tags");
	CHECK(json_array_size(tags) == 2);
	CHECK_STR(json_string_value(json_array_get(tags, 1)), "two");
	nested = json_object_get(root, "nested");
	CHECK(json_integer_value(json_object_get(nested, "a")) == 1);
	b = json_object_get(nested, "b");
	CHECK_STR(json_string_value(json_array_get(b, 0)), "x");
	deep = json_object_get(json_object_get(root, "deep"), "k");
	CHECK(json_integer_value(json_array_get(json_array_get(deep, 0), 0))
	    == 1);
	CHECK(json_is_null(json_array_get(json_array_get(deep, 0), 1)));

	CHECK(at(meta_root_loc(m), 5, 1));
	CHECK(at(meta_key_loc(m, root, "title"), 5, 1));
	CHECK(at(meta_loc(m, root, "title"), 5, 8));
	CHECK(at(meta_key_loc(m, root, "tags"), 6, 1));
	CHECK(at(meta_loc(m, root, "tags"), 7, 3));
	CHECK(at(meta_index_loc(m, tags, 0), 7, 5));
	CHECK(at(meta_index_loc(m, tags, 1), 8, 5));
	CHECK(at(meta_loc(m, root, "nested"), 9, 9));
	CHECK(at(meta_key_loc(m, nested, "a"), 9, 10));
	CHECK(at(meta_loc(m, nested, "a"), 9, 13));
	CHECK(at(meta_loc(m, nested, "b"), 9, 19));
	CHECK(at(meta_index_loc(m, b, 1), 9, 23));
	CHECK(at(meta_loc(m, root, "tiêu đề"), 10, 10));  /* characters */
	CHECK(at(meta_index_loc(m, json_array_get(deep, 0), 1), 14, 9));
	CHECK(meta_loc(m, root, "missing") == NULL);
	CHECK(meta_key_loc(m, root, "missing") == NULL);
	CHECK(meta_index_loc(m, tags, 2) == NULL);
	CHECK(meta_index_loc(m, root, 0) == NULL);
	CHECK(meta_loc(m, tags, "title") == NULL);
	CHECK(diag_errors(d) == 0);
out:
	meta_free(m);
	diag_free(d);
}

static void
test_empty(void)
{
	struct diag	*d = diag_new();
	const char	*docs[] = { "", "# only a comment\n", "---\n", "~\n",
	    "---\n...\n" };
	struct meta	*m;
	size_t		 i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		m = meta_parse(d, "f.yml", 3, docs[i], strlen(docs[i]));
		CHECK(m != NULL && json_is_object(meta_root(m)) &&
		    json_object_size(meta_root(m)) == 0);
		if (i == 0)
			CHECK(at(meta_root_loc(m), 3, 1));
		meta_free(m);
	}
	m = meta_parse(d, "f.yml", 1, NULL, 0);
	CHECK(m != NULL && json_object_size(meta_root(m)) == 0);
	meta_free(m);
	m = meta_parse(d, "f.yml", 1, "- a\n- b\n", 8);	/* any root */
	CHECK(m != NULL && json_array_size(meta_root(m)) == 2);
	meta_free(m);
	m = meta_parse(d, "f.yml", 1, "\xEF\xBB\xBF" "a: 1\nb: 2\n", 13);
	CHECK(m != NULL && json_object_size(meta_root(m)) == 2);
	if (m != NULL)
		CHECK(at(meta_loc(m, meta_root(m), "a"), 1, 4));
	meta_free(m);
	m = meta_parse(d, "f.yml", 1, "just text", 9);
	CHECK(m != NULL && json_is_string(meta_root(m)));
	meta_free(m);
	CHECK(diag_errors(d) == 0);
	diag_free(d);
	meta_free(NULL);
}

static void
test_errors(void)
{
	CHECK(fails_with(2, "a: 1\nb: 2\na: 3\n",
	    "f.yml:4:1: error: duplicate key 'a'\n"));
	CHECK(fails_with(1, "a: 1\na: 2\nb: {c: 1, c: [2]}\n",
	    "f.yml:2:1: error: duplicate key 'a'\n"
	    "f.yml:3:11: error: duplicate key 'c'\n"));
	CHECK(fails_with(1, "a: 1\n\"a\": 2\n",
	    "f.yml:2:1: error: duplicate key 'a'\n"));
	CHECK(fails_with(1, "Pha\xCC\x81t: 1\nPh\xC3\xA1t: 2\n",
	    "f.yml:2:1: error: duplicate key 'Ph\xC3\xA1t'\n"));
	CHECK(fails_with(10, "a:\n\tb: 1\n",
	    "f.yml:11:1: error: tab character in indentation; indent with "
	    "spaces\n"));
	CHECK(fails_with(1, "a:\n  b: 1\n\tc: 2\n",
	    "f.yml:3:1: error: tab character in indentation; indent with "
	    "spaces\n"));
	/* Known mistakes in plain words, where they are: the opening quote
	 * or bracket, not where libyaml gave up. */
	CHECK(fails_with(2, "a: 1\nb: \"abc\nc: 2\n",
	    "f.yml:3:4: error: this quote is never closed: end the text with "
	    "the same quote, as in title: \"K\xe1\xba\xbf ho\xe1\xba\xa1" "ch "
	    "n\xc4\x83m 2024\" (YAML: found unexpected end of stream while "
	    "scanning a quoted scalar)\n"));
	CHECK(fails_with(1, "a: [1, 2\nb: 3\n",
	    "f.yml:1:4: error: this list is not closed with ']', or an item "
	    "holds a ',' or ': ' without quotes: write [a, b], and quote an "
	    "item with a comma, as in [\"a, b\"] (YAML: did not find expected "
	    "',' or ']' while parsing a flow sequence)\n"));
	CHECK(fails_with(1, "a: b: c\n",
	    "f.yml:1:5: error: a ': ' inside a value (or a line indented too "
	    "far): put the value in quotes, as in title: \"M\xe1\xbb\xa5"
	    "c ti\xc3\xaau: chuy\xe1\xbb\x83n \xc4\x91\xe1\xbb\x95i "
	    "s\xe1\xbb\x91\" (YAML: mapping values are not allowed in this "
	    "context)\n"));
	CHECK(fails_with(1, "a: 1\n---\nb: 2\n",
	    "f.yml:2:1: error: more than one document\n"));
	CHECK(fails_with(1, "a: 1\n...\n---\nb: 2\n",
	    "f.yml:3:1: error: more than one document\n"));
	CHECK(fails_with(1, "? [a, b]\n: c\n",
	    "f.yml:1:3: error: mapping key must be a scalar, not a list or "
	    "mapping\n"));
	CHECK(fails_with(1, "x: {{a: 1}: 2, b: 3, b: 4}\n",
	    "f.yml:1:5: error: mapping key must be a scalar, not a list or "
	    "mapping\n"
	    "f.yml:1:22: error: duplicate key 'b'\n"));
	CHECK(fails_with(3, "a: 1\nb: x\xC0\xAF\n",
	    "f.yml:4:5: error: invalid UTF-8 byte 0xC0\n"));
	CHECK(fails_with(1, "a: \xF0\x9F\x93\x8A \x01\n",
	    "f.yml:1:6: error: control characters are not allowed "
	    "(U+0001)\n"));
	CHECK(fails_with(1, "{\"a\\0b\": 1}\n",
	    "f.yml:1:2: error: mapping key must not contain a NUL "
	    "character\n"));
}

static void
test_aliases(void)
{
	static const char src[] =
		"base: &b\n"
		"  x: 1\n"
		"  list: [1, {y: 2}]\n"
		"copy: *b\n"
		"n: &n 5\n"
		"m: *n\n"
		"k: &k name\n"
		"*k : v\n";
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, "f.yml", 1, src, strlen(src));
	json_t		*root, *base, *copy, *bl, *cl;

	CHECK(m != NULL);
	if (m == NULL)
		goto out;
	root = meta_root(m);
	base = json_object_get(root, "base");
	copy = json_object_get(root, "copy");
	bl = json_object_get(base, "list");
	cl = json_object_get(copy, "list");
	CHECK(json_equal(base, copy));
	CHECK(base != copy && bl != cl);
	CHECK(json_array_get(bl, 1) != json_array_get(cl, 1));
	CHECK(at(meta_loc(m, root, "copy"), 4, 7));	/* the alias */
	CHECK(at(meta_loc(m, copy, "x"), 2, 6));	/* the anchored value */
	CHECK(at(meta_key_loc(m, copy, "list"), 3, 3));
	CHECK(at(meta_index_loc(m, cl, 1), 3, 13));
	CHECK(at(meta_loc(m, json_array_get(cl, 1), "y"), 3, 17));
	json_object_set_new(copy, "x", json_integer(9));
	CHECK(json_integer_value(json_object_get(base, "x")) == 1);
	CHECK(json_integer_value(json_object_get(root, "m")) == 5);
	CHECK_STR(json_string_value(json_object_get(root, "name")), "v");
out:
	meta_free(m);
	diag_free(d);

	CHECK(fails_with(1, "a: *nope\n",
	    "f.yml:1:4: error: unknown alias '*nope'\n"));
	CHECK(fails_with(1, "a: &x [1, *x]\nb: *y\n",
	    "f.yml:1:11: error: alias '*x' refers to a node that contains "
	    "it\n"
	    "f.yml:2:4: error: unknown alias '*y'\n"));
	CHECK(fails_with(1, "&l [a, b]: 1\n",
	    "f.yml:1:1: error: mapping key must be a scalar, not a list or "
	    "mapping\n"));
}

/* A later anchor of the same name wins, even inside an open node. */
static void
test_anchor_redefined(void)
{
	static const char src[] = "a: &x [1, &x [2], *x]\nb: *x\n";
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, "f.yml", 1, src, strlen(src));
	char		*s;

	CHECK(m != NULL);
	if (m != NULL) {
		s = json_dumps(meta_root(m), JSON_COMPACT);
		CHECK_STR(s, "{\"a\":[1,[2],[2]],\"b\":[1,[2],[2]]}");
		free(s);
	}
	meta_free(m);
	diag_free(d);
}

static void
test_limits(void)
{
	struct buf	 b = BUF_INIT;
	int		 i;

	/* "billion laughs": 10 levels of 10 aliases each */
	buf_puts(&b, "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (i = 1; i < 10; i++)
		buf_printf(&b, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, "
		    "*l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i - 1, i - 1,
		    i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	CHECK(fails_with(1, b.data,
	    "f.yml:5:45: error: aliases copy more than 100000 values\n"));
	buf_reset(&b);
	for (i = 0; i < 300; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 300; i++)
		buf_putc(&b, ']');
	CHECK(fails_with(1, b.data,
	    "f.yml:1:201: error: nesting deeper than 200 levels\n"));
	/* aliases nest a copy of 150 levels inside 150 more */
	buf_reset(&b);
	buf_puts(&b, "a: &a ");
	for (i = 0; i < 150; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 150; i++)
		buf_putc(&b, ']');
	buf_puts(&b, "\nb: ");
	for (i = 0; i < 150; i++)
		buf_putc(&b, '[');
	buf_puts(&b, "*a");
	for (i = 0; i < 150; i++)
		buf_putc(&b, ']');
	CHECK(fails_with(1, b.data,
	    "f.yml:2:154: error: nesting deeper than 200 levels\n"));
	buf_release(&b);
}

static void
test_nfc(void)
{
	static const char src[] =
		"Pha\xCC\x81t: \"tri\xC3\xAA\xCC\x89n\"\n"
		"list: [Vie\xCC\xA3\xCC\x82t]\n";
	struct diag	*d = diag_new();
	struct meta	*m = meta_parse(d, "f.yml", 1, src, strlen(src));
	json_t		*root;

	CHECK(m != NULL);
	if (m == NULL)
		goto out;
	root = meta_root(m);
	CHECK_STR(json_string_value(json_object_get(root, "Ph\xC3\xA1t")),
	    "tri\xE1\xBB\x83n");
	CHECK_STR(json_string_value(json_array_get(json_object_get(root,
	    "list"), 0)), "Vi\xE1\xBB\x87t");
	CHECK(at(meta_loc(m, root, "Ph\xC3\xA1t"), 1, 8));  /* source cols */
out:
	meta_free(m);
	diag_free(d);
}

static const char typed_src[] =
	"title: 12\n"
	"flag: yes\n"
	"n: abc\n"
	"tags: [a, 3, {x: 1}]\n"
	"one: solo\n"
	"ok: true\n"
	"count: -7\n"
	"empty:\n"
	"r: 1.0\n"
	"name: Hi\n"
	"list: [a, b]\n"
	"long: \"0123456789012345678901234567890123456789xyz\"\n"
	"map: {a: 1}\n";

/* Absent keys and values of the right type. */
static void
typed_ok(struct meta *m, struct diag *d, json_t *root)
{
	const char	*s = "unset";
	json_t		*l = NULL;
	long long	 n = 42;
	int		 f = 5;

	CHECK(meta_string(m, d, root, "absent", &s) && strcmp(s, "unset") == 0);
	CHECK(meta_bool(m, d, root, "absent", &f) && f == 5);
	CHECK(meta_int(m, d, root, "absent", &n) && n == 42);
	CHECK(meta_strings(m, d, root, "absent", &l) && l == NULL);
	CHECK(meta_string(m, d, NULL, "title", &s) && strcmp(s, "unset") == 0);
	CHECK(diag_errors(d) == 0);

	CHECK(meta_string(m, d, root, "name", &s));
	CHECK_STR(s, "Hi");
	CHECK(meta_bool(m, d, root, "ok", &f) && f == 1);
	CHECK(meta_int(m, d, root, "count", &n) && n == -7);
	CHECK(meta_strings(m, d, root, "one", &l));
	CHECK(json_array_size(l) == 1);
	CHECK_STR(json_string_value(json_array_get(l, 0)), "solo");
	json_decref(l);
	CHECK(meta_strings(m, d, root, "list", &l));
	CHECK(json_array_size(l) == 2 && l != json_object_get(root, "list"));
	json_decref(l);
	CHECK(diag_errors(d) == 0);
}

/* Values of the wrong type, each reported where it is written. */
static void
typed_bad(struct meta *m, struct diag *d, json_t *root)
{
	const char	*s = "unset";
	json_t		*l = NULL;
	long long	 n = -7;
	int		 f = 1;
	char		*out;

	CHECK(!meta_string(m, d, root, "title", &s));
	CHECK(!meta_bool(m, d, root, "flag", &f));
	CHECK(!meta_int(m, d, root, "n", &n));
	CHECK(!meta_strings(m, d, root, "tags", &l) && l == NULL);
	CHECK(!meta_string(m, d, root, "empty", &s));
	CHECK(!meta_int(m, d, root, "r", &n));
	CHECK(!meta_int(m, d, root, "long", &n));
	CHECK(!meta_strings(m, d, root, "map", &l));
	CHECK(!meta_bool(m, d, root, "list", &f));
	CHECK(n == -7 && f == 1 && strcmp(s, "unset") == 0);
	out = printed(d);
	CHECK_STR(out,
	    "f.yml:1:8: error: key 'title' must be a string, not '12'\n"
	    "f.yml:2:7: error: key 'flag' must be true or false, not 'yes'\n"
	    "f.yml:3:4: error: key 'n' must be an integer, not 'abc'\n"
	    "f.yml:4:11: error: key 'tags' must be a list of strings, "
	    "not '3'\n"
	    "f.yml:4:14: error: key 'tags' must be a list of strings, "
	    "not a mapping\n"
	    "f.yml:8:7: error: key 'empty' must be a string, not empty\n"
	    "f.yml:9:4: error: key 'r' must be an integer, not '1.0'\n"
	    "f.yml:11:7: error: key 'list' must be true or false, "
	    "not a list\n"
	    "f.yml:12:7: error: key 'long' must be an integer, not "
	    "'0123456789012345678901234567890123456789...'\n"
	    "f.yml:13:6: error: key 'map' must be a list of strings, "
	    "not a mapping\n");
	free(out);
}

static void
test_typed(void)
{
	struct diag	*d = diag_new();
	struct meta	*m;

	m = meta_parse(d, "f.yml", 1, typed_src, strlen(typed_src));
	CHECK(m != NULL);
	if (m != NULL) {
		typed_ok(m, d, meta_root(m));
		typed_bad(m, d, meta_root(m));
	}
	meta_free(m);
	diag_free(d);
}

/* Thousands of keys and items: every location is still found. */
static void
test_many(void)
{
	struct buf	 b = BUF_INIT;
	struct diag	*d = diag_new();
	struct meta	*m;
	json_t		*root, *list;
	char		 key[32];
	int		 i, ok = 1;

	for (i = 0; i < 5000; i++)
		buf_printf(&b, "key%d: %d\n", i, i);
	buf_puts(&b, "list:\n");
	for (i = 0; i < 5000; i++)
		buf_printf(&b, "  - item %d\n", i);
	m = meta_parse(d, "f.yml", 1, b.data, b.len);
	CHECK(m != NULL);
	if (m == NULL)
		goto out;
	root = meta_root(m);
	list = json_object_get(root, "list");
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "key%d", i);
		ok &= at(meta_loc(m, root, key), (unsigned)i + 1,
		    (unsigned)strlen(key) + 3);
		ok &= at(meta_key_loc(m, root, key), (unsigned)i + 1, 1);
		ok &= at(meta_index_loc(m, list, (size_t)i), 5002 + i, 5);
	}
	CHECK(ok);
out:
	meta_free(m);
	diag_free(d);
	buf_release(&b);
}

/*
 * Locations in documents of 6, 30 and 33 values (three for each key):
 * the tables of the first two are packed once parsed, the last stays a
 * hash table (PACK_MAX is 32).
 */
static void
test_packed(void)
{
	static const size_t	 keys[] = { 2, 10, 11 };
	struct diag		*d = diag_new();
	struct buf		 src = BUF_INIT;
	struct meta		*m;
	json_t			*root;
	char			 key[32];
	size_t			 k, i, n;
	int			 ok;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		n = keys[k];
		buf_reset(&src);
		for (i = 0; i < n; i++)
			buf_printf(&src, "key%zu: [a, %zu]\n", i, i);
		m = meta_parse(d, "f.yml", 1, src.data, src.len);
		CHECK(m != NULL);
		if (m == NULL)
			continue;
		root = meta_root(m);
		ok = 1;
		for (i = 0; i < n; i++) {
			snprintf(key, sizeof(key), "key%zu", i);
			ok &= at(meta_key_loc(m, root, key), i + 1, 1);
			ok &= at(meta_loc(m, root, key), i + 1,
			    strlen(key) + 3);
			ok &= at(meta_index_loc(m, json_object_get(root, key),
			    1), i + 1, strlen(key) + 7);
		}
		CHECK(ok);
		CHECK(meta_loc(m, root, "key") == NULL);
		CHECK(meta_index_loc(m, json_object_get(root, "key0"), 2) ==
		    NULL);
		CHECK(meta_index_loc(m, root, 0) == NULL);
		meta_free(m);
	}
	buf_release(&src);
	diag_free(d);
}

/*
 * meta_parse()'s own reader of simple front matter against libyaml's
 * reading of the same text: 1 if they give equal trees at equal places
 * and say the same, or if the own reader left the text to libyaml.
 * "*taken" gets 1 when the own reader read it.  meta_parse() itself
 * must also give libyaml's reading.
 */
static int
reads_as_libyaml(const char *src, size_t len, int *taken)
{
	struct diag	*ds = diag_new(), *dy = diag_new(), *da = diag_new();
	struct meta	*ms, *my, *ma;
	char		*ps, *py, *pa;
	int		 ok;

	ms = meta_parse_with(META_READ_SIMPLE, ds, "f.md", 2, src, len,
	    taken);
	my = meta_parse_with(META_READ_LIBYAML, dy, "f.md", 2, src, len,
	    NULL);
	ma = meta_parse(da, "f.md", 2, src, len);
	ps = printed(ds);
	py = printed(dy);
	pa = printed(da);
	ok = meta_equal(ma, my) && strcmp(pa, py) == 0;
	if (*taken)
		ok &= meta_equal(ms, my) && strcmp(ps, py) == 0;
	else
		ok &= ms == NULL && *ps == '\0';
	if (!ok)
		printf("  read differently (own reader %s): '%.*s'\n"
		    "  own: '%s'\n  libyaml: '%s'\n", *taken ? "took it" :
		    "left it", (int)len, src, ps, py);
	free(ps);
	free(py);
	free(pa);
	meta_free(ms);
	meta_free(my);
	meta_free(ma);
	diag_free(ds);
	diag_free(dy);
	diag_free(da);
	return ok;
}

/*
 * reads_as_libyaml() of each of the "n" texts, which the own reader must
 * take ("take" 1) or leave to libyaml (0).
 */
static void
reads_all_as_libyaml(const char *const *texts, size_t n, int take)
{
	size_t	 i;
	int	 taken;

	for (i = 0; i < n; i++) {
		CHECK(reads_as_libyaml(texts[i], strlen(texts[i]), &taken));
		CHECK(taken == take);
		if (taken != take)
			printf("  %s: '%s'\n", take ? "left to libyaml" :
			    "not left to libyaml", texts[i]);
	}
}

/* Texts the own reader reads, as libyaml does. */
static void
test_simple_taken(void)
{
	static const char *const texts[] = {
		"title: \"Truyền thông chuyển đổi số (số 9999)\"\n"
		"date: 2024-10-05\ntags: [\"y tế\", \"an toàn thông tin\"]\n"
		"weight: 500\nslug: \"bai-09999\"\n",
		"title: Kế hoạch năm 2024\n",
		"title: Kế hoạch năm 2024   \nx: 1",
		"\n\n  \ntitle: 'a \"b\" c'\n\nn: 3\n",
		"a: [y tế , an toàn]\nb: []\nc: [ ]\nd: ['x', \"y\", z]\n",
		"a: a:b, [c] {d} e#f\n",
		"draft: true\nn: -5\nx: 0x1F\ny: 1e3\nz: ~\nw: .5\n",
		"a: \"\"\nb: ''\nc: \"  spaced  \"\n",
		"k: e\xCC\x81\nl: \xE2\x84\xA6\n",	/* NFC changes both */
		"title: \"a\"\ntitle: \"b\"\n",		/* duplicate key */
		"a-b: 1\n_c: 2\n2024: 3\ntrue: 4\n",
		"t: \xF0\x9F\x98\x80 emoji\n",
	};

	reads_all_as_libyaml(texts, sizeof(texts) / sizeof(texts[0]), 1);
}

/* Texts the own reader leaves to libyaml, which still reads them. */
static void
test_simple_left(void)
{
	static const char *const texts[] = {
		"",				/* nothing */
		"# a comment\ntitle: a\n",
		"title: a # a comment\n",
		"title: a\n  continued\n",
		"list:\n  - a\n",
		"list:\n- a\n",
		"a:\n",
		"a: \"b\\\"c\"\n",			/* an escape */
		"a: 'it''s'\n",
		"a:\tb\n",
		"a: b\r\nc: d\r\n",
		"a: b\xC2\x85" "c\n",			/* NEL */
		"a: b\xE2\x80\xA8" "c\n",		/* line separator */
		"a: \xEF\xBB\xBF" "b\n",		/* a byte order mark */
		"a: &x b\nc: *x\n",
		"a: !!str 1\n",
		"a: - b\n",
		"a: b: c\n",
		"a: [b, [c]]\n",
		"a: [b,]\n",
		"a: [b: c]\n",
		"a: {b: c}\n",
		"a: \"b\" c\n",
		"a: \"b\n",
		"---\na: b\n",
		"a: b\n...\n",
		"\"a\": b\n",
		"a : b\n",
		"a:b\n",
		"a: |\n  b\n",
		"a: @b\n",
		"a: b\x7F\n",
	};

	reads_all_as_libyaml(texts, sizeof(texts) / sizeof(texts[0]), 0);
}

/* A small deterministic generator (xorshift64). */
static unsigned long long
next_random(unsigned long long *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

#define PICK(x, v)	((v)[next_random(x) % (sizeof(v) / sizeof((v)[0]))])

/*
 * Thousands of texts made of the pieces front matter is made of, near
 * the edges of the own reader's subset: where it reads one, it reads it
 * as libyaml does.  Both readers must have had a fair share.
 */
static void
test_simple_random(void)
{
	static const char *const keys[] = { "title", "date", "tags", "w",
	    "a-b", "_x", "2024", "true", "title" };
	static const char *const odd_keys[] = { "-k", "\"q\"", "k k", "a.b",
	    "é" };
	static const char *const seps[] = { ": ", ":  " };
	static const char *const odd_seps[] = { ":", " : ", ":\t", ": \t" };
	static const char *const values[] = { "Kế hoạch năm 2024", "a:b",
	    "a#b", "5", "-5", "0x1F", "0o17", "1e3", ".5", "~", "null",
	    "True", "yes", "2024-10-05", "a, b", "[a, b]",
	    "[\"y tế\", \"an toàn\"]", "['a', 'b']", "[a , b ]", "[]", "[ ]",
	    "\"quoted\"", "'single'", "'a'  ", "text   ", "a\xC2\xA0" "b",
	    "e\xCC\x81", "\xE2\x84\xA6", "\"\"", "''", "[\"a, b\", c]",
	    "['x' , \"y\"]", "a ]", "ổn định", "-x", "[-5, -]", "a?b",
	    "[a?b]", "a-", "\xF0\x9F\x98\x80" };
	static const char *const odd_values[] = { "a: b", "a #b", "[a,]",
	    "[a,,b]", "[a: b]", "[a, [b]]", "[a", "{a: 1}",
	    "\"esc\\\"aped\"", "\"unterminated", "'it''s'", "\"a\" b",
	    "&anchor x", "*alias", "!tag x", "|", ">", "@x", "`x`", "%x",
	    "?x", "-", "- a", "a\xC2\x85" "b", "a\xE2\x80\xA8" "b",
	    "\xEF\xBB\xBF" "x", "x\x7F", "", " ", "a # b", "#x", "[#]",
	    "[a#b]", "[a'b]", "x: [", "\"a\" # c", ":x", "[:x]", "[a:]",
	    "[a]]", "[a]b", "[,]", "- ", "-\t" };
	static const char *const extra[] = { "\n", "   \n", "# comment\n",
	    "  indented: x\n", "---\n", "...\n", "- item\n", " \n" };
	static const char *const eols[] = { "\r\n", "\r", "\t\n", " # c\n" };
	unsigned long long	 x = 0x9E3779B97F4A7C15ULL;
	struct buf		 src = BUF_INIT;
	size_t			 i, j, n, took = 0, left = 0;
	int			 ok = 1, taken;

#define EDGE(x)	(next_random(x) % 10 == 0)	/* one piece in ten */
	for (i = 0; i < 3000; i++) {
		buf_reset(&src);
		n = 1 + next_random(&x) % 5;
		for (j = 0; j < n; j++) {
			if (EDGE(&x))
				buf_puts(&src, PICK(&x, extra));
			buf_puts(&src, EDGE(&x) ? PICK(&x, odd_keys) :
			    PICK(&x, keys));
			buf_puts(&src, EDGE(&x) ? PICK(&x, odd_seps) :
			    PICK(&x, seps));
			buf_puts(&src, EDGE(&x) ? PICK(&x, odd_values) :
			    PICK(&x, values));
			if (EDGE(&x))
				buf_puts(&src, PICK(&x, eols));
			else if (j + 1 < n || next_random(&x) % 2)
				buf_putc(&src, '\n');
		}
		ok &= reads_as_libyaml(src.data, src.len, &taken);
		took += taken;
		left += !taken;
	}
#undef EDGE
	CHECK(ok);
	CHECK(took > 600);
	CHECK(left > 1000);
	buf_release(&src);
}

int
main(void)
{
	test_scalars();
	test_nested();
	test_packed();
	test_empty();
	test_errors();
	test_aliases();
	test_anchor_redefined();
	test_limits();
	test_nfc();
	test_typed();
	test_many();
	test_simple_taken();
	test_simple_left();
	test_simple_random();
	return CHECK_DONE("meta");
}
