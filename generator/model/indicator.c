/*
 * The indicator model (indicator.h): collect the rows of the role
 * datasets during the scan, resolve every id, compute every status.
 */
#define _GNU_SOURCE	/* qsort_r() */
#include "indicator.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "archive.h"
#include "buf.h"
#include "config.h"
#include "dataset.h"
#include "diag.h"
#include "i18n.h"
#include "intl.h"
#include "meta.h"
#include "page.h"
#include "scan.h"
#include "schema.h"
#include "section.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

/* The roles and the fields each must have (the first "nneed" of them). */
enum role { R_REG, R_VAL, R_UNIT, R_PROG, R_COUNT };

enum { F_ID, F_AREA, F_NAME, F_OP, F_TARGET, F_PERIOD, F_KIND, F_CLAUSE,
    F_LABEL, F_UNIT, F_LEAD, F_APPLIES, F_TASK, F_BASE, F_BASEPERIOD,
    F_TARGET_MAX, F_DIRECTION, F_ONGOING, F_SOURCE, F_SOURCE_URL,
    F_CLAUSE_TEXT, F_ASSESS, F_ASSESS_STATUS, F_ASSESS_SOURCE };
enum { V_IND, V_PERIOD, V_VALUE, V_TYPE, V_UNIT, V_SOURCE, V_SOURCE_URL,
    V_FINAL, V_SAMPLE };
enum { U_ID, U_NAME, U_TYPE, U_PARENT, U_NOTE, U_IN_PLAN };
enum { P_IND, P_UNIT, P_DONE, P_DOC, P_REPORTED, P_FINAL, P_SAMPLE };

#define FIELDS_MAX	26

static const struct role_spec {
	const char	*key;		/* in site.yaml */
	const char	*what;
	size_t		 nneed;
	const char	*fields[FIELDS_MAX];
} roles[R_COUNT] = {
	{ "indicators", N_("indicator registry"), 7, { "id", "area", "name",
	    "operator", "target", "period", "kind", "clause", "label", "unit",
	    "lead", "applies", "task", "baseline", "baseline_period",
	    "target_max", "direction", "ongoing", "source", "source_url",
	    "clause_text", "assessment", "assessment_status",
	    "assessment_source" } },
	{ "values", N_("indicator values"), 3, { "indicator", "period", "value",
	    "value_type", "unit", "source", "source_url", "final",
	    "sample" } },
	{ "units", N_("units"), 2, { "id", "name", "type", "parent", "note",
	    "in_plan" } },
	{ "unit_progress", N_("unit progress"), 2, { "indicator", "unit", "done",
	    "document", "reported", "final", "sample" } },
};

/* An id written somewhere, to look up once everything is loaded. */
struct ref {
	char		*id;
	char		*file;
	unsigned	 line, col;
	int		 what;		/* REF_* */
	size_t		 owner;		/* indicator or row it belongs to */
};

enum { REF_LEAD, REF_APPLIES, REF_TASK, REF_VAL_IND, REF_VAL_UNIT,
    REF_PROG_IND, REF_PROG_UNIT };

/* A value row waiting for its indicator. */
struct pval {
	struct ind_value v;
	size_t		 ref;		/* its indicator's ref */
	char		*file;
	unsigned	 line, col;	/* of the value cell */
};

/* A unit progress row waiting for its indicator and unit. */
struct pitem {
	size_t		 iref, uref;
	long		 done, reported;
	int		 final, sample;
	char		*document;
	char		*file;		/* of the done cell, for warnings */
	unsigned	 line, col;
};

struct indicators_priv {
	struct dataset		*ds[R_COUNT];
	size_t			 fx[R_COUNT][FIELDS_MAX];
	struct dataset_sink	 sink;
	const struct dataset_sink *next;
	json_t			*ind_ix, *unit_ix, *type_ix, *area_ix,
				*task_ix;	/* id -> index */
	struct ref		*refs;
	size_t			 nrefs;
	struct pval		*vals;
	size_t			 nvals;
	struct pitem		*items;
	size_t			 nitems;
	char			*meth;	/* the default methodology path */
	int			 ok;
};

static void
push(void *pv, size_t *n, size_t size)
{
	void	**p = pv;

	*p = xreallocarray(*p, *n + 1, size);
	memset((char *)*p + *n * size, 0, size);
	(*n)++;
}

static size_t
addref(struct indicators_priv *q, struct dataset *ds, size_t i,
    const char *id, int what, size_t owner)
{
	struct ref	*r;

	push(&q->refs, &q->nrefs, sizeof(*q->refs));
	r = &q->refs[q->nrefs - 1];
	r->id = xstrdup(id);
	r->file = xstrdup(ds->csv);
	dataset_cell_loc(ds, i, &r->line, &r->col);
	r->what = what;
	r->owner = owner;
	return q->nrefs - 1;
}

static int	cellerr(struct indicators *, struct dataset *, size_t,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

/* An error at cell "i" of the row being scanned. */
static int
cellerr(struct indicators *x, struct dataset *ds, size_t i,
    const char *fmt, ...)
{
	struct loc	 at = { ds->csv, 0, 0 };
	va_list		 ap;

	dataset_cell_loc(ds, i, &at.line, &at.col);
	va_start(ap, fmt);
	diag_vadd(x->d, DIAG_ERROR, &at, fmt, ap);
	va_end(ap);
	return 0;
}

/* The text of field "f" of role "r" in a row, "" when it has none. */
static const char *
cell(const struct indicators_priv *q, enum role r, int f,
    const char *const *cells, size_t n)
{
	size_t	 i = q->fx[r][f];

	return i < n ? cells[i] : "";
}

/*
 * The names of a row in the language of each edition (field name_LANG
 * of the dataset of role "r"), or NULL when the site has no edition.
 */
static char **
translated(const struct indicators *x, enum role r, const char *const *cells,
    size_t n)
{
	const struct indicators_priv	*q = x->priv;
	char				**v, *f;
	size_t				  i, k;

	if (x->c->nlangs == 0)
		return NULL;
	v = xcalloc(x->c->nlangs, sizeof(*v));
	for (i = 0; i < x->c->nlangs; i++) {
		f = xasprintf("name_%s", x->c->langs[i].code);
		k = schema_find(q->ds[r]->schema, f);
		if (k != SCHEMA_NONE && k < n && *cells[k])
			v[i] = xstrdup(cells[k]);
		free(f);
	}
	return v;
}

static void
free_names(const struct indicators *x, char **v)
{
	size_t	 i;

	for (i = 0; v != NULL && i < x->c->nlangs; i++)
		free(v[i]);
	free(v);
}

static json_t *
typed(const struct indicators_priv *q, enum role r, int f,
    json_t *const *t, size_t n)
{
	size_t	 i = q->fx[r][f];

	return i < n ? t[i] : NULL;
}

/*
 * Whether the cell of field "f" is one the scan could not type: its
 * schema gives a type other than string, so the scan has reported it
 * at its line and column, and nothing more is to be said of it.
 */
static int
untyped(const struct indicators_priv *q, enum role r, int f,
    const char *const *cells, json_t *const *t, size_t n)
{
	size_t	 i = q->fx[r][f];
	enum schema_type ty;

	if (t == NULL || i >= n || t[i] != NULL || *cells[i] == '\0')
		return 0;
	ty = q->ds[r]->schema->fields[i].type;
	return ty != SCHEMA_STRING && ty != SCHEMA_ANY;
}

/*
 * A number cell: 1 with *v, 0 when empty, -1 when not a number, -2 when
 * the scan already reported it.
 */
static int
number(const struct indicators_priv *q, enum role r, int f,
    const char *const *cells, json_t *const *t, size_t n, double *v)
{
	const char	*s = cell(q, r, f, cells, n);
	json_t		*j = typed(q, r, f, t, n);
	char		*end;

	if (untyped(q, r, f, cells, t, n))
		return -2;
	if (j && json_is_number(j)) {
		*v = json_number_value(j);
		return 1;
	}
	if (*s == '\0' || (j && json_is_null(j)))
		return 0;
	*v = strtod(s, &end);
	return *end == '\0' && isfinite(*v) ? 1 : -1;
}

/*
 * A yes/no cell: 1 or 0 (0 when empty), or -1 after reporting a value
 * that is neither.
 */
static int
flag(struct indicators *x, struct dataset *ds, enum role r, int f,
    const char *const *c, json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	const char		*s = cell(q, r, f, c, n);
	json_t			*j = typed(q, r, f, t, n);

	if (j && json_is_boolean(j))
		return json_is_true(j);
	if (untyped(q, r, f, c, t, n))
		return -1;	/* the scan reported it */
	if (*s == '\0' || strcmp(s, "false") == 0 || strcmp(s, "0") == 0 ||
	    strcmp(s, "no") == 0)
		return 0;
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
	    strcmp(s, "yes") == 0)
		return 1;
	cellerr(x, ds, q->fx[r][f], "'%s' in column '%s' must be true or "
	    "false", s, roles[r].fields[f]);
	return -1;
}

