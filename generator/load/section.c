/*
 * The content tree, from the load stage to the link stage.  Loading walks
 * content/ in sorted order and turns each folder into a section; linking
 * orders everything, computes URLs from slugs and permalink patterns, and
 * links each page to its neighbours.  Nothing here renders.
 */
#include "section.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsin.h"
#include "intl.h"
#include "meta.h"
#include "page.h"
#include "pool.h"
#include "stash.h"
#include "strset.h"
#include "text.h"
#include "xalloc.h"

static int
endswith(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A section page for a folder without _index.md, titled by its name. */
static struct page *
made_index(const char *display, const char *dir, const char *name)
{
	struct page	*p = xcalloc(1, sizeof(*p));

	p->file = xasprintf("%s/%s", display, dir);
	p->rel = *dir ? xasprintf("%s/_index.md", dir) : xstrdup("_index.md");
	p->name = xstrdup("_index");
	p->is_index = 1;
	p->text = xstrdup(name);
	p->title = p->text;
	p->summary = p->date = p->code = "";
	p->body = "";
	p->bodyline = 1;
	return p;
}

static void
addpage(struct section *s, struct page *p)
{
	s->pages = xreallocarray(s->pages, s->npages + 1, sizeof(*s->pages));
	s->pages[s->npages++] = p;
	p->section = s;
}

static void
addsub(struct section *s, struct section *sub)
{
	s->subs = xreallocarray(s->subs, s->nsubs + 1, sizeof(*s->subs));
	s->subs[s->nsubs++] = sub;
	sub->parent = s;
}

/*
 * Loading runs in three steps: a walk of the folders makes the sections
 * and lists the page files in order (the folders of content/ on threads,
 * each into a list of its own, joined in the order of the listing);
 * threads load the files, which are independent of each other; then each
 * page goes to its section in the order of the walk, and sections
 * without _index.md get a made page.
 * Diagnostics are sorted by file and position, so they do not depend on
 * which thread loaded which file.
 */
struct job {
	struct section	*s;
	char		*rel;		/* below content/ */
	struct page	*p;		/* NULL when the file failed */
	const char	*lang;		/* a translation's language, or NULL */
};

struct walk {
	struct diag	*d;
	int		 jobs;		/* threads at most, 0: one per core */
	const char	*root, *display;
	const char *const *langs;	/* translations' languages, or NULL */
	struct page_keep keep;		/* the bodies kept in memory */
	struct job	*v;
	size_t		 n, cap;
};

#define LOAD_THREADS	8	/* at most */
#define LOAD_PER_THREAD	32	/* files, at least */

static struct section *
walkdir(struct walk *w, const char *dir);

/*
 * Threads for "work" independent items: "jobs" (0: one per core), no
 * more than the items and LOAD_THREADS, at least one.
 */
static size_t
threads_for(int jobs, size_t work)
{
	long	 cpus = jobs > 0 ? jobs : sysconf(_SC_NPROCESSORS_ONLN);
	size_t	 n = cpus < 1 ? 1 : (size_t)cpus;

	if (n > work)
		n = work ? work : 1;
	return n > LOAD_THREADS ? LOAD_THREADS : n;
}

/* The language of a file NAME.LANG.md, LANG one of "langs", or NULL. */
static const char *
lang_of(const char *const *langs, const char *file)
{
	size_t	 n = strlen(file), m;

	for (; langs && *langs; langs++) {
		m = strlen(*langs);
		if (n > m + 4 && file[n - m - 4] == '.' &&
		    strncmp(file + n - m - 3, *langs, m) == 0 &&
		    strcmp(file + n - 3, ".md") == 0)
			return *langs;
	}
	return NULL;
}

static void
entry(struct section *s, struct walk *w, const struct fsin_entry *e)
{
	char		*rel;
	struct section	*sub;

	rel = *s->dir ? xasprintf("%s/%s", s->dir, e->name) :
	    xstrdup(e->name);
	if (e->isdir) {
		if ((sub = walkdir(w, rel)) != NULL)
			addsub(s, sub);
		free(rel);
		return;
	}
	if (!endswith(e->name, ".md")) {
		free(rel);
		return;
	}
	w->v = xgrow(w->v, w->n, &w->cap, 256, sizeof(*w->v));
	w->v[w->n].s = s;
	w->v[w->n].rel = rel;
	w->v[w->n].lang = lang_of(w->langs, e->name);
	w->v[w->n++].p = NULL;
}

static struct section *
walkdir(struct walk *w, const char *dir)
{
	struct section		*s = xcalloc(1, sizeof(*s));
	struct fsin_entry	*v;
	const char		*name = strrchr(dir, '/');
	char			*full;
	size_t			 i, n;

	s->dir = xstrdup(dir);
	name = name ? name + 1 : dir;
	full = *dir ? xasprintf("%s/%s", w->root, dir) : xstrdup(w->root);
	n = fsin_list(w->d, full, &v);
	for (i = 0; i < n; i++)
		entry(s, w, &v[i]);
	fsin_list_free(v, n);
	free(full);
	s->slug = text_slugify(name);
	return s;
}

/* A folder of content/, walked on its own into "w". */
struct part {
	struct walk	 w;		/* its own jobs */
	const char	*dir;
	struct section	*s;
};

static void
walkpart(void *arg, void *state, size_t i)
{
	struct part	*v = arg;

	(void)state;
	v[i].s = walkdir(&v[i].w, v[i].dir);
}

/*
 * The walk of content/: its folders on threads (most of a site's pages
 * are in them), then their jobs joined with the root's own in the order
 * of the listing, so the walk is the same as one made in one go.
 */
static struct section *
walkroot(struct walk *w)
{
	struct section		*s = xcalloc(1, sizeof(*s));
	struct fsin_entry	*v;
	struct part		*parts;
	size_t			 i, k, n, np = 0;

	s->dir = xstrdup("");
	n = fsin_list(w->d, w->root, &v);
	parts = xcalloc(n ? n : 1, sizeof(*parts));
	for (i = 0; i < n; i++)
		if (v[i].isdir) {	/* what walkdir() reads of a walk */
			parts[np].w.d = w->d;
			parts[np].w.root = w->root;
			parts[np].w.langs = w->langs;
			parts[np++].dir = v[i].name;
		}
	if (np > 0)
		pool_each(threads_for(w->jobs, np), &(struct pool_job){ np,
		    NULL, walkpart, NULL, parts });
	for (i = k = 0; i < n; i++) {
		if (!v[i].isdir) {
			entry(s, w, &v[i]);
			continue;
		}
		while (w->cap < w->n + parts[k].w.n)
			w->v = xgrow(w->v, w->cap, &w->cap, 256,
			    sizeof(*w->v));
		if (parts[k].w.n > 0)
			memcpy(w->v + w->n, parts[k].w.v, parts[k].w.n *
			    sizeof(*w->v));
		w->n += parts[k].w.n;
		free(parts[k].w.v);
		addsub(s, parts[k++].s);
	}
	free(parts);
	fsin_list_free(v, n);
	s->slug = text_slugify("");
	return s;
}

static void
loadfile(struct walk *w, struct job *j, struct page_batch *b)
{
	char	*path = xasprintf("%s/%s", w->root, j->rel);
	char	*shown = xasprintf("%s/%s", w->display, j->rel);

	j->p = page_load(w->d, path, shown, j->rel, b);
	free(shown);
	free(path);
}

/* Each loading thread sends the bodies past the budget in batches. */
static void *
load_begin(void *arg)
{
	struct walk		*w = arg;
	struct page_batch	*b = xmalloc(sizeof(*b));

	page_batch_init(b, &w->keep);
	return b;
}

static void
loader(void *arg, void *state, size_t i)
{
	struct walk	*w = arg;

	loadfile(w, &w->v[i], state);
}

static void
load_end(void *arg, void *state)
{
	(void)arg;
	page_batch_flush(state);
	free(state);
}

/* Load every file of the walk, on as many threads as it is worth. */
static void
loadall(struct walk *w)
{
	pool_each(threads_for(w->jobs, w->n / LOAD_PER_THREAD),
	    &(struct pool_job){ w->n, load_begin, loader, load_end, w });
}

/* Give each loaded page to its section, in the order of the walk. */
static void
place(struct walk *w, int drafts)
{
	struct job	*j;
	size_t		 i;

	for (i = 0; i < w->n; i++) {
		j = &w->v[i];
		if (j->p != NULL && j->lang != NULL) {
			/* NAME.LANG.md: its name is NAME */
			j->p->name[strlen(j->p->name) - strlen(j->lang) - 1] =
			    '\0';
			j->p->is_index = strcmp(j->p->name, "_index") == 0;
			j->p->lang = j->lang;
			j->p->translated = 1;
			j->s->trans = xreallocarray(j->s->trans,
			    j->s->ntrans + 1, sizeof(*j->s->trans));
			j->s->trans[j->s->ntrans++] = j->p;
		} else if (j->p != NULL && j->p->draft && !drafts) {
			j->p->section = j->s;	/* for the path it would have */
			j->s->drafts = xreallocarray(j->s->drafts,
			    j->s->ndrafts + 1, sizeof(*j->s->drafts));
			j->s->drafts[j->s->ndrafts++] = j->p;
		}
		else if (j->p != NULL && j->p->is_index) {
			j->p->section = j->s;
			j->s->index = j->p;
		} else if (j->p != NULL)
			addpage(j->s, j->p);
		else {
			const char *base = strrchr(j->rel, '/');

			j->s->lost = xreallocarray(j->s->lost, j->s->nlost + 1,
			    sizeof(*j->s->lost));
			j->s->lost[j->s->nlost++] = xstrdup(base ? base + 1 :
			    j->rel);
		}
		free(j->rel);
	}
}

/* A made page for every section without a loaded _index.md. */
static void
made_indexes(struct section *s, const char *display)
{
	const char	*name = strrchr(s->dir, '/');
	size_t		 i;

	for (i = 0; i < s->nsubs; i++)
		made_indexes(s->subs[i], display);
	if (s->index != NULL)
		return;
	s->index = made_index(display, s->dir, name ? name + 1 : s->dir);
	s->index->section = s;
}

struct section *
section_load(struct diag *d, const char *contentdir, const char *display,
    int drafts, int jobs, const char *const *langs)
{
	struct loc	 l = { display, 0, 0 };
	struct walk	 w;
	struct section	*root;

	if (!fsin_isdir(contentdir)) {
		diag_error(d, &l, "no content folder");
		return NULL;
	}
	memset(&w, 0, sizeof(w));
	w.d = d;
	w.root = contentdir;
	w.display = display;
	w.jobs = jobs;
	w.langs = langs;
	atomic_init(&w.keep.used, 0);
	w.keep.max = PAGE_KEEP_MAX;
	w.keep.stash = stash_new();
	root = walkroot(&w);
	root->stash = w.keep.stash;
	loadall(&w);
	place(&w, drafts);
	made_indexes(root, display);
	free(w.v);
	return root;
}

void
section_free(struct section *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->npages; i++)
		page_free(s->pages[i]);
	for (i = 0; i < s->ndrafts; i++)
		page_free(s->drafts[i]);
	free(s->drafts);
	for (i = 0; i < s->nlost; i++)
		free(s->lost[i]);
	free(s->lost);
	for (i = 0; i < s->ntrans; i++)
		page_free(s->trans[i]);
	free(s->trans);
	stash_free(s->stash);
	for (i = 0; i < s->nsubs; i++)
		section_free(s->subs[i]);
	page_free(s->index);
	free(s->pages);
	free(s->subs);
	free(s->slug);
	free(s->dir);
	free(s);
}

