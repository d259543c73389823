/*
 * Text helpers: UTF-8 checks and positions, Unicode normalisation,
 * escaping for each output context, slugs and safe path segments.
 *
 * Invariants callers rely on:
 *  - every function takes a length and never reads past it, so the
 *    input may hold NUL bytes unless the comment says "string";
 *  - the escapers only append to a buffer the caller owns;
 *  - a byte offset is counted from 0, a line or column from 1, and
 *    columns count characters (code points), as libyaml's marks do.
 *
 *	text_escape_html(&b, "a<b & 'c'", 9);	// "a&lt;b &amp; &#39;c&#39;"
 *	text_slugify("Phát triển dữ liệu số")	// "phat-trien-du-lieu-so"
 */
#ifndef PLANPRESS_TEXT_H
#define PLANPRESS_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* The longest slug text_slugify() returns, in bytes. */
#define TEXT_SLUG_MAX		80

/* The longest segment text_safe_segment() accepts, in bytes. */
#define TEXT_SEGMENT_MAX	200

/*
 * 1 if the "len" bytes of "s" are valid UTF-8: no overlong forms, no
 * surrogates (U+D800 to U+DFFF), nothing above U+10FFFF, no truncated
 * sequence.  Otherwise 0, and "*bad" (when "bad" is not NULL) gets the
 * byte offset of the first byte of the first bad sequence.
 *
 *	text_utf8_valid("a\xC0\xAF", 3, &bad)	// 0, bad == 1
 */
int	 text_utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * The 1-based line and column of byte offset "off" in the string "s"
 * (which must have at least "off" bytes).  Lines end at '\n'; columns
 * count characters, not bytes, so "đa" puts 'a' in column 2.  Bytes
 * that are not valid UTF-8 count as one column each.
 */
void	 text_position(const char *s, size_t off, unsigned *line,
	    unsigned *col);

/*
 * An NFC-normalised copy of the "len" bytes of UTF-8 "s", NUL-terminated,
 * to free with free(); "*outlen" (when not NULL) gets its length.
 * Returns NULL when "s" is not valid UTF-8.
 *
 *	"Pha\xCC\x81t" (a + U+0301)  ->  "Ph\xC3\xA1t" (U+00E1)
 */
char	*text_nfc(const char *s, size_t len, size_t *outlen);

/*
 * text_nfc() of the text in "b", in place: "b" is left alone when NFC
 * leaves it as it is (most text), so nothing is copied.  Returns 0, and
 * leaves "b" alone, when it is not valid UTF-8.
 */
int	 text_nfc_buf(struct buf *b);

/*
 * Append "s" ("len" bytes) escaped for HTML text and attribute values:
 * & < > " ' become &amp; &lt; &gt; &quot; &#39;.  Other bytes are
 * copied unchanged.
 */
void	 text_escape_html(struct buf *out, const char *s, size_t len);

/*
 * Append "s" percent-encoded for a URL path or query: every byte
 * except the unreserved A-Z a-z 0-9 - . _ ~ and '/' becomes %XX
 * (upper-case hex):
 *
 *	"dữ liệu/a b"  ->  "d%E1%BB%AF%20li%E1%BB%87u/a%20b"
 */
void	 text_escape_url(struct buf *out, const char *s, size_t len);

/*
 * The value of the hex digit "c" (0-9, a-f, A-F), for reading the %XX
 * escapes of a URL; -1 for any other character.
 *
 *	text_hexval('b') == 11, text_hexval('g') == -1
 */
int	 text_hexval(int c);

/*
 * A 64-bit hash of the "len" bytes at "s" for hash tables: FNV-1a with
 * murmur3's finaliser, so its low bits are as good as its high ones.
 */
uint64_t text_hash(const char *s, size_t len);

/*
 * Append "s" escaped for XML (SVG, sitemaps, feeds): like
 * text_escape_html() but ' becomes &apos;.  C0 control characters other
 * than tab, newline and carriage return, which XML 1.0 forbids even as
 * references, are dropped.
 */
void	 text_escape_xml(struct buf *out, const char *s, size_t len);

/*
 * Append "s" ("len" bytes) as one RFC 4180 CSV field: in double quotes,
 * with each '"' doubled, when it holds a comma, a quote, CR or LF, or
 * starts or ends with a space; as it is otherwise.
 *
 *	a,b  ->  "a,b"		5" disk  ->  "5"" disk"
 */
void	 text_csv_field(struct buf *out, const char *s, size_t len);

/*
 * Append "v" in the shortest decimal form that reads back as exactly "v"
 * (printf %g with the fewest digits, at most 17), without an exponent
 * from 1 up to 1e15: 0.1 -> "0.1", 100 -> "100", 1500 -> "1500",
 * 1e20 -> "1e+20", 1e-05 -> "1e-05".  The decimal mark is always '.'.
 */
void	 text_number(struct buf *out, double v);

/*
 * Append "s" ("len" bytes) quoted for a message: in single quotes, cut
 * after 40 characters or at a control character, with "..." before the
 * closing quote when cut.
 *
 *	'Hà Nội'   'a very long value that goes on and on an...'
 */
