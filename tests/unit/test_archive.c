/*
 * Unit tests for archive.c: entries sorted whatever the order they were
 * added in, the same bytes across runs and time zones, fixed times, modes
 * and no extra fields (checked in the raw headers), SOURCE_DATE_EPOCH,
 * and refusals (unsafe or repeated names, missing files, no entries).
 */
#include "archive.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "xalloc.h"
#include "check.h"

/* 2024-05-16 13:45:31 UTC: odd seconds, and a different day in UTC+7. */
#define EPOCH		((time_t)1715867131)
#define EPOCH_DATE	((44 << 9) | (5 << 5) | 16)
#define EPOCH_TIME	((13 << 11) | (45 << 5) | 15)

static time_t	 when;		/* the time of the archives build() makes */

static char	 dir[64];

static char *
tmppath(const char *name)
{
	return fsin_join(dir, name);
}

static int
write_file(const char *path, const char *text, mode_t mode, time_t mtime)
{
	FILE		*fp = fopen(path, "wb");
	struct timeval	 tv[2] = { { mtime, 0 }, { mtime, 0 } };

	if (fp == NULL)
		return 0;
	fputs(text, fp);
	if (fclose(fp) != 0)
		return 0;
	return chmod(path, mode) == 0 && utimes(path, tv) == 0;
}

/* The whole file "path" into "b" (emptied first); 1 on success. */
static int
slurp(const char *path, struct buf *b)
{
	struct diag	*d = diag_new();
	int		 ok;

	buf_reset(b);
	ok = fsin_read(d, path, path, b);
	diag_free(d);
	return ok;
}

static unsigned
u16(const char *p)
{
	const unsigned char	*u = (const unsigned char *)p;

	return u[0] | (unsigned)u[1] << 8;
}

static uint32_t
u32(const char *p)
{
	return u16(p) | (uint32_t)u16(p + 2) << 16;
}

/*
 * Walk the raw local and central headers of the zip in "b": every entry
 * must be deflated, dated "ddate"/"dtime", with no extra field and mode
 * 0644 from Unix.  Returns the number of entries, or -1.
 */
static int
raw_check(const struct buf *b, unsigned ddate, unsigned dtime)
{
	const char	*p = b->data, *end = b->data + b->len;
	int		 n = 0, c = 0;

	while (p + 30 <= end && u32(p) == 0x04034b50) {
		if (u16(p + 8) != 8 || u16(p + 10) != dtime ||
		    u16(p + 12) != ddate || u16(p + 28) != 0)
			return -1;
		p += 30 + u16(p + 26) + u32(p + 18);
		n++;
	}
	while (p + 46 <= end && u32(p) == 0x02014b50) {
		if (u16(p + 10) != 8 || u16(p + 12) != dtime ||
		    u16(p + 14) != ddate || u16(p + 30) != 0 ||
		    u16(p + 32) != 0 || (u16(p + 4) >> 8) != 3 ||
		    u32(p + 38) != (0100644u << 16))
			return -1;
		p += 46 + u16(p + 28);
		c++;
	}
	if (p + 22 > end || u32(p) != 0x06054b50 || c != n)
		return -1;
	return n;
}

/* The names in the zip "path", joined by spaces, in central order. */
static void
names(const char *path, struct buf *out)
{
	zip_t		*za;
	zip_int64_t	 i, n;

	buf_reset(out);
	if ((za = zip_open(path, ZIP_RDONLY, NULL)) == NULL)
		return;
	n = zip_get_num_entries(za, 0);
	for (i = 0; i < n; i++)
		buf_printf(out, "%s%s", i ? " " : "", zip_get_name(za, i, 0));
	zip_close(za);
}

/* The content of entry "name" of the zip "path" into "out". */
static void
entry(const char *path, const char *name, struct buf *out)
{
	zip_t		*za;
	zip_file_t	*zf;
	char		 chunk[256];
	zip_int64_t	 n;

	buf_reset(out);
	if ((za = zip_open(path, ZIP_RDONLY, NULL)) == NULL)
		return;
	if ((zf = zip_fopen(za, name, 0)) != NULL) {
		while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
			buf_put(out, chunk, (size_t)n);
		zip_fclose(zf);
	}
	zip_close(za);
}

