/*
 * Unit tests for page.c: the page size limit, and the front matter
 * checks of dates and slugs.  Pages are written to a temporary file and
 * loaded as "content/x.md".
 */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "scratch.h"
#include "stash.h"

static char		 path[64];
static struct page_batch *batch;	/* of the pages load_n() loads */

/* Load the "len" bytes of "text" as a page; the diagnostics in "*out". */
static struct page *
load_n(const char *text, size_t len, char **out)
{
	struct diag	*d = diag_new();
	struct page	*p;
	FILE		*fp;

	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
		abort();
	p = page_load(d, path, "content/x.md", "x.md", batch);
	*out = scratch_printed(d);
	diag_free(d);
	return p;
}

/* 1 if "text" loads with exactly the diagnostics "want". */
static int
loads(const char *text, const char *want)
{
	char		*out = NULL;
	struct page	*p = load_n(text, strlen(text), &out);
	/* A page with an error is dropped, or kept marked broken. */
	int		 ok = strcmp(out, want) == 0 &&
	    (p != NULL && !p->broken) == (*want == '\0');

	if (!ok)
		printf("  page:\n%s\n  printed:\n%s  want:\n%s", text, out, want);
	page_free(p);
	free(out);
	return ok;
}

static void
test_size(void)
{
	size_t		 n = PAGE_SIZE_MAX;
	char		*s = malloc(n + 1), *out = NULL;
	struct page	*p;

	memset(s, 'x', n + 1);
	memcpy(s, "---\ntitle: Big\n---\n", 19);
	p = load_n(s, n, &out);
	CHECK(p != NULL && p->bodylen == n - 19);
	CHECK_STR(out, "");
	page_free(p);
	free(out);
	p = load_n(s, n + 1, &out);
	CHECK(p == NULL);
	CHECK_STR(out, "content/x.md: error: page is 4.0 MB, more than the 4 MB "
	    "a page may have (split it into several pages)\n");
	page_free(p);
	free(out);
	free(s);
}

/*
 * A body left out by the memory budget, or dropped after rendering, is
 * read again by page_body(): the same text and line, or the new text of
 * a file edited meanwhile.
 */
static void
test_body_again(void)
{
	const char	*text = "---\ntitle: A\n---\nText.\n";
	struct diag	*d = diag_new();
	struct page	*p;
	char		*out = NULL;
	FILE		*fp;
	struct page_keep k = { .max = 4 };	/* "Text.\n" is 6 bytes */
	struct page_batch b;

	atomic_init(&k.used, 0);
	page_batch_init(&b, &k);
	batch = &b;
	p = load_n(text, strlen(text), &out);
	free(out);
	CHECK(p != NULL && p->body == NULL);
	CHECK(p != NULL && page_body(d, p) && strcmp(p->body, "Text.\n") == 0);
	CHECK(p != NULL && p->bodyline == 4);
	batch = NULL;
	if (p != NULL) {
		page_drop_body(p);
		CHECK(p->body == NULL);
		if ((fp = fopen(path, "wb")) == NULL ||
		    fputs("---\ntitle: A\n---\n\nNew.\n", fp) < 0 ||
		    fclose(fp) != 0)
			abort();
		CHECK(page_body(d, p) && strcmp(p->body, "\nNew.\n") == 0);
		if ((fp = fopen(path, "wb")) == NULL ||
		    fputs("---\ntitle: A\n", fp) < 0 || fclose(fp) != 0)
			abort();
		page_drop_body(p);
		CHECK(!page_body(d, p) && strcmp(p->body, "") == 0);
		CHECK(diag_errors(d) == 1);
	}
	page_free(p);
	p = load_n(text, strlen(text), &out);
	free(out);
	CHECK(p != NULL && p->body != NULL && strcmp(p->body, "Text.\n") == 0);
	page_free(p);
	diag_free(d);
}

/* Write "text" over the page file. */
static void
rewrite(const char *text)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL || fputs(text, fp) < 0 ||
	    fclose(fp) != 0)
		abort();
}

/*
 * Load "text" with no room for its body and no stash, write "now" over
 * the file (NULL: remove it), and read the body again: 1 if that gives
 * "body" (NULL: fails) and prints exactly "want".
 */
static int
again(const char *text, const char *now, const char *body, const char *want)
{
	struct diag	*d = diag_new();
	struct page	*p;
	struct page_keep k = { .max = 0 };	/* and no stash */
	struct page_batch b;
	char		*out = NULL;
	int		 ok, rc;

	atomic_init(&k.used, 0);
	page_batch_init(&b, &k);
	batch = &b;
	p = load_n(text, strlen(text), &out);
	batch = NULL;
	free(out);
	if (p == NULL || p->body != NULL || !p->summed) {
		printf("  page:\n%s\n  was not left out\n", text);
		page_free(p);
		diag_free(d);
		return 0;
	}
	if (now != NULL)
		rewrite(now);
	else if (unlink(path) != 0)
		abort();
	rc = page_body(d, p);
	out = scratch_printed(d);
	ok = strcmp(out, want) == 0 && (body ? rc && strcmp(p->body, body) ==
	    0 && p->bodylen == strlen(body) : !rc && *p->body == '\0');
	if (!ok)
		printf("  page:\n%s\n  then:\n%s\n  body: %s\n  printed:\n%s"
		    "  want:\n%s", text, now ? now : "(removed)",
		    rc ? p->body : "(none)", out, want);
	page_free(p);
	free(out);
	diag_free(d);
	return ok;
}

