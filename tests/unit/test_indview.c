/*
 * Unit tests for indview.c on the plan of scratch_plan(): the
 * "progress" object of a task page, an area page and the home page
 * with the strings of two languages (numbers, dates, periods and
 * targets as each writes them) and the pages the model adds (paths,
 * layouts, titles, what each view holds).  test_indapi.c tests the
 * static API.
 *
 * The strings are the test's own, shaped like the default theme's, so
 * that a change of wording in the theme does not move these tests.
 */
#include "indview.h"

#include <jansson.h>

#include "check.h"
#include "jsonpath.h"
#include "scratch.h"

static const char *const vi_strings = "{"
    "\"decimal_mark\": \",\", \"group_mark\": \".\","
    "\"date_format\": \"%d/%m/%Y\","
    "\"months\": [\"tháng 1\", \"tháng 2\", \"tháng 3\", \"tháng 4\","
    " \"tháng 5\", \"tháng 6\", \"tháng 7\", \"tháng 8\", \"tháng 9\","
    " \"tháng 10\", \"tháng 11\", \"tháng 12\"],"
    "\"op_gt\": \"trên {value}\", \"op_ge\": \"từ {value} trở lên\","
    "\"op_eq\": \"{value}\", \"op_le\": \"không quá {value}\","
    "\"op_lt\": \"dưới {value}\", \"op_between\": \"từ {value} đến {max}\","
    "\"op_improve\": \"cải thiện {value}\","
    "\"no_target\": \"không đặt chỉ tiêu\","
    "\"period_year\": \"năm {year}\","
    "\"period_h1\": \"6 tháng đầu năm {year}\","
    "\"period_h2\": \"6 tháng cuối năm {year}\","
    "\"period_quarter\": \"quý {n}/{year}\","
    "\"period_month\": \"tháng {n}/{year}\","
    "\"status_achieved\": \"Đã đạt\", \"status_on_track\": \"Đúng tiến độ\","
    "\"status_behind\": \"Chậm tiến độ\","
    "\"status_not_achieved\": \"Không đạt\","
    "\"status_awaiting_final\": \"Chờ số liệu cuối kỳ\","
    "\"status_no_data\": \"Chưa có dữ liệu\","
    "\"status_monitor\": \"Không đặt chỉ tiêu\","
    "\"why_pace_ok\": \"{value} ({when}), cần {expected} để đạt {target} "
    "trong {period}\","
    "\"why_incomplete\": \"{unreported}/{total} chưa báo cáo; {target}\","
    "\"why_no_figure\": \"Chưa có số liệu {period}\","
    "\"why_met_estimate\": \"Ước tính {value} ({when}) đạt {target}\","
    "\"share_done\": \"{done}/{total} đơn vị\","
    "\"share_done_partial\": \"{done} trong số {reported} đã báo cáo; "
    "{unreported}/{total} chưa báo cáo\","
    "\"share_late\": \"{late} trễ hạn\","
    "\"at_least\": \"ít nhất {value}\","
    "\"previous_result\": \"Kết quả {period}: {value}\","
    "\"target\": \"chỉ tiêu\", \"estimate\": \"ước tính\","
    "\"sample_data_tag\": \"minh họa\","
    "\"period\": \"Kỳ\", \"value\": \"Giá trị\","
    "\"chart_values_title\": \"{name}: {target}\","
    "\"chart_values_desc\": \"{count} số liệu\","
    "\"chart_table\": \"Bảng số liệu\", \"no_data_chart\": \"Chưa có\","
    "\"indicators\": \"Chỉ tiêu\", \"units\": \"Đơn vị\","
    "\"methodology\": \"Phương pháp\", \"api\": \"API\","
    "\"meth_intro\": \"Giới thiệu\","
    "\"meth_threshold\": \"Ngưỡng {threshold_percent}\","
    "\"meth_as_of\": \"Tính đến {as_of}\","
    "\"api_indicators\": \"Mọi chỉ tiêu\""
    "}";

