/*
 * The static API of the indicator model (indicator.h): plain JSON and
 * CSV for programs, with no words of the theme, so one API serves the
 * site and all its editions.  docs/progress.md documents every field.
 *
 *	api/indicators.json		every target with its status, the
 *					counts and the plan's clauses
 *	api/indicators/ID.json		one target, its figures and units
 *	api/indicators/ID.csv		its own rows: figures or units
 *	api/areas.json			every area with its counts
 *	api/units.json			every unit
 *	api/units/ID.json		one unit: what it leads and did
 *
 * Addresses are absolute from the site's base URL ("https://x/plan/"),
 * or site paths ("/chi-tieu/A1.a/") when it has none.  The API only
 * reads the model.
 */
#ifndef PLANPRESS_INDAPI_H
#define PLANPRESS_INDAPI_H

#include <jansson.h>

struct buf;
struct indicator;
struct indicators;

/* Where a file of the API goes: its path below the output folder
 * ("api/units.json") and its bytes, lent for the call; 0 on failure. */
typedef int (*indapi_file_fn)(void *arg, const char *path,
	    const struct buf *data);

/*
 * Hand every file of the API to "fn", with URLs absolute from
 * "base_url" (site paths when it is "").  Returns 1, or 0 when "fn"
 * failed for some file (the others are still handed over).
 */
int	 indapi_write(const struct indicators *x, const char *base_url,
	    indapi_file_fn fn, void *arg);

/*
 * Target "ind" of "x" as api/indicators.json lists it, with URLs from
 * "base_url" as above: a new reference.
 */
json_t	*indapi_indicator(const struct indicators *x,
	    const struct indicator *ind, const char *base_url);

#endif
