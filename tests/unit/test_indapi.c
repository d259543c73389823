/*
 * Unit tests for indapi.c on the plan of scratch_plan(): every file of
 * the static API parses, every indicator has its status, reason and
 * sample flag, a share lists every unit it counts, the CSV of a target
 * holds its rows one by one (a source with a comma quoted), areas and
 * units link to their pages, a base URL makes every address absolute,
 * and each report of a milestone keeps its own state.
 */
#include "indapi.h"

#include <jansson.h>

#include "buf.h"
#include "check.h"
#include "jsonpath.h"
#include "scratch.h"

/* The files of the API, by path. */
static int
collect_file(void *arg, const char *path, const struct buf *data)
{
	json_t	*files = arg;

	CHECK(json_object_get(files, path) == NULL);
	json_object_set_new(files, path, json_stringn(data->data, data->len));
	return 1;
}

/* The JSON file "path" of "files", parsed; NULL when it does not parse. */
static json_t *
api_json(const json_t *files, const char *path)
{
	const char	*s = json_string_value(json_object_get(files, path));
	json_error_t	 e;
	json_t		*o;

	if (s == NULL)
		return NULL;
	if ((o = json_loads(s, 0, &e)) == NULL)
		printf("  %s: %s\n", path, e.text);
	return o;
}

