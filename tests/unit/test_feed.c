/*
 * Unit tests for feed.c: entries newest first whatever the order they
 * were added in, the limit, escaping, ids with and without a base URL.
 */
#include "feed.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"

static const struct feed_site site = {
	"Kế hoạch <2024>", "Mô tả", "https://x.gov.vn/kh/", "vi",
	"Ban Chỉ đạo", "2024-12-31"
};

static void
test_order(void)
{
	struct feed	*f = feed_new(), *g = feed_new();
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	const char	*p;

	feed_add(f, "/tin/a/", "/tin/a/", "A & B", "2024-05-16", "2024-05-16",
	    "Tóm tắt");
	feed_add(f, "/dataset/d/#1.0.0", "/dataset/d/", "D", "2024-06-01",
	    "2024-05-01", NULL);
	feed_add(f, "/tin/c/", "/tin/c/", "C", "2024-05-16", NULL, "");
	/* The same entries in another order: the same bytes. */
	feed_add(g, "/tin/c/", "/tin/c/", "C", "2024-05-16", NULL, "");
	feed_add(g, "/tin/a/", "/tin/a/", "A & B", "2024-05-16", "2024-05-16",
	    "Tóm tắt");
	feed_add(g, "/dataset/d/#1.0.0", "/dataset/d/", "D", "2024-06-01",
	    "2024-05-01", NULL);
	CHECK(feed_count(f) == 3);
	feed_atom(f, &site, &a);
	feed_atom(g, &site, &b);
	CHECK_STR(a.data, b.data);
	CHECK(strstr(a.data, "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	    "xml:lang=\"vi\">") != NULL);
	CHECK(strstr(a.data, "<title>Kế hoạch &lt;2024&gt;</title>") != NULL);
	CHECK(strstr(a.data, "<id>https://x.gov.vn/kh/</id>") != NULL);
	CHECK(strstr(a.data, "<link rel=\"self\" "
	    "href=\"https://x.gov.vn/kh/feed.xml\"/>") != NULL);
	/* The feed's updated is its newest entry's. */
	CHECK(strstr(a.data, "  <updated>2024-06-01T00:00:00Z</updated>\n"
	    "  <author>") != NULL);
	/* Newest first, ties by id: D, then /tin/a/, then /tin/c/. */
	p = strstr(a.data, "<id>https://x.gov.vn/kh/dataset/d/#1.0.0</id>");
	CHECK(p != NULL && p < strstr(a.data, "/tin/a/</id>") &&
	    strstr(a.data, "/tin/a/</id>") < strstr(a.data, "/tin/c/</id>"));
	CHECK(strstr(a.data, "<title>A &amp; B</title>") != NULL);
	CHECK(strstr(a.data, "<published>2024-05-01T00:00:00Z</published>")
	    != NULL);
	CHECK(strstr(a.data, "<summary>Tóm tắt</summary>") != NULL);
	CHECK(strstr(a.data, "<summary></summary>") == NULL);
	feed_free(f);
	feed_free(g);
	buf_release(&a);
	buf_release(&b);
}

static void
test_limit_nobase(void)
{
	struct feed_site s = site;
	struct feed	*f = feed_new();
	struct buf	 a = BUF_INIT;
	char		 path[32];
	const char	*p;
	int		 i, n = 0;

	s.base = "";
	for (i = 0; i < FEED_MAX + 10; i++) {
		snprintf(path, sizeof(path), "/tin/%03d/", i);
		feed_add(f, path, path, "x", "2024-01-01", NULL, NULL);
	}
	feed_atom(f, &s, &a);
	for (p = a.data; (p = strstr(p, "<entry>")) != NULL; p++)
		n++;
	CHECK(n == FEED_MAX);
	CHECK(strstr(a.data, "rel=\"self\"") == NULL);
	CHECK(strstr(a.data, "<link rel=\"alternate\" href=\"tin/000/\"/>")
	    != NULL);
	CHECK(strstr(a.data, "<link rel=\"alternate\" href=\"./\"/>") != NULL);
	/* urn:uuid: ids, version 8. */
	p = strstr(a.data, "<id>urn:uuid:");
	CHECK(p != NULL && strlen(p) > 50 && p[13 + 14] == '8' &&
	    p[13 + 8] == '-' && strchr("89ab", p[13 + 19]) != NULL);
	feed_free(f);
	feed_free(NULL);
	buf_release(&a);
	/* An empty feed is dated by the site. */
	f = feed_new();
	buf_init(&a);
	feed_atom(f, &site, &a);
	CHECK(strstr(a.data, "<updated>2024-12-31T00:00:00Z</updated>") != NULL);
	CHECK(strstr(a.data, "<entry>") == NULL);
	feed_free(f);
	buf_release(&a);
}

