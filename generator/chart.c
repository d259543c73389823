/*
 * SVG charts, in the render stage: a renderer holding figures (the
 * values of an indicator, a ranking of units) fills a struct chart and
 * calls chart_line_model() or chart_bars_model(), and the theme's
 * partials/chart.mustache shows the model: the SVG drawn here, then the
 * same numbers as a table for screen readers, copying and small
 * screens.  chart_progress() appends a small SVG as it is.  All layout
 * happens here, at build time: the reader's browser gets a finished
 * drawing in a viewBox that scales to the screen, and no script.
 *
 *	svg: title, desc, [legend], grid and ticks, target, lines or bars,
 *	     value labels
 *	table: summary, caption, columns, one row per label (as data)
 *
 * There are no font metrics at build time, so text widths are estimated
 * from code points (CHAR_EM of the font size, a little over the average
 * advance of Vietnamese text in common sans-serif fonts, about 0.51) and
 * layouts leave slack.  Nothing here keeps state between calls, so
 * render threads may draw at the same time.
 */
#include "chart.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "mustache.h"
#include "text.h"
#include "xalloc.h"

#define CHART_PARTIAL	"partials/chart.mustache"

const struct chart_ink chart_inks[CHART_INK_COUNT] = {
	[CHART_INK_TEXT] = { "text", "#0b0c0c", 1 },
	[CHART_INK_MUTED] = { "muted", "#4b5563", 1 },
	[CHART_INK_AXIS] = { "axis", "#4b5563", 0 },
	[CHART_INK_GRID] = { "grid", "#8a9099", 0 },
	[CHART_INK_TARGET] = { "target", "#b3261e", 1 },
	[CHART_INK_BAR] = { "bar", "#2b6cb0", 0 },
	[CHART_INK_MARK] = { "mark", "#b35c00", 0 },
	[CHART_INK_SERIES + 0] = { "series-1", "#1d4ed8", 1 },
	[CHART_INK_SERIES + 1] = { "series-2", "#a14400", 1 },
	[CHART_INK_SERIES + 2] = { "series-3", "#00703c", 1 },
	[CHART_INK_SERIES + 3] = { "series-4", "#6b21a8", 1 },
};

#define INK(i)		(chart_inks[CHART_INK_##i].rgb)

#define LINE_VIEW_W	320	/* viewBox widths: a phone's column (343 */
#define BARS_VIEW_W	320	/* px at 375) shows a unit as a pixel */
#define REM_PER_UNIT	(3.0 / 32)	/* max-width: at most 1.5 px a unit */
#define FONT		13	/* labels and values */
#define FONT_SMALL	12	/* ticks and axis titles: the smallest */
#define CHAR_EM		0.56	/* estimated advance of a character */
#define DATA_W		2.5	/* stroke of lines and markers, >= 2 */
#define MARK_R		4.5	/* marker radius */
#define TARGET_DASH	"6 4"
#define ESTIMATE_DASH	"5 4"
#define HALO		" stroke=\"" CHART_PAPER "\" stroke-width=\"3\"" \
			" stroke-linejoin=\"round\" paint-order=\"stroke\""
#define MISSING		"\xE2\x80\x94"	/* an em dash */
#define ELLIPSIS	"\xE2\x80\xA6"

#define PLOT_H		200	/* line: height of the plot area */
#define MAX_TICKS	5	/* line: tick intervals wanted, before the
				   ends move out to whole steps */
#define MAX_X_LABELS	12	/* line: more points, every other label */
#define LEGEND_ROW	20
#define END_GAP		(FONT + 3)	/* line: between labels at the ends */
#define DIRECT_MAX	0.45	/* line: the most of the width that labels
				   naming the series at their ends take */
#define BAR_H		16	/* bars: a bar, under its label */
#define LABEL_LINE	16	/* bars: a line of a label */
#define BAR_GAP		12	/* bars: between a bar and the next label */
#define NO_DATA_H	60

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

/* A value label at the end of a line, moved to stay clear of others. */
struct end {
	size_t		 k;		/* series */
	size_t		 i;		/* point */
	double		 x, y;
};

