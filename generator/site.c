/*
 * The build pipeline, in the order it runs (docs/architecture.md maps
 * every source file to its stage and folder):
 *
 *	load	site.yaml (config.c), the theme (theme.c), every content
 *		page and translation (section.c, page.c, on threads) and the
 *		metadata of every dataset (dataset.c, schema.c)
 *	link	URLs, order and neighbours of the pages (section.c); the
 *		editions in other languages (section_edition(), edition.c);
 *		the datasets that are content sections (tabulate.c)
 *	scan	one streaming pass over every dataset's rows (scan.c, cell.c):
 *		checked, written into the packages (publish.c) and collected
 *		by the indicator model (indicator.c) and the views (view.c);
 *		then every status (status.c) and the catalogs, dataset pages
 *		and progress pages (catalog.c, dsview.c, indview.c, indapi.c)
 *	render	the feed, then every content page through its layout
 *		(render.c, markdown.c, mustache.c) on threads, whose words
 *		go into the search index (searchdocs.c, search.c); then each
 *		edition's progress pages, content pages and search index in
 *		its language; then the sitemap of them all
 *	finish	redirect pages, static files, the link check (linkcheck.c),
 *		and the commit: the staging tree replaces the output folder
 *		in one step (fsout.c)
 *
 * Every stage runs even when an earlier one reported problems, as far as
 * it can, so one run reports them all; only a clean run commits.
 */
#include "site.h"

#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "archive.h"
#include "buf.h"
#include "config.h"
#include "datadir.h"
#include "dataset.h"
#include "dsview.h"
#include "diag.h"
#include "edition.h"
#include "excerpt.h"
#include "feed.h"
#include "fsin.h"
#include "fsout.h"
#include "i18n.h"
#include "indapi.h"
#include "indicator.h"
#include "indview.h"
#include "intl.h"
#include "view.h"
#include "linkcheck.h"
#include "markdown.h"
#include "meta.h"
#include "page.h"
#include "pool.h"
#include "publish.h"
#include "render.h"
#include "scan.h"
#include "search.h"
#include "searchdocs.h"
#include "section.h"
#include "sitemap.h"
#include "tabulate.h"
#include "stats.h"
#include "text.h"
#include "theme.h"
#include "xalloc.h"

struct build {
	struct diag		*d;
	const struct site_opts	*o;
	struct config		 c;
	struct theme		*th;
	struct section		*root;
	struct dataset		**data;
	size_t			 ndata;
	struct publish		*pub;
	struct indicators	*ind;	/* NULL without progress: */
	int			 ind_ok;	/* linked: views may use it */
	struct views		*views;	/* NULL when no dataset has views */
	char			*licdirs[3];	/* the site's, the theme's */
	struct fsout		*fs;	/* NULL when checking */
	char			*out;	/* the output folder; NULL when
					   checking */
	struct linkcheck	*links;	/* what is published, links to it */
	struct site_stats	*st;
	struct sitemap		*sm;	/* every HTML page written */
	struct search		*search;	/* NULL without a search page */
	const char		*search_path;	/* that page's site path */
	struct searchdocs	 sdin;		/* what "search" is made of */
	size_t			*sdocs;		/* while the content pages of
						   "search" are to render: the
						   document of each (page i of
						   section_flatten()), else
						   NULL */
	char			 day[11];	/* the build's day, YYYY-MM-DD */
	struct edition		*eds;		/* one per c.langs */
	json_t			*langs;		/* [{code, name, prefix}] of
						   the site and its editions;
						   NULL with one language */
	size_t			 cur;		/* the edition being made
						   (eds[cur - 1]); 0: the
						   site's own pages */
	struct config		 own;		/* the site's, while an
						   edition's is in "c" */
	struct section		*own_root;
	struct search		*own_search;
	const char		*own_search_path;
	const char		**codes;	/* of c.langs, NULL-terminated */
};

/* The edition being made, or NULL for the site's own pages. */
static const struct edition *
edition(const struct build *b)
{
	return b->cur ? &b->eds[b->cur - 1] : NULL;
}

/* The theme's strings in the language of the pages being made. */
static const json_t *
words(const struct build *b)
{
	return b->cur ? b->eds[b->cur - 1].strings : theme_strings(b->th);
}

/* The folders of a site that the build reads. */
static const char *const source_dirs[] = {
	"content", "datasets", "static", "themes", "layouts", "partials",
	"i18n", "licenses", "archetypes", NULL
};

/* 1 if "out" lies in the folder "rel" of the site (a path or a list). */
static int
in_site_dir(struct build *b, const char *out, const char *rel)
{
	char	*p = fsin_join(b->o->source, rel);
	int	 rc = fsin_within(out, p);

	free(p);
	return rc;
}

/* 1 if "out" lies in a folder that site.yaml's 'exclude' lists. */
static int
excluded(struct build *b, const char *out)
{
	json_t	*it;
	size_t	 i;

	json_array_foreach(b->c.exclude, i, it)
		if (in_site_dir(b, out, json_string_value(it)))
			return 1;
	return 0;
}

/*
 * The output folder must neither hold the sources nor lie among them,
 * or the swap would eat them: inside the site, only output/ and the
 * folders listed in 'exclude' (that are not sources) may be written.
 */
static int
safe_output(struct build *b, const char *out)
{
	struct loc	 at = { out, 0, 0 };
	size_t		 i;

	if (fsin_within(b->o->source, out))
		return diag_error(b->d, NULL, "the output folder '%s' holds "
		    "the site's sources; choose another", out);
	if (!fsin_within(out, b->o->source))
		return 1;
	for (i = 0; source_dirs[i] != NULL; i++)
		if (in_site_dir(b, out, source_dirs[i]))
			break;
	if (source_dirs[i] == NULL && !in_site_dir(b, out, "site.yaml") &&
	    (in_site_dir(b, out, "output") || excluded(b, out)))
		return 1;
	return diag_error(b->d, &at, "the output folder is inside the "
	    "site's sources; choose a folder outside the site, its output/, "
	    "or one that site.yaml lists in 'exclude'");
}

/* 1 if the output folder is the site's own output/, however named. */
static int
own_output(struct build *b)
{
	char	*p = fsin_join(b->o->source, "output");
	int	 rc = fsin_within(b->out, p) && fsin_within(p, b->out);

	free(p);
	return rc;
}

/*
 * Confine reading to the site, the installed themes and the folders of
 * site.yaml's 'allow_outside'.
 */
static int
confine(struct build *b)
{
	struct diag	*quiet = diag_new();
	json_t		*it;
	size_t		 i;
	int		 rc = 1;
	char		*themes = xasprintf("%s/themes", datadir_path());

	fsin_allow(quiet, NULL, themes);
	if (strcmp(datadir_path(), PLANPRESS_DATADIR) != 0)
		fsin_allow(quiet, NULL, PLANPRESS_DATADIR "/themes");
	free(themes);
	diag_free(quiet);
	json_array_foreach(b->c.allow_outside, i, it)
		rc &= fsin_allow(b->d, meta_index_loc(b->c.meta,
		    b->c.allow_outside, i), json_string_value(it));
	return rc;
}

