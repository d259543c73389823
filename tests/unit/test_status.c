/* The status rule, edge by edge. */
#include <limits.h>

#include "check.h"
#include "status.h"

static long
day(const char *iso)
{
	return status_day_parse(iso);
}

/* A target "op target" for 2024, one figure at the end of "period". */
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
	CHECK(one(STATUS_OP_EQ, 100, 100, 0, "2024-Q3", "2024-10-01", &o) ==
	    STATUS_ACHIEVED);
	CHECK(one(STATUS_OP_LT, 5, 4.9, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	CHECK(one(STATUS_OP_LE, 5, 5, 0, "2024", "2025-01-10", &o) ==
	    STATUS_ACHIEVED);
	CHECK(one(STATUS_OP_LT, 5, 5, 0, "2024", "2025-01-10", &o) ==
	    STATUS_NOT_ACHIEVED);

	/* No data, before and after the deadline. */
	CHECK(one(STATUS_OP_GT, 80, 0, 0, NULL, "2024-06-01", &o) ==
	    STATUS_NO_DATA);
	CHECK(o.why == STATUS_WHY_NO_FIGURE);
	CHECK(one(STATUS_OP_GT, 80, 0, 0, NULL, "2026-01-01", &o) ==
	    STATUS_NO_DATA);

	/* An estimate never achieves: it is on track, even late. */
	CHECK(one(STATUS_OP_GT, 80, 85, 1, "2024-Q3", "2024-10-01", &o) ==
	    STATUS_ON_TRACK);
	CHECK(o.why == STATUS_WHY_MET_ESTIMATE);
	CHECK(one(STATUS_OP_GT, 80, 85, 1, "2024", "2025-03-01", &o) ==
	    STATUS_ON_TRACK);
	/* An estimate below the target after the deadline: not achieved. */
	CHECK(one(STATUS_OP_GT, 80, 70, 1, "2024", "2025-03-01", &o) ==
	    STATUS_NOT_ACHIEVED);

	/* The deadline is the last day: as of that day it has not passed. */
	CHECK(one(STATUS_OP_GT, 80, 70, 0, "2024-Q3", "2024-12-31", &o) ==
	    STATUS_BEHIND);
	CHECK(o.why == STATUS_WHY_NO_BASELINE);
	CHECK(one(STATUS_OP_GT, 80, 70, 0, "2024-Q3", "2025-01-01", &o) ==
	    STATUS_NOT_ACHIEVED);
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
	CHECK(o.status == STATUS_NO_DATA);
	in.as_of = day("2025-01-01");
	status_compute(&in, &o);
	CHECK(o.status == STATUS_NOT_ACHIEVED && o.why == STATUS_WHY_NOT_DONE);
	in.done = 1;
	status_compute(&in, &o);
	CHECK(o.status == STATUS_ACHIEVED && o.why == STATUS_WHY_DONE);
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
	CHECK_STR(status_op_text(STATUS_OP_LE), "<=");
	CHECK_STR(status_name(STATUS_NOT_ACHIEVED), "not-achieved");
	CHECK_STR(status_why_name(STATUS_WHY_MET_ESTIMATE), "met-estimate");
}

int
main(void)
{
	rule();
	pace();
	milestones();
	dates();
	ops();
	return CHECK_DONE("status");
}
