/*
 * Deterministic zip archives: the same entries give the same bytes on
 * every machine, in every time zone, whatever the order they were added
 * in and whatever the files' modification times and permissions.
 *
 * Invariants callers rely on:
 *  - entries are written sorted by name (bytewise), deflated at level 9;
 *  - every entry has the time archive_epoch() gives for the archive's
 *    time (archive_set_time()), mode 0644, and no extra fields;
 *  - nothing is written before archive_close(); file entries are read then,
 *    buffers are copied when added.
 *
 *	char *path = fsout_claim(fs, "datasets/x.zip");
 *	struct archive *a = archive_new(d, path);
 *	archive_add_buffer(a, "datapackage.json", json, len);
 *	archive_add_file(a, "data/x.csv", "datasets/x.csv");
 *	archive_close(a);	// data/x.csv, then datapackage.json
 *	archive_free(a);
 *	free(path);
 */
#ifndef PLANPRESS_ARCHIVE_H
#define PLANPRESS_ARCHIVE_H

#include <stddef.h>
#include <time.h>

struct archive;
struct diag;

/*
 * The time stamped on every entry of an archive or spreadsheet:
 * SOURCE_DATE_EPOCH when it is set and valid, else "fallback" (normally
 * the modification time of the newest input).  Zip times cannot be
 * earlier than 1980-01-01 and are clamped to it.
 */
time_t		 archive_epoch(time_t fallback);

/*
 * SOURCE_DATE_EPOCH itself: 1 with "*t" set when it is a number of
 * seconds, 0 when unset or empty, -1 when malformed (which
 * archive_check_epoch() reports).
 */
int		 archive_env_epoch(time_t *t);


/*
 * Check SOURCE_DATE_EPOCH: returns 1 when it is unset or a valid decimal
 * count of seconds, else reports an error to "d" and returns 0.
 */
int		 archive_check_epoch(struct diag *d);

/*
 * A new, empty archive to be written to "path" (a file name; the string is
 * copied) by archive_close().  Returns an archive to free with
 * archive_free(), or NULL after reporting a malformed SOURCE_DATE_EPOCH.
 */
struct archive	*archive_new(struct diag *d, const char *path);

/*
 * The time of the entries of "a" when SOURCE_DATE_EPOCH is not set
 * (archive_epoch()); 0 until set.
 */
void		 archive_set_time(struct archive *a, time_t t);

/*
 * Add the file "path_on_disk" as "name_in_zip" ('/'-separated, relative).
 * The file is read by archive_close() and must exist until then.  An
 * unsafe name (empty, absolute, with a backslash, a control character, or
 * an empty, "." or ".." segment) or one added twice is refused.  Returns
 * 1, or 0 after reporting.
 */
int		 archive_add_file(struct archive *a, const char *name_in_zip,
		    const char *path_on_disk);

/*
 * Add a copy of the "len" bytes of "data" as "name_in_zip", checked as by
 * archive_add_file().  Returns 1, or 0 after reporting.
 */
int		 archive_add_buffer(struct archive *a, const char *name_in_zip,
		    const void *data, size_t len);

/*
 * Write the archive with every entry added successfully so far.  Returns 1,
 * or 0 after reporting (no entries, an unreadable file, an I/O error); on
 * failure no file is left at the path.  Call it at most once.
 */
int		 archive_close(struct archive *a);

/* Free "a" (closed or not: an archive never closed is not written). */
void		 archive_free(struct archive *a);

#endif
