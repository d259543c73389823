/*
 * Text helpers.  Loading checks that input is UTF-8 (text_utf8_valid)
 * and turns byte offsets into file:line:col positions (text_position);
 * meta.c normalises every string to NFC (text_nfc) so that "Phát" typed
 * with a combining accent and "Phát" typed precomposed are the same key,
 * slug and sort key; page.c and site.c make URL slugs from titles
 * (text_slugify) and check path segments before fsout.c writes them
 * (text_safe_segment); and renderers escape at output time with the
 * escaper for their context (text_escape_html, _url, _xml).
 */
#include "text.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "xalloc.h"

/*
 * The length of the valid UTF-8 sequence at the start of the "len"
 * (> 0) bytes of "s", or 0 if it is not valid.  The ranges of the
 * second byte rule out overlongs (E0, F0), surrogates (ED) and code
 * points above U+10FFFF (F4); C0, C1 and F5 to FF never start one.
 */
static inline size_t
seqlen(const unsigned char *s, size_t len)
{
	unsigned char	 lo = 0x80, hi = 0xBF;
	size_t		 n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	n = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	if (s[0] == 0xE0)
		lo = 0xA0;
	else if (s[0] == 0xED)
		hi = 0x9F;
	else if (s[0] == 0xF0)
		lo = 0x90;
	else if (s[0] == 0xF4)
		hi = 0x8F;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* The number of ASCII bytes "s" starts with, up to "len". */
static inline size_t
ascii_run(const unsigned char *s, size_t len)
{
	uint64_t	 w;
	size_t		 i = 0;

	while (len - i >= 8) {
		memcpy(&w, s + i, 8);
		w &= UINT64_C(0x8080808080808080);
		if (w != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(w) / 8;
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < len && s[i] < 0x80)
		i++;
	return i;
}

int
text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;

	while (i < len) {
		if (u[i] < 0x80) {
			i += ascii_run(u + i, len - i);
			continue;
		}
		if ((n = seqlen(u + i, len - i)) == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

void
text_position(const char *s, size_t off, unsigned *line, unsigned *col)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;

	*line = *col = 1;
	while (i < off) {
		if (u[i] == '\n') {
			(*line)++;
			*col = 1;
			i++;
			continue;
		}
		n = seqlen(u + i, off - i);
		i += n ? n : 1;
		(*col)++;
	}
}

/*
 * 1 if the code point "c" cannot change under NFC whatever surrounds
 * it: a starter (combining class 0) that no composition excludes, that
 * never composes with a preceding character, and whose decomposition, if
 * any, composes back to it (not so for U+212B ANGSTROM SIGN, which
 * becomes U+00C5).
 */
static int
nfc_stable(utf8proc_int32_t c)
{
	const utf8proc_property_t	*p = utf8proc_get_property(c);
	utf8proc_int32_t		 d[4];
	utf8proc_ssize_t		 n;
	int				 last = 0;

	if (p->combining_class != 0 || p->comp_exclusion)
		return 0;
	if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
		return 0;		/* may compose with what precedes */
	if (c >= 0x1100 && c < 0x1200)
		return 0;		/* conjoining jamo */
	if (p->decomp_seqindex == UINT16_MAX)
		return 1;
	/* Precomposed: stable when its decomposition composes back to it. */
	n = utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, &last);
	if (n < 1 || n > 4)
		return 0;
	n = utf8proc_normalize_utf32(d, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return n == 1 && d[0] == c;
}

/*
 * nfc_stable() of the BMP, as it is found: 0 not yet known, 1 stable,
 * 2 not.  Threads may fill it at once; they write the same values.
 */
static _Atomic unsigned char	 stable_bmp[0x10000];

static int
stable(utf8proc_int32_t c)
{
	unsigned char	 v;

	if (c >= 0x10000)
		return nfc_stable(c);
	v = atomic_load_explicit(&stable_bmp[c], memory_order_relaxed);
	if (v == 0) {
		v = nfc_stable(c) ? 1 : 2;
		atomic_store_explicit(&stable_bmp[c], v, memory_order_relaxed);
	}
	return v == 1;
}

/* The code point of the valid "n"-byte sequence at "s". */
static utf8proc_int32_t
decode(const unsigned char *s, size_t n)
{
	switch (n) {
	case 2:
		return (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	case 3:
		return (s[0] & 0x0F) << 12 | (s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
	case 4:
		return (s[0] & 0x07) << 18 | (s[1] & 0x3F) << 12 |
		    (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	default:
		return s[0];
	}
}

/*
 * One pass over "s": 0 if it is not UTF-8, 1 if NFC leaves it as it is,
 * 2 if it may not (a fast check).
 */
static int
nfc_scan(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s, *end = u + len;
	utf8proc_int32_t	 c;
	size_t			 n;
	int			 rc = 1;

	while (u < end) {
		if (*u < 0x80) {
			u += ascii_run(u, (size_t)(end - u));
			continue;
		}
		/* Two bytes, and three without the edge cases of E0 and ED
		 * (Vietnamese letters are U+1EA0 to U+1EF9), inline. */
		if (u[0] >= 0xC2 && u[0] < 0xE0 && end - u >= 2 &&
		    (u[1] & 0xC0) == 0x80) {
			c = (u[0] & 0x1F) << 6 | (u[1] & 0x3F);
			u += 2;
		} else if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED &&
		    end - u >= 3 && (u[1] & 0xC0) == 0x80 &&
		    (u[2] & 0xC0) == 0x80) {
			c = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 |
			    (u[2] & 0x3F);
			u += 3;
		} else if ((n = seqlen(u, (size_t)(end - u))) == 0)
			return 0;
		else {
			c = decode(u, n);
			u += n;
		}
		if (rc == 1 && !stable(c))
			rc = 2;
	}
	return rc;
}

/* NFC of the valid UTF-8 "s", which nfc_scan() found may change. */
static char *
compose(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t	*dst = NULL;
	utf8proc_ssize_t	 n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)	/* only UTF8PROC_ERROR_NOMEM is left */
		abort();
	*outlen = (size_t)n;
	return (char *)dst;
}

char *
text_nfc(const char *s, size_t len, size_t *outlen)
{
	size_t	 n = len;
	char	*t;

	switch (nfc_scan(s, len)) {
	case 0:
		return NULL;
	case 1:
		t = xstrndup(s, len);
		break;
	default:
		t = compose(s, len, &n);
	}
	if (outlen != NULL)
		*outlen = n;
	return t;
}

int
text_nfc_buf(struct buf *b)
{
	char	*t;
	size_t	 n;

	switch (nfc_scan(b->data, b->len)) {
	case 0:
		return 0;
	case 1:
		return 1;
	}
	t = compose(b->data, b->len, &n);
	buf_reset(b);
	buf_put(b, t, n);
	free(t);
	return 1;
}

/*
 * The replacement for byte "c" in HTML ("xml" false) or XML: NULL to
 * copy the byte, "" to drop it.
 */
static const char *
entity(unsigned char c, int xml)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return xml ? "&apos;" : "&#39;";
	case '\t':
	case '\n':
	case '\r':
		return NULL;
	default:
		return xml && c < 0x20 ? "" : NULL;
	}
}

/*
 * The bytes entity() may replace: & < > " ' and the controls.  Every
 * other byte is copied in runs, without a call per byte.
 */
#define SPECIAL	(UINT64_C(0xFFFFFFFF) | UINT64_C(1) << '&' | \
		    UINT64_C(1) << '<' | UINT64_C(1) << '>' | \
		    UINT64_C(1) << '"' | UINT64_C(1) << '\'')

static int
special(unsigned char c)
{
	return c < 64 && (SPECIAL >> c & 1);
}

static void
escape(struct buf *out, const char *s, size_t len, int xml)
{
	const unsigned char	*u = (const unsigned char *)s;
	const char		*rep;
	size_t			 i, start = 0;

	for (i = 0; i < len; i++) {
		if (!special(u[i]) || (rep = entity(u[i], xml)) == NULL)
			continue;
		buf_put(out, s + start, i - start);
		buf_puts(out, rep);
		start = i + 1;
	}
	buf_put(out, s + start, len - start);
}

void
text_escape_html(struct buf *out, const char *s, size_t len)
{
	escape(out, s, len, 0);
}

void
text_escape_xml(struct buf *out, const char *s, size_t len)
{
	escape(out, s, len, 1);
}

static int
unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~' || c == '/';
}

