/*
 * Workbook reading, before the pipeline: planpress new dataset ID
 * FILE.xlsx calls xlsxread_csv() once to turn one sheet into CSV text,
 * then infer.c reads that text as it reads a CSV file (scaffold.c).
 * The workbook is a zip archive (libzip) of XML parts (expat), read in
 * this order:
 *
 *	xl/workbook.xml		the sheets, in order, and the date system
 *	xl/_rels/workbook.xml.rels	where the chosen sheet's part is
 *	xl/sharedStrings.xml	the strings cells refer to by number
 *	xl/styles.xml		which cell styles have a date format
 *	xl/worksheets/sheetN.xml	twice: first the used columns, the
 *				merged cells and the formulas without a
 *				value; then the rows, written as CSV
 *
 * Each part is streamed from the archive through expat, so memory holds
 * the shared strings and one row, never the sheet.  Element names are
 * matched without their namespace prefix ("x:c" is "c").
 */
#include "xlsxread.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>
#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "text.h"
#include "xalloc.h"

#define CHUNK		65536
#define COLS_MAX	16384		/* XFD */
#define ROWS_MAX	1048576
#define REPORTS_MAX	10		/* of each kind */

struct sheet {
	char		*name;
	char		*rid;		/* r:id, in workbook.xml.rels */
};

struct xr {
	struct diag	*d;
	const char	*path;
	zip_t		*za;
	XML_Parser	 p;
	int		 stop;		/* an error ended the parse */

	/* workbook.xml and its relationships */
	struct sheet	*sheets;
	size_t		 nsheets;
	int		 date1904;
	const struct sheet *want;
	char		*part;		/* "xl/worksheets/sheet1.xml" */

	/* sharedStrings.xml */
	char		**sst;
	size_t		 nsst, capsst;

	/* styles.xml: the kind of each cell style and custom format */
	unsigned char	*xf;
	size_t		 nxf;
	unsigned	*fmtid;
	unsigned char	*fmtkind;
	size_t		 nfmt;
	int		 incellxfs;

	/* text of the element being read */
	struct buf	 text;
	int		 intext;
	int		 inphonetic;	/* <rPh>: not part of the text */

	/* the sheet */
	int		 pass;		/* 1: measure, 2: write */
	unsigned	 row, col;	/* of the current cell */
	unsigned	 mincol, maxcol;	/* used columns, 1-based */
	unsigned	 ctype;		/* the cell's t= */
	unsigned	 cstyle;	/* its s= */
	int		 hasv, hasf, inis;
	struct buf	 rowtext;	/* pass 2: the row's cells */
	size_t		*rowoff;	/* per used column; SIZE_MAX: empty */
	int		 rowany;
	FILE		*out;
	size_t		 nformula, nmerged, nerror, nbad1900;
	unsigned	 rowcells;	/* pass 1: values in the row */
	unsigned	 headrow, headcells;	/* the first row with values */
	unsigned	 widest, widestrow;	/* the row with the most */
};

enum { T_NUMBER, T_SHARED, T_INLINE, T_STR, T_BOOL, T_ERROR, T_DATE };

/* Reporting. */

