/*
 * Schema inference for planpress new dataset: read a CSV file that has
 * no metadata yet, copy it into the site as NFC UTF-8, and propose a
 * Frictionless Table Schema for it.
 *
 * Invariants callers rely on:
 *  - the copy is what the build reads back: the header is replaced by
 *    the inferred field names, cells are unchanged (apart from the
 *    conversion to NFC UTF-8), quoted only where RFC 4180 needs it,
 *    records end in LF;
 *  - the types are those of schema.c in their default formats
 *    (missingValues [""], decimalChar ".", booleans true/false/1/0 in
 *    their default spellings), or in the Vietnamese ones a field then
 *    names: decimalChar "," ("8,28"), groupChar "." ("1.234.567",
 *    "1.234,5"), format "%d/%m/%Y" ("16/05/2024"), so every cell of the
 *    copy is valid against the proposed schema and the dataset builds;
 *  - a column is a number only when all its cells use one decimal
 *    mark, and a date only when all are real dates; anything mixed
 *    ("1.1", "2022", "I.2.a") stays a string;
 *  - types are inferred from the first INFER_ROWS data rows; a later
 *    row only widens a type that it does not fit (integer to number,
 *    anything to string), and "required" and the primary key hold for
 *    every row;
 *  - strings in the result are NFC UTF-8 and live until infer_free().
 *
 *	inf = infer_copy(d, fp, "bao-cao.csv", "datasets/bao-cao.csv");
 *	// header "Mã,Năm,Giá trị (%)" with rows "a1,2024,80.5" ...
 *	// fields: ma (string, title "Mã"), nam (year), gia_tri (number)
 *	infer_free(inf);
 */
#ifndef PLANPRESS_INFER_H
#define PLANPRESS_INFER_H

#include <stddef.h>
#include <stdio.h>

#include "encoding.h"
#include "schema.h"

struct diag;

#define INFER_ROWS	1000	/* rows that decide the types */

struct infer_field {
	char			*name;		/* "gia_tri": the header text
						   slugged with '_', unique */
	char			*title;		/* "Giá trị (%)": the header */
	enum schema_type	 type;		/* string, integer, number,
						   boolean, date or year */
	int			 required;	/* no empty cell, one row or more */
	const char		*format;	/* "%d/%m/%Y", or NULL: default */
	const char		*decimal;	/* decimalChar ",", or NULL: "." */
	const char		*group;		/* groupChar ".", or NULL: none */
};

struct infer {
	struct infer_field	*fields;
	size_t			 nfields;	/* at least 1 */
	size_t			 rows;		/* data rows, header excluded */
	int			 pkey;		/* the first field is unique and
						   never empty: a primary key */
	enum encoding		 from;		/* what the file was read as */
	int			 mojibake;	/* ... and re-saved as UTF-8 */
	char			*start;		/* "2020-01-01": the smallest
						   value of the first date or
						   year field (ISO, whatever
						   its format), or NULL */
	char			*end;		/* "2024-12-31": the largest */
};

/*
 * Read the CSV from "in" (named "display" in diagnostics), in UTF-8
 * (with or without a byte order mark) or in a legacy Vietnamese
 * encoding that encoding_detect() recognises, and write it to the new
 * file "dst" (which must not exist; named "dstdisplay" in messages).
 * Text that is not UTF-8 and not recognisable, NUL bytes, broken
 * quoting, an empty file and rows whose cell count differs from the
 * header's are reported as the build would report them, at "display".
 * Returns the inference, to free with infer_free(), or NULL after
 * reporting, with "dst" removed.
 */
struct infer	*infer_copy(struct diag *d, FILE *in, const char *display,
		    const char *dst, const char *dstdisplay);

/* Free "inf"; infer_free(NULL) does nothing. */
void		 infer_free(struct infer *inf);

#endif
