/*
 * The render stage.  For each page this file builds the view model that
 * docs/templates.md documents: the site, the theme's strings, the menus
 * and the page with its neighbours, breadcrumbs and children, every URL
 * relative to the page.  Then it renders the page's Markdown body and its
 * layout.  Nothing user-visible is written here; every word comes from
 * content, site.yaml or the theme's i18n files.
 */
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "edition.h"
#include "excerpt.h"
#include "i18n.h"
#include "identity.h"
#include "linkcheck.h"
#include "markdown.h"
#include "meta.h"
#include "mustache.h"
#include "page.h"
#include "section.h"
#include "share.h"
#include "text.h"
#include "theme.h"
#include "xalloc.h"

/*
 * A part of the view kept from one page to the next.  Menus, sections,
 * breadcrumbs and alternates depend on the page only through a few
 * strings: the URLs as seen from it and the menu flags.  That is the key;
 * pages of one folder share it, and so share the part.  Views are only
 * read while rendering, and a renderer serves one thread.
 */
struct memo {
	struct buf	 key;		/* what "v" was made from */
	json_t		*v;		/* NULL until made */
};

/* A date and its date_display, shared by the listings that show it. */
struct datememo {
	char		 iso[24];	/* "" when unused */
	json_t		*date, *display;
};

#define NDATES	256

/*
 * The keys of a view that a layout may go without.  A key that no tag of
 * the layout, of its parents or of its partials names can never be read,
 * so it is not made: names[K_X] is the key of K_X, and its bit is set in
 * the renderer's "want" when the layout names it (mustache_mentions()).
 * Making more than a layout reads is always right; these only save work.
 */
enum key {
	K_TITLE, K_CODE, K_URL, K_SUMMARY, K_SUMMARY_PARAPHRASE, K_LEAD_TEXT,
	K_DATE, K_DATE_DISPLAY, K_WEIGHT, K_KIND, K_IS_SECTION, K_LEAD,
	K_PARTNERS, K_HAS_LEAD, K_HAS_PARTNERS, K_IS_HOME, K_IS_PAGE,
	K_CONTENT, K_PATH, K_PERMALINK, K_PARAMS, K_HEAD_TITLE,
	K_DESCRIPTION, K_HAS_DESCRIPTION, K_SHARE, K_JSONLD, K_BREADCRUMBS,
	K_PREV, K_NEXT, K_SECTION, K_PAGES, K_HAS_PAGES, K_ROOT,
	K_INDEX_FILE, K_GENERATOR, K_MENU, K_HOME_URL, K_SECTIONS,
	K_ALTERNATES, K_CONTACT_URL, K_PUBLISHER_URL, K_LEGAL_URL,
	K_SEARCH_URL, K_LOGO_URL, K_LANGUAGES, K_HAS_LANGUAGES, K_HREFLANG,
	K_ORIGINAL_URL, K_ORIGINAL_LANG, K_COUNT
};

static const char *const names[K_COUNT] = {
	"title", "code", "url", "summary", "summary_paraphrase", "lead_text",
	"date", "date_display", "weight", "kind", "is_section", "lead",
	"partners", "has_lead", "has_partners", "is_home", "is_page",
	"content", "path", "permalink", "params", "head_title",
	"description", "has_description", "share", "jsonld", "breadcrumbs",
	"prev", "next", "section", "pages", "has_pages", "root",
	"index_file", "generator", "menu", "home_url", "sections",
	"alternates", "contact_url", "publisher_url", "legal_url",
	"search_url", "logo_url", "languages", "has_languages", "hreflang",
	"original_url", "original_lang"
};

/* The keys a layout names, found once per renderer. */
struct wants {
	const struct mustache	*m;
	uint64_t		 mask;
};

/* The longest <title> and description search results show, in characters. */
#define TITLE_MAX	70
#define DESC_MAX	200

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
	struct linkcheck	*links;		/* NULL: links not checked */
	struct buf		*heads, *text;	/* the words: NULL, none */
	void			(*wait)(void *);	/* render_set_wait() */
	void			*wait_arg;
	const char		*search;	/* the search page, or NULL */
	const json_t		*langs;		/* [{code, name, prefix}] */
	size_t			 cur;		/* this edition in langs */
	const struct edition	*eds;		/* every edition, langs 1.. */
	const struct edition	*ed;		/* NULL: the site's own */
	struct memo		 menu, secs, crumbs, alts;
	struct buf		 key;		/* the key being made */
	struct buf		 html;		/* the body of the page */
	struct buf		 date;		/* a date_display being made */
	json_t			*empty;		/* "", shared by the views */
	json_t			*kinds[4];	/* "home", "section", ... */
	struct datememo		 dates[NDATES];	/* by a hash of the date */
	struct mustache_cache	*cache;		/* sections written before */
	char			**mpaths;	/* of the menu items, seen from */
	size_t			 nmpaths;	/* "mpaths_ed" (menupaths()) */
	const struct edition	*mpaths_ed;
	struct wants		*wants;		/* by layout */
	size_t			 nwants, wants_cap;
	uint64_t		 want;		/* of the page being made */
};