static void	problem(struct xr *, enum diag_level, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
problem(struct xr *x, enum diag_level lv, const char *fmt, ...)
{
	struct loc	 at = { x->path, 0, 0 };
	va_list		 ap;

	va_start(ap, fmt);
	diag_vadd(x->d, lv, &at, fmt, ap);
	va_end(ap);
}

/* "B7" for column 2, row 7. */
static void
cellref(char out[16], unsigned col, unsigned row)
{
	char	 l[8];
	size_t	 n = 0, i;

	for (; col > 0 && n < sizeof(l); col = (col - 1) / 26)
		l[n++] = (char)('A' + (col - 1) % 26);
	for (i = 0; i < n; i++)
		out[i] = l[n - 1 - i];
	snprintf(out + n, 16 - n, "%u", row);
}

/* Parse "B7" into column and row, 1-based; 0 if it is not a reference. */
static int
parseref(const char *s, unsigned *col, unsigned *row)
{
	unsigned long	 c = 0, r = 0;

	for (; *s >= 'A' && *s <= 'Z' && c <= COLS_MAX; s++)
		c = c * 26 + (unsigned long)(*s - 'A' + 1);
	for (; *s >= '0' && *s <= '9' && r <= ROWS_MAX; s++)
		r = r * 10 + (unsigned long)(*s - '0');
	if (*s != '\0' || c == 0 || c > COLS_MAX || r > ROWS_MAX)
		return 0;
	*col = (unsigned)c;
	*row = (unsigned)r;		/* 0 when only a column is given */
	return 1;
}

/* XML. */

static const char *
local(const char *name)
{
	const char	*c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static const char *
attr(const char **a, const char *name)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

static void
on_text(void *ud, const XML_Char *s, int len)
{
	struct xr	*x = ud;

	if (x->intext && !x->inphonetic)
		buf_put(&x->text, s, (size_t)len);
}

/*
 * "_x000D_" and the like, OOXML's escapes for characters XML cannot
 * hold, decoded in place in "b"; "_x005F_" is a literal '_'.
 */
static void
unescape(struct buf *b)
{
	char		*s = b->data, *w = b->data;
	size_t		 i = 0, n = b->len;
	unsigned long	 cp;
	char		*end, hex[5];

	while (i < n) {
		if (n - i >= 7 && s[i] == '_' && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			memcpy(hex, s + i + 2, 4);
			hex[4] = '\0';
			cp = strtoul(hex, &end, 16);
			if (end == hex + 4 && strspn(hex,
			    "0123456789abcdefABCDEF") == 4 && cp < 0x80) {
				if (cp != '\r')
					*w++ = (char)cp;
				i += 7;
				continue;
			}
		}
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;
			continue;
		}
		*w++ = s[i++];
	}
	buf_truncate(b, (size_t)(w - b->data));
}

/*
 * Stream the part "name" through expat with the handlers given; returns
 * 1, 0 after reporting, or -1 when the part is absent and "optional".
 */
static int
parse(struct xr *x, const char *name, int optional,
    XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_file_t	*zf;
	char		*chunk;
	zip_int64_t	 n;
	int		 rc = 1, last = 0;

	if ((zf = zip_fopen(x->za, name, ZIP_FL_NOCASE)) == NULL) {
		if (optional)
			return -1;
		problem(x, DIAG_ERROR, "not an Excel workbook (.xlsx): it has "
		    "no %s; save it from Excel or LibreOffice as .xlsx, or "
		    "as .csv", name);
		return 0;
	}
	x->p = XML_ParserCreate("UTF-8");
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, on_text);
	chunk = xmalloc(CHUNK);
	x->stop = 0;
	while (rc && !last && !x->stop) {
		if ((n = zip_fread(zf, chunk, CHUNK)) < 0) {
			problem(x, DIAG_ERROR, "cannot read %s in the "
			    "workbook: %s", name, zip_file_strerror(zf));
			rc = 0;
			break;
		}
		last = n == 0;
		if (XML_Parse(x->p, chunk, (int)n, last) == XML_STATUS_ERROR &&
		    !x->stop) {
			problem(x, DIAG_ERROR, "broken XML in %s, line %lu: "
			    "%s", name, (unsigned long)
			    XML_GetCurrentLineNumber(x->p),
			    XML_ErrorString(XML_GetErrorCode(x->p)));
			rc = 0;
		}
	}
	if (x->stop)
		rc = 0;
	free(chunk);
	XML_ParserFree(x->p);
	x->p = NULL;
	zip_fclose(zf);
	buf_reset(&x->text);
	x->intext = x->inphonetic = 0;
	return rc;
}

/* The workbook: its sheets and date system. */

static void
wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr	*x = ud;
	const char	*n = local(name), *v, *id;

	if (strcmp(n, "workbookPr") == 0 && (v = attr(a, "date1904")))
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	if (strcmp(n, "sheet") != 0 || (v = attr(a, "name")) == NULL ||
	    (id = attr(a, "id")) == NULL)
		return;
	x->sheets = xreallocarray(x->sheets, x->nsheets + 1,
	    sizeof(*x->sheets));
	x->sheets[x->nsheets].name = xstrdup(v);
	x->sheets[x->nsheets].rid = xstrdup(id);
	x->nsheets++;
}

