/*
 * The view models of the open-data pages: a dataset's landing page and
 * the catalog page (all datasets, or those with one keyword).  They are
 * built from the dataset, its publish record (publish.h) and the
 * theme's strings, with URLs relative to the page; render.c renders
 * them through the layouts "dataset" and "datasets".
 */
#ifndef PLANPRESS_DSVIEW_H
#define PLANPRESS_DSVIEW_H

#include <stddef.h>

#include <jansson.h>

struct dataset;

/* Where the pages are: "/dataset/", "/dataset/ID/", "/dataset/keyword/SLUG/". */
#define DSVIEW_ROOT	"/dataset/"

/*
 * The "dataset" object of the landing page of "ds" at site path "path"
 * (see docs/templates.md).  "rec" is its publish record, "strings" the
 * theme's strings, "base_url" the site's ("" for none); "files" is
 * render_relurl()'s.  Returns a new reference.
 */
json_t	*dsview_dataset(const struct dataset *ds, const json_t *rec,
	    const json_t *strings, const char *base_url, const char *path,
	    int files);

/*
 * The "catalog" object of the catalog page at "path": every dataset of
 * "v" or, when "keyword" is not NULL, those with that keyword; "files" is
 * render_relurl()'s.  Returns a new reference.
 */
json_t	*dsview_catalog(struct dataset *const *v, size_t n,
	    const json_t *records, const json_t *strings, const char *path,
	    int files, const char *keyword);

/* The site path of the page of keyword "k", to free with free(). */
char	*dsview_keyword_path(const char *k);

#endif