/* Build the test archive at "out", adding entries in one of two orders. */
static int
build(struct diag *d, const char *out, const char *input, int order)
{
	struct archive	*a = archive_new(d, out);

	if (a != NULL)
		archive_set_time(a, when);
	int		 ok = 1;

	if (a == NULL)
		return 0;
	if (order == 0) {
		ok &= archive_add_file(a, "b/z.csv", input);
		ok &= archive_add_buffer(a, "a.json", "{\"a\":1}\n", 8);
		ok &= archive_add_buffer(a, "b/a.txt", "b/a", 3);
		ok &= archive_add_buffer(a, "Z.txt", "", 0);
		ok &= archive_add_buffer(a, "d\xE1\xBB\xAF li\xE1\xBB\x87u.txt",
		    "utf-8", 5);
	} else {
		ok &= archive_add_buffer(a, "d\xE1\xBB\xAF li\xE1\xBB\x87u.txt",
		    "utf-8", 5);
		ok &= archive_add_buffer(a, "Z.txt", "", 0);
		ok &= archive_add_buffer(a, "b/a.txt", "b/a", 3);
		ok &= archive_add_buffer(a, "a.json", "{\"a\":1}\n", 8);
		ok &= archive_add_file(a, "b/z.csv", input);
	}
	ok &= archive_close(a);
	archive_free(a);
	return ok;
}

static void
settz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void
test_sorted_and_same(void)
{
	struct diag	*d = diag_new();
	char		*in = tmppath("in.csv"), *in2 = tmppath("in2.csv");
	char		*p1 = tmppath("one.zip"), *p2 = tmppath("two.zip");
	char		*cmd;
	struct buf	 b1 = BUF_INIT, b2 = BUF_INIT, t = BUF_INIT;
	struct stat	 st;
	mode_t		 m;

	unsetenv("SOURCE_DATE_EPOCH");
	when = EPOCH;
	CHECK(archive_epoch(when) == EPOCH);
	CHECK(write_file(in, "id,x\n1,2\n", 0755, 1000000000));
	CHECK(write_file(in2, "id,x\n1,2\n", 0600, 1600000001));
	settz("UTC");
	CHECK(build(d, p1, in, 0));
	CHECK(diag_errors(d) == 0);
	names(p1, &t);
	CHECK_STR(t.data, "Z.txt a.json b/a.txt b/z.csv "
	    "d\xE1\xBB\xAF li\xE1\xBB\x87u.txt");
	entry(p1, "b/z.csv", &t);
	CHECK_STR(t.data, "id,x\n1,2\n");
	entry(p1, "a.json", &t);
	CHECK_STR(t.data, "{\"a\":1}\n");
	CHECK(slurp(p1, &b1));
	CHECK(raw_check(&b1, EPOCH_DATE, EPOCH_TIME) == 5);
	umask(m = umask(022));
	CHECK(stat(p1, &st) == 0 && (st.st_mode & 0777) == (0644 & ~m));
	cmd = xasprintf("unzip -tqq '%s' >/dev/null 2>&1", p1);
	CHECK(system(cmd) == 0);
	free(cmd);

	/* Other order, other input times and modes, other zones. */
	CHECK(build(d, p2, in2, 1));
	CHECK(slurp(p2, &b2));
	CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0);
	settz("Asia/Ho_Chi_Minh");
	unlink(p2);
	CHECK(build(d, p2, in, 1));
	CHECK(slurp(p2, &b2));
	CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0);
	settz("America/New_York");
	unlink(p2);
	CHECK(build(d, p2, in, 0));
	CHECK(slurp(p2, &b2));
	CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0);
	settz("UTC");
	CHECK(diag_errors(d) == 0);

	/* 2024-03-10 02:30 does not exist in New York (clocks skip it). */
	when = 1710037800;
	unlink(p1);
	CHECK(build(d, p1, in, 0));
	CHECK(slurp(p1, &b1));
	settz("America/New_York");
	unlink(p2);
	CHECK(build(d, p2, in, 0));
	CHECK(slurp(p2, &b2));
	CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0);
	CHECK(raw_check(&b2, (44 << 9) | (3 << 5) | 10, (2 << 11) | (30 << 5))
	    == 5);
	settz("UTC");
	CHECK(diag_errors(d) == 0);

	buf_release(&b1);
	buf_release(&b2);
	buf_release(&t);
	unlink(in);
	unlink(in2);
	unlink(p1);
	unlink(p2);
	free(in);
	free(in2);
	free(p1);
	free(p2);
	diag_free(d);
}

