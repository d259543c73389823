/*
 * The page views of the indicator model (indview.h).
 */
#include "indview.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "chart.h"
#include "edition.h"
#include "i18n.h"
#include "indapi.h"
#include "indicator.h"
#include "meta.h"
#include "page.h"
#include "render.h"
#include "section.h"
#include "text.h"
#include "xalloc.h"

/* What every view of one page shares. */
struct ctx {
	const struct indicators	*x;
	const json_t		*t;	/* the theme's strings */
	const char		*from;	/* the page's site path */
	const char		*abs;	/* absolute base, NULL: relative */
	const struct edition	*ed;	/* the page's edition, or NULL */
};

static void
setstr(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static void
putbuf(json_t *o, const char *key, const struct buf *b)
{
	json_object_set_new(o, key, json_stringn(b->data, b->len));
}

static json_t *
url(const struct ctx *c, const char *to)
{
	struct buf	 b = BUF_INIT;
	json_t		*s;

	if (c->ed != NULL) {
		char	*m = edition_strpath(c->ed, to);

		render_url(&b, c->from, c->abs, m, c->x->c->file_urls);
		free(m);
	} else
		render_url(&b, c->from, c->abs, to, c->x->c->file_urls);
	s = json_stringn(b.data, b.len);
	buf_release(&b);
	return s;
}

char *
indview_ind_path(const struct indicators *x, const struct indicator *ind)
{
	return xasprintf("%s%s/", x->ind_path, ind->id);
}

char *
indview_unit_path(const struct indicators *x, const struct unit *u)
{
	return xasprintf("%s%s/", x->unit_path, u->id);
}

static void
number(struct buf *b, const json_t *t, double v)
{
	i18n_number(t, v, 2, b);
}

static void
chartnum(struct buf *out, double v, void *arg)
{
	number(out, arg, v);
}

/* A quantity with its unit: "63,1%", "1.234 doanh nghiệp". */
static void
quantity(struct buf *b, const json_t *t, double v, const char *unit)
{
	number(b, t, v);
	if (strcmp(unit, "%") == 0)
		buf_putc(b, '%');
	else if (*unit)
		buf_printf(b, " %s", unit);
}

static void
day(struct buf *b, const json_t *t, long d)
{
	char	 iso[11];

	status_day_format(d, iso);
	i18n_date(t, iso, b);
}

/* A period as words: "quý 3/2024", "Q3 2024". */
static void
period(struct buf *b, const json_t *t, const char *p)
{
	json_t	*vars = json_object();
	char	 y[5], k[3];
	long	 first, last;

	if (!status_period(p, &first, &last)) {
		buf_puts(b, p);
		json_decref(vars);
		return;
	}
	memcpy(y, p, 4);
	y[4] = '\0';
	json_object_set_new(vars, "year", json_string(y));
	if (strlen(p) == 4)
		i18n_fill(t, "period_year", vars, b);
	else if (p[5] == 'H' || p[5] == 'Q') {
		k[0] = p[6];
		k[1] = '\0';
		json_object_set_new(vars, "n", json_string(k));
		i18n_fill(t, p[5] == 'Q' ? "period_quarter" : p[6] == '1' ?
		    "period_h1" : "period_h2", vars, b);
	} else if (strlen(p) == 7) {
		snprintf(k, sizeof(k), "%d", atoi(p + 5));
		json_object_set_new(vars, "n", json_string(k));
		json_object_set_new(vars, "month", json_string(
		    json_string_value(json_array_get(json_object_get(t,
		    "months"), (size_t)atoi(p + 5) - 1))));
		i18n_fill(t, "period_month", vars, b);
	} else
		day(b, t, first);
	json_decref(vars);
}

/* "trên 80%", "100%", "từ 60% đến 80%": the target as the plan words it. */
static void
target(struct buf *b, const json_t *t, const struct indicator *ind)
{
	static const char *const keys[] = { "", "op_gt", "op_ge", "op_eq",
	    "op_le", "op_lt", "op_between", "op_improve" };
	struct buf	 v = BUF_INIT, mx = BUF_INIT;
	json_t		*vars;

	if (ind->kind == IND_MONITOR) {
		buf_puts(b, i18n_string(t, "no_target", ""));
		return;
	}
	if (ind->op == STATUS_OP_NONE)
		return;
	quantity(&v, t, ind->target, ind->unit);
	if (ind->op == STATUS_OP_BETWEEN)
		quantity(&mx, t, ind->target_max, ind->unit);
	vars = json_pack("{s:s%, s:s%}", "value", v.data, v.len, "max",
	    mx.data, mx.len);
	i18n_fill(t, keys[ind->op], vars, b);
	json_decref(vars);
	buf_release(&v);
	buf_release(&mx);
}

static json_t *
unitlink(const struct ctx *c, const struct unit *u)
{
	char	*p = indview_unit_path(c->x, u);
	json_t	*o = json_object();

	setstr(o, "id", u->id);
	setstr(o, "name", edition_name(c->ed, u->names, u->name));
	json_object_set_new(o, "url", url(c, p));
	json_object_set_new(o, "reading", json_boolean(!u->in_plan));
	free(p);
	return o;
}

static json_t *
pagelink(const struct ctx *c, const struct page *p)
{
	json_t	*o = json_object();

	setstr(o, "title", edition_title(c->ed, p));
	setstr(o, "code", p->code);
	json_object_set_new(o, "url", url(c, p->path));
	return o;
}

/* Whether any indicator of "v" shows sample data. */
static int
any_sample(const struct indicators *x, const size_t *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < (v ? n : x->n); i++)
		if (x->v[v ? v[i] : i].sample)
			return 1;
	return 0;
}

