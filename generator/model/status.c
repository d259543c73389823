/*
 * The status rule (status.h describes it; this is the only copy).
 */
#include "status.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int
status_meets(enum status_op op, double v, double target, double target_max)
{
	switch (op) {
	case STATUS_OP_GT:
		return v > target;
	case STATUS_OP_GE:
		return v >= target;
	case STATUS_OP_EQ:
		return v == target;
	case STATUS_OP_LE:
		return v <= target;
	case STATUS_OP_LT:
		return v < target;
	case STATUS_OP_BETWEEN:
		return v >= target && v <= target_max;
	case STATUS_OP_IMPROVE:
	case STATUS_OP_NONE:
		break;
	}
	return 0;
}

static void
set(struct status_out *out, enum status s, enum status_why w)
{
	out->status = s;
	out->why = w;
}

static void
milestone(const struct status_in *in, struct status_out *out)
{
	int	 late = in->as_of > in->deadline;

	if (in->done && in->ongoing && !(late && in->final))
		set(out, late ? STATUS_AWAITING_FINAL : STATUS_ON_TRACK,
		    late ? STATUS_WHY_INTERIM : STATUS_WHY_ONGOING);
	else if (in->done)
		set(out, STATUS_ACHIEVED, STATUS_WHY_DONE);
	else if (in->done_late)
		set(out, STATUS_NOT_ACHIEVED, STATUS_WHY_DONE_LATE);
	else if (in->reported && late)
		set(out, in->final ? STATUS_NOT_ACHIEVED :
		    STATUS_AWAITING_FINAL, in->final ? STATUS_WHY_NOT_DONE :
		    STATUS_WHY_INTERIM);
	else if (in->reported)
		set(out, STATUS_NO_DATA, STATUS_WHY_NOT_DUE);
	else
		set(out, STATUS_NO_DATA, STATUS_WHY_NO_FIGURE);
}

/* The value a range target is approached from "base" towards. */
static double
aim(const struct status_in *in, double base)
{
	if (in->op == STATUS_OP_BETWEEN && base > in->target_max)
		return in->target_max;
	return in->target;
}

/*
 * The pace of "v" on the straight line from the baseline to the target:
 * 1 when on pace, 0 when not; -1 when there is no baseline to measure
 * from.  Fills expected and ratio of "out" for "v".
 */
static int
pace(const struct status_in *in, double v, struct status_out *out)
{
	double	 frac, need, made, target;

	if (!in->has_baseline || in->baseline_day >= in->value_day)
		return -1;
	if (in->deadline <= in->baseline_day || in->value_day >= in->deadline)
		frac = 1;
	else
		frac = (double)(in->value_day - in->baseline_day) /
		    (double)(in->deadline - in->baseline_day);
	target = aim(in, in->baseline);
	out->expected = in->baseline + (target - in->baseline) * frac;
	need = out->expected - in->baseline;
	made = v - in->baseline;
	out->has_pace = 1;
	out->ratio = need != 0 ? made / need : 0;
	return need != 0 && out->ratio >= STATUS_ON_TRACK_RATIO;
}

/* Steps 3 and 4: a figure that is not final. */
static void
open_figure(const struct status_in *in, struct status_out *out, int met)
{
	struct status_out	 best;
	int			 r;

	if (in->as_of > in->deadline) {
		if (in->has_upper && !status_meets(in->op, in->upper,
		    in->target, in->target_max))
			set(out, STATUS_NOT_ACHIEVED, STATUS_WHY_SHORT);
		else
			set(out, STATUS_AWAITING_FINAL, met ? (in->estimate ?
			    STATUS_WHY_MET_ESTIMATE : STATUS_WHY_MET_INTERIM) :
			    in->estimate ? STATUS_WHY_ESTIMATE_ONLY :
			    in->missing ? STATUS_WHY_INCOMPLETE :
			    STATUS_WHY_INTERIM);
		return;
	}
	if (met) {
		set(out, STATUS_ON_TRACK, in->estimate ?
		    STATUS_WHY_MET_ESTIMATE : STATUS_WHY_MET_INTERIM);
		return;
	}
	r = pace(in, in->value, out);
	if (r == 1)
		set(out, STATUS_ON_TRACK, STATUS_WHY_PACE_OK);
	else if (in->has_upper && in->upper != in->value && (r < 0 ||
	    pace(in, in->upper, &best) == 1))
		set(out, STATUS_NO_DATA, STATUS_WHY_INCOMPLETE);
	else
		set(out, STATUS_BEHIND, r < 0 ? STATUS_WHY_NO_BASELINE :
		    STATUS_WHY_PACE_SLOW);
}

