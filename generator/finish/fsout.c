/*
 * Output writing, the commit stage of the pipeline.  Renderers produce
 * bytes in memory; this file alone creates files and directories, in a
 * staging tree that replaces the output directory only when the whole
 * build succeeded.  The swap uses renameat2(RENAME_EXCHANGE) where the
 * kernel has it, so at no moment is there no output directory.
 */
#define _GNU_SOURCE
#include "fsout.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "intl.h"
#include "text.h"
#include "xalloc.h"

struct fsout {
	struct diag	*d;
	char		*dir;		/* the output directory */
	char		*stage;		/* the staging directory */
	int		 stagefd;	/* open on it, for the writes below it,
					   which so resolve only their own
					   path; -1 if none */
	int		 lockfd;	/* DIR.lock, flock()ed; -1 if none */
	pthread_mutex_t	 lock;		/* guards count */
	size_t		 count;
	int		 committed;
};

static int
rmentry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

int
fsout_remove_tree(const char *path)
{
	struct stat	 st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT;
	return nftw(path, rmentry, 32, FTW_DEPTH | FTW_PHYS) == 0;
}

static int	putfile(struct fsout *, const char *, const void *, size_t);

/*
 * Take the lock of the output folder "fs->dir": an flock() on DIR.lock
 * beside it, which holds the process id of its owner.  Returns 1, or 0
 * after reporting that another build holds it.
 */
static int
lock(struct fsout *fs)
{
	char	*path = xasprintf("%s.lock", fs->dir);
	char	 pid[32];
	ssize_t	 n;
	int	 rc = 0;

	fs->lockfd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0644);
	if (fs->lockfd == -1) {
		diag_syserr(fs->d, path, "cannot create the lock file");
		goto out;
	}
	if (flock(fs->lockfd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK) {
			diag_syserr(fs->d, path, "cannot lock");
			goto out;
		}
		n = pread(fs->lockfd, pid, sizeof(pid) - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		if (*pid)
			diag_error(fs->d, NULL, "'%s' is being written by "
			    "another build (process %s, lock '%s'); try again "
			    "when it has finished", fs->dir, pid, path);
		else
			diag_error(fs->d, NULL, "'%s' is being written by "
			    "another build (lock '%s'); try again when it has "
			    "finished", fs->dir, path);
		goto out;
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fs->lockfd, 0) == 0)
		(void)!pwrite(fs->lockfd, pid, (size_t)n, 0);
	rc = 1;
out:
	free(path);
	return rc;
}

