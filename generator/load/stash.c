/*
 * A temporary file of blocks (stash.h).  The file is made under a lock
 * by the first write; the next byte's offset is one atomic counter, so
 * writers never wait for each other once it exists.
 */
#include "stash.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "xalloc.h"

struct stash {
	pthread_mutex_t	 lock;		/* making the file */
	atomic_int	 fd;		/* -1: not made yet */
	atomic_int	 err;		/* a write failed: its errno */
	atomic_uint_least64_t end;	/* the next block's offset */
};

const char *
stash_tmpdir(void)
{
	const char	*dir = getenv("TMPDIR");

	return dir != NULL && *dir != '\0' ? dir : "/tmp";
}

int
stash_tmpfd(const char *name)
{
	char	*path = xasprintf("%s/%s-XXXXXX", stash_tmpdir(), name);
	int	 fd = mkstemp(path), err = errno;

	if (fd >= 0) {
		unlink(path);
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	free(path);
	errno = err;
	return fd;
}

struct stash *
stash_new(void)
{
	struct stash	*st = xcalloc(1, sizeof(*st));

	pthread_mutex_init(&st->lock, NULL);
	atomic_init(&st->fd, -1);
	atomic_init(&st->err, 0);
	atomic_init(&st->end, 0);
	return st;
}

void
stash_free(struct stash *st)
{
	if (st == NULL)
		return;
	if (atomic_load(&st->fd) >= 0)
		close(atomic_load(&st->fd));
	pthread_mutex_destroy(&st->lock);
	free(st);
}

/* The file, made the first time; -1 with errno set when it cannot be. */
static int
file(struct stash *st)
{
	int	 fd;

	if ((fd = atomic_load(&st->fd)) >= 0)
		return fd;
	pthread_mutex_lock(&st->lock);
	if ((fd = atomic_load(&st->fd)) < 0 && atomic_load(&st->err) == 0) {
		if ((fd = stash_tmpfd("planpress-pages")) >= 0)
			atomic_store(&st->fd, fd);
		else
			atomic_store(&st->err, errno ? errno : EIO);
	}
	pthread_mutex_unlock(&st->lock);
	if (fd < 0)
		errno = atomic_load(&st->err);
	return fd;
}

int
stash_write(struct stash *st, const void *data, size_t len, uint64_t *at)
{
	const char	*p = data;
	uint64_t	 off;
	ssize_t		 n;
	size_t		 done = 0;
	int		 fd, err;

	if ((err = atomic_load(&st->err)) != 0) {
		errno = err;
		return 0;
	}
	if ((fd = file(st)) < 0)
		return 0;
	off = atomic_fetch_add(&st->end, len);
	while (done < len) {
		n = pwrite(fd, p + done, len - done, (off_t)(off + done));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n == 0 ? EIO : errno;
			atomic_store(&st->err, err);
			errno = err;
			return 0;
		}
		done += (size_t)n;
	}
	*at = off;
	return 1;
}

int
stash_read(struct stash *st, uint64_t at, void *out, size_t len)
{
	char	*p = out;
	ssize_t	 n;
	size_t	 done = 0;
	int	 fd = atomic_load(&st->fd);

	if (fd < 0) {
		errno = EBADF;
		return 0;
	}
	while (done < len) {
		n = pread(fd, p + done, len - done, (off_t)(at + done));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return 0;
		}
		done += (size_t)n;
	}
	return 1;
}
