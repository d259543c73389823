/*
 * What every chart draws with (chartdraw.h), in the render stage: the
 * state of one call, the numbers as the chart shows them (the reader's
 * language, padded to as many decimals as the others), the value axis
 * with its "nice" ticks, and the <svg> element with its title, or with
 * the theme's words alone when there is nothing to draw.  chartline.c
 * and chartbars.c draw the marks; chart.c turns a drawing into the
 * theme's model.
 */
#include "chartdraw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "chart.h"

#define REM_PER_UNIT	(3.0 / 32)	/* max-width: at most 1.5 px a unit */
#define NO_DATA_H	60

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

const char *
draw_value(struct draw *d, double v)
{
	number(d, v);
	return pad(d, d->value_dec);
}

int
draw_extent(const struct chart *c, size_t nseries, double *lo, double *hi)
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

void
draw_scale(struct draw *d, double lo, double hi, int fixed, int ticks)
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

double
draw_tick(const struct draw *d, double j)
{
	double	 v = j * d->step;

	return fabs(v) < d->step * 1e-9 ? 0 : v;
}

double
draw_first_tick(const struct draw *d)
{
	if (d->step == 0)
		return 1;
	return ceil(d->lo / d->step - 1e-9);
}

const char *
draw_tick_label(struct draw *d, double v)
{
	number(d, v);
	return pad(d, d->tick_dec);
}

void
draw_tick_decimals(struct draw *d)
{
	double	 j;

	d->tick_dec = 0;
	for (j = draw_first_tick(d); j * d->step <= d->hi + d->step * 1e-9;
	    j++)
		d->tick_dec = imax(d->tick_dec, decimals(d, number(d,
		    draw_tick(d, j))));
}

void
draw_value_decimals(struct draw *d, size_t nseries)
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

void
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

void
draw_release(struct draw *d)
{
	buf_release(&d->id);
	buf_release(&d->num);
}

void
draw_svg_open(struct draw *d, double h)
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

void
draw_no_data(struct draw *d)
{
	draw_svg_open(d, NO_DATA_H);
	if (d->c->no_data != NULL && *d->c->no_data != '\0') {
		buf_printf(d->out, "<text class=\"chart-no-data\" x=\"%s\""
		    " y=\"%d\" text-anchor=\"middle\" fill=\"%s\">",
		    co(d->vw / 2).s, NO_DATA_H / 2 + 5, INK(MUTED));
		xml(d->out, d->c->no_data);
		buf_puts(d->out, "</text>\n");
	}
	buf_puts(d->out, "</svg>\n");
}

void
draw_point_title(struct draw *d, const struct chart_point *p)
{
	buf_puts(d->out, "<title>");
	if (p->label != NULL) {
		xml(d->out, p->label);
		buf_puts(d->out, ": ");
	}
	if (present(p))
		xml(d->out, draw_value(d, p->value));
	else
		buf_puts(d->out, MISSING);
	if (p->note != NULL) {
		buf_puts(d->out, " (");
		xml(d->out, p->note);
		buf_puts(d->out, ")");
	}
	buf_puts(d->out, "</title>");
}
