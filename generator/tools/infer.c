/*
 * Schema inference, before the pipeline: planpress new dataset calls
 * infer_copy() once to turn a CSV file from elsewhere into the CSV half
 * of a dataset, and writes the metadata half from the result
 * (scaffold.c).  The file is streamed: read in chunks, converted to NFC
 * UTF-8 (from a legacy encoding when encoding.c recognises one), parsed
 * with libcsv as dataset.c parses it, and written out record by record,
 * while each column narrows a set of candidate types.  Memory grows only
 * with the set of first-column values that the primary key needs.
 *
 *	read -> encoding_to_utf8() -> libcsv -> header: names, titles
 *					      -> rows: candidates, copy
 */
#include "infer.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "text.h"
#include "xalloc.h"

#define CHUNK		65536
#define ERRORS_MAX	10

/* Candidate types of a column, narrowed by every cell. */
enum {
	C_BOOL = 1 << 0,
	C_INT = 1 << 1,
	C_YEAR = 1 << 2,
	C_NUM = 1 << 3,
	C_DATE = 1 << 4,
	C_INTG = 1 << 5,	/* integer, groupChar ".": 1.234.567 */
	C_NUMC = 1 << 6,	/* number, decimalChar ",": 8,28 1.234,5 */
	C_DMY = 1 << 7,		/* date, format "%d/%m/%Y": 16/05/2024 */
	C_ALL = (1 << 8) - 1
};

struct col {
	unsigned	 cand;
	int		 empty;		/* some cell is empty */
	int		 any;		/* some cell is not */
	int		 yearish;	/* the name says it holds years */
	int		 grouped;	/* some number had a '.' group */
	struct buf	 min, max;	/* of date or year values, ISO */
};

struct rd {
	struct diag	*d;
	const char	*display;
	struct infer	*inf;
	struct col	*cols;
	struct csv_parser csv;
	FILE		*out;
	int		 outerr;	/* errno of a failed write */
	enum encoding	 enc;
	int		 moj;
	unsigned long long off;		/* bytes of input converted */
	unsigned	 line, col;	/* of the next text fed to libcsv */
	unsigned	 recline;	/* where the open record began */
	int		 header;	/* the header was read */
	struct buf	 text;		/* the record's cells, NUL after each */
	size_t		*offs;
	size_t		 ncells, cap;
	json_t		*keys;		/* first-column values; NULL when
					   they are known not to be a key */
	size_t		 errors;
	int		 stop;
};

