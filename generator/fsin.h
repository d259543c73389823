/*
 * Reading the site's source files: whole files into buffers, and sorted
 * directory listings, so every walk over the source is in the same order
 * on every machine.
 */
#ifndef PLANPRESS_FSIN_H
#define PLANPRESS_FSIN_H

#include <stddef.h>

struct buf;
struct diag;

/*
 * Append the contents of "path" to "b".  Failures are reported against
 * "display" (the name the user knows the file by).  Returns 1, or 0
 * after reporting.
 */
int	fsin_read(struct diag *d, const char *path, const char *display,
	    struct buf *b);

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
 * or missing directory; a directory that exists but cannot be read is
 * reported.
 */
size_t	fsin_list(struct diag *d, const char *path, struct fsin_entry **out);

void	fsin_list_free(struct fsin_entry *v, size_t n);

#endif
