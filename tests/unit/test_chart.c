/*
 * Unit tests for chart.c: escaping, the accessible structure (role,
 * labels, the table), classes and the contrast of every ink, print
 * sizes, the value axis, x labels, gaps, estimates, several series, the
 * edge cases (one point, no value, negative values, an empty range),
 * series named at their ends, bar labels broken into lines in UTF-8 and
 * never cut, decimals padded alike, the progress bar, determinism, and
 * every chart parsed as XML by xmllint (skipped when xmllint is missing).
 */
#include "chart.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "mustache.h"
#include "text.h"
#include "check.h"

/*
 * Append the figure of model "m" (taken) to "out" as the default theme's
 * partials/chart.mustache, built into planpress, writes it: a chart as a
 * page shows it.
 */
static void
figure(struct buf *out, json_t *m)
{
	const struct embed_file	*f = embed_find("partials/chart.mustache");
	struct mustache		*t;

	t = f != NULL ? mustache_parse(NULL, "partials/chart.mustache",
	    (const char *)f->data, f->len) : NULL;
	CHECK(t != NULL);
	if (t != NULL)
		mustache_render(t, m, NULL, NULL, NULL, out);
	mustache_free(t);
	json_decref(m);
}

static void
chart_line(struct buf *out, const struct chart *c)
{
	figure(out, chart_line_model(c));
}

static void
chart_bars(struct buf *out, const struct chart *c)
{
	figure(out, chart_bars_model(c));
}

/* check.h counts no skips; this suite does, and prints its own RESULT. */
static int check_skipped;

#define CHECK_SKIP(why) do {						\
	check_skipped++;						\
	printf("SKIP: %s:%d: %s\n", __FILE__, __LINE__, (why));	\
} while (0)

#define NPOINTS(a)	(sizeof(a) / sizeof((a)[0]))

static int	 has_xmllint = -1;

/* ------------------------------------------------------------ helpers */

/* How many times "needle" occurs in "s". */
static size_t
count(const char *s, const char *needle)
{
	size_t	 n = 0, len = strlen(needle);

	for (; (s = strstr(s, needle)) != NULL; s += len)
		n++;
	return n;
}

static int
has(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

/*
 * The text of the "nth" element (0-based) whose start tag holds "mark",
 * up to the next '<', into "b"; 0 when there is none.
 */
static int
text_of(const char *s, const char *mark, size_t nth, struct buf *b)
{
	const char	*p = s, *e;

	buf_reset(b);
	for (;;) {
		if ((p = strstr(p, mark)) == NULL)
			return 0;
		p += strlen(mark);
		if (nth-- == 0)
			break;
	}
	if ((p = strchr(p, '>')) == NULL || (e = strchr(++p, '<')) == NULL)
		return 0;
	buf_put(b, p, (size_t)(e - p));
	return 1;
}

/*
 * The text of the "nth" element whose start tag holds "mark", with the
 * text of its <tspan> children joined by spaces, into "b"; 0 when there
 * is none.
 */
static int
whole_text(const char *s, const char *mark, size_t nth, struct buf *b)
{
	const char	*p = s, *e, *end;

	buf_reset(b);
	for (;;) {
		if ((p = strstr(p, mark)) == NULL)
			return 0;
		p += strlen(mark);
		if (nth-- == 0)
			break;
	}
	if ((p = strchr(p, '>')) == NULL || (end = strstr(p, "</text>")) ==
	    NULL)
		return 0;
	for (p++; p < end; p = e) {
		if (*p == '<') {
			p = strchr(p, '>') + 1;
			e = p;
			continue;
		}
		e = strchr(p, '<');
		if (b->len > 0 && b->data[b->len - 1] != ' ' && *p != ' ')
			buf_putc(b, ' ');
		buf_put(b, p, (size_t)(e - p));
	}
	return 1;
}

/* 1 if a text element with "mark" in its start tag reads "want". */
static int
has_text(const char *s, const char *mark, const char *want)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 found = 0;

	for (i = 0; !found && text_of(s, mark, i, &b); i++)
		found = strcmp(b.data, want) == 0;
	buf_release(&b);
	return found;
}

/* How many text elements with "mark" in their start tag there are. */
static size_t
texts(const char *s, const char *mark)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; text_of(s, mark, i, &b); i++)
		continue;
	buf_release(&b);
	return i;
}

/* The number in attribute "name" after the "nth" occurrence of "mark". */
static double
attr_after(const char *s, const char *mark, size_t nth, const char *name)
{
	char		 key[64];
	const char	*p = s;

	snprintf(key, sizeof(key), " %s=\"", name);
	for (;;) {
		if ((p = strstr(p, mark)) == NULL)
			return NAN;
		p += strlen(mark);
		if (nth-- == 0)
			break;
	}
	if ((p = strstr(p, key)) == NULL)
		return NAN;
	return strtod(p + strlen(key), NULL);
}

/* The smallest value of attribute "name" anywhere (INFINITY: none). */
static double
min_attr(const char *s, const char *name)
{
	char		 key[64];
	double		 min = INFINITY;

	snprintf(key, sizeof(key), " %s=\"", name);
	for (; (s = strstr(s, key)) != NULL; s += strlen(key))
		min = fmin(min, strtod(s + strlen(key), NULL));
	return min;
}

/* The most digits after a '.' in a number inside an attribute value. */
static int
attr_decimals(const char *s)
{
	const char	*p, *e;
	int		 most = 0, n;

	for (; (p = strstr(s, "=\"")) != NULL; s = e + 1) {
		p += 2;
		if ((e = strchr(p, '"')) == NULL)
			break;
		for (; p < e; p++) {
			if (*p != '.' || p[1] < '0' || p[1] > '9')
				continue;
			for (n = 0; p[1 + n] >= '0' && p[1 + n] <= '9'; n++)
				continue;
			most = n > most ? n : most;
		}
	}
	return most;
}

/* 1 if every colour in a fill or stroke attribute is an ink or paper. */
static int
only_inks(const char *s)
{
	char	 rgb[8];
	size_t	 i;
	int	 ok;

	for (; (s = strstr(s, "=\"#")) != NULL; s += 2) {
		snprintf(rgb, sizeof(rgb), "%.7s", s + 2);
		ok = strcmp(rgb, CHART_PAPER) == 0;
		for (i = 0; i < CHART_INK_COUNT; i++)
			ok |= strcmp(rgb, chart_inks[i].rgb) == 0;
		if (!ok) {
			printf("  colour not in chart_inks: %s\n", rgb);
			return 0;
		}
	}
	return 1;
}

