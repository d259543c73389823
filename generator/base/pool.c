/*
 * Running one function on several threads (pool.h).
 */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "xalloc.h"

void
pool_run(size_t threads, void *(*fn)(void *), void *arg)
{
	pthread_t	*t;
	size_t		 i;

	if (threads < 2) {
		fn(arg);
		return;
	}
	t = xcalloc(threads, sizeof(*t));
	for (i = 1; i < threads; i++)
		if (pthread_create(&t[i], NULL, fn, arg) != 0)
			break;		/* this thread does the rest */
	threads = i;
	fn(arg);
	for (i = 1; i < threads; i++)
		pthread_join(t[i], NULL);
	free(t);
}

struct each {
	const struct pool_job	*job;
	atomic_size_t		 next;	/* the next item to take */
};

static void *
eachone(void *arg)
{
	struct each		*e = arg;
	const struct pool_job	*j = e->job;
	void			*state = j->begin ? j->begin(j->arg) : NULL;
	size_t			 i;

	while ((i = atomic_fetch_add(&e->next, 1)) < j->n)
		j->each(j->arg, state, i);
	if (j->end)
		j->end(j->arg, state);
	return NULL;
}

void
pool_each(size_t threads, const struct pool_job *job)
{
	struct each	 e;

	e.job = job;
	atomic_init(&e.next, 0);
	pool_run(threads, eachone, &e);
}
