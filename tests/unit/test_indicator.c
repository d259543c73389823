/*
 * Unit tests for indicator.c, on sites written to a temporary folder
 * and loaded the way site.c loads them (scratch.h): no model without
 * "progress:", every mistake in the roles reported at its place in
 * site.yaml, the rows of the role datasets collected by the sink and
 * every row handed on, every unknown id in the data and in front
 * matter reported at its file:line:col, and the statuses, clauses,
 * counts, areas, units and tasks of a small plan (scratch_plan()).
 */
#include "indicator.h"

#include <limits.h>
#include <math.h>

#include "check.h"
#include "scratch.h"

static long
day(const char *iso)
{
	return status_day_parse(iso);
}

static int
near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

/* The site.yaml of scratch_plan() with "progress:" as "progress". */
static void
site_yaml(const char *progress)
{
	char	 s[2048];

	snprintf(s, sizeof(s), "title: \"Plan\"\n%s", progress);
	scratch_put("site.yaml", s);
}

/* No "progress:" in site.yaml, or no site.yaml: no model, no words. */
static void
test_none(void)
{
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	site_yaml("");
	scratch_load(&m);
	CHECK(m.ind == NULL);
	CHECK(m.linked == -1);
	CHECK(m.errors == 0 && m.warnings == 0);
	CHECK(scratch_said(&m, ""));
	scratch_free(&m);

	/* "progress" that is no mapping is no model either. */
	site_yaml("progress: yes\n");
	scratch_load(&m);
	CHECK(m.ind == NULL);
	scratch_free(&m);

	/* Without site.yaml, config_load() reports and there is no meta. */
	CHECK(remove("site.yaml") == 0);
	scratch_load(&m);
	CHECK(m.c.meta == NULL && m.ind == NULL);
	scratch_free(&m);
	scratch_teardown();
	indicators_free(NULL);
}

/*
 * Load with "progress" and check that the model exists, that it
 * printed "want", and that indicators_link() adds nothing and fails
 * (the roles are wrong: there is nothing to link).
 */
static void
roles_case(const char *progress, const char *want)
{
	struct scratch	 m;

	site_yaml(progress);
	scratch_load(&m);
	CHECK(m.ind != NULL);
	CHECK(m.linked == 0);
	CHECK(scratch_said(&m, want));
	/* Nothing was collected, and every row still went on. */
	CHECK(m.ind != NULL && m.ind->n == 0 && m.ind->nunits == 0);
	CHECK(m.rows == 24 && m.begins == 4 && m.ends == 4);
	CHECK(m.ind == NULL || indicators_find(m.ind, "A1.a") == NULL);
	scratch_free(&m);
}

static void
test_roles(void)
{
	scratch_setup("indicator");
	scratch_plan();
	roles_case("progress:\n  indicators: reg\n  values: nope\n",
	    "site.yaml:4:11: error: the indicator values 'nope' is no "
	    "dataset: there is no datasets/nope.csv\n");
	roles_case("progress:\n  indicators: vals\n",
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'area'\n"
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'id'\n"
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'kind'\n"
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'name'\n"
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'operator'\n"
	    "site.yaml:3:15: error: the indicator registry 'vals' needs a "
	    "field 'target'\n");
	roles_case("progress:\n  indicators: reg\n  units: prog\n",
	    "site.yaml:4:10: error: the units 'prog' needs a field 'id'\n"
	    "site.yaml:4:10: error: the units 'prog' needs a field 'name'\n");
	/* The registry has "id" and "name": it could be the units too. */
	roles_case("progress:\n  indicators: reg\n  units: reg\n",
	    "site.yaml:4:10: error: dataset 'reg' is already the indicator "
	    "registry; one dataset plays one role\n");
	roles_case("progress:\n  units: units\n",
	    "site.yaml:3:3: error: progress needs 'indicators': the dataset "
	    "of the indicator registry\n");
	roles_case("progress:\n  indicators: [reg]\n",
	    "site.yaml:3:15: error: key 'indicators' must be a string, not "
	    "a list\n");
	roles_case("progress:\n  indicators: reg\n  as_of: \"2024-02-30\"\n",
	    "site.yaml:4:10: error: as_of '2024-02-30' is not a date "
	    "(YYYY-MM-DD)\n");
	roles_case("progress:\n  indicators: reg\n  issued: \"16/05/2024\"\n",
	    "site.yaml:4:11: error: issued '16/05/2024' is not a date "
	    "(YYYY-MM-DD): the day the plan was issued\n");
	/* Pages go below these paths: "/targets" would make
	 * "/targetsA1.a/". */
	roles_case("progress:\n  indicators: reg\n"
	    "  indicators_path: /targets\n  units_path: don-vi/\n",
	    "site.yaml:4:20: error: indicators_path '/targets' must be a "
	    "path of the site from / to /, such as /chi-tieu/\n"
	    "site.yaml:5:15: error: units_path 'don-vi/' must be a path of "
	    "the site from / to /, such as /don-vi/\n");
	roles_case("progress:\n  indicators: reg\n  indicators_path: \"\"\n",
	    "site.yaml:4:20: error: indicators_path '' must be a path of the "
	    "site from / to /, such as /chi-tieu/\n");
	roles_case("progress:\n  indicators: reg\n  unit_types: [dept]\n",
	    "site.yaml:4:15: error: unit_types must be a mapping of unit "
	    "types to their names\n");
	scratch_teardown();
}

