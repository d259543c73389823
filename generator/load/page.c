/*
 * Content pages, in the load stage.  A file is read whole, checked to be
 * UTF-8, normalised to NFC, split at its "---" fences, and its front
 * matter is parsed by meta.c and checked key by key.  The Markdown body
 * is kept as text: it is rendered once, in the render stage, when the
 * page's place in the site is known.
 */
#include "page.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "intl.h"
#include "meta.h"
#include "schema.h"
#include "stash.h"
#include "text.h"
#include "xalloc.h"

/* Length of the line at "p" including its newline, and of its text. */
static size_t
linelen(const char *p, const char *end, size_t *textlen)
{
	const char	*nl = memchr(p, '\n', (size_t)(end - p));
	size_t		 n = nl ? (size_t)(nl - p) : (size_t)(end - p);

	*textlen = (n && p[n - 1] == '\r') ? n - 1 : n;
	return nl ? n + 1 : n;
}

static int
isfence(const char *p, size_t n, int closing)
{
	while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n != 3)
		return 0;
	return memcmp(p, "---", 3) == 0 ||
	    (closing && memcmp(p, "...", 3) == 0);
}

int
page_split(const char *text, size_t len, const char **yaml, size_t *ylen,
    const char **body, size_t *blen, unsigned *bline)
{
	const char	*p = text, *end = text + len, *start;
	size_t		 n, tl;
	unsigned	 line = 1;

	*yaml = NULL;
	*ylen = 0;
	*body = text;
	*blen = len;
	*bline = 1;
	n = linelen(p, end, &tl);
	if (!isfence(p, tl, 0))
		return 1;
	start = p += n;
	line++;
	while (p < end) {
		n = linelen(p, end, &tl);
		if (isfence(p, tl, 1)) {
			*yaml = start;
			*ylen = (size_t)(p - start);
			*body = p + n;
			*blen = (size_t)(end - *body);
			*bline = line + 1;
			return 1;
		}
		p += n;
		line++;
	}
	return 0;
}

