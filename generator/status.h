/*
 * The status rule: where a target stands, computed from its figures and
 * never typed.  This file is the only place the rule is written; the
 * methodology page of the default theme explains it in words, and the
 * tests in tests/unit/test_status.c pin every edge of it.
 *
 * A target is an operator and a value ("> 80", "= 100") to meet by a
 * deadline (the last day of its target period).  In this order:
 *
 *  1. no figure (for a milestone: nothing done and the deadline not
 *     passed)					-> no data
 *  2. the latest figure meets the target, compared unrounded with the
 *     operator (exactly 80 does not meet "> 80"):
 *	an actual figure			-> achieved
 *	an estimate				-> on track (an estimate
 *						   never achieves a target)
 *  3. the deadline has passed			-> not achieved
 *  4. the pace: the straight line from the baseline (the figure at the
 *     start, or the earliest figure) to the target at the deadline gives
 *     the value expected at the date of the latest figure; the ratio of
 *     the change made to the change expected by then is
 *	at least STATUS_ON_TRACK_RATIO (0.95)	-> on track
 *	less					-> behind
 *     Without a baseline there is no pace to measure: a figure that does
 *     not meet the target yet is behind.
 *
 * The threshold follows the progress calculation of Open SDG, where a
 * ratio of observed to required growth of 0.95 or more is "substantial
 * progress / on track"; planpress measures change on a straight line
 * rather than compound growth, because most targets here are shares
 * that start near zero, where growth rates are undefined.
 *
 * Dates are day numbers (status_day()), so the rule needs no clock: the
 * caller passes "as_of", the day the statuses are computed for.
 */
#ifndef PLANPRESS_STATUS_H
#define PLANPRESS_STATUS_H

#define STATUS_ON_TRACK_RATIO	0.95

enum status {
	STATUS_NO_DATA,
	STATUS_ACHIEVED,
	STATUS_ON_TRACK,
	STATUS_BEHIND,
	STATUS_NOT_ACHIEVED
};
#define STATUS_COUNT	5

/* Comparison operators of a target, as written in data: ">", ">=" ... */
enum status_op {
	STATUS_OP_NONE,		/* a milestone: done or not */
	STATUS_OP_GT,
	STATUS_OP_GE,
	STATUS_OP_EQ,
	STATUS_OP_LE,
	STATUS_OP_LT
};

/* Why a status was given; each has a sentence in the theme's strings. */
enum status_why {
	STATUS_WHY_NO_FIGURE,		/* nothing reported */
	STATUS_WHY_MET,			/* the latest actual figure meets it */
	STATUS_WHY_MET_ESTIMATE,	/* only an estimate meets it */
	STATUS_WHY_LATE,		/* deadline passed, not met */
	STATUS_WHY_PACE_OK,		/* at or above the pace needed */
	STATUS_WHY_PACE_SLOW,		/* below the pace needed */
	STATUS_WHY_NO_BASELINE,		/* not met, no pace to measure */
	STATUS_WHY_DONE,		/* milestone done */
	STATUS_WHY_NOT_DONE		/* milestone not done, deadline passed */
};

struct status_in {
	enum status_op	 op;
	double		 target;
	long		 start;		/* day the target period starts */
	long		 deadline;	/* its last day */
	long		 as_of;
	/* The latest figure. */
	int		 has_value;
	double		 value;
	int		 estimate;
	long		 value_day;	/* the last day of its period */
	/* Where the target started from, when known. */
	int		 has_baseline;
	double		 baseline;
	long		 baseline_day;
	/* Milestones: done (has_value is then ignored). */
	int		 done;
};

struct status_out {
	enum status	 status;
	enum status_why	 why;
	double		 expected;	/* on the pace line at value_day */
	double		 ratio;		/* change made / change expected */
	int		 has_pace;	/* expected and ratio are meaningful */
};

/* Apply the rule to "in". */
void		 status_compute(const struct status_in *in,
		    struct status_out *out);

/* Whether "v" meets "op target", unrounded. */
int		 status_meets(enum status_op op, double v, double target);

/*
 * The operator written as "s" (">", ">=", "≥", "=", "<=", "≤", "<"),
 * or -1 when it is none of them.  "" is STATUS_OP_NONE.
 */
int		 status_op_parse(const char *s);

/* The operator as plain ASCII text: ">", ">=", "=", "<=", "<", "". */
const char	*status_op_text(enum status_op op);

/* "achieved", "on-track", "behind", "not-achieved", "no-data". */
const char	*status_name(enum status s);

/* "met", "met-estimate", ... : the key of the reason's sentence. */
const char	*status_why_name(enum status_why w);

/*
 * The day number of the date y-m-d (days since 1970-01-01, proleptic
 * Gregorian), or LONG_MIN when it is no real date.
 */
long		 status_day(int y, int m, int d);

/* The day "iso" ("YYYY-MM-DD") names, or LONG_MIN. */
long		 status_day_parse(const char *iso);

/* Write "day" as "YYYY-MM-DD" into "out". */
void		 status_day_format(long day, char out[11]);

/*
 * The first and last day of a reporting period: "2024", "2024-H1",
 * "2024-Q3", "2024-06" or a date "2024-06-30" (a period of one day).
 * Returns 1, or 0 when "s" is none of these.
 */
int		 status_period(const char *s, long *first, long *last);

#endif
