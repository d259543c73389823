/*
 * Running one function on several threads at once, the calling thread
 * among them, for the stages that share out their work (loading pages,
 * rendering them).  The function takes its items itself, typically from
 * a counter under a lock, so the work is shared however fast each
 * thread goes; pool_each() is that loop, written once.
 *
 *	pool_run(jobs, worker, &work);	// worker(&work) on "jobs" threads
 *	pool_each(jobs, &job);		// job.each(arg, state, i), i < n
 */
#ifndef PLANPRESS_POOL_H
#define PLANPRESS_POOL_H

#include <stddef.h>

/*
 * Call "fn(arg)" on "threads" threads (at least 1: the caller's) and
 * return when every call has returned.  When a thread cannot be made,
 * the ones already running and the caller do all the work.
 */
void	pool_run(size_t threads, void *(*fn)(void *), void *arg);

/*
 * Items 0 to n - 1, shared out among threads: each thread makes its
 * state with begin(arg) (NULL when "begin" is NULL), calls each(arg,
 * state, i) for the items it takes, in increasing order, then
 * end(arg, state) when "end" is not NULL.
 */
struct pool_job {
	size_t	  n;
	void	*(*begin)(void *arg);
	void	 (*each)(void *arg, void *state, size_t i);
	void	 (*end)(void *arg, void *state);
	void	 *arg;
};

/* Run "job" on "threads" threads (at least 1: the caller's). */
void	pool_each(size_t threads, const struct pool_job *job);

#endif
