/*
 * The static API of the indicator model (indapi.h): plain data, no
 * words of the theme.
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

static void
setstr(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static json_t *
apiurl(const char *base, const char *path)
{
	return base && *base ? json_sprintf("%s%s", base, path + 1) :
	    json_string(path);
}

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

static json_t *
str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

json_t *
indapi_indicator(const struct indicators *x, const struct indicator *ind,
    const char *base)
{
	static const char *const dirs[] = { "higher", "lower", "rank" };
	json_t	*o = json_object();
	char	*p = indview_ind_path(x, ind);
	int	 tg = ind->op != STATUS_OP_NONE;

	setstr(o, "id", ind->id);
	setstr(o, "area", ind->area);
	setstr(o, "clause", ind->clause);
	setstr(o, "clause_id", x->clauses[ind->clause_ix].key);
	setstr(o, "name", ind->name);
	setstr(o, "unit", ind->unit);
	setstr(o, "kind", indicators_kind_name(ind->kind));
	setstr(o, "direction", dirs[ind->direction]);
	setstr(o, "operator", status_op_text(ind->op));
	json_object_set_new(o, "target", num_or_null(tg, ind->target));
	json_object_set_new(o, "target_max", num_or_null(ind->op ==
	    STATUS_OP_BETWEEN, ind->target_max));
	json_object_set_new(o, "target_effective", ind->has_target_eff ?
	    json_pack("{s:s, s:f}", "operator", status_op_text(ind->op_eff),
	    "target", ind->target_eff) : json_null());
	setstr(o, "period", ind->period);
	json_object_set_new(o, "deadline", isoday(ind->deadline));
	json_object_set_new(o, "lead", ind->lead >= 0 ?
	    json_string(x->units[ind->lead].id) : json_null());
	json_object_set_new(o, "task", str_or_null(ind->task));
	json_object_set_new(o, "source", str_or_null(ind->source));
	json_object_set_new(o, "source_url", str_or_null(ind->source_url));
	setstr(o, "status", status_name(ind->st.status));
	setstr(o, "reason", status_why_name(ind->st.why));
	json_object_set_new(o, "sample", json_boolean(ind->sample));
	json_object_set_new(o, "value", ind->has_value && ind->kind !=
	    IND_MILESTONE ? json_real(ind->value) : json_null());
	json_object_set_new(o, "value_type", !ind->has_value ? json_null() :
	    json_string(ind->estimate ? "estimate" : "actual"));
	json_object_set_new(o, "value_final", !ind->has_value ? json_null() :
	    json_boolean(ind->final));
	json_object_set_new(o, "value_period", ind->value_period ?
	    json_string(ind->value_period) : json_null());
	json_object_set_new(o, "value_date", ind->has_value ?
	    isoday(ind->value_day) : json_null());
	json_object_set_new(o, "value_upper", num_or_null(ind->has_upper,
	    ind->upper));
	json_object_set_new(o, "expected", ind->st.has_pace ?
	    json_real(ind->st.expected) : json_null());
	json_object_set_new(o, "baseline", ind->used_baseline ?
	    json_pack("{s:f, s:o, s:o}", "value", ind->base_value, "period",
	    str_or_null(ind->base_period), "date", isoday(ind->base_day)) :
	    json_null());
	json_object_set_new(o, "previous", ind->prev ? json_pack("{s:s, s:f, "
	    "s:b}", "period", ind->prev->period, "value", ind->prev->value,
	    "sample", ind->prev->sample) : json_null());
	json_object_set_new(o, "assessment", ind->assessment[0] ?
	    json_pack("{s:s, s:o, s:o}", "text", ind->assessment, "status",
	    ind->assessed < 0 ? json_null() : json_string(ind->assessed ==
	    STATUS_ON_TRACK ? "in-progress" : status_name((enum status)
	    ind->assessed)), "source", str_or_null(ind->assessment_source)) :
	    json_null());
	if (ind->kind == IND_SHARE)
		json_object_set_new(o, "units", json_pack("{s:I, s:I, s:I, "
		    "s:I}", "applicable", (json_int_t)ind->napplies, "reported",
		    (json_int_t)ind->nreported, "done", (json_int_t)ind->ndone,
		    "done_late", (json_int_t)ind->nlate));
	json_object_set_new(o, "url", apiurl(base, p));
	free(p);
	p = xasprintf("/api/indicators/%s.json", ind->id);
	json_object_set_new(o, "api", apiurl(base, p));
	free(p);
	return o;
}

/*
 * A unit's row of a share or milestone: the report "it" with its own
 * state, or (NULL) the unit with the row that decides its state.
 */
