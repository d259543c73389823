/*
 * Unit tests for search.c: folding and terms (the cases of
 * tests/unit/search-terms.txt, which the browser test runs through
 * search.js too), the term and page files, keys and their splitting,
 * determinism, and the search page's lists.
 */
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "check.h"

#define TERMS	"tests/unit/search-terms.txt"

static void
onterm(void *arg, const char *t, size_t len, int code)
{
	struct buf	*b = arg;

	if (b->len)
		buf_putc(b, ' ');
	if (code)
		buf_putc(b, '#');
	buf_put(b, t, len);
}

static const char *
terms(struct buf *b, const char *s)
{
	buf_reset(b);
	search_terms(s, strlen(s), onterm, b);
	return b->data;
}

static const char *
fold(struct buf *b, const char *s, int code)
{
	buf_reset(b);
	search_fold(b, s, strlen(s), code);
	return b->data;
}

static void
test_fold(void)
{
	struct buf	 b = BUF_INIT;

	CHECK_STR(fold(&b, "Chuyển Đổi Số", 0), "chuyen doi so");
	CHECK_STR(fold(&b, "CHUYỂN ĐỔI SỐ", 0), "chuyen doi so");
	CHECK_STR(fold(&b, "I.2.đ", 0), "i.2.d");
	CHECK_STR(fold(&b, "I.2.đ", 1), "i.2.dd");
	CHECK_STR(fold(&b, "Ngô Đình Diệm", 0), "ngo dinh diem");
	CHECK_STR(fold(&b, "a\xff" "b", 0), "ab");	/* bad byte dropped */
	CHECK_STR(fold(&b, "", 0), "");
	buf_release(&b);
}

/* "\u{HEX}" escapes of the cases file into UTF-8. */
static void
unescape(struct buf *out, const char *s)
{
	char		*end;
	unsigned long	 c;

	buf_reset(out);
	while (*s) {
		if (strncmp(s, "\\u{", 3) == 0 &&
		    (c = strtoul(s + 3, &end, 16)) > 0 && *end == '}') {
			if (c < 0x80)
				buf_putc(out, (int)c);
			else if (c < 0x800)
				buf_printf(out, "%c%c", (int)(0xC0 | c >> 6),
				    (int)(0x80 | (c & 0x3F)));
			else
				buf_printf(out, "%c%c%c", (int)(0xE0 | c >> 12),
				    (int)(0x80 | (c >> 6 & 0x3F)),
				    (int)(0x80 | (c & 0x3F)));
			s = end + 1;
		} else
			buf_putc(out, *s++);
	}
}

static void
test_terms_file(void)
{
	FILE		*f = fopen(TERMS, "r");
	char		 line[1024], *tab, *nl;
	struct buf	 in = BUF_INIT, b = BUF_INIT;
	int		 n = 0;

	CHECK(f != NULL);
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		tab = strchr(line, '\t');
		if (tab != NULL)
			*tab++ = '\0';
		unescape(&in, line);
		terms(&b, in.data);
		if (strcmp(b.data, tab ? tab : "") != 0)
			printf("  terms of '%s': '%s'\n", line, b.data);
		CHECK_STR(b.data, tab ? tab : "");
		n++;
	}
	fclose(f);
	CHECK(n >= 20);
	buf_release(&in);
	buf_release(&b);
}

/* The files search_write() hands over, by path. */
static int
collect(void *arg, const char *path, const struct buf *data)
{
	json_t		*files = arg;
	json_error_t	 err;
	json_t		*v = json_loadb(data->data, data->len, 0, &err);
	char		*dump;

	CHECK(v != NULL);
	CHECK(data->len > 0 && data->data[data->len - 1] == '\n');
	/* Term files are written by hand: the bytes jansson would write. */
	if (v != NULL && strstr(path, "t/") != NULL) {
		dump = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
		CHECK(dump != NULL && strlen(dump) == data->len - 1 &&
		    memcmp(dump, data->data, data->len - 1) == 0);
		free(dump);
	}
	json_object_set_new(files, path, json_pack("{s:s%, s:o*}", "bytes",
	    data->data, data->len, "json", v));
	return strcmp(path, "ix/d/9.json") != 0;
}

/* 1 if "got" equals "want", which it takes. */
static int
eq(json_t *got, json_t *want)
{
	int	 rc = json_equal(got, want);

	json_decref(want);
	return rc;
}