/* An unknown key is a warning with a hint; the model still links. */
static void
test_unknown_key(void)
{
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	site_yaml("progress:\n  indicators: reg\n  units: units\n"
	    "  unit_type: {}\n  units_path: /agencies/\n");
	scratch_load(&m);
	CHECK(m.ind != NULL && m.linked == 1);
	CHECK(scratch_said(&m, "datasets/reg.csv:5:58: warning: the plan's "
	    "own assessment of 'A2.a' ('hoàn thành') disagrees with the "
	    "status computed from the figures ('no-data'): both are shown; "
	    "check the figures or the assessment\n"
	    "site.yaml:5:3: warning: unknown key 'unit_type' in progress; did "
	    "you mean 'unit_types'?\n"));
	/* No values, no unit progress: A1.a has no figure. */
	CHECK(m.ind->n == 8 && m.ind->nunits == 4 && m.ind->ntasks == 1);
	CHECK(m.ind->v[0].nvalues == 0 &&
	    m.ind->v[0].st.status == STATUS_NO_DATA);
	CHECK(m.ind->v[1].nitems == 0 && m.ind->v[1].nreported == 0 &&
	    m.ind->v[1].st.status == STATUS_NO_DATA);
	CHECK_STR(m.ind->unit_path, "/agencies/");
	CHECK_STR(m.ind->ind_path, "/chi-tieu/");
	scratch_free(&m);
	scratch_teardown();
}

/*
 * Where the pages go: site.yaml's paths, else the theme's strings of
 * the site's language; a theme without them needs site.yaml's.
 */
static void
test_paths(void)
{
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	scratch_strings = json_pack("{s:s, s:s}", "indicators_path",
	    "/targets/", "units_path", "/agencies/");
	site_yaml("progress:\n  indicators: reg\n  units: units\n");
	scratch_load(&m);
	CHECK(m.ind != NULL && m.linked == 1);
	CHECK_STR(m.ind->ind_path, "/targets/");
	CHECK_STR(m.ind->unit_path, "/agencies/");
	scratch_free(&m);
	site_yaml("progress:\n  indicators: reg\n  units: units\n"
	    "  indicators_path: /muc-tieu/\n");
	scratch_load(&m);
	CHECK(m.ind != NULL && m.linked == 1);
	CHECK_STR(m.ind->ind_path, "/muc-tieu/");
	CHECK_STR(m.ind->unit_path, "/agencies/");
	scratch_free(&m);
	json_decref(scratch_strings);
	scratch_strings = json_object();
	roles_case("progress:\n  indicators: reg\n  units_path: /dv/\n",
	    "site.yaml:3:3: error: progress needs 'indicators_path': the "
	    "theme's strings for this language have no 'indicators_path' "
	    "to take it from\n");
	roles_case("progress:\n  indicators: reg\n  indicators_path: x\n",
	    "site.yaml:3:3: error: progress needs 'units_path': the theme's "
	    "strings for this language have no 'units_path' to take it "
	    "from\n"
	    "site.yaml:4:20: error: indicators_path 'x' must be a path of "
	    "the site from / to /\n");
	json_decref(scratch_strings);
	scratch_strings = NULL;
	scratch_teardown();
}

