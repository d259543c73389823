/*
 * Unit tests for view.c, on sites written to a temporary folder and
 * loaded the way site.c loads them (scratch.h): no model when no
 * dataset declares views, every mistake in a declaration at its place
 * in the dataset's YAML, every unknown DATASET/VIEW in front matter at
 * its place, the rows kept by the sink (and handed on), and the HTML
 * of bar, line and table views: order, filters, limits, decimals and
 * numbers as each language writes them.
 */
#include "view.h"

#include <jansson.h>

#include "buf.h"
#include "check.h"
#include "embed.h"
#include "mustache.h"
#include "scratch.h"

static json_t	*vi, *en;

/* What partials/views.mustache puts in its <div class="chart-wrap">. */
static const char *const wrap = "{{#chart}}{{>chart}}{{/chart}}"
    "{{#table}}{{>view-table}}{{/table}}";

/* The default theme's partials "chart" and "view-table", parsed once. */
static struct mustache	*partials[2];

static const struct mustache *
partial(void *arg, const char *name)
{
	static const char *const names[2] = { "chart", "view-table" };
	const struct embed_file	*f;
	char			 path[64];
	size_t			 i;

	(void)arg;
	for (i = 0; i < 2 && strcmp(names[i], name) != 0; i++)
		continue;
	if (i == 2)
		return NULL;
	if (partials[i] == NULL) {
		snprintf(path, sizeof(path), "partials/%s.mustache", name);
		if ((f = embed_find(path)) != NULL)
			partials[i] = mustache_parse(NULL, path,
			    (const char *)f->data, f->len);
	}
	return partials[i];
}

/* The schema of datasets/scores.yaml, before its views. */
static const char *const scores_yaml =
    "title: Scores\n"
    "description: D\n"
    "sample: true\n"
    "publisher: {name: Sample author}\n"
    "schema:\n"
    "  fields:\n"
    "    - {name: unit}\n"
    "    - {name: name, title: Unit}\n"
    "    - {name: level}\n"
    "    - {name: score, type: number, decimalChar: \",\", groupChar: \".\","
    " title: Score}\n"
    "    - {name: rank, type: integer}\n"
    "    - {name: year, type: integer}\n"
    "    - {name: sample, type: boolean}\n"
    "  missingValues: [\"\"]\n";

/*
 * A site with one dataset, scores, whose views are "views" (YAML from
 * "views:" on, or "" for none), and a home page showing "refs".
 */
static void
site(const char *views, const char *refs)
{
	char	 s[8192];

	scratch_put("site.yaml", "title: \"Views\"\n");
	snprintf(s, sizeof(s), "---\ntitle: Home\n%s---\n", refs);
	scratch_put("content/_index.md", s);
	scratch_put("datasets/scores.csv",
	    "unit,name,level,score,rank,year,sample\n"
	    "north,North District,district,\"0,71\",2,2023,true\n"
	    "south,South District,district,\"0,64\",3,2023,true\n"
	    "east,East District,district,,4,2023,true\n"
	    "west,West & Co,district,\"0,93\",1,2023,true\n"
	    "ict,Department of ICT,dept,\"0,805\",1,2023,true\n"
	    "fin,Department of Finance,dept,\"1.234,56\",2,2023,true\n"
	    "north,North District,district,\"0,60\",3,2022,true\n"
	    "ict,Department of ICT,dept,\"0,70\",1,2022,true\n");
	snprintf(s, sizeof(s), "%s%s", scores_yaml, views);
	scratch_put("datasets/scores.yaml", s);
}

/* The first element of "a" with "key" == "value", or NULL. */
static const json_t *
find(const json_t *a, const char *key, const char *value)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(a, i, e)
		if (json_string_value(json_object_get(e, key)) &&
		    strcmp(json_string_value(json_object_get(e, key)), value) ==
		    0)
			return e;
	return NULL;
}