/*
 * A body the budget left out comes back as it was loaded, by its length
 * and CRC-32; a file edited since is an error, not a page made of two
 * versions.
 */
static void
test_body_summed(void)
{
	static const char	 changed[] = "content/x.md:1:1: error: the page "
	    "changed during the build; build again\n";
	const char		*text = "---\ntitle: A\n---\nText.\n";

	CHECK(again(text, text, "Text.\n", ""));
	/* The front matter may change: it was read once, at load. */
	CHECK(again(text, "---\ntitle: B\n---\nText.\n", "Text.\n", ""));
	CHECK(again(text, "---\ntitle: A\n---\nTexts.\n", NULL, changed));
	CHECK(again(text, "---\ntitle: A\n---\nTest.\n", NULL, changed));
	CHECK(again(text, "---\ntitle: A\n\n---\nText.\n", NULL, changed));
	CHECK(again(text, "---\ntitle: A\n", NULL, changed));
	CHECK(again(text, "", NULL, changed));
	/* Bytes read again are checked as at load, once. */
	CHECK(again(text, "---\ntitle: A\n---\nTe\xc3(.\n", NULL,
	    "content/x.md:4:3: error: invalid UTF-8 (byte offset 19)\n"));
	/* A text normalised at load is normalised again to compare. */
	CHECK(again("\xef\xbb\xbf---\ntitle: A\n---\nE\xcc\x82.\n",
	    "\xef\xbb\xbf---\ntitle: A\n---\nE\xcc\x82.\n", "\xc3\x8a.\n",
	    ""));
	CHECK(again("---\ntitle: A\n---\nE\xcc\x82.\n",
	    "---\ntitle: A\n---\n\xc3\x8a.\n", "\xc3\x8a.\n", ""));
	CHECK(again("\xef\xbb\xbf---\ntitle: A\n---\nText.\n", text,
	    "Text.\n", ""));
	/* Gone is an error of its own. */
	CHECK(again(text, NULL, NULL, "content/x.md: error: cannot open: No "
	    "such file or directory\n"));
}

/*
 * Bodies past the budget wait in the stash, a block per PAGE_BATCH bytes,
 * and come back as they were loaded (NFC, without the front matter),
 * whatever happens to their files meanwhile.  A stash that cannot be
 * written leaves them to be read again from their files.
 */
static void
test_body_stashed(void)
{
	struct diag	*d = diag_new();
	struct page_keep k = { .max = 10 };
	struct page_batch b;
	struct page	*v[40];
	char		*big = malloc(40000), *out, want[16];
	const char	*tmp = getenv("TMPDIR");
	size_t		 i, stashed = 0;

	atomic_init(&k.used, 0);
	k.stash = stash_new();
	page_batch_init(&b, &k);
	batch = &b;
	/* 40 bodies of 40 KB: more than PAGE_BATCH, flushed on the way. */
	for (i = 0; i < 40; i++) {
		snprintf(big, 40000, "---\ntitle: T%zu\n---\nE\xcc\x82 %zu ", i,
		    i);
		memset(big + strlen(big), 'x', 40000 - 1 - strlen(big));
		big[40000 - 1] = '\0';
		out = NULL;
		v[i] = load_n(big, strlen(big), &out);
		free(out);
	}
	for (i = 0; i < 40; i++)
		stashed += v[i] != NULL && v[i]->stash != NULL;
	CHECK(stashed > 0 && stashed < 40);	/* some blocks written */
	page_batch_flush(&b);
	CHECK(v[0] != NULL && v[0]->body == NULL && v[0]->stash != NULL);
	CHECK(v[39] != NULL && v[39]->body == NULL && v[39]->stash != NULL);
	rewrite("---\ntitle: T\n---\nChanged.\n");
	for (i = 0; i < 40; i++) {
		snprintf(want, sizeof(want), "\xc3\x8a %zu x", i);
		CHECK(v[i] != NULL && page_body(d, v[i]) &&
		    strncmp(v[i]->body, want, strlen(want)) == 0 &&
		    strlen(v[i]->body) == v[i]->bodylen &&
		    /* less the front matter, and E + U+0302 is one letter */
		    v[i]->bodylen == 40000 - 1 - (17 + (i > 9 ? 2 : 1)) - 1);
		page_free(v[i]);
	}
	CHECK(diag_errors(d) == 0);
	stash_free(k.stash);

	/* A stash in a folder that is not there: read again instead. */
	setenv("TMPDIR", "/nonexistent/planpress-test", 1);
	atomic_init(&k.used, 0);
	k.max = 0;
	k.stash = stash_new();
	page_batch_init(&b, &k);
	out = NULL;
	v[0] = load_n("---\ntitle: A\n---\nText.\n", 23, &out);
	free(out);
	page_batch_flush(&b);
	CHECK(v[0] != NULL && v[0]->stash == NULL && v[0]->summed);
	CHECK(v[0] != NULL && page_body(d, v[0]) &&
	    strcmp(v[0]->body, "Text.\n") == 0);
	page_free(v[0]);
	stash_free(k.stash);
	if (tmp != NULL)
		setenv("TMPDIR", tmp, 1);
	else
		unsetenv("TMPDIR");
	batch = NULL;
	free(big);
	diag_free(d);
}