/* Weight first (pages without one last), then newest date, then title. */
static int
order(const struct page *a, const struct page *b)
{
	int	 c;

	if (a->has_weight != b->has_weight)
		return a->has_weight ? -1 : 1;
	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	if ((c = strcmp(b->date, a->date)) != 0)
		return c;
	if ((c = strcmp(a->title, b->title)) != 0)
		return c;
	return strcmp(a->rel, b->rel);
}

static int
pagecmp(const void *a, const void *b)
{
	return order(*(struct page *const *)a, *(struct page *const *)b);
}

static int
subcmp(const void *a, const void *b)
{
	return order((*(struct section *const *)a)->index,
	    (*(struct section *const *)b)->index);
}

struct section *
section_top(struct section *s)
{
	if (s->parent == NULL)
		return NULL;
	while (s->parent->parent != NULL)
		s = s->parent;
	return s;
}

static const struct loc *
urlloc(const struct page *p, struct loc *fallback)
{
	const struct loc	*l = NULL;

	if (p->fm != NULL)
		l = meta_loc(p->fm, p->front, p->slug ? "slug" : "title");
	if (l != NULL)
		return l;
	fallback->file = p->file;
	fallback->line = fallback->col = 0;
	return fallback;
}

/* Expand one ":token" of a permalink; returns the bytes it used. */
static size_t
token(struct buf *b, const char *t, const struct page *p, const char *slug)
{
	struct section	*top = section_top(p->section);
	char		*s;

	if (strncmp(t, ":section", 8) == 0) {
		buf_puts(b, top ? top->slug : "");
		return 8;
	}
	if (strncmp(t, ":slug", 5) == 0) {
		buf_puts(b, slug);
		return 5;
	}
	if (strncmp(t, ":filename", 9) == 0) {
		s = text_slugify(p->name);
		buf_puts(b, s);
		free(s);
		return 9;
	}
	if (strncmp(t, ":year", 5) == 0 && strlen(p->date) >= 4)
		buf_put(b, p->date, 4);
	else if (strncmp(t, ":month", 6) == 0 && strlen(p->date) >= 7)
		buf_put(b, p->date + 5, 2);
	else if (strncmp(t, ":day", 4) == 0 && strlen(p->date) >= 10)
		buf_put(b, p->date + 8, 2);
	return t[1] == 'y' ? 5 : t[1] == 'm' ? 6 : t[1] == 'd' ? 4 : 1;
}