/* The HTML of the view model "v" as the default theme shows it. */
static json_t *
view_html(json_t *v)
{
	struct mustache	*t = mustache_parse(NULL, "wrap", wrap, strlen(wrap));
	struct buf	 b = BUF_INIT;
	json_t		*s;

	CHECK(t != NULL && v != NULL);
	if (t != NULL && v != NULL)
		CHECK(mustache_render(t, v, partial, NULL, NULL, &b));
	s = json_stringn(b.data, b.len);
	mustache_free(t);
	buf_release(&b);
	return s;
}

/* The HTML of view "ref" in "strings", or "" (the reference is kept in
 * "keep", to json_decref()). */
static const char *
html(const struct views *w, const char *ref, const json_t *strings,
    json_t **keep)
{
	json_t		*a = views_render(w, NULL, ref, strings);

	*keep = view_html(json_array_get(a, 0));
	json_decref(a);
	return json_string_value(*keep);
}

/* Whether "a" comes before "b" in "s", both present. */
static int
before(const char *s, const char *a, const char *b)
{
	const char	*p = strstr(s, a), *q = strstr(s, b);

	return p != NULL && q != NULL && p < q;
}

static size_t
count(const char *s, const char *part)
{
	size_t	 n = 0;

	for (; (s = strstr(s, part)) != NULL; s += strlen(part))
		n++;
	return n;
}

/* The y of the marker titled "title" in "h", or -1. */
static double
marker_y(const char *h, const char *title)
{
	char		 t[64];
	const char	*p;

	snprintf(t, sizeof(t), "<title>%s</title>", title);
	if ((p = strstr(h, t)) == NULL || (p = strstr(p, " cy=\"")) == NULL)
		return -1;
	return strtod(p + 5, NULL);
}

/* No dataset declares views: no model, and every reference unknown. */
static void
test_none(void)
{
	struct scratch	 m;
	json_t		*keep;

	scratch_setup("view");
	site("", "");
	scratch_load(&m);
	CHECK(m.views == NULL && m.views_linked == 1 && m.errors == 0);
	CHECK(scratch_said(&m, ""));
	scratch_free(&m);

	site("", "views: [scores/ranking, dti]\n");
	scratch_load(&m);
	CHECK(m.views == NULL && m.views_linked == 0);
	CHECK(scratch_said(&m,
	    "content/_index.md:3:9: error: unknown view 'scores/ranking': "
	    "views are named DATASET/VIEW\n"
	    "content/_index.md:3:25: error: unknown view 'dti': views are "
	    "named DATASET/VIEW\n"));
	scratch_free(&m);

	/* views_link() with no model, straight. */
	m.d = diag_new();
	m.root = section_load(m.d, "content", "content", 0, 1, NULL);
	CHECK(views_link(NULL, m.d, m.root) == 0 && diag_errors(m.d) == 2);
	keep = views_render(NULL, "scores", NULL, vi);
	CHECK(json_is_array(keep) && json_array_size(keep) == 0);
	json_decref(keep);
	section_free(m.root);
	diag_free(m.d);
	views_free(NULL);
	scratch_teardown();
}

