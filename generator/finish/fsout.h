/*
 * The only writer under the output directory.
 *
 * A build writes its whole tree into a staging directory beside the
 * output directory, and fsout_commit() swaps the two in one step; a
 * build that fails calls fsout_free() without committing and the
 * previous output stays exactly as it was.  Every path is relative to
 * the output root and is checked segment by segment, so no slug or file
 * name can write outside it.
 *
 *	struct fsout *fs = fsout_open(d, "output");
 *	fsout_write(fs, "index.html", html, len);
 *	if (diag_errors(d) == 0)
 *		fsout_commit(fs);
 *	fsout_free(fs);
 *
 * fsout_write(), fsout_claim() and fsout_fopen() may be called from
 * several threads at once; opening, committing and freeing may not.
 */
#ifndef PLANPRESS_FSOUT_H
#define PLANPRESS_FSOUT_H

#include <stddef.h>
#include <stdio.h>

struct diag;
struct fsout;

/* The file every output tree holds at its root. */
#define FSOUT_MARKER	".planpress-output"

/*
 * Prepare a staging directory for a new tree that will replace "dir".
 * Takes the lock of "dir" (an flock() on "dir.lock" beside it, held
 * until fsout_free()); another build holding it is an error.  "dir"
 * must not exist, be empty, or hold FSOUT_MARKER; with "legacy" (the
 * site's own output/), a folder holding index.html and 404.html, as
 * builds made before the marker, is accepted too.  Staging and old
 * folders beside "dir" of builds that were killed are removed.  Writes
 * FSOUT_MARKER into the new tree.  Returns a writer to free with
 * fsout_free(), or NULL after reporting.
 */
struct fsout	*fsout_open(struct diag *d, const char *dir, int legacy);

/*
 * Remove the staging directory unless it was committed, and free "fs".
 * fsout_free(NULL) does nothing.
 */
void		 fsout_free(struct fsout *fs);

/*
 * Write "len" bytes of "data" to "path" (relative, '/'-separated) in the
 * new tree, creating directories.  A path with an unsafe segment ("..",
 * empty, hidden, control characters) or one written twice is an error.
 * Returns 1, or 0 after reporting.
 */
int		 fsout_write(struct fsout *fs, const char *path,
		    const void *data, size_t len);

/*
 * Copy every file under the directory "src" to "dest" (relative, may be
 * "") in the new tree, in sorted order; hidden files are skipped.  The
 * source is read through fsin.c: links out of the site, loops and files
 * that are not regular are errors.  Returns 1, or 0 after reporting.
 */
int		 fsout_copy_tree(struct fsout *fs, const char *src,
		    const char *dest);

/*
 * Claim "path" for a library that writes files by name (libzip,
 * libxlsxwriter): checks it like fsout_write(), creates its directories
 * and returns the full path in the staging tree, to free with free().
 * The caller must create the file there.  Returns NULL after reporting.
 */
char		*fsout_claim(struct fsout *fs, const char *path);

/*
 * Open "path" (checked like fsout_write()) for streaming writes; close
 * it with fsout_fclose(), which reports write errors.  Returns NULL after
 * reporting.
 */
FILE		*fsout_fopen(struct fsout *fs, const char *path);
int		 fsout_fclose(struct fsout *fs, FILE *fp, const char *path);

/*
 * The full path in the staging tree of "path", a file this build wrote,
 * for reading it back (into an archive, or for its hash); free() it.
 */
char		*fsout_path(const struct fsout *fs, const char *path);

/*
 * Hand "fn" the path (relative, '/'-separated) of every file of the
 * output folder as the previous build left it, in sorted order; nothing
 * when there was none.  For telling what a new build no longer
 * publishes.
 */
void		 fsout_previous(const struct fsout *fs,
		    void (*fn)(void *arg, const char *path), void *arg);

/* Files written so far. */
size_t		 fsout_count(const struct fsout *fs);

/*
 * Put the new tree in place of the output directory in one step (the
 * old tree is swapped out and removed).  Files whose bytes did not change
 * keep the old file's inode and modification time.  Returns 1 when the
 * new tree is in place (an old tree that cannot be removed is left as
 * "dir.old-PID", with a warning printed), or 0 after reporting, in which
 * case the old output is untouched.
 */
int		 fsout_commit(struct fsout *fs);

/* Remove the directory tree "path" (as rm -rf); 1 on success. */
int		 fsout_remove_tree(const char *path);

/*
 * Replace the file "path" (relative) of the finished output folder "dir"
 * with "len" bytes of "data" in one step (a temporary file renamed over
 * it), for the preview server's one-page rebuilds.  Returns 1, or 0
 * after reporting.
 */
int		 fsout_replace(struct diag *d, const char *dir, const char *path,
		    const void *data, size_t len);

#endif
