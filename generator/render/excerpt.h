/*
 * Short plain text from longer text, for the places that have a length
 * limit: a page's description (meta description, Open Graph, feeds) from
 * the first paragraph of its HTML, and a <title> cut to fit.
 *
 * Invariants callers rely on:
 *  - input and output are UTF-8, and lengths are counted in characters
 *    (code points), never bytes: a cut never splits a character;
 *  - a cut ends at a space between words, drops the trailing space and
 *    punctuation that would hang before the ellipsis, and appends the
 *    caller's ellipsis ("…"); text that fits is returned whole;
 *  - the functions only append to a buffer the caller owns.
 *
 *	excerpt_html(&b, "<h2>A</h2><p>One &amp; <em>two</em>.</p>", n, 160, "…")
 *					// "One & two."
 *	excerpt_cut(&b, "Phát triển dữ liệu số", 15, "…")	// "Phát triển dữ…"
 */
#ifndef PLANPRESS_EXCERPT_H
#define PLANPRESS_EXCERPT_H

#include <stddef.h>

struct buf;

/* The number of characters (code points) of the string "s". */
size_t	excerpt_length(const char *s);

/*
 * Append "s" (a string) to "out", cut at a word boundary to at most "max"
 * characters including "ellipsis" when it is longer than "max".  A first
 * word longer than the limit is cut inside the word.
 */
void	excerpt_cut(struct buf *out, const char *s, size_t max,
	    const char *ellipsis);

/*
 * Append the plain text of the first paragraph (<p>) of the HTML "html"
 * ("len" bytes, as cmark-gfm writes it) to "out": tags dropped, the
 * entities &amp; &lt; &gt; &quot; &#39; and numeric references decoded,
 * runs of white space made one space, cut like excerpt_cut() to "max"
 * characters.  Appends nothing when the HTML has no paragraph with text.
 */
void	excerpt_html(struct buf *out, const char *html, size_t len,
	    size_t max, const char *ellipsis);

#endif
