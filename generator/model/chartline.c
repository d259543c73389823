/*
 * The line chart (chart_line_model() in chart.h), in the render stage:
 * values over periods, one line per series, drawn in a plot under a
 * value axis of "nice" ticks (chartdraw.c).  A target is a dashed line
 * across, labelled; estimates have hollow markers and dashed segments,
 * named in a legend; missing values break the line.  Series differ by
 * colour, marker shape and dash pattern, and are named at the ends of
 * their lines when the names fit beside the plot, else in a legend
 * above it.
 *
 *	svg: title, desc, [legend], grid and ticks, axis titles, x labels,
 *	     target, lines, markers (each with a <title>), end labels
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>

#include "buf.h"
#include "chartdraw.h"
#include "xalloc.h"

#define LINE_VIEW_W	320	/* viewBox width: a phone's column (343 px
				   at 375) shows a unit as a pixel */
#define FONT_SMALL	12	/* ticks and axis titles: the smallest */
#define DATA_W		2.5	/* stroke of lines and markers, >= 2 */
#define MARK_R		4.5	/* marker radius */
#define ESTIMATE_DASH	"5 4"
#define PLOT_H		200	/* height of the plot area */
#define MAX_TICKS	5	/* tick intervals wanted, before the ends
				   move out to whole steps */
#define MAX_X_LABELS	12	/* more points, every other label */
#define LEGEND_ROW	20
#define END_GAP		(FONT + 3)	/* between labels at the ends */
#define DIRECT_MAX	0.45	/* the most of the width that labels
				   naming the series at their ends take */

/* A value label at the end of a line, moved to stay clear of others. */
struct end {
	size_t		 k;		/* series */
	size_t		 i;		/* point */
	double		 x, y;
};

/* The y of value "v" in the plot area. */
static double
yof(const struct draw *d, double v)
{
	double	 t = (v - d->lo) / (d->hi - d->lo);

	t = isfinite(t) ? t : 0;
	return d->top + d->h * (d->c->invert ? t : 1 - t);
}

/* The x of point "i" of "n", each in the middle of its slot. */
static double
xat(const struct draw *d, size_t i, size_t n)
{
	return d->left + ((double)i + 0.5) * d->w / (double)n;
}

/*
 * The marker of series style "k" at "x", "y": circle, square, triangle,
 * diamond; hollow (white inside) when "hollow".
 */
static void
marker(struct buf *out, size_t k, double x, double y, int hollow)
{
	const char	*ink = chart_inks[CHART_INK_SERIES +
			    k % CHART_SERIES_INKS].rgb;
	double		 r = MARK_R;

	switch (k % CHART_SERIES_INKS) {
	case 0:
		buf_printf(out, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\"",
		    co(x).s, co(y).s, co(r).s);
		break;
	case 1:
		r *= 0.9;
		buf_printf(out, "<rect x=\"%s\" y=\"%s\" width=\"%s\""
		    " height=\"%s\"", co(x - r).s, co(y - r).s, co(2 * r).s,
		    co(2 * r).s);
		break;
	case 2:
		buf_printf(out, "<path d=\"M%s %sL%s %sL%s %sZ\"", co(x).s,
		    co(y - r * 1.25).s, co(x + r * 1.15).s, co(y + r * 0.8).s,
		    co(x - r * 1.15).s, co(y + r * 0.8).s);
		break;
	default:
		r *= 1.3;
		buf_printf(out, "<path d=\"M%s %sL%s %sL%s %sL%s %sZ\"",
		    co(x).s, co(y - r).s, co(x + r).s, co(y).s, co(x).s,
		    co(y + r).s, co(x - r).s, co(y).s);
		break;
	}
	buf_printf(out, " fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
	    hollow ? CHART_PAPER : ink, ink);
}

/* The dash pattern of line series "k", NULL for solid. */
static const char *
series_dash(size_t k)
{
	static const char *const dashes[CHART_SERIES_INKS] = {
		NULL, "12 4", "3 3", "12 4 3 4"
	};

	return dashes[(k + k / CHART_SERIES_INKS) % CHART_SERIES_INKS];
}

