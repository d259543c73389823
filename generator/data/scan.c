/*
 * The scan of the datasets' rows, the first step of the scan stage,
 * after dataset.c loaded their metadata.  dataset_scan_all() reads each
 * CSV once, as a stream: it cuts the file into pieces that end at a ','
 * or a line end and feeds them to libcsv, which calls back only on such
 * a byte, so the position where each cell starts is known exactly
 * (libcsv keeps none); it checks each record against the schema and the
 * key sets, and passes it on to a sink (the downloads, the indicator
 * model, the dataset views).  Datasets that others reference are read
 * first, so their keys are there to look up.  The key sets live in
 * memory up to a budget, then in sorted runs on disk that are merged
 * when the file ends (keyset.h), so a scan's memory does not grow with
 * the rows; the errors are kept until then, to print the first
 * DATASET_ERRORS_MAX in the order of the rows either way.
 *
 *	scan_all	resolve foreign keys -> order -> scan each:
 *	  scan		chunk -> BOM, UTF-8, NUL -> pieces -> libcsv
 *	    on_field	NFC cell, with its line and column
 *	    on_record	header, or: cells -> keys -> preview -> sink
 *	  finish	merge spilled sets and lookups -> errors
 */
#include "scan.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "encoding.h"
#include "fsin.h"
#include "intl.h"
#include "keyset.h"
#include "schema.h"
#include "stash.h"
#include "text.h"
#include "xalloc.h"

#define CHUNK	65536

void
dataset_set_key_budget(size_t bytes)
{
	keyset_set_budget(bytes);
}

/* ---- The key sets of a dataset ----------------------------------------- */

enum check { CHECK_LOOKUP, CHECK_UNIQUE, CHECK_PKEY };

/* The values of some fields of every row, for duplicates and lookups. */
struct tuple {
	size_t		*idx;
	size_t		 n;
	enum check	 check;
	int		 keep;		/* another dataset looks keys up */
	struct keyset	 set;
};

/* Where foreign key "k" of a schema looks its values up. */
struct fkref {
	struct dataset	*target;	/* NULL: not checked */
	size_t		 tuple;		/* in the target's tuples */
	struct keyset	*refs;		/* values to look up at the end: not
					   found yet in this dataset, or not
					   known yet in a spilled target */
};

enum { WHITE, GREY, BLACK };

struct dataset_keys {
	struct tuple	**t;
	size_t		 nt;
	struct fkref	*fk;		/* one per schema foreign key */
	size_t		 nfk;
	struct keyset_budget	*bud;		/* while a scan runs */
	int		 complete;	/* every row's keys are in the sets */
	int		 colour;	/* for the ordering walk */
};

static size_t
tuple_get(struct dataset *ds, const size_t *idx, size_t n, enum check c,
    int keep)
{
	struct dataset_keys	*k = ds->keys;
	struct tuple		*t;
	size_t			 i;

	for (i = 0; i < k->nt; i++) {
		t = k->t[i];
		if (t->n == n && memcmp(t->idx, idx, n * sizeof(*idx)) == 0) {
			t->check = c > t->check ? c : t->check;
			t->keep |= keep;
			return i;
		}
	}
	k->t = xreallocarray(k->t, k->nt + 1, sizeof(*k->t));
	t = k->t[k->nt] = xcalloc(1, sizeof(*t));
	t->idx = xreallocarray(NULL, n, sizeof(*idx));
	memcpy(t->idx, idx, n * sizeof(*idx));
	t->n = n;
	t->check = c;
	t->keep = keep;
	return k->nt++;
}

/* Free the sets no other dataset needs ("all": every set). */
static void
keys_release(struct dataset_keys *k, int all)
{
	size_t	 i;

	for (i = 0; i < k->nt; i++)
		if (all || !k->t[i]->keep)
			keyset_release(&k->t[i]->set);
	for (i = 0; i < k->nfk; i++)
		if (k->fk[i].refs != NULL) {
			keyset_release(k->fk[i].refs);
			free(k->fk[i].refs);
			k->fk[i].refs = NULL;
		}
}

struct dataset_keys *
dataset_keys_new(size_t nfkeys)
{
	struct dataset_keys	*k = xcalloc(1, sizeof(*k));

	if (nfkeys > 0)
		k->fk = xcalloc(nfkeys, sizeof(*k->fk));
	k->nfk = nfkeys;
	return k;
}

void
dataset_keys_free(struct dataset_keys *k)
{
	size_t	 i;

	if (k == NULL)
		return;
	keys_release(k, 1);
	for (i = 0; i < k->nt; i++) {
		free(k->t[i]->idx);
		free(k->t[i]);
	}
	free(k->t);
	free(k->fk);
	free(k);
}

/* ---- Scanning a CSV file --------------------------------------------- */

struct cell {
	size_t		 off;		/* in scan.text */
	size_t		 len;
	unsigned	 line, col;
};

/*
 * Where an error comes in the order the rows are read, which decides
 * the DATASET_ERRORS_MAX that are printed: a row's cells, then its
 * keys (by set), then its foreign keys (by key); self-references not
 * found are last.  An error found when the runs are merged at the end
 * takes the place it would have had if the sets had fitted in memory.
 */
struct order {
	unsigned	 stage;		/* 0 the rows, 1 self-references */
	uint64_t	 rec;		/* record number: the header's is 0 */
	unsigned	 phase;		/* PHASE_* */
	uint64_t	 sub;		/* a counter, or the set or key */
};

enum { PHASE_CELLS, PHASE_KEYS, PHASE_FKEYS };

/* One of the first DATASET_ERRORS_MAX errors, until the scan ends. */
struct error {
	struct order	 o;
	unsigned	 line, col;
	char		*msg;
};