/* Whether an element of "a" (or its "indicator") has "sample" true. */
static int
list_sample(const json_t *a)
{
	const json_t	*e, *ind;
	size_t		 i;

	json_array_foreach(a, i, e) {
		ind = json_object_get(e, "indicator");
		if (json_is_true(json_object_get(ind ? ind : e, "sample")))
			return 1;
	}
	return 0;
}

/* The latest figure as shown: value, period or day, estimate, interim. */
static void
latest(const struct ctx *c, const struct indicator *ind, json_t *o)
{
	struct buf	 b = BUF_INIT, v = BUF_INIT;

	json_object_set_new(o, "has_value", json_boolean(ind->has_value &&
	    ind->kind != IND_MILESTONE));
	json_object_set_new(o, "sample", json_boolean(ind->sample));
	json_object_set_new(o, "estimate", json_boolean(ind->estimate));
	json_object_set_new(o, "interim", json_boolean(ind->has_value &&
	    !ind->final && !ind->estimate && ind->kind != IND_MILESTONE &&
	    ind->kind != IND_MONITOR));
	if (!ind->has_value && (ind->kind == IND_MILESTONE ||
	    ind->value_day == LONG_MIN))
		goto out;
	if (ind->has_value && ind->kind != IND_MILESTONE) {
		quantity(&v, c->t, ind->value, ind->unit);
		if (ind->kind == IND_SHARE && ind->has_upper) {
			json_t	*vars = json_pack("{s:s}", "value", v.data);

			i18n_fill(c->t, "at_least", vars, &b);
			json_decref(vars);
			putbuf(o, "value_display", &b);
		} else
			putbuf(o, "value_display", &v);
		json_object_set_new(o, "value", json_real(ind->value));
	}
	buf_reset(&b);
	if (ind->value_period)
		period(&b, c->t, ind->value_period);
	else if (ind->value_day != LONG_MIN)
		day(&b, c->t, ind->value_day);
	putbuf(o, "value_when", &b);
out:
	buf_release(&b);
	buf_release(&v);
}

/* The theme string for "name": "on-track" -> "status_on_track"; free(). */
static char *
strkey(const char *prefix, const char *name)
{
	char	*key = xasprintf("%s%s", prefix, name), *p;

	for (p = key; *p; p++)
		if (*p == '-')
			*p = '_';
	return key;
}

/* The sentence saying why the status is what it is. */
static void
why(const struct ctx *c, const struct indicator *ind, struct buf *b)
{
	struct buf	 v = BUF_INIT, tg = BUF_INIT, ex = BUF_INIT,
			 dl = BUF_INIT, wh = BUF_INIT, up = BUF_INIT;
	json_t		*vars;
	char		*key;

	if (ind->has_value && ind->kind != IND_MILESTONE)
		quantity(&v, c->t, ind->value, ind->unit);
	target(&tg, c->t, ind);
	if (ind->has_target_eff) {
		buf_puts(&tg, " (");
		quantity(&tg, c->t, ind->target_eff, ind->unit);
		buf_putc(&tg, ')');
	}
	if (ind->st.has_pace)
		quantity(&ex, c->t, ind->st.expected, ind->unit);
	if (ind->has_upper)
		quantity(&up, c->t, ind->upper, ind->unit);
	period(&dl, c->t, ind->period);
	if (ind->value_period)
		period(&wh, c->t, ind->value_period);
	else if (ind->value_day != LONG_MIN)
		day(&wh, c->t, ind->value_day);
	vars = json_pack("{s:s%, s:s%, s:s%, s:s%, s:s%, s:s%, s:I, s:I, "
	    "s:I, s:I}", "value", v.data, v.len, "target", tg.data, tg.len,
	    "expected", ex.data, ex.len, "period", dl.data, dl.len, "when",
	    wh.data, wh.len, "upper", up.data, up.len, "done",
	    (json_int_t)ind->ndone, "total", (json_int_t)ind->napplies,
	    "reported", (json_int_t)ind->nreported, "unreported",
	    (json_int_t)(ind->napplies - ind->nreported));
	key = strkey("why_", status_why_name(ind->st.why));
	i18n_fill(c->t, key, vars, b);
	free(key);
	json_decref(vars);
	buf_release(&v);
	buf_release(&tg);
	buf_release(&ex);
	buf_release(&dl);
	buf_release(&wh);
	buf_release(&up);
}

static void
statusfields(const struct ctx *c, enum status s, json_t *o)
{
	char	*key = strkey("status_", status_name(s));

	setstr(o, "status", status_name(s));
	setstr(o, "status_label", i18n_string(c->t, key, ""));
	free(key);
}

/* "7/15 đơn vị đã hoàn thành", or the counts when reports are missing. */
static void
share_counts(const struct ctx *c, const struct indicator *ind, json_t *o)
{
	struct buf	 b = BUF_INIT;
	json_t		*vars;
	size_t		 missing = ind->napplies - ind->nreported;

	json_object_set_new(o, "done", json_integer((json_int_t)ind->ndone));
	json_object_set_new(o, "total", json_integer((json_int_t)
	    ind->napplies));
	json_object_set_new(o, "reported", json_integer((json_int_t)
	    ind->nreported));
	json_object_set_new(o, "unreported", json_integer((json_int_t)
	    missing));
	if (ind->nreported == 0)
		return;
	vars = json_pack("{s:I, s:I, s:I, s:I, s:I}", "done",
	    (json_int_t)ind->ndone, "total", (json_int_t)ind->napplies,
	    "reported", (json_int_t)ind->nreported, "unreported",
	    (json_int_t)missing, "late", (json_int_t)ind->nlate);
	i18n_fill(c->t, missing ? "share_done_partial" : "share_done", vars,
	    &b);
	if (ind->nlate) {
		buf_puts(&b, "; ");
		i18n_fill(c->t, "share_late", vars, &b);
	}
	putbuf(o, "share_display", &b);
	json_decref(vars);
	buf_release(&b);
}

