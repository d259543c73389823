/*
 * Broken links (linkcheck.h): a set of what the build publishes, the
 * links met while rendering, and a report once everything is known.
 */
#include "linkcheck.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "strset.h"
#include "text.h"
#include "xalloc.h"

struct link {
	char		*file;		/* one block: file, url, target */
	const char	*url;
	const char	*target;	/* resolved site path */
	unsigned	 line, col;
};

struct linkcheck {
	pthread_mutex_t	 lock;
	struct strset	 pages;		/* the site paths of
					   linkcheck_pages(), read without
					   the lock */
	char		*names;		/* their text, one block */
	json_t		*published;	/* site path -> true */
	json_t		*drafts;	/* site path -> its file */
	json_t		*unsure;	/* prefix -> true */
	struct link	*v;
	size_t		 n, cap;
};

struct linkcheck *
linkcheck_new(void)
{
	struct linkcheck	*lc = xcalloc(1, sizeof(*lc));

	pthread_mutex_init(&lc->lock, NULL);
	lc->published = json_object();
	lc->drafts = json_object();
	lc->unsure = json_object();
	return lc;
}

void
linkcheck_free(struct linkcheck *lc)
{
	size_t	 i;

	if (lc == NULL)
		return;
	for (i = 0; i < lc->n; i++)
		free(lc->v[i].file);
	free(lc->v);
	strset_free(&lc->pages);
	free(lc->names);
	json_decref(lc->published);
	json_decref(lc->drafts);
	json_decref(lc->unsure);
	pthread_mutex_destroy(&lc->lock);
	free(lc);
}

/*
 * "X/index.html" is also the page "X/".  A file written by the build
 * keeps its source ("" for a page planpress makes), to name it when a
 * second output claims the file.
 */
static void
publish(struct linkcheck *lc, const char *path, const char *source)
{
	size_t	 n = strlen(path);
	char	*page;

	json_object_set_new(lc->published, path, source ? json_string(source) :
	    json_true());
	if (n >= 10 && strcmp(path + n - 10, "index.html") == 0 &&
	    path[n - 11] == '/') {
		page = xstrndup(path, n - 10);
		json_object_set_new(lc->published, page, json_true());
		free(page);
	}
}

void
linkcheck_file(struct linkcheck *lc, const char *path)
{
	char	*p = path[0] == '/' ? xstrdup(path) : xasprintf("/%s", path);

	pthread_mutex_lock(&lc->lock);
	publish(lc, p, NULL);
	pthread_mutex_unlock(&lc->lock);
	free(p);
}

char *
linkcheck_claim(struct linkcheck *lc, const char *path, const char *source)
{
	char	*p = path[0] == '/' ? xstrdup(path) : xasprintf("/%s", path);
	char	*prev = NULL;
	json_t	*v;

	pthread_mutex_lock(&lc->lock);
	if ((v = json_object_get(lc->published, p)) != NULL &&
	    json_is_string(v))
		prev = xstrdup(json_string_value(v));
	else
		publish(lc, p, source);
	pthread_mutex_unlock(&lc->lock);
	free(p);
	return prev;
}

int
linkcheck_has(struct linkcheck *lc, const char *path)
{
	int	 r;

	pthread_mutex_lock(&lc->lock);
	r = json_object_get(lc->published, path) != NULL;
	pthread_mutex_unlock(&lc->lock);
	return r;
}

void
linkcheck_unsure(struct linkcheck *lc, const char *prefix)
{
	pthread_mutex_lock(&lc->lock);
	json_object_set_new(lc->unsure, prefix, json_true());
	pthread_mutex_unlock(&lc->lock);
}

/* Whether "path" lies under a prefix not judged. */
static int
unsure(const struct linkcheck *lc, const char *path)
{
	const char	*k;
	json_t		*v;

	json_object_foreach(lc->unsure, k, v)
		if (strncmp(path, k, strlen(k)) == 0)
			return 1;
	return 0;
}

void
linkcheck_draft(struct linkcheck *lc, const char *path, const char *file)
{
	pthread_mutex_lock(&lc->lock);
	json_object_set_new(lc->drafts, path, json_string(file));
	pthread_mutex_unlock(&lc->lock);
}

/* Whether "url" starts with a scheme ("https:", "mailto:"). */
static int
has_scheme(const char *url)
{
	const char	*p = url;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* "s" of "n" bytes with its "%XX" escapes decoded, appended to "b". */
static void
decoded(struct buf *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] == '%' && i + 2 < n && text_hexval(s[i + 1]) >= 0 &&
		    text_hexval(s[i + 2]) >= 0) {
			buf_putc(b, (char)(text_hexval(s[i + 1]) * 16 +
			    text_hexval(s[i + 2])));
			i += 2;
		} else
			buf_putc(b, s[i]);
}

/*
 * Apply the segment "s" of "n" bytes to the folder "b" ("/a/b/"): 1 when
 * it named something (appended with a '/'), 0 for "", "." and "..",
 * -1 for ".." above the root.
 */