static void
expand(struct buf *b, const char *pat, const struct page *p,
    const char *slug)
{
	while (*pat) {
		if (*pat == ':')
			pat += token(b, pat, p, slug);
		else
			buf_putc(b, *pat++);
	}
	if (b->len == 0 || b->data[b->len - 1] != '/')
		buf_putc(b, '/');
}

/*
 * A page without a date in a section whose permalink "pat" (site.yaml's
 * permalinks."dir") has a date in it.  Returns 0 after reporting at the
 * page, naming the line of site.yaml.
 */
static int
undated(const struct page *p, struct diag *d, const struct config *c,
    const char *dir, const char *pat)
{
	const struct loc	*at = meta_loc(c->meta, c->permalinks, dir);
	struct loc		 fb;

	return diag_error(d, urlloc(p, &fb), "page has no 'date', which the "
	    "permalink '%s' of '%s' (%s:%u) needs", pat, dir,
	    at ? at->file : c->file, at ? at->line : 0);
}

/* The URL of a regular page: its section's path and its slug. */
static int
pageurl(struct page *p, struct diag *d, const struct config *c,
    const char *secpath)
{
	struct section	*top = section_top(p->section);
	json_t		*pat = NULL;
	char		*made = NULL;
	const char	*slug = p->slug;
	struct buf	 b = BUF_INIT;
	struct loc	 fb;
	size_t		 ns, nl;

	if (slug == NULL)
		slug = made = text_slugify(p->title);
	if (*slug == '\0') {
		free(made);
		slug = made = text_slugify(p->name);
	}
	if (*slug == '\0') {
		free(made);
		return diag_error(d, urlloc(p, &fb), "cannot make a URL "
		    "from this title; give the page a 'slug'");
	}
	if (top && c->permalinks)
		pat = json_object_get(c->permalinks, top->dir);
	if (pat && *p->date == '\0' && (strstr(json_string_value(pat),
	    ":year") || strstr(json_string_value(pat), ":month") ||
	    strstr(json_string_value(pat), ":day"))) {
		free(made);
		return undated(p, d, c, top->dir, json_string_value(pat));
	}
	if (pat) {
		expand(&b, json_string_value(pat), p, slug);
		p->path = xstrndup(b.data, b.len);	/* at its size */
		buf_release(&b);
	} else {		/* secpath, slug and '/' */
		ns = strlen(secpath);
		nl = strlen(slug);
		p->path = xmalloc(ns + nl + 2);
		memcpy(p->path, secpath, ns);
		memcpy(p->path + ns, slug, nl);
		memcpy(p->path + ns + nl, "/", 2);
	}
	free(made);
	return 1;
}