static void
no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static void
rel_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr	*x = ud;
	const char	*id, *t;

	if (strcmp(local(name), "Relationship") != 0 || x->part != NULL ||
	    (id = attr(a, "Id")) == NULL || (t = attr(a, "Target")) == NULL ||
	    strcmp(id, x->want->rid) != 0)
		return;
	x->part = *t == '/' ? xstrdup(t + 1) : xasprintf("xl/%s", t);
}

/* Choose the sheet "sheet" (NULL: the first) and find its part. */
static int
choose(struct xr *x, const char *sheet)
{
	struct buf	 names = BUF_INIT;
	size_t		 i;
	int		 rc;

	for (i = 0; i < x->nsheets && sheet != NULL; i++)
		if (strcmp(x->sheets[i].name, sheet) == 0)
			break;
	if (x->nsheets == 0) {
		problem(x, DIAG_ERROR, "the workbook has no sheet");
		return 0;
	}
	if (i == x->nsheets) {
		for (i = 0; i < x->nsheets; i++) {
			buf_puts(&names, i ? ", " : "");
			text_quote(&names, x->sheets[i].name,
			    strlen(x->sheets[i].name));
		}
		problem(x, DIAG_ERROR, "no sheet named '%s'; the workbook has "
		    "%s", sheet, names.data);
		buf_release(&names);
		return 0;
	}
	x->want = &x->sheets[sheet ? i : 0];
	rc = parse(x, "xl/_rels/workbook.xml.rels", 0, rel_start, no_end);
	if (rc && x->part == NULL) {
		problem(x, DIAG_ERROR, "the workbook does not say where the "
		    "sheet '%s' is", x->want->name);
		rc = 0;
	}
	return rc;
}

/* Shared strings. */

static void
sst_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr	*x = ud;
	const char	*n = local(name);

	(void)a;
	if (strcmp(n, "si") == 0)
		buf_reset(&x->text);
	else if (strcmp(n, "t") == 0)
		x->intext = 1;
	else if (strcmp(n, "rPh") == 0)
		x->inphonetic = 1;
}

static void
sst_end(void *ud, const XML_Char *name)
{
	struct xr	*x = ud;
	const char	*n = local(name);

	if (strcmp(n, "t") == 0)
		x->intext = 0;
	else if (strcmp(n, "rPh") == 0)
		x->inphonetic = 0;
	else if (strcmp(n, "si") == 0) {
		x->sst = xgrow(x->sst, x->nsst, &x->capsst, 64,
		    sizeof(*x->sst));
		unescape(&x->text);
		x->sst[x->nsst++] = xstrndup(x->text.data, x->text.len);
		buf_reset(&x->text);
	}
}

/* Styles. */

enum xlsxread_kind
xlsxread_format_kind(const char *code)
{
	const char	*p;
	int		 d = 0, y = 0, m = 0, h = 0, s = 0, pct = 0;
	char		 c;

	for (p = code; *p && *p != ';'; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			continue;
		}
		if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
			continue;
		}
		if (*p == '[') {
			/* [h], [mm], [ss]: a duration, kept as a number */
			if (p[1] != '\0' && strchr("hHmMsS", p[1]) &&
			    strspn(p + 1, "hHmMsS") == strcspn(p + 1, "]"))
				return XLSXREAD_NUMBER;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			continue;
		}
		c = (char)(*p | 0x20);
		if (*p == 'A' || *p == 'a') {	/* AM/PM, A/P */
			if (strncasecmp(p, "AM/PM", 5) == 0)
				p += 4;
			else if (strncasecmp(p, "A/P", 3) == 0)
				p += 2;
			continue;
		}
		pct |= *p == '%';
		d |= c == 'd';
		y |= c == 'y';
		m |= c == 'm';
		h |= c == 'h';
		s |= c == 's';
	}
	if (d || y)
		return h || s ? XLSXREAD_DATETIME : XLSXREAD_DATE;
	if (h || s)
		return XLSXREAD_TIME;
	if (m)
		return XLSXREAD_DATE;
	return pct ? XLSXREAD_PERCENT : XLSXREAD_NUMBER;
}

