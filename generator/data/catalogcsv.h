/*
 * The CSV catalog: catalog.csv, one row per download of every dataset,
 * and its two descriptions, the CSVW table description
 * catalog.csv-metadata.json and the Tabular Data Package
 * datapackage.json at the root of the output.  "site" and "records" are
 * as catalog.h describes them, borrowed; each function appends one file
 * to "out" and returns 1, or 0 after reporting to "d".
 */
#ifndef PLANPRESS_CATALOGCSV_H
#define PLANPRESS_CATALOGCSV_H

#include <stddef.h>

#include <jansson.h>

struct buf;
struct diag;

/*
 * Append catalog.csv: a header, then one row per distribution with
 * dataset_id, dataset_title, format, mediatype, url, bytes, sha256,
 * license (URL) and modified.  RFC 4180: CRLF line ends, fields with
 * ',', '"', CR or LF quoted and '"' doubled.  Returns 1, or 0 after
 * reporting.
 */
int	catalogcsv_table(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append catalog.csv-metadata.json, the CSVW table description of
 * catalog.csv (columns, datatypes, primary key "url").  Returns 1, or 0
 * after reporting.
 */
int	catalogcsv_metadata(struct buf *out, struct diag *d,
	    const json_t *site);

/*
 * Append the root datapackage.json, a Tabular Data Package with one
 * resource, catalog.csv, of "csv_bytes" bytes whose SHA-256 is the
 * lower-case hex string "csv_sha256" (NULL to leave the hash out).  It
 * is valid against the Data Package v2 and v1 profiles.  Returns 1, or 0
 * after reporting.
 */
int	catalogcsv_datapackage(struct buf *out, struct diag *d,
	    const json_t *site, size_t csv_bytes, const char *csv_sha256);

#endif
