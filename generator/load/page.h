/*
 * A content page: one Markdown file with YAML front matter.
 *
 * page_load() reads and checks a file (UTF-8, NFC, front matter types);
 * the link stage (section.c) then fills in the URL, the section and the
 * neighbours.  Strings borrowed from the front matter live until
 * page_free().
 */
#ifndef PLANPRESS_PAGE_H
#define PLANPRESS_PAGE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "buf.h"

struct diag;
struct meta;
struct section;
struct stash;

/*
 * The largest page file, in bytes.  Parsing and rendering Markdown takes
 * about forty times the size of the text, so a bigger page is an error
 * rather than gigabytes of memory.
 */
#define PAGE_SIZE_MAX	(4 << 20)

struct page {
	char		*file;		/* "content/nhiem-vu/x.md", for diagnostics */
	char		*rel;		/* "nhiem-vu/x.md", below content/ */
	char		*name;		/* "x" (file name without .md) */
	int		 is_index;	/* an _index.md */
	int		 summed;	/* body left out at load, to read
					   again from "src": bodylen and
					   bodysum say what it was */
	struct meta	*fm;		/* front matter, NULL when there is none */
	json_t		*front;		/* its root object (owned reference) */
	const char	*title;
	const char	*summary;	/* "" when absent */
	const char	*date;		/* "YYYY-MM-DD" or "" */
	const char	*layout;	/* NULL when absent */
	const char	*slug;		/* NULL when absent */
	const char	*code;		/* "" when absent */
	json_t		*lead;		/* array of strings or NULL (owned) */
	json_t		*partners;	/* array of strings or NULL (owned) */
	json_t		*aliases;	/* old addresses, "/a/b/": array of
					   strings or NULL (owned) */
	long long	 weight;	/* 0 when absent */
	int		 has_weight;
	int		 draft;
	int		 broken;	/* front matter with a reported error */
	int		 translated;	/* an edition's page read from its
					   own NAME.LANG.md (else the
					   site's page, shown untranslated) */
	char		*src;		/* the path read, to read it again;
					   NULL for a page made in memory;
					   may be "file" itself */
	char		*text;		/* the Markdown body, NFC (the front
				   matter is parsed and not kept) */
	const char	*body;		/* the Markdown after the front matter;
					   NULL when not in memory: see
					   page_body() */
	size_t		 bodylen;
	unsigned	 bodyline;	/* line of the file where body starts */
	uint32_t	 bodysum;	/* CRC-32 of the body, when "summed" */
	struct stash	*stash;		/* where a body left out at load
					   waits, or NULL */
	uint64_t	 stash_at;	/* its place there */

	/* Filled by the link stage. */
	char		*path;		/* "/nhiem-vu/x/", always ends in '/' */
	struct section	*section;	/* the section that lists it */
	struct page	*prev, *next;	/* neighbours in the section */

	/* Editions in other languages (section_edition()). */
	const char	*lang;		/* an edition's page: its language;
					   NULL for the site's own pages */
	struct page	*orig;		/* an edition's page: the site's page
					   it stands for */
	struct page	**twins;	/* a site's page: its page in each
					   edition (c->langs order; NULL
					   when left out), or NULL */
};

/*
 * Where page_load() keeps the Markdown bodies for the render stage,
 * shared by the threads of one load: in memory up to "max" bytes, and
 * past it in "stash", a temporary file, so that a site of any size loads
 * within a bounded memory and page_body() gets a body back with one
 * read, as it was loaded.  Without a stash, or when it cannot be
 * written, a body past "max" is read again from its file.
 */
struct page_keep {
	atomic_size_t	 used;
	size_t		 max;
	struct stash	*stash;		/* NULL: none */
};

#define PAGE_KEEP_MAX	((size_t)32 << 20)

/*
 * One loading thread's bodies on their way to the stash: they go in
 * blocks of PAGE_BATCH bytes, one write each.  page_batch_flush() writes
 * what is left; only then do the pages know where their bodies are.
 */
struct page_batch {
	struct page_keep *keep;
	struct buf	 data;
	struct page	**v;		/* the pages of the bodies in "data" */
	size_t		 n, cap;
};

#define PAGE_BATCH	((size_t)1 << 20)

void		 page_batch_init(struct page_batch *b, struct page_keep *k);
void		 page_batch_flush(struct page_batch *b);	/* and empty */

/*
 * Read the page at "path" (shown as "display" in diagnostics; "rel" is
 * its path below content/), keeping its body in memory while the budget
 * of "b" (NULL: no limit) allows.  Returns a page to free with
 * page_free(), or NULL after reporting every problem found in the file.
 */
struct page	*page_load(struct diag *d, const char *path,
		    const char *display, const char *rel,
		    struct page_batch *b);

void		 page_free(struct page *p);

/*
 * Free the Markdown body of "p" once it is rendered; everything listings
 * of other pages use (title, summary, dates, agencies) stays.
 */
void		 page_drop_body(struct page *p);

/*
 * Bring the body of "p" into memory if it is not (p->body NULL).  A body
 * the budget left out comes back as page_load() read it: from the stash,
 * or else read again from its file, which must then hold the same body
 * (same length and CRC-32; the checks are not run twice): a file edited
 * since is reported as changed during the build.  A body dropped after
 * rendering is read again with the checks of page_load(), as the file is
 * now.  Returns 1, or 0 after reporting (p->body is then "").
 */
int		 page_body(struct diag *d, struct page *p);


/*
 * Split "text" into front matter and body.  On success *yaml and *ylen
 * give the YAML between the fences (NULL when the file has none), *body,
 * *blen and *bline the rest.  Returns 0 for an opening fence that is
 * never closed.
 */
int		 page_split(const char *text, size_t len, const char **yaml,
		    size_t *ylen, const char **body, size_t *blen,
		    unsigned *bline);

#endif
