/*
 * Site search, in the package stage: an index of every page that the
 * theme's search script (themes/default/assets/search.js) reads in the
 * browser, split into small files so that a query loads only what its
 * words need, and the list of sections and targets that the search page
 * shows without JavaScript.
 *
 *	struct search *s = search_new();
 *	search_add(s, &doc);		// every page, in reading order
 *	search_write(s, "tim-kiem/index/", fn, arg);	// the index files
 *	v = search_view(s, "/tim-kiem/");	// the search page's lists
 *	search_free(s);
 *
 * Folding, the same in C and in search.js: text is decomposed (NFD),
 * combining marks (Unicode category M) dropped, đ Đ ð Ð made "d" and
 * every other letter lower-cased, so "CHUYỂN ĐỔI SỐ", "chuyển đổi số"
 * and "chuyen doi so" are the same three terms:
 *
 *	search_fold(&b, "Chuyển đổi", 11, 0)	// "chuyen doi"
 *	search_fold(&b, "I.2.đ", 6, 1)		// "i.2.dd"
 *
 * Terms (search_terms()): the runs of letters, digits and marks; runs
 * joined by single dots are also one code when they hold a digit
 * ("I.2.đ" gives "i", "2", "d" and the code "i.2.dd").  In a code "đ"
 * is "dd", as it is typed in Telex and written in ids (I.2.dd.1), so
 * that "I.2.đ" and "I.2.dd" find the same target and "I.2.d" another.
 *
 * Pairs of words in a row in a title are terms too ("cong an" from
 * "Công an tỉnh", "an tinh"), so that a title holding the words of a
 * query in its order ranks above one that has them apart.
 *
 * The files, below the folder given to search_write():
 *
 *	meta.json	{"version": 1, "docs": N, "per": P, "key_max": K,
 *			 "keys": [...], "sections": [...]}
 *	t/I.json	terms whose key is keys[I]: {"term": [v, ...]}, each
 *			v = (d << 2) | f, d the document's number minus the
 *			previous one's in the list (the first: the number
 *			itself), f where the term is: 3 title, 2 code or
 *			heading, 1 text
 *	d/J.json	documents J * P to J * P + P - 1, each [url, title,
 *			section, code, snippet]: url from the site root
 *			("chi-tieu/I.1.a/"), section a number in "sections"
 *
 * A term's key is its first character, or its first two, three or
 * four (SEARCH_KEY_MAX) when the file of the shorter key would pass
 * SEARCH_SHARD_MAX bytes; the file of a term is that of the longest key
 * in "keys" it starts with.
 * Keys write a-z and 0-9 as they are and any other character as "_",
 * its code point in hexadecimal and "_" ("i_2e_" for "i.").
 *
 * Invariants: the same documents added in the same order give the same
 * bytes, however their words are split between search_add() and
 * search_add_words() and merged; every string is copied, so a
 * document's strings may be freed once search_add() returns.
 */
#ifndef PLANPRESS_SEARCH_H
#define PLANPRESS_SEARCH_H

#include <stddef.h>

#include <jansson.h>

struct buf;
struct search;

/* A term file grows past this only when one term fills it. */
#define SEARCH_SHARD_MAX	(24 * 1024)
/* Documents in a file of d/. */
#define SEARCH_PER		20
/* The longest key, in characters. */
#define SEARCH_KEY_MAX		4
/* Longer terms (in bytes, folded) are not indexed. */
#define SEARCH_TERM_MAX		48

enum search_kind {
	SEARCH_PAGE,
	SEARCH_SECTION,		/* listed on the search page */
	SEARCH_TARGET,		/* listed there too, by section */
	SEARCH_OTHER		/* a unit, a dataset */
};

/* One page.  Every string may be NULL for none, except path and title. */
struct search_doc {
	enum search_kind kind;
	const char	*path;		/* site path "/a/b/" */
	const char	*title;
	const char	*code;		/* before the title: "I.2.đ (1)" */
	const char	*codes;		/* more codes, ids that find it */
	const char	*section;	/* the title of what it belongs to */
	const char	*section_path;	/* and its site path */
	const char	*heads;		/* headings, keywords */
	const char	*text;		/* the rest of its words */
	const char	*snippet;	/* plain text under the title */
};

/* A new, empty index; free it with search_free(). */
struct search	*search_new(void);

/* search_free(NULL) does nothing. */
void		 search_free(struct search *s);

/* Add the page "doc"; its number is the count of pages added before. */
void		 search_add(struct search *s, const struct search_doc *doc);

/* The number of pages added. */
size_t		 search_count(const struct search *s);

/*
 * The words of page "doc" (a number search_add() gave out, perhaps on
 * another index) added later, so that threads can each fill an index of
 * their own, "part", for search_merge(): "text" and "snippet" as text,
 * "heads" as headings, the fields of struct search_doc (NULL: none).
 * A page's terms are the same whichever way its words come in.
 */
void		 search_add_words(struct search *part, size_t doc,
		    const char *text, const char *snippet, const char *heads);

/*
 * Give page "doc" of "s" the snippet "snippet" (copied) in place of the
 * one search_add() had.  Threads may give different pages theirs at
 * once, while others call search_view().
 */
void		 search_set_snippet(struct search *s, size_t doc,
		    const char *snippet);

/*
 * Add the terms of "part" (search_add_words()) to those of "s"; "part"
 * is left empty of terms.  Whatever the order parts are merged in, "s"
 * writes the same bytes as if every word had come with search_add().
 */
void		 search_merge(struct search *s, struct search *part);

/* Where search_write() puts a file: its path below the output folder. */
typedef int	(*search_file_fn)(void *arg, const char *path,
		    const struct buf *data);

/*
 * Hand "fn" every file of the index, "dir" (a path below the output
 * folder ending in '/', "tim-kiem/index/") prefixed to its name.
 * Returns 1, or 0 when "fn" returned 0 for a file (the rest are still
 * handed over).
 */
int		 search_write(const struct search *s, const char *dir,
		    search_file_fn fn, void *arg);

/*
 * What the search page at site path "from" shows without JavaScript,
 * every URL relative to it: {sections: [{title, code, url}], groups:
 * [{title, url, targets: [{title, code, url}]}], has_sections,
 * has_targets}: the pages of kind SEARCH_SECTION, and those of kind
 * SEARCH_TARGET under the sections they name, in the order added.  A
 * new reference; it only reads "s", so threads may call it at once.
 * With "files" (site.yaml file_urls), the URLs name index.html.
 */
json_t		*search_view(const struct search *s, const char *from,
		    int files);

/*
 * Append the folded form of the "len" bytes of UTF-8 "s" to "out";
 * "code" folds "đ" to "dd" instead of "d".  Invalid bytes are dropped.
 */
void		 search_fold(struct buf *out, const char *s, size_t len,
		    int code);

/* Told of each term: its folded bytes, and whether it is a code. */
typedef void	(*search_term_fn)(void *arg, const char *term, size_t len,
		    int code);

/*
 * Hand "fn" the terms of the "len" bytes of UTF-8 "s", in order: the
 * folded words of each run, then the run as a code when it is one.
 * Terms longer than SEARCH_TERM_MAX bytes are left out.
 *
 *	"Mục I.2.đ, năm 2024."	-> muc, i, 2, d, i.2.dd (code), nam, 2024
 */
void		 search_terms(const char *s, size_t len, search_term_fn fn,
		    void *arg);

#endif