/* The kind of the built-in number format "id". */
static enum xlsxread_kind
builtin(unsigned id)
{
	if (id >= 14 && id <= 17)
		return XLSXREAD_DATE;
	if ((id >= 18 && id <= 21) || id == 45 || id == 47)
		return XLSXREAD_TIME;
	if (id == 9 || id == 10)
		return XLSXREAD_PERCENT;
	if (id == 22)
		return XLSXREAD_DATETIME;
	return XLSXREAD_NUMBER;
}

static enum xlsxread_kind
fmtkind(const struct xr *x, unsigned id)
{
	size_t	 i;

	for (i = 0; i < x->nfmt; i++)
		if (x->fmtid[i] == id)
			return (enum xlsxread_kind)x->fmtkind[i];
	return builtin(id);
}

static void
st_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr	*x = ud;
	const char	*n = local(name), *id, *code;

	if (strcmp(n, "numFmt") == 0 && (id = attr(a, "numFmtId")) &&
	    (code = attr(a, "formatCode"))) {
		x->fmtid = xreallocarray(x->fmtid, x->nfmt + 1,
		    sizeof(*x->fmtid));
		x->fmtkind = xreallocarray(x->fmtkind, x->nfmt + 1, 1);
		x->fmtid[x->nfmt] = (unsigned)strtoul(id, NULL, 10);
		x->fmtkind[x->nfmt] = (unsigned char)
		    xlsxread_format_kind(code);
		x->nfmt++;
	} else if (strcmp(n, "cellXfs") == 0)
		x->incellxfs = 1;
	else if (strcmp(n, "xf") == 0 && x->incellxfs) {
		id = attr(a, "numFmtId");
		x->xf = xreallocarray(x->xf, x->nxf + 1, 1);
		x->xf[x->nxf++] = (unsigned char)fmtkind(x,
		    id ? (unsigned)strtoul(id, NULL, 10) : 0);
	}
}

static void
st_end(void *ud, const XML_Char *name)
{
	struct xr	*x = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		x->incellxfs = 0;
}

/* Dates. */

/* The civil date of day "z" since 1970-01-01 (H. Hinnant's algorithm). */
static void
civil(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t		 era, yy;
	unsigned	 doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

int
xlsxread_date(double serial, int date1904, enum xlsxread_kind kind,
    char out[20])
{
	double		 whole;
	int64_t		 days, secs;
	int		 y;
	unsigned	 m, d;
	char		 tmp[64];

	if (!(serial >= 0) || serial > 2958465.0)	/* 9999-12-31 */
		return 0;
	secs = (int64_t)llround((serial - floor(serial)) * 86400.0);
	whole = floor(serial);
	if (secs == 86400) {
		secs = 0;
		whole += 1;
	}
	if (kind == XLSXREAD_TIME) {
		snprintf(out, 20, "%02d:%02d:%02d", (int)(secs / 3600),
		    (int)(secs / 60 % 60), (int)(secs % 60));
		return 1;
	}
	if (date1904)
		days = (int64_t)whole - 24107;
	else if (whole == 60)
		return 0;			/* 1900-02-29 */
	else if (whole < 60)
		days = (int64_t)whole - 25568;
	else
		days = (int64_t)whole - 25569;
	civil(days, &y, &m, &d);
	if (kind == XLSXREAD_DATE)
		snprintf(tmp, sizeof(tmp), "%04d-%02u-%02u", y, m, d);
	else
		snprintf(tmp, sizeof(tmp), "%04d-%02u-%02uT%02d:%02d:%02d", y,
		    m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
		    (int)(secs % 60));
	memcpy(out, tmp, 20);		/* 19 characters at most */
	out[19] = '\0';
	return 1;
}

/* The sheet. */

static unsigned
celltype(const char *t)
{
	if (t == NULL || strcmp(t, "n") == 0)
		return T_NUMBER;
	if (strcmp(t, "s") == 0)
		return T_SHARED;
	if (strcmp(t, "inlineStr") == 0)
		return T_INLINE;
	if (strcmp(t, "b") == 0)
		return T_BOOL;
	if (strcmp(t, "e") == 0)
		return T_ERROR;
	if (strcmp(t, "d") == 0)
		return T_DATE;
	return T_STR;
}

static void
merged(struct xr *x, const char *ref)
{
	char		*a = xstrdup(ref), *b = strchr(a, ':');
	unsigned	 c1, r1, c2, r2;
	char		 first[16];

	if (b != NULL)
		*b++ = '\0';
	if (b != NULL && parseref(a, &c1, &r1) && parseref(b, &c2, &r2) &&
	    ++x->nmerged <= REPORTS_MAX) {
		cellref(first, c1, r1);
		problem(x, DIAG_WARNING, "sheet '%s', cells %s: merged; the "
		    "value is kept in %s only and the other cells are empty "
		    "in the CSV (unmerge them and fill each cell)",
		    x->want->name, ref, first);
	}
	free(a);
}

static void
sh_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr	*x = ud;
	const char	*n = local(name), *v;
	unsigned	 c, r;

	if (strcmp(n, "row") == 0) {
		v = attr(a, "r");
		x->row = v ? (unsigned)strtoul(v, NULL, 10) : x->row + 1;
		x->col = 0;
		x->rowany = 0;
		x->rowcells = 0;
		buf_reset(&x->rowtext);
	} else if (strcmp(n, "c") == 0) {
		v = attr(a, "r");
		if (v && parseref(v, &c, &r) && r > 0) {
			x->col = c;
			x->row = r;
		} else
			x->col++;
		x->ctype = celltype(attr(a, "t"));
		v = attr(a, "s");
		x->cstyle = v ? (unsigned)strtoul(v, NULL, 10) : 0;
		x->hasv = x->hasf = x->inis = 0;
		buf_reset(&x->text);
	} else if (strcmp(n, "v") == 0) {
		x->hasv = 1;
		x->intext = 1;
		buf_reset(&x->text);
	} else if (strcmp(n, "f") == 0) {
		x->hasf = 1;
	} else if (strcmp(n, "is") == 0) {
		x->inis = 1;
		buf_reset(&x->text);
	} else if (strcmp(n, "t") == 0 && x->inis)
		x->intext = 1;
	else if (strcmp(n, "rPh") == 0)
		x->inphonetic = 1;
	else if (strcmp(n, "mergeCell") == 0 && x->pass == 1 &&
	    (v = attr(a, "ref")))
		merged(x, v);
}

