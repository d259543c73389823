/*
 * Source file reading for the load stage.  Everything the pipeline reads
 * from the site goes through here, so errors are worded once, directory
 * walks are always sorted, and the site's boundary is checked in one
 * place: every path is resolved (realpath) and must lie inside the site
 * folder or a folder the site allows; every file is checked to be a
 * regular file before it is opened, opened without following a last
 * link and without blocking, checked again on the descriptor, and read
 * with a size limit.
 */
#define _GNU_SOURCE
#include "fsin.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "xalloc.h"

/* The confinement: the site's real path and the allowed folders. */
static char	*root;
static char	**allowed;
static size_t	 nallowed;
static unsigned	 generation;	/* of the confinement, for the cache */

/*
 * The folder of the last file a thread opened, when its real path was
 * found permitted under confinement "okgen": a file in the same folder
 * that is not itself a link is inside too, so loading a folder of pages
 * resolves the folder once and not every page's path.
 */
static _Thread_local char	 okdir[PATH_MAX];
static _Thread_local unsigned	 okgen;

void
fsin_unconfine(void)
{
	size_t	 i;

	generation++;
	free(root);
	root = NULL;
	for (i = 0; i < nallowed; i++)
		free(allowed[i]);
	free(allowed);
	allowed = NULL;
	nallowed = 0;
}

int
fsin_confine(struct diag *d, const char *site)
{
	fsin_unconfine();
	if ((root = realpath(site, NULL)) == NULL)
		return diag_syserr(d, site, "cannot open the site");
	return 1;
}

int
fsin_allow(struct diag *d, const struct loc *where, const char *dir)
{
	char	*p, *real;

	p = dir[0] == '/' || root == NULL ? xstrdup(dir) :
	    xasprintf("%s/%s", root, dir);
	real = realpath(p, NULL);
	free(p);
	if (real == NULL)
		return diag_error(d, where, "cannot allow '%s': %s", dir,
		    strerror(errno));
	allowed = xreallocarray(allowed, nallowed + 1, sizeof(*allowed));
	allowed[nallowed++] = real;
	generation++;
	return 1;
}

/* 1 if the real path "real" is the real folder "dir" or under it. */
static int
under(const char *real, const char *dir)
{
	size_t	 n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return 1;
	return strncmp(real, dir, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0');
}

/* 1 if "real" may be read under the confinement. */
static int
permitted(const char *real)
{
	size_t	 i;

	if (root == NULL || under(real, root))
		return 1;
	for (i = 0; i < nallowed; i++)
		if (under(real, allowed[i]))
			return 1;
	return 0;
}

/*
 * The real path of "path", which need not exist: the nearest existing
 * folder above it is resolved and the rest appended.  NULL only when
 * not even the current folder resolves.
 */
static char *
resolve(const char *path)
{
	char	*real, *parent, *slash, *name;
	size_t	 n;

	if ((real = realpath(path, NULL)) != NULL || errno != ENOENT)
		return real;
	parent = xstrdup(*path ? path : ".");
	n = strlen(parent);
	while (n > 1 && parent[n - 1] == '/')
		parent[--n] = '\0';
	if ((slash = strrchr(parent, '/')) == NULL) {
		name = parent;
		real = realpath(".", NULL);
	} else {
		*slash = '\0';
		name = slash + 1;
		real = resolve(slash == parent ? "/" : parent);
	}
	if (real != NULL && strcmp(name, "..") == 0) {
		if ((slash = strrchr(real, '/')) != NULL && slash != real)
			*slash = '\0';
		else
			real[1] = '\0';
	} else if (real != NULL && *name && strcmp(name, ".") != 0) {
		slash = xasprintf("%s%s%s", real, strcmp(real, "/") ? "/" :
		    "", name);
		free(real);
		real = slash;
	}
	free(parent);
	return real;
}

int
fsin_within(const char *path, const char *dir)
{
	char	*a = resolve(path), *b = resolve(dir);
	int	 rc = a != NULL && b != NULL && under(a, b);

	free(a);
	free(b);
	return rc;
}

/*
 * What "path" points at, for messages: the link's text as the user wrote
 * it when "path" is a symbolic link, else its real path "real".  Free it.
 */
static char *
target(const char *path, const char *real)
{
	char	 buf[PATH_MAX];
	ssize_t	 n = readlink(path, buf, sizeof(buf) - 1);

	if (n <= 0)
		return xstrdup(real);
	return xstrndup(buf, (size_t)n);
}

/* Report that "path" (shown as "display") leads to "real", outside. */
static int
outside(struct diag *d, const char *path, const char *display,
    const char *real)
{
	char	*t = target(path, real);

	diag_error(d, &(struct loc){ display, 0, 0 }, N_("symbolic link leads "
	    "outside the site: '%s'"), t);
	free(t);
	return 0;
}

/* Report why "path" (shown as "display") cannot be resolved. */
static int
unresolved(struct diag *d, const char *display, const char *what)
{
	if (errno == ELOOP)
		return diag_error(d, &(struct loc){ display, 0, 0 },
		    N_("symbolic link loop"));
	return diag_syserr(d, display, what);
}

/*
 * The length of the folder part of "path" when it is a plain path (no
 * "." or ".." segment, no empty one) whose folder is the cached one; 0
 * otherwise.  The current folder does not change during a build, so a
 * relative folder names the same place each time, as an absolute one
 * does.
 */
static size_t
cached(const char *path)
{
	const char	*slash = strrchr(path, '/'), *p;
	size_t		 n;

	if (slash == NULL || okgen != generation)
		return 0;
	n = (size_t)(slash - path);
	for (p = path; p < slash + 1; p++)
		if (*p == '.' && (p == path || p[-1] == '/'))
			return 0;
	if (strstr(path, "//") != NULL || n >= sizeof(okdir) ||
	    strncmp(okdir, path, n) != 0 || okdir[n] != '\0')
		return 0;
	return n;
}

/* Remember the folder of "path", a plain file found within. */
static void
remember(const char *path)
{
	const char	*slash = strrchr(path, '/');
	size_t		 n;
	struct stat	 st;

	if (slash == NULL || root == NULL ||
	    (n = (size_t)(slash - path)) >= sizeof(okdir) ||
	    lstat(path, &st) == -1 || S_ISLNK(st.st_mode))
		return;
	memcpy(okdir, path, n);
	okdir[n] = '\0';
	okgen = generation;
}

/*
 * Open "path" without following a last link and without blocking: a
 * descriptor, -1 (errno set) when it cannot be opened, -2 when it is not
 * a regular file.  Sets "*st".
 */
static int
openplain(const char *path, struct stat *st)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, st) == -1 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -2;
	}
	return fd;
}