/* 1 if "s" is well-formed XML inside an XHTML <div>; -1 without xmllint. */
static int
xml_ok(const char *s)
{
	FILE	*fp;
	int	 status;

	if (has_xmllint < 0)
		has_xmllint = system("command -v xmllint >/dev/null 2>&1") == 0;
	if (!has_xmllint)
		return -1;
	if ((fp = popen("xmllint --noout -", "w")) == NULL)
		return 0;
	fputs("<div xmlns=\"http://www.w3.org/1999/xhtml\">\n", fp);
	fputs(s, fp);
	fputs("</div>\n", fp);
	status = pclose(fp);
	return status == 0;
}

/*
 * The checks every chart gets: valid UTF-8, no "nan" or "inf" from a
 * division, two decimals at most in attributes, text of 12 units or
 * more, colours from chart_inks[], and well-formed XML.
 */
static void
common(const char *s)
{
	int	 ok = xml_ok(s);

	CHECK(text_utf8_valid(s, strlen(s), NULL));
	CHECK(!has(s, "nan") && !has(s, "inf") && !has(s, "NaN"));
	CHECK(attr_decimals(s) <= 2);
	CHECK(min_attr(s, "font-size") >= 12);
	CHECK(only_inks(s));
	if (ok < 0)
		CHECK_SKIP("xmllint not found (Debian: libxml2-utils)");
	else
		CHECK(ok == 1);
}

/* Vietnamese numbers with one decimal: 63.1 -> "63,1", 80 -> "80". */
static void
vi_number(struct buf *out, double v, void *arg)
{
	char	 s[64], *p;
	int	*calls = arg;

	if (calls != NULL)
		(*calls)++;
	snprintf(s, sizeof(s), "%.1f", v);
	if ((p = strchr(s, '.')) != NULL) {
		if (p[1] == '0')
			*p = '\0';
		else
			*p = ',';
	}
	buf_puts(out, s);
}

/* ------------------------------------------------------------- colours */

