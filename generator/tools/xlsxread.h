/*
 * Reading an Excel workbook (.xlsx, Office Open XML) for planpress new
 * dataset: one sheet becomes CSV text, which infer.c then reads as it
 * reads any CSV file.  The CSV is the dataset's source of truth; the
 * workbook is only read once, when the dataset is made.
 *
 * Invariants callers rely on:
 *  - the CSV written is UTF-8, RFC 4180 (fields quoted only where
 *    needed), records ended by LF, every record as wide as the sheet's
 *    used columns; rows without any value are left out, so the first
 *    row with a value is the header (a warning says so when a later
 *    row has more values, as under a title);
 *  - a cell is written as the workbook shows its value, in the forms
 *    Table Schema reads by default: text as it is (shared or inline
 *    strings, rich text runs joined), numbers in their shortest form
 *    with '.' ("8.28", "1500"), percentages as the number shown ("85.5"
 *    for 0.855 in a format with '%'), booleans "true"/"false", and cells
 *    with a date format (built-in formats 14 to 22, 45 and 47, or a
 *    custom format with d, m, y, h or s) as "2024-05-16", "08:30:00" or
 *    "2024-05-16T08:30:00", in the workbook's 1900 or 1904 date system;
 *    durations ([h]:mm) stay numbers of days;
 *  - problems are reported with the workbook's file name, the sheet and
 *    the cell ("sheet 'Báo cáo', cell B7"): a formula without a stored
 *    value is an error (nothing is written), merged cells and error
 *    values (#DIV/0!) are warnings, the value kept in one cell.
 *
 *	xlsxread_csv(d, "bao-cao.xlsx", NULL, fp, &name);
 *	// fp: "Mã,Tên,Ngày\nS01,Sở Nội vụ,2024-05-16\n", name: "Sheet1"
 */
#ifndef PLANPRESS_XLSXREAD_H
#define PLANPRESS_XLSXREAD_H

#include <stdio.h>

struct diag;

/* What a number format makes of a cell's number. */
enum xlsxread_kind {
	XLSXREAD_NUMBER,
	XLSXREAD_DATE,		/* 2024-05-16 */
	XLSXREAD_TIME,		/* 08:30:00 */
	XLSXREAD_DATETIME,	/* 2024-05-16T08:30:00 */
	XLSXREAD_PERCENT	/* 0.855 shown as 85.5%: 85.5 */
};

/*
 * 1 if the file "path" starts like a zip archive (an .xlsx, but also an
 * .ods or a .docx), 0 otherwise or when it cannot be read.
 */
int	xlsxread_is_zip(const char *path);

/*
 * Write the sheet named "sheet" (NULL: the first sheet of the workbook)
 * of the workbook file "path" to "out" as CSV.  Returns 1 with the
 * name of the sheet read in "*name" (to free with free()), or 0 after
 * reporting to "d" (a file that is not an .xlsx workbook, an unknown
 * sheet, with the names of those there are, broken XML, a formula
 * without a stored value); "out" may then hold part of the CSV.
 */
int	xlsxread_csv(struct diag *d, const char *path, const char *sheet,
	    FILE *out, char **name);

/*
 * The kind of the number format "code" ("dd/mm/yyyy", "#,##0.00",
 * "h:mm AM/PM", "0.0%"): quoted text, escaped characters and [..]
 * sections such as colours and locales are skipped; only the first
 * section (before ';') counts.  An elapsed time ("[h]:mm") is a number.
 */
enum xlsxread_kind xlsxread_format_kind(const char *code);

/*
 * The date, time or date and time of the serial number "serial" in the
 * 1900 date system (1 is 1900-01-01, with Excel's 29 February 1900 at
 * 60) or, when "date1904", the 1904 one (0 is 1904-01-01), written to
 * "out" in the ISO form of "kind"; times are rounded to the second.
 * Returns 0 for a serial with no date: negative, too large, or 60 in
 * the 1900 system (a day that did not exist).
 *
 *	xlsxread_date(45428, 0, XLSXREAD_DATE, s)	// "2024-05-16"
 *	xlsxread_date(43966, 1, XLSXREAD_DATE, s)	// "2024-05-16"
 */
int	xlsxread_date(double serial, int date1904, enum xlsxread_kind kind,
	    char out[20]);

#endif
