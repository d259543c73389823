/*
 * The preview server, beside the build pipeline rather than in it: it
 * runs site_build() again and again and serves what the last good build
 * wrote.
 *
 *	listen	 bind the address first, so a busy port fails at once
 *	build	 site_build() into TMP/site-N, a new folder for every build,
 *		 in a private temporary folder ($TMPDIR, /dev/shm or /tmp);
 *		 the user's output/ is never touched
 *	serve	 libmicrohttpd, one thread per connection, files from the
 *		 last good TMP/site-N only; HTML gets a small script that
 *		 listens on /__planpress/events (server-sent events)
 *	watch	 inotify on site.yaml and the source folders; after 100 ms
 *		 of quiet, build again, serve the new folder, send "event:
 *		 reload" (or "event: error" when the build failed) to every
 *		 open page, and remove the previous folder
 *
 * A new folder per build, rather than fsout.c's swap into one output
 * folder, spares each rebuild comparing every file with the previous
 * build to keep unchanged files' inodes, which only deployments need.
 *
 * While the last build is failing, HTML requests get a page listing its
 * diagnostics (status 500) and other files come from the last good build.
 *
 * Messages, on the terminal and on that page, are in the language of the
 * site (site.yaml's "language"), unless the user chose one with LANGUAGE;
 * it is chosen once, before any thread starts.
 */
#include "serve.h"

#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsin.h"
#include "fsout.h"
#include "intl.h"
#include "site.h"
#include "text.h"
#include "xalloc.h"

#define EVENTS_PATH	"/__planpress/events"
#define DEBOUNCE_MS	100	/* quiet time before a rebuild */
#define PING_SECS	10	/* keep-alive comment on the event stream */
#define MAX_STREAMS	64	/* open event streams; the oldest is dropped */
#define MAX_CONNS	1024	/* connections, event streams included */
#define IDLE_SECS	20	/* an idle connection is closed (> PING_SECS) */
#define WATCH_DEPTH	32	/* deepest folder watched (symlink loops) */

/* Events that matter in a watched folder, and in the site folder. */
#define TREE_MASK	(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | \
			 IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | \
			 IN_MOVE_SELF | IN_ONLYDIR)
#define ROOT_MASK	(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | \
			 IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

/* What drain() found. */
#define CHANGED		1	/* a source changed: rebuild */
#define RESCAN		2	/* folders came or went: watch again */

/* The folders of a site whose files the build reads. */
static const char *const sources[] = {
	"content", "datasets", "themes", "layouts", "partials", "static",
	"i18n", NULL
};

