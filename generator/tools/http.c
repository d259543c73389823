/*
 * The preview server's HTTP side: libmicrohttpd, one thread per
 * connection, on the socket http_new() bound.  Every request is decoded
 * and checked here (percent escapes, "..", symbolic links out of the
 * folder), then answered from the folder of the last good build:
 *
 *	GET /a/b/	  a/b/index.html, with the reload script before
 *			  </body>
 *	GET /a/b	  301 to /a/b/ when it is a folder
 *	GET /x.css	  the file, its type from its extension
 *	GET /missing	  the site's 404.html, with the script (status 404)
 *	GET /__planpress/events
 *			  server-sent events: "event: reload" after every
 *			  good build, "event: error" after a failed one
 *
 * While the last build is failing, HTML requests get a page listing its
 * diagnostics (status 500) and other files come from the last good build.
 * That page and the reload script are Mustache templates built into the
 * binary (generator/templates, embed.h), parsed once by http_new(); their
 * words are planpress's messages, in the language serve speaks.
 *
 * One lock guards what the builds tell (the served folder, the build
 * count, the diagnostics) and the list of open event streams; a stream's
 * thread sleeps on one condition until a build finishes, the server
 * stops or a newer stream takes its place.
 */
#include "http.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <dlfcn.h>
#include <microhttpd.h>

#include "buf.h"
#include "diag.h"
#include "embed.h"
#include "intl.h"
#include "mustache.h"
#include "text.h"
#include "xalloc.h"

/*
 * libmicrohttpd is opened when a server starts (mhd_open()), not when
 * planpress does: a build neither loads nor relocates it and the eight
 * libraries it brings (GnuTLS and the rest), about 4 ms of every run.
 */
static struct {
	pthread_once_t	 once;
	const char	*error;		/* dlerror() of a failed open */
	__typeof__(MHD_start_daemon)			*start_daemon;
	__typeof__(MHD_stop_daemon)			*stop_daemon;
	__typeof__(MHD_queue_response)			*queue_response;
	__typeof__(MHD_create_response_from_buffer)	*create_response_from_buffer;
	__typeof__(MHD_create_response_from_fd)		*create_response_from_fd;
	__typeof__(MHD_create_response_from_callback)	*create_response_from_callback;
	__typeof__(MHD_destroy_response)		*destroy_response;
	__typeof__(MHD_add_response_header)		*add_response_header;
	__typeof__(MHD_lookup_connection_value)		*lookup_connection_value;
} mhd = { PTHREAD_ONCE_INIT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL };

static void *
mhd_sym(void *lib, const char *name)
{
	void	*f = dlsym(lib, name);

	if (f == NULL && mhd.error == NULL)
		mhd.error = dlerror();
	return f;
}

static void
mhd_load(void)
{
	void	*lib;

	if ((lib = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL)) ==
	    NULL && (lib = dlopen("libmicrohttpd.so", RTLD_NOW | RTLD_LOCAL)) ==
	    NULL) {
		mhd.error = dlerror();
		return;
	}
#define SYM(f)	mhd.f = (__typeof__(mhd.f))mhd_sym(lib, "MHD_" #f)
	SYM(start_daemon);
	SYM(stop_daemon);
	SYM(queue_response);
	SYM(create_response_from_buffer);
	SYM(create_response_from_fd);
	SYM(create_response_from_callback);
	SYM(destroy_response);
	SYM(add_response_header);
	SYM(lookup_connection_value);
#undef SYM
	if (mhd.error != NULL)
		mhd.start_daemon = NULL;	/* not usable */
}

/* 1 when libmicrohttpd is loaded, or 0 after reporting why not. */
static int
mhd_open(struct diag *d)
{
	pthread_once(&mhd.once, mhd_load);
	if (mhd.start_daemon != NULL)
		return 1;
	return diag_error(d, NULL, "cannot load libmicrohttpd, which serve "
	    "needs (%s)", mhd.error ? mhd.error : "?");
}