struct scan {
	struct dataset		*ds;
	const struct schema	*s;
	struct diag		*d;
	const struct dataset_sink *sink;
	struct csv_parser	 csv;
	unsigned		 line, col;	/* of the next byte fed */
	unsigned long long	 off;		/* its offset in the file */
	int			 at_cell;	/* the next byte may start one */
	int			 in_record;
	unsigned		 cline, ccol;	/* where the open cell began */
	unsigned		 tline, tcol;	/* where the record ends: its
						   line end, or the end of
						   the file */
	struct buf		 text;		/* the record's cells, NFC */
	struct cell		*cells;
	size_t			 ncells, cap;
	size_t			 keep;		/* most cells kept per record */
	size_t			 more;		/* cells past "keep", counted */
	size_t			 counted;	/* bytes of the open cell whose
						   characters are in cchars */
	size_t			 cchars;
	int			 header;	/* 0 unread, 1 good, -1 bad */
	size_t			 errors;
	struct error		 errv[DATASET_ERRORS_MAX]; /* by order */
	size_t			 nerr;
	struct order		 ord;		/* of the next report() */
	uint64_t		 nrec;		/* records read */
	int			 stop;		/* fatal error or sink failure */
	int			 failed;	/* a key file failed */
	enum encoding		 enc;		/* declared in the metadata */
	int			 declared;	/* "encoding:" was given */
	int			 mojibake;	/* -1 until the first chunk */
	json_t			**typed;	/* one per field */
	const char		**cellv;
	size_t			*lens;
	struct buf		 key, shown, why, tmp, raw;	/* scratch */
};

static void	report(struct scan *, unsigned, unsigned, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static void	report_at(struct scan *, const struct order *, unsigned,
		    unsigned, const char *, ...)
		    __attribute__((format(printf, 5, 6)));
static int	toolong(struct scan *, const unsigned char *, size_t);
static void	vreport(struct scan *, const struct order *, unsigned,
		    unsigned, const char *, va_list)
		    __attribute__((format(printf, 5, 0)));

static int
ordcmp(const struct order *a, const struct order *b)
{
	if (a->stage != b->stage)
		return a->stage < b->stage ? -1 : 1;
	if (a->rec != b->rec)
		return a->rec < b->rec ? -1 : 1;
	if (a->phase != b->phase)
		return a->phase < b->phase ? -1 : 1;
	return a->sub < b->sub ? -1 : a->sub > b->sub;
}

/*
 * A CSV error, counted; kept to be printed if it is among the first
 * DATASET_ERRORS_MAX in the order "o" (errors mostly come in order, but
 * those found by a merge come at the end).
 */
static void
vreport(struct scan *sc, const struct order *o, unsigned line, unsigned col,
    const char *fmt, va_list ap)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	sc->errors++;
	if (sc->nerr == DATASET_ERRORS_MAX) {
		if (ordcmp(o, &sc->errv[sc->nerr - 1].o) >= 0)
			return;
		free(sc->errv[--sc->nerr].msg);
	}
	for (i = sc->nerr; i > 0 && ordcmp(o, &sc->errv[i - 1].o) < 0; i--)
		sc->errv[i] = sc->errv[i - 1];
	buf_vprintf(&b, _(fmt), ap);
	sc->errv[i].o = *o;
	sc->errv[i].line = line;
	sc->errv[i].col = col;
	sc->errv[i].msg = buf_detach(&b, NULL);
	sc->nerr++;
}

/* An error found now, in the order of reading. */
static void
report(struct scan *sc, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vreport(sc, &sc->ord, line, col, fmt, ap);
	va_end(ap);
	sc->ord.sub++;
}

static void
report_at(struct scan *sc, const struct order *o, unsigned line,
    unsigned col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vreport(sc, o, line, col, fmt, ap);
	va_end(ap);
}

/* Hand the errors kept to the diagnostics, where they are sorted. */
static void
flush_errors(struct scan *sc)
{
	struct error	*e;
	struct loc	 at;
	size_t		 i;

	for (i = 0; i < sc->nerr; i++) {
		e = &sc->errv[i];
		at = (struct loc){ sc->ds->csv, e->line, e->col };
		if (sc->ds->locate)
			sc->ds->locate(sc->ds->locate_arg, e->line, e->col,
			    &at);
		diag_error(sc->d, &at, "%s", e->msg);
		free(e->msg);
	}
	sc->nerr = 0;
}

static const char *
cell_text(const struct scan *sc, size_t i)
{
	return sc->text.data + sc->cells[i].off;
}

/* Append the "len" bytes of valid UTF-8 "s" in NFC. */
static void
put_nfc(struct buf *b, const char *s, size_t len)
{
	size_t	 n;
	char	*t = text_nfc(s, len, &n);

	if (t == NULL) {		/* not UTF-8: cannot happen here */
		buf_put(b, s, len);
		return;
	}
	buf_put(b, t, n);
	free(t);
}

static void
on_field(void *s, size_t len, void *arg)
{
	struct scan	*sc = arg;
	struct cell	*c;
	int		 over = toolong(sc, s, len);

	sc->counted = sc->cchars = 0;
	sc->at_cell = 1;
	if (over || sc->stop)
		return;
	if (sc->ncells == sc->keep) {
		sc->more++;
		return;
	}
	sc->cells = xgrow(sc->cells, sc->ncells, &sc->cap, 16,
	    sizeof(*sc->cells));
	c = &sc->cells[sc->ncells++];
	c->off = sc->text.len;
	c->line = sc->cline;
	c->col = sc->ccol;
	if (len > 0)
		put_nfc(&sc->text, s, len);
	c->len = sc->text.len - c->off;
	buf_putc(&sc->text, '\0');
	sc->at_cell = 1;
}

/*
 * Names in the header that are empty, repeated or not fields; "seen"
 * gets every name, so the check is linear in the columns.
 */
