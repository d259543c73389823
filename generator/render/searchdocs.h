/*
 * What the site search holds (search.h): one document per page a reader
 * may look for, in reading order.  Content pages give their title,
 * code, headings and words (their agencies by name too); each target of
 * the indicator model its name, the code of its clause ("I.2.đ") and its
 * id; each unit its name; each dataset its title, keywords and
 * description; the index pages of targets, units and datasets their
 * titles.  Words shown by the theme ("Chỉ tiêu") come from its strings.
 *
 *	struct searchdocs in = { root, x, data, ndata, strings };
 *	struct search *s = searchdocs_index(&in);
 *
 * Run it before the content pages are rendered: it reads their Markdown.
 */
#ifndef PLANPRESS_SEARCHDOCS_H
#define PLANPRESS_SEARCHDOCS_H

#include <stddef.h>

#include <jansson.h>

struct dataset;
struct edition;
struct indicators;
struct page;
struct section;

/* The layout of the search page; the first page with it is the one. */
#define SEARCHDOCS_LAYOUT	"search"

/* The longest snippet, in characters. */
#define SEARCHDOCS_SNIPPET	160

struct diag;

struct searchdocs {
	struct section		 *root;	/* linked content */
	const struct indicators	 *x;	/* NULL: no targets, units */
	struct dataset		**data;	/* datasets whose pages are */
	size_t			  ndata;	/* made (the ok ones) */
	const json_t		 *strings;	/* the theme's */
	struct diag		 *d;	/* for a page body read again */
	const struct edition	 *ed;	/* the edition whose pages "root"
					   holds (edition.h), or NULL */
};

/* The index of what "in" names; free it with search_free(). */
struct search	*searchdocs_index(const struct searchdocs *in);

/* The search page of the content under "root", or NULL. */
const struct page *searchdocs_page(struct section *root);

#endif
