/*
 * Deterministic zip writing, for the publish stage: a dataset's download
 * bundle (its CSV, XLSX and datapackage.json) is a zip whose bytes depend
 * only on the entries' names and contents.  Entries are collected first
 * and handed to libzip at archive_close(), sorted by name, each with the
 * same time (archive_epoch() of the archive's time), mode 0644, deflate
 * level 6 (stored as they are for files that are compressed already) and
 * no extra fields, so neither the order of the build's threads nor the files'
 * times, permissions or the time zone can change the result.
 *
 * Zip stores DOS local time with 2-second resolution.  We store the
 * epoch's UTC calendar time whatever TZ says: the fields come from
 * gmtime_r() and go to zip_file_set_dostime().  libzip 1.7 keeps them as
 * a time_t (mktime()) and writes them back through localtime(), which
 * gives the same fields in any zone, except for a wall-clock time that a
 * daylight-saving change skips in the local zone.  For that hour of the
 * year, archive_close() rewrites the time fields in the headers of the
 * written file (fix_times()).
 *
 *	a = archive_new(d, path);
 *	archive_add_file(a, "b.csv", "datasets/b.csv");
 *	archive_add_buffer(a, "a.json", json, len);
 *	archive_close(a);		// writes a.json, then b.csv
 *	archive_free(a);
 */
#include "archive.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "diag.h"
#include "intl.h"
#include "xalloc.h"

#define DOS_MIN		((time_t)315532800)	/* 1980-01-01 00:00:00 UTC */
#define DOS_MAX		((time_t)4354819198LL)	/* 2107-12-31 23:59:58 UTC */
#define DEFLATE_LEVEL	6
#define FILE_MODE	0100644u		/* regular file, rw-r--r-- */

struct member {
	char	*name;
	char	*path;	/* file to read at close, or NULL */
	void	*data;	/* our copy of a buffer entry */
	size_t	 len;
};

struct archive {
	struct diag	*d;
	char		*path;
	struct member	*v;
	size_t		 n, cap;
	int		 closed;
	time_t		 when;		/* without SOURCE_DATE_EPOCH */
};

int
archive_env_epoch(time_t *t)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return 0;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	if (sizeof(time_t) < sizeof(long long) && v > (long long)INT32_MAX)
		return -1;
	*t = (time_t)v;
	return 1;
}

time_t
archive_epoch(time_t fallback)
{
	time_t	 t;

	if (archive_env_epoch(&t) == 1)
		return t;
	return fallback;
}

void
archive_set_time(struct archive *a, time_t t)
{
	a->when = t;
}

int
archive_check_epoch(struct diag *d)
{
	time_t	 t;

	if (archive_env_epoch(&t) >= 0)
		return 1;
	return diag_error(d, NULL, "SOURCE_DATE_EPOCH '%s' is not a number "
	    "of seconds", getenv("SOURCE_DATE_EPOCH"));
}

struct archive *
archive_new(struct diag *d, const char *path)
{
	struct archive	*a;

	if (!archive_check_epoch(d))
		return NULL;
	a = xcalloc(1, sizeof(*a));
	a->d = d;
	a->path = xstrdup(path);
	return a;
}

void
archive_free(struct archive *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].path);
		free(a->v[i].data);
	}
	free(a->v);
	free(a->path);
	free(a);
}

/* 1 if "name" is a relative '/'-separated path that stays inside. */
static int
safe_name(const char *name)
{
	const char	*seg, *p;
	size_t		 len;

	if (*name == '\0' || *name == '/')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (*p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	for (seg = name; ; seg = p + 1) {
		p = strchr(seg, '/');
		len = p ? (size_t)(p - seg) : strlen(seg);
		if (len == 0 || (len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (p == NULL)
			return 1;
	}
}

/* Check "name" and append a member for it; NULL after reporting. */
static struct member *
add(struct archive *a, const char *name)
{
	struct loc	 l = { a->path, 0, 0 };
	struct member	*m;
	size_t		 i;

	assert(!a->closed);
	if (!safe_name(name)) {
		diag_error(a->d, &l, "unsafe name '%s' in archive", name);
		return NULL;
	}
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].name, name) == 0) {
			diag_error(a->d, &l, "entry '%s' added twice", name);
			return NULL;
		}
	a->v = xgrow(a->v, a->n, &a->cap, 8, sizeof(*a->v));
	m = &a->v[a->n++];
	memset(m, 0, sizeof(*m));
	m->name = xstrdup(name);
	return m;
}