/* Every mistake in the declarations, at its place in the YAML. */
static void
test_mistakes(void)
{
	struct scratch	 m;
	json_t		*a;

	scratch_setup("view");
	site("views:\n"
	    "  - id: ok\n"				/* 16 */
	    "    type: bar\n"
	    "    x: name\n"
	    "    y: score\n"
	    "  - id: pie\n"				/* 20 */
	    "    type: pie\n"
	    "  - id: fields\n"				/* 22 */
	    "    type: bar\n"
	    "    x: nmae\n"
	    "    y: name\n"
	    "    colour: red\n"
	    "  - id: need\n"				/* 27 */
	    "    type: line\n"
	    "  - id: sorts\n"				/* 29 */
	    "    columns: [name, scroe]\n"
	    "    sort: -rnak\n"
	    "    filter: {levle: district, year: [2023], rank: 1}\n"
	    "    decimals: 11\n"
	    "    limit: 0\n"
	    "  - id: \"Bad Id\"\n"			/* 35 */
	    "  - title: No id\n"			/* 36 */
	    "  - just text\n"				/* 37 */
	    "  - id: nocolumns\n"			/* 38 */
	    "  - id: filter\n"				/* 39 */
	    "    columns: [name]\n"
	    "    filter: district\n"
	    "    rank: maybe\n"
	    "  - id: ok\n"				/* 43 */
	    "    columns: [name]\n"
	    "  - id: listed\n"				/* 45 */
	    "    type: [bar]\n"
	    "    limit: 0\n",
	    "views: [scores/ok, scores/pie, scores/oj, scores/Bad Id]\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 0);
	CHECK(scratch_said(&m,
	    "content/_index.md:3:32: error: unknown view 'scores/oj': views "
	    "are named DATASET/VIEW; did you mean 'scores/ok'?\n"
	    "datasets/scores.yaml:18:8: error: view 'ok' would draw two "
	    "values at Unit 'North District' (lines 2 and 8 of "
	    "datasets/scores.csv) and show only one: add a filter or a series "
	    "so that each point comes from one row\n"
	    "datasets/scores.yaml:21:11: error: view type 'pie' must be bar, "
	    "line or table\n"
	    "datasets/scores.yaml:24:8: error: view field 'nmae' is not a "
	    "field of the schema\n"
	    "datasets/scores.yaml:25:8: error: view field 'name' must be a "
	    "number or integer field, not string\n"
	    "datasets/scores.yaml:26:5: warning: unknown key 'colour' in "
	    "view\n"
	    "datasets/scores.yaml:27:9: error: a line view needs 'x'\n"
	    "datasets/scores.yaml:27:9: error: a line view needs 'y'\n"
	    "datasets/scores.yaml:30:21: error: view column 'scroe' is not a "
	    "field of the schema\n"
	    "datasets/scores.yaml:31:11: error: view field 'rnak' is not a "
	    "field of the schema\n"
	    "datasets/scores.yaml:32:14: error: view filter field 'levle' is "
	    "not a field of the schema\n"
	    "datasets/scores.yaml:32:37: error: a filter value must be text or "
	    "a whole number\n"
	    "datasets/scores.yaml:33:15: error: decimals must be from 0 to "
	    "10\n"
	    "datasets/scores.yaml:34:12: error: limit must be a positive whole "
	    "number\n"
	    "datasets/scores.yaml:35:9: error: a view needs an 'id' of "
	    "lower-case letters, digits and '-'\n"
	    "datasets/scores.yaml:36:5: error: a view needs an 'id' of "
	    "lower-case letters, digits and '-'\n"
	    "datasets/scores.yaml:37:5: error: each view must be a mapping\n"
	    "datasets/scores.yaml:38:5: error: a table view needs 'columns'\n"
	    "datasets/scores.yaml:41:13: error: a view's filter must map "
	    "fields to values\n"
	    "datasets/scores.yaml:42:11: error: key 'rank' must be true or "
	    "false, not 'maybe'\n"
	    "datasets/scores.yaml:43:9: error: duplicate view 'ok'\n"
	    "datasets/scores.yaml:46:11: error: a table view needs 'columns'\n"
	    "datasets/scores.yaml:46:11: error: key 'type' must be a string, "
	    "not a list\n"
	    "datasets/scores.yaml:47:12: error: limit must be a positive whole "
	    "number\n"));
	/* The first "ok" is kept; the broken ones render as nothing. */
	a = views_render(m.views, NULL, "scores/ok", vi);
	CHECK(json_array_size(a) == 1);
	json_decref(a);
	a = views_render(m.views, NULL, "scores/pie", vi);
	CHECK(json_array_size(a) == 0);
	json_decref(a);
	scratch_free(&m);

	/* "views" that is no list; a dataset whose metadata is broken. */
	site("views: {id: ok}\n", "views: [scores/ok]\n");
	scratch_put("datasets/other.csv", "a\n1\n");
	scratch_put("datasets/other.yaml", "title: [Other]\ndescription: D\n"
	    "schema:\n  fields:\n    - {name: a}\nviews: []\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 0);
	CHECK(scratch_said(&m,
	    "datasets/other.yaml:1:1: error: dataset has no 'title'\n"
	    "datasets/other.yaml:1:8: error: key 'title' must be a string, "
	    "not a list\n"
	    "datasets/scores.yaml:15:8: error: views must be a list of "
	    "views\n"));
	scratch_free(&m);
	scratch_teardown();
}

/*
 * A chart shows one value a point: two rows on one point are an error at
 * the view, naming both; filtered or with a series, each point is one
 * row and all is well.
 */
static void
test_points_once(void)
{
	struct scratch	 m;

	scratch_setup("view");
	site("views:\n"
	    "  - id: trend\n    type: line\n    x: year\n    y: score\n"
	    "    series: level\n"				/* 17 */
	    "  - id: units\n    type: line\n    x: year\n    y: score\n"
	    "    series: unit\n"
	    "  - id: bars\n    type: bar\n    x: name\n    y: score\n"
	    "    filter: {year: 2022}\n    lmit: 3\n",
	    "views: [scores/units]\n");
	scratch_load(&m);
	CHECK(m.scanned == 0);
	CHECK(scratch_said(&m,
	    "datasets/scores.yaml:18:8: error: view 'trend' would draw two "
	    "values at year '2023' of series 'district' (lines 2 and 3 of "
	    "datasets/scores.csv) and show only one: add a filter or a series "
	    "so that each point comes from one row\n"
	    "datasets/scores.yaml:31:5: warning: unknown key 'lmit' in view; "
	    "did you mean 'limit'?\n"));
	scratch_free(&m);
	scratch_teardown();
}

/* Front matter naming views: at its place, a string or a list. */
static void
test_link(void)
{
	struct scratch	 m;
	static const char *const views =
	    "views:\n"
	    "  - id: ranking\n    type: bar\n    x: name\n    y: score\n"
	    "    filter: {year: 2023}\n"
	    "  - id: table\n    columns: [name, score]\n";

	scratch_setup("view");
	site(views, "views: scores/table\n");
	scratch_put("content/news/a.md", "---\ntitle: A\n"
	    "views: [scores/rankng, dti/thu-hang, scores/table]\n---\n");
	scratch_put("content/news/b.md", "---\ntitle: B\nviews: 5\n---\n");
	scratch_put("content/news/c.md", "---\ntitle: C\n"
	    "views: [scores/tabel]\n---\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 0 && m.scanned == 1);
	CHECK(scratch_said(&m,
	    "content/news/a.md:3:9: error: unknown view 'scores/rankng': "
	    "views are named DATASET/VIEW; did you mean 'scores/ranking'?\n"
	    "content/news/a.md:3:24: error: unknown view 'dti/thu-hang': "
	    "views are named DATASET/VIEW\n"
	    "content/news/b.md:3:8: error: key 'views' must be a list of "
	    "strings, not '5'\n"
	    "content/news/c.md:3:9: error: unknown view 'scores/tabel': views "
	    "are named DATASET/VIEW; did you mean 'scores/table'?\n"));
	scratch_free(&m);
	scratch_teardown();
}

/* A bar chart of the districts of 2023, best first. */
static void
test_bars(const struct views *w)
{
	json_t		*keep, *a;
	const char	*h;

	a = views_render(w, NULL, "scores/ranking", vi);
	CHECK(json_array_size(a) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(a, 0),
	    "id")), "ranking");
	CHECK_STR(json_string_value(json_object_get(json_array_get(a, 0),
	    "dataset")), "scores");
	CHECK_STR(json_string_value(json_object_get(json_array_get(a, 0),
	    "title")), "Districts by score");
	CHECK_STR(json_string_value(json_object_get(json_array_get(a, 0),
	    "description")), "Highest first.");
	CHECK(json_is_true(json_object_get(json_array_get(a, 0), "sample")));
	/* A chart as chart.h's model, its table as data, text unescaped. */
	CHECK(json_is_false(json_object_get(json_array_get(a, 0), "table")));
	keep = json_object_get(json_array_get(a, 0), "chart");
	CHECK_STR(json_string_value(json_object_get(keep, "kind")), "bars");
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(json_object_get(keep, "table"), "rows"), 0),
	    "label")), "West & Co");
	json_decref(a);

	h = html(w, "scores/ranking", vi, &keep);
	CHECK(strncmp(h, "<figure class=\"chart chart-bars\">", 33) == 0);
	CHECK(count(h, "<svg") == 1 && count(h, "class=\"chart-bar\"") == 3);
	CHECK(strstr(h, "id=\"view-scores-ranking-title\"") != NULL);
	CHECK(strstr(h, "<desc id=\"view-scores-ranking-desc\">Highest "
	    "first.</desc>") != NULL);
	/* filter {level: district, year: 2023}: no department, no 2022. */
	CHECK(strstr(h, "Department") == NULL);
	CHECK(strstr(h, "0,6<") == NULL && strstr(h, "0,60") == NULL);
	/* sort -score, the missing score last: 0.93, 0.71, 0.64, East. */
	CHECK(before(h, "<title>West &amp; Co: 0,93</title>",
	    "<title>North District: 0,71</title>"));
	CHECK(before(h, "North District: 0,71", "South District: 0,64"));
	CHECK(before(h, "South District: 0,64", "East District: —"));
	CHECK(strstr(h, "<tr><th scope=\"row\">West &amp; Co</th><td>0,93"
	    "</td></tr>") != NULL);
	CHECK(strstr(h, "<th scope=\"col\">Unit</th><th scope=\"col\">Score"
	    "</th>") != NULL);
	CHECK(strstr(h, "<summary>Bảng số liệu</summary>") != NULL);
	json_decref(keep);

	/* English numbers. */
	h = html(w, "scores/ranking", en, &keep);
	CHECK(strstr(h, "<title>West &amp; Co: 0.93</title>") != NULL);
	CHECK(strstr(h, "<summary>") == NULL);
	json_decref(keep);

	/* limit 2 of the rows sorted by rank; ties in file order. */
	h = html(w, "scores/top", vi, &keep);
	CHECK(count(h, "class=\"chart-bar\"") == 2);
	CHECK(before(h, "West &amp; Co: 1", "Department of ICT: 1"));
	CHECK(strstr(h, "North District") == NULL);
	json_decref(keep);
}

