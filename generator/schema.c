/*
 * Table Schema, in the load and validate stages.  dataset.c hands
 * schema_parse() the "schema:" mapping of a dataset's metadata; every
 * field's type, options and constraints are checked there, once, and
 * turned into rules (typed bounds and enums, a compiled pattern).  While
 * dataset.c streams the CSV it asks schema_cell() about every cell, which
 * gives back the typed JSON value the writers need or the reason the
 * cell is wrong.  package.c writes schema_descriptor() into
 * datapackage.json.
 *
 *	s = schema_parse(d, m, obj, at);	// NULL: reported
 *	for each row, for each cell i:
 *		v = schema_cell(s, i, cell, len, &why);
 *	json_object_set_new(resource, "schema", schema_descriptor(s));
 *	schema_free(s);
 *
 * Dates, times and datetimes are ISO 8601 by default ("2024-05-16",
 * "08:30:00", "2024-05-16T08:30:00Z"), or follow a strptime-style
 * "format" made of %Y %y %m %d %H %M %S and %%.  Geopoints are
 * Frictionless' "lon, lat".  Patterns are POSIX extended regular
 * expressions anchored to the whole value, plus \d for [0-9]; they
 * match bytes, so "." is one byte of a UTF-8 character.
 */
#include "schema.h"

#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "meta.h"
#include "text.h"
#include "xalloc.h"

/* A typed value and the number it sorts by, for minimum and maximum. */
struct val {
	json_t		*json;
	long long	 i;		/* integer and year */
	double		 d;		/* every other ordered type */
	int		 isint;
};

enum { B_MIN, B_MAX, B_XMIN, B_XMAX, B_N };

static const char *const bound_keys[B_N] = {
	"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"
};

struct bound {
	struct val	 v;		/* v.json is NULL when unset */
	char		*text;		/* as written, for messages */
};

enum fmt {
	FMT_DEFAULT, FMT_PATTERN, FMT_EMAIL, FMT_URI, FMT_UUID, FMT_BINARY,
	FMT_ARRAY, FMT_OBJECT
};

struct schema_rules {
	const json_t	*src;		/* the field's mapping in the YAML */
	const json_t	*cons;		/* its constraints, or NULL */
	const char	*decimal;
	const char	*group;		/* NULL: none */
	int		 bare;		/* bareNumber */
	json_t		*truev, *falsev;
	enum fmt	 fmt;
	json_t		*enumv;		/* typed values */
	char		*enumtext;	/* "'a', 'b'" */
	struct bound	 b[B_N];
	long long	 minlen, maxlen;	/* -1 when unset */
	const char	*pattern;	/* set once compiled into "re" */
	regex_t		 re;
};

static const char *const type_names[] = {
	"string", "number", "integer", "boolean", "date", "datetime",
	"time", "year", "yearmonth", "duration", "geopoint", "any", NULL
};

const char *
schema_type_name(enum schema_type t)
{
	return type_names[t];
}

static int
ordered(enum schema_type t)
{
	return t != SCHEMA_STRING && t != SCHEMA_BOOLEAN &&
	    t != SCHEMA_GEOPOINT && t != SCHEMA_ANY;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* Characters (code points) in the "len" bytes of UTF-8 "s". */
static size_t
chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Numbers. */

/*
 * [+-]digits[.digits][e[+-]digits] (or ".5") into "*d": 1, or 0 when
 * "s" is not written so, -1 when it is too large for a double and -2
 * when it is too small, so that it would read as 0 ("1e-400").
 */
static int
plain_number(const char *s, size_t n, double *d)
{
	char	 tmp[400];
	size_t	 i = 0, dig = 0;

	if (n == 0 || n >= sizeof(tmp))
		return 0;
	if (s[i] == '+' || s[i] == '-')
		i++;
	for (; i < n && isdig(s[i]); i++)
		dig++;
	if (i < n && s[i] == '.')
		for (i++; i < n && isdig(s[i]); i++)
			dig++;
	if (dig == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == n || !isdig(s[i]))
			return 0;
		while (i < n && isdig(s[i]))
			i++;
	}
	if (i != n)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*d = strtod(tmp, NULL);
	if (!isfinite(*d))
		return -1;
	if (*d == 0 && strpbrk(tmp, "123456789") != NULL &&
	    strpbrk(tmp, "123456789") < tmp + strcspn(tmp, "eE"))
		return -2;
	return 1;
}

/*
 * Copy "s" to "out" for parsing: without groupChar, with decimalChar
 * (when "dec") turned into '.', and a '.' that is neither made invalid;
 * with bareNumber false, leading and trailing text such as "%" dropped.
 */
static void
clean(const struct schema_rules *r, const char *s, size_t n, int dec,
    struct buf *out)
{
	size_t	 gl = r->group ? strlen(r->group) : 0;
	size_t	 dl = strlen(r->decimal), i;

	if (!r->bare) {
		while (n > 0 && !isdig(*s) && *s != '-' && *s != '+' &&
		    *s != *r->decimal)
			s++, n--;
		while (n > 0 && !isdig(s[n - 1]))
			n--;
	}
	for (i = 0; i < n;) {
		if (gl && n - i >= gl && memcmp(s + i, r->group, gl) == 0)
			i += gl;
		else if (dec && n - i >= dl &&
		    memcmp(s + i, r->decimal, dl) == 0) {
			buf_putc(out, '.');
			i += dl;
		} else {
			buf_putc(out, s[i] == '.' ? '#' : s[i]);
			i++;
		}
	}
}

static int
cast_number(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	static const char *const special[] = { "NaN", "INF", "-INF", NULL };
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 ok;

	for (i = 0; special[i]; i++)
		if (strlen(special[i]) == n && memcmp(s, special[i], n) == 0) {
			v->d = i == 0 ? NAN : i == 1 ? INFINITY : -INFINITY;
			v->json = json_string(special[i]);
			return 1;
		}
	clean(f->rules, s, n, 1, &b);
	ok = plain_number(b.data, b.len, &v->d);
	buf_release(&b);
	if (ok != 1) {
		buf_puts(why, ok == -1 ? _("is too large for a number") :
		    ok == -2 ? _("is too small for a number: it would be read "
		    "as 0") : _("is not a number"));
		return 0;
	}
	v->json = json_real(v->d);
	return 1;
}

static int
cast_integer(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 ok;

	clean(f->rules, s, n, 0, &b);
	i = (b.len && (b.data[0] == '-' || b.data[0] == '+')) ? 1 : 0;
	ok = i < b.len;
	for (; i < b.len; i++)
		ok &= isdig(b.data[i]);
	if (ok) {
		errno = 0;
		v->i = strtoll(b.data, NULL, 10);
		if (errno == ERANGE) {
			buf_puts(why, _("is out of the integer range"));
			ok = -1;
		}
	}
	buf_release(&b);
	if (ok == 0)
		buf_puts(why, _("is not an integer"));
	if (ok != 1)
		return 0;
	v->isint = 1;
	v->json = json_integer(v->i);
	return 1;
}

