/*
 * A theme: its layouts and partials parsed once, its assets folder and
 * its strings, with the site's own layouts/ and partials/ taking
 * precedence file by file.
 *
 * Templates are immutable after theme_load() and may be rendered from
 * several threads at once.
 */
#ifndef PLANPRESS_THEME_H
#define PLANPRESS_THEME_H

#include <jansson.h>

struct buf;
struct diag;
struct loc;
struct mustache;
struct theme;

/*
 * Load theme "name" for the site in "sitedir": from sitedir/themes/NAME,
 * else from the installed themes.  Every template is parsed and every
 * partial or parent it names must exist; "lang" picks the i18n file.
 * "where" is the place in site.yaml that names the theme, for messages.
 * Returns a theme to free with theme_free(), or NULL after reporting.
 */
struct theme		*theme_load(struct diag *d, const char *sitedir,
			    const char *name, const char *lang,
			    const struct loc *where);

void			 theme_free(struct theme *th);

/* The layout "name" (site layouts/ first), or NULL; lent until theme_free(). */
/*
 * Append to "b" a hint for the unknown layout "name": "; did you mean
 * 'page'?", or the choices when the theme has few layouts.
 */
void			 theme_layout_hint(const struct theme *th,
			    const char *name, struct buf *b);

const struct mustache	*theme_layout(const struct theme *th,
			    const char *name);

/* A mustache_lookup_fn for partials and parents; "arg" is the theme. */
const struct mustache	*theme_lookup(void *arg, const char *name);

/* The theme's assets folder, or NULL when it has none. */
const char		*theme_assets(const struct theme *th);

/* The theme's folder, "themes/default". */
const char		*theme_dir(const struct theme *th);

/* The strings of the language (object of strings), borrowed. */
json_t			*theme_strings(const struct theme *th);

#endif