/* 1 if "dir" is an empty folder. */
static int
empty(const char *dir)
{
	DIR		*dp;
	struct dirent	*e;
	int		 n = 0;

	if ((dp = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(dp);
	return n == 0;
}

/* 1 if the regular file "dir/name" exists. */
static int
has(const char *dir, const char *name)
{
	char		*p = xasprintf("%s/%s", dir, name);
	struct stat	 st;
	int		 rc = lstat(p, &st) == 0 && S_ISREG(st.st_mode);

	free(p);
	return rc;
}

/*
 * The output folder may be replaced: it does not exist, is empty, holds
 * the marker of an earlier build or, for the site's own output/
 * ("legacy"), the index.html and 404.html that builds made before the
 * marker existed.  Returns 1, or 0 after reporting.
 */
static int
replaceable(struct fsout *fs, int legacy)
{
	struct stat	 st;

	if (lstat(fs->dir, &st) == -1)
		return errno == ENOENT ? 1 : diag_syserr(fs->d, fs->dir,
		    "cannot open the output directory");
	if (!S_ISDIR(st.st_mode))
		return diag_error(fs->d, NULL, "'%s' exists and is not a "
		    "directory", fs->dir);
	if (has(fs->dir, FSOUT_MARKER) || empty(fs->dir) || (legacy &&
	    has(fs->dir, "index.html") && has(fs->dir, "404.html")))
		return 1;
	return diag_error(fs->d, NULL, "'%s' is not empty and was not "
	    "written by planpress (it has no %s); remove it or choose "
	    "another output folder", fs->dir, FSOUT_MARKER);
}

/* 1 if "name" is "BASE.staging-PID" or "BASE.old-PID" of a dead "pid". */
static int
stale(const char *name, const char *base, size_t n)
{
	const char	*p;
	char		*end;
	long		 pid;

	if (strncmp(name, base, n) != 0 || name[n] != '.')
		return 0;
	p = name + n + 1;
	if (strncmp(p, "staging-", 8) == 0)
		p += 8;
	else if (strncmp(p, "old-", 4) == 0)
		p += 4;
	else
		return 0;
	if (*p < '1' || *p > '9')
		return 0;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (*end != '\0' || errno != 0 || pid <= 0 || pid == (long)getpid())
		return 0;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/*
 * Remove the staging and old folders that builds of this output killed
 * before they finished left beside it (their process is gone).
 */
static void
sweep(struct fsout *fs)
{
	char		*parent = xstrdup(fs->dir), *slash, *path;
	const char	*base = fs->dir, *where = ".";
	struct dirent	*e;
	DIR		*dp;

	if ((slash = strrchr(parent, '/')) != NULL) {
		*slash = '\0';
		where = slash == parent ? "/" : parent;
		base = fs->dir + (slash - parent) + 1;
	}
	if ((dp = opendir(where)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			if (!stale(e->d_name, base, strlen(base)))
				continue;
			path = xasprintf("%s/%s", where, e->d_name);
			fsout_remove_tree(path);
			free(path);
		}
		closedir(dp);
	}
	free(parent);
}

struct fsout *
fsout_open(struct diag *d, const char *dir, int legacy)
{
	static const char marker[] = "This folder is written by planpress: "
	    "every build replaces all of it.\n";
	struct fsout	*fs;
	size_t		 n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	fs = xcalloc(1, sizeof(*fs));
	fs->d = d;
	fs->lockfd = -1;
	fs->stagefd = -1;
	pthread_mutex_init(&fs->lock, NULL);
	fs->dir = xstrndup(dir, n);
	/* Checked before the lock file is made beside a refused folder,
	 * and again under the lock. */
	if (!replaceable(fs, legacy) || !lock(fs) || !replaceable(fs, legacy))
		goto fail;
	sweep(fs);
	fs->stage = xasprintf("%s.staging-%ld", fs->dir, (long)getpid());
	fsout_remove_tree(fs->stage);
	if (mkdir(fs->stage, 0755) == -1) {
		diag_syserr(d, fs->stage, "cannot create the staging directory");
		free(fs->stage);
		fs->stage = NULL;
		goto fail;
	}
	fs->stagefd = open(fs->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fs->stagefd == -1) {
		diag_syserr(d, fs->stage, "cannot open the staging directory");
		goto fail;
	}
	if (!putfile(fs, FSOUT_MARKER, marker, sizeof(marker) - 1))
		goto fail;
	return fs;
fail:
	fsout_free(fs);
	return NULL;
}

void
fsout_free(struct fsout *fs)
{
	if (fs == NULL)
		return;
	if (fs->stage && !fs->committed)
		fsout_remove_tree(fs->stage);
	if (fs->stagefd != -1)
		close(fs->stagefd);
	if (fs->lockfd != -1)
		close(fs->lockfd);	/* releases the lock */
	pthread_mutex_destroy(&fs->lock);
	free(fs->stage);
	free(fs->dir);
	free(fs);
}

size_t
fsout_count(const struct fsout *fs)
{
	return fs->count;
}

static void
counted(struct fsout *fs)
{
	pthread_mutex_lock(&fs->lock);
	fs->count++;
	pthread_mutex_unlock(&fs->lock);
}

/* Check every segment of "path"; 1 if all are safe. */
static int
safepath(const char *path)
{
	const char	*p = path, *slash;
	char		 seg[256];
	size_t		 n;

	if (*p == '\0')
		return 0;
	for (;;) {
		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || n >= sizeof(seg))
			return 0;
		memcpy(seg, p, n);
		seg[n] = '\0';
		if (!text_safe_segment(seg))
			return 0;
		if (slash == NULL)
			return 1;
		p = slash + 1;
	}
}

/* Report the failure "what" of the staging tree's "rel"; returns 0. */
static int
staged_error(struct fsout *fs, const char *rel, const char *what)
{
	int	 e = errno;
	char	*full = xasprintf("%s/%s", fs->stage, rel);

	errno = e;
	diag_syserr(fs->d, full, what);
	free(full);
	return 0;
}

/*
 * Create the folder "rel" (below the staging root) cut at "end", and the
 * ones above it: the deepest first, as the others usually exist already,
 * so a new page costs one mkdir().
 */
static int
mkdirs(struct fsout *fs, char *rel, char *end)
{
	char	*up;
	int	 rc = 1;

	*end = '\0';
	if (mkdirat(fs->stagefd, rel, 0755) == 0 || errno == EEXIST)
		goto out;
	for (up = end - 1; up > rel && *up != '/'; up--)
		continue;
	if (errno == ENOENT && up > rel) {
		if (!mkdirs(fs, rel, up)) {
			rc = 0;
			goto out;
		}
		if (mkdirat(fs->stagefd, rel, 0755) == 0 || errno == EEXIST)
			goto out;
	}
	rc = staged_error(fs, rel, N_("cannot create directory"));
out:
	*end = '/';
	return rc;
}

/* Create the directories leading to "rel" (below the staging root). */
static int
mkparents(struct fsout *fs, char *rel)
{
	char	*last = strrchr(rel, '/');

	return last == NULL || mkdirs(fs, rel, last);
}

/* Write the file "rel" below the staging root, which must be new. */
static int
putfile(struct fsout *fs, const char *rel, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 w;
	int		 fd, rc = 0;

	fd = openat(fs->stagefd, rel, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd == -1) {
		if (errno == EEXIST)
			return diag_error(fs->d, NULL,
			    "two outputs claim the same file '%s'", rel);
		return staged_error(fs, rel, N_("cannot create file"));
	}
	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			staged_error(fs, rel, N_("cannot write"));
			goto out;
		}
		p += w;
		len -= (size_t)w;
	}
	rc = 1;
out:
	if (close(fd) == -1 && rc)
		rc = staged_error(fs, rel, N_("cannot write"));
	return rc;
}