static void	report(struct rd *, unsigned, unsigned, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

static void
report(struct rd *r, unsigned line, unsigned col, const char *fmt, ...)
{
	struct loc	 at = { r->display, line, col };
	va_list		 ap;

	if (++r->errors > ERRORS_MAX) {
		r->stop = 1;
		return;
	}
	va_start(ap, fmt);
	diag_vadd(r->d, DIAG_ERROR, &at, fmt, ap);
	va_end(ap);
}

/* Types. */

static int
leading_zero(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return s[0] == '0' && s[1] >= '0' && s[1] <= '9';
}

/* The default trueValues and falseValues of schema.c. */
static int
boolean(const char *s)
{
	static const char *const v[] = { "true", "True", "TRUE", "1",
	    "false", "False", "FALSE", "0", NULL };
	size_t	 i;

	for (i = 0; v[i]; i++)
		if (strcmp(s, v[i]) == 0)
			return 1;
	return 0;
}

static int
year(const char *s, size_t len)
{
	return len == 4 && (s[0] == '1' || s[0] == '2') &&
	    schema_valid(SCHEMA_YEAR, s);
}

/*
 * The length of the run of ASCII digits at "s", at most "max"; 0 when
 * there is none.
 */
static size_t
digits(const char *s, size_t max)
{
	size_t	 n = 0;

	while (n < max && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/*
 * 1 if "s" is an integer with '.' between groups of three digits,
 * "1.234.567"; "*groups" is set to the number of '.' (0 for "1234").
 */
static int
grouped_int(const char *s, size_t len, size_t *groups)
{
	size_t	 i = 0, n;

	*groups = 0;
	if (len > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	if ((n = digits(s + i, len - i)) == 0 || (s[i] == '0' && n > 1))
		return 0;
	if (n > 3 && i + n < len)
		return 0;
	for (i += n; i < len; i += 4, ++*groups)
		if (s[i] != '.' || len - i < 4 || digits(s + i + 1, 3) != 3)
			return 0;
	return 1;
}

/* 1 if "s" is a number with a decimal comma: "8,28", "1.234,5", "-0,5". */
static int
comma_number(const char *s, size_t len, size_t *groups)
{
	const char	*c = memchr(s, ',', len);
	size_t		 n;

	if (c == NULL)
		return grouped_int(s, len, groups);
	n = (size_t)(c - s);
	if (n == 0 || !grouped_int(s, n, groups) ||
	    (n == 1 && (s[0] == '-' || s[0] == '+')))
		return 0;
	return len - n - 1 > 0 && digits(c + 1, len - n - 1) == len - n - 1;
}

/*
 * "dd/mm/yyyy" (day and month of one or two digits) as a valid ISO
 * date into "iso", or 0.
 */
static int
dmy(const char *s, size_t len, char iso[11])
{
	size_t	 d = digits(s, 3), m, y;

	if (d < 1 || d > 2 || s[d] != '/')
		return 0;
	m = digits(s + d + 1, 3);
	if (m < 1 || m > 2 || s[d + 1 + m] != '/')
		return 0;
	y = digits(s + d + m + 2, 5);
	if (y != 4 || d + m + 2 + y != len)
		return 0;
	snprintf(iso, 11, "%.4s-%s%.*s-%s%.*s", s + d + m + 2,
	    m == 1 ? "0" : "", (int)m, s + d + 1, d == 1 ? "0" : "", (int)d,
	    s);
	return schema_valid(SCHEMA_DATE, iso);
}

/* Which of the candidates "cand" the cell "s" fits. */
static unsigned
fits(struct col *c, unsigned cand, const char *s, size_t len)
{
	unsigned	 ok = 0;
	int		 lz = leading_zero(s);
	size_t		 groups;
	char		 iso[11];

	if ((cand & C_BOOL) && boolean(s))
		ok |= C_BOOL;
	if ((cand & C_INT) && !lz && schema_valid(SCHEMA_INTEGER, s))
		ok |= C_INT;
	if ((cand & C_YEAR) && year(s, len))
		ok |= C_YEAR;
	if ((cand & C_NUM) && !lz && schema_valid(SCHEMA_NUMBER, s))
		ok |= C_NUM;
	if ((cand & C_DATE) && schema_valid(SCHEMA_DATE, s))
		ok |= C_DATE;
	if ((cand & C_INTG) && grouped_int(s, len, &groups)) {
		ok |= C_INTG;
		c->grouped |= groups > 0;
	}
	if ((cand & C_NUMC) && comma_number(s, len, &groups)) {
		ok |= C_NUMC;
		c->grouped |= groups > 0;
	}
	if ((cand & C_DMY) && dmy(s, len, iso))
		ok |= C_DMY;
	return ok;
}

/*
 * The candidate a column with candidates "c" gets, most specific first:
 * plain integers before grouped ones ("1.234" is 1234, not 1.234),
 * grouped integers before numbers with a decimal point, and those
 * before numbers with a decimal comma.  0 for a string.
 */
static unsigned
pickbit(const struct col *c)
{
	static const unsigned order[] = { C_INT, C_INTG, C_NUM, C_NUMC,
	    C_BOOL, C_DATE, C_DMY };
	size_t	 i;

	if (!c->any)
		return 0;
	if ((c->cand & C_YEAR) && c->yearish)
		return C_YEAR;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (c->cand & order[i])
			return order[i];
	return 0;
}

/* The Table Schema type of the candidate "bit". */
static enum schema_type
type(unsigned bit)
{
	switch (bit) {
	case C_BOOL: return SCHEMA_BOOLEAN;
	case C_INT: case C_INTG: return SCHEMA_INTEGER;
	case C_YEAR: return SCHEMA_YEAR;
	case C_NUM: case C_NUMC: return SCHEMA_NUMBER;
	case C_DATE: case C_DMY: return SCHEMA_DATE;
	default: return SCHEMA_STRING;
	}
}

/* 1 if a name slugged from a header says the column holds years. */
static int
yearish(const char *name)
{
	return strcmp(name, "year") == 0 || strcmp(name, "nam") == 0 ||
	    strncmp(name, "nam_", 4) == 0 || strncmp(name, "year_", 5) == 0 ||
	    strstr(name, "_year") != NULL;
}

static void
minmax(struct col *c, const char *s, size_t len)
{
	char	 iso[11];

	if (!(c->cand & (C_DATE | C_YEAR | C_DMY)))
		return;
	if (!(c->cand & (C_DATE | C_YEAR))) {
		if (!dmy(s, len, iso))
			return;
		s = iso;
		len = 10;
	}
	if (c->min.len == 0 || strcmp(s, c->min.data) < 0) {
		buf_reset(&c->min);
		buf_put(&c->min, s, len);
	}
	if (c->max.len == 0 || strcmp(s, c->max.data) > 0) {
		buf_reset(&c->max);
		buf_put(&c->max, s, len);
	}
}

/*
 * One cell of data row "row" (1-based): the first INFER_ROWS rows
 * narrow the candidates; a later cell only widens the type it breaks.
 */
static void
cell(struct col *c, size_t row, const char *s, size_t len)
{
	unsigned	 t;

	if (len == 0) {
		c->empty = 1;
		return;
	}
	c->any = 1;
	if (row <= INFER_ROWS)
		c->cand = fits(c, c->cand, s, len);
	else if ((t = pickbit(c)) != 0 && !fits(c, t, s, len))
		c->cand = fits(c, c->cand & ~t, s, len);
	minmax(c, s, len);
}

/* Records. */

static const char *
celltext(const struct rd *r, size_t i)
{
	return r->text.data + r->offs[i];
}

static void
put(struct rd *r, const char *s, size_t len)
{
	if (r->outerr == 0 && fwrite(s, 1, len, r->out) != len)
		r->outerr = errno ? errno : EIO;
}

/* Write a cell, quoted when it holds a comma, a quote or a line end. */
static void
putcell(struct rd *r, const char *s, size_t len)
{
	size_t	 i;

	if (strcspn(s, ",\"\r\n") == len) {
		put(r, s, len);
		return;
	}
	put(r, "\"", 1);
	for (i = 0; i < len; i++)
		put(r, s[i] == '"' ? "\"\"" : &s[i], s[i] == '"' ? 2 : 1);
	put(r, "\"", 1);
}

/* A field name from header text: "Giá trị (%)" -> "gia_tri", unique. */
static char *
fieldname(const struct infer *inf, const char *title, size_t i)
{
	char	*slug = text_slugify(title), *name, *p;
	size_t	 j, k = 1;

	for (p = slug; *p; p++)
		if (*p == '-')
			*p = '_';
	name = *slug ? xstrdup(slug) : xasprintf("column_%zu", i + 1);
	for (j = 0; j < i; j++)
		if (strcmp(inf->fields[j].name, name) == 0) {
			free(name);
			name = xasprintf("%s_%zu", *slug ? slug :
			    "column", ++k);
			j = (size_t)-1;		/* check the new name again */
		}
	free(slug);
	return name;
}

static void
header(struct rd *r)
{
	struct infer	*inf = r->inf;
	size_t		 i;

	inf->nfields = r->ncells;
	inf->fields = xcalloc(r->ncells, sizeof(*inf->fields));
	r->cols = xcalloc(r->ncells, sizeof(*r->cols));
	for (i = 0; i < r->ncells; i++) {
		inf->fields[i].title = xstrdup(celltext(r, i));
		inf->fields[i].name = fieldname(inf, celltext(r, i), i);
		r->cols[i].cand = C_ALL;
		r->cols[i].yearish = yearish(inf->fields[i].name);
		buf_init(&r->cols[i].min);
		buf_init(&r->cols[i].max);
		if (i > 0)
			put(r, ",", 1);
		put(r, inf->fields[i].name, strlen(inf->fields[i].name));
	}
	put(r, "\n", 1);
	r->header = 1;
}

/* The first column: still a candidate primary key? */
static void
key(struct rd *r, const char *s)
{
	if (r->keys == NULL)
		return;
	if (*s == '\0' || json_object_get(r->keys, s) != NULL) {
		json_decref(r->keys);
		r->keys = NULL;
		return;
	}
	json_object_set_new(r->keys, s, json_true());
}

static void
row(struct rd *r)
{
	size_t	 i, n = r->inf->nfields;

	r->inf->rows++;
	if (r->ncells != n) {
		report(r, r->recline, 0, ngettext("row has %zu cell, but the "
		    "header has %zu", "row has %zu cells, but the header has "
		    "%zu", r->ncells), r->ncells, n);
		return;
	}
	key(r, celltext(r, 0));
	for (i = 0; i < n; i++) {
		cell(&r->cols[i], r->inf->rows, celltext(r, i),
		    r->offs[i + 1] - r->offs[i] - 1);
		if (i > 0)
			put(r, ",", 1);
		putcell(r, celltext(r, i), r->offs[i + 1] - r->offs[i] - 1);
	}
	put(r, "\n", 1);
}

static void
on_field(void *s, size_t len, void *arg)
{
	struct rd	*r = arg;

	if (r->ncells + 2 > r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->offs = xreallocarray(r->offs, r->cap, sizeof(*r->offs));
	}
	if (r->ncells == 0) {
		buf_reset(&r->text);
		r->offs[0] = 0;
	}
	buf_put(&r->text, s, len);
	buf_putc(&r->text, '\0');
	r->offs[++r->ncells] = r->text.len;
}

static void
on_record(int c, void *arg)
{
	struct rd	*r = arg;

	(void)c;
	if (r->stop || r->ncells == 0)
		;
	else if (!r->header)
		header(r);
	else
		row(r);
	r->ncells = 0;
	r->recline = 0;
}

/* Input. */

static void
bad_csv(struct rd *r, int c)
{
	if (csv_error(&r->csv) != CSV_EPARSE)
		report(r, r->line, r->col, "cannot read the CSV: %s",
		    csv_strerror(csv_error(&r->csv)));
	else if (c == '"')
		report(r, r->line, r->col, "stray '\"' in an unquoted cell "
		    "(quote the whole cell and write each '\"' as '\"\"')");
	else
		report(r, r->line, r->col, "unexpected text after the "
		    "closing '\"' of a quoted cell");
	r->stop = 1;
}

static void
advance(struct rd *r, const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] == '\n') {
			r->line++;
			r->col = 1;
		} else if ((p[i] & 0xC0) != 0x80)
			r->col++;
}

/* Feed NFC UTF-8 text to libcsv in pieces that end at ',', CR or LF. */
static void
feed(struct rd *r, const char *p, size_t len)
{
	size_t	 i = 0, j, n;

	while (i < len && !r->stop) {
		for (j = i; j < len && p[j] != ',' && p[j] != '\n' &&
		    p[j] != '\r'; j++)
			continue;
		if (j < len)
			j++;
		if (r->recline == 0 && p[i] != '\n' && p[i] != '\r')
			r->recline = r->line;
		n = csv_parse(&r->csv, p + i, j - i, on_field, on_record, r);
		if (n != j - i) {
			advance(r, p + i, n);
			bad_csv(r, (unsigned char)p[i + n]);
			return;
		}
		advance(r, p + i, j - i);
		i = j;
	}
}

/* What the first chunk of "n" bytes at "s" is written in. */
static void
sniff(struct rd *r, const char *s, size_t n, int eof)
{
	size_t	 bad = n;

	text_utf8_valid(s, n, &bad);
	r->moj = 0;
	if (bad + 4 <= n || (eof && bad < n))	/* not UTF-8 */
		r->enc = encoding_detect(s, n, &r->moj);
	else
		r->enc = encoding_detect(s, bad, &r->moj);
	r->inf->from = r->enc;
	r->inf->mojibake = r->moj;
}

/* Text that does not convert: say where, as dataset.c would. */
static void
unconvertible(struct rd *r, const char *s, size_t n)
{
	size_t		 bad = n;
	unsigned	 line, col;
	int		 moj = 0;
	enum encoding	 e;

	if (r->enc != ENCODING_UTF8 || r->moj) {
		report(r, r->line, 0, "cannot convert the text from %s (byte "
		    "offset %llu)", encoding_name(r->enc), r->off);
		return;
	}
	text_utf8_valid(s, n, &bad);
	text_position(s, bad, &line, &col);
	col = line == 1 ? r->col - 1 + col : col;
	line += r->line - 1;
	e = encoding_detect(s, n, &moj);
	if (e == ENCODING_UTF8)
		report(r, line, col, "invalid UTF-8 (byte offset %llu)",
		    r->off + bad);
	else
		report(r, line, col, "invalid UTF-8 (byte offset %llu): %s",
		    r->off + bad, encoding_advice(e, moj));
}

/*
 * Convert and feed what can be of the "n" bytes at "s" (up to a point
 * where no character spans the cut, or all at the end of the file);
 * returns the bytes used.
 */
static size_t
convert(struct rd *r, const char *s, size_t n, int eof)
{
	size_t	 cut = eof ? n : encoding_cut(s, n), len;
	char	*u, *nul;

	if (cut == 0)
		cut = n < CHUNK ? 0 : n;	/* no cut point in a chunk */
	if (cut == 0)
		return 0;
	if ((u = encoding_to_utf8(r->enc, r->moj, s, cut, &len)) == NULL) {
		unconvertible(r, s, cut);
		r->stop = 1;
		return cut;
	}
	if ((nul = memchr(u, '\0', len)) != NULL) {
		feed(r, u, (size_t)(nul - u));
		report(r, r->line, r->col, "file contains a NUL byte (byte "
		    "offset %llu)", r->off + (unsigned long long)(nul - u));
		r->stop = 1;
	} else
		feed(r, u, len);
	free(u);
	r->off += cut;
	return cut;
}

/* Read "in" to the end, or until an error; 1 if it was all read. */
static int
readall(struct rd *r, FILE *in)
{
	struct buf	 b = BUF_INIT;
	size_t		 got, used;
	int		 eof = 0, first = 1;

	while (!eof && !r->stop) {
		buf_grow(&b, CHUNK);
		got = fread(b.data + b.len, 1, CHUNK, in);
		b.len += got;
		if (ferror(in)) {
			diag_syserr(r->d, r->display, "cannot read");
			r->stop = 1;
			break;
		}
		eof = got < CHUNK;
		if (first)
			sniff(r, b.data, b.len, eof);
		first = 0;
		used = convert(r, b.data, b.len, eof);
		memmove(b.data, b.data + used, b.len - used);
		b.len -= used;
	}
	buf_release(&b);
	return !r->stop;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The end of the input: the last record, and what the file lacked. */
static void
finish(struct rd *r)
{
	struct infer_field	*f;
	size_t			 i;
	unsigned		 t;

	if (csv_fini(&r->csv, on_field, on_record, r) != 0)
		report(r, r->recline ? r->recline : r->line, 0, "quoted cell "
		    "is not closed before the end of the file");
	else if (!r->header)
		report(r, 0, 0, "the file is empty; its first line must be "
		    "the header");
	if (r->errors)
		return;
	for (i = 0; i < r->inf->nfields; i++) {
		f = &r->inf->fields[i];
		t = pickbit(&r->cols[i]);
		f->type = type(t);
		f->required = r->inf->rows > 0 && !r->cols[i].empty;
		if (t == C_DMY)
			f->format = "%d/%m/%Y";
		if (t == C_NUMC)
			f->decimal = ",";
		if (t == C_INTG || (t == C_NUMC && r->cols[i].grouped))
			f->group = ".";
		if (r->inf->start == NULL && (f->type == SCHEMA_DATE ||
		    f->type == SCHEMA_YEAR) && r->cols[i].min.len > 0) {
			r->inf->start = xstrdup(r->cols[i].min.data);
			r->inf->end = xstrdup(r->cols[i].max.data);
		}
	}
	r->inf->pkey = r->inf->rows > 0 && r->keys != NULL;
}

static FILE *
create(struct diag *d, const char *dst, const char *dstdisplay)
{
	int	 fd = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0666);
	FILE	*fp;

	if (fd == -1) {
		diag_syserr(d, dstdisplay, "cannot create");
		return NULL;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		diag_syserr(d, dstdisplay, "cannot create");
		close(fd);
		unlink(dst);
	}
	return fp;
}

struct infer *
infer_copy(struct diag *d, FILE *in, const char *display, const char *dst,
    const char *dstdisplay)
{
	struct rd	 r;
	size_t		 i, nc;
	int		 ok;

	memset(&r, 0, sizeof(r));
	if ((r.out = create(d, dst, dstdisplay)) == NULL)
		return NULL;
	r.d = d;
	r.display = display;
	r.inf = xcalloc(1, sizeof(*r.inf));
	r.line = r.col = 1;
	r.keys = json_object();
	buf_init(&r.text);
	csv_init(&r.csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&r.csv, no_space);
	if (readall(&r, in))
		finish(&r);
	nc = r.header ? r.inf->nfields : 0;
	ok = r.errors == 0 && !r.stop;
	if (fclose(r.out) != 0 && r.outerr == 0)
		r.outerr = errno;
	if (ok && r.outerr) {
		errno = r.outerr;
		ok = diag_syserr(d, dstdisplay, "cannot write");
	}
	if (!ok) {
		unlink(dst);
		infer_free(r.inf);
		r.inf = NULL;
	}
	for (i = 0; i < nc && r.cols; i++) {
		buf_release(&r.cols[i].min);
		buf_release(&r.cols[i].max);
	}
	free(r.cols);
	free(r.offs);
	buf_release(&r.text);
	json_decref(r.keys);
	csv_free(&r.csv);
	return r.inf;
}

void
infer_free(struct infer *inf)
{
	size_t	 i;

	if (inf == NULL)
		return;
	for (i = 0; i < inf->nfields; i++) {
		free(inf->fields[i].name);
		free(inf->fields[i].title);
	}
	free(inf->fields);
	free(inf->start);
	free(inf->end);
	free(inf);
}
