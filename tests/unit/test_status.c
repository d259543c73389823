/* The status rule, edge by edge. */
#include <limits.h>

#include "check.h"
#include "status.h"

static long
day(const char *iso)
{
	return status_day_parse(iso);
}

/*
 * A target "op target" for 2024, one figure at the end of "period"; a
 * figure of the period "2024" itself is final unless it is an estimate.
 */
static enum status
one(enum status_op op, double target, double v, int estimate,
    const char *period, const char *as_of, struct status_out *out)
{
	struct status_in	 in = { 0 };
	long			 first, last;

	in.op = op;
	in.target = target;
	in.start = day("2024-01-01");
	in.deadline = day("2024-12-31");
	in.as_of = day(as_of);
	if (period != NULL && status_period(period, &first, &last)) {
		in.has_value = 1;
		in.value = v;
		in.estimate = estimate;
		in.value_day = last;
		in.final = last == in.deadline && !estimate;
	}
	status_compute(&in, out);
	return out->status;
}

static void
rule(void)
{
	struct status_out	 o;

	/* Exactly at the target: ">" is not met, ">=" is. */
	CHECK(one(STATUS_OP_GT, 80, 80, 0, "2024", "2025-01-10", &o) ==
	    STATUS_NOT_ACHIEVED);
	CHECK(o.why == STATUS_WHY_LATE);
	CHECK(one(STATUS_OP_GE, 80, 80, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	CHECK(o.why == STATUS_WHY_MET);
	CHECK(one(STATUS_OP_GT, 80, 80.0001, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	/* Unrounded: 99.96 shows as "100%" but does not meet "= 100". */
	CHECK(one(STATUS_OP_EQ, 100, 99.96, 0, "2024", "2025-01-10", &o) ==
	    STATUS_NOT_ACHIEVED);
	CHECK(one(STATUS_OP_LT, 5, 4.9, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	CHECK(one(STATUS_OP_LE, 5, 5, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	CHECK(one(STATUS_OP_LT, 5, 5, 0, "2024", "2025-01-10", &o) ==
	    STATUS_NOT_ACHIEVED);

	/* An interim figure that meets the target: on track, not achieved. */
	CHECK(one(STATUS_OP_EQ, 100, 100, 0, "2024-Q3", "2024-10-01", &o) ==
	    STATUS_ON_TRACK);
	CHECK(o.why == STATUS_WHY_MET_INTERIM);
	/* ... and after the deadline it waits for the final figure. */
	CHECK(one(STATUS_OP_EQ, 100, 100, 0, "2024-Q3", "2025-02-01", &o) ==
	    STATUS_AWAITING_FINAL);
	CHECK(o.why == STATUS_WHY_MET_INTERIM);

	/* No data, before and after the deadline. */
	CHECK(one(STATUS_OP_GT, 80, 0, 0, NULL, "2024-06-01", &o) ==
	    STATUS_NO_DATA);
	CHECK(o.why == STATUS_WHY_NO_FIGURE);
	CHECK(one(STATUS_OP_GT, 80, 0, 0, NULL, "2026-01-01", &o) ==
	    STATUS_NO_DATA);

	/* An estimate never achieves: on track before the deadline... */
	CHECK(one(STATUS_OP_GT, 80, 85, 1, "2024-Q3", "2024-10-01", &o) ==
	    STATUS_ON_TRACK);
	CHECK(o.why == STATUS_WHY_MET_ESTIMATE);
	/* ... and after it, awaiting the final figure, not on track forever */
	CHECK(one(STATUS_OP_GT, 80, 85, 1, "2024", "2025-03-01", &o) ==
	    STATUS_AWAITING_FINAL);
	CHECK(o.why == STATUS_WHY_MET_ESTIMATE);
	/* An estimate below the target is no final figure either. */
	CHECK(one(STATUS_OP_GT, 80, 70, 1, "2024", "2025-03-01", &o) ==
	    STATUS_AWAITING_FINAL);
	CHECK(o.why == STATUS_WHY_ESTIMATE_ONLY);

	/* The deadline is the last day: as of that day it has not passed. */
	CHECK(one(STATUS_OP_GT, 80, 70, 0, "2024-Q3", "2024-12-31", &o) ==
	    STATUS_BEHIND);
	CHECK(o.why == STATUS_WHY_NO_BASELINE);
	/* "Không đạt" only from a final figure: a Q3 figure is interim. */
	CHECK(one(STATUS_OP_GT, 80, 70, 0, "2024-Q3", "2025-01-01", &o) ==
	    STATUS_AWAITING_FINAL);
	CHECK(o.why == STATUS_WHY_INTERIM);
}

/* Figures marked final, lasting shares, the best case, ranges. */
static void
truths(void)
{
	struct status_in	 in = { 0 };
	struct status_out	 o;

	in.op = STATUS_OP_GT;
	in.target = 80;
	in.start = day("2024-01-01");
	in.deadline = day("2024-12-31");
	in.as_of = day("2024-11-01");
	in.has_value = 1;
	in.value = 70;
	in.value_day = day("2024-09-30");
	/* A figure marked final decides, even before the deadline. */
	in.final = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_LATE);
	/* An estimate is never final. */
	in.estimate = 1;
	status_compute(&in, &o);
	CHECK(o.status != STATUS_NOT_ACHIEVED && o.status != STATUS_ACHIEVED);
	in.estimate = 0;
	in.final = 0;

	/* A share: 12 of 15 done (80%) meets nothing; 13 (86.7%) achieves
	 * at once, since units done stay done. */
	in.lasting = 1;
	in.value = 100.0 * 13 / 15;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ACHIEVED && o.why == STATUS_WHY_MET);

	/* After the deadline, 10 done, 3 not reported: the best case is
	 * 13/15, which would meet "> 80": awaiting, not "not achieved". */
	in.as_of = day("2025-02-01");
	in.value = 100.0 * 10 / 15;
	in.has_upper = 1;
	in.missing = 1;
	in.upper = 100.0 * 13 / 15;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_AWAITING_FINAL &&
	    o.why == STATUS_WHY_INCOMPLETE);
	/* Every unit reported, 3 "not done" in November: interim. */
	in.missing = 0;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_AWAITING_FINAL &&
	    o.why == STATUS_WHY_INTERIM);
	in.missing = 1;
	/* Only 1 unit missing: even if it were done, 11/15 fails. */
	in.upper = 100.0 * 11 / 15;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_SHORT);
	/* Every unit reported, finally: the figure is final. */
	in.has_upper = 0;
	in.final = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_LATE);
	in.final = 0;

	/* Before the deadline with reports missing: behind on the known
	 * share, on pace in the best case: cannot judge. */
	in.as_of = day("2024-07-01");
	in.value_day = in.as_of;
	in.has_baseline = 1;
	in.baseline = 0;
	in.baseline_day = day("2023-12-31");
	in.value = 20;
	in.has_upper = 1;
	in.upper = 60;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NO_DATA && o.why == STATUS_WHY_INCOMPLETE);
	/* Behind even in the best case: behind. */
	in.upper = 25;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND && o.why == STATUS_WHY_PACE_SLOW);
	in.has_upper = 0;
	in.lasting = 0;

	/* A range "from 60 to 80". */
	in.op = STATUS_OP_BETWEEN;
	in.target = 60;
	in.target_max = 80;
	in.final = 1;
	in.value = 80;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ACHIEVED);
	in.value = 80.5;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED);
	in.value = 59.9;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED);
	/* Approached from above: the pace aims at the upper bound. */
	in.final = 0;
	in.baseline = 100;
	in.value = 90;
	in.value_day = day("2024-06-30");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK && o.expected > 89 &&
	    o.expected < 91);

	/* A rank: lower is better, "in the top 10" is "<= 10". */
	in.op = STATUS_OP_LE;
	in.target = 10;
	in.baseline = 20;
	in.value = 14;			/* expected 15.0 at mid-year */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK && o.why == STATUS_WHY_PACE_OK);
	in.value = 18;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND);

	/* Monitor-only: no target, outside the counts. */
	memset(&in, 0, sizeof(in));
	in.monitor = 1;
	in.has_value = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_MONITOR && o.why == STATUS_WHY_MONITOR);
}