/* The "n" digits at "s" as a number, or -1. */
static int
digits(const char *s, int n)
{
	int	 v = 0;

	for (; n > 0; n--, s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/*
 * 1 if "s" is a time of day: "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff",
 * then nothing, "Z" or "+hh:mm" / "-hh:mm".
 */
static int
timeofday(const char *s)
{
	int	 h = digits(s, 2), m = -1;

	if (h >= 0 && s[2] == ':')
		m = digits(s + 3, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return 0;
	s += 5;
	if (*s == ':') {
		if ((m = digits(s + 1, 2)) < 0 || m > 59)
			return 0;
		s += 3;
		if (*s == '.' && isdigit((unsigned char)s[1]))
			for (s++; isdigit((unsigned char)*s); s++)
				continue;
	}
	if (*s == 'Z')
		s++;
	else if (*s == '+' || *s == '-') {
		h = digits(s + 1, 2);
		m = h >= 0 && s[3] == ':' ? digits(s + 4, 2) : -1;
		if (h < 0 || h > 23 || m < 0 || m > 59)
			return 0;
		s += 6;
	}
	return *s == '\0';
}

/*
 * "YYYY-MM-DD", a day of the calendar, optionally followed by "T" or a
 * space and a time of day.
 */
static int
checkdate(struct page *p, struct diag *d)
{
	const struct loc *at = meta_loc(p->fm, p->front, "date");
	const char	*s = p->date;
	char		 day[11];
	int		 i;

	if (*s == '\0')
		return 1;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' :
		    !isdigit((unsigned char)s[i]))
			return diag_error(d, at, "date must be written "
			    "YYYY-MM-DD, not '%s'", s);
	if (s[10] != '\0' && s[10] != 'T' && s[10] != ' ')
		return diag_error(d, at, "date must be written YYYY-MM-DD, "
		    "not '%s'", s);
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!schema_valid(SCHEMA_DATE, day))
		return diag_error(d, at, "date '%s' is not a day of the "
		    "calendar", s);
	if (s[10] != '\0' && !timeofday(s + 11))
		return diag_error(d, at, "date '%s' has no valid time of day "
		    "after the date (hh:mm or hh:mm:ss, from 00:00 to 23:59)",
		    s);
	return 1;
}

/*
 * The string "key" must not hold a control, format or (with "spaces")
 * space character or '%': text that shows differently from what it is,
 * or a link that needs escaping.
 */
static int
visible(struct page *p, struct diag *d, const char *key, int spaces)
{
	json_t	*v = json_object_get(p->front, key);
	long	 c;

	if (!json_is_string(v) || (c = text_invisible(json_string_value(v),
	    json_string_length(v), spaces)) < 0)
		return 1;
	if (spaces && (c == ' ' || c == '%'))
		return diag_error(d, meta_loc(p->fm, p->front, key), "%s must "
		    "not contain '%c' (write a name such as 'bao-cao-2024'), "
		    "not '%s'", key, (int)c, json_string_value(v));
	return diag_error(d, meta_loc(p->fm, p->front, key), "%s contains "
	    "the invisible character U+%04lX", key, (unsigned long)c);
}

static int
segment(struct page *p, struct diag *d, const char *key, const char *v)
{
	if (v == NULL)
		return 1;
	if (!visible(p, d, key, 1))
		return 0;
	if (text_safe_segment(v))
		return 1;
	return diag_error(d, meta_loc(p->fm, p->front, key),
	    "%s must be a plain name without '/' or leading '.', not '%s'",
	    key, v);
}

/*
 * "aliases: [/tin/ten-cu/]": earlier addresses of the page, each from
 * the site root, of plain segments; "/a/b" is kept as "/a/b/".
 */
static int
aliases(struct page *p, struct diag *d)
{
	json_t		*a = NULL, *e, *ok, *at;
	const char	*s;
	char		*inner;
	size_t		 i, n;
	int		 rc = 1, good;

	if (json_object_get(p->front, "aliases") == NULL)
		return 1;
	if (!meta_strings(p->fm, d, p->front, "aliases", &a))
		return 0;
	at = json_object_get(p->front, "aliases");
	ok = json_array();
	json_array_foreach(a, i, e) {
		s = json_string_value(e);
		n = strlen(s);
		good = 0;
		if (s[0] == '/' && strpbrk(s, " %") == NULL) {
			/* "/a/b/" or "/a/b": the segments between */
			inner = xstrndup(s + 1, s[n - 1] == '/' && n > 1 ?
			    n - 2 : n - 1);
			good = text_safe_path(inner);
			free(inner);
		}
		if (!good) {
			rc = diag_error(d, json_is_array(at) ?
			    meta_index_loc(p->fm, at, i) : meta_loc(p->fm,
			    p->front, "aliases"), "alias '%s' must be an "
			    "address from the site root, such as '/tin/ten-cu/'",
			    s);
			continue;
		}
		json_array_append_new(ok, s[n - 1] == '/' ? json_string(s) :
		    json_sprintf("%s/", s));
	}
	json_decref(a);
	if (json_array_size(ok))
		p->aliases = ok;
	else
		json_decref(ok);
	return rc;
}

static int
keys(struct page *p, struct diag *d)
{
	struct meta	*m = p->fm;
	json_t		*f = p->front;
	int		 rc = 1;

	rc &= meta_string(m, d, f, "title", &p->title);
	rc &= meta_string(m, d, f, "summary", &p->summary);
	rc &= meta_string(m, d, f, "date", &p->date);
	rc &= meta_string(m, d, f, "layout", &p->layout);
	rc &= meta_string(m, d, f, "slug", &p->slug);
	rc &= meta_string(m, d, f, "code", &p->code);
	rc &= meta_bool(m, d, f, "draft", &p->draft);
	rc &= meta_strings(m, d, f, "lead", &p->lead);
	rc &= meta_strings(m, d, f, "partners", &p->partners);
	rc &= aliases(p, d);
	if (json_object_get(f, "weight") != NULL) {
		rc &= meta_int(m, d, f, "weight", &p->weight);
		p->has_weight = 1;
	}
	/* A bad name is reported once and then forgotten. */
	if (!segment(p, d, "layout", p->layout)) {
		p->layout = NULL;
		rc = 0;
	}
	if (!segment(p, d, "slug", p->slug)) {
		p->slug = NULL;
		rc = 0;
	}
	rc &= checkdate(p, d);
	rc &= visible(p, d, "title", 0);
	/* A title of the wrong type was reported above: say it once. */
	if ((p->title == NULL && !json_object_get(f, "title")) ||
	    (p->title != NULL && *p->title == '\0'))
		rc = diag_error(d, json_object_get(f, "title") ?
		    meta_loc(m, f, "title") : meta_root_loc(m),
		    "page has no title");
	return rc;
}

static int
frontmatter(struct page *p, struct diag *d)
{
	const char	*yaml;
	size_t		 ylen;
	struct loc	 l = { p->file, 1, 1 };

	if (!page_split(p->text, strlen(p->text), &yaml, &ylen, &p->body,
	    &p->bodylen, &p->bodyline))
		return diag_error(d, &l, "front matter starts with '---' "
		    "but has no closing '---'");
	if (yaml == NULL)
		return diag_error(d, &l, "page has no front matter "
		    "(a title between '---' lines)");
	if ((p->fm = meta_parse(d, p->file, 2, yaml, ylen)) == NULL)
		return 0;
	p->front = json_incref(meta_root(p->fm));
	if (!json_is_object(p->front))
		return diag_error(d, meta_root_loc(p->fm),
		    "front matter must be a mapping of keys");
	return keys(p, d);
}

/*
 * Read the file at "path" into "b", without its byte order mark (a mark
 * is no part of the text: editors show it in no column); *off is the
 * mark's length, which byte offsets in messages still count.
 */
static int
readraw(struct page *p, struct diag *d, const char *path, struct buf *b,
    size_t *off)
{
	struct loc	 l = { p->file, 0, 0 };

	*off = 0;
	if (!fsin_read(d, path, p->file, b))
		return 0;
	if (b->len > PAGE_SIZE_MAX)
		return diag_error(d, &l, "page is %.1f MB, more than the %d MB "
		    "a page may have (split it into several pages)",
		    (double)b->len / (1 << 20), PAGE_SIZE_MAX >> 20);
	if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0) {
		*off = 3;
		memmove(b->data, b->data + 3, b->len - 3);
		buf_truncate(b, b->len - 3);
	}
	return 1;
}

