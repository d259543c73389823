/*
 * Spreadsheet export, in the publish stage: after dataset.c has checked
 * a CSV against its schema, each typed record goes to an XLSX workbook
 * next to the CSV, so people who live in spreadsheets get real numbers,
 * booleans and blanks instead of text to convert.  libxlsxwriter writes
 * the file in its constant-memory mode: every row is flushed to a
 * temporary file (in the output's directory, which has room for the
 * result anyway) as soon as the next one starts, so a million-row
 * dataset costs no more memory than ten rows.  That mode writes rows in
 * order only, which suits the stream of records, and strings as inline
 * text, never as formulas: "=1+2" stays those four characters.  Such
 * values are still warned about, since the CSV beside the workbook is
 * opened by spreadsheets that do evaluate them.
 *
 *	x = xlsx_new(d, path, "data", names, n);
 *	for each record:
 *		xlsx_row(x, typed, n, line, "datasets/x.csv");
 *	xlsx_dictionary(x, fields);	// last sheet, written at close
 *	xlsx_close(x);
 *
 * Determinism: libxlsxwriter stamps the zip entries 1980-01-01 and writes
 * the document's created and modified dates from the "created" property,
 * which we set from archive_epoch() of the workbook's time, so the bytes
 * depend on the data only.  Numbers are printed with "%.16g" by
 * libxlsxwriter in the C locale (planpress never calls setlocale() for
 * LC_NUMERIC).
 */
#include "xlsx.h"

#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "xalloc.h"

#define SHEET_CHARS	31		/* Excel's longest sheet name */
#define CELL_CHARS	32767		/* Excel's longest cell text */
#define EXACT_MAX	9007199254740992LL	/* 2^53 */
#define QUOTE_BYTES	40		/* longest value quoted in a warning */
#define EPOCH_MIN	((time_t)315532800)	/* 1980-01-01, as in zips */

struct xlsx {
	struct diag	*d;
	void		(*locate)(void *, size_t, unsigned *, unsigned *);
	void		*locate_arg;
	char		*path;
	char		*shown;		/* the name in diagnostics */
	char		*tmpdir;
	char		*sheet_title;
	char		*doc_title;
	char		**names;
	size_t		 nfields;
	lxw_workbook	*wb;
	lxw_worksheet	*ws;		/* the data sheet being filled */
	time_t		 when;		/* without SOURCE_DATE_EPOCH */
	lxw_format	*bold;
	unsigned	 sheets;	/* data sheets so far */
	unsigned long	 limit;		/* rows per sheet, header included */
	lxw_row_t	 row;		/* next row in ws */
	json_t		*dict;		/* fields for the dictionary, or NULL */
};

/* Where a cell came from, for warnings and errors. */
struct at {
	struct loc	 l;
	const char	*field;
};

/* Append the first "max" bytes of "s" (whole UTF-8 characters) to "b". */
static void
put_short(struct buf *b, const char *s, size_t max)
{
	size_t	 len = strlen(s);

	if (len <= max) {
		buf_put(b, s, len);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	buf_put(b, s, max);
	buf_puts(b, "...");
}

/*
 * Sheet name number "n" (1 for the first) from "title": characters Excel
 * refuses become '_', leading and trailing apostrophes go, and the title
 * is cut so that it and " (n)" fit in SHEET_CHARS characters.
 */
static void
sheet_name(struct buf *b, const char *title, unsigned n)
{
	char		 suffix[16] = "";
	size_t		 chars = 0, max;
	const char	*p;

	if (n > 1)
		snprintf(suffix, sizeof(suffix), " (%u)", n);
	max = SHEET_CHARS - strlen(suffix);
	while (*title == '\'')
		title++;
	for (p = title; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80 && chars++ == max)
			break;
		buf_putc(b, strchr("[]:*?/\\", *p) ? '_' : *p);
	}
	while (b->len > 0 && b->data[b->len - 1] == '\'')
		buf_truncate(b, b->len - 1);
	if (b->len == 0)
		buf_puts(b, "data");
	buf_puts(b, suffix);
}

/* Report a libxlsxwriter error "e" about "what". */
static int
lxw_fail(struct xlsx *x, const struct loc *l, const char *what, lxw_error e)
{
	struct loc	 here = { x->shown, 0, 0 };

	return diag_error(x->d, l ? l : &here, "%s: %s", what,
	    lxw_strerror(e));
}

static const char	*keep_escapes(struct buf *, const char *);