static const char *const en_strings = "{"
    "\"decimal_mark\": \".\", \"group_mark\": \",\","
    "\"date_format\": \"%d %b %Y\","
    "\"months\": [\"January\", \"February\", \"March\", \"April\", \"May\","
    " \"June\", \"July\", \"August\", \"September\", \"October\","
    " \"November\", \"December\"],"
    "\"months_short\": [\"Jan\", \"Feb\", \"Mar\", \"Apr\", \"May\", \"Jun\","
    " \"Jul\", \"Aug\", \"Sep\", \"Oct\", \"Nov\", \"Dec\"],"
    "\"op_gt\": \"over {value}\", \"op_ge\": \"{value} or more\","
    "\"op_eq\": \"{value}\", \"op_le\": \"at most {value}\","
    "\"op_lt\": \"under {value}\", \"op_between\": \"from {value} to {max}\","
    "\"no_target\": \"no target set\","
    "\"period_year\": \"{year}\", \"period_h1\": \"H1 {year}\","
    "\"period_quarter\": \"Q{n} {year}\", \"period_month\": \"{month} {year}\","
    "\"status_on_track\": \"On track\","
    "\"why_pace_ok\": \"{value} ({when}); {expected} needed for {target} "
    "in {period}\","
    "\"at_least\": \"at least {value}\","
    "\"previous_result\": \"Result for {period}: {value}\","
    "\"target\": \"target\""
    "}";

static json_t	*vi, *en;

/* Whether "s" holds "part". */
static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

