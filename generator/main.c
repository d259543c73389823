/*
 * The planpress command: options, the command to run, the summary line
 * and the exit status (0 success, 1 the site has errors, 2 bad usage).
 * This is the only caller of exit().
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "scaffold.h"
#include "serve.h"
#include "site.h"
#include "stats.h"

#define EXIT_ERRORS	1
#define EXIT_USAGE	2

/*
 * When planpress is linked with jemalloc (Makefile: MALLOC_LIBS), jemalloc
 * reads its options from this at start-up (MALLOC_CONF overrides them):
 *  - transparent huge pages for the heap, which is touched once and kept
 *    for the whole build: at 10,000 pages 2,300 page faults instead of
 *    12,000 and 12% less CPU time, for 4 MB more memory;
 *  - one arena for all threads instead of four for each core: each thread
 *    keeps its own cache in front of it anyway, and a build's threads
 *    then no longer give memory back to the system one by one when they
 *    end (about 400 madvise() calls at 10,000 pages, most of them with
 *    the other core interrupted to flush its TLB; 46 with one arena);
 *    3 to 5% less time.
 * Without jemalloc nothing reads it.
 */
const char *malloc_conf = "thp:always,narenas:1";

/* The help, in three messages: the synopsis, the commands, the options. */
static const char *const usage_text[] = {
N_("usage: planpress build [--source DIR] [--output DIR] [--base-url URL]\n"
"                       [--file-urls] [--drafts] [--strict] [--quiet]\n"
"                       [--jobs N] [--stats]\n"
"       planpress check [--source DIR] [--base-url URL] [--file-urls]\n"
"                       [--drafts] [--strict] [--stats]\n"
"       planpress serve [--source DIR] [--port N] [--bind ADDR] [--drafts]\n"
"                       [--strict] [--quiet] [--jobs N]\n"
"       planpress init DIR\n"
"       planpress new page [--source DIR] SECTION/TITLE\n"
"       planpress new dataset [--source DIR] ID [FILE.csv | FILE.xlsx\n"
"                             [--sheet NAME]]\n"
"       planpress --help | --version\n"),
N_("\n"
"commands:\n"
"  build    build the site in DIR (default .) into DIR/output\n"
"  check    check the site and report every problem; write nothing\n"
"  serve    build the site into a temporary folder, serve it on\n"
"           http://127.0.0.1:8000/ and rebuild it when its files change\n"
"  init     make a new site in DIR (new or empty): site.yaml, a page,\n"
"           a sample dataset and the default theme\n"
"  new page     add content/SECTION/SLUG.md, a draft from an archetype,\n"
"               e.g. planpress new page \"nhiem-vu/Kiểm tra an toàn\"\n"
"  new dataset  add datasets/ID.csv (a copy of FILE.csv in UTF-8, a sheet\n"
"               of FILE.xlsx as CSV, or an empty table) and datasets/ID.yaml\n"
"               with its metadata and a Table Schema inferred from the data\n"),
N_("\n"
"options:\n"
"  -s, --source DIR     the site folder, holding site.yaml (default .)\n"
"  -o, --output DIR     where the site is written (default SOURCE/output)\n"
"  -b, --base-url URL   the public address of the site, e.g.\n"
"                       https://example.gov.vn/ke-hoach/ (overrides site.yaml)\n"
"      --file-urls      links to pages end in index.html, so the output\n"
"                       works opened from disk (overrides site.yaml)\n"
"  -D, --drafts         publish pages with draft: true too\n"
"  -j, --jobs N         render on N threads (default: the number of cores)\n"
"  -p, --port N         serve: the port to listen on (default 8000)\n"
"      --bind ADDR      serve: the address to listen on (default 127.0.0.1)\n"
"      --strict         treat warnings as errors\n"
"  -q, --quiet          print only problems, no summary or progress\n"
"      --sheet NAME     new dataset: the sheet of FILE.xlsx to read (default:\n"
"                       the first)\n"
"      --stats          build, check: print the time of each stage and the\n"
"                       peak memory\n"
"  -h, --help           show this help\n"
"  -V, --version        show the version\n"
"\n"
"The messages are in the language of LANGUAGE or LANG (LANGUAGE=vi\n"
"for Vietnamese, LANGUAGE=en for English).\n"
"See planpress(1) and planpress(5).\n")
};

