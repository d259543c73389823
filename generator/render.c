/*
 * The render stage.  For each page this file builds the view model that
 * docs/templates.md documents: the site, the theme's strings, the menus
 * and the page with its neighbours, breadcrumbs and children, every URL
 * relative to the page.  Then it renders the page's Markdown body and its
 * layout.  Nothing user-visible is written here; every word comes from
 * content, site.yaml or the theme's i18n files.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "i18n.h"
#include "markdown.h"
#include "meta.h"
#include "mustache.h"
#include "page.h"
#include "section.h"
#include "theme.h"
#include "xalloc.h"

struct render {
	struct diag		*d;
	const struct config	*c;
	const struct theme	*th;
	struct section		*root;
	json_t			*site;		/* shared by every view */
	json_t			*strings;	/* this renderer's copy */
	const json_t		*catalogs;	/* NULL when none */
	render_progress_fn	 progress;
	void			*progress_arg;
};

/* Where links of the page being rendered start from. */
struct here {
	const char	*path;		/* the page's site path */
	const char	*abs;		/* absolute base, or NULL for relative */
	const char	*up;		/* a parent page that is no content */
	const char	*up_title;	/* page (site path), and its title */
};

void
render_relurl(struct buf *out, const char *from, const char *to)
{
	size_t	 i, common = 0;
	size_t	 start = out->len;

	for (i = 0; from[i] && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	for (i = common; from[i]; i++)
		if (from[i] == '/')
			buf_puts(out, "../");
	buf_puts(out, to + common);
	if (out->len == start)
		buf_puts(out, "./");
}

static json_t *
url(const struct here *h, const char *to)
{
	struct buf	 b = BUF_INIT;
	json_t		*s;

	if (strncmp(to, "http://", 7) == 0 || strncmp(to, "https://", 8) == 0
	    || strncmp(to, "mailto:", 7) == 0)
		buf_puts(&b, to);
	else if (h->abs)
		buf_printf(&b, "%s%s", h->abs, to[0] == '/' ? to + 1 : to);
	else
		render_relurl(&b, h->path, to);
	s = json_stringn(b.data, b.len);
	buf_release(&b);
	return s;
}

static const char *
kind(const struct page *p)
{
	if (p->path && strcmp(p->path, "/404.html") == 0)
		return "404";
	if (!p->is_index)
		return "page";
	return p->section->parent ? "section" : "home";
}

static void
setstr(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static void
progress(struct render *r, const struct here *h, const struct page *p,
    int full, json_t *o)
{
	json_t	*v;

	if (r->progress == NULL || p->front == NULL)
		return;
	v = r->progress(r->progress_arg, p, r->strings, h->path, h->abs, full);
	if (v != NULL)
		json_object_update(o, v);
	json_decref(v);
}

static json_t *
link_to(const struct here *h, const struct page *p)
{
	json_t	*o = json_object();

	setstr(o, "title", p->title);
	setstr(o, "code", p->code);
	json_object_set_new(o, "url", url(h, p->path));
	return o;
}

/* The fields every listing of a page carries. */
static json_t *
entry(struct render *r, const struct here *h, const struct page *p)
{
	json_t		*o = link_to(h, p);
	struct buf	 b = BUF_INIT;

	setstr(o, "summary", p->summary);
	setstr(o, "date", p->date);
	i18n_date(r->strings, p->date, &b);
	setstr(o, "date_display", *p->date ? b.data : "");
	json_object_set_new(o, "weight", json_integer(p->weight));
	json_object_set_new(o, "kind", json_string(kind(p)));
	json_object_set_new(o, "is_section", json_boolean(p->is_index));
	/* Copies, not references: other threads list the same page. */
	if (p->lead)
		json_object_set_new(o, "lead", json_deep_copy(p->lead));
	if (p->partners)
		json_object_set_new(o, "partners",
		    json_deep_copy(p->partners));
	json_object_set_new(o, "has_lead",
	    json_boolean(json_array_size(p->lead) > 0));
	json_object_set_new(o, "has_partners",
	    json_boolean(json_array_size(p->partners) > 0));
	progress(r, h, p, 0, o);
	buf_release(&b);
	return o;
}

/* The section's pages and subsections; "deep" adds one more level. */
static json_t *
children(struct render *r, const struct here *h, const struct section *s,
    int deep)
{
	json_t	*a = json_array(), *e;
	size_t	 i;

	for (i = 0; i < s->npages; i++)
		json_array_append_new(a, entry(r, h, s->pages[i]));
	for (i = 0; i < s->nsubs; i++) {
		e = entry(r, h, s->subs[i]->index);
		if (deep)
			json_object_set_new(e, "pages",
			    children(r, h, s->subs[i], 0));
		json_array_append_new(a, e);
	}
	return a;
}

static json_t *
breadcrumbs(const struct here *h, const struct page *p)
{
	json_t		*a = json_array(), *e;
	struct section	*s = p->section;

	if (p->is_index)
		s = s->parent;
	for (; s != NULL; s = s->parent) {
		e = link_to(h, s->index);
		json_object_set_new(e, "is_home", json_boolean(!s->parent));
		json_array_insert_new(a, 0, e);
	}
	if (h->up != NULL)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:b}",
		    "title", h->up_title, "code", "", "url", url(h, h->up),
		    "is_home", 0));
	return a;
}

