/*
 * Unit tests for stash.c: blocks written from several threads at once
 * come back byte for byte; no file is made until the first write; a
 * folder that is not there fails every write, and reads of what was
 * never written fail.
 */
#include "stash.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define THREADS	4
#define BLOCKS	200

struct writer {
	struct stash	*st;
	int		 id;
	uint64_t	 at[BLOCKS];
	int		 ok;
};

/* Block "i" of writer "id": its length and bytes differ from the rest. */
static size_t
block(int id, int i, char *out)
{
	size_t	 n = 1 + (size_t)(i * 37 + id * 11) % 5000, k;

	for (k = 0; k < n; k++)
		out[k] = (char)('a' + (id * 7 + i + (int)k) % 26);
	return n;
}

static void *
write_all(void *arg)
{
	struct writer	*w = arg;
	char		 b[5000];
	int		 i;

	w->ok = 1;
	for (i = 0; i < BLOCKS; i++)
		w->ok &= stash_write(w->st, b, block(w->id, i, b), &w->at[i]);
	return NULL;
}

static void
test_threads(void)
{
	struct stash	*st = stash_new();
	struct writer	 w[THREADS];
	pthread_t	 t[THREADS];
	char		 want[5000], got[5000];
	size_t		 n;
	int		 i, k, same = 1, started = 0;

	for (k = 0; k < THREADS; k++) {
		w[k].st = st;
		w[k].id = k;
		started += pthread_create(&t[k], NULL, write_all, &w[k]) == 0;
	}
	CHECK(started == THREADS);
	for (k = 0; k < started; k++)
		pthread_join(t[k], NULL);
	for (k = 0; k < started; k++) {
		CHECK(w[k].ok);
		for (i = 0; i < BLOCKS; i++) {
			n = block(k, i, want);
			memset(got, 0, sizeof(got));
			same &= stash_read(st, w[k].at[i], got, n) &&
			    memcmp(got, want, n) == 0;
		}
	}
	CHECK(same);
	/* Past the end: short, so an error. */
	CHECK(!stash_read(st, (uint64_t)THREADS * BLOCKS * 5000, got, 10) &&
	    errno == EIO);
	stash_free(st);
}

static void
test_nofile(void)
{
	char		*tmp = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	struct stash	*st = stash_new();
	uint64_t	 at = 7;
	char		 b[4];

	/* Nothing written: no file, nothing to read. */
	CHECK(!stash_read(st, 0, b, 1) && errno == EBADF);
	setenv("TMPDIR", "/nonexistent/planpress-test", 1);
	CHECK(!stash_write(st, "abcd", 4, &at) && errno == ENOENT && at == 7);
	if (tmp != NULL)
		setenv("TMPDIR", tmp, 1);
	else
		unsetenv("TMPDIR");
	/* Once failed, failed for good, whatever TMPDIR says now. */
	CHECK(!stash_write(st, "abcd", 4, &at) && errno == ENOENT);
	stash_free(st);
	stash_free(NULL);
	/* $TMPDIR when it is set and not empty, else /tmp. */
	setenv("TMPDIR", "/var/tmp/x", 1);
	CHECK(strcmp(stash_tmpdir(), "/var/tmp/x") == 0);
	setenv("TMPDIR", "", 1);
	CHECK(strcmp(stash_tmpdir(), "/tmp") == 0);
	unsetenv("TMPDIR");
	CHECK(strcmp(stash_tmpdir(), "/tmp") == 0);
	if (tmp != NULL)
		setenv("TMPDIR", tmp, 1);
	free(tmp);
}

int
main(void)
{
	test_threads();
	test_nofile();
	return CHECK_DONE("stash");
}
