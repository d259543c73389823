/*
 * Markdown to HTML with cmark-gfm: CommonMark plus GitHub tables,
 * strikethrough, autolinks and the tag filter.
 *
 * Raw HTML in the source is dropped (and warned about) unless the site
 * allows it.  Links and images written from the site root ("/muc-tieu/")
 * are rewritten relative to the page, so the output works under any
 * sub-path; with "files", a link to a folder names its index.html
 * (text_url_file()), so the output works from disk too.
 */
#ifndef PLANPRESS_MARKDOWN_H
#define PLANPRESS_MARKDOWN_H

#include <stddef.h>

struct buf;
struct diag;

/* Told of every link and image: its URL as written and where. */
typedef void (*markdown_link_fn)(void *arg, const char *url, unsigned line,
	    unsigned col);

struct edition;

struct markdown_opts {
	int	 unsafe;	/* pass raw HTML through */
	int	 smart;		/* typographic quotes and dashes */
	int	 hardbreaks;	/* a newline in a paragraph is a <br> */
	markdown_link_fn link;	/* NULL: links are not reported */
	void	*link_arg;
	int	 files;		/* links to folders name index.html */
	const struct edition *ed;	/* the page's edition: links from
					   the site root lead into it
					   (edition_path()); NULL: none */
	const char *from;	/* with "ed", the page's site path */
	struct buf *heads, *text;	/* not NULL: the words too, as
					   markdown_text() appends them
					   (with "smart", its quotes and
					   dashes typographic) */
	void	(*wait)(void *);	/* not NULL: called with "wait_arg"
					   when another thread is parsing
					   inlines, which go one thread at a
					   time, before this one waits */
	void	*wait_arg;
};

/* Register the cmark-gfm extensions; call once before any thread starts. */
void	markdown_init(void);

/*
 * Render the Markdown "src" of "len" bytes, the body of "file" starting
 * at its line "line0", appending HTML to "out".  "root" is the relative
 * way from the page to the site root ("../../").  Dropped raw HTML is a
 * warning at its line.  Returns 1; 0 only after reporting a failure.
 */
int	markdown_render(struct diag *d, const char *file, unsigned line0,
	    const char *src, size_t len, const struct markdown_opts *o,
	    const char *root, struct buf *out);

/*
 * The words of the Markdown "src" of "len" bytes as plain text: those of
 * headings appended to "heads", the rest to "text", with a space after
 * each block and line.  Raw HTML is left out.
 *
 *	"## Mục tiêu\n\nPhát triển *dữ liệu* số."
 *		-> heads "Mục tiêu ", text "Phát triển dữ liệu số. "
 */
void	markdown_text(const char *src, size_t len, struct buf *heads,
	    struct buf *text);

#endif