struct args {
	struct site_opts	 o;
	const char		*cmd;
	int			 strict;
	int			 quiet;
	const char		*bind;		/* serve */
	unsigned		 port;		/* serve */
	int			 net;		/* --port or --bind given */
	int			 stats;		/* --stats */
	const char		*sheet;		/* new dataset --sheet */
	int			 build_opts;	/* options only builds take */
	int			 source_set;	/* --source given */
	char			**rest;		/* arguments after the command */
	int			 nrest;
};

static int
usage(FILE *fp, int status)
{
	size_t	 i;

	for (i = 0; i < sizeof(usage_text) / sizeof(usage_text[0]); i++)
		fputs(_(usage_text[i]), fp);
	return status;
}

static int
cores(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "N" for --jobs: 1 to 256. */
static int
jobs(const char *s, int *out)
{
	char	*end;
	long	 n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1 || n > 256) {
		fprintf(stderr, _("planpress: --jobs wants a number from 1 to "
		    "256, not '%s'\n"), s);
		return 0;
	}
	*out = (int)n;
	return 1;
}

/* "N" for --port: 0 (any free port) to 65535. */
static int
port(const char *s, unsigned *out)
{
	char	*end;
	long	 n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 0 || n > 65535) {
		fprintf(stderr, _("planpress: --port wants a number from 0 to "
		    "65535, not '%s'\n"), s);
		return 0;
	}
	*out = (unsigned)n;
	return 1;
}

/* The arguments of init and new; returns -1 to go on, or an exit status. */
static int
authoring_args(struct args *a)
{
	const char	*what = a->nrest > 0 ? a->rest[0] : "";
	int		 init = strcmp(a->cmd, "init") == 0;

	if (a->build_opts || a->net || a->stats || (init && a->source_set)) {
		fprintf(stderr, init ? _("planpress: %s takes no options but "
		    "--quiet\n") : _("planpress: %s takes no options but "
		    "--source and --quiet\n"), a->cmd);
		return EXIT_USAGE;
	}
	if (init && a->nrest != 1) {
		fprintf(stderr, _("planpress: init wants one folder\n"));
		return usage(stderr, EXIT_USAGE);
	}
	if (a->sheet != NULL && (strcmp(what, "dataset") || a->nrest != 3)) {
		fprintf(stderr, _("planpress: --sheet is for new dataset ID "
		    "FILE.xlsx\n"));
		return EXIT_USAGE;
	}
	if (init)
		return -1;
	if (strcmp(what, "page") == 0 && a->nrest == 2)
		return -1;
	if (strcmp(what, "dataset") == 0 && (a->nrest == 2 || a->nrest == 3))
		return -1;
	if (strcmp(what, "page") == 0)
		fprintf(stderr, _("planpress: new page wants SECTION/TITLE\n"));
	else if (strcmp(what, "dataset") == 0)
		fprintf(stderr, _("planpress: new dataset wants ID and maybe "
		    "FILE.csv or FILE.xlsx\n"));
	else if (*what != '\0')
		fprintf(stderr, _("planpress: new wants 'page' or 'dataset', "
		    "not '%s'\n"), what);
	else
		fprintf(stderr, _("planpress: new wants 'page' or "
		    "'dataset'\n"));
	return usage(stderr, EXIT_USAGE);
}

