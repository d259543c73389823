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
	char		*path;		/* "/a/b/"; one block with the rest */
	const char	*lastmod;	/* "" when unknown */
	const char	*lang;
	const char	*key;		/* translation group, "" for none */
	size_t		 seq;		/* the order it was added in */
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
	for (i = 0; i < sm->n; i++)
		free(sm->v[i].path);
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
	const char	*s[4];
	char		*c[4];

	s[0] = path;
	s[1] = orempty(lastmod);
	s[2] = lang && *lang ? lang : sm->lang;
	s[3] = orempty(key);
	xstrdups(4, s, c);
	sm->v = xgrow(sm->v, sm->n, &sm->cap, 64, sizeof(*sm->v));
	e = &sm->v[sm->n++];
	e->path = c[0];
	e->lastmod = c[1];
	e->lang = c[2];
	e->key = c[3];
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
	/* Escaped a character at a time: in two parts as well as one. */
	if (*sm->base) {
		text_escape_xml(out, sm->base, strlen(sm->base));
		path += path[0] == '/';
	}
	text_escape_xml(out, path, strlen(path));
}

/* By translation group, then by path. */
static int
bykey(const void *a, const void *b)
{
	const struct entry	*x = *(const struct entry *const *)a;
	const struct entry	*y = *(const struct entry *const *)b;
	int			 c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->path, y->path);
}

/*
 * The translation groups of the sorted "sm" with pages in more than one
 * language: "*by" lists the entries with a key by group and path, and
 * from[i]..to[i] in it is the group of sm->v[i] (from[i] == to[i]: none).
 */
static void
groups(const struct sitemap *sm, struct entry ***by, size_t *from,
    size_t *to)
{
	size_t	 i, j, k, n = 0;
	int	 many;

	*by = xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(**by));
	for (i = 0; i < sm->n; i++) {
		from[i] = to[i] = 0;
		if (*sm->v[i].key != '\0')
			(*by)[n++] = &sm->v[i];
	}
	if (n > 1)
		qsort(*by, n, sizeof(**by), bykey);
	for (i = 0; i < n; i = j) {
		many = 0;
		for (j = i + 1; j < n && strcmp((*by)[j]->key, (*by)[i]->key) ==
		    0; j++)
			many |= strcmp((*by)[j]->lang, (*by)[i]->lang) != 0;
		for (k = i; many && k < j; k++) {
			from[(*by)[k] - sm->v] = i;
			to[(*by)[k] - sm->v] = j;
		}
	}
}

void
sitemap_xml(const struct sitemap *csm, struct buf *out)
{
	struct sitemap	*sm = (struct sitemap *)csm;
	struct entry	**by, *e;
	size_t		 i, k, *from, *to;

	sort(sm);
	from = xreallocarray(NULL, 2 * (sm->n ? sm->n : 1), sizeof(*from));
	to = from + (sm->n ? sm->n : 1);
	groups(sm, &by, from, to);
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
	    "        xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	for (i = 0; i < sm->n; i++) {
		buf_puts(out, "  <url>\n    <loc>");
		loc(out, sm, sm->v[i].path);
		buf_puts(out, "</loc>\n");
		if (*sm->v[i].lastmod) {
			buf_puts(out, "    <lastmod>");
			buf_puts(out, sm->v[i].lastmod);
			buf_puts(out, "</lastmod>\n");
		}
		/* Every page of its group, itself too, in order of path. */
		for (k = from[i]; k < to[i]; k++) {
			e = by[k];
			buf_puts(out, "    <xhtml:link rel=\"alternate\" "
			    "hreflang=\"");
			text_escape_xml(out, e->lang, strlen(e->lang));
			buf_puts(out, "\" href=\"");
			loc(out, sm, e->path);
			buf_puts(out, "\"/>\n");
		}
		buf_puts(out, "  </url>\n");
	}
	buf_puts(out, "</urlset>\n");
	free(by);
	free(from);
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