void	 text_quote(struct buf *out, const char *s, size_t len);

/*
 * A slug made from the string "title", to free with free().  Letters
 * are decomposed (NFD) and their combining marks dropped, đ and Đ
 * become d, ASCII letters are lower-cased, ASCII letters and digits are
 * kept, and every other run of characters (spaces, punctuation, emoji,
 * letters outside ASCII, invalid bytes) becomes a single '-'.  There is
 * no leading or trailing '-', and a slug longer than TEXT_SLUG_MAX bytes
 * is cut at the last '-' that fits (or at TEXT_SLUG_MAX when there is
 * none).  The result is "" when the title has no letters or digits.
 *
 *	"Đảm bảo an toàn thông tin mạng"  ->  "dam-bao-an-toan-thong-tin-mang"
 *	"II.11 Đánh giá"                  ->  "ii-11-danh-gia"
 */
char	*text_slugify(const char *title);

/* Room text_fold_char() needs: the longest decomposition. */
#define TEXT_FOLD_MAX	18

/*
 * Code point "cp" as it compares when case and accents do not count:
 * decomposed (NFD), without combining marks, Đ and đ as 'd', in lower
 * case, into "out".  Returns how many code points that makes (0 for a
 * lone mark), or -1 for an invalid "cp".  Slugs and the site search
 * fold alike through it.
 */
int	text_fold_char(int32_t cp, int32_t out[TEXT_FOLD_MAX]);

/*
 * 1 if text_slugify("title") cuts the slug to TEXT_SLUG_MAX bytes, so
 * that part of the title is not in it; otherwise 0.
 */
int	 text_slug_shortened(const char *title);

/*
 * 1 if the string "seg" is safe as one path segment under output/:
 * non-empty, at most TEXT_SEGMENT_MAX bytes, valid UTF-8, not starting
 * with '.' (which also rules out "." and ".."), and without '/', '\\',
 * or control characters (U+0000 to U+001F and U+007F).  Otherwise 0.
 */
int	 text_safe_segment(const char *seg);

/*
 * 1 if "path", segments separated by '/' (none empty, no leading or
 * trailing '/'), is made of text_safe_segment() segments only.
 *
 *	text_safe_path("assets/logo.png")	// 1
 *	text_safe_path("a/../b")		// 0
 */
int	 text_safe_path(const char *path);

/*
 * The first character of the "len" bytes of UTF-8 "s" that would be
 * invisible or misleading in a title or a link: a control character
 * (U+0000 to U+001F, U+007F to U+009F, including NUL), a format
 * character (Unicode category Cf: the bidirectional controls U+202A to
 * U+202E and U+2066 to U+2069, U+200E, U+200F, zero-width ones, ...),
 * or a line or paragraph separator; with "spaces", also any space
 * (category Zs, as U+0020 and U+00A0) and '%'.  Returns its code point,
 * or -1 when there is none (or "s" is not UTF-8).
 *
 *	text_invisible("a\xe2\x80\xaeb", 5, 0)	// 0x202E
 *	text_invisible("a b", 3, 1)		// 0x20
 */
long	 text_invisible(const char *s, size_t len, int spaces);

/* What a URL written in metadata is, from text_url_kind(). */
enum text_url {
	TEXT_URL_WEB,		/* http:// or https:// with a host */
	TEXT_URL_ROOT,		/* "/a/b/": from the site's root */
	TEXT_URL_RELATIVE,	/* "a/b", "#x", "?q": no scheme, no '/' */
	TEXT_URL_SCHEME,	/* another scheme: "javascript:", "data:" */
	TEXT_URL_BAD		/* empty, a space or control character,
				   "http:" without a host, or "//host" */
};

/*
 * Classify the URL "s", and set "*query" (when not NULL) to 1 if it has
 * a query or a fragment ('?' or '#'), else 0.
 *
 *	"https://example.gov.vn/a/"	TEXT_URL_WEB
 *	"https:///a"			TEXT_URL_BAD
 *	"/du-lieu/"			TEXT_URL_ROOT
 *	"gioi-thieu/"			TEXT_URL_RELATIVE
 *	"javascript:alert(1)"		TEXT_URL_SCHEME
 */
enum text_url	 text_url_kind(const char *s, int *query);

/*
 * Append the link "url" to "out" so that it names a file, for a site
 * opened from disk (file://), where a folder is no page: a link within
 * the site (TEXT_URL_ROOT or TEXT_URL_RELATIVE) to a folder gets its
 * "index.html", before any query or fragment, and so does a page's
 * address written without its last '/' (a last segment with no '.').
 * Other links, and links with no path ("#x"), are appended unchanged.
 *
 *	"../c/"		"../c/index.html"
 *	"/a/b#x"	"/a/b/index.html#x"
 *	".."		"../index.html"
 *	"x.csv"		"x.csv"
 */
void		 text_url_file(struct buf *out, const char *url);

#endif