/* Returns -1 to go on, or an exit status. */
static int
parse(int argc, char *argv[], struct args *a)
{
	static const struct option longopts[] = {
		{ "source", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "base-url", required_argument, NULL, 'b' },
		{ "file-urls", no_argument, NULL, 'F' },
		{ "drafts", no_argument, NULL, 'D' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "strict", no_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "port", required_argument, NULL, 'p' },
		{ "bind", required_argument, NULL, 'B' },
		{ "stats", no_argument, NULL, 'T' },
		{ "sheet", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = getopt_long(argc, argv, "s:o:b:Dj:qp:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 's': a->o.source = optarg; a->source_set = 1; break;
		case 'o': a->o.output = optarg; a->build_opts = 1; break;
		case 'b': a->o.base_url = optarg; a->build_opts = 1; break;
		case 'D': a->o.drafts = 1; a->build_opts = 1; break;
		case 'F': a->o.file_urls = 1; a->build_opts = 1; break;
		case 'j':
			if (!jobs(optarg, &a->o.jobs))
				return usage(stderr, EXIT_USAGE);
			a->build_opts = 1;
			break;
		case 'S': a->strict = 1; a->build_opts = 1; break;
		case 'T': a->stats = 1; break;
		case 'W': a->sheet = optarg; break;
		case 'q': a->quiet = 1; break;
		case 'p':
			if (!port(optarg, &a->port))
				return usage(stderr, EXIT_USAGE);
			a->net = 1;
			break;
		case 'B': a->bind = optarg; a->net = 1; break;
		case 'h': return usage(stdout, 0);
		case 'V':
			printf("planpress %s\n", PLANPRESS_VERSION);
			return 0;
		default: return usage(stderr, EXIT_USAGE);
		}
	}
	if (optind == argc) {
		fprintf(stderr, _("planpress: missing command\n"));
		return usage(stderr, EXIT_USAGE);
	}
	a->cmd = argv[optind];
	a->rest = argv + optind + 1;
	a->nrest = argc - optind - 1;
	if (strcmp(a->cmd, "init") == 0 || strcmp(a->cmd, "new") == 0)
		return authoring_args(a);
	if (strcmp(a->cmd, "build") && strcmp(a->cmd, "check") &&
	    strcmp(a->cmd, "serve")) {
		fprintf(stderr, _("planpress: unknown command '%s'\n"), a->cmd);
		return usage(stderr, EXIT_USAGE);
	}
	if (a->sheet != NULL) {
		fprintf(stderr, _("planpress: --sheet is for new dataset ID "
		    "FILE.xlsx\n"));
		return EXIT_USAGE;
	}
	if (a->nrest > 0) {
		fprintf(stderr, _("planpress: too many arguments\n"));
		return usage(stderr, EXIT_USAGE);
	}
	a->o.check = strcmp(a->cmd, "check") == 0;
	if (a->o.check && a->o.output) {
		fprintf(stderr, _("planpress: check writes nothing; "
		    "--output is for build\n"));
		return EXIT_USAGE;
	}
	if (strcmp(a->cmd, "serve") == 0 && a->o.output) {
		fprintf(stderr, _("planpress: serve builds into a temporary "
		    "folder; --output is for build\n"));
		return EXIT_USAGE;
	}
	if (strcmp(a->cmd, "serve") != 0 && a->net) {
		fprintf(stderr, _("planpress: --port and --bind are for "
		    "serve\n"));
		return EXIT_USAGE;
	}
	if (strcmp(a->cmd, "serve") == 0 && a->stats) {
		fprintf(stderr, _("planpress: --stats is for build and "
		    "check\n"));
		return EXIT_USAGE;
	}
	return -1;
}

/*
 * The summary line.  Counts are put in words first (ngettext) and then
 * in the line, whose translation may order them as its language wants.
 */
static void
summary(const struct args *a, struct diag *d, const struct site_stats *st,
    int ok, double secs)
{
	size_t	 w = diag_warnings(d), e = diag_errors(d);
	struct buf drafts = BUF_INIT;	/* "3 drafts not published, " */
	struct buf errs = BUF_INIT, warns = BUF_INIT, pages = BUF_INIT;
	struct buf files = BUF_INIT, dest = BUF_INIT;

	if (st->drafts > 0)
		buf_printf(&drafts, ngettext("%zu draft not published, ",
		    "%zu drafts not published, ", st->drafts), st->drafts);
	buf_printf(&errs, ngettext("%zu error", "%zu errors", e), e);
	buf_printf(&warns, ngettext("%zu warning", "%zu warnings", w), w);
	buf_printf(&pages, ngettext("%zu page", "%zu pages", st->pages),
	    st->pages);
	buf_printf(&files, ngettext("%zu file", "%zu files", st->files),
	    st->files);
	if (a->o.output)
		buf_puts(&dest, a->o.output);
	else if (strcmp(a->o.source, ".") == 0)
		buf_puts(&dest, "output");
	else
		buf_printf(&dest, "%s/output", a->o.source);

	if (!ok)
		printf(a->o.check ? _("planpress: %s, %s; checked\n") :
		    _("planpress: %s, %s; nothing written\n"), errs.data,
		    warns.data);
	else if (a->o.check)
		printf(_("planpress: %s checked, %s%s, %.2f s\n"), pages.data,
		    drafts.data, warns.data, secs);
	else
		printf(_("planpress: %s, %s written to %s, %s%s, %.2f s\n"),
		    pages.data, files.data, dest.data, drafts.data, warns.data,
		    secs);
	buf_release(&drafts);
	buf_release(&errs);
	buf_release(&warns);
	buf_release(&pages);
	buf_release(&files);
	buf_release(&dest);
}

/* planpress serve: returns when stopped by a signal. */
static int
serve(const struct args *a, struct diag *d)
{
	struct serve_opts	 so;

	memset(&so, 0, sizeof(so));
	so.site = &a->o;
	so.bind = a->bind;
	so.port = a->port;
	so.strict = a->strict;
	so.quiet = a->quiet;
	return serve_run(d, &so);
}

/* planpress init and new: returns the exit status. */
static int
authoring(const struct args *a, struct diag *d)
{
	struct buf	 made = BUF_INIT;
	const char	*what = a->nrest > 0 ? a->rest[0] : "";
	int		 ok;

	if (strcmp(a->cmd, "init") == 0)
		ok = scaffold_init(d, what, &made);
	else if (strcmp(what, "page") == 0)
		ok = scaffold_page(d, a->o.source, a->rest[1], &made);
	else
		ok = scaffold_dataset(d, a->o.source, a->rest[1],
		    a->nrest > 2 ? a->rest[2] : NULL, a->sheet, &made);
	ok = ok && diag_errors(d) == 0;
	diag_print(d, stderr);
	if (!a->quiet)
		fputs(made.data, stdout);
	if (!a->quiet && ok && strcmp(a->cmd, "init") == 0)
		printf(_("planpress: new site in %s; preview it with "
		    "'planpress serve -s %s'\n"), what, what);
	buf_release(&made);
	return ok ? 0 : EXIT_ERRORS;
}

/* The --stats table, after the build's diagnostics. */
static void
print_stats(struct diag *d, const struct stats *s)
{
	struct buf	 b = BUF_INIT;

	stats_table(s, &b);
	if (b.len > 0)
		diag_note(d, "%.*s", (int)(b.len - 1), b.data);
	buf_release(&b);
}

int
main(int argc, char *argv[])
{
	struct args		 a;
	struct site_stats	 st;
	struct diag		*d;
	double			 t0 = now();
	int			 rc, ok;

	intl_init();
	memset(&a, 0, sizeof(a));
	a.o.source = ".";
	a.o.jobs = cores();
	a.bind = "127.0.0.1";
	a.port = 8000;
	if ((rc = parse(argc, argv, &a)) != -1)
		return rc;
	d = diag_new();
	diag_set_strict(d, a.strict);
	if (strcmp(a.cmd, "init") == 0 || strcmp(a.cmd, "new") == 0) {
		rc = authoring(&a, d);
		diag_free(d);
		exit(rc);
	}
	if (strcmp(a.cmd, "serve") == 0) {
		ok = serve(&a, d);
		diag_print(d, stderr);
		diag_free(d);
		exit(ok ? 0 : EXIT_ERRORS);
	}
	if (a.stats)
		a.o.stats = stats_new(SITE_STAGES);
	diag_set_progress(d, !a.quiet);
	a.o.leave = 1;
	ok = site_build(d, &a.o, &st);
	ok = ok && diag_errors(d) == 0;
	diag_print(d, stderr);
	if (a.stats)
		print_stats(d, a.o.stats);
	if (!a.quiet || !ok)
		summary(&a, d, &st, ok, now() - t0);
	stats_free(a.o.stats);
	diag_free(d);
	exit(ok ? 0 : EXIT_ERRORS);
}