int
fsout_write(struct fsout *fs, const char *path, const void *data,
    size_t len)
{
	char	*rel;
	int	 rc = 0;

	if (!safepath(path))
		return diag_error(fs->d, NULL,
		    "refusing to write outside the output directory: '%s'",
		    path);
	rel = xstrdup(path);
	if (!mkparents(fs, rel))
		goto out;
	if (!putfile(fs, rel, data, len))
		goto out;
	counted(fs);
	rc = 1;
out:
	free(rel);
	return rc;
}

char *
fsout_claim(struct fsout *fs, const char *path)
{
	char		*full;
	struct stat	 st;

	if (!safepath(path)) {
		diag_error(fs->d, NULL, "refusing to write outside the output "
		    "directory: '%s'", path);
		return NULL;
	}
	full = xasprintf("%s/%s", fs->stage, path);
	if (lstat(full, &st) == 0) {
		diag_error(fs->d, NULL, "two outputs claim the same file '%s'",
		    path);
		free(full);
		return NULL;
	}
	if (!mkparents(fs, full + strlen(fs->stage) + 1)) {
		free(full);
		return NULL;
	}
	counted(fs);
	return full;
}

char *
fsout_path(const struct fsout *fs, const char *path)
{
	return xasprintf("%s/%s", fs->stage, path);
}

FILE *
fsout_fopen(struct fsout *fs, const char *path)
{
	char	*full = fsout_claim(fs, path);
	FILE	*fp;
	int	 fd;

	if (full == NULL)
		return NULL;
	fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd == -1 || (fp = fdopen(fd, "w")) == NULL) {
		diag_syserr(fs->d, full, "cannot create file");
		if (fd != -1)
			close(fd);
		free(full);
		return NULL;
	}
	free(full);
	return fp;
}