/* Where links of the page being rendered start from. */
struct here {
	const char	*path;		/* the page's site path */
	const char	*abs;		/* absolute base, or NULL for relative */
	int		 files;		/* links to folders name index.html */
	const char	*up;		/* a parent page that is no content */
	const char	*up_title;	/* page (site path), and its title */
	const struct edition *ed;	/* where links lead (edition_path()) */
	int		 made;		/* a page with no content file */
};

/* 1 if the layout of the page being made reads key "k". */
static int
want(const struct render *r, enum key k)
{
	return (r->want >> k & 1) != 0;
}

/* The keys layout "m" reads: a mask of enum key bits. */
static uint64_t
wanted(struct render *r, const struct mustache *m)
{
	struct wants	*w;
	size_t		 i;

	for (i = 0; i < r->nwants; i++)
		if (r->wants[i].m == m)
			return r->wants[i].mask;
	r->wants = xgrow(r->wants, r->nwants, &r->wants_cap, 8,
	    sizeof(*r->wants));
	w = &r->wants[r->nwants++];
	w->m = m;
	w->mask = mustache_mentions_mask(m, names, K_COUNT, theme_lookup,
	    (void *)r->th);
	return w->mask;
}

/* render_relurl() without "files". */
static void
relurl(struct buf *out, const char *from, const char *to)
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

void
render_relurl(struct buf *out, const char *from, const char *to, int files)
{
	struct buf	 u = BUF_INIT;

	if (!files) {
		relurl(out, from, to);
		return;
	}
	relurl(&u, from, to);
	text_url_file(out, u.data);
	buf_release(&u);
}

/*
 * json_stringn() and json_string(), with the UTF-8 check of text.c,
 * which runs over ASCII a word at a time: NULL for NULL or invalid UTF-8.
 */
static json_t *
jstrn(const char *s, size_t len)
{
	return text_utf8_valid(s, len, NULL) ? json_stringn_nocheck(s, len) :
	    NULL;
}

static json_t *
jstr(const char *s)
{
	return s != NULL ? jstrn(s, strlen(s)) : NULL;
}

void
render_url(struct buf *b, const char *from, const char *abs, const char *to,
    int files)
{
	struct buf	 u = BUF_INIT;

	if (strncmp(to, "http://", 7) == 0 || strncmp(to, "https://", 8) == 0
	    || strncmp(to, "mailto:", 7) == 0)
		buf_puts(b, to);
	else if (abs) {
		buf_puts(&u, abs);
		buf_puts(&u, to[0] == '/' ? to + 1 : to);
		if (files)
			text_url_file(b, u.data);
		else
			buf_put(b, u.data, u.len);
	} else
		render_relurl(b, from, to, files);
	buf_release(&u);
}

/* Append the URL of site path (or absolute URL) "to" seen from "h". */
static void
urlto(struct buf *b, const struct here *h, const char *to)
{
	char	*m;

	if (h->ed == NULL) {
		render_url(b, h->path, h->abs, to, h->files);
		return;
	}
	m = edition_strpath(h->ed, to);
	render_url(b, h->path, h->abs, m, h->files);
	free(m);
}

static json_t *
url(const struct here *h, const char *to)
{
	struct buf	 b = BUF_INIT;
	json_t		*s;

	urlto(&b, h, to);
	s = jstrn(b.data, b.len);
	buf_release(&b);
	return s;
}

/* Add the URL of "to" to the key "k", with a separator. */
static void
urlkey(struct buf *k, const struct here *h, const char *to)
{
	urlto(k, h, to);
	buf_putc(k, '\0');
}

/*
 * The length of the folder of the page: its path up to the '/' before
 * the last segment ("/a/b/" -> 3, for "/a/"), or 0 when links are
 * absolute or the page is the root.  A relative URL from "/a/b/" to a
 * path that is not below "/a/" and longer depends only on "/a/", not on
 * "b", and so does whether the page is the path or under it (the menu's
 * flags).  So for the pages of a folder, a part whose paths all lie
 * outside it is keyed by the folder alone, without making its URLs.
 */
static size_t
folder(const struct here *h)
{
	size_t	 n = strlen(h->path);

	if (h->abs != NULL || n < 2 || h->path[n - 1] != '/')
		return 0;
	for (n--; n > 0 && h->path[n - 1] != '/'; n--)
		continue;
	return n;
}

/* 1 if path "to" lies below the folder of "n" bytes of the page. */
static int
inside(const struct here *h, size_t n, const char *to)
{
	return strncmp(to, h->path, n) == 0 && to[n] != '\0';
}

/*
 * Start key "k" as the folder of "n" bytes, or (n = 0) for URLs, after
 * the keys the layout reads ("want"), which the part holds.
 */
static void
startkey(struct buf *k, const struct here *h, size_t n, uint64_t want)
{
	buf_reset(k);
	buf_put(k, &want, sizeof(want));
	buf_putc(k, n ? 'F' : 'U');
	buf_put(k, h->path, n);
}

