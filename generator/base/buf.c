/*
 * Growable buffers.  Every renderer appends to a struct buf that its
 * caller owns; only buf.c reallocates the memory behind it.
 */
#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char buf_empty[1];

void
buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = b->cap = 0;
}

void
buf_release(struct buf *b)
{
	if (b->cap)
		free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need = b->len + extra + 1, cap;

	assert(need > b->len);
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap + cap / 2 + 16;
	if (b->cap == 0) {
		b->data = xmalloc(cap);
		b->data[0] = '\0';
	} else
		b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
buf_put(struct buf *b, const void *p, size_t len)
{
	if (len == 0)
		return;
	buf_grow(b, len);
	memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	/* Straight into the room left, measured first only if it is short. */
	va_copy(cp, ap);
	n = b->cap ? vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp) :
	    vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0) {
		if (b->cap)
			b->data[b->len] = '\0';
		return;
	}
	if (b->cap == 0 || (size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_truncate(struct buf *b, size_t len)
{
	assert(len <= b->len);
	if (b->cap == 0)
		return;
	b->len = len;
	b->data[len] = '\0';
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char	*s;

	if (b->cap == 0)
		s = xstrdup("");
	else
		s = b->data;
	if (len)
		*len = b->len;
	buf_init(b);
	return s;
}
