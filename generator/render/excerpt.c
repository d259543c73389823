/*
 * Short plain text for the render stage: the description of a page when
 * its front matter has no summary (the first paragraph of its body, as
 * plain text), and titles cut to the length search results show.  The
 * render stage calls excerpt_html() on the HTML it has just made from the
 * Markdown, and excerpt_cut() on titles; the feed uses both.
 */
#include "excerpt.h"

#include <string.h>

#include "buf.h"

/* 1 if byte "c" starts a character (is not a UTF-8 continuation byte). */
static int
lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

size_t
excerpt_length(const char *s)
{
	size_t	 n = 0;

	for (; *s; s++)
		n += lead((unsigned char)*s);
	return n;
}

/* The byte offset where character "n" of "s" starts (or its length). */
static size_t
offset(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; s[i]; i++)
		if (lead((unsigned char)s[i]) && n-- == 0)
			break;
	return i;
}

/* 1 for punctuation that should not hang before an ellipsis. */
static int
hangs(char c)
{
	return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' ||
	    c == '-' || c == '(' || c == '/';
}

void
excerpt_cut(struct buf *out, const char *s, size_t max, const char *ellipsis)
{
	size_t	 room, end, i;

	if (excerpt_length(s) <= max) {
		buf_puts(out, s);
		return;
	}
	room = excerpt_length(ellipsis);
	room = max > room ? max - room : 0;
	end = offset(s, room);
	/* Back to the last space at or before the cut. */
	for (i = end; i > 0 && s[i] != ' '; i--)
		continue;
	if (i > 0)
		end = i;
	while (end > 0 && hangs(s[end - 1]))
		end--;
	buf_put(out, s, end);
	buf_puts(out, ellipsis);
}

/* Append the code point "cp" as UTF-8. */
static void
put_utf8(struct buf *b, unsigned long cp)
{
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80)
		buf_putc(b, (int)cp);
	else if (cp < 0x800) {
		buf_putc(b, 0xC0 | (int)(cp >> 6));
		buf_putc(b, 0x80 | (int)(cp & 0x3F));
	} else if (cp < 0x10000) {
		buf_putc(b, 0xE0 | (int)(cp >> 12));
		buf_putc(b, 0x80 | (int)((cp >> 6) & 0x3F));
		buf_putc(b, 0x80 | (int)(cp & 0x3F));
	} else {
		buf_putc(b, 0xF0 | (int)(cp >> 18));
		buf_putc(b, 0x80 | (int)((cp >> 12) & 0x3F));
		buf_putc(b, 0x80 | (int)((cp >> 6) & 0x3F));
		buf_putc(b, 0x80 | (int)(cp & 0x3F));
	}
}

/*
 * Decode the entity at "s" (after the '&', at most "len" bytes) into
 * "b"; returns the bytes it used, or 0 when it is not one we know.
 */
static size_t
entity(struct buf *b, const char *s, size_t len)
{
	static const struct { const char *name; char c; } named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }, { "nbsp;", ' ' },
	};
	unsigned long	 cp = 0;
	size_t		 i, n;
	int		 hex;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		n = strlen(named[i].name);
		if (n <= len && memcmp(s, named[i].name, n) == 0) {
			buf_putc(b, named[i].c);
			return n;
		}
	}
	if (len < 3 || s[0] != '#')
		return 0;
	hex = s[1] == 'x' || s[1] == 'X';
	for (i = 1 + hex; i < len && i < 10 && s[i] != ';'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			cp = cp * (hex ? 16 : 10) + (unsigned long)(s[i] - '0');
		else if (hex && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))
			cp = cp * 16 + (unsigned long)((s[i] | 0x20) - 'a' + 10);
		else
			return 0;
	}
	if (i >= len || s[i] != ';' || i == 1u + hex)
		return 0;
	put_utf8(b, cp);
	return i + 1;
}

/* Append a space unless "b" is empty or ends in one. */
static void
space(struct buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != ' ')
		buf_putc(b, ' ');
}

/* 1 for the bytes plain() copies one by one: a tag, an entity, a space. */
static int
stops(char c)
{
	return c == '<' || c == '&' || c == ' ' || c == '\n' || c == '\t' ||
	    c == '\r';
}

/*
 * The plain text of the HTML from "s" up to the paragraph's end.  It
 * stops early, between two characters, once it holds more than "max"
 * characters and does not end in a space: excerpt_cut() to "max" then
 * cuts it where it would cut the whole paragraph.
 */
static void
plain(struct buf *b, const char *s, const char *end, size_t max)
{
	const char	*run;
	size_t		 n, chars = 0;

	while (s < end) {
		if (chars > max && b->data[b->len - 1] != ' ')
			return;
		if (*s == '<') {
			if (strncmp(s, "</p>", 4) == 0)
				break;
			if (strncmp(s, "<br", 3) == 0 && b->len > 0 &&
			    b->data[b->len - 1] != ' ') {
				space(b);
				chars++;
			}
			while (s < end && *s != '>')
				s++;
			if (s < end)
				s++;
		} else if (*s == '&' && (n = entity(b, s + 1,
		    (size_t)(end - s - 1))) > 0) {
			s += n + 1;
			chars++;
		} else if (*s == ' ' || *s == '\n' || *s == '\t' ||
		    *s == '\r') {
			if (b->len > 0 && b->data[b->len - 1] != ' ') {
				space(b);
				chars++;
			}
			s++;
		} else {
			for (run = s++; s < end && !stops(*s); s++)
				continue;
			buf_put(b, run, (size_t)(s - run));
			for (; run < s; run++)
				chars += lead((unsigned char)*run);
		}
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
}

/* The first "<p" at or after "s", or NULL. */
static const char *
findp(const char *s, const char *end)
{
	for (; s + 1 < end; s++)
		if (s[0] == '<' && s[1] == 'p')
			return s;
	return NULL;
}

void
excerpt_html(struct buf *out, const char *html, size_t len, size_t max,
    const char *ellipsis)
{
	struct buf	 text = BUF_INIT;
	const char	*s = html, *end = html + len;

	while ((s = findp(s, end)) != NULL) {
		if (s + 2 < end && (s[2] == '>' || s[2] == ' ')) {
			while (s < end && *s != '>')
				s++;
			if (s == end)
				break;
			buf_reset(&text);
			plain(&text, s + 1, end, max);
			if (text.len > 0)
				break;
		}
		s += 2;
	}
	if (text.len > 0)
		excerpt_cut(out, text.data, max, ellipsis);
	buf_release(&text);
}
