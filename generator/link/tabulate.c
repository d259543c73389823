/*
 * A content section as a dataset (tabulate.h).
 */
#include "tabulate.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "meta.h"
#include "page.h"
#include "schema.h"
#include "section.h"
#include "text.h"
#include "xalloc.h"

static struct section *
find(struct section *s, const char *dir)
{
	struct section	*r;
	size_t		 i;

	if (strcmp(s->dir, dir) == 0)
		return s;
	for (i = 0; i < s->nsubs; i++)
		if ((r = find(s->subs[i], dir)) != NULL)
			return r;
	return NULL;
}

/* A front matter value as text: lists joined by spaces. */
/* One CSV field of the NUL-terminated "s". */
static void
field(struct buf *b, const char *s)
{
	text_csv_field(b, s, strlen(s));
}

static void
value(struct buf *b, const json_t *v)
{
	const json_t	*e;
	size_t		 i;

	if (json_is_string(v))
		buf_puts(b, json_string_value(v));
	else if (json_is_integer(v))
		buf_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		text_number(b, json_real_value(v));
	else if (json_is_boolean(v))
		buf_puts(b, json_is_true(v) ? "true" : "false");
	else if (json_is_array(v))
		json_array_foreach(v, i, e) {
			if (i > 0)
				buf_putc(b, ' ');
			value(b, e);
		}
}

/* Where each cell of the CSV made came from. */
struct origin {
	struct page	**pages;	/* per row */
	const char	**names;	/* per field */
	unsigned	 *lines, *cols;	/* per cell, row-major */
	size_t		  nrows, nfields;
	char		 *dir;		/* "content/nhiem-vu" */
};

/* Advance line:col over the text appended to "b" since "from". */
static void
advance(const struct buf *b, size_t from, unsigned *line, unsigned *col)
{
	size_t	 i;

	for (i = from; i < b->len; i++)
		if (b->data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)b->data[i] & 0xc0) != 0x80)
			(*col)++;
}

static int
locate(void *arg, unsigned line, unsigned col, struct loc *out)
{
	struct origin		*o = arg;
	const struct loc	*l;
	struct page		*p;
	size_t			 i, best, n = o->nrows * o->nfields;

	if (col == 0)
		col = 1;	/* about the whole record: its first cell */
	for (i = 0, best = n; i < n; i++) {
		if (o->lines[i] > line || (o->lines[i] == line &&
		    o->cols[i] > col))
			break;
		best = i;
	}
	if (best == n) {
		out->file = o->dir;
		out->line = out->col = 0;
		return 0;
	}
	i = best;
	p = o->pages[i / o->nfields];
	l = p->fm ? meta_loc(p->fm, p->front, o->names[i % o->nfields]) :
	    NULL;
	if (l != NULL)
		*out = *l;
	else {
		out->file = p->file;
		out->line = out->col = 0;
	}
	return 1;
}

static void
origin_free(void *arg)
{
	struct origin	*o = arg;

	free(o->pages);
	free(o->names);
	free(o->lines);
	free(o->cols);
	free(o->dir);
	free(o);
}

int
tabulate_section(struct diag *d, struct dataset *ds, struct section *root,
    const char *base_url)
{
	struct origin		*o;
	unsigned		 line = 1, col = 1;
	size_t			 k = 0, start;
	const struct schema	*s = ds->schema;
	struct section		*sec;
	struct page		*p;
	struct buf		 csv = BUF_INIT, v = BUF_INIT;
	const char		*name;
	size_t			 i, f;

	if ((sec = find(root, ds->from_section)) == NULL || sec == root)
		return diag_error(d, meta_loc(ds->meta, ds->root,
		    "from_section"), "no content section '%s': name a folder "
		    "of content/", ds->from_section);
	for (f = 0; f < s->nfields; f++) {
		if (f > 0)
			buf_putc(&csv, ',');
		field(&csv, s->fields[f].name);
	}
	buf_puts(&csv, "\r\n");
	advance(&csv, 0, &line, &col);
	o = xcalloc(1, sizeof(*o));
	o->nrows = sec->npages;
	o->nfields = s->nfields;
	o->pages = xcalloc(o->nrows + 1, sizeof(*o->pages));
	o->names = xcalloc(o->nfields + 1, sizeof(*o->names));
	o->lines = xcalloc(o->nrows * o->nfields + 1, sizeof(*o->lines));
	o->cols = xcalloc(o->nrows * o->nfields + 1, sizeof(*o->cols));
	o->dir = xasprintf("content/%s", sec->dir);
	for (f = 0; f < s->nfields; f++)
		o->names[f] = s->fields[f].name;
	for (i = 0; i < sec->npages; i++) {
		p = o->pages[i] = sec->pages[i];
		for (f = 0; f < s->nfields; f++) {
			name = s->fields[f].name;
			buf_reset(&v);
			if (strcmp(name, "url") == 0)
				buf_printf(&v, "%s%s", *base_url ? base_url :
				    "/", p->path + 1);
			else if (strcmp(name, "path") == 0)
				buf_puts(&v, p->path);
			else if (p->front)
				value(&v, json_object_get(p->front, name));
			if (f > 0)
				buf_putc(&csv, ',');
			advance(&csv, csv.len - (f > 0), &line, &col);
			o->lines[k] = line;
			o->cols[k++] = col;
			start = csv.len;
			text_csv_field(&csv, v.data, v.len);
			advance(&csv, start, &line, &col);
		}
		start = csv.len;
		buf_puts(&csv, "\r\n");
		advance(&csv, start, &line, &col);
	}
	free(ds->text);
	ds->text = buf_detach(&csv, &ds->textlen);
	free(ds->csv);
	ds->csv = xstrdup(o->dir);
	if (ds->locate_free)
		ds->locate_free(ds->locate_arg);
	ds->locate = locate;
	ds->locate_arg = o;
	ds->locate_free = origin_free;
	buf_release(&v);
	return 1;
}