/* A task page: its units, its own targets and those it lists. */
static void
test_task_page(const struct scratch *m)
{
	const struct page	*p = scratch_page(m, "tasks/connect.md");
	json_t			*o;

	o = indview_page(m->ind, vi, NULL, p, p->path, NULL, 1);
	CHECK(o != NULL);
	CHECK_STR(str(o, "lead/0/id"), "ict");
	CHECK_STR(str(o, "lead/0/name"), "Department of ICT");
	CHECK_STR(str(o, "lead/0/url"), "../../don-vi/ict/");
	CHECK(is_false(o, "lead/0/reading"));
	CHECK(size(o, "lead") == 1 && size(o, "partners") == 1);
	CHECK_STR(str(o, "partners/0/id"), "fin");
	/* partner_types: [district], two units, no words in unit_types. */
	CHECK(size(o, "partner_types") == 1);
	CHECK_STR(str(o, "partner_types/0/label"), "district");
	CHECK(num(o, "partner_types/0/count") == 2);
	CHECK_STR(str(o, "partner_types/0/url"), "../../don-vi/#district");
	CHECK(is_true(o, "has_lead") && is_false(o, "lead_unnamed"));
	CHECK(is_true(o, "has_partners") && is_true(o, "has_units"));

	/* Its own targets (task T1) first, then indicators: [A2.a]. */
	CHECK(size(o, "indicators") == 3);
	CHECK_STR(str(o, "indicators/0/id"), "A1.a");
	CHECK_STR(str(o, "indicators/1/id"), "A1.c");
	CHECK_STR(str(o, "indicators/2/id"), "A2.a");
	CHECK(is_true(o, "has_indicators") && is_true(o, "has_sample"));
	CHECK(is_false(o, "page_sample"));
	CHECK(at(o, "headline") == NULL && at(o, "area") == NULL);

	/* A1.a in Vietnamese: 50.2 of "> 60" in Q2, ahead of the pace. */
	CHECK_STR(str(o, "indicators/0/url"), "../../chi-tieu/A1.a/");
	CHECK_STR(str(o, "indicators/0/status"), "on-track");
	CHECK_STR(str(o, "indicators/0/status_label"), "Đúng tiến độ");
	CHECK_STR(str(o, "indicators/0/kind"), "value");
	CHECK_STR(str(o, "indicators/0/value_display"), "50,2%");
	CHECK_STR(str(o, "indicators/0/value_when"), "quý 2/2024");
	CHECK_STR(str(o, "indicators/0/target_display"), "trên 60%");
	CHECK_STR(str(o, "indicators/0/period_display"), "năm 2024");
	CHECK_STR(str(o, "indicators/0/deadline_display"), "31/12/2024");
	/* 40 + 20 * 182/366 = 49.945..., two decimals. */
	CHECK_STR(str(o, "indicators/0/why"), "50,2% (quý 2/2024), cần 49,95% "
	    "để đạt trên 60% trong năm 2024");
	CHECK(is_true(o, "indicators/0/has_value"));
	CHECK(is_true(o, "indicators/0/interim"));
	CHECK(is_false(o, "indicators/0/estimate"));
	CHECK(is_true(o, "indicators/0/sample"));
	CHECK(is_false(o, "indicators/0/is_share"));
	CHECK_STR(str(o, "indicators/0/baseline/value_display"), "40%");
	CHECK_STR(str(o, "indicators/0/baseline/when"), "năm 2023");
	CHECK_STR(str(o, "indicators/0/lead/id"), "ict");
	/* The bar: 50.2 of 100 and a tick at 60, named in words. */
	CHECK(has(str(o, "indicators/0/progress_bar"), "aria-label=\"50,2% / "
	    "chỉ tiêu trên 60%\""));
	CHECK(has(str(o, "indicators/0/progress_bar"), "width=\"100.4\""));
	CHECK(has(str(o, "indicators/0/progress_bar"), "x1=\"121\""));

	/* A milestone done: no figure shown, no bar. */
	CHECK_STR(str(o, "indicators/1/status"), "achieved");
	CHECK(is_true(o, "indicators/1/is_milestone"));
	CHECK(is_false(o, "indicators/1/has_value"));
	CHECK(at(o, "indicators/1/value_display") == NULL);
	CHECK(at(o, "indicators/1/progress_bar") == NULL);
	CHECK_STR(str(o, "indicators/1/value_when"), "30/06/2024");

	/* No figure for 2024: the 2023 one is the previous result. */
	CHECK_STR(str(o, "indicators/2/status"), "no-data");
	CHECK_STR(str(o, "indicators/2/why"), "Chưa có số liệu năm 2024");
	CHECK(is_false(o, "indicators/2/has_value"));
	CHECK_STR(str(o, "indicators/2/previous/display"),
	    "Kết quả năm 2023: 71%");
	CHECK(is_false(o, "indicators/2/previous/sample"));
	CHECK_STR(str(o, "indicators/2/assessment/text"), "hoàn thành");
	CHECK(is_false(o, "indicators/2/sample"));
	json_decref(o);

	/* The same in English. */
	o = indview_page(m->ind, en, NULL, p, p->path, NULL, 1);
	CHECK_STR(str(o, "indicators/0/value_display"), "50.2%");
	CHECK_STR(str(o, "indicators/0/value_when"), "Q2 2024");
	CHECK_STR(str(o, "indicators/0/target_display"), "over 60%");
	CHECK_STR(str(o, "indicators/0/period_display"), "2024");
	CHECK_STR(str(o, "indicators/0/deadline_display"), "31 Dec 2024");
	CHECK_STR(str(o, "indicators/0/status_label"), "On track");
	CHECK_STR(str(o, "indicators/0/why"), "50.2% (Q2 2024); 49.95% needed "
	    "for over 60% in 2024");
	CHECK_STR(str(o, "indicators/2/previous/display"),
	    "Result for 2023: 71%");
	json_decref(o);

	/* Absolute links, for feeds and the like. */
	o = indview_page(m->ind, en, NULL, p, p->path, "https://example.org/plan/",
	    1);
	CHECK_STR(str(o, "indicators/0/url"),
	    "https://example.org/plan/chi-tieu/A1.a/");
	CHECK_STR(str(o, "lead/0/url"), "https://example.org/plan/don-vi/ict/");
	json_decref(o);

	/* Listed on another page: only its units. */
	o = indview_page(m->ind, vi, NULL, p, "/tasks/", NULL, 0);
	CHECK_STR(str(o, "lead/0/url"), "../don-vi/ict/");
	CHECK(at(o, "indicators") == NULL && at(o, "has_indicators") == NULL);
	CHECK(is_true(o, "has_units"));
	json_decref(o);
}

