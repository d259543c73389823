/*
 * Theme strings, in the load stage, and the date formatting that uses
 * them in the render stage.  Nothing a reader sees is written in C: even
 * month names come from the i18n files.
 */
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "meta.h"
#include "xalloc.h"

/* 1 if "key" ends in "_path": a path of the site, such as "/chi-tieu/". */
static int
pathkey(const char *key)
{
	size_t	 len = strlen(key);

	return len >= 5 && strcmp(key + len - 5, "_path") == 0;
}

/*
 * Every value of "obj" is text, a list of texts or a mapping of those;
 * a top-level string whose key ends in "_path" is a path of the site
 * from '/' to '/'.
 */
static int
checkvalues(struct diag *d, const struct meta *m, json_t *obj, int top)
{
	const char	*key, *s;
	json_t		*v, *x;
	size_t		 i;
	int		 rc = 1;

	json_object_foreach(obj, key, v) {
		if (json_is_string(v) && top && pathkey(key)) {
			s = json_string_value(v);
			if (*s != '/' || s[strlen(s) - 1] != '/')
				rc = diag_error(d, meta_loc(m, obj, key),
				    "string '%s' must be a path of the site "
				    "from / to /, not '%s'", key, s);
			continue;
		}
		if (json_is_string(v))
			continue;
		if (json_is_object(v)) {
			rc &= checkvalues(d, m, v, 0);
			continue;
		}
		if (json_is_array(v)) {
			json_array_foreach(v, i, x)
				if (!json_is_string(x))
					break;
			if (i == json_array_size(v))
				continue;
		}
		rc = diag_error(d, meta_loc(m, obj, key), "string '%s' must "
		    "be text or a list of texts", key);
	}
	return rc;
}

/* Merge the file "path" into "into"; a missing optional file is fine. */
static int
merge(struct diag *d, json_t *into, const char *path, int required)
{
	struct buf	 b = BUF_INIT;
	struct meta	*m = NULL;
	struct loc	 l = { path, 0, 0 };
	int		 rc = 0;

	if (!fsin_isfile(path)) {
		if (!required)
			return 1;
		return diag_error(d, &l, "the theme has no strings for this "
		    "language");
	}
	if (!fsin_read(d, path, path, &b))
		goto out;
	if ((m = meta_parse(d, path, 1, b.data, b.len)) == NULL)
		goto out;
	if (!json_is_object(meta_root(m))) {
		diag_error(d, meta_root_loc(m), "strings must be a mapping "
		    "of keys to texts");
		goto out;
	}
	if (!checkvalues(d, m, meta_root(m), 1))
		goto out;
	json_object_update(into, meta_root(m));
	rc = 1;
out:
	meta_free(m);
	buf_release(&b);
	return rc;
}

json_t *
i18n_load(struct diag *d, const char *themedir, const char *sitedir,
    const char *lang)
{
	json_t	*t = json_object();
	char	*p, *q;
	int	 rc;

	p = xasprintf("%s/i18n/%s.yaml", themedir, lang);
	rc = merge(d, t, p, 1);
	free(p);
	p = xasprintf("i18n/%s.yaml", lang);
	q = fsin_join(sitedir, p);
	free(p);
	p = q;
	rc &= merge(d, t, p, 0);
	free(p);
	if (!rc) {
		json_decref(t);
		return NULL;
	}
	return t;
}

static void
name(const json_t *strings, const char *list, int month, struct buf *out)
{
	json_t	*v = json_array_get(json_object_get(strings, list),
	    (size_t)month - 1);

	if (json_is_string(v))
		buf_puts(out, json_string_value(v));
	else
		buf_printf(out, "%02d", month);
}

void
i18n_date(const json_t *strings, const char *iso, struct buf *out)
{
	const char	*f = json_string_value(json_object_get(strings,
	    "date_format"));
	int		 month, day;

	if (f == NULL || strlen(iso) < 10) {
		buf_puts(out, iso);
		return;
	}
	month = atoi(iso + 5);
	day = atoi(iso + 8);
	for (; *f; f++) {
		if (*f != '%' || f[1] == '\0') {
			buf_putc(out, *f);
			continue;
		}
		switch (*++f) {
		case 'd': buf_printf(out, "%02d", day); break;
		case 'e': buf_printf(out, "%d", day); break;
		case 'm': buf_printf(out, "%02d", month); break;
		case 'Y': buf_put(out, iso, 4); break;
		case 'b': name(strings, "months_short", month, out); break;
		case 'B': name(strings, "months", month, out); break;
		default: buf_putc(out, *f); break;
		}
	}
}

const char *
i18n_string(const json_t *strings, const char *key, const char *def)
{
	const char	*v = json_string_value(json_object_get(strings, key));

	return v ? v : def;
}

void
i18n_fill(const json_t *strings, const char *key, const json_t *vars,
    struct buf *out)
{
	const char	*p = i18n_string(strings, key, ""), *end;
	json_t		*v;
	char		 name[64];
	size_t		 n;

	while (*p) {
		end = *p == '{' ? strchr(p, '}') : NULL;
		n = end ? (size_t)(end - p - 1) : 0;
		if (end == NULL || n == 0 || n >= sizeof(name)) {
			buf_putc(out, *p++);
			continue;
		}
		memcpy(name, p + 1, n);
		name[n] = '\0';
		v = json_object_get(vars, name);
		if (json_is_string(v))
			buf_puts(out, json_string_value(v));
		else if (json_is_integer(v))
			buf_printf(out, "%lld", (long long)json_integer_value(v));
		else
			buf_put(out, p, n + 2);
		p = end + 1;
	}
}

void
i18n_number(const json_t *strings, double v, int decimals, struct buf *out)
{
	char		 tmp[64], *dot, *p;
	size_t		 intlen, i;

	if (!isfinite(v)) {
		buf_printf(out, "%g", v);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.*f", decimals < 0 ? 0 : decimals,
	    fabs(v));
	if ((dot = strchr(tmp, '.')) != NULL) {
		for (p = tmp + strlen(tmp) - 1; p > dot && *p == '0'; p--)
			*p = '\0';
		if (p == dot)
			*p = '\0';
	}
	if (v < 0 && strspn(tmp, "0.") != strlen(tmp))
		buf_putc(out, '-');
	dot = strchr(tmp, '.');
	intlen = dot ? (size_t)(dot - tmp) : strlen(tmp);
	for (i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			buf_puts(out, i18n_string(strings, "group_mark", ","));
		buf_putc(out, tmp[i]);
	}
	if (dot) {
		buf_puts(out, i18n_string(strings, "decimal_mark", "."));
		buf_puts(out, dot + 1);
	}
}

void
i18n_size(const json_t *strings, unsigned long long bytes, struct buf *out)
{
	json_t	*units = json_object_get(strings, "size_units");
	double	 v = (double)bytes;
	size_t	 u = 0, n = json_array_size(units);

	if (n == 0) {		/* no unit names: the number of bytes */
		i18n_number(strings, v, 0, out);
		return;
	}
	while (v >= 1000 && u + 1 < n) {
		v /= 1000;
		u++;
	}
	i18n_number(strings, v, u ? 1 : 0, out);
	buf_putc(out, ' ');
	buf_puts(out, json_string_value(json_array_get(units, u)));
}
