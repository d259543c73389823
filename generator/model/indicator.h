/*
 * The indicator model: the plan's targets, what has been reported
 * against them, the units responsible, and the status of each target
 * (status.h).  docs/progress.md describes the datasets and keys.
 *
 * site.yaml names the datasets that play each role:
 *
 *	progress:
 *	  indicators: indicators	# registry: id, area, name, unit,
 *					# operator, target, period, kind ...
 *	  values: indicator-values	# indicator, period, value ...
 *	  units: units			# id, name, type, parent
 *	  unit_progress: unit-progress	# indicator, unit, done, document
 *	  as_of: "2024-12-31"		# optional
 *
 * Rows are collected while the datasets are scanned (indicators_sink()),
 * so every file is still read once.  indicators_link() then checks every
 * reference, in the data and in front matter (area:, indicators:,
 * lead:, partners:, partner_types:, task ids), each unknown id being an
 * error at its file:line:col, and computes the statuses.  The model is
 * then read-only: render threads build their views from it (indview.h).
 */
#ifndef PLANPRESS_INDICATOR_H
#define PLANPRESS_INDICATOR_H

#include <stddef.h>

#include <jansson.h>

#include "status.h"

struct config;
struct dataset;
struct dataset_sink;
struct diag;
struct page;
struct section;

enum ind_kind {
	IND_VALUE,		/* reported directly */
	IND_SHARE,		/* percentage of applicable units done */
	IND_MILESTONE,		/* done or not */
	IND_MONITOR		/* figures only, no target */
};

/* Where a figure's period lies against its target's period. */
enum ind_when {
	IND_IN,			/* inside the target period: evidence */
	IND_BEFORE,		/* ended before it: a previous result */
	IND_OTHER		/* after it, or across its bounds */
};

/* Which way is better; a rank is lower-is-better, charted 1 at the top. */
enum ind_direction {
	IND_HIGHER,
	IND_LOWER,
	IND_RANK
};

/* One reported figure. */
struct ind_value {
	char		*period;	/* "2024-Q3" */
	long		 first, last;	/* its days */
	double		 value;
	int		 estimate;
	int		 final;		/* marked final in the data */
	int		 sample;	/* illustrative: row or dataset */
	enum ind_when	 when;
	char		*source;	/* "" when none */
	char		*source_url;	/* "" when none */
	char		*unit;		/* reporting unit id, "" when none */
};

/* One row of unit progress: a unit and the day it was done. */
struct ind_item {
	size_t		 unit;		/* index in indicators.units */
	size_t		 seq;		/* its place among the rows of its
					   indicator in the file */
	long		 done;		/* LONG_MIN: not done yet */
	long		 reported;	/* day of the report, LONG_MIN: unknown */
	int		 final;		/* marked final in the data */
	int		 sample;
	char		*document;	/* "" when none */
};

/* What a unit's row says of a share or milestone, as of "as_of". */
enum ind_state {
	IND_DONE,		/* done within the target period */
	IND_DONE_LATE,		/* done, after the deadline */
	IND_NOT_DONE,		/* reported not done */
	IND_UNREPORTED		/* no row */
};

struct indicator {
	char		*id, *area, *clause, *label, *name, *unit;
	char		**names;	/* the name in each edition's language
					   (config langs; field name_LANG),
					   NULL when not given */
	char		*period;	/* target period, "2024" */
	char		*task;		/* task code, "" when none */
	char		*source, *source_url;	/* "căn cứ", "" when none */
	char		*clause_text;	/* the whole clause, "" when none */
	char		*assessment;	/* the plan's own words, "" */
	char		*assessment_source;
	int		 assessed;	/* -1 none, else an enum status */
	char		*assess_file;	/* where, for the warning */
	unsigned	 assess_line, assess_col;
	enum ind_kind	 kind;
	enum ind_direction direction;
	enum status_op	 op;		/* as written; IMPROVE resolved in st */
	unsigned	 op_line, op_col;	/* its cell in the registry */
	enum status_op	 op_eff;	/* the comparison applied */
	double		 target, target_max;
	double		 target_eff;	/* IMPROVE: baseline +- target */
	int		 has_target_eff;
	int		 ongoing;	/* "build and maintain" milestone */
	long		 start, deadline;
	long		 lead;		/* unit index, -1 when none */
	int		 has_baseline;	/* from the registry */
	double		 baseline;
	long		 baseline_day;
	char		*baseline_period;
	struct ind_value *values;	/* sorted by period end */
	size_t		 nvalues;
	struct ind_item	*items;		/* sorted by unit name */
	size_t		 nitems;
	size_t		*applies;	/* unit indices, share indicators */
	size_t		 napplies;
	struct page	*area_page;	/* NULL when the area has no page */
	struct page	*task_page;	/* NULL when no task */
	size_t		 clause_ix;	/* its clause in indicators.clauses */
	/* Computed by indicators_link(). */
	int		 has_value;	/* the evidence: latest in-period */
	double		 value;
	int		 estimate;
	int		 final;
	long		 value_day;	/* LONG_MIN: no date known */
	const char	*value_period;	/* NULL for shares (a day) */
	const struct ind_value *prev;	/* the latest previous result */
	int		 used_baseline;	/* the pace's baseline */
	double		 base_value;
	long		 base_day;
	const char	*base_period;	/* NULL: a day */
	size_t		 ndone;		/* shares: units done in time */
	size_t		 nreported;	/* shares: units with a row */
	size_t		 nlate;		/* shares: done after the deadline */
	double		 upper;		/* shares: the best case */
	int		 has_upper;
	int		 sample;	/* the status rests on sample data */
	struct status_out st;
};

