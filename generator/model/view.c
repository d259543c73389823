/*
 * Dataset views (view.h): parse the declarations, keep the rows, draw
 * them with chart.c or as a table.
 */
#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "dataset.h"
#include "diag.h"
#include "i18n.h"
#include "intl.h"
#include "meta.h"
#include "page.h"
#include "scan.h"
#include "schema.h"
#include "section.h"
#include "text.h"
#include "suggest.h"
#include "xalloc.h"

enum vtype { V_BAR, V_LINE, V_TABLE };

struct filter {
	size_t		 field;
	char		*value;
};

struct view {
	const char	*id, *title, *desc;	/* borrowed from the metadata */
	enum vtype	 type;
	size_t		 x, y, series, sort;	/* SCHEMA_NONE when absent */
	int		 desc_sort;
	struct filter	*filters;
	size_t		 nfilters;
	size_t		*cols;
	size_t		 ncols;
	int		 decimals;
	int		 rank;		/* y is a rank: 1 at the top */
	size_t		 limit;
	struct loc	 at;		/* its "x", else its place */
};

/* The views of one dataset and its rows. */
struct dsv {
	struct dataset	*ds;
	struct view	*v;
	size_t		 n;
	char		***rows;	/* [row][field] */
	unsigned	*lines;		/* of each row in the CSV */
	size_t		 nrows;
	int		 overflow;
};

struct views {
	struct diag		*d;
	struct dsv		*sets;
	size_t			 nsets;
	json_t			*broken;	/* "ds/view" or "ds" -> true:
						   reported, so references to
						   them say nothing more */
	struct dataset_sink	 sink;
	const struct dataset_sink *next;
};

static const char *const viewkeys[] = { "id", "title", "description",
    "type", "x", "y", "series", "sort", "filter", "columns", "decimals",
    "limit", "rank", NULL };

/* The field named by key "key" of "o", or SCHEMA_NONE after reporting. */
static size_t
field(struct diag *d, const struct dataset *ds, const json_t *o,
    const char *key, int need, int number, int *ok)
{
	const char	*name;
	size_t		 f;

	if (json_object_get(o, key) == NULL) {
		if (need)
			*ok = diag_error(d, meta_loc(ds->meta, o, "id"), "a %s "
			    "view needs '%s'", json_string_value(
			    json_object_get(o, "type")), key);
		return SCHEMA_NONE;
	}
	if (!meta_string(ds->meta, d, o, key, &name)) {
		*ok = 0;
		return SCHEMA_NONE;
	}
	if (*name == '-' && strcmp(key, "sort") == 0)
		name++;
	f = schema_find(ds->schema, name);
	if (f == SCHEMA_NONE)
		*ok = diag_error(d, meta_loc(ds->meta, o, key), "view field "
		    "'%s' is not a field of the schema", name);
	else if (number && ds->schema->fields[f].type != SCHEMA_NUMBER &&
	    ds->schema->fields[f].type != SCHEMA_INTEGER)
		*ok = diag_error(d, meta_loc(ds->meta, o, key), "view field "
		    "'%s' must be a number or integer field, not %s", name,
		    schema_type_name(ds->schema->fields[f].type));
	return f;
}

