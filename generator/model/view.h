/*
 * Dataset views: charts and tables that a dataset's metadata declares
 * and any page can show (docs/datasets.md, "Views").
 *
 *	views:
 *	  - id: ranking			# [a-z0-9-]
 *	    title: "Districts by total score"
 *	    description: "..."		# optional
 *	    type: bar			# bar, line or table
 *	    x: name			# labels (bar), periods (line)
 *	    y: total			# a number field
 *	    series: level		# line: one line per value
 *	    sort: -total		# a field, '-' for descending
 *	    filter: { year: "2023" }	# rows whose cells equal these
 *	    columns: [name, total]	# table: the fields shown
 *	    decimals: 4			# digits shown after the mark
 *	    rank: true			# line: y is a place, 1 on top
 *	    limit: 20			# at most this many rows
 *
 * Every mistake is reported at its place in the YAML.  The rows of a
 * dataset with views are kept while it is scanned (at most
 * VIEW_ROWS_MAX), so no file is read twice.  A page shows views with
 * front matter "views: [DATASET/VIEW, ...]"; a dataset's landing page
 * shows its own.  Views of sample data say so.
 */
#ifndef PLANPRESS_VIEW_H
#define PLANPRESS_VIEW_H

#include <stddef.h>

#include <jansson.h>

struct buf;
struct dataset;
struct dataset_sink;
struct diag;
struct section;
struct views;

#define VIEW_ROWS_MAX	10000

/*
 * Read the views of the "n" datasets "v" (lent for the life of the
 * result).  Returns NULL when no dataset declares any; free with
 * views_free().
 */
struct views	*views_new(struct diag *d, struct dataset **v, size_t n);
void		 views_free(struct views *w);

/*
 * Report to "d" from now on (NULL: nowhere may report), for a model that
 * outlives the diagnostics of the build that made it (serve).
 */
void		 views_set_diag(struct views *w, struct diag *d);

/* A sink keeping the rows of datasets with views, then calling "next". */
const struct dataset_sink *views_sink(struct views *w,
		    const struct dataset_sink *next);

/*
 * Check the "views:" front matter of every page under "root": an
 * unknown DATASET/VIEW is an error at its place ("w" may be NULL: then
 * every view is unknown).  Returns 1, or 0 after reporting to "d".
 */
int		 views_link(struct views *w, struct diag *d,
		    struct section *root);

/*
 * The views of dataset "id" ("ref" NULL) or the one view "ref"
 * ("DATASET/VIEW"), as [{id, title, description, sample, html}], the
 * HTML holding its chart or table with numbers in the language of
 * "strings".  Returns a new reference (an empty array when none).
 */
json_t		*views_render(const struct views *w, const char *id,
		    const char *ref, const json_t *strings);

#endif