int
fsout_fclose(struct fsout *fs, FILE *fp, const char *path)
{
	int	 bad = ferror(fp);

	if (fclose(fp) != 0 || bad)
		return diag_error(fs->d, NULL, "cannot write '%s'", path);
	return 1;
}

/* Copy the source file "from" to "to" in the new tree, as a stream. */
static int
copyfile(struct fsout *fs, const char *from, const char *to)
{
	char	 chunk[65536];
	FILE	*in, *out;
	size_t	 n;
	int	 rc = 1;

	if ((in = fsin_fopen(fs->d, from, from)) == NULL)
		return 0;
	if ((out = fsout_fopen(fs, to)) == NULL) {
		fclose(in);
		return 0;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, out) != n)
			break;
	if (ferror(in))
		rc = diag_syserr(fs->d, from, "cannot read");
	fclose(in);
	return fsout_fclose(fs, out, to) && rc;
}

int
fsout_copy_tree(struct fsout *fs, const char *src, const char *dest)
{
	struct fsin_entry	*v;
	char			*from, *to;
	size_t			 i, n;
	int			 rc = 1;

	n = fsin_list(fs->d, src, &v);
	for (i = 0; i < n; i++) {
		from = xasprintf("%s/%s", src, v[i].name);
		to = *dest ? xasprintf("%s/%s", dest, v[i].name) :
		    xstrdup(v[i].name);
		if (v[i].isdir)
			rc &= fsout_copy_tree(fs, from, to);
		else
			rc &= copyfile(fs, from, to);
		free(from);
		free(to);
	}
	fsin_list_free(v, n);
	return rc;
}

static int
exchange(const char *a, const char *b)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b,
	    (1 << 1) /* RENAME_EXCHANGE */);
#else
	errno = ENOSYS;
	return -1;
#endif
}

/* 1 if the open files "fa" and "fb" hold the same "size" bytes. */
static int
samebytes(int fa, int fb, off_t size)
{
	char	 x[65536], y[65536];
	ssize_t	 n, m;

	while (size > 0) {
		n = read(fa, x, sizeof(x));
		m = read(fb, y, sizeof(y));
		if (n <= 0 || n != m || memcmp(x, y, (size_t)n) != 0)
			return 0;
		size -= n;
	}
	return 1;
}

/*
 * A new file with the same bytes as the old one becomes a hard link to
 * it, so it keeps its inode and modification time and a sync tool sees
 * only real changes.  The old file is compared and linked through one
 * descriptor, so the file linked is the file compared even if its name
 * changes meanwhile.  Where links fail, the old time is copied.
 */