void
text_escape_url(struct buf *out, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;
	size_t			 i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (unreserved(c)) {
			buf_putc(out, c);
			continue;
		}
		buf_putc(out, '%');
		buf_putc(out, hex[c >> 4]);
		buf_putc(out, hex[c & 0xF]);
	}
}

int
text_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

uint64_t
text_hash(const char *s, size_t len)
{
	uint64_t	 h = 0xCBF29CE484222325ULL;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
	h ^= h >> 33;			/* murmur3's finaliser */
	h *= 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 33);
}

int
text_fold_char(int32_t cp, int32_t out[TEXT_FOLD_MAX])
{
	utf8proc_int32_t	 d[TEXT_FOLD_MAX];
	utf8proc_ssize_t	 n, i;
	int			 k = 0;

	if (cp < 0)
		return -1;
	n = utf8proc_decompose_char(cp, d, TEXT_FOLD_MAX, UTF8PROC_DECOMPOSE,
	    NULL);
	if (n < 0 || n > TEXT_FOLD_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		switch (utf8proc_category(d[i])) {
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC:
		case UTF8PROC_CATEGORY_ME:
			continue;
		default:
			break;
		}
		out[k++] = d[i] == 0x0110 || d[i] == 0x0111 ? 'd' :
		    utf8proc_tolower(d[i]);
	}
	return k;
}