/* A line of series style "k" along the path data "path" (if any). */
static void
stroke(struct buf *out, size_t k, const struct buf *path, int estimate)
{
	const char	*dash = estimate ? ESTIMATE_DASH : series_dash(k);

	if (path->len == 0)
		return;
	buf_printf(out, "<path class=\"chart-line%s chart-series-%zu\""
	    " d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\""
	    " stroke-linejoin=\"round\" stroke-linecap=\"round\"",
	    estimate ? " chart-estimate" : "", k % CHART_SERIES_INKS + 1,
	    path->data, chart_inks[CHART_INK_SERIES + k % CHART_SERIES_INKS].rgb,
	    co(DATA_W).s);
	if (dash != NULL)
		buf_printf(out, " stroke-dasharray=\"%s\"", dash);
	buf_puts(out, "/>\n");
}

/*
 * The lines of series "k": a segment joins two neighbouring values; it
 * is dashed when either is an estimate, and a missing value breaks the
 * line.
 */
static void
series_lines(struct draw *d, size_t k)
{
	const struct chart_point	*v = d->c->series[k].v;
	struct buf			 solid = BUF_INIT, dashed = BUF_INIT;
	struct buf			*b;
	size_t				 i, n = npoints(d->c, k);
	size_t				 all = d->c->series[0].n;
	int				 joined = 0;

	for (i = 1; i < n; i++) {
		if (!present(&v[i - 1]) || !present(&v[i])) {
			joined = 0;
			continue;
		}
		b = v[i - 1].mark || v[i].mark ? &dashed : &solid;
		if (b == &dashed || !joined)
			buf_printf(b, "M%s %s", co(xat(d, i - 1, all)).s,
			    co(yof(d, v[i - 1].value)).s);
		buf_printf(b, "L%s %s", co(xat(d, i, all)).s,
		    co(yof(d, v[i].value)).s);
		joined = b == &solid;
	}
	stroke(d->out, k, &solid, 0);
	stroke(d->out, k, &dashed, 1);
	buf_release(&solid);
	buf_release(&dashed);
}

/* A marker with a <title> at every value of series "k". */
static void
series_markers(struct draw *d, size_t k)
{
	const struct chart_point	*v = d->c->series[k].v;
	size_t				 i, n = npoints(d->c, k);

	for (i = 0; i < n; i++) {
		if (!present(&v[i]))
			continue;
		buf_printf(d->out, "<g class=\"chart-marker%s\">",
		    v[i].mark ? " chart-estimate" : "");
		draw_point_title(d, &v[i]);
		marker(d->out, k, xat(d, i, d->c->series[0].n),
		    yof(d, v[i].value), v[i].mark);
		buf_puts(d->out, "</g>\n");
	}
}

/* 1 if a point of a line series is an estimate. */
static int
any_estimate(const struct chart *c)
{
	size_t	 k, i;

	for (k = 0; k < c->nseries; k++)
		for (i = 0; i < npoints(c, k); i++)
			if (c->series[k].v[i].mark && present(&c->series[k].v[i]))
				return 1;
	return 0;
}

/*
 * One legend entry at "x", "y" (baseline): a piece of line with its
 * marker, then "text".  Series "k", or the estimate entry when "k" is
 * (size_t)-1.
 */
static void
legend_entry(struct draw *d, double x, double y, size_t k, const char *text)
{
	const char	*ink = k == (size_t)-1 ? INK(TEXT) :
			    chart_inks[CHART_INK_SERIES + k % CHART_SERIES_INKS].rgb;
	const char	*dash = k == (size_t)-1 ? ESTIMATE_DASH : series_dash(k);

	buf_printf(d->out, "<g class=\"chart-legend\"><path d=\"M%s %sh24\""
	    " fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"", co(x).s,
	    co(y - 4).s, ink, co(DATA_W).s);
	if (dash != NULL)
		buf_printf(d->out, " stroke-dasharray=\"%s\"", dash);
	buf_puts(d->out, "/>");
	if (k == (size_t)-1)
		buf_printf(d->out, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\""
		    " fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
		    co(x + 12).s, co(y - 4).s, co(MARK_R).s, CHART_PAPER, ink);
	else
		marker(d->out, k, x + 12, y - 4, 0);
	buf_printf(d->out, "<text x=\"%s\" y=\"%s\">", co(x + 30).s, co(y).s);
	xml(d->out, text);
	buf_puts(d->out, "</text></g>\n");
}

/*
 * Lay out the legend in rows across the top: named series (unless they
 * are named at their ends), then the estimate entry when there are
 * estimates.  Draws it when "draw"; returns its height (0 when empty).
 */