/* The plan as of 2024-07-15: every indicator's figures and status. */
static void
test_statuses(const struct indicators *x)
{
	const struct indicator	*ind;

	/* > 60 from 40 (2023): 50.2 at 30/06 is ahead of the straight
	 * line, which expects 40 + 20 * 182/366 there. */
	ind = indicators_find(x, "A1.a");
	CHECK(ind != NULL && ind == &x->v[0]);
	CHECK(ind->kind == IND_VALUE && ind->op == STATUS_OP_GT &&
	    ind->direction == IND_HIGHER);
	CHECK(ind->nvalues == 2 && near(ind->values[0].value, 45.5) &&
	    near(ind->values[1].value, 50.2));
	CHECK(ind->values[0].when == IND_IN && ind->values[1].when == IND_IN);
	CHECK(ind->has_value && near(ind->value, 50.2) && !ind->final &&
	    !ind->estimate);
	CHECK_STR(ind->value_period, "2024-Q2");
	CHECK(ind->value_day == day("2024-06-30"));
	CHECK(ind->used_baseline && near(ind->base_value, 40) &&
	    ind->base_day == day("2023-12-31"));
	CHECK(ind->prev == NULL && ind->sample == 1);
	CHECK(ind->st.status == STATUS_ON_TRACK);
	CHECK(ind->st.why == STATUS_WHY_PACE_OK);
	CHECK(ind->st.has_pace && near(ind->st.expected, 40 + 20 * 182.0 /
	    366));
	CHECK(ind->start == day("2024-01-01") &&
	    ind->deadline == day("2024-12-31"));

	/* Two of four units done, north not, south silent: 50%, at most
	 * 75%; slow, but on pace if south had done it: no data. */
	ind = indicators_find(x, "A1.b");
	CHECK(ind != NULL && ind->kind == IND_SHARE);
	CHECK(ind->napplies == 4 && ind->ndone == 2 && ind->nreported == 3 &&
	    ind->nlate == 0);
	CHECK(ind->has_value && near(ind->value, 50));
	CHECK(ind->has_upper && near(ind->upper, 75));
	CHECK(ind->value_period == NULL &&
	    ind->value_day == day("2024-03-02"));
	CHECK(ind->st.status == STATUS_NO_DATA);
	CHECK(ind->st.why == STATUS_WHY_INCOMPLETE);
	CHECK(ind->sample == 1 && !ind->final);

	/* A milestone done within its period. */
	ind = indicators_find(x, "A1.c");
	CHECK(ind != NULL && ind->kind == IND_MILESTONE &&
	    ind->op == STATUS_OP_NONE);
	CHECK(ind->st.status == STATUS_ACHIEVED);
	CHECK(ind->st.why == STATUS_WHY_DONE);
	CHECK(ind->nitems == 1 && ind->value_day == day("2024-06-30"));

	/* Last year's 71 is the previous result, no evidence. */
	ind = indicators_find(x, "A2.a");
	CHECK(ind != NULL && ind->op == STATUS_OP_GT && near(ind->target, 80));
	CHECK(ind->st.status == STATUS_NO_DATA);
	CHECK(ind->st.why == STATUS_WHY_NO_FIGURE);
	CHECK(!ind->has_value && ind->value_day == LONG_MIN);
	CHECK(ind->prev != NULL && near(ind->prev->value, 71) &&
	    ind->prev->when == IND_BEFORE);
	CHECK(ind->prev != NULL && strcmp(ind->prev->period, "2023") == 0);
	CHECK(ind->assessed == STATUS_ACHIEVED);
	CHECK_STR(ind->assessment, "hoàn thành");
	CHECK(ind->task_page == NULL && ind->lead == -1 && ind->sample == 0);

	/* An estimate that meets ">= 30" before the deadline. */
	ind = indicators_find(x, "A2.b.1");
	CHECK(ind != NULL && ind->estimate && !ind->final);
	CHECK(ind->st.status == STATUS_ON_TRACK);
	CHECK(ind->st.why == STATUS_WHY_MET_ESTIMATE);

	/* A range met by the final figure of 2023. */
	ind = indicators_find(x, "A2.b.2");
	CHECK(ind != NULL && ind->op == STATUS_OP_BETWEEN &&
	    near(ind->target, 60) && near(ind->target_max, 80));
	CHECK(ind->final && near(ind->value, 70));
	CHECK(ind->st.status == STATUS_ACHIEVED);
	CHECK(ind->st.why == STATUS_WHY_MET);

	/* A rank: "không quá 10", 9 in 2023 after 14 in 2022. */
	ind = indicators_find(x, "A3.a");
	CHECK(ind != NULL && ind->direction == IND_RANK &&
	    ind->op == STATUS_OP_LE);
	CHECK(ind->nvalues == 2 && ind->values[0].when == IND_BEFORE &&
	    ind->values[1].when == IND_IN);
	CHECK(!indicators_final(ind, &ind->values[0]));
	CHECK(indicators_final(ind, &ind->values[1]));
	CHECK(ind->prev == &ind->values[0] && near(ind->base_value, 14));
	CHECK(ind->st.status == STATUS_ACHIEVED && ind->st.why ==
	    STATUS_WHY_MET);

	/* Monitor only: any figure up to as_of, never final. */
	ind = indicators_find(x, "A3.b");
	CHECK(ind != NULL && ind->kind == IND_MONITOR);
	CHECK(ind->has_value && near(ind->value, 8.28));
	CHECK(ind->st.status == STATUS_MONITOR);
	CHECK(ind->st.why == STATUS_WHY_MONITOR);
	CHECK(ind->nvalues == 1 && !indicators_final(ind, &ind->values[0]));

	CHECK(indicators_find(x, "A9") == NULL);
	CHECK(indicators_find(x, "a1.a") == NULL);
	CHECK(indicators_find(x, "") == NULL);
}