static const struct {
	const char	*ext;
	const char	*type;
} mimes[] = {
	{ "css", "text/css; charset=utf-8" },
	{ "csv", "text/csv; charset=utf-8" },
	{ "gif", "image/gif" },
	{ "htm", "text/html; charset=utf-8" },
	{ "html", "text/html; charset=utf-8" },
	{ "ico", "image/x-icon" },
	{ "jpeg", "image/jpeg" },
	{ "jpg", "image/jpeg" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "json", "application/json" },
	{ "jsonld", "application/ld+json" },
	{ "pdf", "application/pdf" },
	{ "png", "image/png" },
	{ "svg", "image/svg+xml" },
	{ "ttl", "text/turtle; charset=utf-8" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "webp", "image/webp" },
	{ "woff2", "font/woff2" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet" },
	{ "xml", "application/xml" },
	{ "zip", "application/zip" },
};

struct server {
	const struct serve_opts	*o;
	char			*tmp;	/* private folder, removed at exit */
	char			*url;	/* "http://127.0.0.1:8000/" */
	pthread_mutex_t		 lock;	/* guards the fields below */
	char			*root;	/* the served folder, tmp/site-N;
					   NULL before a build succeeded */
	pthread_cond_t		 changed; /* gen moved or stopping set */
	unsigned long		 gen;	/* builds so far */
	int			 failed; /* the last build failed */
	char			*errors; /* its diagnostics, as text */
	size_t			 nerrors;
	int			 stopping;
	struct site_session	*session; /* the last good build, kept */
	struct stream		*oldest; /* open event streams, oldest first */
	struct stream		*newest;
	size_t			 nlive;	/* streams in the list not dropped */
};

/* One open event stream, in the server's list while open. */
struct stream {
	struct server	*s;
	struct stream	*prev, *next;
	unsigned long	 seen;		/* the build it last told about */
	int		 dropped;	/* to make room for a newer one */
	int		 ended;		/* "event: drop" sent: end */
	char		 pend[96];	/* message being sent */
	size_t		 len, off;
};

struct watch {
	int	 fd;		/* inotify instance, -1 when closed */
	int	 rootwd;	/* the site folder's watch */
	char	**dirs;		/* the folder of watch descriptor i */
	size_t	 ndirs;
	char	*file;		/* the one file changed since the last
				   build, or NULL */
	int	 many;		/* more than one file, or a folder */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The Content-Type of "path" by its extension. */
static const char *
mime(const char *path)
{
	const char	*base = strrchr(path, '/'), *dot;
	size_t		 i;

	dot = strrchr(base ? base : path, '.');
	if (dot != NULL)
		for (i = 0; i < sizeof(mimes) / sizeof(mimes[0]); i++)
			if (strcasecmp(dot + 1, mimes[i].ext) == 0)
				return mimes[i].type;
	return "application/octet-stream";
}

static int
is_html(const char *path)
{
	return strncmp(mime(path), "text/html", 9) == 0;
}

/* Would a missing "rel" be a page?  "a/", "a/b", "a/b.html". */
static int
wants_html(const char *rel, int slash)
{
	const char	*base = strrchr(rel, '/');

	base = base ? base + 1 : rel;
	return slash || *base == '\0' || strchr(base, '.') == NULL ||
	    is_html(base);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Percent-decode the request path "url" into "rel", relative to the
 * served folder and without empty or "." segments; "*slash" is set when
 * it ends in '/'.  Returns 0, or the status to refuse it with: 400 for a
 * malformed escape or a NUL, 403 for a ".." segment or a backslash.
 *
 *	"/a/%2e%2E/b"	->  403
 *	"/d%E1%BB%AF//x/"  ->  "dữ/x", slash
 */
static unsigned
decode(const char *url, struct buf *rel, int *slash)
{
	struct buf	 raw = BUF_INIT;
	const char	*p, *seg, *end;
	unsigned	 rc = 400;
	int		 hi, lo;

	if (*url != '/')
		goto out;
	for (p = url; *p != '\0'; p++) {
		if (*p != '%') {
			buf_putc(&raw, *p);
			continue;
		}
		if ((hi = hexval(p[1])) < 0 || (lo = hexval(p[2])) < 0 ||
		    (hi == 0 && lo == 0))
			goto out;
		buf_putc(&raw, hi * 16 + lo);
		p += 2;
	}
	rc = 403;
	if (memchr(raw.data, '\\', raw.len) != NULL)
		goto out;
	*slash = raw.data[raw.len - 1] == '/';
	for (seg = raw.data; seg < raw.data + raw.len; seg = end + 1) {
		if ((end = strchr(seg, '/')) == NULL)
			end = raw.data + raw.len;
		if (end - seg == 2 && seg[0] == '.' && seg[1] == '.')
			goto out;
		if (end == seg || (end - seg == 1 && seg[0] == '.'))
			continue;
		if (rel->len > 0)
			buf_putc(rel, '/');
		buf_put(rel, seg, (size_t)(end - seg));
	}
	rc = 0;
out:
	buf_release(&raw);
	return rc;
}

/*
 * Find "rel" in the folder "root" (a real path, or NULL for none),
 * following symbolic links.  Returns 1 with "*real" (to free) and "*st"
 * for a file or folder inside it, 0 when there is none, -1 when its real
 * path lies outside.
 */
static int
resolve(const char *root, const char *rel, char **real, struct stat *st)
{
	char	*path, *r;
	size_t	 n;
	int	 rc = 0;

	*real = NULL;
	if (root == NULL)
		return 0;
	n = strlen(root);
	path = *rel ? xasprintf("%s/%s", root, rel) : xstrdup(root);
	if ((r = realpath(path, NULL)) == NULL)
		goto out;
	if (strncmp(r, root, n) != 0 || (r[n] != '\0' && r[n] != '/')) {
		rc = -1;
		free(r);
		goto out;
	}
	if (stat(r, st) == -1 ||
	    (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode))) {
		free(r);
		goto out;
	}
	*real = r;
	rc = 1;
out:
	free(path);
	return rc;
}

/* Add the headers every response has, queue "r" and drop it. */
static enum MHD_Result
queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
    const char *type)
{
	enum MHD_Result	 ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
plain(struct MHD_Connection *c, unsigned status, const char *text)
{
	return queue(c, status, MHD_create_response_from_buffer(strlen(text),
	    (void *)text, MHD_RESPMEM_PERSISTENT), "text/plain; charset=utf-8");
}

/* Queue the bytes of "b" (emptied) as a page. */
static enum MHD_Result
page(struct MHD_Connection *c, unsigned status, struct buf *b)
{
	size_t	 len;
	char	*p = buf_detach(b, &len);

	return queue(c, status, MHD_create_response_from_buffer(len, p,
	    MHD_RESPMEM_MUST_FREE), "text/html; charset=utf-8");
}

/*
 * The script that reloads the page after the build after "gen".  Only a
 * visible page keeps its event stream open (browsers allow six
 * connections to a host); a page shown again reconnects, and reloads at
 * once if a build finished in the meantime.  A stream dropped by the
 * server to make room for newer ones ("event: drop") is not reopened
 * until the page is shown again.
 */
static void
script(struct buf *b, unsigned long gen)
{
	buf_printf(b, "<script>/* planpress serve */(function(){var s=null;"
	    "function shut(){if(s){s.close();s=null;}}"
	    "function go(e){if(typeof e.data===\"string\"){shut();"
	    "location.reload();}}"
	    "function open(){if(s||document.hidden)return;"
	    "s=new EventSource(\"%s?since=%lu\");"
	    "s.addEventListener(\"reload\",go);"
	    "s.addEventListener(\"error\",go);"
	    "s.addEventListener(\"drop\",shut);}"
	    "document.addEventListener(\"visibilitychange\",function(){"
	    "document.hidden?shut():open();});"
	    "addEventListener(\"pagehide\",shut);"
	    "addEventListener(\"pageshow\",open);open();})();</script>\n",
	    EVENTS_PATH, gen);
}

/* Where the script goes: before the last </body>, or at the end. */
static size_t
body_end(const char *s, size_t len)
{
	size_t	 i;

	for (i = len; i >= 7; i--)
		if (strncasecmp(s + i - 7, "</body>", 7) == 0)
			return i - 7;
	return len;
}

static int
slurp(int fd, struct buf *b)
{
	char	 chunk[65536];
	ssize_t	 n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return 0;
		buf_put(b, chunk, (size_t)n);
	}
	return 1;
}

/* Send the HTML file "path" with the reload script in it. */
static enum MHD_Result
send_html(struct MHD_Connection *c, const char *path, unsigned status,
    unsigned long gen)
{
	struct buf	 file = BUF_INIT, out = BUF_INIT;
	enum MHD_Result	 ret;
	size_t		 at;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    !slurp(fd, &file)) {
		ret = plain(c, 500, "500 cannot read the file\n");
		goto out;
	}
	at = body_end(file.data, file.len);
	buf_put(&out, file.data, at);
	script(&out, gen);
	buf_put(&out, file.data + at, file.len - at);
	ret = page(c, status, &out);
out:
	if (fd != -1)
		close(fd);
	buf_release(&file);
	buf_release(&out);
	return ret;
}

