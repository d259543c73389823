/*
 * A site and its build: the pipeline from the source folder to the output
 * folder (load, link, validate, render, publish, commit).  A build with
 * any error leaves the previous output exactly as it was.
 */
#ifndef PLANPRESS_SITE_H
#define PLANPRESS_SITE_H

#include <stddef.h>

struct diag;
struct stats;

struct site_opts {
	const char	*source;	/* the site folder, "." by default */
	const char	*output;	/* NULL: SOURCE/output */
	const char	*base_url;	/* NULL: from site.yaml */
	int		 file_urls;	/* 1: file_urls on, whatever
					   site.yaml says */
	int		 drafts;	/* publish pages with draft: true */
	int		 check;		/* validate and render, write nothing */
	int		 jobs;		/* render threads, at least 1 */
	struct stats	*stats;		/* stage times (--stats), or NULL */
	int		 leave;		/* 1: the process ends after the
					   build, which leaves what it holds
					   to the exit instead of freeing it */
};

/*
 * The stages that site_build() times when "stats" is set, in order:
 * for stats_new(SITE_STAGES).
 */
#define SITE_STAGES	((const char *const[]){ "load", "link", \
	"datasets scan", "publish packages", "search index", "render pages", \
	"write/commit", NULL })

struct site_stats {
	size_t	 pages;		/* pages rendered */
	size_t	 files;		/* files written */
	size_t	 drafts;	/* drafts left out */
};

/*
 * Build the site described by "o".  Every problem goes to "d".  Returns 1
 * when the build succeeded (and, unless checking, the output is in
 * place), 0 when it had errors and nothing was written.
 */
int	site_build(struct diag *d, const struct site_opts *o,
	    struct site_stats *st);

/*
 * A build kept in memory for the preview server, so that an edit to the
 * Markdown body of one page re-renders that page alone:
 *
 *	s = site_session_new(d, &o, &st, &ok);	// a full build
 *	site_session_page(s, d2, "site/content/a.md", o.output);
 *	site_session_free(s);
 *
 * site_session_new() builds like site_build() ("o" is copied); it
 * returns NULL, with *ok 0, when the build failed.
 */
struct site_session;
struct site_session *site_session_new(struct diag *d,
	    const struct site_opts *o, struct site_stats *st, int *ok);

/*
 * The page file "file" (as the build names it: SOURCE/content/...)
 * changed.  When only its body changed (the front matter is equal, so
 * no listing, link or data changes), render it again into the finished
 * output folder "outdir" and return 1; return 0 when a full build is
 * needed (an unknown file, a changed front matter), -1 when the page
 * has errors (reported to "d"; nothing written, and the session must
 * then be rebuilt).
 */
int	site_session_page(struct site_session *s, struct diag *d,
	    const char *file, const char *outdir);
void	site_session_free(struct site_session *s);

#endif