static int
header_names(struct scan *sc, json_t *seen)
{
	const char	*name;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < sc->ncells; i++) {
		name = cell_text(sc, i);
		if (*name == '\0')
			report(sc, sc->cells[i].line, sc->cells[i].col,
			    "column %zu of the header has no name", i + 1);
		else if (json_object_get(seen, name) != NULL)
			report(sc, sc->cells[i].line, sc->cells[i].col,
			    "duplicate column '%s' in the header", name);
		else if (json_object_set_new(seen, name, json_true()),
		    schema_find(sc->s, name) == SCHEMA_NONE)
			report(sc, sc->cells[i].line, sc->cells[i].col,
			    "column '%s' is not a field of the schema", name);
		else
			continue;
		ok = 0;
	}
	if (sc->more > 0) {
		report(sc, sc->cells[0].line, 0, "the header has %zu columns, "
		    "but the schema has %zu fields", sc->ncells + sc->more,
		    sc->s->nfields);
		ok = 0;
	}
	return ok;
}

/* The header must list the schema's field names, in order. */
static void
header(struct scan *sc)
{
	const struct schema	*s = sc->s;
	unsigned		 line = sc->cells[0].line;
	json_t			*seen = json_object();
	size_t			 i;
	int			 ok = header_names(sc, seen);

	for (i = 0; i < s->nfields; i++)
		if (json_object_get(seen, s->fields[i].name) == NULL) {
			report(sc, line, 0, "missing column '%s' (field %zu "
			    "of the schema)", s->fields[i].name, i + 1);
			ok = 0;
		}
	json_decref(seen);
	for (i = 0; ok && i < sc->ncells; i++)
		if (strcmp(cell_text(sc, i), s->fields[i].name) != 0)
			report(sc, sc->cells[i].line, sc->cells[i].col,
			    "column '%s' is in position %zu, but the schema "
			    "has it in position %zu", cell_text(sc, i), i + 1,
			    schema_find(s, cell_text(sc, i)) + 1);
	for (i = 0; ok && i < sc->ncells; i++)
		if (strcmp(cell_text(sc, i), s->fields[i].name) != 0)
			ok = 0;
	sc->header = ok ? 1 : -1;
}

