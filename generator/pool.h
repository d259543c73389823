/*
 * Running one function on several threads at once, the calling thread
 * among them, for the stages that share out their work (loading pages,
 * rendering them).  The function takes its items itself, typically from
 * a counter under a lock, so the work is shared however fast each
 * thread goes.
 *
 *	pool_run(jobs, worker, &work);	// worker(&work) on "jobs" threads
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

#endif