/* site.yaml's logo names a file of static/ or of the theme. */
static void
logo(struct build *b)
{
	char	*st = fsin_join(b->o->source, "static");
	char	*p = fsin_join(st, b->c.logo), *q = NULL;

	if (!fsin_isfile(p) && !fsin_isfile(q = fsin_join(theme_dir(b->th),
	    b->c.logo)))
		diag_warning(b->d, meta_loc(b->c.meta, meta_root(b->c.meta),
		    "logo"), "logo '%s' is neither in static/ nor in the "
		    "theme", b->c.logo);
	free(q);
	free(p);
	free(st);
}

/* The codes of the editions' languages, NULL-terminated, or NULL. */
static const char *const *
langcodes(struct build *b)
{
	size_t	 i;

	if (b->c.nlangs == 0)
		return NULL;
	b->codes = xcalloc(b->c.nlangs + 1, sizeof(*b->codes));
	for (i = 0; i < b->c.nlangs; i++)
		b->codes[i] = b->c.langs[i].code;
	return b->codes;
}

static int
load(struct build *b)
{
	const struct loc	*where;
	struct loc		 fileloc = { NULL, 0, 0 };
	char			*p;
	int			 rc;

	if (!fsin_confine(b->d, b->o->source))
		return 0;
	p = fsin_join(b->o->source, "site.yaml");
	rc = config_load(&b->c, b->d, p, p);
	free(p);
	if (b->o->base_url)
		rc &= config_set_base_url(&b->c, b->d, b->o->base_url);
	if (b->o->file_urls)
		b->c.file_urls = 1;
	if (!rc && b->c.meta == NULL)
		return 0;
	rc &= confine(b);
	if (!b->o->check) {
		b->out = b->o->output ? xstrdup(b->o->output) :
		    fsin_join(b->o->source, "output");
		if (!safe_output(b, b->out))
			return 0;	/* before anything is read or written */
	}
	fileloc.file = b->c.file;
	where = meta_loc(b->c.meta, meta_root(b->c.meta), "theme");
	if (where == NULL)
		where = &fileloc;
	b->th = theme_load(b->d, b->o->source, b->c.theme, b->c.language,
	    where);
	if (b->th && *b->c.logo)
		logo(b);
	p = fsin_join(b->o->source, "content");
	b->root = section_load(b->d, p, p, b->o->drafts, b->o->jobs,
	    langcodes(b));
	free(p);
	p = fsin_join(b->o->source, "datasets");
	if (fsin_isdir(p))
		/* A dataset with errors is skipped later: the rest is
		 * still checked in the same run. */
		dataset_load_all(b->d, p, &b->data, &b->ndata);
	free(p);
	return rc && b->th != NULL && b->root != NULL;
}

/*
 * Write "path" of the output, made from "source" (a file of the site;
 * NULL: a page or file planpress makes).  Two outputs for one file are
 * an error naming both, in check and build alike.
 */
static int
emit_from(struct build *b, const char *path, const struct buf *data,
    const char *source)
{
	char	*prev;

	if (b->links != NULL && (prev = linkcheck_claim(b->links, path,
	    source ? source : "")) != NULL) {
		struct loc	 at = { source ? source : prev, 0, 0 };

		diag_error(b->d, *at.file ? &at : NULL, "two outputs claim the "
		    "same file '%s': %s and %s", path, *prev ? prev :
		    _("a page planpress makes"), source ? source :
		    _("a page planpress makes"));
		free(prev);
		return 0;
	}
	if (b->fs == NULL)
		return 1;
	return fsout_write(b->fs, path, data->data, data->len);
}

static int
emit(struct build *b, const char *path, const struct buf *data)
{
	return emit_from(b, path, data, NULL);
}

static void
extend(json_t *a, json_t *more)
{
	json_array_extend(a, more);
	json_decref(more);
}

/*
 * What the search page at "from" shows: the lists of search_view() and
 * index_url, the folder of the index seen from it.
 */
static json_t *
search_page(struct build *b, const char *from)
{
	json_t		*o = search_view(b->search, from, b->c.file_urls);
	struct buf	 u = BUF_INIT;
	char		*dir = xasprintf("%sindex/", b->search_path);

	render_relurl(&u, from, dir, 0);	/* a folder the script reads */
	json_object_set_new(o, "index_url", json_stringn(u.data, u.len));
	buf_release(&u);
	free(dir);
	return o;
}

/*
 * What a content page shows of the data: "progress", "views", and
 * "views_sample" when a view shows sample data.
 */
static json_t *
data_view(void *arg, const struct page *p, const json_t *strings,
    const char *from, const char *abs, int full)
{
	struct build	*b = arg;
	json_t		*o = json_object(), *v, *refs, *e;
	size_t		 i;
	int		 sample = 0;

	if (b->ind_ok && (v = indview_page(b->ind, strings, edition(b), p,
	    from, abs, full)) != NULL)
		json_object_set_new(o, "progress", v);
	refs = json_object_get(p->front, "views");
	if (full && b->views && refs) {
		v = json_array();
		if (json_is_string(refs))
			extend(v, views_render(b->views, NULL,
			    json_string_value(refs), strings));
		json_array_foreach(refs, i, e)
			extend(v, views_render(b->views, NULL,
			    json_string_value(e), strings));
		json_array_foreach(v, i, e)
			sample |= json_is_true(json_object_get(e, "sample"));
		json_object_set_new(o, "views", v);
		json_object_set_new(o, "views_sample", json_boolean(sample));
	}
	if (full && b->search && p->path == b->search_path)
		json_object_set_new(o, "search", search_page(b, from));
	return o;
}

/* A renderer for this build: catalogs linked, progress views on. */
static struct render *
renderer(struct build *b)
{
	struct render	*r = render_new(b->d, &b->c, b->th, b->root);

	render_set_catalogs(r, publish_catalogs(b->pub));
	render_set_links(r, b->links);
	render_set_updated(r, b->day);
	render_set_search(r, b->search_path);
	if (b->langs != NULL)
		render_set_edition(r, b->langs, b->eds, b->cur, b->cur ?
		    words(b) : NULL);
	if (b->ind_ok || b->views)
		render_set_progress(r, data_view, b);
	return r;
}

static int	notfound(struct build *);

/* The work shared by the render threads. */
struct work {
	struct build	 *b;
	struct page	**v;
	size_t		  n;
	size_t		  done;		/* pages rendered */
	int		  rc;
	pthread_mutex_t	  lock;
};

/*
 * A render thread's own renderer and page buffers.  A rendered page is
 * held until the thread would otherwise wait: for the lock on inline
 * parsing (render_set_wait()), or to hold the next page.
 */
struct renderer_state {
	struct work	*w;
	struct render	*r;
	struct buf	 html;
	struct buf	 held;		/* a page rendered, not yet written */
	char		*held_path;	/* its output path; NULL: none held */
	const char	*held_file;	/* its source */
	size_t		 written;	/* pages written */
	int		 rc;		/* 0 once a write failed */
	struct search	*part;		/* the words of its pages for the
					   search index, or NULL */
	struct buf	 heads, text;	/* those of the page rendered */
};

