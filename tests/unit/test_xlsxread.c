/*
 * Unit tests for xlsxread.c: number format kinds, serial dates in both
 * date systems (with the 1900 leap-year bug), and whole workbooks
 * written by libxlsxwriter: Vietnamese text, numbers, percentages,
 * dates, booleans, a formula with its value, a merged range, another
 * sheet by name, inline and rich strings (constant memory mode); the
 * 1904 date system and a formula without a stored value, which
 * libxlsxwriter does not write, are made by editing its parts with
 * libzip.  Workbooks written by LibreOffice are tested through the
 * command in tests/authoring.sh.
 */
#include "xlsxread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "buf.h"
#include "check.h"
#include "diag.h"

static char	 dir[64];
static char	 path[128];
static struct buf diags = BUF_INIT;	/* of the last readbook() */

static void
kinds(void)
{
	CHECK(xlsxread_format_kind("General") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("#,##0.00") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("0.00E+00") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("[Red]#,##0;[Blue]-#,##0") ==
	    XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("\"ngày\" 0") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("\"TRUE\";\"TRUE\";\"FALSE\"") ==
	    XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("dd/mm/yyyy") == XLSXREAD_DATE);
	CHECK(xlsxread_format_kind("[$-42A]d mmmm yyyy") == XLSXREAD_DATE);
	CHECK(xlsxread_format_kind("mmm-yy") == XLSXREAD_DATE);
	CHECK(xlsxread_format_kind("h:mm AM/PM") == XLSXREAD_TIME);
	CHECK(xlsxread_format_kind("[h]:mm:ss") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("0.0%") == XLSXREAD_PERCENT);
	CHECK(xlsxread_format_kind("\"%\"0") == XLSXREAD_NUMBER);
	CHECK(xlsxread_format_kind("mm:ss") == XLSXREAD_TIME);
	CHECK(xlsxread_format_kind("dd/mm/yyyy hh:mm") == XLSXREAD_DATETIME);
	CHECK(xlsxread_format_kind("yyyy-mm-dd\\ hh:mm:ss") ==
	    XLSXREAD_DATETIME);
}