/* The part kept in "m" if it was made from key "k" (a new reference). */
static json_t *
recall(const struct memo *m, const struct buf *k)
{
	if (m->v == NULL || m->key.len != k->len ||
	    memcmp(m->key.data, k->data, k->len) != 0)
		return NULL;
	return json_incref(m->v);
}

/* Keep part "v" made from key "k" in "m"; returns "v". */
static json_t *
keep(struct memo *m, const struct buf *k, json_t *v)
{
	json_decref(m->v);
	m->v = json_incref(v);
	buf_reset(&m->key);
	buf_put(&m->key, k->data, k->len);
	return v;
}

static void
forget(struct memo *m)
{
	json_decref(m->v);
	buf_release(&m->key);
}

static const char *const kindnames[4] = { "home", "section", "page", "404" };

static const char *
kind(const struct page *p)
{
	if (p->path && strcmp(p->path, "/404.html") == 0)
		return kindnames[3];
	if (!p->is_index)
		return kindnames[2];
	return kindnames[p->section->parent ? 1 : 0];
}

static void
setstr(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, jstr(v ? v : ""));
}

/* String "v" for a view: the empty string and kinds are shared. */
static json_t *
str(struct render *r, const char *v)
{
	size_t	 i;

	if (v == NULL || *v == '\0')
		return json_incref(r->empty);
	for (i = 0; i < 4; i++)
		if (v == kindnames[i])
			return json_incref(r->kinds[i]);
	return jstr(v);
}

static void
putstr(struct render *r, json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, str(r, v));
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
link_to(struct render *r, const struct here *h, const struct page *p)
{
	json_t	*o = json_object();

	if (want(r, K_TITLE))
		putstr(r, o, "title", p->title);
	if (want(r, K_CODE))
		putstr(r, o, "code", p->code);
	if (want(r, K_URL))
		json_object_set_new(o, "url", url(h, p->path));
	return o;
}

static void
putdate(struct render *r, json_t *o, const char *iso)
{
	putstr(r, o, "date", iso);
	buf_reset(&r->date);
	if (*iso)
		i18n_date(r->strings, iso, &r->date);
	putstr(r, o, "date_display", r->date.data);
}

/* "date" and "date_display" of date "iso" ("" when none) into "o". */
static void
dates(struct render *r, json_t *o, const char *iso)
{
	struct datememo	*m;
	size_t		 n = strlen(iso), i, hash = 0;

	if (n == 0 || n >= sizeof(m->iso)) {
		putdate(r, o, iso);
		return;
	}
	for (i = 0; i < n; i++)
		hash = hash * 31 + (unsigned char)iso[i];
	m = &r->dates[hash % NDATES];
	if (strcmp(m->iso, iso) != 0) {
		json_decref(m->date);
		json_decref(m->display);
		memcpy(m->iso, iso, n + 1);
		putdate(r, o, iso);
		m->date = json_incref(json_object_get(o, "date"));
		m->display = json_incref(json_object_get(o, "date_display"));
		return;
	}
	json_object_set(o, "date", m->date);
	json_object_set(o, "date_display", m->display);
}

/* The fields of a page that its listings and its own view share. */
static json_t *
fields(struct render *r, const struct here *h, const struct page *p)
{
	json_t		*o = link_to(r, h, p);

	if (want(r, K_SUMMARY))
		putstr(r, o, "summary", p->summary);
	if (want(r, K_SUMMARY_PARAPHRASE))
		json_object_set_new(o, "summary_paraphrase", json_boolean(
		    p->front && json_is_true(json_object_get(p->front,
		    "summary_is_paraphrase"))));
	if (want(r, K_LEAD_TEXT) && p->front &&
	    json_is_string(json_object_get(p->front, "lead_text")))
		putstr(r, o, "lead_text", json_string_value(json_object_get(
		    p->front, "lead_text")));
	if (want(r, K_DATE) || want(r, K_DATE_DISPLAY))
		dates(r, o, p->date);
	if (want(r, K_WEIGHT))
		json_object_set_new(o, "weight", json_integer(p->weight));
	if (want(r, K_KIND))
		putstr(r, o, "kind", kind(p));
	if (want(r, K_IS_SECTION))
		json_object_set_new(o, "is_section",
		    json_boolean(p->is_index));
	/*
	 * Copies, not references: other threads list the same page, and
	 * json_incref() reads the count without an atomic load first.
	 */
	if (p->lead && want(r, K_LEAD))
		json_object_set_new(o, "lead", json_deep_copy(p->lead));
	if (p->partners && want(r, K_PARTNERS))
		json_object_set_new(o, "partners",
		    json_deep_copy(p->partners));
	if (want(r, K_HAS_LEAD))
		json_object_set_new(o, "has_lead",
		    json_boolean(json_array_size(p->lead) > 0));
	if (want(r, K_HAS_PARTNERS))
		json_object_set_new(o, "has_partners",
		    json_boolean(json_array_size(p->partners) > 0));
	return o;
}