/* The plan's own assessment, its source and the figures' baseline. */
static void
context(const struct ctx *c, const struct indicator *ind, json_t *o)
{
	struct buf	 b = BUF_INIT, v = BUF_INIT;
	json_t		*vars;

	if (*ind->assessment)
		json_object_set_new(o, "assessment", json_pack("{s:s, s:s}",
		    "text", ind->assessment, "source",
		    ind->assessment_source));
	if (*ind->source || *ind->source_url)
		json_object_set_new(o, "basis", json_pack("{s:s, s:s}",
		    "text", *ind->source ? ind->source : ind->source_url,
		    "url", ind->source_url));
	if (ind->prev != NULL) {
		period(&b, c->t, ind->prev->period);
		quantity(&v, c->t, ind->prev->value, ind->unit);
		vars = json_pack("{s:s, s:s}", "period", b.data, "value",
		    v.data);
		buf_reset(&b);
		i18n_fill(c->t, "previous_result", vars, &b);
		json_decref(vars);
		json_object_set_new(o, "previous", json_pack("{s:s%, s:b}",
		    "display", b.data, b.len, "sample", ind->prev->sample));
	}
	if (ind->used_baseline && ind->kind != IND_SHARE) {
		buf_reset(&b);
		buf_reset(&v);
		if (ind->base_period)
			period(&b, c->t, ind->base_period);
		else
			day(&b, c->t, ind->base_day);
		quantity(&v, c->t, ind->base_value, ind->unit);
		json_object_set_new(o, "baseline", json_pack("{s:s, s:s}",
		    "value_display", v.data, "when", b.data));
	}
	buf_release(&b);
	buf_release(&v);
}

/* The object every listing of an indicator carries. */
static json_t *
summary(const struct ctx *c, const struct indicator *ind)
{
	json_t		*o = json_object();
	struct buf	 b = BUF_INIT;
	char		*p = indview_ind_path(c->x, ind);

	setstr(o, "id", ind->id);
	json_object_set_new(o, "url", url(c, p));
	free(p);
	setstr(o, "clause", ind->clause);
	setstr(o, "label", ind->label);
	setstr(o, "name", edition_name(c->ed, ind->names, ind->name));
	setstr(o, "area", ind->area);
	setstr(o, "unit", ind->unit);
	setstr(o, "kind", indicators_kind_name(ind->kind));
	json_object_set_new(o, "is_share", json_boolean(ind->kind ==
	    IND_SHARE));
	json_object_set_new(o, "is_milestone", json_boolean(ind->kind ==
	    IND_MILESTONE));
	json_object_set_new(o, "is_monitor", json_boolean(ind->kind ==
	    IND_MONITOR));
	json_object_set_new(o, "is_rank", json_boolean(ind->direction ==
	    IND_RANK));
	target(&b, c->t, ind);
	putbuf(o, "target_display", &b);
	buf_reset(&b);
	period(&b, c->t, ind->period);
	putbuf(o, "period_display", &b);
	buf_reset(&b);
	day(&b, c->t, ind->deadline);
	putbuf(o, "deadline_display", &b);
	latest(c, ind, o);
	statusfields(c, ind->st.status, o);
	buf_reset(&b);
	why(c, ind, &b);
	putbuf(o, "why", &b);
	if (ind->kind == IND_SHARE)
		share_counts(c, ind, o);
	context(c, ind, o);
	if (ind->has_value && strcmp(ind->unit, "%") == 0) {
		/* The bar's words are the figure and the target as shown
		 * ("ít nhất 46,7%" while reports are missing). */
		struct buf	 label = BUF_INIT;
		const char	*shown = json_string_value(json_object_get(o,
		    "value_display"));

		buf_puts(&label, shown ? shown : "");
		if (ind->op != STATUS_OP_NONE)
			buf_printf(&label, " / %s %s", i18n_string(c->t,
			    "target", ""), json_string_value(json_object_get(o,
			    "target_display")));
		buf_reset(&b);
		chart_progress(&b, ind->value, 100, ind->op != STATUS_OP_NONE &&
		    ind->op != STATUS_OP_IMPROVE, ind->target, label.data);
		putbuf(o, "progress_bar", &b);
		buf_release(&label);
	}
	if (ind->lead >= 0)
		json_object_set_new(o, "lead", unitlink(c,
		    &c->x->units[ind->lead]));
	buf_release(&b);
	return o;
}

/* A clause of the plan: its parts, its rolled-up status. */
static json_t *
clause_view(const struct ctx *c, const struct clause *cl)
{
	const struct indicator	*first = &c->x->v[cl->inds[0]];
	json_t			*o, *parts;
	size_t			 i;

	if (cl->n == 1)
		return summary(c, first);
	o = json_object();
	parts = json_array();
	setstr(o, "clause", first->clause);
	setstr(o, "name", *first->clause_text ? first->clause_text : "");
	json_object_set_new(o, "compound", json_true());
	statusfields(c, cl->status, o);
	json_object_set_new(o, "sample", json_boolean(cl->sample));
	for (i = 0; i < cl->n; i++)
		json_array_append_new(parts, summary(c, &c->x->v[cl->inds[i]]));
	json_object_set_new(o, "part_count", json_integer((json_int_t)cl->n));
	json_object_set_new(o, "parts", parts);
	return o;
}

