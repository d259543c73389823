/*
 * The strings a theme shows, per language: themes/NAME/i18n/LANG.yaml,
 * overridden key by key by the site's own i18n/LANG.yaml.  Values are
 * strings, lists of strings (month names) or mappings of those; a
 * top-level key ending in "_path" is a path of the site from '/' to '/'
 * ("indicators_path": "/chi-tieu/").
 */
#ifndef PLANPRESS_I18N_H
#define PLANPRESS_I18N_H

#include <jansson.h>

struct buf;
struct diag;

/*
 * Load the strings of "lang".  Returns a new reference to an object, or
 * NULL after reporting (a missing theme file for the language, a value
 * of the wrong type, a path that is not one).
 */
json_t	*i18n_load(struct diag *d, const char *themedir, const char *sitedir,
	    const char *lang);

/* The string "key" of "strings", or "def" when there is none. */
const char *i18n_string(const json_t *strings, const char *key,
	    const char *def);

/*
 * Append the ISO date "iso" (YYYY-MM-DD...) formatted with the string
 * "date_format" of "strings": %d and %m (two digits), %e (day without
 * zero), %Y, %b and %B (names from the lists "months_short" and
 * "months"), %% for '%'.  Without a format the ISO date is used.
 */
void	 i18n_date(const json_t *strings, const char *iso, struct buf *out);

/*
 * Append the string "key" of "strings" with every "{name}" replaced by
 * the value of "name" in the object "vars" (strings and integers):
 * "Hiển thị {shown} trên {total} dòng." -> "Hiển thị 50 trên 1.234 dòng."
 * when vars holds the already formatted numbers.  A missing key appends
 * nothing; an unknown name is left as written.
 */
void	 i18n_fill(const json_t *strings, const char *key, const json_t *vars,
	    struct buf *out);

/*
 * Append "v" with at most "decimals" digits after the decimal mark
 * (trailing zeros dropped) and groups of three digits, using the strings
 * "decimal_mark" and "group_mark": 1234.5 -> "1.234,5" in Vietnamese,
 * "1,234.5" in English.
 */
void	 i18n_number(const json_t *strings, double v, int decimals,
	    struct buf *out);

/*
 * Append a file size in bytes, in the units of the list "size_units"
 * (B, kB, MB, GB; powers of 1000) with one decimal: 12345 -> "12,3 kB";
 * without that list, the number of bytes.
 */
void	 i18n_size(const json_t *strings, unsigned long long bytes,
	    struct buf *out);

#endif