/* Check UTF-8 and normalise "b" to NFC in place; no NUL byte either. */
static int
checktext(struct page *p, struct diag *d, struct buf *b, size_t off)
{
	size_t		 bad;
	struct loc	 l = { p->file, 0, 0 };

	/* It checks UTF-8 on its way, and leaves "b" as read if not. */
	if (!text_nfc_buf(b)) {
		text_utf8_valid(b->data, b->len, &bad);
		text_position(b->data, bad, &l.line, &l.col);
		return diag_error(d, &l, "invalid UTF-8 (byte offset %zu)",
		    off + bad);
	}
	if (memchr(b->data, '\0', b->len) != NULL) {
		l.line = 1;
		return diag_error(d, &l, "file contains a NUL byte");
	}
	return 1;
}

/*
 * Read, check UTF-8 and normalise; the file's text ends up in p->text,
 * the buffer it was read into.
 */
static int
readtext(struct page *p, struct diag *d, const char *path)
{
	struct buf	 b = BUF_INIT;
	size_t		 off;
	int		 rc = 0;

	if (readraw(p, d, path, &b, &off) && checktext(p, d, &b, off)) {
		p->text = buf_detach(&b, NULL);
		rc = 1;
	}
	buf_release(&b);
	return rc;
}

/* The front matter lives on in p->front: keep only the body's text. */
static void
keepbody(struct page *p)
{
	memmove(p->text, p->body, p->bodylen);
	p->text[p->bodylen] = '\0';
	p->text = xrealloc(p->text, p->bodylen + 1);
	p->body = p->text;
}

static uint32_t
bodysum(const char *body, size_t len)
{
	return (uint32_t)crc32_z(crc32_z(0, Z_NULL, 0),
	    (const unsigned char *)body, len);
}

/* The body of "p" will be read again from its file: keep what it was. */
static void
summed(struct page *p, const char *body)
{
	p->bodysum = bodysum(body, p->bodylen);
	p->summed = 1;
}

void
page_batch_init(struct page_batch *b, struct page_keep *k)
{
	memset(b, 0, sizeof(*b));
	b->keep = k;
	buf_init(&b->data);
}

/* Write the bodies waiting in "b"; its memory stays for the next ones. */
static void
flush(struct page_batch *b)
{
	struct page	*p;
	uint64_t	 at = 0;
	size_t		 i;
	int		 ok;

	if (b->n == 0)
		return;
	ok = stash_write(b->keep->stash, b->data.data, b->data.len, &at);
	for (i = 0; i < b->n; i++) {
		p = b->v[i];
		if (ok) {		/* stash_at was its place in "data" */
			p->stash = b->keep->stash;
			p->stash_at += at;
		} else
			summed(p, b->data.data + p->stash_at);
	}
	buf_reset(&b->data);
	b->n = 0;
}

void
page_batch_flush(struct page_batch *b)
{
	flush(b);
	buf_release(&b->data);
	free(b->v);
	b->v = NULL;
	b->n = b->cap = 0;
}

/*
 * Keep the body of "p" in memory while the budget of "b" allows it; past
 * that, in the stash (or, without one, only its length and CRC-32, for
 * page_body() to know it again).
 */
static void
budget(struct page *p, struct page_batch *b)
{
	struct page_keep	*k = b ? b->keep : NULL;

	if (k == NULL ||
	    atomic_fetch_add(&k->used, p->bodylen) + p->bodylen <= k->max)
		return;
	if (k->stash != NULL) {
		p->stash_at = b->data.len;
		buf_put(&b->data, p->body, p->bodylen);
		b->v = xgrow(b->v, b->n, &b->cap, 64, sizeof(*b->v));
		b->v[b->n++] = p;
		if (b->data.len >= PAGE_BATCH)
			flush(b);
	} else
		summed(p, p->body);
	free(p->text);
	p->text = NULL;
	p->body = NULL;
}