/* [{status, status_label, count}] and the total, from "counts". */
static json_t *
counts(const struct ctx *c, const size_t *n)
{
	static const enum status order[] = { STATUS_ACHIEVED,
	    STATUS_ON_TRACK, STATUS_BEHIND, STATUS_NOT_ACHIEVED,
	    STATUS_AWAITING_FINAL, STATUS_NO_DATA };
	json_t	*o = json_object(), *a = json_array(), *e;
	size_t	 i, total = 0;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		total += n[order[i]];
		e = json_object();
		statusfields(c, order[i], e);
		json_object_set_new(e, "count", json_integer((json_int_t)
		    n[order[i]]));
		json_object_set_new(e, "has", json_boolean(n[order[i]] > 0));
		json_array_append_new(a, e);
	}
	json_object_set_new(o, "statuses", a);
	json_object_set_new(o, "total", json_integer((json_int_t)total));
	return o;
}

static json_t *
area_view(const struct ctx *c, const struct area *a, int withinds)
{
	json_t	*o = counts(c, a->counts), *list;
	size_t	 i;

	setstr(o, "id", a->id);
	json_object_set_new(o, "sample", json_boolean(any_sample(c->x,
	    a->inds, a->ninds)));
	if (a->page) {
		setstr(o, "title", edition_title(c->ed, a->page));
		setstr(o, "code", a->page->code);
		json_object_set_new(o, "url", url(c, a->page->path));
	} else
		setstr(o, "title", a->id);
	json_object_set_new(o, "sample_count", json_integer((json_int_t)
	    a->nsample));
	json_object_set_new(o, "part_count", json_integer((json_int_t)
	    a->ninds));
	if (withinds) {
		list = json_array();
		for (i = 0; i < a->nclauses; i++)
			json_array_append_new(list, clause_view(c,
			    &c->x->clauses[a->clauses[i]]));
		json_object_set_new(o, "clauses", list);
	}
	return o;
}

static json_t *
headline(const struct ctx *c)
{
	const struct indicators	*x = c->x;
	json_t			*o = counts(c, x->counts), *a = json_array();
	struct buf		 b = BUF_INIT;
	size_t			 i;

	day(&b, c->t, x->as_of);
	putbuf(o, "as_of_display", &b);
	json_object_set_new(o, "sample", json_boolean(x->nsample > 0));
	json_object_set_new(o, "sample_count", json_integer((json_int_t)
	    x->nsample));
	json_object_set_new(o, "part_count", json_integer((json_int_t)
	    x->nparts));
	json_object_set_new(o, "has_parts", json_boolean(x->nparts !=
	    x->nclauses - x->nmonitor_clauses));
	json_object_set_new(o, "monitor_count", json_integer((json_int_t)
	    x->nmonitor));
	json_object_set_new(o, "has_latest", json_boolean(x->latest !=
	    LONG_MIN));
	json_object_set_new(o, "latest_sample", json_boolean(x->latest_sample));
	if (x->latest != LONG_MIN) {
		buf_reset(&b);
		day(&b, c->t, x->latest);
		putbuf(o, "latest_display", &b);
	}
	for (i = 0; i < x->nareas; i++)
		json_array_append_new(a, area_view(c, &x->areas[i], 0));
	json_object_set_new(o, "areas", a);
	json_object_set_new(o, "indicators_url", url(c, x->ind_path));
	json_object_set_new(o, "units_url", url(c, x->unit_path));
	json_object_set_new(o, "api_url", url(c, "/api/"));
	json_object_set_new(o, "methodology_url", url(c, x->meth_path));
	buf_release(&b);
	return o;
}

/* The words for a unit type, from site.yaml's progress.unit_types. */
static const char *
type_label(const struct ctx *c, const char *type)
{
	const char	*s = edition_unit_type(c->ed, c->x->unit_types, type);

	return s ? s : type;
}

/* The units of front matter key "key" of "p" that the model knows. */
static json_t *
units_of(const struct ctx *c, const struct page *p, const char *key)
{
	json_t			*a = json_object_get(p->front, key), *e;
	json_t			*list = json_array();
	const struct unit	*u;
	size_t			 i;

	if (json_is_string(a) && (u = indicators_unit(c->x,
	    json_string_value(a))) != NULL)
		json_array_append_new(list, unitlink(c, u));
	json_array_foreach(a, i, e)
		if ((u = indicators_unit(c->x, json_string_value(e))) != NULL)
			json_array_append_new(list, unitlink(c, u));
	return list;
}

/* A task page's units: lead, partners and partner types. */
static void
task_units(const struct ctx *c, const struct page *p, json_t *o)
{
	json_t		*a, *e, *list;
	const char	*type;
	char		*path;
	size_t		 i, k, n;

	json_object_set_new(o, "lead", units_of(c, p, "lead"));
	json_object_set_new(o, "partners", units_of(c, p, "partners"));
	json_object_set_new(o, "has_lead", json_boolean(json_array_size(
	    json_object_get(o, "lead"))));
	/* "lead: []": the plan names no lead for this task. */
	a = json_object_get(p->front, "lead");
	json_object_set_new(o, "lead_unnamed", json_boolean(json_is_array(a) &&
	    json_array_size(a) == 0 && !json_object_get(p->front,
	    "lead_text")));
	list = json_array();
	a = json_object_get(p->front, "partner_types");
	json_array_foreach(a, i, e) {
		if ((type = json_string_value(e)) == NULL)
			continue;
		for (n = 0, k = 0; k < c->x->nunits; k++)
			n += strcmp(c->x->units[k].type, type) == 0;
		path = xasprintf("%s#%s", c->x->unit_path, type);
		json_array_append_new(list, json_pack("{s:s, s:s, s:I, s:o}",
		    "type", type, "label", type_label(c, type), "count",
		    (json_int_t)n, "url", url(c, path)));
		free(path);
	}
	json_object_set_new(o, "partner_types", list);
	json_object_set_new(o, "has_partners", json_boolean(
	    json_array_size(json_object_get(o, "partners")) ||
	    json_array_size(list)));
	json_object_set_new(o, "has_units", json_boolean(
	    json_array_size(json_object_get(o, "lead")) ||
	    json_array_size(json_object_get(o, "partners")) ||
	    json_array_size(list) || json_is_array(json_object_get(p->front,
	    "lead")) || json_object_get(p->front, "lead_text") ||
	    json_object_get(p->front, "partners_text")));
}

