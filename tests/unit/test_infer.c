/*
 * Unit tests for infer.c: types and their priorities (integer before
 * boolean for 0/1, year only in a column named for years, leading zeros
 * stay strings), required, the primary key, widening after INFER_ROWS,
 * field names from the header, the copy, and the refusals (ragged rows,
 * broken quoting, an empty file, invalid UTF-8), which leave no file.
 */
#include "infer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "diag.h"

static char	 dir[64];
static char	 out[128];

/* Infer from the CSV text "csv"; the errors, if any, go to "errs". */
static struct infer *
run(const char *csv, size_t *errs)
{
	struct diag	*d = diag_new();
	FILE		*in = fmemopen((void *)csv, strlen(csv), "r");
	struct infer	*inf;

	unlink(out);
	inf = infer_copy(d, in, "in.csv", out, "out.csv");
	*errs = diag_errors(d);
	fclose(in);
	diag_free(d);
	return inf;
}

static char *
slurp(const char *path)
{
	struct buf	 b = BUF_INIT;
	char		 chunk[4096];
	size_t		 n;
	FILE		*fp = fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b, NULL);
}

static void
types(void)
{
	struct infer	*inf;
	size_t		 errs;
	char		*copy;

	inf = run("Mã,Số,Tỷ lệ,Đạt,Ngày,Năm,Cờ,Mã số,Trống\n"
	    "a,1,1.5,true,2024-01-31,2024,0,007,\n"
	    "b,,2,FALSE,2024-02-29,2023,1,010,\n", &errs);
	CHECK(inf != NULL && errs == 0);
	if (inf == NULL)
		return;
	CHECK(inf->nfields == 9 && inf->rows == 2);
	CHECK_STR(inf->fields[0].name, "ma");
	CHECK_STR(inf->fields[0].title, "Mã");
	CHECK(inf->fields[0].type == SCHEMA_STRING && inf->fields[0].required);
	CHECK(inf->fields[1].type == SCHEMA_INTEGER && !inf->fields[1].required);
	CHECK(inf->fields[2].type == SCHEMA_NUMBER && inf->fields[2].required);
	CHECK(inf->fields[3].type == SCHEMA_BOOLEAN);
	CHECK(inf->fields[4].type == SCHEMA_DATE);
	CHECK_STR(inf->fields[5].name, "nam");
	CHECK(inf->fields[5].type == SCHEMA_YEAR);
	CHECK(inf->fields[6].type == SCHEMA_INTEGER);	/* 0/1 */
	CHECK(inf->fields[7].type == SCHEMA_STRING);	/* 007 */
	CHECK(inf->fields[8].type == SCHEMA_STRING && !inf->fields[8].required);
	CHECK(inf->pkey);
	CHECK_STR(inf->start, "2024-01-31");
	CHECK_STR(inf->end, "2024-02-29");
	CHECK(inf->from == ENCODING_UTF8 && !inf->mojibake);
	infer_free(inf);
	copy = slurp(out);
	CHECK_STR(copy, "ma,so,ty_le,dat,ngay,nam,co,ma_so,trong\n"
	    "a,1,1.5,true,2024-01-31,2024,0,007,\n"
	    "b,,2,FALSE,2024-02-29,2023,1,010,\n");
	free(copy);
}

static void
names_and_keys(void)
{
	struct infer	*inf;
	size_t		 errs;
	char		*copy;

	inf = run("\xEF\xBB\xBFid,Id,,x\r\n1,\"a,\"\"b\"\"\",,2020\r\n1,c,,1999\r\n",
	    &errs);
	CHECK(inf != NULL && errs == 0);
	if (inf == NULL)
		return;
	CHECK_STR(inf->fields[0].name, "id");
	CHECK_STR(inf->fields[1].name, "id_2");
	CHECK_STR(inf->fields[2].name, "column_3");
	CHECK(inf->fields[3].type == SCHEMA_INTEGER);	/* not named a year */
	CHECK(!inf->pkey);				/* 1 twice */
	CHECK(inf->start == NULL);
	infer_free(inf);
	copy = slurp(out);
	CHECK_STR(copy, "id,id_2,column_3,x\n1,\"a,\"\"b\"\"\",,2020\n"
	    "1,c,,1999\n");
	free(copy);
}