static json_t *
api_unit_row(const struct indicators *x, const struct indicator *ind,
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

static json_t *
api_ind_full(const struct indicators *x, const struct indicator *ind,
    const char *base)
{
	json_t	*o = indapi_indicator(x, ind, base), *a;
	size_t	 i;

	a = json_array();
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
	json_object_set_new(o, "values", a);
	/* A share: every unit it counts; a milestone: every report. */
	a = json_array();
	if (ind->kind == IND_SHARE)
		for (i = 0; i < ind->napplies; i++)
			json_array_append_new(a, api_unit_row(x, ind,
			    ind->applies[i], NULL));
	else
		for (i = 0; i < ind->nitems; i++)
			json_array_append_new(a, api_unit_row(x, ind,
			    ind->items[i].unit, &ind->items[i]));
	json_object_set_new(o, "unit_progress", a);
	a = json_array();
	for (i = 0; i < ind->napplies; i++)
		json_array_append_new(a, json_string(
		    x->units[ind->applies[i]].id));
	json_object_set_new(o, "applies", a);
	return o;
}

static int
putjson(indapi_file_fn fn, void *arg, const char *path, json_t *o)
{
	struct buf	 b = BUF_INIT;
	char		*s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));
	int		 rc;

	buf_puts(&b, s);
	buf_putc(&b, '\n');
	rc = fn(arg, path, &b);
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

/* An indicator's own rows: its figures, or its units' progress. */
static void
ind_csv(const struct indicators *x, const struct indicator *ind,
    struct buf *b)
{
	char	 iso[11];
	size_t	 i;

	if (ind->kind == IND_VALUE || ind->kind == IND_MONITOR) {
		buf_puts(b, "indicator,period,value,value_type,final,"
		    "in_target_period,unit,source,source_url,sample\r\n");
		for (i = 0; i < ind->nvalues; i++) {
			const struct ind_value *v = &ind->values[i];

			field(b, ind->id);
			buf_printf(b, ",%s,", v->period);
			text_number(b, v->value);
			buf_printf(b, ",%s,%s,%s,", v->estimate ? "estimate" :
			    "actual", indicators_final(ind, v) ? "true" :
			    "false", indicators_when_name(v->when));
			field(b, v->unit);
			buf_putc(b, ',');
			field(b, v->source);
			buf_putc(b, ',');
			field(b, v->source_url);
			buf_printf(b, ",%s\r\n", v->sample ? "true" : "false");
		}
		return;
	}
	buf_puts(b, "indicator,unit,unit_name,state,done,reported,final,"
	    "document,sample\r\n");
	for (i = 0; i < (ind->kind == IND_SHARE ? ind->napplies :
	    ind->nitems); i++) {
		const struct ind_item	*it;
		size_t			 u = ind->kind == IND_SHARE ?
		    ind->applies[i] : ind->items[i].unit;
		enum ind_state		 st;

		if (ind->kind == IND_SHARE)
			st = indicators_state(x, ind, u, &it);
		else
			st = indicators_row_state(x, ind, it = &ind->items[i]);
		field(b, ind->id);
		buf_putc(b, ',');
		field(b, x->units[u].id);
		buf_putc(b, ',');
		field(b, x->units[u].name);
		buf_printf(b, ",%s,", indicators_state_name(st));
		if (it && it->done != LONG_MIN) {
			status_day_format(it->done, iso);
			buf_puts(b, iso);
		}
		buf_putc(b, ',');
		if (it && it->reported != LONG_MIN) {
			status_day_format(it->reported, iso);
			buf_puts(b, iso);
		}
		buf_printf(b, ",%s,", it && it->final ? "true" : "false");
		field(b, it ? it->document : "");
		buf_printf(b, ",%s\r\n", it && it->sample ? "true" : "false");
	}
}

/* Counts of clauses per status, with the parts and the sample ones. */
static json_t *
api_counts(const size_t *n, size_t nsample)
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
api_clauses(const struct indicators *x)
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