/* Write the page "arg" (a struct renderer_state) holds, if any. */
static void
write_held(void *arg)
{
	struct renderer_state	*t = arg;
	int			 rc;

	if (t->held_path == NULL)
		return;
	rc = emit_from(t->w->b, t->held_path, &t->held, t->held_file);
	t->rc &= rc;
	t->written += rc;
	free(t->held_path);
	t->held_path = NULL;
}

/* Page "i", rendered by "t": its words go to the search index. */
static void
findwords(struct work *w, struct renderer_state *t, size_t i)
{
	struct build	*b = w->b;

	if (t->part != NULL && b->sdocs[i] != SEARCHDOCS_NONE)
		searchdocs_words(&b->sdin, b->search, t->part, b->sdocs[i],
		    w->v[i], t->heads.data, t->text.data);
}

static int
one(struct work *w, struct renderer_state *t, size_t i)
{
	struct render	*r = t->r;
	struct page	*p = w->v[i];
	struct buf	*html = &t->html, tmp;
	int		 rc;

	if (p->broken) {	/* its front matter was reported: no cascade */
		if (p->path != NULL)	/* links to it are not broken */
			linkcheck_file(w->b->links, p->path);
		page_drop_body(p);
		return 0;
	}
	buf_reset(html);
	rc = page_body(w->b->d, p) && render_page(r, p, html);
	page_drop_body(p);	/* rendered once: the Markdown is not needed */
	if (!rc)
		return 0;
	findwords(w, t, i);
	write_held(t);		/* if waiting did not */
	tmp = t->held;
	t->held = t->html;
	t->html = tmp;
	t->held_path = xasprintf("%sindex.html", p->path + 1);
	t->held_file = p->file;
	return 1;
}

static void *
render_begin(void *arg)
{
	struct work		*w = arg;
	struct renderer_state	*t = xcalloc(1, sizeof(*t));

	t->w = w;
	t->r = renderer(w->b);
	t->rc = 1;
	render_set_wait(t->r, write_held, t);
	buf_init(&t->html);
	buf_init(&t->held);
	buf_init(&t->heads);
	buf_init(&t->text);
	if (w->b->sdocs != NULL) {
		t->part = search_new();
		render_set_words(t->r, &t->heads, &t->text);
	}
	return t;
}

static void
render_each(void *arg, void *state, size_t i)
{
	struct work		*w = arg;
	struct renderer_state	*t = state;

	if (!one(w, t, i)) {
		pthread_mutex_lock(&w->lock);
		w->rc = 0;
		pthread_mutex_unlock(&w->lock);
	}
	diag_progress(w->b->d, N_("Rendering"), i + 1, w->n, N_("pages"));
}

static void
render_end(void *arg, void *state)
{
	struct work		*w = arg;
	struct renderer_state	*t = state;

	write_held(t);
	pthread_mutex_lock(&w->lock);
	w->rc &= t->rc;
	w->done += t->written;
	if (t->part != NULL)	/* the words of its pages */
		search_merge(w->b->search, t->part);
	pthread_mutex_unlock(&w->lock);
	search_free(t->part);
	buf_release(&t->html);
	buf_release(&t->held);
	buf_release(&t->heads);
	buf_release(&t->text);
	render_free(t->r);
	free(t);
}

/* The pages "v" that pages() writes, for links to them to be good at once. */
static void
expect(struct linkcheck *lc, struct page **v, size_t n)
{
	const char	**paths = xreallocarray(NULL, n ? n : 1, sizeof(*paths));
	size_t		  i;

	for (i = 0; i < n; i++)
		paths[i] = v[i]->path;
	linkcheck_pages(lc, paths, n);
	free(paths);
}

/*
 * Render every page on "jobs" threads.  Each page's bytes depend only on
 * the page, so the output is the same whatever the number of threads.
 */
static int
pages(struct build *b)
{
	struct work	 w;
	size_t		 jobs = b->o->jobs ? (size_t)b->o->jobs : 1;

	memset(&w, 0, sizeof(w));
	w.b = b;
	w.rc = 1;
	w.n = section_flatten(b->root, &w.v);
	if (b->links != NULL && b->cur == 0)
		expect(b->links, w.v, w.n);
	pthread_mutex_init(&w.lock, NULL);
	if (jobs > w.n)
		jobs = w.n ? w.n : 1;
	pool_each(jobs, &(struct pool_job){ w.n, render_begin, render_each,
	    render_end, &w });
	diag_progress_end(b->d);
	pthread_mutex_destroy(&w.lock);
	free(w.v);
	b->st->pages += w.done;
	return w.rc & (b->cur ? 1 : notfound(b));	/* one 404 page */
}

static int
notfound(struct build *b)
{
	struct render	*r = renderer(b);
	struct buf	 html = BUF_INIT;
	int		 rc = 1;

	switch (render_404(r, &html)) {
	case 0:
		rc = 0;
		break;
	case 1:
		rc = emit(b, "404.html", &html);
		break;
	}
	buf_release(&html);
	render_free(r);
	return rc;
}

/*
 * The translation group of the made page at "path" in the sitemap: its
 * path in the site's own language, when an edition has a copy of it.
 */
static const char *
made_key(struct build *b, const char *path)
{
	size_t	 i;

	if (b->cur > 0)
		return path + strlen(b->eds[b->cur - 1].prefix) - 1;
	for (i = 0; i < b->c.nlangs; i++)
		if (b->eds && edition_has(&b->eds[i], path))
			return path;
	return NULL;
}

/*
 * Write the HTML of the page at site path "path" ("/a/b/"), last changed
 * on "lastmod" (NULL: the build's day), and list it in the sitemap.
 */
static int
emitpage(struct build *b, const char *path, const struct buf *html,
    const char *lastmod)
{
	char	*file = xasprintf("%sindex.html", path + 1);
	int	 rc = emit(b, file, html);

	free(file);
	b->st->pages++;
	sitemap_add(b->sm, path, lastmod ? lastmod : b->day, b->c.language,
	    made_key(b, path));
	return rc;
}

static int
keywordpages(struct build *b, struct render *r, json_t *seen,
    const char *title, struct buf *html)
{
	const char	*k;
	json_t		*v;
	char		*path;
	int		 rc = 1;

	json_object_foreach(seen, k, v) {
		path = dsview_keyword_path(k);
		buf_reset(html);
		rc &= render_extra(r, path, k, NULL, "datasets", "catalog",
		    dsview_catalog(b->data, b->ndata, publish_records(b->pub),
		    theme_strings(b->th), path, b->c.file_urls, k), DSVIEW_ROOT,
		    title, html);
		rc &= emitpage(b, path, html, NULL);
		free(path);
	}
	return rc;
}

static void	dataset_summary(struct build *, const struct dataset *,
		    struct buf *);