static json_t *
file(json_t *files, const char *path)
{
	return json_object_get(json_object_get(files, path), "json");
}

/* The three pages of test_index(), in order. */
static void
three(struct search *s)
{
	struct search_doc	 d;

	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_SECTION;
	d.path = "/muc-tieu/";
	d.title = "Mục tiêu";
	d.text = "Chuyển đổi số.";
	search_add(s, &d);
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_TARGET;
	d.path = "/chi-tieu/I.2.dd.1/";
	d.title = "Hồ sơ được số hóa";
	d.code = "I.2.đ (1)";
	d.codes = "I.2.dd.1";
	d.section = "Phát triển chính quyền số";
	d.section_path = "/muc-tieu/cq/";
	d.snippet = "Mục I.2, điểm đ";
	search_add(s, &d);
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_TARGET;
	d.path = "/chi-tieu/I.2.e/";
	d.title = "Chuyển đổi số";
	d.code = "I.2.e";
	d.heads = "Hồ sơ";
	d.section = "Phát triển chính quyền số";
	d.section_path = "/muc-tieu/cq/";
	search_add(s, &d);
}

/* The pages of three() without their text, snippets and headings. */
static void
three_bare(struct search *s)
{
	struct search_doc	 d;

	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_SECTION;
	d.path = "/muc-tieu/";
	d.title = "Mục tiêu";
	search_add(s, &d);
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_TARGET;
	d.path = "/chi-tieu/I.2.dd.1/";
	d.title = "Hồ sơ được số hóa";
	d.code = "I.2.đ (1)";
	d.codes = "I.2.dd.1";
	d.section = "Phát triển chính quyền số";
	d.section_path = "/muc-tieu/cq/";
	search_add(s, &d);
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_TARGET;
	d.path = "/chi-tieu/I.2.e/";
	d.title = "Chuyển đổi số";
	d.code = "I.2.e";
	d.section = "Phát triển chính quyền số";
	d.section_path = "/muc-tieu/cq/";
	search_add(s, &d);
}

/* The postings of "term" in the term file of key "key". */
static json_t *
postings(json_t *files, const char *key, const char *term)
{
	json_t	*meta = file(files, "ix/meta.json"), *k;
	size_t	 i;
	char	 path[64];

	json_array_foreach(json_object_get(meta, "keys"), i, k)
		if (strcmp(json_string_value(k), key) == 0) {
			snprintf(path, sizeof(path), "ix/t/%zu.json", i);
			return json_object_get(file(files, path), term);
		}
	return NULL;
}

static void
test_index(void)
{
	struct search	*s = search_new();
	json_t		*files = json_object(), *again = json_object();
	json_t		*meta, *row, *p;

	three(s);
	CHECK(search_count(s) == 3);
	CHECK(search_write(s, "ix/", collect, files) == 1);
	meta = file(files, "ix/meta.json");
	CHECK(json_integer_value(json_object_get(meta, "docs")) == 3);
	CHECK(json_integer_value(json_object_get(meta, "per")) == SEARCH_PER);
	CHECK(json_integer_value(json_object_get(meta, "key_max")) ==
	    SEARCH_KEY_MAX);
	CHECK(eq(json_object_get(meta, "sections"), json_pack("[s, s]",
	    "", "Phát triển chính quyền số")));
	/* One key a letter at this size: c d h ... */
	CHECK(json_array_size(json_object_get(meta, "keys")) ==
	    json_object_size(files) - 2);
	/* "so" on page 0 (text), 1 (title: số), 2 (title): 0<<2|1, 1<<2|3, 1<<2|3. */
	p = postings(files, "s", "so");
	CHECK(eq(p, json_pack("[i, i, i]", 1, 7, 7)));
	/* "ho" on page 1 (title) and 2 (heading). */
	CHECK(eq(postings(files, "h", "ho"), json_pack("[i, i]", 7, 6)));
	/* The code in both forms, a code field, and only on page 1. */
	CHECK(eq(postings(files, "i", "i.2.dd"), json_pack("[i]", 6)));
	CHECK(eq(postings(files, "i", "i.2.dd.1"), json_pack("[i]", 6)));
	CHECK(eq(postings(files, "i", "i.2"), json_pack("[i]", 5)));
	CHECK(postings(files, "i", "i.2.d") == NULL);
	/* Pairs of words in a row of a title, and only of a title. */
	CHECK(eq(postings(files, "h", "ho so"), json_pack("[i]", 7)));
	CHECK(eq(postings(files, "d", "doi so"), json_pack("[i]", 11)));
	CHECK(postings(files, "s", "so duoc") != NULL);
	CHECK(postings(files, "h", "ho chuyen") == NULL);
	CHECK(postings(files, "m", "muc tieu") != NULL);
	CHECK(postings(files, "c", "chuyen doi") != NULL &&
	    json_array_size(postings(files, "c", "chuyen doi")) == 1);
	row = json_array_get(file(files, "ix/d/0.json"), 1);
	CHECK(eq(row, json_pack("[s, s, i, s, s]", "chi-tieu/I.2.dd.1/",
	    "Hồ sơ được số hóa", 1, "I.2.đ (1)", "Mục I.2, điểm đ")));
	/* Same input, same bytes. */
	search_free(s);
	s = search_new();
	three(s);
	search_write(s, "ix/", collect, again);
	CHECK(json_equal(files, again));
	search_free(s);
	json_decref(files);
	json_decref(again);
}

