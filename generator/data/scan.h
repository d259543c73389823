/*
 * The scan of a dataset's rows: one streaming pass over each CSV of
 * the datasets that dataset_load_all() (dataset.h) loaded, referenced
 * datasets first, checking the header and every row against the Table
 * Schema and the keys against each other, and handing every row to a
 * sink on the way (the CSV, JSON and XLSX writers, the indicator model,
 * the dataset views), so each file is read once.
 *
 * Invariants callers rely on:
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
 *	ok = dataset_load_all(d, "datasets", &v, &n);
 *	ok &= dataset_scan_all(v, n, d, &writers);
 *	dataset_free_all(v, n);
 */
#ifndef PLANPRESS_SCAN_H
#define PLANPRESS_SCAN_H

#include <stddef.h>

#include <jansson.h>

struct dataset;
struct dataset_keys;
struct diag;

#define DATASET_ERRORS_MAX	100
/*
 * The longest cell, in characters: a spreadsheet cell's limit.  A
 * longer one is an error at its line and column as soon as the scan
 * reaches it, and stops the scan, so one record never holds more than
 * its fields (plus DATASET_ERRORS_MAX extra cells, which are counted,
 * not kept) times this.
 */
#define DATASET_CELL_MAX	32767

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

/*
 * The key sets a scan of a dataset with "nfkeys" foreign keys keeps,
 * empty; dataset_load() makes them, dataset_free() frees them with
 * dataset_keys_free(), which does nothing with NULL.
 */
struct dataset_keys	*dataset_keys_new(size_t nfkeys);
void			 dataset_keys_free(struct dataset_keys *k);

#endif
