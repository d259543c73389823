/*
 * Fuzz target: the XLSX reader of "new dataset" (xlsxread.c).  Random
 * bytes are seldom a zip, so the input is the workbook's XML parts,
 * separated by NUL bytes: workbook.xml, the sheet, sharedStrings.xml,
 * styles.xml and workbook.xml.rels (a part left out gets a small valid
 * one).  They are zipped into a real .xlsx with libzip, which the reader
 * then opens by name like a user's file, and converts to CSV.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "diag.h"
#include "fuzz.h"
#include "xlsxread.h"

static const char *const names[] = { "xl/workbook.xml",
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/_rels/workbook.xml.rels" };

static const char *const defaults[] = {
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"A\" sheetId=\"1\" "
	"r:id=\"rId1\"/></sheets></workbook>",
	"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	"</row></sheetData></worksheet>",
	"<sst><si><t>id</t></si></sst>",
	"<styleSheet><cellXfs><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
	"<Relationships><Relationship Id=\"rId1\" "
	"Target=\"worksheets/sheet1.xml\"/></Relationships>",
};

#define NPARTS	(sizeof(names) / sizeof(names[0]))

/* Zip the parts of the input into "path"; 1 on success. */
static int
workbook(const char *path, const uint8_t *data, size_t size)
{
	const char	*p = (const char *)data, *end = p + size, *nul;
	zip_t		*z;
	zip_source_t	*src;
	size_t		 i, n;
	int		 err;

	if ((z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		return 0;
	for (i = 0; i < NPARTS; i++) {
		const char	*part = defaults[i];

		n = strlen(part);
		if (p < end) {
			nul = memchr(p, '\0', (size_t)(end - p));
			part = p;
			n = nul ? (size_t)(nul - p) : (size_t)(end - p);
			p += n + (nul != NULL);
		}
		/* The buffer lives until zip_close(): the input does. */
		src = zip_source_buffer(z, part, n, 0);
		if (src == NULL || zip_file_add(z, names[i], src,
		    ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			zip_discard(z);
			return 0;
		}
	}
	return zip_close(z) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*path = fuzz_write("w.xlsx", "", 0);
	struct diag	*d;
	char		*name = NULL, *csv = NULL;
	size_t		 len = 0;
	FILE		*out;

	if (!workbook(path, data, size))
		return 0;
	d = diag_new();
	if ((out = open_memstream(&csv, &len)) == NULL)
		abort();
	xlsxread_csv(d, path, NULL, out, &name);
	fclose(out);
	free(csv);
	free(name);
	name = NULL;
	/* A sheet asked for by a name it does not have. */
	if ((out = open_memstream(&csv, &len)) == NULL)
		abort();
	xlsxread_csv(d, path, "Khong co", out, &name);
	fclose(out);
	free(csv);
	free(name);
	fuzz_diag_done(d);
	return 0;
}