#define EVENTS_PATH	"/__planpress/events"
#define PING_SECS	10	/* keep-alive comment on the event stream */
#define MAX_STREAMS	64	/* open event streams; the oldest is dropped */
#define MAX_CONNS	1024	/* connections, event streams included */
#define IDLE_SECS	20	/* an idle connection is closed (> PING_SECS) */

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

struct http {
	char			*url;	/* "http://127.0.0.1:8000/" */
	int			 fd;	/* the listening socket until started */
	struct MHD_Daemon	*mhd;	/* NULL until started */
	struct mustache		*error;	/* serve-error.mustache */
	struct mustache		*reload; /* serve-reload.mustache */
	pthread_mutex_t		 lock;	/* guards the fields below */
	char			*root;	/* the served folder, tmp/site-N;
					   NULL before a build succeeded */
	pthread_cond_t		 changed; /* gen moved or stopping set */
	unsigned long		 gen;	/* builds so far */
	int			 failed; /* the last build failed */
	char			*errors; /* its diagnostics, as text */
	size_t			 nerrors;
	int			 stopping;
	struct stream		*oldest; /* open event streams, oldest first */
	struct stream		*newest;
	size_t			 nlive;	/* streams in the list not dropped */
};

/* One open event stream, in the server's list while open. */
struct stream {
	struct http	*s;
	struct stream	*prev, *next;
	unsigned long	 seen;		/* the build it last told about */
	int		 dropped;	/* to make room for a newer one */
	int		 ended;		/* "event: drop" sent: end */
	char		 pend[96];	/* message being sent */
	size_t		 len, off;
};

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
		if ((hi = text_hexval(p[1])) < 0 ||
		    (lo = text_hexval(p[2])) < 0 || (hi == 0 && lo == 0))
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
	mhd.add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	mhd.add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = mhd.queue_response(c, status, r);
	mhd.destroy_response(r);
	return ret;
}

/*
 * The plain text answer to "status" (one of those below), in the
 * language serve speaks: "404 not found\n".
 */
static struct MHD_Response *
status_text(unsigned status)
{
	const char	*text;

	switch (status) {
	case 301:
		/* TRANSLATORS: this and the next five are the bodies of
		   answers of planpress serve that are not pages; keep the
		   number in front. */
		text = _("301 moved to\n");
		break;
	case 400:
		text = _("400 bad request\n");
		break;
	case 403:
		text = _("403 forbidden\n");
		break;
	case 404:
		text = _("404 not found\n");
		break;
	case 405:
		text = _("405 method not allowed\n");
		break;
	default:
		text = _("500 cannot read the file\n");
		break;
	}
	return mhd.create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_PERSISTENT);
}

/* Queue the plain text answer to "status" (see status_text()). */
static enum MHD_Result
plain(struct MHD_Connection *c, unsigned status)
{
	return queue(c, status, status_text(status),
	    "text/plain; charset=utf-8");
}

/* Queue the bytes of "b" (emptied) as a page. */
static enum MHD_Result
page(struct MHD_Connection *c, unsigned status, struct buf *b)
{
	size_t	 len;
	char	*p = buf_detach(b, &len);

	return queue(c, status, mhd.create_response_from_buffer(len, p,
	    MHD_RESPMEM_MUST_FREE), "text/html; charset=utf-8");
}

/* The view of serve-reload.mustache: the page came from build "gen". */
static json_t *
reload_view(unsigned long gen)
{
	return json_pack("{s:s, s:I}", "events", EVENTS_PATH, "gen",
	    (json_int_t)gen);
}

/* Append the script that reloads the page after the build after "gen". */
static void
script(const struct http *s, struct buf *b, unsigned long gen)
{
	json_t	*v = reload_view(gen);

	mustache_render(s->reload, v, NULL, NULL, NULL, b);
	json_decref(v);
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
send_html(const struct http *s, struct MHD_Connection *c, const char *path,
    unsigned status, unsigned long gen)
{
	struct buf	 file = BUF_INIT, out = BUF_INIT;
	enum MHD_Result	 ret;
	size_t		 at;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    !slurp(fd, &file)) {
		ret = plain(c, 500);
		goto out;
	}
	at = body_end(file.data, file.len);
	buf_put(&out, file.data, at);
	script(s, &out, gen);
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
		return plain(c, 500);
	}
	if ((r = mhd.create_response_from_fd((size_t)st.st_size, fd)) == NULL)
		close(fd);
	return queue(c, 200, r, mime(path));
}