static double
channel(unsigned c)
{
	double	 s = c / 255.0;

	return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance of "#rrggbb", -1 when it is not one. */
static double
luminance(const char *rgb)
{
	unsigned	 r, g, b;

	if (rgb == NULL || strlen(rgb) != 7 ||
	    sscanf(rgb, "#%2x%2x%2x", &r, &g, &b) != 3)
		return -1;
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/* WCAG 2 contrast ratio of two colours. */
static double
contrast(const char *a, const char *b)
{
	double	 la = luminance(a), lb = luminance(b);

	if (la < lb)
		return (lb + 0.05) / (la + 0.05);
	return (la + 0.05) / (lb + 0.05);
}

/*
 * The page's background in the default theme: --c-bg of
 * assets/style.css, "#rrggbb", or "" when it is not found.
 */
static const char *
page_background(void)
{
	static char		 rgb[8];
	const struct embed_file	*f = embed_find("assets/style.css");
	const char		*p;

	rgb[0] = '\0';
	if (f == NULL || (p = strstr((const char *)f->data, "--c-bg:")) ==
	    NULL)
		return rgb;
	p += strspn(p + 7, " ") + 7;
	if (strspn(p + 1, "0123456789abcdef") >= 6 && *p == '#')
		snprintf(rgb, sizeof(rgb), "%.7s", p);
	return rgb;
}

static void
test_inks(void)
{
	const char	*bg;
	size_t		 i, j;
	double		 r;

	/* The formula itself, on known pairs. */
	CHECK(fabs(contrast("#000000", "#ffffff") - 21) < 0.01);
	CHECK(contrast("#767676", "#ffffff") >= 4.5);
	CHECK(contrast("#777777", "#ffffff") < 4.5);
	CHECK(fabs(contrast("#ffffff", "#ffffff") - 1) < 1e-9);
	CHECK(luminance("#12345") < 0 && luminance("red") < 0);
	CHECK(contrast("red", "#ffffff") < 3);	/* no colour, no ratio */
	CHECK(luminance(CHART_PAPER) > 0.999);

	/* Charts paint no background: they lie on the theme's page. */
	bg = page_background();
	CHECK_STR(bg, CHART_PAPER);
	for (i = 0; i < CHART_INK_COUNT; i++) {
		const struct chart_ink	*k = &chart_inks[i];

		CHECK(k->name != NULL);
		/*
		 * Against that background, every mark at least 3:1 (WCAG
		 * 1.4.11), text at least 4.5:1 (1.4.3); an ink that is no
		 * colour has no ratio (contrast() is negative).
		 */
		r = contrast(k->rgb, bg);
		if (r < (k->text ? 4.5 : 3.0))
			printf("  ink %s %s: %.2f:1\n", k->name, k->rgb, r);
		CHECK(r >= 3.0);
		CHECK(!k->text || r >= 4.5);
		for (j = 0; j < i && k->name != NULL; j++)
			CHECK(strcmp(k->name, chart_inks[j].name) != 0);
	}
	/* Series colours are used for value labels: text contrast. */
	for (i = 0; i < CHART_SERIES_INKS; i++)
		CHECK(chart_inks[CHART_INK_SERIES + i].text);
	CHECK(chart_inks[CHART_INK_TARGET].text);
}

/* --------------------------------------------------------------- models */

static const char *
sget(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "(none)";
}

/*
 * The models: the SVG drawn, the table as data with its text unescaped
 * (the theme escapes it), and every key present, so that a template
 * never falls through to a key of the page.
 */
static void
test_models(void)
{
	struct chart_point	 v[] = {
		{ "A <1>", 63.1, 0, 1, "ước tính" }, { "B", 0, 1, 0, NULL },
	};
	struct chart_series	 s = { NULL, v, NPOINTS(v) };
	struct chart		 c = { .id = "m&1", .title = "T & t",
				    .x_title = "Kỳ", .series = &s,
				    .nseries = 1, .number = vi_number };
	json_t			*m, *t, *r0, *r1, *c0;
	const char		*svg;

	m = chart_line_model(&c);
	CHECK_STR(sget(m, "kind"), "line");
	CHECK_STR(sget(m, "id"), "m-1");
	CHECK_STR(sget(m, "title"), "T & t");
	svg = sget(m, "svg");
	CHECK(strncmp(svg, "<svg ", 5) == 0 && has(svg, "T &amp; t"));
	CHECK(svg[strlen(svg) - 1] == '>' && !has(svg, "<table"));
	t = json_object_get(m, "table");
	CHECK_STR(sget(t, "summary"), "");
	CHECK_STR(sget(t, "caption"), "T & t");
	CHECK_STR(sget(t, "caption_id"), "m-1-caption");
	CHECK(json_array_size(json_object_get(t, "columns")) == 2);
	CHECK_STR(sget(json_array_get(json_object_get(t, "columns"), 0),
	    "title"), "Kỳ");
	CHECK_STR(sget(json_array_get(json_object_get(t, "columns"), 1),
	    "title"), "");
	r0 = json_array_get(json_object_get(t, "rows"), 0);
	r1 = json_array_get(json_object_get(t, "rows"), 1);
	CHECK_STR(sget(r0, "label"), "A <1>");
	/* An estimate is no highlight: only bars mark rows. */
	CHECK(json_is_false(json_object_get(r0, "mark")));
	c0 = json_array_get(json_object_get(r0, "cells"), 0);
	CHECK_STR(sget(c0, "value"), "63,1");
	CHECK_STR(sget(c0, "note"), "ước tính");
	CHECK(json_is_false(json_object_get(c0, "missing")));
	c0 = json_array_get(json_object_get(r1, "cells"), 0);
	CHECK_STR(sget(c0, "value"), "");
	CHECK_STR(sget(c0, "note"), "");
	CHECK(json_is_true(json_object_get(c0, "missing")));
	json_decref(m);
	m = chart_bars_model(&c);
	CHECK_STR(sget(m, "kind"), "bars");
	r0 = json_array_get(json_object_get(json_object_get(m, "table"),
	    "rows"), 0);
	CHECK(json_is_true(json_object_get(r0, "mark")));
	json_decref(m);
}

/* ---------------------------------------------------------- line chart */

static const struct chart_point rate[] = {
	{ "2021", 12.5, 0, 0, NULL },
	{ "2022", 30, 0, 0, NULL },
	{ "2023", 0, 1, 0, "chưa báo cáo" },
	{ "2024", 41.5, 0, 0, NULL },
	{ "2025", 63.1, 0, 1, "ước tính" },
};

static void
rate_chart(struct chart *c, struct chart_series *s, int *calls)
{
	s->name = NULL;
	s->v = rate;
	s->n = NPOINTS(rate);
	memset(c, 0, sizeof(*c));
	c->id = "ty-le-dvc";
	c->title = "Tỷ lệ hồ sơ <trực tuyến> & \"toàn trình\"";
	c->desc = "Tỷ lệ tăng từ 12,5% (2021) lên 63,1% (2025, ước tính).";
	c->x_title = "Kỳ";
	c->y_title = "Tỷ lệ (%)";
	c->series = s;
	c->nseries = 1;
	c->has_target = 1;
	c->target = 80;
	c->target_label = "Mục tiêu: > 80%";
	c->number = vi_number;
	c->arg = calls;
	c->estimate_label = "Ước tính";
}

static void
test_line_structure(void)
{
	struct chart		 c;
	struct chart_series	 s;
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	const char		*svg, *fig, *tab;
	int			 calls = 0;

	rate_chart(&c, &s, &calls);
	chart_line(&b, &c);
	common(b.data);
	CHECK(calls > 0);
	/* A figure: caption, svg, table, in that order. */
	fig = strstr(b.data, "<figcaption>");
	svg = strstr(b.data, "<svg ");
	tab = strstr(b.data, "<table");
	CHECK(strncmp(b.data, "<figure class=\"chart chart-line\">", 33) == 0);
	CHECK(fig != NULL && svg != NULL && tab != NULL && fig < svg &&
	    svg < tab);
	CHECK(has(b.data, "</table></div>\n</figure>\n"));
	CHECK(has(b.data, "<figcaption>Tỷ lệ hồ sơ &lt;trực tuyến&gt; &amp;"
	    " &quot;toàn trình&quot;</figcaption>"));
	/* The svg element: role, labels, viewBox, no fixed size. */
	CHECK(has(b.data, "role=\"img\" aria-labelledby=\"ty-le-dvc-title"
	    " ty-le-dvc-desc\""));
	CHECK(has(b.data, "<title id=\"ty-le-dvc-title\">Tỷ lệ hồ sơ"
	    " &lt;trực tuyến&gt; &amp; &quot;toàn trình&quot;</title>"));
	CHECK(has(b.data, "<desc id=\"ty-le-dvc-desc\">Tỷ lệ tăng từ 12,5%"));
	CHECK(has(svg, " viewBox=\"0 0 320 "));
	CHECK(has(svg, "style=\"max-width:30rem;height:auto\""));
	CHECK(has(svg, " width=\"100%\""));
	CHECK(has(svg, " preserveAspectRatio=\"xMidYMid meet\""));
	buf_put(&t, svg, (size_t)(strchr(svg, '>') - svg));
	CHECK(!has(t.data, " height=") && !has(t.data, "width=\"3"));
	/* The table: caption, column and row headers, numbers as shown. */
	CHECK(has(tab, "<caption id=\"ty-le-dvc-caption\">Tỷ lệ hồ sơ"
	    " &lt;trực tuyến&gt;"));
	/* It may scroll: a region with a name, reached by the keyboard. */
	CHECK(has(b.data, "<div class=\"table-wrap\" role=\"region\""
	    " tabindex=\"0\" aria-labelledby=\"ty-le-dvc-caption\">"));
	CHECK(has(tab, "<th scope=\"col\">Kỳ</th><th scope=\"col\">"
	    "Tỷ lệ (%)</th>"));
	CHECK(count(tab, "<th scope=\"row\">") == NPOINTS(rate));
	CHECK(has(tab, "<th scope=\"row\">2025</th><td>63,1 (ước tính)</td>"));
	CHECK(has(tab, "<th scope=\"row\">2021</th><td>12,5</td>"));
	CHECK(has(tab, "<td>\xE2\x80\x94 (chưa báo cáo)</td>"));
	/* Classes and presentation attributes together. */
	CHECK(has(b.data, "<path class=\"chart-line chart-series-1\""));
	CHECK(has(b.data, "class=\"chart-grid\""));
	CHECK(has(b.data, "class=\"chart-axis\""));
	CHECK(has(b.data, "class=\"chart-line chart-series-1\" d=\"M"));
	CHECK(has(b.data, " stroke=\"#1d4ed8\""));
	/* Data strokes of 2 units or more. */
	CHECK(attr_after(b.data, "class=\"chart-line", 0, "stroke-width") >= 2);
	CHECK(attr_after(b.data, "class=\"chart-target\"", 0,
	    "stroke-width") >= 2);
	/* No background. */
	CHECK(!has(b.data, "<rect x=\"0\" y=\"0\""));
	buf_release(&t);
	buf_release(&b);
}

static void
test_line_target_estimate(void)
{
	struct chart		 c;
	struct chart_series	 s;
	struct buf		 b = BUF_INIT;
	double			 y80, yt;

	rate_chart(&c, &s, NULL);
	chart_line(&b, &c);
	/* Target: in range, dashed, labelled in text. */
	CHECK(has_text(b.data, "class=\"chart-tick\"", "80"));
	CHECK(has(b.data, "<g class=\"chart-target\"><line"));
	CHECK(attr_after(b.data, "class=\"chart-target\"", 0,
	    "stroke-dasharray") > 0);
	CHECK(has(b.data, ">Mục tiêu: &gt; 80%</text>"));
	y80 = attr_after(b.data, "<line class=\"chart-grid\"", 4, "y1");
	yt = attr_after(b.data, "class=\"chart-target\"", 0, "y1");
	CHECK(fabs(y80 - yt) < 0.01);
	/* Estimate: a hollow marker, a dashed segment, a legend entry. */
	CHECK(count(b.data, "<g class=\"chart-marker chart-estimate\">") == 1);
	CHECK(has(b.data, "<g class=\"chart-marker chart-estimate\"><title>"
	    "2025: 63,1 (ước tính)</title><circle"));
	CHECK(has(strstr(b.data, "chart-marker chart-estimate"),
	    "fill=\"#ffffff\" stroke=\"#1d4ed8\""));
	CHECK(has(b.data, "<path class=\"chart-line chart-estimate"
	    " chart-series-1\""));
	CHECK(attr_after(b.data, "chart-line chart-estimate", 0,
	    "stroke-dasharray") > 0);
	CHECK(has(b.data, "<g class=\"chart-legend\">"));
	CHECK(has(b.data, ">Ước tính</text>"));
	/* The last value is written beside its point. */
	CHECK(has_text(b.data, "class=\"chart-value\"", "63,1"));
	CHECK(texts(b.data, "class=\"chart-value\"") == 1);
	/* Without an estimate label, no legend. */
	buf_reset(&b);
	c.estimate_label = NULL;
	chart_line(&b, &c);
	CHECK(!has(b.data, "chart-legend"));
	common(b.data);
	buf_release(&b);
}

/* A rank: place 1 at the top, the axis starting at 1, not 0. */
static void
test_line_rank(void)
{
	struct chart_point	 pts[] = { { "2022", 4, 0, 0, NULL },
				    { "2023", 3, 0, 0, NULL },
				    { "2024", 1, 0, 0, NULL } };
	struct chart_series	 s = { NULL, pts, 3 };
	struct chart		 c;
	struct buf		 b = BUF_INIT;
	double			 y4, y1;

	memset(&c, 0, sizeof(c));
	c.title = "Rank";
	c.desc = "Rank by year";
	c.series = &s;
	c.nseries = 1;
	c.invert = 1;
	chart_line(&b, &c);
	y4 = attr_after(b.data, "class=\"chart-marker\"", 0, "cy");
	y1 = attr_after(b.data, "class=\"chart-marker\"", 2, "cy");
	CHECK(isfinite(y4) && isfinite(y1) && y1 < y4);
	CHECK(!has_text(b.data, "class=\"chart-tick\"", "0"));
	CHECK(has_text(b.data, "class=\"chart-tick\"", "1"));
	common(b.data);
	/* The same values, not inverted: the first place at the bottom. */
	buf_reset(&b);
	c.invert = 0;
	chart_line(&b, &c);
	y4 = attr_after(b.data, "class=\"chart-marker\"", 0, "cy");
	y1 = attr_after(b.data, "class=\"chart-marker\"", 2, "cy");
	CHECK(y1 > y4);
	buf_release(&b);
}

/* The "d" of the first path with "mark", into "b". */
static void
path_of(const char *s, const char *mark, struct buf *b)
{
	const char	*p = strstr(s, mark), *e;

	buf_reset(b);
	if (p == NULL || (p = strstr(p, " d=\"")) == NULL)
		return;
	p += 4;
	e = strchr(p, '"');
	buf_put(b, p, (size_t)(e - p));
}

static void
test_line_gaps(void)
{
	struct chart_point	 v[] = {
		{ "T1", 10, 0, 0, NULL }, { "T2", 0, 1, 0, NULL },
		{ "T3", 30, 0, 0, NULL }, { "T4", 40, 0, 0, NULL },
		{ "T5", NAN, 0, 0, NULL }, { "T6", 20, 0, 0, NULL },
		{ "T7", 25, 0, 0, NULL },
	};
	struct chart_series	 s = { NULL, v, NPOINTS(v) };
	struct chart		 c = { .id = "gaps", .title = "Gaps",
				    .series = &s, .nseries = 1 };
	struct buf		 b = BUF_INIT, d = BUF_INIT;

	chart_line(&b, &c);
	common(b.data);
	path_of(b.data, "class=\"chart-line chart-series-1\"", &d);
	/* T3-T4 and T6-T7: two pieces, one segment each. */
	CHECK(count(d.data, "M") == 2 && count(d.data, "L") == 2);
	CHECK(count(b.data, "<g class=\"chart-marker\">") == 5);
	CHECK(count(b.data, "<th scope=\"row\">") == 7);
	CHECK(count(b.data, "<td>\xE2\x80\x94</td>") == 2);	/* — */
	CHECK(!has(b.data, "chart-estimate"));
	/* Default numbers: "%g". */
	CHECK(has_text(b.data, "class=\"chart-value\"", "25"));
	CHECK(has(b.data, "<td>40</td>"));
	/* No desc: labelled by the title only, no legend, no target. */
	CHECK(has(b.data, "aria-labelledby=\"gaps-title\""));
	CHECK(!has(b.data, "<desc") && !has(b.data, "chart-target"));
	buf_release(&d);
	buf_release(&b);
}

/* A line chart of "n" values "v" (labels "1", "2"...) into "b". */
static void
line_of(struct buf *b, const double *v, size_t n, int has_range,
    double min, double max)
{
	struct chart_point	 p[40];
	char			 labels[40][8];
	struct chart_series	 s = { NULL, p, n };
	struct chart		 c = { .id = "t", .title = "t", .series = &s,
				    .nseries = 1, .has_range = has_range,
				    .min = min, .max = max };
	size_t			 i;

	for (i = 0; i < n && i < 40; i++) {
		snprintf(labels[i], sizeof(labels[i]), "%zu", i + 1);
		p[i] = (struct chart_point){ labels[i], v[i], 0, 0, NULL };
	}
	buf_reset(b);
	chart_line(b, &c);
	common(b->data);
}

static void
test_line_ticks(void)
{
	static const double	 a[] = { 3, 63.1 }, b12[] = { 1, 12 };
	static const double	 big[] = { 120, 1000 }, tiny[] = { 0.01, 0.07 };
	static const double	 high[] = { 50, 60 }, neg[] = { -5, 3 };
	static const double	 allneg[] = { -40, -10 };
	struct buf		 b = BUF_INIT;
	const char		*t = "class=\"chart-tick\"";

	line_of(&b, a, 2, 0, 0, 0);		/* 0..80 by 20 */
	CHECK(has_text(b.data, t, "0") && has_text(b.data, t, "20"));
	CHECK(has_text(b.data, t, "80") && !has_text(b.data, t, "100"));
	CHECK(texts(b.data, t) == 5);
	line_of(&b, b12, 2, 0, 0, 0);		/* 0..12.5 by 2.5 */
	CHECK(has_text(b.data, t, "2.5") && has_text(b.data, t, "7.5"));
	CHECK(has_text(b.data, t, "12.5") && !has_text(b.data, t, "3"));
	line_of(&b, big, 2, 0, 0, 0);		/* 0..1000 by 200 */
	CHECK(has_text(b.data, t, "200") && has_text(b.data, t, "1000"));
	CHECK(texts(b.data, t) == 6);
	line_of(&b, tiny, 2, 0, 0, 0);		/* 0..0.08 by 0.02 */
	CHECK(has_text(b.data, t, "0.06") && has_text(b.data, t, "0.08"));
	line_of(&b, high, 2, 0, 0, 0);		/* 0 is always there */
	CHECK(has_text(b.data, t, "0") && has_text(b.data, t, "60"));
	line_of(&b, neg, 2, 0, 0, 0);		/* -6..4 by 2 */
	CHECK(has_text(b.data, t, "-6") && has_text(b.data, t, "4"));
	CHECK(has_text(b.data, t, "0") && !has_text(b.data, t, "-0"));
	line_of(&b, allneg, 2, 0, 0, 0);	/* -40..0 by 10 */
	CHECK(has_text(b.data, t, "-40") && has_text(b.data, t, "0"));
	line_of(&b, high, 2, 1, 0, 100);	/* fixed 0..100 */
	CHECK(has_text(b.data, t, "0") && has_text(b.data, t, "100"));
	CHECK(texts(b.data, t) == 6);
	line_of(&b, high, 2, 1, 55, 58);	/* the range grows to 50..60 */
	CHECK(has_text(b.data, t, "50") && has_text(b.data, t, "60"));
	CHECK(!has_text(b.data, t, "0"));
	buf_release(&b);
}

static void
test_line_edges(void)
{
	static const double	 one[] = { 42 }, zeros[] = { 0, 0, 0 };
	static const double	 five[] = { 5, 5 }, huge[] = { 1e300, -1e300 };
	double			 many[30];
	struct buf		 b = BUF_INIT, d = BUF_INIT;
	size_t			 i;

	line_of(&b, one, 1, 0, 0, 0);		/* one point */
	CHECK(count(b.data, "<g class=\"chart-marker\">") == 1);
	CHECK(!has(b.data, "class=\"chart-line"));	/* no segment */
	CHECK(has_text(b.data, "class=\"chart-value\"", "42"));
	CHECK(attr_after(b.data, "<circle", 0, "cx") > 0);
	line_of(&b, zeros, 3, 0, 0, 0);		/* min == max == 0 */
	CHECK(has_text(b.data, "class=\"chart-tick\"", "0"));
	line_of(&b, five, 2, 1, 5, 5);		/* fixed range, min == max */
	CHECK(has(b.data, "<circle") && texts(b.data, "chart-tick") >= 2);
	line_of(&b, huge, 2, 0, 0, 0);		/* no overflow to inf */
	CHECK(has(b.data, "<circle"));
	line_of(&b, five, 2, 1, NAN, 10);	/* a bad range is ignored */
	CHECK(has_text(b.data, "class=\"chart-tick\"", "0"));
	CHECK(!has_text(b.data, "class=\"chart-tick\"", "10"));
	/* x labels: all of 5; every other of 13, counted from the last. */
	line_of(&b, one, 1, 0, 0, 0);
	for (i = 0; i < 30; i++)
		many[i] = (double)i;
	line_of(&b, many, 5, 0, 0, 0);
	CHECK(texts(b.data, "class=\"chart-label\"") == 5);
	line_of(&b, many, 13, 0, 0, 0);
	CHECK(texts(b.data, "class=\"chart-label\"") == 7);
	CHECK(has_text(b.data, "class=\"chart-label\"", "13"));
	CHECK(has_text(b.data, "class=\"chart-label\"", "1"));
	CHECK(!has_text(b.data, "class=\"chart-label\"", "12"));
	line_of(&b, many, 30, 0, 0, 0);
	CHECK(texts(b.data, "class=\"chart-label\"") <= 15);
	CHECK(has_text(b.data, "class=\"chart-label\"", "30"));
	path_of(b.data, "chart-series-1", &d);
	CHECK(count(d.data, "L") == 29);
	buf_release(&d);
	buf_release(&b);
}

static void
test_line_no_data(void)
{
	struct chart_point	 v[] = {
		{ "2023", 0, 1, 0, NULL }, { "2024", NAN, 0, 0, "n/a" },
	};
	struct chart_series	 s = { NULL, v, NPOINTS(v) };
	struct chart		 c = { .id = "empty", .title = "Trống",
				    .x_title = "Kỳ", .y_title = "Giá trị",
				    .series = &s, .nseries = 1,
				    .no_data = "Chưa có số liệu" };
	struct buf		 b = BUF_INIT;

	chart_line(&b, &c);
	common(b.data);
	CHECK(has(b.data, ">Chưa có số liệu</text>"));
	CHECK(has(b.data, "role=\"img\"") && has(b.data, "viewBox="));
	CHECK(!has(b.data, "chart-line ") && !has(b.data, "chart-marker"));
	CHECK(count(b.data, "<th scope=\"row\">") == 2);
	CHECK(has(b.data, "<td>\xE2\x80\x94 (n/a)</td>"));
	/* No series at all, no words: no text of planpress's own. */
	buf_reset(&b);
	c.series = NULL;
	c.nseries = 0;
	c.no_data = NULL;
	chart_line(&b, &c);
	common(b.data);
	CHECK(!has(b.data, "chart-no-data") && !has(b.data, "No data"));
	CHECK(has(b.data, "<title id=\"empty-title\">Trống</title>\n</svg>"));
	CHECK(has(b.data, "<tbody>\n</tbody>"));
	/* Empty series; empty words are no words. */
	buf_reset(&b);
	s.n = 0;
	c.series = &s;
	c.nseries = 1;
	c.no_data = "";
	chart_bars(&b, &c);
	common(b.data);
	CHECK(!has(b.data, "chart-no-data") && has(b.data, "role=\"img\""));
	c.no_data = "Chưa có số liệu";
	buf_reset(&b);
	chart_bars(&b, &c);
	CHECK(has(b.data, ">Chưa có số liệu</text>"));
	buf_release(&b);
}

static void
test_line_series(void)
{
	static const struct chart_point	 a[] = {
		{ "2022", 20, 0, 0, NULL }, { "2023", 35, 0, 0, NULL },
		{ "2024", 50, 0, 0, NULL },
	};
	static const struct chart_point	 b2[] = {
		{ "2022", 22, 0, 0, NULL }, { "2023", 36, 0, 0, NULL },
		{ "2024", 51, 0, 1, "ước tính" },
	};
	static const struct chart_point	 c3[] = {
		{ "2022", 10, 0, 0, NULL }, { "2023", 12, 0, 0, NULL },
	};
	struct chart_series	 s[] = {
		{ "Hà Nội", a, 3 }, { "Đà Nẵng <&>", b2, 3 }, { "Huế", c3, 2 },
	};
	struct chart		 c = { .id = "ba-tinh", .title = "Ba tỉnh",
				    .series = s, .nseries = 3,
				    .number = vi_number };
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	double			 y0, y1, y2, x0, x1, right;

	chart_line(&b, &c);
	common(b.data);
	/* Shapes and dashes differ, colours too. */
	CHECK(count(b.data, "<circle") == 3);
	CHECK(count(b.data, "<rect") == 3);
	CHECK(has(b.data, "chart-series-2\" d=\"M"));
	CHECK(attr_after(b.data, "chart-series-2\" d=", 0,
	    "stroke-dasharray") == 12);
	CHECK(attr_after(b.data, "chart-series-3\" d=", 0,
	    "stroke-dasharray") == 3);
	CHECK(has(b.data, " stroke=\"#a14400\"") &&
	    has(b.data, " stroke=\"#00703c\""));
	/* Named at their ends, with their last values: no legend. */
	CHECK(!has(b.data, "chart-legend"));
	CHECK(texts(b.data, "class=\"chart-value\"") == 3);
	CHECK(whole_text(b.data, "class=\"chart-value\"", 0, &t));
	CHECK_STR(t.data, "Đà Nẵng &lt;&amp;&gt; 51");
	CHECK(whole_text(b.data, "class=\"chart-value\"", 1, &t));
	CHECK_STR(t.data, "Hà Nội 50");
	CHECK(whole_text(b.data, "class=\"chart-value\"", 2, &t));
	CHECK_STR(t.data, "Huế 12");
	CHECK(has(b.data, "Hà Nội <tspan font-weight=\"bold\">50</tspan>"));
	/* In one column right of the plot, a line apart, each tied to its point. */
	x0 = attr_after(b.data, "class=\"chart-value\"", 0, "x");
	x1 = attr_after(b.data, "class=\"chart-value\"", 2, "x");
	right = attr_after(b.data, "class=\"chart-grid\"", 0, "x2");
	CHECK(x0 == x1 && x0 > right);
	y0 = attr_after(b.data, "class=\"chart-value\"", 0, "y");
	y1 = attr_after(b.data, "class=\"chart-value\"", 1, "y");
	y2 = attr_after(b.data, "class=\"chart-value\"", 2, "y");
	CHECK(y1 - y0 >= 13 && y2 - y1 >= 13);
	CHECK(count(b.data, "<line class=\"chart-leader\"") == 3);
	CHECK(attr_after(b.data, "class=\"chart-leader\"", 0, "x2") < x0);
	/* Table: a column per series; the short one ends in a dash. */
	CHECK(has(b.data, "<th scope=\"col\">Đà Nẵng &lt;&amp;&gt;</th>"));
	CHECK(has(b.data, "<th scope=\"row\">2024</th><td>50</td>"
	    "<td>51 (ước tính)</td><td>\xE2\x80\x94</td>"));
	/* Names too long for the side: a legend names them, values stay. */
	s[0].name = "Thành phố Hà Nội, thủ đô của nước Cộng hòa";
	buf_reset(&b);
	chart_line(&b, &c);
	common(b.data);
	CHECK(texts(b.data, "class=\"chart-legend\"") == 3);
	CHECK(has(b.data, ">Thành phố Hà Nội, thủ đô của nước Cộng hòa</text>"));
	CHECK(!has(b.data, "chart-leader"));
	CHECK(has_text(b.data, "class=\"chart-value\"", "50") &&
	    has_text(b.data, "class=\"chart-value\"", "51"));
	/* A series without a name: a legend too. */
	s[0].name = NULL;
	buf_reset(&b);
	chart_line(&b, &c);
	CHECK(!has(b.data, "chart-leader") && has(b.data, "chart-legend"));
	/* Many series: the labels stay apart and inside the chart. */
	{
		struct chart_series	 many[12];
		double			 h, y, prev = -100;
		size_t			 i;

		for (i = 0; i < 12; i++)
			many[i] = (struct chart_series){ "Huyện", c3, 2 };
		c.series = many;
		c.nseries = 12;
		buf_reset(&b);
		chart_line(&b, &c);
		common(b.data);
		h = strtod(strstr(b.data, "viewBox=\"0 0 320 ") + 17, NULL);
		for (i = 0; i < 12; i++) {
			y = attr_after(b.data, "class=\"chart-value\"", i, "y");
			CHECK(y - prev >= 13 && y < h);
			prev = y;
		}
	}
	buf_release(&t);
	buf_release(&b);
}

/* Padded decimals: every value, and every tick, with as many as the most. */
static void
test_decimals(void)
{
	static const struct chart_point	 v[] = {
		{ "2022", 1, 0, 0, NULL }, { "2023", 12.5, 0, 0, NULL },
		{ "2024", 7, 0, 0, NULL },
	};
	struct chart_series	 s = { NULL, v, 3 };
	struct chart		 c = { .id = "d", .title = "d", .series = &s,
				    .nseries = 1, .number = vi_number,
				    .decimal_mark = "," };
	struct buf		 b = BUF_INIT;
	const char		*t = "class=\"chart-tick\"";

	chart_line(&b, &c);
	common(b.data);
	CHECK(has(b.data, "<td>1,0</td>") && has(b.data, "<td>12,5</td>"));
	CHECK(has(b.data, "<td>7,0</td>"));
	CHECK(has(b.data, "<title>2022: 1,0</title>"));
	CHECK(has_text(b.data, "class=\"chart-value\"", "7,0"));
	/* Ticks 0..12.5 by 2.5: "0,0", "2,5", "5,0"... */
	CHECK(has_text(b.data, t, "0,0") && has_text(b.data, t, "2,5"));
	CHECK(has_text(b.data, t, "5,0") && !has_text(b.data, t, "5"));
	buf_reset(&b);
	chart_bars(&b, &c);
	common(b.data);
	CHECK(has_text(b.data, "class=\"chart-value\"", "1,0") &&
	    has_text(b.data, "class=\"chart-value\"", "12,5"));
	/* Whole numbers stay whole; without a mark nothing is padded. */
	{
		static const struct chart_point	 w[] = {
			{ "a", 3, 0, 0, NULL }, { "b", 40, 0, 0, NULL },
		};
		struct chart_series	 ws = { NULL, w, 2 };

		c.series = &ws;
		buf_reset(&b);
		chart_bars(&b, &c);
		CHECK(has(b.data, "<td>3</td>") && has(b.data, "<td>40</td>"));
		c.series = &s;
	}
	c.decimal_mark = NULL;
	buf_reset(&b);
	chart_line(&b, &c);
	CHECK(has(b.data, "<td>1</td>") && has(b.data, "<td>12,5</td>"));
	buf_release(&b);
}

/* ----------------------------------------------------------- bar chart */

#define LONG_VI	"Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"
#define E3	"\xE1\xBA\xBF"		/* ế, 3 bytes */
#define NFD	"e\xCC\x82\xCC\x81"	/* ế as e + U+0302 + U+0301 */

static void
test_bars(void)
{
	struct chart_point	 v[] = {
		{ "Huyện A<&\">", 72.5, 0, 0, NULL },
		{ LONG_VI, 64, 0, 1, "toàn tỉnh" },
		{ "Huyện C", 0, 1, 0, NULL },
		{ "Thị xã D", -12, 0, 0, NULL },
	};
	struct chart_series	 s = { NULL, v, NPOINTS(v) };
	struct chart		 c = { .id = "xep-hang", .title = "Xếp hạng",
				    .desc = "Huyện A dẫn đầu.",
				    .x_title = "Đơn vị", .y_title = "Tỷ lệ (%)",
				    .series = &s, .nseries = 1,
				    .has_target = 1, .target = 80,
				    .target_label = "Mục tiêu: 80%",
				    .number = vi_number,
				    .table_summary = "Bảng số liệu" };
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	const char		*a, *l, *cc, *d;
	double			 ax, x, w;

	chart_bars(&b, &c);
	common(b.data);
	CHECK(has(b.data, "<figure class=\"chart chart-bars\">"));
	CHECK(has(b.data, "aria-labelledby=\"xep-hang-title xep-hang-desc\""));
	/* A row per point, in the order given; a bar per value. */
	CHECK(count(b.data, "<g class=\"chart-row") == 4);
	CHECK(count(b.data, "<rect class=\"chart-bar") == 3);
	a = strstr(b.data, ">Huyện A&lt;&amp;&quot;&gt;</tspan></text>");
	l = strstr(b.data, "<g class=\"chart-row chart-row-mark\">");
	cc = strstr(b.data, ">Huyện C</tspan></text>");
	d = strstr(b.data, ">Thị xã D</tspan></text>");
	CHECK(a != NULL && l != NULL && cc != NULL && d != NULL && a < l &&
	    l < cc && cc < d);
	if (a == NULL || l == NULL || cc == NULL || d == NULL)
		return;
	/* Each label above its bar, from the left edge. */
	CHECK(attr_after(b.data, "<tspan", 0, "x") == 0);
	CHECK(attr_after(b.data, "<tspan", 0, "y") <
	    attr_after(b.data, "<rect class=\"chart-bar\"", 0, "y"));
	/* The long label: whole in the SVG, its title and the table. */
	CHECK(whole_text(b.data, "class=\"chart-label\"", 1, &t));
	CHECK_STR(t.data, LONG_VI);
	CHECK(!has(b.data, "\xE2\x80\xA6"));
	CHECK(has(b.data, "<title>" LONG_VI ": 64 (toàn tỉnh)</title>"));
	CHECK(has(b.data, "<th scope=\"row\"><strong>" LONG_VI
	    "</strong></th><td>64 (toàn tỉnh)</td>"));
	/* Highlighted: hatched, bold label, a class. */
	CHECK(has(b.data, "<pattern id=\"xep-hang-hatch\""));
	CHECK(has(b.data, "class=\"chart-bar chart-bar-mark\""
	    " fill=\"url(#xep-hang-hatch)\""));
	CHECK(has(l, "<text class=\"chart-label\" font-weight=\"bold\">"));
	CHECK(count(b.data, "font-weight=\"bold\"") >= 2);
	/* Missing: no bar, a dash. */
	CHECK(has(cc, "fill=\"#4b5563\">\xE2\x80\x94</text></g>"));
	/* Bars start at the zero line; the negative one ends there. */
	ax = attr_after(b.data, "<line class=\"chart-axis\"", 0, "x1");
	CHECK(fabs(attr_after(b.data, "<rect class=\"chart-bar\"", 0, "x") -
	    ax) < 0.01);
	x = attr_after(b.data, "<rect class=\"chart-bar\"", 1, "x");
	w = attr_after(b.data, "<rect class=\"chart-bar\"", 1, "width");
	CHECK(x < ax && fabs(x + w - ax) < 0.02);
	CHECK(has_text(b.data, "class=\"chart-value\"", "-12"));
	CHECK(has_text(b.data, "class=\"chart-value\"", "72,5"));
	/* The target: vertical, dashed, labelled. */
	CHECK(attr_after(b.data, "<g class=\"chart-target\"", 0, "x1") ==
	    attr_after(b.data, "<g class=\"chart-target\"", 0, "x2"));
	CHECK(attr_after(b.data, "<g class=\"chart-target\"", 0,
	    "stroke-dasharray") > 0);
	CHECK(has(b.data, ">Mục tiêu: 80%</text>"));
	/* The table, folded. */
	CHECK(has(b.data, "<details class=\"chart-data\"><summary>Bảng số liệu"
	    "</summary>"));
	CHECK(has(b.data, "</table></div>\n</details>\n</figure>\n"));
	CHECK(has(b.data, "<th scope=\"col\">Đơn vị</th><th scope=\"col\">"
	    "Tỷ lệ (%)</th>"));
	buf_release(&t);
	buf_release(&b);
}

/*
 * The lines of bar label "label" in the SVG, each ended by '\n', into
 * "t"; returns how many.
 */
static size_t
bar_label(const char *label, struct buf *t)
{
	struct chart_point	 v[] = { { label, 1, 0, 0, NULL } };
	struct chart_series	 s = { NULL, v, 1 };
	struct chart		 c = { .id = "l", .title = "l", .series = &s,
				    .nseries = 1 };
	struct buf		 b = BUF_INIT, line = BUF_INIT;
	size_t			 n;

	chart_bars(&b, &c);
	common(b.data);
	CHECK(has(b.data, "<th scope=\"row\">"));
	buf_reset(t);
	for (n = 0; text_of(b.data, "<tspan", n, &line); n++) {
		buf_put(t, line.data, line.len);
		buf_putc(t, '\n');
	}
	buf_release(&line);
	buf_release(&b);
	return n;
}

/* The most code points of a line of "t" (lines end with '\n'). */
static size_t
widest(const char *t)
{
	size_t	 most = 0, n = 0;

	for (; *t != '\0'; t++) {
		if (*t == '\n') {
			most = n > most ? n : most;
			n = 0;
		} else if ((*t & 0xC0) != 0x80)
			n++;
	}
	return most;
}

static void
test_bar_labels(void)
{
	struct buf	 t = BUF_INIT, in = BUF_INIT;
	size_t		 i, n;

	CHECK(bar_label("Ngắn", &t) == 1);
	CHECK_STR(t.data, "Ngắn\n");
	/* Long: broken at spaces, every word kept, no line too wide. */
	n = bar_label(LONG_VI " và các huyện, thị xã, thành phố", &t);
	CHECK(n == 2 && widest(t.data) <= 43);
	CHECK_STR(t.data, "Sở Thông tin và Truyền thông tỉnh Thừa\n"
	    "Thiên Huế và các huyện, thị xã, thành phố\n");
	/* Spaces in a row, at the ends: one between words, none kept. */
	bar_label("  Ủy ban   nhân dân  ", &t);
	CHECK_STR(t.data, "Ủy ban nhân dân\n");
	/* Escaped, whole. */
	bar_label("Quảng&Ninh <xa>", &t);
	CHECK_STR(t.data, "Quảng&amp;Ninh &lt;xa&gt;\n");
	/* A word longer than a line: broken between whole letters. */
	for (i = 0; i < 50; i++)
		buf_puts(&in, E3);
	n = bar_label(in.data, &t);
	CHECK(n == 2 && widest(t.data) == 43);
	CHECK(text_utf8_valid(t.data, t.len, NULL));
	CHECK(t.len == 50 * 3 + 2);
	/* Decomposed letters stay whole: no line starts with a mark. */
	buf_reset(&in);
	for (i = 0; i < 30; i++)
		buf_puts(&in, NFD);
	n = bar_label(in.data, &t);
	CHECK(n >= 2 && text_utf8_valid(t.data, t.len, NULL));
	CHECK(strstr(t.data, "\n\xCC") == NULL && t.data[0] == 'e');
	CHECK(t.len == 30 * 5 + n);
	/* No label: no text, the bar still drawn. */
	CHECK(bar_label("", &t) == 0);
	buf_release(&in);
	buf_release(&t);
}

static void
test_bars_edges(void)
{
	struct chart_point	 v[] = {
		{ "A", 0, 0, 0, NULL }, { "B", 0, 0, 0, NULL },
	};
	struct chart_series	 s = { "Tên", v, 2 };
	struct chart		 c = { .id = "z", .title = "z", .series = &s,
				    .nseries = 1 };
	struct buf		 b = BUF_INIT;

	chart_bars(&b, &c);			/* all zero */
	common(b.data);
	CHECK(count(b.data, "<rect class=\"chart-bar\"") == 2);
	CHECK(attr_after(b.data, "<rect class=\"chart-bar\"", 0, "width") == 0);
	CHECK(has(b.data, "<th scope=\"col\">Tên</th>"));
	v[0].missing = v[1].missing = 1;	/* no value */
	buf_reset(&b);
	chart_bars(&b, &c);
	common(b.data);
	CHECK(!has(b.data, "chart-no-data") && !has(b.data, "<rect"));
	CHECK(count(b.data, "<th scope=\"row\">") == 2);
	buf_release(&b);
}

/* -------------------------------------------------------- progress bar */

static void
test_progress(void)
{
	struct buf	 b = BUF_INIT;

	chart_progress(&b, 63.1, 100, 1, 60, "63,1% / mục tiêu > 60% <&>");
	common(b.data);
	CHECK(strncmp(b.data, "<svg ", 5) == 0 && has(b.data, "role=\"img\""));
	CHECK(has(b.data, "aria-label=\"63,1% / mục tiêu &gt; 60% &lt;&amp;&gt;\""));
	CHECK(has(b.data, " width=\"100%\"") && has(b.data, "viewBox=\"0 0 "));
	CHECK(attr_after(b.data, "chart-progress-value", 0, "width") == 126.2);
	CHECK(attr_after(b.data, "class=\"chart-target\"", 0, "x1") == 121);
	buf_reset(&b);
	chart_progress(&b, 150, 100, 0, 0, "150%");	/* clamped, no tick */
	common(b.data);
	CHECK(attr_after(b.data, "chart-progress-value", 0, "width") == 200);
	CHECK(!has(b.data, "chart-target"));
	buf_reset(&b);
	chart_progress(&b, 5, 0, 1, 3, "?");		/* max 0 */
	common(b.data);
	CHECK(attr_after(b.data, "chart-progress-value", 0, "width") == 0);
	buf_reset(&b);
	chart_progress(&b, NAN, 100, 1, -5, "");	/* not a number */
	common(b.data);
	CHECK(attr_after(b.data, "chart-progress-value", 0, "width") == 0);
	CHECK(attr_after(b.data, "class=\"chart-target\"", 0, "x1") == 1);
	buf_release(&b);
}

/* ------------------------------------------------------- determinism */

/* Every chart of the suite's data into "b". */
static void
all_charts(struct buf *b)
{
	struct chart		 c;
	struct chart_series	 s;

	rate_chart(&c, &s, NULL);
	chart_line(b, &c);
	chart_bars(b, &c);
	chart_progress(b, 41.5, 100, 1, 80, "41,5%");
}

static void
test_deterministic(void)
{
	static const char *const locales[] = {
		"de_DE.UTF-8", "fr_FR.UTF-8", "vi_VN.UTF-8", "ru_RU.UTF-8"
	};
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	size_t		 i;
	int		 tried = 0;

	all_charts(&a);
	all_charts(&b);
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	common(a.data);
	/* A decimal comma in the locale changes no coordinate. */
	for (i = 0; i < sizeof(locales) / sizeof(locales[0]) && !tried; i++) {
		if (setlocale(LC_NUMERIC, locales[i]) == NULL)
			continue;
		tried = 1;
		buf_reset(&b);
		all_charts(&b);
		setlocale(LC_NUMERIC, "C");
		CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	}
	if (!tried)
		CHECK_SKIP("no locale with a decimal comma installed");
	buf_release(&a);
	buf_release(&b);
}

int
main(void)
{
	test_inks();
	test_models();
	test_line_structure();
	test_line_target_estimate();
	test_line_rank();
	test_line_gaps();
	test_line_ticks();
	test_line_edges();
	test_line_no_data();
	test_line_series();
	test_decimals();
	test_bars();
	test_bar_labels();
	test_bars_edges();
	test_progress();
	test_deterministic();
	printf("RESULT: %d %d %d chart\n", check_passed, check_failed,
	    check_skipped);
	return check_failed ? 1 : 0;
}
