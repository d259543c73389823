/*
 * A scratch site for the unit tests of the models that site.c builds
 * from a whole site (indicator.c, indview.c, view.c): a temporary
 * folder to write site.yaml, content/ and datasets/ into, and the load
 * and link stages run on it the way site.c runs them:
 *
 *	scratch_setup("indicator");
 *	scratch_put("site.yaml", "title: T\n...");
 *	scratch_load(&m);	// config, content, datasets, models, scan
 *	CHECK(said(&m, "datasets/reg.csv:3:4: error: ...\n"));
 *	scratch_free(&m);
 *	scratch_teardown();
 *
 * Tests run from inside the folder, so messages read
 * "datasets/reg.csv:3:4: ...".
 */
#ifndef PLANPRESS_SCRATCH_H
#define PLANPRESS_SCRATCH_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "dataset.h"
#include "diag.h"
#include "indicator.h"
#include "page.h"
#include "scan.h"
#include "section.h"
#include "view.h"

struct scratch;

/* A test may leave some of these unused. */
#define SCRATCH_UNUSED	__attribute__((unused))

static void	 scratch_setup(const char *) SCRATCH_UNUSED;
static void	 scratch_rm(const char *) SCRATCH_UNUSED;
static void	 scratch_teardown(void) SCRATCH_UNUSED;
static void	 scratch_put(const char *, const char *) SCRATCH_UNUSED;
static char	*scratch_printed(struct diag *) SCRATCH_UNUSED;
static void	 scratch_plan(void) SCRATCH_UNUSED;
static void	 scratch_load(struct scratch *) SCRATCH_UNUSED;
static void	 scratch_free(struct scratch *) SCRATCH_UNUSED;
static int	 scratch_said(const struct scratch *, const char *)
		    SCRATCH_UNUSED;
static struct page *scratch_page(const struct scratch *, const char *)
		    SCRATCH_UNUSED;

/*
 * The theme's strings scratch_load() gives the models; NULL: those of
 * the default theme's vi.yaml that they read.
 */
static json_t	*scratch_strings SCRATCH_UNUSED;

static char	 scratch_home[4096];
static char	 scratch_dir[64];

/* The theme's methodology_slug that scratch_load() gives the model
 * (NULL: none); a test may change it before scratch_load(). */
static const char *scratch_slug = "phuong-phap";

/* Make a new temporary folder named after "name" and go into it. */
static void
scratch_setup(const char *name)
{
	if (getcwd(scratch_home, sizeof(scratch_home)) == NULL)
		abort();
	snprintf(scratch_dir, sizeof(scratch_dir), "/tmp/planpress-%s-XXXXXX",
	    name);
	if (mkdtemp(scratch_dir) == NULL || chdir(scratch_dir) != 0)
		abort();
}

/* Remove "path" and everything under it. */
static void
scratch_rm(const char *path)
{
	DIR		*d = opendir(path);
	struct dirent	*e;
	char		 sub[4096];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		scratch_rm(sub);
	}
	if (d != NULL)
		closedir(d);
	if (remove(path) != 0)
		abort();
}

/* Leave the folder and remove it. */
static void
scratch_teardown(void)
{
	if (chdir(scratch_home) != 0)
		abort();
	scratch_rm(scratch_dir);
}

/* Write "text" to "path", making its folders. */
static void
scratch_put(const char *path, const char *text)
{
	char	 dir[256], *p;
	FILE	*fp;
	size_t	 len = strlen(text);

	snprintf(dir, sizeof(dir), "%s", path);
	for (p = strchr(dir, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && access(dir, F_OK) != 0)
			abort();
		*p = '/';
	}
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
		abort();
}

/* The diagnostics of "d", printed and forgotten; free() the result. */
static char *
scratch_printed(struct diag *d)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	if (fp == NULL)
		abort();
	diag_print(d, fp);
	fclose(fp);
	return s;
}

/*
 * A small plan for the progress models, as of 2024-07-15:
 *
 *	A1.a  > 60% in 2024, baseline 40 (2023); Q1 45.5, Q2 50.2 (sample)
 *	A1.b  = 100% of the departments and districts (a share): ict done
 *	      before 2024, fin done, north not done, south without a row
 *	A1.c  a milestone, done by ict on 2024-06-30
 *	A2.a  > 80% ("trên") in 2024: only a 2023 figure, 71; the plan's
 *	      assessment says "hoàn thành"
 *	A2.b  two parts: .1 >= 30% in 2024, an estimate of 31.5 for H1
 *	      (sample); .2 from 60% to 80% in 2023, 70 for 2023
 *	A3.a  a rank, "không quá" 10 in 2023: 14 in 2022, 9 in 2023
 *	A3.b  monitor only: 8.28% in 2023
 *
 * Units: ict and fin (dept), north and south (district; south is not
 * named by the plan).  Pages: areas/services.md is A1's page,
 * areas/safety.md A2's; tasks/connect.md is task T1 (lead ict, partners
 * fin and the districts, and it lists A2.a).
 */