/* The landing page of every dataset, the catalog and keyword pages. */
static int
datapages(struct build *b)
{
	struct render	*r;
	struct buf	 html = BUF_INIT, sum = BUF_INIT;
	json_t		*t, *rec, *k, *seen = json_object(), *view;
	const char	*title;
	char		*path;
	size_t		 i, j;
	int		 rc = 1;

	if (b->ndata == 0)
		return 1;
	r = renderer(b);
	t = theme_strings(b->th);
	title = json_string_value(json_object_get(t, "datasets"));
	if (title == NULL)
		title = "";
	for (i = 0; i < b->ndata; i++) {
		if (!b->data[i]->ok)
			continue;
		rec = json_object_get(publish_records(b->pub), b->data[i]->id);
		path = xasprintf("%s%s/", DSVIEW_ROOT, b->data[i]->id);
		buf_reset(&html);
		view = dsview_dataset(b->data[i], rec, t, b->c.base_url, path,
		    b->c.file_urls);
		if (b->views)
			json_object_set_new(view, "views", views_render(b->views,
			    b->data[i]->id, NULL, t));
		buf_reset(&sum);
		dataset_summary(b, b->data[i], &sum);
		rc &= render_extra(r, path, b->data[i]->title, sum.data,
		    "dataset", "dataset", view, DSVIEW_ROOT, title, &html);
		rc &= emitpage(b, path, &html, b->data[i]->modified ?
		    b->data[i]->modified : b->data[i]->issued);
		free(path);
		json_array_foreach(b->data[i]->keywords, j, k)
			json_object_set(seen, json_string_value(k), json_true());
	}
	buf_reset(&html);
	rc &= render_extra(r, DSVIEW_ROOT, title, NULL,
	    "datasets", "catalog", dsview_catalog(b->data, b->ndata,
	    publish_records(b->pub), t, DSVIEW_ROOT, b->c.file_urls, NULL),
	    NULL, NULL, &html);
	rc &= emitpage(b, DSVIEW_ROOT, &html, NULL);
	rc &= keywordpages(b, r, seen, title, &html);
	json_decref(seen);
	buf_release(&html);
	buf_release(&sum);
	render_free(r);
	return rc;
}

struct progress_out {
	struct build	*b;
	struct render	*r;
	struct buf	 html;
};

static int
progress_page(void *arg, const char *path, const char *title,
    const char *summary, const char *layout, const char *key, json_t *view,
    const char *up, const char *up_title)
{
	struct progress_out	*o = arg;

	buf_reset(&o->html);
	return render_extra(o->r, path, title, summary, layout, key, view, up,
	    up_title, &o->html) && emitpage(o->b, path, &o->html, NULL);
}

static int
progress_file(void *arg, const char *path, const struct buf *data)
{
	return emit(arg, path, data);
}

/* The pages and API of the indicator model. */
static int
progresspages(struct build *b)
{
	struct progress_out	 o = { b, NULL, BUF_INIT };
	int			 rc;

	if (!b->ind_ok)
		return 1;
	o.r = renderer(b);
	rc = indview_pages(b->ind, words(b), edition(b), progress_page, &o);
	if (b->cur == 0)	/* the API is plain data, one for all */
		rc &= indapi_write(b->ind, b->c.base_url, progress_file, b);
	buf_release(&o.html);
	render_free(o.r);
	return rc;
}

static void
published(void *arg, const char *path)
{
	linkcheck_file(arg, path);
}

/* Every file under "dir", published under "prefix" ("" or "assets/"). */
static void
tree_files(struct build *b, const char *dir, const char *prefix)
{
	struct fsin_entry	*v;
	struct diag		*quiet = diag_new();	/* statics() reports */
	size_t			 n = fsin_list(quiet, dir, &v), i;
	char			*sub, *rel;

	for (i = 0; i < n; i++) {
		sub = fsin_join(dir, v[i].name);
		rel = xasprintf("%s%s", prefix, v[i].name);
		if (v[i].isdir) {
			free(rel);
			rel = xasprintf("%s%s/", prefix, v[i].name);
			tree_files(b, sub, rel);
		} else
			linkcheck_file(b->links, rel);
		free(sub);
		free(rel);
	}
	fsin_list_free(v, n);
	diag_free(quiet);
}

/* The drafts left out (counted), the path each would have, and pages
 * that failed to load. */
static void
unpublished(struct build *b, const struct section *s)
{
	size_t	 i;

	for (i = 0; i < s->ndrafts; i++) {
		b->st->drafts++;
		if (s->drafts[i]->path != NULL)
			linkcheck_draft(b->links, s->drafts[i]->path,
			    s->drafts[i]->file);
	}
	/* A page that failed to load (reported) probably had the path of
	 * its file name: links to it are not judged. */
	for (i = 0; i < s->nlost; i++) {
		size_t	 n = strlen(s->lost[i]);
		char	*name = xstrndup(s->lost[i], n > 3 ? n - 3 : n);
		char	*slug = text_slugify(name);
		char	*path = xasprintf("%s%s/", s->index->path, slug);

		if (strcmp(name, "_index") != 0)
			linkcheck_unsure(b->links, path);
		free(path);
		free(slug);
		free(name);
	}
	for (i = 0; i < s->nsubs; i++)
		unpublished(b, s->subs[i]);
}

/* The menus of site.yaml link into the site from its root. */
static void
menu_links(struct build *b)
{
	const char	*name, *url;
	json_t		*list, *it;
	size_t		 i;

	json_object_foreach(b->c.menus, name, list)
		json_array_foreach(list, i, it) {
			const struct loc *at;

			if ((url = json_string_value(json_object_get(it,
			    "url"))) == NULL)
				continue;
			at = meta_loc(b->c.meta, it, "url");
			linkcheck_link(b->links, at->file, at->line, at->col,
			    "/", url);
		}
}

/*
 * Report the links that lead nowhere, once everything is known.  When
 * the datasets had errors their pages were not made: links into them
 * are not judged.
 */
static int
links(struct build *b, int datapages_made)
{
	char	*p;

	if (theme_assets(b->th))
		tree_files(b, theme_assets(b->th), "assets/");
	p = fsin_join(b->o->source, "static");
	if (fsin_isdir(p))
		tree_files(b, p, "");
	free(p);
	publish_paths(b->pub, b->data, b->ndata, published, b->links);
	unpublished(b, b->root);
	menu_links(b);
	if (!datapages_made) {
		linkcheck_unsure(b->links, DSVIEW_ROOT);
		linkcheck_unsure(b->links, "/api/");
		linkcheck_unsure(b->links, "/downloads/");
		if (b->ind != NULL) {
			linkcheck_unsure(b->links, b->ind->ind_path);
			linkcheck_unsure(b->links, b->ind->unit_path);
			linkcheck_unsure(b->links, b->ind->meth_path);
		}
	}
	return linkcheck_report(b->links, b->d);
}

/* The build's day: SOURCE_DATE_EPOCH, else today (UTC). */
static void
today(struct build *b)
{
	time_t		 t;
	struct tm	 tm;

	if (archive_env_epoch(&t) != 1)
		t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(b->day, sizeof(b->day), "%Y-%m-%d", &tm);
}

