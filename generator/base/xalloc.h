/*
 * Allocation wrappers that never return NULL: when memory runs out they
 * print a message and abort, so callers treat NULL or 0 from other
 * functions as "bad input, already reported" and never as "out of memory".
 */
#ifndef PLANPRESS_XALLOC_H
#define PLANPRESS_XALLOC_H

#include <stddef.h>

/* malloc(n), never NULL; free with free(). */
void	*xmalloc(size_t n);

/* calloc(nmemb, size) with an overflow check, never NULL. */
void	*xcalloc(size_t nmemb, size_t size);

/* realloc(p, n), never NULL. */
void	*xrealloc(void *p, size_t n);

/* reallocarray(p, nmemb, size) with an overflow check, never NULL. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);

/*
 * Room for one more element in the array "v" of "n" elements of "size"
 * bytes that has room for "*cap": when it is full, the room doubles
 * (starting at "first") and the array moves.  Returns the array.  The
 * one way planpress grows an array:
 *
 *	a->v = xgrow(a->v, a->n, &a->cap, 16, sizeof(*a->v));
 *	a->v[a->n++] = x;
 */
void	*xgrow(void *v, size_t n, size_t *cap, size_t first, size_t size);

/* A copy of the string "s", to free with free(). */
char	*xstrdup(const char *s);

/* A NUL-terminated copy of the first "n" bytes of "s". */
char	*xstrndup(const char *s, size_t n);

/*
 * Copies of the "n" strings "s" in one block: out[i] is the copy of
 * s[i], and out[0] the block, to free with free() (nothing for n 0).
 * For records that keep several strings and are many.
 */
void	 xstrdups(size_t n, const char *const *s, char **out);

/* A new string formatted as printf() would; free with free(). */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