/*
 * Add code point "cp" (NFD; -1 for an invalid byte) to the slug "b":
 * marks vanish, ASCII letters and digits are kept, anything else asks
 * for a '-' before the next letter or digit through "*sep".
 */
static void
slug_char(struct buf *b, utf8proc_int32_t cp, int *sep)
{
	int32_t		 f[TEXT_FOLD_MAX];
	int		 n = text_fold_char(cp, f), i;

	if (n < 0)
		*sep = 1;
	for (i = 0; i < n; i++) {
		if (!((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' &&
		    f[i] <= '9'))) {
			*sep = 1;
			continue;
		}
		if (*sep && b->len > 0)
			buf_putc(b, '-');
		*sep = 0;
		buf_putc(b, (int)f[i]);
	}
}

/*
 * Cut the slug "b" to TEXT_SLUG_MAX bytes: at the last '-' that fits
 * when that keeps at least half, so words stay whole, else mid-word.
 */
static void
slug_cut(struct buf *b)
{
	size_t	 cut = TEXT_SLUG_MAX, i;

	if (b->len <= TEXT_SLUG_MAX)
		return;
	for (i = TEXT_SLUG_MAX; i >= TEXT_SLUG_MAX / 2; i--)
		if (b->data[i] == '-') {
			cut = i;
			break;
		}
	buf_truncate(b, cut);
}

/* The whole slug of "title", before any cut, into "b". */
static void
slug_build(struct buf *b, const char *title)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)title;
	size_t			 len = strlen(title);
	utf8proc_ssize_t	 n;
	utf8proc_int32_t	 cp;
	int			 sep = 0;

	while (len > 0) {
		n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
		if (n <= 0) {
			cp = -1;
			n = 1;
		}
		slug_char(b, cp, &sep);
		p += n;
		len -= (size_t)n;
	}
}

char *
text_slugify(const char *title)
{
	struct buf	 b = BUF_INIT;

	slug_build(&b, title);
	slug_cut(&b);
	return buf_detach(&b, NULL);
}

int
text_slug_shortened(const char *title)
{
	struct buf	 b = BUF_INIT;
	int		 cut;

	slug_build(&b, title);
	cut = b.len > TEXT_SLUG_MAX;
	buf_release(&b);
	return cut;
}

int
text_safe_segment(const char *seg)
{
	size_t		 len = strlen(seg), i;
	unsigned char	 c;

	if (len == 0 || len > TEXT_SEGMENT_MAX || seg[0] == '.')
		return 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)seg[i];
		if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F)
			return 0;
	}
	return text_utf8_valid(seg, len, NULL);
}

void
text_csv_field(struct buf *out, const char *s, size_t len)
{
	size_t	 i, from;

	if (len == 0 || (memchr(s, ',', len) == NULL &&
	    memchr(s, '"', len) == NULL && memchr(s, '\r', len) == NULL &&
	    memchr(s, '\n', len) == NULL && s[0] != ' ' &&
	    s[len - 1] != ' ')) {
		buf_put(out, s, len);
		return;
	}
	buf_putc(out, '"');
	for (i = from = 0; i < len; i++)
		if (s[i] == '"') {
			buf_put(out, s + from, i + 1 - from);
			buf_putc(out, '"');	/* "" inside quotes */
			from = i + 1;
		}
	buf_put(out, s + from, len - from);
	buf_putc(out, '"');
}