/* Clauses, counts, the latest figure, areas. */
static void
test_counts(const struct scratch *m)
{
	const struct indicators	*x = m->ind;
	const struct indicator	*ind = indicators_find(x, "A2.b.2");
	const struct area	*a;
	const struct page	*services = scratch_page(m,
	    "areas/services.md");

	CHECK(x->nclauses == 7);
	CHECK(ind != NULL && x->clauses[ind->clause_ix].n == 2);
	CHECK_STR(x->clauses[ind->clause_ix].key, "A2 b");
	/* The weakest part: on track (the other is achieved). */
	CHECK(x->clauses[ind->clause_ix].status == STATUS_ON_TRACK);
	CHECK(x->clauses[ind->clause_ix].sample == 1);
	CHECK(x->counts[STATUS_ACHIEVED] == 2);
	CHECK(x->counts[STATUS_ON_TRACK] == 2);
	CHECK(x->counts[STATUS_NO_DATA] == 2);
	CHECK(x->counts[STATUS_BEHIND] == 0 &&
	    x->counts[STATUS_NOT_ACHIEVED] == 0 &&
	    x->counts[STATUS_AWAITING_FINAL] == 0 &&
	    x->counts[STATUS_MONITOR] == 0);
	CHECK(x->nsample == 4);
	CHECK(x->nparts == 7 && x->nmonitor == 1 &&
	    x->nmonitor_clauses == 1);
	CHECK(x->as_of == day("2024-07-15"));
	CHECK(x->issued == day("2024-01-10"));
	CHECK(x->latest == day("2024-06-30") && x->latest_sample == 1);
	CHECK(x->latest_real == day("2023-12-31"));

	CHECK(x->nareas == 3);
	a = indicators_area_of(x, services);
	CHECK(a == &x->areas[0]);
	CHECK(a != NULL && strcmp(a->id, "A1") == 0 && a->ninds == 3 &&
	    a->nclauses == 3);
	CHECK(a != NULL && a->counts[STATUS_ON_TRACK] == 1 &&
	    a->counts[STATUS_NO_DATA] == 1 &&
	    a->counts[STATUS_ACHIEVED] == 1 && a->nsample == 3);
	CHECK(indicators_area_of(x, scratch_page(m, "areas/safety.md")) ==
	    &x->areas[1]);
	CHECK(x->areas[2].page == NULL && strcmp(x->areas[2].id, "A3") == 0);
	CHECK(x->areas[2].nclauses == 2 &&
	    x->areas[2].counts[STATUS_ACHIEVED] == 1);
	CHECK(indicators_area_of(x, scratch_page(m, "tasks/connect.md")) ==
	    NULL);
	CHECK(indicators_area_of(x, scratch_page(m, "_index.md")) == NULL);
	CHECK(indicators_find(x, "A1.a")->area_page == services);
	CHECK(indicators_find(x, "A3.a")->area_page == NULL);
}

/* Units, what they lead and support, the state of each unit's row. */
static void
test_units(const struct scratch *m)
{
	const struct indicators	*x = m->ind;
	const struct page	*connect = scratch_page(m, "tasks/connect.md");
	const struct indicator	*share = indicators_find(x, "A1.b");
	const struct unit	*u;
	const struct ind_item	*row;
	size_t			 i;
	static const char *const applies[] = { "ict", "fin", "north",
	    "south" };

	CHECK(x->nunits == 4);
	u = indicators_unit(x, "ict");
	CHECK(u == &x->units[0]);
	CHECK(u != NULL && strcmp(u->name, "Department of ICT") == 0 &&
	    strcmp(u->type, "dept") == 0 && u->in_plan);
	CHECK(u != NULL && u->nleads == 1 && u->leads[0] == connect &&
	    u->nsupports == 0);
	u = indicators_unit(x, "fin");
	CHECK(u != NULL && u->nleads == 0 && u->nsupports == 1 &&
	    u->supports[0] == connect);
	/* partner_types: [district] */
	CHECK(indicators_unit(x, "north")->nsupports == 1);
	u = indicators_unit(x, "south");
	CHECK(u != NULL && !u->in_plan && u->nsupports == 1);
	CHECK(indicators_unit(x, "nope") == NULL);
	CHECK(indicators_unit(x, "ICT") == NULL);

	CHECK(x->ntasks == 1 && x->tasks[0] == connect);
	CHECK(indicators_find(x, "A1.a")->task_page == connect);
	CHECK(indicators_find(x, "A1.c")->task_page == connect);
	CHECK(indicators_find(x, "A1.a")->lead == 0);
	CHECK(indicators_find(x, "A2.b.1")->lead == 1);

	/* "dept district": the departments, then the districts. */
	for (i = 0; i < 4; i++)
		CHECK(share->applies[i] < x->nunits && strcmp(x->units[
		    share->applies[i]].id, applies[i]) == 0);
	CHECK(indicators_state(x, share, 0, &row) == IND_DONE);
	CHECK(row != NULL && strcmp(row->document, "Plan 1/KH") == 0 &&
	    row->done == day("2023-12-20") && row->sample);
	CHECK(indicators_state(x, share, 1, &row) == IND_DONE);
	CHECK(row != NULL && row->done == day("2024-03-02"));
	CHECK(indicators_state(x, share, 2, &row) == IND_NOT_DONE);
	CHECK(row != NULL && row->done == LONG_MIN && *row->document == '\0');
	CHECK(indicators_state(x, share, 3, &row) == IND_UNREPORTED);
	CHECK(row == NULL);
	/* Rows sorted by unit name: Department of Finance first. */
	CHECK(share->nitems == 3 && share->items[0].unit == 1 &&
	    share->items[1].unit == 0 && share->items[2].unit == 2);
	CHECK(indicators_state(x, indicators_find(x, "A1.c"), 0, &row) ==
	    IND_DONE);
	CHECK(indicators_state(x, indicators_find(x, "A1.c"), 1, &row) ==
	    IND_UNREPORTED);
}

static void
test_plan(void)
{
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	scratch_load(&m);
	CHECK(m.linked == 1 && m.scanned == 1 && m.errors == 0);
	CHECK(scratch_said(&m,
	    "datasets/prog.csv:2:10: warning: sample date before the plan "
	    "was issued (2024-01-10): an illustrative completion should not "
	    "precede the plan\n"
	    "datasets/reg.csv:5:58: warning: the plan's own assessment of "
	    "'A2.a' ('hoàn thành') disagrees with the status computed from "
	    "the figures ('no-data'): both are shown; check the figures or "
	    "the assessment\n"));
	/* Every row of the five datasets went on down the chain. */
	CHECK(m.rows == 24 && m.begins == 4 && m.ends == 4);
	CHECK(m.ind->n == 8);
	if (m.ind->n == 8 && m.ind->nunits == 4) {
		test_statuses(m.ind);
		test_counts(&m);
		test_units(&m);
	}
	scratch_free(&m);
	scratch_teardown();
}

