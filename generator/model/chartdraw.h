/*
 * What the chart files share, and only they include: chart.c (the
 * palette and the theme's model of a chart), chartdraw.c (one call's
 * drawing state, numbers, the value axis, the <svg> element),
 * chartline.c, chartbars.c and chartprogress.c (the marks).  The short
 * names of its macros and inline helpers never leave those files.
 *
 * Invariants the chart files rely on:
 *  - a struct draw lives for one call: draw_init() to draw_release(),
 *    nothing kept between calls, so render threads draw at once;
 *  - every SVG attribute number goes through co(): two decimals at
 *    most, no locale; every caller string through xml();
 *  - there are no font metrics at build time: text widths are
 *    estimated from code points (CHAR_EM of the font size, a little
 *    over the average advance of Vietnamese text in common sans-serif
 *    fonts, about 0.51), and layouts leave slack.
 *
 *	static void
 *	line_svg(struct draw *d, double lo, double hi)
 *	{
 *		... draw_scale(), draw_svg_open(d, height), the marks ...
 *		buf_puts(d->out, "</svg>\n");
 *	}
 *
 *	return chart_model(c, "line", 320, c->nseries, 0, line_svg);
 */
#ifndef PLANPRESS_CHARTDRAW_H
#define PLANPRESS_CHARTDRAW_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "chart.h"
#include "text.h"

#define INK(i)		(chart_inks[CHART_INK_##i].rgb)

#define FONT		13	/* labels and values */
#define CHAR_EM		0.56	/* estimated advance of a character */
#define TARGET_DASH	"6 4"
#define HALO		" stroke=\"" CHART_PAPER "\" stroke-width=\"3\"" \
			" stroke-linejoin=\"round\" paint-order=\"stroke\""
#define MISSING		"\xE2\x80\x94"	/* an em dash */

/* A coordinate as text: at most two decimals, no locale. */
struct co {
	char	 s[32];
};

/* What one call draws with. */
struct draw {
	const struct chart *c;
	struct buf	*out;
	double		 vw;		/* viewBox width */
	struct buf	 id;		/* c->id, made safe */
	struct buf	 num;		/* the last number formatted */
	double		 left, top;	/* the plot area, in viewBox units */
	double		 w, h;
	double		 lo, hi;	/* the value axis */
	double		 step;		/* between ticks; 0: no ticks */
	int		 value_dec;	/* decimals of every value and tick, */
	int		 tick_dec;	/* padded with zeros (decimal_mark) */
	int		 direct;	/* line: series named at their ends */
	int		 direct_value;	/* ... with their last value */
};

/*
 * "v" rounded to hundredths and printed without trailing zeros or the
 * C library's locale: 12.5 -> "12.5", 3.999 -> "4", -0.001 -> "0".
 * Not a finite number gives "0".  The array lives as long as the
 * temporary, to the end of the full expression: buf_printf(b, "%s",
 * co(x).s).
 */
static inline struct co
co(double v)
{
	struct co	 r;
	long long	 h;
	const char	*sign = "";

	if (!isfinite(v))
		v = 0;
	v = fmax(-1e12, fmin(1e12, v));
	h = llround(v * 100);
	if (h < 0) {
		sign = "-";
		h = -h;
	}
	if (h % 100 == 0)
		snprintf(r.s, sizeof(r.s), "%s%lld", sign, h / 100);
	else if (h % 10 == 0)
		snprintf(r.s, sizeof(r.s), "%s%lld.%lld", sign, h / 100,
		    h % 100 / 10);
	else
		snprintf(r.s, sizeof(r.s), "%s%lld.%02lld", sign, h / 100,
		    h % 100);
	return r;
}

static inline void
xml(struct buf *out, const char *s)
{
	if (s != NULL)
		text_escape_xml(out, s, strlen(s));
}

/* "s", or "" for NULL. */
static inline const char *
str(const char *s)
{
	return s != NULL ? s : "";
}