/* Write the generated "name" unless the site's static/ has its own. */
static int
generated(struct build *b, const char *name, const struct buf *data)
{
	char	*dir = fsin_join(b->o->source, "static");
	char	*p = fsin_join(dir, name);
	int	 rc = 1;

	if (!fsin_isfile(p))
		rc = emit(b, name, data);
	free(p);
	free(dir);
	return rc;
}

/* Plain text of the Markdown "md", for a feed entry: "" when none. */
static void
excerpt(struct build *b, const char *md, size_t len, struct buf *out)
{
	char	*html = cmark_markdown_to_html(md, len, CMARK_OPT_DEFAULT);

	excerpt_html(out, html, strlen(html), 300, i18n_string(
	    theme_strings(b->th), "ellipsis", "…"));
	free(html);
}

/*
 * What a dataset is, in plain text, for its page's description and its
 * feed entry: its summary, else the first paragraph of its description;
 * sample data begins with the theme's sample tag ("Dữ liệu minh họa. ").
 */
static void
dataset_summary(struct build *b, const struct dataset *ds, struct buf *out)
{
	const char	*s = json_string_value(json_object_get(ds->root,
	    "summary"));
	const char	*tag = i18n_string(theme_strings(b->th),
	    "sample_data_tag", "");

	if (ds->sample && *tag)
		buf_printf(out, "%s. ", tag);
	if (s != NULL)
		buf_puts(out, s);
	else if (ds->description != NULL)
		excerpt(b, ds->description, strlen(ds->description), out);
}

/* The feed summary of a page: its summary, else its body's start. */
struct summary {
	struct build	*b;
	struct page	*p;
};

static void
page_summary(void *arg, struct buf *out)
{
	struct summary	*x = arg;

	if (*x->p->summary)
		buf_puts(out, x->p->summary);
	else if (page_body(x->b->d, x->p))
		excerpt(x->b, x->p->body, x->p->bodylen, out);
}

/* 1 if an edition has a translation of the site's page "p". */
static int
translated(const struct build *b, const struct page *p)
{
	size_t	 i;

	for (i = 0; p->twins != NULL && i < b->c.nlangs; i++)
		if (p->twins[i] != NULL && p->twins[i]->translated)
			return 1;
	return 0;
}

/*
 * Every content page in the sitemap; the dated ones in the feed, whose
 * summaries are made for the entries the feed keeps ("sv" has one slot
 * a page and lives until the feed is written).
 */
static void
content_entries(struct build *b, struct page **v, size_t n,
    struct feed *f, struct summary *sv)
{
	const char	*lang, *key;
	size_t		 i;

	for (i = 0; i < n; i++) {
		lang = json_string_value(json_object_get(v[i]->front,
		    "language"));
		key = json_string_value(json_object_get(v[i]->front,
		    "translationKey"));
		if (key == NULL && translated(b, v[i]))
			key = v[i]->path;
		sitemap_add(b->sm, v[i]->path, *v[i]->date ? v[i]->date :
		    b->day, lang, key);
		if (*v[i]->date == '\0')
			continue;
		sv[i].b = b;
		sv[i].p = v[i];
		feed_add_lazy(f, v[i]->path, v[i]->path, v[i]->title,
		    v[i]->date, v[i]->date, page_summary, &sv[i]);
	}
}

/*
 * A release of every published dataset with a date: the entry's id
 * names the version, so a new version is a new entry.
 */
static void
dataset_entries(struct build *b, struct feed *f)
{
	struct buf	 sum = BUF_INIT;
	json_t		*rec;
	const char	*day;
	char		*path, *id;
	size_t		 i;

	for (i = 0; i < b->ndata; i++) {
		rec = json_object_get(publish_records(b->pub), b->data[i]->id);
		day = b->data[i]->modified ? b->data[i]->modified :
		    b->data[i]->issued;
		if (!b->data[i]->ok || rec == NULL || day == NULL)
			continue;
		path = xasprintf("%s%s/", DSVIEW_ROOT, b->data[i]->id);
		id = xasprintf("%s#%s", path, b->data[i]->version ?
		    b->data[i]->version : day);
		buf_reset(&sum);
		dataset_summary(b, b->data[i], &sum);
		feed_add(f, id, path, b->data[i]->title, day,
		    b->data[i]->issued, sum.data);
		free(id);
		free(path);
	}
	buf_release(&sum);
}

/* The feed of dated pages and dataset releases: feed.xml. */
static int
feed(struct build *b, struct page **v, size_t n)
{
	struct feed	*f = feed_new();
	struct feed_site s;
	struct buf	 out = BUF_INIT;
	struct summary	*sv = xcalloc(n ? n : 1, sizeof(*sv));
	const char	*pub = json_string_value(json_object_get(b->c.publisher,
	    "name"));
	int		 rc;

	content_entries(b, v, n, f, sv);
	dataset_entries(b, f);
	s.title = b->c.title;
	s.subtitle = b->c.description;
	s.base = b->c.base_url;
	s.lang = b->c.language;
	s.author = pub ? pub : b->c.copyright;
	s.updated = b->day;
	feed_atom(f, &s, &out);
	rc = generated(b, "feed.xml", &out);
	buf_release(&out);
	feed_free(f);
	free(sv);
	return rc;
}

/*
 * feed.xml, and every content page in the sitemap.  Run before the
 * content pages are rendered, while their Markdown is loaded for the
 * feed's summaries.
 */
static int
discovery(struct build *b)
{
	struct page	**v;
	size_t		 n = section_flatten(b->root, &v);
	int		 rc;

	rc = feed(b, v, n);
	free(v);
	return rc;
}

/* sitemap.xml and robots.txt, once every page is written. */
static int
sitemap(struct build *b)
{
	struct buf	 out = BUF_INIT;
	int		 rc;

	sitemap_xml(b->sm, &out);
	rc = generated(b, "sitemap.xml", &out);
	buf_reset(&out);
	sitemap_robots(b->c.base_url, &out);
	rc &= generated(b, "robots.txt", &out);
	buf_release(&out);
	return rc;
}

static int
search_file(void *arg, const char *path, const struct buf *data)
{
	return emit(arg, path, data);
}

/*
 * The site search, when a page has the search layout: the index of
 * every page (search.h) in the folder index/ below that page.  The
 * pages of the data ("made": they were) are in it, and the Markdown of
 * the content pages, so it runs after those and before these.
 */
static int
searchindex(struct build *b, int made)
{
	struct searchdocs	*in = &b->sdin;

	if (b->search_path == NULL)	/* the site has no search page */
		return 1;
	in->root = b->root;
	in->x = made && b->ind_ok ? b->ind : NULL;
	in->data = made ? b->data : NULL;
	in->ndata = made ? b->ndata : 0;
	in->strings = words(b);
	in->d = b->d;
	in->ed = edition(b);
	b->search = searchdocs_index(in, &b->sdocs);
	return 1;
}

/*
 * Write the search index begun by searchindex(), once pages() gave it
 * the words of the content pages.
 */
static int
searchwrite(struct build *b)
{
	char	*dir;
	int	 rc;

	if (b->sdocs == NULL)
		return 1;
	free(b->sdocs);
	b->sdocs = NULL;
	dir = xasprintf("%sindex/", b->search_path + 1);
	rc = search_write(b->search, dir, search_file, b);
	free(dir);
	return rc;
}

