/*
 * The horizontal bar chart (chart_bars_model() in chart.h), in the
 * render stage: rankings and shares, one row per point in the order
 * given, each with its whole label above its bar (broken into lines at
 * the chart's width, never cut) and its value at the bar's end.  Bars
 * start at the zero line and grow left for negative values; there are
 * no ticks, since every bar carries its value.  Highlighted bars are
 * hatched with a bold label; a target is a dashed line down the rows.
 *
 *	svg: title, desc, [hatch pattern], rows (each a <g> with a <title>:
 *	     label lines, zero line, bar, value), target
 */
#include "chart.h"

#include <math.h>

#include "buf.h"
#include "chartdraw.h"

#define BARS_VIEW_W	320	/* viewBox width: a phone's column (343 px
				   at 375) shows a unit as a pixel */
#define BAR_H		16	/* a bar, under its label */
#define LABEL_LINE	16	/* a line of a label */
#define BAR_GAP		12	/* between a bar and the next label */

/* The x of value "v" in the plot area. */
static double
xof(const struct draw *d, double v)
{
	double	 t = (v - d->lo) / (d->hi - d->lo);

	return d->left + d->w * (isfinite(t) ? t : 0);
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
	draw_point_title(d, p);
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
	xml(d->out, draw_value(d, p->value));
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
			value_w = fmax(value_w, textw(draw_value(d, s->v[i].value),
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
	draw_svg_open(d, bottom + 8);
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
	return chart_model(c, "bars", BARS_VIEW_W, 1, 1, bars_svg);
}
