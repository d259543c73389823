/*
 * Unit tests for pool.c: every item of a pool_each() job is taken once
 * and only once, each thread's state is its own, begin and end come in
 * pairs, whatever the number of threads.
 */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "check.h"

#define ITEMS	10000

struct count {
	atomic_int	 seen[ITEMS];
	atomic_int	 begun, ended, wrong;
};

struct state {
	struct count	*c;
	size_t		 last;		/* the item this thread took last */
	size_t		 taken;
};

static void *
begin(void *arg)
{
	struct state	*s = calloc(1, sizeof(*s));

	if (s == NULL)
		abort();
	s->c = arg;
	s->last = (size_t)-1;
	atomic_fetch_add(&s->c->begun, 1);
	return s;
}

static void
each(void *arg, void *state, size_t i)
{
	struct count	*c = arg;
	struct state	*s = state;

	/* A thread takes its items in increasing order. */
	if (s->c != c || (s->last != (size_t)-1 && i <= s->last))
		atomic_fetch_add(&c->wrong, 1);
	s->last = i;
	s->taken++;
	atomic_fetch_add(&c->seen[i], 1);
}

static void
end(void *arg, void *state)
{
	struct count	*c = arg;

	atomic_fetch_add(&c->ended, 1);
	free(state);
}

static void
plain(void *arg, void *state, size_t i)
{
	struct count	*c = arg;

	if (state != NULL)
		atomic_fetch_add(&c->wrong, 1);
	atomic_fetch_add(&c->seen[i], 1);
}

static void
run(size_t threads, size_t n, int with_state)
{
	struct count	*c = calloc(1, sizeof(*c));
	struct pool_job	 job = { n, begin, each, end, NULL };
	size_t		 i, once = 0, other = 0;

	if (c == NULL)
		abort();
	job.arg = c;
	if (!with_state) {
		job.begin = NULL;
		job.each = plain;
		job.end = NULL;
	}
	pool_each(threads, &job);
	for (i = 0; i < ITEMS; i++) {
		if (i < n && atomic_load(&c->seen[i]) == 1)
			once++;
		else if (atomic_load(&c->seen[i]) != 0)
			other++;
	}
	CHECK(once == n);
	CHECK(other == 0);
	CHECK(atomic_load(&c->wrong) == 0);
	if (with_state) {
		CHECK(atomic_load(&c->begun) == atomic_load(&c->ended));
		CHECK(atomic_load(&c->begun) >= 1);
		CHECK((size_t)atomic_load(&c->begun) <= (threads ? threads : 1));
	} else
		CHECK(atomic_load(&c->begun) == 0);
	free(c);
}

int
main(void)
{
	size_t	threads[] = { 0, 1, 2, 8 };
	size_t	sizes[] = { 0, 1, 7, ITEMS };
	size_t	i, k;

	for (i = 0; i < sizeof(threads) / sizeof(threads[0]); i++)
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			run(threads[i], sizes[k], 1);
			run(threads[i], sizes[k], 0);
		}
	return CHECK_DONE("pool");
}