/*
 * A small page at an old address that sends the reader on to "to":
 * rel="canonical" and a refresh for browsers and search engines, a
 * plain link for everyone else, in the theme's words.
 */
static void
redirect(struct build *b, const char *from, const char *to,
    const char *title, struct buf *out)
{
	const json_t	*t = theme_strings(b->th);
	const char	*moved = i18n_string(t, "moved_to", "");
	struct buf	 rel = BUF_INIT, abs = BUF_INIT;

	render_url(&rel, from, NULL, to, b->c.file_urls);
	render_url(&abs, from, *b->c.base_url ? b->c.base_url : NULL, to, 0);
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	text_escape_html(out, b->c.language, strlen(b->c.language));
	buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	text_escape_html(out, title, strlen(title));
	buf_puts(out, "</title>\n<link rel=\"canonical\" href=\"");
	text_escape_html(out, abs.data, abs.len);
	buf_puts(out, "\">\n<meta name=\"robots\" content=\"noindex\">\n"
	    "<meta http-equiv=\"refresh\" content=\"0; url=");
	text_escape_html(out, rel.data, rel.len);
	buf_puts(out, "\">\n</head>\n<body>\n<p>");
	text_escape_html(out, moved, strlen(moved));
	buf_puts(out, " <a href=\"");
	text_escape_html(out, rel.data, rel.len);
	buf_puts(out, "\">");
	text_escape_html(out, title, strlen(title));
	buf_puts(out, "</a></p>\n</body>\n</html>\n");
	buf_release(&rel);
	buf_release(&abs);
}

/* The redirect pages of every page's "aliases", once the pages are known. */
static int
aliases(struct build *b)
{
	struct page	**v;
	struct buf	  html = BUF_INIT;
	const char	 *from;
	size_t		  n = section_flatten(b->root, &v), i, k;
	json_t		 *e;
	char		 *file;
	int		  rc = 1;

	for (i = 0; i < n; i++) {
		json_array_foreach(v[i]->aliases, k, e) {
			from = json_string_value(e);
			if (v[i]->path == NULL || v[i]->broken)
				continue;
			if (linkcheck_has(b->links, from)) {
				rc = diag_error(b->d, meta_index_loc(v[i]->fm,
				    json_object_get(v[i]->front, "aliases"), k),
				    "alias '%s' is the address of another page "
				    "or of a file the site publishes", from);
				continue;
			}
			buf_reset(&html);
			redirect(b, from, v[i]->path, v[i]->title, &html);
			file = xasprintf("%sindex.html", from + 1);
			rc &= emit_from(b, file, &html, v[i]->file);
			free(file);
		}
	}
	free(v);
	buf_release(&html);
	return rc;
}

/* A page of the previous build that this one no longer publishes. */
static void
gone(void *arg, const char *path)
{
	struct build	*b = arg;
	size_t		 n = strlen(path);
	char		*page;

	if (strcmp(path, "index.html") == 0 || n < 11 ||
	    strcmp(path + n - 11, "/index.html") != 0)
		return;
	page = xasprintf("/%.*s/", (int)(n - 11), path);
	if (!linkcheck_has(b->links, page))
		diag_warning(b->d, NULL, "the page '%s' of the previous build is "
		    "no longer published: if it moved, add 'aliases: [%s]' to "
		    "the front matter of its new page, so that links to the "
		    "old address keep working", page, page);
	free(page);
}

static int
statics(struct build *b)
{
	char	*p;
	int	 rc = 1;

	if (b->fs == NULL) {	/* checking: what the copy would report */
		if (theme_assets(b->th))
			rc &= fsin_check_tree(b->d, theme_assets(b->th));
		p = fsin_join(b->o->source, "static");
		if (fsin_isdir(p))
			rc &= fsin_check_tree(b->d, p);
		free(p);
		return rc;
	}
	if (theme_assets(b->th))
		rc &= fsout_copy_tree(b->fs, theme_assets(b->th), "assets");
	p = fsin_join(b->o->source, "static");
	if (fsin_isdir(p))
		rc &= fsout_copy_tree(b->fs, p, "");
	free(p);
	return rc;
}

/* Zip and XLSX times without SOURCE_DATE_EPOCH: the newest dataset file. */
static time_t
epoch(const struct build *b)
{
	struct stat	 st;
	time_t		 newest = 0;
	size_t		 i;

	for (i = 0; i < b->ndata; i++) {
		if (stat(b->data[i]->csv, &st) == 0 && st.st_mtime > newest)
			newest = st.st_mtime;
		if (stat(b->data[i]->yaml, &st) == 0 && st.st_mtime > newest)
			newest = st.st_mtime;
	}
	return newest;
}

/*
 * Open the staging tree and make the models the later stages fill: the
 * link checker, the publisher of packages and catalogs, the sitemap,
 * the indicator model and the dataset views.  Returns 0 when the output
 * folder cannot be used.
 */
static int
start_output(struct build *b)
{
	const struct page	*p;
	size_t			 i;

	if (b->out != NULL && (b->fs = fsout_open(b->d, b->out,
	    own_output(b))) == NULL)
		return 0;
	b->links = linkcheck_new();
	b->pub = publish_new(b->d, b->fs, &b->c);
	b->sm = sitemap_new(b->c.base_url, b->c.language);
	b->licdirs[0] = fsin_join(b->o->source, "licenses");
	b->licdirs[1] = fsin_join(theme_dir(b->th), "licenses");
	publish_set_licenses(b->pub, (const char *const *)b->licdirs);
	publish_set_sample_notice(b->pub, i18n_string(theme_strings(b->th),
	    "sample_data_notice", ""));
	if (b->c.nlangs > 0) {
		json_t	*notes = json_object();

		for (i = 0; i < b->c.nlangs; i++)
			json_object_set_new(notes, b->eds[i].lang->code,
			    json_string(i18n_string(b->eds[i].strings,
			    "sample_data_notice", "")));
		publish_set_sample_notices(b->pub, notes);
		json_decref(notes);
	}
	b->ind = indicators_new(b->d, &b->c, theme_strings(b->th), b->data,
	    b->ndata);
	for (i = 0; b->ind != NULL && i < b->c.nlangs; i++) {
		/* every edition has the pages of the progress model */
		b->eds[i].mirrored[0] = b->ind->ind_path;
		b->eds[i].mirrored[1] = b->ind->unit_path;
		json_object_set_new(b->eds[i].pages, "/api/", json_true());
		json_object_set_new(b->eds[i].pages, b->ind->meth_path,
		    json_true());
	}
	b->views = views_new(b->d, b->data, b->ndata);
	/* Known before any page is rendered: every header has the box. */
	if ((p = searchdocs_page(b->root)) != NULL)
		b->search_path = p->path;
	return 1;
}

/*
 * The one streaming pass over the data: every row of every dataset is
 * read once and checked, written into its packages and handed to the
 * indicator model and the views; then the statuses are computed and,
 * when all the data passed, the packages, catalogs, dataset pages and
 * progress pages are written.  Sets "*made" when they were.
 */