/* Write the bold header "names" in row 0 of "ws" and freeze it. */
static int
header(struct xlsx *x, lxw_worksheet *ws, const char *const *names,
    size_t n)
{
	struct buf	 b = BUF_INIT;
	lxw_error	 e = LXW_NO_ERROR;
	size_t		 i;

	for (i = 0; i < n && e == LXW_NO_ERROR; i++)
		e = worksheet_write_string(ws, 0, (lxw_col_t)i,
		    keep_escapes(&b, names[i]), x->bold);
	buf_release(&b);
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, NULL, _("cannot write header"), e);
	worksheet_freeze_panes(ws, 1, 0);
	return 1;
}

/* Add the next data sheet with its header; 1, or 0 after reporting. */
static int
next_sheet(struct xlsx *x)
{
	struct loc	 l = { x->shown, 0, 0 };
	struct buf	 name = BUF_INIT;
	lxw_worksheet	*ws;
	int		 rc = 0;

	sheet_name(&name, x->sheet_title, x->sheets + 1);
	if ((ws = workbook_add_worksheet(x->wb, name.data)) == NULL) {
		diag_error(x->d, &l, "cannot add sheet '%s'", name.data);
		goto out;
	}
	if (!header(x, ws, (const char *const *)x->names, x->nfields))
		goto out;
	x->ws = ws;
	x->sheets++;
	x->row = 1;
	rc = 1;
out:
	buf_release(&name);
	return rc;
}

/* "dir" of "dir/file", or "." */
static char *
dir_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

void
xlsx_set_display(struct xlsx *x, const char *name)
{
	free(x->shown);
	x->shown = xstrdup(name);
}

struct xlsx *
xlsx_new(struct diag *d, const char *path, const char *sheet_title,
    const char *const *field_names, size_t nfields)
{
	struct loc		 l = { path, 0, 0 };
	lxw_workbook_options	 opt;
	struct xlsx		*x;
	size_t			 i;

	if (!archive_check_epoch(d))
		return NULL;
	if (nfields == 0 || nfields > LXW_COL_MAX) {
		diag_error(d, &l, "a spreadsheet holds 1 to %d fields, not %zu",
		    LXW_COL_MAX, nfields);
		return NULL;
	}
	x = xcalloc(1, sizeof(*x));
	x->d = d;
	x->path = xstrdup(path);
	x->shown = xstrdup(path);
	x->tmpdir = dir_of(path);
	x->sheet_title = xstrdup(sheet_title);
	x->doc_title = xstrdup(sheet_title);
	x->names = xcalloc(nfields, sizeof(char *));
	for (i = 0; i < nfields; i++)
		x->names[i] = xstrdup(field_names[i]);
	x->nfields = nfields;
	x->limit = XLSX_ROW_MAX;
	/* Else libxlsxwriter puts its temporary files elsewhere and prints
	 * its own message when it fails to write the file at the end. */
	if (access(x->tmpdir, W_OK) == -1) {
		diag_syserr(d, x->tmpdir, "cannot write spreadsheet there");
		goto fail;
	}
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = x->tmpdir;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		diag_error(d, &l, "cannot start spreadsheet");
		goto fail;
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	if (!next_sheet(x))
		goto fail;
	return x;
fail:
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	x->wb = NULL;
	xlsx_close(x);
	return NULL;
}

void
xlsx_set_title(struct xlsx *x, const char *title)
{
	free(x->doc_title);
	x->doc_title = xstrdup(title);
}

void
xlsx_set_time(struct xlsx *x, time_t t)
{
	x->when = t;
}

void
xlsx_set_row_limit(struct xlsx *x, unsigned long rows)
{
	assert(rows >= 2 && rows <= XLSX_ROW_MAX);
	x->limit = rows;
}

/* 1 if "p" is "_x", one or more hex digits and "_". */
static int
escape_like(const char *p)
{
	size_t	 i = 2;

	if (p[0] != '_' || p[1] != 'x')
		return 0;
	while (isxdigit((unsigned char)p[i]))
		i++;
	return i > 2 && p[i] == '_';
}

/*
 * Spreadsheet XML writes characters that XML cannot hold as "_xHHHH_"
 * (libxlsxwriter does so for control characters), and readers decode
 * every such sequence, LibreOffice even with fewer digits ("_xa_" is a
 * newline there).  Text that already holds one gets its '_' written as
 * "_x005F_", so "_x0041_" and "dong_xa_hoi" read back as themselves.
 * Returns "s", or the escaped copy in "b".
 */
static const char *
keep_escapes(struct buf *b, const char *s)
{
	const char	*p;

	if (strstr(s, "_x") == NULL)
		return s;
	buf_reset(b);
	for (p = s; *p != '\0'; p++) {
		if (escape_like(p))
			buf_puts(b, "_x005F");
		buf_putc(b, *p);
	}
	return b->data;
}