/* The number "s" as text: dates by the cell's style, else shortest. */
static int
number(struct xr *x, const char *ref, const char *s, struct buf *out)
{
	enum xlsxread_kind	 k = x->cstyle < x->nxf ? x->xf[x->cstyle] :
	    XLSXREAD_NUMBER;
	char			*end, iso[20], shown[32];
	double			 v;

	errno = 0;
	v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || !isfinite(v)) {
		problem(x, DIAG_ERROR, "sheet '%s', cell %s: '%s' is not a "
		    "number", x->want->name, ref, s);
		return 0;
	}
	if (k == XLSXREAD_PERCENT) {
		/* 0.855 shown as 85.5%: 85.5, without 85.50000000000001 */
		snprintf(shown, sizeof(shown), "%.15g", v * 100);
		v = strtod(shown, NULL);
		k = XLSXREAD_NUMBER;
	}
	if (k != XLSXREAD_NUMBER && xlsxread_date(v, x->date1904, k, iso)) {
		buf_puts(out, iso);
		return 1;
	}
	if (k != XLSXREAD_NUMBER && x->pass == 2 && ++x->nbad1900 <=
	    REPORTS_MAX)
		problem(x, DIAG_WARNING, "sheet '%s', cell %s: %s is not a "
		    "date%s; the number is written as it is", x->want->name,
		    ref, s, !x->date1904 && floor(v) == 60 ? _(" (29 February "
		    "1900 did not exist; Excel counts it by mistake)") : "");
	text_number(out, v);
	return 1;
}

