/*
 * sitemap.xml and robots.txt, in the package stage: every published HTML
 * page with the day it last changed, and, for pages that a front matter
 * translationKey links, the language versions of each other.
 *
 *	struct sitemap *sm = sitemap_new("https://x.gov.vn/", "vi");
 *	sitemap_add(sm, "/a/", "2024-05-16", NULL, NULL);
 *	sitemap_xml(sm, &b);		// <urlset ...><url><loc>https://x.gov.vn/a/</loc>...
 *	sitemap_robots("https://x.gov.vn/", &b);	// ... Sitemap: https://x.gov.vn/sitemap.xml
 *	sitemap_free(sm);
 *
 * Invariants: URLs are listed sorted by path, so the file does not
 * depend on the order pages were added; without a base URL every <loc>
 * is the page's path from the site root ("/a/"), which a search engine
 * will not take, but which says what the site has.
 */
#ifndef PLANPRESS_SITEMAP_H
#define PLANPRESS_SITEMAP_H

#include <stddef.h>

struct buf;
struct sitemap;

/*
 * A new, empty sitemap for the site at "base" ("" or an absolute URL
 * ending in '/') whose pages are in language "lang" unless added with
 * another.  Free it with sitemap_free().
 */
struct sitemap	*sitemap_new(const char *base, const char *lang);

/* sitemap_free(NULL) does nothing. */
void		 sitemap_free(struct sitemap *sm);

/*
 * Add the page at site path "path" ("/a/b/"), last changed on "lastmod"
 * (YYYY-MM-DD, or NULL or "" for none), in language "lang" (NULL: the
 * site's) and of translation group "key" (NULL or "" for none).  The
 * strings are copied.  A path added twice is listed once (the first).
 */
void		 sitemap_add(struct sitemap *sm, const char *path,
		    const char *lastmod, const char *lang, const char *key);

/* The number of pages added (each path once). */
size_t		 sitemap_count(const struct sitemap *sm);

/*
 * Append sitemap.xml (sitemaps.org 0.9, with xhtml:link alternates for
 * each translation group that has more than one language) to "out".
 */
void		 sitemap_xml(const struct sitemap *sm, struct buf *out);

/*
 * Append robots.txt to "out": every crawler may read everything, and the
 * sitemap's absolute address; without a base URL a comment says that
 * naming the sitemap needs one.
 */
void		 sitemap_robots(const char *base, struct buf *out);

#endif
