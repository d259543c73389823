/*
 * The status rule: where a target stands, computed from its figures and
 * never typed.  This file is the only place the rule is written; the
 * methodology page of the default theme explains it in words, and the
 * tests in tests/unit/test_status.c pin every edge of it.
 *
 * A target is an operator and a value ("> 80", "= 100", "between 60 and
 * 80") to meet within a target period whose last day is the deadline.
 * The caller (indicator.c) hands over the evidence only: the latest
 * figure whose period lies inside the target period.  A figure is final
 * when it covers the whole period (its period ends on the deadline) or
 * is marked final, and is not an estimate; any other figure is interim.
 * For a share of units the figure is the share known to be done, which
 * only grows ("lasting"), and "upper" the share if every unit that has
 * not reported (or whose "not done" is not final) turned out done.
 *
 * The rule keeps four truths: a missing report is no data, never "not
 * done"; an earlier period's figure is no evidence (it is the
 * baseline); "not achieved" needs a final figure; an estimate never
 * achieves.  In this order:
 *
 *  0. no target at all (monitor-only)		-> monitor, outside the counts
 *  1. no figure of the target period		-> no data
 *  2. a final figure, or a lasting one that meets the target:
 *	meets (unrounded: 80 does not meet "> 80") -> achieved
 *	does not meet				-> not achieved
 *  3. after the deadline, without a final figure:
 *	even the upper bound cannot meet it	-> not achieved
 *	otherwise				-> awaiting final (an interim
 *						   figure, an estimate, or
 *						   reports missing)
 *  4. before the deadline:
 *	an interim figure or estimate meets it	-> on track
 *	the pace: the straight line from the baseline to the target at the
 *	deadline gives the value expected on the day of the figure; the
 *	ratio of the change made to the change expected is
 *	  at least STATUS_ON_TRACK_RATIO (0.95)	-> on track
 *	  less, but the upper bound would be on pace -> no data (reports
 *						   missing: cannot judge)
 *	  less					-> behind
 *	Without a baseline there is no pace to measure: a figure that does
 *	not meet the target yet is behind.
 *
 * Milestones (done or not): done in the period -> achieved (an ongoing
 * obligation, "build and maintain", is on track until a final report
 * confirms it at the deadline); done only after the deadline -> not
 * achieved; a final "not done" after the deadline -> not achieved; an
 * interim one -> awaiting final; no report -> no data.
 *
 * The threshold follows the progress calculation of Open SDG, where a
 * ratio of observed to required growth of 0.95 or more is "substantial
 * progress / on track"; planpress measures change on a straight line
 * rather than compound growth, because most targets here are shares
 * that start near zero, where growth rates are undefined.
 *
 * A clause of the plan with several measurable parts gets one status by
 * status_rollup(): its weakest part, in the order not achieved, behind,
 * awaiting final, no data, on track, achieved.
 *
 * Dates are day numbers (status_day()), so the rule needs no clock: the
 * caller passes "as_of", the day the statuses are computed for.
 */
#ifndef PLANPRESS_STATUS_H
#define PLANPRESS_STATUS_H

#include <stddef.h>

#define STATUS_ON_TRACK_RATIO	0.95

enum status {
	STATUS_NO_DATA,
	STATUS_ACHIEVED,
	STATUS_ON_TRACK,
	STATUS_BEHIND,
	STATUS_NOT_ACHIEVED,
	STATUS_AWAITING_FINAL,
	STATUS_MONITOR
};
#define STATUS_COUNT	7

/* Comparison operators of a target, as written in data: ">", ">=" ... */
enum status_op {
	STATUS_OP_NONE,		/* a milestone: done or not */
	STATUS_OP_GT,
	STATUS_OP_GE,
	STATUS_OP_EQ,
	STATUS_OP_LE,
	STATUS_OP_LT,
	STATUS_OP_BETWEEN,	/* target <= v <= target_max */
	STATUS_OP_IMPROVE	/* by "target" from the baseline (caller) */
};

/* Why a status was given; each has a sentence in the theme's strings. */
enum status_why {
	STATUS_WHY_NO_FIGURE,		/* nothing reported for the period */
	STATUS_WHY_MET,			/* a final (or lasting) figure meets */
	STATUS_WHY_MET_ESTIMATE,	/* only an estimate meets it */
	STATUS_WHY_LATE,		/* the final figure does not meet it */
	STATUS_WHY_PACE_OK,		/* at or above the pace needed */
	STATUS_WHY_PACE_SLOW,		/* below the pace needed */
	STATUS_WHY_NO_BASELINE,		/* not met, no pace to measure */
	STATUS_WHY_DONE,		/* milestone done */
	STATUS_WHY_NOT_DONE,		/* final report: not done in time */
	STATUS_WHY_MET_INTERIM,		/* an interim figure meets it */
	STATUS_WHY_INTERIM,		/* deadline passed, interim only */
	STATUS_WHY_ESTIMATE_ONLY,	/* deadline passed, an estimate only */
	STATUS_WHY_INCOMPLETE,		/* reports missing: cannot judge */
	STATUS_WHY_SHORT,		/* cannot meet it even in the best case */
	STATUS_WHY_DONE_LATE,		/* milestone done after the deadline */
	STATUS_WHY_ONGOING,		/* ongoing obligation, in operation */
	STATUS_WHY_NOT_DUE,		/* milestone not done, not yet due */
	STATUS_WHY_MONITOR		/* no target: figures only */
};

struct status_in {
	enum status_op	 op;		/* NONE: a milestone */
	double		 target;
	double		 target_max;	/* STATUS_OP_BETWEEN */
	long		 start;		/* day the target period starts */
	long		 deadline;	/* its last day */
	long		 as_of;
	int		 monitor;	/* no target: figures only */
	/* The latest figure of the target period. */
	int		 has_value;
	double		 value;
	int		 estimate;
	int		 final;		/* covers the period, not an estimate */
	int		 lasting;	/* once met, stays met (units done) */
	long		 value_day;	/* the last day of its period */
	int		 has_upper;	/* answers open: the best case */
	double		 upper;
	int		 missing;	/* some units have not reported */
	/* Where the target started from, when known. */
	int		 has_baseline;
	double		 baseline;
	long		 baseline_day;
	/* Milestones. */
	int		 done;		/* done in the period, by as_of */
	int		 done_late;	/* done, but after the deadline */
	int		 reported;	/* a report says not done */
	int		 ongoing;	/* "build and maintain" */
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

/*
 * The status of a clause whose measurable parts have the "n" statuses
 * "v": the weakest of them (monitor-only parts do not count; a clause
 * of monitor-only parts is monitor-only).
 */
enum status	 status_rollup(const enum status *v, size_t n);

/* Whether "v" meets "op target" ("target_max" for a range), unrounded. */
int		 status_meets(enum status_op op, double v, double target,
		    double target_max);

/*
 * The operator written as "s": a symbol (">", ">=", "≥", "=", "<=",
 * "≤", "<"), the plan's own words ("trên", "dưới", "ít nhất", "tối
 * thiểu", "từ … trở lên", "không quá", "tối đa", "đạt", "từ … đến",
 * "cải thiện") or English ones ("more than", "at least", "between",
 * "improve"...), or -1 when it is none of them.  "" is STATUS_OP_NONE.
 */
int		 status_op_parse(const char *s);

/* The operator as plain ASCII: ">", ">=", "=", "<=", "<", "between",
 * "improve", "". */
const char	*status_op_text(enum status_op op);

/* "achieved", "on-track", "behind", "not-achieved", "no-data",
 * "awaiting-final", "monitor". */
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