/* {{>serve-reload}} of serve-error.mustache. */
static const struct mustache *
lookup(void *arg, const char *name)
{
	const struct http	*s = arg;

	return strcmp(name, "serve-reload") == 0 ? s->reload : NULL;
}

/* The view of serve-error.mustache (s->lock held). */
static json_t *
failure_view(const struct http *s)
{
	json_t		*v = reload_view(s->gen);
	struct buf	 t = BUF_INIT;

	/* TRANSLATORS: the code of the language of this translation ("vi"),
	   for the lang attribute of the page serve shows when a build
	   fails. */
	json_object_set_new(v, "lang", json_string(_("en")));
	json_object_set_new(v, "title",
	    json_string(_("planpress: build failed")));
	json_object_set_new(v, "heading",
	    json_string(_("The site did not build")));
	buf_printf(&t, ngettext("%zu error. The last good build is still "
	    "served for other files; this page reloads when the site builds "
	    "again.", "%zu errors. The last good build is still served for "
	    "other files; this page reloads when the site builds again.",
	    s->nerrors), s->nerrors);
	json_object_set_new(v, "summary", json_string(t.data));
	/* As printed: a file's name need not be UTF-8. */
	json_object_set_new(v, "diagnostics", json_string_nocheck(s->errors));
	buf_release(&t);
	return v;
}

/* The page shown instead of every page while the build is failing. */
static enum MHD_Result
failure(struct http *s, struct MHD_Connection *c)
{
	struct buf	 b = BUF_INIT;
	json_t		*v;

	pthread_mutex_lock(&s->lock);
	v = failure_view(s);
	pthread_mutex_unlock(&s->lock);
	mustache_render(s->error, v, lookup, s, NULL, &b);
	json_decref(v);
	return page(c, 500, &b);
}

static enum MHD_Result
notfound(const struct http *s, const char *root, struct MHD_Connection *c,
    unsigned long gen)
{
	struct stat	 st;
	char		*real;
	enum MHD_Result	 ret;

	if (resolve(root, "404.html", &real, &st) == 1 && S_ISREG(st.st_mode))
		ret = send_html(s, c, real, 404, gen);
	else
		ret = plain(c, 404);
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
	if ((r = status_text(301)) != NULL)
		mhd.add_response_header(r, MHD_HTTP_HEADER_LOCATION, to.data);
	buf_release(&to);
	return queue(c, 301, r, "text/plain; charset=utf-8");
}

/* Answer a request for "rel" (decoded, relative) in the served folder. */
static enum MHD_Result
answer(struct http *s, struct MHD_Connection *c, const char *rel,
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
		ret = plain(c, 403);
	else if (failed && (found ? is_html(real) : wants_html(rel, slash)))
		ret = failure(s, c);
	else if (found == 0)
		ret = notfound(s, root, c, gen);
	else if (is_html(real))
		ret = send_html(s, c, real, 200, gen);
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
	struct http	*s = st->s;
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
enlist(struct http *s, struct stream *st)
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
	struct http	*s = st->s;

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
events(struct http *s, struct MHD_Connection *c)
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
	since = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	if (since != NULL && *since >= '0' && *since <= '9') {
		errno = 0;
		n = strtoul(since, &end, 10);
		if (*end == '\0' && errno == 0)
			st->seen = n;
	}
	st->len = (size_t)snprintf(st->pend, sizeof(st->pend),
	    "retry: 1000\n\n");
	r = mhd.create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
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
	struct http	*s = cls;
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
		return plain(c, 405);
	if (strcmp(url, EVENTS_PATH) == 0)
		return events(s, c);
	if ((status = decode(url, &rel, &slash)) != 0)
		ret = plain(c, status);
	else
		ret = answer(s, c, rel.data, slash);
	buf_release(&rel);
	return ret;
}

/*
 * Bind and listen on "addr" and "port"; sets s->fd and s->url.  Returns
 * 1, or 0 after reporting.
 */