/* A line per level over the years. */
static void
test_lines(const struct views *w)
{
	json_t		*keep;
	const char	*h;

	h = html(w, "scores/trend", vi, &keep);
	CHECK(strncmp(h, "<figure class=\"chart chart-line\">", 33) == 0);
	/* One line per department, in order of first appearance once
	 * sorted by year, with a legend; Finance has no 2022 figure. */
	CHECK(count(h, "class=\"chart-legend\"") == 2);
	CHECK(before(h, ">Department of ICT</text>",
	    ">Department of Finance</text>"));
	CHECK(strstr(h, "<thead><tr><th scope=\"col\">year</th><th "
	    "scope=\"col\">Department of ICT</th><th scope=\"col\">"
	    "Department of Finance</th></tr></thead>") != NULL);
	/* decimals: 3, every value padded alike. */
	CHECK(strstr(h, "<tr><th scope=\"row\">2022</th><td>0,700</td><td>—"
	    "</td></tr>") != NULL);
	CHECK(strstr(h, "<tr><th scope=\"row\">2023</th><td>0,805</td><td>"
	    "1.234,560</td></tr>") != NULL);
	CHECK(before(h, ">2022</text>", ">2023</text>"));
	CHECK(strstr(h, "District") == NULL);
	json_decref(keep);

	/* rank: true puts place 1 at the top: north's 2nd place of 2023
	 * is drawn above its 3rd of 2022, and below it without. */
	h = html(w, "scores/places", vi, &keep);
	CHECK(marker_y(h, "2023: 2") < marker_y(h, "2022: 3"));
	json_decref(keep);
	h = html(w, "scores/values", vi, &keep);
	CHECK(marker_y(h, "2023: 2") > marker_y(h, "2022: 3"));
	json_decref(keep);
}

