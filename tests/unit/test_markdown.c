/* Unit tests of markdown.c and i18n.c: the GFM extensions, raw HTML
 * dropped with a warning at the right line (or kept when allowed),
 * site-root links made relative, and dates formatted from theme strings. */
#include "markdown.h"
#include "i18n.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "edition.h"
#include "check.h"

static char *
md(struct diag *d, const char *src, int unsafe, const char *root)
{
	struct markdown_opts	 o = { unsafe, 0, 0, NULL, NULL, 0, NULL, NULL,
				    NULL, NULL, NULL, NULL };
	struct buf		 b = BUF_INIT;

	CHECK(markdown_render(d, "x.md", 5, src, strlen(src), &o, root, &b));
	return buf_detach(&b, NULL);
}

/* The links of "src" with file_urls, from "../../". */
static char *
mdfiles(const char *src)
{
	struct markdown_opts	 o = { 0, 0, 0, NULL, NULL, 1, NULL, NULL,
				    NULL, NULL, NULL, NULL };
	struct diag		*d = diag_new();
	struct buf		 b = BUF_INIT;

	CHECK(markdown_render(d, "x.md", 1, src, strlen(src), &o, "../../",
	    &b));
	diag_free(d);
	return buf_detach(&b, NULL);
}

static void
test_files(void)
{
	char	*h = mdfiles("[a](/muc-tieu/x/) [b](//host/y/) [c](rel/#k) "
	    "[d](../) [e](/) [f](/don-vi/so) [g](/dataset/x/data/x.csv) "
	    "[h](#top) [i](https://x.vn/a/) ![i](/img/p)\n");

	CHECK(strstr(h, "href=\"../../muc-tieu/x/index.html\""));
	CHECK(strstr(h, "href=\"//host/y/\""));
	CHECK(strstr(h, "href=\"rel/index.html#k\""));
	CHECK(strstr(h, "href=\"../index.html\""));
	CHECK(strstr(h, "href=\"../../index.html\""));
	CHECK(strstr(h, "href=\"../../don-vi/so/index.html\""));
	CHECK(strstr(h, "href=\"../../dataset/x/data/x.csv\""));
	CHECK(strstr(h, "href=\"#top\""));
	CHECK(strstr(h, "href=\"https://x.vn/a/\""));
	CHECK(strstr(h, "src=\"../../img/p\""));
	free(h);
}

/* Links from a page of an edition lead to its pages, else the site's. */
static void
test_edition(void)
{
	struct edition		 e;
	struct markdown_opts	 o = { 0, 0, 0, NULL, NULL, 0, &e, NULL, NULL,
				    NULL, NULL, NULL };
	struct diag		*d = diag_new();
	struct buf		 b = BUF_INIT;
	const char		*src = "[a](/a/) [b](/b/) [c](/a/#k) "
	    "[d](/chi-tieu/x/) [e](/a/f.csv) [f](../g/) [g](/chi-tieuz/) "
	    "[h](../a/#k) [i](#top)\n";

	memset(&e, 0, sizeof(e));
	e.prefix = "/en/";
	e.pages = json_pack("{s:b}", "/a/", 1);
	e.mirrored[0] = "/chi-tieu/";
	o.from = "/en/x/";
	CHECK(markdown_render(d, "x.en.md", 1, src, strlen(src), &o, "../../",
	    &b));
	CHECK(strstr(b.data, "href=\"../../en/a/\""));
	CHECK(strstr(b.data, "href=\"../../b/\""));
	CHECK(strstr(b.data, "href=\"../../en/a/#k\""));
	CHECK(strstr(b.data, "href=\"../../en/chi-tieu/x/\""));
	CHECK(strstr(b.data, "href=\"../../a/f.csv\""));
	/* a relative link to a page the edition left out: the original */
	CHECK(strstr(b.data, "href=\"../../g/\""));
	CHECK(strstr(b.data, "href=\"../a/#k\""));
	CHECK(strstr(b.data, "href=\"#top\""));
	CHECK(strstr(b.data, "href=\"../../chi-tieuz/\""));
	CHECK(edition_has(&e, "/chi-tieu/"));
	CHECK(!edition_has(&e, "/b/"));
	buf_release(&b);
	json_decref(e.pages);
	diag_free(d);
}