static double
legend(struct draw *d, int draw)
{
	const struct chart	*c = d->c;
	const char		*text;
	double			 x = 0, y = 14, w;
	size_t			 k;
	int			 any = 0;

	for (k = 0; k <= c->nseries; k++) {
		if (k < c->nseries)
			text = d->direct ? NULL : c->series[k].name;
		else
			text = any_estimate(c) ? c->estimate_label : NULL;
		if (text == NULL)
			continue;
		w = 30 + textw(text, FONT) + 16;
		if (x > 0 && x + w > d->vw) {
			x = 0;
			y += LEGEND_ROW;
		}
		if (draw)
			legend_entry(d, x, y, k < c->nseries ? k : (size_t)-1,
			    text);
		x += w;
		any = 1;
	}
	return any ? y + LEGEND_ROW / 2 : 0;
}

/* The widest tick label of the value axis. */
static double
ticks_width(struct draw *d)
{
	double	 j, w = 0;

	for (j = draw_first_tick(d); j * d->step <= d->hi + d->step * 1e-9; j++)
		w = fmax(w, textw(draw_tick_label(d, draw_tick(d, j)), FONT_SMALL));
	return w;
}

/* Grid lines and tick labels, the zero line and the y title. */
static void
y_axis(struct draw *d, double title_y)
{
	double	 j, y, base;

	for (j = draw_first_tick(d); j * d->step <= d->hi + d->step * 1e-9; j++) {
		y = yof(d, draw_tick(d, j));
		buf_printf(d->out, "<line class=\"chart-grid\" x1=\"%s\""
		    " y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\""
		    " stroke-width=\"1\"/>\n", co(d->left).s, co(y).s,
		    co(d->left + d->w).s, co(y).s, INK(GRID));
		buf_printf(d->out, "<text class=\"chart-tick\" x=\"%s\""
		    " y=\"%s\" text-anchor=\"end\" font-size=\"%d\""
		    " fill=\"%s\">", co(d->left - 6).s, co(y + 4).s,
		    FONT_SMALL, INK(MUTED));
		xml(d->out, draw_tick_label(d, draw_tick(d, j)));
		buf_puts(d->out, "</text>\n");
	}
	base = d->lo <= 0 && d->hi >= 0 ? 0 : d->lo;
	buf_printf(d->out, "<line class=\"chart-axis\" x1=\"%s\" y1=\"%s\""
	    " x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
	    co(d->left).s, co(yof(d, base)).s, co(d->left + d->w).s,
	    co(yof(d, base)).s, INK(AXIS));
	if (d->c->y_title == NULL)
		return;
	buf_printf(d->out, "<text class=\"chart-axis-title\" x=\"0\" y=\"%s\""
	    " font-size=\"%d\" fill=\"%s\">", co(title_y).s, FONT_SMALL,
	    INK(MUTED));
	xml(d->out, d->c->y_title);
	buf_puts(d->out, "</text>\n");
}

/*
 * The step between labelled points: every point when the labels fit,
 * else every second, third...; at least 2 past MAX_X_LABELS points.
 */
static size_t
x_step(struct draw *d, size_t n)
{
	const struct chart_point	*v = d->c->series[0].v;
	double				 widest = 0, slot = d->w / (double)n;
	size_t				 i, step;

	for (i = 0; i < n; i++)
		widest = fmax(widest, textw(v[i].label, FONT_SMALL));
	step = (size_t)ceil((widest + 8) / slot);
	if (step < 1)
		step = 1;
	if (n > MAX_X_LABELS && step < 2)
		step = 2;
	return step;
}

/* The labels under the plot, counted back from the last, and the x title. */
static void
x_axis(struct draw *d)
{
	const struct chart_point	*v = d->c->series[0].v;
	size_t				 i, n = d->c->series[0].n;
	size_t				 step = x_step(d, n);
	double				 y = d->top + d->h + 18;

	for (i = 0; i < n; i++) {
		if ((n - 1 - i) % step != 0 || v[i].label == NULL)
			continue;
		buf_printf(d->out, "<text class=\"chart-label\" x=\"%s\""
		    " y=\"%s\" text-anchor=\"middle\" font-size=\"%d\""
		    " fill=\"%s\">", co(xat(d, i, n)).s, co(y).s, FONT_SMALL,
		    INK(MUTED));
		xml(d->out, v[i].label);
		buf_puts(d->out, "</text>\n");
	}
	if (d->c->x_title == NULL)
		return;
	buf_printf(d->out, "<text class=\"chart-axis-title\" x=\"%s\""
	    " y=\"%s\" text-anchor=\"middle\" font-size=\"%d\" fill=\"%s\">",
	    co(d->left + d->w / 2).s, co(y + 20).s, FONT_SMALL, INK(MUTED));
	xml(d->out, d->c->x_title);
	buf_puts(d->out, "</text>\n");
}