/* openplain(), reporting its failures against "display". */
static int
openreg(struct diag *d, const char *path, const char *display,
    struct stat *st)
{
	int	 fd = openplain(path, st);

	if (fd == -1)
		diag_syserr(d, display, "cannot open");
	else if (fd == -2)
		diag_error(d, &(struct loc){ display, 0, 0 },
		    N_("not a regular file"));
	return fd < 0 ? -1 : fd;
}

/*
 * Open the regular file "path" for reading, within the confinement;
 * sets "*st".  Returns a descriptor, or -1 after reporting.
 */
static int
openfile(struct diag *d, const char *path, const char *display,
    struct stat *st)
{
	struct loc	 at = { display, 0, 0 };
	char		*real;
	int		 fd = -1;

	/* A link is refused by O_NOFOLLOW (ELOOP) and resolved below. */
	if (root != NULL && cached(path) > 0 && (fd = openplain(path, st)) >= 0)
		return fd;
	fd = -1;
	if ((real = realpath(path, NULL)) == NULL) {
		unresolved(d, display, "cannot open");
		return -1;
	}
	if (!permitted(real))
		outside(d, path, display, real);
	else if (stat(real, st) == -1)
		diag_syserr(d, display, "cannot open");
	else if (!S_ISREG(st->st_mode))
		diag_error(d, &at, "not a regular file");
	else if ((fd = openreg(d, real, display, st)) != -1)
		remember(path);
	free(real);
	return fd;
}

static int
toolarge(struct diag *d, const char *display, unsigned long long max)
{
	return diag_error(d, &(struct loc){ display, 0, 0 }, N_("larger than "
	    "the limit of %llu MiB"), max >> 20);
}

int
fsin_read(struct diag *d, const char *path, const char *display,
    struct buf *b)
{
	struct stat	 st;
	ssize_t		 n;
	size_t		 total = 0, room;
	int		 fd, rc = 1;

	if ((fd = openfile(d, path, display, &st)) == -1)
		return 0;
	if ((unsigned long long)st.st_size > FSIN_MAX_READ) {
		close(fd);
		return toolarge(d, display, FSIN_MAX_READ);
	}
	/*
	 * Straight into "b", grown once to the file's size and a byte more.
	 * A read that brings all the bytes fstat() counted and stops short
	 * of that extra byte has met the end, so the usual file takes one
	 * read(); a file that grows meanwhile is read on in steps of 64 KiB,
	 * and one that shrinks until a read returns nothing.
	 */
	buf_grow(b, (size_t)st.st_size + 1);
	for (;;) {
		if ((room = b->cap - b->len - 1) == 0) {
			buf_grow(b, 65536);
			room = b->cap - b->len - 1;
		}
		if ((n = read(fd, b->data + b->len, room)) == 0)
			break;
		if (n == -1) {
			if (errno == EINTR)
				continue;
			rc = diag_syserr(d, display, "cannot read");
			break;
		}
		if ((total += (size_t)n) > FSIN_MAX_READ) {
			rc = toolarge(d, display, FSIN_MAX_READ);
			break;
		}
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if ((size_t)n < room && total >= (size_t)st.st_size)
			break;
	}
	close(fd);
	return rc;
}

/* A stream over a descriptor that stops at FSIN_MAX_STREAM bytes. */
struct bounded {
	int		 fd;
	long long	 left;
};

