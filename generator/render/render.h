/*
 * The render stage: one JSON view model per page (documented in
 * docs/templates.md), rendered by the page's Mustache layout into HTML.
 * Rendering reads no file and writes none; the caller gets the bytes.
 *
 *	struct render *r = render_new(d, &config, theme, root);
 *	render_page(r, page, &html);	// for every page
 *	render_free(r);
 *
 * A renderer is used by one thread; several threads each make their own
 * from the same site, which they only read.
 */
#ifndef PLANPRESS_RENDER_H
#define PLANPRESS_RENDER_H

#include <jansson.h>

struct buf;
struct config;
struct diag;
struct page;
struct section;
struct theme;

struct render;

/*
 * A renderer for the site made of "c", "th" and the linked content tree
 * "root", all lent for the renderer's life.  Free with render_free().
 */
struct render	*render_new(struct diag *d, const struct config *c,
		    const struct theme *th, struct section *root);

void		 render_free(struct render *r);

/*
 * Append the HTML of page "p" to "out".  Returns 1, or 0 after reporting
 * (unknown layout, a template failure).
 */
int		 render_page(struct render *r, const struct page *p,
		    struct buf *out);

/*
 * The day the site was last updated, "iso" (YYYY-MM-DD), shown as
 * site.updated.date and site.updated.date_display.
 */
void		 render_set_updated(struct render *r, const char *iso);

/*
 * Link every page to the catalog files "catalogs" (publish_catalogs():
 * [{path, mediatype, key}], borrowed) as rel="alternate": the view gets
 * alternates[] with url, type and title.
 */
void		 render_set_catalogs(struct render *r, const json_t *catalogs);

/*
 * The site's search page is at site path "path" (lent for the
 * renderer's life; NULL: none): every view gets its URL as search_url,
 * for the search form of the header.
 */
void		 render_set_search(struct render *r, const char *path);

/*
 * The languages of the site, "langs" (borrowed): [{code, name, prefix}],
 * the site's own first ("/"), then each edition ("/en/"), whose
 * edition.h objects are "eds" (borrowed).  This renderer makes the
 * pages of langs[cur]: for cur > 0 its links lead into eds[cur - 1],
 * and its words are "strings" (NULL: the theme's).  Every view gets "languages" (the
 * switcher) and "hreflang" (the translations of the page); the pages of
 * an edition that are shown untranslated get "untranslated", and those
 * of an unofficial translation "unofficial".
 */
struct edition;
void		 render_set_edition(struct render *r, const json_t *langs,
		    const struct edition *eds, size_t cur,
		    const json_t *strings);

/*
 * From now on, every render_page() also gives the words of the page's
 * Markdown, as markdown_text() gives them: those of its headings in
 * "heads", the rest in "text" (both lent for the renderer's life, and
 * emptied first).  NULL and NULL: no more.
 */
void		 render_set_words(struct render *r, struct buf *heads,
		    struct buf *text);

/*
 * Tell "lc" (borrowed) of every link and image in the pages' Markdown,
 * with the page's address and the link's place (linkcheck.h).
 */
struct linkcheck;
void		 render_set_links(struct render *r, struct linkcheck *lc);

/*
 * Have "fn" called with "arg" when a page's Markdown would wait for
 * another thread (its inlines are parsed one thread at a time), so the
 * thread does other work first; NULL: wait.
 */
void		 render_set_wait(struct render *r, void (*fn)(void *),
		    void *arg);

/*
 * A function giving more of the view of page "p" (an object whose keys
 * are added to the page's, such as "progress" and "views") as seen from
 * the page at site path "from" ("abs": absolute base URL, or NULL when
 * links are relative), or NULL; "full" is 0 when "p" is only listed.
 * It is called from render threads at once, so it must only read shared
 * data.
 */
typedef json_t	*(*render_progress_fn)(void *arg, const struct page *p,
		    const json_t *strings, const char *from, const char *abs,
		    int full);

/* Add the keys "fn" gives to every page view and listing. */
void		 render_set_progress(struct render *r, render_progress_fn fn,
		    void *arg);

/*
 * Append a page that has no content file, such as a dataset's landing
 * page: layout "layout" at the site path "path" (ending in '/'), with
 * "title" and "summary", and the object "extra" (taken) in the view
 * under "key".  "up" and "up_title", when not NULL, name a parent page
 * that is no content file (the catalog of a dataset page), the last of
 * the breadcrumbs.  Returns 1, or 0 after reporting.
 */
int		 render_extra(struct render *r, const char *path,
		    const char *title, const char *summary, const char *layout,
		    const char *key, json_t *extra, const char *up,
		    const char *up_title, struct buf *out);

/*
 * Append the not-found page to "out" (layout "404"); its links start
 * from the domain root, with the path of base_url ("/ke-hoach/..."),
 * because a server shows it at any address and under any host name.
 * Returns 1, 0 after reporting, or -1 when the theme has no such layout.
 */
int		 render_404(struct render *r, struct buf *out);

/*
 * The relative URL from the page at site path "from" (ending in '/') to
 * site path "to": ("/a/b/", "/a/c/") -> "../c/"; ("/a/", "/a/") -> "./".
 * With "files" (site.yaml file_urls), a folder's URL names its
 * index.html, as text_url_file() makes it: "../c/index.html".
 */
void		 render_relurl(struct buf *out, const char *from,
		    const char *to, int files);

/*
 * The link from the page at site path "from" to "to": "to" itself when
 * it is an absolute http(s) or mailto URL, else "abs" + "to" when "abs"
 * (a base ending in '/': absolute, or a path from the domain root) is
 * not NULL, else render_relurl().  "files" is render_relurl()'s.
 */
void		 render_url(struct buf *out, const char *from, const char *abs,
		    const char *to, int files);

#endif