/*
 * Write the text "s" at "row", "col" of "ws".  "at" says where a data
 * cell came from (NULL in the dictionary); "warn" asks for the formula
 * warning.  Returns 1, or 0 after reporting.
 */
/*
 * 1 if a spreadsheet would run "s" as a formula: it starts with '=',
 * '+', '-', '@' or the full-width '＝' (U+FF1D, which some spreadsheets
 * read as '=') and goes on with something other than a space, or it
 * starts with a TAB, CR or LF (which spreadsheets skip before looking
 * at the next character) and goes on at all.  A lone "=" or "-" (an
 * operator or a placeholder) is not one.
 */
/* Where the cell in column "col" of the row being written came from. */
static struct loc
place(const struct xlsx *x, const struct at *at, lxw_col_t col)
{
	struct loc	 l = at->l;
	unsigned	 line, c;

	if (x->locate != NULL) {
		x->locate(x->locate_arg, col, &line, &c);
		if (line != 0) {
			l.line = line;
			l.col = c;
		}
	}
	return l;
}

static int
formula(const char *s)
{
	if (s[0] != '\0' && strchr("\t\r\n", s[0]) != NULL)
		return s[1] != '\0';
	if (strncmp(s, "\xef\xbc\x9d", 3) == 0)	/* U+FF1D FULLWIDTH EQUALS */
		return s[3] != '\0' && s[3] != ' ';
	return s[0] != '\0' && strchr("=+-@", s[0]) != NULL &&
	    s[1] != '\0' && s[1] != ' ';
}

static void
warn_formula(struct diag *d, const struct loc *l, const char *field,
    const char *s)
{
	struct buf	 b = BUF_INIT;

	put_short(&b, s, QUOTE_BYTES);
	diag_warning(d, l, "field '%s': '%s' looks like a spreadsheet "
	    "formula; stored as text", field, b.data);
	buf_release(&b);
}

static void
warn_large(struct diag *d, const struct loc *l, const char *field,
    json_int_t i)
{
	diag_warning(d, l, "field '%s': %lld is too large for a spreadsheet "
	    "number; stored as text", field, (long long)i);
}

void
xlsx_lint(struct diag *d, const struct loc *l, const char *field,
    const json_t *v)
{
	json_int_t	 i;

	if (json_is_string(v) && formula(json_string_value(v)))
		warn_formula(d, l, field, json_string_value(v));
	else if (json_is_integer(v) && ((i = json_integer_value(v)) >
	    EXACT_MAX || i < -EXACT_MAX))
		warn_large(d, l, field, i);
}

static int
text(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const char *s, const struct at *at, int warn)
{
	struct loc	 here = { x->shown, 0, 0 };
	const struct loc *l = at ? &at->l : &here;
	const char	*field = at ? at->field : "?";
	struct buf	 b = BUF_INIT;
	lxw_error	 e;

	if (warn && formula(s)) {
		struct loc	 w = at ? place(x, at, col) : here;

		warn_formula(x->d, &w, field, s);
	}
	e = worksheet_write_string(ws, row, col, keep_escapes(&b, s), NULL);
	buf_release(&b);
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return diag_error(x->d, l, "field '%s': text longer than a "
		    "spreadsheet cell holds (%d characters)", field,
		    CELL_CHARS);
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, l, _("cannot write cell"), e);
	return 1;
}

/* Write the typed value "v" (NULL for blank) at column "col". */
static int
cell(struct xlsx *x, lxw_col_t col, json_t *v, const struct at *at)
{
	lxw_error	 e = LXW_NO_ERROR;
	json_int_t	 i;
	char		*s;
	int		 rc;

	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_NULL:
		return 1;
	case JSON_TRUE:
	case JSON_FALSE:
		e = worksheet_write_boolean(x->ws, x->row, col,
		    json_is_true(v), NULL);
		break;
	case JSON_REAL:
		e = worksheet_write_number(x->ws, x->row, col,
		    json_real_value(v), NULL);
		break;
	case JSON_INTEGER:
		i = json_integer_value(v);
		if (i > EXACT_MAX || i < -EXACT_MAX) {
			struct loc	 w = place(x, at, col);

			warn_large(x->d, &w, at->field, i);
			s = xasprintf("%" JSON_INTEGER_FORMAT, i);
			rc = text(x, x->ws, x->row, col, s, at, 0);
			free(s);
			return rc;
		}
		e = worksheet_write_number(x->ws, x->row, col, (double)i,
		    NULL);
		break;
	case JSON_STRING:
		return text(x, x->ws, x->row, col, json_string_value(v), at,
		    1);
	default:
		s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		rc = text(x, x->ws, x->row, col, s ? s : "", at, 0);
		free(s);
		return rc;
	}
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, &at->l, _("cannot write cell"), e);
	return 1;
}