static int
in_list(const json_t *list, const char *s, size_t n)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(list, i, e)
		if (json_string_length(e) == n &&
		    memcmp(json_string_value(e), s, n) == 0)
			return 1;
	return 0;
}

static void
list_text(struct buf *b, const json_t *list, const char *last)
{
	const json_t	*e;
	size_t		 i, n = json_array_size(list);

	json_array_foreach(list, i, e) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? last : ", ");
		text_quote(b, json_string_value(e), json_string_length(e));
	}
}

static int
cast_boolean(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	const struct schema_rules	*r = f->rules;

	if (in_list(r->truev, s, n))
		v->json = json_true();
	else if (in_list(r->falsev, s, n))
		v->json = json_false();
	else {
		buf_puts(why, _("is not a boolean ("));
		list_text(why, r->truev, ", ");
		buf_puts(why, _(" or "));
		list_text(why, r->falsev, ", ");
		buf_putc(why, ')');
		return 0;
	}
	return 1;
}

/* Dates and times. */

struct when {
	int	 y, mo, d, h, mi, s;
	double	 frac;
	int	 tz;			/* minutes east of UTC */
};

/* Exactly "n" digits at "s" into "*out". */
static int
digits(const char *s, size_t n, int *out)
{
	size_t	 i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (!isdig(s[i]))
			return 0;
		*out = *out * 10 + (s[i] - '0');
	}
	return 1;
}