static ssize_t
bounded_read(void *cookie, char *out, size_t size)
{
	struct bounded	*s = cookie;
	ssize_t		 n;

	if (s->left <= 0) {
		errno = EFBIG;
		return -1;
	}
	if ((long long)size > s->left)
		size = (size_t)s->left;
	while ((n = read(s->fd, out, size)) == -1 && errno == EINTR)
		continue;
	if (n > 0)
		s->left -= n;
	return n;
}

static int
bounded_close(void *cookie)
{
	struct bounded	*s = cookie;
	int		 rc = close(s->fd);

	free(s);
	return rc;
}

FILE *
fsin_fopen(struct diag *d, const char *path, const char *display)
{
	static const cookie_io_functions_t io = { bounded_read, NULL, NULL,
	    bounded_close };
	struct bounded	*s;
	struct stat	 st;
	FILE		*fp;
	int		 fd;

	if ((fd = openfile(d, path, display, &st)) == -1)
		return NULL;
	if (st.st_size > FSIN_MAX_STREAM) {
		close(fd);
		toolarge(d, display, FSIN_MAX_STREAM);
		return NULL;
	}
	s = xmalloc(sizeof(*s));
	s->fd = fd;
	s->left = FSIN_MAX_STREAM + 1;
	if ((fp = fopencookie(s, "rb", io)) == NULL) {
		diag_syserr(d, display, "cannot open");
		bounded_close(s);
	}
	return fp;
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

/*
 * 1 if the folder "real" holds "path" as the walk reached it: it is the
 * real path, or above the real path, of "path" or of a folder on the way
 * to it ("content/a/to-b/to-a" when to-a leads back to content/a).
 */
static int
holds(const char *real, const char *path)
{
	char	*p = xstrdup(path), *r, *slash;
	int	 rc = 0;

	for (;;) {
		if ((r = realpath(*p ? p : "/", NULL)) != NULL) {
			rc = under(r, real);
			free(r);
		}
		if (rc || (slash = strrchr(p, '/')) == NULL)
			break;
		*slash = '\0';
	}
	free(p);
	return rc;
}

/*
 * Decide on the entry "full" of the listed folder "path", of directory
 * entry type "type" (DT_UNKNOWN when the file system does not say): 1 to
 * list it (with "*isdir"), 0 to leave it out (a refused link, reported).
 */
static int
admit(struct diag *d, const char *path, const char *full, int type,
    int *isdir)
{
	struct stat	 st;
	char		*real, *t;
	int		 rc = 1;

	*isdir = type == DT_DIR;
	if (type == DT_REG || type == DT_DIR)
		return 1;
	*isdir = 0;
	if (lstat(full, &st) == -1)
		return 1;
	if (!S_ISLNK(st.st_mode)) {
		*isdir = S_ISDIR(st.st_mode);
		return 1;
	}
	if ((real = realpath(full, NULL)) == NULL)
		return errno == ENOENT ? 1 : unresolved(d, full, "cannot open");
	if (!permitted(real))
		rc = outside(d, full, full, real);
	else if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (holds(real, path)) {
			t = target(full, real);
			rc = diag_error(d, &(struct loc){ full, 0, 0 },
			    N_("symbolic link loop: '%s' holds the link"), t);
			free(t);
		}
		*isdir = 1;
	}
	free(real);
	return rc;
}

/* The folder "path" itself must be within the confinement. */
static int
listable(struct diag *d, const char *path)
{
	char	*real = realpath(path, NULL);
	int	 rc = 1;

	if (real == NULL)
		return errno == ENOENT ? 1 : unresolved(d, path, "cannot read "
		    "directory");
	if (!permitted(real))
		rc = outside(d, path, path, real);
	free(real);
	return rc;
}

size_t
fsin_list(struct diag *d, const char *path, struct fsin_entry **out)
{
	DIR		*dir;
	struct dirent	*e;
	struct fsin_entry *v = NULL;
	size_t		 n = 0, cap = 0;
	char		*full;
	int		 isdir, rc;

	*out = NULL;
	if (!listable(d, path))
		return 0;
	if ((dir = opendir(path)) == NULL) {
		if (errno != ENOENT)
			diag_syserr(d, path, "cannot read directory");
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (e->d_type == DT_REG || e->d_type == DT_DIR)
			isdir = e->d_type == DT_DIR;	/* as admit() says */
		else {
			full = xasprintf("%s/%s", path, e->d_name);
			rc = admit(d, path, full, e->d_type, &isdir);
			free(full);
			if (!rc)
				continue;
		}
		v = xgrow(v, n, &cap, 16, sizeof(*v));
		v[n].name = xstrdup(e->d_name);
		v[n].isdir = isdir;
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

int
fsin_check_tree(struct diag *d, const char *dir)
{
	struct fsin_entry	*v;
	size_t			 i, n = fsin_list(d, dir, &v);
	char			*p;
	FILE			*fp;
	int			 rc = 1;

	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", dir, v[i].name);
		if (v[i].isdir)
			rc &= fsin_check_tree(d, p);
		else if ((fp = fsin_fopen(d, p, p)) != NULL)
			fclose(fp);
		else
			rc = 0;
		free(p);
	}
	fsin_list_free(v, n);
	return rc;
}
