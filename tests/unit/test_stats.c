/*
 * Unit tests for stats.c: declared stages listed in order even when they
 * never ran, times that add up over several runs, NULL stats that do
 * nothing, and the aligned table with the peak memory.
 */
#include "stats.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "check.h"

static void
pause_ms(long ms)
{
	struct timespec	 ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

int
main(void)
{
	static const char *const stages[] = { "load", "render pages", NULL };
	struct stats	*s = stats_new(stages);
	struct buf	 b = BUF_INIT;
	const char	*p;

	stats_start(s, "load");
	pause_ms(5);
	stats_stop(s, "load");
	stats_start(s, "load");
	stats_start(s, "load");		/* running: ignored */
	pause_ms(5);
	stats_stop(s, "load");
	stats_stop(s, "load");		/* stopped: ignored */
	CHECK(stats_seconds(s, "load") >= 0.009);
	CHECK(stats_seconds(s, "load") < 1);
	CHECK(stats_seconds(s, "render pages") == 0);
	CHECK(stats_seconds(s, "nowhere") == 0);
	stats_start(s, "extra");
	stats_stop(s, "extra");
	stats_table(s, &b);
	p = b.data;
	CHECK(strncmp(p, "load         ", 13) == 0);
	p = strchr(p, '\n') + 1;
	CHECK(strncmp(p, "render pages     0.000 s\n", 25) == 0);
	p = strchr(p, '\n') + 1;
	CHECK(strncmp(p, "extra ", 6) == 0);
	p = strchr(p, '\n') + 1;
	CHECK(strncmp(p, "total ", 6) == 0);
	p = strchr(p, '\n') + 1;
	CHECK(strncmp(p, "peak memory ", 12) == 0);
	CHECK(strstr(p, " MB\n") != NULL);
	CHECK(stats_peak_memory() > 0);
	buf_release(&b);
	stats_free(s);

	stats_start(NULL, "load");	/* no --stats: nothing */
	stats_stop(NULL, "load");
	CHECK(stats_seconds(NULL, "load") == 0);
	stats_free(NULL);
	return CHECK_DONE("stats");
}