static int	linksubs(struct section *, struct diag *,
		    const struct config *, size_t);

/*
 * Link "s" and the tree below it; the subsections of "s" on up to
 * "threads" threads.
 */
static int
linktree(struct section *s, struct diag *d, const struct config *c,
    const char *parentpath, size_t threads)
{
	size_t	 i;
	int	 rc = 1;

	free(s->index->path);
	s->index->path = s->parent ? xasprintf("%s%s/", parentpath, s->slug) :
	    xstrdup("/");
	if (s->parent && *s->slug == '\0')
		rc = diag_error(d, NULL, "cannot make a URL from the folder "
		    "name '%s'", s->dir);
	if (s->npages)
		qsort(s->pages, s->npages, sizeof(*s->pages), pagecmp);
	if (s->nsubs)
		qsort(s->subs, s->nsubs, sizeof(*s->subs), subcmp);
	for (i = 0; i < s->npages; i++) {
		rc &= pageurl(s->pages[i], d, c, s->index->path);
		s->pages[i]->prev = i ? s->pages[i - 1] : NULL;
		s->pages[i]->next = i + 1 < s->npages ? s->pages[i + 1] : NULL;
	}
	/* The path a draft would have; its problems wait until it is
	 * published (--drafts). */
	for (i = 0; i < s->ndrafts; i++) {
		struct diag	*quiet = diag_new();

		if (!s->drafts[i]->is_index)
			pageurl(s->drafts[i], quiet, c, s->index->path);
		diag_free(quiet);
	}
	if (threads > 1 && s->nsubs > 1)
		return rc & linksubs(s, d, c, threads);
	for (i = 0; i < s->nsubs; i++)
		rc &= linktree(s->subs[i], d, c, s->index->path, 1);
	return rc;
}

