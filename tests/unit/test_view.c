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
#include "scratch.h"

static json_t	*vi;

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

/* Every mistake in the declarations, at its place in the YAML. */
static void
test_mistakes(void)
{
	struct scratch	 m;

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
	    "    columns: [name]\n",
	    "views: [scores/ok, scores/pie, scores/oj, scores/Bad Id]\n");
	scratch_load(&m);
	CHECK(m.views != NULL && m.views_linked == 0);
	CHECK(scratch_said(&m,
	    "content/_index.md:3:32: error: unknown view 'scores/oj': views "
	    "are named DATASET/VIEW; did you mean 'scores/ok'?\n"
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
	    "datasets/scores.yaml:43:9: error: duplicate view 'ok'\n"));
	/* The first "ok" is kept; the broken ones render as nothing. */
	CHECK(json_array_size(views_render(m.views, NULL, "scores/ok", vi)) ==
	    1);
	CHECK(json_array_size(views_render(m.views, NULL, "scores/pie",
	    vi)) == 0);
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

int
main(void)
{
	vi = json_pack("{s:s, s:s}", "decimal_mark", ",", "group_mark", ".");
	test_mistakes();
	json_decref(vi);
	return CHECK_DONE("view");
}