/* Tables: columns, sort, decimals, integers, escaping, limits. */
static void
test_tables(const struct views *w)
{
	json_t		*keep;
	const char	*h;

	h = html(w, "scores/table", vi, &keep);
	/* A named region the keyboard can reach, as it may scroll. */
	CHECK(strncmp(h, "<div class=\"table-wrap\" role=\"region\" "
	    "tabindex=\"0\" aria-labelledby=\"view-scores-table-caption\">"
	    "<table class=\"data-table view-table\"><caption id=\"view-scores-"
	    "table-caption\">Units &amp; scores</caption>", 200) == 0);
	CHECK(strstr(h, "<thead><tr><th scope=\"col\" class=\"num\">rank</th>"
	    "<th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">Score"
	    "</th></tr></thead>") != NULL);
	CHECK(count(h, "<tr>") == 9);
	/* By name; rows that tie keep the order of the file. */
	CHECK(strstr(h, "<tr><th scope=\"row\">2</th><td>Department of Finance"
	    "</td><td class=\"num\">1.234,6</td></tr>\n<tr><th scope=\"row\">"
	    "1</th><td>Department of ICT</td><td class=\"num\">0,8</td></tr>\n"
	    "<tr><th scope=\"row\">1</th><td>Department of ICT</td><td "
	    "class=\"num\">0,7</td></tr>\n<tr><th scope=\"row\">4</th><td>East "
	    "District</td><td class=\"num\"></td></tr>\n<tr><th scope=\"row\">"
	    "2</th><td>North District</td><td class=\"num\">0,7</td></tr>\n"
	    "<tr><th scope=\"row\">3</th><td>North District</td><td "
	    "class=\"num\">0,6</td></tr>\n") != NULL);
	CHECK(strstr(h, "<td>West &amp; Co</td><td class=\"num\">0,9</td>") !=
	    NULL);
	CHECK(strstr(h, "<svg") == NULL);
	json_decref(keep);

	h = html(w, "scores/table", en, &keep);
	CHECK(strstr(h, "<td class=\"num\">1,234.6</td>") != NULL);
	json_decref(keep);

	/* A table by default shows x, series and y; limit 3, decimals 0. */
	h = html(w, "scores/best", vi, &keep);
	CHECK(strstr(h, "<thead><tr><th scope=\"col\">Unit</th><th "
	    "scope=\"col\">level</th><th scope=\"col\" class=\"num\">Score</th>"
	    "</tr></thead>") != NULL);
	CHECK(count(h, "<tr>") == 4);
	CHECK(strstr(h, "<tr><th scope=\"row\">Department of Finance</th><td>"
	    "dept</td><td class=\"num\">1.235</td></tr>\n<tr><th scope=\"row\">"
	    "West &amp; Co</th><td>district</td><td class=\"num\">1</td></tr>\n"
	    "<tr><th scope=\"row\">Department of ICT</th><td>dept</td><td "
	    "class=\"num\">1</td></tr>\n</tbody>") != NULL);
	json_decref(keep);
}