/* The value of the cell that just ended, into "out"; 0 if broken. */
static int
value(struct xr *x, const char *ref, struct buf *out)
{
	unsigned long	 i;
	char		*end;

	switch (x->ctype) {
	case T_SHARED:
		i = strtoul(x->text.data, &end, 10);
		if (!x->hasv)
			return 1;
		if (*end != '\0' || end == x->text.data || i >= x->nsst) {
			problem(x, DIAG_ERROR, "sheet '%s', cell %s: refers to "
			    "shared string %s, which the workbook does not "
			    "have", x->want->name, ref, x->text.data);
			return 0;
		}
		buf_puts(out, x->sst[i]);
		return 1;
	case T_BOOL:
		if (x->hasv)
			buf_puts(out, strcmp(x->text.data, "0") == 0 ?
			    "false" : "true");
		return 1;
	case T_ERROR:
		if (x->pass == 2 && ++x->nerror <= REPORTS_MAX)
			problem(x, DIAG_WARNING, "sheet '%s', cell %s: the "
			    "error value %s is written as an empty cell",
			    x->want->name, ref, x->text.data);
		return 1;
	case T_DATE:
		buf_put(out, x->text.data, x->text.len >= 19 &&
		    strcmp(x->text.data + 10, "T00:00:00") == 0 ? 10 :
		    x->text.len);
		return 1;
	case T_NUMBER:
		return !x->hasv || number(x, ref, x->text.data, out);
	default:				/* str, inlineStr */
		unescape(&x->text);
		buf_put(out, x->text.data, x->text.len);
		return 1;
	}
}

/* Pass 1: used columns, formulas without a value. */
static void
measure(struct xr *x, const char *ref, const struct buf *v)
{
	if (x->hasf && !x->hasv && ++x->nformula <= REPORTS_MAX)
		problem(x, DIAG_ERROR, "sheet '%s', cell %s: a formula "
		    "without a stored value; open the workbook in Excel or "
		    "LibreOffice and save it again, so that its values are "
		    "stored, or type the value in", x->want->name, ref);
	if (v->len == 0)
		return;
	x->rowcells++;
	if (x->mincol == 0 || x->col < x->mincol)
		x->mincol = x->col;
	if (x->col > x->maxcol)
		x->maxcol = x->col;
}

/* Pass 2: keep the cell's text for its row. */
static void
keep(struct xr *x, const struct buf *v)
{
	if (v->len == 0 || x->col < x->mincol || x->col > x->maxcol)
		return;
	x->rowoff[x->col - x->mincol] = x->rowtext.len;
	buf_put(&x->rowtext, v->data, v->len);
	buf_putc(&x->rowtext, '\0');
	x->rowany = 1;
}

static void
writerow(struct xr *x)
{
	struct buf	 line = BUF_INIT;
	size_t		 i, w = x->maxcol - x->mincol + 1;
	const char	*s;

	if (!x->rowany)
		return;
	for (i = 0; i < w; i++) {
		if (i > 0)
			buf_putc(&line, ',');
		if (x->rowoff[i] != SIZE_MAX) {
			s = x->rowtext.data + x->rowoff[i];
			text_csv_field(&line, s, strlen(s));
		}
		x->rowoff[i] = SIZE_MAX;
	}
	buf_putc(&line, '\n');
	if (fwrite(line.data, 1, line.len, x->out) != line.len) {
		problem(x, DIAG_ERROR, "cannot write the CSV: %s",
		    strerror(errno));
		x->stop = 1;
		XML_StopParser(x->p, XML_FALSE);
	}
	buf_release(&line);
	buf_reset(&x->rowtext);
	x->rowany = 0;
}

static void
sh_end(void *ud, const XML_Char *name)
{
	struct xr	*x = ud;
	const char	*n = local(name);
	struct buf	 v = BUF_INIT;
	char		 ref[16];

	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		x->intext = 0;
	else if (strcmp(n, "is") == 0)
		x->inis = 0;
	else if (strcmp(n, "rPh") == 0)
		x->inphonetic = 0;
	else if (strcmp(n, "c") == 0) {
		cellref(ref, x->col, x->row);
		if (x->ctype == T_INLINE && !x->hasv)
			x->hasv = 1;
		if (!value(x, ref, &v)) {
			x->stop = 1;
			XML_StopParser(x->p, XML_FALSE);
		} else if (x->pass == 1)
			measure(x, ref, &v);
		else
			keep(x, &v);
		buf_release(&v);
	} else if (strcmp(n, "row") == 0 && x->pass == 2)
		writerow(x);
	else if (strcmp(n, "row") == 0 && x->rowcells > 0) {
		if (x->headrow == 0) {
			x->headrow = x->row;
			x->headcells = x->rowcells;
		}
		if (x->rowcells > x->widest) {
			x->widest = x->rowcells;
			x->widestrow = x->row;
		}
		x->rowcells = 0;
	}
}

