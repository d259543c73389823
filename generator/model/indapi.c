/*
 * The static API of the indicator model (indapi.h): plain data, no
 * words of the theme.  It runs once per build, after the statuses are
 * computed, and hands each file to the caller, which writes it:
 *
 *	indapi_write(x, base_url, fn, arg);
 *		api/indicators/ID.json and ID.csv for every target,
 *		then api/indicators.json, api/areas.json,
 *		api/units/ID.json for every unit, api/units.json
 *
 * A missing value is JSON null, never "": a program can tell "none"
 * from an empty text.
 */
#include "indapi.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "indicator.h"
#include "indview.h"
#include "page.h"
#include "text.h"
#include "xalloc.h"

/* Where the files go, and the base of their addresses. */
struct out {
	const struct indicators	*x;
	const char		*base;	/* "" or "https://x/plan/" */
	indapi_file_fn		 fn;
	void			*arg;
};

/* The address of site path "path": absolute from "base" unless "". */
static json_t *
apiurl(const char *base, const char *path)
{
	return base && *base ? json_sprintf("%s%s", base, path + 1) :
	    json_string(path);
}

/* Day "d" as "2024-06-30", or null for LONG_MIN (unknown). */
static json_t *
isoday(long d)
{
	char	 iso[11];

	if (d == LONG_MIN)
		return json_null();
	status_day_format(d, iso);
	return json_string(iso);
}

static json_t *
num_or_null(int has, double v)
{
	return has ? json_real(v) : json_null();
}

/* "s", or null when it is NULL or "". */
static json_t *
str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

/* What "ind" measures: its ids and names, as the registry says. */
static json_t *
measure(const struct indicators *x, const struct indicator *ind)
{
	static const char *const dirs[] = { "higher", "lower", "rank" };

	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
	    ind->id, "area", ind->area, "clause", ind->clause, "clause_id",
	    x->clauses[ind->clause_ix].key, "name", ind->name, "unit",
	    ind->unit, "kind", indicators_kind_name(ind->kind), "direction",
	    dirs[ind->direction]);
}

/* The target of "ind" and its deadline, its lead and its source. */
static void
put_target(const struct indicators *x, const struct indicator *ind,
    json_t *o)
{
	json_object_set_new(o, "operator", json_string(
	    status_op_text(ind->op)));
	json_object_set_new(o, "target", num_or_null(ind->op !=
	    STATUS_OP_NONE, ind->target));
	json_object_set_new(o, "target_max", num_or_null(ind->op ==
	    STATUS_OP_BETWEEN, ind->target_max));
	json_object_set_new(o, "target_effective", ind->has_target_eff ?
	    json_pack("{s:s, s:f}", "operator", status_op_text(ind->op_eff),
	    "target", ind->target_eff) : json_null());
	json_object_set_new(o, "period", json_string(ind->period));
	json_object_set_new(o, "deadline", isoday(ind->deadline));
	json_object_set_new(o, "lead", ind->lead >= 0 ?
	    json_string(x->units[ind->lead].id) : json_null());
	json_object_set_new(o, "task", str_or_null(ind->task));
	json_object_set_new(o, "source", str_or_null(ind->source));
	json_object_set_new(o, "source_url", str_or_null(ind->source_url));
}

/* Where "ind" stands: its status, and the figure that decides it. */
static void
put_status(const struct indicator *ind, json_t *o)
{
	int	 v = ind->has_value;

	json_object_set_new(o, "status", json_string(
	    status_name(ind->st.status)));
	json_object_set_new(o, "reason", json_string(
	    status_why_name(ind->st.why)));
	json_object_set_new(o, "sample", json_boolean(ind->sample));
	json_object_set_new(o, "value", num_or_null(v && ind->kind !=
	    IND_MILESTONE, ind->value));
	json_object_set_new(o, "value_type", !v ? json_null() :
	    json_string(ind->estimate ? "estimate" : "actual"));
	json_object_set_new(o, "value_final", !v ? json_null() :
	    json_boolean(ind->final));
	json_object_set_new(o, "value_period", ind->value_period ?
	    json_string(ind->value_period) : json_null());
	json_object_set_new(o, "value_date", v ? isoday(ind->value_day) :
	    json_null());
	json_object_set_new(o, "value_upper", num_or_null(ind->has_upper,
	    ind->upper));
	json_object_set_new(o, "expected", num_or_null(ind->st.has_pace,
	    ind->st.expected));
}