static int
scan_data(struct build *b, int *made)
{
	const struct dataset_sink	*sink = publish_sink(b->pub);
	int				 rc;

	publish_set_time(b->pub, epoch(b));
	if (b->ind)
		sink = indicators_sink(b->ind, sink);
	if (b->views)
		sink = views_sink(b->views, sink);
	stats_start(b->o->stats, "datasets scan");
	rc = dataset_scan_all(b->data, b->ndata, b->d, sink);
	if (b->ind)
		b->ind_ok = indicators_link(b->ind, b->root) && rc;
	stats_stop(b->o->stats, "datasets scan");
	stats_start(b->o->stats, "publish packages");
	/* Packages and pages only of data that passed every check. */
	if (rc && diag_errors(b->d) == 0) {
		rc = publish_finish(b->pub, b->data, b->ndata) &&
		    datapages(b) && progresspages(b);
		*made = rc;
	}
	stats_stop(b->o->stats, "publish packages");
	return rc;
}

/*
 * The pages: the search index (it reads every page before they are
 * rendered), the sitemap, robots.txt and feed, then every content page
 * through its layout on the render threads.
 */
static int	edition_pages(struct build *, size_t, int);

static int
render_site(struct build *b, int made)
{
	size_t	 i;
	int	 rc;

	stats_start(b->o->stats, "search index");
	rc = searchindex(b, made);
	stats_stop(b->o->stats, "search index");
	stats_start(b->o->stats, "render pages");
	rc &= discovery(b);
	rc &= pages(b);
	rc &= searchwrite(b);
	for (i = 0; i < b->c.nlangs; i++)
		rc &= edition_pages(b, i, made);
	rc &= sitemap(b);
	stats_stop(b->o->stats, "render pages");
	return rc;
}

/*
 * What is written last: the redirect pages, the static files, then the
 * check of every link against every file written; a clean build warns
 * about pages that moved and commits the staging tree.
 */
static int
finish_output(struct build *b, int made, int rc)
{
	stats_start(b->o->stats, "write/commit");
	rc &= aliases(b);
	rc &= statics(b);
	rc &= links(b, made || b->ndata == 0);
	if (b->fs && rc && diag_errors(b->d) == 0)
		fsout_previous(b->fs, gone, b);
	if (b->fs && rc && diag_errors(b->d) == 0)
		rc = fsout_commit(b->fs);
	stats_stop(b->o->stats, "write/commit");
	if (b->fs)
		b->st->files = fsout_count(b->fs);
	return rc;
}

/* Everything after the content is loaded and linked. */
static int
publish(struct build *b)
{
	int	 rc, made = 0;

	if (!start_output(b))
		return 0;
	rc = views_link(b->views, b->d, b->root);
	if (b->ndata)
		rc &= scan_data(b, &made);
	rc &= render_site(b, made);
	return finish_output(b, made, rc);
}

/*
 * The editions in other languages (site.yaml 'languages'): the content
 * tree of each, from the linked site's, and its words.
 */
static int
editions(struct build *b)
{
	struct edition	*e;
	struct page	**v;
	struct loc	 at = { NULL, 0, 0 };
	json_t		*l;
	size_t		 i, j, n;
	int		 rc = 1;

	if (b->c.nlangs == 0)
		return 1;
	b->eds = xcalloc(b->c.nlangs, sizeof(*b->eds));
	b->langs = json_array();
	json_array_append_new(b->langs, json_pack("{s:s, s:s, s:s}", "code",
	    b->c.language, "name", i18n_string(theme_strings(b->th),
	    "language_name", b->c.language), "prefix", "/"));
	for (i = 0; i < b->c.nlangs; i++) {
		e = &b->eds[i];
		e->lang = &b->c.langs[i];
		e->li = i;
		e->prefix = xasprintf("/%s/", e->lang->code);
		config_edition(&b->c, e->lang, &e->c);
		e->strings = i18n_load(b->d, theme_dir(b->th), b->o->source,
		    e->lang->code);
		if (e->strings == NULL)
			e->strings = json_object();	/* reported */
		e->root = section_edition(b->d, b->root, e->lang->code, i,
		    b->c.nlangs, e->lang->omit);
		edition_index(e);
		l = json_pack("{s:s, s:s, s:s}", "code", e->lang->code,
		    "name", i18n_string(e->strings, "language_name",
		    e->lang->code), "prefix", e->prefix);
		json_array_append_new(b->langs, l);
		/* The edition's folder is its own. */
		n = section_flatten(b->root, &v);
		for (j = 0; j < n; j++) {
			at.file = v[j]->file;
			if (strncmp(v[j]->path, e->prefix, strlen(e->prefix))
			    == 0)
				rc = diag_error(b->d, &at, "the URL '%s' is in "
				    "the folder of the edition in '%s'; "
				    "give the page another slug", v[j]->path,
				    e->lang->code);
		}
		free(v);
	}
	return rc;
}

/*
 * Make the pages of edition "i" from now on: its configuration, content
 * and search in place of the site's, until leave().
 */
static void
enter(struct build *b, size_t i)
{
	struct edition	*e = &b->eds[i];

	b->own = b->c;
	b->own_root = b->root;
	b->own_search = b->search;
	b->own_search_path = b->search_path;
	b->c = e->c;
	b->root = e->root;
	b->search = e->search;
	b->search_path = e->search_path ? e->search_path : b->search_path;
	b->cur = i + 1;
}

static void
leave(struct build *b)
{
	b->c = b->own;
	b->root = b->own_root;
	b->search = b->own_search;
	b->search_path = b->own_search_path;
	b->cur = 0;
}

/* The site's pages at "path" of the edition being made, in the sitemap. */
static void
edition_entries(struct build *b)
{
	struct page	**v;
	size_t		 i, n = section_flatten(b->root, &v);

	for (i = 0; i < n; i++)
		if (v[i]->translated)	/* not the site's own, shown again */
			sitemap_add(b->sm, v[i]->path, *v[i]->date ?
			    v[i]->date : b->day, b->c.language,
			    v[i]->orig->path);
	free(v);
}

/*
 * The pages of edition "i": its content pages and the pages of the
 * progress model, in its language, made with the build's own models
 * (the data is the site's; only the words change).
 */
static int
edition_pages(struct build *b, size_t i, int made)
{
	struct edition		*e = &b->eds[i];
	const struct page	*p = searchdocs_page(e->root);
	int			 rc = 1;

	enter(b, i);
	/* Its own search page and index, else the site's search page. */
	if (p != NULL) {
		b->search_path = p->path;
		rc &= searchindex(b, made);
	}
	if (made)
		rc &= progresspages(b);
	edition_entries(b);
	rc &= pages(b);
	rc &= searchwrite(b);
	e->search = b->search;	/* kept for serve's pages */
	e->search_path = b->search_path;
	leave(b);
	return rc;
}

/* Make the CSV of every dataset that is a content section. */
static void
tabulate(struct build *b)
{
	size_t	 i;

	for (i = 0; i < b->ndata; i++)
		if (b->data[i]->ok && b->data[i]->from_section &&
		    !tabulate_section(b->d, b->data[i], b->root,
		    b->c.base_url))
			b->data[i]->ok = 0;	/* reported; not scanned */
}