/* The fields every listing of a page carries. */
static json_t *
entry(struct render *r, const struct here *h, const struct page *p)
{
	json_t	*o = fields(r, h, p);

	progress(r, h, p, 0, o);
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
breadcrumbs(struct render *r, const struct here *h, const struct page *p)
{
	json_t		*a, *e;
	struct section	*s = p->section, *top;
	size_t		 n = folder(h);

	if (p->is_index)
		s = s->parent;
	/* The key: the first section, and the folder or every URL. */
	for (top = s; top != NULL; top = top->parent)
		if (n && inside(h, n, top->index->path))
			n = 0;
	startkey(&r->key, h, n, r->want);
	buf_put(&r->key, &s, sizeof(s));
	for (top = s; top != NULL && n == 0; top = top->parent)
		urlkey(&r->key, h, top->index->path);
	if (h->up == NULL && (a = recall(&r->crumbs, &r->key)) != NULL)
		return a;
	a = json_array();
	for (top = s; top != NULL; top = top->parent) {
		e = link_to(r, h, top->index);
		json_object_set_new(e, "is_home", json_boolean(!top->parent));
		json_array_insert_new(a, 0, e);
	}
	if (h->up == NULL)
		return keep(&r->crumbs, &r->key, a);
	json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:b}",
	    "title", h->up_title, "code", "", "url", url(h, h->up),
	    "is_home", 0));
	return a;
}

static void
neighbours(struct render *r, json_t *o, const struct here *h,
    const struct page *p)
{
	struct section	*s = p->section;

	if (p->prev && want(r, K_PREV))
		json_object_set_new(o, "prev", link_to(r, h, p->prev));
	if (p->next && want(r, K_NEXT))
		json_object_set_new(o, "next", link_to(r, h, p->next));
	if (p->is_index)
		s = s->parent;
	if (s != NULL && want(r, K_SECTION))
		json_object_set_new(o, "section", link_to(r, h, s->index));
}

/* The <title> of "p": its title, and the site's when the two fit. */
static void
headtitle(struct render *r, const struct page *p, struct buf *b)
{
	const char	*ell = i18n_string(r->strings, "ellipsis", "…");
	const char	*sep = i18n_string(r->strings, "title_separator", " – ");
	const char	*site = r->c->title;

	if (!strcmp(kind(p), "home")) {
		excerpt_cut(b, site, TITLE_MAX, ell);
		return;
	}
	if (excerpt_length(p->title) + excerpt_length(sep) +
	    excerpt_length(site) <= TITLE_MAX) {
		buf_puts(b, p->title);
		buf_puts(b, sep);
		buf_puts(b, site);
	} else
		excerpt_cut(b, p->title, TITLE_MAX, ell);
}

/*
 * What the page's <head> says of it: head_title, description (the
 * summary, else the first paragraph of the body, else the site's),
 * share and, on the home page, jsonld.
 */
static void
head(struct render *r, json_t *o, const struct page *p,
    const struct buf *html)
{
	const char	*ell = i18n_string(r->strings, "ellipsis", "…");
	struct buf	 b = BUF_INIT;
	char		*abs = NULL;
	json_t		*share;

	if (want(r, K_HEAD_TITLE)) {
		headtitle(r, p, &b);
		json_object_set_new(o, "head_title", jstrn(b.data, b.len));
	}
	if (want(r, K_DESCRIPTION) || want(r, K_HAS_DESCRIPTION)) {
		buf_reset(&b);
		if (*p->summary)
			excerpt_cut(&b, p->summary, DESC_MAX, ell);
		else
			excerpt_html(&b, html->data, html->len, DESC_MAX, ell);
		json_object_set_new(o, "has_description",
		    json_boolean(b.len > 0));
		if (b.len == 0)
			excerpt_cut(&b, r->c->description, DESC_MAX, ell);
		json_object_set_new(o, "description", jstrn(b.data, b.len));
	}
	if (want(r, K_SHARE)) {
		if (*r->c->base_url && strcmp(p->path, "/404.html") != 0)
			abs = xasprintf("%s%s", r->c->base_url, p->path + 1);
		share = share_view(r->strings, abs, p->title);
		if (abs == NULL)	/* the page's own, relative URL */
			json_object_set(share, "url", json_object_get(o,
			    "url"));
		json_object_set_new(o, "share", share);
	}
	if (want(r, K_JSONLD) && !strcmp(kind(p), "home")) {
		buf_reset(&b);
		identity_jsonld(r->c, &b);
		json_object_set_new(o, "jsonld", jstrn(b.data, b.len));
	}
	free(abs);
	buf_release(&b);
}

