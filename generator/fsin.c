/*
 * Source file reading for the load stage.  Everything the pipeline reads
 * from the site goes through here, so errors are worded once and
 * directory walks are always sorted.
 */
#include "fsin.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "xalloc.h"

int
fsin_read(struct diag *d, const char *path, const char *display,
    struct buf *b)
{
	char	 tmp[65536];
	ssize_t	 n;
	int	 fd, rc = 1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return diag_syserr(d, display, "cannot open");
	while ((n = read(fd, tmp, sizeof(tmp))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			rc = diag_syserr(d, display, "cannot read");
			break;
		}
		buf_put(b, tmp, (size_t)n);
	}
	close(fd);
	return rc;
}

char *
fsin_join(const char *dir, const char *name)
{
	if (dir[0] == '\0' || strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

int
fsin_isdir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
fsin_isfile(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
byname(const void *a, const void *b)
{
	const struct fsin_entry	*x = a, *y = b;

	return strcmp(x->name, y->name);
}

size_t
fsin_list(struct diag *d, const char *path, struct fsin_entry **out)
{
	DIR		*dir;
	struct dirent	*e;
	struct fsin_entry *v = NULL;
	size_t		 n = 0, cap = 0;
	char		*full;

	*out = NULL;
	if ((dir = opendir(path)) == NULL) {
		if (errno != ENOENT)
			diag_syserr(d, path, "cannot read directory");
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		full = xasprintf("%s/%s", path, e->d_name);
		v[n].name = xstrdup(e->d_name);
		v[n].isdir = fsin_isdir(full);
		free(full);
		n++;
	}
	closedir(dir);
	if (n)
		qsort(v, n, sizeof(*v), byname);
	*out = v;
	return n;
}

void
fsin_list_free(struct fsin_entry *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
