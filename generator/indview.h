/*
 * The views of the indicator model (indicator.h): what content pages
 * show of it (the home page's headline, an area's targets, a task's
 * units and indicators), the pages it adds (one per indicator and per
 * unit, their indexes, the methodology and API pages) and the static
 * API under api/.  docs/templates.md documents every object; numbers,
 * dates and words come from the theme's strings, so each language gets
 * its own ("8,5%" and "30/06/2024" in Vietnamese, "8.5%" and
 * "30 Jun 2024" in English).
 *
 * Views only read the model, so render threads may build them at once.
 */
#ifndef PLANPRESS_INDVIEW_H
#define PLANPRESS_INDVIEW_H

#include <jansson.h>

struct buf;
struct indicators;
struct edition;
struct page;

/* The methodology page, below the targets' index. */
#define INDVIEW_METHODOLOGY	"phuong-phap/"

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

/* Where a file of the API goes: its path below the output folder. */
typedef int (*indview_file_fn)(void *arg, const char *path,
	    const struct buf *data);

/*
 * Write the static API: api/indicators.json, api/indicators/ID.json and
 * ID.csv, api/areas.json, api/units.json and api/units/ID.json, with
 * absolute URLs from "base_url" (site paths when it is "").
 */
int	 indview_api(const struct indicators *x, const char *base_url,
	    indview_file_fn fn, void *arg);

#endif
