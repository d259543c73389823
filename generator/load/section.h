/*
 * The content tree: folders of content/ are sections, each with its own
 * page (_index.md, or one made from the folder name) and its pages and
 * subsections in order (weight, then newest date, then title).
 *
 * section_load() is the load stage for content; section_link() is the
 * link stage: URLs, order, neighbours, and the check that no two pages
 * claim one URL.  A section owns its pages and subsections.
 */
#ifndef PLANPRESS_SECTION_H
#define PLANPRESS_SECTION_H

#include <stddef.h>

struct config;
struct diag;
struct page;

struct stash;

struct section {
	char		 *dir;		/* "nhiem-vu/sub", "" for the root */
	char		 *slug;		/* URL segment, "" for the root */
	struct page	 *index;	/* the section's own page, never NULL */
	struct page	**pages;	/* regular pages, in order */
	size_t		  npages;
	struct section	**subs;		/* subsections, in order */
	size_t		  nsubs;
	struct section	 *parent;	/* NULL for the root */
	struct page	**drafts;	/* drafts left out, with the path
					   they would have (NULL when it
					   cannot be made) */
	size_t		  ndrafts;
	char		**lost;		/* pages that failed to load (their
					   file names, "x.md"), reported */
	size_t		  nlost;
	struct page	**trans;	/* translations, NAME.LANG.md, until
					   section_edition() takes them */
	size_t		  ntrans;
	struct stash	 *stash;	/* the root's: the bodies of its pages
					   past the memory budget (page.h),
					   or NULL */
};

/*
 * Load every page under "contentdir" (shown as "display" in messages)
 * on at most "jobs" threads (0: one per core); drafts are left out
 * unless "drafts".  A file NAME.LANG.md, LANG one of the codes "langs"
 * (NULL-terminated; NULL for none), is the translation of NAME.md: it
 * waits in its section's "trans" for section_edition().  The tree and the messages are the same whatever the
 * number of threads.  Returns the root section to free with
 * section_free(); problems in single files are reported and those files
 * left out.
 */
struct section	*section_load(struct diag *d, const char *contentdir,
		    const char *display, int drafts, int jobs,
		    const char *const *langs);

void		 section_free(struct section *s);

/*
 * Give every page its URL, order pages and subsections, link neighbours,
 * and report pages that claim the same URL; the top-level sections on at
 * most "jobs" threads (0: one per core).  The result and the messages
 * are the same whatever the number of threads.  Returns 1, or 0 after
 * reporting.
 */
int		 section_link(struct section *root, struct diag *d,
		    const struct config *c, int jobs);

/*
 * Every page of the tree in reading order (each section's own page, its
 * pages, then its subsections).  Returns the count; *out is an array of
 * borrowed pages to free with free().
 */
size_t		 section_flatten(struct section *root, struct page ***out);

/*
 * The edition of the linked tree "root" in language "lang" (one of the
 * codes given to section_load(), at index "li" of them): the same
 * sections and order, each page replaced by its translation, or, when
 * it has none, by the page itself read again and marked untranslated,
 * or left out when "omit" (a section's own page is never left out).
 * Pages get the site path of their original under "/LANG/" and the
 * original its twin in twins[li] ("nlangs" slots).  A translation of no
 * page, or of a draft, is reported.  Returns a tree to free with
 * section_free(), whose pages own themselves.
 */
struct section	*section_edition(struct diag *d, struct section *root,
		    const char *lang, size_t li, size_t nlangs, int omit);

/* The top-level section that "s" is in, or NULL for the root itself. */
struct section	*section_top(struct section *s);

#endif