/*
 * Every id in the data and in front matter is looked up once all is
 * loaded; each unknown one is an error at its cell or its place in the
 * front matter, with a hint when one is close.
 */
static void
test_refs(void)
{
	struct scratch		 m;
	const struct indicator	*ind;

	scratch_setup("indicator");
	scratch_plan();
	scratch_put("datasets/reg.csv",
	    "id,area,clause,label,name,unit,operator,target,target_max,"
	    "period,kind,lead,applies,task,baseline,baseline_period,"
	    "direction,assessment\n"
	    "A1.a,A1,a,a,Applications online,%,>,60,,2024,value,itc,,T9,40,"
	    "2023,,\n"
	    "A1.b,A1,b,b,Units publish,%,=,100,,2024,share,ict,dept distrct,"
	    ",,,,\n"
	    "A1.d,A1,d,d,Departments publish,%,=,100,,2024,share,,dept,,,,,\n"
	    "A1.c,A1,c,c,Reporting,,,,,2024,milestone,ict,,T1,,,,\n");
	scratch_put("datasets/vals.csv",
	    "indicator,period,value,value_type,unit,source,sample\n"
	    "A1.a,2024-Q1,120,actual,ict,,false\n"
	    "A1.cc,2024-Q1,5,actual,,,false\n"
	    "A1.b,2024-Q1,5,actual,nobody,,false\n"
	    "A1.a,2024-Q2,55,actual,ict,,false\n");
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done,document,sample\n"
	    "A1.d,north,2024-02-01,,true\n"
	    "A1.a,ict,2024-02-01,,true\n"
	    "A1.c,nowhere,2024-02-01,,true\n"
	    "B1.c,ict,,,true\n"
	    "A1.d,fin,2024-02-01,,true\n");
	scratch_put("content/tasks/connect.md", "---\n"
	    "title: \"Connect the systems\"\n"
	    "code: \"T1\"\n"
	    "lead: [icct]\n"
	    "partners: [fin]\n"
	    "partner_types: [distric]\n"
	    "indicators: [A1.a, A7.x]\n"
	    "---\n");
	scratch_put("content/areas/zed.md", "---\n"
	    "title: \"Zed\"\n"
	    "area: \"A1\"\n"
	    "---\n");
	scratch_load(&m);
	CHECK(m.linked == 0 && m.scanned == 1);
	CHECK(scratch_said(&m,
	    "content/areas/safety.md:4:7: error: unknown area 'A2': no "
	    "indicator of the registry is in it; the only choice is 'A1'\n"
	    "content/areas/zed.md:3:7: error: area 'A1' already has a page: "
	    "content/areas/services.md\n"
	    "content/tasks/connect.md:4:8: error: unknown unit 'icct'; did "
	    "you mean 'ict'?\n"
	    "content/tasks/connect.md:6:17: error: unknown unit type "
	    "'distric'; did you mean 'district'?\n"
	    "content/tasks/connect.md:7:20: error: unknown indicator 'A7.x'; "
	    "the choices are 'A1.a', 'A1.b', 'A1.d', 'A1.c'\n"
	    "datasets/prog.csv:2:6: error: unit 'north' is not one of the "
	    "units indicator 'A1.d' applies to\n"
	    "datasets/prog.csv:3:1: error: indicator 'A1.a' is a value: its "
	    "figures come from reported values, not unit progress\n"
	    "datasets/prog.csv:4:6: error: unknown unit 'nowhere'; the "
	    "choices are 'ict', 'fin', 'north', 'south'\n"
	    "datasets/prog.csv:5:1: error: unknown indicator 'B1.c'; did you "
	    "mean 'A1.c'?\n"
	    "datasets/reg.csv:2:52: error: unknown unit 'itc'; did you mean "
	    "'ict'?\n"
	    "datasets/reg.csv:2:57: error: unknown task 'T9'; the only choice "
	    "is 'T1'\n"
	    "datasets/reg.csv:3:51: error: indicator 'A1.b' applies to "
	    "'distrct', which is neither a unit id nor a unit type of the "
	    "units dataset; did you mean 'district'?\n"
	    "datasets/vals.csv:2:14: error: value 120 of indicator 'A1.a' is "
	    "a percentage: it must be between 0 and 100\n"
	    "datasets/vals.csv:3:1: error: unknown indicator 'A1.cc'; did you "
	    "mean 'A1.c'?\n"
	    "datasets/vals.csv:4:14: error: indicator 'A1.b' is a share: its "
	    "figures come from unit progress, not from reported values\n"
	    "datasets/vals.csv:4:23: error: unknown unit 'nobody'; the choices "
	    "are 'ict', 'fin', 'north', 'south'\n"));
	/* What could be resolved still was. */
	ind = indicators_find(m.ind, "A1.a");
	CHECK(ind != NULL && ind->lead == -1 && ind->task_page == NULL);
	CHECK(ind != NULL && ind->nvalues == 1 && near(ind->value, 55));
	ind = indicators_find(m.ind, "A1.d");
	CHECK(ind != NULL && ind->napplies == 2 && ind->nitems == 1 &&
	    ind->ndone == 1 && near(ind->value, 50));
	CHECK(indicators_find(m.ind, "A1.b")->napplies == 2);
	CHECK(indicators_area_of(m.ind, scratch_page(&m, "areas/services.md"))
	    == &m.ind->areas[0]);
	CHECK(indicators_area_of(m.ind, scratch_page(&m, "areas/zed.md")) ==
	    NULL);
	scratch_free(&m);
	scratch_teardown();
}