static enum MHD_Result
send_file(struct MHD_Connection *c, const char *path)
{
	struct MHD_Response	*r;
	struct stat		 st;
	int			 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		if (fd != -1)
			close(fd);
		return plain(c, 500, "500 cannot read the file\n");
	}
	if ((r = MHD_create_response_from_fd((size_t)st.st_size, fd)) == NULL)
		close(fd);
	return queue(c, 200, r, mime(path));
}

static void
html(struct buf *b, const char *s)
{
	text_escape_html(b, s, strlen(s));
}

/* The page shown instead of every page while the build is failing. */
static enum MHD_Result
failure(struct server *s, struct MHD_Connection *c)
{
	struct buf	 b = BUF_INIT, t = BUF_INIT;
	/* TRANSLATORS: the code of the language of this translation ("vi"),
	   for the lang attribute of the page serve shows when a build
	   fails. */
	const char	*lang = _("en");

	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"");
	html(&b, lang);
	buf_puts(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html(&b, _("planpress: build failed"));
	buf_puts(&b, "</title>\n"
	    "<link rel=\"icon\" href=\"data:,\">\n"
	    "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;"
	    "color:#222}h1{color:#b00020;font-size:1.4rem}pre{background:"
	    "#fff4f4;border-left:4px solid #b00020;padding:1rem;"
	    "overflow:auto;white-space:pre-wrap}</style>\n</head>\n<body>\n"
	    "<h1>");
	html(&b, _("The site did not build"));
	buf_puts(&b, "</h1>\n<p>");
	pthread_mutex_lock(&s->lock);
	buf_printf(&t, ngettext("%zu error. The last good build is still "
	    "served for other files; this page reloads when the site builds "
	    "again.", "%zu errors. The last good build is still served for "
	    "other files; this page reloads when the site builds again.",
	    s->nerrors), s->nerrors);
	html(&b, t.data);
	buf_puts(&b, "</p>\n<pre>");
	html(&b, s->errors);
	buf_puts(&b, "</pre>\n");
	script(&b, s->gen);
	pthread_mutex_unlock(&s->lock);
	buf_puts(&b, "</body>\n</html>\n");
	buf_release(&t);
	return page(c, 500, &b);
}

static enum MHD_Result
notfound(const char *root, struct MHD_Connection *c, unsigned long gen)
{
	struct stat	 st;
	char		*real;
	enum MHD_Result	 ret;

	if (resolve(root, "404.html", &real, &st) == 1 && S_ISREG(st.st_mode))
		ret = send_html(c, real, 404, gen);
	else
		ret = plain(c, 404, "404 not found\n");
	free(real);
	return ret;
}