static void
test_epoch(void)
{
	struct diag	*d = diag_new();
	char		*p = tmppath("epoch.zip");
	struct buf	 b = BUF_INIT;

	/* SOURCE_DATE_EPOCH wins over the caller's time. */
	when = EPOCH;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	CHECK(archive_epoch(when) == 1700000000);
	CHECK(archive_check_epoch(d) == 1);
	CHECK(build(d, p, "/dev/null", 0) == 0);	/* not a regular file */
	CHECK(diag_errors(d) == 1);
	CHECK(access(p, F_OK) == -1);

	/* Before 1980: clamped to 1980-01-01 00:00:00. */
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	CHECK(archive_epoch(when) == 0);
	CHECK(build(d, p, p, 0) == 0);			/* missing file */
	CHECK(diag_errors(d) == 2);
	{
		struct archive	*a = archive_new(d, p);

		CHECK(archive_add_buffer(a, "x", "x", 1));
		CHECK(archive_close(a));
		archive_free(a);
	}
	CHECK(slurp(p, &b));
	CHECK(raw_check(&b, (1 << 5) | 1, 0) == 1);

	/* Malformed values are errors; empty means unset. */
	setenv("SOURCE_DATE_EPOCH", "12abc", 1);
	CHECK(archive_epoch(when) == EPOCH);
	CHECK(archive_check_epoch(d) == 0);
	CHECK(archive_new(d, p) == NULL);
	setenv("SOURCE_DATE_EPOCH", "-5", 1);
	CHECK(archive_check_epoch(d) == 0);
	setenv("SOURCE_DATE_EPOCH", "99999999999999999999999", 1);
	CHECK(archive_check_epoch(d) == 0);
	CHECK(diag_errors(d) == 6);
	setenv("SOURCE_DATE_EPOCH", "", 1);
	CHECK(archive_check_epoch(d) == 1);
	CHECK(archive_epoch(when) == EPOCH);
	unsetenv("SOURCE_DATE_EPOCH");

	buf_release(&b);
	unlink(p);
	free(p);
	diag_free(d);
}

static void
test_refused(void)
{
	static const char *const bad[] = {
		"../x", "/etc/passwd", "a\\b", "a//b", "./a", "a/..", "a/",
		"", "a\tb", "..", "x/../../y"
	};
	struct diag	*d = diag_new();
	char		*p = tmppath("bad.zip"), *text = NULL;
	struct archive	*a;
	size_t		 i, len = 0;
	FILE		*fp;
	struct buf	 t = BUF_INIT;

	a = archive_new(d, p);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(archive_add_buffer(a, bad[i], "x", 1) == 0);
	CHECK(diag_errors(d) == sizeof(bad) / sizeof(bad[0]));
	CHECK(archive_add_buffer(a, "..a/b..", "ok", 2) == 1);
	CHECK(archive_add_buffer(a, "..a/b..", "again", 5) == 0);
	CHECK(archive_close(a) == 1);
	archive_free(a);
	names(p, &t);
	CHECK_STR(t.data, "..a/b..");

	a = archive_new(d, p);
	CHECK(archive_close(a) == 0);			/* no entries */
	archive_free(a);
	archive_free(NULL);
	CHECK(diag_errors(d) == 13);

	/* Every missing file is reported, not only the first. */
	unlink(p);
	a = archive_new(d, p);
	CHECK(archive_add_file(a, "a", "/nonexistent/a"));
	CHECK(archive_add_buffer(a, "b", "b", 1));
	CHECK(archive_add_file(a, "c", "/nonexistent/c"));
	CHECK(archive_close(a) == 0);
	archive_free(a);
	CHECK(diag_errors(d) == 15);
	CHECK(access(p, F_OK) == -1);

	fp = open_memstream(&text, &len);
	diag_print(d, fp);
	fclose(fp);
	CHECK(strstr(text, "bad.zip: error: unsafe name '../x' in archive\n")
	    != NULL);
	CHECK(strstr(text, "error: entry '..a/b..' added twice\n") != NULL);
	CHECK(strstr(text, "bad.zip: error: archive has no entries\n") != NULL);
	CHECK(strstr(text, "/nonexistent/a: error: cannot read: No such file "
	    "or directory\n/nonexistent/c: error: cannot read: No such file "
	    "or directory\n") != NULL);
	free(text);
	buf_release(&t);
	unlink(p);
	free(p);
	diag_free(d);
}

int
main(void)
{
	const char	*tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/archiveXXXXXX",
	    tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	test_sorted_and_same();
	test_epoch();
	test_refused();
	rmdir(dir);
	return CHECK_DONE("archive");
}