void
text_number(struct buf *out, double v)
{
	char	 tmp[40];
	int	 prec;

	for (prec = 1; prec < 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	if (prec == 17)
		snprintf(tmp, sizeof(tmp), "%.17g", v);
	/* %g writes 100 as "1e+02": numbers a person reads stay plain. */
	if (strchr(tmp, 'e') != NULL && fabs(v) >= 1 && fabs(v) < 1e15)
		for (prec = 0; prec <= 17; prec++) {
			snprintf(tmp, sizeof(tmp), "%.*f", prec, v);
			if (strtod(tmp, NULL) == v)
				break;
		}
	buf_puts(out, tmp);
}

void
text_quote(struct buf *out, const char *s, size_t len)
{
	size_t	 i = 0, chars = 0;

	while (i < len && chars < 40 && (unsigned char)s[i] >= 0x20) {
		for (i++; i < len && (s[i] & 0xC0) == 0x80; i++)
			continue;
		chars++;
	}
	buf_putc(out, '\'');
	buf_put(out, s, i);
	if (i < len)
		buf_puts(out, "...");
	buf_putc(out, '\'');
}

int
text_safe_path(const char *path)
{
	char		 seg[TEXT_SEGMENT_MAX + 1];
	size_t		 n;

	for (;; path += n + 1) {
		n = strcspn(path, "/");
		if (n == 0 || n > TEXT_SEGMENT_MAX)
			return 0;
		memcpy(seg, path, n);
		seg[n] = '\0';
		if (!text_safe_segment(seg))
			return 0;
		if (path[n] == '\0')
			return 1;
	}
}

long
text_invisible(const char *s, size_t len, int spaces)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;
	utf8proc_category_t	 cat;

	while (len > 0) {
		/* Printable ASCII is none of those categories. */
		if (*p > 0x20 && *p < 0x7F && *p != '%') {
			p++;
			len--;
			continue;
		}
		if ((n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c)) <= 0)
			return -1;
		cat = utf8proc_category(c);
		if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
		    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP ||
		    (spaces && (cat == UTF8PROC_CATEGORY_ZS || c == '%')))
			return c;
		p += n;
		len -= (size_t)n;
	}
	return -1;
}

/* The length of a URL scheme and its ':' at "s", or 0. */
static size_t
scheme(const char *s)
{
	size_t	 i;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (i = 1; s[i] != '\0' && s[i] != ':'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
		    s[i] == '-' || s[i] == '.'))
			return 0;
	return s[i] == ':' ? i + 1 : 0;
}

/* 1 if the "n" bytes at "s" are a host, with an optional ":port". */
static int
host(const char *s, size_t n)
{
	size_t	 i = 0, h;

	if (n > 0 && s[0] == '[') {		/* an IPv6 literal */
		while (i < n && s[i] != ']')
			i++;
		if (i == n || i < 3)
			return 0;
		h = ++i;
	} else {
		for (; i < n && s[i] != ':'; i++)
			if (s[i] == '@' || s[i] == '%' || s[i] == '\\')
				return 0;
		h = i;
	}
	if (h == 0 || (s[0] == '.' && h == 1))
		return 0;
	if (i < n && s[i++] != ':')
		return 0;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

enum text_url
text_url_kind(const char *s, int *query)
{
	size_t	 i, k, n = strlen(s);

	if (query != NULL)
		*query = strpbrk(s, "?#") != NULL;
	if (n == 0 || text_invisible(s, n, 0) >= 0)
		return TEXT_URL_BAD;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			return TEXT_URL_BAD;
	if (s[0] == '/')
		return s[1] == '/' || s[1] == '\\' ? TEXT_URL_BAD :
		    TEXT_URL_ROOT;
	if ((k = scheme(s)) == 0)
		return TEXT_URL_RELATIVE;
	if ((k != 5 || strncasecmp(s, "http:", 5) != 0) &&
	    (k != 6 || strncasecmp(s, "https:", 6) != 0))
		return TEXT_URL_SCHEME;
	if (strncmp(s + k, "//", 2) != 0)
		return TEXT_URL_BAD;
	s += k + 2;
	return host(s, strcspn(s, "/?#")) ? TEXT_URL_WEB : TEXT_URL_BAD;
}

void
text_url_file(struct buf *out, const char *url)
{
	enum text_url	 k = text_url_kind(url, NULL);
	size_t		 n = strcspn(url, "?#"), seg;

	if (n == 0 || (k != TEXT_URL_ROOT && k != TEXT_URL_RELATIVE)) {
		buf_puts(out, url);
		return;
	}
	buf_put(out, url, n);
	for (seg = n; seg > 0 && url[seg - 1] != '/'; seg--)
		continue;
	if (seg == n)
		buf_puts(out, "index.html");
	else if (memchr(url + seg, '.', n - seg) == NULL ||
	    (n - seg == 1 && url[seg] == '.') ||
	    (n - seg == 2 && url[seg] == '.' && url[seg + 1] == '.'))
		buf_puts(out, "/index.html");
	buf_puts(out, url + n);
}
