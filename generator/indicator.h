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
	IND_MILESTONE		/* done or not */
};

/* One reported figure. */
struct ind_value {
	char		*period;	/* "2024-Q3" */
	long		 first, last;	/* its days */
	double		 value;
	int		 estimate;
	char		*source;	/* "" when none */
	char		*unit;		/* reporting unit id, "" when none */
};

/* One row of unit progress: a unit and the day it was done. */
struct ind_item {
	size_t		 unit;		/* index in indicators.units */
	long		 done;		/* LONG_MIN: not done yet */
	char		*document;	/* "" when none */
};

struct indicator {
	char		*id, *area, *clause, *label, *name, *unit;
	char		*period;	/* target period, "2024" */
	char		*task;		/* task code, "" when none */
	enum ind_kind	 kind;
	enum status_op	 op;
	double		 target;
	long		 start, deadline;
	long		 lead;		/* unit index, -1 when none */
	int		 has_baseline;
	double		 baseline;
	long		 baseline_day;
	struct ind_value *values;	/* sorted by period end */
	size_t		 nvalues;
	struct ind_item	*items;		/* sorted by unit name */
	size_t		 nitems;
	size_t		*applies;	/* unit indices, share indicators */
	size_t		 napplies;
	struct page	*area_page;	/* NULL when the area has no page */
	struct page	*task_page;	/* NULL when no task */
	/* Computed by indicators_link(). */
	int		 has_value;	/* the latest figure */
	double		 value;
	int		 estimate;
	long		 value_day;
	const char	*value_period;	/* NULL for shares (a day) */
	size_t		 ndone;		/* shares: units done by as_of */
	struct status_out st;
};

struct unit {
	char		*id, *name, *type, *parent;
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
	size_t		 counts[STATUS_COUNT];
};

struct indicators {
	struct diag	*d;
	const struct config *c;
	struct indicator *v;		/* registry order */
	size_t		 n;
	struct unit	*units;		/* units dataset order */
	size_t		 nunits;
	struct area	*areas;		/* first appearance in the registry */
	size_t		 nareas;
	struct page	**tasks;	/* pages with lead: */
	size_t		 ntasks;
	long		 as_of;
	long		 latest;	/* day of the latest figure, LONG_MIN */
	size_t		 counts[STATUS_COUNT];
	const char	*ind_path;	/* "/chi-tieu/" */
	const char	*unit_path;	/* "/don-vi/" */
	const json_t	*unit_types;	/* type -> words, or NULL */
	int		 values_sample;	/* figures come from sample data */
	int		 progress_sample;
	struct indicators_priv *priv;
};

/*
 * The model for the site "c" and its datasets "v", or NULL when
 * site.yaml has no "progress:" (or after reporting a role naming an
 * unknown dataset or a dataset without a required field).  Free with
 * indicators_free().
 */
struct indicators *indicators_new(struct diag *d, const struct config *c,
		    struct dataset **v, size_t n);
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
