/*
 * SVG charts written at build time, with no script: a line chart of
 * values over periods (chartline.c), a horizontal bar chart
 * (chartbars.c), and a small progress bar (chartprogress.c); chart.c
 * holds the palette and the model the theme shows, and chartdraw.h what
 * the chart files share.  Renderers call them with numbers they already
 * hold; the charts give a model or append markup to the caller's buffer.
 *
 * Invariants callers rely on:
 *  - the output is well-formed XML as well as HTML5 (only the five XML
 *    escapes and numeric references), every caller string escaped;
 *  - same input, same bytes: coordinates have at most two decimals and
 *    are printed without the C library's locale, so setlocale() cannot
 *    change them (only "number" and the default "%g" see the locale);
 *  - chart_line_model() and chart_bars_model() give a chart as data
 *    for the theme (docs/templates.md): the <svg>, and a table with the
 *    same numbers as formatted by "number", which the theme's
 *    partials/chart.mustache shows in a <figure> after the SVG.  The
 *    SVG has role="img", is labelled by its <title> and <desc>, and
 *    scales to the width of its container; the table is its accessible
 *    equivalent.  No HTML but the SVG is written here, and no word but
 *    the caller's;
 *  - colours are presentation attributes taken from chart_inks[], which
 *    all meet WCAG AA against white, plus classes a theme may restyle
 *    (chart-line, chart-estimate, chart-marker, chart-bar,
 *    chart-bar-mark, chart-target, chart-grid, chart-axis, chart-tick,
 *    chart-label, chart-value, chart-legend, chart-leader,
 *    chart-progress...);
 *  - nothing is told by colour alone: the target line is dashed and
 *    labelled, estimates have hollow markers and dashed segments,
 *    highlighted bars are hatched with a bold label, and line series
 *    differ by marker shape and dash pattern, named at their ends or
 *    in a legend;
 *  - no background is painted, data strokes are at least 2 units wide
 *    and text at least 12 units high (viewBox units), so charts print;
 *    charts are 320 units wide, so a phone's column of 343 CSS px (375
 *    px less its margins) shows text of 12 units at 12 px or more;
 *  - no text is cut short, and no two texts overlap (as estimated from
 *    code points, without font metrics).
 *
 *	struct chart_point p[] = {
 *		{ "2023", 41.5, 0, 0, NULL },
 *		{ "2024", 63.1, 0, 1, "ước tính" },
 *	};
 *	struct chart_series s = { NULL, p, 2 };
 *	struct chart c = { .id = "ty-le-dvc", .title = "Tỷ lệ hồ sơ trực tuyến",
 *	    .series = &s, .nseries = 1, .has_range = 1, .max = 100 };
 *	json_t *m = chart_line_model(&c);	// {kind: "line", svg: "<svg ...
 */
#ifndef PLANPRESS_CHART_H
#define PLANPRESS_CHART_H

#include <stddef.h>

#include <jansson.h>

struct buf;

/*
 * How numbers are shown: append "v" to "out" as the reader's language
 * writes it ("63,1" in Vietnamese).  "arg" is the chart's "arg".  The
 * text is escaped by the chart.
 */
typedef void	(*chart_number_fn)(struct buf *out, double v, void *arg);

/* One value.  A value that is not finite (NaN, infinity) is missing. */
struct chart_point {
	const char	*label;		/* x category (line) or bar label; UTF-8 */
	double		 value;
	int		 missing;	/* no value: a gap in a line, no bar */
	int		 mark;		/* line: an estimate (hollow marker,
					   dashed segment to and from it);
					   bar: highlighted (e.g. the province
					   among districts) */
	const char	*note;		/* optional, appended in parentheses
					   in the table cell, e.g. "ước tính" */
};

struct chart_series {
	const char		*name;	/* legend and table column header;
					   NULL for a single series */
	const struct chart_point *v;
	size_t			 n;	/* all series of a line chart share
					   the x labels of the first, in
					   order; a shorter series is missing
					   at the end */
};

/*
 * What to draw.  Every string may be NULL (nothing is shown) unless
 * said otherwise; strings are borrowed for the length of the call.
 */