/* An area's page: its clauses, one of them of two parts. */
static void
test_area_page(const struct scratch *m)
{
	const struct page	*p = scratch_page(m, "areas/services.md");
	json_t			*o;
	static const char *const order[] = { "achieved", "on-track",
	    "behind", "not-achieved", "awaiting-final", "no-data" };
	static const long long counts[] = { 1, 1, 0, 0, 0, 1 };
	char			 path[64];
	size_t			 i;

	o = indview_page(m->ind, vi, NULL, p, p->path, NULL, 1);
	CHECK_STR(str(o, "area/id"), "A1");
	CHECK_STR(str(o, "area/title"), "Online services");
	CHECK_STR(str(o, "area/code"), "A1");
	CHECK_STR(str(o, "area/url"), "./");
	CHECK(num(o, "area/total") == 3 && num(o, "area/part_count") == 3);
	CHECK(num(o, "area/sample_count") == 3 && is_true(o, "area/sample"));
	CHECK(size(o, "area/statuses") == 6);
	for (i = 0; i < 6; i++) {
		snprintf(path, sizeof(path), "area/statuses/%zu/status", i);
		CHECK_STR(str(o, path), order[i]);
		snprintf(path, sizeof(path), "area/statuses/%zu/count", i);
		CHECK(num(o, path) == counts[i]);
	}
	CHECK_STR(str(o, "area/statuses/5/status_label"), "Chưa có dữ liệu");
	CHECK(is_false(o, "area/statuses/2/has"));
	CHECK(size(o, "area/clauses") == 3);
	/* The share: two of four done, so at least 50%. */
	CHECK_STR(str(o, "area/clauses/1/id"), "A1.b");
	CHECK(is_true(o, "area/clauses/1/is_share"));
	CHECK_STR(str(o, "area/clauses/1/value_display"), "ít nhất 50%");
	CHECK_STR(str(o, "area/clauses/1/target_display"), "100%");
	CHECK_STR(str(o, "area/clauses/1/share_display"),
	    "2 trong số 3 đã báo cáo; 1/4 chưa báo cáo");
	CHECK(num(o, "area/clauses/1/done") == 2 &&
	    num(o, "area/clauses/1/total") == 4 &&
	    num(o, "area/clauses/1/reported") == 3 &&
	    num(o, "area/clauses/1/unreported") == 1);
	CHECK_STR(str(o, "area/clauses/1/status"), "no-data");
	CHECK_STR(str(o, "area/clauses/1/why"), "1/4 chưa báo cáo; 100%");
	CHECK_STR(str(o, "area/clauses/1/value_when"), "02/03/2024");
	/* The page itself lists no target of its own. */
	CHECK(size(o, "indicators") == 0 && is_false(o, "has_indicators"));
	CHECK(is_true(o, "has_sample"));
	CHECK(is_false(o, "has_units"));
	json_decref(o);

	p = scratch_page(m, "areas/safety.md");
	o = indview_page(m->ind, en, NULL, p, p->path, NULL, 1);
	CHECK(size(o, "area/clauses") == 2);
	CHECK_STR(str(o, "area/clauses/0/id"), "A2.a");
	CHECK(is_true(o, "area/clauses/1/compound"));
	CHECK_STR(str(o, "area/clauses/1/clause"), "b");
	CHECK_STR(str(o, "area/clauses/1/status"), "on-track");
	CHECK(is_true(o, "area/clauses/1/sample"));
	CHECK(num(o, "area/clauses/1/part_count") == 2);
	CHECK_STR(str(o, "area/clauses/1/parts/0/id"), "A2.b.1");
	CHECK_STR(str(o, "area/clauses/1/parts/0/value_display"), "31.5%");
	CHECK_STR(str(o, "area/clauses/1/parts/0/value_when"), "H1 2024");
	CHECK_STR(str(o, "area/clauses/1/parts/0/target_display"),
	    "30% or more");
	CHECK(is_true(o, "area/clauses/1/parts/0/estimate"));
	CHECK(is_false(o, "area/clauses/1/parts/0/interim"));
	CHECK_STR(str(o, "area/clauses/1/parts/1/target_display"),
	    "from 60% to 80%");
	CHECK(is_false(o, "area/clauses/1/parts/1/interim"));
	CHECK(is_false(o, "area/clauses/1/parts/1/sample"));
	json_decref(o);
}