/* Mistakes in the rows of the role datasets, reported by the sink. */
static void
test_rows(void)
{
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	site_yaml("progress:\n  indicators: reg\n  values: vals\n"
	    "  units: units\n  unit_progress: prog\n  as_of: \"2024-07-15\"\n");
	/* No page names an area or an indicator of this registry. */
	scratch_rm("content/areas");
	scratch_put("content/tasks/connect.md", "---\ntitle: \"Connect\"\n"
	    "code: \"T1\"\nlead: [ict]\n---\n");
	scratch_put("datasets/reg.csv",
	    "id,area,clause,label,name,unit,operator,target,target_max,"
	    "period,kind,lead,applies,task,baseline,baseline_period,"
	    "direction,assessment\n"
	    "R.1,R,1,1,Kind,%,>,50,,2024,count,,,,,,,\n"
	    "R.2,R,2,2,Op,%,about,50,,2024,value,,,,,,,\n"
	    "R.3,R,3,3,Milestone,,>,1,,2024,milestone,,,,,,,\n"
	    "R.4,R,4,4,No target,%,>,,,2024,value,,,,,,,\n"
	    "R.5,R,5,5,Pct,%,>,150,,2024,value,,,,,,,\n"
	    "R.6,R,6,6,Share,units,>,5,,2024,share,,dept,,,,,\n"
	    "R.7,R,7,7,Period,%,>,50,,2024-Q5,value,,,,,,,\n"
	    "R.8,R,8,8,Dir,%,>,50,,2024,value,,,,,,sideways,\n"
	    "R.1,R,9,9,Dup,%,>,50,,2024,value,,,,,,,\n"
	    "R.10,R,10,10,Base,%,>,50,,2024,value,,,,30,,,\n"
	    "R.11,R,11,11,Applies,%,>,50,,2024,value,,dept,,,,,\n"
	    "R.12,R,12,12,No applies,%,>,50,,2024,share,,,,,,,\n"
	    "R.13,R,13,13,Range,%,từ … đến,60,50,2024,value,,,,,,,\n"
	    "R.14,R,14,14,Improve,,cải thiện,4,,2024,value,,,,,,rank,\n"
	    "R.15,R,15,15,Monitor,%,,,,2024,monitor,,,,,,,\n");
	scratch_put("datasets/vals.csv",
	    "indicator,period,value,value_type,final\n"
	    "R.2,2024-Q9,5,actual,\n"
	    "R.2,2024,x,actual,\n"
	    "R.2,2024,5,guess,\n"
	    "R.2,2024,5,estimate,true\n"
	    "R.2,2024,5,actual,maybe\n");
	scratch_put("datasets/vals.yaml",
	    "title: Values\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: indicator}\n    - {name: period}\n"
	    "    - {name: value}\n    - {name: value_type}\n"
	    "    - {name: final}\n");
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done\n"
	    "R.6,ict,2024-02-30\n");
	scratch_put("datasets/prog.yaml",
	    "title: Progress\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: indicator}\n    - {name: unit}\n"
	    "    - {name: done}\n");
	scratch_load(&m);
	CHECK(m.linked == 0);
	CHECK(scratch_said(&m,
	    "datasets/prog.csv:2:9: error: done date '2024-02-30' is not a "
	    "date (YYYY-MM-DD)\n"
	    "datasets/reg.csv:2:29: error: indicator kind 'count' must be "
	    "value, share, milestone or monitor\n"
	    "datasets/reg.csv:3:16: error: target operator 'about' must be one "
	    "of >, >=, =, <=, <, the words trên, dưới, ít nhất, từ … trở lên, "
	    "không quá, tối đa, đạt, từ … đến, cải thiện, or empty for a "
	    "milestone\n"
	    "datasets/reg.csv:4:22: error: indicator 'R.3' is a milestone: "
	    "leave its operator and target empty\n"
	    "datasets/reg.csv:5:25: error: indicator 'R.4' needs a target: an "
	    "operator and a number\n"
	    "datasets/reg.csv:6:19: error: target of indicator 'R.5' is a "
	    "percentage: it must be between 0 and 100\n"
	    "datasets/reg.csv:7:17: error: indicator 'R.6' is a share of "
	    "units: its unit must be '%', not 'units'\n"
	    "datasets/reg.csv:8:26: error: target period '2024-Q5' is not a "
	    "year, half (2024-H1), quarter (2024-Q3), month or date\n"
	    "datasets/reg.csv:9:39: error: direction 'sideways' must be "
	    "higher, lower or rank (a rank: 1 is best)\n"
	    "datasets/reg.csv:10:1: error: duplicate indicator 'R.1'\n"
	    "datasets/reg.csv:11:41: error: the baseline of 'R.10' needs a "
	    "baseline_period, such as 2023, not ''\n"
	    "datasets/reg.csv:12:42: error: indicator 'R.11' is no share: "
	    "'applies' is only for share indicators\n"
	    "datasets/reg.csv:13:38: error: share indicator 'R.12' needs "
	    "'applies': the units or unit types it counts\n"
	    "datasets/reg.csv:14:34: error: indicator 'R.13' is a range "
	    "'from 60 to …': its target_max must be a number above the "
	    "target\n"
	    "datasets/reg.csv:15:23: error: indicator 'R.14' is to improve on "
	    "its baseline, but has none: give baseline and baseline_period, "
	    "or a figure of an earlier period\n"
	    "datasets/vals.csv:2:5: error: period '2024-Q9' is not a year, "
	    "half (2024-H1), quarter (2024-Q3), month or date\n"
	    "datasets/vals.csv:3:10: error: value 'x' is not a number\n"
	    "datasets/vals.csv:4:12: error: value type 'guess' must be actual "
	    "or estimate\n"
	    "datasets/vals.csv:5:21: error: an estimate cannot be the final "
	    "figure: mark the actual figure final\n"
	    "datasets/vals.csv:6:19: error: 'maybe' in column 'final' must be "
	    "true or false\n"));
	/* The monitor-only row is right, and its status is known. */
	CHECK(indicators_find(m.ind, "R.15") != NULL &&
	    indicators_find(m.ind, "R.15")->st.status == STATUS_MONITOR);
	scratch_free(&m);
	scratch_teardown();
}