/* The kind, operator and target columns of a registry row. */
static void
reg_target(struct indicators *x, struct dataset *ds, struct indicator *ind,
    const char *const *c, json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	const char		*s, *ops;
	int			 op, r, rmax;

	s = cell(q, R_REG, F_KIND, c, n);
	if (strcmp(s, "value") == 0)
		ind->kind = IND_VALUE;
	else if (strcmp(s, "share") == 0)
		ind->kind = IND_SHARE;
	else if (strcmp(s, "milestone") == 0)
		ind->kind = IND_MILESTONE;
	else if (strcmp(s, "monitor") == 0)
		ind->kind = IND_MONITOR;
	else
		cellerr(x, ds, q->fx[R_REG][F_KIND], "indicator kind '%s' must "
		    "be value, share, milestone or monitor", s);

	ops = cell(q, R_REG, F_OP, c, n);
	if ((op = status_op_parse(ops)) < 0)
		cellerr(x, ds, q->fx[R_REG][F_OP], "target operator '%s' must "
		    "be one of >, >=, =, <=, <, the words trên, dưới, ít nhất, "
		    "từ … trở lên, không quá, tối đa, đạt, từ … đến, cải thiện, "
		    "or empty for a milestone", ops);
	ind->op = op < 0 ? STATUS_OP_NONE : (enum status_op)op;
	dataset_cell_loc(ds, q->fx[R_REG][F_OP], &ind->op_line, &ind->op_col);
	r = number(q, R_REG, F_TARGET, c, t, n, &ind->target);
	rmax = number(q, R_REG, F_TARGET_MAX, c, t, n, &ind->target_max);
	if (ind->kind == IND_MILESTONE || ind->kind == IND_MONITOR) {
		if (op > 0 || r != 0)
			cellerr(x, ds, q->fx[R_REG][op > 0 ? F_OP : F_TARGET],
			    ind->kind == IND_MONITOR ? N_("indicator '%s' is "
			    "a monitor-only indicator: leave its operator and "
			    "target empty") : N_("indicator '%s' is a "
			    "milestone: leave its operator and target empty"),
			    ind->id);
		ind->op = STATUS_OP_NONE;
	} else if (op < 0 || r == -2)
		;	/* reported above, or by the scan */
	else if (op == STATUS_OP_NONE || r != 1)
		cellerr(x, ds, q->fx[R_REG][op == STATUS_OP_NONE ? F_OP :
		    F_TARGET], "indicator '%s' needs a target: an operator and "
		    "a number%s", ind->id, op == STATUS_OP_NONE ? _(" (or kind "
		    "monitor, for figures without a target)") : "");
	if (rmax == -2)
		;	/* the scan reported it */
	else if (ind->op == STATUS_OP_BETWEEN && (rmax != 1 ||
	    ind->target_max <= ind->target))
		cellerr(x, ds, q->fx[R_REG][rmax == 1 ? F_TARGET_MAX : F_OP],
		    "indicator '%s' is a range 'from %g to …': its target_max "
		    "must be a number above the target", ind->id, ind->target);
	else if (ind->op != STATUS_OP_BETWEEN && rmax != 0)
		cellerr(x, ds, q->fx[R_REG][F_TARGET_MAX], "indicator '%s': "
		    "target_max is only for a range (operator 'từ … đến')%s",
		    ind->id, "");
	if (strcmp(ind->unit, "%") == 0 && ind->op != STATUS_OP_NONE &&
	    ind->op != STATUS_OP_IMPROVE && r == 1 && (ind->target < 0 ||
	    ind->target > 100 || (rmax == 1 && ind->target_max > 100)))
		cellerr(x, ds, q->fx[R_REG][ind->target < 0 || ind->target >
		    100 ? F_TARGET : F_TARGET_MAX], "target of indicator '%s' "
		    "is a percentage: it must be between 0 and 100", ind->id);
	if (ind->kind == IND_SHARE && strcmp(ind->unit, "%") != 0)
		cellerr(x, ds, q->fx[R_REG][F_UNIT], "indicator '%s' is a share "
		    "of units: its unit must be '%%', not '%s'", ind->id,
		    ind->unit);

	s = cell(q, R_REG, F_DIRECTION, c, n);
	if (*s == '\0' || strcmp(s, "higher") == 0)
		ind->direction = ind->op == STATUS_OP_LT ||
		    ind->op == STATUS_OP_LE ? IND_LOWER : IND_HIGHER;
	else if (strcmp(s, "lower") == 0)
		ind->direction = IND_LOWER;
	else if (strcmp(s, "rank") == 0)
		ind->direction = IND_RANK;
	else
		cellerr(x, ds, q->fx[R_REG][F_DIRECTION], "direction '%s' must "
		    "be higher, lower or rank (a rank: 1 is best)", s);
	ind->ongoing = flag(x, ds, R_REG, F_ONGOING, c, t, n) == 1;
	if (ind->ongoing && ind->kind != IND_MILESTONE)
		cellerr(x, ds, q->fx[R_REG][F_ONGOING], "indicator '%s' is no "
		    "milestone: only a milestone can be ongoing%s", ind->id, "");
}

/* The plan's own assessment: its words, and what they say. */
static void
reg_assessment(struct indicators *x, struct dataset *ds,
    struct indicator *ind, const char *const *c, size_t n)
{
	struct indicators_priv	*q = x->priv;
	const char		*s = cell(q, R_REG, F_ASSESS_STATUS, c, n);

	ind->assessment = xstrdup(cell(q, R_REG, F_ASSESS, c, n));
	ind->assessment_source = xstrdup(cell(q, R_REG, F_ASSESS_SOURCE, c,
	    n));
	ind->assessed = -1;
	if (strcmp(s, "achieved") == 0)
		ind->assessed = STATUS_ACHIEVED;
	else if (strcmp(s, "not-achieved") == 0)
		ind->assessed = STATUS_NOT_ACHIEVED;
	else if (strcmp(s, "in-progress") == 0)
		ind->assessed = STATUS_ON_TRACK;
	else if (*s)
		cellerr(x, ds, q->fx[R_REG][F_ASSESS_STATUS], "assessment "
		    "status '%s' must be achieved, not-achieved or "
		    "in-progress%s", s, "");
	else if (*ind->assessment)
		ind->assessed = indicators_assessment(ind->assessment);
	if (*ind->assessment || *s) {
		ind->assess_file = xstrdup(ds->csv);
		dataset_cell_loc(ds, q->fx[R_REG][*ind->assessment ? F_ASSESS :
		    F_ASSESS_STATUS], &ind->assess_line, &ind->assess_col);
	}
	if (*s && !*ind->assessment)
		cellerr(x, ds, q->fx[R_REG][F_ASSESS_STATUS], "indicator '%s' "
		    "has an assessment status but no assessment: quote the "
		    "report's words in 'assessment'%s", ind->id, "");
}