/* The home page's headline, and pages with nothing of the model. */
static void
test_home(const struct scratch *m)
{
	const struct page	*p = scratch_page(m, "_index.md");
	struct page		 bare;
	json_t			*o;

	o = indview_page(m->ind, vi, NULL, p, p->path, NULL, 1);
	CHECK_STR(str(o, "headline/as_of_display"), "15/07/2024");
	CHECK_STR(str(o, "headline/latest_display"), "30/06/2024");
	CHECK(is_true(o, "headline/has_latest"));
	CHECK(is_true(o, "headline/latest_sample"));
	CHECK(is_true(o, "headline/sample"));
	CHECK(num(o, "headline/sample_count") == 4);
	CHECK(num(o, "headline/total") == 6);
	CHECK(num(o, "headline/part_count") == 7);
	CHECK(num(o, "headline/monitor_count") == 1);
	/* 7 parts in 6 clauses with targets: some clause has parts. */
	CHECK(is_true(o, "headline/has_parts"));
	CHECK(num(o, "headline/statuses/0/count") == 2);
	CHECK(size(o, "headline/areas") == 3);
	CHECK_STR(str(o, "headline/areas/2/title"), "A3");
	CHECK(at(o, "headline/areas/2/url") == NULL);
	CHECK(at(o, "headline/areas/0/clauses") == NULL);
	CHECK_STR(str(o, "headline/areas/1/url"), "areas/safety/");
	CHECK_STR(str(o, "headline/indicators_url"), "chi-tieu/");
	CHECK_STR(str(o, "headline/units_url"), "don-vi/");
	CHECK_STR(str(o, "headline/api_url"), "api/");
	CHECK_STR(str(o, "headline/methodology_url"),
	    "chi-tieu/phuong-phap/");
	CHECK(is_true(o, "has_sample"));
	json_decref(o);

	CHECK(indview_page(NULL, vi, NULL, p, p->path, NULL, 1) == NULL);
	memset(&bare, 0, sizeof(bare));
	CHECK(indview_page(m->ind, vi, NULL, &bare, "/x/", NULL, 1) == NULL);
}

/* What indview_pages() hands over, one call per page. */
struct pagecall {
	char	*path, *title, *layout, *key, *up, *up_title;
	json_t	*view;
};

struct pages {
	struct pagecall	 v[32];
	size_t		 n;
	size_t		 fail_at;	/* the call that fails, or 0 */
};

static char *
dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int
collect_page(void *arg, const char *path, const char *title,
    const char *summary, const char *layout, const char *key, json_t *view,
    const char *up, const char *up_title)
{
	struct pages	*p = arg;
	struct pagecall	*c;

	CHECK(summary == NULL);
	if (p->n == sizeof(p->v) / sizeof(p->v[0])) {
		json_decref(view);
		return 0;
	}
	c = &p->v[p->n++];
	c->path = strdup(path);
	c->title = strdup(title);
	c->layout = strdup(layout);
	c->key = strdup(key);
	c->up = dup_or_null(up);
	c->up_title = dup_or_null(up_title);
	c->view = view;
	return p->n != p->fail_at;
}

static void
pages_free(struct pages *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].title);
		free(p->v[i].layout);
		free(p->v[i].key);
		free(p->v[i].up);
		free(p->v[i].up_title);
		json_decref(p->v[i].view);
	}
	memset(p, 0, sizeof(*p));
}

