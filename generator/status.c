/*
 * The status rule (status.h describes it; this is the only copy).
 */
#include "status.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int
status_meets(enum status_op op, double v, double target)
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
	case STATUS_OP_NONE:
		break;
	}
	return 0;
}

static void
milestone(const struct status_in *in, struct status_out *out)
{
	if (in->done) {
		out->status = STATUS_ACHIEVED;
		out->why = STATUS_WHY_DONE;
	} else if (in->as_of > in->deadline) {
		out->status = STATUS_NOT_ACHIEVED;
		out->why = STATUS_WHY_NOT_DONE;
	} else {
		out->status = STATUS_NO_DATA;
		out->why = STATUS_WHY_NO_FIGURE;
	}
}

/* Step 4: the latest figure against the straight line to the target. */
static void
pace(const struct status_in *in, struct status_out *out)
{
	double	 frac, need, made;

	if (!in->has_baseline || in->baseline_day >= in->value_day) {
		out->status = STATUS_BEHIND;
		out->why = STATUS_WHY_NO_BASELINE;
		return;
	}
	if (in->deadline <= in->baseline_day || in->value_day >= in->deadline)
		frac = 1;
	else
		frac = (double)(in->value_day - in->baseline_day) /
		    (double)(in->deadline - in->baseline_day);
	out->expected = in->baseline + (in->target - in->baseline) * frac;
	need = out->expected - in->baseline;
	made = in->value - in->baseline;
	out->has_pace = 1;
	out->ratio = need != 0 ? made / need : 0;
	if (need != 0 && out->ratio >= STATUS_ON_TRACK_RATIO) {
		out->status = STATUS_ON_TRACK;
		out->why = STATUS_WHY_PACE_OK;
	} else {
		out->status = STATUS_BEHIND;
		out->why = STATUS_WHY_PACE_SLOW;
	}
}

void
status_compute(const struct status_in *in, struct status_out *out)
{
	memset(out, 0, sizeof(*out));
	if (in->op == STATUS_OP_NONE) {
		milestone(in, out);
		return;
	}
	if (!in->has_value) {
		out->status = STATUS_NO_DATA;
		out->why = STATUS_WHY_NO_FIGURE;
	} else if (status_meets(in->op, in->value, in->target)) {
		out->status = in->estimate ? STATUS_ON_TRACK : STATUS_ACHIEVED;
		out->why = in->estimate ? STATUS_WHY_MET_ESTIMATE :
		    STATUS_WHY_MET;
	} else if (in->as_of > in->deadline) {
		out->status = STATUS_NOT_ACHIEVED;
		out->why = STATUS_WHY_LATE;
	} else
		pace(in, out);
}

int
status_op_parse(const char *s)
{
	static const struct {
		const char	*text;
		enum status_op	 op;
	} ops[] = {
		{ "", STATUS_OP_NONE }, { ">", STATUS_OP_GT },
		{ ">=", STATUS_OP_GE }, { "\xe2\x89\xa5", STATUS_OP_GE },
		{ "=", STATUS_OP_EQ }, { "<=", STATUS_OP_LE },
		{ "\xe2\x89\xa4", STATUS_OP_LE }, { "<", STATUS_OP_LT },
	};
	size_t	 i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(s, ops[i].text) == 0)
			return (int)ops[i].op;
	return -1;
}

const char *
status_op_text(enum status_op op)
{
	static const char *const text[] = { "", ">", ">=", "=", "<=", "<" };

	return text[op];
}

const char *
status_name(enum status s)
{
	static const char *const names[] = {
		"no-data", "achieved", "on-track", "behind", "not-achieved"
	};

	return names[s];
}

const char *
status_why_name(enum status_why w)
{
	static const char *const names[] = {
		"no-figure", "met", "met-estimate", "late", "pace-ok",
		"pace-slow", "no-baseline", "done", "not-done"
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