/*
 * Many more entries than are written, added oldest first and newest
 * first: the same FEED_MAX newest, in the same bytes, though only a few
 * are kept at a time.
 */
static void
test_many(void)
{
	struct feed	*f = feed_new(), *g = feed_new();
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	char		 path[32], day[16];
	int		 i, k;

	for (i = 0; i < 5 * FEED_MAX; i++) {
		k = 5 * FEED_MAX - 1 - i;
		snprintf(path, sizeof(path), "/tin/%03d/", i);
		snprintf(day, sizeof(day), "2024-%02d-%02d", 1 + i / 28 % 12,
		    1 + i % 28);
		feed_add(f, path, path, "x", day, NULL, NULL);
		snprintf(path, sizeof(path), "/tin/%03d/", k);
		snprintf(day, sizeof(day), "2024-%02d-%02d", 1 + k / 28 % 12,
		    1 + k % 28);
		feed_add(g, path, path, "x", day, NULL, NULL);
	}
	CHECK(feed_count(f) == 5 * FEED_MAX && feed_count(g) == 5 * FEED_MAX);
	feed_atom(f, &site, &a);
	feed_atom(g, &site, &b);
	CHECK_STR(a.data, b.data);
	/* 2024-09-26 (i = 249) is the newest, 2024-01-01 (i = 0) is not kept. */
	CHECK(strstr(a.data, "<updated>2024-09-26T00:00:00Z</updated>") !=
	    NULL);
	CHECK(strstr(a.data, "tin/000/") == NULL);
	feed_free(f);
	feed_free(g);
	buf_release(&a);
	buf_release(&b);
}

static size_t	 summaries;	/* calls of summary() */

static void
summary(void *arg, struct buf *out)
{
	(void)arg;
	summaries++;
	buf_puts(out, "s");
}

/*
 * Many entries on a few days, in an order the generator's lists do not
 * have: ties go by id, entries older than the kept ones are passed over,
 * and only the written entries make their summaries.
 */
static void
test_ties(void)
{
	struct feed	*f = feed_new(), *g = feed_new();
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	char		 path[32], day[16];
	unsigned	 i, k, n = 6 * FEED_MAX;

	for (i = 0; i < n; i++) {
		k = (i * 7919u) % n;	/* 7919 is prime: a permutation */
		snprintf(path, sizeof(path), "/tin/%04u/", k);
		snprintf(day, sizeof(day), "2024-05-%02u", 1 + k % 3);
		feed_add_lazy(f, path, path, "x", day, NULL, summary, NULL);
	}
	CHECK(summaries == 0);
	feed_atom(f, &site, &a);
	CHECK(summaries == FEED_MAX);
	for (i = 0; i < n; i++) {	/* newest first, by id */
		k = (2 - i / (n / 3)) + 3 * (i % (n / 3));
		snprintf(path, sizeof(path), "/tin/%04u/", k);
		snprintf(day, sizeof(day), "2024-05-%02u", 1 + k % 3);
		feed_add_lazy(g, path, path, "x", day, NULL, summary, NULL);
	}
	feed_atom(g, &site, &b);
	CHECK(feed_count(f) == n && feed_count(g) == n);
	CHECK_STR(a.data, b.data);
	/* The 50 kept are the first ids of 2024-05-03: k = 2, 5, ... 149. */
	CHECK(strstr(a.data, "tin/0002/") != NULL &&
	    strstr(a.data, "tin/0149/") != NULL);
	CHECK(strstr(a.data, "tin/0152/") == NULL &&
	    strstr(a.data, "tin/0001/") == NULL);
	feed_free(f);
	feed_free(g);
	buf_release(&a);
	buf_release(&b);
}

int
main(void)
{
	test_order();
	test_limit_nobase();
	test_many();
	test_ties();
	return CHECK_DONE("feed");
}
