/*
 * Datasets: datasets/ID.csv with its metadata datasets/ID.yaml
 * (docs/datasets.md).  This header is the metadata: finding the pairs
 * of files, reading and checking each metadata file and its Table
 * Schema into a struct dataset.  Reading the rows is the scan's
 * (scan.h), which fills the fields marked below.
 *
 *	dataset_load_all()	lists the folder, pairs the files and checks
 *				each metadata file and its Table Schema;
 *	dataset_scan_all()	(scan.h) streams every CSV once.
 *
 * Invariants callers rely on:
 *  - every string field is NFC UTF-8 and lives until dataset_free();
 *    "borrowed" json_t fields belong to the metadata tree;
 *  - a dataset whose metadata had errors is kept, with "ok" 0 and no
 *    schema, so that each mistake is reported once; scans skip it.
 *
 *	struct dataset **v;
 *	size_t n;
 *	ok = dataset_load_all(d, "datasets", &v, &n);
 *	ok &= dataset_scan_all(v, n, d, &writers);
 *	dataset_free_all(v, n);
 */
#ifndef PLANPRESS_DATASET_H
#define PLANPRESS_DATASET_H

#include <stddef.h>

#include <jansson.h>

struct diag;
struct loc;
struct meta;
struct schema;
struct dataset_keys;

/* The most fields of a schema: the columns of a spreadsheet. */
#define DATASET_FIELDS_MAX	16384
#define DATASET_PREVIEW_ROWS	50	/* default of "preview_rows" */
#define DATASET_PREVIEW_MAX	10000	/* largest "preview_rows" */

struct dataset {
	char		*id;		/* "indicators" */
	char		*csv;		/* "datasets/indicators.csv" */
	char		*yaml;		/* "datasets/indicators.yaml" */
	int		 ok;		/* 0: the metadata had errors */

	/* The metadata; NULL or absent values are NULL unless noted. */
	struct meta	*meta;
	json_t		*root;		/* borrowed: the whole mapping */
	const char	*title;
	const char	*description;	/* Markdown */
	json_t		*keywords;	/* owned array of strings, never NULL */
	json_t		*translations;	/* owned: {LANG: {title, description,
					   keywords[]}} of the keys given,
					   or NULL */
	const char	*theme;
	json_t		*publisher;	/* borrowed {name, url} */
	json_t		*contact;	/* borrowed {name, email} */
	json_t		*license;	/* borrowed {id, title, url} */
	json_t		*temporal;	/* borrowed {start, end} */
	const char	*spatial;
	const char	*frequency;
	const char	*issued;	/* "YYYY-MM-DD" */
	const char	*modified;
	const char	*version;
	const char	*encoding;	/* "utf-8" when absent; a legacy one
					   is converted by dataset_scan() */
	json_t		*sources;	/* borrowed list of {title, path} */
	int		 sample;
	size_t		 preview_rows;
	struct schema	*schema;	/* NULL when !ok */

	/* Filled by dataset_scan() (scan.h). */
	size_t		 rows;		/* data records, header excluded */
	unsigned long long bytes;	/* size of the CSV file */
	json_t		*preview;	/* owned: [[cell, ...], ...] strings */
	int		 scanned;	/* read to the end: no I/O, encoding,
					   quoting or sink failure stopped it */
	struct dataset_keys *keys;	/* private to scan.c */
	const void	*scanning;	/* private: the scan in a row() call */
	/* A dataset made from a content section (tabulate.h). */
	const char	*from_section;	/* "nhiem-vu", or NULL */
	char		*text;		/* the CSV made, scanned instead of
					   the file; owned */
	size_t		 textlen;
	/* Where position line:col of "text" comes from, for diagnostics. */
	int		(*locate)(void *arg, unsigned line, unsigned col,
			    struct loc *out);
	void		*locate_arg;
	void		(*locate_free)(void *arg);
};

/*
 * Find the datasets in the folder "dir" (its path is also the prefix of
 * file names in diagnostics) and load the metadata of each, sorted by
 * id.  A CSV without its metadata, metadata without its CSV, an id that
 * is not lower-case ASCII [a-z0-9_-] and every mistake in the metadata
 * are reported; other files are warnings.  "*out" gets an array of the
 * "*n" datasets that have both files, including those whose metadata
 * had errors ("ok" is 0; scans skip them), to free with
 * dataset_free_all(); it is NULL when there are none, as when "dir"
 * does not exist.  Returns 1, or 0 if anything was reported as an error.
 */
int	dataset_load_all(struct diag *d, const char *dir,
	    struct dataset ***out, size_t *n);

/*
 * Load one dataset from "csv" and "yaml" (paths as shown in
 * diagnostics) with the id "id".  Returns a dataset to free with
 * dataset_free(); its "ok" is 0 after errors were reported.
 */
struct dataset	*dataset_load(struct diag *d, const char *id,
		    const char *csv, const char *yaml);

/* Free "ds" and all it owns; dataset_free(NULL) does nothing. */
void	dataset_free(struct dataset *ds);

/* Free the "n" datasets of "v" and "v" itself. */
void	dataset_free_all(struct dataset **v, size_t n);

#endif