/*
 * The pages of three() with their words added later, in parts merged
 * in either order: the same bytes as three() itself.
 */
static void
test_merge(void)
{
	struct search		*s, *a, *b;
	struct search_doc	 d[3];
	json_t			*want = json_object(), *got;
	size_t			 i, order;

	s = search_new();
	three(s);
	search_write(s, "ix/", collect, want);
	search_free(s);
	memset(d, 0, sizeof(d));
	d[0].text = "Chuyển đổi số.";
	d[1].snippet = "Mục I.2, điểm đ";
	d[2].heads = "Hồ sơ";
	for (order = 0; order < 2; order++) {
		s = search_new();
		a = search_new();
		b = search_new();
		three_bare(s);
		search_add_words(a, 0, d[0].text, d[0].snippet, d[0].heads);
		search_add_words(b, 1, d[1].text, d[1].snippet, d[1].heads);
		search_add_words(a, 2, d[2].text, d[2].snippet, d[2].heads);
		for (i = 0; i < 3; i++)
			if (d[i].snippet != NULL)
				search_set_snippet(s, i, d[i].snippet);
		search_merge(s, order ? b : a);
		search_merge(s, order ? a : b);
		got = json_object();
		search_write(s, "ix/", collect, got);
		CHECK(json_equal(got, want));
		json_decref(got);
		search_free(a);
		search_free(b);
		search_free(s);
	}
	json_decref(want);
}

/* A page of "n" words "ca" + 3 letters, and "c" and "ca". */
static void
many(struct search *s, size_t n)
{
	struct search_doc	 d;
	struct buf		 text = BUF_INIT;
	size_t			 i;

	for (i = 0; i < n; i++)
		buf_printf(&text, "ca%c%c%c ", 'a' + (int)(i % 26),
		    'a' + (int)(i / 26 % 26), 'a' + (int)(i / 676 % 26));
	buf_puts(&text, "c ca ca ca");
	memset(&d, 0, sizeof(d));
	d.path = "/a/";
	d.title = "A";
	d.text = text.data;
	search_add(s, &d);
	buf_release(&text);
}

/* The key of the file "term" is in, by the rule search.js follows. */
static const char *
keyof(json_t *keys, const char *term)
{
	const char	*best = NULL, *k;
	json_t		*v;
	size_t		 i, n;

	json_array_foreach(keys, i, v) {
		k = json_string_value(v);
		n = strlen(k);
		if (strncmp(term, k, n) == 0 && (best == NULL ||
		    n > strlen(best)))
			best = k;
	}
	return best;
}