static void
reg_row(struct indicators *x, struct dataset *ds, const char *const *c,
    json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	struct indicator	*ind;
	const char		*s, *applies = cell(q, R_REG, F_APPLIES, c, n);
	long			 first, last;
	int			 r;

	push(&x->v, &x->n, sizeof(*x->v));
	ind = &x->v[x->n - 1];
	ind->id = xstrdup(cell(q, R_REG, F_ID, c, n));
	ind->area = xstrdup(cell(q, R_REG, F_AREA, c, n));
	ind->name = xstrdup(cell(q, R_REG, F_NAME, c, n));
	ind->names = translated(x, R_REG, c, n);
	ind->clause = xstrdup(cell(q, R_REG, F_CLAUSE, c, n));
	ind->label = xstrdup(cell(q, R_REG, F_LABEL, c, n));
	ind->unit = xstrdup(cell(q, R_REG, F_UNIT, c, n));
	ind->period = xstrdup(cell(q, R_REG, F_PERIOD, c, n));
	ind->task = xstrdup(cell(q, R_REG, F_TASK, c, n));
	ind->source = xstrdup(cell(q, R_REG, F_SOURCE, c, n));
	ind->source_url = xstrdup(cell(q, R_REG, F_SOURCE_URL, c, n));
	ind->clause_text = xstrdup(cell(q, R_REG, F_CLAUSE_TEXT, c, n));
	ind->baseline_period = xstrdup("");
	ind->lead = -1;
	ind->baseline_day = LONG_MIN;
	if (json_object_get(q->ind_ix, ind->id) != NULL)
		cellerr(x, ds, q->fx[R_REG][F_ID], "duplicate indicator '%s'%s",
		    ind->id, "");
	else
		json_object_set_new(q->ind_ix, ind->id,
		    json_integer((json_int_t)(x->n - 1)));
	reg_target(x, ds, ind, c, t, n);
	reg_assessment(x, ds, ind, c, n);

	if (!status_period(ind->period, &first, &last)) {
		cellerr(x, ds, q->fx[R_REG][F_PERIOD], "target period '%s' is "
		    "not a year, half (2024-H1), quarter (2024-Q3), month or "
		    "date", ind->period);
		first = last = 0;
	}
	ind->start = first;
	ind->deadline = last;

	if (*(s = cell(q, R_REG, F_LEAD, c, n)))
		addref(q, ds, q->fx[R_REG][F_LEAD], s, REF_LEAD, x->n - 1);
	if (*ind->task)
		addref(q, ds, q->fx[R_REG][F_TASK], ind->task, REF_TASK,
		    x->n - 1);
	if (*applies && ind->kind == IND_SHARE)
		addref(q, ds, q->fx[R_REG][F_APPLIES], applies,
		    REF_APPLIES, x->n - 1);
	if (*applies && ind->kind != IND_SHARE)
		cellerr(x, ds, q->fx[R_REG][F_APPLIES], "indicator '%s' is no "
		    "share: 'applies' is only for share indicators%s", ind->id,
		    "");
	else if (!*applies && ind->kind == IND_SHARE)
		cellerr(x, ds, q->fx[R_REG][F_KIND], "share indicator '%s' "
		    "needs 'applies': the units or unit types it counts%s",
		    ind->id, "");

	r = number(q, R_REG, F_BASE, c, t, n, &ind->baseline);
	if (r == -1)
		cellerr(x, ds, q->fx[R_REG][F_BASE], "baseline '%s' is not a "
		    "number", cell(q, R_REG, F_BASE, c, n));
	else if (r == 1) {
		s = cell(q, R_REG, F_BASEPERIOD, c, n);
		if (!status_period(s, &first, &last))
			cellerr(x, ds, q->fx[R_REG][F_BASE], "the baseline of "
			    "'%s' needs a baseline_period, such as 2023, not "
			    "'%s'", ind->id, s);
		else {
			ind->has_baseline = 1;
			ind->baseline_day = last;
			free(ind->baseline_period);
			ind->baseline_period = xstrdup(s);
		}
	}
}

static void
val_row(struct indicators *x, struct dataset *ds, const char *const *c,
    json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	struct pval		*p;
	const char		*s;
	int			 r;

	push(&q->vals, &q->nvals, sizeof(*q->vals));
	p = &q->vals[q->nvals - 1];
	p->ref = addref(q, ds, q->fx[R_VAL][V_IND], cell(q, R_VAL, V_IND, c,
	    n), REF_VAL_IND, q->nvals - 1);
	p->v.period = xstrdup(cell(q, R_VAL, V_PERIOD, c, n));
	if (!status_period(p->v.period, &p->v.first, &p->v.last)) {
		cellerr(x, ds, q->fx[R_VAL][V_PERIOD], "period '%s' is not a "
		    "year, half (2024-H1), quarter (2024-Q3), month or date%s",
		    p->v.period, "");
		p->v.first = p->v.last = LONG_MIN;
	}
	r = number(q, R_VAL, V_VALUE, c, t, n, &p->v.value);
	if (r != 1 && r != -2)
		cellerr(x, ds, q->fx[R_VAL][V_VALUE], "value '%s' is not a "
		    "number", cell(q, R_VAL, V_VALUE, c, n));
	if (r != 1)
		p->v.last = LONG_MIN;
	s = cell(q, R_VAL, V_TYPE, c, n);
	if (strcmp(s, "estimate") == 0)
		p->v.estimate = 1;
	else if (*s && strcmp(s, "actual") != 0)
		cellerr(x, ds, q->fx[R_VAL][V_TYPE], "value type '%s' must be "
		    "actual or estimate", s);
	p->v.final = flag(x, ds, R_VAL, V_FINAL, c, t, n) == 1;
	if (p->v.final && p->v.estimate)
		cellerr(x, ds, q->fx[R_VAL][V_FINAL], "an estimate cannot be "
		    "the final figure: mark the actual figure final%s", "");
	p->v.sample = ds->sample || flag(x, ds, R_VAL, V_SAMPLE, c, t, n) ==
	    1;
	p->v.source = xstrdup(cell(q, R_VAL, V_SOURCE, c, n));
	p->v.source_url = xstrdup(cell(q, R_VAL, V_SOURCE_URL, c, n));
	p->v.unit = xstrdup(cell(q, R_VAL, V_UNIT, c, n));
	if (*p->v.unit)
		addref(q, ds, q->fx[R_VAL][V_UNIT], p->v.unit, REF_VAL_UNIT,
		    q->nvals - 1);
	p->file = xstrdup(ds->csv);
	dataset_cell_loc(ds, q->fx[R_VAL][V_VALUE], &p->line, &p->col);
}

static void
unit_row(struct indicators *x, struct dataset *ds, const char *const *c,
    json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	struct unit		*u;

	push(&x->units, &x->nunits, sizeof(*x->units));
	u = &x->units[x->nunits - 1];
	u->id = xstrdup(cell(q, R_UNIT, U_ID, c, n));
	u->name = xstrdup(cell(q, R_UNIT, U_NAME, c, n));
	u->names = translated(x, R_UNIT, c, n);
	u->type = xstrdup(cell(q, R_UNIT, U_TYPE, c, n));
	u->parent = xstrdup(cell(q, R_UNIT, U_PARENT, c, n));
	u->note = xstrdup(cell(q, R_UNIT, U_NOTE, c, n));
	u->in_plan = q->fx[R_UNIT][U_IN_PLAN] == SCHEMA_NONE ||
	    flag(x, ds, R_UNIT, U_IN_PLAN, c, t, n) == 1;
	if (json_object_get(q->unit_ix, u->id) != NULL)
		cellerr(x, ds, q->fx[R_UNIT][U_ID], "duplicate unit '%s'%s",
		    u->id, "");
	else
		json_object_set_new(q->unit_ix, u->id,
		    json_integer((json_int_t)(x->nunits - 1)));
	if (*u->type && json_object_get(q->type_ix, u->type) == NULL)
		json_object_set_new(q->type_ix, u->type, json_true());
}

/* A date cell: its day, LONG_MIN when empty or after reporting. */
static long
datecell(struct indicators *x, struct dataset *ds, int f,
    const char *const *c, json_t *const *t, size_t n, const char *what)
{
	const char	*s = cell(x->priv, R_PROG, f, c, n);
	long		 d;

	if (*s == '\0' || untyped(x->priv, R_PROG, f, c, t, n))
		return LONG_MIN;
	if ((d = status_day_parse(s)) == LONG_MIN)
		cellerr(x, ds, x->priv->fx[R_PROG][f], "%s date '%s' is not "
		    "a date (YYYY-MM-DD)", _(what), s);
	return d;
}

static void
prog_row(struct indicators *x, struct dataset *ds, const char *const *c,
    json_t *const *t, size_t n)
{
	struct indicators_priv	*q = x->priv;
	struct pitem		*p;

	push(&q->items, &q->nitems, sizeof(*q->items));
	p = &q->items[q->nitems - 1];
	p->iref = addref(q, ds, q->fx[R_PROG][P_IND], cell(q, R_PROG, P_IND,
	    c, n), REF_PROG_IND, q->nitems - 1);
	p->uref = addref(q, ds, q->fx[R_PROG][P_UNIT], cell(q, R_PROG,
	    P_UNIT, c, n), REF_PROG_UNIT, q->nitems - 1);
	/* TRANSLATORS: "done date" and "report date" of a unit's progress. */
	p->done = datecell(x, ds, P_DONE, c, t, n, N_("done"));
	p->reported = datecell(x, ds, P_REPORTED, c, t, n, N_("report"));
	p->final = flag(x, ds, R_PROG, P_FINAL, c, t, n) == 1;
	p->sample = ds->sample || flag(x, ds, R_PROG, P_SAMPLE, c, t, n) == 1;
	p->document = xstrdup(cell(q, R_PROG, P_DOC, c, n));
	p->file = xstrdup(ds->csv);
	dataset_cell_loc(ds, q->fx[R_PROG][P_DONE] != SCHEMA_NONE ?
	    q->fx[R_PROG][P_DONE] : q->fx[R_PROG][P_UNIT], &p->line, &p->col);
}