/* Both passes over the sheet's part. */
static int
sheet(struct xr *x)
{
	size_t	 i, w;

	x->pass = 1;
	if (!parse(x, x->part, 0, sh_start, sh_end))
		return 0;
	if (x->nformula > REPORTS_MAX)
		problem(x, DIAG_ERROR, "sheet '%s': %zu more formulas without "
		    "a stored value", x->want->name,
		    x->nformula - REPORTS_MAX);
	if (x->nmerged > REPORTS_MAX)
		problem(x, DIAG_WARNING, "sheet '%s': %zu more merged ranges",
		    x->want->name, x->nmerged - REPORTS_MAX);
	if (x->nformula > 0)
		return 0;
	if (x->mincol == 0) {
		problem(x, DIAG_ERROR, "sheet '%s' is empty; its first row "
		    "with a value must be the header", x->want->name);
		return 0;
	}
	if (x->headcells < x->widest)
		problem(x, DIAG_WARNING, ngettext("sheet '%s': the header, row "
		    "%u, has %u value, but row %u has %u; if row %u is a "
		    "title, delete the rows above the header in the workbook",
		    "sheet '%s': the header, row %u, has %u values, but row %u "
		    "has %u; if row %u is a title, delete the rows above the "
		    "header in the workbook", x->headcells), x->want->name,
		    x->headrow, x->headcells, x->widestrow, x->widest,
		    x->headrow);
	w = x->maxcol - x->mincol + 1;
	x->rowoff = xreallocarray(NULL, w, sizeof(*x->rowoff));
	for (i = 0; i < w; i++)
		x->rowoff[i] = SIZE_MAX;
	x->pass = 2;
	x->row = x->col = 0;
	if (!parse(x, x->part, 0, sh_start, sh_end))
		return 0;
	if (x->nerror > REPORTS_MAX)
		problem(x, DIAG_WARNING, "sheet '%s': %zu more error values "
		    "written as empty cells", x->want->name,
		    x->nerror - REPORTS_MAX);
	return 1;
}

/* Public. */

int
xlsxread_is_zip(const char *path)
{
	FILE		*fp = fopen(path, "rb");
	unsigned char	 m[4];
	int		 rc;

	if (fp == NULL)
		return 0;
	rc = fread(m, 1, 4, fp) == 4 && m[0] == 'P' && m[1] == 'K' &&
	    m[2] == 3 && m[3] == 4;
	fclose(fp);
	return rc;
}

int
xlsxread_csv(struct diag *d, const char *path, const char *sheetname,
    FILE *out, char **name)
{
	struct xr	 x;
	int		 err = 0, rc = 0;
	size_t		 i;
	zip_error_t	 ze;

	memset(&x, 0, sizeof(x));
	x.d = d;
	x.path = path;
	x.out = out;
	buf_init(&x.text);
	buf_init(&x.rowtext);
	*name = NULL;
	if ((x.za = zip_open(path, ZIP_RDONLY, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		problem(&x, DIAG_ERROR, "cannot open the workbook: %s",
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	if (!parse(&x, "xl/workbook.xml", 0, wb_start, no_end) ||
	    !choose(&x, sheetname) ||
	    parse(&x, "xl/sharedStrings.xml", 1, sst_start, sst_end) == 0 ||
	    parse(&x, "xl/styles.xml", 1, st_start, st_end) == 0 ||
	    !sheet(&x))
		goto out;
	*name = xstrdup(x.want->name);
	rc = 1;
out:
	if (x.za)
		zip_discard(x.za);
	for (i = 0; i < x.nsheets; i++) {
		free(x.sheets[i].name);
		free(x.sheets[i].rid);
	}
	free(x.sheets);
	for (i = 0; i < x.nsst; i++)
		free(x.sst[i]);
	free(x.sst);
	free(x.xf);
	free(x.fmtid);
	free(x.fmtkind);
	free(x.part);
	free(x.rowoff);
	buf_release(&x.text);
	buf_release(&x.rowtext);
	return rc;
}