/* The indicators of registry rows whose task is page "p". */
static json_t *
task_indicators(const struct ctx *c, const struct page *p)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < c->x->n; i++)
		if (c->x->v[i].task_page == p)
			json_array_append_new(a, summary(c, &c->x->v[i]));
	return a;
}

json_t *
indview_page(const struct indicators *x, const json_t *strings,
    const struct edition *ed, const struct page *p, const char *from,
    const char *abs, int full)
{
	struct ctx		 c = { x, strings, from, abs, ed };
	const struct area	*a;
	json_t			*o, *list, *e;
	const struct indicator	*ind;
	size_t			 i;

	if (x == NULL || p->front == NULL)
		return NULL;
	if (p->orig != NULL)	/* an edition's page: the model knows the
				   site's */
		p = p->orig;
	if (p->front == NULL)
		return NULL;
	o = json_object();
	task_units(&c, p, o);
	if (!full)
		return o;
	if (p->is_index && p->section && p->section->parent == NULL)
		json_object_set_new(o, "headline", headline(&c));
	if ((a = indicators_area_of(x, p)) != NULL)
		json_object_set_new(o, "area", area_view(&c, a, 1));
	list = task_indicators(&c, p);
	e = json_object_get(p->front, "indicators");
	if (json_is_string(e) && (ind = indicators_find(x,
	    json_string_value(e))) != NULL)
		json_array_append_new(list, summary(&c, ind));
	json_array_foreach(json_object_get(p->front, "indicators"), i, e)
		if ((ind = indicators_find(x, json_string_value(e))) != NULL)
			json_array_append_new(list, summary(&c, ind));
	json_object_set_new(o, "has_indicators",
	    json_boolean(json_array_size(list) > 0));
	json_object_set_new(o, "page_sample", json_boolean(json_is_true(
	    json_object_get(p->front, "sample"))));
	json_object_set_new(o, "has_sample", json_boolean(list_sample(list) ||
	    (a && any_sample(x, a->inds, a->ninds)) ||
	    json_is_true(json_object_get(json_object_get(o, "headline"),
	    "sample"))));
	json_object_set_new(o, "indicators", list);
	return o;
}

/*
 * The model of the line chart of an indicator's figures, with its
 * target, for the theme's partials/chart.mustache; NULL when it has none.
 */
static json_t *
ind_chart(const struct ctx *c, const struct indicator *ind)
{
	struct chart_point	*pts;
	struct chart_series	 s;
	struct chart		 ch;
	struct buf		*labels, *notes, title = BUF_INIT,
				 tg = BUF_INIT, desc = BUF_INIT;
	json_t			*vars, *m;
	const char		*tag = i18n_string(c->t, "sample_data_tag", "");
	size_t			 i;

	if ((ind->kind != IND_VALUE && ind->kind != IND_MONITOR) ||
	    ind->nvalues == 0)
		return NULL;
	pts = xcalloc(ind->nvalues, sizeof(*pts));
	labels = xcalloc(ind->nvalues, sizeof(*labels));
	notes = xcalloc(ind->nvalues, sizeof(*notes));
	for (i = 0; i < ind->nvalues; i++) {
		buf_init(&labels[i]);
		buf_init(&notes[i]);
		period(&labels[i], c->t, ind->values[i].period);
		pts[i].label = labels[i].data;
		pts[i].value = ind->values[i].value;
		pts[i].mark = ind->values[i].estimate;
		/* The chart's titles and table say what the figures table
		 * beside it does: an estimate, sample data. */
		if (ind->values[i].estimate)
			buf_puts(&notes[i], i18n_string(c->t, "estimate", ""));
		if (ind->values[i].sample && *tag)
			buf_printf(&notes[i], "%s%s", notes[i].len ? ", " : "",
			    tag);
		pts[i].note = notes[i].len ? notes[i].data : NULL;
	}
	memset(&s, 0, sizeof(s));
	s.v = pts;
	s.n = ind->nvalues;
	memset(&ch, 0, sizeof(ch));
	ch.id = "chart-values";
	target(&tg, c->t, ind);
	vars = json_pack("{s:s, s:s, s:I}", "name", edition_name(c->ed, ind->names,
	    ind->name), "target",
	    tg.data, "count", (json_int_t)ind->nvalues);
	i18n_fill(c->t, "chart_values_title", vars, &title);
	i18n_fill(c->t, "chart_values_desc", vars, &desc);
	json_decref(vars);
	ch.title = title.data;
	ch.desc = desc.data;
	ch.x_title = i18n_string(c->t, "period", "");
	ch.y_title = *ind->unit ? ind->unit : i18n_string(c->t, "value", "");
	ch.series = &s;
	ch.nseries = 1;
	ch.has_target = (ind->op != STATUS_OP_NONE && ind->op !=
	    STATUS_OP_IMPROVE) || ind->has_target_eff;
	ch.target = ind->has_target_eff ? ind->target_eff : ind->target;
	ch.target_label = tg.data;
	if (strcmp(ind->unit, "%") == 0) {
		ch.has_range = 1;
		ch.min = 0;
		ch.max = 100;
	}
	ch.invert = ind->direction == IND_RANK;
	ch.number = chartnum;
	ch.arg = (void *)c->t;
	ch.decimal_mark = i18n_string(c->t, "decimal_mark", ".");
	ch.estimate_label = i18n_string(c->t, "estimate", "");
	ch.table_summary = i18n_string(c->t, "chart_table", "");
	ch.no_data = i18n_string(c->t, "no_data_chart", "");
	m = chart_line_model(&ch);
	for (i = 0; i < ind->nvalues; i++) {
		buf_release(&labels[i]);
		buf_release(&notes[i]);
	}
	free(labels);
	free(notes);
	free(pts);
	buf_release(&title);
	buf_release(&tg);
	buf_release(&desc);
	return m;
}