struct chart {
	const char	*id;		/* unique within the page, [a-z0-9-]:
					   prefixes element ids; any other
					   byte becomes '-', NULL "chart" */
	const char	*title;		/* <title> and the visible caption */
	const char	*desc;		/* <desc>: a sentence describing what
					   the chart shows */
	const char	*x_title;	/* axis and table header for the
					   labels, e.g. "Kỳ" */
	const char	*y_title;	/* e.g. "Tỷ lệ (%)"; also the table
					   header of an unnamed series */
	const struct chart_series *series;
	size_t		 nseries;	/* bars draw series[0] only */
	int		 has_target;	/* a dashed target line: horizontal
					   (line), vertical (bars) */
	double		 target;
	const char	*target_label;	/* e.g. "Mục tiêu: > 80%" */
	int		 has_range;	/* a fixed value axis, e.g. 0..100; it
					   still grows to hold every value, the
					   target and (bars) zero */
	double		 min, max;
	int		 invert;	/* line: the lowest value at the top,
					   as for ranks (1 is best) */
	chart_number_fn	 number;	/* formats tick labels, value labels
					   and table cells; NULL: "%g" */
	void		*arg;		/* passed to "number" */
	const char	*decimal_mark;	/* the mark "number" writes before
					   decimals ("," in Vietnamese): when
					   set, every value (label, cell,
					   title) has as many decimals as the
					   one with the most ("0,9" beside
					   "0,95" is "0,90"), and every tick
					   label likewise */
	const char	*estimate_label; /* line: legend entry for marked
					   points, e.g. "Ước tính"; NULL: none */
	const char	*no_data;	/* shown in the SVG when no point has a
					   value (the theme's words); NULL or
					   "": the SVG shows nothing */
	const char	*table_summary;	/* the model's table.summary: when
					   set, the default theme folds the
					   table in a <details> with this
					   <summary>, e.g. "Bảng số liệu" */
};

/* Line series cycle through this many colours, markers and dashes. */
#define CHART_SERIES_INKS	4

/*
 * The default colours, in one place: chart_inks[] is indexed by these.
 * The tests check each against white (tests/unit/test_chart.c).
 */
enum chart_ink_id {
	CHART_INK_TEXT,		/* labels, values, legend */
	CHART_INK_MUTED,	/* tick labels, axis titles */
	CHART_INK_AXIS,		/* axis lines, the progress bar's frame */
	CHART_INK_GRID,		/* grid lines */
	CHART_INK_TARGET,	/* target line and its label */
	CHART_INK_BAR,		/* bars, the progress bar's value */
	CHART_INK_MARK,		/* highlighted bars */
	CHART_INK_SERIES,	/* line series 1 to CHART_SERIES_INKS, also
				   their value labels */
	CHART_INK_COUNT = CHART_INK_SERIES + CHART_SERIES_INKS
};

/* White: hollow markers, text halos and hatching; never a background. */
#define CHART_PAPER		"#ffffff"

struct chart_ink {
	const char	*name;		/* "grid", "series-2"... */
	const char	*rgb;		/* "#rrggbb" */
	int		 text;		/* 1: used for text, so at least 4.5:1
					   against white; 0: lines and fills,
					   at least 3:1 */
};

extern const struct chart_ink chart_inks[CHART_INK_COUNT];

/*
 * The model of a line chart, for the theme's partials/chart.mustache
 * (docs/templates.md): {kind "line", id, title, svg, table}, the <svg>
 * drawn here and the table as data.  The SVG plots the values of every
 * series over the labels of the first.  The value axis has "nice" ticks
 * (1, 2, 2.5 or 5 times a power of ten) and holds the target and,
 * without "has_range", 0; x labels are thinned out when they would
 * overlap (or there are more than 12), always keeping the last; missing
 * values leave gaps.  A single series has its last value written beside
 * it.  Several named series are named at the ends of their lines (with
 * their last values when those fit), in a column right of the plot,
 * spread so no two labels overlap, each joined to its point by a thin
 * line; when the names are too long for that, a legend above the plot
 * names them.  With no value at all the SVG says "no_data" and the
 * table is still there.  Returns a new reference.
 */
json_t	*chart_line_model(const struct chart *c);

/*
 * The model of a horizontal bar chart of series[0] (rankings, shares),
 * as chart_line_model()'s with kind "bars": one row per point in the
 * order given.  Each row has its label above its bar, whole, in as many
 * lines as it needs at the chart's width (broken at spaces, a longer
 * word between characters), and the value at the bar's end.  Bars
 * start at 0 and grow left for negative values.  The target is a
 * vertical dashed line.  Returns a new reference.
 */
json_t	*chart_bars_model(const struct chart *c);

/*
 * Append to "out" a small inline SVG progress bar, as wide as its
 * container and 16 pixels high: "value" of "max" (e.g. 63.1 of 100),
 * clamped to 0..max, with a tick at "target" when "has_target".  It has
 * role="img" and the accessible name "label" (e.g. "63,1% / mục tiêu
 * 60%"), which should say everything the bar shows.
 */
void	chart_progress(struct buf *out, double value, double max,
	    int has_target, double target, const char *label);

#endif
