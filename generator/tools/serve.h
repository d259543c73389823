/*
 * planpress serve: build the site into a private temporary folder, serve
 * it over HTTP on loopback, rebuild when the sources change, and tell open
 * pages to reload.
 *
 * Invariants callers rely on:
 *  - the user's output folder is never written: builds go to a folder
 *    planpress-serve-PID-XXXXXX under $TMPDIR (or else /dev/shm, or
 *    /tmp), removed when serving stops, or by the next server when this
 *    one was killed;
 *  - at most 64 event streams are open (the oldest is dropped; http.h),
 *    so open tabs never take the connections pages need;
 *  - a failed rebuild leaves the last good site in place; HTML requests
 *    then get a page listing the diagnostics (status 500), other files
 *    still come from the last good site;
 *  - only files inside the served folder are ever sent.
 *
 *	struct serve_opts so = { .site = &opts, .bind = "127.0.0.1",
 *	    .port = 8000 };
 *	ok = serve_run(d, &so);		// returns after SIGINT or SIGTERM
 */
#ifndef PLANPRESS_SERVE_H
#define PLANPRESS_SERVE_H

struct diag;
struct site_opts;

struct serve_opts {
	const struct site_opts	*site;	/* source, base_url, drafts, jobs;
					   output and check are ignored */
	const char		*bind;	/* address to listen on */
	unsigned		 port;	/* 0 picks a free port */
	int			 strict;	/* warnings are errors */
	int			 quiet;		/* no line per rebuild */
};

/*
 * Build the site of "o", serve it until SIGINT or SIGTERM, and rebuild it
 * whenever a file under the site folder's site.yaml, content/,
 * datasets/, themes/, layouts/, partials/, static/ or i18n/ changes.
 * Diagnostics of every build are printed to stderr as they come; the
 * "Serving" line and one line per rebuild go to stdout.  When "o->site"
 * has no base URL, the site is built for the local address.  Returns 1
 * after a clean stop (the temporary folder removed), or 0 after
 * reporting to "d" why serving could not start.
 */
int	serve_run(struct diag *d, const struct serve_opts *o);

#endif