/* 301 from the folder "rel" to "rel/". */
static enum MHD_Result
redirect(struct MHD_Connection *c, const char *rel)
{
	struct MHD_Response	*r;
	struct buf		 to = BUF_INIT;

	buf_putc(&to, '/');
	text_escape_url(&to, rel, strlen(rel));
	buf_putc(&to, '/');
	r = MHD_create_response_from_buffer(13, (void *)"301 moved to\n",
	    MHD_RESPMEM_PERSISTENT);
	if (r != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to.data);
	buf_release(&to);
	return queue(c, 301, r, "text/plain; charset=utf-8");
}

/* Answer a request for "rel" (decoded, relative) in the served folder. */
static enum MHD_Result
answer(struct server *s, struct MHD_Connection *c, const char *rel,
    int slash)
{
	struct stat	 st;
	char		*real = NULL, *index, *root;
	unsigned long	 gen;
	enum MHD_Result	 ret;
	int		 failed, found;

	pthread_mutex_lock(&s->lock);
	gen = s->gen;
	failed = s->failed;
	root = s->root ? xstrdup(s->root) : NULL;
	pthread_mutex_unlock(&s->lock);
	found = resolve(root, rel, &real, &st);
	if (found == 1 && S_ISDIR(st.st_mode) && !slash && *rel != '\0') {
		ret = redirect(c, rel);
		goto out;
	}
	if (found == 1 && S_ISDIR(st.st_mode)) {
		free(real);
		index = *rel ? xasprintf("%s/index.html", rel) :
		    xstrdup("index.html");
		found = resolve(root, index, &real, &st);
		free(index);
		if (found == 1 && !S_ISREG(st.st_mode))
			found = 0;
	}
	if (found == -1)
		ret = plain(c, 403, "403 forbidden\n");
	else if (failed && (found ? is_html(real) : wants_html(rel, slash)))
		ret = failure(s, c);
	else if (found == 0)
		ret = notfound(root, c, gen);
	else if (is_html(real))
		ret = send_html(c, real, 200, gen);
	else
		ret = send_file(c, real);
out:
	free(real);
	free(root);
	return ret;
}

/*
 * Fill the stream's message: the next build's event, a keep-alive
 * comment after PING_SECS, or "event: drop" when a newer stream took its
 * place.  Returns 0 when the stream ends (dropped, or the server is
 * stopping).
 */
static int
next(struct stream *st)
{
	struct server	*s = st->s;
	struct timespec	 until;
	int		 n = 0, rc = 1;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += PING_SECS;
	pthread_mutex_lock(&s->lock);
	while (!s->stopping && !st->dropped && s->gen == st->seen)
		if (pthread_cond_timedwait(&s->changed, &s->lock, &until) ==
		    ETIMEDOUT)
			break;
	if (s->stopping || st->ended)
		rc = 0;
	else if (st->dropped) {
		st->ended = 1;
		n = snprintf(st->pend, sizeof(st->pend), "event: drop\n"
		    "data: %lu\n\n", s->gen);
	}
	else if (s->gen == st->seen)
		n = snprintf(st->pend, sizeof(st->pend), ": ping\n\n");
	else {
		st->seen = s->gen;
		n = snprintf(st->pend, sizeof(st->pend),
		    "event: %s\ndata: %lu\n\n", s->failed ? "error" : "reload",
		    s->gen);
	}
	pthread_mutex_unlock(&s->lock);
	st->len = n > 0 && (size_t)n < sizeof(st->pend) ? (size_t)n : 0;
	st->off = 0;
	return rc;
}

/* libmicrohttpd's reader for an event stream; blocks in next(). */
static ssize_t
stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream	*st = cls;
	size_t		 n;

	(void)pos;
	if (st->off == st->len && !next(st))
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = st->len - st->off;
	if (n > max)
		n = max;
	memcpy(out, st->pend + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

/*
 * Add "st" to the open streams (s->lock held); beyond MAX_STREAMS, the
 * oldest is told to end, so that streams of forgotten tabs never take
 * every connection.
 */
static void
enlist(struct server *s, struct stream *st)
{
	struct stream	*old;

	st->prev = s->newest;
	if (s->newest != NULL)
		s->newest->next = st;
	else
		s->oldest = st;
	s->newest = st;
	if (++s->nlive <= MAX_STREAMS)
		return;
	for (old = s->oldest; old != NULL && old->dropped; old = old->next)
		continue;
	if (old != NULL && old != st) {
		old->dropped = 1;
		s->nlive--;
		pthread_cond_broadcast(&s->changed);
	}
}

/* libmicrohttpd's end of an event stream: out of the list, freed. */
static void
stream_free(void *cls)
{
	struct stream	*st = cls;
	struct server	*s = st->s;

	pthread_mutex_lock(&s->lock);
	if (st->prev != NULL)
		st->prev->next = st->next;
	else
		s->oldest = st->next;
	if (st->next != NULL)
		st->next->prev = st->prev;
	else
		s->newest = st->prev;
	if (!st->dropped)
		s->nlive--;
	pthread_mutex_unlock(&s->lock);
	free(st);
}

/*
 * The event stream.  "?since=N" names the build the page came from, so a
 * build that finished before the page connected still reloads it.
 */
static enum MHD_Result
events(struct server *s, struct MHD_Connection *c)
{
	struct MHD_Response	*r;
	struct stream		*st = xcalloc(1, sizeof(*st));
	const char		*since;
	char			*end;
	unsigned long		 n;

	st->s = s;
	pthread_mutex_lock(&s->lock);
	st->seen = s->gen;
	enlist(s, st);
	pthread_mutex_unlock(&s->lock);
	since = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	if (since != NULL && *since >= '0' && *since <= '9') {
		errno = 0;
		n = strtoul(since, &end, 10);
		if (*end == '\0' && errno == 0)
			st->seen = n;
	}
	st->len = (size_t)snprintf(st->pend, sizeof(st->pend),
	    "retry: 1000\n\n");
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
	    stream_read, st, stream_free);
	if (r == NULL)
		stream_free(st);
	return queue(c, 200, r, "text/event-stream");
}