/* A subsection linked on its own thread. */
struct linkpart {
	struct section		*s;
	struct diag		*d;
	const struct config	*c;
	int			 rc;
};

static void
linkeach(void *arg, void *state, size_t i)
{
	struct linkpart	*v = arg;

	(void)state;
	v[i].rc = linktree(v[i].s, v[i].d, v[i].c, v[i].s->parent->index->path,
	    1);
}

/* The subsections of "s" on up to "threads" threads: they share nothing. */
static int
linksubs(struct section *s, struct diag *d, const struct config *c,
    size_t threads)
{
	struct linkpart	*v = xcalloc(s->nsubs, sizeof(*v));
	size_t		 i;
	int		 rc = 1;

	for (i = 0; i < s->nsubs; i++) {
		v[i].s = s->subs[i];
		v[i].d = d;
		v[i].c = c;
	}
	pool_each(threads, &(struct pool_job){ s->nsubs, NULL, linkeach, NULL,
	    v });
	for (i = 0; i < s->nsubs; i++)
		rc &= v[i].rc;
	free(v);
	return rc;
}

static void
collect(struct section *s, struct page ***v, size_t *n)
{
	size_t	 i;

	*v = xreallocarray(*v, *n + 1 + s->npages, sizeof(**v));
	(*v)[(*n)++] = s->index;
	for (i = 0; i < s->npages; i++)
		(*v)[(*n)++] = s->pages[i];
	for (i = 0; i < s->nsubs; i++)
		collect(s->subs[i], v, n);
}

size_t
section_flatten(struct section *root, struct page ***out)
{
	size_t	 n = 0;

	*out = NULL;
	collect(root, out, &n);
	return n;
}

static int
bypath(const void *a, const void *b)
{
	const struct page	*x = *(struct page *const *)a;
	const struct page	*y = *(struct page *const *)b;
	int			 c = strcmp(x->path, y->path);

	return c ? c : strcmp(x->rel, y->rel);
}

/*
 * Where the permalink that made the URL of "p" is written in site.yaml,
 * or NULL when its URL comes from its folder.
 */
static const struct loc *
permaloc(const struct page *p, const struct config *c)
{
	const struct section	*top = section_top(p->section);

	if (p->is_index || top == NULL || c->permalinks == NULL ||
	    json_object_get(c->permalinks, top->dir) == NULL)
		return NULL;
	return meta_loc(c->meta, c->permalinks, top->dir);
}

/* Whether two of the "n" pages "v" have one URL. */
static int
shared(struct page *const *v, size_t n)
{
	struct strset	 urls;
	size_t		 i;
	int		 found = 0;

	strset_init(&urls, n);
	for (i = 0; i < n && !found; i++)
		found = !strset_add(&urls, v[i]->path);
	strset_free(&urls);
	return found;
}

/*
 * Two pages with one URL: report the second, naming the first, and the
 * line of site.yaml of a permalink that made either URL.  A table finds
 * whether there are any; only then are the pages sorted to say which.
 */
static int
unique(struct section *root, struct diag *d, const struct config *c)
{
	struct page		**v;
	size_t			  i, n = section_flatten(root, &v);
	const struct loc	 *pl;
	struct loc		  fb;
	struct buf		  why = BUF_INIT;
	int			  rc = 1;

	if (!shared(v, n)) {
		free(v);
		return 1;
	}
	qsort(v, n, sizeof(*v), bypath);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i]->path, v[i - 1]->path) != 0)
			continue;
		buf_reset(&why);
		if ((pl = permaloc(v[i], c)) != NULL ||
		    (pl = permaloc(v[i - 1], c)) != NULL)
			buf_printf(&why, _(" (permalink at %s:%u)"), pl->file,
			    pl->line);
		rc = diag_error(d, urlloc(v[i], &fb), "URL '%s' is already "
		    "taken by '%s'%s", v[i]->path, v[i - 1]->file, why.data);
	}
	buf_release(&why);
	free(v);
	return rc;
}