static int
segment(struct buf *b, const char *s, size_t n)
{
	char	*slash;

	if (n == 0 || (n == 1 && s[0] == '.'))
		return 0;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		if (b->len <= 1)
			return -1;
		b->data[--b->len] = '\0';	/* the trailing '/' */
		slash = strrchr(b->data, '/');
		b->len = (size_t)(slash - b->data) + 1;
		b->data[b->len] = '\0';
		return 0;
	}
	decoded(b, s, n);
	buf_putc(b, '/');
	return 1;
}

int
linkcheck_resolve(const char *from, const char *url, struct buf *out)
{
	size_t	 n = strcspn(url, "?#"), i, start;
	int	 last = 0;

	buf_reset(out);
	if (n == 0 || has_scheme(url) || (url[0] == '/' && url[1] == '/'))
		return 0;
	/* From the root, or from the page's folder ("/a/b/"). */
	buf_puts(out, url[0] == '/' ? "/" : from);
	for (i = start = url[0] == '/'; i <= n; i++) {
		if (i < n && url[i] != '/')
			continue;
		if ((last = segment(out, url + start, i - start)) < 0)
			return 0;
		start = i + 1;
	}
	/* "a/b" without a last '/' is the file (or page) "a/b". */
	if (last == 1 && url[n - 1] != '/')
		out->data[--out->len] = '\0';
	return 1;
}

/* Whether "path" (or the page "path/") is published or a draft. */
static const json_t *
lookup(const json_t *set, const char *path)
{
	const json_t	*v = json_object_get(set, path);
	char		*dir;

	if (v != NULL || path[strlen(path) - 1] == '/')
		return v;
	dir = xasprintf("%s/", path);
	v = json_object_get(set, dir);
	free(dir);
	return v;
}

void
linkcheck_pages(struct linkcheck *lc, const char *const *paths, size_t n)
{
	size_t	 i;
	char	**copy = xreallocarray(NULL, n ? n : 1, sizeof(*copy));

	strset_free(&lc->pages);
	free(lc->names);
	xstrdups(n, paths, copy);
	lc->names = n ? copy[0] : NULL;
	strset_init(&lc->pages, n);
	for (i = 0; i < n; i++)
		strset_add(&lc->pages, copy[i]);
	free(copy);
}

/*
 * A link to a page about to be written, or to what is already published,
 * leads somewhere for good: only the others are kept, for
 * linkcheck_report() to judge when all is known.
 */
void
linkcheck_link(struct linkcheck *lc, const char *file, unsigned line,
    unsigned col, const char *from, const char *url)
{
	struct buf	 b = BUF_INIT;
	struct link	*l;
	const char	*s[3];
	char		*c[3];
	int		 good;

	if (!linkcheck_resolve(from, url, &b)) {
		buf_release(&b);
		return;
	}
	/* A page of linkcheck_pages(); "/a/b" is the page "/a/b/" too. */
	if (!(good = strset_has(&lc->pages, b.data, b.len)) &&
	    b.data[b.len - 1] != '/') {
		buf_putc(&b, '/');
		good = strset_has(&lc->pages, b.data, b.len);
		buf_truncate(&b, b.len - 1);
	}
	if (good) {
		buf_release(&b);
		return;
	}
	pthread_mutex_lock(&lc->lock);
	if (lookup(lc->published, b.data) == NULL) {
		s[0] = file;
		s[1] = url;
		s[2] = b.data;
		xstrdups(3, s, c);
		lc->v = xgrow(lc->v, lc->n, &lc->cap, 64, sizeof(*lc->v));
		l = &lc->v[lc->n++];
		l->file = c[0];
		l->url = c[1];
		l->target = c[2];
		l->line = line;
		l->col = col;
	}
	pthread_mutex_unlock(&lc->lock);
	buf_release(&b);
}

static int
byplace(const void *a, const void *b)
{
	const struct link	*x = a, *y = b;
	int			 c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->url, y->url);
}

int
linkcheck_report(struct linkcheck *lc, struct diag *d)
{
	const json_t	*draft;
	struct link	 tmp;
	struct loc	 at;
	size_t		 i, n = 0;
	int		 rc = 1;

	/* The links that lead nowhere to the front, and in order. */
	for (i = 0; i < lc->n; i++) {
		if (lookup(lc->published, lc->v[i].target) != NULL ||
		    unsure(lc, lc->v[i].target))
			continue;
		tmp = lc->v[n];
		lc->v[n++] = lc->v[i];
		lc->v[i] = tmp;
	}
	if (n > 1)
		qsort(lc->v, n, sizeof(*lc->v), byplace);
	for (i = 0; i < n; i++) {
		const struct link *l = &lc->v[i];

		if (i > 0 && byplace(l, &lc->v[i - 1]) == 0)
			continue;	/* the same link, met twice */
		at.file = l->file;
		at.line = l->line;
		at.col = l->col;
		if ((draft = lookup(lc->drafts, l->target)) != NULL)
			diag_warning(d, &at, "link to '%s', a draft that is "
			    "not published (%s): publish it, or build with "
			    "--drafts to preview", l->url,
			    json_string_value(draft));
		else
			rc = diag_error(d, &at, "link to '%s', which is no "
			    "page or file of the site", l->url);
	}
	return rc;
}