int
archive_add_file(struct archive *a, const char *name_in_zip,
    const char *path_on_disk)
{
	struct member	*m;

	if ((m = add(a, name_in_zip)) == NULL)
		return 0;
	m->path = xstrdup(path_on_disk);
	return 1;
}

int
archive_add_buffer(struct archive *a, const char *name_in_zip,
    const void *data, size_t len)
{
	struct member	*m;

	if ((m = add(a, name_in_zip)) == NULL)
		return 0;
	m->data = xmalloc(len ? len : 1);
	if (len)
		memcpy(m->data, data, len);
	m->len = len;
	return 1;
}

static int
bymember(const void *x, const void *y)
{
	const struct member	*p = x, *q = y;

	return strcmp(p->name, q->name);
}

/* The DOS date and time fields of "t" read as UTC. */
static void
dostime(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm	 tm;

	if (t < DOS_MIN)
		t = DOS_MIN;
	if (sizeof(time_t) > 4 && t > DOS_MAX)
		t = DOS_MAX;
	gmtime_r(&t, &tm);
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
	    ((tm.tm_mon + 1) << 5) | tm.tm_mday);
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
	    (tm.tm_sec / 2));
}

/* Report libzip's last error on "za" against the archive. */
static int
zip_fail(struct archive *a, zip_t *za, const char *what)
{
	struct loc	 l = { a->path, 0, 0 };

	return diag_error(a->d, &l, "%s: %s", what, zip_strerror(za));
}

/* 1 if localtime() can give back the DOS time "dtime", "ddate". */
static int
local_exists(zip_uint16_t dtime, zip_uint16_t ddate)
{
	struct tm	 tm, back;
	time_t		 t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_isdst = -1;
	tm.tm_year = (ddate >> 9) + 80;
	tm.tm_mon = ((ddate >> 5) & 15) - 1;
	tm.tm_mday = ddate & 31;
	tm.tm_hour = dtime >> 11;
	tm.tm_min = (dtime >> 5) & 63;
	tm.tm_sec = (dtime & 31) * 2;
	if ((t = mktime(&tm)) == (time_t)-1 || localtime_r(&t, &back) == NULL)
		return 0;
	return back.tm_year == (ddate >> 9) + 80 &&
	    back.tm_mon == ((ddate >> 5) & 15) - 1 &&
	    back.tm_mday == (ddate & 31) && back.tm_hour == dtime >> 11 &&
	    back.tm_min == ((dtime >> 5) & 63);
}

static uint32_t
le(const unsigned char *p, int n)
{
	return n == 2 ? (uint32_t)(p[0] | p[1] << 8) :
	    le(p, 2) | le(p + 2, 2) << 16;
}

/* Write the 4 bytes "t" at "off" of "fp"; 1 on success. */
static int
put4(FILE *fp, off_t off, const unsigned char *t)
{
	return fseeko(fp, off, SEEK_SET) == 0 && fwrite(t, 1, 4, fp) == 4;
}

/*
 * Set the time and date of every local and central header of the zip
 * written at a->path, found through the central directory (libzip writes
 * no archive comment; ZIP64 archives are not handled).  Returns 1, or 0
 * after reporting.
 */
static int
fix_times(struct archive *a, zip_uint16_t dtime, zip_uint16_t ddate)
{
	struct loc	 l = { a->path, 0, 0 };
	unsigned char	 h[46], t[4];
	FILE		*fp;
	off_t		 cd;
	uint32_t	 i, n;
	int		 rc = 0;

	t[0] = (unsigned char)(dtime & 0xff);
	t[1] = (unsigned char)(dtime >> 8);
	t[2] = (unsigned char)(ddate & 0xff);
	t[3] = (unsigned char)(ddate >> 8);
	if ((fp = fopen(a->path, "r+b")) == NULL)
		return diag_syserr(a->d, a->path, "cannot open");
	if (fseeko(fp, -22, SEEK_END) != 0 || fread(h, 1, 22, fp) != 22 ||
	    le(h, 2) != 0x4b50 || le(h + 2, 2) != 0x0605 ||
	    le(h + 10, 2) == 0xffff || le(h + 16, 4) == 0xffffffff) {
		diag_error(a->d, &l, "cannot set entry times: unexpected "
		    "zip layout");
		goto out;
	}
	n = le(h + 10, 2);
	cd = (off_t)le(h + 16, 4);
	for (i = 0; i < n; i++) {
		if (fseeko(fp, cd, SEEK_SET) != 0 ||
		    fread(h, 1, 46, fp) != 46 || le(h, 4) != 0x02014b50 ||
		    le(h + 42, 4) == 0xffffffff) {
			diag_error(a->d, &l, "cannot set entry times: "
			    "unexpected zip layout");
			goto out;
		}
		if (!put4(fp, cd + 12, t) ||
		    !put4(fp, (off_t)le(h + 42, 4) + 10, t)) {
			diag_syserr(a->d, a->path, "cannot write");
			goto out;
		}
		cd += 46 + le(h + 28, 2) + le(h + 30, 2) + le(h + 32, 2);
	}
	rc = 1;
out:
	if (fclose(fp) != 0 && rc)
		rc = diag_syserr(a->d, a->path, "cannot write");
	return rc;
}