/* Whether call "i" of "p" is path, title, layout, key, up, up_title. */
static int
call(const struct pages *p, size_t i, const char *path, const char *title,
    const char *layout, const char *key, const char *up,
    const char *up_title)
{
	const struct pagecall	*c = &p->v[i];

	if (i < p->n && strcmp(c->path, path) == 0 &&
	    strcmp(c->title, title) == 0 && strcmp(c->layout, layout) == 0 &&
	    strcmp(c->key, key) == 0 && (up ? c->up && strcmp(c->up, up) == 0 :
	    c->up == NULL) && (up_title ? c->up_title &&
	    strcmp(c->up_title, up_title) == 0 : c->up_title == NULL))
		return 1;
	if (i < p->n)
		printf("  call %zu: %s '%s' %s %s %s '%s'\n", i, c->path,
		    c->title, c->layout, c->key, c->up ? c->up : "(null)",
		    c->up_title ? c->up_title : "(null)");
	return 0;
}

static void
test_pages(const struct scratch *m)
{
	struct pages	 p;
	const json_t	*v;

	memset(&p, 0, sizeof(p));
	CHECK(indview_pages(m->ind, vi, NULL, collect_page, &p) == 1);
	CHECK(p.n == 16);
	/* Pages are named from their titles: "Online services". */
	CHECK(call(&p, 0, "/chi-tieu/A1.a/", "Applications online",
	    "indicator", "indicator", "/areas/online-services/",
	    "Online services"));
	CHECK(call(&p, 1, "/chi-tieu/A1.b/", "Units publish a data plan",
	    "indicator", "indicator", "/areas/online-services/",
	    "Online services"));
	CHECK(call(&p, 5, "/chi-tieu/A2.b.2/", "Schools online", "indicator",
	    "indicator", "/areas/safety/", "Safety"));
	/* An area without a page: up to the index of targets. */
	CHECK(call(&p, 6, "/chi-tieu/A3.a/", "Rank among provinces",
	    "indicator", "indicator", "/chi-tieu/", "Chỉ tiêu"));
	CHECK(call(&p, 8, "/chi-tieu/", "Chỉ tiêu", "indicators", "progress",
	    NULL, NULL));
	CHECK(call(&p, 9, "/chi-tieu/phuong-phap/", "Phương pháp",
	    "methodology", "methodology", "/chi-tieu/", "Chỉ tiêu"));
	CHECK(call(&p, 10, "/don-vi/ict/", "Department of ICT", "unit",
	    "unit", "/don-vi/", "Đơn vị"));
	CHECK(call(&p, 13, "/don-vi/south/", "South District", "unit", "unit",
	    "/don-vi/", "Đơn vị"));
	CHECK(call(&p, 14, "/api/", "API", "api", "api", NULL, NULL));
	CHECK(call(&p, 15, "/don-vi/", "Đơn vị", "units", "units", NULL,
	    NULL));
	if (p.n != 16)
		goto out;

	/* A1.a's page: its figures, chart, links from its own path. */
	v = p.v[0].view;
	CHECK(size(v, "values") == 2 && is_true(v, "has_values"));
	CHECK_STR(str(v, "values/0/period_display"), "quý 1/2024");
	CHECK_STR(str(v, "values/0/value_display"), "45,5%");
	CHECK_STR(str(v, "values/0/when"), "in");
	CHECK(is_true(v, "values/0/interim") && is_false(v, "values/0/final"));
	CHECK(is_true(v, "values/0/sample") && is_true(v, "values_sample"));
	CHECK_STR(str(v, "values/0/source"), "Report 1, ICT");
	CHECK_STR(str(v, "values/0/reported_by/url"), "../../don-vi/ict/");
	/* The chart as a model for the theme's partials/chart.mustache. */
	CHECK_STR(str(v, "chart/kind"), "line");
	CHECK(has(str(v, "chart/svg"), "<svg") && has(str(v, "chart/svg"),
	    "quý 2/2024"));
	/* Its sample figures are said to be so in the chart as well, in
	 * each point's title and in the chart's table. */
	CHECK(has(str(v, "chart/svg"), "<title>quý 1/2024: 45,5 (minh họa)"
	    "</title>"));
	CHECK_STR(str(v, "chart/table/rows/0/label"), "quý 1/2024");
	CHECK_STR(str(v, "chart/table/rows/0/cells/0/value"), "45,5");
	CHECK_STR(str(v, "chart/table/rows/0/cells/0/note"), "minh họa");
	CHECK_STR(str(v, "task/url"), "../../tasks/connect-the-systems/");
	CHECK_STR(str(v, "task/code"), "T1");
	CHECK_STR(str(v, "area_page/url"), "../../areas/online-services/");
	CHECK_STR(str(v, "expected_display"), "49,95%");
	CHECK_STR(str(v, "downloads/0/format"), "CSV");
	CHECK_STR(str(v, "downloads/0/url"), "../../api/indicators/A1.a.csv");
	CHECK_STR(str(v, "downloads/1/url"), "../../api/indicators/A1.a.json");
	CHECK_STR(str(v, "methodology_url"), "../phuong-phap/");
	CHECK(at(v, "siblings") == NULL && is_false(v, "has_units"));

	/* The share's page: every unit it counts, in registry order. */
	v = p.v[1].view;
	CHECK(size(v, "units") == 4 && is_true(v, "units_sample"));
	CHECK_STR(str(v, "units/0/state"), "done");
	CHECK_STR(str(v, "units/0/date_display"), "20/12/2023");
	CHECK_STR(str(v, "units/0/document"), "Plan 1/KH");
	CHECK_STR(str(v, "units/2/state"), "not-done");
	CHECK_STR(str(v, "units/2/date_display"), "");
	CHECK_STR(str(v, "units/3/id"), "south");
	CHECK_STR(str(v, "units/3/state"), "unreported");
	CHECK(is_true(v, "units/3/unreported") && is_true(v,
	    "units/3/reading"));
	CHECK(is_false(v, "units/3/sample"));
	CHECK(size(v, "values") == 0);
	CHECK(at(v, "chart") == NULL);	/* no figures, no chart */

	/* A part of a clause: its sibling and the clause's status. */
	v = p.v[4].view;
	CHECK_STR(str(v, "id"), "A2.b.1");
	CHECK(size(v, "siblings") == 1);
	CHECK_STR(str(v, "siblings/0/id"), "A2.b.2");
	CHECK_STR(str(v, "clause_status"), "on-track");
	CHECK_STR(str(v, "clause_status_label"), "Đúng tiến độ");

	/* The index of targets: every area with its clauses. */
	v = p.v[8].view;
	CHECK(size(v, "areas") == 3 && size(v, "areas/0/clauses") == 3);
	CHECK_STR(str(v, "areas/0/url"), "../areas/online-services/");
	CHECK_STR(str(v, "methodology_url"), "phuong-phap/");

	/* The methodology: the threshold in the language's numbers. */
	v = p.v[9].view;
	CHECK_STR(str(v, "threshold"), "0,95");
	CHECK_STR(str(v, "text/threshold"), "Ngưỡng 95%");
	CHECK_STR(str(v, "text/as_of"), "Tính đến 15/07/2024");
	CHECK_STR(str(v, "text/intro"), "Giới thiệu");
	CHECK(size(v, "statuses") == 6);

	/* ict leads the task and three targets; it counts in A1.b and
	 * reported A1.c. */
	v = p.v[10].view;
	CHECK_STR(str(v, "type_label"), "Departments");
	CHECK(size(v, "leads") == 1 && is_true(v, "has_leads"));
	CHECK_STR(str(v, "leads/0/url"), "../../tasks/connect-the-systems/");
	CHECK(size(v, "indicators") == 3);
	CHECK(size(v, "items") == 2);
	CHECK_STR(str(v, "items/0/indicator/id"), "A1.b");
	CHECK_STR(str(v, "items/1/indicator/id"), "A1.c");
	CHECK(num(v, "done_count") == 2 && num(v, "pending_count") == 0 &&
	    num(v, "unreported_count") == 0);
	/* south: not in the plan, silent on A1.b, a partner by type. */
	v = p.v[13].view;
	CHECK(is_true(v, "reading"));
	CHECK(size(v, "items") == 1 && num(v, "unreported_count") == 1);
	CHECK(size(v, "supports") == 1 && size(v, "leads") == 0);
	CHECK_STR(str(v, "type_label"), "district");

	/* The API page: six files, and a target as an example. */
	v = p.v[14].view;
	CHECK(size(v, "files") == 6);
	CHECK_STR(str(v, "files/0/path"), "api/indicators.json");
	CHECK_STR(str(v, "files/0/url"), "indicators.json");
	CHECK_STR(str(v, "files/0/description"), "Mọi chỉ tiêu");
	CHECK_STR(str(v, "files/1/path"), "api/indicators/ID.json");
	CHECK_STR(str(v, "files/1/url"), "indicators/A1.a.json");
	CHECK_STR(str(v, "files/5/url"), "units/ict.json");
	{
		json_t	*ex = json_loads(str(v, "example"), 0, NULL);

		CHECK_STR(str(ex, "id"), "A1.a");
		CHECK_STR(str(ex, "url"),
		    "https://example.org/plan/chi-tieu/A1.a/");
		json_decref(ex);
	}

	/* The units, by type in order of first appearance. */
	v = p.v[15].view;
	CHECK(size(v, "groups") == 2);
	CHECK_STR(str(v, "groups/0/label"), "Departments");
	CHECK_STR(str(v, "groups/0/units/1/id"), "fin");
	CHECK_STR(str(v, "groups/1/type"), "district");
	CHECK(num(v, "groups/1/units/0/supports") == 1);
out:
	pages_free(&p);

	/* A page that cannot be written fails the whole, after the rest. */
	p.fail_at = 3;
	CHECK(indview_pages(m->ind, vi, NULL, collect_page, &p) == 0);
	CHECK(p.n == 16);
	pages_free(&p);
}