static void
neighbours(json_t *o, const struct here *h, const struct page *p)
{
	struct section	*s = p->section;

	if (p->prev)
		json_object_set_new(o, "prev", link_to(h, p->prev));
	if (p->next)
		json_object_set_new(o, "next", link_to(h, p->next));
	if (p->is_index)
		s = s->parent;
	if (s != NULL)
		json_object_set_new(o, "section", link_to(h, s->index));
}

static json_t *
pageview(struct render *r, const struct here *h, const struct page *p,
    const char *html)
{
	json_t		*o = entry(r, h, p), *kids;
	const char	*k = kind(p);

	json_object_set_new(o, "is_home", json_boolean(!strcmp(k, "home")));
	json_object_set_new(o, "is_page", json_boolean(!strcmp(k, "page")));
	json_object_set_new(o, "content", json_string(html));
	json_object_set_new(o, "url", json_string("./"));
	setstr(o, "path", p->path);
	json_object_set_new(o, "permalink", *r->c->base_url ?
	    json_sprintf("%s%s", r->c->base_url, p->path + 1) :
	    json_string(p->path));
	json_object_set_new(o, "params", p->front ? json_deep_copy(p->front) :
	    json_object());
	json_object_set_new(o, "breadcrumbs", breadcrumbs(h, p));
	neighbours(o, h, p);
	progress(r, h, p, 1, o);
	if (p->is_index) {
		kids = children(r, h, p->section, 1);
		json_object_set_new(o, "has_pages",
		    json_boolean(json_array_size(kids) > 0));
		json_object_set_new(o, "pages", kids);
	}
	return o;
}

static int
under(const char *path, const char *item)
{
	size_t	 n = strlen(item);

	if (strcmp(item, "/") == 0)
		return strcmp(path, "/") == 0;
	return strncmp(path, item, n) == 0;
}

static json_t *
menus(struct render *r, const struct here *h)
{
	json_t		*o = json_object(), *list, *it, *a, *e;
	const char	*name, *u;
	size_t		 i;

	if (r->c->menus == NULL)
		return o;
	json_object_foreach(r->c->menus, name, list) {
		a = json_array();
		json_array_foreach(list, i, it) {
			u = json_string_value(json_object_get(it, "url"));
			e = json_object();
			json_object_set_new(e, "name", json_string(
			    json_string_value(json_object_get(it, "name"))));
			json_object_set_new(e, "url", url(h, u));
			json_object_set_new(e, "current",
			    json_boolean(strcmp(h->path, u) == 0));
			json_object_set_new(e, "active",
			    json_boolean(under(h->path, u)));
			json_array_append_new(a, e);
		}
		json_object_set_new(o, name, a);
	}
	return o;
}

/* Top-level sections; with their pages on the home page only. */
static json_t *
sections(struct render *r, const struct here *h, int withpages)
{
	json_t	*a = json_array(), *e;
	size_t	 i;

	for (i = 0; i < r->root->nsubs; i++) {
		e = entry(r, h, r->root->subs[i]->index);
		if (withpages)
			json_object_set_new(e, "pages",
			    children(r, h, r->root->subs[i], 0));
		json_array_append_new(a, e);
	}
	return a;
}

static json_t *
alternates(struct render *r, const struct here *h)
{
	json_t		*a = json_array(), *c;
	const char	*key, *title;
	char		*to;
	size_t		 i;

	json_array_foreach(r->catalogs, i, c) {
		key = json_string_value(json_object_get(c, "key"));
		title = json_string_value(json_object_get(r->strings, key));
		to = xasprintf("/%s", json_string_value(json_object_get(c,
		    "path")));
		json_array_append_new(a, json_pack("{s:o, s:O, s:s}", "url",
		    url(h, to), "type", json_object_get(c, "mediatype"),
		    "title", title ? title : ""));
		free(to);
	}
	return a;
}

void
render_set_catalogs(struct render *r, const json_t *catalogs)
{
	r->catalogs = catalogs;
}

void
render_set_progress(struct render *r, render_progress_fn fn, void *arg)
{
	r->progress = fn;
	r->progress_arg = arg;
}