static int
tee_begin(void *arg, struct dataset *ds)
{
	struct indicators	*x = arg;
	const struct dataset_sink *s = x->priv->next;

	return s && s->begin ? s->begin(s->arg, ds) : 1;
}

static int
tee_row(void *arg, struct dataset *ds, unsigned line,
    const char *const *cells, const size_t *lens, json_t *const *t,
    size_t n)
{
	struct indicators	*x = arg;
	struct indicators_priv	*q = x->priv;
	const struct dataset_sink *s = q->next;

	if (!q->ok)
		;	/* the roles are wrong: nothing to collect */
	else if (ds == q->ds[R_REG])
		reg_row(x, ds, cells, t, n);
	else if (ds == q->ds[R_VAL])
		val_row(x, ds, cells, t, n);
	else if (ds == q->ds[R_UNIT])
		unit_row(x, ds, cells, t, n);
	else if (ds == q->ds[R_PROG])
		prog_row(x, ds, cells, t, n);
	return s && s->row ? s->row(s->arg, ds, line, cells, lens, t, n) : 1;
}

static int
tee_end(void *arg, struct dataset *ds)
{
	struct indicators	*x = arg;
	const struct dataset_sink *s = x->priv->next;

	return s && s->end ? s->end(s->arg, ds) : 1;
}

const struct dataset_sink *
indicators_sink(struct indicators *x, const struct dataset_sink *next)
{
	x->priv->next = next;
	x->priv->sink.arg = x;
	x->priv->sink.begin = tee_begin;
	x->priv->sink.row = tee_row;
	x->priv->sink.end = tee_end;
	return &x->priv->sink;
}

