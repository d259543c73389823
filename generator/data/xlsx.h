/*
 * Spreadsheet export: a dataset's typed rows as an XLSX workbook.
 *
 * Invariants callers rely on:
 *  - the first sheet holds the data: a bold, frozen header row of field
 *    names, then one row per record; past the row limit (Excel's
 *    1,048,576 rows, header included) rows go on to sheets
 *    "TITLE (2)", "TITLE (3)", ..., each starting with the header again;
 *  - the "dictionary" sheet, when given, is always the last one;
 *  - strings are always text, never formulas; numbers, booleans and
 *    blanks keep their types;
 *  - the bytes depend only on what was written and archive_epoch():
 *    two builds of the same data give the same file;
 *  - rows are streamed to temporary files (libxlsxwriter's constant
 *    memory mode), so memory does not grow with the row count.
 *
 *	x = xlsx_new(d, path, "data", names, 3);
 *	xlsx_row(x, cells, 3, 2, "datasets/x.csv");	// CSV line 2
 *	xlsx_dictionary(x, json_object_get(schema, "fields"));
 *	xlsx_close(x);		// writes the file and frees x
 */
#ifndef PLANPRESS_XLSX_H
#define PLANPRESS_XLSX_H

#include <stddef.h>
#include <time.h>

#include <jansson.h>

struct diag;
struct loc;
struct xlsx;

/* Excel's rows per sheet, the default row limit. */
#define XLSX_ROW_MAX	1048576UL

/*
 * A new workbook to be written to "path" (a file name) by xlsx_close().
 * "sheet_title" names the first sheet (characters Excel refuses in sheet
 * names become '_', and it is shortened to fit) and is the document
 * title unless xlsx_set_title() says otherwise.  "field_names" (copied)
 * are the header of every data sheet.  Temporary files go in the
 * directory of "path".  Returns a workbook to finish with xlsx_close(),
 * or NULL after reporting (no fields, more than 16,384 fields, a
 * malformed SOURCE_DATE_EPOCH, a directory that cannot be written).
 */
struct xlsx	*xlsx_new(struct diag *d, const char *path,
		    const char *sheet_title, const char *const *field_names,
		    size_t nfields);

/*
 * Name "name" (copied), such as the dataset's CSV file, instead of the
 * path being written in the diagnostics about "x" that have no cell to
 * point at: the path is a staging file the user never sees.
 */
void		 xlsx_set_display(struct xlsx *x, const char *name);

/* Set the document title shown in the file's properties (copied). */
void		 xlsx_set_title(struct xlsx *x, const char *title);

/*
 * The workbook's creation time when SOURCE_DATE_EPOCH is not set
 * (archive_epoch()); 0 until set, which is written as 1980-01-01.
 */
void		 xlsx_set_time(struct xlsx *x, time_t t);

/*
 * Start a new data sheet after "rows" rows, header included (at least 2;
 * the default is XLSX_ROW_MAX).  For tests; call before the first row.
 */
void		 xlsx_set_row_limit(struct xlsx *x, unsigned long rows);

/*
 * Append one record: "typed[i]" (borrowed) is the value of field i, from
 * schema_cell(): an integer or real is a number, true and false are
 * booleans, null or a missing cell (i >= n) is blank, a string is text,
 * and an array or object is written as its JSON text.  A string that
 * starts with '=', '+', '-' or '@' is stored as text and warned about
 * against "csvfile" and "source_line", as is an integer too large for a
 * spreadsheet's numbers.  Returns 1, or 0 after reporting (a string
 * longer than 32,767 characters is an error; the cell is left blank).
 */
int		 xlsx_row(struct xlsx *x, json_t *const *typed, size_t n,
		    unsigned source_line, const char *csvfile);

/*
 * Have warnings about a cell name its own line and column: during
 * xlsx_row(), "fn(arg, i, &line, &col)" gives where cell "i" starts
 * (line 0 when unknown), such as dataset_cell_loc() does.
 */
void		 xlsx_set_locate(struct xlsx *x, void (*fn)(void *, size_t,
		    unsigned *, unsigned *), void *arg);

/*
 * Report at "l" what xlsx_row() would warn about the typed value "v" of
 * field "field" (formula-like text, an integer too large), without
 * writing anything: for checks that write no spreadsheet.
 */
void		 xlsx_lint(struct diag *d, const struct loc *l,
		    const char *field, const json_t *v);

/*
 * Add a last sheet, "dictionary", describing "fields" (a Table Schema
 * "fields" array; a reference is kept until xlsx_close()): one row per
 * field with its name, type, title, description, unit and constraints as
 * text.  Returns 1, or 0 after reporting that "fields" is not an array.
 */
int		 xlsx_dictionary(struct xlsx *x, json_t *fields);

/*
 * Write the workbook to its path and free "x", whether or not writing
 * succeeds.  Returns 1, or 0 after reporting; a failed workbook may leave
 * a partial file, which the caller's failed build does not publish.
 * xlsx_close(NULL) returns 0.
 */
int		 xlsx_close(struct xlsx *x);

#endif
