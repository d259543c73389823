/*
 * Allocation wrappers.  Every module allocates through these, so an
 * out-of-memory condition is handled once, here, by aborting with a
 * message; the rest of the program never checks for it.
 */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(size_t n)
{
	fprintf(stderr, "planpress: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		oom(nmemb * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void	*q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, nmemb * size);
}

void *
xgrow(void *v, size_t n, size_t *cap, size_t first, size_t size)
{
	if (n < *cap)
		return v;
	if (*cap > SIZE_MAX / 2)
		oom(SIZE_MAX);
	*cap = *cap ? *cap * 2 : first;
	return xreallocarray(v, *cap, size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
xstrdups(size_t n, const char *const *s, char **out)
{
	size_t	 i, all = 0;
	char	*at;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		all += strlen(s[i]) + 1;
	at = xmalloc(all);
	for (i = 0; i < n; i++) {
		out[i] = at;
		at = stpcpy(at, s[i]) + 1;
	}
}

/*
 * "fmt" with "ap" when it has no conversion but "%s" and "%%", else
 * NULL.  Most calls join paths and addresses so, and two rounds of
 * vsnprintf() cost more than the joining.
 */
static char *
join(const char *fmt, va_list ap)
{
	const char	*f, *s;
	char		*p, *q;
	size_t		 n = 0, len;
	va_list		 cp;

	for (f = fmt; *f != '\0'; f++)
		if (*f == '%' && *++f != 's' && *f != '%')
			return NULL;
	va_copy(cp, ap);
	for (f = fmt; *f != '\0'; f++, n++)
		if (*f == '%' && *++f == 's') {
			s = va_arg(cp, const char *);
			n += strlen(s != NULL ? s : "(null)") - 1;
		}
	va_end(cp);
	q = p = xmalloc(n + 1);
	for (f = fmt; *f != '\0'; f++) {
		if (*f != '%' || *++f == '%') {
			*q++ = *f;
			continue;
		}
		if ((s = va_arg(ap, const char *)) == NULL)
			s = "(null)";
		len = strlen(s);
		memcpy(q, s, len);
		q += len;
	}
	*q = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	p = join(fmt, ap);
	va_end(ap);
	if (p != NULL)
		return p;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom(0);
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