void
status_compute(const struct status_in *in, struct status_out *out)
{
	int	 met;

	memset(out, 0, sizeof(*out));
	if (in->monitor)
		set(out, STATUS_MONITOR, STATUS_WHY_MONITOR);
	else if (in->op == STATUS_OP_NONE)
		milestone(in, out);
	else if (!in->has_value)
		set(out, STATUS_NO_DATA, STATUS_WHY_NO_FIGURE);
	else {
		met = status_meets(in->op, in->value, in->target,
		    in->target_max);
		if (in->final && !in->estimate)
			set(out, met ? STATUS_ACHIEVED : STATUS_NOT_ACHIEVED,
			    met ? STATUS_WHY_MET : STATUS_WHY_LATE);
		else if (met && in->lasting && !in->estimate)
			set(out, STATUS_ACHIEVED, STATUS_WHY_MET);
		else
			open_figure(in, out, met);
	}
}

enum status
status_rollup(const enum status *v, size_t n)
{
	static const enum status order[] = { STATUS_NOT_ACHIEVED,
	    STATUS_BEHIND, STATUS_AWAITING_FINAL, STATUS_NO_DATA,
	    STATUS_ON_TRACK, STATUS_ACHIEVED };
	size_t	 i, k;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < n; i++)
			if (v[i] == order[k])
				return order[k];
	return STATUS_MONITOR;
}

/*
 * The operator words, after folding: ASCII letters to lower case,
 * "…" and "..." removed, runs of spaces made one.
 */
static const struct {
	const char	*text;
	enum status_op	 op;
} opwords[] = {
	{ "", STATUS_OP_NONE }, { ">", STATUS_OP_GT },
	{ ">=", STATUS_OP_GE }, { "\xe2\x89\xa5", STATUS_OP_GE },
	{ "=", STATUS_OP_EQ }, { "<=", STATUS_OP_LE },
	{ "\xe2\x89\xa4", STATUS_OP_LE }, { "<", STATUS_OP_LT },
	{ "tr\xc3\xaan", STATUS_OP_GT },			/* trên */
	{ "h\xc6\xa1n", STATUS_OP_GT },				/* hơn */
	{ "d\xc6\xb0\xe1\xbb\x9bi", STATUS_OP_LT },		/* dưới */
	{ "\xc3\xadt nh\xe1\xba\xa5t", STATUS_OP_GE },		/* ít nhất */
	{ "\xc3\x8dt nh\xe1\xba\xa5t", STATUS_OP_GE },		/* Ít nhất */
	{ "t\xe1\xbb\x91i thi\xe1\xbb\x83u", STATUS_OP_GE },	/* tối thiểu */
	{ "t\xe1\xbb\xab tr\xe1\xbb\x9f l\xc3\xaan", STATUS_OP_GE },
								/* từ trở lên */
	{ "tr\xe1\xbb\x9f l\xc3\xaan", STATUS_OP_GE },		/* trở lên */
	{ "kh\xc3\xb4ng qu\xc3\xa1", STATUS_OP_LE },		/* không quá */
	{ "kh\xc3\xb4ng v\xc6\xb0\xe1\xbb\xa3t qu\xc3\xa1",
	    STATUS_OP_LE },					/* không vượt quá */
	{ "t\xe1\xbb\x91i \xc4\x91\x61", STATUS_OP_LE },	/* tối đa */
	{ "\xc4\x91\xe1\xba\xa1t", STATUS_OP_EQ },		/* đạt */
	{ "\xc4\x90\xe1\xba\xa1t", STATUS_OP_EQ },		/* Đạt */
	{ "b\xe1\xba\xb1ng", STATUS_OP_EQ },			/* bằng */
	{ "t\xe1\xbb\xab \xc4\x91\xe1\xba\xbfn", STATUS_OP_BETWEEN },
								/* từ đến */
	{ "trong kho\xe1\xba\xa3ng", STATUS_OP_BETWEEN },	/* trong khoảng */
	{ "c\xe1\xba\xa3i thi\xe1\xbb\x87n", STATUS_OP_IMPROVE },
								/* cải thiện */
	{ "t\xc4\x83ng", STATUS_OP_IMPROVE },			/* tăng */
	{ "more than", STATUS_OP_GT }, { "above", STATUS_OP_GT },
	{ "at least", STATUS_OP_GE }, { "less than", STATUS_OP_LT },
	{ "below", STATUS_OP_LT }, { "at most", STATUS_OP_LE },
	{ "no more than", STATUS_OP_LE }, { "equal", STATUS_OP_EQ },
	{ "between", STATUS_OP_BETWEEN }, { "improve", STATUS_OP_IMPROVE },
	{ "improve by", STATUS_OP_IMPROVE },
};

