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
 *	struct search *s = searchdocs_index(&in, &docs);
 *	// render content page i (searchdocs_page()) on some thread:
 *	searchdocs_words(&in, s, part, docs[i], page, heads, text);
 *	search_merge(s, part);		// each thread's part, once
 *
 * Run it before the content pages are rendered: they give their words
 * as they are rendered, from the parse that makes their HTML.
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

/* No document: a page that search does not find. */
#define SEARCHDOCS_NONE	((size_t)-1)

/*
 * The index of what "in" names, free it with search_free(), without
 * the words of the content pages yet: *docs gets, for page i of
 * section_flatten(in->root), its document or SEARCHDOCS_NONE (free it
 * with free()); the words of each page with a document must come with
 * searchdocs_words() before the index is written.
 */
struct search	*searchdocs_index(const struct searchdocs *in,
		    size_t **docs);

/*
 * The words of content page "p", document "doc" of "s": those of its
 * Markdown, "heads" and "text" as markdown_text() gives them, its
 * summary and agencies.  They go into "part" (search_add_words(), for
 * search_merge() into "s"), its snippet into "s" (search_set_snippet()).
 * Threads may call it at once, each with its own "part" and pages.
 */
void		 searchdocs_words(const struct searchdocs *in,
		    struct search *s, struct search *part, size_t doc,
		    const struct page *p, const char *heads,
		    const char *text);

/* The search page of the content under "root", or NULL. */
const struct page *searchdocs_page(struct section *root);

#endif
