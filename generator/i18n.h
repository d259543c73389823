/*
 * The strings a theme shows, per language: themes/NAME/i18n/LANG.yaml,
 * overridden key by key by the site's own i18n/LANG.yaml.  Values are
 * strings, lists of strings (month names) or mappings of those.
 */
#ifndef PLANPRESS_I18N_H
#define PLANPRESS_I18N_H

#include <jansson.h>

struct buf;
struct diag;

/*
 * Load the strings of "lang".  Returns a new reference to an object, or
 * NULL after reporting (a missing theme file for the language, a value
 * of the wrong type).
 */
json_t	*i18n_load(struct diag *d, const char *themedir, const char *sitedir,
	    const char *lang);

/*
 * Append the ISO date "iso" (YYYY-MM-DD...) formatted with the string
 * "date_format" of "strings": %d and %m (two digits), %e (day without
 * zero), %Y, %b and %B (names from the lists "months_short" and
 * "months"), %% for '%'.  Without a format the ISO date is used.
 */
void	 i18n_date(const json_t *strings, const char *iso, struct buf *out);

#endif