/* Append the typed value "v" as key text: "x", "12", "1.5", "true". */
static void
key_text(struct buf *b, const json_t *v)
{
	char	 tmp[32];

	if (json_is_string(v))
		buf_put(b, json_string_value(v), json_string_length(v));
	else if (json_is_integer(v)) {
		snprintf(tmp, sizeof(tmp), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		buf_puts(b, tmp);
	} else if (json_is_real(v)) {
		snprintf(tmp, sizeof(tmp), "%.17g", json_real_value(v));
		buf_puts(b, tmp);
	} else
		buf_puts(b, json_is_true(v) ? "true" : "false");
}

/*
 * The key of the values of fields "idx" in this row, into sc->key: the
 * value's text for one field, "len:text" for each of several; 0 when
 * one of them is missing or broke a rule.
 */
static int
make_key(struct scan *sc, const size_t *idx, size_t n)
{
	const json_t	*v;
	size_t		 i;

	buf_reset(&sc->key);
	for (i = 0; i < n; i++) {
		v = sc->typed[idx[i]];
		if (v == NULL || json_is_null(v))
			return 0;
		if (n == 1) {
			key_text(&sc->key, v);
			break;
		}
		buf_reset(&sc->tmp);
		key_text(&sc->tmp, v);
		buf_printf(&sc->key, "%zu:", sc->tmp.len);
		buf_put(&sc->key, sc->tmp.data, sc->tmp.len);
	}
	return 1;
}

/* The cells of fields "idx" as "'a'" or "('a', 'b')", in sc->shown. */
static const char *
show_key(struct scan *sc, const size_t *idx, size_t n)
{
	size_t	 i;

	buf_reset(&sc->shown);
	for (i = 0; i < n; i++) {
		buf_puts(&sc->shown, i ? ", " : n > 1 ? "(" : "");
		text_quote(&sc->shown, cell_text(sc, idx[i]),
		    sc->cells[idx[i]].len);
	}
	if (n > 1)
		buf_putc(&sc->shown, ')');
	return sc->shown.data;
}

/* Field names "idx" as "'a'" or "('a', 'b')". */
static void
field_names(struct buf *b, const struct schema *s, const size_t *idx,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s'%s'", i ? ", " : n > 1 ? "(" : "",
		    s->fields[idx[i]].name);
	if (n > 1)
		buf_putc(b, ')');
}

/* The cells of fields "idx" as "len:text" each (just the text for one). */
static void
make_raw(struct scan *sc, const size_t *idx, size_t n)
{
	size_t	 i;

	buf_reset(&sc->raw);
	for (i = 0; i < n; i++) {
		if (n > 1)
			buf_printf(&sc->raw, "%zu:", sc->cells[idx[i]].len);
		buf_put(&sc->raw, cell_text(sc, idx[i]), sc->cells[idx[i]].len);
	}
}

/* The cells of the "n" fields of "r" as show_key() shows them. */
static const char *
show_rec(struct scan *sc, const struct keyset_rec *r, size_t n)
{
	const char	*p = r->rawlen ? r->key + r->len : r->key;
	const char	*end = p + (r->rawlen ? r->rawlen : r->len);
	size_t		 i, len;

	buf_reset(&sc->shown);
	for (i = 0; i < n; i++) {
		len = (size_t)(end - p);
		if (n > 1) {
			for (len = 0; p < end && *p != ':'; p++)
				len = len * 10 + (size_t)(*p - '0');
			p += p < end;
			len = len < (size_t)(end - p) ? len : (size_t)(end - p);
		}
		buf_puts(&sc->shown, i ? ", " : n > 1 ? "(" : "");
		text_quote(&sc->shown, p, len);
		p += len;
	}
	if (n > 1)
		buf_putc(&sc->shown, ')');
	return sc->shown.data;
}

/*
 * Append the key in sc->key, of the cells of fields "idx" of this row,
 * to the list "ks", with "line" (the record's) for a first occurrence.
 */
static void
defer(struct scan *sc, struct keyset *ks, const size_t *idx, size_t n,
    unsigned line)
{
	const struct cell	*c = &sc->cells[idx[0]];
	size_t			 len = sc->key.len;
	struct keyset_rec		 r;

	make_raw(sc, idx, n);
	r.len = (uint32_t)len;
	r.rawlen = 0;
	if (sc->raw.len != len || memcmp(sc->raw.data, sc->key.data,
	    len) != 0) {
		buf_put(&sc->key, sc->raw.data, sc->raw.len);
		r.rawlen = (uint32_t)sc->raw.len;
	}
	r.key = sc->key.data;
	r.line = line;
	r.cline = c->line;
	r.ccol = c->col;
	r.rec = sc->nrec;
	keyset_push(ks, &r);
	buf_truncate(&sc->key, len);
}

static void
duplicate(struct scan *sc, size_t i, const struct order *o, unsigned line,
    unsigned col, const char *shown, unsigned first)
{
	const struct tuple	*t = sc->ds->keys->t[i];
	const struct schema_field *f = &sc->s->fields[t->idx[0]];
	struct loc		 at = { NULL, 0, 0 };
	struct buf		 w = BUF_INIT;

	/* A dataset made from pages names the page, not a made-up line. */
	if (sc->ds->locate && sc->ds->locate(sc->ds->locate_arg, first, 1,
	    &at) && at.file != NULL)
		/* TRANSLATORS: where a duplicate was first seen: a page. */
		buf_printf(&w, _("in %s"), at.file);
	else
		buf_printf(&w, _("on line %u"), first);
	if (t->check == CHECK_PKEY)
		report_at(sc, o, line, col, "duplicate primary key %s (first "
		    "%s)", shown, w.data);
	else
		report_at(sc, o, line, col, "field '%s' (%s): duplicate value "
		    "%s (first %s)", f->name, schema_type_name(f->type),
		    shown, w.data);
	buf_release(&w);
}

/* Put this row's keys into the sets; report duplicates. */
static void
add_keys(struct scan *sc)
{
	const struct dataset_keys	*k = sc->ds->keys;
	const struct cell		*c;
	struct tuple			*t;
	struct order			 o = { 0, sc->nrec, PHASE_KEYS, 0 };
	unsigned			 first, line = sc->cells[0].line;
	size_t				 i;
	int				 rc;

	for (i = 0; i < k->nt; i++) {
		t = k->t[i];
		if (!make_key(sc, t->idx, t->n))
			continue;
		rc = keyset_add(&t->set, sc->key.data, sc->key.len, line,
		    &first);
		if (rc < 0)
			defer(sc, &t->set, t->idx, t->n, line);
		if (rc != 0 || t->check == CHECK_LOOKUP)
			continue;
		c = &sc->cells[t->idx[0]];
		o.sub = i;
		duplicate(sc, i, &o, c->line, c->col, show_key(sc, t->idx,
		    t->n), first);
	}
}

static void
fk_missing(struct scan *sc, const struct order *o, size_t k,
    const char *shown, unsigned line, unsigned col)
{
	const struct schema_fkey	*fk = &sc->s->fkeys[k];
	struct buf			 b = BUF_INIT;

	field_names(&b, sc->s, fk->fields, fk->nfields);
	report_at(sc, o, line, col, "foreign key %s = %s not found in dataset "
	    "'%s'", b.data, shown, sc->ds->keys->fk[k].target->id);
	buf_release(&b);
}

/*
 * Look this row's foreign keys up.  A value not found in this dataset
 * may come later, and a spilled set cannot tell yet: both are listed,
 * to be looked up at the end.
 */
static void
check_fkeys(struct scan *sc)
{
	struct dataset_keys		*dk = sc->ds->keys;
	const struct schema_fkey	*fk;
	struct fkref			*r;
	const struct cell		*c;
	struct order			 o = { 0, sc->nrec, PHASE_FKEYS, 0 };
	size_t				 k;
	int				 found;

	for (k = 0; k < sc->s->nfkeys; k++) {
		r = &dk->fk[k];
		fk = &sc->s->fkeys[k];
		if (r->target == NULL || (r->target != sc->ds &&
		    !r->target->keys->complete))
			continue;
		if (!make_key(sc, fk->fields, fk->nfields))
			continue;
		found = keyset_get(&r->target->keys->t[r->tuple]->set,
		    sc->key.data, sc->key.len);
		if (found == 1)
			continue;
		c = &sc->cells[fk->fields[0]];
		o.sub = k;
		if (found == 0 && r->target != sc->ds) {
			fk_missing(sc, &o, k, show_key(sc, fk->fields,
			    fk->nfields), c->line, c->col);
			continue;
		}
		if (r->refs == NULL) {
			r->refs = xmalloc(sizeof(*r->refs));
			keyset_init(r->refs, dk->bud, 1);
		}
		defer(sc, r->refs, fk->fields, fk->nfields, 0);
	}
}

static int
to_sink(struct scan *sc)
{
	size_t	 i, n = sc->ncells;
	int	 rc;

	if (sc->sink == NULL || sc->sink->row == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		sc->cellv[i] = cell_text(sc, i);
		sc->lens[i] = sc->cells[i].len;
	}
	sc->ds->scanning = sc;
	rc = sc->sink->row(sc->sink->arg, sc->ds, sc->cells[0].line,
	    sc->cellv, sc->lens, sc->typed, n);
	sc->ds->scanning = NULL;
	return rc;
}

void
dataset_cell_loc(const struct dataset *ds, size_t i, unsigned *line,
    unsigned *col)
{
	const struct scan	*sc = ds->scanning;

	*line = *col = 0;
	if (sc != NULL && i < sc->ncells) {
		*line = sc->cells[i].line;
		*col = sc->cells[i].col;
	}
}

static void
preview(struct scan *sc)
{
	json_t	*row;
	size_t	 i;

	if (json_array_size(sc->ds->preview) >= sc->ds->preview_rows)
		return;
	row = json_array();
	for (i = 0; i < sc->ncells; i++)
		json_array_append_new(row, json_stringn(cell_text(sc, i),
		    sc->cells[i].len));
	json_array_append_new(sc->ds->preview, row);
}

static void
row(struct scan *sc)
{
	size_t		 i, n = sc->s->nfields;
	const struct cell *c = sc->cells;

	sc->ds->rows++;
	if (sc->header < 0)
		return;
	if (sc->ncells > n) {
		report(sc, c[n].line, c[n].col, "row has %zu cells, but the "
		    "header has %zu", sc->ncells + sc->more, n);
		return;
	}
	if (sc->ncells < n) {
		report(sc, sc->tline, sc->tcol, ngettext("row has %zu cell, "
		    "but the header has %zu: no cell for '%s'", "row has %zu "
		    "cells, but the header has %zu: no cell for '%s'",
		    sc->ncells), sc->ncells, n,
		    sc->s->fields[sc->ncells].name);
		return;
	}
	for (i = 0; i < n; i++) {
		buf_reset(&sc->why);
		sc->typed[i] = schema_cell(sc->s, i, cell_text(sc, i),
		    c[i].len, &sc->why);
		if (sc->typed[i] == NULL)
			report(sc, c[i].line, c[i].col, "%s", sc->why.data);
	}
	add_keys(sc);
	check_fkeys(sc);
	if (keyset_budget_errno(sc->ds->keys->bud) != 0)
		sc->stop = 1;		/* reported by finish() */
	preview(sc);
	if (!to_sink(sc))
		sc->stop = 1;
	for (i = 0; i < n; i++) {
		json_decref(sc->typed[i]);
		sc->typed[i] = NULL;
	}
}

static void
on_record(int c, void *arg)
{
	struct scan	*sc = arg;

	(void)c;
	sc->in_record = 0;
	sc->at_cell = 1;
	if (sc->ncells > 0 && !sc->stop) {
		if (sc->header == 0)
			header(sc);
		else
			row(sc);
	}
	buf_reset(&sc->text);
	sc->ncells = sc->more = 0;
	sc->nrec++;
	sc->ord = (struct order){ 0, sc->nrec, PHASE_CELLS, 0 };
}

/* A piece starting with byte "b" is about to be fed. */
static void
piece(struct scan *sc, unsigned char b)
{
	if (!sc->at_cell || (!sc->in_record && (b == '\n' || b == '\r')))
		return;
	sc->at_cell = 0;
	sc->in_record = 1;
	sc->cline = sc->line;
	sc->ccol = sc->col;
}

/*
 * Where a record that ends in the "n" bytes of "p", about to be fed,
 * ends: at its last byte, the line end (pieces end at CR or LF).
 */
static void
record_end(struct scan *sc, const char *p, size_t n)
{
	size_t	 i;

	sc->tline = sc->line;
	sc->tcol = sc->col;
	for (i = 0; i + 1 < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			sc->tcol++;
}

/* Move the position over the "n" bytes of "p" just fed. */
static void
advance(struct scan *sc, const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] == '\n') {
			sc->line++;
			sc->col = 1;
		} else if ((p[i] & 0xC0) != 0x80)
			sc->col++;
	sc->off += n;
}

