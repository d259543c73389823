/*
 * Build statistics, around the whole pipeline.  site.c brackets each
 * stage (load, link, datasets scan, publish packages, search index,
 * render pages, write/commit) with stats_start() and stats_stop();
 * main.c prints
 * stats_table() after the build when --stats is given.  Times come from
 * CLOCK_MONOTONIC, so a clock change during a build does not show.
 */
#include "stats.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "buf.h"
#include "xalloc.h"

#define MAXSTAGES	16

struct stage {
	const char	*name;
	double		 secs;		/* finished runs */
	double		 since;		/* start of the current run */
	int		 running;
};

struct stats {
	struct stage	 v[MAXSTAGES];
	size_t		 n;
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct stats *
stats_new(const char *const *stages)
{
	struct stats	*s = xcalloc(1, sizeof(struct stats));

	for (; stages && *stages && s->n < MAXSTAGES; stages++)
		s->v[s->n++].name = *stages;
	return s;
}

void
stats_free(struct stats *s)
{
	free(s);
}

static struct stage *
find(const struct stats *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return (struct stage *)&s->v[i];
	return NULL;
}

void
stats_start(struct stats *s, const char *name)
{
	struct stage	*st;

	if (s == NULL)
		return;
	if ((st = find(s, name)) == NULL) {
		if (s->n == MAXSTAGES)
			return;
		st = &s->v[s->n++];
		st->name = name;
	}
	if (st->running)
		return;
	st->running = 1;
	st->since = now();
}

void
stats_stop(struct stats *s, const char *name)
{
	struct stage	*st;

	if (s == NULL || (st = find(s, name)) == NULL || !st->running)
		return;
	st->running = 0;
	st->secs += now() - st->since;
}

double
stats_seconds(const struct stats *s, const char *name)
{
	const struct stage	*st;

	if (s == NULL || (st = find(s, name)) == NULL)
		return 0;
	return st->secs + (st->running ? now() - st->since : 0);
}

unsigned long long
stats_peak_memory(void)
{
	struct rusage	 ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0 || ru.ru_maxrss < 0)
		return 0;
	return (unsigned long long)ru.ru_maxrss * 1024;	/* KB on Linux */
}

void
stats_table(const struct stats *s, struct buf *b)
{
	size_t		 i, w = strlen("peak memory");
	double		 total = 0, t;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i].name) > w)
			w = strlen(s->v[i].name);
	for (i = 0; i < s->n; i++) {
		t = stats_seconds(s, s->v[i].name);
		total += t;
		buf_printf(b, "%-*s %9.3f s\n", (int)w, s->v[i].name, t);
	}
	buf_printf(b, "%-*s %9.3f s\n", (int)w, "total", total);
	buf_printf(b, "%-*s %9.1f MB\n", (int)w, "peak memory",
	    (double)stats_peak_memory() / (1024.0 * 1024.0));
}