/* The text as loaded: a byte order mark dropped, NFC, bad bytes refused. */
static void
test_text(void)
{
	static const char	 nul[] = "---\ntitle: A\n---\na\0b\n";
	struct page		*p;
	char			*out = NULL;

	p = load_n("\xef\xbb\xbf---\ntitle: Pha\xcc\x81t\n---\nE\xcc\x82.\n",
	    30, &out);
	CHECK_STR(out, "");
	CHECK(p != NULL && strcmp(p->title, "Ph\xc3\xa1t") == 0);
	CHECK(p != NULL && strcmp(p->body, "\xc3\x8a.\n") == 0);
	page_free(p);
	free(out);
	p = load_n("---\ntitle: A\n---\nPha\xcc\x81t\n", 24, &out);
	CHECK(p != NULL && strcmp(p->body, "Ph\xc3\xa1t\n") == 0);
	page_free(p);
	free(out);
	p = load_n(nul, sizeof(nul) - 1, &out);
	CHECK(p == NULL);
	CHECK_STR(out, "content/x.md:1: error: file contains a NUL byte\n");
	free(out);
	CHECK(loads("---\ntitle: A\n---\nx\xc3(\n",
	    "content/x.md:4:2: error: invalid UTF-8 (byte offset 18)\n"));
	/* After a byte order mark: the offset in the file, the column as an
	 * editor shows it. */
	CHECK(loads("\xef\xbb\xbf---\ntitle: A\n---\nx\xc3(\n",
	    "content/x.md:4:2: error: invalid UTF-8 (byte offset 21)\n"));
	CHECK(loads("\xef\xbb\xbfx\xc3(\n",
	    "content/x.md:1:2: error: invalid UTF-8 (byte offset 4)\n"));
}

int
main(void)
{
	int	 fd;

	snprintf(path, sizeof(path), "/tmp/planpress-page-XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		abort();
	close(fd);
	test_size();
	test_body_again();
	test_body_summed();
	test_body_stashed();
	test_text();
	CHECK(loads("---\ntitle: A\n---\nText.\n", ""));
	CHECK(loads("---\ntitle: A\ndate: 2024-02-29\n---\n", ""));
	CHECK(loads("---\ntitle: A\ndate: 2000-02-29 23:59\n---\n", ""));
	CHECK(loads("---\ntitle: A\ndate: 2024-05-16T07:30:00.25-05:00\n---\n",
	    ""));
	CHECK(loads("---\ntitle: A\ndate: 1900-02-29\n---\n",
	    "content/x.md:3:7: error: date '1900-02-29' is not a day of the "
	    "calendar\n"));
	CHECK(loads("---\ntitle: A\ndate: 2024-04-31\n---\n",
	    "content/x.md:3:7: error: date '2024-04-31' is not a day of the "
	    "calendar\n"));
	CHECK(loads("---\ntitle: A\ndate: 2024-05-16T1\n---\n",
	    "content/x.md:3:7: error: date '2024-05-16T1' has no valid time of "
	    "day after the date (hh:mm or hh:mm:ss, from 00:00 to 23:59)\n"));
	CHECK(loads("---\ntitle: A\ndate: 2024-05-16T10:60\n---\n",
	    "content/x.md:3:7: error: date '2024-05-16T10:60' has no valid time "
	    "of day after the date (hh:mm or hh:mm:ss, from 00:00 to 23:59)\n"));
	CHECK(loads("---\ntitle: A\ndate: 2024-05-16T10:00+25:00\n---\n",
	    "content/x.md:3:7: error: date '2024-05-16T10:00+25:00' has no valid "
	    "time of day after the date (hh:mm or hh:mm:ss, from 00:00 to "
	    "23:59)\n"));
	CHECK(loads("---\ntitle: A\nslug: b\xc3\xa1o-c\xc3\xa1o\n---\n", ""));
	CHECK(loads("---\ntitle: \"A\\u200Bb\"\n---\n",
	    "content/x.md:2:8: error: title contains the invisible character "
	    "U+200B\n"));
	unlink(path);
	return CHECK_DONE("page");
}