static void
bad_csv(struct scan *sc, int c)
{
	if (csv_error(&sc->csv) != CSV_EPARSE)
		report(sc, sc->line, sc->col, "cannot read the CSV: %s",
		    csv_strerror(csv_error(&sc->csv)));
	else if (c == '"')
		report(sc, sc->line, sc->col, "stray '\"' in an unquoted cell "
		    "(quote the whole cell and write each '\"' as '\"\"')");
	else
		report(sc, sc->line, sc->col, "unexpected text after the "
		    "closing '\"' of a quoted cell");
	sc->stop = 1;
}

/*
 * 1 if the open cell, whose first "n" bytes libcsv holds at "b", has
 * grown past DATASET_CELL_MAX characters, after reporting it and
 * stopping the scan, so that no more of it is buffered.  Characters are
 * counted once, and only in a cell past DATASET_CELL_MAX bytes.
 */
static int
toolong(struct scan *sc, const unsigned char *b, size_t n)
{
	size_t	 i;

	if (n <= DATASET_CELL_MAX)
		return 0;
	for (i = sc->counted; i < n; i++)
		if ((b[i] & 0xC0) != 0x80)
			sc->cchars++;
	sc->counted = n;
	if (sc->cchars <= DATASET_CELL_MAX)
		return 0;
	if (!sc->stop)
		report(sc, sc->cline, sc->ccol, "cell is longer than %d "
		    "characters, the most a spreadsheet cell holds",
		    DATASET_CELL_MAX);
	sc->stop = 1;
	return 1;
}

/* Feed "len" bytes to libcsv in pieces that end at ',', CR or LF. */
static void
feed(struct scan *sc, const char *p, size_t len)
{
	size_t	 i = 0, j, n;

	while (i < len && !sc->stop) {
		for (j = i; j < len && p[j] != ',' && p[j] != '\n' &&
		    p[j] != '\r'; j++)
			continue;
		if (j < len)
			j++;
		piece(sc, (unsigned char)p[i]);
		record_end(sc, p + i, j - i);
		n = csv_parse(&sc->csv, p + i, j - i, on_field, on_record, sc);
		advance(sc, p + i, n);
		if (n < j - i) {
			bad_csv(sc, (unsigned char)p[i + n]);
			return;
		}
		if (toolong(sc, sc->csv.entry_buf, sc->csv.entry_pos))
			return;
		i = j;
	}
}