/* Everything a build holds, for site_build() and sessions alike. */
static void
release(struct build *b)
{
	size_t	 i;

	for (i = 0; b->eds != NULL && i < b->c.nlangs; i++)
		edition_release(&b->eds[i]);
	free(b->eds);
	free(b->codes);
	json_decref(b->langs);
	indicators_free(b->ind);
	views_free(b->views);
	linkcheck_free(b->links);
	sitemap_free(b->sm);
	search_free(b->search);
	free(b->licdirs[0]);
	free(b->licdirs[1]);
	publish_free(b->pub);
	fsout_free(b->fs);
	free(b->out);
	dataset_free_all(b->data, b->ndata);
	section_free(b->root);
	theme_free(b->th);
	config_release(&b->c);
	memset(b, 0, sizeof(*b));
}

static int
run(struct build *b, struct diag *d, const struct site_opts *o,
    struct site_stats *st)
{
	memset(b, 0, sizeof(*b));
	memset(st, 0, sizeof(*st));
	b->d = d;
	b->o = o;
	b->st = st;
	today(b);
	markdown_init();
	stats_start(o->stats, "load");
	if (!load(b))
		return 0;
	stats_stop(o->stats, "load");
	stats_start(o->stats, "link");
	if (!section_link(b->root, d, &b->c, b->o->jobs) || !editions(b))
		return 0;
	tabulate(b);
	stats_stop(o->stats, "link");
	return publish(b) && diag_errors(d) == 0;
}

int
site_build(struct diag *d, const struct site_opts *o, struct site_stats *st)
{
	static struct build	 left;	/* a build left to the exit */
	struct build		 b, *bp = o->leave ? &left : &b;
	int			 rc;

	/*
	 * Freeing every page, dataset and model one by one takes longer
	 * than the exit does (25 ms of 0.6 s at 10,000 pages); a build kept
	 * in "left" stays reachable, so leak checkers still see only what
	 * was lost during the build.
	 */
	rc = run(bp, d, o, st);
	if (!o->leave)
		release(bp);
	fsin_unconfine();
	return rc;
}

struct site_session {
	struct build		 b;
	struct site_opts	 o;	/* a copy the build points at */
	struct site_stats	 st;
};

/*
 * Point the build and every model it keeps at the diagnostics "d": a
 * session's models live from one build to the next page update, and
 * each brings its own diagnostics (NULL between them).
 */
static void
session_diag(struct build *b, struct diag *d)
{
	b->d = d;
	if (b->ind != NULL)
		b->ind->d = d;
	views_set_diag(b->views, d);
	publish_set_diag(b->pub, d);
}

struct site_session *
site_session_new(struct diag *d, const struct site_opts *o,
    struct site_stats *st, int *ok)
{
	struct site_session	*s = xcalloc(1, sizeof(*s));

	s->o = *o;
	*ok = run(&s->b, d, &s->o, &s->st);
	*st = s->st;
	fsout_free(s->b.fs);	/* committed: pages are replaced one by one */
	s->b.fs = NULL;
	if (!*ok) {
		release(&s->b);
		free(s);
		return NULL;
	}
	session_diag(&s->b, NULL);	/* each update brings its own */
	return s;
}

static struct page *
find_page(struct section *root, const char *file)
{
	struct page	**v, *p = NULL;
	size_t		  n = section_flatten(root, &v), i;

	for (i = 0; i < n && p == NULL; i++)
		if (strcmp(v[i]->file, file) == 0)
			p = v[i];
	free(v);
	return p;
}

/*
 * Give "old" the body of "new", which has the same front matter, and
 * free "new": "old" keeps its place in the tree and its editions.
 */
static void
take_body(struct page *old, struct page *new)
{
	struct page	 tmp = *old;

	*old = *new;
	old->path = tmp.path;
	old->section = tmp.section;
	old->prev = tmp.prev;
	old->next = tmp.next;
	old->lang = tmp.lang;
	old->translated = tmp.translated;
	old->orig = tmp.orig;
	old->twins = tmp.twins;
	*new = tmp;
	new->path = NULL;
	new->twins = NULL;
	page_free(new);
}

/*
 * Render page "p" of edition "cur" (0: the site's own) again into
 * "outdir"; 1, or 0 after reporting.
 */
static int
render_again(struct build *b, struct diag *d, struct page *p, size_t cur,
    const char *outdir)
{
	struct render	*r;
	struct buf	 html = BUF_INIT;
	char		*path;
	int		 rc;

	if (cur > 0)
		enter(b, cur - 1);
	r = renderer(b);
	rc = page_body(d, p) && render_page(r, p, &html);
	page_drop_body(p);
	render_free(r);
	if (cur > 0)
		leave(b);
	if (rc && diag_errors(d) == 0) {
		path = xasprintf("%sindex.html", p->path + 1);
		rc = fsout_replace(d, outdir, path, html.data, html.len);
		free(path);
	}
	buf_release(&html);
	return rc && diag_errors(d) == 0;
}

/*
 * The page of file "file", and the edition it is in (*cur, 0: the
 * site's own), or NULL.
 */
static struct page *
session_find(struct build *b, const char *file, size_t *cur)
{
	struct page	*p;
	size_t		 i;

	*cur = 0;
	if ((p = find_page(b->root, file)) != NULL)
		return p;
	for (i = 0; i < b->c.nlangs; i++)
		if ((p = find_page(b->eds[i].root, file)) != NULL &&
		    p->translated) {
			*cur = i + 1;
			return p;
		}
	return NULL;
}

int
site_session_page(struct site_session *s, struct diag *d, const char *file,
    const char *outdir)
{
	struct build	*b = &s->b;
	struct page	*old, *new, *tw;
	size_t		 cur, i;
	int		 rc;

	if ((old = session_find(b, file, &cur)) == NULL || old->fm == NULL)
		return 0;
	if ((new = page_load(d, file, old->file, old->rel, NULL)) == NULL)
		return -1;
	if (new->front == NULL || !json_equal(new->front, old->front) ||
	    new->draft) {
		page_free(new);
		return 0;	/* listings, links or data may change */
	}
	/* Only the body changed: take it, keep the place in the tree. */
	take_body(old, new);
	session_diag(b, d);
	rc = render_again(b, d, old, cur, outdir);
	/* The editions that show this page untranslated show it too. */
	for (i = 0; rc && cur == 0 && old->twins && i < b->c.nlangs; i++) {
		if ((tw = old->twins[i]) == NULL || tw->translated)
			continue;
		if ((new = page_load(d, file, tw->file, tw->rel, NULL)) ==
		    NULL) {
			rc = 0;
			break;
		}
		take_body(tw, new);
		rc = render_again(b, d, tw, i + 1, outdir);
	}
	session_diag(b, NULL);
	return rc ? 1 : -1;
}

void
site_session_free(struct site_session *s)
{
	if (s == NULL)
		return;
	release(&s->b);
	free(s);
}
