/*
 * The documents of the site search, in the package stage: after the
 * datasets, targets and units are known and before the content pages
 * are rendered.  Every page goes to search_add() in reading order: the
 * content, then the targets, the units and the datasets, each after its
 * index page, so results that rank alike are listed as the site lists
 * them.  The words of a content page's Markdown come later, from the
 * render stage, which parses it anyway: searchdocs_words() adds them.
 */
#include "searchdocs.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dataset.h"
#include "dsview.h"
#include "excerpt.h"
#include "edition.h"
#include "i18n.h"
#include "indicator.h"
#include "markdown.h"
#include "page.h"
#include "search.h"
#include "section.h"
#include "xalloc.h"

/* The words a document is made of, reused from one to the next. */
struct words {
	struct buf	 heads, text, snippet, codes, code;
};

static void
reset(struct words *w)
{
	buf_reset(&w->heads);
	buf_reset(&w->text);
	buf_reset(&w->snippet);
	buf_reset(&w->codes);
	buf_reset(&w->code);
}

/*
 * "s", its runs of white space one space and none at the ends, cut to
 * a snippet into w->snippet.  Only its start is copied: past 4 bytes a
 * character of the snippet, the cut falls in what is already there.
 */
static void
snippet(const struct searchdocs *in, struct words *w, const char *s)
{
	struct buf	 b = BUF_INIT;
	int		 space = 0;

	for (; *s && b.len <= 4 * SEARCHDOCS_SNIPPET; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	excerpt_cut(&w->snippet, b.data, SEARCHDOCS_SNIPPET,
	    i18n_string(in->strings, "ellipsis", "…"));
	buf_release(&b);
}

static void
words(struct buf *b, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	buf_puts(b, s);
	buf_putc(b, ' ');
}

/* The names of the units of "a" (a page's lead or partners). */
static void
agencies(const struct searchdocs *in, const json_t *a, struct buf *out)
{
	const struct unit	*u;
	json_t			*e;
	size_t			 i;

	if (in->x == NULL)
		return;
	json_array_foreach(a, i, e)
		if ((u = indicators_unit(in->x, json_string_value(e))) != NULL)
			words(out, u->name);
}

static int
is_search(const struct page *p)
{
	return p->layout != NULL && strcmp(p->layout, SEARCHDOCS_LAYOUT) == 0;
}

static int
findable(const struct page *p)
{
	size_t	 n = p->path ? strlen(p->path) : 0;

	return !p->broken && n > 0 && p->path[n - 1] == '/' && !is_search(p);
}

/*
 * The snippet and the words of content page "p" into "w", which holds
 * the words of its Markdown: its summary, agencies and their words are
 * text too.
 */
static void
page_words(const struct searchdocs *in, struct words *w, const struct page *p)
{
	snippet(in, w, *p->summary ? p->summary : w->text.data);
	words(&w->text, p->summary);	/* all of it: the snippet is cut */
	agencies(in, p->lead, &w->text);
	agencies(in, p->partners, &w->text);
	words(&w->text, json_string_value(json_object_get(p->front,
	    "lead_text")));
	words(&w->text, json_string_value(json_object_get(p->front,
	    "partners_text")));
}

/* The document of content page "p", its words to come; its number. */
static size_t
content_page(struct search *s, struct page *p)
{
	struct search_doc	 d;
	const struct section	*sec = p->is_index ? p->section->parent :
	    p->section;

	memset(&d, 0, sizeof(d));
	d.kind = p->is_index && p->section->parent ? SEARCH_SECTION :
	    SEARCH_PAGE;
	d.path = p->path;
	d.title = p->title;
	d.code = p->code;
	if (sec != NULL && sec->parent != NULL) {
		d.section = sec->index->title;
		d.section_path = sec->index->path;
	}
	search_add(s, &d);
	return search_count(s) - 1;
}

/* The content pages; docs[i] for page i of section_flatten(). */
static void
content(const struct searchdocs *in, struct search *s, size_t **docs)
{
	struct page	**v;
	size_t		  n = section_flatten(in->root, &v), i;

	*docs = xreallocarray(NULL, n ? n : 1, sizeof(**docs));
	for (i = 0; i < n; i++)
		(*docs)[i] = findable(v[i]) ? content_page(s, v[i]) :
		    SEARCHDOCS_NONE;
	free(v);
}

void
searchdocs_words(const struct searchdocs *in, struct search *s,
    struct search *part, size_t doc, const struct page *p,
    const char *heads, const char *text)
{
	struct words	 w;

	memset(&w, 0, sizeof(w));
	buf_init(&w.heads);
	buf_init(&w.text);
	buf_init(&w.snippet);
	buf_puts(&w.heads, heads);
	buf_puts(&w.text, text);
	page_words(in, &w, p);
	search_set_snippet(s, doc, w.snippet.data);
	search_add_words(part, doc, w.text.data, w.snippet.data,
	    w.heads.data);
	buf_release(&w.heads);
	buf_release(&w.text);
	buf_release(&w.snippet);
}

/* A page planpress makes, known by its title alone. */
static void
made(struct search *s, enum search_kind kind, const char *path,
    const char *title, const char *section, const char *section_path)
{
	struct search_doc	 d;

	memset(&d, 0, sizeof(d));
	d.kind = kind;
	d.path = path;
	d.title = title;
	d.section = section;
	d.section_path = section_path;
	search_add(s, &d);
}

/* The site path "path" (taken) as the edition of the index has it. */
static char *
epath(const struct searchdocs *in, char *path)
{
	char	*e;

	if (in->ed == NULL)
		return path;
	e = edition_strpath(in->ed, path);
	free(path);
	return e;
}

static void
target(const struct searchdocs *in, struct search *s, struct words *w,
    const struct indicator *ind)
{
	const struct indicators	*x = in->x;
	struct search_doc	 d;
	char			*path, *secpath;

	path = epath(in, xasprintf("%s%s/", x->ind_path, ind->id));
	secpath = epath(in, xstrdup(ind->area_page ? ind->area_page->path :
	    x->ind_path));
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_TARGET;
	d.path = path;
	d.title = edition_name(in->ed, ind->names, ind->name);
	if (d.title != ind->name)	/* found by its own words too */
		words(&w->text, ind->name);
	if (*ind->area)
		buf_printf(&w->code, "%s.", ind->area);
	buf_puts(&w->code, ind->label);
	d.code = w->code.data;
	buf_printf(&w->codes, "%s %s%s%s %s", ind->id, ind->area,
	    *ind->area ? "." : "", ind->clause, ind->task);
	d.codes = w->codes.data;
	d.section = ind->area_page ? edition_title(in->ed, ind->area_page) :
	    i18n_string(in->strings, "indicators", "");
	d.section_path = secpath;
	words(&w->text, ind->clause_text);
	words(&w->text, ind->source);
	if (ind->lead >= 0)
		words(&w->text, x->units[ind->lead].name);
	snippet(in, w, *ind->clause_text && strcmp(ind->clause_text,
	    ind->name) != 0 ? ind->clause_text : ind->source);
	d.text = w->text.data;
	d.snippet = w->snippet.data;
	search_add(s, &d);
	free(path);
	free(secpath);
}

static void
unit(const struct searchdocs *in, struct search *s, struct words *w,
    const struct unit *u)
{
	const struct indicators	*x = in->x;
	const struct unit	*parent = u->parent && *u->parent ?
	    indicators_unit(x, u->parent) : NULL;
	const char		*type = edition_unit_type(in->ed,
	    x->unit_types, u->type);
	struct search_doc	 d;
	char			*path, *secpath;
	path = epath(in, xasprintf("%s%s/", x->unit_path, u->id));
	secpath = epath(in, xstrdup(x->unit_path));
	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_OTHER;
	d.path = path;
	d.title = edition_name(in->ed, u->names, u->name);
	if (d.title != u->name)
		words(&w->text, u->name);
	d.codes = u->id;
	d.section = i18n_string(in->strings, "units", "");
	d.section_path = secpath;
	words(&w->text, type ? type : u->type);
	words(&w->text, parent ? edition_name(in->ed, parent->names, parent->name) :
	    NULL);
	words(&w->text, u->note);
	snippet(in, w, type ? type : "");
	d.text = w->text.data;
	d.snippet = w->snippet.data;
	search_add(s, &d);
	free(path);
	free(secpath);
}

/* The targets and units, each after its index page. */
static void
model(const struct searchdocs *in, struct search *s, struct words *w)
{
	const struct indicators	*x = in->x;
	const char		*title = i18n_string(in->strings,
	    "indicators", "");
	const char		*utitle = i18n_string(in->strings,
	    "units", "");
	char			*path, *ip = epath(in, xstrdup(x->ind_path));
	char			*up = epath(in, xstrdup(x->unit_path));
	size_t			 i;

	made(s, SEARCH_SECTION, ip, title, NULL, NULL);
	for (i = 0; i < x->n; i++) {
		reset(w);
		target(in, s, w, &x->v[i]);
	}
	path = epath(in, xstrdup(x->meth_path));
	made(s, SEARCH_PAGE, path, i18n_string(in->strings, "methodology",
	    ""), title, ip);
	free(path);
	if (x->nunits > 0) {
		made(s, SEARCH_SECTION, up, utitle, NULL, NULL);
		for (i = 0; i < x->nunits; i++) {
			reset(w);
			unit(in, s, w, &x->units[i]);
		}
	}
	free(ip);
	free(up);
}

static void
dataset(const struct searchdocs *in, struct search *s, struct words *w,
    const struct dataset *ds)
{
	const char		*sum = json_string_value(json_object_get(
	    ds->root, "summary"));
	struct search_doc	 d;
	char			*path = xasprintf("%s%s/", DSVIEW_ROOT,
	    ds->id);
	json_t			*k;
	size_t			 i;

	memset(&d, 0, sizeof(d));
	d.kind = SEARCH_OTHER;
	d.path = path;
	d.title = ds->title ? ds->title : ds->id;
	d.codes = ds->id;
	d.section = i18n_string(in->strings, "datasets", "");
	d.section_path = DSVIEW_ROOT;
	json_array_foreach(ds->keywords, i, k)
		words(&w->heads, json_string_value(k));
	if (ds->description != NULL)
		markdown_text(ds->description, strlen(ds->description),
		    &w->heads, &w->text);
	words(&w->text, sum);
	snippet(in, w, sum ? sum : w->text.data);
	d.heads = w->heads.data;
	d.text = w->text.data;
	d.snippet = w->snippet.data;
	search_add(s, &d);
	free(path);
}

static void
datasets(const struct searchdocs *in, struct search *s, struct words *w)
{
	size_t	 i;

	made(s, SEARCH_SECTION, DSVIEW_ROOT, i18n_string(in->strings,
	    "datasets", ""), NULL, NULL);
	for (i = 0; i < in->ndata; i++)
		if (in->data[i]->ok) {
			reset(w);
			dataset(in, s, w, in->data[i]);
		}
}

struct search *
searchdocs_index(const struct searchdocs *in, size_t **docs)
{
	struct search	*s = search_new();
	struct words	 w;

	memset(&w, 0, sizeof(w));
	buf_init(&w.heads);
	buf_init(&w.text);
	buf_init(&w.snippet);
	buf_init(&w.codes);
	buf_init(&w.code);
	content(in, s, docs);
	if (in->x != NULL)
		model(in, s, &w);
	if (in->ndata > 0)
		datasets(in, s, &w);
	buf_release(&w.heads);
	buf_release(&w.text);
	buf_release(&w.snippet);
	buf_release(&w.codes);
	buf_release(&w.code);
	return s;
}

const struct page *
searchdocs_page(struct section *root)
{
	struct page	**v;
	const struct page *p = NULL;
	size_t		  n = section_flatten(root, &v), i;

	for (i = 0; i < n && p == NULL; i++)
		if (!v[i]->broken && v[i]->path != NULL && is_search(v[i]))
			p = v[i];
	free(v);
	return p;
}