/* 1 if the "n" bytes at "s" can begin a UTF-8 sequence cut short. */
static int
incomplete(const unsigned char *s, size_t n)
{
	size_t	 need, i;

	if (n == 0 || n > 3 || s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	need = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n < need;
}

/* Invalid UTF-8: say so, and which legacy encoding it looks like. */
static void
badutf8(struct scan *sc, const char *s, size_t n)
{
	int		 moj = 0;
	enum encoding	 e = encoding_detect(s, n, &moj);

	if (e == ENCODING_UTF8)
		report(sc, sc->line, sc->col, "invalid UTF-8 (byte offset "
		    "%llu)", sc->off);
	else
		report(sc, sc->line, sc->col, "invalid UTF-8 (byte offset "
		    "%llu): %s", sc->off, encoding_advice(e, moj));
}

/*
 * Feed what can be fed of the "n" bytes at "s" and return how many that
 * was: all, or all but a sequence cut by the end of the chunk (unless
 * "eof").  Invalid UTF-8 and NUL bytes are reported and stop the scan.
 */
static size_t
checked_feed(struct scan *sc, const char *s, size_t n, int eof)
{
	const char	*nul = memchr(s, '\0', n);
	size_t		 lim = nul ? (size_t)(nul - s) : n, bad;

	if (text_utf8_valid(s, lim, &bad)) {
		feed(sc, s, lim);
		if (nul && !sc->stop) {
			report(sc, sc->line, sc->col, "file contains a NUL "
			    "byte (byte offset %llu)", sc->off);
			sc->stop = 1;
		}
		return lim;
	}
	feed(sc, s, bad);
	if (!eof && nul == NULL && incomplete((const unsigned char *)s + bad,
	    n - bad))
		return bad;
	if (!sc->stop)
		badutf8(sc, s, n);
	sc->stop = 1;
	return bad;
}

/*
 * On the first chunk: for a declared legacy encoding, whether the file is
 * that encoding's bytes or their mojibake (valid UTF-8); for a file with
 * no "encoding:", that valid UTF-8 is not legacy text in disguise.
 * Returns 0 after reporting.
 */
static int
sniff(struct scan *sc, const char *s, size_t n)
{
	size_t		 bad = n;
	enum encoding	 e;
	int		 moj = 0;

	text_utf8_valid(s, n, &bad);
	if (sc->declared) {
		sc->mojibake = sc->enc != ENCODING_UTF8 && bad + 4 > n;
		return 1;
	}
	sc->mojibake = 0;
	if (bad + 4 <= n)
		return 1;	/* not UTF-8: checked_feed() reports it */
	e = encoding_detect(s, bad, &moj);
	if (e == ENCODING_UTF8 && !moj)
		return 1;
	report(sc, 1, 1, "the text is not plain UTF-8: %s",
	    encoding_advice(e, moj));
	sc->stop = 1;
	return 0;
}

/*
 * Convert what can be converted of the "n" bytes of legacy text at "s"
 * (up to a safe cut, or all at the end of the file) and feed it; returns
 * the bytes used.
 */
static size_t
convert(struct scan *sc, const char *s, size_t n, int eof)
{
	size_t	 cut = eof ? n : encoding_cut(s, n), len;
	char	*u;

	if (cut == 0)
		cut = n < CHUNK ? 0 : n;	/* no cut point in a whole chunk */
	if (cut == 0)
		return 0;
	if ((u = encoding_to_utf8(sc->enc, sc->mojibake, s, cut, &len)) ==
	    NULL) {
		report(sc, sc->line, sc->col, "cannot convert the text from "
		    "%s (byte offset %llu)", encoding_name(sc->enc), sc->off);
		sc->stop = 1;
		return cut;
	}
	checked_feed(sc, u, len, 1);
	free(u);
	return cut;
}

/* Read "fp" chunk by chunk into libcsv; 1 at the end of the file. */
static int
read_csv(struct scan *sc, FILE *fp)
{
	struct buf	 in = BUF_INIT;
	size_t		 got, used;
	int		 eof = 0;

	while (!eof && !sc->stop) {
		buf_grow(&in, CHUNK);
		got = fread(in.data + in.len, 1, CHUNK, fp);
		in.len += got;
		sc->ds->bytes += got;
		if (ferror(fp)) {
			diag_syserr(sc->d, sc->ds->csv, "cannot read");
			sc->stop = 1;
			break;
		}
		eof = got < CHUNK;
		if (sc->off == 0 && in.len >= 3 &&
		    memcmp(in.data, "\xEF\xBB\xBF", 3) == 0) {
			memmove(in.data, in.data + 3, in.len - 3);
			in.len -= 3;
			sc->off = 3;
		}
		if (sc->mojibake == -1 && !sniff(sc, in.data, in.len))
			break;
		if (sc->enc != ENCODING_UTF8) {
			used = convert(sc, in.data, in.len, eof);
			memmove(in.data, in.data + used, in.len - used);
			in.len -= used;
			continue;
		}
		used = checked_feed(sc, in.data, in.len, eof);
		memmove(in.data, in.data + used, in.len - used);
		in.len -= used;
	}
	buf_release(&in);
	return !sc->stop;
}

/* 1 if a self-reference of this dataset looks tuple "i" up at the end. */
static int
looked_up(const struct scan *sc, size_t i)
{
	const struct dataset_keys	*k = sc->ds->keys;
	size_t				 j;

	for (j = 0; j < k->nfk; j++)
		if (k->fk[j].target == sc->ds && k->fk[j].tuple == i &&
		    k->fk[j].refs != NULL)
			return 1;
	return 0;
}

/* Where settle() reports the duplicates it finds, for on_duplicate(). */
struct settling {
	struct scan	*sc;
	size_t		 i;
	struct order	 o;
};

static void
on_duplicate(void *arg, const struct keyset_rec *r, unsigned first)
{
	struct settling		*s = arg;
	const struct tuple	*t = s->sc->ds->keys->t[s->i];

	s->o.rec = r->rec;
	if (t->check != CHECK_LOOKUP)
		duplicate(s->sc, s->i, &s->o, r->cline, r->ccol,
		    show_rec(s->sc, r, t->n), first);
}

/*
 * The end of tuple "i", spilled: report every later record of a key as
 * a duplicate of its first; if "keep", leave one record per key for
 * the lookups.
 */
static void
settle(struct scan *sc, size_t i, int keep)
{
	struct settling	 s = { sc, i, { 0, 0, PHASE_KEYS, i } };

	keyset_settle(&sc->ds->keys->t[i]->set, keep, on_duplicate, &s);
}

static void
missing(struct scan *sc, size_t k, const struct keyset_rec *r, int self)
{
	struct order	 o = { 0, r->rec, PHASE_FKEYS, k };

	if (self)
		o = (struct order){ 1, r->rec, 0, k };
	fk_missing(sc, &o, k, show_rec(sc, r, sc->s->fkeys[k].nfields),
	    r->cline, r->ccol);
}

/* The foreign key lookups() looks the values of up, for on_missing(). */
struct looking {
	struct scan	*sc;
	size_t		 k;
	int		 self;
};

static void
on_missing(void *arg, const struct keyset_rec *r)
{
	const struct looking	*l = arg;

	missing(l->sc, l->k, r, l->self);
}

/*
 * The values that foreign key "k" listed, looked up in the complete set
 * of its target: one by one in memory, or merged with a spilled set.
 */
static void
lookups(struct scan *sc, size_t k)
{
	struct fkref	*f = &sc->ds->keys->fk[k];
	struct looking	 l = { sc, k, f->target == sc->ds };

	keyset_find_missing(f->refs, &f->target->keys->t[f->tuple]->set,
	    on_missing, &l);
}

/*
 * The end of the scan: duplicates and lookups that waited for the end,
 * the errors kept, and the sets nobody needs any more.
 */
static void
finish(struct scan *sc)
{
	struct dataset_keys	*k = sc->ds->keys;
	struct tuple		*t;
	size_t			 i;
	int			 err;

	for (i = 0; i < k->nt; i++) {
		t = k->t[i];
		if (keyset_spilled(&t->set))
			settle(sc, i, t->keep || looked_up(sc, i));
	}
	for (i = 0; i < k->nfk; i++)
		if (k->fk[i].refs != NULL)
			lookups(sc, i);
	if ((err = keyset_budget_take_errno(k->bud)) != 0) {
		errno = err;
		diag_syserr(sc->d, stash_tmpdir(), "cannot use a temporary "
		    "file of keys");
		sc->failed = 1;
	}
	flush_errors(sc);
	if (sc->errors > DATASET_ERRORS_MAX)
		diag_error(sc->d, &(struct loc){ sc->ds->csv,
		    sc->line + (sc->col > 1), 0 }, ngettext("... and %zu more "
		    "error in this file", "... and %zu more errors in this file",
		    sc->errors - DATASET_ERRORS_MAX),
		    sc->errors - DATASET_ERRORS_MAX);
	keys_release(k, 0);
}

/* Register the key sets this dataset's own constraints need. */
static void
prepare(struct dataset *ds)
{
	const struct schema	*s = ds->schema;
	size_t			 i;

	if (s->npkey > 0)
		tuple_get(ds, s->pkey, s->npkey, CHECK_PKEY, 0);
	for (i = 0; i < s->nfields; i++)
		if (s->fields[i].unique && !(s->npkey == 1 && s->pkey[0] == i))
			tuple_get(ds, &i, 1, CHECK_UNIQUE, 0);
	for (i = 0; i < s->nfkeys; i++)
		if (s->fkeys[i].self != NULL) {
			ds->keys->fk[i].target = ds;
			ds->keys->fk[i].tuple = tuple_get(ds, s->fkeys[i].self,
			    s->fkeys[i].nfields, CHECK_LOOKUP, 0);
		}
	for (i = 0; i < ds->keys->nt; i++)
		if (!keyset_in_use(&ds->keys->t[i]->set))
			keyset_init(&ds->keys->t[i]->set, ds->keys->bud, 0);
}

/* libcsv trims spaces around unquoted cells unless told none are. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
scan_init(struct scan *sc, struct dataset *ds, struct diag *d,
    const struct dataset_sink *sink)
{
	size_t	 n = ds->schema->nfields;

	memset(sc, 0, sizeof(*sc));
	sc->ds = ds;
	sc->s = ds->schema;
	sc->d = d;
	sc->sink = sink;
	sc->line = sc->col = 1;
	sc->at_cell = 1;
	buf_init(&sc->text);
	buf_init(&sc->key);
	buf_init(&sc->shown);
	buf_init(&sc->tmp);
	buf_init(&sc->why);
	buf_init(&sc->raw);
	sc->keep = n + DATASET_ERRORS_MAX;
	sc->typed = xcalloc(n, sizeof(*sc->typed));
	sc->cellv = xcalloc(n, sizeof(*sc->cellv));
	sc->lens = xcalloc(n, sizeof(*sc->lens));
	csv_init(&sc->csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&sc->csv, no_space);
}

static void
scan_release(struct scan *sc)
{
	csv_free(&sc->csv);
	buf_release(&sc->text);
	buf_release(&sc->key);
	buf_release(&sc->shown);
	buf_release(&sc->tmp);
	buf_release(&sc->why);
	buf_release(&sc->raw);
	while (sc->nerr > 0)
		free(sc->errv[--sc->nerr].msg);
	free(sc->cells);
	free(sc->typed);
	free(sc->cellv);
	free(sc->lens);
}

/* The end of the file: the last record, or what is wrong with it. */
static void
end_csv(struct scan *sc)
{
	sc->tline = sc->line;
	sc->tcol = sc->col;
	if (csv_fini(&sc->csv, on_field, on_record, sc) != 0) {
		report(sc, sc->cline, sc->ccol, "quoted cell is not closed "
		    "before the end of the file");
		sc->stop = 1;
	} else if (sc->header == 0)
		report(sc, 0, 0, "the file is empty; its first line must be "
		    "the header");
}

int
dataset_scan(struct dataset *ds, struct diag *d,
    const struct dataset_sink *sink)
{
	struct scan	 sc;
	struct keyset_budget	 own;
	FILE		*fp;
	int		 rc;

	if (!ds->ok)
		return 0;
	if (ds->text == NULL)
		fp = fsin_fopen(d, ds->csv, ds->csv);	/* reports */
	else if ((fp = fmemopen(ds->text, ds->textlen, "rb")) == NULL)
		return diag_syserr(d, ds->csv, "cannot open");
	if (fp == NULL)
		return 0;
	if (ds->keys->bud == NULL) {	/* not from dataset_scan_all() */
		keyset_budget_init(&own);
		ds->keys->bud = &own;
	}
	scan_init(&sc, ds, d, sink);
	sc.declared = json_object_get(ds->root, "encoding") != NULL;
	sc.enc = ENCODING_UTF8;
	encoding_parse(ds->encoding, &sc.enc);
	sc.mojibake = -1;
	prepare(ds);
	json_decref(ds->preview);
	ds->preview = json_array();
	ds->rows = 0;
	ds->bytes = 0;
	if (sink && sink->begin && !sink->begin(sink->arg, ds))
		sc.stop = 1;
	if (read_csv(&sc, fp))
		end_csv(&sc);
	fclose(fp);
	ds->scanned = !sc.stop;
	ds->keys->complete = !sc.stop && sc.header == 1;
	finish(&sc);
	rc = sc.errors == 0 && !sc.stop && !sc.failed;
	if (sink && sink->end && !sink->end(sink->arg, ds))
		rc = 0;
	scan_release(&sc);
	if (ds->keys->bud == &own) {
		keys_release(ds->keys, 1);
		ds->keys->bud = NULL;
	}
	return rc;
}

/* ---- Foreign keys between datasets ------------------------------------ */

static struct dataset *
find(struct dataset **v, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			return v[i];
	return NULL;
}

/* Point foreign key "k" of "ds" at the key set of the dataset it names. */
static int
resolve(struct dataset **v, size_t n, struct dataset *ds, size_t k,
    struct diag *d)
{
	const struct schema_fkey	*fk = &ds->schema->fkeys[k];
	struct dataset			*t;
	size_t				*idx, i;
	int				 rc = 1;

	if (*fk->resource == '\0')
		return 1;
	if ((t = find(v, n, fk->resource)) == NULL)
		return diag_error(d, fk->resource_at, "foreign key refers to "
		    "unknown dataset '%s'", fk->resource);
	if (!t->ok)
		return 1;		/* reported with its metadata */
	idx = xcalloc(fk->nfields, sizeof(*idx));
	for (i = 0; i < fk->nfields; i++)
		if ((idx[i] = schema_find(t->schema, fk->ref[i])) ==
		    SCHEMA_NONE)
			rc = diag_error(d, fk->ref_at, "dataset '%s' has no "
			    "field '%s'", t->id, fk->ref[i]);
	if (rc) {
		ds->keys->fk[k].target = t;
		ds->keys->fk[k].tuple = tuple_get(t, idx, fk->nfields,
		    CHECK_LOOKUP, t != ds);
	}
	free(idx);
	return rc;
}

/* The depth-first walk that orders the scans, referenced ones first. */
struct walk {
	struct dataset	**order;
	size_t		  norder;
	struct dataset	**path;
	size_t		  depth;
	struct diag	 *d;
	int		  rc;
};

/* Report the cycle that foreign key "k" of "ds" closes; drop that key. */
static void
cycle(struct walk *w, struct dataset *ds, size_t k)
{
	struct dataset	*t = ds->keys->fk[k].target;
	struct buf	 b = BUF_INIT;
	size_t		 i = w->depth;

	while (w->path[i - 1] != t)
		i--;
	for (i--; i < w->depth; i++)
		buf_printf(&b, "'%s' -> ", w->path[i]->id);
	buf_printf(&b, "'%s'", t->id);
	w->rc = diag_error(w->d, ds->schema->fkeys[k].resource_at,
	    "foreign keys form a cycle: %s", b.data);
	ds->keys->fk[k].target = NULL;
	buf_release(&b);
}

static void
visit(struct walk *w, struct dataset *ds)
{
	struct dataset	*t;
	size_t		 k;

	ds->keys->colour = GREY;
	w->path[w->depth++] = ds;
	for (k = 0; ds->ok && k < ds->schema->nfkeys; k++) {
		t = ds->keys->fk[k].target;
		if (t == NULL || t == ds)
			continue;
		if (t->keys->colour == GREY)
			cycle(w, ds, k);
		else if (t->keys->colour == WHITE)
			visit(w, t);
	}
	w->depth--;
	ds->keys->colour = BLACK;
	w->order[w->norder++] = ds;
}

int
dataset_scan_all(struct dataset **v, size_t n, struct diag *d,
    const struct dataset_sink *sink)
{
	struct walk	 w;
	struct keyset_budget	 bud;
	size_t		 i, k;

	keyset_budget_init(&bud);
	for (i = 0; i < n; i++)
		v[i]->keys->bud = &bud;
	memset(&w, 0, sizeof(w));
	w.order = xcalloc(n, sizeof(*w.order));
	w.path = xcalloc(n, sizeof(*w.path));
	w.d = d;
	w.rc = 1;
	for (i = 0; i < n; i++)
		for (k = 0; v[i]->ok && k < v[i]->schema->nfkeys; k++)
			w.rc &= resolve(v, n, v[i], k, d);
	for (i = 0; i < n; i++)
		if (v[i]->keys->colour == WHITE)
			visit(&w, v[i]);
	for (i = 0; i < w.norder; i++)
		w.rc &= dataset_scan(w.order[i], d, sink);
	for (i = 0; i < n; i++) {
		keys_release(v[i]->keys, 1);
		v[i]->keys->bud = NULL;
	}
	free(w.order);
	free(w.path);
	return w.rc;
}