/* Keep the request path as sent; decode() decodes and checks it. */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *uplen, void **req)
{
	struct server	*s = cls;
	struct buf	 rel = BUF_INIT;
	enum MHD_Result	 ret;
	unsigned	 status;
	int		 slash = 0;

	(void)version;
	(void)upload;
	if (*req == NULL) {	/* headers only; answer on the next call */
		*req = s;
		return MHD_YES;
	}
	if (*uplen != 0) {	/* ignore a body */
		*uplen = 0;
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return plain(c, 405, "405 method not allowed\n");
	if (strcmp(url, EVENTS_PATH) == 0)
		return events(s, c);
	if ((status = decode(url, &rel, &slash)) != 0)
		ret = plain(c, status, status == 403 ? "403 forbidden\n" :
		    "400 bad request\n");
	else
		ret = answer(s, c, rel.data, slash);
	buf_release(&rel);
	return ret;
}

/* Editor droppings: .x.swp, x~, vim's 4913, emacs's #x#. */
static int
ignored(const char *name)
{
	size_t	 n = strlen(name);

	if (n == 0)
		return 0;
	return name[0] == '.' || name[n - 1] == '~' ||
	    strcmp(name, "4913") == 0 || (name[0] == '#' && name[n - 1] == '#') ||
	    (n > 4 && (strcmp(name + n - 4, ".swp") == 0 ||
	    strcmp(name + n - 4, ".swx") == 0));
}

static int
is_source(const char *name)
{
	size_t	 i;

	for (i = 0; sources[i] != NULL; i++)
		if (strcmp(name, sources[i]) == 0)
			return 1;
	return 0;
}

/* Remember that watch descriptor "wd" is the folder "path". */
static void
remember(struct watch *w, int wd, const char *path)
{
	size_t	 i;

	if (wd < 0)
		return;
	if ((size_t)wd >= w->ndirs) {
		w->dirs = xreallocarray(w->dirs, (size_t)wd + 1,
		    sizeof(*w->dirs));
		for (i = w->ndirs; i <= (size_t)wd; i++)
			w->dirs[i] = NULL;
		w->ndirs = (size_t)wd + 1;
	}
	free(w->dirs[wd]);
	w->dirs[wd] = xstrdup(path);
}

/* Watch "path" and the folders under it; 0 if a watch failed. */
static int
watch_tree(struct watch *w, const char *path, int depth)
{
	struct dirent	*e;
	struct stat	 st;
	DIR		*dir;
	char		*sub;
	int		 rc = 1, wd;

	if ((wd = inotify_add_watch(w->fd, path, TREE_MASK)) == -1)
		return errno == ENOENT || errno == ENOTDIR;
	remember(w, wd, path);
	if (depth >= WATCH_DEPTH || (dir = opendir(path)) == NULL)
		return 1;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		sub = fsin_join(path, e->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			rc &= watch_tree(w, sub, depth + 1);
		free(sub);
	}
	closedir(dir);
	return rc;
}

static void
watch_close(struct watch *w)
{
	size_t	 i;

	if (w->fd != -1)
		close(w->fd);
	w->fd = w->rootwd = -1;
	for (i = 0; i < w->ndirs; i++)
		free(w->dirs[i]);
	free(w->dirs);
	free(w->file);
	w->dirs = NULL;
	w->ndirs = 0;
	w->file = NULL;
	w->many = 0;
}

/*
 * Watch the site folder "source" (site.yaml, and source folders coming
 * or going) and every folder under its source folders.  Returns 1, or 0
 * after reporting.
 */
static int
watch_open(struct diag *d, const char *source, struct watch *w)
{
	char	*p;
	size_t	 i;
	int	 all = 1;

	if ((w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1)
		return diag_syserr(d, source, "cannot watch the site");
	if ((w->rootwd = inotify_add_watch(w->fd, source, ROOT_MASK)) == -1) {
		diag_syserr(d, source, "cannot watch the site");
		watch_close(w);
		return 0;
	}
	for (i = 0; sources[i] != NULL; i++) {
		p = fsin_join(source, sources[i]);
		if (fsin_isdir(p))
			all &= watch_tree(w, p, 0);
		free(p);
	}
	if (!all)
		diag_note(d, "planpress: some folders are not watched (%s); "
		    "raise fs.inotify.max_user_watches", strerror(errno));
	return 1;
}

static int
classify(const struct watch *w, const struct inotify_event *ev)
{
	const char	*name = ev->len ? ev->name : "";

	if (ev->mask & IN_Q_OVERFLOW)
		return CHANGED | RESCAN;
	if (ev->mask & IN_IGNORED)
		return 0;
	if (ev->wd == w->rootwd) {
		if (strcmp(name, "site.yaml") == 0)
			return CHANGED;
		return is_source(name) ? CHANGED | RESCAN : 0;
	}
	if (ignored(name))
		return 0;
	if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
		return CHANGED | RESCAN;
	if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_DELETE |
	    IN_MOVED_FROM | IN_MOVED_TO)))
		return CHANGED | RESCAN;
	return CHANGED;
}