static json_t *
pageview(struct render *r, const struct here *h, const struct page *p,
    const struct buf *html)
{
	json_t		*o = fields(r, h, p), *kids;
	const char	*k = kind(p);

	if (want(r, K_IS_HOME))
		json_object_set_new(o, "is_home",
		    json_boolean(!strcmp(k, "home")));
	if (want(r, K_IS_PAGE))
		json_object_set_new(o, "is_page",
		    json_boolean(!strcmp(k, "page")));
	/* cmark-gfm writes UTF-8 (the input was checked on load). */
	if (want(r, K_CONTENT))
		json_object_set_new(o, "content", json_stringn_nocheck(
		    html->data, html->len));
	if (want(r, K_URL))
		json_object_set_new(o, "url", jstr(h->files ? "index.html" :
		    "./"));
	if (want(r, K_PATH))
		setstr(o, "path", p->path);
	if (want(r, K_PERMALINK))
		json_object_set_new(o, "permalink", *r->c->base_url ?
		    json_sprintf("%s%s", r->c->base_url, p->path + 1) :
		    jstr(p->path));
	/*
	 * A reference: a page's front matter is in its own view only, and
	 * one thread makes that view (listings read other pages' with
	 * json_object_get(), which leaves the count alone).
	 */
	if (want(r, K_PARAMS))
		json_object_set_new(o, "params", p->front ?
		    json_incref(p->front) : json_object());
	head(r, o, p, html);
	if (want(r, K_BREADCRUMBS))
		json_object_set_new(o, "breadcrumbs", breadcrumbs(r, h, p));
	neighbours(r, o, h, p);
	progress(r, h, p, 1, o);
	if (p->is_index && (want(r, K_PAGES) || want(r, K_HAS_PAGES))) {
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

/*
 * The site path of menu item "it" seen from the page's edition (where
 * its copy of the page is), to free with free().
 */
static char *
menu_path(const struct here *h, const json_t *it)
{
	const char	*u = json_string_value(json_object_get(it, "url"));

	return h->ed ? edition_strpath(h->ed, u) : xstrdup(u);
}

/* 1 if the page is the menu item "u" or below it; an edition's home
 * page, like the site's, only itself. */
static int
active(const struct here *h, const char *u)
{
	if (h->ed != NULL && strcmp(u, h->ed->prefix) == 0)
		return strcmp(h->path, u) == 0;
	return under(h->path, u);
}

/*
 * The site paths of the menu items (menu_path()), in the order menus()
 * walks them: made once for the edition of "h".
 */
static char *const *
menupaths(struct render *r, const struct here *h)
{
	json_t		*list, *it;
	const char	*name;
	size_t		 i;

	if (r->mpaths != NULL && r->mpaths_ed == h->ed)
		return r->mpaths;
	for (i = 0; i < r->nmpaths; i++)
		free(r->mpaths[i]);
	free(r->mpaths);
	r->nmpaths = 0;
	json_object_foreach(r->c->menus, name, list)
		r->nmpaths += json_array_size(list);
	r->mpaths = xcalloc(r->nmpaths + 1, sizeof(*r->mpaths));
	r->nmpaths = 0;
	json_object_foreach(r->c->menus, name, list)
		json_array_foreach(list, i, it)
			r->mpaths[r->nmpaths++] = menu_path(h, it);
	r->mpaths_ed = h->ed;
	return r->mpaths;
}

static json_t *
menus(struct render *r, const struct here *h)
{
	json_t		*o, *list, *it, *a, *e;
	const char	*name, *u;
	char *const	*paths;
	size_t		 i, k, n = folder(h);

	if (r->c->menus == NULL)
		return json_object();
	paths = menupaths(r, h);
	for (k = 0; k < r->nmpaths && n; k++)
		if (inside(h, n, paths[k]))
			n = 0;
	startkey(&r->key, h, n, r->want);
	for (k = 0; k < r->nmpaths && n == 0; k++) {
		u = paths[k];
		render_url(&r->key, h->path, h->abs, u, h->files);
		buf_putc(&r->key, '\0');
		buf_putc(&r->key, '0' + (strcmp(h->path, u) == 0) +
		    2 * active(h, u));
	}
	if ((o = recall(&r->menu, &r->key)) != NULL)
		return o;
	o = json_object();
	k = 0;
	json_object_foreach(r->c->menus, name, list) {
		a = json_array();
		json_array_foreach(list, i, it) {
			u = paths[k++];
			e = json_object();
			json_object_set_new(e, "name", jstr(
			    json_string_value(json_object_get(it, "name"))));
			json_object_set_new(e, "url", url(&(struct here){
			    h->path, h->abs, h->files, NULL, NULL, NULL, 0 },
			    u));
			json_object_set_new(e, "current",
			    json_boolean(strcmp(h->path, u) == 0));
			json_object_set_new(e, "active",
			    json_boolean(active(h, u)));
			json_array_append_new(a, e);
		}
		json_object_set_new(o, name, a);
	}
	return keep(&r->menu, &r->key, o);
}

/* Top-level sections; with their pages on the home page only. */
static json_t *
sections(struct render *r, const struct here *h, int withpages)
{
	json_t	*a, *e;
	size_t	 i, n = folder(h);
	int	 memo = !withpages && r->progress == NULL;

	/* Progress entries are the callback's: they are made every time. */
	if (memo) {
		for (i = 0; i < r->root->nsubs && n; i++)
			if (inside(h, n, r->root->subs[i]->index->path))
				n = 0;
		startkey(&r->key, h, n, r->want);
		for (i = 0; i < r->root->nsubs && n == 0; i++)
			urlkey(&r->key, h, r->root->subs[i]->index->path);
		if ((a = recall(&r->secs, &r->key)) != NULL)
			return a;
	}
	a = json_array();
	for (i = 0; i < r->root->nsubs; i++) {
		e = entry(r, h, r->root->subs[i]->index);
		if (withpages)
			json_object_set_new(e, "pages",
			    children(r, h, r->root->subs[i], 0));
		json_array_append_new(a, e);
	}
	return memo ? keep(&r->secs, &r->key, a) : a;
}

static json_t *
alternates(struct render *r, const struct here *h)
{
	json_t		*a, *c;
	const char	*key, *title;
	char		*to;
	size_t		 i;

	buf_reset(&r->key);
	json_array_foreach(r->catalogs, i, c) {
		to = xasprintf("/%s", json_string_value(json_object_get(c,
		    "path")));
		urlkey(&r->key, h, to);
		free(to);
	}
	if ((a = recall(&r->alts, &r->key)) != NULL)
		return a;
	a = json_array();
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
	return keep(&r->alts, &r->key, a);
}

/* The addresses from site.yaml, as seen from the page. */
static void
links(struct render *r, const struct here *h, json_t *v)
{
	const char	*u;
	char		*p;

	if (want(r, K_CONTACT_URL) && (u = json_string_value(
	    json_object_get(r->c->contact, "url"))))
		json_object_set_new(v, "contact_url", url(h, u));
	if (want(r, K_PUBLISHER_URL) && (u = json_string_value(
	    json_object_get(r->c->publisher, "url"))))
		json_object_set_new(v, "publisher_url", url(h, u));
	if (want(r, K_LEGAL_URL) && *r->c->legal_url)
		json_object_set_new(v, "legal_url", url(h, r->c->legal_url));
	if (want(r, K_SEARCH_URL) && r->search != NULL)
		json_object_set_new(v, "search_url", url(h, r->search));
	if (want(r, K_LOGO_URL) && *r->c->logo) {
		p = xasprintf("/%s", r->c->logo);
		json_object_set_new(v, "logo_url", url(h, p));
		free(p);
	}
}

void
render_set_updated(struct render *r, const char *iso)
{
	json_t	*o = json_object();

	putdate(r, o, iso);
	json_object_set_new(r->site, "updated", o);
}

void
render_set_catalogs(struct render *r, const json_t *catalogs)
{
	r->catalogs = catalogs;
}

void
render_set_search(struct render *r, const char *path)
{
	r->search = path;
}

void
render_set_edition(struct render *r, const json_t *langs,
    const struct edition *eds, size_t cur, const json_t *strings)
{
	r->langs = langs;
	r->cur = cur;
	r->eds = eds;
	r->ed = cur > 0 ? &eds[cur - 1] : NULL;
	if (strings != NULL) {
		json_decref(r->strings);
		r->strings = json_deep_copy(strings);
	}
}

void
render_set_words(struct render *r, struct buf *heads, struct buf *text)
{
	r->heads = heads;
	r->text = text;
}

void
render_set_links(struct render *r, struct linkcheck *lc)
{
	r->links = lc;
}

void
render_set_wait(struct render *r, void (*fn)(void *), void *arg)
{
	r->wait = fn;
	r->wait_arg = arg;
}

/* Where a page's Markdown links are reported from. */
struct linkplace {
	struct linkcheck	*lc;
	const char		*file;	/* the page's source */
	const char		*from;	/* its site path */
};

static void
onlink(void *arg, const char *url, unsigned line, unsigned col)
{
	const struct linkplace	*lp = arg;

	linkcheck_link(lp->lc, lp->file, line, col, lp->from, url);
}

void
render_set_progress(struct render *r, render_progress_fn fn, void *arg)
{
	r->progress = fn;
	r->progress_arg = arg;
}

static void	languages(struct render *, const struct here *,
		    const struct page *, json_t *);

static json_t *
view(struct render *r, const struct here *h, const struct page *p,
    const char *root, const struct buf *html)
{
	json_t		*v = json_object(), *pv;

	if (want(r, K_ROOT))
		json_object_set_new(v, "root", jstr(root));
	if (want(r, K_INDEX_FILE))
		json_object_set_new(v, "index_file", jstr(h->files ?
		    "index.html" : ""));
	json_object_set_new(v, "lang", jstr(r->c->language));
	if (want(r, K_GENERATOR))
		json_object_set_new(v, "generator", jstr("planpress "
		    PLANPRESS_VERSION));
	json_object_set(v, "site", r->site);
	json_object_set(v, "t", r->strings);
	if (want(r, K_MENU))
		json_object_set_new(v, "menu", menus(r, h));
	if (want(r, K_HOME_URL))
		json_object_set_new(v, "home_url", url(h, "/"));
	pv = pageview(r, h, p, html);
	json_object_set_new(v, "page", pv);
	/* The home page lists every page only for a layout that shows them. */
	if (want(r, K_SECTIONS))
		json_object_set_new(v, "sections", sections(r, h,
		    p->is_index && p->section == r->root && want(r, K_PAGES)));
	if (want(r, K_ALTERNATES))
		json_object_set_new(v, "alternates", alternates(r, h));
	links(r, h, v);
	if ((want(r, K_LANGUAGES) || want(r, K_HAS_LANGUAGES) ||
	    want(r, K_HREFLANG) || want(r, K_ORIGINAL_URL) ||
	    want(r, K_ORIGINAL_LANG)) &&
	    r->langs != NULL && json_array_size(r->langs) > 1 &&
	    p->path[strlen(p->path) - 1] == '/')	/* not the 404 page */
		languages(r, h, p, v);
	if (p->lang != NULL && !p->translated) {
		/* shown in the site's language, with a notice */
		json_object_set_new(v, "untranslated", json_true());
		json_object_set_new(pv, "lang", jstr(r->c->main_language));
	} else
		json_object_set_new(pv, "lang", jstr(r->c->language));
	if (r->c->edition && r->c->edition->unofficial &&
	    (p->lang == NULL || p->translated))	/* not the original */
		json_object_set_new(v, "unofficial", json_true());
	return v;
}

/*
 * The site path of the page of edition "k" (0: the site's own) that
 * stands for the page "p" at "h", or NULL when that edition left it out;
 * "*tr" tells whether it is a translation (or the site's own page).
 */
static char *
counterpart(const struct render *r, const struct here *h,
    const struct page *p, size_t k, int *tr)
{
	const char	*main_path = p->orig ? p->orig->path : p->path;
	const char	*pre;
	const struct page *o = p->orig ? p->orig : p;

	if (h->made) {	/* the same path, where the edition has it */
		if (r->cur > 0)
			main_path += strlen(r->ed->prefix) - 1;
		if (k > 0 && !edition_has(&r->eds[k - 1], main_path))
			return NULL;
		pre = json_string_value(json_object_get(json_array_get(
		    r->langs, k), "prefix"));
		*tr = 1;
		return xasprintf("%s%s", pre, main_path + 1);
	}
	if (k == 0) {
		*tr = 1;
		return xstrdup(o->path);
	}
	if (o->twins == NULL || o->twins[k - 1] == NULL)
		return NULL;
	*tr = o->twins[k - 1]->translated;
	return xstrdup(o->twins[k - 1]->path);
}

/* An address for hreflang: absolute with a base URL. */
static json_t *
hrefto(const struct render *r, const struct here *h, const char *path)
{
	if (*r->c->base_url)
		return json_sprintf("%s%s", r->c->base_url, path + 1);
	return url(&(struct here){ h->path, h->abs, h->files, NULL, NULL,
	    NULL, 0 }, path);
}

/*
 * "languages", the switcher: every language of the site with the URL of
 * this page in it (else of that edition's home page), and "hreflang",
 * the translations of this page for <link rel="alternate">, when it is
 * itself a translation or the original of one.
 */
static void
languages(struct render *r, const struct here *h, const struct page *p,
    json_t *v)
{
	json_t		*sw = json_array(), *hl = json_array(), *l;
	const char	*code, *pre;
	char		*path;
	size_t		 k;
	int		 tr, mine = h->made || p->lang == NULL || p->translated;
	struct here	 plain = *h;

	plain.ed = NULL;	/* counterparts are paths already */
	json_array_foreach(r->langs, k, l) {
		code = json_string_value(json_object_get(l, "code"));
		pre = json_string_value(json_object_get(l, "prefix"));
		tr = 0;
		if ((path = counterpart(r, h, p, k, &tr)) == NULL)
			path = xstrdup(pre);
		json_array_append_new(sw, json_pack("{s:s, s:O, s:o, s:b}",
		    "code", code, "name", json_object_get(l, "name"),
		    "url", url(&plain, path), "current", k == r->cur));
		if (k == 0 && r->cur > 0) {
			json_object_set_new(v, "original_url", url(&plain,
			    path));
			json_object_set_new(v, "original_lang", jstr(code));
		}
		if (tr && mine)
			json_array_append_new(hl, json_pack("{s:s, s:o}",
			    "code", code, "href", hrefto(r, &plain, path)));
		if (tr && mine && k == 0)
			json_array_append_new(hl, json_pack("{s:s, s:o}",
			    "code", "x-default", "href", hrefto(r, &plain,
			    path)));
		free(path);
	}
	if (json_array_size(hl) < 3)	/* itself and x-default only */
		json_array_clear(hl);
	json_object_set_new(v, "languages", sw);
	json_object_set_new(v, "has_languages", json_true());
	json_object_set_new(v, "hreflang", hl);
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
	if (p->layout && p->fm) {
		struct buf	 hint = BUF_INIT;

		theme_layout_hint(r->th, name, &hint);
		diag_error(r->d, meta_loc(p->fm, p->front, "layout"),
		    "unknown layout '%s'%s", name, hint.data);
		buf_release(&hint);
	}
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
	struct buf		 root = BUF_INIT;
	struct markdown_opts	 mo;
	struct linkplace	 lp;
	json_t			*v;
	int			 rc;

	if (h->abs)
		buf_puts(&root, h->abs);
	else
		relurl(&root, h->path, "/");
	buf_reset(&r->html);
	mo = r->c->markdown;
	mo.files = h->files;
	mo.ed = h->ed;
	mo.from = h->path;
	mo.heads = mo.text = NULL;
	mo.wait = r->wait;
	mo.wait_arg = r->wait_arg;
	if (r->links != NULL) {
		lp.lc = r->links;
		lp.file = p->file;
		lp.from = h->path;
		mo.link = onlink;
		mo.link_arg = &lp;
	}
	if (r->heads != NULL) {
		buf_reset(r->heads);
		buf_reset(r->text);
		if (!mo.smart) {	/* the words of this very parse */
			mo.heads = r->heads;
			mo.text = r->text;
		} else
			markdown_text(p->body, p->bodylen, r->heads, r->text);
	}
	rc = markdown_render(r->d, p->file, p->bodyline, p->body,
	    p->bodylen, &mo, root.data, &r->html);
	r->want = wanted(r, m);
	v = view(r, h, p, root.data, &r->html);
	if (key)
		json_object_set_new(v, key, extra);
	rc &= mustache_render_cached(m, v, theme_lookup, (void *)r->th, r->d,
	    out, r->cache);
	json_decref(v);
	buf_release(&root);
	return rc;
}

int
render_page(struct render *r, const struct page *p, struct buf *out)
{
	struct here		 h = { p->path, NULL, r->c->file_urls, NULL,
				    NULL, r->ed, 0 };
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
	struct here		 h = { path, NULL, r->c->file_urls, up,
				    up_title, r->ed, 1 };
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
	struct here		 h = { "/404.html", "/", r->c->file_urls, NULL,
				    NULL, r->ed, 1 };
	const struct mustache	*m = theme_layout(r->th, "404");
	struct page		 p;
	json_t			*title;
	int			 rc;

	if (m == NULL)
		return -1;
	if (*r->c->base_url)	/* "https://host/a/" -> "/a/" */
		h.abs = strchr(strstr(r->c->base_url, "//") + 2, '/');
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

/* site.contact_tel: the phone number for a tel: link ("+84 234" -> "+84234"). */
static void
tel(json_t *site, const char *phone)
{
	struct buf	 b = BUF_INIT;

	for (; phone && *phone; phone++)
		if ((*phone >= '0' && *phone <= '9') || (*phone == '+' &&
		    b.len == 0))
			buf_putc(&b, *phone);
	if (b.len)
		json_object_set_new(site, "contact_tel", json_string(b.data));
	buf_release(&b);
}

struct render *
render_new(struct diag *d, const struct config *c, const struct theme *th,
    struct section *root)
{
	struct render	*r = xcalloc(1, sizeof(*r));
	size_t		 i;

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
	if (c->publisher)
		json_object_set_new(r->site, "publisher",
		    json_deep_copy(c->publisher));
	if (c->contact) {
		json_object_set_new(r->site, "contact",
		    json_deep_copy(c->contact));
		tel(r->site, json_string_value(json_object_get(c->contact,
		    "phone")));
		json_object_set_new(r->site, "has_contact_details",
		    json_boolean(json_object_get(c->contact, "address") ||
		    json_object_get(c->contact, "phone") ||
		    json_object_get(c->contact, "email") ||
		    json_object_get(c->contact, "url")));
	}
	if (*c->legal_text)
		json_object_set_new(r->site, "legal_basis", json_pack(
		    "{s:s, s:s}", "text", c->legal_text, "url", c->legal_url));
	setstr(r->site, "logo", c->logo);
	r->strings = json_deep_copy(theme_strings(th));
	buf_init(&r->menu.key);
	buf_init(&r->secs.key);
	buf_init(&r->crumbs.key);
	buf_init(&r->alts.key);
	buf_init(&r->key);
	buf_init(&r->html);
	buf_init(&r->date);
	r->empty = json_string("");
	r->cache = mustache_cache_new();
	for (i = 0; i < 4; i++)
		r->kinds[i] = json_string(kindnames[i]);
	return r;
}

void
render_free(struct render *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	json_decref(r->site);
	json_decref(r->strings);
	forget(&r->menu);
	forget(&r->secs);
	forget(&r->crumbs);
	forget(&r->alts);
	buf_release(&r->key);
	buf_release(&r->html);
	buf_release(&r->date);
	json_decref(r->empty);
	for (i = 0; i < 4; i++)
		json_decref(r->kinds[i]);
	for (i = 0; i < NDATES; i++) {
		json_decref(r->dates[i].date);
		json_decref(r->dates[i].display);
	}
	free(r->wants);
	mustache_cache_free(r->cache);
	for (i = 0; i < r->nmpaths; i++)
		free(r->mpaths[i]);
	free(r->mpaths);
	free(r);
}