/*
 * progress.methodology_path moves the methodology page, and every link
 * to it goes there; the page stays below the targets in the trail.
 */
static void
test_methodology_path(void)
{
	struct scratch		 m;
	struct pages		 p;
	const struct page	*home;
	json_t			*o;
	FILE			*fp;

	scratch_setup("indview");
	scratch_plan();
	if ((fp = fopen("site.yaml", "a")) == NULL ||
	    fputs("  methodology_path: /cach-tinh/\n", fp) == EOF ||
	    fclose(fp) != 0)
		abort();
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	if (m.linked != 1)
		goto out;
	home = scratch_page(&m, "_index.md");
	o = indview_page(m.ind, vi, NULL, home, home->path, NULL, 1);
	CHECK_STR(str(o, "headline/methodology_url"), "cach-tinh/");
	json_decref(o);
	memset(&p, 0, sizeof(p));
	CHECK(indview_pages(m.ind, vi, NULL, collect_page, &p) == 1);
	CHECK(call(&p, 9, "/cach-tinh/", "Phương pháp", "methodology",
	    "methodology", "/chi-tieu/", "Chỉ tiêu"));
	CHECK(p.n == 16 && strcmp(p.v[0].path, "/chi-tieu/A1.a/") == 0);
	CHECK_STR(str(p.n ? p.v[0].view : NULL, "methodology_url"),
	    "../../cach-tinh/");
	CHECK_STR(str(p.n > 8 ? p.v[8].view : NULL, "methodology_url"),
	    "../cach-tinh/");
	pages_free(&p);
out:
	scratch_free(&m);
	scratch_teardown();
}

int
main(void)
{
	struct scratch	 m;

	vi = json_loads(vi_strings, 0, NULL);
	en = json_loads(en_strings, 0, NULL);
	if (vi == NULL || en == NULL) {
		printf("FAIL: the test's strings do not parse\n");
		return 1;
	}
	scratch_setup("indview");
	scratch_plan();
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	if (m.linked == 1) {
		test_task_page(&m);
		test_area_page(&m);
		test_home(&m);
		test_pages(&m);
	}
	scratch_free(&m);
	scratch_teardown();
	test_methodology_path();
	json_decref(vi);
	json_decref(en);
	return CHECK_DONE("indview");
}
