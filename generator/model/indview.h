/*
 * The page views of the indicator model (indicator.h): what content
 * pages show of it (the home page's headline, an area's targets, a
 * task's units and indicators) and the pages it adds (one per indicator
 * and per unit, their indexes, the methodology and API pages); the
 * static API under api/ is indapi.h's.  docs/templates.md documents
 * every object; numbers, dates and words come from the theme's strings,
 * so each language gets its own ("8,5%" and "30/06/2024" in Vietnamese,
 * "8.5%" and "30 Jun 2024" in English).
 *
 * Views only read the model, so render threads may build them at once.
 */
#ifndef PLANPRESS_INDVIEW_H
#define PLANPRESS_INDVIEW_H

#include <jansson.h>

struct edition;
struct indicator;
struct indicators;
struct page;
struct unit;

/*
 * The "progress" object of content page "p" seen from site path "from"
 * ("abs": absolute base URL for links, or NULL for relative ones), or
 * NULL when the page has nothing of the model.  "full" is 0 for a page
 * listed on another page (only its units), 1 for the page itself.
 */
json_t	*indview_page(const struct indicators *x, const json_t *strings,
	    const struct edition *ed, const struct page *p, const char *from,
	    const char *abs, int full);

/* Where a generated page goes: site path, titles, layout and view. */
typedef int (*indview_page_fn)(void *arg, const char *path,
	    const char *title, const char *summary, const char *layout,
	    const char *key, json_t *view, const char *up,
	    const char *up_title);

/* Hand every page the model adds to "fn" (the view is taken). */
int	 indview_pages(const struct indicators *x, const json_t *strings,
	    const struct edition *ed, indview_page_fn fn, void *arg);

/*
 * The site path of the page of indicator "ind" of "x" ("/chi-tieu/A1.a/"),
 * and of unit "u" ("/don-vi/ict/"), as a new string to free with free().
 */
char	*indview_ind_path(const struct indicators *x,
	    const struct indicator *ind);
char	*indview_unit_path(const struct indicators *x, const struct unit *u);

#endif