/*
 * A unit with several rows for one target: a unit done stays done, so
 * a row done by as_of decides over any "not done" row, whatever their
 * order in the file; each row keeps its own state.
 */
static void
test_several_rows(void)
{
	struct scratch		 m;
	const struct indicator	*ind;
	const struct ind_item	*row;

	scratch_setup("indicator");
	scratch_plan();
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done,document,sample\n"
	    "A1.b,ict,2023-12-20,Plan 1/KH,true\n"
	    "A1.b,fin,2024-03-02,Plan 2/KH,true\n"
	    "A1.b,fin,,Report 7,true\n"
	    "A1.b,north,,,true\n"
	    "A1.c,ict,2024-06-30,Decision 5/QD,true\n"
	    "A1.c,ict,,Report 3,true\n"
	    "A1.c,fin,2024-05-02,Decision 6/QD,true\n"
	    "A1.c,fin,2024-04-01,Decision 4/QD,true\n");
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	ind = indicators_find(m.ind, "A1.b");
	CHECK(ind != NULL && ind->nitems == 4);
	CHECK(indicators_state(m.ind, ind, 1, &row) == IND_DONE);
	CHECK(row != NULL && strcmp(row->document, "Plan 2/KH") == 0);
	CHECK(ind->ndone == 2 && ind->nreported == 3 && near(ind->value, 50));
	CHECK(ind->st.status == STATUS_NO_DATA);
	ind = indicators_find(m.ind, "A1.c");
	CHECK(ind != NULL && ind->nitems == 4);
	CHECK(ind->st.status == STATUS_ACHIEVED);
	CHECK(indicators_state(m.ind, ind, 0, &row) == IND_DONE);
	CHECK(row != NULL && strcmp(row->document, "Decision 5/QD") == 0);
	/* Of two rows done, the earlier day. */
	CHECK(indicators_state(m.ind, ind, 1, &row) == IND_DONE);
	CHECK(row != NULL && strcmp(row->document, "Decision 4/QD") == 0);
	scratch_free(&m);

	/* Of "not done" rows alone, the latest report, wherever it is in
	 * the file; of two the same day, the final one. */
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done,reported,final,document,sample\n"
	    "A1.b,north,,2024-06-01,false,Report 9,false\n"
	    "A1.b,north,,2024-03-01,false,Report 4,false\n"
	    "A1.b,fin,,2024-05-01,true,Report 6,false\n"
	    "A1.b,fin,,2024-05-01,false,Report 5,false\n"
	    "A1.b,fin,,2024-02-01,false,Report 2,false\n");
	scratch_put("datasets/prog.yaml",
	    "title: Progress\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: indicator}\n    - {name: unit}\n"
	    "    - {name: done, type: date}\n"
	    "    - {name: reported, type: date}\n"
	    "    - {name: final, type: boolean}\n    - {name: document}\n"
	    "    - {name: sample, type: boolean}\n"
	    "  missingValues: [\"\"]\n");
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	ind = indicators_find(m.ind, "A1.b");
	CHECK(ind != NULL && ind->nitems == 5);
	CHECK(indicators_state(m.ind, ind, 2, &row) == IND_NOT_DONE);
	CHECK(row != NULL && strcmp(row->document, "Report 9") == 0);
	CHECK(indicators_state(m.ind, ind, 1, &row) == IND_NOT_DONE);
	CHECK(row != NULL && strcmp(row->document, "Report 6") == 0);
	scratch_free(&m);
	scratch_teardown();
}