static void
test_split(void)
{
	struct search	*s = search_new();
	json_t		*files = json_object(), *keys, *v, *f;
	const char	*path, *term;
	size_t		 i, longest = 0, biggest = 0, misplaced = 0;
	char		 want[64];

	many(s, 6000);
	search_write(s, "ix/", collect, files);
	keys = json_object_get(file(files, "ix/meta.json"), "keys");
	json_array_foreach(keys, i, v)
		if (strlen(json_string_value(v)) > longest)
			longest = strlen(json_string_value(v));
	CHECK(longest == 3);	/* "c" split into "ca", then "caa" ... */
	json_object_foreach(files, path, v) {
		if (strncmp(path, "ix/t/", 5) != 0)
			continue;
		f = json_object_get(v, "bytes");
		if (json_string_length(f) > biggest)
			biggest = json_string_length(f);
		/* Every term is in the file of the longest key it starts with. */
		json_object_foreach(json_object_get(v, "json"), term, f) {
			want[0] = '\0';
			for (i = 0; i < json_array_size(keys); i++)
				if (strcmp(json_string_value(json_array_get(
				    keys, i)), keyof(keys, term)) == 0)
					snprintf(want, sizeof(want),
					    "ix/t/%zu.json", i);
			if (strcmp(want, path) != 0 && misplaced++ < 5)
				printf("  '%s' in %s, not %s\n", term, path,
				    want);
		}
	}
	CHECK(misplaced == 0);
	CHECK(biggest <= SEARCH_SHARD_MAX);
	CHECK(keyof(keys, "c") != NULL && strcmp(keyof(keys, "c"), "c") == 0);
	CHECK(keyof(keys, "ca") != NULL && strcmp(keyof(keys, "ca"), "ca") == 0);
	search_free(s);
	json_decref(files);
}

static void
test_keys(void)
{
	struct search		*s = search_new();
	struct search_doc	 d;
	json_t			*files = json_object(), *keys;

	memset(&d, 0, sizeof(d));
	d.path = "/";
	d.title = "中文 I.2";
	search_add(s, &d);
	search_write(s, "", collect, files);
	keys = json_object_get(file(files, "meta.json"), "keys");
	CHECK(eq(keys, json_pack("[s, s, s]", "2", "_4e2d_", "i")));
	search_free(s);
	json_decref(files);
}

static void
test_fail(void)
{
	struct search	*s = search_new();
	json_t		*files = json_object();
	size_t		 i;

	for (i = 0; i < 10 * SEARCH_PER; i++)
		many(s, 1);
	/* collect() fails ix/d/9.json: the rest is still written. */
	CHECK(search_write(s, "ix/", collect, files) == 0);
	CHECK(file(files, "ix/meta.json") != NULL);
	CHECK(file(files, "ix/d/9.json") != NULL);
	search_free(s);
	search_free(NULL);
	json_decref(files);
}

static void
test_view(void)
{
	struct search	*s = search_new();
	json_t		*v, *e;

	three(s);
	v = search_view(s, "/tim-kiem/", 0);
	CHECK(eq(v, json_pack("{s:b, s:[{s:s, s:s, s:s}], s:b, "
	    "s:[{s:s, s:s, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}]}]}",
	    "has_sections", 1, "sections", "title", "Mục tiêu", "code", "",
	    "url", "../muc-tieu/", "has_targets", 1, "groups", "title",
	    "Phát triển chính quyền số", "url", "../muc-tieu/cq/", "targets",
	    "title", "Hồ sơ được số hóa", "code", "I.2.đ (1)", "url",
	    "../chi-tieu/I.2.dd.1/", "title", "Chuyển đổi số", "code", "I.2.e",
	    "url", "../chi-tieu/I.2.e/")));
	json_decref(v);
	/* Opened from disk: every link names the folder's index.html. */
	v = search_view(s, "/tim-kiem/", 1);
	e = json_array_get(json_object_get(v, "sections"), 0);
	CHECK_STR(json_string_value(json_object_get(e, "url")),
	    "../muc-tieu/index.html");
	e = json_array_get(json_object_get(v, "groups"), 0);
	e = json_array_get(json_object_get(e, "targets"), 1);
	CHECK_STR(json_string_value(json_object_get(e, "url")),
	    "../chi-tieu/I.2.e/index.html");
	json_decref(v);
	search_free(s);
	s = search_new();
	v = search_view(s, "/", 0);
	CHECK(json_is_false(json_object_get(v, "has_sections")));
	CHECK(json_is_false(json_object_get(v, "has_targets")));
	json_decref(v);
	search_free(s);
}

int
main(void)
{
	test_fold();
	test_terms_file();
	test_index();
	test_merge();
	test_split();
	test_keys();
	test_fail();
	test_view();
	return CHECK_DONE("search");
}