static void
test_markdown(void)
{
	struct diag	*d = diag_new();
	char		*h, *text = NULL;
	size_t		 len;
	FILE		*fp;

	markdown_init();
	h = md(d, "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ www.example.org\n",
	    0, "../");
	CHECK(strstr(h, "<table>") && strstr(h, "<td>2</td>"));
	CHECK(strstr(h, "<del>x</del>"));
	CHECK(strstr(h, "<a href=\"http://www.example.org\">"));
	free(h);
	h = md(d, "[a](/muc-tieu/x/) [b](//host/y) [c](rel/) ![i](/img/p.png)\n",
	    0, "../../");
	CHECK(strstr(h, "href=\"../../muc-tieu/x/\""));
	CHECK(strstr(h, "href=\"//host/y\""));
	CHECK(strstr(h, "href=\"rel/\""));
	CHECK(strstr(h, "src=\"../../img/p.png\""));
	free(h);
	CHECK(diag_warnings(d) == 0);
	h = md(d, "text\n\n<div>x</div>\n\nand <b>b</b> <script>x</script>\n",
	    0, "./");
	CHECK(strstr(h, "<div>") == NULL && strstr(h, "<script>") == NULL);
	CHECK(diag_warnings(d) == 5);
	fp = open_memstream(&text, &len);
	diag_print(d, fp);
	fclose(fp);
	CHECK(strstr(text, "x.md:7:1: warning: raw HTML is not published") != NULL);
	CHECK(strstr(text, "x.md:9:5: warning:") != NULL);
	free(text);
	free(h);
	h = md(d, "<div>kept</div>\n\n<script>x</script>\n", 1, "./");
	CHECK(strstr(h, "<div>kept</div>") != NULL);
	CHECK(strstr(h, "&lt;script>") != NULL);	/* the tag filter */
	free(h);
	diag_free(d);
}