/* 1 if every file member is a regular file, else 0 after reporting. */
static int
check_files(struct archive *a)
{
	struct loc	 l = { NULL, 0, 0 };
	struct stat	 st;
	size_t		 i;
	int		 rc = 1;

	for (i = 0; i < a->n; i++) {
		if ((l.file = a->v[i].path) == NULL)
			continue;
		if (stat(l.file, &st) == -1)
			rc = diag_syserr(a->d, l.file, "cannot read");
		else if (!S_ISREG(st.st_mode))
			rc = diag_error(a->d, &l, "not a regular file");
	}
	return rc;
}

/* Add member "m" to "za" with the fixed time, mode and compression. */
/* 1 for a file that deflate would not make smaller (XLSX, zip, images). */
static int
compressed(const char *name)
{
	static const char *const ext[] = { ".xlsx", ".zip", ".png", ".jpg",
	    ".jpeg", ".gz", NULL };
	size_t	 n = strlen(name), i, k;

	for (i = 0; ext[i]; i++) {
		k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int
put(struct archive *a, zip_t *za, const struct member *m, zip_uint16_t dtime,
    zip_uint16_t ddate)
{
	zip_source_t	*src;
	zip_int64_t	 added;
	zip_uint64_t	 idx;

	if (m->path != NULL)
		src = zip_source_file(za, m->path, 0, 0);	/* whole file */
	else
		src = zip_source_buffer(za, m->data, m->len, 0);
	if (src == NULL)
		return zip_fail(a, za, m->name);
	if ((added = zip_file_add(za, m->name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return zip_fail(a, za, m->name);
	}
	idx = (zip_uint64_t)added;
	if (zip_set_file_compression(za, idx, compressed(m->name) ?
	    ZIP_CM_STORE : ZIP_CM_DEFLATE, compressed(m->name) ? 0 :
	    DEFLATE_LEVEL) == -1 ||
	    zip_file_set_dostime(za, idx, dtime, ddate, 0) == -1 ||
	    zip_file_set_external_attributes(za, idx, 0, ZIP_OPSYS_UNIX,
	    FILE_MODE << 16) == -1 ||
	    zip_file_extra_field_delete(za, idx, ZIP_EXTRA_FIELD_ALL,
	    ZIP_FL_CENTRAL | ZIP_FL_LOCAL) == -1)
		return zip_fail(a, za, m->name);
	return 1;
}

int
archive_close(struct archive *a)
{
	struct loc	 l = { a->path, 0, 0 };
	zip_t		*za = NULL;
	zip_error_t	 ze;
	zip_uint16_t	 dtime, ddate;
	size_t		 i;
	int		 err, written = 0, rc = 0;

	assert(!a->closed);
	a->closed = 1;
	if (a->n == 0)
		return diag_error(a->d, &l, "archive has no entries");
	if (!check_files(a))
		return 0;
	qsort(a->v, a->n, sizeof(*a->v), bymember);
	if ((za = zip_open(a->path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		diag_error(a->d, &l, "cannot create archive: %s",
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	dostime(archive_epoch(a->when), &dtime, &ddate);
	for (i = 0; i < a->n; i++)
		if (!put(a, za, &a->v[i], dtime, ddate))
			goto out;
	if (zip_close(za) == -1) {
		zip_fail(a, za, _("cannot write archive"));
		goto out;
	}
	za = NULL;
	written = 1;
	if (!local_exists(dtime, ddate) && !fix_times(a, dtime, ddate))
		goto out;
	rc = 1;
out:
	if (za != NULL)
		zip_discard(za);
	if (!rc && written)
		unlink(a->path);
	return rc;
}