/* The rows of the figures table: every figure, with where it lies. */
static json_t *
values_view(const struct ctx *c, const struct indicator *ind)
{
	json_t		*a = json_array(), *e;
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 fin, evidence;

	for (i = 0; i < ind->nvalues; i++) {
		const struct ind_value	*v = &ind->values[i];
		const struct unit	*u = indicators_unit(c->x, v->unit);

		e = json_object();
		buf_reset(&b);
		period(&b, c->t, v->period);
		putbuf(e, "period_display", &b);
		setstr(e, "period", v->period);
		buf_reset(&b);
		quantity(&b, c->t, v->value, ind->unit);
		putbuf(e, "value_display", &b);
		fin = indicators_final(ind, v);
		evidence = ind->kind != IND_MONITOR && v->when == IND_IN;
		json_object_set_new(e, "estimate", json_boolean(v->estimate));
		json_object_set_new(e, "final", json_boolean(fin));
		json_object_set_new(e, "interim", json_boolean(evidence &&
		    !fin && !v->estimate));
		json_object_set_new(e, "outside", json_boolean(ind->kind !=
		    IND_MONITOR && v->when != IND_IN));
		setstr(e, "when", indicators_when_name(v->when));
		json_object_set_new(e, "sample", json_boolean(v->sample));
		setstr(e, "source", v->source);
		setstr(e, "source_url", v->source_url);
		if (u)
			json_object_set_new(e, "reported_by", unitlink(c, u));
		json_array_append_new(a, e);
	}
	buf_release(&b);
	return a;
}

/* One unit's line for a share or milestone: done, late, not, unreported. */
static json_t *
unit_state(const struct ctx *c, const struct indicator *ind, size_t u)
{
	const struct ind_item	*it;
	enum ind_state		 st = indicators_state(c->x, ind, u, &it);
	json_t			*e = unitlink(c, &c->x->units[u]);
	struct buf		 b = BUF_INIT;

	setstr(e, "state", indicators_state_name(st));
	json_object_set_new(e, "done", json_boolean(st == IND_DONE));
	json_object_set_new(e, "done_late", json_boolean(st ==
	    IND_DONE_LATE));
	json_object_set_new(e, "not_done", json_boolean(st == IND_NOT_DONE));
	json_object_set_new(e, "unreported", json_boolean(st ==
	    IND_UNREPORTED));
	if (it && it->done != LONG_MIN && it->done <= c->x->as_of)
		day(&b, c->t, it->done);
	putbuf(e, "date_display", &b);
	buf_reset(&b);
	if (it && it->reported != LONG_MIN)
		day(&b, c->t, it->reported);
	putbuf(e, "reported_display", &b);
	setstr(e, "document", it ? it->document : "");
	json_object_set_new(e, "sample", json_boolean(it && it->sample));
	buf_release(&b);
	return e;
}

static json_t *
ind_page(const struct ctx *c, const struct indicator *ind)
{
	json_t		*o = summary(c, ind), *a;
	struct buf	 b = BUF_INIT;
	char		*p, *key;
	size_t		 i, k;

	a = values_view(c, ind);
	json_object_set_new(o, "has_values", json_boolean(ind->nvalues > 0));
	json_object_set_new(o, "values", a);
	json_object_set_new(o, "values_sample", json_boolean(list_sample(a)));
	if ((a = ind_chart(c, ind)) != NULL)
		json_object_set_new(o, "chart", a);

	a = json_array();
	if (ind->kind == IND_SHARE)
		for (i = 0; i < ind->napplies; i++)
			json_array_append_new(a, unit_state(c, ind,
			    ind->applies[i]));
	else
		for (i = 0; i < ind->nitems; i++) {
			for (k = 0; k < i; k++)
				if (ind->items[k].unit == ind->items[i].unit)
					break;
			if (k == i)
				json_array_append_new(a, unit_state(c, ind,
				    ind->items[i].unit));
		}
	json_object_set_new(o, "has_units", json_boolean(json_array_size(a)));
	json_object_set_new(o, "units_sample", json_boolean(list_sample(a)));
	json_object_set_new(o, "units", a);
	if (ind->st.has_pace) {
		buf_reset(&b);
		quantity(&b, c->t, ind->st.expected, ind->unit);
		putbuf(o, "expected_display", &b);
	}
	if (ind->area_page)
		json_object_set_new(o, "area_page", pagelink(c,
		    ind->area_page));
	if (ind->task_page)
		json_object_set_new(o, "task", pagelink(c, ind->task_page));
	if (c->x->clauses[ind->clause_ix].n > 1) {
		const struct clause	*cl = &c->x->clauses[ind->clause_ix];

		a = json_array();
		for (i = 0; i < cl->n; i++)
			if (cl->inds[i] != (size_t)(ind - c->x->v))
				json_array_append_new(a, summary(c,
				    &c->x->v[cl->inds[i]]));
		json_object_set_new(o, "siblings", a);
		json_object_set_new(o, "clause_status", json_string(
		    status_name(cl->status)));
		key = strkey("status_", status_name(cl->status));
		setstr(o, "clause_status_label", i18n_string(c->t, key, ""));
		free(key);
		setstr(o, "clause_text", ind->clause_text);
	}
	a = json_array();
	p = xasprintf("/api/indicators/%s.csv", ind->id);
	json_array_append_new(a, json_pack("{s:s, s:o}", "format", "CSV",
	    "url", url(c, p)));
	free(p);
	p = xasprintf("/api/indicators/%s.json", ind->id);
	json_array_append_new(a, json_pack("{s:s, s:o}", "format", "JSON",
	    "url", url(c, p)));
	free(p);
	json_object_set_new(o, "downloads", a);
	json_object_set_new(o, "methodology_url", url(c, c->x->meth_path));
	buf_release(&b);
	return o;
}