/* Note which file an event of a tree watch is about. */
static void
note_file(struct watch *w, const struct inotify_event *ev)
{
	char	*path;

	if (ev->wd == w->rootwd || ev->len == 0 || (ev->mask & IN_ISDIR) ||
	    (size_t)ev->wd >= w->ndirs || w->dirs[ev->wd] == NULL ||
	    ignored(ev->name)) {
		w->many = 1;
		return;
	}
	path = fsin_join(w->dirs[ev->wd], ev->name);
	if (w->file == NULL)
		w->file = path;
	else {
		if (strcmp(w->file, path) != 0)
			w->many = 1;
		free(path);
	}
}

/* Read every pending event; returns CHANGED and RESCAN bits. */
static int
drain(struct watch *w)
{
	char				 b[8192]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event	*ev;
	ssize_t				 n;
	char				*p;
	int				 what = 0, one;

	while ((n = read(w->fd, b, sizeof(b))) > 0)
		for (p = b; p < b + n; p += sizeof(*ev) + ev->len) {
			ev = (const struct inotify_event *)(void *)p;
			one = classify(w, ev);
			if (one & RESCAN)
				w->many = 1;
			else if (one & CHANGED)
				note_file(w, ev);
			what |= one;
		}
	return what;
}

/*
 * Wait until a source changes and DEBOUNCE_MS pass without another
 * change.  Returns 1 to rebuild, 0 when SIGINT or SIGTERM came.
 */
static int
wait_change(struct diag *d, const char *source, struct watch *w, int sigfd)
{
	struct pollfd	 p[2];
	int		 what = 0, n;

	for (;;) {
		p[0].fd = sigfd;
		p[0].events = POLLIN;
		p[1].fd = w->fd;
		p[1].events = POLLIN;
		n = poll(p, 2, what ? DEBOUNCE_MS : -1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 || p[0].revents != 0)
			return 0;
		if (n == 0)
			break;
		if (p[1].revents != 0)
			what |= drain(w);
	}
	if (what & RESCAN) {
		watch_close(w);
		watch_open(d, source, w);
		w->many = 1;
	}
	return 1;
}

/*
 * Build the site into a new folder; serve it if the build succeeded,
 * tell requests and event streams the outcome, print the diagnostics
 * and one status line, and remove the folder no longer served.
 */
/*
 * The one page file "file" changed: render that page again into the
 * served folder when only its body changed.  Returns 1 when done (the
 * reload is announced), 0 when a full build is needed.
 */
static int
quick(struct server *s, const char *file)
{
	struct diag	*d = diag_new();
	double		 t0 = now();
	int		 r;

	diag_set_strict(d, s->o->strict);
	r = site_session_page(s->session, d, file, s->root);
	if (r == 1) {
		pthread_mutex_lock(&s->lock);
		s->gen++;
		pthread_cond_broadcast(&s->changed);
		pthread_mutex_unlock(&s->lock);
		if (!s->o->quiet)
			printf(_("rebuilt %s in %.3f s\n"), file, now() - t0);
		fflush(stdout);
	}
	diag_free(d);
	if (r == -1) {		/* the full build reports it, as always */
		site_session_free(s->session);
		s->session = NULL;
	}
	return r == 1;
}

