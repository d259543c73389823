/*
 * Diagnostics.  Problems are collected while the pipeline runs and
 * printed together at the end, sorted by file, line and column, so the
 * output of a run does not depend on the order in which the stages
 * happened to find them.
 */
#include "diag.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <utf8proc.h>

#include "buf.h"
#include "intl.h"
#include "xalloc.h"

struct entry {
	char		*file;
	unsigned	 line, col;
	enum diag_level	 level;
	char		*msg;
	size_t		 seq;
};

struct diag {
	pthread_mutex_t	 lock;		/* render threads report concurrently */
	struct entry	*v;
	size_t		 n, cap;
	size_t		 errors, warnings;
	int		 strict;
	int		 progress;	/* stderr is a terminal: show it */
	int		 shown;		/* a progress line is on screen */
	double		 last;		/* when it was last drawn */
};

struct diag *
diag_new(void)
{
	struct diag	*d = xcalloc(1, sizeof(struct diag));

	pthread_mutex_init(&d->lock, NULL);
	return d;
}

static void
clear(struct diag *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
}

void
diag_free(struct diag *d)
{
	if (d == NULL)
		return;
	clear(d);
	pthread_mutex_destroy(&d->lock);
	free(d->v);
	free(d);
}

/*
 * "s" as it may be shown on a terminal: control characters as "\n",
 * "\t" or "\x1b" (C1 ones as "\u0085"), format characters such as the
 * bidirectional controls as "<U+202E>", and bytes that are not UTF-8 as
 * "\xff"; with "lines", newlines stay (notes may be several lines).
 * A new string to free().
 *
 *	"bad\x1b[2Jname"	->	"bad\\x1b[2Jname"
 */
