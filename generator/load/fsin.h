/*
 * Reading the site's source files: whole files into buffers, streams,
 * and sorted directory listings, so every walk over the source is in the
 * same order on every machine.
 *
 * Containment: after fsin_confine(), nothing is read whose real path
 * (symbolic links resolved) lies outside the site folder or a folder
 * added with fsin_allow().  A link that leads outside is an error at the
 * link's path; a link to a folder that holds it (a loop) is an error; a
 * FIFO, socket or device is never opened ("not a regular file").  A file
 * read whole may be at most FSIN_MAX_READ bytes, a file read as a stream
 * at most FSIN_MAX_STREAM.  Without fsin_confine() (unit tests, init and
 * new) only the type and size rules apply.
 */
#ifndef PLANPRESS_FSIN_H
#define PLANPRESS_FSIN_H

#include <stddef.h>
#include <stdio.h>

struct buf;
struct diag;
struct loc;

#define FSIN_MAX_READ	((size_t)64 << 20)	/* 64 MiB, files read whole */
#define FSIN_MAX_STREAM	((long long)16 << 30)	/* 16 GiB, streamed files */

/*
 * Confine every later read to the folder "site" (and the folders given
 * to fsin_allow()); forgets the previous confinement.  Returns 1, or 0
 * after reporting that "site" cannot be opened.  Not thread-safe: call
 * before a build starts its threads.
 */
int	fsin_confine(struct diag *d, const char *site);

/*
 * Allow reading under the folder "dir" (relative to the site folder
 * unless absolute) too.  A folder that does not exist is an error at
 * "where".  Returns 1, or 0 after reporting.
 */
int	fsin_allow(struct diag *d, const struct loc *where, const char *dir);

/* Drop the confinement (serve between builds, tests). */
void	fsin_unconfine(void);

/*
 * 1 if the real path of "path" (which need not exist yet: its nearest
 * existing folder is resolved) lies inside the folder "dir" or is it.
 */
int	fsin_within(const char *path, const char *dir);

/*
 * Append the contents of "path" to "b".  Failures are reported against
 * "display" (the name the user knows the file by): a path out of the
 * site, not a regular file, larger than FSIN_MAX_READ.  Returns 1, or 0
 * after reporting.
 */
int	fsin_read(struct diag *d, const char *path, const char *display,
	    struct buf *b);

/*
 * Open "path" for reading as a stream, with the checks of fsin_read();
 * reading more than FSIN_MAX_STREAM bytes fails with EFBIG.  Returns a
 * stream to fclose(), or NULL after reporting against "display".
 */
FILE	*fsin_fopen(struct diag *d, const char *path, const char *display);

/*
 * "dir/name" as a new string (free()); just "name" when "dir" is "." or
 * empty, so paths in messages read "content/x.md" and not "./content/x.md".
 */
char	*fsin_join(const char *dir, const char *name);

/* 1 if "path" is a directory, 0 otherwise. */
int	fsin_isdir(const char *path);

/* 1 if "path" is a regular file, 0 otherwise. */
int	fsin_isfile(const char *path);

struct fsin_entry {
	char	*name;
	int	 isdir;
};

/*
 * The entries of directory "path" sorted by name (bytewise), without
 * hidden ones (leading '.').  Returns the count and sets *out to an array
 * to free with fsin_list_free(), or returns 0 with *out NULL for an empty
 * or missing directory; a directory that exists but cannot be read, or
 * lies outside the site, is reported.  Symbolic links that lead outside
 * the site or into a folder holding them are reported at their path and
 * left out.
 */
size_t	fsin_list(struct diag *d, const char *path, struct fsin_entry **out);

void	fsin_list_free(struct fsin_entry *v, size_t n);

/*
 * Check every file under the folder "dir" as fsin_fopen() would open it
 * (the files a build copies), reading none: for check, which copies
 * nothing but reports what a build would.  Returns 1, or 0 after
 * reporting.
 */
int	fsin_check_tree(struct diag *d, const char *dir);

#endif