static void
rebuild(struct server *s, struct site_opts *so, struct watch *w, int first)
{
	struct site_stats	 st;
	struct diag		*d;
	char			*text = NULL, *out, *old, *lockfile;
	size_t			 len = 0, errors;
	double			 t0 = now(), secs;
	FILE			*fp;
	int			 ok, fast;

	fast = !first && s->session != NULL && !s->failed && w->file &&
	    !w->many && quick(s, w->file);
	free(w->file);
	w->file = NULL;
	w->many = 0;
	if (fast)
		return;
	d = diag_new();
	diag_set_strict(d, s->o->strict);
	out = xasprintf("%s/site-%lu", s->tmp, s->gen + 1);
	so->output = out;
	site_session_free(s->session);
	s->session = site_session_new(d, so, &st, &ok);
	ok = ok && diag_errors(d) == 0;
	secs = now() - t0;
	errors = diag_errors(d);
	if ((fp = open_memstream(&text, &len)) != NULL) {
		diag_print(d, fp);
		fclose(fp);
	}
	if (text != NULL && len > 0)
		diag_note(d, "%.*s", (int)(len - 1), text);
	pthread_mutex_lock(&s->lock);
	old = ok ? s->root : out;
	if (ok)
		s->root = out;
	s->gen++;
	s->failed = !ok;
	s->nerrors = errors;
	free(s->errors);
	s->errors = text ? text : xstrdup("");
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	if (!ok && first)
		printf(ngettext("build failed: %zu error\n",
		    "build failed: %zu errors\n", errors), errors);
	else if (!ok)
		printf(ngettext("rebuild failed: %zu error\n",
		    "rebuild failed: %zu errors\n", errors), errors);
	else if (!s->o->quiet)
		printf(first ? _("built in %.2f s\n") : _("rebuilt in %.2f s\n"),
		    secs);
	fflush(stdout);
	if (old != NULL) {
		fsout_remove_tree(old);
		lockfile = xasprintf("%s.lock", old);
		unlink(lockfile);	/* no build of "old" is left */
		free(lockfile);
	}
	free(old);
	so->output = NULL;
	diag_free(d);
}

/*
 * Bind and listen on the address and port of "o"; sets "*fdp" and
 * s->url.  Returns 1, or 0 after reporting.
 */
static int
listen_on(struct diag *d, const struct serve_opts *o, struct server *s,
    int *fdp)
{
	struct addrinfo		 hints, *res = NULL, *ai;
	struct sockaddr_storage	 ss;
	socklen_t		 sl = sizeof(ss);
	char			 port[16], host[NI_MAXHOST], serv[NI_MAXSERV];
	int			 fd = -1, err, one = 1, v6;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(port, sizeof(port), "%u", o->port);
	if ((err = getaddrinfo(o->bind, port, &hints, &res)) != 0)
		return diag_error(d, NULL, "cannot listen on '%s': %s",
		    o->bind, gai_strerror(err));
	for (ai = res; ai != NULL && fd == -1; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype,
		    ai->ai_protocol)) == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
		    listen(fd, 64) == -1) {
			err = errno;
			close(fd);
			fd = -1;
			errno = err;
		}
	}
	freeaddrinfo(res);
	if (fd == -1)
		return diag_error(d, NULL, "cannot listen on %s port %u: %s",
		    o->bind, o->port, strerror(errno));
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == -1 ||
	    getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), serv,
	    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		close(fd);
		return diag_error(d, NULL, "cannot listen on %s port %u",
		    o->bind, o->port);
	}
	v6 = ss.ss_family == AF_INET6;
	s->url = xasprintf("http://%s%s%s:%s/", v6 ? "[" : "", host,
	    v6 ? "]" : "", serv);
	*fdp = fd;
	return 1;
}

/*
 * Where the private folder goes: $TMPDIR, or else /dev/shm, which is
 * memory on Linux and makes each rebuild several times faster than a
 * disk (creating and deleting thousands of files), or else /tmp.
 */
static const char *
tmpbase(void)
{
	const char	*t = getenv("TMPDIR");

	if (t != NULL && *t != '\0')
		return t;
	if (fsin_isdir("/dev/shm") && access("/dev/shm", W_OK | X_OK) == 0)
		return "/dev/shm";
	return "/tmp";
}

/*
 * Remove the folders "planpress-serve-PID-XXXXXX" under "base" that are
 * ours and whose server is gone (killed before it could clean up).
 */
