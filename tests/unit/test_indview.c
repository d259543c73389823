/*
 * Unit tests for indview.c on the plan of scratch_plan(): the
 * "progress" object of a task page, an area page and the home page
 * with the strings of two languages (numbers, dates, periods and
 * targets as each writes them), the pages the model adds (paths,
 * layouts, titles, what each view holds) and the static API (every
 * file parses, every indicator with its status and sample flag, the
 * CSV of one target row by row).
 *
 * The strings are the test's own, shaped like the default theme's, so
 * that a change of wording in the theme does not move these tests.
 */
#include "indview.h"

#include <jansson.h>

#include "buf.h"
#include "check.h"
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

/*
 * The value at "path" in "o": keys and array indexes joined by '/'
 * ("area/clauses/1/parts/0/id"), or NULL.
 */
static const json_t *
at(const json_t *o, const char *path)
{
	char		 key[128];
	const char	*p = path, *slash;
	size_t		 len;

	while (o != NULL && *p) {
		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if (len >= sizeof(key))
			return NULL;
		memcpy(key, p, len);
		key[len] = '\0';
		o = json_is_array(o) ? json_array_get(o, strtoul(key, NULL,
		    10)) : json_object_get(o, key);
		p += len + (slash != NULL);
	}
	return o;
}

static const char *
str(const json_t *o, const char *path)
{
	return json_string_value(at(o, path));
}

static long long
num(const json_t *o, const char *path)
{
	const json_t	*v = at(o, path);

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

static int
is_true(const json_t *o, const char *path)
{
	return json_is_true(at(o, path));
}

static int
is_false(const json_t *o, const char *path)
{
	return json_is_false(at(o, path));
}

static size_t
size(const json_t *o, const char *path)
{
	const json_t	*v = at(o, path);

	return json_is_array(v) ? json_array_size(v) : json_is_object(v) ?
	    json_object_size(v) : (size_t)-1;
}

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
	CHECK(has(str(v, "chart"), "<svg") && has(str(v, "chart"),
	    "quý 2/2024"));
	/* Its sample figures are said to be so in the chart as well, in
	 * each point's title and in the chart's table. */
	CHECK(has(str(v, "chart"), "<title>quý 1/2024: 45,5 (minh họa)"
	    "</title>"));
	CHECK(has(str(v, "chart"), "<td>45,5 (minh họa)</td>"));
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
	CHECK_STR(str(v, "chart"), "");

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

	CHECK(indview_api(m->ind, "", collect_file, files) == 1);
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
	CHECK(indview_api(m->ind, "https://example.org/plan/", collect_file,
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

	scratch_setup("indview");
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
	CHECK(indview_api(m.ind, "", collect_file, files) == 1);
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

	vi = json_loads(vi_strings, 0, NULL);
	en = json_loads(en_strings, 0, NULL);
	if (vi == NULL || en == NULL) {
		printf("FAIL: the test's strings do not parse\n");
		return 1;
	}
	scratch_setup("indview");
	scratch_plan();
	/* A source with a comma, quoted in the CSV of the API. */
	scratch_put("datasets/vals.csv",
	    "indicator,period,value,value_type,unit,source,sample\n"
	    "A1.a,2024-Q1,45.5,actual,ict,\"Report 1, ICT\",true\n"
	    "A1.a,2024-Q2,50.2,actual,ict,Quarterly report,true\n"
	    "A2.a,2023,71,actual,,Annual report,false\n"
	    "A2.b.1,2024-H1,31.5,estimate,,Survey,true\n"
	    "A2.b.2,2023,70,actual,fin,,false\n"
	    "A3.a,2022,14,actual,,,false\n"
	    "A3.a,2023,9,actual,,,false\n"
	    "A3.b,2023,8.28,actual,,,false\n");
	scratch_load(&m);
	CHECK(m.linked == 1 && m.errors == 0);
	if (m.linked == 1) {
		test_task_page(&m);
		test_area_page(&m);
		test_home(&m);
		test_pages(&m);
		test_api(&m);
	}
	scratch_free(&m);
	scratch_teardown();
	test_reports();
	json_decref(vi);
	json_decref(en);
	return CHECK_DONE("indview");
}