static json_t *
unit_page(const struct ctx *c, size_t k)
{
	const struct unit	*u = &c->x->units[k];
	const struct indicator	*ind;
	json_t			*o = unitlink(c, u), *a, *e;
	struct buf		 b = BUF_INIT;
	size_t			 i, j, pending = 0, done = 0, unreported = 0;

	setstr(o, "type", u->type);
	setstr(o, "type_label", type_label(c, u->type));
	a = json_array();
	for (i = 0; i < u->nleads; i++)
		json_array_append_new(a, pagelink(c, u->leads[i]));
	json_object_set_new(o, "has_leads", json_boolean(u->nleads > 0));
	json_object_set_new(o, "leads", a);
	a = json_array();
	for (i = 0; i < u->nsupports; i++)
		json_array_append_new(a, pagelink(c, u->supports[i]));
	json_object_set_new(o, "has_supports", json_boolean(u->nsupports));
	json_object_set_new(o, "supports", a);
	a = json_array();
	for (i = 0; i < c->x->n; i++)
		if (c->x->v[i].lead == (long)k)
			json_array_append_new(a, summary(c, &c->x->v[i]));
	json_object_set_new(o, "has_indicators", json_boolean(
	    json_array_size(a)));
	json_object_set_new(o, "indicators", a);
	/* Its items: every share it counts in, every milestone it did. */
	a = json_array();
	for (i = 0; i < c->x->n; i++) {
		const struct ind_item	*it;
		enum ind_state		 st;
		int			 applies = 0;

		ind = &c->x->v[i];
		for (j = 0; j < ind->napplies; j++)
			applies |= ind->applies[j] == k;
		st = indicators_state(c->x, ind, k, &it);
		if (!applies && it == NULL)
			continue;
		e = unit_state(c, ind, k);
		json_object_set_new(e, "indicator", summary(c, ind));
		json_array_append_new(a, e);
		done += st == IND_DONE;
		pending += st == IND_NOT_DONE || st == IND_DONE_LATE;
		unreported += st == IND_UNREPORTED;
	}
	json_object_set_new(o, "unreported_count", json_integer((json_int_t)
	    unreported));
	setstr(o, "note", u->note);
	json_object_set_new(o, "has_sample", json_boolean(list_sample(a) ||
	    list_sample(json_object_get(o, "indicators"))));
	json_object_set_new(o, "items_sample", json_boolean(list_sample(a)));
	json_object_set_new(o, "has_items", json_boolean(json_array_size(a)));
	json_object_set_new(o, "items", a);
	json_object_set_new(o, "done_count", json_integer((json_int_t)done));
	json_object_set_new(o, "pending_count", json_integer((json_int_t)
	    pending));
	buf_release(&b);
	return o;
}

static json_t *
units_index(const struct ctx *c)
{
	json_t		*groups = json_array(), *g, *list, *e;
	json_t		*seen = json_object();
	const char	*type;
	size_t		 i, k;

	for (i = 0; i < c->x->nunits; i++) {
		type = c->x->units[i].type;
		if (json_object_get(seen, type))
			continue;
		json_object_set_new(seen, type, json_true());
		list = json_array();
		for (k = i; k < c->x->nunits; k++) {
			if (strcmp(c->x->units[k].type, type) != 0)
				continue;
			e = unitlink(c, &c->x->units[k]);
			json_object_set_new(e, "leads", json_integer(
			    (json_int_t)c->x->units[k].nleads));
			json_object_set_new(e, "supports", json_integer(
			    (json_int_t)c->x->units[k].nsupports));
			json_array_append_new(list, e);
		}
		g = json_object();
		setstr(g, "type", type);
		setstr(g, "label", type_label(c, type));
		json_object_set_new(g, "units", list);
		json_array_append_new(groups, g);
	}
	json_decref(seen);
	return json_pack("{s:o}", "groups", groups);
}

static json_t *
ind_index(const struct ctx *c)
{
	json_t	*o = headline(c), *a = json_array();
	size_t	 i;

	for (i = 0; i < c->x->nareas; i++)
		json_array_append_new(a, area_view(c, &c->x->areas[i], 1));
	json_object_set_new(o, "areas", a);
	return o;
}