static void
date(const char *fmt, const char *iso, const char *want)
{
	json_t		*t = json_pack("{s:s, s:[ssssssssssss]}", "date_format",
	    fmt, "months_short", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
	struct buf	 b = BUF_INIT;

	i18n_date(t, iso, &b);
	CHECK_STR(b.data, want);
	buf_release(&b);
	json_decref(t);
}

static void
test_dates(void)
{
	struct buf	 b = BUF_INIT;
	json_t		*none = json_object();

	date("%d/%m/%Y", "2024-05-16", "16/05/2024");
	date("%e %b %Y", "2024-06-03", "3 Jun 2024");
	date("%B %%", "2024-06-03", "06 %");	/* no "months" list */
	i18n_date(none, "2024-05-16", &b);
	CHECK_STR(b.data, "2024-05-16");
	buf_release(&b);
	json_decref(none);
}

static void
fmt(json_t *t, double v, int dec, const char *want)
{
	struct buf	 b = BUF_INIT;

	i18n_number(t, v, dec, &b);
	CHECK_STR(b.data, want);
	buf_release(&b);
}

static void
test_numbers(void)
{
	json_t		*vi = json_pack("{s:s, s:s, s:[ssss], s:s}",
	    "decimal_mark", ",", "group_mark", ".", "size_units", "B", "kB",
	    "MB", "GB", "shown", "Hiển thị {shown} trên {total} dòng {x}.");
	json_t		*en = json_pack("{s:s, s:s}", "decimal_mark", ".",
	    "group_mark", ",");
	json_t		*vars = json_pack("{s:s, s:I}", "shown", "50",
	    "total", (json_int_t)1234);
	struct buf	 b = BUF_INIT;

	fmt(vi, 1234.5, 1, "1.234,5");
	fmt(en, 1234.5, 1, "1,234.5");
	fmt(vi, 8.5, 2, "8,5");
	fmt(vi, 80, 1, "80");
	fmt(vi, -1234567.25, 2, "-1.234.567,25");
	fmt(en, 999.96, 1, "1,000");
	fmt(en, -0.01, 1, "0");
	i18n_size(vi, 12345, &b);
	CHECK_STR(b.data, "12,3 kB");
	buf_reset(&b);
	i18n_size(vi, 999, &b);
	CHECK_STR(b.data, "999 B");
	buf_reset(&b);
	i18n_size(en, 5000000, &b);
	CHECK_STR(b.data, "5,000,000");
	buf_reset(&b);
	i18n_fill(vi, "shown", vars, &b);
	CHECK_STR(b.data, "Hiển thị 50 trên 1234 dòng {x}.");
	buf_release(&b);
	json_decref(vi);
	json_decref(en);
	json_decref(vars);
}

/*
 * Pages render on several threads at once: every one of them must see
 * the extensions (cmark-gfm keeps their characters in a shared table).
 * A thread that would wait for another's inline parsing is called back
 * first, at most once a page, and its page still comes out whole.
 */
#define RACE_THREADS	4
#define RACE_PAGES	400

struct racer {
	size_t	 bad;		/* pages that lost an extension */
	size_t	 waits;		/* calls of the wait hook */
	size_t	 page;		/* the page being rendered */
	size_t	 waited_on;	/* the last page the hook was called in */
	int	 twice;		/* the hook was called twice in one page */
};

static void
race_wait(void *arg)
{
	struct racer	*r = arg;

	r->twice |= r->waits > 0 && r->waited_on == r->page;
	r->waited_on = r->page;
	r->waits++;
}

static void *
race(void *arg)
{
	static const char src[] = "~~old~~ new, see https://example.org and "
	    "~~more~~ text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
	struct racer		*r = arg;
	struct markdown_opts	 o = { 0, 0, 0, NULL, NULL, 0, NULL, NULL,
				    NULL, NULL, race_wait, r };
	struct buf		 b = BUF_INIT;
	struct diag		*d = diag_new();

	for (r->page = 0; r->page < RACE_PAGES; r->page++) {
		buf_reset(&b);
		markdown_render(d, "x.md", 1, src, sizeof(src) - 1, &o, "",
		    &b);
		if (strstr(b.data, "<del>old</del>") == NULL ||
		    strstr(b.data, "<a href=\"https://example.org\">") == NULL ||
		    strstr(b.data, "<table>") == NULL)
			r->bad++;
	}
	buf_release(&b);
	diag_free(d);
	return NULL;
}

static void
test_threads(void)
{
	pthread_t	 t[RACE_THREADS];
	struct racer	 r[RACE_THREADS];
	size_t		 i, total = 0;
	int		 twice = 0;

	memset(r, 0, sizeof(r));
	for (i = 0; i < RACE_THREADS; i++)
		CHECK(pthread_create(&t[i], NULL, race, &r[i]) == 0);
	for (i = 0; i < RACE_THREADS; i++) {
		pthread_join(t[i], NULL);
		total += r[i].bad;
		twice |= r[i].twice;
	}
	CHECK(!twice);
	CHECK(total == 0);
	if (total)
		printf("  %zu of %d pages lost an extension\n", total,
		    RACE_THREADS * RACE_PAGES);
}

/* Plain words: headings apart, inlines joined, blocks and cells apart. */
static void
test_text(void)
{
	struct buf	 h = BUF_INIT, t = BUF_INIT;
	const char	*src = "# Mục *tiêu*\n\nPhát triển **dữ liệu**\nsố.\n\n"
	    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- `y`\n\n"
	    "<b>raw</b> ~~z~~\n\n    code\n## Hai\n";

	markdown_init();
	markdown_text(src, strlen(src), &h, &t);
	CHECK_STR(h.data, "Mục tiêu Hai ");
	CHECK(strstr(t.data, "Phát triển dữ liệu số. ") == t.data);
	CHECK(strstr(t.data, "a b") != NULL && strstr(t.data, "1 2") != NULL);
	CHECK(strstr(t.data, "x") && strstr(t.data, "y") && strstr(t.data,
	    "z") && strstr(t.data, "code"));
	CHECK(strstr(t.data, "raw") != NULL);	/* the text, not the tags */
	CHECK(strstr(t.data, "<b>") == NULL);
	buf_reset(&h);
	buf_reset(&t);
	markdown_text("", 0, &h, &t);
	CHECK(h.len == 0 && t.len == 0);
	buf_release(&h);
	buf_release(&t);
}

/*
 * The words markdown_render() gives with its HTML are markdown_text()'s,
 * links rewritten or not, raw HTML dropped or kept.
 */
static void
test_render_words(void)
{
	static const char *const src[] = {
		"# Mục *tiêu*\n\nPhát triển **dữ liệu**\nsố.\n\n"
		    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- `y`\n\n"
		    "<b>raw</b> ~~z~~\n\n    code\n## Hai\n",
		"Xem [học bạ số](/s15/bai-01854/) và https://example.org, "
		    "I.2.đ.\n\n> trích *dẫn*  \ndòng\n\n```\nkhối\n```\n",
		"",
	};
	struct markdown_opts	 o = { 0, 0, 0, NULL, NULL, 1, NULL, NULL,
				    NULL, NULL, NULL, NULL };
	struct buf		 h = BUF_INIT, t = BUF_INIT, h2 = BUF_INIT;
	struct buf		 t2 = BUF_INIT, html = BUF_INIT;
	struct diag		*d = diag_new();
	size_t			 i;

	markdown_init();
	o.heads = &h2;
	o.text = &t2;
	for (i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
		buf_reset(&h);
		buf_reset(&t);
		buf_reset(&h2);
		buf_reset(&t2);
		o.unsafe = i == 0;
		markdown_text(src[i], strlen(src[i]), &h, &t);
		CHECK(markdown_render(d, "x.md", 1, src[i], strlen(src[i]), &o,
		    "../", &html));
		CHECK_STR(h2.data, h.data);
		CHECK_STR(t2.data, t.data);
	}
	CHECK(t2.len == 0 && h2.len == 0);	/* the last, empty source */
	buf_release(&h);
	buf_release(&t);
	buf_release(&h2);
	buf_release(&t2);
	buf_release(&html);
	diag_free(d);
}

int
main(void)
{
	test_markdown();
	test_text();
	test_render_words();
	test_files();
	test_edition();
	test_threads();
	test_dates();
	test_numbers();
	return CHECK_DONE("markdown, i18n");
}