/* A lettered clause of the plan: one or more measurable parts. */
struct clause {
	char		*key;		/* "I.2 đ", or the id of a lone row */
	size_t		*inds;		/* its parts, registry order */
	size_t		 n;
	enum status	 status;	/* status_rollup() of the parts */
	int		 sample;
};

struct unit {
	char		*id, *name, *type, *parent, *note;
	char		**names;	/* as for indicators: name_LANG */
	int		 in_plan;	/* named by the plan itself */
	struct page	**leads;	/* tasks it leads */
	size_t		 nleads;
	struct page	**supports;	/* tasks it works on with the lead */
	size_t		 nsupports;
};

struct area {
	char		*id;
	struct page	*page;		/* NULL when none */
	size_t		*inds;		/* indicator indices, registry order */
	size_t		 ninds;
	size_t		*clauses;	/* clause indices */
	size_t		 nclauses;
	size_t		 counts[STATUS_COUNT];	/* clauses per status */
	size_t		 nsample;	/* clauses resting on sample data */
};

struct indicators {
	struct diag	*d;
	const struct config *c;
	struct indicator *v;		/* registry order */
	size_t		 n;
	struct clause	*clauses;	/* first appearance in the registry */
	size_t		 nclauses;
	struct unit	*units;		/* units dataset order */
	size_t		 nunits;
	struct area	*areas;		/* first appearance in the registry */
	size_t		 nareas;
	struct page	**tasks;	/* pages with lead: */
	size_t		 ntasks;
	long		 as_of;
	long		 issued;	/* the plan's date, LONG_MIN */
	long		 latest;	/* day of the latest figure, LONG_MIN */
	int		 latest_sample;	/* that figure is sample data */
	long		 latest_real;	/* the latest not sample, LONG_MIN */
	size_t		 counts[STATUS_COUNT];	/* clauses per status */
	size_t		 nsample;	/* clauses resting on sample data */
	size_t		 nparts;	/* measurable parts (not monitor) */
	size_t		 nmonitor;	/* monitor-only indicators */
	size_t		 nmonitor_clauses;	/* clauses of monitor only */
	const char	*ind_path;	/* "/chi-tieu/": site.yaml's, else */
	const char	*unit_path;	/* the theme's; "/don-vi/" */
	const char	*meth_path;	/* "/chi-tieu/phuong-phap/" */
	const json_t	*unit_types;	/* type -> words, or NULL */
	struct indicators_priv *priv;
};

/*
 * What the words of an official assessment say: STATUS_ACHIEVED
 * ("hoàn thành", "đạt"), STATUS_NOT_ACHIEVED ("không đạt", "chưa hoàn
 * thành"), STATUS_ON_TRACK ("đang triển khai": in progress), or -1.
 */
int		 indicators_assessment(const char *words);

/*
 * Whether figure "v" of "ind" is the final one of the target period:
 * inside it, not an estimate, and ending on the deadline or marked
 * final.  Never for a monitor-only indicator.
 */
int		 indicators_final(const struct indicator *ind,
		    const struct ind_value *v);

/* The names data and the API use: "value", "share", "milestone",
 * "monitor"; "in", "before", "other"; "done", "done-late", "not-done",
 * "unreported". */
const char	*indicators_kind_name(enum ind_kind k);
const char	*indicators_when_name(enum ind_when w);
const char	*indicators_state_name(enum ind_state st);

/*
 * The state of unit "u" for indicator "ind" as of "as_of"; "row" gets
 * the row that decides it, or NULL.  A unit done stays done: of its
 * rows, one done by "as_of" decides over any "not done" one (the
 * earliest done, when several are); of "not done" rows alone, the
 * latest report decides (a final one, of two the same day), whatever
 * their order in the data.
 */
enum ind_state	 indicators_state(const struct indicators *x,
		    const struct indicator *ind, size_t u,
		    const struct ind_item **row);

/* What row "it" of "ind" says on its own as of "as_of" (never
 * IND_UNREPORTED): the state of each report of a milestone. */
enum ind_state	 indicators_row_state(const struct indicators *x,
		    const struct indicator *ind, const struct ind_item *it);

/*
 * The model for the site "c" and its datasets "v", or NULL when
 * site.yaml has no "progress:" mapping.  The paths of its pages are
 * progress.indicators_path and units_path, else the strings of those
 * names in "strings", the theme's strings of the site's language, which
 * lends them for the life of the model (an edition keeps the site's
 * paths); the methodology page's folder below the indicators' path is
 * their "methodology_slug", unless progress sets methodology_path.  A
 * role naming an unknown dataset or a dataset without a required field,
 * and any other mistake in "progress:", is reported at its place in
 * site.yaml; the model is still returned (its paths are known, so links
 * to its pages can be judged), collects nothing, and indicators_link()
 * then returns 0 with nothing more to say.  Free with indicators_free().
 */
struct indicators *indicators_new(struct diag *d, const struct config *c,
		    const json_t *strings, struct dataset **v, size_t n);
void		 indicators_free(struct indicators *x);

/*
 * A sink that collects the rows of the role datasets, then hands every
 * row on to "next" (which may be NULL).  Lives as long as "x".
 */
const struct dataset_sink *indicators_sink(struct indicators *x,
		    const struct dataset_sink *next);

/*
 * After the scan: check every reference in the data and in the front
 * matter of the pages under "root", attach area and task pages, and
 * compute every status.  Returns 1, or 0 after reporting.
 */
int		 indicators_link(struct indicators *x, struct section *root);

/* The indicator or unit with id "id", or NULL. */
const struct indicator *indicators_find(const struct indicators *x,
		    const char *id);
const struct unit *indicators_unit(const struct indicators *x,
		    const char *id);

/* The area that page "p" is the page of, or NULL. */
const struct area *indicators_area_of(const struct indicators *x,
		    const struct page *p);

#endif