/* The names data and the API use. */
static void
test_names(void)
{
	CHECK_STR(indicators_kind_name(IND_VALUE), "value");
	CHECK_STR(indicators_kind_name(IND_SHARE), "share");
	CHECK_STR(indicators_kind_name(IND_MILESTONE), "milestone");
	CHECK_STR(indicators_kind_name(IND_MONITOR), "monitor");
	CHECK_STR(indicators_when_name(IND_IN), "in");
	CHECK_STR(indicators_when_name(IND_BEFORE), "before");
	CHECK_STR(indicators_when_name(IND_OTHER), "other");
	CHECK_STR(indicators_state_name(IND_DONE), "done");
	CHECK_STR(indicators_state_name(IND_DONE_LATE), "done-late");
	CHECK_STR(indicators_state_name(IND_NOT_DONE), "not-done");
	CHECK_STR(indicators_state_name(IND_UNREPORTED), "unreported");

	CHECK(indicators_assessment("Hoàn thành") == STATUS_ACHIEVED);
	CHECK(indicators_assessment("Đạt") == STATUS_ACHIEVED);
	CHECK(indicators_assessment("Chưa hoàn thành") ==
	    STATUS_NOT_ACHIEVED);
	CHECK(indicators_assessment("Không đạt") == STATUS_NOT_ACHIEVED);
	CHECK(indicators_assessment("chưa đạt (68%)") == STATUS_NOT_ACHIEVED);
	CHECK(indicators_assessment("Đang triển khai") == STATUS_ON_TRACK);
	CHECK(indicators_assessment("Not achieved") == STATUS_NOT_ACHIEVED);
	CHECK(indicators_assessment("In progress") == STATUS_ON_TRACK);
	CHECK(indicators_assessment("Completed") == STATUS_ACHIEVED);
	CHECK(indicators_assessment("") == -1);
	CHECK(indicators_assessment("see the report") == -1);
}

/* indicators_final(): in the period, not an estimate, at the deadline
 * or marked final; never for a monitor. */
static void
test_final(void)
{
	struct indicator	 ind;
	struct ind_value	 v;

	memset(&ind, 0, sizeof(ind));
	memset(&v, 0, sizeof(v));
	ind.kind = IND_VALUE;
	ind.start = day("2024-01-01");
	ind.deadline = day("2024-12-31");
	v.when = IND_IN;
	v.last = day("2024-12-31");
	CHECK(indicators_final(&ind, &v) == 1);
	v.estimate = 1;
	CHECK(indicators_final(&ind, &v) == 0);
	v.estimate = 0;
	v.last = day("2024-09-30");
	CHECK(indicators_final(&ind, &v) == 0);
	v.final = 1;
	CHECK(indicators_final(&ind, &v) == 1);
	v.when = IND_OTHER;
	CHECK(indicators_final(&ind, &v) == 0);
	v.when = IND_IN;
	ind.kind = IND_MONITOR;
	CHECK(indicators_final(&ind, &v) == 0);
}

/*
 * The methodology page's path: the indicators' path and the theme's
 * methodology_slug, or progress's methodology_path; a slug that is no
 * plain name, or none, is an error unless the path is set.
 */
static void
test_methodology_path(void)
{
	static const char *const path = "progress:\n  indicators: reg\n"
	    "  units: units\n  methodology_path: /cach-tinh/\n";
	struct scratch	 m;

	scratch_setup("indicator");
	scratch_plan();
	site_yaml("progress:\n  indicators: reg\n  units: units\n");
	scratch_load(&m);
	CHECK(m.errors == 0);
	CHECK_STR(m.ind->meth_path, "/chi-tieu/phuong-phap/");
	scratch_free(&m);
	site_yaml("progress:\n  indicators: reg\n  units: units\n"
	    "  indicators_path: /t/\n");
	scratch_slug = "methodology";
	scratch_load(&m);
	CHECK(m.errors == 0);
	CHECK_STR(m.ind->meth_path, "/t/methodology/");
	scratch_free(&m);
	site_yaml(path);
	scratch_load(&m);
	CHECK(m.errors == 0);
	CHECK_STR(m.ind->meth_path, "/cach-tinh/");
	scratch_free(&m);
	/* With the path set, the theme needs no slug. */
	scratch_slug = NULL;
	scratch_load(&m);
	CHECK(m.errors == 0);
	CHECK_STR(m.ind->meth_path, "/cach-tinh/");
	scratch_free(&m);
	roles_case("progress:\n  indicators: reg\n",
	    "site.yaml:3:3: error: the theme's methodology_slug '' must be a "
	    "plain name without '/' or leading '.': the folder of the "
	    "methodology page below indicators_path (or set "
	    "methodology_path)\n");
	scratch_slug = "../x";
	roles_case("progress:\n  indicators: reg\n",
	    "site.yaml:3:3: error: the theme's methodology_slug '../x' must "
	    "be a plain name without '/' or leading '.': the folder of the "
	    "methodology page below indicators_path (or set "
	    "methodology_path)\n");
	scratch_slug = "phuong-phap";
	roles_case("progress:\n  indicators: reg\n"
	    "  methodology_path: cach-tinh\n",
	    "site.yaml:4:21: error: methodology_path 'cach-tinh' must be a "
	    "path of the site from / to /\n");
	scratch_teardown();
}

int
main(void)
{
	test_none();
	test_roles();
	test_unknown_key();
	test_methodology_path();
	test_paths();
	test_plan();
	test_refs();
	test_rows();
	test_several_rows();
	test_names();
	test_final();
	return CHECK_DONE("indicator");
}