static void
scratch_plan(void)
{
	scratch_put("site.yaml",
	    "title: \"Plan\"\n"
	    "base_url: \"https://example.org/plan/\"\n"
	    "progress:\n"
	    "  indicators: reg\n"
	    "  values: vals\n"
	    "  units: units\n"
	    "  unit_progress: prog\n"
	    "  as_of: \"2024-07-15\"\n"
	    "  issued: \"2024-01-10\"\n"
	    "  unit_types:\n"
	    "    dept: \"Departments\"\n");
	scratch_put("content/_index.md", "---\ntitle: \"Home\"\n---\n");
	scratch_put("content/areas/_index.md", "---\ntitle: \"Areas\"\n---\n");
	scratch_put("content/areas/services.md", "---\n"
	    "title: \"Online services\"\ncode: \"A1\"\narea: \"A1\"\n---\n");
	scratch_put("content/areas/safety.md", "---\n"
	    "title: \"Safety\"\ncode: \"A2\"\narea: \"A2\"\n---\n");
	scratch_put("content/tasks/_index.md", "---\ntitle: \"Tasks\"\n---\n");
	scratch_put("content/tasks/connect.md", "---\n"
	    "title: \"Connect the systems\"\n"
	    "code: \"T1\"\n"
	    "lead: [ict]\n"
	    "partners: [fin]\n"
	    "partner_types: [district]\n"
	    "indicators: [A2.a]\n"
	    "---\nWork.\n");
	scratch_put("datasets/units.csv",
	    "id,name,type,in_plan\n"
	    "ict,Department of ICT,dept,true\n"
	    "fin,Department of Finance,dept,true\n"
	    "north,North District,district,true\n"
	    "south,South District,district,false\n");
	scratch_put("datasets/units.yaml",
	    "title: Units\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: id}\n    - {name: name}\n    - {name: type}\n"
	    "    - {name: in_plan, type: boolean}\n");
	scratch_put("datasets/reg.csv",
	    "id,area,clause,label,name,unit,operator,target,target_max,"
	    "period,kind,lead,applies,task,baseline,baseline_period,"
	    "direction,assessment\n"
	    "A1.a,A1,a,a,Applications online,%,>,60,,2024,value,ict,,T1,40,"
	    "2023,,\n"
	    "A1.b,A1,b,b,Units publish a data plan,%,=,100,,2024,share,ict,"
	    "dept district,,,,,\n"
	    "A1.c,A1,c,c,Reporting system connected,,,,,2024,milestone,ict,,"
	    "T1,,,,\n"
	    "A2.a,A2,a,a,Systems approved,%,trên,80,,2024,value,,,,,,,"
	    "hoàn thành\n"
	    "A2.b.1,A2,b,b1,Adults who sign digitally,%,>=,30,,2024,value,fin,"
	    ",,,,,\n"
	    "A2.b.2,A2,b,b2,Schools online,%,từ … đến,60,80,2023,value,fin,,,,"
	    ",,\n"
	    "A3.a,A3,a,a,Rank among provinces,,không quá,10,,2023,value,,,,,,"
	    "rank,\n"
	    "A3.b,A3,b,b,Digital economy share,%,,,,2024,monitor,,,,,,,\n");
	scratch_put("datasets/reg.yaml",
	    "title: Registry\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: id}\n    - {name: area}\n    - {name: clause}\n"
	    "    - {name: label}\n    - {name: name}\n    - {name: unit}\n"
	    "    - {name: operator}\n    - {name: target, type: number}\n"
	    "    - {name: target_max, type: number}\n    - {name: period}\n"
	    "    - {name: kind}\n    - {name: lead}\n    - {name: applies}\n"
	    "    - {name: task}\n    - {name: baseline, type: number}\n"
	    "    - {name: baseline_period}\n    - {name: direction}\n"
	    "    - {name: assessment}\n"
	    "  missingValues: [\"\"]\n");
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
	scratch_put("datasets/vals.yaml",
	    "title: Values\ndescription: D\nschema:\n  fields:\n"
	    "    - {name: indicator}\n    - {name: period}\n"
	    "    - {name: value, type: number}\n    - {name: value_type}\n"
	    "    - {name: unit}\n    - {name: source}\n"
	    "    - {name: sample, type: boolean}\n"
	    "  missingValues: [\"\"]\n");
	scratch_put("datasets/prog.csv",
	    "indicator,unit,done,document,sample\n"
	    "A1.b,ict,2023-12-20,Plan 1/KH,true\n"
	    "A1.b,fin,2024-03-02,Plan 2/KH,true\n"
	    "A1.b,north,,,true\n"
	    "A1.c,ict,2024-06-30,Decision 5/QD,true\n");
	scratch_put("datasets/prog.yaml",
	    "title: Progress\ndescription: D\nsample: true\n"
	    "publisher: {name: Sample author}\nschema:\n  fields:\n"
	    "    - {name: indicator}\n    - {name: unit}\n"
	    "    - {name: done, type: date}\n    - {name: document}\n"
	    "    - {name: sample, type: boolean}\n"
	    "  missingValues: [\"\"]\n");
}