/* The plan's own assessment of "ind" with its status, or null. */
static json_t *
assessment(const struct indicator *ind)
{
	json_t	*st;

	if (ind->assessment[0] == '\0')
		return json_null();
	if (ind->assessed < 0)
		st = json_null();
	else if (ind->assessed == STATUS_ON_TRACK)
		st = json_string("in-progress");
	else
		st = json_string(status_name((enum status)ind->assessed));
	return json_pack("{s:s, s:o, s:o}", "text", ind->assessment,
	    "status", st, "source", str_or_null(ind->assessment_source));
}

/* What the status of "ind" is weighed against: the baseline of its
 * pace, the previous result, the plan's assessment; a share's units. */
static void
put_context(const struct indicator *ind, json_t *o)
{
	json_object_set_new(o, "baseline", ind->used_baseline ?
	    json_pack("{s:f, s:o, s:o}", "value", ind->base_value, "period",
	    str_or_null(ind->base_period), "date", isoday(ind->base_day)) :
	    json_null());
	json_object_set_new(o, "previous", ind->prev ? json_pack("{s:s, s:f, "
	    "s:b}", "period", ind->prev->period, "value", ind->prev->value,
	    "sample", ind->prev->sample) : json_null());
	json_object_set_new(o, "assessment", assessment(ind));
	if (ind->kind == IND_SHARE)
		json_object_set_new(o, "units", json_pack("{s:I, s:I, s:I, "
		    "s:I}", "applicable", (json_int_t)ind->napplies, "reported",
		    (json_int_t)ind->nreported, "done", (json_int_t)ind->ndone,
		    "done_late", (json_int_t)ind->nlate));
}

json_t *
indapi_indicator(const struct indicators *x, const struct indicator *ind,
    const char *base)
{
	json_t	*o = measure(x, ind);
	char	*p;

	put_target(x, ind, o);
	put_status(ind, o);
	put_context(ind, o);
	p = indview_ind_path(x, ind);
	json_object_set_new(o, "url", apiurl(base, p));
	free(p);
	p = xasprintf("/api/indicators/%s.json", ind->id);
	json_object_set_new(o, "api", apiurl(base, p));
	free(p);
	return o;
}

/* Every figure reported for "ind", with where it lies. */
static json_t *
figures(const struct indicator *ind)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < ind->nvalues; i++) {
		const struct ind_value *v = &ind->values[i];

		json_array_append_new(a, json_pack("{s:s, s:o, s:f, s:s, s:b, "
		    "s:s, s:o, s:o, s:o, s:b}", "period", v->period, "date",
		    isoday(v->last), "value", v->value, "value_type",
		    v->estimate ? "estimate" : "actual", "final",
		    indicators_final(ind, v), "in_target_period",
		    indicators_when_name(v->when), "unit", str_or_null(v->unit),
		    "source", str_or_null(v->source), "source_url",
		    str_or_null(v->source_url), "sample", v->sample));
	}
	return a;
}

/*
 * A unit's row of a share or milestone: the report "it" with its own
 * state, or (NULL) the unit with the row that decides its state.
 */
static json_t *
unit_row(const struct indicators *x, const struct indicator *ind,
    size_t u, const struct ind_item *it)
{
	enum ind_state		 st;

	if (it != NULL)
		st = indicators_row_state(x, ind, it);
	else
		st = indicators_state(x, ind, u, &it);
	return json_pack("{s:s, s:s, s:o, s:o, s:b, s:o, s:b}", "unit",
	    x->units[u].id, "state", indicators_state_name(st), "done",
	    isoday(it ? it->done : LONG_MIN), "reported", isoday(it ?
	    it->reported : LONG_MIN), "final", it && it->final, "document",
	    str_or_null(it ? it->document : NULL), "sample", it && it->sample);
}