/*
 * "v" rounded to hundredths and printed without trailing zeros or the
 * C library's locale: 12.5 -> "12.5", 3.999 -> "4", -0.001 -> "0".
 * Not a finite number gives "0".  The array lives as long as the
 * temporary, to the end of the full expression: buf_printf(b, "%s",
 * co(x).s).
 */
static struct co
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

static void
xml(struct buf *out, const char *s)
{
	if (s != NULL)
		text_escape_xml(out, s, strlen(s));
}

/* "s", or "" for NULL. */
static const char *
str(const char *s)
{
	return s != NULL ? s : "";
}

/* Code points in the string "s" (NULL has none). */
static size_t
ncp(const char *s)
{
	size_t	 n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if ((*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Estimated width of "s" at font size "size". */
static double
textw(const char *s, double size)
{
	return (double)ncp(s) * size * CHAR_EM;
}

static int
imax(int a, int b)
{
	return a > b ? a : b;
}

static int
present(const struct chart_point *p)
{
	return !p->missing && isfinite(p->value);
}

/* Points of series "k" that line up with the labels of series 0. */
static size_t
npoints(const struct chart *c, size_t k)
{
	size_t	 n = c->series[k].n;

	return n < c->series[0].n ? n : c->series[0].n;
}

/*
 * Format "v" with the chart's "number" (or "%g") into d->num and return
 * its text, valid until the next call.  -0 shows as 0.
 */
static const char *
number(struct draw *d, double v)
{
	if (v == 0)
		v = 0;
	buf_reset(&d->num);
	if (d->c->number != NULL)
		d->c->number(&d->num, v, d->c->arg);
	else
		buf_printf(&d->num, "%g", v);
	return d->num.data;
}

/*
 * The digits after the chart's decimal mark at the end of "s", 0 when
 * there is no mark; -1 when "s" does not end in a number, or the chart
 * has no decimal mark ("63,1" -> 1, "80" -> 0, "1e+12" -> -1).
 */
static int
decimals(const struct draw *d, const char *s)
{
	const char	*mark = d->c->decimal_mark, *p, *last = NULL;
	size_t		 n, len = strlen(s);

	if (mark == NULL || *mark == '\0' || len == 0 ||
	    s[len - 1] < '0' || s[len - 1] > '9')
		return -1;
	for (p = s; (p = strstr(p, mark)) != NULL; p += strlen(mark))
		last = p;
	if (last == NULL)
		return strspn(s, "-0123456789") == len ||
		    strchr(s, 'e') == NULL ? 0 : -1;
	last += strlen(mark);
	n = strspn(last, "0123456789");
	return last[n] == '\0' ? (int)n : -1;
}

/* d->num padded with zeros to "dec" decimals: "0,9" -> "0,90". */
static const char *
pad(struct draw *d, int dec)
{
	int	 have = decimals(d, d->num.data);

	if (have < 0 || have >= dec)
		return d->num.data;
	if (have == 0)
		buf_puts(&d->num, d->c->decimal_mark);
	for (; have < dec; have++)
		buf_putc(&d->num, '0');
	return d->num.data;
}

/* A value as the chart shows it: as many decimals as every other. */
static const char *
value(struct draw *d, double v)
{
	number(d, v);
	return pad(d, d->value_dec);
}

/*
 * The lowest and highest value in the first "nseries" series into "*lo"
 * and "*hi".  Returns 0 when there is no value at all.
 */
static int
extent(const struct chart *c, size_t nseries, double *lo, double *hi)
{
	const struct chart_point *p;
	size_t	 k, i;
	int	 any = 0;

	if (c->series == NULL || c->nseries == 0)
		return 0;
	for (k = 0; k < nseries && k < c->nseries; k++)
		for (i = 0; i < npoints(c, k); i++) {
			p = &c->series[k].v[i];
			if (!present(p))
				continue;
			*lo = any ? fmin(*lo, p->value) : p->value;
			*hi = any ? fmax(*hi, p->value) : p->value;
			any = 1;
		}
	return any;
}

/*
 * Fit the value axis of "d" to "lo".."hi": the step between ticks is
 * 1, 2, 2.5 or 5 times a power of ten and leaves at most "ticks"
 * intervals; unless "fixed", the ends move out to whole steps.  An
 * empty range is widened first.
 *
 *	3..63.1 (ticks 5)	->  0..80, step 20
 *	0..14 (ticks 6)		->  0..15, step 2.5
 */
static void
scale(struct draw *d, double lo, double hi, int fixed, int ticks)
{
	static const double	 nice[] = { 1, 2, 2.5, 5, 10 };
	double			 raw, mag, pad;
	size_t			 i;

	if (!(hi > lo)) {
		pad = lo == 0 ? 1 : fabs(lo) / 2;
		lo -= pad;
		hi += pad;
		fixed = 0;
	}
	d->lo = lo;
	d->hi = hi;
	d->step = 0;
	raw = (hi - lo) / ticks;
	if (!isfinite(raw) || raw <= 0)
		return;
	mag = pow(10, floor(log10(raw)));
	for (i = 0; i < sizeof(nice) / sizeof(nice[0]) - 1; i++)
		if (nice[i] * mag >= raw * (1 - 1e-9))
			break;
	d->step = nice[i] * mag;
	if (!fixed) {
		d->lo = floor(lo / d->step + 1e-9) * d->step;
		d->hi = ceil(hi / d->step - 1e-9) * d->step;
	}
}

/* The tick "j" steps above zero, with the rounding noise removed. */
static double
tick(const struct draw *d, double j)
{
	double	 v = j * d->step;

	return fabs(v) < d->step * 1e-9 ? 0 : v;
}

/*
 * The first tick, in steps above zero: the lowest whole step in the
 * range.  With no ticks (step 0), one that ends the loops at once.
 */
static double
first_tick(const struct draw *d)
{
	if (d->step == 0)
		return 1;
	return ceil(d->lo / d->step - 1e-9);
}

/* A tick label: as many decimals as every other tick ("0,0", "0,5"). */
static const char *
tickv(struct draw *d, double v)
{
	number(d, v);
	return pad(d, d->tick_dec);
}

/* The most decimals a tick label has, into d->tick_dec. */
static void
tick_decimals(struct draw *d)
{
	double	 j;

	d->tick_dec = 0;
	for (j = first_tick(d); j * d->step <= d->hi + d->step * 1e-9; j++)
		d->tick_dec = imax(d->tick_dec, decimals(d, number(d,
		    tick(d, j))));
}

/* The most decimals a value of the first "nseries" has, into d->value_dec. */
static void
value_decimals(struct draw *d, size_t nseries)
{
	const struct chart	*c = d->c;
	size_t			 k, i;

	d->value_dec = 0;
	for (k = 0; c->series != NULL && k < nseries && k < c->nseries; k++)
		for (i = 0; i < npoints(c, k); i++)
			if (present(&c->series[k].v[i]))
				d->value_dec = imax(d->value_dec, decimals(d,
				    number(d, c->series[k].v[i].value)));
}

/* The y of value "v" in the plot area (line). */
static double
yof(const struct draw *d, double v)
{
	double	 t = (v - d->lo) / (d->hi - d->lo);

	t = isfinite(t) ? t : 0;
	return d->top + d->h * (d->c->invert ? t : 1 - t);
}

/* The x of value "v" in the plot area (bars). */
static double
xof(const struct draw *d, double v)
{
	double	 t = (v - d->lo) / (d->hi - d->lo);

	return d->left + d->w * (isfinite(t) ? t : 0);
}

/* The x of point "i" of "n", each in the middle of its slot (line). */
static double
xat(const struct draw *d, size_t i, size_t n)
{
	return d->left + ((double)i + 0.5) * d->w / (double)n;
}

static void
draw_init(struct draw *d, struct buf *out, const struct chart *c, double vw)
{
	const char	*p;

	memset(d, 0, sizeof(*d));
	d->c = c;
	d->out = out;
	d->vw = vw;
	buf_init(&d->id);
	buf_init(&d->num);
	p = c->id != NULL && *c->id != '\0' ? c->id : "chart";
	for (; *p != '\0'; p++)
		buf_putc(&d->id, (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' ? *p : '-');
}

static void
draw_release(struct draw *d)
{
	buf_release(&d->id);
	buf_release(&d->num);
}

/* Open the <svg> of height "h" with its <title> and <desc>. */
static void
svg_open(struct draw *d, double h)
{
	const char	*id = d->id.data;

	buf_printf(d->out, "<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " class=\"chart-svg\" role=\"img\" aria-labelledby=\"%s-title",
	    id);
	if (d->c->desc != NULL)
		buf_printf(d->out, " %s-desc", id);
	buf_printf(d->out, "\" viewBox=\"0 0 %s %s\" width=\"100%%\""
	    " preserveAspectRatio=\"xMidYMid meet\" style=\"max-width:%srem;"
	    "height:auto\" font-size=\"%d\" fill=\"%s\">\n",
	    co(d->vw).s, co(h).s, co(d->vw * REM_PER_UNIT).s, FONT, INK(TEXT));
	buf_printf(d->out, "<title id=\"%s-title\">", id);
	xml(d->out, d->c->title);
	buf_puts(d->out, "</title>\n");
	if (d->c->desc != NULL) {
		buf_printf(d->out, "<desc id=\"%s-desc\">", id);
		xml(d->out, d->c->desc);
		buf_puts(d->out, "</desc>\n");
	}
}

/*
 * The whole SVG when there is nothing to draw: the chart's "no_data"
 * words, or nothing but its title when it has none.
 */
static void
no_data(struct draw *d)
{
	svg_open(d, NO_DATA_H);
	if (d->c->no_data != NULL && *d->c->no_data != '\0') {
		buf_printf(d->out, "<text class=\"chart-no-data\" x=\"%s\""
		    " y=\"%d\" text-anchor=\"middle\" fill=\"%s\">",
		    co(d->vw / 2).s, NO_DATA_H / 2 + 5, INK(MUTED));
		xml(d->out, d->c->no_data);
		buf_puts(d->out, "</text>\n");
	}
	buf_puts(d->out, "</svg>\n");
}

/* Append "label: value (note)" for a <title>, escaped for XML. */
static void
point_title(struct draw *d, const struct chart_point *p)
{
	buf_puts(d->out, "<title>");
	if (p->label != NULL) {
		xml(d->out, p->label);
		buf_puts(d->out, ": ");
	}
	if (present(p))
		xml(d->out, value(d, p->value));
	else
		buf_puts(d->out, MISSING);
	if (p->note != NULL) {
		buf_puts(d->out, " (");
		xml(d->out, p->note);
		buf_puts(d->out, ")");
	}
	buf_puts(d->out, "</title>");
}

/* A table cell: the value as "number" writes it, then its note. */
static json_t *
cell(struct draw *d, const struct chart_point *p)
{
	int	 have = p != NULL && present(p);

	return json_pack("{s:s, s:b, s:s}", "value", have ? value(d,
	    p->value) : "", "missing", !have, "note", p != NULL &&
	    p->note != NULL ? p->note : "");
}

/*
 * The table of the first "nseries" series as data: a row per label of
 * series 0, a column per series; "marks" marks highlighted labels
 * (bars).  Every key is there, so a template never reads another's.
 */
static json_t *
table(struct draw *d, size_t nseries, int marks)
{
	const struct chart		*c = d->c;
	const struct chart_point	*p;
	json_t				*t, *cols, *rows, *cells;
	size_t				 i, k, n;
	char				*cap;

	if (c->series == NULL || c->nseries == 0)
		nseries = 0;
	cols = json_array();
	json_array_append_new(cols, json_pack("{s:s}", "title",
	    str(c->x_title)));
	for (k = 0; k < nseries; k++)
		json_array_append_new(cols, json_pack("{s:s}", "title",
		    c->series[k].name != NULL ? c->series[k].name :
		    str(c->y_title)));
	rows = json_array();
	n = nseries > 0 ? c->series[0].n : 0;
	for (i = 0; i < n; i++) {
		p = &c->series[0].v[i];
		cells = json_array();
		for (k = 0; k < nseries; k++)
			json_array_append_new(cells, cell(d, i <
			    c->series[k].n ? &c->series[k].v[i] : NULL));
		json_array_append_new(rows, json_pack("{s:s, s:b, s:o}",
		    "label", str(p->label), "mark", marks && p->mark,
		    "cells", cells));
	}
	cap = xasprintf("%s-caption", d->id.data);
	t = json_pack("{s:s, s:s, s:s, s:o, s:o}", "summary",
	    str(c->table_summary), "caption", str(c->title), "caption_id",
	    cap, "columns", cols, "rows", rows);
	free(cap);
	return t;
}

/*
 * Append the figure of model "m" (taken) to "out", as the default
 * theme's partials/chart.mustache writes it.
 */
static void
figure(struct buf *out, json_t *m)
{
	const struct embed_file	*f = embed_find(CHART_PARTIAL);
	struct mustache		*t;

	assert(f != NULL);
	t = mustache_parse(NULL, CHART_PARTIAL, (const char *)f->data,
	    f->len);
	assert(t != NULL);
	mustache_render(t, m, NULL, NULL, NULL, out);
	mustache_free(t);
	json_decref(m);
}

/*
 * The model of a chart whose SVG is in "svg": what the theme's
 * partials/chart.mustache shows.
 */
static json_t *
model(struct draw *d, const char *kind, struct buf *svg, json_t *tab)
{
	if (svg->len > 0 && svg->data[svg->len - 1] == '\n')
		svg->data[--svg->len] = '\0';
	return json_pack("{s:s, s:s, s:s, s:s%, s:o}", "kind", kind, "id",
	    d->id.data, "title", str(d->c->title), "svg", svg->data, svg->len,
	    "table", tab);
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
		point_title(d, &v[i]);
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

	for (j = first_tick(d); j * d->step <= d->hi + d->step * 1e-9; j++)
		w = fmax(w, textw(tickv(d, tick(d, j)), FONT_SMALL));
	return w;
}

/* Grid lines and tick labels, the zero line and the y title. */
static void
y_axis(struct draw *d, double title_y)
{
	double	 j, y, base;

	for (j = first_tick(d); j * d->step <= d->hi + d->step * 1e-9; j++) {
		y = yof(d, tick(d, j));
		buf_printf(d->out, "<line class=\"chart-grid\" x1=\"%s\""
		    " y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\""
		    " stroke-width=\"1\"/>\n", co(d->left).s, co(y).s,
		    co(d->left + d->w).s, co(y).s, INK(GRID));
		buf_printf(d->out, "<text class=\"chart-tick\" x=\"%s\""
		    " y=\"%s\" text-anchor=\"end\" font-size=\"%d\""
		    " fill=\"%s\">", co(d->left - 6).s, co(y + 4).s,
		    FONT_SMALL, INK(MUTED));
		xml(d->out, tickv(d, tick(d, j)));
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
	const char		*v = value(d, c->series[k].v[i].value);
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
	scale(d, lo, hi, fixed, MAX_TICKS);
}

static void
line_svg(struct draw *d, double lo, double hi)
{
	const struct chart	*c = d->c;
	double			 legend_h, right, height;
	size_t			 k;

	line_scale(d, lo, hi);
	tick_decimals(d);
	d->h = fmax(PLOT_H, (double)c->nseries * END_GAP);
	choose_direct(d);
	legend_h = legend(d, 0);
	d->left = fmax(ticks_width(d) + 10, 24);
	right = ends_width(d) + (d->direct ? 20 : 12);
	d->w = fmax(d->vw - d->left - right, d->vw / 3);
	d->top = legend_h + (c->y_title != NULL ? 18 : 0) + 14;
	height = d->top + d->h + 26 + (c->x_title != NULL ? 20 : 0);
	svg_open(d, height);
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
	struct draw	 d;
	struct buf	 svg = BUF_INIT;
	double		 lo = 0, hi = 0;
	json_t		*m;

	draw_init(&d, &svg, c, LINE_VIEW_W);
	value_decimals(&d, c->nseries);
	if (extent(c, c->nseries, &lo, &hi))
		line_svg(&d, lo, hi);
	else
		no_data(&d);
	m = model(&d, "line", &svg, table(&d, c->series != NULL ?
	    c->nseries : 0, 0));
	draw_release(&d);
	buf_release(&svg);
	return m;
}

void
chart_line(struct buf *out, const struct chart *c)
{
	figure(out, chart_line_model(c));
}

/* 1 if the UTF-8 sequence at "p" is a combining mark (U+0300..U+036F). */
static int
combining(const char *p)
{
	unsigned char	 a = (unsigned char)p[0], b = (unsigned char)p[1];

	return (a == 0xCC && b >= 0x80) || (a == 0xCD && b < 0xB0);
}

/* Code points in the bytes "s" to "e". */
static size_t
ncp_to(const char *s, const char *e)
{
	size_t	 n = 0;

	for (; s < e; s++)
		if ((*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * The bytes of the first "max" code points of "s" (at least one
 * character), never ending between a letter and its combining marks.
 */
static size_t
cut(const char *s, size_t max)
{
	size_t	 i = 0, n = 0;

	while (s[i] != '\0' && n < max) {
		for (i++; (s[i] & 0xC0) == 0x80; i++)
			continue;
		n++;
	}
	while (i > 0 && combining(s + i))
		while (i > 0 && (s[--i] & 0xC0) == 0x80)
			continue;
	if (i == 0 && s[0] != '\0')
		for (i = 1; (s[i] & 0xC0) == 0x80 || combining(s + i); i++)
			continue;
	return i;
}

/* One line of a label, "line", its baseline at "y"; empties "line". */
static void
label_line(struct buf *out, struct buf *line, double x, double y)
{
	if (out != NULL) {
		buf_printf(out, "<tspan x=\"%s\" y=\"%s\">", co(x).s, co(y).s);
		xml(out, line->data);
		buf_puts(out, "</tspan>");
	}
	buf_reset(line);
}

/*
 * The label "s" in lines of at most "max" code points, broken at spaces
 * (a longer word between characters), each a <tspan> at "x" with its
 * baseline LABEL_LINE below the one before, the first at "y"; words are
 * kept whole and apart by one space, nothing is cut off.  Appends to
 * "out" unless it is NULL; returns the number of lines (0 for an empty
 * label).
 *
 *	"Sở Thông tin và Truyền thông", 16  ->  "Sở Thông tin và", "Truyền thông"
 */
static size_t
label_lines(struct buf *out, const char *s, size_t max, double x, double y)
{
	struct buf	 line = BUF_INIT;
	const char	*p = s, *e;
	size_t		 n = 0, len = 0, w, k;

	for (; s != NULL && *p != '\0'; p = e) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		e = p + strcspn(p, " ");
		w = ncp_to(p, e);
		if (line.len > 0 && len + 1 + w <= max) {
			buf_putc(&line, ' ');
			buf_put(&line, p, (size_t)(e - p));
			len += 1 + w;
			continue;
		}
		if (line.len > 0)
			label_line(out, &line, x, y + LABEL_LINE * n++);
		for (; w > max; w = ncp_to(p, e)) {
			k = cut(p, max);
			buf_put(&line, p, k);
			label_line(out, &line, x, y + LABEL_LINE * n++);
			p += k;
		}
		buf_put(&line, p, (size_t)(e - p));
		len = w;
	}
	if (line.len > 0)
		label_line(out, &line, x, y + LABEL_LINE * n++);
	buf_release(&line);
	return n;
}

/* 1 if some bar is highlighted. */
static int
any_mark(const struct chart_series *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].mark)
			return 1;
	return 0;
}

/* The hatching of highlighted bars, "ID-hatch". */
static void
hatch(struct draw *d)
{
	buf_printf(d->out, "<defs><pattern id=\"%s-hatch\" width=\"8\""
	    " height=\"8\" patternUnits=\"userSpaceOnUse\""
	    " patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\""
	    " fill=\"%s\"/><rect width=\"3\" height=\"8\" fill=\"%s\"/>"
	    "</pattern></defs>\n", d->id.data, INK(MARK), CHART_PAPER);
}

/* The code points of a bar label's line: the whole width of the chart. */
static size_t
label_max(const struct draw *d)
{
	return (size_t)floor((d->vw - 4) / (FONT * CHAR_EM));
}

/* The height of the row of point "p": its label's lines, then the bar. */
static double
bar_row_h(const struct draw *d, const struct chart_point *p)
{
	return (double)label_lines(NULL, p->label, label_max(d), 0, 0) *
	    LABEL_LINE + 4 + BAR_H + BAR_GAP;
}

/*
 * One row at "y0": the whole label above the bar, the bar, its value at
 * its end, and the label and value in a <title>.
 */
static void
bar_row(struct draw *d, const struct chart_point *p, double y0)
{
	double	 x0 = xof(d, 0), x1, yb, y;
	size_t	 n;

	buf_printf(d->out, "<g class=\"chart-row%s\">",
	    p->mark ? " chart-row-mark" : "");
	point_title(d, p);
	n = label_lines(NULL, p->label, label_max(d), 0, 0);
	if (n > 0) {
		buf_printf(d->out, "<text class=\"chart-label\"%s>",
		    p->mark ? " font-weight=\"bold\"" : "");
		label_lines(d->out, p->label, label_max(d), 0, y0 + FONT);
		buf_puts(d->out, "</text>");
	}
	yb = y0 + (double)n * LABEL_LINE + 4;
	y = yb + BAR_H / 2.0 + 4.5;
	/* The zero line beside each bar only, clear of the labels. */
	buf_printf(d->out, "<line class=\"chart-axis\" x1=\"%s\" y1=\"%s\""
	    " x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>",
	    co(x0).s, co(yb - 3).s, co(x0).s, co(yb + BAR_H + 3).s, INK(AXIS));
	if (!present(p)) {
		buf_printf(d->out, "<text class=\"chart-value\" x=\"%s\""
		    " y=\"%s\" fill=\"%s\">" MISSING "</text></g>\n",
		    co(x0 + 6).s, co(y).s, INK(MUTED));
		return;
	}
	x1 = xof(d, p->value);
	if (p->mark)
		buf_printf(d->out, "<rect class=\"chart-bar chart-bar-mark\""
		    " fill=\"url(#%s-hatch)\" stroke=\"%s\" stroke-width=\"2\"",
		    d->id.data, INK(MARK));
	else
		buf_printf(d->out, "<rect class=\"chart-bar\" fill=\"%s\"",
		    INK(BAR));
	buf_printf(d->out, " x=\"%s\" y=\"%s\" width=\"%s\" height=\"%d\"/>",
	    co(fmin(x0, x1)).s, co(yb).s, co(fabs(x1 - x0)).s, BAR_H);
	buf_printf(d->out, "<text class=\"chart-value\" x=\"%s\" y=\"%s\"%s"
	    HALO ">", co(fmax(x0, x1) + 6).s, co(y).s,
	    p->mark ? " font-weight=\"bold\"" : "");
	xml(d->out, value(d, p->value));
	buf_puts(d->out, "</text></g>\n");
}

/*
 * The dashed vertical target line over the rows, labelled above them,
 * on the side of the line with more room.
 */
static void
target_down(struct draw *d, double bottom)
{
	double	 x;
	int	 left;

	if (!d->c->has_target || !isfinite(d->c->target))
		return;
	x = xof(d, d->c->target);
	left = x > d->left + d->w / 2;
	buf_printf(d->out, "<g class=\"chart-target\"><line x1=\"%s\""
	    " y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\""
	    " stroke-dasharray=\"%s\"/>", co(x).s, co(d->top - 6).s, co(x).s,
	    co(bottom).s, INK(TARGET), TARGET_DASH);
	if (d->c->target_label != NULL) {
		buf_printf(d->out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\""
		    " fill=\"%s\" font-weight=\"bold\"" HALO ">",
		    co(left ? x + 2 : x - 2).s, co(d->top - 10).s,
		    left ? "end" : "start", INK(TARGET));
		xml(d->out, d->c->target_label);
		buf_puts(d->out, "</text>");
	}
	buf_puts(d->out, "</g>\n");
}

/*
 * The value axis of a bar chart: from 0, or the lowest value below it,
 * to the highest value, holding the target and any fixed range; no
 * ticks, since every bar carries its value.  Lays out the columns:
 * labels, bars, values.
 */
static void
bars_layout(struct draw *d, double lo, double hi)
{
	const struct chart		*c = d->c;
	const struct chart_series	*s = &c->series[0];
	double				 value_w = 0;
	size_t				 i;

	lo = fmin(lo, 0);
	hi = fmax(hi, 0);
	if (c->has_target && isfinite(c->target)) {
		lo = fmin(lo, c->target);
		hi = fmax(hi, c->target);
	}
	if (c->has_range && isfinite(c->min) && isfinite(c->max)) {
		lo = fmin(lo, fmin(c->min, c->max));
		hi = fmax(hi, fmax(c->min, c->max));
	}
	d->lo = lo;
	d->hi = hi > lo ? hi : lo + 1;
	for (i = 0; i < s->n; i++)
		if (present(&s->v[i]))
			value_w = fmax(value_w, textw(value(d, s->v[i].value),
			    FONT));
	d->left = 1;
	d->w = fmax(d->vw - d->left - value_w - 10, d->vw / 4);
	d->top = c->has_target && c->target_label != NULL ? 30 : 4;
}

static void
bars_svg(struct draw *d, double lo, double hi)
{
	const struct chart_series	*s = &d->c->series[0];
	double				 y, bottom = 0;
	size_t				 i;

	bars_layout(d, lo, hi);
	for (i = 0; i < s->n; i++)
		bottom += bar_row_h(d, &s->v[i]);
	bottom += d->top - BAR_GAP;
	svg_open(d, bottom + 8);
	if (any_mark(s))
		hatch(d);
	for (i = 0, y = d->top; i < s->n; y += bar_row_h(d, &s->v[i]), i++)
		bar_row(d, &s->v[i], y);
	target_down(d, bottom);
	buf_puts(d->out, "</svg>\n");
}

json_t *
chart_bars_model(const struct chart *c)
{
	struct draw	 d;
	struct buf	 svg = BUF_INIT;
	double		 lo = 0, hi = 0;
	json_t		*m;

	draw_init(&d, &svg, c, BARS_VIEW_W);
	value_decimals(&d, 1);
	if (extent(c, 1, &lo, &hi))
		bars_svg(&d, lo, hi);
	else
		no_data(&d);
	m = model(&d, "bars", &svg, table(&d, c->series != NULL &&
	    c->nseries > 0 ? 1 : 0, 1));
	draw_release(&d);
	buf_release(&svg);
	return m;
}

void
chart_bars(struct buf *out, const struct chart *c)
{
	figure(out, chart_bars_model(c));
}

/* "v" as a share of "max", within 0..1; 0 when it cannot be one. */
static double
share(double v, double max)
{
	double	 t = v / max;

	if (!isfinite(t) || max <= 0 || t < 0)
		return 0;
	return t > 1 ? 1 : t;
}

void
chart_progress(struct buf *out, double value, double max, int has_target,
    double target, const char *label)
{
	buf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " class=\"chart-progress\" role=\"img\" aria-label=\"");
	xml(out, label);
	buf_printf(out, "\" viewBox=\"0 0 202 16\" width=\"100%%\""
	    " height=\"16\" preserveAspectRatio=\"none\"><title>");
	xml(out, label);
	buf_printf(out, "</title><rect class=\"chart-progress-track\" x=\"1\""
	    " y=\"3\" width=\"200\" height=\"10\" fill=\"%s\" stroke=\"%s\""
	    " stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>",
	    CHART_PAPER, INK(AXIS));
	buf_printf(out, "<rect class=\"chart-progress-value\" x=\"1\" y=\"3\""
	    " width=\"%s\" height=\"10\" fill=\"%s\"/>",
	    co(200 * share(value, max)).s, INK(BAR));
	if (has_target && isfinite(target))
		buf_printf(out, "<line class=\"chart-target\" x1=\"%s\""
		    " y1=\"0\" x2=\"%s\" y2=\"16\" stroke=\"%s\""
		    " stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>",
		    co(1 + 200 * share(target, max)).s,
		    co(1 + 200 * share(target, max)).s, INK(TEXT));
	buf_puts(out, "</svg>");
}
