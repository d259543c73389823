/* Broken links: resolving a link from a page, and the report. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "linkcheck.h"
#include "scratch.h"

static const char *
res(const char *from, const char *url)
{
	static struct buf	 b = BUF_INIT;

	return linkcheck_resolve(from, url, &b) ? b.data : "(none)";
}

static void
resolve(void)
{
	CHECK_STR(res("/muc-tieu/x/", "../y/"), "/muc-tieu/y/");
	CHECK_STR(res("/muc-tieu/x/", "anh.png"), "/muc-tieu/x/anh.png");
	CHECK_STR(res("/a/b/", "/dataset/d/data/d.csv"),
	    "/dataset/d/data/d.csv");
	CHECK_STR(res("/a/b/", "/"), "/");
	CHECK_STR(res("/a/b/", ".."), "/a/");
	CHECK_STR(res("/a/b/", "./c/../d/"), "/a/b/d/");
	CHECK_STR(res("/a/b/", "/t%E1%BA%A1i/?x=1#y"), "/t\xe1\xba\xa1i/");
	CHECK_STR(res("/a/b/", "c#frag"), "/a/b/c");
	CHECK_STR(res("/", "../../x/"), "(none)");	/* above the root */
	CHECK_STR(res("/a/", "https://example.org/"), "(none)");
	CHECK_STR(res("/a/", "//cdn.example.org/x.js"), "(none)");
	CHECK_STR(res("/a/", "mailto:a@b.vn"), "(none)");
	CHECK_STR(res("/a/", "#top"), "(none)");
	CHECK_STR(res("/a/", "?page=2"), "(none)");
}

static void
report(void)
{
	struct linkcheck	*lc = linkcheck_new();
	struct diag		*d = diag_new();

	linkcheck_file(lc, "a/index.html");
	linkcheck_file(lc, "/files/x.pdf");
	linkcheck_draft(lc, "/nhap/", "content/nhap.md");
	linkcheck_unsure(lc, "/api/");
	linkcheck_link(lc, "content/p.md", 3, 1, "/p/", "/a/");
	linkcheck_link(lc, "content/p.md", 3, 9, "/p/", "/a");
	linkcheck_link(lc, "content/p.md", 4, 1, "/p/", "../a/index.html");
	linkcheck_link(lc, "content/p.md", 5, 1, "/p/", "/files/x.pdf");
	linkcheck_link(lc, "content/p.md", 6, 1, "/p/", "/api/i.json");
	CHECK(linkcheck_report(lc, d) == 1);
	CHECK(diag_errors(d) == 0 && diag_warnings(d) == 0);
	linkcheck_link(lc, "content/p.md", 7, 1, "/p/", "/nhap/");
	linkcheck_link(lc, "content/p.md", 8, 1, "/p/", "/b/");
	linkcheck_link(lc, "content/p.md", 8, 1, "/p/", "/b/");	/* twice */
	CHECK(linkcheck_report(lc, d) == 0);
	CHECK(diag_errors(d) == 1 && diag_warnings(d) == 1);
	diag_free(d);
	linkcheck_free(lc);
}

/*
 * linkcheck_report() of "lc", which must return "rc"; what it printed.
 * Frees "lc".
 */
static char *
judged(struct linkcheck *lc, int rc)
{
	struct diag	*d = diag_new();
	char		*out;

	CHECK(linkcheck_report(lc, d) == rc);
	out = scratch_printed(d);
	diag_free(d);
	linkcheck_free(lc);
	return out;
}

/*
 * Links met before what they lead to is published are judged at the
 * end; those met after are good at once.  Either way the same report.
 */
static void
report_later(void)
{
	struct linkcheck	*lc = linkcheck_new();
	char			*out;

	linkcheck_link(lc, "content/p.md", 1, 1, "/p/", "/c/");
	linkcheck_link(lc, "content/p.md", 2, 1, "/p/", "../c");
	linkcheck_link(lc, "content/p.md", 3, 1, "/p/", "/gone/");
	linkcheck_link(lc, "content/q.md", 1, 1, "/q/", "x.csv");
	linkcheck_file(lc, "c/index.html");
	linkcheck_file(lc, "/q/x.csv");
	linkcheck_link(lc, "content/p.md", 4, 1, "/p/", "/c/");
	linkcheck_link(lc, "content/p.md", 5, 1, "/p/", "/gone/");
	out = judged(lc, 0);
	CHECK_STR(out, "content/p.md:3:1: error: link to '/gone/', which is no "
	    "page or file of the site\n"
	    "content/p.md:5:1: error: link to '/gone/', which is no page or "
	    "file of the site\n");
	free(out);
}

/*
 * Links to the pages the build is about to write are good before they
 * are written; a link that only starts like one is not.
 */
static void
report_pages(void)
{
	static const char *const pages[] = { "/", "/a/", "/a/b/", "/c d/" };
	struct linkcheck	*lc = linkcheck_new();
	char			*out;

	linkcheck_pages(lc, pages, 4);
	linkcheck_link(lc, "content/p.md", 1, 1, "/p/", "/a/b");
	linkcheck_link(lc, "content/p.md", 2, 1, "/p/", "../a/b/#x");
	linkcheck_link(lc, "content/p.md", 3, 1, "/a/b/", "..");
	linkcheck_link(lc, "content/p.md", 4, 1, "/p/", "/c%20d");
	linkcheck_link(lc, "content/p.md", 5, 1, "/p/", "/");
	linkcheck_link(lc, "content/p.md", 6, 1, "/p/", "/a/b/c/");
	linkcheck_link(lc, "content/p.md", 7, 1, "/p/", "/a/bc/");
	linkcheck_link(lc, "content/p.md", 8, 1, "/p/", "/a/b/index.htm");
	out = judged(lc, 0);
	CHECK_STR(out, "content/p.md:6:1: error: link to '/a/b/c/', which is "
	    "no page or file of the site\n"
	    "content/p.md:7:1: error: link to '/a/bc/', which is no page or "
	    "file of the site\n"
	    "content/p.md:8:1: error: link to '/a/b/index.htm', which is no "
	    "page or file of the site\n");
	free(out);
}

int
main(void)
{
	resolve();
	report();
	report_later();
	report_pages();
	return CHECK_DONE("linkcheck");
}