static json_t *
view(struct render *r, const struct here *h, const struct page *p,
    const char *html)
{
	json_t		*v = json_object(), *pv;
	struct buf	 b = BUF_INIT;

	if (h->abs)
		buf_puts(&b, h->abs);
	else
		render_relurl(&b, h->path, "/");
	json_object_set_new(v, "root", json_stringn(b.data, b.len));
	buf_release(&b);
	json_object_set_new(v, "lang", json_string(r->c->language));
	json_object_set_new(v, "generator", json_string("planpress "
	    PLANPRESS_VERSION));
	json_object_set(v, "site", r->site);
	json_object_set(v, "t", r->strings);
	json_object_set_new(v, "menu", menus(r, h));
	pv = pageview(r, h, p, html);
	json_object_set_new(v, "page", pv);
	json_object_set_new(v, "sections", sections(r, h,
	    p->is_index && p->section == r->root));
	json_object_set_new(v, "alternates", alternates(r, h));
	return v;
}

static int	render_with(struct render *, const struct here *,
		    const struct page *, const struct mustache *,
		    const char *, json_t *, struct buf *);

static const struct mustache *
layout(struct render *r, const struct page *p, const char *def)
{
	const struct mustache	*m;
	const char		*name = p->layout ? p->layout : def;
	struct loc		 l = { p->file, 0, 0 };

	if ((m = theme_layout(r->th, name)) != NULL)
		return m;
	if (p->layout && p->fm)
		diag_error(r->d, meta_loc(p->fm, p->front, "layout"),
		    "unknown layout '%s'", name);
	else
		diag_error(r->d, &l, "unknown layout '%s': the theme has "
		    "no layouts/%s.mustache", name, name);
	return NULL;
}

static int
render(struct render *r, const struct here *h, const struct page *p,
    const struct mustache *m, struct buf *out)
{
	return render_with(r, h, p, m, NULL, NULL, out);
}

static int
render_with(struct render *r, const struct here *h, const struct page *p,
    const struct mustache *m, const char *key, json_t *extra,
    struct buf *out)
{
	struct buf	 html = BUF_INIT, root = BUF_INIT;
	json_t		*v;
	int		 rc;

	if (h->abs)
		buf_puts(&root, h->abs);
	else
		render_relurl(&root, h->path, "/");
	rc = markdown_render(r->d, p->file, p->bodyline, p->body,
	    p->bodylen, &r->c->markdown, root.data, &html);
	v = view(r, h, p, html.data);
	if (key)
		json_object_set_new(v, key, extra);
	rc &= mustache_render(m, v, theme_lookup, (void *)r->th, r->d, out);
	json_decref(v);
	buf_release(&html);
	buf_release(&root);
	return rc;
}

int
render_page(struct render *r, const struct page *p, struct buf *out)
{
	struct here		 h = { p->path, NULL, NULL, NULL };
	const struct mustache	*m;

	if ((m = layout(r, p, kind(p))) == NULL)
		return 0;
	return render(r, &h, p, m, out);
}

int
render_extra(struct render *r, const char *path, const char *title,
    const char *summary, const char *name, const char *key, json_t *extra,
    const char *up, const char *up_title, struct buf *out)
{
	struct here		 h = { path, NULL, up, up_title };
	const struct mustache	*m = theme_layout(r->th, name);
	struct page		 p;

	if (m == NULL) {
		json_decref(extra);
		return diag_error(r->d, NULL, "unknown layout '%s': the theme "
		    "has no layouts/%s.mustache", name, name);
	}
	memset(&p, 0, sizeof(p));
	p.title = title;
	p.summary = summary ? summary : "";
	p.date = p.code = p.body = "";
	p.file = p.rel = (char *)path;
	p.path = (char *)path;
	p.section = r->root;
	return render_with(r, &h, &p, m, key, extra, out);
}

int
render_404(struct render *r, struct buf *out)
{
	struct here		 h = { "/404.html", NULL, NULL, NULL };
	const struct mustache	*m = theme_layout(r->th, "404");
	struct page		 p;
	json_t			*title;
	int			 rc;

	if (m == NULL)
		return -1;
	h.abs = *r->c->base_url ? r->c->base_url : "/";
	memset(&p, 0, sizeof(p));
	title = json_object_get(r->strings, "not_found_title");
	p.title = json_is_string(title) ? json_string_value(title) : "404";
	p.summary = p.date = p.code = p.body = "";
	p.file = p.rel = "404";
	p.path = "/404.html";
	p.section = r->root;
	rc = render(r, &h, &p, m, out);
	return rc;
}

struct render *
render_new(struct diag *d, const struct config *c, const struct theme *th,
    struct section *root)
{
	struct render	*r = xcalloc(1, sizeof(*r));

	r->d = d;
	r->c = c;
	r->th = th;
	r->root = root;
	r->site = json_object();
	setstr(r->site, "title", c->title);
	setstr(r->site, "description", c->description);
	setstr(r->site, "copyright", c->copyright);
	setstr(r->site, "base_url", c->base_url);
	setstr(r->site, "language", c->language);
	json_object_set_new(r->site, "params", c->params ?
	    json_deep_copy(c->params) : json_object());
	r->strings = json_deep_copy(theme_strings(th));
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	json_decref(r->site);
	json_decref(r->strings);
	free(r);
}