/* A share: every unit it counts; a milestone: every report. */
static json_t *
unit_rows(const struct indicators *x, const struct indicator *ind)
{
	json_t	*a = json_array();
	size_t	 i;

	if (ind->kind == IND_SHARE)
		for (i = 0; i < ind->napplies; i++)
			json_array_append_new(a, unit_row(x, ind,
			    ind->applies[i], NULL));
	else
		for (i = 0; i < ind->nitems; i++)
			json_array_append_new(a, unit_row(x, ind,
			    ind->items[i].unit, &ind->items[i]));
	return a;
}

/* The ids of the units "ind" applies to. */
static json_t *
applies(const struct indicators *x, const struct indicator *ind)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < ind->napplies; i++)
		json_array_append_new(a, json_string(
		    x->units[ind->applies[i]].id));
	return a;
}

/* Hand "o" to the caller as the file "path", and drop it. */
static int
put(const struct out *out, const char *path, json_t *o)
{
	struct buf	 b = BUF_INIT;
	char		*s;
	int		 rc;

	s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));
	buf_puts(&b, s);
	buf_putc(&b, '\n');
	rc = out->fn(out->arg, path, &b);
	free(s);
	buf_release(&b);
	json_decref(o);
	return rc;
}

/* One CSV field of the NUL-terminated "s". */
static void
field(struct buf *b, const char *s)
{
	text_csv_field(b, s, strlen(s));
}

/* Day "d" as "2024-06-30", nothing for LONG_MIN. */
static void
csv_day(struct buf *b, long d)
{
	char	 iso[11];

	if (d == LONG_MIN)
		return;
	status_day_format(d, iso);
	buf_puts(b, iso);
}

/* The figures of a value or monitor "ind" as CSV, a header first. */
static void
csv_figures(const struct indicator *ind, struct buf *b)
{
	size_t	 i;

	buf_puts(b, "indicator,period,value,value_type,final,"
	    "in_target_period,unit,source,source_url,sample\r\n");
	for (i = 0; i < ind->nvalues; i++) {
		const struct ind_value *v = &ind->values[i];

		field(b, ind->id);
		buf_printf(b, ",%s,", v->period);
		text_number(b, v->value);
		buf_printf(b, ",%s,%s,%s,", v->estimate ? "estimate" :
		    "actual", indicators_final(ind, v) ? "true" : "false",
		    indicators_when_name(v->when));
		field(b, v->unit);
		buf_putc(b, ',');
		field(b, v->source);
		buf_putc(b, ',');
		field(b, v->source_url);
		buf_printf(b, ",%s\r\n", v->sample ? "true" : "false");
	}
}

/* Unit "u"'s CSV row of "ind": its state "st" from row "it" (or NULL). */
static void
csv_unit(const struct indicators *x, const struct indicator *ind,
    size_t u, const struct ind_item *it, enum ind_state st, struct buf *b)
{
	field(b, ind->id);
	buf_putc(b, ',');
	field(b, x->units[u].id);
	buf_putc(b, ',');
	field(b, x->units[u].name);
	buf_printf(b, ",%s,", indicators_state_name(st));
	csv_day(b, it ? it->done : LONG_MIN);
	buf_putc(b, ',');
	csv_day(b, it ? it->reported : LONG_MIN);
	buf_printf(b, ",%s,", it && it->final ? "true" : "false");
	field(b, it ? it->document : "");
	buf_printf(b, ",%s\r\n", it && it->sample ? "true" : "false");
}

/* The rows of unit_rows() as CSV, a header first. */
static void
csv_units(const struct indicators *x, const struct indicator *ind,
    struct buf *b)
{
	const struct ind_item	*it;
	enum ind_state		 st;
	size_t			 i, u;