static int
listen_on(struct diag *d, const char *addr, unsigned port, struct http *s)
{
	struct addrinfo		 hints, *res = NULL, *ai;
	struct sockaddr_storage	 ss;
	socklen_t		 sl = sizeof(ss);
	char			 pnum[16], host[NI_MAXHOST], serv[NI_MAXSERV];
	int			 fd = -1, err, one = 1, v6;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(pnum, sizeof(pnum), "%u", port);
	if ((err = getaddrinfo(addr, pnum, &hints, &res)) != 0)
		return diag_error(d, NULL, "cannot listen on '%s': %s",
		    addr, gai_strerror(err));
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
		    addr, port, strerror(errno));
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == -1 ||
	    getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), serv,
	    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		close(fd);
		return diag_error(d, NULL, "cannot listen on %s port %u",
		    addr, port);
	}
	v6 = ss.ss_family == AF_INET6;
	s->url = xasprintf("http://%s%s%s:%s/", v6 ? "[" : "", host,
	    v6 ? "]" : "", serv);
	s->fd = fd;
	return 1;
}

/* The embedded template "name", parsed; NULL after reporting. */
static struct mustache *
template(struct diag *d, const char *name)
{
	const struct embed_file	*f = embed_template(name);

	assert(f != NULL);
	return mustache_parse(d, f->path, (const char *)f->data, f->len);
}

struct http *
http_new(struct diag *d, const char *addr, unsigned port)
{
	struct http	*s = xcalloc(1, sizeof(*s));

	s->fd = -1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->changed, NULL);
	if (!listen_on(d, addr, port, s) ||
	    (s->error = template(d, "serve-error.mustache")) == NULL ||
	    (s->reload = template(d, "serve-reload.mustache")) == NULL) {
		http_free(s);
		return NULL;
	}
	return s;
}

const char *
http_url(const struct http *s)
{
	return s->url;
}

int
http_start(struct diag *d, struct http *s)
{
	if (!mhd_open(d))
		return 0;
	s->mhd = mhd.start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL, handler, s,
	    MHD_OPTION_LISTEN_SOCKET, s->fd,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, MAX_CONNS,
	    MHD_OPTION_CONNECTION_TIMEOUT, IDLE_SECS,
	    MHD_OPTION_END);
	if (s->mhd == NULL)
		return diag_error(d, NULL, "cannot start the web server on %s",
		    s->url);
	s->fd = -1;		/* libmicrohttpd closes it */
	return 1;
}

/* Count a build (s->lock held) and wake every event stream. */
static void
announce(struct http *s)
{
	s->gen++;
	pthread_cond_broadcast(&s->changed);
}

void
http_built(struct http *s, const char *root)
{
	pthread_mutex_lock(&s->lock);
	free(s->root);
	s->root = xstrdup(root);
	s->failed = 0;
	s->nerrors = 0;
	free(s->errors);
	s->errors = NULL;
	announce(s);
	pthread_mutex_unlock(&s->lock);
}

void
http_failed(struct http *s, const char *text, size_t nerrors)
{
	pthread_mutex_lock(&s->lock);
	s->failed = 1;
	s->nerrors = nerrors;
	free(s->errors);
	s->errors = xstrdup(text);
	announce(s);
	pthread_mutex_unlock(&s->lock);
}

void
http_changed(struct http *s)
{
	pthread_mutex_lock(&s->lock);
	announce(s);
	pthread_mutex_unlock(&s->lock);
}

void
http_free(struct http *s)
{
	if (s == NULL)
		return;
	if (s->mhd != NULL) {	/* wake every stream, so that it can stop */
		pthread_mutex_lock(&s->lock);
		s->stopping = 1;
		pthread_cond_broadcast(&s->changed);
		pthread_mutex_unlock(&s->lock);
		mhd.stop_daemon(s->mhd);
	}
	if (s->fd != -1)
		close(s->fd);
	pthread_cond_destroy(&s->changed);
	pthread_mutex_destroy(&s->lock);
	mustache_free(s->error);
	mustache_free(s->reload);
	free(s->errors);
	free(s->root);
	free(s->url);
	free(s);
}