static void
test_render(void)
{
	struct scratch	 m;
	json_t		*a, *keep;

	scratch_setup("view");
	site("views:\n"
	    "  - id: ranking\n"
	    "    title: \"Districts by score\"\n"
	    "    description: \"Highest first.\"\n"
	    "    type: bar\n"
	    "    x: name\n"
	    "    y: score\n"
	    "    filter: {level: district, year: 2023}\n"
	    "    sort: -score\n"
	    "  - id: top\n"
	    "    type: bar\n"
	    "    x: name\n"
	    "    y: rank\n"
	    "    sort: rank\n"
	    "    filter: {year: 2023}\n"
	    "    limit: 2\n"
	    "  - id: trend\n"
	    "    type: line\n"
	    "    x: year\n"
	    "    y: score\n"
	    "    series: name\n"
	    "    sort: year\n"
	    "    filter: {level: dept}\n"
	    "    decimals: 3\n"
	    "  - id: places\n"
	    "    type: line\n"
	    "    x: year\n"
	    "    y: rank\n"
	    "    sort: year\n"
	    "    filter: {unit: north}\n"
	    "    rank: true\n"
	    "  - id: values\n"
	    "    type: line\n"
	    "    x: year\n"
	    "    y: rank\n"
	    "    sort: year\n"
	    "    filter: {unit: north}\n"
	    "  - id: table\n"
	    "    title: \"Units & scores\"\n"
	    "    type: table\n"
	    "    columns: [rank, name, score]\n"
	    "    sort: name\n"
	    "    decimals: 1\n"
	    "  - id: best\n"
	    "    x: name\n"
	    "    series: level\n"
	    "    y: score\n"
	    "    sort: -score\n"
	    "    limit: 3\n"
	    "    decimals: 0\n",
	    "views: [scores/ranking, scores/table]\n");
	scratch_put("datasets/plain.csv", "a,b\nx,1\ny,2\n");
	scratch_put("datasets/plain.yaml", "title: Plain\ndescription: D\n"
	    "schema:\n  fields:\n    - {name: a}\n"
	    "    - {name: b, type: integer}\n"
	    "views:\n  - id: all\n    columns: [a, b]\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 1 && m.scanned == 1);
	CHECK(scratch_said(&m, ""));
	/* Every row of both went on down the chain. */
	CHECK(m.rows == 10 && m.begins == 2 && m.ends == 2);
	a = views_render(m.views, "plain", NULL, vi);
	CHECK(json_array_size(a) == 1);
	CHECK(json_is_false(json_object_get(json_array_get(a, 0), "sample")));
	CHECK_STR(json_string_value(json_object_get(json_array_get(a, 0),
	    "title")), "all");
	/* A table as data: no chart, raw text, a flag for numbers. */
	CHECK(json_is_false(json_object_get(json_array_get(a, 0), "chart")));
	keep = json_object_get(json_array_get(a, 0), "table");
	CHECK_STR(json_string_value(json_object_get(keep, "caption_id")),
	    "view-plain-all-caption");
	CHECK(json_is_false(json_object_get(json_array_get(json_object_get(
	    keep, "columns"), 0), "num")));
	CHECK(json_is_true(json_object_get(json_array_get(json_object_get(
	    keep, "columns"), 1), "num")));
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(keep, "rows"), 1), "label")), "y");
	keep = view_html(json_array_get(a, 0));
	CHECK(strstr(json_string_value(keep), "<tbody>\n<tr><th scope=\"row\">"
	    "x</th><td class=\"num\">1</td></tr>\n<tr><th scope=\"row\">y"
	    "</th><td class=\"num\">2</td></tr>\n</tbody>") != NULL);
	json_decref(keep);
	json_decref(a);
	if (m.views != NULL) {
		test_bars(m.views);
		test_lines(m.views);
		test_tables(m.views);
	}
	/* A dataset's own views, in order; unknown ones render nothing. */
	a = views_render(m.views, "scores", NULL, vi);
	CHECK(json_array_size(a) == 7);
	CHECK(find(a, "id", "trend") == json_array_get(a, 2));
	CHECK(find(a, "id", "best") == json_array_get(a, 6));
	json_decref(a);
	a = views_render(m.views, "nope", NULL, vi);
	CHECK(json_array_size(a) == 0);
	json_decref(a);
	a = views_render(m.views, NULL, "scores/nope", vi);
	CHECK(json_array_size(a) == 0);
	json_decref(a);
	a = views_render(m.views, NULL, "scores", vi);
	CHECK(json_array_size(a) == 0);
	json_decref(a);
	scratch_free(&m);
	scratch_teardown();
}