/*
 * Whether the text in "b" has the body that "p" had at load; "b" need
 * not be checked yet, since the same bytes were.  Sets *body to it.
 */
static int
samebody(const struct page *p, const struct buf *b, const char **body)
{
	const char	*yaml;
	size_t		 ylen, blen;
	unsigned	 bline;

	return page_split(b->data, b->len, &yaml, &ylen, body, &blen,
	    &bline) && blen == p->bodylen && bline == p->bodyline &&
	    bodysum(*body, blen) == p->bodysum;
}

int
page_body(struct diag *d, struct page *p)
{
	struct buf	 b = BUF_INIT;
	struct loc	 at = { NULL, 1, 1 };
	const char	*yaml, *body;
	size_t		 ylen, off;
	int		 rc = 0;

	if (p->body != NULL)
		return 1;
	p->body = "";
	at.file = p->file;
	if (p->stash != NULL) {
		p->text = xmalloc(p->bodylen + 1);
		if (!stash_read(p->stash, p->stash_at, p->text, p->bodylen)) {
			free(p->text);
			p->text = NULL;
			diag_syserr(d, p->file, N_("cannot read its text back "
			    "from the temporary file"));
			goto out;
		}
		p->text[p->bodylen] = '\0';
		p->body = p->text;
		p->stash = NULL;
		return 1;
	}
	if (p->src == NULL || !readraw(p, d, p->src, &b, &off))
		goto out;
	/* The same bytes as page_load() read and checked need no check. */
	if (!p->summed || !samebody(p, &b, &body)) {
		if (!checktext(p, d, &b, off))
			goto out;
		/* Compared again once in NFC, as the sum was made. */
		if (p->summed ? !samebody(p, &b, &body) : !page_split(b.data,
		    b.len, &yaml, &ylen, &body, &p->bodylen, &p->bodyline)) {
			diag_error(d, &at, "the page changed during the "
			    "build; build again");
			goto out;
		}
	}
	off = (size_t)(body - b.data);
	p->text = buf_detach(&b, NULL);
	p->body = p->text + off;
	keepbody(p);
	p->summed = 0;
	rc = 1;
out:
	if (!rc) {
		p->body = "";
		p->bodylen = 0;
		p->summed = 0;
		p->stash = NULL;
	}
	buf_release(&b);
	return rc;
}

static char *
basename_md(const char *rel)
{
	const char	*s = strrchr(rel, '/');
	size_t		 n;

	s = s ? s + 1 : rel;
	n = strlen(s);
	if (n > 3 && strcmp(s + n - 3, ".md") == 0)
		n -= 3;
	return xstrndup(s, n);
}

struct page *
page_load(struct diag *d, const char *path, const char *display,
    const char *rel, struct page_batch *b)
{
	struct page	*p = xcalloc(1, sizeof(*p));

	p->file = xstrdup(display);
	/* Usually the same: one copy for both. */
	p->src = strcmp(path, display) == 0 ? p->file : xstrdup(path);
	p->rel = xstrdup(rel);
	p->name = basename_md(rel);
	p->is_index = strcmp(p->name, "_index") == 0;
	p->summary = p->date = p->code = "";
	if (!readtext(p, d, path)) {
		page_free(p);
		return NULL;
	}
	if (!frontmatter(p, d)) {
		/*
		 * A mapping with a key of the wrong type, already reported:
		 * the page stays, so that its references (units, indicators,
		 * views, links) are checked in the same run; the build fails
		 * on the error anyway.  Unreadable front matter drops it.
		 */
		if (!json_is_object(p->front)) {
			page_free(p);
			return NULL;
		}
		p->broken = 1;
		if (p->title == NULL || *p->title == '\0')
			p->title = p->name;
	}
	keepbody(p);
	budget(p, b);
	return p;
}

void
page_drop_body(struct page *p)
{
	if (p->src == NULL)	/* a made section page: its title is text */
		return;
	free(p->text);
	p->text = NULL;
	p->body = NULL;
	p->bodylen = 0;
	p->summed = 0;
	p->stash = NULL;
}

void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	json_decref(p->lead);
	json_decref(p->partners);
	json_decref(p->aliases);
	json_decref(p->front);
	meta_free(p->fm);
	free(p->twins);
	free(p->text);
	if (p->src != p->file)
		free(p->src);
	free(p->path);
	free(p->name);
	free(p->rel);
	free(p->file);
	free(p);
}