static void
rollup(void)
{
	enum status	 a[] = { STATUS_ACHIEVED, STATUS_ACHIEVED,
			    STATUS_ACHIEVED };
	enum status	 m[] = { STATUS_MONITOR, STATUS_MONITOR };

	CHECK(status_rollup(a, 3) == STATUS_ACHIEVED);
	a[1] = STATUS_ON_TRACK;
	CHECK(status_rollup(a, 3) == STATUS_ON_TRACK);
	a[2] = STATUS_NO_DATA;
	CHECK(status_rollup(a, 3) == STATUS_NO_DATA);
	a[0] = STATUS_AWAITING_FINAL;
	CHECK(status_rollup(a, 3) == STATUS_AWAITING_FINAL);
	a[1] = STATUS_BEHIND;
	CHECK(status_rollup(a, 3) == STATUS_BEHIND);
	a[2] = STATUS_NOT_ACHIEVED;
	CHECK(status_rollup(a, 3) == STATUS_NOT_ACHIEVED);
	a[0] = STATUS_MONITOR;
	a[1] = STATUS_MONITOR;
	a[2] = STATUS_ACHIEVED;
	CHECK(status_rollup(a, 3) == STATUS_ACHIEVED);
	CHECK(status_rollup(m, 2) == STATUS_MONITOR);
}