static void
dates(void)
{
	char	 s[20];

	CHECK(xlsxread_date(1, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "1900-01-01");
	CHECK(xlsxread_date(59, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "1900-02-28");
	CHECK(!xlsxread_date(60, 0, XLSXREAD_DATE, s));	/* 1900-02-29 */
	CHECK(xlsxread_date(61, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "1900-03-01");
	CHECK(xlsxread_date(45428, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "2024-05-16");
	CHECK(xlsxread_date(45351, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "2024-02-29");
	CHECK(xlsxread_date(0, 1, XLSXREAD_DATE, s));
	CHECK_STR(s, "1904-01-01");
	CHECK(xlsxread_date(60, 1, XLSXREAD_DATE, s));	/* no bug there */
	CHECK_STR(s, "1904-03-01");
	CHECK(xlsxread_date(43966, 1, XLSXREAD_DATE, s));
	CHECK_STR(s, "2024-05-16");
	CHECK(xlsxread_date(45428.75, 0, XLSXREAD_DATETIME, s));
	CHECK_STR(s, "2024-05-16T18:00:00");
	CHECK(xlsxread_date(0.5, 0, XLSXREAD_TIME, s));
	CHECK_STR(s, "12:00:00");
	CHECK(xlsxread_date(45428.9999999, 0, XLSXREAD_DATETIME, s));
	CHECK_STR(s, "2024-05-17T00:00:00");
	CHECK(xlsxread_date(2958465, 0, XLSXREAD_DATE, s));
	CHECK_STR(s, "9999-12-31");
	CHECK(!xlsxread_date(-1, 0, XLSXREAD_DATE, s));
	CHECK(!xlsxread_date(2958466, 0, XLSXREAD_DATE, s));
}

/*
 * Read the sheet "sheet" of the workbook at "path" into "csv"; returns
 * what xlsxread_csv() returned, with the counts of errors and warnings.
 */
static int
readbook(const char *sheet, struct buf *csv, size_t *errs, size_t *warns,
    char **name)
{
	struct diag	*d = diag_new();
	FILE		*fp = tmpfile();
	char		 chunk[4096];
	size_t		 n;
	int		 rc;

	buf_reset(csv);
	rc = xlsxread_csv(d, path, sheet, fp, name);
	rewind(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(csv, chunk, n);
	fclose(fp);
	*errs = diag_errors(d);
	*warns = diag_warnings(d);
	fp = tmpfile();
	diag_print(d, fp);
	rewind(fp);
	buf_reset(&diags);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&diags, chunk, n);
	fclose(fp);
	if (getenv("TEST_VERBOSE"))
		fputs(diags.data, stdout);
	diag_free(d);
	return rc;
}

/* The workbook of every test, in the 1900 date system. */
static int
writebook(void)
{
	lxw_workbook	*wb = workbook_new(path);
	lxw_worksheet	*ws, *ws2;
	lxw_format	*dmy, *iso, *b14, *merge, *pct;
	lxw_datetime	 dt = { 2024, 5, 16, 0, 0, 0 };
	lxw_datetime	 dt2 = { 2023, 12, 31, 0, 0, 0 };
	lxw_datetime	 tm = { 2024, 5, 16, 8, 30, 0 };

	if (wb == NULL)
		return 0;
	ws = workbook_add_worksheet(wb, "Báo cáo");
	ws2 = workbook_add_worksheet(wb, "Đơn vị");
	dmy = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	iso = workbook_add_format(wb);
	format_set_num_format(iso, "yyyy-mm-dd hh:mm");
	b14 = workbook_add_format(wb);
	format_set_num_format_index(b14, 14);
	pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.0%");
	merge = workbook_add_format(wb);
	format_set_bold(merge);

	worksheet_write_string(ws, 0, 0, "Mã", NULL);
	worksheet_write_string(ws, 0, 1, "Tên đơn vị", NULL);
	worksheet_write_string(ws, 0, 2, "Ngày báo cáo", NULL);
	worksheet_write_string(ws, 0, 3, "Tỷ lệ (%)", NULL);
	worksheet_write_string(ws, 0, 4, "Đạt", NULL);
	worksheet_write_string(ws, 0, 5, "Tổng", NULL);
	worksheet_write_string(ws, 0, 6, "Hạn", NULL);
	worksheet_write_string(ws, 0, 7, "Lúc", NULL);
	worksheet_write_string(ws, 0, 8, "Đạt (%)", NULL);
	worksheet_write_number(ws, 1, 8, 0.855, pct);
	worksheet_write_number(ws, 2, 8, 0.07, pct);

	worksheet_write_string(ws, 1, 0, "S01", NULL);
	worksheet_write_string(ws, 1, 1, "Sở Thông tin và Truyền thông", NULL);
	worksheet_write_datetime(ws, 1, 2, &dt, dmy);
	worksheet_write_number(ws, 1, 3, 8.28, NULL);
	worksheet_write_boolean(ws, 1, 4, 1, NULL);
	worksheet_write_formula_num(ws, 1, 5, "=D2*2", NULL, 16.56);
	worksheet_write_datetime(ws, 1, 6, &dt2, b14);
	worksheet_write_datetime(ws, 1, 7, &tm, iso);

	worksheet_write_string(ws, 2, 0, "S02", NULL);
	worksheet_merge_range(ws, 2, 1, 3, 1, "Sở Nội vụ, \"Huế\"", merge);
	worksheet_write_datetime(ws, 2, 2, &dt2, dmy);
	worksheet_write_number(ws, 2, 3, -0.5, NULL);
	worksheet_write_boolean(ws, 2, 4, 0, NULL);
	worksheet_write_number(ws, 2, 5, 1200, NULL);

	/* Row 4 holds only the merged range's covered cell; row 5 none. */
	worksheet_write_string(ws, 5, 0, "S03", NULL);
	worksheet_write_string(ws, 5, 1, "Dòng 1\nDòng 2", NULL);

	worksheet_write_string(ws2, 0, 0, "id", NULL);
	worksheet_write_string(ws2, 1, 0, "Ủy ban nhân dân", NULL);
	return workbook_close(wb) == LXW_NO_ERROR;
}

/* Replace "from" by "to" in the part "name" of the workbook at "path". */
static int
patch(const char *name, const char *from, const char *to)
{
	zip_t		*za;
	zip_file_t	*zf;
	zip_source_t	*src;
	struct buf	 b = BUF_INIT, o = BUF_INIT;
	char		 chunk[4096], *at;
	zip_int64_t	 n, i;
	int		 err, rc = 0;

	if ((za = zip_open(path, 0, &err)) == NULL)
		return 0;
	if ((zf = zip_fopen(za, name, 0)) == NULL)
		goto out;
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
		buf_put(&b, chunk, (size_t)n);
	zip_fclose(zf);
	if ((at = strstr(b.data, from)) == NULL)
		goto out;
	buf_put(&o, b.data, (size_t)(at - b.data));
	buf_puts(&o, to);
	buf_puts(&o, at + strlen(from));
	if ((i = zip_name_locate(za, name, 0)) < 0 ||
	    (src = zip_source_buffer(za, o.data, o.len, 0)) == NULL)
		goto out;
	if (zip_file_replace(za, (zip_uint64_t)i, src, 0) < 0) {
		zip_source_free(src);
		goto out;
	}
	rc = zip_close(za) == 0;	/* o.data lives until here */
	za = NULL;
out:
	if (za)
		zip_discard(za);
	buf_release(&b);
	buf_release(&o);
	return rc;
}

static const char want_csv[] =
"Mã,Tên đơn vị,Ngày báo cáo,Tỷ lệ (%),Đạt,Tổng,Hạn,Lúc,Đạt (%)\n"
"S01,Sở Thông tin và Truyền thông,2024-05-16,8.28,true,16.56,2023-12-31,"
"2024-05-16T08:30:00,85.5\n"
"S02,\"Sở Nội vụ, \"\"Huế\"\"\",2023-12-31,-0.5,false,1200,,,7\n"
"S03,\"Dòng 1\nDòng 2\",,,,,,,\n";

static void
workbook(void)
{
	struct buf	 csv = BUF_INIT;
	size_t		 errs, warns;
	char		*name = NULL;

	CHECK(writebook());
	CHECK(readbook(NULL, &csv, &errs, &warns, &name));
	CHECK_STR(csv.data, want_csv);
	CHECK_STR(name, "Báo cáo");
	CHECK(errs == 0 && warns == 1);		/* the merged range */
	free(name);

	CHECK(readbook("Đơn vị", &csv, &errs, &warns, &name));
	CHECK_STR(csv.data, "id\nỦy ban nhân dân\n");
	CHECK_STR(name, "Đơn vị");
	free(name);

	CHECK(!readbook("Không có", &csv, &errs, &warns, &name));
	CHECK(errs == 1 && name == NULL);

	/* The same serial numbers in the 1904 date system. */
	CHECK(patch("xl/workbook.xml", "<workbookPr ",
	    "<workbookPr date1904=\"1\" "));
	CHECK(patch("xl/worksheets/sheet1.xml", "<v>45428</v>",
	    "<v>43966</v>"));
	CHECK(readbook(NULL, &csv, &errs, &warns, &name));
	CHECK(strstr(csv.data, "S01,Sở Thông tin và Truyền thông,2024-05-16,")
	    != NULL);
	free(name);

	/* A formula whose value was never stored: nothing is written. */
	CHECK(patch("xl/worksheets/sheet1.xml", "<v>16.56</v>", ""));
	CHECK(!readbook(NULL, &csv, &errs, &warns, &name));
	CHECK(errs == 1 && csv.len == 0 && name == NULL);
	CHECK(strstr(diags.data, "book.xlsx: error: sheet 'Báo cáo', cell F2: "
	    "a formula without a stored value; open the workbook") != NULL);
	buf_release(&csv);
}

/*
 * Inline strings (libxlsxwriter's constant memory mode writes them) and
 * rich text (runs of differently formatted text in one cell).
 */
static void
strings(void)
{
	lxw_workbook_options	 o = { LXW_TRUE, NULL, LXW_FALSE };
	lxw_workbook		*wb = workbook_new_opt(path, &o);
	lxw_worksheet		*ws;
	lxw_format		*bold;
	struct buf		 csv = BUF_INIT;
	size_t			 errs, warns;
	char			*name = NULL;
	lxw_rich_string_tuple	 a = { NULL, "Sở " }, b = { NULL, "Tài chính" };
	lxw_rich_string_tuple	*rich[] = { &a, &b, NULL };

	CHECK(wb != NULL);
	if (wb == NULL)
		return;
	ws = workbook_add_worksheet(wb, NULL);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	b.format = bold;
	worksheet_write_string(ws, 0, 1, "Tên", NULL);
	worksheet_write_string(ws, 0, 2, "Ghi chú", NULL);
	worksheet_write_rich_string(ws, 1, 1, rich, NULL);
	worksheet_write_string(ws, 1, 2, "a_x000D_\nb  ", NULL); /* CR LF */
	CHECK(workbook_close(wb) == LXW_NO_ERROR);
	CHECK(readbook(NULL, &csv, &errs, &warns, &name));
	/* column A is empty: the table starts at B */
	CHECK_STR(csv.data, "Tên,Ghi chú\nSở Tài chính,\"a\nb  \"\n");
	CHECK_STR(name, "Sheet1");
	CHECK(errs == 0 && warns == 0);
	free(name);
	buf_release(&csv);
}

/* A title above the header, as agencies' reports often have. */
static void
title(void)
{
	lxw_workbook	*wb = workbook_new(path);
	lxw_worksheet	*ws = workbook_add_worksheet(wb, NULL);
	struct buf	 csv = BUF_INIT;
	size_t		 errs, warns;
	char		*name = NULL;

	worksheet_merge_range(ws, 0, 0, 0, 2, "BÁO CÁO TIẾN ĐỘ", NULL);
	worksheet_write_string(ws, 2, 0, "Mã", NULL);
	worksheet_write_string(ws, 2, 1, "Tên", NULL);
	worksheet_write_string(ws, 2, 2, "Số", NULL);
	worksheet_write_string(ws, 3, 0, "a", NULL);
	worksheet_write_string(ws, 3, 1, "b", NULL);
	worksheet_write_number(ws, 3, 2, 1, NULL);
	CHECK(workbook_close(wb) == LXW_NO_ERROR);
	CHECK(readbook(NULL, &csv, &errs, &warns, &name));
	CHECK(errs == 0 && warns == 2);
	CHECK(strstr(diags.data, "book.xlsx: warning: sheet 'Sheet1': the "
	    "header, row 1, has 1 value, but row 3 has 3; if row 1 is a "
	    "title, delete the rows above the header") != NULL);
	CHECK(strstr(diags.data, "book.xlsx: warning: sheet 'Sheet1', cells "
	    "A1:C1: merged; the value is kept in A1 only") != NULL);
	CHECK_STR(csv.data, "BÁO CÁO TIẾN ĐỘ,,\nMã,Tên,Số\na,b,1\n");
	free(name);
	buf_release(&csv);
}

static void
refusals(void)
{
	struct buf	 csv = BUF_INIT;
	size_t		 errs, warns;
	char		*name = NULL;
	FILE		*fp;

	fp = fopen(path, "w");
	fputs("a,b\n1,2\n", fp);
	fclose(fp);
	CHECK(!xlsxread_is_zip(path));
	CHECK(!readbook(NULL, &csv, &errs, &warns, &name));
	CHECK(errs == 1);
	buf_release(&csv);
}

int
main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/planpress-xlsxread-XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/book.xlsx", dir);
	kinds();
	dates();
	workbook();
	strings();
	title();
	refusals();
	unlink(path);
	rmdir(dir);
	buf_release(&diags);
	return CHECK_DONE("xlsxread");
}