int
indapi_write(const struct indicators *x, const char *base,
    indapi_file_fn fn, void *arg)
{
	json_t		*list = json_array(), *o, *a;
	struct buf	 b = BUF_INIT;
	char		*path;
	size_t		 i, j;
	int		 rc = 1;

	for (i = 0; i < x->n; i++) {
		json_array_append_new(list, indapi_indicator(x, &x->v[i],
		    base));
		path = xasprintf("api/indicators/%s.json", x->v[i].id);
		rc &= putjson(fn, arg, path, api_ind_full(x, &x->v[i], base));
		free(path);
		buf_reset(&b);
		ind_csv(x, &x->v[i], &b);
		path = xasprintf("api/indicators/%s.csv", x->v[i].id);
		rc &= fn(arg, path, &b);
		free(path);
	}
	rc &= putjson(fn, arg, "api/indicators.json", json_pack("{s:o, s:o, "
	    "s:b, s:o, s:o, s:o}", "as_of", isoday(x->as_of), "latest",
	    isoday(x->latest), "latest_sample", x->latest_sample, "counts",
	    api_counts(x->counts, x->nsample), "clauses", api_clauses(x),
	    "indicators", list));

	list = json_array();
	for (i = 0; i < x->nareas; i++) {
		const struct area *ar = &x->areas[i];

		o = json_object();
		setstr(o, "id", ar->id);
		setstr(o, "title", ar->page ? ar->page->title : ar->id);
		json_object_set_new(o, "url", ar->page ?
		    apiurl(base, ar->page->path) : json_null());
		a = api_counts(ar->counts, ar->nsample);
		json_object_set_new(o, "statuses", json_deep_copy(
		    json_object_get(a, "statuses")));
		json_object_set_new(o, "counts", a);
		a = json_array();
		for (j = 0; j < ar->ninds; j++)
			json_array_append_new(a, json_string(
			    x->v[ar->inds[j]].id));
		json_object_set_new(o, "indicators", a);
		json_array_append_new(list, o);
	}
	rc &= putjson(fn, arg, "api/areas.json", json_pack("{s:o, s:o}",
	    "as_of", isoday(x->as_of), "areas", list));

	list = json_array();
	for (i = 0; i < x->nunits; i++) {
		const struct unit *u = &x->units[i];
		json_t	*leads = json_array(), *sup = json_array();
		json_t	*inds = json_array(), *items = json_array();

		for (j = 0; j < u->nleads; j++)
			json_array_append_new(leads, json_pack("{s:s, s:s, "
			    "s:o}", "code", u->leads[j]->code, "title",
			    u->leads[j]->title, "url", apiurl(base,
			    u->leads[j]->path)));
		for (j = 0; j < u->nsupports; j++)
			json_array_append_new(sup, json_pack("{s:s, s:s, s:o}",
			    "code", u->supports[j]->code, "title",
			    u->supports[j]->title, "url", apiurl(base,
			    u->supports[j]->path)));
		for (j = 0; j < x->n; j++) {
			const struct indicator *ind = &x->v[j];
			size_t	 k;

			if (ind->lead == (long)i)
				json_array_append_new(inds,
				    json_string(ind->id));
			for (k = 0; k < ind->nitems; k++)
				if (ind->items[k].unit == i)
					json_array_append_new(items,
					    json_pack("{s:s, s:o, s:o, s:b, "
					    "s:s, s:b}", "indicator", ind->id,
					    "done", isoday(ind->items[k].done),
					    "reported", isoday(
					    ind->items[k].reported), "final",
					    ind->items[k].final, "document",
					    ind->items[k].document, "sample",
					    ind->items[k].sample));
		}
		path = indview_unit_path(x, u);
		o = json_pack("{s:s, s:s, s:s, s:o, s:b, s:o, s:o}", "id", u->id,
		    "name", u->name, "type", u->type, "parent", *u->parent ?
		    json_string(u->parent) : json_null(), "in_plan", u->in_plan,
		    "note", str_or_null(u->note), "url", apiurl(base, path));
		free(path);
		json_array_append_new(list, json_deep_copy(o));
		json_object_set_new(o, "leads", leads);
		json_object_set_new(o, "supports", sup);
		json_object_set_new(o, "indicators", inds);
		json_object_set_new(o, "unit_progress", items);
		path = xasprintf("api/units/%s.json", u->id);
		rc &= putjson(fn, arg, path, o);
		free(path);
	}
	rc &= putjson(fn, arg, "api/units.json", json_pack("{s:o}", "units",
	    list));
	buf_release(&b);
	return rc;
}