static char *
shown(const char *s, int lines)
{
	struct buf		 b = BUF_INIT;
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;
	utf8proc_category_t	 cat;

	while (*p != '\0') {
		n = utf8proc_iterate(p, -1, &c);
		cat = n > 0 ? utf8proc_category(c) : UTF8PROC_CATEGORY_CN;
		if (n <= 0)
			buf_printf(&b, "\\x%02x", *p);
		else if (c == '\n' && lines)
			buf_putc(&b, '\n');
		else if (c == '\n' || c == '\t')
			buf_puts(&b, c == '\n' ? "\\n" : "\\t");
		else if (cat == UTF8PROC_CATEGORY_CC)
			buf_printf(&b, c < 0x80 ? "\\x%02x" : "\\u%04x",
			    (unsigned)c);
		else if (cat == UTF8PROC_CATEGORY_CF ||
		    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
			buf_printf(&b, "<U+%04X>", (unsigned)c);
		else
			buf_put(&b, (const char *)p, (size_t)n);
		p += n > 0 ? n : 1;
	}
	return buf_detach(&b, NULL);
}

int
diag_vadd(struct diag *d, enum diag_level lvl, const struct loc *l,
    const char *fmt, va_list ap)
{
	struct buf	 b = BUF_INIT;
	struct entry	*e;
	char		*msg;

	buf_vprintf(&b, _(fmt), ap);
	msg = shown(b.data, 0);
	buf_release(&b);
	pthread_mutex_lock(&d->lock);
	if (lvl == DIAG_WARNING && d->strict)
		lvl = DIAG_ERROR;
	d->v = xgrow(d->v, d->n, &d->cap, 16, sizeof(*d->v));
	e = &d->v[d->n];
	e->file = (l && l->file) ? shown(l->file, 0) : NULL;
	e->line = l ? l->line : 0;
	e->col = l ? l->col : 0;
	e->level = lvl;
	e->seq = d->n;
	e->msg = msg;
	d->n++;
	if (lvl == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	pthread_mutex_unlock(&d->lock);
	return 0;
}

int
diag_add(struct diag *d, enum diag_level lvl, const struct loc *l,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(d, lvl, l, fmt, ap);
	va_end(ap);
	return 0;
}

int
diag_error(struct diag *d, const struct loc *l, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(d, DIAG_ERROR, l, fmt, ap);
	va_end(ap);
	return 0;
}

int
diag_warning(struct diag *d, const struct loc *l, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(d, DIAG_WARNING, l, fmt, ap);
	va_end(ap);
	return 0;
}

int
diag_syserr(struct diag *d, const char *path, const char *what)
{
	int		 e = errno;
	struct loc	 l = { path, 0, 0 };

	return diag_error(d, &l, "%s: %s", _(what), strerror(e));
}

void
diag_set_strict(struct diag *d, int strict)
{
	size_t	 i;

	d->strict = strict;
	if (!strict)
		return;
	for (i = 0; i < d->n; i++)
		if (d->v[i].level == DIAG_WARNING) {
			d->v[i].level = DIAG_ERROR;
			d->warnings--;
			d->errors++;
		}
}

size_t
diag_errors(const struct diag *d)
{
	return d->errors;
}

size_t
diag_warnings(const struct diag *d)
{
	return d->warnings;
}

static int
cmp(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;
	int			 c;

	if (x->file == NULL || y->file == NULL) {
		if (x->file != y->file)
			return x->file == NULL ? -1 : 1;
	} else if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if ((c = strcmp(x->msg, y->msg)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
same(const struct entry *x, const struct entry *y)
{
	if ((x->file == NULL) != (y->file == NULL))
		return 0;
	if (x->file && strcmp(x->file, y->file))
		return 0;
	return x->line == y->line && x->col == y->col &&
	    x->level == y->level && strcmp(x->msg, y->msg) == 0;
}

/* Erase the progress line; the caller holds the lock. */
static void
erase(struct diag *d)
{
	if (!d->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	d->shown = 0;
}

void
diag_print(struct diag *d, FILE *fp)
{
	size_t		 i;
	struct entry	*e;

	diag_progress_end(d);
	if (fp == NULL)
		fp = stderr;
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp);
	for (i = 0; i < d->n; i++) {
		e = &d->v[i];
		if (i > 0 && same(e, &d->v[i - 1]))
			continue;
		if (e->file && e->line && e->col)
			fprintf(fp, "%s:%u:%u: ", e->file, e->line, e->col);
		else if (e->file && e->line)
			fprintf(fp, "%s:%u: ", e->file, e->line);
		else if (e->file)
			fprintf(fp, "%s: ", e->file);
		else
			fputs("planpress: ", fp);
		fprintf(fp, "%s: %s\n",
		    /* TRANSLATORS: the level words of "file:line:col:
		       error: message". */
		    e->level == DIAG_ERROR ? _("error") : _("warning"), e->msg);
	}
	fflush(fp);
	clear(d);
}

void
diag_note(struct diag *d, const char *fmt, ...)
{
	struct buf	 b = BUF_INIT;
	va_list		 ap;
	char		*s;

	va_start(ap, fmt);
	buf_vprintf(&b, _(fmt), ap);
	va_end(ap);
	s = shown(b.data, 1);
	pthread_mutex_lock(&d->lock);
	erase(d);
	fputs(s, stderr);
	fputc('\n', stderr);
	pthread_mutex_unlock(&d->lock);
	free(s);
	buf_release(&b);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
diag_set_progress(struct diag *d, int on)
{
	pthread_mutex_lock(&d->lock);
	d->progress = on && isatty(STDERR_FILENO);
	d->last = now();
	pthread_mutex_unlock(&d->lock);
}

/* "n" with a comma between groups of three digits: "10,000". */
static void
grouped(struct buf *b, size_t n)
{
	if (n >= 1000) {
		grouped(b, n / 1000);
		buf_printf(b, ",%03zu", n % 1000);
	} else
		buf_printf(b, "%zu", n);
}

void
diag_progress(struct diag *d, const char *what, size_t done, size_t total,
    const char *unit)
{
	struct buf	 b = BUF_INIT;
	double		 t;

	if (!d->progress)	/* set before the threads start */
		return;
	pthread_mutex_lock(&d->lock);
	t = now();
	if (t - d->last >= 0.1) {
		d->last = t;
		buf_printf(&b, "\r%s ", _(what));
		grouped(&b, done);
		buf_putc(&b, '/');
		grouped(&b, total);
		buf_printf(&b, " %s\033[K", _(unit));
		fputs(b.data, stderr);
		fflush(stderr);
		d->shown = 1;
	}
	pthread_mutex_unlock(&d->lock);
	buf_release(&b);
}

void
diag_progress_end(struct diag *d)
{
	pthread_mutex_lock(&d->lock);
	erase(d);
	pthread_mutex_unlock(&d->lock);
}
