/*
 * Datasets: datasets/ID.csv with its metadata datasets/ID.yaml
 * (docs/datasets.md), loaded and checked in two steps.
 *
 *	dataset_load_all()	lists the folder, pairs the files and checks
 *				each metadata file and its Table Schema;
 *	dataset_scan_all()	streams every CSV once, referenced datasets
 *				first, checking each row against the schema
 *				and the keys against each other, and hands
 *				every row to a sink (the CSV, JSON and XLSX
 *				writers) on the way.
 *
 * Invariants callers rely on:
 *  - every string field is NFC UTF-8 and lives until dataset_free();
 *    "borrowed" json_t fields belong to the metadata tree;
 *  - positions in diagnostics are physical, counting the newlines
 *    inside quoted cells: a record's line is the line its first cell
 *    starts on; a cell is reported at the line and column of its first
 *    character (its opening quote, for a quoted cell), the column
 *    counting characters, not bytes, from the start of that line (a
 *    byte order mark is not counted);
 *  - a scan holds one record at a time, the preview (the first
 *    preview_rows rows) and the key sets that unique, primaryKey and
 *    foreignKeys need, which share a budget (32 MB, or what
 *    dataset_set_key_budget() set): past it they are written as sorted
 *    runs to temporary files in $TMPDIR (or /tmp), removed as soon as
 *    they are made, and merged at the end of the file, so memory does
 *    not grow with the rows; the diagnostics are the same either way;
 *  - at most DATASET_ERRORS_MAX errors are reported per CSV file, then
 *    one "... and N more errors in this file".
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

#define DATASET_ERRORS_MAX	100
/*
 * The longest cell, in characters: a spreadsheet cell's limit.  A
 * longer one is an error at its line and column as soon as the scan
 * reaches it, and stops the scan, so one record never holds more than
 * its fields (plus DATASET_ERRORS_MAX extra cells, which are counted,
 * not kept) times this.
 */
#define DATASET_CELL_MAX	32767
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
					   is refused by dataset_scan() until
					   encoding.c is wired in */
	json_t		*sources;	/* borrowed list of {title, path} */
	int		 sample;
	size_t		 preview_rows;
	struct schema	*schema;	/* NULL when !ok */

	/* Filled by dataset_scan(). */
	size_t		 rows;		/* data records, header excluded */
	unsigned long long bytes;	/* size of the CSV file */
	json_t		*preview;	/* owned: [[cell, ...], ...] strings */
	int		 scanned;	/* read to the end: no I/O, encoding,
					   quoting or sink failure stopped it */
	struct dataset_keys *keys;	/* private to dataset.c */
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
 * Where a scan sends its rows, so each file is read once.  Any callback
 * may be NULL; each returns 1, or 0 after reporting a failure, which
 * stops the scan.  begin() is called when the scan starts and end()
 * when it stops (even after errors, so writers can clean up).  row() is
 * called for every data record of a file whose header matches the
 * schema and that has one cell per field: "cells" are NUL-terminated,
 * NFC, "lens" their lengths in bytes, "typed" the values schema_cell()
 * gave (json_null() for a missing value, NULL for a cell that broke a
 * rule and was reported), all lent for the call only; "line" is the
 * physical line the record starts on.
 */
struct dataset_sink {
	void	*arg;
	int	(*begin)(void *arg, struct dataset *ds);
	int	(*row)(void *arg, struct dataset *ds, unsigned line,
		    const char *const *cells, const size_t *lens,
		    json_t *const *typed, size_t n);
	int	(*end)(void *arg, struct dataset *ds);
};

/*
 * Inside a sink's row() call for "ds": the line and column where cell
 * "i" of the record starts, for diagnostics about its value; 0 and 0
 * anywhere else.
 */
void	dataset_cell_loc(const struct dataset *ds, size_t i, unsigned *line,
	    unsigned *col);

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

/*
 * Read the CSV of "ds" once, checking the header, every record and the
 * unique, primary key and self-referencing foreign key constraints, and
 * pass the rows to "sink" (which may be NULL).  Foreign keys to other
 * datasets are only checked when dataset_scan_all() resolved them.
 * Fills rows, bytes and preview.  Returns 1, or 0 after reporting (a
 * dataset whose metadata had errors is skipped and gives 0; a temporary
 * file of keys that cannot be written is reported at $TMPDIR and stops
 * the scan).
 */
int	dataset_scan(struct dataset *ds, struct diag *d,
	    const struct dataset_sink *sink);

/*
 * Resolve the foreign keys between the "n" datasets of "v" (an unknown
 * dataset or field is reported at the YAML), then scan them all with
 * dataset_scan() in an order where a referenced dataset comes before
 * those that reference it, so their values can be looked up:
 *
 *	datasets/values.csv:7:3: error: foreign key 'unit' = 'sxyz' not
 *	    found in dataset 'units'
 *
 * A cycle of foreign keys is an error naming the datasets, at the key
 * that closes it, which is then not checked.  Key sets are freed at the
 * end.  Returns 1, or 0 after reporting.
 */
int	dataset_scan_all(struct dataset **v, size_t n, struct diag *d,
	    const struct dataset_sink *sink);

/*
 * Hold at most "bytes" of key sets in memory in the scans started from
 * now on (0: the default, 32 MB); the rest goes to temporary files.
 * Tests lower it to check that spilled sets report what sets in memory
 * do:
 *
 *	dataset_set_key_budget(1);	nearly every key goes to a file
 *	dataset_set_key_budget(0);	back to 32 MB
 */
void	dataset_set_key_budget(size_t bytes);

/* Free "ds" and all it owns; dataset_free(NULL) does nothing. */
void	dataset_free(struct dataset *ds);

/* Free the "n" datasets of "v" and "v" itself. */
void	dataset_free_all(struct dataset **v, size_t n);

#endif
