/*
 * The sitemap, in the package stage: site.c adds every HTML page it
 * writes (content pages, dataset pages, the pages of the progress model)
 * with its date, and writes sitemap.xml and robots.txt from it once the
 * pages are rendered.  Nothing here reads or writes files.
 */
#include "sitemap.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

struct entry {
	char	*path;		/* "/a/b/" */
	char	*lastmod;	/* "" when unknown */
	char	*lang;
	char	*key;		/* translation group, "" for none */
	size_t	 seq;		/* the order it was added in */
};

struct sitemap {
	char		*base;
	char		*lang;
	struct entry	*v;
	size_t		 n, cap;
	int		 sorted;
};

struct sitemap *
sitemap_new(const char *base, const char *lang)
{
	struct sitemap	*sm = xcalloc(1, sizeof(*sm));

	sm->base = xstrdup(base ? base : "");
	sm->lang = xstrdup(lang ? lang : "");
	return sm;
}

void
sitemap_free(struct sitemap *sm)
{
	size_t	 i;

	if (sm == NULL)
		return;
	for (i = 0; i < sm->n; i++) {
		free(sm->v[i].path);
		free(sm->v[i].lastmod);
		free(sm->v[i].lang);
		free(sm->v[i].key);
	}
	free(sm->v);
	free(sm->base);
	free(sm->lang);
	free(sm);
}

static const char *
orempty(const char *s)
{
	return s ? s : "";
}

void
sitemap_add(struct sitemap *sm, const char *path, const char *lastmod,
    const char *lang, const char *key)
{
	struct entry	*e;

	sm->v = xgrow(sm->v, sm->n, &sm->cap, 64, sizeof(*sm->v));
	e = &sm->v[sm->n++];
	e->path = xstrdup(path);
	e->lastmod = xstrdup(orempty(lastmod));
	e->lang = xstrdup(lang && *lang ? lang : sm->lang);
	e->key = xstrdup(orempty(key));
	e->seq = sm->n;
	sm->sorted = 0;
}

static int
bypath(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;
	int			 c = strcmp(x->path, y->path);

	if (c == 0)	/* equal paths: the one added first first */
		c = x->seq < y->seq ? -1 : x->seq > y->seq;
	return c;
}

/* Sort by path and drop the later copies of a path. */
static void
sort(struct sitemap *sm)
{
	size_t	 i, n = 0;

	if (sm->sorted)
		return;
	if (sm->n > 1)
		qsort(sm->v, sm->n, sizeof(*sm->v), bypath);
	for (i = 0; i < sm->n; i++) {
		if (n > 0 && strcmp(sm->v[n - 1].path, sm->v[i].path) == 0) {
			free(sm->v[i].path);
			free(sm->v[i].lastmod);
			free(sm->v[i].lang);
			free(sm->v[i].key);
			continue;
		}
		sm->v[n++] = sm->v[i];
	}
	sm->n = n;
	sm->sorted = 1;
}

size_t
sitemap_count(const struct sitemap *sm)
{
	sort((struct sitemap *)sm);
	return sm->n;
}

/* The page's address, XML-escaped. */
static void
loc(struct buf *out, const struct sitemap *sm, const char *path)
{
	struct buf	 u = BUF_INIT;

	if (*sm->base) {
		buf_puts(&u, sm->base);
		buf_puts(&u, path + (path[0] == '/'));
	} else
		buf_puts(&u, path);
	text_escape_xml(out, u.data, u.len);
	buf_release(&u);
}

/* 1 if the translation group of "e" has a page in another language. */
static int
translated(const struct sitemap *sm, const struct entry *e)
{
	size_t	 i;

	if (*e->key == '\0')
		return 0;
	for (i = 0; i < sm->n; i++)
		if (strcmp(sm->v[i].key, e->key) == 0 &&
		    strcmp(sm->v[i].lang, e->lang) != 0)
			return 1;
	return 0;
}

static void
alternates(struct buf *out, const struct sitemap *sm, const struct entry *e)
{
	size_t	 i;

	for (i = 0; i < sm->n; i++) {
		if (strcmp(sm->v[i].key, e->key) != 0)
			continue;
		buf_puts(out, "    <xhtml:link rel=\"alternate\" hreflang=\"");
		text_escape_xml(out, sm->v[i].lang, strlen(sm->v[i].lang));
		buf_puts(out, "\" href=\"");
		loc(out, sm, sm->v[i].path);
		buf_puts(out, "\"/>\n");
	}
}

void
sitemap_xml(const struct sitemap *csm, struct buf *out)
{
	struct sitemap	*sm = (struct sitemap *)csm;
	size_t		 i;

	sort(sm);
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
	    "        xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	for (i = 0; i < sm->n; i++) {
		buf_puts(out, "  <url>\n    <loc>");
		loc(out, sm, sm->v[i].path);
		buf_puts(out, "</loc>\n");
		if (*sm->v[i].lastmod)
			buf_printf(out, "    <lastmod>%s</lastmod>\n",
			    sm->v[i].lastmod);
		if (translated(sm, &sm->v[i]))
			alternates(out, sm, &sm->v[i]);
		buf_puts(out, "  </url>\n");
	}
	buf_puts(out, "</urlset>\n");
}

void
sitemap_robots(const char *base, struct buf *out)
{
	buf_puts(out, "User-agent: *\nAllow: /\n\n");
	if (base && *base)
		buf_printf(out, "Sitemap: %ssitemap.xml\n", base);
	else
		buf_puts(out, "# Sitemap: the address of sitemap.xml goes "
		    "here; it must be absolute,\n# so the site needs base_url "
		    "in site.yaml (or planpress build --base-url).\n");
}