/* The view's "id", of [a-z0-9-]. */
static int
parse_id(struct diag *d, const struct dataset *ds, const json_t *o,
    const struct loc *at, struct view *v)
{
	if (!meta_string(ds->meta, d, o, "id", &v->id))
		return 0;
	if (v->id == NULL || !*v->id || strspn(v->id,
	    "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(v->id))
		return diag_error(d, v->id ? meta_loc(ds->meta, o, "id") : at,
		    "a view needs an 'id' of lower-case letters, digits and "
		    "'-'");
	return 1;
}

/*
 * The view's "type": bar, line or table (the default).  Returns 0 after
 * reporting an unknown type; a type that is no text is reported too,
 * clears "*ok" and leaves a table, whose other keys are still read.
 */
static int
parse_type(struct diag *d, const struct dataset *ds, const json_t *o,
    struct view *v, int *ok)
{
	const char	*s = "table";

	*ok &= meta_string(ds->meta, d, o, "type", &s);
	if (strcmp(s, "bar") == 0)
		v->type = V_BAR;
	else if (strcmp(s, "line") == 0)
		v->type = V_LINE;
	else if (strcmp(s, "table") == 0)
		v->type = V_TABLE;
	else
		return diag_error(d, meta_loc(ds->meta, o, "type"), "view type "
		    "'%s' must be bar, line or table", s);
	return 1;
}

/* The fields the view draws: "x", "y", "series" and "sort". */
static int
parse_fields(struct diag *d, const struct dataset *ds, const json_t *o,
    struct view *v)
{
	int	 ok = 1;

	v->x = field(d, ds, o, "x", v->type != V_TABLE, 0, &ok);
	v->y = field(d, ds, o, "y", v->type != V_TABLE, 1, &ok);
	v->series = field(d, ds, o, "series", 0, 0, &ok);
	v->sort = field(d, ds, o, "sort", 0, 0, &ok);
	if (v->sort != SCHEMA_NONE)
		v->desc_sort = *json_string_value(json_object_get(o,
		    "sort")) == '-';
	return ok;
}

/* One entry "k": "e" of the view's filter "j", the cells it keeps. */
static int
filter_one(struct diag *d, const struct dataset *ds, const json_t *j,
    const char *k, const json_t *e, struct view *v)
{
	size_t	 f = schema_find(ds->schema, k);

	if (f == SCHEMA_NONE)
		return diag_error(d, meta_key_loc(ds->meta, j, k), "view "
		    "filter field '%s' is not a field of the schema", k);
	if (!json_is_string(e) && !json_is_integer(e))
		return diag_error(d, meta_loc(ds->meta, j, k), "a filter value "
		    "must be text or a whole number");
	v->filters = xreallocarray(v->filters, v->nfilters + 1,
	    sizeof(*v->filters));
	v->filters[v->nfilters].field = f;
	v->filters[v->nfilters++].value = json_is_string(e) ?
	    xstrdup(json_string_value(e)) : xasprintf("%lld",
	    (long long)json_integer_value(e));
	return 1;
}

/* The view's "filter": a mapping of fields to the values rows have. */
static int
parse_filter(struct diag *d, const struct dataset *ds, const json_t *o,
    struct view *v)
{
	const json_t	*j = json_object_get(o, "filter"), *e;
	const char	*k;
	int		 ok = 1;

	if (j == NULL)
		return 1;
	if (!json_is_object(j))
		return diag_error(d, meta_loc(ds->meta, o, "filter"), "a view's "
		    "filter must map fields to values");
	json_object_foreach((json_t *)j, k, e)
		ok &= filter_one(d, ds, j, k, e, v);
	return ok;
}

/* Add field "f" to the columns of the table of "v". */
static void
add_column(struct view *v, size_t f)
{
	v->cols = xreallocarray(v->cols, v->ncols + 1, sizeof(*v->cols));
	v->cols[v->ncols++] = f;
}

/* The view's "columns": fields of the schema, in order. */
static int
parse_columns(struct diag *d, const struct dataset *ds, const json_t *o,
    struct view *v)
{
	const json_t	*j = json_object_get(o, "columns"), *e;
	json_t		*names = NULL;
	size_t		 i, f;
	int		 ok = 1;

	if (j == NULL)
		return 1;
	if (!meta_strings(ds->meta, d, o, "columns", &names)) {
		json_decref(names);
		return 0;
	}
	json_array_foreach(names, i, e) {
		f = schema_find(ds->schema, json_string_value(e));
		if (f != SCHEMA_NONE) {
			add_column(v, f);
			continue;
		}
		ok = diag_error(d, json_is_array(j) ? meta_index_loc(ds->meta,
		    j, i) : meta_loc(ds->meta, o, "columns"), "view column "
		    "'%s' is not a field of the schema", json_string_value(e));
	}
	json_decref(names);
	return ok;
}

/* The view's "rank", "decimals" (0 to 10) and "limit" (1 or more). */
static int
parse_options(struct diag *d, const struct dataset *ds, const json_t *o,
    struct view *v)
{
	long long	 n;
	int		 ok = 1;

	if (json_object_get(o, "rank") && !meta_bool(ds->meta, d, o, "rank",
	    &v->rank))
		ok = 0;
	if (json_object_get(o, "decimals")) {
		if (!meta_int(ds->meta, d, o, "decimals", &n) || n < 0 ||
		    n > 10)
			ok = diag_error(d, meta_loc(ds->meta, o, "decimals"),
			    "decimals must be from 0 to 10");
		else
			v->decimals = (int)n;
	}
	if (json_object_get(o, "limit")) {
		if (!meta_int(ds->meta, d, o, "limit", &n) || n < 1)
			ok = diag_error(d, meta_loc(ds->meta, o, "limit"),
			    "limit must be a positive whole number");
		else
			v->limit = (size_t)n;
	}
	return ok;
}

/*
 * Without "columns", a table shows x, series and y; a table view with
 * none of them is an error.
 */
static int
default_columns(struct diag *d, const struct dataset *ds, const json_t *o,
    const struct loc *at, struct view *v)
{
	size_t	 def[3] = { v->x, v->series, v->y }, i;

	if (v->ncols > 0)
		return 1;
	for (i = 0; i < 3; i++)
		if (def[i] != SCHEMA_NONE)
			add_column(v, def[i]);
	if (v->ncols == 0 && v->type == V_TABLE)
		return diag_error(d, json_object_get(o, "type") ?
		    meta_loc(ds->meta, o, "type") : at,
		    "a table view needs 'columns'");
	return 1;
}

/*
 * Parse the view "o", written at "at" (its place in the list), into
 * "v" (release() it either way).  Returns 1, or 0 after reporting every
 * mistake to "d".
 */
static int
parse(struct diag *d, const struct dataset *ds, const json_t *o,
    const struct loc *at, struct view *v)
{
	int	 ok = 1;

	memset(v, 0, sizeof(*v));
	v->x = v->y = v->series = v->sort = SCHEMA_NONE;
	v->decimals = 2;
	if (!json_is_object(o))
		return diag_error(d, at, "each view must be a mapping");
	meta_warn_unknown(d, ds->meta, o, viewkeys, _("view"));
	if (!parse_id(d, ds, o, at, v))
		return 0;
	ok &= meta_string(ds->meta, d, o, "title", &v->title);
	ok &= meta_string(ds->meta, d, o, "description", &v->desc);
	if (!parse_type(d, ds, o, v, &ok))
		return 0;
	v->at = meta_loc(ds->meta, o, "x") ? *meta_loc(ds->meta, o, "x") :
	    at ? *at : (struct loc){ ds->yaml, 0, 0 };
	ok &= parse_fields(d, ds, o, v);
	ok &= parse_filter(d, ds, o, v);
	ok &= parse_columns(d, ds, o, v);
	ok &= parse_options(d, ds, o, v);
	ok &= default_columns(d, ds, o, at, v);
	return ok;
}

static void
release(struct view *v)
{
	size_t	 j;

	for (j = 0; j < v->nfilters; j++)
		free(v->filters[j].value);
	free(v->filters);
	free(v->cols);
	memset(v, 0, sizeof(*v));
}

/* Remember that the view "ds/id" was reported when it was parsed. */
static void
broken_view(struct views *w, const char *ds, const char *id)
{
	char	*ref = xasprintf("%s/%s", ds, id);

	json_object_set_new(w->broken, ref, json_true());
	free(ref);
}

struct views *
views_new(struct diag *d, struct dataset **v, size_t n)
{
	struct views	*w = NULL;
	struct dsv	*s;
	const json_t	*list, *o;
	size_t		 i, k, j;

	for (i = 0; i < n; i++) {
		list = NULL;
		if (v[i]->ok && (list = json_object_get(v[i]->root,
		    "views")) == NULL)
			continue;
		if (w == NULL) {
			w = xcalloc(1, sizeof(*w));
			w->d = d;
			w->broken = json_object();
		}
		if (!v[i]->ok) {	/* reported: its views are unknown */
			json_object_set_new(w->broken, v[i]->id, json_true());
			continue;
		}
		if (!json_is_array(list)) {
			diag_error(d, meta_loc(v[i]->meta, v[i]->root, "views"),
			    "views must be a list of views");
			json_object_set_new(w->broken, v[i]->id, json_true());
			continue;
		}
		w->sets = xreallocarray(w->sets, w->nsets + 1,
		    sizeof(*w->sets));
		s = &w->sets[w->nsets++];
		memset(s, 0, sizeof(*s));
		s->ds = v[i];
		s->v = xcalloc(json_array_size(list) + 1, sizeof(*s->v));
		json_array_foreach(list, k, o) {
			if (!parse(d, v[i], o, meta_index_loc(v[i]->meta, list,
			    k), &s->v[s->n])) {
				const char *id = json_string_value(
				    json_object_get(o, "id"));

				if (id != NULL)
					broken_view(w, v[i]->id, id);
				release(&s->v[s->n]);
				continue;
			}
			for (j = 0; j < s->n; j++)
				if (strcmp(s->v[j].id, s->v[s->n].id) == 0)
					break;
			if (j < s->n)
				diag_error(d, meta_loc(v[i]->meta, o, "id"),
				    "duplicate view '%s'", s->v[s->n].id);
			s->n++;
		}
	}
	return w;
}

static struct dsv *
setof(const struct views *w, const struct dataset *ds)
{
	size_t	 i;

	for (i = 0; w && i < w->nsets; i++)
		if (w->sets[i].ds == ds)
			return &w->sets[i];
	return NULL;
}

static int
v_begin(void *arg, struct dataset *ds)
{
	struct views	*w = arg;

	return w->next && w->next->begin ? w->next->begin(w->next->arg,
	    ds) : 1;
}

/*
 * A cell as views keep it: numbers in their canonical form ("1234.5"
 * for a cell written "1.234,5" with decimalChar ","), so charts and
 * sorting read what the schema read; other cells as written.
 */
static char *
keep(const char *cell, const json_t *typed)
{
	struct buf	 b = BUF_INIT;

	if (typed == NULL || !json_is_number(typed))
		return xstrdup(cell);
	if (json_is_integer(typed))
		buf_printf(&b, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(typed));
	else
		text_number(&b, json_real_value(typed));
	return buf_detach(&b, NULL);
}

struct rowref {
	const struct view	*v;
	char			**cells;
	unsigned		 line;	/* in the CSV */
};

static size_t	select_rows(const struct dsv *, const struct view *,
		    struct rowref **);
static const char *ftitle(const struct dataset *, size_t);

static int
v_row(void *arg, struct dataset *ds, unsigned line, const char *const *c,
    const size_t *lens, json_t *const *t, size_t n)
{
	struct views	*w = arg;
	struct dsv	*s = setof(w, ds);
	size_t		 i;

	if (s != NULL && s->nrows < VIEW_ROWS_MAX) {
		s->rows = xreallocarray(s->rows, s->nrows + 1,
		    sizeof(*s->rows));
		s->lines = xreallocarray(s->lines, s->nrows + 1,
		    sizeof(*s->lines));
		s->lines[s->nrows] = line;
		s->rows[s->nrows] = xcalloc(n + 1, sizeof(char *));
		for (i = 0; i < n; i++)
			s->rows[s->nrows][i] = keep(c[i], t[i]);
		s->nrows++;
	} else if (s != NULL && !s->overflow) {
		struct loc	 l = { ds->csv, line, 1 };

		s->overflow = 1;
		diag_warning(w->d, &l, "views show at most the first %d rows "
		    "of a dataset", VIEW_ROWS_MAX);
	}
	return w->next && w->next->row ? w->next->row(w->next->arg, ds,
	    line, c, lens, t, n) : 1;
}

/*
 * A chart draws one value a point: two rows that a bar or line view
 * puts on the same point (the same x, and the same series of a line)
 * would show one figure and hide the other, so that is an error at the
 * view, naming both rows.  Returns 1, or 0 after reporting.
 */
static int
points_once(struct views *w, const struct dsv *s, const struct view *v)
{
	struct rowref	*r;
	struct buf	 key = BUF_INIT;
	json_t		*seen = json_object(), *first;
	size_t		 n = select_rows(s, v, &r), i;
	int		 line = v->type == V_LINE && v->series != SCHEMA_NONE;
	int		 rc = 1;

	for (i = 0; i < n && rc; i++) {
		buf_reset(&key);
		buf_puts(&key, line ? r[i].cells[v->series] : "");
		buf_putc(&key, '\x1f');
		buf_puts(&key, r[i].cells[v->x]);
		if ((first = json_object_get(seen, key.data)) == NULL) {
			json_object_set_new(seen, key.data,
			    json_integer(r[i].line));
			continue;
		}
		if (line)
			rc = diag_error(w->d, &v->at, "view '%s' would draw "
			    "two values at %s '%s' of series '%s' (lines %u "
			    "and %u of %s) and show only one: add a filter "
			    "or a series so that each point comes from one "
			    "row", v->id, ftitle(s->ds, v->x),
			    r[i].cells[v->x], r[i].cells[v->series],
			    (unsigned)json_integer_value(first), r[i].line,
			    s->ds->csv);
		else
			rc = diag_error(w->d, &v->at, "view '%s' would draw "
			    "two values at %s '%s' (lines %u and %u of %s) "
			    "and show only one: add a filter or a series so "
			    "that each point comes from one row", v->id,
			    ftitle(s->ds, v->x), r[i].cells[v->x],
			    (unsigned)json_integer_value(first), r[i].line,
			    s->ds->csv);
	}
	json_decref(seen);
	buf_release(&key);
	free(r);
	return rc;
}

static int
v_end(void *arg, struct dataset *ds)
{
	struct views	*w = arg;
	struct dsv	*s = setof(w, ds);
	size_t		 i;
	int		 rc = 1;

	for (i = 0; s != NULL && i < s->n; i++)
		if (s->v[i].type != V_TABLE && s->v[i].x != SCHEMA_NONE)
			rc &= points_once(w, s, &s->v[i]);
	if (w->next && w->next->end)
		rc &= w->next->end(w->next->arg, ds);
	return rc;
}

const struct dataset_sink *
views_sink(struct views *w, const struct dataset_sink *next)
{
	w->next = next;
	w->sink.arg = w;
	w->sink.begin = v_begin;
	w->sink.row = v_row;
	w->sink.end = v_end;
	return &w->sink;
}

/* The view "ref" = "DATASET/VIEW", or NULL. */
static const struct view *
find(const struct views *w, const char *ref, const struct dsv **set)
{
	const char	*slash = strchr(ref, '/');
	size_t		 i, j, len;

	if (slash == NULL || w == NULL)
		return NULL;
	len = (size_t)(slash - ref);
	for (i = 0; i < w->nsets; i++) {
		if (strlen(w->sets[i].ds->id) != len ||
		    strncmp(w->sets[i].ds->id, ref, len) != 0)
			continue;
		for (j = 0; j < w->sets[i].n; j++)
			if (strcmp(w->sets[i].v[j].id, slash + 1) == 0) {
				*set = &w->sets[i];
				return &w->sets[i].v[j];
			}
	}
	return NULL;
}

/* Whether "ref" names a view, or the dataset of one, already reported. */
static int
reported(const struct views *w, const char *ref)
{
	const char	*slash = strchr(ref, '/');
	char		*ds;
	int		 r;

	if (w == NULL)
		return 0;
	if (json_object_get(w->broken, ref))
		return 1;
	if (slash == NULL)
		return 0;
	ds = xstrndup(ref, (size_t)(slash - ref));
	r = json_object_get(w->broken, ds) != NULL;
	free(ds);
	return r;
}

/*
 * "unknown view 'dti/thu-hag'; did you mean 'dti/thu-hang'?": the
 * dataset's views when it has some, else every view.  Returns 0.
 */
static int
unknown_view(const struct views *w, struct diag *d, const struct loc *l,
    const char *ref)
{
	const char	*slash = strchr(ref, '/');
	json_t		*names = json_object(), *own = json_object();
	struct buf	 b = BUF_INIT;
	char		*name;
	size_t		 i, j;

	for (i = 0; w != NULL && i < w->nsets; i++)
		for (j = 0; j < w->sets[i].n; j++) {
			name = xasprintf("%s/%s", w->sets[i].ds->id,
			    w->sets[i].v[j].id);
			json_object_set_new(names, name, json_true());
			if (slash != NULL && strlen(w->sets[i].ds->id) ==
			    (size_t)(slash - ref) && strncmp(ref,
			    w->sets[i].ds->id, (size_t)(slash - ref)) == 0)
				json_object_set_new(own, name, json_true());
			free(name);
		}
	suggest_hint_keys(&b, ref, json_object_size(own) ? own : names,
	    json_object_size(own) ? 8 : 0);
	diag_error(d, l, "unknown view '%s': views are named "
	    "DATASET/VIEW%s", ref, b.data);
	json_decref(names);
	json_decref(own);
	buf_release(&b);
	return 0;
}

int
views_link(struct views *w, struct diag *d, struct section *root)
{
	struct page	**pv;
	const struct dsv *s;
	json_t		*list, *e, *at;
	size_t		  np, i, k;
	int		  ok = 1;

	np = section_flatten(root, &pv);
	for (i = 0; i < np; i++) {
		if (pv[i]->front == NULL || (at = json_object_get(pv[i]->front,
		    "views")) == NULL)
			continue;
		list = NULL;
		if (!meta_strings(pv[i]->fm, d, pv[i]->front, "views",
		    &list)) {
			ok = 0;
			continue;
		}
		json_array_foreach(list, k, e) {
			if (find(w, json_string_value(e), &s) != NULL)
				continue;
			if (reported(w, json_string_value(e)))
				ok = 0;	/* said where the view is defined */
			else
				ok = unknown_view(w, d, json_is_array(at) ?
				    meta_index_loc(pv[i]->fm, at, k) :
				    meta_loc(pv[i]->fm, pv[i]->front, "views"),
				    json_string_value(e));
		}
		json_decref(list);
	}
	free(pv);
	return ok;
}

/* Rendering. */

static double
num(const char *s, int *ok)
{
	char	*end;
	double	 v;

	if (s == NULL || *s == '\0') {
		*ok = 0;
		return 0;
	}
	v = strtod(s, &end);
	*ok = *end == '\0';
	return v;
}

static int
cmprow(const struct rowref *x, const struct rowref *y,
    const struct dataset *ds)
{
	const struct view	*v = x->v;
	const char		*p = x->cells[v->sort], *q = y->cells[v->sort];
	enum schema_type	 t = ds->schema->fields[v->sort].type;
	int			 okp, okq, c;
	double			 dp, dq;

	if (t == SCHEMA_NUMBER || t == SCHEMA_INTEGER) {
		dp = num(p, &okp);
		dq = num(q, &okq);
		if (okp != okq)		/* missing values last, either way */
			return okp ? -1 : 1;
		c = dp < dq ? -1 : dp > dq;
	} else
		c = strcmp(p, q);
	return v->desc_sort ? -c : c;
}

/* A stable merge sort: rows that tie keep the order of the file. */
static void
msort(struct rowref *r, size_t n, const struct dataset *ds)
{
	struct rowref	*tmp;
	size_t		 w, i, a, b, mid, end, k;

	if (n < 2)
		return;
	tmp = xcalloc(n, sizeof(*tmp));
	for (w = 1; w < n; w *= 2) {
		for (i = 0; i < n; i += 2 * w) {
			mid = i + w < n ? i + w : n;
			end = i + 2 * w < n ? i + 2 * w : n;
			for (a = i, b = mid, k = i; k < end; k++)
				if (a < mid && (b >= end ||
				    cmprow(&r[a], &r[b], ds) <= 0))
					tmp[k] = r[a++];
				else
					tmp[k] = r[b++];
		}
		memcpy(r, tmp, n * sizeof(*r));
	}
	free(tmp);
}

/* The rows of "s" that view "v" shows, in its order. */
static size_t
select_rows(const struct dsv *s, const struct view *v, struct rowref **out)
{
	struct rowref	*r = xcalloc(s->nrows + 1, sizeof(*r));
	size_t		 i, k, n = 0;

	for (i = 0; i < s->nrows; i++) {
		for (k = 0; k < v->nfilters; k++)
			if (strcmp(s->rows[i][v->filters[k].field],
			    v->filters[k].value) != 0)
				break;
		if (k < v->nfilters)
			continue;
		r[n].v = v;
		r[n].line = s->lines[i];
		r[n++].cells = s->rows[i];
	}
	if (v->sort != SCHEMA_NONE)
		msort(r, n, s->ds);
	if (v->limit && n > v->limit)
		n = v->limit;
	*out = r;
	return n;
}

struct fmt {
	const json_t	*t;
	int		 decimals;
};

static void
fmtnum(struct buf *out, double v, void *arg)
{
	const struct fmt *f = arg;

	i18n_number(f->t, v, f->decimals, out);
}

static const char *
ftitle(const struct dataset *ds, size_t f)
{
	const struct schema_field *sf = &ds->schema->fields[f];

	return sf->title ? sf->title : sf->name;
}

/* Digits after the decimal mark "mark" at the end of "s", 0 without. */
static int
decimals_of(const char *s, const char *mark)
{
	const char	*p, *last = NULL;

	for (p = s; (p = strstr(p, mark)) != NULL; p += strlen(mark))
		last = p;
	return last ? (int)strspn(last + strlen(mark), "0123456789") : 0;
}

/*
 * Append the number "c" of field "sf" as the table shows it: decimals
 * padded with zeros to "dec" ("0,9" beside "0,95" is "0,90"), integers
 * as they are.  Returns its decimals; text that is not a number is
 * appended as it is (the template escapes it).
 */
static int
cellnum(const struct schema_field *sf, const char *c, const struct fmt *f,
    int dec, struct buf *out)
{
	const char	*mark = i18n_string(f->t, "decimal_mark", ".");
	size_t		 start = out->len;
	int		 ok, have;
	double		 d = num(c, &ok);

	if (!ok) {
		buf_puts(out, c);
		return 0;
	}
	if (sf->type == SCHEMA_INTEGER) {
		i18n_number(f->t, d, 0, out);
		return 0;
	}
	i18n_number(f->t, d, f->decimals, out);
	have = decimals_of(out->data + start, mark);
	if (have < dec && have == 0)
		buf_puts(out, mark);
	for (; have < dec; have++)
		buf_putc(out, '0');
	return decimals_of(out->data + start, mark);
}

/*
 * The most decimals a number of column "k" of the table has: each
 * column is one measure, padded alike, and never to another's decimals.
 */
static int
column_decimals(const struct dsv *s, const struct view *v,
    const struct rowref *r, size_t n, const struct fmt *f, size_t k)
{
	const struct schema_field *sf = &s->ds->schema->fields[v->cols[k]];
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 dec = 0, m;

	if (k == 0 || sf->type != SCHEMA_NUMBER)
		return 0;
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		m = cellnum(sf, r[i].cells[v->cols[k]], f, 0, &b);
		dec = m > dec ? m : dec;
	}
	buf_release(&b);
	return dec;
}

/* 1 if field "f" of "ds" holds numbers. */
static int
numeric(const struct dataset *ds, size_t f)
{
	enum schema_type	 t = ds->schema->fields[f].type;

	return t == SCHEMA_NUMBER || t == SCHEMA_INTEGER;
}

/* The cells of the row "cells" in the view's columns, as {text, num}. */
static json_t *
table_cells(const struct dsv *s, const struct view *v, char **cells,
    const struct fmt *f, const int *dec)
{
	json_t		*a = json_array();
	struct buf	 b = BUF_INIT;
	size_t		 k;
	int		 isnum;

	for (k = 0; k < v->ncols; k++) {
		isnum = numeric(s->ds, v->cols[k]);
		buf_reset(&b);
		if (isnum)
			cellnum(&s->ds->schema->fields[v->cols[k]],
			    cells[v->cols[k]], f, dec[k], &b);
		else
			buf_puts(&b, cells[v->cols[k]]);
		json_array_append_new(a, json_pack("{s:s%, s:b}", "text",
		    b.data, b.len, "num", isnum));
	}
	buf_release(&b);
	return a;
}

/*
 * The table of a table view as data, for partials/view-table.mustache:
 * {caption, caption_id, columns[] {title, num}, rows[] {label, cells[]
 * {text, num}}}, the first column's cell being the row's label.
 */
static json_t *
table(const struct dsv *s, const struct view *v, struct rowref *r,
    size_t n, const struct fmt *f)
{
	json_t		*cols = json_array(), *rows = json_array(), *cells, *t;
	json_t		*label;
	size_t		 i, k;
	int		*dec = xcalloc(v->ncols + 1, sizeof(*dec));
	char		*cap;

	for (k = 0; k < v->ncols; k++) {
		dec[k] = column_decimals(s, v, r, n, f, k);
		json_array_append_new(cols, json_pack("{s:s, s:b}", "title",
		    ftitle(s->ds, v->cols[k]), "num", numeric(s->ds,
		    v->cols[k])));
	}
	for (i = 0; i < n; i++) {
		cells = table_cells(s, v, r[i].cells, f, dec);
		label = json_object_get(json_array_get(cells, 0), "text");
		label = label ? json_incref(label) : json_string("");
		json_array_remove(cells, 0);
		json_array_append_new(rows, json_pack("{s:o, s:o}", "label",
		    label, "cells", cells));
	}
	cap = xasprintf("view-%s-%s-caption", s->ds->id, v->id);
	t = json_pack("{s:s, s:s, s:o, s:o}", "caption", v->title ? v->title :
	    v->id, "caption_id", cap, "columns", cols, "rows", rows);
	free(cap);
	free(dec);
	return t;
}

/* The chart of a bar or line view, as chart.h's model. */
static json_t *
chart(const struct dsv *s, const struct view *v, struct rowref *r,
    size_t n, const struct fmt *f, const json_t *strings)
{
	struct chart		 c;
	struct chart_series	*ser;
	struct chart_point	*pts;
	json_t			*m;
	char			**names, **labels;
	size_t			 nser = 0, nlab = 0, i, k, si, li;
	int			 ok;
	char			*id = xasprintf("view-%s-%s", s->ds->id, v->id);

	ser = xcalloc(n + 1, sizeof(*ser));
	names = xcalloc(n + 1, sizeof(*names));
	labels = xcalloc(n + 1, sizeof(*labels));
	/* Series in order of first appearance; labels likewise. */
	for (i = 0; i < n; i++) {
		const char *sn = v->series != SCHEMA_NONE ?
		    r[i].cells[v->series] : "";
		const char *lb = r[i].cells[v->x];

		for (k = 0; k < nser && strcmp(names[k], sn); k++)
			continue;
		if (k == nser)
			names[nser++] = (char *)sn;
		for (k = 0; k < nlab && strcmp(labels[k], lb); k++)
			continue;
		if (k == nlab)
			labels[nlab++] = (char *)lb;
	}
	if (v->type == V_BAR)
		nser = 1, names[0] = "";
	pts = xcalloc(nser * nlab + 1, sizeof(*pts));
	for (si = 0; si < nser; si++) {
		for (li = 0; li < nlab; li++) {
			pts[si * nlab + li].label = labels[li];
			pts[si * nlab + li].missing = 1;
		}
		ser[si].name = v->series != SCHEMA_NONE && v->type == V_LINE ?
		    names[si] : NULL;
		ser[si].v = &pts[si * nlab];
		ser[si].n = nlab;
	}
	for (i = 0; i < n; i++) {
		const char *sn = v->series != SCHEMA_NONE && v->type == V_LINE
		    ? r[i].cells[v->series] : "";

		for (si = 0; si < nser && strcmp(names[si], sn); si++)
			continue;
		for (li = 0; li < nlab && strcmp(labels[li], r[i].cells[v->x]);
		    li++)
			continue;
		if (si == nser || li == nlab)
			continue;
		pts[si * nlab + li].value = num(r[i].cells[v->y], &ok);
		pts[si * nlab + li].missing = !ok;
	}
	memset(&c, 0, sizeof(c));
	c.id = id;
	c.title = v->title ? v->title : v->id;
	c.desc = v->desc ? v->desc : c.title;
	c.x_title = ftitle(s->ds, v->x);
	c.y_title = ftitle(s->ds, v->y);
	c.series = ser;
	c.nseries = nser;
	c.number = fmtnum;
	c.arg = (void *)f;
	c.decimal_mark = i18n_string(strings, "decimal_mark", ".");
	c.no_data = i18n_string(strings, "no_data_chart", "");
	c.table_summary = i18n_string(strings, "chart_table", "");
	c.invert = v->rank;
	m = v->type == V_BAR ? chart_bars_model(&c) : chart_line_model(&c);
	free(pts);
	free(ser);
	free(names);
	free(labels);
	free(id);
	return m;
}

/*
 * The model of view "v": a chart or a table (the other false), as
 * partials/views.mustache shows them.
 */
static json_t *
render_one(const struct dsv *s, const struct view *v, const json_t *strings)
{
	struct rowref	*r;
	struct fmt	 f = { strings, v->decimals };
	size_t		 n = select_rows(s, v, &r);
	json_t		*o;

	o = json_pack("{s:s, s:s, s:s?, s:s, s:s, s:b}", "id", v->id,
	    "dataset", s->ds->id, "dataset_title", s->ds->title,
	    "title", v->title ? v->title : v->id,
	    "description", v->desc ? v->desc : "", "sample", s->ds->sample);
	if (v->type == V_TABLE) {
		json_object_set_new(o, "chart", json_false());
		json_object_set_new(o, "table", table(s, v, r, n, &f));
	} else {
		json_object_set_new(o, "chart", chart(s, v, r, n, &f,
		    strings));
		json_object_set_new(o, "table", json_false());
	}
	free(r);
	return o;
}

json_t *
views_render(const struct views *w, const char *id, const char *ref,
    const json_t *strings)
{
	json_t			*a = json_array();
	const struct dsv	*s;
	const struct view	*v;
	size_t			 i, k;

	if (ref != NULL) {
		if ((v = find(w, ref, &s)) != NULL)
			json_array_append_new(a, render_one(s, v, strings));
		return a;
	}
	for (i = 0; w && i < w->nsets; i++)
		if (strcmp(w->sets[i].ds->id, id) == 0)
			for (k = 0; k < w->sets[i].n; k++)
				json_array_append_new(a, render_one(&w->sets[i],
				    &w->sets[i].v[k], strings));
	return a;
}

void
views_set_diag(struct views *w, struct diag *d)
{
	if (w != NULL)
		w->d = d;
}

void
views_free(struct views *w)
{
	size_t	 i, k, j;

	if (w == NULL)
		return;
	for (i = 0; i < w->nsets; i++) {
		struct dsv *s = &w->sets[i];

		for (k = 0; k < s->n; k++)
			release(&s->v[k]);
		free(s->v);
		for (k = 0; k < s->nrows; k++) {
			for (j = 0; s->rows[k][j]; j++)
				free(s->rows[k][j]);
			free(s->rows[k]);
		}
		free(s->rows);
		free(s->lines);
	}
	free(w->sets);
	json_decref(w->broken);
	free(w);
}