/* Code points in the string "s" (NULL has none). */
static inline size_t
ncp(const char *s)
{
	size_t	 n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if ((*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Estimated width of "s" at font size "size". */
static inline double
textw(const char *s, double size)
{
	return (double)ncp(s) * size * CHAR_EM;
}

static inline int
imax(int a, int b)
{
	return a > b ? a : b;
}

static inline int
present(const struct chart_point *p)
{
	return !p->missing && isfinite(p->value);
}

/* Points of series "k" that line up with the labels of series 0. */
static inline size_t
npoints(const struct chart *c, size_t k)
{
	size_t	 n = c->series[k].n;

	return n < c->series[0].n ? n : c->series[0].n;
}

/*
 * Start drawing chart "c" into "out" in a viewBox "vw" units wide: the
 * element ids are c->id with every byte but [a-z0-9-] made '-' ("chart"
 * without one).  Free with draw_release().
 */
void		 draw_init(struct draw *d, struct buf *out,
		    const struct chart *c, double vw);
void		 draw_release(struct draw *d);

/*
 * The value "v" as the chart shows it: formatted by c->number (or
 * "%g"), with as many decimals as every other value (when the chart has
 * a decimal_mark), after draw_value_decimals().  The text lives until
 * the next number is formatted.
 */
const char	*draw_value(struct draw *d, double v);

/* The most decimals a value of the first "nseries" has, into d->value_dec. */
void		 draw_value_decimals(struct draw *d, size_t nseries);

/*
 * The lowest and highest value in the first "nseries" series into "*lo"
 * and "*hi".  Returns 0 when there is no value at all.
 */
int		 draw_extent(const struct chart *c, size_t nseries, double *lo,
		    double *hi);

/*
 * Fit the value axis of "d" to "lo".."hi": the step between ticks is
 * 1, 2, 2.5 or 5 times a power of ten and leaves at most "ticks"
 * intervals; unless "fixed", the ends move out to whole steps.  An
 * empty range is widened first.
 *
 *	3..63.1 (ticks 5)	->  0..80, step 20
 *	0..14 (ticks 6)		->  0..15, step 2.5
 */
void		 draw_scale(struct draw *d, double lo, double hi, int fixed,
		    int ticks);

/*
 * The ticks, in steps above zero: from draw_first_tick(), the lowest
 * whole step in the range (with no ticks, step 0, one that ends the
 * loops at once), while j * d->step <= d->hi; draw_tick() is the value
 * of tick "j" with the rounding noise removed.
 */
double		 draw_first_tick(const struct draw *d);
double		 draw_tick(const struct draw *d, double j);

/*
 * A tick label: as many decimals as every other tick ("0,0", "0,5")
 * after draw_tick_decimals(); lives as draw_value()'s text does.
 */
const char	*draw_tick_label(struct draw *d, double v);
void		 draw_tick_decimals(struct draw *d);

/* Open the <svg> of height "h" with its <title> and <desc>. */
void		 draw_svg_open(struct draw *d, double h);

/*
 * The whole SVG when there is nothing to draw: the chart's "no_data"
 * words, or nothing but its title when it has none.
 */
void		 draw_no_data(struct draw *d);

/* Append "label: value (note)" of point "p" as a <title>, for XML. */
void		 draw_point_title(struct draw *d, const struct chart_point *p);

/*
 * Draw the marks of a chart whose values lie in "lo".."hi" (there is
 * one at least): the whole <svg> element, from draw_svg_open() on.
 */
typedef void	(*draw_fn)(struct draw *d, double lo, double hi);

/*
 * The model of chart "c" (chart.c), what the theme's
 * partials/chart.mustache shows: kind "line" or "bars", the SVG "draw"
 * draws "vw" units wide over the values of the first "nseries" series
 * (or draw_no_data()'s), and the table of those series; "marks" marks
 * highlighted rows (bars).  Returns a new reference.
 */
json_t		*chart_model(const struct chart *c, const char *kind,
		    double vw, size_t nseries, int marks, draw_fn draw);

#endif