/* A site loaded and linked, with its models and what they reported. */
struct scratch {
	struct diag		 *d;
	struct config		  c;
	json_t			 *strings;	/* the theme's */
	struct section		 *root;
	struct dataset		**data;
	size_t			  ndata;
	struct indicators	 *ind;
	struct views		 *views;
	int			  views_linked;	/* views_link() */
	int			  scanned;	/* dataset_scan_all() */
	int			  linked;	/* indicators_link() or -1 */
	size_t			  errors, warnings;
	char			 *out;		/* the diagnostics printed */
	/* What reached the end of the sink chain. */
	size_t			  begins, rows, ends;
};

static int
scratch_begin(void *arg, struct dataset *ds)
{
	struct scratch	*m = arg;

	(void)ds;
	m->begins++;
	return 1;
}

static int
scratch_end(void *arg, struct dataset *ds)
{
	struct scratch	*m = arg;

	(void)ds;
	m->ends++;
	return 1;
}

static int
scratch_row(void *arg, struct dataset *ds, unsigned line,
    const char *const *cells, const size_t *lens, json_t *const *typed,
    size_t n)
{
	struct scratch	*m = arg;

	(void)ds, (void)line, (void)cells, (void)lens, (void)typed, (void)n;
	m->rows++;
	return 1;
}

/*
 * Load the site in the current folder as site.c's load() and publish()
 * do: site.yaml, content/, datasets/, the indicator and view models
 * with their sinks in front of a counting one, the scan, then
 * indicators_link().
 */
static void
scratch_load(struct scratch *m)
{
	struct dataset_sink	 count = { NULL, scratch_begin,
	    scratch_row, scratch_end };
	const struct dataset_sink *sink = &count;

	memset(m, 0, sizeof(*m));
	count.arg = m;
	m->d = diag_new();
	m->linked = -1;
	config_load(&m->c, m->d, "site.yaml", "site.yaml");
	m->root = section_load(m->d, "content", "content", 0, 1, NULL);
	if (m->root != NULL)
		section_link(m->root, m->d, &m->c, 1);
	dataset_load_all(m->d, "datasets", &m->data, &m->ndata);
	m->strings = scratch_strings != NULL ? json_copy(scratch_strings) :
	    json_pack("{s:s, s:s}", "indicators_path", "/chi-tieu/",
	    "units_path", "/don-vi/");
	if (scratch_slug != NULL)
		json_object_set_new(m->strings, "methodology_slug",
		    json_string(scratch_slug));
	m->ind = indicators_new(m->d, &m->c, m->strings, m->data, m->ndata);
	m->views = views_new(m->d, m->data, m->ndata);
	m->views_linked = views_link(m->views, m->d, m->root);
	if (m->ind != NULL)
		sink = indicators_sink(m->ind, sink);
	if (m->views != NULL)
		sink = views_sink(m->views, sink);
	m->scanned = dataset_scan_all(m->data, m->ndata, m->d, sink);
	if (m->ind != NULL)
		m->linked = indicators_link(m->ind, m->root);
	m->errors = diag_errors(m->d);
	m->warnings = diag_warnings(m->d);
	m->out = scratch_printed(m->d);
}

static void
scratch_free(struct scratch *m)
{
	indicators_free(m->ind);
	views_free(m->views);
	dataset_free_all(m->data, m->ndata);
	section_free(m->root);
	config_release(&m->c);
	json_decref(m->strings);
	diag_free(m->d);
	free(m->out);
}

/* 1 if "m" printed exactly "want", else 0 after showing both. */
static int
scratch_said(const struct scratch *m, const char *want)
{
	if (m->out != NULL && strcmp(m->out, want) == 0)
		return 1;
	printf("  printed:\n%s  want:\n%s", m->out ? m->out : "", want);
	return 0;
}

/* The page of "rel" (below content/, "tasks/connect.md"), or NULL. */
static struct page *
scratch_page(const struct scratch *m, const char *rel)
{
	struct page	**v;
	struct page	 *p = NULL;
	size_t		  i, n = section_flatten(m->root, &v);

	for (i = 0; i < n && p == NULL; i++)
		if (strcmp(v[i]->rel, rel) == 0)
			p = v[i];
	free(v);
	return p;
}

#endif