static int
mdays(int y, int m)
{
	static const int	 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static double
civil(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (double)(era * 146097 + doe - 719468);
}

static int
valid_date(const struct when *w)
{
	return w->mo >= 1 && w->mo <= 12 && w->d >= 1 &&
	    w->d <= mdays(w->y, w->mo);
}

static int
valid_time(const struct when *w)
{
	return w->h < 24 && w->mi < 60 && w->s < 60;
}

/* "YYYY-MM-DD". */
static int
iso_date(const char *s, size_t n, struct when *w)
{
	return n == 10 && s[4] == '-' && s[7] == '-' &&
	    digits(s, 4, &w->y) && digits(s + 5, 2, &w->mo) &&
	    digits(s + 8, 2, &w->d) && valid_date(w);
}

/* "hh:mm:ss", then ".fff" and "Z" or "+hh:mm", each optional. */
static int
iso_time(const char *s, size_t n, struct when *w)
{
	size_t	 i = 8;
	double	 scale;
	int	 th, tm;

	if (n < 8 || s[2] != ':' || s[5] != ':' || !digits(s, 2, &w->h) ||
	    !digits(s + 3, 2, &w->mi) || !digits(s + 6, 2, &w->s) ||
	    !valid_time(w))
		return 0;
	if (i < n && s[i] == '.') {
		for (i++, scale = 0.1; i < n && isdig(s[i]); i++, scale /= 10)
			w->frac += (s[i] - '0') * scale;
		if (s[i - 1] == '.')
			return 0;
	}
	if (i < n && s[i] == 'Z')
		return i + 1 == n;
	if (i == n)
		return 1;
	if (n - i != 6 || (s[i] != '+' && s[i] != '-') || s[i + 3] != ':' ||
	    !digits(s + i + 1, 2, &th) || !digits(s + i + 4, 2, &tm) ||
	    th > 23 || tm > 59)
		return 0;
	w->tz = (s[i] == '-' ? -1 : 1) * (th * 60 + tm);
	return 1;
}

/* Between "lo" and "hi" digits at s[*i] into "*out". */
static int
num(const char *s, size_t n, size_t *i, int lo, int hi, int *out)
{
	int	 k = 0;

	*out = 0;
	for (; k < hi && *i < n && isdig(s[*i]); k++, (*i)++)
		*out = *out * 10 + (s[*i] - '0');
	return k >= lo;
}

/* "s" read with the strptime-style "fmt" (checked by check_pattern()). */
static int
scan_pattern(const char *fmt, const char *s, size_t n, struct when *w)
{
	size_t	 i = 0;
	int	 ok = 1;

	for (; *fmt && ok; fmt++) {
		if (*fmt != '%' || fmt[1] == '%') {
			fmt += *fmt == '%';
			ok = i < n && s[i++] == *fmt;
			continue;
		}
		switch (*++fmt) {
		case 'Y':
			ok = num(s, n, &i, 4, 4, &w->y);
			break;
		case 'y':
			ok = num(s, n, &i, 2, 2, &w->y);
			w->y += w->y < 69 ? 2000 : 1900;
			break;
		case 'm':
			ok = num(s, n, &i, 1, 2, &w->mo);
			break;
		case 'd':
			ok = num(s, n, &i, 1, 2, &w->d);
			break;
		case 'H':
			ok = num(s, n, &i, 1, 2, &w->h);
			break;
		case 'M':
			ok = num(s, n, &i, 1, 2, &w->mi);
			break;
		default:
			ok = num(s, n, &i, 1, 2, &w->s);
			break;
		}
	}
	return ok && i == n;
}

static int
cast_when(const struct schema_field *f, const char *s, size_t n,
    struct when *w)
{
	memset(w, 0, sizeof(*w));
	w->mo = w->d = 1;
	if (f->rules->fmt == FMT_PATTERN)
		return scan_pattern(f->format, s, n, w) && valid_date(w) &&
		    valid_time(w);
	switch (f->type) {
	case SCHEMA_DATE:
		return iso_date(s, n, w);
	case SCHEMA_TIME:
		return iso_time(s, n, w);
	default:
		return n > 11 && s[10] == 'T' && iso_date(s, 10, w) &&
		    iso_time(s + 11, n - 11, w);
	}
}

static int
cast_datetime(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	static const char *const iso[] = { "YYYY-MM-DD",
	    "YYYY-MM-DDThh:mm:ss", "hh:mm:ss" };
	struct when	 w;
	double		 secs;
	int		 k = f->type - SCHEMA_DATE;

	if (!cast_when(f, s, n, &w)) {
		buf_printf(why, f->type == SCHEMA_DATE ? _("is not a date "
		    "(%s)") : f->type == SCHEMA_DATETIME ? _("is not a "
		    "datetime (%s)") : _("is not a time (%s)"),
		    f->rules->fmt == FMT_PATTERN ? f->format : iso[k]);
		return 0;
	}
	secs = w.h * 3600 + w.mi * 60 + w.s + w.frac - w.tz * 60;
	v->d = f->type == SCHEMA_TIME ? secs : civil(w.y, w.mo, w.d);
	if (f->type == SCHEMA_DATETIME)
		v->d = v->d * 86400 + secs;
	if (f->rules->fmt != FMT_PATTERN)
		v->json = json_stringn(s, n);
	else if (f->type == SCHEMA_DATE)
		v->json = json_sprintf("%04d-%02d-%02d", w.y, w.mo, w.d);
	else if (f->type == SCHEMA_TIME)
		v->json = json_sprintf("%02d:%02d:%02d", w.h, w.mi, w.s);
	else
		v->json = json_sprintf("%04d-%02d-%02dT%02d:%02d:%02d", w.y,
		    w.mo, w.d, w.h, w.mi, w.s);
	return 1;
}

static int
cast_year(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	struct when	 w;

	if (f->type == SCHEMA_YEAR && n == 4 && digits(s, 4, &w.y)) {
		v->isint = 1;
		v->i = w.y;
		v->json = json_integer(w.y);
		return 1;
	}
	if (f->type == SCHEMA_YEARMONTH && n == 7 && s[4] == '-' &&
	    digits(s, 4, &w.y) && digits(s + 5, 2, &w.mo) && w.mo >= 1 &&
	    w.mo <= 12) {
		v->d = w.y * 12.0 + w.mo - 1;
		v->json = json_stringn(s, n);
		return 1;
	}
	buf_puts(why, f->type == SCHEMA_YEAR ? _("is not a year (YYYY)") :
	    _("is not a year and month (YYYY-MM)"));
	return 0;
}

/* ISO 8601 "PnYnMnWnDTnHnMnS"; "*secs" counts a year as 365.2425 days. */
static int
duration(const char *s, size_t n, double *secs)
{
	static const double	 dsecs[] = { 31556952, 2629746, 604800, 86400 },
				 tsecs[] = { 3600, 60, 1 };
	const char		*units = "YMWD", *u;
	const double		*mult = dsecs;
	size_t			 i = 1, next = 0, start;
	int			 t = 0, any = 0;

	*secs = 0;
	if (n < 2 || s[0] != 'P')
		return 0;
	while (i < n) {
		if (s[i] == 'T' && !t) {
			t = 1;
			any = 0;
			units = "HMS";
			mult = tsecs;
			next = 0;
			i++;
			continue;
		}
		for (start = i; i < n && (isdig(s[i]) || s[i] == '.'); i++)
			continue;
		if (i == start || i == n || s[start] == '.' ||
		    (u = memchr(units + next, s[i], strlen(units + next))) ==
		    NULL)
			return 0;
		*secs += strtod(s + start, NULL) * mult[u - units];
		next = (size_t)(u - units) + 1;
		any = 1;
		i++;
	}
	return any;
}

static int
cast_duration(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	char	*tmp = xstrndup(s, n);
	int	 ok = duration(tmp, n, &v->d);

	(void)f;
	free(tmp);
	if (!ok) {
		buf_puts(why, _("is not an ISO 8601 duration such as "
		    "'P1Y2M10D' or 'PT30M'"));
		return 0;
	}
	v->json = json_stringn(s, n);
	return 1;
}

static int
lonlat(double lon, double lat)
{
	return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/* "lon, lat", "[lon, lat]" or {"lon": lon, "lat": lat}. */
static int
geopoint(enum fmt fmt, const char *s, size_t n)
{
	const char	*comma = memchr(s, ',', n);
	json_t		*j;
	size_t		 a, b;
	double		 lon, lat;
	int		 ok = 0;

	if (fmt == FMT_DEFAULT) {
		if (comma == NULL)
			return 0;
		a = (size_t)(comma - s);
		for (b = a + 1; b < n && s[b] == ' '; b++)
			continue;
		return plain_number(s, a, &lon) == 1 &&
		    plain_number(s + b, n - b, &lat) == 1 && lonlat(lon, lat);
	}
	if ((j = json_loadb(s, n, JSON_DECODE_ANY, NULL)) == NULL)
		return 0;
	if (fmt == FMT_ARRAY && json_array_size(j) == 2)
		ok = json_is_number(json_array_get(j, 0)) &&
		    json_is_number(json_array_get(j, 1)) &&
		    lonlat(json_number_value(json_array_get(j, 0)),
		    json_number_value(json_array_get(j, 1)));
	else if (fmt == FMT_OBJECT && json_object_size(j) == 2)
		ok = json_is_number(json_object_get(j, "lon")) &&
		    json_is_number(json_object_get(j, "lat")) &&
		    lonlat(json_number_value(json_object_get(j, "lon")),
		    json_number_value(json_object_get(j, "lat")));
	json_decref(j);
	return ok;
}

static int
cast_geopoint(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	static const char *const forms[] = { "'lon, lat'", "", "", "", "",
	    "", "'[lon, lat]'", "'{\"lon\": lon, \"lat\": lat}'" };

	if (!geopoint(f->rules->fmt, s, n)) {
		buf_printf(why, _("is not a geopoint %s with longitude from "
		    "-180 to 180 and latitude from -90 to 90"),
		    forms[f->rules->fmt]);
		return 0;
	}
	v->json = json_stringn(s, n);
	return 1;
}

/* String formats. */

static int
is_email(const char *s, size_t n)
{
	const char	*at = memchr(s, '@', n);
	size_t		 i;

	if (at == NULL || at == s || at == s + n - 1 ||
	    memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL ||
	    memchr(at, '.', n - (size_t)(at - s)) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ')
			return 0;
	return 1;
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_uri(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || !is_alpha(s[0]))
		return 0;
	for (i = 1; i < n && (is_alpha(s[i]) || isdig(s[i]) ||
	    strchr("+-.", s[i]) != NULL); i++)
		continue;
	if (i + 1 >= n || s[i] != ':')
		return 0;
	for (; i < n; i++)
		if ((unsigned char)s[i] <= ' ')
			return 0;
	return 1;
}

static int
is_hex(int c)
{
	return isdig(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
is_uuid(const char *s, size_t n)
{
	size_t	 i;

	if (n != 36)
		return 0;
	for (i = 0; i < n; i++)
		if (i == 8 || i == 13 || i == 18 || i == 23 ? s[i] != '-' :
		    !is_hex(s[i]))
			return 0;
	return 1;
}

static int
is_base64(const char *s, size_t n)
{
	size_t	 i, pad = 0;

	if (n % 4 != 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '=' && i + 2 >= n)
			pad++;
		else if (pad || !(is_alpha(s[i]) || isdig(s[i]) ||
		    s[i] == '+' || s[i] == '/'))
			return 0;
	}
	return 1;
}

static int
cast_string(const struct schema_field *f, const char *s, size_t n,
    struct val *v, struct buf *why)
{
	switch (f->rules->fmt) {
	case FMT_EMAIL:
		if (!is_email(s, n))
			return buf_puts(why, _("is not an email address")), 0;
		break;
	case FMT_URI:
		if (!is_uri(s, n))
			return buf_puts(why, _("is not a URI")), 0;
		break;
	case FMT_UUID:
		if (!is_uuid(s, n))
			return buf_puts(why, _("is not a UUID")), 0;
		break;
	case FMT_BINARY:
		if (!is_base64(s, n))
			return buf_puts(why, _("is not base64 binary data")), 0;
		break;
	default:
		break;
	}
	v->json = json_stringn(s, n);
	return 1;
}

/* The typed value of "s" for field "f", or 0 with the rule in "why". */
static int
cast(const struct schema_field *f, const char *s, size_t n, struct val *v,
    struct buf *why)
{
	memset(v, 0, sizeof(*v));
	switch (f->type) {
	case SCHEMA_NUMBER:
		return cast_number(f, s, n, v, why);
	case SCHEMA_INTEGER:
		return cast_integer(f, s, n, v, why);
	case SCHEMA_BOOLEAN:
		return cast_boolean(f, s, n, v, why);
	case SCHEMA_DATE:
	case SCHEMA_DATETIME:
	case SCHEMA_TIME:
		return cast_datetime(f, s, n, v, why);
	case SCHEMA_YEAR:
	case SCHEMA_YEARMONTH:
		return cast_year(f, s, n, v, why);
	case SCHEMA_DURATION:
		return cast_duration(f, s, n, v, why);
	case SCHEMA_GEOPOINT:
		return cast_geopoint(f, s, n, v, why);
	default:
		return cast_string(f, s, n, v, why);
	}
}

/* Cells. */

static int
cmp(const struct val *a, const struct val *b)
{
	double	 x, y;

	if (a->isint && b->isint)
		return (a->i > b->i) - (a->i < b->i);
	x = a->isint ? (double)a->i : a->d;
	y = b->isint ? (double)b->i : b->d;
	return (x > y) - (x < y);
}

static int
in_enum(const json_t *list, const json_t *v)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(list, i, e)
		if (json_equal(e, v))
			return 1;
	return 0;
}

static int
bounds(const struct schema_rules *r, const struct val *v, struct buf *why)
{
	static const char *const says[B_N] = { N_("is below the minimum"),
	    N_("is above the maximum"),
	    N_("is not above the exclusive minimum"),
	    N_("is not below the exclusive maximum") };
	int	 k, c;

	for (k = 0; k < B_N; k++) {
		if (r->b[k].v.json == NULL)
			continue;
		c = cmp(v, &r->b[k].v);
		if ((k == B_MIN && c < 0) || (k == B_MAX && c > 0) ||
		    (k == B_XMIN && c <= 0) || (k == B_XMAX && c >= 0)) {
			buf_printf(why, "%s %s", _(says[k]), r->b[k].text);
			return 0;
		}
	}
	return 1;
}

static int
lengths(const struct schema_rules *r, const char *s, size_t n,
    struct buf *why)
{
	long long	 c = (long long)chars(s, n);

	if (r->minlen >= 0 && c < r->minlen)
		buf_printf(why, _("is shorter than the minimum length %lld "
		    "(it has %lld characters)"), r->minlen, c);
	else if (r->maxlen >= 0 && c > r->maxlen)
		buf_printf(why, _("is longer than the maximum length %lld "
		    "(it has %lld characters)"), r->maxlen, c);
	else
		return 1;
	return 0;
}

static int
constraints(const struct schema_field *f, const char *s, size_t n,
    const struct val *v, struct buf *why)
{
	const struct schema_rules	*r = f->rules;
	char				*tmp;
	int				 ok;

	if (r->enumv != NULL && !in_enum(r->enumv, v->json)) {
		buf_printf(why, _("is not one of %s"), r->enumtext);
		return 0;
	}
	if (!bounds(r, v, why) || !lengths(r, s, n, why))
		return 0;
	if (r->pattern == NULL)
		return 1;
	tmp = xstrndup(s, n);
	ok = regexec(&r->re, tmp, 0, NULL, 0) == 0;
	free(tmp);
	if (!ok)
		buf_printf(why, _("does not match the pattern '%s'"),
		    r->pattern);
	return ok;
}

static int
is_missing(const struct schema *s, const char *cell, size_t len)
{
	return in_list(s->missing, cell, len);
}

json_t *
schema_cell(const struct schema *s, size_t i, const char *cell, size_t len,
    struct buf *why)
{
	const struct schema_field	*f = &s->fields[i];
	struct buf			 rule = BUF_INIT;
	struct val			 v;

	if (is_missing(s, cell, len)) {
		if (!f->required)
			return json_null();
		buf_printf(why, _("field '%s' (%s): a value is required"),
		    f->name, schema_type_name(f->type));
		return NULL;
	}
	if (!cast(f, cell, len, &v, &rule) ||
	    !constraints(f, cell, len, &v, &rule)) {
		buf_printf(why, _("field '%s' (%s): "), f->name,
		    schema_type_name(f->type));
		text_quote(why, cell, len);
		buf_printf(why, " %s", rule.data);
		json_decref(v.json);
		v.json = NULL;
	}
	buf_release(&rule);
	return v.json;
}

int
schema_valid(enum schema_type t, const char *v)
{
	struct schema_rules	 r;
	struct schema_field	 f;
	struct buf		 why = BUF_INIT;
	struct val		 val;
	int			 ok;

	memset(&r, 0, sizeof(r));
	memset(&f, 0, sizeof(f));
	r.decimal = ".";
	r.bare = 1;
	f.type = t;
	f.format = "default";
	f.rules = &r;
	if (t == SCHEMA_BOOLEAN) {
		r.truev = json_pack("[s]", "true");
		r.falsev = json_pack("[s]", "false");
	}
	ok = cast(&f, v, strlen(v), &val, &why);
	json_decref(val.json);
	json_decref(r.truev);
	json_decref(r.falsev);
	buf_release(&why);
	return ok;
}

/* Parsing the schema. */

struct parse {
	struct diag		*d;
	const struct meta	*m;
	struct schema		*s;
	int			 ok;
};

static void	err(struct parse *, const struct loc *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
err(struct parse *p, const struct loc *at, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	diag_vadd(p->d, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
	p->ok = 0;
}

/* Where name "i" of key "key" (a string or a list) is written. */
static const struct loc *
name_loc(const struct parse *p, const json_t *obj, const char *key,
    size_t i)
{
	const json_t	*v = json_object_get(obj, key);

	if (json_is_array(v))
		return meta_index_loc(p->m, v, i);
	return meta_loc(p->m, obj, key);
}

/* 0 after reporting if "key" of "obj" is set but "applies" is 0. */
static int
applies(struct parse *p, const json_t *obj, const struct schema_field *f,
    const char *key, const char *what, int ok)
{
	if (ok || json_object_get(obj, key) == NULL)
		return 1;
	if (strcmp(what, "key") == 0)
		err(p, meta_key_loc(p->m, obj, key), "key '%s' does not apply "
		    "to a field of type '%s'", key, schema_type_name(f->type));
	else
		err(p, meta_key_loc(p->m, obj, key), "constraint '%s' does not "
		    "apply to a field of type '%s'", key,
		    schema_type_name(f->type));
	return 0;
}

/* Append the YAML scalar "v" as text; 0 if it is not a scalar. */
static int
scalar_text(struct buf *b, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_put(b, json_string_value(v), json_string_length(v));
		return 1;
	case JSON_INTEGER:
		buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 1;
	case JSON_REAL:
		text_number(b, json_real_value(v));
		return 1;
	case JSON_TRUE:
	case JSON_FALSE:
		buf_puts(b, json_is_true(v) ? "true" : "false");
		return 1;
	default:
		return 0;
	}
}

/*
 * The YAML scalar "v" as a value of field "f" (for enum and bounds):
 * numbers and booleans as they are when the type wants them, any other
 * scalar cast from its text.  0 after reporting "what: 'x' is not ...".
 */
static int
typed(struct parse *p, const struct schema_field *f, const json_t *v,
    const struct loc *at, const char *what, struct val *out)
{
	struct buf	 t = BUF_INIT, q = BUF_INIT, why = BUF_INIT;
	int		 ok;

	memset(out, 0, sizeof(*out));
	if (json_is_number(v) && f->type == SCHEMA_NUMBER) {
		out->d = json_number_value(v);
		out->json = json_real(out->d);
		return 1;
	}
	if (json_is_integer(v) && (f->type == SCHEMA_INTEGER ||
	    f->type == SCHEMA_YEAR)) {
		out->isint = 1;
		out->i = json_integer_value(v);
		out->json = json_integer(out->i);
		return 1;
	}
	if (json_is_boolean(v) && f->type == SCHEMA_BOOLEAN) {
		out->json = json_boolean(json_is_true(v));
		return 1;
	}
	if (!scalar_text(&t, v)) {
		err(p, at, "%s must be a single value", what);
		return 0;
	}
	if (!(ok = cast(f, t.data, t.len, out, &why))) {
		text_quote(&q, t.data, t.len);
		err(p, at, "%s: %s %s", what, q.data, why.data);
	}
	buf_release(&q);
	buf_release(&t);
	buf_release(&why);
	return ok;
}

static void
twice(struct parse *p, const struct loc *at, const json_t *v)
{
	struct buf	 b = BUF_INIT;

	scalar_text(&b, v);
	err(p, at, "constraint 'enum' lists '%s' twice", b.data);
	buf_release(&b);
}

static void
enum_values(struct parse *p, const json_t *c, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const json_t		*list = json_object_get(c, "enum"), *e;
	struct buf		 text = BUF_INIT;
	struct val		 v;
	size_t			 i;

	if (list == NULL)
		return;
	if (!json_is_array(list) || json_array_size(list) == 0) {
		err(p, meta_loc(p->m, c, "enum"), "constraint 'enum' must be "
		    "a list of values");
		return;
	}
	r->enumv = json_array();
	json_array_foreach(list, i, e) {
		if (!typed(p, f, e, meta_index_loc(p->m, list, i),
		    _("constraint 'enum'"), &v))
			continue;
		if (in_enum(r->enumv, v.json)) {
			twice(p, meta_index_loc(p->m, list, i), e);
			json_decref(v.json);
			continue;
		}
		json_array_append_new(r->enumv, v.json);
		if (i == 10) {
			buf_printf(&text, _(", ... (%zu values)"),
			    json_array_size(list));
			continue;
		}
		if (i > 10)
			continue;
		buf_puts(&text, i ? ", '" : "'");
		scalar_text(&text, e);
		buf_putc(&text, '\'');
	}
	r->enumtext = buf_detach(&text, NULL);
}

static void
bound(struct parse *p, const json_t *c, struct schema_field *f, int k)
{
	struct bound	*b = &f->rules->b[k];
	const json_t	*v = json_object_get(c, bound_keys[k]);
	struct buf	 what = BUF_INIT, text = BUF_INIT;

	if (v == NULL || !applies(p, c, f, bound_keys[k], "constraint",
	    ordered(f->type)))
		return;
	buf_printf(&what, _("constraint '%s'"), bound_keys[k]);
	if (typed(p, f, v, meta_loc(p->m, c, bound_keys[k]), what.data,
	    &b->v)) {
		scalar_text(&text, v);
		b->text = buf_detach(&text, NULL);
	}
	buf_release(&what);
}

static void
length(struct parse *p, const json_t *c, struct schema_field *f,
    const char *key, long long *out)
{
	if (!applies(p, c, f, key, "constraint", f->type == SCHEMA_STRING))
		return;
	if (!meta_int(p->m, p->d, c, key, out))
		p->ok = 0;
	else if (json_object_get(c, key) != NULL && *out < 0)
		err(p, meta_loc(p->m, c, key), "constraint '%s' must not be "
		    "negative", key);
}

/* "^(pat)$" with \d and \D outside brackets and \d inside made POSIX. */
static char *
posix_pattern(const char *pat)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	int		 bracket = 0;

	buf_puts(&b, "^(");
	for (s = pat; *s; s++) {
		if (*s == '\\' && (s[1] == 'd' || s[1] == 'D')) {
			buf_puts(&b, bracket ? "0-9" : s[1] == 'd' ? "[0-9]" :
			    "[^0-9]");
			s++;
		} else if (*s == '\\' && s[1] != '\0' && !bracket) {
			buf_put(&b, s, 2);
			s++;
		} else {
			if (*s == '[' && !bracket) {
				bracket = 1;
				buf_putc(&b, *s++);
				if (*s == '^')
					buf_putc(&b, *s++);
				if (*s == ']')
					buf_putc(&b, *s++);
				s--;
				continue;
			}
			if (*s == ']' && bracket)
				bracket = 0;
			buf_putc(&b, *s);
		}
	}
	buf_puts(&b, ")$");
	return buf_detach(&b, NULL);
}

static void
pattern(struct parse *p, const json_t *c, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const char		*pat = NULL;
	char			*re, msg[160];
	int			 rc;

	if (!applies(p, c, f, "pattern", "constraint",
	    f->type == SCHEMA_STRING))
		return;
	if (!meta_string(p->m, p->d, c, "pattern", &pat)) {
		p->ok = 0;
		return;
	}
	if (pat == NULL)
		return;
	re = posix_pattern(pat);
	rc = regcomp(&r->re, re, REG_EXTENDED | REG_NOSUB);
	free(re);
	if (rc != 0) {
		regerror(rc, &r->re, msg, sizeof(msg));
		err(p, meta_loc(p->m, c, "pattern"), "constraint 'pattern' "
		    "'%s' is not a regular expression: %s", pat, msg);
		return;
	}
	r->pattern = pat;
}

static const char *const cons_keys[] = {
	"required", "unique", "enum", "minimum", "maximum",
	"exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
	"pattern", NULL
};

static void
field_constraints(struct parse *p, const json_t *o, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const json_t		*c = json_object_get(o, "constraints");
	int			 k;

	if (c == NULL)
		return;
	if (!json_is_object(c)) {
		err(p, meta_loc(p->m, o, "constraints"), "key 'constraints' "
		    "must be a mapping");
		return;
	}
	r->cons = c;
	meta_warn_unknown(p->d, p->m, c, cons_keys, "constraints");
	if (!meta_bool(p->m, p->d, c, "required", &f->required) ||
	    !meta_bool(p->m, p->d, c, "unique", &f->unique))
		p->ok = 0;
	enum_values(p, c, f);
	for (k = 0; k < B_N; k++)
		bound(p, c, f, k);
	length(p, c, f, "minLength", &r->minlen);
	length(p, c, f, "maxLength", &r->maxlen);
	pattern(p, c, f);
	if (r->b[B_MIN].v.json && r->b[B_MAX].v.json &&
	    cmp(&r->b[B_MIN].v, &r->b[B_MAX].v) > 0)
		err(p, meta_loc(p->m, c, "minimum"), "constraint 'minimum' "
		    "is above 'maximum'");
	if (r->maxlen >= 0 && r->minlen > r->maxlen)
		err(p, meta_loc(p->m, c, "minLength"), "constraint "
		    "'minLength' is above 'maxLength'");
}

/* Check a strptime-style "fmt" for a date, time or datetime field. */
static int
check_pattern(struct parse *p, const struct schema_field *f,
    const struct loc *at)
{
	const char	*s;
	int		 seen = 0, want;

	for (s = f->format; *s; s++) {
		if (*s != '%')
			continue;
		if (*++s == '\0' || strchr("%YymdHMS", *s) == NULL) {
			err(p, at, "format '%s': unsupported directive '%%%.*s' "
			    "(use %%Y %%y %%m %%d %%H %%M %%S or %%%%)",
			    f->format, *s ? 1 : 0, s);
			return 0;
		}
		if (*s != '%')
			seen |= 1 << (strchr("YymdHMS", *s) - "YymdHMS");
	}
	want = f->type == SCHEMA_TIME ? 0x30 : f->type == SCHEMA_DATE ?
	    0x0C : 0x3C;
	if ((seen & want) != want || (f->type != SCHEMA_TIME && !(seen & 3)))
		err(p, at, f->type == SCHEMA_TIME ? N_("format '%s' of a "
		    "time needs %%H and %%M") : f->type == SCHEMA_DATE ?
		    N_("format '%s' of a date needs %%Y (or %%y), %%m and "
		    "%%d") : N_("format '%s' of a datetime needs %%Y (or %%y), "
		    "%%m, %%d, %%H and %%M"), f->format);
	return 1;
}

static int
pick(const char *fmt, const char *const *names, const enum fmt *fmts,
    enum fmt *out)
{
	size_t	 i;

	for (i = 0; names[i]; i++)
		if (strcmp(fmt, names[i]) == 0) {
			*out = fmts[i];
			return 1;
		}
	return 0;
}

static void
field_format(struct parse *p, const json_t *o, struct schema_field *f)
{
	static const char *const strs[] = { "default", "email", "uri", "uuid",
	    "binary", NULL };
	static const enum fmt	 strf[] = { FMT_DEFAULT, FMT_EMAIL, FMT_URI,
	    FMT_UUID, FMT_BINARY };
	static const char *const geos[] = { "default", "array", "object",
	    NULL };
	static const enum fmt	 geof[] = { FMT_DEFAULT, FMT_ARRAY,
	    FMT_OBJECT };
	const struct loc	*at = meta_loc(p->m, o, "format");
	enum fmt		*fmt = &f->rules->fmt;

	if (f->type == SCHEMA_STRING && !pick(f->format, strs, strf, fmt))
		err(p, at, "unknown format '%s' for a string (use default, "
		    "email, uri, uuid or binary)", f->format);
	else if (f->type == SCHEMA_GEOPOINT && !pick(f->format, geos, geof,
	    fmt))
		err(p, at, "unknown format '%s' for a geopoint (use default, "
		    "array or object)", f->format);
	else if (f->type >= SCHEMA_DATE && f->type <= SCHEMA_TIME) {
		if (strcmp(f->format, "default") && strcmp(f->format, "any") &&
		    check_pattern(p, f, at))
			*fmt = FMT_PATTERN;
	} else if (f->type != SCHEMA_STRING && f->type != SCHEMA_GEOPOINT &&
	    strcmp(f->format, "default") != 0)
		err(p, at, "format '%s' does not apply to a field of type "
		    "'%s' (only 'default')", f->format,
		    schema_type_name(f->type));
}

static void
boolean_values(struct parse *p, const json_t *o, const char *key,
    json_t **out, const char *v1, const char *v2, const char *v3,
    const char *v4)
{
	if (!meta_strings(p->m, p->d, o, key, out))
		p->ok = 0;
	else if (*out != NULL && json_array_size(*out) == 0)
		err(p, meta_loc(p->m, o, key), "key '%s' must list at least "
		    "one value", key);
	if (*out == NULL)
		*out = json_pack("[ssss]", v1, v2, v3, v4);
}

static void
field_options(struct parse *p, const json_t *o, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	enum schema_type	 t = f->type;
	int			 num = t == SCHEMA_NUMBER;

	applies(p, o, f, "decimalChar", "key", num);
	applies(p, o, f, "groupChar", "key", num || t == SCHEMA_INTEGER);
	applies(p, o, f, "bareNumber", "key", num || t == SCHEMA_INTEGER);
	applies(p, o, f, "trueValues", "key", t == SCHEMA_BOOLEAN);
	applies(p, o, f, "falseValues", "key", t == SCHEMA_BOOLEAN);
	if (!meta_string(p->m, p->d, o, "decimalChar", &r->decimal) ||
	    !meta_string(p->m, p->d, o, "groupChar", &r->group) ||
	    !meta_bool(p->m, p->d, o, "bareNumber", &r->bare))
		p->ok = 0;
	if (*r->decimal == '\0' || (r->group && *r->group == '\0'))
		err(p, meta_loc(p->m, o, *r->decimal ? "groupChar" :
		    "decimalChar"), "key '%s' must not be empty",
		    *r->decimal ? "groupChar" : "decimalChar");
	else if (num && r->group && strcmp(r->decimal, r->group) == 0)
		err(p, meta_loc(p->m, o, "groupChar"), "groupChar and "
		    "decimalChar must differ");
	boolean_values(p, o, "trueValues", &r->truev, "true", "True", "TRUE",
	    "1");
	boolean_values(p, o, "falseValues", &r->falsev, "false", "False",
	    "FALSE", "0");
}

static int
field_type(struct parse *p, const json_t *o, struct schema_field *f)
{
	const char	*t = "string";
	size_t		 i;

	if (!meta_string(p->m, p->d, o, "type", &t)) {
		p->ok = 0;
		return 0;
	}
	for (i = 0; type_names[i]; i++)
		if (strcmp(t, type_names[i]) == 0) {
			f->type = (enum schema_type)i;
			return 1;
		}
	err(p, meta_loc(p->m, o, "type"), "unknown type '%s' (use string, "
	    "number, integer, boolean, date, datetime, time, year, yearmonth, "
	    "duration, geopoint or any)", t);
	return 0;
}

static int
field_name(struct parse *p, const json_t *o, struct schema_field *f)
{
	size_t	 i;

	if (!meta_string(p->m, p->d, o, "name", &f->name)) {
		p->ok = 0;
		return 0;
	}
	if (f->name == NULL || *f->name == '\0') {
		err(p, f->name ? meta_loc(p->m, o, "name") : f->at,
		    "field has no name");
		f->name = NULL;
		return 0;
	}
	if (json_object_get(p->s->index, f->name) != NULL) {
		err(p, meta_loc(p->m, o, "name"), "duplicate field name '%s'",
		    f->name);
		return 0;
	}
	i = (size_t)(f - p->s->fields);
	json_object_set_new(p->s->index, f->name, json_integer((json_int_t)i));
	return 1;
}

static const char *const field_keys[] = {
	"name", "type", "title", "description", "unit", "format",
	"decimalChar", "groupChar", "bareNumber", "trueValues", "falseValues",
	"constraints", NULL
};

static void
field(struct parse *p, const json_t *list, size_t i)
{
	const json_t		*o = json_array_get(list, i);
	struct schema_field	*f = &p->s->fields[p->s->nfields++];
	struct schema_rules	*r;
	int			 ok;

	f->rules = r = xcalloc(1, sizeof(*r));
	f->at = meta_index_loc(p->m, list, i);
	f->format = "default";
	r->decimal = ".";
	r->bare = 1;
	r->minlen = r->maxlen = -1;
	r->src = o;
	if (!json_is_object(o)) {
		err(p, f->at, "field must be a mapping with a 'name' and a "
		    "'type'");
		return;
	}
	meta_warn_unknown(p->d, p->m, o, field_keys, _("a schema field"));
	ok = field_name(p, o, f);
	if (!meta_string(p->m, p->d, o, "title", &f->title) ||
	    !meta_string(p->m, p->d, o, "description", &f->description) ||
	    !meta_string(p->m, p->d, o, "unit", &f->unit) ||
	    !meta_string(p->m, p->d, o, "format", &f->format))
		ok = p->ok = 0;
	if (!field_type(p, o, f) || !ok)
		return;
	field_options(p, o, f);
	field_format(p, o, f);
	field_constraints(p, o, f);
}

static void
fields(struct parse *p, const json_t *obj, const struct loc *at)
{
	const json_t	*list = json_object_get(obj, "fields");
	size_t		 i;

	if (list == NULL) {
		err(p, at, "schema has no 'fields'");
		return;
	}
	if (!json_is_array(list) || json_array_size(list) == 0) {
		err(p, meta_loc(p->m, obj, "fields"), "key 'fields' must be a "
		    "list of fields");
		return;
	}
	p->s->fields = xcalloc(json_array_size(list), sizeof(*p->s->fields));
	for (i = 0; i < json_array_size(list); i++)
		field(p, list, i);
}

/*
 * The names of "key" of "obj" (a string or a list) as field indices in
 * "*out" (a new array) and their count in "*n"; each must be a field
 * of "s" and appear once.  0 after reporting.
 */
static int
field_list(struct parse *p, const json_t *obj, const char *key,
    const struct schema *s, size_t **out, size_t *n, const char *what)
{
	json_t		*names = NULL;
	const char	*name;
	size_t		 i, k;
	char		*seen = NULL;
	int		 ok = 1;

	*out = NULL;
	*n = 0;
	if (!meta_strings(p->m, p->d, obj, key, &names)) {
		p->ok = 0;
		return 0;
	}
	if (names == NULL || json_array_size(names) == 0) {
		err(p, meta_loc(p->m, obj, key), "%s must name at least one "
		    "field", what);
		json_decref(names);
		return 0;
	}
	*out = xcalloc(json_array_size(names), sizeof(**out));
	seen = xcalloc(s->nfields + 1, 1);
	for (i = 0; i < json_array_size(names); i++) {
		name = json_string_value(json_array_get(names, i));
		k = schema_find(s, name);
		if (k == SCHEMA_NONE || seen[k]) {
			err(p, name_loc(p, obj, key, i), k == SCHEMA_NONE ?
			    N_("%s names an unknown field '%s'") :
			    N_("%s names the field '%s' twice"), what, name);
			ok = 0;
		} else {
			seen[k] = 1;
			(*out)[(*n)++] = k;
		}
	}
	free(seen);
	json_decref(names);
	return ok;
}

static void
primary_key(struct parse *p, const json_t *obj)
{
	struct schema	*s = p->s;
	size_t		 i;

	if (json_object_get(obj, "primaryKey") == NULL)
		return;
	if (!field_list(p, obj, "primaryKey", s, &s->pkey, &s->npkey,
	    _("primary key"))) {
		s->npkey = 0;
		return;
	}
	for (i = 0; i < s->npkey; i++)
		s->fields[s->pkey[i]].required = 1;
}

/* The referenced field names, borrowed from the YAML tree. */
static int
ref_names(struct parse *p, const json_t *ref, struct schema_fkey *k)
{
	json_t	*names = NULL, *seen;
	size_t	 i;
	int	 ok = 1;

	if (!meta_strings(p->m, p->d, ref, "fields", &names)) {
		p->ok = 0;
		return 0;
	}
	if (json_array_size(names) != k->nfields) {
		err(p, k->ref_at, ngettext("foreign key has %zu field but its "
		    "reference has %zu", "foreign key has %zu fields but its "
		    "reference has %zu", k->nfields), k->nfields,
		    json_array_size(names));
		json_decref(names);
		return 0;
	}
	k->ref = xcalloc(k->nfields, sizeof(*k->ref));
	seen = json_object();
	for (i = 0; i < k->nfields; i++) {
		k->ref[i] = json_string_value(json_array_get(names, i));
		if (json_object_get(seen, k->ref[i]) != NULL) {
			err(p, k->ref_at, "reference names the field '%s' "
			    "twice", k->ref[i]);
			ok = 0;
		}
		json_object_set_new(seen, k->ref[i], json_true());
	}
	json_decref(seen);
	json_decref(names);
	return ok;
}

static const char *const fkey_keys[] = { "fields", "reference", NULL };
static const char *const ref_keys[] = { "resource", "fields", NULL };

/* 0 after reporting if foreign key "o" (at "at") lacks a part. */
static int
fkey_shape(struct parse *p, const json_t *o, const struct loc *at)
{
	const json_t	*ref = json_object_get(o, "reference");
	int		 ok = 1;

	if (!json_is_object(o)) {
		err(p, at, "foreign key must be a mapping with 'fields' and "
		    "'reference'");
		return 0;
	}
	meta_warn_unknown(p->d, p->m, o, fkey_keys, _("a foreign key"));
	if (json_object_get(o, "fields") == NULL) {
		err(p, at, "foreign key has no 'fields'");
		ok = 0;
	}
	if (ref == NULL) {
		err(p, at, "foreign key has no 'reference'");
		return 0;
	}
	if (!json_is_object(ref)) {
		err(p, meta_loc(p->m, o, "reference"), "key 'reference' must "
		    "be a mapping with 'resource' and 'fields'");
		return 0;
	}
	meta_warn_unknown(p->d, p->m, ref, ref_keys, _("a reference"));
	if (json_object_get(ref, "fields") == NULL) {
		err(p, meta_loc(p->m, o, "reference"), "reference has no "
		    "'fields'");
		ok = 0;
	}
	return ok;
}

static void
fkey(struct parse *p, const json_t *list, size_t i)
{
	const json_t		*o = json_array_get(list, i), *ref;
	const struct loc	*at = meta_index_loc(p->m, list, i);
	struct schema_fkey	*k;
	size_t			 n;

	if (!fkey_shape(p, o, at))
		return;
	ref = json_object_get(o, "reference");
	k = &p->s->fkeys[p->s->nfkeys++];
	k->at = at;
	k->resource = "";
	k->resource_at = meta_loc(p->m, ref, "resource");
	k->ref_at = meta_loc(p->m, ref, "fields");
	if (k->resource_at == NULL)
		k->resource_at = meta_loc(p->m, o, "reference");
	if (!meta_string(p->m, p->d, ref, "resource", &k->resource))
		p->ok = 0;
	if (!field_list(p, o, "fields", p->s, &k->fields, &k->nfields,
	    _("foreign key")) || !ref_names(p, ref, k) ||
	    *k->resource != '\0')
		return;
	if (field_list(p, ref, "fields", p->s, &k->self, &n, _("reference")))
		return;
	free(k->self);
	k->self = NULL;
}

static void
foreign_keys(struct parse *p, const json_t *obj)
{
	const json_t	*list = json_object_get(obj, "foreignKeys");
	size_t		 i;

	if (list == NULL)
		return;
	if (!json_is_array(list)) {
		err(p, meta_loc(p->m, obj, "foreignKeys"), "key 'foreignKeys' "
		    "must be a list of foreign keys");
		return;
	}
	p->s->fkeys = xcalloc(json_array_size(list) + 1,
	    sizeof(*p->s->fkeys));
	for (i = 0; i < json_array_size(list); i++)
		fkey(p, list, i);
}

static const char *const schema_keys[] = {
	"fields", "missingValues", "primaryKey", "foreignKeys", NULL
};

struct schema *
schema_parse(struct diag *d, const struct meta *m, const json_t *obj,
    const struct loc *at)
{
	struct parse	 p = { d, m, xcalloc(1, sizeof(struct schema)), 1 };

	p.s->index = json_object();
	if (!json_is_object(obj)) {
		err(&p, at, "key 'schema' must be a mapping with 'fields'");
		goto out;
	}
	meta_warn_unknown(p.d, p.m, obj, schema_keys, _("the schema"));
	if (!meta_strings(m, d, obj, "missingValues", &p.s->missing))
		p.ok = 0;
	fields(&p, obj, at);
	if (p.s->nfields == 0)
		goto out;
	primary_key(&p, obj);
	foreign_keys(&p, obj);
out:
	if (p.s->missing == NULL)
		p.s->missing = json_pack("[s]", "");
	if (!p.ok) {
		schema_free(p.s);
		return NULL;
	}
	return p.s;
}

static void
rules_free(struct schema_rules *r)
{
	int	 k;

	if (r == NULL)
		return;
	if (r->pattern)
		regfree(&r->re);
	json_decref(r->truev);
	json_decref(r->falsev);
	json_decref(r->enumv);
	free(r->enumtext);
	for (k = 0; k < B_N; k++) {
		json_decref(r->b[k].v.json);
		free(r->b[k].text);
	}
	free(r);
}

void
schema_free(struct schema *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfields; i++)
		rules_free(s->fields[i].rules);
	for (i = 0; i < s->nfkeys; i++) {
		free(s->fkeys[i].fields);
		free(s->fkeys[i].ref);
		free(s->fkeys[i].self);
	}
	free(s->fields);
	free(s->pkey);
	free(s->fkeys);
	json_decref(s->missing);
	json_decref(s->index);
	free(s);
}

size_t
schema_find(const struct schema *s, const char *name)
{
	json_t	*i = json_object_get(s->index, name);

	return i ? (size_t)json_integer_value(i) : SCHEMA_NONE;
}

/* The descriptor. */

static void
copy_key(json_t *to, const json_t *from, const char *key)
{
	json_t	*v = json_object_get(from, key);

	if (v != NULL)
		json_object_set_new(to, key, json_deep_copy(v));
}

static json_t *
constraints_descriptor(const struct schema_field *f)
{
	const struct schema_rules	*r = f->rules;
	json_t				*c = json_object();
	int				 k;

	copy_key(c, r->cons, "required");
	copy_key(c, r->cons, "unique");
	if (r->enumv)
		json_object_set_new(c, "enum", json_deep_copy(r->enumv));
	for (k = 0; k < B_N; k++)
		if (r->b[k].v.json)
			json_object_set_new(c, bound_keys[k],
			    json_deep_copy(r->b[k].v.json));
	copy_key(c, r->cons, "minLength");
	copy_key(c, r->cons, "maxLength");
	if (r->pattern)
		json_object_set_new(c, "pattern", json_string(r->pattern));
	return c;
}

static void
set_string(json_t *o, const char *key, const char *v)
{
	if (v != NULL)
		json_object_set_new(o, key, json_string(v));
}

static json_t *
field_descriptor(const struct schema_field *f)
{
	const struct schema_rules	*r = f->rules;
	json_t				*o = json_object(), *c;

	set_string(o, "name", f->name);
	set_string(o, "type", schema_type_name(f->type));
	set_string(o, "title", f->title);
	set_string(o, "description", f->description);
	if (strcmp(f->format, "default") != 0)
		set_string(o, "format", f->format);
	set_string(o, "unit", f->unit);
	copy_key(o, r->src, "decimalChar");
	copy_key(o, r->src, "groupChar");
	copy_key(o, r->src, "bareNumber");
	if (json_object_get(r->src, "trueValues"))
		json_object_set_new(o, "trueValues", json_deep_copy(r->truev));
	if (json_object_get(r->src, "falseValues"))
		json_object_set_new(o, "falseValues",
		    json_deep_copy(r->falsev));
	c = constraints_descriptor(f);
	if (json_object_size(c) > 0)
		json_object_set(o, "constraints", c);
	json_decref(c);
	return o;
}

static json_t *
names(const struct schema *s, const size_t *idx, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(s->fields[idx[i]].name));
	return a;
}

static json_t *
fkey_descriptor(const struct schema *s, const struct schema_fkey *k)
{
	json_t	*ref = json_array();
	size_t	 i;

	for (i = 0; i < k->nfields; i++)
		json_array_append_new(ref, json_string(k->ref[i]));
	return json_pack("{s:o, s:{s:s, s:o}}", "fields",
	    names(s, k->fields, k->nfields), "reference", "resource",
	    k->resource, "fields", ref);
}

json_t *
schema_descriptor(const struct schema *s)
{
	json_t	*o = json_object(), *a = json_array();
	size_t	 i;

	for (i = 0; i < s->nfields; i++)
		json_array_append_new(a, field_descriptor(&s->fields[i]));
	json_object_set_new(o, "fields", a);
	json_object_set_new(o, "missingValues", json_deep_copy(s->missing));
	if (s->npkey > 0)
		json_object_set_new(o, "primaryKey", names(s, s->pkey,
		    s->npkey));
	if (s->nfkeys == 0)
		return o;
	a = json_array();
	for (i = 0; i < s->nfkeys; i++)
		json_array_append_new(a, fkey_descriptor(s, &s->fkeys[i]));
	json_object_set_new(o, "foreignKeys", a);
	return o;
}
