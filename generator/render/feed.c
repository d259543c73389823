/*
 * The Atom feed, in the package stage.  site.c adds the pages whose front
 * matter has a date and a release of every dataset with an issued or
 * modified date, then writes feed.xml with feed_atom().  Dates are days;
 * Atom wants a time, so each is written at midnight UTC.
 */
#include "feed.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "digest.h"
#include "text.h"
#include "xalloc.h"

struct entry {
	char	*id, *link, *title, *updated, *published, *summary;
	void	(*sum)(void *, struct buf *);	/* writes the summary, */
	void	*arg;			/* when summary is NULL */
};

/*
 * Only the FEED_MAX newest entries are written: "v" holds at most twice
 * that, and is cut back to the newest FEED_MAX when full, so a site of
 * many dated pages keeps only a few in memory.  After a cut (then fewer
 * entries are kept than were added), v[FEED_MAX - 1] is the oldest kept
 * until the next cut, and an entry older than it can never be written:
 * it is not copied.
 */
struct feed {
	struct entry	*v;
	size_t		 n, cap;
	size_t		 added;		/* entries added in all */
};

struct feed *
feed_new(void)
{
	return xcalloc(1, sizeof(struct feed));
}

static void
drop(struct entry *e)
{
	free(e->id);
	free(e->link);
	free(e->title);
	free(e->updated);
	free(e->published);
	free(e->summary);
}

void
feed_free(struct feed *f)
{
	size_t	 i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		drop(&f->v[i]);
	free(f->v);
	free(f);
}

/* Newest first; the same day by id. */
static int
order(const char *xupdated, const char *xid, const char *yupdated,
    const char *yid)
{
	int	 c = strcmp(yupdated, xupdated);

	return c ? c : strcmp(xid, yid);
}

static int
newest(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;

	return order(x->updated, x->id, y->updated, y->id);
}

/* Keep the FEED_MAX newest entries of a full "f": the ones it writes. */
static void
cut(struct feed *f)
{
	qsort(f->v, f->n, sizeof(*f->v), newest);
	while (f->n > FEED_MAX)
		drop(&f->v[--f->n]);
}

/* The new entry, or NULL when it is older than the FEED_MAX kept. */
static struct entry *
add(struct feed *f, const char *id, const char *link, const char *title,
    const char *updated, const char *published)
{
	struct entry	*e;

	if (f->added++ > f->n && order(updated, id, f->v[FEED_MAX - 1].updated,
	    f->v[FEED_MAX - 1].id) > 0)
		return NULL;
	if (f->n == 2 * FEED_MAX)
		cut(f);
	f->v = xgrow(f->v, f->n, &f->cap, 16, sizeof(*f->v));
	e = &f->v[f->n++];
	e->id = xstrdup(id);
	e->link = xstrdup(link);
	e->title = xstrdup(title ? title : "");
	e->updated = xstrdup(updated);
	e->published = xstrdup(published ? published : "");
	e->summary = NULL;
	e->sum = NULL;
	e->arg = NULL;
	return e;
}

void
feed_add(struct feed *f, const char *id, const char *link, const char *title,
    const char *updated, const char *published, const char *summary)
{
	struct entry	*e = add(f, id, link, title, updated, published);

	if (e != NULL)
		e->summary = xstrdup(summary ? summary : "");
}

void
feed_add_lazy(struct feed *f, const char *id, const char *link,
    const char *title, const char *updated, const char *published,
    void (*sum)(void *, struct buf *), void *arg)
{
	struct entry	*e = add(f, id, link, title, updated, published);

	if (e != NULL) {
		e->sum = sum;
		e->arg = arg;
	}
}

size_t
feed_count(const struct feed *f)
{
	return f->added;
}

static void
element(struct buf *out, const char *indent, const char *name,
    const char *text)
{
	buf_printf(out, "%s<%s>", indent, name);
	text_escape_xml(out, text, strlen(text));
	buf_printf(out, "</%s>\n", name);
}

