/*
 * A growable byte buffer, after git's strbuf and cmark's cmark_strbuf.
 *
 * Invariants callers rely on:
 *  - "data" is never NULL and is always NUL-terminated at data[len];
 *  - the buffer may hold NUL bytes; "len" is the length, not strlen();
 *  - a zero-initialised struct is NOT valid: use BUF_INIT or buf_init().
 *
 *	struct buf b = BUF_INIT;
 *	buf_printf(&b, "%d pages", 3);		// b.data == "3 pages"
 *	buf_release(&b);
 */
#ifndef PLANPRESS_BUF_H
#define PLANPRESS_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;	/* 0 while data points at the static empty string */
};

extern char buf_empty[];

#define BUF_INIT { buf_empty, 0, 0 }

/* Make "b" an empty buffer. */
void	 buf_init(struct buf *b);

/* Free the memory of "b" and leave it empty and reusable. */
void	 buf_release(struct buf *b);

/* Empty "b" but keep its memory. */
void	 buf_reset(struct buf *b);

/* Make room for "extra" more bytes (plus the terminating NUL). */
void	 buf_grow(struct buf *b, size_t extra);

/* Append "len" bytes of "p". */
void	 buf_put(struct buf *b, const void *p, size_t len);

/* Append the string "s". */
void	 buf_puts(struct buf *b, const char *s);

/* Append one byte. */
void	 buf_putc(struct buf *b, int c);

/* Append formatted text, as printf() would print it. */
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

/* Shorten "b" to "len" bytes (len <= b->len). */
void	 buf_truncate(struct buf *b, size_t len);

/*
 * Hand the contents to the caller as a NUL-terminated string to free
 * with free(); "b" is left empty.  "len", when not NULL, gets the length.
 */
char	*buf_detach(struct buf *b, size_t *len);

#endif
