/*
 * The HTTP side of planpress serve: a loopback web server that sends the
 * files of one folder, the last good build, and tells open pages when a
 * new build is served.  serve.c builds; it tells this server what each
 * build gave with http_built() and http_failed(), and http_changed()
 * when it rendered pages again in the served folder.
 *
 * Invariants callers rely on:
 *  - only files inside the served folder are ever sent, whatever the
 *    request path or a symbolic link in the folder says;
 *  - HTML files get a small script that listens on /__planpress/events
 *    (server-sent events) and reloads the page after the next build;
 *  - at most 64 event streams are open (the oldest is dropped), so
 *    open tabs never take the connections pages need;
 *  - after http_failed(), HTML requests get a page listing the
 *    diagnostics (status 500); other files still come from the folder
 *    of the last http_built();
 *  - the functions below may be called while requests are answered on
 *    other threads, but only from one thread at a time.
 *
 *	h = http_new(d, "127.0.0.1", 8000);	// listening, not answering
 *	http_built(h, "/dev/shm/planpress-serve-42-Xa9/site-1");
 *	http_start(d, h);			// answering, on threads
 *	http_failed(h, "content/a.md:3:1: error: ...\n", 1);
 *	http_free(h);
 */
#ifndef PLANPRESS_HTTP_H
#define PLANPRESS_HTTP_H

#include <stddef.h>

struct diag;
struct http;

/*
 * Bind and listen on the address "addr" and "port" (0 picks a free
 * port), so that a busy port fails at once; requests wait until
 * http_start().  Returns a server to free with http_free(), or NULL
 * after reporting to "d" why it cannot listen.
 */
struct http	*http_new(struct diag *d, const char *addr, unsigned port);

/* The server's address, "http://127.0.0.1:8000/"; lent until http_free(). */
const char	*http_url(const struct http *h);

/*
 * Answer requests, one thread per connection.  Returns 1, or 0 after
 * reporting to "d"; either way, http_free() releases "h".
 */
int		 http_start(struct diag *d, struct http *h);

/*
 * A build succeeded into the folder "root" (a real path, copied): serve
 * it from now on, and tell open pages to reload.  The caller may remove
 * the folder served before.
 */
void		 http_built(struct http *h, const char *root);

/*
 * A build failed with "nerrors" errors, "text" (copied) its diagnostics
 * as printed: HTML requests get the page listing them, other files still
 * come from the last good build, and open pages are told to reload.
 */
void		 http_failed(struct http *h, const char *text, size_t nerrors);

/* Files of the served folder were written again: open pages reload. */
void		 http_changed(struct http *h);

/*
 * Stop answering (every event stream ends), close the socket and free
 * "h"; http_free(NULL) does nothing.
 */
void		 http_free(struct http *h);

#endif