static void
sweep(const char *base)
{
	struct dirent	*e;
	struct stat	 st;
	DIR		*dp;
	char		*path, *end;
	long		 pid;

	if ((dp = opendir(base)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (strncmp(e->d_name, "planpress-serve-", 16) != 0 ||
		    e->d_name[16] < '1' || e->d_name[16] > '9')
			continue;
		errno = 0;
		pid = strtol(e->d_name + 16, &end, 10);
		if (*end != '-' || errno != 0 || pid == (long)getpid() ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		path = xasprintf("%s/%s", base, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == getuid())
			fsout_remove_tree(path);
		free(path);
	}
	closedir(dp);
}

/*
 * Create the private folder the site is built in, named for this
 * process so that a later server can tell when it was left behind.
 */
static int
tempdir(struct diag *d, struct server *s)
{
	char	*tmpl;
	int	 rc = 0;

	sweep(tmpbase());
	tmpl = xasprintf("%s/planpress-serve-%ld-XXXXXX", tmpbase(),
	    (long)getpid());
	if (mkdtemp(tmpl) == NULL) {
		diag_syserr(d, tmpl, "cannot create a folder to build in");
		goto out;
	}
	if ((s->tmp = realpath(tmpl, NULL)) == NULL) {
		diag_syserr(d, tmpl, "cannot create a folder to build in");
		fsout_remove_tree(tmpl);
		goto out;
	}
	rc = 1;
out:
	free(tmpl);
	return rc;
}

static struct MHD_Daemon *
start(struct server *s, int fd)
{
	return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL, handler, s,
	    MHD_OPTION_LISTEN_SOCKET, fd,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, MAX_CONNS,
	    MHD_OPTION_CONNECTION_TIMEOUT, IDLE_SECS,
	    MHD_OPTION_END);
}

/* Wake every event stream so that libmicrohttpd can stop. */
static void
stop(struct server *s, struct MHD_Daemon *mhd)
{
	pthread_mutex_lock(&s->lock);
	s->stopping = 1;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	MHD_stop_daemon(mhd);
}

/*
 * Block SIGINT, SIGTERM and SIGHUP in this thread and every thread it
 * starts later, and return a descriptor that reads them, or -1 after
 * reporting.  SIGPIPE is ignored: a closed connection is not fatal.
 */
static int
catch_signals(struct diag *d, sigset_t *old)
{
	sigset_t	 sigs;
	int		 fd;

	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, old);
	signal(SIGPIPE, SIG_IGN);
	if ((fd = signalfd(-1, &sigs, SFD_NONBLOCK | SFD_CLOEXEC)) == -1)
		diag_syserr(d, "signalfd", "cannot wait for signals");
	return fd;
}

/* Consume the signal that stopped us and restore the mask "old". */
static void
release_signals(int fd, const sigset_t *old)
{
	struct signalfd_siginfo	 si;

	if (fd != -1) {
		while (read(fd, &si, sizeof(si)) > 0)
			continue;
		close(fd);
	}
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

/*
 * Speak the language of the site in "source": site.yaml's "language",
 * "vi" when it has none.  Nothing changes when site.yaml cannot be read
 * (the first build reports why) or when its language is not a code of
 * letters, '-' and '_': gettext would take "../x" for a path to a
 * catalog, "vi:x" for a list of languages.
 */
static void
site_language(const char *source)
{
	struct config	 c;
	struct diag	*quiet = diag_new();
	char		*path = fsin_join(source, "site.yaml");

	config_load(&c, quiet, path, "site.yaml");
	if (c.meta != NULL && c.language[strspn(c.language, "abcdefghijklmno"
	    "pqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")] == '\0')
		intl_follow(c.language);
	config_release(&c);
	free(path);
	diag_free(quiet);
}

int
serve_run(struct diag *d, const struct serve_opts *o)
{
	struct server		 s;
	struct site_opts	 so = *o->site;
	struct watch		 w = { -1, -1, NULL, 0, NULL, 0 };
	struct MHD_Daemon	*mhd = NULL;
	sigset_t		 old;
	int			 lfd = -1, sigfd, rc = 0;

	site_language(so.source);
	memset(&s, 0, sizeof(s));
	s.o = o;
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.changed, NULL);
	if ((sigfd = catch_signals(d, &old)) == -1)
		goto out;
	if (!fsin_isdir(so.source)) {
		diag_error(d, NULL, "cannot serve '%s': not a folder", so.source);
		goto out;
	}
	if (!listen_on(d, o, &s, &lfd) || !tempdir(d, &s) ||
	    !watch_open(d, so.source, &w))
		goto out;
	so.check = 0;
	if (so.base_url == NULL)
		so.base_url = s.url;
	rebuild(&s, &so, &w, 1);
	if ((mhd = start(&s, lfd)) == NULL) {
		diag_error(d, NULL, "cannot start the web server on %s", s.url);
		goto out;
	}
	lfd = -1;		/* libmicrohttpd closes it */
	printf(_("Serving %s (Ctrl-C stops)\n"), s.url);
	fflush(stdout);
	while (wait_change(d, so.source, &w, sigfd))
		rebuild(&s, &so, &w, 0);
	rc = 1;
out:
	if (mhd != NULL)
		stop(&s, mhd);
	watch_close(&w);
	if (lfd != -1)
		close(lfd);
	release_signals(sigfd, &old);
	if (s.tmp != NULL && !fsout_remove_tree(s.tmp))
		rc = diag_syserr(d, s.tmp, "cannot remove");
	site_session_free(s.session);
	pthread_cond_destroy(&s.changed);
	pthread_mutex_destroy(&s.lock);
	free(s.errors);
	free(s.url);
	free(s.root);
	free(s.tmp);
	return rc;
}