static void
test_api(const struct scratch *m)
{
	static const struct {
		const char	*id, *status, *reason;
		int		 sample;
	} want[] = {
		{ "A1.a", "on-track", "pace-ok", 1 },
		{ "A1.b", "no-data", "incomplete", 1 },
		{ "A1.c", "achieved", "done", 1 },
		{ "A2.a", "no-data", "no-figure", 0 },
		{ "A2.b.1", "on-track", "met-estimate", 1 },
		{ "A2.b.2", "achieved", "met", 0 },
		{ "A3.a", "achieved", "met", 0 },
		{ "A3.b", "monitor", "monitor", 0 },
	};
	json_t		*files = json_object(), *o;
	const char	*path, *s;
	json_t		*v;
	char		 key[64];
	size_t		 i;

	CHECK(indapi_write(m->ind, "", collect_file, files) == 1);
	CHECK(json_object_size(files) == 23);
	json_object_foreach(files, path, v) {
		s = json_string_value(v);
		if (strstr(path, ".json") == NULL)
			continue;
		o = api_json(files, path);
		CHECK(o != NULL && s[strlen(s) - 1] == '\n');
		json_decref(o);
	}

	o = api_json(files, "api/indicators.json");
	CHECK_STR(str(o, "as_of"), "2024-07-15");
	CHECK_STR(str(o, "latest"), "2024-06-30");
	CHECK(is_true(o, "latest_sample"));
	CHECK(num(o, "counts/clauses") == 6 && num(o, "counts/sample") == 4);
	CHECK(num(o, "counts/statuses/achieved") == 2 &&
	    num(o, "counts/statuses/on-track") == 2 &&
	    num(o, "counts/statuses/no-data") == 2 &&
	    num(o, "counts/statuses/behind") == 0);
	CHECK(at(o, "counts/statuses/monitor") == NULL);
	CHECK(size(o, "clauses") == 7);
	CHECK_STR(str(o, "clauses/4/id"), "A2 b");
	CHECK(size(o, "clauses/4/parts") == 2);
	CHECK_STR(str(o, "clauses/4/status"), "on-track");
	CHECK(size(o, "indicators") == 8);
	for (i = 0; i < 8; i++) {
		snprintf(key, sizeof(key), "indicators/%zu/id", i);
		CHECK_STR(str(o, key), want[i].id);
		snprintf(key, sizeof(key), "indicators/%zu/status", i);
		CHECK_STR(str(o, key), want[i].status);
		snprintf(key, sizeof(key), "indicators/%zu/reason", i);
		CHECK_STR(str(o, key), want[i].reason);
		snprintf(key, sizeof(key), "indicators/%zu/sample", i);
		CHECK(json_is_boolean(at(o, key)) &&
		    json_is_true(at(o, key)) == want[i].sample);
	}
	CHECK_STR(str(o, "indicators/0/url"), "/chi-tieu/A1.a/");
	CHECK_STR(str(o, "indicators/0/api"), "/api/indicators/A1.a.json");
	CHECK(json_real_value(at(o, "indicators/0/value")) == 50.2);
	CHECK_STR(str(o, "indicators/0/value_period"), "2024-Q2");
	CHECK(json_real_value(at(o, "indicators/0/baseline/value")) == 40);
	CHECK_STR(str(o, "indicators/5/operator"), "between");
	CHECK(json_real_value(at(o, "indicators/5/target_max")) == 80);
	CHECK_STR(str(o, "indicators/6/operator"), "<=");
	CHECK_STR(str(o, "indicators/6/direction"), "rank");
	CHECK_STR(str(o, "indicators/3/assessment/status"), "achieved");
	CHECK(json_is_null(at(o, "indicators/3/value")));
	CHECK(json_is_null(at(o, "indicators/7/target")));
	json_decref(o);

	/* The share, with every unit it counts. */
	o = api_json(files, "api/indicators/A1.b.json");
	CHECK(num(o, "units/applicable") == 4 && num(o, "units/reported") == 3
	    && num(o, "units/done") == 2 && num(o, "units/done_late") == 0);
	CHECK(json_real_value(at(o, "value_upper")) == 75);
	CHECK(size(o, "unit_progress") == 4 && size(o, "applies") == 4);
	CHECK_STR(str(o, "unit_progress/2/unit"), "north");
	CHECK_STR(str(o, "unit_progress/2/state"), "not-done");
	CHECK(json_is_null(at(o, "unit_progress/2/done")));
	CHECK_STR(str(o, "unit_progress/3/state"), "unreported");
	CHECK(is_false(o, "unit_progress/3/sample"));
	CHECK_STR(str(o, "applies/3"), "south");
	json_decref(o);

	/* Figures of a rank: the earlier one before the period. */
	o = api_json(files, "api/indicators/A3.a.json");
	CHECK(size(o, "values") == 2);
	CHECK_STR(str(o, "values/0/in_target_period"), "before");
	CHECK(is_false(o, "values/0/final"));
	CHECK_STR(str(o, "values/1/date"), "2023-12-31");
	CHECK(is_true(o, "values/1/final"));
	json_decref(o);

	/* One target's rows as CSV, a quoted source among them. */
	CHECK_STR(json_string_value(json_object_get(files,
	    "api/indicators/A1.a.csv")),
	    "indicator,period,value,value_type,final,in_target_period,unit,"
	    "source,source_url,sample\r\n"
	    "A1.a,2024-Q1,45.5,actual,false,in,ict,\"Report 1, ICT\",,true\r\n"
	    "A1.a,2024-Q2,50.2,actual,false,in,ict,Quarterly report,,true\r\n");
	CHECK_STR(json_string_value(json_object_get(files,
	    "api/indicators/A1.b.csv")),
	    "indicator,unit,unit_name,state,done,reported,final,document,"
	    "sample\r\n"
	    "A1.b,ict,Department of ICT,done,2023-12-20,,false,Plan 1/KH,"
	    "true\r\n"
	    "A1.b,fin,Department of Finance,done,2024-03-02,,false,Plan 2/KH,"
	    "true\r\n"
	    "A1.b,north,North District,not-done,,,false,,true\r\n"
	    "A1.b,south,South District,unreported,,,false,,false\r\n");
	CHECK_STR(json_string_value(json_object_get(files,
	    "api/indicators/A2.b.2.csv")),
	    "indicator,period,value,value_type,final,in_target_period,unit,"
	    "source,source_url,sample\r\n"
	    "A2.b.2,2023,70,actual,true,in,fin,,,false\r\n");

	o = api_json(files, "api/areas.json");
	CHECK(size(o, "areas") == 3);
	CHECK_STR(str(o, "areas/0/url"), "/areas/online-services/");
	CHECK(json_is_null(at(o, "areas/2/url")));
	CHECK_STR(str(o, "areas/2/title"), "A3");
	CHECK(num(o, "areas/1/statuses/on-track") == 1 &&
	    num(o, "areas/1/counts/clauses") == 2);
	json_decref(o);

	o = api_json(files, "api/units/ict.json");
	CHECK(size(o, "leads") == 1 && size(o, "indicators") == 3);
	CHECK_STR(str(o, "leads/0/code"), "T1");
	CHECK_STR(str(o, "leads/0/url"), "/tasks/connect-the-systems/");
	CHECK(size(o, "unit_progress") == 2);
	CHECK_STR(str(o, "unit_progress/1/indicator"), "A1.c");
	CHECK_STR(str(o, "unit_progress/1/done"), "2024-06-30");
	json_decref(o);
	o = api_json(files, "api/units.json");
	CHECK(size(o, "units") == 4);
	CHECK(is_false(o, "units/3/in_plan") && is_true(o, "units/0/in_plan"));
	CHECK(at(o, "units/0/leads") == NULL);
	json_decref(o);
	json_decref(files);

	/* With a base URL, every address is absolute. */
	files = json_object();
	CHECK(indapi_write(m->ind, "https://example.org/plan/", collect_file,
	    files) == 1);
	o = api_json(files, "api/indicators.json");
	CHECK_STR(str(o, "indicators/0/url"),
	    "https://example.org/plan/chi-tieu/A1.a/");
	CHECK_STR(str(o, "indicators/0/api"),
	    "https://example.org/plan/api/indicators/A1.a.json");
	json_decref(o);
	json_decref(files);
}

