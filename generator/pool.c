/*
 * Running one function on several threads (pool.h).
 */
#include "pool.h"

#include <pthread.h>
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