static json_t *
methodology(const struct ctx *c)
{
	static const char *const keys[] = { "meth_intro", "meth_no_data",
	    "meth_achieved", "meth_on_track", "meth_behind",
	    "meth_not_achieved", "meth_awaiting", "meth_monitor",
	    "meth_evidence", "meth_clauses", "meth_assessment", "meth_sample",
	    "meth_baseline", "meth_threshold", "meth_as_of" };
	json_t		*o = json_object(), *vars, *text = json_object(), *cn;
	struct buf	 b = BUF_INIT, pct = BUF_INIT, asof = BUF_INIT;
	size_t		 i;

	number(&b, c->t, STATUS_ON_TRACK_RATIO);
	putbuf(o, "threshold", &b);
	number(&pct, c->t, STATUS_ON_TRACK_RATIO * 100);
	buf_putc(&pct, '%');
	day(&asof, c->t, c->x->as_of);
	vars = json_pack("{s:s, s:s}", "threshold_percent", pct.data,
	    "as_of", asof.data);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		buf_reset(&b);
		i18n_fill(c->t, keys[i], vars, &b);
		putbuf(text, keys[i] + 5, &b);
	}
	json_object_set_new(o, "text", text);
	cn = counts(c, c->x->counts);
	json_object_set(o, "statuses", json_object_get(cn, "statuses"));
	json_decref(cn);
	json_decref(vars);
	buf_release(&b);
	buf_release(&pct);
	buf_release(&asof);
	return o;
}

/* The API page: every file with its address, and an example. */
static json_t *
api_page(const struct ctx *c)
{
	static const struct {
		const char	*dir, *file, *ext, *key;	/* file NULL: ID */
	} files[] = {
		{ "/api/", "indicators", ".json", "api_indicators" },
		{ "/api/indicators/", NULL, ".json", "api_indicator" },
		{ "/api/indicators/", NULL, ".csv", "api_indicator_csv" },
		{ "/api/", "areas", ".json", "api_areas" },
		{ "/api/", "units", ".json", "api_units" },
		{ "/api/units/", NULL, ".json", "api_unit" },
	};
	json_t		*o = json_object(), *a = json_array(), *ex;
	const char	*iid = c->x->n ? c->x->v[0].id : "ID";
	const char	*uid = c->x->nunits ? c->x->units[0].id : "ID";
	const char	*id;
	char		*path, *shown, *s;
	size_t		 i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		id = strstr(files[i].dir, "units") ? uid : iid;
		path = xasprintf("%s%s%s", files[i].dir, files[i].file ?
		    files[i].file : id, files[i].ext);
		shown = xasprintf("%s%s%s", files[i].dir + 1, files[i].file ?
		    files[i].file : "ID", files[i].ext);
		json_array_append_new(a, json_pack("{s:s, s:o, s:s}", "path",
		    shown, "url", url(c, path), "description",
		    i18n_string(c->t, files[i].key, "")));
		free(path);
		free(shown);
	}
	json_object_set_new(o, "files", a);
	if (c->x->n) {
		ex = indapi_indicator(c->x, &c->x->v[0], c->x->c->base_url);
		s = json_dumps(ex, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(15));
		setstr(o, "example", s);
		free(s);
		json_decref(ex);
	}
	return o;
}

/* Make the page at site path "path" the one "c" is seen from: its path
 * in the edition, as a new string to free with free(). */
static char *
enter(struct ctx *c, const char *path)
{
	char	*p = edition_strpath(c->ed, path);

	c->from = p;
	return p;
}

/* Every target's page, the index of targets and the methodology page. */
static int
target_pages(struct ctx *c, indview_page_fn fn, void *arg)
{
	const struct indicators	*x = c->x;
	const struct indicator	*ind;
	const char		*title = i18n_string(c->t, "indicators", "");
	char			*path, *main;
	size_t			 i;
	int			 rc = 1;

	for (i = 0; i < x->n; i++) {
		ind = &x->v[i];
		main = indview_ind_path(x, ind);
		path = enter(c, main);
		rc &= fn(arg, path, edition_name(c->ed, ind->names, ind->name), NULL,
		    "indicator", "indicator", ind_page(c, ind),
		    ind->area_page ? ind->area_page->path : x->ind_path,
		    ind->area_page ? edition_title(c->ed, ind->area_page) : title);
		free(main);
		free(path);
	}
	path = enter(c, x->ind_path);
	rc &= fn(arg, path, title, NULL, "indicators", "progress",
	    ind_index(c), NULL, NULL);
	free(path);
	path = enter(c, x->meth_path);
	rc &= fn(arg, path, i18n_string(c->t, "methodology", ""), NULL,
	    "methodology", "methodology", methodology(c), x->ind_path,
	    title);
	free(path);
	return rc;
}

/* Every unit's page. */
static int
unit_pages(struct ctx *c, indview_page_fn fn, void *arg)
{
	const struct indicators	*x = c->x;
	const char		*utitle = i18n_string(c->t, "units", "");
	char			*path, *main;
	size_t			 i;
	int			 rc = 1;

	for (i = 0; i < x->nunits; i++) {
		main = indview_unit_path(x, &x->units[i]);
		path = enter(c, main);
		rc &= fn(arg, path, edition_name(c->ed, x->units[i].names,
		    x->units[i].name), NULL, "unit", "unit", unit_page(c, i),
		    x->unit_path, utitle);
		free(main);
		free(path);
	}
	return rc;
}

int
indview_pages(const struct indicators *x, const json_t *strings,
    const struct edition *ed, indview_page_fn fn, void *arg)
{
	struct ctx	 c = { x, strings, NULL, NULL, ed };
	char		*path;
	int		 rc;

	rc = target_pages(&c, fn, arg);
	rc &= unit_pages(&c, fn, arg);
	path = enter(&c, "/api/");
	rc &= fn(arg, path, i18n_string(strings, "api", ""), NULL, "api",
	    "api", api_page(&c), NULL, NULL);
	free(path);
	if (x->nunits) {
		path = enter(&c, x->unit_path);
		rc &= fn(arg, path, i18n_string(strings, "units", ""), NULL,
		    "units", "units", units_index(&c), NULL, NULL);
		free(path);
	}
	return rc;
}