/* The pace from a baseline to the target. */
static void
pace(void)
{
	struct status_in	 in = { 0 };
	struct status_out	 o;

	in.op = STATUS_OP_GT;
	in.target = 60;
	in.start = day("2024-01-01");
	in.deadline = day("2024-12-31");
	in.as_of = day("2024-07-15");
	in.has_baseline = 1;
	in.baseline = 40;
	in.baseline_day = day("2023-12-31");
	in.has_value = 1;
	in.value_day = day("2024-06-30");	/* 182 of 366 days */
	in.value = 50;				/* expected 49.9 */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK && o.why == STATUS_WHY_PACE_OK);
	CHECK(o.has_pace && o.expected > 49.9 && o.expected < 50);
	CHECK(o.ratio > 1 && o.ratio < 1.01);
	in.value = 48.8;			/* ratio 0.89 */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND && o.why == STATUS_WHY_PACE_SLOW);
	in.value = 49.5;			/* ratio 0.96 */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK);
	in.value = 35;				/* going backwards */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND && o.ratio < 0);

	/* A target to bring down. */
	in.op = STATUS_OP_LT;
	in.target = 10;
	in.baseline = 30;
	in.value = 19;				/* expected 20.05 */
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK);
	in.value = 25;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND);

	/* Baseline on the very day of the figure: no pace. */
	in.baseline_day = in.value_day;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND && o.why == STATUS_WHY_NO_BASELINE);
	CHECK(!o.has_pace);

	/* Baseline already at the target: no change expected, not met. */
	in.op = STATUS_OP_GT;
	in.target = 30;
	in.baseline = 30;
	in.value = 30;
	in.baseline_day = day("2023-12-31");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_BEHIND && o.why == STATUS_WHY_PACE_SLOW);
}

static void
milestones(void)
{
	struct status_in	 in = { 0 };
	struct status_out	 o;

	in.op = STATUS_OP_NONE;
	in.start = day("2024-01-01");
	in.deadline = day("2024-12-31");
	in.as_of = day("2024-05-01");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NO_DATA && o.why == STATUS_WHY_NO_FIGURE);
	/* No report after the deadline: still no data, never "not done". */
	in.as_of = day("2025-01-01");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NO_DATA && o.why == STATUS_WHY_NO_FIGURE);
	/* A "not done" reported in November is interim. */
	in.reported = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_AWAITING_FINAL && o.why == STATUS_WHY_INTERIM);
	in.final = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_NOT_DONE);
	in.as_of = day("2024-11-01");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NO_DATA && o.why == STATUS_WHY_NOT_DUE);
	in.final = 0;
	in.reported = 0;
	in.done = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ACHIEVED && o.why == STATUS_WHY_DONE);
	/* Build and maintain: on track once built, achieved only when a
	 * final report confirms it at the deadline. */
	in.ongoing = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ON_TRACK && o.why == STATUS_WHY_ONGOING);
	in.as_of = day("2025-01-01");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_AWAITING_FINAL && o.why == STATUS_WHY_INTERIM);
	in.final = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ACHIEVED);
	/* Done, but only in 2025. */
	memset(&in, 0, sizeof(in));
	in.start = day("2024-01-01");
	in.deadline = day("2024-12-31");
	in.as_of = day("2025-03-01");
	in.done_late = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_DONE_LATE);
}