/* Each report of a milestone with its own state, the unit's decided. */
static void
test_reports(void)
{
	struct scratch	 m;
	json_t		*files = json_object(), *o;

	scratch_setup("indapi");
	scratch_plan();
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done,document,sample\n"
	    "A1.c,ict,2024-06-30,Decision 5/QD,true\n"
	    "A1.c,ict,,Report 3,true\n");
	scratch_load(&m);
	CHECK(m.linked == 1);
	CHECK(scratch_said(&m, "datasets/reg.csv:5:58: warning: the plan's "
	    "own assessment of 'A2.a' ('hoàn thành') disagrees with the "
	    "status computed from the figures ('no-data'): both are shown; "
	    "check the figures or the assessment\n"));
	CHECK(indapi_write(m.ind, "", collect_file, files) == 1);
	o = api_json(files, "api/indicators/A1.c.json");
	CHECK_STR(str(o, "status"), "achieved");
	CHECK(size(o, "unit_progress") == 2);
	CHECK_STR(str(o, "unit_progress/0/state"), "done");
	CHECK_STR(str(o, "unit_progress/0/document"), "Decision 5/QD");
	CHECK_STR(str(o, "unit_progress/1/state"), "not-done");
	CHECK_STR(str(o, "unit_progress/1/document"), "Report 3");
	json_decref(o);
	CHECK_STR(json_string_value(json_object_get(files,
	    "api/indicators/A1.c.csv")),
	    "indicator,unit,unit_name,state,done,reported,final,document,"
	    "sample\r\n"
	    "A1.c,ict,Department of ICT,done,2024-06-30,,false,Decision 5/QD,"
	    "true\r\n"
	    "A1.c,ict,Department of ICT,not-done,,,false,Report 3,true\r\n");
	json_decref(files);
	scratch_free(&m);
	scratch_teardown();
}

int
main(void)
{
	struct scratch	 m;

	scratch_setup("indapi");
	scratch_plan();
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	if (m.linked == 1)
		test_api(&m);
	scratch_free(&m);
	scratch_teardown();
	test_reports();
	return CHECK_DONE("indapi");
}
