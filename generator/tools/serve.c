/*
 * The preview server, beside the build pipeline rather than in it: it
 * runs a site session (site.c) again and again, and http.c serves what
 * the last good build wrote.  This file is the command's driver, the
 * watching and the rebuilding:
 *
 *	listen	 http_new() binds the address first, so a busy port fails
 *		 at once
 *	build	 a site session into TMP/site-N, a new folder for every
 *		 build, in a private temporary folder ($TMPDIR, /dev/shm or
 *		 /tmp); the user's output/ is never touched
 *	serve	 http_start(): files from the last good TMP/site-N only
 *	watch	 inotify on site.yaml and the source folders; after 100 ms
 *		 of quiet, build again (or, when one page's body alone
 *		 changed, render that page again into the served folder),
 *		 tell http.c the outcome, which reloads every open page, and
 *		 remove the previous folder
 *
 * A new folder per build, rather than fsout.c's swap into one output
 * folder, spares each rebuild comparing every file with the previous
 * build to keep unchanged files' inodes, which only deployments need.
 *
 * Messages, on the terminal and on the page shown while a build fails,
 * are in the language of the site (site.yaml's "language"), unless the
 * user chose one with LANGUAGE; it is chosen once, before any thread
 * starts.
 */
#include "serve.h"

#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "diag.h"
#include "fsin.h"
#include "fsout.h"
#include "http.h"
#include "intl.h"
#include "site.h"
#include "xalloc.h"

#define DEBOUNCE_MS	100	/* quiet time before a rebuild */
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

struct server {
	const struct serve_opts	*o;
	struct http		*http;
	char			*tmp;	/* private folder, removed at exit */
	char			*root;	/* the served folder, tmp/site-N;
					   NULL before a build succeeded */
	unsigned long		 gen;	/* builds so far */
	int			 failed; /* the last build failed */
	struct site_session	*session; /* the last good build, kept */
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
		s->gen++;
		http_changed(s->http);
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

/*
 * Build the site into a new folder; serve it if the build succeeded,
 * tell the HTTP side the outcome, print the diagnostics and one status
 * line, and remove the folder no longer served.
 */
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
	if (ok)
		http_built(s->http, out);
	else
		http_failed(s->http, text ? text : "", errors);
	old = ok ? s->root : out;
	if (ok)
		s->root = out;
	s->gen++;
	s->failed = !ok;
	free(text);
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
	sigset_t		 old;
	int			 sigfd, rc = 0;

	site_language(so.source);
	memset(&s, 0, sizeof(s));
	s.o = o;
	if ((sigfd = catch_signals(d, &old)) == -1)
		goto out;
	if (!fsin_isdir(so.source)) {
		diag_error(d, NULL, "cannot serve '%s': not a folder", so.source);
		goto out;
	}
	if ((s.http = http_new(d, o->bind, o->port)) == NULL ||
	    !tempdir(d, &s) || !watch_open(d, so.source, &w))
		goto out;
	so.check = 0;
	if (so.base_url == NULL)
		so.base_url = http_url(s.http);
	rebuild(&s, &so, &w, 1);
	if (!http_start(d, s.http))
		goto out;
	printf(_("Serving %s (Ctrl-C stops)\n"), http_url(s.http));
	fflush(stdout);
	while (wait_change(d, so.source, &w, sigfd))
		rebuild(&s, &so, &w, 0);
	rc = 1;
out:
	http_free(s.http);
	watch_close(&w);
	release_signals(sigfd, &old);
	if (s.tmp != NULL && !fsout_remove_tree(s.tmp))
		rc = diag_syserr(d, s.tmp, "cannot remove");
	site_session_free(s.session);
	free(s.root);
	free(s.tmp);
	return rc;
}
