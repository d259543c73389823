/*
 * Themes, in the load stage.  All templates of the site and of the theme
 * are read and parsed once here, then checked: every {{>partial}} and
 * {{<parent}} must name a template that exists, so a typo is an error
 * with its line and column rather than an empty space on a page.  The
 * render stage only looks templates up.
 */
#include "theme.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "datadir.h"
#include "diag.h"
#include "fsin.h"
#include "i18n.h"
#include "intl.h"
#include "mustache.h"
#include "text.h"
#include "suggest.h"
#include "xalloc.h"

#define EXT	".mustache"

/* The four places templates come from, in lookup order for partials. */
enum { SITE_PARTIALS, THEME_PARTIALS, SITE_LAYOUTS, THEME_LAYOUTS, NDIRS };

struct tpl {
	char		*name;
	struct mustache	*m;
};

struct theme {
	char		*dir;
	char		*assets;
	struct tpl	*v[NDIRS];
	size_t		 n[NDIRS];
	json_t		*strings;
	struct diag	*d;
	int		 rc;
};

static int
endswith(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Parse the template text "b" of "path": it must be UTF-8, and a byte
 * order mark at its start is dropped (it would be copied into every page
 * before the doctype).  NULL after reporting.
 */
static struct mustache *
parse(struct diag *d, const char *path, const struct buf *b)
{
	struct loc	 l = { path, 0, 0 };
	size_t		 off = 0, bad;

	if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (!text_utf8_valid(b->data + off, b->len - off, &bad)) {
		text_position(b->data, off + bad, &l.line, &l.col);
		diag_error(d, &l, "invalid UTF-8 (byte offset %zu)", off + bad);
		return NULL;
	}
	return mustache_parse(d, path, b->data + off, b->len - off);
}

static int
loadone(struct theme *th, int which, const char *dir, const char *name)
{
	struct buf	 b = BUF_INIT;
	char		*path = xasprintf("%s/%s", dir, name);
	struct tpl	*t;
	struct mustache	*m = NULL;

	if (fsin_read(th->d, path, path, &b))
		m = parse(th->d, path, &b);
	buf_release(&b);
	free(path);
	/* A template that failed to parse is kept by name, so that
	 * templates using it are not also told it does not exist. */
	th->v[which] = xreallocarray(th->v[which], th->n[which] + 1,
	    sizeof(struct tpl));
	t = &th->v[which][th->n[which]++];
	t->name = xstrndup(name, strlen(name) - strlen(EXT));
	t->m = m;
	return m != NULL;
}

static int
loaddir(struct theme *th, int which, const char *dir)
{
	struct fsin_entry	*v;
	size_t			 i, n = fsin_list(th->d, dir, &v);
	int			 rc = 1;

	for (i = 0; i < n; i++)
		if (!v[i].isdir && endswith(v[i].name, EXT))
			rc &= loadone(th, which, dir, v[i].name);
	fsin_list_free(v, n);
	return rc;
}

static const struct tpl *
find(const struct theme *th, int which, const char *name)
{
	size_t	 i;

	for (i = 0; i < th->n[which]; i++)
		if (strcmp(th->v[which][i].name, name) == 0)
			return &th->v[which][i];
	return NULL;
}

static const struct tpl *
lookup(const struct theme *th, const char *name)
{
	const struct tpl	*t;
	int			 i;

	for (i = 0; i < NDIRS; i++)
		if ((t = find(th, i, name)) != NULL)
			return t;
	return NULL;
}

const struct mustache *
theme_lookup(void *arg, const char *name)
{
	const struct tpl	*t = lookup(arg, name);

	return t ? t->m : NULL;
}

const struct mustache *
theme_layout(const struct theme *th, const char *name)
{
	const struct tpl	*t = find(th, SITE_LAYOUTS, name);

	if (t == NULL)
		t = find(th, THEME_LAYOUTS, name);
	return t ? t->m : NULL;
}

void
theme_layout_hint(const struct theme *th, const char *name, struct buf *b)
{
	const char	**v;
	size_t		  n = 0, k, i;

	v = xcalloc(th->n[SITE_LAYOUTS] + th->n[THEME_LAYOUTS] + 1,
	    sizeof(*v));
	for (k = SITE_LAYOUTS; k <= THEME_LAYOUTS; k++)
		for (i = 0; i < th->n[k]; i++)
			v[n++] = th->v[k][i].name;
	v[n] = NULL;
	suggest_hint(b, name, v, 6);
	free(v);
}

struct refctx {
	struct theme		*th;
	const struct mustache	*m;
};

static void
checkref(void *arg, const char *name, int is_parent, unsigned line,
    unsigned col)
{
	struct refctx	*c = arg;
	struct loc	 l = { mustache_file(c->m), line, col };

	if (lookup(c->th, name) == NULL)
		c->th->rc = diag_error(c->th->d, &l, "unknown %s '%s'",
		    is_parent ? _("parent template") : _("partial"), name);
}

static int
checkrefs(struct theme *th)
{
	struct refctx	 c = { th, NULL };
	size_t		 i;
	int		 w;

	th->rc = 1;
	for (w = 0; w < NDIRS; w++)
		for (i = 0; i < th->n[w]; i++)
			if ((c.m = th->v[w][i].m) != NULL)
				mustache_foreach_ref(c.m, checkref, &c);
	return th->rc;
}

static char *
themedir(struct diag *d, const char *sitedir, const char *name,
    const struct loc *where)
{
	char		*rel = xasprintf("themes/%s", name);
	char		*dir = fsin_join(sitedir, rel);

	free(rel);
	if (fsin_isdir(dir))
		return dir;
	free(dir);
	dir = xasprintf("%s/themes/%s", datadir_path(), name);
	if (fsin_isdir(dir))
		return dir;
	free(dir);
	diag_error(d, where, "theme '%s' not found in themes/ or in %s/themes/",
	    name, datadir_path());
	return NULL;
}

static int
loadall(struct theme *th, const char *sitedir)
{
	char	*p;
	int	 rc = 1;

	p = fsin_join(sitedir, "partials");
	rc &= loaddir(th, SITE_PARTIALS, p);
	free(p);
	p = xasprintf("%s/partials", th->dir);
	rc &= loaddir(th, THEME_PARTIALS, p);
	free(p);
	p = fsin_join(sitedir, "layouts");
	rc &= loaddir(th, SITE_LAYOUTS, p);
	free(p);
	p = xasprintf("%s/layouts", th->dir);
	rc &= loaddir(th, THEME_LAYOUTS, p);
	free(p);
	return rc;
}

struct theme *
theme_load(struct diag *d, const char *sitedir, const char *name,
    const char *lang, const struct loc *where)
{
	struct theme	*th = xcalloc(1, sizeof(*th));
	int		 ok;

	th->d = d;
	if ((th->dir = themedir(d, sitedir, name, where)) == NULL)
		goto fail;
	th->assets = xasprintf("%s/assets", th->dir);
	if (!fsin_isdir(th->assets)) {
		free(th->assets);
		th->assets = NULL;
	}
	th->strings = i18n_load(d, th->dir, sitedir, lang);
	ok = loadall(th, sitedir);
	ok &= checkrefs(th);	/* also after a parse error: report all */
	if (!ok || th->strings == NULL)
		goto fail;
	return th;
fail:
	theme_free(th);
	return NULL;
}

void
theme_free(struct theme *th)
{
	size_t	 i;
	int	 w;

	if (th == NULL)
		return;
	for (w = 0; w < NDIRS; w++) {
		for (i = 0; i < th->n[w]; i++) {
			mustache_free(th->v[w][i].m);
			free(th->v[w][i].name);
		}
		free(th->v[w]);
	}
	json_decref(th->strings);
	free(th->assets);
	free(th->dir);
	free(th);
}

const char *
theme_assets(const struct theme *th)
{
	return th->assets;
}

const char *
theme_dir(const struct theme *th)
{
	return th->dir;
}

json_t *
theme_strings(const struct theme *th)
{
	return th->strings;
}