/* Fold "s" into "out" (at most "size" bytes with the NUL); 0: too long. */
static int
fold(const char *s, char *out, size_t size)
{
	size_t	 n = 0;
	int	 space = 1;	/* drop leading spaces */

	for (; *s; s++) {
		if (strncmp(s, "\xe2\x80\xa6", 3) == 0 || strncmp(s, "...",
		    3) == 0) {
			s += 2;
			continue;
		}
		if (*s == ' ' || *s == '\t') {
			if (!space && n + 1 < size)
				out[n++] = ' ';
			space = 1;
			continue;
		}
		if (n + 1 >= size)
			return 0;
		out[n++] = *s >= 'A' && *s <= 'Z' ? (char)(*s | 0x20) : *s;
		space = 0;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return 1;
}

int
status_op_parse(const char *s)
{
	char	 f[64];
	size_t	 i;

	if (!fold(s, f, sizeof(f)))
		return -1;
	for (i = 0; i < sizeof(opwords) / sizeof(opwords[0]); i++)
		if (strcmp(f, opwords[i].text) == 0)
			return (int)opwords[i].op;
	return -1;
}

const char *
status_op_text(enum status_op op)
{
	static const char *const text[] = { "", ">", ">=", "=", "<=", "<",
	    "between", "improve" };

	return text[op];
}

const char *
status_name(enum status s)
{
	static const char *const names[] = {
		"no-data", "achieved", "on-track", "behind", "not-achieved",
		"awaiting-final", "monitor"
	};

	return names[s];
}

const char *
status_why_name(enum status_why w)
{
	static const char *const names[] = {
		"no-figure", "met", "met-estimate", "late", "pace-ok",
		"pace-slow", "no-baseline", "done", "not-done", "met-interim",
		"interim", "estimate-only", "incomplete", "short", "done-late",
		"ongoing", "not-due", "monitor"
	};

	return names[w];
}

/* Days from civil: H. Hinnant's algorithm, exact for every Gregorian date. */
long
status_day(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long	 era, yoe, doy, doe;
	int	 leap;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return LONG_MIN;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return LONG_MIN;
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
status_day_format(long day, char out[11])
{
	long	 z = day + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* Read exactly "n" digits at "s". */
static int
digits(const char *s, int n, int *out)
{
	int	 i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

long
status_day_parse(const char *s)
{
	int	 y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
	    !digits(s + 8, 2, &d))
		return LONG_MIN;
	return status_day(y, m, d);
}

/* The last day of month "m" of year "y". */
static long
monthend(int y, int m)
{
	return m == 12 ? status_day(y, 12, 31) : status_day(y, m + 1, 1) - 1;
}

int
status_period(const char *s, long *first, long *last)
{
	size_t	 n = strlen(s);
	int	 y, k;

	if (n < 4 || !digits(s, 4, &y) || y < 1)
		return 0;
	if (n == 4) {
		*first = status_day(y, 1, 1);
		*last = status_day(y, 12, 31);
		return 1;
	}
	if (s[4] != '-')
		return 0;
	if (n == 7 && (s[5] == 'H' || s[5] == 'Q') && digits(s + 6, 1, &k)) {
		int	 len = s[5] == 'H' ? 6 : 3;

		if (k < 1 || k > 12 / len)
			return 0;
		*first = status_day(y, (k - 1) * len + 1, 1);
		*last = monthend(y, k * len);
		return 1;
	}
	if (n == 7 && digits(s + 5, 2, &k) && k >= 1 && k <= 12) {
		*first = status_day(y, k, 1);
		*last = monthend(y, k);
		return 1;
	}
	if (n == 10 && (*first = status_day_parse(s)) != LONG_MIN) {
		*last = *first;
		return 1;
	}
	return 0;
}
