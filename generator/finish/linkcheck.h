/*
 * Broken links: every link a page's Markdown or site.yaml's menus make
 * to the site itself must lead to something the build publishes.
 *
 * The build tells the checker what it publishes (pages, files, and the
 * pages that stay unpublished as drafts) and, while rendering on any
 * number of threads, every link it meets with the place it was written.
 * After rendering, linkcheck_report() says, at that place:
 *
 *	content/a.md:12:5: error: link to '/muc-tieu/x/', which is no page or file of the site
 *	content/a.md:14:1: warning: link to '/tin/nhap/', a draft that is not published
 *
 * Links to other sites (with a scheme, or "//host"), "mailto:" and the
 * page's own anchors ("#...") are not checked.  A link is resolved like
 * a browser does, from the page's own address; "/a/b" and "/a/b/" both
 * reach the page "/a/b/", and "/a/b/index.html" does too.
 */
#ifndef PLANPRESS_LINKCHECK_H
#define PLANPRESS_LINKCHECK_H

#include <stddef.h>

struct buf;
struct diag;
struct linkcheck;

/* A new checker, to free with linkcheck_free(). */
struct linkcheck *linkcheck_new(void);
void		 linkcheck_free(struct linkcheck *lc);

/*
 * What the build publishes: "path" is a site path, "/a/b/" for a page,
 * "/a/b.csv" for a file; a file "X/index.html" is the page "/X/" too.
 * A draft is named with the file it comes from.  Thread-safe.
 */
void		 linkcheck_file(struct linkcheck *lc, const char *path);
/*
 * The build writes the file "path" from "source" (a file name, or ""
 * for a page planpress makes): NULL, or, when another output wrote it
 * first, that output's source, to free().  Thread-safe.
 */
char		*linkcheck_claim(struct linkcheck *lc, const char *path,
		    const char *source);
void		 linkcheck_draft(struct linkcheck *lc, const char *path,
		    const char *file);

/*
 * The site paths of the "n" pages the build is about to write ("/a/b/"):
 * a link to one of them is good at once, on any thread, without waiting
 * for the page to be written.  The paths are copied.  Call it before the
 * threads that report links start.
 */
void		 linkcheck_pages(struct linkcheck *lc,
		    const char *const *paths, size_t n);

/* Whether the site path "path" ("/a/b/", "/a/b.csv") is published. */
int		 linkcheck_has(struct linkcheck *lc, const char *path);

/*
 * Links into "prefix" (a site path, "/api/") are not judged: the build
 * could not make what lies there, for errors it has reported.
 */
void		 linkcheck_unsure(struct linkcheck *lc, const char *prefix);

/*
 * A link "url" written at "file":"line":"col" on the page at site path
 * "from" ("/" for site.yaml's menus).  Thread-safe.
 */
void		 linkcheck_link(struct linkcheck *lc, const char *file,
		    unsigned line, unsigned col, const char *from,
		    const char *url);

/*
 * Report every link that leads nowhere (an error) or to a draft (a
 * warning), each once, in the order of the places they were written.
 * Returns 1 when no link was an error.
 */
int		 linkcheck_report(struct linkcheck *lc, struct diag *d);

/*
 * Resolve "url" from the page "from" (a site path ending in '/') into
 * the site path "out" (without
 * query or fragment, "." and ".." segments applied).  Returns 0 for a
 * link that is not checked (another site, mailto:, an anchor) or that
 * climbs above the site's root.  "%XX" escapes are decoded.
 */
int		 linkcheck_resolve(const char *from, const char *url,
		    struct buf *out);

#endif