	buf_puts(b, "indicator,unit,unit_name,state,done,reported,final,"
	    "document,sample\r\n");
	if (ind->kind == IND_SHARE)
		for (i = 0; i < ind->napplies; i++) {
			u = ind->applies[i];
			st = indicators_state(x, ind, u, &it);
			csv_unit(x, ind, u, it, st, b);
		}
	else
		for (i = 0; i < ind->nitems; i++) {
			it = &ind->items[i];
			csv_unit(x, ind, it->unit, it, indicators_row_state(x,
			    ind, it), b);
		}
}

/* api/indicators/ID.json and ID.csv of target "ind". */
static int
put_indicator(const struct out *out, const struct indicator *ind)
{
	const struct indicators	*x = out->x;
	json_t			*o = indapi_indicator(x, ind, out->base);
	struct buf		 b = BUF_INIT;
	char			*path;
	int			 rc;

	json_object_set_new(o, "values", figures(ind));
	json_object_set_new(o, "unit_progress", unit_rows(x, ind));
	json_object_set_new(o, "applies", applies(x, ind));
	path = xasprintf("api/indicators/%s.json", ind->id);
	rc = put(out, path, o);
	free(path);
	if (ind->kind == IND_VALUE || ind->kind == IND_MONITOR)
		csv_figures(ind, &b);
	else
		csv_units(x, ind, &b);
	path = xasprintf("api/indicators/%s.csv", ind->id);
	rc &= out->fn(out->arg, path, &b);
	free(path);
	buf_release(&b);
	return rc;
}

/* Counts of clauses per status, with the parts and the sample ones. */
static json_t *
counts(const size_t *n, size_t nsample)
{
	json_t	*st = json_object();
	size_t	 j, total = 0;

	for (j = 0; j < STATUS_COUNT; j++) {
		if (j == STATUS_MONITOR)
			continue;
		total += n[j];
		json_object_set_new(st, status_name((enum status)j),
		    json_integer((json_int_t)n[j]));
	}
	return json_pack("{s:I, s:o, s:I}", "clauses", (json_int_t)total,
	    "statuses", st, "sample", (json_int_t)nsample);
}

/* Every clause of the plan, with its parts and its rolled-up status. */
static json_t *
clauses(const struct indicators *x)
{
	json_t		*list = json_array(), *parts;
	size_t		 i, j;

	for (i = 0; i < x->nclauses; i++) {
		const struct clause	*cl = &x->clauses[i];
		const struct indicator	*first = &x->v[cl->inds[0]];

		parts = json_array();
		for (j = 0; j < cl->n; j++)
			json_array_append_new(parts, json_string(
			    x->v[cl->inds[j]].id));
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:o, "
		    "s:s, s:b, s:o}", "id", cl->key, "area", first->area,
		    "clause", first->clause, "text", str_or_null(
		    first->clause_text), "status", status_name(cl->status),
		    "sample", cl->sample, "parts", parts));
	}
	return list;
}

/* Every target's files, then api/indicators.json. */
static int
put_indicators(const struct out *out)
{
	const struct indicators	*x = out->x;
	json_t			*list = json_array();
	size_t			 i;
	int			 rc = 1;

	for (i = 0; i < x->n; i++) {
		json_array_append_new(list, indapi_indicator(x, &x->v[i],
		    out->base));
		rc &= put_indicator(out, &x->v[i]);
	}
	return put(out, "api/indicators.json", json_pack("{s:o, s:o, s:b, "
	    "s:o, s:o, s:o}", "as_of", isoday(x->as_of), "latest",
	    isoday(x->latest), "latest_sample", x->latest_sample, "counts",
	    counts(x->counts, x->nsample), "clauses", clauses(x),
	    "indicators", list)) && rc;
}