static void
dates(void)
{
	long	 a, b;
	char	 s[11];

	CHECK(status_day(1970, 1, 1) == 0);
	CHECK(status_day(2024, 3, 1) - status_day(2024, 2, 28) == 2);
	CHECK(status_day(2023, 3, 1) - status_day(2023, 2, 28) == 1);
	CHECK(status_day(2024, 2, 30) == LONG_MIN);
	CHECK(status_day(1900, 2, 29) == LONG_MIN);
	CHECK(status_day(2000, 2, 29) != LONG_MIN);
	CHECK(status_day_parse("2024-13-01") == LONG_MIN);
	CHECK(status_day_parse("2024-1-01") == LONG_MIN);
	status_day_format(status_day(2024, 2, 29), s);
	CHECK_STR(s, "2024-02-29");
	status_day_format(status_day(1969, 12, 31), s);
	CHECK_STR(s, "1969-12-31");

	CHECK(status_period("2024", &a, &b));
	CHECK(a == day("2024-01-01") && b == day("2024-12-31"));
	CHECK(status_period("2024-H1", &a, &b));
	CHECK(a == day("2024-01-01") && b == day("2024-06-30"));
	CHECK(status_period("2024-H2", &a, &b) && b == day("2024-12-31"));
	CHECK(status_period("2024-Q3", &a, &b));
	CHECK(a == day("2024-07-01") && b == day("2024-09-30"));
	CHECK(status_period("2024-02", &a, &b) && b == day("2024-02-29"));
	CHECK(status_period("2024-06-15", &a, &b) && a == b);
	CHECK(!status_period("2024-H3", &a, &b));
	CHECK(!status_period("2024-Q0", &a, &b));
	CHECK(!status_period("2024-Q5", &a, &b));
	CHECK(!status_period("2024-13", &a, &b));
	CHECK(!status_period("24", &a, &b));
	CHECK(!status_period("2024/06", &a, &b));
	CHECK(!status_period("", &a, &b));
}

static void
ops(void)
{
	CHECK(status_op_parse(">") == STATUS_OP_GT);
	CHECK(status_op_parse("\xe2\x89\xa5") == STATUS_OP_GE);
	CHECK(status_op_parse("") == STATUS_OP_NONE);
	CHECK(status_op_parse("=>") == -1);
	/* The plan's own words. */
	CHECK(status_op_parse("tr\xc3\xaan") == STATUS_OP_GT);
	CHECK(status_op_parse("Tr\xc3\xaan") == STATUS_OP_GT);
	CHECK(status_op_parse("d\xc6\xb0\xe1\xbb\x9bi") == STATUS_OP_LT);
	CHECK(status_op_parse("\xc3\x8dt nh\xe1\xba\xa5t") == STATUS_OP_GE);
	CHECK(status_op_parse("t\xe1\xbb\xab \xe2\x80\xa6 tr\xe1\xbb\x9f "
	    "l\xc3\xaan") == STATUS_OP_GE);
	CHECK(status_op_parse("t\xe1\xbb\xab ... tr\xe1\xbb\x9f l\xc3\xaan")
	    == STATUS_OP_GE);
	CHECK(status_op_parse("kh\xc3\xb4ng  qu\xc3\xa1") == STATUS_OP_LE);
	CHECK(status_op_parse("t\xe1\xbb\x91i \xc4\x91\x61") == STATUS_OP_LE);
	CHECK(status_op_parse("\xc4\x91\xe1\xba\xa1t") == STATUS_OP_EQ);
	CHECK(status_op_parse("t\xe1\xbb\xab \xe2\x80\xa6 \xc4\x91\xe1\xba"
	    "\xbfn") == STATUS_OP_BETWEEN);
	CHECK(status_op_parse("c\xe1\xba\xa3i thi\xe1\xbb\x87n") ==
	    STATUS_OP_IMPROVE);
	CHECK(status_op_parse("At least") == STATUS_OP_GE);
	CHECK(status_op_parse("tr\xc3\xaan 80") == -1);
	CHECK_STR(status_op_text(STATUS_OP_BETWEEN), "between");
	CHECK_STR(status_name(STATUS_AWAITING_FINAL), "awaiting-final");
	CHECK_STR(status_op_text(STATUS_OP_LE), "<=");
	CHECK_STR(status_name(STATUS_NOT_ACHIEVED), "not-achieved");
	CHECK_STR(status_why_name(STATUS_WHY_MET_ESTIMATE), "met-estimate");
}

int
main(void)
{
	rule();
	truths();
	rollup();
	pace();
	milestones();
	dates();
	ops();
	return CHECK_DONE("status");
}
