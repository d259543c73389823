/*
 * Charts for the theme, in the render stage: a renderer holding figures
 * (the values of an indicator, a ranking of units) fills a struct chart
 * and calls chart_line_model() (chartline.c) or chart_bars_model()
 * (chartbars.c); the theme's partials/chart.mustache shows the model,
 * the SVG drawn at build time then the same numbers as a table for
 * screen readers, copying and small screens.  This file holds the
 * palette every chart draws with and the model (chart_model(): the SVG
 * and the table as data).  chart_progress() (chartprogress.c) is a
 * small SVG on its own.
 *
 *	figure (partials/chart.mustache): figcaption, svg, [details,
 *	    summary] table: caption, header row, one row per label
 *	svg: title, desc, [legend], grid and ticks, target, lines or bars,
 *	    value labels
 */
#include "chart.h"

#include <stdlib.h>

#include "buf.h"
#include "chartdraw.h"
#include "xalloc.h"

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

/* A table cell: the value as "number" writes it, then its note. */
static json_t *
cell(struct draw *d, const struct chart_point *p)
{
	int	 have = p != NULL && present(p);

	return json_pack("{s:s, s:b, s:s}", "value", have ? draw_value(d,
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
 * The model of a chart drawn with "d" whose SVG is in "svg" (its last
 * newline dropped), with the table of the first "nseries" series.
 */
static json_t *
model(struct draw *d, const char *kind, struct buf *svg, size_t nseries,
    int marks)
{
	if (svg->len > 0 && svg->data[svg->len - 1] == '\n')
		svg->data[--svg->len] = '\0';
	return json_pack("{s:s, s:s, s:s, s:s%, s:o}", "kind", kind, "id",
	    d->id.data, "title", str(d->c->title), "svg", svg->data, svg->len,
	    "table", table(d, nseries, marks));
}

json_t *
chart_model(const struct chart *c, const char *kind, double vw,
    size_t nseries, int marks, draw_fn draw)
{
	struct draw	 d;
	struct buf	 svg = BUF_INIT;
	double		 lo = 0, hi = 0;
	json_t		*m;

	draw_init(&d, &svg, c, vw);
	draw_value_decimals(&d, nseries);
	if (draw_extent(c, nseries, &lo, &hi))
		draw(&d, lo, hi);
	else
		draw_no_data(&d);
	m = model(&d, kind, &svg, nseries, marks);
	draw_release(&d);
	buf_release(&svg);
	return m;
}