static void
keepfile(const char *newp, const char *oldp)
{
	struct stat	 sn, so;
	struct timespec	 t[2];
	char		*tmp = NULL, proc[64];
	int		 fo, fn = -1;

	if ((fo = open(oldp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return;
	if ((fn = open(newp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1 ||
	    fstat(fo, &so) == -1 || fstat(fn, &sn) == -1 ||
	    !S_ISREG(so.st_mode) || !S_ISREG(sn.st_mode) ||
	    sn.st_size != so.st_size || !samebytes(fn, fo, sn.st_size))
		goto out;
	tmp = xasprintf("%s.keep", newp);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fo);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 &&
	    rename(tmp, newp) == 0)
		goto out;
	unlink(tmp);
	t[0] = so.st_atim;
	t[1] = so.st_mtim;
	futimens(fn, t);
out:
	free(tmp);
	if (fn != -1)
		close(fn);
	close(fo);
}

/* Keep the unchanged files of the tree "newdir" from "olddir". */
static void
keep(const char *newdir, const char *olddir)
{
	struct dirent	*e;
	struct stat	 st;
	DIR		*dp;
	char		*a, *b;

	if ((dp = opendir(newdir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		a = xasprintf("%s/%s", newdir, e->d_name);
		b = xasprintf("%s/%s", olddir, e->d_name);
		if (lstat(a, &st) == 0 && S_ISDIR(st.st_mode))
			keep(a, b);
		else
			keepfile(a, b);
		free(a);
		free(b);
	}
	closedir(dp);
}

/*
 * The new tree is in place and "old" holds the previous one: remove it.
 * When that fails the build still succeeded; say what was left.
 */
static void
drop_old(struct fsout *fs, const char *old)
{
	if (fsout_remove_tree(old))
		return;
	diag_note(fs->d, "planpress: warning: cannot remove the previous "
	    "output '%s' (%s); the new site is in place, remove it by hand "
	    "or let the next build remove it", old, strerror(errno));
}

int
fsout_commit(struct fsout *fs)
{
	struct stat	 st;
	char		*old;
	int		 rc = 0;

	if (lstat(fs->dir, &st) == -1) {
		if (errno != ENOENT || rename(fs->stage, fs->dir) == -1)
			return diag_syserr(fs->d, fs->dir,
			    "cannot create the output directory");
		fs->committed = 1;
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return diag_error(fs->d, NULL, "'%s' exists and is not a "
		    "directory", fs->dir);
	keep(fs->stage, fs->dir);
	old = xasprintf("%s.old-%ld", fs->dir, (long)getpid());
	fsout_remove_tree(old);
	if (exchange(fs->stage, fs->dir) == 0) {
		fs->committed = 1;
		drop_old(fs, rename(fs->stage, old) == 0 ? old : fs->stage);
		rc = 1;
		goto out;
	}
	/* No atomic exchange: move the old tree aside, then the new in. */
	if (rename(fs->dir, old) == -1) {
		diag_syserr(fs->d, fs->dir, "cannot replace the output");
		goto out;
	}
	if (rename(fs->stage, fs->dir) == -1) {
		diag_syserr(fs->d, fs->dir, "cannot replace the output");
		rename(old, fs->dir);
		goto out;
	}
	fs->committed = 1;
	drop_old(fs, old);
	rc = 1;
out:
	free(old);
	return rc;
}

int
fsout_replace(struct diag *d, const char *dir, const char *path,
    const void *data, size_t len)
{
	char	*full = xasprintf("%s/%s", dir, path);
	char	*tmp = xasprintf("%s.planpress-new", full);
	FILE	*fp;
	int	 rc = 0;

	if ((fp = fopen(tmp, "wb")) == NULL) {
		diag_syserr(d, full, "cannot write");
		goto out;
	}
	if (fwrite(data, 1, len, fp) != len) {
		fclose(fp);
		unlink(tmp);
		diag_syserr(d, full, "cannot write");
		goto out;
	}
	if (fclose(fp) != 0 || rename(tmp, full) != 0) {
		unlink(tmp);
		diag_syserr(d, full, "cannot write");
		goto out;
	}
	rc = 1;
out:
	free(tmp);
	free(full);
	return rc;
}

/* The files under "dir" (relative "rel"), sorted, to "fn". */
static void
previous(const char *dir, const char *rel, void (*fn)(void *, const char *),
    void *arg)
{
	struct dirent	**v = NULL;
	struct stat	  st;
	char		 *full, *sub;
	int		  n, i;

	if ((n = scandir(dir, &v, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (v[i]->d_name[0] == '.') {
			free(v[i]);
			continue;
		}
		full = xasprintf("%s/%s", dir, v[i]->d_name);
		sub = *rel ? xasprintf("%s/%s", rel, v[i]->d_name) :
		    xstrdup(v[i]->d_name);
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
			previous(full, sub, fn, arg);
		else if (lstat(full, &st) == 0 && S_ISREG(st.st_mode))
			fn(arg, sub);
		free(full);
		free(sub);
		free(v[i]);
	}
	free(v);
}

void
fsout_previous(const struct fsout *fs, void (*fn)(void *, const char *),
    void *arg)
{
	previous(fs->dir, "", fn, arg);
}
