/*
 * A stash: a temporary file that takes blocks of bytes and gives them
 * back by offset, for what must wait beyond a memory budget (the
 * Markdown bodies of a large site, between the load and the render
 * stage).  The file is made at the first write, in $TMPDIR or else /tmp,
 * and removed at once, so nothing is left behind however planpress ends.
 *
 * Invariants callers rely on:
 *  - several threads may write and read at once: a write reserves its
 *    place with one atomic addition and uses pwrite(), a read pread();
 *  - bytes come back as they were written, or the read fails;
 *  - after a failed write (no file can be made, or the disk is full)
 *    every later write fails too, so callers fall back once.
 *
 *	st = stash_new();
 *	if (stash_write(st, body, len, &at))	// one block, many bodies
 *		...
 *	stash_read(st, at, out, len);
 *	stash_free(st);
 */
#ifndef PLANPRESS_STASH_H
#define PLANPRESS_STASH_H

#include <stddef.h>
#include <stdint.h>

struct stash;

/* A new stash, with no file yet; free it with stash_free(). */
struct stash	*stash_new(void);

/* Close and forget the file; NULL does nothing. */
void		 stash_free(struct stash *st);

/*
 * Append the "len" bytes at "data"; their offset in *at.  Returns 1, or
 * 0 with errno set when the file cannot be made or written.
 */
int		 stash_write(struct stash *st, const void *data, size_t len,
		    uint64_t *at);

/*
 * Read "len" bytes written at offset "at" into "out".  Returns 1, or 0
 * with errno set (EIO for a file that came back short).
 */
int		 stash_read(struct stash *st, uint64_t at, void *out,
		    size_t len);

/* The folder of temporary files: $TMPDIR, or else /tmp. */
const char	*stash_tmpdir(void);

/*
 * A new temporary file in stash_tmpdir() whose name starts with "name",
 * already removed: a descriptor, or -1 with errno set.
 */
int		 stash_tmpfd(const char *name);

#endif
