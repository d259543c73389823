/*
 * The publish stage for datasets: the files of every dataset, its
 * package and the catalogs.
 *
 *	dataset/ID/data/ID.csv, .json, .xlsx	written while the CSV is
 *						scanned (publish_sink())
 *	dataset/ID/datapackage.json		Frictionless descriptor
 *	downloads/ID-VERSION.zip, all-data.zip	reproducible archives
 *	catalog.ttl, catalog.jsonld, data.json, catalog.csv,
 *	catalog.csv-metadata.json, datapackage.json
 *
 * In a check (no output) nothing is written and publish_records() still
 * describes every dataset, without sizes and hashes.
 */
#ifndef PLANPRESS_PUBLISH_H
#define PLANPRESS_PUBLISH_H

#include <stddef.h>
#include <time.h>

#include <jansson.h>

struct config;
struct dataset;
struct dataset_sink;
struct diag;
struct fsout;
struct publish;

/*
 * A publisher writing through "fs" (NULL: write nothing) for the site
 * "c"; both are lent for its life.  Free with publish_free().
 */
struct publish	*publish_new(struct diag *d, struct fsout *fs,
		    const struct config *c);

void		 publish_free(struct publish *p);

/*
 * Report to "d" from now on, for a publisher that outlives the
 * diagnostics of the build that made it (serve).
 */
void		 publish_set_diag(struct publish *p, struct diag *d);

/*
 * The time of the zip entries and workbooks "p" writes when
 * SOURCE_DATE_EPOCH is not set, normally the modification time of the
 * newest input; 0 until set.
 */
void		 publish_set_time(struct publish *p, time_t t);

/*
 * Look for licence texts in the folders "dirs" (NULL-terminated, lent
 * for the publisher's life), in order: "DIR/ID.txt" for a licence whose
 * id is ID.  A package then holds the full text as LICENSE.txt; without
 * one, LICENSE.txt names the licence and its address, with a warning.
 */
void		 publish_set_licenses(struct publish *p,
		    const char *const *dirs);

/*
 * The sentence put before the description of every sample dataset in
 * its catalogs, descriptor and README ("text" is borrowed: it lives as
 * long as "p").
 */
void		 publish_set_sample_notice(struct publish *p,
		    const char *text);

/*
 * The sample notice in other languages, {LANG: text} (copied): it leads
 * the translated description of a sample dataset (translations: in the
 * dataset's metadata) in the catalogs.
 */
void		 publish_set_sample_notices(struct publish *p,
		    const json_t *notices);

/* The sink that writes CSV, JSON and XLSX while datasets are scanned. */
const struct dataset_sink *publish_sink(struct publish *p);

/*
 * After the scan: the descriptors, archives and catalogs of the "n"
 * datasets "v".  Returns 1, or 0 after reporting.
 */
int		 publish_finish(struct publish *p, struct dataset **v,
		    size_t n);

/*
 * The record of every dataset as catalog.h describes it (id, title,
 * distributions with path, bytes and sha256 ...), in id order; borrowed,
 * lives until publish_free().
 */
json_t		*publish_records(const struct publish *p);

/*
 * The catalog files written at the root, as [{path, mediatype, key}]
 * where "key" names the theme string that titles the file; borrowed.
 */
json_t		*publish_catalogs(const struct publish *p);

/*
 * Hand "fn" every path (relative to the output root) that the datasets
 * "v" that passed their checks are published at: their CSV, JSON, XLSX,
 * descriptor and zip, all-data.zip and the catalogs.  The same names
 * publish_finish() writes, whether or not it has run.
 */
void		 publish_paths(const struct publish *p, struct dataset **v,
		    size_t n, void (*fn)(void *arg, const char *path),
		    void *arg);

#endif