static void
widening(void)
{
	struct buf	 csv = BUF_INIT;
	struct infer	*inf;
	size_t		 errs, i;

	buf_puts(&csv, "k,n,d\n");
	for (i = 1; i <= INFER_ROWS + 10; i++)
		buf_printf(&csv, "%zu,%s,%s\n", i, i == INFER_ROWS + 5 ? "2.5" :
		    "3", i == INFER_ROWS + 7 ? "soon" : "2024-01-01");
	inf = run(csv.data, &errs);
	CHECK(inf != NULL && errs == 0);
	if (inf != NULL) {
		CHECK(inf->fields[0].type == SCHEMA_INTEGER && inf->pkey);
		CHECK(inf->fields[1].type == SCHEMA_NUMBER);
		CHECK(inf->fields[2].type == SCHEMA_STRING);
		CHECK(inf->rows == INFER_ROWS + 10);
	}
	infer_free(inf);
	buf_release(&csv);
}

static void
refusals(void)
{
	static const char *const bad[] = {
		"a,b\n1,2,3\n",			/* ragged */
		"a,b\n1,x\"y\n",		/* stray quote */
		"a,b\n1,\"open\n",		/* quote not closed */
		"",				/* empty */
		"a,b\n1,caf\xE9 \xFF\n",	/* not UTF-8 */
		NULL
	};
	size_t	 i, errs;

	for (i = 0; bad[i]; i++) {
		CHECK(run(bad[i], &errs) == NULL);
		CHECK(errs > 0);
		CHECK(access(out, F_OK) != 0);	/* removed */
	}
}

static void
header_only(void)
{
	struct infer	*inf;
	size_t		 errs;

	inf = run("id,name\n", &errs);
	CHECK(inf != NULL && inf->rows == 0 && !inf->pkey);
	if (inf != NULL)
		CHECK(!inf->fields[0].required &&
		    inf->fields[0].type == SCHEMA_STRING);
	infer_free(inf);
}

/* Vietnamese conventions: decimal commas, '.' groups, dd/mm/yyyy. */
static void
local_formats(void)
{
	struct infer	*inf;
	size_t		 errs;

	inf = run("Mã,Tỷ lệ,Dân số,Ngày,Tiền,Số,Mục,Lẫn\n"
	    "1.1,\"8,28\",1.234.567,16/05/2024,\"1.234,5\",1.500,1.1,\"8,5\"\n"
	    "2022,\"7,5\",980,1/6/2024,\"12,25\",2.250,2022,8.5\n"
	    "I.2.a,10,12.000,31/12/2023,3,800,2.3,1\n", &errs);
	CHECK(inf != NULL && errs == 0);
	if (inf == NULL)
		return;
	CHECK(inf->fields[0].type == SCHEMA_STRING);	/* codes */
	CHECK(inf->fields[1].type == SCHEMA_NUMBER);
	CHECK_STR(inf->fields[1].decimal, ",");
	CHECK(inf->fields[1].group == NULL);
	CHECK(inf->fields[2].type == SCHEMA_INTEGER);
	CHECK_STR(inf->fields[2].group, ".");
	CHECK(inf->fields[2].decimal == NULL);
	CHECK(inf->fields[3].type == SCHEMA_DATE);
	CHECK_STR(inf->fields[3].format, "%d/%m/%Y");
	CHECK(inf->fields[4].type == SCHEMA_NUMBER);
	CHECK_STR(inf->fields[4].decimal, ",");
	CHECK_STR(inf->fields[4].group, ".");
	CHECK(inf->fields[5].type == SCHEMA_INTEGER);	/* 1.500 is 1500 */
	CHECK_STR(inf->fields[5].group, ".");
	CHECK(inf->fields[6].type == SCHEMA_NUMBER &&	/* 1.1, 2022, 2.3 */
	    inf->fields[6].decimal == NULL);
	CHECK(inf->fields[7].type == SCHEMA_STRING);	/* 8,5 and 8.5 */
	CHECK_STR(inf->start, "2023-12-31");		/* as dates, */
	CHECK_STR(inf->end, "2024-06-01");		/* not as text */
	infer_free(inf);

	inf = run("a,b\n31/02/2024,1.23.456\n01/01/2024,0.500\n", &errs);
	CHECK(inf != NULL && errs == 0);
	if (inf != NULL) {
		CHECK(inf->fields[0].type == SCHEMA_STRING);	/* no 31/02 */
		CHECK(inf->fields[1].type == SCHEMA_STRING);
		CHECK(inf->start == NULL);	/* no date: no coverage */
	}
	infer_free(inf);
}

int
main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/planpress-infer-XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(out, sizeof(out), "%s/out.csv", dir);
	types();
	names_and_keys();
	widening();
	refusals();
	header_only();
	local_formats();
	unlink(out);
	rmdir(dir);
	return CHECK_DONE("infer");
}
