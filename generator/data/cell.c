/*
 * Table Schema, typing every cell, in the scan stage: while dataset.c
 * streams a CSV it asks schema_cell() about every cell, which gives back
 * the typed JSON value the writers need or the reason the cell is wrong;
 * schema_valid() checks a metadata value typed like a field (issued,
 * temporal.start ...).  The rules come from schema.c, which checked each
 * field once (cell.h).
 *
 *	for each row, for each cell i:
 *		v = schema_cell(s, i, cell, len, &why);	// NULL: see "why"
 *
 * Dates, times and datetimes are ISO 8601 by default ("2024-05-16",
 * "08:30:00", "2024-05-16T08:30:00Z"), or follow a strptime-style
 * "format" made of %Y %y %m %d %H %M %S and %%.  Geopoints are
 * Frictionless' "lon, lat".  A pattern constraint matches bytes, so "."
 * is one byte of a UTF-8 character.
 */
#include "cell.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "intl.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

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
    struct cell_value *v, struct buf *why)
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
    struct cell_value *v, struct buf *why)
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
    struct cell_value *v, struct buf *why)
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
	if (f->rules->fmt == CELL_FMT_PATTERN)
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
    struct cell_value *v, struct buf *why)
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
		    f->rules->fmt == CELL_FMT_PATTERN ? f->format : iso[k]);
		return 0;
	}
	secs = w.h * 3600 + w.mi * 60 + w.s + w.frac - w.tz * 60;
	v->d = f->type == SCHEMA_TIME ? secs : civil(w.y, w.mo, w.d);
	if (f->type == SCHEMA_DATETIME)
		v->d = v->d * 86400 + secs;
	if (f->rules->fmt != CELL_FMT_PATTERN)
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
    struct cell_value *v, struct buf *why)
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
    struct cell_value *v, struct buf *why)
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
geopoint(enum cell_format fmt, const char *s, size_t n)
{
	const char	*comma = memchr(s, ',', n);
	json_t		*j;
	size_t		 a, b;
	double		 lon, lat;
	int		 ok = 0;

	if (fmt == CELL_FMT_DEFAULT) {
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
	if (fmt == CELL_FMT_ARRAY && json_array_size(j) == 2)
		ok = json_is_number(json_array_get(j, 0)) &&
		    json_is_number(json_array_get(j, 1)) &&
		    lonlat(json_number_value(json_array_get(j, 0)),
		    json_number_value(json_array_get(j, 1)));
	else if (fmt == CELL_FMT_OBJECT && json_object_size(j) == 2)
		ok = json_is_number(json_object_get(j, "lon")) &&
		    json_is_number(json_object_get(j, "lat")) &&
		    lonlat(json_number_value(json_object_get(j, "lon")),
		    json_number_value(json_object_get(j, "lat")));
	json_decref(j);
	return ok;
}

static int
cast_geopoint(const struct schema_field *f, const char *s, size_t n,
    struct cell_value *v, struct buf *why)
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
    struct cell_value *v, struct buf *why)
{
	switch (f->rules->fmt) {
	case CELL_FMT_EMAIL:
		if (!is_email(s, n))
			return buf_puts(why, _("is not an email address")), 0;
		break;
	case CELL_FMT_URI:
		if (!is_uri(s, n))
			return buf_puts(why, _("is not a URI")), 0;
		break;
	case CELL_FMT_UUID:
		if (!is_uuid(s, n))
			return buf_puts(why, _("is not a UUID")), 0;
		break;
	case CELL_FMT_BINARY:
		if (!is_base64(s, n))
			return buf_puts(why, _("is not base64 binary data")), 0;
		break;
	default:
		break;
	}
	v->json = json_stringn(s, n);
	return 1;
}

int
cell_cast(const struct schema_field *f, const char *s, size_t n,
    struct cell_value *v, struct buf *why)
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

int
cell_compare(const struct cell_value *a, const struct cell_value *b)
{
	double	 x, y;

	if (a->isint && b->isint)
		return (a->i > b->i) - (a->i < b->i);
	x = a->isint ? (double)a->i : a->d;
	y = b->isint ? (double)b->i : b->d;
	return (x > y) - (x < y);
}

int
cell_in_enum(const json_t *list, const json_t *v)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(list, i, e)
		if (json_equal(e, v))
			return 1;
	return 0;
}

static int
bounds(const struct schema_rules *r, const struct cell_value *v,
    struct buf *why)
{
	static const char *const says[CELL_NBOUNDS] = {
	    N_("is below the minimum"), N_("is above the maximum"),
	    N_("is not above the exclusive minimum"),
	    N_("is not below the exclusive maximum") };
	int	 k, c;

	for (k = 0; k < CELL_NBOUNDS; k++) {
		if (r->b[k].v.json == NULL)
			continue;
		c = cell_compare(v, &r->b[k].v);
		if ((k == CELL_MIN && c < 0) || (k == CELL_MAX && c > 0) ||
		    (k == CELL_XMIN && c <= 0) || (k == CELL_XMAX && c >= 0)) {
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
    const struct cell_value *v, struct buf *why)
{
	const struct schema_rules	*r = f->rules;
	char				*tmp;
	int				 ok;

	if (r->enumv != NULL && !cell_in_enum(r->enumv, v->json)) {
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
	struct cell_value		 v;

	if (is_missing(s, cell, len)) {
		if (!f->required)
			return json_null();
		buf_printf(why, _("field '%s' (%s): a value is required"),
		    f->name, schema_type_name(f->type));
		return NULL;
	}
	if (!cell_cast(f, cell, len, &v, &rule) ||
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
	struct cell_value	 val;
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
	ok = cell_cast(&f, v, strlen(v), &val, &why);
	json_decref(val.json);
	json_decref(r.truev);
	json_decref(r.falsev);
	buf_release(&why);
	return ok;
}