/* The day statuses are computed for. */
static long
today(void)
{
	time_t		 t;
	struct tm	 tm;

	if (archive_env_epoch(&t) != 1)
		t = time(NULL);
	gmtime_r(&t, &tm);
	return status_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
bind_role(struct indicators *x, struct dataset **v, size_t n,
    const struct meta *m, const json_t *cfg, enum role r)
{
	struct indicators_priv	*q = x->priv;
	const struct role_spec	*rs = &roles[r];
	const char		*id = NULL;
	size_t			 i, f;
	int			 ok = 1;

	for (f = 0; f < FIELDS_MAX; f++)
		q->fx[r][f] = SCHEMA_NONE;
	if (json_object_get(cfg, rs->key) == NULL)
		return 1;
	if (!meta_string(m, x->d, cfg, rs->key, &id))
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			break;
	if (i == n)
		return diag_error(x->d, meta_loc(m, cfg, rs->key), "the %s "
		    "'%s' is no dataset: there is no datasets/%s.csv",
		    _(rs->what), id, id);
	if (!v[i]->ok)
		return 0;
	for (f = 0; f < FIELDS_MAX && rs->fields[f]; f++) {
		q->fx[r][f] = schema_find(v[i]->schema, rs->fields[f]);
		if (f < rs->nneed && q->fx[r][f] == SCHEMA_NONE)
			ok = diag_error(x->d, meta_loc(m, cfg, rs->key), "the "
			    "%s '%s' needs a field '%s'", _(rs->what), id,
			    rs->fields[f]);
	}
	if (ok)
		q->ds[r] = v[i];
	return ok;
}

/*
 * The path "key" of "cfg", where pages go, into "*out": a path of the
 * site from '/' to '/', such as "/chi-tieu/", since the pages' paths
 * are made by appending "ID/" to it.  Without the key, the theme's
 * string "key" for the site's language ("strings", where i18n.c checked
 * it); without either, an error at "progress:".  "*out" is never NULL:
 * after an error the model still has paths, if unusable ones.
 */
static int
site_path(struct indicators *x, const struct meta *m, const json_t *cfg,
    const json_t *strings, const char *key, const char **out)
{
	const char	*s = NULL, *def = i18n_string(strings, key, NULL);
	size_t		 len;

	*out = def != NULL ? def : "/";
	if (json_object_get(cfg, key) == NULL) {
		if (def != NULL)
			return 1;
		return diag_error(x->d, meta_loc(m, meta_root(m), "progress"),
		    "progress needs '%s': the theme's strings for this "
		    "language have no '%s' to take it from", key, key);
	}
	if (!meta_string(m, x->d, cfg, key, &s))
		return 0;
	len = strlen(s);
	if ((len == 0 || s[0] != '/' || s[len - 1] != '/') && def != NULL)
		return diag_error(x->d, meta_loc(m, cfg, key), "%s '%s' must "
		    "be a path of the site from / to /, such as %s", key, s,
		    def);
	if (len == 0 || s[0] != '/' || s[len - 1] != '/')
		return diag_error(x->d, meta_loc(m, cfg, key), "%s '%s' must "
		    "be a path of the site from / to /", key, s);
	*out = s;
	return 1;
}

/*
 * The methodology page's path into x->meth_path: progress's
 * methodology_path, else the indicators' path and the theme's
 * "methodology_slug" in the site's language ("/chi-tieu/" and
 * "phuong-phap": "/chi-tieu/phuong-phap/").
 */
static int
methodology_path(struct indicators *x, const struct meta *m,
    const json_t *cfg, const json_t *strings)
{
	const char	*slug = i18n_string(strings, "methodology_slug", "");

	x->meth_path = x->priv->meth = xasprintf("%s%s/", x->ind_path, slug);
	if (json_object_get(cfg, "methodology_path") != NULL)
		return site_path(x, m, cfg, strings, "methodology_path",
		    &x->meth_path);
	if (!text_safe_segment(slug))
		return diag_error(x->d, meta_loc(m, meta_root(m), "progress"),
		    "the theme's methodology_slug '%s' must be a plain name "
		    "without '/' or leading '.': the folder of the methodology "
		    "page below indicators_path (or set methodology_path)",
		    slug);
	return 1;
}

static const char *const cfgkeys[] = { "indicators", "values", "units",
    "unit_progress", "as_of", "issued", "indicators_path", "units_path",
    "methodology_path", "unit_types", NULL };

struct indicators *
indicators_new(struct diag *d, const struct config *c, const json_t *strings,
    struct dataset **v, size_t n)
{
	struct indicators	*x;
	const struct meta	*m = c->meta;
	json_t			*cfg;
	const char		*s;
	size_t			 errs = diag_errors(d);
	int			 r, ok = 1;

	if (m == NULL || !json_is_object(cfg = json_object_get(meta_root(m),
	    "progress")))
		return NULL;
	x = xcalloc(1, sizeof(*x));
	x->priv = xcalloc(1, sizeof(*x->priv));
	x->d = d;
	x->c = c;
	x->latest = LONG_MIN;
	x->priv->ind_ix = json_object();
	x->priv->unit_ix = json_object();
	x->priv->type_ix = json_object();
	x->priv->area_ix = json_object();
	x->priv->task_ix = json_object();
	meta_warn_unknown(d, m, cfg, cfgkeys, "progress");
	for (r = 0; r < R_COUNT; r++)
		ok &= bind_role(x, v, n, m, cfg, (enum role)r);
	for (r = 0; r < R_COUNT; r++) {
		int	 o;

		for (o = r + 1; o < R_COUNT; o++)
			if (x->priv->ds[r] && x->priv->ds[r] == x->priv->ds[o])
				ok = diag_error(d, meta_loc(m, cfg,
				    roles[o].key), "dataset '%s' is already "
				    "the %s; one dataset plays one role",
				    x->priv->ds[o]->id, _(roles[r].what));
	}
	if (x->priv->ds[R_REG] == NULL && ok)
		ok = diag_error(d, meta_loc(m, meta_root(m), "progress"),
		    "progress needs 'indicators': the dataset of the "
		    "indicator registry");
	x->as_of = today();
	if (json_object_get(cfg, "as_of") && meta_string(m, d, cfg, "as_of",
	    &s) && (x->as_of = status_day_parse(s)) == LONG_MIN)
		ok = diag_error(d, meta_loc(m, cfg, "as_of"), "as_of '%s' is "
		    "not a date (YYYY-MM-DD)", s);
	x->issued = LONG_MIN;
	if (json_object_get(cfg, "issued") && meta_string(m, d, cfg, "issued",
	    &s) && (x->issued = status_day_parse(s)) == LONG_MIN)
		ok = diag_error(d, meta_loc(m, cfg, "issued"), "issued '%s' is "
		    "not a date (YYYY-MM-DD): the day the plan was issued", s);
	ok &= site_path(x, m, cfg, strings, "indicators_path", &x->ind_path);
	ok &= site_path(x, m, cfg, strings, "units_path", &x->unit_path);
	ok &= methodology_path(x, m, cfg, strings);
	if (json_object_get(cfg, "unit_types") && !json_is_object(
	    x->unit_types = json_object_get(cfg, "unit_types")))
		ok = diag_error(d, meta_loc(m, cfg, "unit_types"), "unit_types "
		    "must be a mapping of unit types to their names");
	x->priv->ok = ok && diag_errors(d) == errs;
	return x;
}

static size_t
lookup(json_t *ix, const char *id, int *found)
{
	json_t	*j = json_object_get(ix, id);

	*found = j != NULL;
	return j ? (size_t)json_integer_value(j) : 0;
}

static int
cmpval(const void *a, const void *b)
{
	const struct ind_value	*x = a, *y = b;

	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/*
 * By unit name, then unit, then place in the file: qsort_r() need not
 * keep the order of rows that tie, and the API lists a unit's rows in
 * the order of the file.  "arg" is the indicators the units belong to.
 */
static int
cmpitem(const void *a, const void *b, void *arg)
{
	const struct ind_item		*x = a, *y = b;
	const struct indicators		*ind = arg;
	int				 c;

	if ((c = strcmp(ind->units[x->unit].name, ind->units[y->unit].name)))
		return c;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The applicable units of a share indicator: unit ids or unit types. */
static void
applies(struct indicators *x, size_t k, const struct ref *at)
{
	struct indicators_priv	*q = x->priv;
	struct indicator	*ind = &x->v[k];
	char			*s = xstrdup(at->id), *tok, *save;
	struct loc		 l = { at->file, at->line, at->col };
	size_t			 u;
	int			 found;

	for (tok = strtok_r(s, " ,", &save); tok; tok = strtok_r(NULL, " ,",
	    &save)) {
		u = lookup(q->unit_ix, tok, &found);
		if (found) {
			push(&ind->applies, &ind->napplies,
			    sizeof(*ind->applies));
			ind->applies[ind->napplies - 1] = u;
		} else if (json_object_get(q->type_ix, tok)) {
			for (u = 0; u < x->nunits; u++)
				if (strcmp(x->units[u].type, tok) == 0) {
					push(&ind->applies, &ind->napplies,
					    sizeof(*ind->applies));
					ind->applies[ind->napplies - 1] = u;
				}
		} else {
			struct buf	 b = BUF_INIT;
			const char	*near = suggest_key(tok, q->unit_ix);

			if (near == NULL)
				near = suggest_key(tok, q->type_ix);
			if (near != NULL)
				buf_printf(&b, _("; did you mean '%s'?"), near);
			diag_error(x->d, &l, "indicator '%s' applies to '%s', "
			    "which is neither a unit id nor a unit type of "
			    "the units dataset%s", ind->id, tok, b.data);
			buf_release(&b);
		}
	}
	free(s);
}

static int
applies_to(const struct indicator *ind, size_t u)
{
	size_t	 i;

	for (i = 0; i < ind->napplies; i++)
		if (ind->applies[i] == u)
			return 1;
	return 0;
}

/* "unknown unit 'sttt'; did you mean 'stttt'?": "ix" holds the ids. */
static void
unknown(struct indicators *x, const struct loc *l, const char *what,
    const char *id, const json_t *ix)
{
	struct buf	 b = BUF_INIT;

	suggest_hint_keys(&b, id, ix, 5);
	diag_error(x->d, l, "unknown %s '%s'%s", _(what), id, b.data);
	buf_release(&b);
}

static void
referr(struct indicators *x, const struct ref *r, const char *what,
    const json_t *ix)
{
	struct loc	 l = { r->file, r->line, r->col };

	unknown(x, &l, what, r->id, ix);
}

/* Resolve the references written in the datasets. */
static void
data_refs(struct indicators *x)
{
	struct indicators_priv	*q = x->priv;
	struct ref		*r;
	struct indicator	*ind;
	size_t			 i, k, u;
	int			 found, ufound;

	for (i = 0; i < q->nrefs; i++) {
		r = &q->refs[i];
		switch (r->what) {
		case REF_LEAD:
			u = lookup(q->unit_ix, r->id, &found);
			if (!found)
				referr(x, r, N_("unit"), q->unit_ix);
			else
				x->v[r->owner].lead = (long)u;
			break;
		case REF_TASK:
			k = lookup(q->task_ix, r->id, &found);
			if (!found)
				referr(x, r, N_("task"), q->task_ix);
			else
				x->v[r->owner].task_page = x->tasks[k];
			break;
		case REF_APPLIES:
			applies(x, r->owner, r);
			break;
		case REF_VAL_UNIT:
		case REF_PROG_UNIT:
			lookup(q->unit_ix, r->id, &found);
			if (!found)
				referr(x, r, N_("unit"), q->unit_ix);
			break;
		case REF_VAL_IND:
		case REF_PROG_IND:
			lookup(q->ind_ix, r->id, &found);
			if (!found)
				referr(x, r, N_("indicator"), q->ind_ix);
			break;
		}
	}
	for (i = 0; i < q->nvals; i++) {
		struct pval	*p = &q->vals[i];
		struct loc	 l = { p->file, p->line, p->col };

		k = lookup(q->ind_ix, q->refs[p->ref].id, &found);
		if (!found || p->v.last == LONG_MIN)
			continue;
		ind = &x->v[k];
		if (ind->kind != IND_VALUE && ind->kind != IND_MONITOR) {
			diag_error(x->d, &l, ind->kind == IND_SHARE ?
			    N_("indicator '%s' is a share: its figures come "
			    "from unit progress, not from reported values") :
			    N_("indicator '%s' is a milestone: its figures "
			    "come from unit progress, not from reported "
			    "values"), ind->id);
			continue;
		}
		if (strcmp(ind->unit, "%") == 0 && (p->v.value < 0 ||
		    p->v.value > 100)) {
			diag_error(x->d, &l, "value %g of indicator '%s' is a "
			    "percentage: it must be between 0 and 100",
			    p->v.value, ind->id);
			continue;
		}
		push(&ind->values, &ind->nvalues, sizeof(*ind->values));
		ind->values[ind->nvalues - 1] = p->v;
		memset(&p->v, 0, sizeof(p->v));	/* moved */
	}
	for (i = 0; i < q->nitems; i++) {
		struct pitem	*p = &q->items[i];
		struct ref	*ir = &q->refs[p->iref];
		struct loc	 l = { ir->file, ir->line, ir->col };

		k = lookup(q->ind_ix, ir->id, &found);
		u = lookup(q->unit_ix, q->refs[p->uref].id, &ufound);
		if (!found || !ufound)
			continue;
		ind = &x->v[k];
		if (ind->kind == IND_VALUE || ind->kind == IND_MONITOR) {
			diag_error(x->d, &l, "indicator '%s' is a value: its "
			    "figures come from reported values, not unit "
			    "progress", ind->id);
			continue;
		}
		if (ind->kind == IND_SHARE && !applies_to(ind, u)) {
			l.line = q->refs[p->uref].line;
			l.col = q->refs[p->uref].col;
			diag_error(x->d, &l, "unit '%s' is not one of the units "
			    "indicator '%s' applies to", x->units[u].id,
			    ind->id);
			continue;
		}
		push(&ind->items, &ind->nitems, sizeof(*ind->items));
		ind->items[ind->nitems - 1].unit = u;
		ind->items[ind->nitems - 1].seq = ind->nitems - 1;
		ind->items[ind->nitems - 1].done = p->done;
		ind->items[ind->nitems - 1].reported = p->reported;
		ind->items[ind->nitems - 1].final = p->final;
		ind->items[ind->nitems - 1].sample = p->sample;
		ind->items[ind->nitems - 1].document = p->document;
		p->document = NULL;
	}
}

/* Whether "u" already leads or supports page "p". */
static int
has_page(const struct unit *u, const struct page *p)
{
	size_t	 i;

	for (i = 0; i < u->nleads; i++)
		if (u->leads[i] == p)
			return 1;
	for (i = 0; i < u->nsupports; i++)
		if (u->supports[i] == p)
			return 1;
	return 0;
}

/* The unit ids of front matter key "key" of page "p"; "types": unit types. */
static void
page_units(struct indicators *x, struct page *p, const char *key,
    int types, int lead)
{
	struct indicators_priv	*q = x->priv;
	json_t			*a = json_object_get(p->front, key), *e;
	const struct loc	*l;
	const char		*id;
	size_t			 i, u;
	int			 found;

	if (a == NULL)
		return;
	if (json_is_string(a)) {
		json_t	*one = json_array();

		json_array_append(one, a);
		a = one;
	} else
		json_incref(a);
	json_array_foreach(a, i, e) {
		if ((id = json_string_value(e)) == NULL)
			continue;	/* page.c reported it */
		l = json_is_array(json_object_get(p->front, key)) ?
		    meta_index_loc(p->fm, json_object_get(p->front, key), i) :
		    meta_loc(p->fm, p->front, key);
		if (types) {
			if (json_object_get(q->type_ix, id) == NULL) {
				unknown(x, l, N_("unit type"), id, q->type_ix);
				continue;
			}
			for (u = 0; u < x->nunits; u++)
				if (strcmp(x->units[u].type, id) == 0 &&
				    !has_page(&x->units[u], p)) {
					struct unit *un = &x->units[u];

					push(&un->supports, &un->nsupports,
					    sizeof(*un->supports));
					un->supports[un->nsupports - 1] = p;
				}
			continue;
		}
		u = lookup(q->unit_ix, id, &found);
		if (!found) {
			unknown(x, l, N_("unit"), id, q->unit_ix);
			continue;
		}
		if (has_page(&x->units[u], p))
			continue;	/* listed twice */
		if (lead) {
			push(&x->units[u].leads, &x->units[u].nleads,
			    sizeof(*x->units[u].leads));
			x->units[u].leads[x->units[u].nleads - 1] = p;
		} else {
			push(&x->units[u].supports, &x->units[u].nsupports,
			    sizeof(*x->units[u].supports));
			x->units[u].supports[x->units[u].nsupports - 1] = p;
		}
	}
	json_decref(a);
}

/* Check the references in the front matter of every page. */
static void
page_refs(struct indicators *x, struct page **pv, size_t np)
{
	struct indicators_priv	*q = x->priv;
	struct page		*p;
	json_t			*a, *e;
	const char		*s;
	size_t			 i, j, k;
	int			 found;

	for (i = 0; i < np; i++) {
		p = pv[i];
		if (p->front == NULL || p->fm == NULL)
			continue;
		if (json_object_get(p->front, "area") &&
		    meta_string(p->fm, x->d, p->front, "area", &s)) {
			k = lookup(q->area_ix, s, &found);
			if (!found) {
				struct buf	 b = BUF_INIT;

				suggest_hint_keys(&b, s, q->area_ix, 8);
				diag_error(x->d, meta_loc(p->fm, p->front,
				    "area"), "unknown area '%s': no indicator "
				    "of the registry is in it%s", s, b.data);
				buf_release(&b);
			}
			else if (x->areas[k].page != NULL)
				diag_error(x->d, meta_loc(p->fm, p->front,
				    "area"), "area '%s' already has a page: %s",
				    s, x->areas[k].page->file);
			else
				x->areas[k].page = p;
		}
		a = NULL;
		if (json_object_get(p->front, "indicators") &&
		    meta_strings(p->fm, x->d, p->front, "indicators", &a)) {
			json_array_foreach(a, j, e) {
				lookup(q->ind_ix, json_string_value(e), &found);
				if (!found)
					unknown(x, json_is_array(
					    json_object_get(p->front,
					    "indicators")) ? meta_index_loc(p->fm,
					    json_object_get(p->front,
					    "indicators"), j) : meta_loc(p->fm,
					    p->front, "indicators"),
					    N_("indicator"), json_string_value(e),
					    q->ind_ix);
			}
		}
		json_decref(a);
		if (q->ds[R_UNIT] == NULL)
			continue;
		page_units(x, p, "lead", 0, 1);
		page_units(x, p, "partners", 0, 0);
		page_units(x, p, "partner_types", 1, 0);
	}
}

/* Tasks: pages with a lead and a code. */
static void
find_tasks(struct indicators *x, struct page **pv, size_t np)
{
	size_t	 i;

	for (i = 0; i < np; i++) {
		if (json_object_get(pv[i]->front, "lead") == NULL ||
		    *pv[i]->code == '\0')
			continue;
		if (json_object_get(x->priv->task_ix, pv[i]->code))
			continue;	/* the first page with a code wins */
		push(&x->tasks, &x->ntasks, sizeof(*x->tasks));
		x->tasks[x->ntasks - 1] = pv[i];
		json_object_set_new(x->priv->task_ix, pv[i]->code,
		    json_integer((json_int_t)(x->ntasks - 1)));
	}
}

static void
areas(struct indicators *x)
{
	struct area	*a;
	size_t		 i, k;
	int		 found;

	for (i = 0; i < x->n; i++) {
		k = lookup(x->priv->area_ix, x->v[i].area, &found);
		if (!found) {
			push(&x->areas, &x->nareas, sizeof(*x->areas));
			k = x->nareas - 1;
			x->areas[k].id = xstrdup(x->v[i].area);
			json_object_set_new(x->priv->area_ix, x->v[i].area,
			    json_integer((json_int_t)k));
		}
		a = &x->areas[k];
		push(&a->inds, &a->ninds, sizeof(*a->inds));
		a->inds[a->ninds - 1] = i;
	}
}

/* Where figure "v" lies against the period of "ind". */
static enum ind_when
when(const struct indicator *ind, const struct ind_value *v)
{
	if (v->last < ind->start)
		return IND_BEFORE;
	if (v->first >= ind->start && v->last <= ind->deadline)
		return IND_IN;
	return IND_OTHER;
}

int
indicators_final(const struct indicator *ind, const struct ind_value *v)
{
	return ind->kind != IND_MONITOR && !v->estimate && v->when == IND_IN &&
	    (v->final || v->last == ind->deadline);
}

const char *
indicators_kind_name(enum ind_kind k)
{
	static const char *const names[] = { "value", "share", "milestone",
	    "monitor" };

	return names[k];
}

const char *
indicators_when_name(enum ind_when w)
{
	static const char *const names[] = { "in", "before", "other" };

	return names[w];
}

const char *
indicators_state_name(enum ind_state st)
{
	static const char *const names[] = { "done", "done-late", "not-done",
	    "unreported" };

	return names[st];
}

/* Whether "a" is better evidence than "b" (NULL): later, actual first. */
static int
better(const struct indicator *ind, const struct ind_value *a,
    const struct ind_value *b)
{
	if (b == NULL)
		return 1;
	if (indicators_final(ind, a) != indicators_final(ind, b))
		return indicators_final(ind, a);
	if (a->last != b->last)
		return a->last > b->last;
	return b->estimate && !a->estimate;
}

/* A value or monitor-only indicator: evidence, previous result, baseline. */
static void
compute_values(struct indicators *x, struct indicator *ind,
    struct status_in *in)
{
	const struct ind_value	*ev = NULL, *first = NULL, *v;
	size_t			 i;

	for (i = 0; i < ind->nvalues; i++) {
		v = &ind->values[i];
		ind->values[i].when = when(ind, v);
		if (v->last > x->as_of)
			continue;
		if (ind->kind == IND_MONITOR || v->when == IND_IN) {
			if (first == NULL)
				first = v;
			if (better(ind, v, ev))
				ev = v;
		} else if (v->when == IND_BEFORE)
			ind->prev = v;	/* sorted: the latest wins */
	}
	if (ev != NULL) {
		ind->has_value = 1;
		ind->value = ev->value;
		ind->estimate = ev->estimate;
		ind->final = indicators_final(ind, ev);
		ind->value_day = ev->last;
		ind->value_period = ev->period;
		ind->sample = ev->sample;
	}
	if (ind->has_baseline) {
		ind->used_baseline = 1;
		ind->base_value = ind->baseline;
		ind->base_day = ind->baseline_day;
		ind->base_period = ind->baseline_period;
	} else if (ind->prev != NULL) {
		ind->used_baseline = 1;
		ind->base_value = ind->prev->value;
		ind->base_day = ind->prev->last;
		ind->base_period = ind->prev->period;
		ind->sample |= ind->prev->sample && ev != NULL;
	} else if (first != NULL && first != ev && first->last < ind->value_day)
	{
		ind->used_baseline = 1;
		ind->base_value = first->value;
		ind->base_day = first->last;
		ind->base_period = first->period;
		ind->sample |= first->sample;
	}
	in->has_value = ind->has_value;
	in->value = ind->value;
	in->estimate = ind->estimate;
	in->final = ind->final;
	in->value_day = ind->value_day;
}

enum ind_state
indicators_row_state(const struct indicators *x,
    const struct indicator *ind, const struct ind_item *it)
{
	if (it->done == LONG_MIN || it->done > x->as_of)
		return IND_NOT_DONE;
	return it->done > ind->deadline ? IND_DONE_LATE : IND_DONE;
}

/* Whether "not done" row "a" speaks after "b": a later report, or on
 * the same day a final one. */
static int
later(const struct ind_item *a, const struct ind_item *b)
{
	if (a->reported != b->reported)
		return a->reported > b->reported;
	return a->final >= b->final;
}

/*
 * Of a unit's rows, the one that decides: a unit done stays done, so a
 * row done by as_of wins over every "not done" one, and of rows done,
 * the earliest; of "not done" rows alone, the latest report (a final
 * one of the same day), whatever their order in the file.
 */
enum ind_state
indicators_state(const struct indicators *x, const struct indicator *ind,
    size_t u, const struct ind_item **row)
{
	const struct ind_item	*it = NULL, *r;
	enum ind_state		 st = IND_UNREPORTED, s;
	size_t			 i;

	for (i = 0; i < ind->nitems; i++) {
		r = &ind->items[i];
		if (r->unit != u)
			continue;
		s = indicators_row_state(x, ind, r);
		if (it == NULL || s < st || (s == st && (s == IND_NOT_DONE ?
		    later(r, it) : r->done < it->done))) {
			it = r;
			st = s;
		}
	}
	*row = it;
	return st;
}

/* Whether a "not done" row is the final word for the target period. */
static int
row_final(const struct indicator *ind, const struct ind_item *it)
{
	return it->final || (it->reported != LONG_MIN &&
	    it->reported >= ind->deadline);
}

/* The newest day a row vouches for, LONG_MIN when it has none. */
static long
row_day(const struct indicators *x, const struct ind_item *it)
{
	long	 d = it->reported;

	if (it->done != LONG_MIN && it->done <= x->as_of && it->done > d)
		d = it->done;
	return d != LONG_MIN && d <= x->as_of ? d : LONG_MIN;
}

/*
 * A share: the units known done in time over the units it applies to;
 * "upper" counts every unit whose answer is still open as done.
 */
static void
compute_share(struct indicators *x, struct indicator *ind,
    struct status_in *in)
{
	const struct ind_item	*it;
	size_t			 i, done0 = 0, open = 0, missing = 0;
	size_t			 n = ind->napplies;
	long			 day = LONG_MIN, d;

	for (i = 0; i < n; i++) {
		switch (indicators_state(x, ind, ind->applies[i], &it)) {
		case IND_DONE:
			ind->ndone++;
			done0 += it->done < ind->start;
			break;
		case IND_DONE_LATE:
			ind->nlate++;
			break;
		case IND_NOT_DONE:
			open += !row_final(ind, it);
			break;
		case IND_UNREPORTED:
			missing++;
			continue;
		}
		ind->nreported++;
		ind->sample |= it->sample;
		if ((d = row_day(x, it)) > day)
			day = d;
	}
	if (ind->nreported == 0 || n == 0)
		return;
	ind->has_value = 1;
	ind->value = 100.0 * (double)ind->ndone / (double)n;
	ind->value_day = day;
	/* Before the deadline a "not done" is today's answer; after it, only
	 * a final one closes the question. */
	if (x->as_of <= ind->deadline)
		open = 0;
	ind->upper = 100.0 * (double)(ind->ndone + open + missing) /
	    (double)n;
	ind->has_upper = open + missing > 0;
	ind->final = open + missing == 0 && x->as_of > ind->deadline;
	in->missing = missing > 0;
	in->has_value = 1;
	in->value = ind->value;
	in->final = ind->final;
	in->lasting = 1;
	in->has_upper = ind->has_upper;
	in->upper = ind->upper;
	/* A share is known on every day: judge its pace as of today. */
	in->value_day = x->as_of < ind->deadline ? x->as_of : ind->deadline;
	in->has_baseline = 1;
	in->baseline = 100.0 * (double)done0 / (double)n;
	in->baseline_day = ind->start - 1;
}

static void
compute_milestone(struct indicators *x, struct indicator *ind,
    struct status_in *in)
{
	const struct ind_item	*it;
	size_t			 i;
	long			 d;

	in->ongoing = ind->ongoing;
	for (i = 0; i < ind->nitems; i++) {
		it = &ind->items[i];
		ind->sample |= it->sample;
		if ((d = row_day(x, it)) > ind->value_day)
			ind->value_day = d;
		if (it->done != LONG_MIN && it->done <= x->as_of) {
			if (it->done <= ind->deadline) {
				in->done = 1;
				in->final |= ind->ongoing && row_final(ind, it);
			} else
				in->done_late = 1;
		} else {
			in->reported = 1;
			in->final |= !ind->ongoing && row_final(ind, it);
		}
	}
	if (in->done) {
		ind->has_value = 1;
		ind->value = 1;
	}
}

/* The latest figure and the status of indicator "ind". */
static void
compute(struct indicators *x, struct indicator *ind)
{
	struct status_in	 in;

	memset(&in, 0, sizeof(in));
	ind->value_day = LONG_MIN;
	in.op = ind->op;
	in.target = ind->target;
	in.target_max = ind->target_max;
	in.start = ind->start;
	in.deadline = ind->deadline;
	in.as_of = x->as_of;
	switch (ind->kind) {
	case IND_VALUE:
	case IND_MONITOR:
		compute_values(x, ind, &in);
		break;
	case IND_SHARE:
		compute_share(x, ind, &in);
		break;
	case IND_MILESTONE:
		compute_milestone(x, ind, &in);
		break;
	}
	if (ind->kind != IND_SHARE && ind->used_baseline) {
		in.has_baseline = 1;
		in.baseline = ind->base_value;
		in.baseline_day = ind->base_day;
	}
	in.monitor = ind->kind == IND_MONITOR;
	ind->op_eff = ind->op;
	if (ind->op == STATUS_OP_IMPROVE && ind->used_baseline) {
		int	 down = ind->direction != IND_HIGHER;

		ind->has_target_eff = 1;
		ind->target_eff = ind->base_value + (down ? -ind->target :
		    ind->target);
		ind->op_eff = down ? STATUS_OP_LE : STATUS_OP_GE;
		in.op = ind->op_eff;
		in.target = ind->target_eff;
	} else if (ind->op == STATUS_OP_IMPROVE)
		in.has_value = 0;	/* no baseline: nothing to improve on */
	status_compute(&in, &ind->st);
	if (ind->value_day != LONG_MIN && ind->value_day > x->latest) {
		x->latest = ind->value_day;
		x->latest_sample = ind->sample;
	}
	if (ind->value_day != LONG_MIN && !ind->sample &&
	    ind->value_day > x->latest_real)
		x->latest_real = ind->value_day;
}

/* Group the registry's rows into the plan's lettered clauses. */
static void
clauses(struct indicators *x)
{
	json_t		*ix = json_object();
	struct clause	*cl;
	char		*key;
	size_t		 i, k;
	int		 found;

	for (i = 0; i < x->n; i++) {
		key = *x->v[i].clause ? xasprintf("%s %s", x->v[i].area,
		    x->v[i].clause) : xstrdup(x->v[i].id);
		k = lookup(ix, key, &found);
		if (!found) {
			push(&x->clauses, &x->nclauses, sizeof(*x->clauses));
			k = x->nclauses - 1;
			x->clauses[k].key = key;
			json_object_set_new(ix, key, json_integer(
			    (json_int_t)k));
		} else
			free(key);
		cl = &x->clauses[k];
		push(&cl->inds, &cl->n, sizeof(*cl->inds));
		cl->inds[cl->n - 1] = i;
		x->v[i].clause_ix = k;
	}
	json_decref(ix);
}

/* Roll up every clause and count it, in its area and overall. */
static void
count(struct indicators *x)
{
	enum status	*st;
	struct clause	*cl;
	struct area	*a;
	size_t		 i, j, k;
	int		 found;

	for (i = 0; i < x->nclauses; i++) {
		cl = &x->clauses[i];
		st = xcalloc(cl->n, sizeof(*st));
		for (j = 0; j < cl->n; j++) {
			st[j] = x->v[cl->inds[j]].st.status;
			if (st[j] != STATUS_MONITOR)
				cl->sample |= x->v[cl->inds[j]].sample;
		}
		cl->status = status_rollup(st, cl->n);
		free(st);
		k = lookup(x->priv->area_ix, x->v[cl->inds[0]].area, &found);
		a = &x->areas[k];
		push(&a->clauses, &a->nclauses, sizeof(*a->clauses));
		a->clauses[a->nclauses - 1] = i;
		if (cl->status == STATUS_MONITOR) {
			x->nmonitor_clauses++;
			continue;
		}
		x->counts[cl->status]++;
		a->counts[cl->status]++;
		x->nsample += cl->sample;
		a->nsample += cl->sample;
	}
	for (i = 0; i < x->n; i++) {
		if (x->v[i].kind == IND_MONITOR)
			x->nmonitor++;
		else
			x->nparts++;
	}
}

int
indicators_assessment(const char *w)
{
	static const struct {
		const char	*words;
		int		 status;
	} map[] = {
		/* The negative words first: "chưa hoàn thành" holds
		 * "hoàn thành". */
		{ "kh\xc3\xb4ng \xc4\x91\xe1\xba\xa1t", STATUS_NOT_ACHIEVED },
		{ "ch\xc6\xb0\x61 \xc4\x91\xe1\xba\xa1t", STATUS_NOT_ACHIEVED },
		{ "ch\xc6\xb0\x61 ho\xc3\xa0n th\xc3\xa0nh",
		    STATUS_NOT_ACHIEVED },
		{ "kh\xc3\xb4ng ho\xc3\xa0n th\xc3\xa0nh",
		    STATUS_NOT_ACHIEVED },
		{ "\xc4\x91\x61ng", STATUS_ON_TRACK },	/* đang ... */
		{ "ho\xc3\xa0n th\xc3\xa0nh", STATUS_ACHIEVED },
		{ "\xc4\x91\xe1\xba\xa1t", STATUS_ACHIEVED },
		{ "not achieved", STATUS_NOT_ACHIEVED },
		{ "in progress", STATUS_ON_TRACK },
		{ "achieved", STATUS_ACHIEVED },
		{ "completed", STATUS_ACHIEVED },
	};
	char	*low = xstrdup(w), *p;
	size_t	 i;
	int	 rc = -1;

	for (p = low; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p | 0x20);
	/* "Đ" (U+0110) to "đ" (U+0111): the only capital that matters. */
	for (p = low; (p = strstr(p, "\xc4\x90")) != NULL; p += 2)
		p[1] = '\x91';
	for (i = 0; i < sizeof(map) / sizeof(map[0]) && rc < 0; i++)
		if (strstr(low, map[i].words) != NULL)
			rc = map[i].status;
	free(low);
	return rc;
}

/* Whether the official assessment "a" contradicts the status "s". */
static int
disagrees(int a, enum status s)
{
	switch (a) {
	case STATUS_ACHIEVED:
		return s != STATUS_ACHIEVED;
	case STATUS_NOT_ACHIEVED:
		return s == STATUS_ACHIEVED || s == STATUS_ON_TRACK;
	case STATUS_ON_TRACK:	/* in progress */
		return s == STATUS_ACHIEVED || s == STATUS_NOT_ACHIEVED;
	default:
		return 0;
	}
}

/* Warnings on the data once statuses are known. */
static void
warnings(struct indicators *x)
{
	struct indicators_priv	*q = x->priv;
	const struct indicator	*ind;
	char			 iso[11];
	size_t			 i;

	for (i = 0; i < x->n; i++) {
		struct loc	 l;

		ind = &x->v[i];
		if (ind->assessed < 0 || !disagrees(ind->assessed,
		    ind->st.status))
			continue;
		l.file = ind->assess_file;
		l.line = ind->assess_line;
		l.col = ind->assess_col;
		diag_warning(x->d, &l, "the plan's own assessment of '%s' "
		    "('%s') disagrees with the status computed from the "
		    "figures ('%s'): both are shown; check the figures or the "
		    "assessment", ind->id, ind->assessment,
		    status_name(ind->st.status));
	}
	if (x->issued == LONG_MIN)
		return;
	status_day_format(x->issued, iso);
	for (i = 0; i < q->nitems; i++) {
		struct loc	 l = { q->items[i].file, q->items[i].line,
		    q->items[i].col };

		if (q->items[i].sample && q->items[i].done != LONG_MIN &&
		    q->items[i].done < x->issued)
			diag_warning(x->d, &l, "sample date before the plan "
			    "was issued (%s): an illustrative completion "
			    "should not precede the plan", iso);
	}
}

int
indicators_link(struct indicators *x, struct section *root)
{
	struct page	**pv;
	size_t		  np, i, k, errs = diag_errors(x->d);
	int		  found;

	if (!x->priv->ok)
		return 0;
	np = section_flatten(root, &pv);
	areas(x);
	clauses(x);
	find_tasks(x, pv, np);
	data_refs(x);
	page_refs(x, pv, np);
	free(pv);
	x->latest_real = LONG_MIN;
	for (i = 0; i < x->n; i++) {
		if (x->v[i].nvalues > 1)
			qsort(x->v[i].values, x->v[i].nvalues,
			    sizeof(*x->v[i].values), cmpval);
		if (x->v[i].nitems > 1)
			qsort_r(x->v[i].items, x->v[i].nitems,
			    sizeof(*x->v[i].items), cmpitem, x);
		compute(x, &x->v[i]);
		if (x->v[i].op == STATUS_OP_IMPROVE &&
		    !x->v[i].used_baseline) {
			struct loc	 l = { x->priv->ds[R_REG]->csv,
			    x->v[i].op_line, x->v[i].op_col };

			diag_error(x->d, &l, "indicator '%s' is to improve on "
			    "its baseline, but has none: give baseline and "
			    "baseline_period, or a figure of an earlier period",
			    x->v[i].id);
		}
		k = lookup(x->priv->area_ix, x->v[i].area, &found);
		x->v[i].area_page = x->areas[k].page;
	}
	count(x);
	warnings(x);
	return diag_errors(x->d) == errs;
}

const struct indicator *
indicators_find(const struct indicators *x, const char *id)
{
	int	 found;
	size_t	 k = lookup(x->priv->ind_ix, id, &found);

	return found ? &x->v[k] : NULL;
}

const struct unit *
indicators_unit(const struct indicators *x, const char *id)
{
	int	 found;
	size_t	 k = lookup(x->priv->unit_ix, id, &found);

	return found ? &x->units[k] : NULL;
}

const struct area *
indicators_area_of(const struct indicators *x, const struct page *p)
{
	size_t	 i;

	for (i = 0; i < x->nareas; i++)
		if (x->areas[i].page == p)
			return &x->areas[i];
	return NULL;
}

void
indicators_free(struct indicators *x)
{
	struct indicators_priv	*q;
	size_t			 i, j;

	if (x == NULL)
		return;
	q = x->priv;
	for (i = 0; i < x->n; i++) {
		struct indicator *ind = &x->v[i];

		free(ind->id);
		free(ind->area);
		free(ind->clause);
		free(ind->label);
		free(ind->name);
		free_names(x, ind->names);
		free(ind->unit);
		free(ind->period);
		free(ind->task);
		free(ind->source);
		free(ind->source_url);
		free(ind->clause_text);
		free(ind->assessment);
		free(ind->assessment_source);
		free(ind->assess_file);
		free(ind->baseline_period);
		for (j = 0; j < ind->nvalues; j++) {
			free(ind->values[j].period);
			free(ind->values[j].source_url);
			free(ind->values[j].source);
			free(ind->values[j].unit);
		}
		free(ind->values);
		for (j = 0; j < ind->nitems; j++)
			free(ind->items[j].document);
		free(ind->items);
		free(ind->applies);
	}
	free(x->v);
	for (i = 0; i < x->nunits; i++) {
		free(x->units[i].id);
		free(x->units[i].name);
		free_names(x, x->units[i].names);
		free(x->units[i].type);
		free(x->units[i].parent);
		free(x->units[i].note);
		free(x->units[i].leads);
		free(x->units[i].supports);
	}
	free(x->units);
	for (i = 0; i < x->nareas; i++) {
		free(x->areas[i].id);
		free(x->areas[i].inds);
		free(x->areas[i].clauses);
	}
	for (i = 0; i < x->nclauses; i++) {
		free(x->clauses[i].key);
		free(x->clauses[i].inds);
	}
	free(x->clauses);
	free(x->areas);
	free(x->tasks);
	for (i = 0; i < q->nrefs; i++) {
		free(q->refs[i].id);
		free(q->refs[i].file);
	}
	free(q->refs);
	for (i = 0; i < q->nvals; i++) {
		free(q->vals[i].v.period);
		free(q->vals[i].v.source);
		free(q->vals[i].v.source_url);
		free(q->vals[i].v.unit);
		free(q->vals[i].file);
	}
	free(q->vals);
	for (i = 0; i < q->nitems; i++) {
		free(q->items[i].document);
		free(q->items[i].file);
	}
	free(q->items);
	json_decref(q->ind_ix);
	json_decref(q->unit_ix);
	json_decref(q->type_ix);
	json_decref(q->area_ix);
	json_decref(q->task_ix);
	free(q->meth);
	free(q);
	free(x);
}