int
section_link(struct section *root, struct diag *d, const struct config *c,
    int jobs)
{
	if (!linktree(root, d, c, "", threads_for(jobs, root->nsubs)))
		return 0;
	return unique(root, d, c);
}

/* Take the translation of "name" into "lang" from "s", or NULL. */
static struct page *
take(struct section *s, const char *lang, const char *name)
{
	struct page	*p;
	size_t		 i;

	for (i = 0; i < s->ntrans; i++) {
		p = s->trans[i];
		if (p != NULL && strcmp(p->lang, lang) == 0 &&
		    strcmp(p->name, name) == 0) {
			s->trans[i] = NULL;
			return p;
		}
	}
	return NULL;
}

/*
 * The page of the edition for the site's page "o": its translation, or
 * "o" read again, marked untranslated, or NULL to leave out.
 */
static struct page *
twin(struct diag *d, struct section *s, struct page *o, const char *lang,
    int omit)
{
	struct page	*p = take(s, lang, o->name);

	if (p != NULL && p->draft) {	/* not published yet */
		page_free(p);
		p = NULL;
	}
	if (p == NULL && omit && !o->is_index)
		return NULL;
	if (p == NULL && o->src != NULL)
		p = page_load(d, o->src, o->file, o->rel, NULL);
	if (p == NULL && o->is_index) {
		p = made_index(o->file, "", o->title);
		free(p->file);
		free(p->rel);
		p->file = xstrdup(o->file);
		p->rel = xstrdup(o->rel);
	}
	if (p == NULL)
		return NULL;
	p->lang = lang;
	p->orig = o;
	p->path = xasprintf("/%s%s", lang, o->path);
	return p;
}

/* 1 if the page NAME.md of "s" failed to load (and was reported). */
static int
failed(const struct section *s, const char *name)
{
	size_t	 i, n = strlen(name);

	for (i = 0; i < s->nlost; i++)
		if (strncmp(s->lost[i], name, n) == 0 &&
		    strcmp(s->lost[i] + n, ".md") == 0)
			return 1;
	return 0;
}

/*
 * What is left of the translations of "s" in "lang" has no page; those
 * of a page that failed to load are not reported again.
 */
static int
orphans(struct diag *d, struct section *s, const char *lang)
{
	struct loc	 at;
	size_t		 i;
	int		 rc = 1;

	for (i = 0; i < s->ntrans; i++) {
		if (s->trans[i] == NULL || strcmp(s->trans[i]->lang, lang) ||
		    failed(s, s->trans[i]->name))
			continue;
		at.file = s->trans[i]->file;
		at.line = 1;
		at.col = 1;
		rc = diag_error(d, &at, "this translation has no page to "
		    "translate: there is no published '%s.md' beside it",
		    s->trans[i]->name);
	}
	return rc;
}

static void
settwin(struct page *o, struct page *p, size_t li, size_t nlangs)
{
	if (o->twins == NULL)
		o->twins = xcalloc(nlangs, sizeof(*o->twins));
	o->twins[li] = p;
}

struct section *
section_edition(struct diag *d, struct section *root, const char *lang,
    size_t li, size_t nlangs, int omit)
{
	struct section	*e = xcalloc(1, sizeof(*e));
	struct page	*p, *last = NULL;
	size_t		 i;

	e->dir = xstrdup(root->dir);
	e->slug = xstrdup(root->slug);
	e->index = twin(d, root, root->index, lang, 0);	/* never NULL */
	e->index->section = e;
	settwin(root->index, e->index, li, nlangs);
	for (i = 0; i < root->npages; i++) {
		if ((p = twin(d, root, root->pages[i], lang, omit)) == NULL)
			continue;
		settwin(root->pages[i], p, li, nlangs);
		addpage(e, p);
		p->prev = last;
		if (last)
			last->next = p;
		last = p;
	}
	for (i = 0; i < root->nsubs; i++)
		addsub(e, section_edition(d, root->subs[i], lang, li, nlangs,
		    omit));
	orphans(d, root, lang);
	return e;
}
