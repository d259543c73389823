/*
 * Build statistics for --stats: the time spent in each pipeline stage,
 * on a monotonic clock, and the peak memory of the process.
 *
 * Invariants callers rely on:
 *  - every function takes a NULL "struct stats *" and then does
 *    nothing, so the pipeline times its stages unconditionally and pays
 *    only for a clock read when --stats is given;
 *  - a stage is named by a static string and may be started and
 *    stopped several times: its times add up; stages are listed in the
 *    order they first started;
 *  - start and stop are for one thread (the pipeline's), not for the
 *    render threads.
 *
 *	struct stats *s = stats_new(NULL);
 *	stats_start(s, "load");
 *	...
 *	stats_stop(s, "load");
 *	stats_table(s, &b);	// "load           0.012 s\n..."
 *	stats_free(s);
 */
#ifndef PLANPRESS_STATS_H
#define PLANPRESS_STATS_H

struct buf;
struct stats;

/*
 * A new set of timings; free with stats_free().  "stages" (NULL or a
 * NULL-terminated list of static strings) are listed first, in that
 * order, even if they never run.
 */
struct stats	*stats_new(const char *const *stages);

/* Free "s"; stats_free(NULL) does nothing. */
void		 stats_free(struct stats *s);

/*
 * Start the clock of stage "name" (a string that lives as long as "s",
 * such as a literal).  Starting a running stage does nothing.
 */
void		 stats_start(struct stats *s, const char *name);

/* Stop the clock of stage "name"; stopping a stopped stage does nothing. */
void		 stats_stop(struct stats *s, const char *name);

/* The seconds stage "name" took so far, or 0 if it never started. */
double		 stats_seconds(const struct stats *s, const char *name);

/*
 * Append to "b" a small table, one line per stage with its time, then
 * the total of the stages and the peak resident memory of the process
 * (getrusage()), the columns aligned:
 *
 *	load               0.004 s
 *	render pages       0.120 s
 *	total              0.124 s
 *	peak memory         12.5 MB
 */
void		 stats_table(const struct stats *s, struct buf *b);

/* The peak resident memory of the process in bytes, 0 when unknown. */
unsigned long long stats_peak_memory(void);

#endif
