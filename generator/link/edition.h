/*
 * An edition of the site in another language (site.yaml 'languages'),
 * published under /LANG/: its configuration and words, its content tree
 * (section_edition()), and where its links lead.
 *
 * An edition has every page of the site at the same path under its
 * prefix, except the content pages it leaves out (untranslated: omit);
 * the files (downloads, the API, assets) are the site's, shared.  So a
 * link from an edition's page to a page of the site goes to the
 * edition's copy when there is one, and to the site's page otherwise.
 */
#ifndef PLANPRESS_EDITION_H
#define PLANPRESS_EDITION_H

#include <stddef.h>

#include <jansson.h>

#include "config.h"

struct buf;
struct search;
struct section;

struct edition {
	const struct config_lang *lang;
	size_t			 li;		/* its index in c->langs */
	char			*prefix;	/* "/en/" */
	struct config		 c;		/* config_edition() */
	json_t			*strings;	/* the theme's, in its language */
	struct section		*root;		/* its content pages */
	json_t			*pages;		/* the site paths of the site's
						   content pages it has */
	struct search		*search;	/* its search index, or NULL */
	const char		*search_path;	/* its search page, or NULL */
	const char		*mirrored[3];	/* site paths below which it
						   has every page: those of
						   the progress model
						   (NULL-terminated) */
};

/*
 * Record the content pages of "e->root": their originals' site paths go
 * into e->pages.
 */
void	edition_index(struct edition *e);

/* 1 if edition "e" has a copy of the page at site path "path" ("/a/"). */
int	edition_has(const struct edition *e, const char *path);

/*
 * Append the site path that a link from a page of edition "e" to the
 * site path "to" ("/a/b/", "/a/b/#x", "/f.csv") leads to: "to" below
 * e->prefix when the edition has that page, else "to" itself.  With "e"
 * NULL, "to" itself.
 */
void	edition_path(const struct edition *e, const char *to, struct buf *out);

/* edition_path() as a new string, to free with free(). */
char	*edition_strpath(const struct edition *e, const char *to);

/*
 * The words of the site in the language of edition "e" ("e" NULL: the
 * site's own):
 *  - edition_name(): a name whose translations are "names" (one slot
 *    an edition, from a name_LANG column; NULL when there are none),
 *    else "name";
 *  - edition_title(): the title of the site's page "p", that of its
 *    translation when the edition has one;
 *  - edition_unit_type(): the words for unit type "type", the edition's
 *    unit_types, else those of "types" (site.yaml's), else NULL.
 */
struct page;
const char *edition_name(const struct edition *e, char *const *names,
	    const char *name);
const char *edition_title(const struct edition *e, const struct page *p);
const char *edition_unit_type(const struct edition *e, const json_t *types,
	    const char *type);

/* Free what "e" owns (not "e" itself). */
void	edition_release(struct edition *e);

#endif