/*
 * A table pads each number column to its own decimals: a column of one
 * decimal is not written with the two of the column beside it.
 */
static void
test_table_columns(void)
{
	struct scratch	 m;
	json_t		*keep;
	const char	*h;

	scratch_setup("view");
	site("", "");
	scratch_put("datasets/mixed.csv", "a,b,c\nx,12,0.25\ny,3.5,0.5\n");
	scratch_put("datasets/mixed.yaml", "title: Mixed\ndescription: D\n"
	    "schema:\n  fields:\n    - {name: a}\n"
	    "    - {name: b, type: number}\n    - {name: c, type: number}\n"
	    "views:\n  - id: all\n    columns: [a, b, c]\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 1 && m.errors == 0);
	h = html(m.views, "mixed/all", vi, &keep);
	CHECK(strstr(h, "<tbody>\n<tr><th scope=\"row\">x</th><td "
	    "class=\"num\">12,0</td><td class=\"num\">0,25</td></tr>\n"
	    "<tr><th scope=\"row\">y</th><td class=\"num\">3,5</td><td "
	    "class=\"num\">0,50</td></tr>\n</tbody>") != NULL);
	json_decref(keep);
	scratch_free(&m);
	scratch_teardown();
}

/*
 * Rows past VIEW_ROWS_MAX are not kept, and a warning says so to the
 * diagnostics of views_set_diag().
 */
static void
test_rows_max(void)
{
	struct diag		*d = diag_new(), *later = diag_new();
	struct dataset		**v = NULL;
	struct views		*w;
	struct buf		 csv = BUF_INIT;
	json_t			*keep;
	const char		*h;
	char			*out;
	size_t			 n = 0, i;

	scratch_setup("view");
	buf_puts(&csv, "unit,name,level,score,rank,year,sample\n");
	for (i = 0; i < VIEW_ROWS_MAX + 5; i++)
		buf_printf(&csv, "u%zu,Unit %zu,district,\"%zu,5\",%zu,2023,"
		    "true\n", i, i, i, i + 1);
	scratch_put("datasets/scores.csv", csv.data);
	buf_reset(&csv);
	buf_printf(&csv, "%sviews:\n  - id: last\n    columns: [name]\n"
	    "    sort: -rank\n    limit: 1\n", scores_yaml);
	scratch_put("datasets/scores.yaml", csv.data);
	buf_release(&csv);
	CHECK(dataset_load_all(d, "datasets", &v, &n) == 1 && n == 1);
	w = views_new(d, v, n);
	CHECK(w != NULL);
	views_set_diag(w, later);
	CHECK(dataset_scan_all(v, n, d, views_sink(w, NULL)) == 1);
	CHECK(diag_warnings(d) == 0 && diag_warnings(later) == 1);
	out = scratch_printed(later);
	CHECK_STR(out, "datasets/scores.csv:10002:1: warning: views show at "
	    "most the first 10000 rows of a dataset\n");
	free(out);
	/* The largest rank kept is 10000. */
	h = html(w, "scores/last", vi, &keep);
	CHECK(strstr(h, "<th scope=\"row\">Unit 9999</th>") != NULL);
	CHECK(count(h, "<tr>") == 2);
	json_decref(keep);
	views_free(w);
	dataset_free_all(v, n);
	diag_free(d);
	diag_free(later);
	scratch_teardown();
}

int
main(void)
{
	vi = json_pack("{s:s, s:s, s:s, s:s}", "decimal_mark", ",",
	    "group_mark", ".", "chart_table", "Bảng số liệu", "no_data_chart",
	    "Chưa có dữ liệu");
	en = json_pack("{s:s, s:s}", "decimal_mark", ".", "group_mark", ",");
	test_none();
	test_mistakes();
	test_link();
	test_points_once();
	test_render();
	test_table_columns();
	test_rows_max();
	json_decref(vi);
	json_decref(en);
	mustache_free(partials[0]);
	mustache_free(partials[1]);
	return CHECK_DONE("view");
}