int
xlsx_row(struct xlsx *x, json_t *const *typed, size_t n,
    unsigned source_line, const char *csvfile)
{
	struct at	 at = { { csvfile, source_line, 0 }, NULL };
	size_t		 i;
	int		 rc = 1;

	assert(n <= x->nfields);
	if (x->row >= x->limit && !next_sheet(x))
		return 0;
	for (i = 0; i < n; i++) {
		at.field = x->names[i];
		if (!cell(x, (lxw_col_t)i, typed[i], &at))
			rc = 0;
	}
	x->row++;
	return rc;
}

void
xlsx_set_locate(struct xlsx *x, void (*fn)(void *, size_t, unsigned *,
    unsigned *), void *arg)
{
	x->locate = fn;
	x->locate_arg = arg;
}

int
xlsx_dictionary(struct xlsx *x, json_t *fields)
{
	struct loc	 l = { x->shown, 0, 0 };

	if (!json_is_array(fields))
		return diag_error(x->d, &l, "dictionary: fields is not a list");
	json_decref(x->dict);
	x->dict = json_incref(fields);
	return 1;
}

/* A field's "key" as text: a string as it is, anything else as JSON. */
static void
as_text(struct buf *b, const json_t *v)
{
	char	*s;

	if (v == NULL || json_is_null(v))
		return;
	if (json_is_string(v)) {
		buf_puts(b, json_string_value(v));
		return;
	}
	if ((s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) != NULL)
		buf_puts(b, s);
	free(s);
}

/* "required: true; minimum: 0" from a constraints object. */
static void
constraints(struct buf *b, json_t *c)
{
	const char	*key;
	json_t		*v;

	if (!json_is_object(c)) {
		as_text(b, c);
		return;
	}
	json_object_foreach(c, key, v) {
		if (b->len > 0)
			buf_puts(b, "; ");
		buf_printf(b, "%s: ", key);
		as_text(b, v);
	}
}

/* Write the dictionary sheet from x->dict, as the last sheet. */
static int
dictionary(struct xlsx *x)
{
	static const char *const cols[] = { "name", "type", "title",
	    "description", "unit", "constraints" };
	static const char *const keys[] = { "name", "type", "title",
	    "description", "unit" };
	const char	*name = "dictionary";
	struct loc	 l = { x->shown, 0, 0 };
	struct buf	 b = BUF_INIT;
	lxw_worksheet	*ws;
	json_t		*f;
	size_t		 i, k;
	int		 rc = 0;

	if (workbook_get_worksheet_by_name(x->wb, name) != NULL)
		name = "dictionary (fields)";
	if ((ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		diag_error(x->d, &l, "cannot add sheet '%s'", name);
		goto out;
	}
	if (!header(x, ws, cols, 6))
		goto out;
	json_array_foreach(x->dict, i, f) {
		for (k = 0; k < 6; k++) {
			buf_reset(&b);
			if (k < 5)
				as_text(&b, json_object_get(f, keys[k]));
			else
				constraints(&b, json_object_get(f,
				    "constraints"));
			if (k == 1 && b.len == 0)
				buf_puts(&b, "string");
			if (!text(x, ws, (lxw_row_t)(i + 1), (lxw_col_t)k,
			    b.data, NULL, 0))
				goto out;
		}
	}
	rc = 1;
out:
	buf_release(&b);
	return rc;
}

int
xlsx_close(struct xlsx *x)
{
	lxw_doc_properties	 props;
	lxw_error		 e;
	size_t			 i;
	int			 rc = 0;

	if (x == NULL)
		return 0;
	if (x->wb == NULL)
		goto out;
	if (x->dict != NULL && !dictionary(x))
		goto close;
	memset(&props, 0, sizeof(props));
	props.title = x->doc_title;
	props.created = archive_epoch(x->when);
	if (props.created < EPOCH_MIN)
		props.created = EPOCH_MIN;	/* 0 would mean "now" */
	if ((e = workbook_set_properties(x->wb, &props)) != LXW_NO_ERROR) {
		lxw_fail(x, NULL, _("cannot set document properties"), e);
		goto close;
	}
	rc = 1;
close:
	if ((e = workbook_close(x->wb)) != LXW_NO_ERROR)
		rc = lxw_fail(x, NULL, _("cannot write spreadsheet"), e);
out:
	for (i = 0; i < x->nfields; i++)
		free(x->names[i]);
	free(x->names);
	json_decref(x->dict);
	free(x->doc_title);
	free(x->sheet_title);
	free(x->tmpdir);
	free(x->path);
	free(x->shown);
	free(x);
	return rc;
}