/* Area "ar" as api/areas.json lists it. */
static json_t *
area(const struct out *out, const struct area *ar)
{
	json_t	*c = counts(ar->counts, ar->nsample), *inds = json_array();
	size_t	 i;

	for (i = 0; i < ar->ninds; i++)
		json_array_append_new(inds, json_string(
		    out->x->v[ar->inds[i]].id));
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "id", ar->id,
	    "title", ar->page ? ar->page->title : ar->id, "url", ar->page ?
	    apiurl(out->base, ar->page->path) : json_null(), "statuses",
	    json_deep_copy(json_object_get(c, "statuses")), "counts", c,
	    "indicators", inds);
}

/* api/areas.json. */
static int
put_areas(const struct out *out)
{
	json_t	*list = json_array();
	size_t	 i;

	for (i = 0; i < out->x->nareas; i++)
		json_array_append_new(list, area(out, &out->x->areas[i]));
	return put(out, "api/areas.json", json_pack("{s:o, s:o}", "as_of",
	    isoday(out->x->as_of), "areas", list));
}

/* The task pages "v" of "n": code, title and address of each. */
static json_t *
tasks(const struct out *out, struct page *const *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o}", "code",
		    v[i]->code, "title", v[i]->title, "url", apiurl(out->base,
		    v[i]->path)));
	return a;
}

/* The ids of the targets unit "u" leads. */
static json_t *
led(const struct indicators *x, size_t u)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].lead == (long)u)
			json_array_append_new(a, json_string(x->v[i].id));
	return a;
}

/* Every row of unit progress of unit "u", target by target. */
static json_t *
progress(const struct indicators *x, size_t u)
{
	const struct ind_item	*it;
	json_t			*a = json_array();
	size_t			 i, k;

	for (i = 0; i < x->n; i++)
		for (k = 0; k < x->v[i].nitems; k++) {
			it = &x->v[i].items[k];
			if (it->unit != u)
				continue;
			json_array_append_new(a, json_pack("{s:s, s:o, s:o, "
			    "s:b, s:s, s:b}", "indicator", x->v[i].id, "done",
			    isoday(it->done), "reported", isoday(it->reported),
			    "final", it->final, "document", it->document,
			    "sample", it->sample));
		}
	return a;
}

/* api/units/ID.json of unit "u"; its entry of api/units.json goes to
 * "list". */
static int
put_unit(const struct out *out, size_t u, json_t *list)
{
	const struct unit	*un = &out->x->units[u];
	json_t			*o;
	char			*path = indview_unit_path(out->x, un);
	int			 rc;

	o = json_pack("{s:s, s:s, s:s, s:o, s:b, s:o, s:o}", "id", un->id,
	    "name", un->name, "type", un->type, "parent", str_or_null(
	    un->parent), "in_plan", un->in_plan, "note", str_or_null(un->note),
	    "url", apiurl(out->base, path));
	free(path);
	json_array_append_new(list, json_deep_copy(o));
	json_object_set_new(o, "leads", tasks(out, un->leads, un->nleads));
	json_object_set_new(o, "supports", tasks(out, un->supports,
	    un->nsupports));
	json_object_set_new(o, "indicators", led(out->x, u));
	json_object_set_new(o, "unit_progress", progress(out->x, u));
	path = xasprintf("api/units/%s.json", un->id);
	rc = put(out, path, o);
	free(path);
	return rc;
}

/* Every unit's file, then api/units.json. */
static int
put_units(const struct out *out)
{
	json_t	*list = json_array();
	size_t	 i;
	int	 rc = 1;

	for (i = 0; i < out->x->nunits; i++)
		rc &= put_unit(out, i, list);
	return put(out, "api/units.json", json_pack("{s:o}", "units", list)) &&
	    rc;
}

int
indapi_write(const struct indicators *x, const char *base,
    indapi_file_fn fn, void *arg)
{
	struct out	 out = { x, base, fn, arg };
	int		 rc;

	rc = put_indicators(&out);
	rc &= put_areas(&out);
	rc &= put_units(&out);
	return rc;
}