static void
date(struct buf *out, const char *indent, const char *name, const char *day)
{
	buf_printf(out, "%s<%s>", indent, name);
	text_escape_xml(out, day, strlen(day));
	buf_printf(out, "T00:00:00Z</%s>\n", name);
}

/* The id of site path "path": its URL, or a urn:uuid: from a hash. */
static void
iri(struct buf *out, const struct feed_site *s, const char *path)
{
	struct digest	 g;
	char		 hex[DIGEST_HEX_SIZE];

	if (*s->base) {
		buf_puts(out, s->base);
		buf_puts(out, path + (path[0] == '/'));
		return;
	}
	digest_init(&g);
	digest_add(&g, s->title, strlen(s->title) + 1);
	digest_add(&g, path, strlen(path));
	digest_hex(&g, hex);
	/* RFC 9562: version 8 (custom), variant 10. */
	hex[12] = '8';
	hex[16] = "89ab"[(hex[16] - (hex[16] <= '9' ? '0' : 'a' - 10)) & 3];
	buf_printf(out, "urn:uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8,
	    hex + 12, hex + 16, hex + 20);
}

/* An element "name" holding the IRI of "path" (escaped). */
static void
id(struct buf *out, const char *indent, const struct feed_site *s,
    const char *path)
{
	struct buf	 b = BUF_INIT;

	iri(&b, s, path);
	element(out, indent, "id", b.data);
	buf_release(&b);
}

/* A link to site path "path": absolute, or relative to the root. */
static void
link(struct buf *out, const char *indent, const struct feed_site *s,
    const char *rel, const char *path)
{
	struct buf	 b = BUF_INIT;

	buf_puts(&b, s->base);
	buf_puts(&b, path + (path[0] == '/'));
	if (b.len == 0)
		buf_puts(&b, "./");
	buf_printf(out, "%s<link rel=\"%s\" href=\"", indent, rel);
	text_escape_xml(out, b.data, b.len);
	buf_puts(out, "\"/>\n");
	buf_release(&b);
}

static void
entry(struct buf *out, const struct feed_site *s, const struct entry *e)
{
	struct buf	 sum = BUF_INIT;

	buf_puts(out, "  <entry>\n");
	element(out, "    ", "title", e->title);
	link(out, "    ", s, "alternate", e->link);
	id(out, "    ", s, e->id);
	date(out, "    ", "updated", e->updated);
	if (*e->published)
		date(out, "    ", "published", e->published);
	if (e->summary == NULL) {
		e->sum(e->arg, &sum);
		if (sum.len > 0)
			element(out, "    ", "summary", sum.data);
		buf_release(&sum);
	} else if (*e->summary)
		element(out, "    ", "summary", e->summary);
	buf_puts(out, "  </entry>\n");
}

void
feed_atom(const struct feed *cf, const struct feed_site *s, struct buf *out)
{
	struct feed	*f = (struct feed *)cf;
	size_t		 i;

	if (f->n > 1)
		qsort(f->v, f->n, sizeof(*f->v), newest);
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"");
	if (s->lang && *s->lang) {
		buf_puts(out, " xml:lang=\"");
		text_escape_xml(out, s->lang, strlen(s->lang));
		buf_puts(out, "\"");
	}
	buf_puts(out, ">\n");
	element(out, "  ", "title", s->title);
	if (s->subtitle && *s->subtitle)
		element(out, "  ", "subtitle", s->subtitle);
	id(out, "  ", s, "/");
	if (*s->base)
		link(out, "  ", s, "self", "/feed.xml");
	link(out, "  ", s, "alternate", "/");
	date(out, "  ", "updated", f->n ? f->v[0].updated : s->updated);
	buf_puts(out, "  <author>\n");
	element(out, "    ", "name", s->author && *s->author ? s->author :
	    s->title);
	buf_puts(out, "  </author>\n");
	buf_puts(out, "  <generator>planpress</generator>\n");
	for (i = 0; i < f->n && i < FEED_MAX; i++)
		entry(out, s, &f->v[i]);
	buf_puts(out, "</feed>\n");
}