/* The dashed target line across the plot, labelled above, at its left. */
static void
target_across(struct draw *d)
{
	double	 y;

	if (!d->c->has_target || !isfinite(d->c->target))
		return;
	y = yof(d, d->c->target);
	buf_printf(d->out, "<g class=\"chart-target\"><line x1=\"%s\""
	    " y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\""
	    " stroke-dasharray=\"%s\"/>", co(d->left).s, co(y).s,
	    co(d->left + d->w).s, co(y).s, INK(TARGET), TARGET_DASH);
	if (d->c->target_label != NULL) {
		buf_printf(d->out, "<text x=\"%s\" y=\"%s\" fill=\"%s\""
		    " font-weight=\"bold\"" HALO ">", co(d->left + 4).s,
		    co(y - 6).s, INK(TARGET));
		xml(d->out, d->c->target_label);
		buf_puts(d->out, "</text>");
	}
	buf_puts(d->out, "</g>\n");
}

static int
by_y(const void *a, const void *b)
{
	const struct end	*x = a, *y = b;

	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/*
 * The ends of the lines: where the last value of each series is, in
 * "ends" (room for nseries), sorted top to bottom and spread out so
 * their labels do not overlap, within the plot when they fit in it.
 * Returns how many.
 */
static size_t
line_ends(struct draw *d, struct end *ends)
{
	const struct chart	*c = d->c;
	size_t			 k, i, n = 0;
	double			 bottom = d->top + d->h;

	for (k = 0; k < c->nseries; k++) {
		for (i = npoints(c, k); i > 0; i--)
			if (present(&c->series[k].v[i - 1]))
				break;
		if (i == 0)
			continue;
		ends[n].k = k;
		ends[n].i = i - 1;
		ends[n].x = xat(d, i - 1, c->series[0].n);
		ends[n].y = yof(d, c->series[k].v[i - 1].value);
		n++;
	}
	qsort(ends, n, sizeof(*ends), by_y);
	for (i = 1; i < n; i++)
		if (ends[i].y < ends[i - 1].y + END_GAP)
			ends[i].y = ends[i - 1].y + END_GAP;
	if (n > 0 && ends[n - 1].y > bottom) {
		ends[n - 1].y = bottom;
		for (i = n - 1; i > 0; i--)
			if (ends[i - 1].y > ends[i].y - END_GAP)
				ends[i - 1].y = ends[i].y - END_GAP;
	}
	return n;
}

/*
 * Append the label at the end of series "k" (point "i"): its name and
 * value when the series are named there, else its value.  Returns the
 * estimated width when "out" is NULL.
 */
static double
end_text(struct draw *d, struct buf *out, size_t k, size_t i)
{
	const struct chart	*c = d->c;
	const char		*v = draw_value(d, c->series[k].v[i].value);
	double			 w = textw(v, FONT);

	if (d->direct) {
		w = textw(c->series[k].name, FONT);
		if (d->direct_value)
			w += textw(v, FONT) + FONT * CHAR_EM;
	}
	if (out == NULL)
		return w;
	if (!d->direct) {
		xml(out, v);
		return w;
	}
	xml(out, c->series[k].name);
	if (d->direct_value) {
		buf_puts(out, " <tspan font-weight=\"bold\">");
		xml(out, v);
		buf_puts(out, "</tspan>");
	}
	return w;
}

/* The widest label at the end of a line. */
static double
ends_width(struct draw *d)
{
	const struct chart	*c = d->c;
	struct end		*ends = xcalloc(c->nseries, sizeof(*ends));
	size_t			 i, n = line_ends(d, ends);
	double			 w = 0;

	for (i = 0; i < n; i++)
		w = fmax(w, end_text(d, NULL, ends[i].k, ends[i].i));
	free(ends);
	return w;
}

/*
 * Whether the series are named at the ends of their lines, rather than
 * in a legend: several series, each with a name, the labels no wider
 * than DIRECT_MAX of the chart; with their last values when those fit
 * too.
 */
static void
choose_direct(struct draw *d)
{
	const struct chart	*c = d->c;
	size_t			 k;

	d->direct = d->direct_value = 0;
	if (c->nseries < 2)
		return;
	for (k = 0; k < c->nseries; k++)
		if (c->series[k].name == NULL)
			return;
	d->direct = d->direct_value = 1;
	if (ends_width(d) <= d->vw * DIRECT_MAX)
		return;
	d->direct_value = 0;
	if (ends_width(d) <= d->vw * DIRECT_MAX)
		return;
	d->direct = 0;
}

/*
 * The label at the end of each line: beside its last point, or, when
 * the series are named there, in a column right of the plot with a thin
 * line from the point to its label.
 */
static void
end_labels(struct draw *d)
{
	const struct chart	*c = d->c;
	struct end		*ends = xcalloc(c->nseries, sizeof(*ends));
	size_t			 i, k, n = line_ends(d, ends);
	const char		*ink;
	double			 x, py;

	for (i = 0; i < n; i++) {
		k = ends[i].k;
		ink = chart_inks[CHART_INK_SERIES + k % CHART_SERIES_INKS].rgb;
		x = d->direct ? d->left + d->w + 10 : ends[i].x + 8;
		py = yof(d, c->series[k].v[ends[i].i].value);
		if (d->direct)
			buf_printf(d->out, "<line class=\"chart-leader\""
			    " x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\""
			    " stroke=\"%s\" stroke-width=\"1\"/>",
			    co(ends[i].x + MARK_R + 2).s, co(py).s,
			    co(x - 3).s, co(ends[i].y).s, ink);
		buf_printf(d->out, "<text class=\"chart-value\" x=\"%s\""
		    " y=\"%s\" fill=\"%s\"%s" HALO ">", co(x).s,
		    co(ends[i].y + 4).s, ink, d->direct ? "" :
		    " font-weight=\"bold\"");
		end_text(d, d->out, k, ends[i].i);
		buf_puts(d->out, "</text>\n");
	}
	free(ends);
}

/*
 * The value axis of a line chart: the values, the target and 0 (unless
 * the range is fixed), then nice ticks.
 */
static void
line_scale(struct draw *d, double lo, double hi)
{
	const struct chart	*c = d->c;
	int			 fixed;

	fixed = c->has_range && isfinite(c->min) && isfinite(c->max);
	if (c->has_target && isfinite(c->target)) {
		lo = fmin(lo, c->target);
		hi = fmax(hi, c->target);
	}
	if (fixed) {
		lo = fmin(lo, fmin(c->min, c->max));
		hi = fmax(hi, fmax(c->min, c->max));
	} else if (c->invert && lo >= 1) {
		lo = 1;		/* a rank: the axis starts at the first place */
		fixed = 1;
	} else {
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
	}
	draw_scale(d, lo, hi, fixed, MAX_TICKS);
}

static void
line_svg(struct draw *d, double lo, double hi)
{
	const struct chart	*c = d->c;
	double			 legend_h, right, height;
	size_t			 k;

	line_scale(d, lo, hi);
	draw_tick_decimals(d);
	d->h = fmax(PLOT_H, (double)c->nseries * END_GAP);
	choose_direct(d);
	legend_h = legend(d, 0);
	d->left = fmax(ticks_width(d) + 10, 24);
	right = ends_width(d) + (d->direct ? 20 : 12);
	d->w = fmax(d->vw - d->left - right, d->vw / 3);
	d->top = legend_h + (c->y_title != NULL ? 18 : 0) + 14;
	height = d->top + d->h + 26 + (c->x_title != NULL ? 20 : 0);
	draw_svg_open(d, height);
	legend(d, 1);
	y_axis(d, legend_h + 14);
	x_axis(d);
	target_across(d);
	for (k = 0; k < c->nseries; k++)
		series_lines(d, k);
	for (k = 0; k < c->nseries; k++)
		series_markers(d, k);
	end_labels(d);
	buf_puts(d->out, "</svg>\n");
}

json_t *
chart_line_model(const struct chart *c)
{
	return chart_model(c, "line", LINE_VIEW_W, c->nseries, 0, line_svg);
}
