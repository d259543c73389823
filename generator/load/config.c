/*
 * site.yaml, read in the load stage.  meta.c turns the YAML into jansson
 * values with a location for each; this file checks the keys and types
 * that planpress knows and keeps borrowed pointers into that document.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "fsin.h"
#include "intl.h"
#include "meta.h"
#include "text.h"
#include "suggest.h"
#include "xalloc.h"

static const char *const known[] = {
	"title", "description", "copyright", "language", "theme",
	"base_url", "menus", "permalinks", "markdown", "params",
	/* read by later stages */
	"publisher", "license", "contact", "legal_basis", "logo",
	"datasets", "indicators", "progress", "allow_outside", "exclude",
	"file_urls", "languages", NULL
};

static const char *const permtokens[] = {
	":section", ":slug", ":filename", ":year", ":month", ":day", NULL
};

static int
object(struct config *c, struct diag *d, json_t *root, const char *key,
    json_t **out)
{
	json_t	*v = json_object_get(root, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 1;
	if (!json_is_object(v))
		return diag_error(d, meta_loc(c->meta, root, key),
		    "key '%s' must be a mapping", key);
	*out = v;
	return 1;
}

/* Item "i" of "list" must have the string "key". */
static int
required(struct config *c, struct diag *d, json_t *list, size_t i,
    const char *key)
{
	json_t		*it = json_array_get(list, i);
	const char	*s = NULL;

	if (!meta_string(c->meta, d, it, key, &s))
		return 0;
	if (s == NULL)
		return diag_error(d, meta_index_loc(c->meta, list, i),
		    "menu item has no '%s'", key);
	return 1;
}

/*
 * A menu item's URL: a web address (http:// or https://), a page of
 * the site from its root ("/du-lieu/"), or a "mailto:" address.
 */
static int
menu_url(struct config *c, struct diag *d, json_t *it)
{
	const char	*url = json_string_value(json_object_get(it, "url"));
	const struct loc *at = meta_loc(c->meta, it, "url");

	switch (text_url_kind(url, NULL)) {
	case TEXT_URL_WEB:
	case TEXT_URL_ROOT:
		return 1;
	case TEXT_URL_RELATIVE:
		return diag_error(d, at, "menu url '%s' must start with '/' "
		    "(from the site's root, as '/%s') or be an http:// or "
		    "https:// URL", url, url);
	case TEXT_URL_SCHEME:
		if (strncasecmp(url, "mailto:", 7) == 0)
			return 1;
		return diag_error(d, at, "menu url '%s' must be an http:// or "
		    "https:// URL or a page of the site, not another kind of "
		    "link", url);
	default:
		return diag_error(d, at, "menu url '%s' is not a valid URL",
		    url);
	}
}

static int
menu_items(struct config *c, struct diag *d, json_t *menus, const char *name)
{
	static const char *const itemkeys[] = { "name", "url", "weight",
	    NULL };
	json_t		*list = json_object_get(menus, name), *it;
	long long	 w;
	size_t		 i;
	int		 rc = 1;

	if (!json_is_array(list))
		return diag_error(d, meta_loc(c->meta, menus, name),
		    "menu '%s' must be a list of items", name);
	json_array_foreach(list, i, it) {
		if (!json_is_object(it)) {
			rc = diag_error(d, meta_index_loc(c->meta, list, i),
			    "menu item must be a mapping with name and url");
			continue;
		}
		meta_warn_unknown(d, c->meta, it, itemkeys, _("menu item"));
		rc &= required(c, d, list, i, "name");
		rc &= required(c, d, list, i, "url") && menu_url(c, d, it);
		rc &= meta_int(c->meta, d, it, "weight", &w);
	}
	return rc;
}

static int
menus(struct config *c, struct diag *d, json_t *root)
{
	const char	*name;
	json_t		*v;
	int		 rc;

	rc = object(c, d, root, "menus", &c->menus);
	if (c->menus == NULL)
		return rc;
	json_object_foreach(c->menus, name, v)
		rc &= menu_items(c, d, c->menus, name);
	return rc;
}

/* Every ":token" of a permalink pattern must be known. */
static int
pattern(struct config *c, struct diag *d, const char *sect,
    const char *pat)
{
	const char	*p = pat;
	size_t		 i, n;

	if (pat[0] != '/')
		return diag_error(d, meta_loc(c->meta, c->permalinks, sect),
		    "permalink '%s' must start with '/'", pat);
	while ((p = strchr(p, ':')) != NULL) {
		for (i = 0; permtokens[i]; i++) {
			n = strlen(permtokens[i]);
			if (strncmp(p, permtokens[i], n) == 0)
				break;
		}
		if (permtokens[i] == NULL)
			return diag_error(d, meta_loc(c->meta, c->permalinks,
			    sect), "unknown token in permalink '%s'", pat);
		p += n;
	}
	return 1;
}

static int
permalinks(struct config *c, struct diag *d, json_t *root)
{
	const char	*sect;
	json_t		*v;
	int		 rc;

	rc = object(c, d, root, "permalinks", &c->permalinks);
	if (c->permalinks == NULL)
		return rc;
	json_object_foreach(c->permalinks, sect, v) {
		if (!json_is_string(v))
			rc = diag_error(d, meta_loc(c->meta, c->permalinks,
			    sect), "permalink of '%s' must be a string", sect);
		else
			rc &= pattern(c, d, sect, json_string_value(v));
	}
	return rc;
}

static int
markdown(struct config *c, struct diag *d, json_t *root)
{
	static const char *const mdkeys[] = { "unsafe", "smart",
	    "hard_breaks", NULL };
	json_t	*md;
	int	 rc;

	rc = object(c, d, root, "markdown", &md);
	if (md == NULL)
		return rc;
	meta_warn_unknown(d, c->meta, md, mdkeys, "markdown");
	rc &= meta_bool(c->meta, d, md, "unsafe", &c->markdown.unsafe);
	rc &= meta_bool(c->meta, d, md, "smart", &c->markdown.smart);
	rc &= meta_bool(c->meta, d, md, "hard_breaks",
	    &c->markdown.hardbreaks);
	return rc;
}

/* "key" of site.yaml: a mapping of the strings "keys", into "*out". */
static int
strmap(struct config *c, struct diag *d, json_t *root, const char *key,
    const char *const *keys, json_t **out)
{
	const char	*s;
	int		 rc;

	rc = object(c, d, root, key, out);
	if (*out == NULL)
		return rc;
	meta_warn_unknown(d, c->meta, *out, keys, key);
	for (; *keys; keys++)
		rc &= meta_string(c->meta, d, *out, *keys, &s);
	return rc;
}

/* A web address: absolute http(s), or a path from the site root. */
static int
address(struct config *c, struct diag *d, json_t *obj, const char *key)
{
	const char	*u = json_string_value(json_object_get(obj, key));

	if (u == NULL || strncmp(u, "http://", 7) == 0 ||
	    strncmp(u, "https://", 8) == 0 || u[0] == '/')
		return 1;
	return diag_error(d, meta_loc(c->meta, obj, key), "'%s' must be an "
	    "http:// or https:// address or a path from the site root, "
	    "not '%s'", key, u);
}

static int
publisher(struct config *c, struct diag *d, json_t *root)
{
	static const char *const pubkeys[] = { "name", "url", NULL };
	static const char *const conkeys[] = { "name", "address", "phone",
	    "email", "url", NULL };
	const char	*email;
	int		 rc;

	/* publisher.url is checked by publisher_url() */
	rc = strmap(c, d, root, "publisher", pubkeys, &c->publisher);
	rc &= strmap(c, d, root, "contact", conkeys, &c->contact);
	rc &= address(c, d, c->contact, "url");
	email = json_string_value(json_object_get(c->contact, "email"));
	if (email && (strchr(email, '@') == NULL || strchr(email, ' ')))
		rc = diag_error(d, meta_loc(c->meta, c->contact, "email"),
		    "'%s' is not an e-mail address", email);
	return rc;
}

static int
legal_basis(struct config *c, struct diag *d, json_t *root)
{
	static const char *const keys[] = { "text", "url", NULL };
	json_t	*v = json_object_get(root, "legal_basis"), *m;
	int	 rc;

	if (json_is_string(v))
		return meta_string(c->meta, d, root, "legal_basis",
		    &c->legal_text);
	if (!(rc = strmap(c, d, root, "legal_basis", keys, &m)) || m == NULL)
		return rc;
	if (json_string_value(json_object_get(m, "text")) == NULL)
		return diag_error(d, meta_loc(c->meta, root, "legal_basis"),
		    "legal_basis has no 'text'");
	c->legal_text = json_string_value(json_object_get(m, "text"));
	if (json_object_get(m, "url"))
		c->legal_url = json_string_value(json_object_get(m, "url"));
	return address(c, d, m, "url");
}

/* logo: a file path below the site root, kept without a leading '/'. */
static int
logo(struct config *c, struct diag *d, json_t *root)
{
	const char	*s = NULL;

	if (!meta_string(c->meta, d, root, "logo", &s))
		return 0;
	if (s == NULL)
		return 1;
	if (text_safe_path(s + (s[0] == '/'))) {
		c->logo = s + (s[0] == '/');
		return 1;
	}
	return diag_error(d, meta_loc(c->meta, root, "logo"), "logo must be "
	    "the path of a file below the site root (in static/ or the "
	    "theme), not '%s'", s);
}

/*
 * Set the base URL to "url", written at "at" in site.yaml, or given on
 * the command line when "at" is NULL: "" (none), or an absolute http://
 * or https:// URL with a host and without a query or fragment.
 */
static int
seturl(struct config *c, struct diag *d, const char *url,
    const struct loc *at)
{
	const char	*what = at ? "base_url" : _("--base-url (on the command "
			    "line)");
	size_t		 n = strlen(url);
	int		 query;

	if (n && text_url_kind(url, &query) != TEXT_URL_WEB)
		return diag_error(d, at, "%s must be an absolute http:// or "
		    "https:// URL with a host, not '%s'", what, url);
	if (n && query)
		return diag_error(d, at, "%s must not have a query or a "
		    "fragment ('?' or '#'), not '%s'", what, url);
	free(c->base_url);
	c->base_url = (n && url[n - 1] != '/') ? xasprintf("%s/", url) :
	    xstrdup(url);
	return 1;
}

/* "key" is absent or a list of folder names (strings); kept in "*out". */
static int
folders(struct config *c, struct diag *d, json_t *root, const char *key,
    json_t **out)
{
	json_t	*v = json_object_get(root, key), *it;
	size_t	 i;
	int	 rc = 1;

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 1;
	if (!json_is_array(v))
		return diag_error(d, meta_loc(c->meta, root, key),
		    "key '%s' must be a list of folders", key);
	json_array_foreach(v, i, it)
		if (!json_is_string(it) || *json_string_value(it) == '\0')
			rc = diag_error(d, meta_index_loc(c->meta, v, i),
			    "an item of '%s' must be a folder name", key);
	if (rc)
		*out = v;
	return rc;
}

int
config_set_base_url(struct config *c, struct diag *d, const char *url)
{
	return seturl(c, d, url, NULL);
}

static int
strings(struct config *c, struct diag *d, json_t *root)
{
	const char	*url = NULL;
	int		 rc = 1;

	rc &= meta_string(c->meta, d, root, "title", &c->title);
	rc &= meta_string(c->meta, d, root, "description", &c->description);
	rc &= meta_string(c->meta, d, root, "copyright", &c->copyright);
	rc &= meta_string(c->meta, d, root, "language", &c->language);
	rc &= meta_string(c->meta, d, root, "theme", &c->theme);
	rc &= meta_string(c->meta, d, root, "base_url", &url);
	if (url && !seturl(c, d, url, meta_loc(c->meta, root, "base_url")))
		rc = 0;
	if (c->title == NULL || *c->title == '\0')
		rc = diag_error(d, meta_root_loc(c->meta),
		    "site.yaml has no 'title'");
	if (!text_safe_segment(c->theme))
		rc = diag_error(d, meta_loc(c->meta, root, "theme"),
		    "theme must be a folder name, not '%s'", c->theme);
	if (!text_safe_segment(c->language))
		rc = diag_error(d, meta_loc(c->meta, root, "language"),
		    "language must be a code such as 'vi', not '%s'",
		    c->language);
	return rc;
}

/* publisher.url, when given, must be a web address. */
static int
publisher_url(struct config *c, struct diag *d, json_t *root)
{
	json_t		*pub = json_object_get(root, "publisher");
	const char	*url = NULL;

	if (!json_is_object(pub) || !meta_string(c->meta, d, pub, "url", &url))
		return json_is_object(pub) ? 0 : 1;
	if (url == NULL || text_url_kind(url, NULL) == TEXT_URL_WEB)
		return 1;
	return diag_error(d, meta_loc(c->meta, pub, "url"), "publisher url "
	    "must be an absolute http:// or https:// URL with a host, not "
	    "'%s'", url);
}

/* The words of the edition "l", from its mapping "m" in site.yaml. */
static int
lang_words(struct config *c, struct diag *d, json_t *m, struct config_lang *l)
{
	struct config	 tmp = *c;
	const char	*mode = NULL;
	int		 rc;

	tmp.menus = tmp.publisher = tmp.contact = NULL;
	tmp.legal_text = tmp.legal_url = NULL;
	rc = meta_string(c->meta, d, m, "title", &l->title);
	rc &= meta_string(c->meta, d, m, "description", &l->description);
	rc &= meta_string(c->meta, d, m, "copyright", &l->copyright);
	rc &= publisher_url(&tmp, d, m);
	rc &= publisher(&tmp, d, m);
	l->publisher = tmp.publisher;
	l->contact = tmp.contact;
	rc &= menus(&tmp, d, m);
	rc &= legal_basis(&tmp, d, m);
	l->menus = tmp.menus;
	l->legal_text = tmp.legal_text;
	l->legal_url = tmp.legal_url;
	rc &= meta_bool(c->meta, d, m, "unofficial", &l->unofficial);
	rc &= meta_string(c->meta, d, m, "untranslated", &mode);
	if (mode && strcmp(mode, "omit") != 0 && strcmp(mode, "notice") != 0)
		rc = diag_error(d, meta_loc(c->meta, m, "untranslated"),
		    "untranslated must be 'notice' (the page in the site's "
		    "language, with a notice) or 'omit', not '%s'", mode);
	l->omit = mode && strcmp(mode, "omit") == 0;
	rc &= object(c, d, m, "unit_types", &l->unit_types);
	return rc;
}

/*
 * A language code as BCP 47 writes it, and as it goes in a URL: two or
 * three letters, then subtags of letters and digits after '-' ("en",
 * "zh-Hant").
 */
static int
langcode(const char *s)
{
	size_t	 n = strspn(s, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return 0;
	for (s += n; *s == '-'; s += n) {
		n = strspn(++s, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n == 0 || n > 8)
			return 0;
	}
	return *s == '\0';
}

/* site.yaml's 'languages': code -> the words of that edition. */
static int
languages(struct config *c, struct diag *d, json_t *root)
{
	static const char *const keys[] = { "title", "description",
	    "copyright", "publisher", "contact", "legal_basis", "menus",
	    "unofficial", "untranslated", "unit_types", NULL };
	const char	*code;
	json_t		*all, *m;
	int		 rc;

	if (!(rc = object(c, d, root, "languages", &all)) || all == NULL)
		return rc;
	c->langs = xcalloc(json_object_size(all) + 1, sizeof(*c->langs));
	json_object_foreach(all, code, m) {
		const struct loc *at = meta_loc(c->meta, all, code);

		if (!langcode(code)) {
			rc = diag_error(d, at, "a language must be a code "
			    "such as 'en', not '%s'", code);
			continue;
		}
		if (strcmp(code, c->language) == 0) {
			rc = diag_error(d, at, "'%s' is the site's own "
			    "language; 'languages' lists the others", code);
			continue;
		}
		if (!json_is_object(m)) {
			rc = diag_error(d, at, "language '%s' must be a "
			    "mapping (title, menus...)", code);
			continue;
		}
		meta_warn_unknown(d, c->meta, m, keys, _("a language"));
		c->langs[c->nlangs].code = code;
		rc &= lang_words(c, d, m, &c->langs[c->nlangs++]);
	}
	return rc;
}

void
config_edition(const struct config *c, const struct config_lang *l,
    struct config *out)
{
	*out = *c;
	out->edition = l;
	out->language = l->code;
	if (l->title)
		out->title = l->title;
	if (l->description)
		out->description = l->description;
	if (l->legal_text) {
		out->legal_text = l->legal_text;
		out->legal_url = l->legal_url ? l->legal_url : "";
	}
	if (l->menus)
		out->menus = l->menus;
	if (l->copyright)
		out->copyright = l->copyright;
	if (l->publisher)
		out->publisher = l->publisher;
	if (l->contact)
		out->contact = l->contact;
}

int
config_load(struct config *c, struct diag *d, const char *path,
    const char *display)
{
	struct buf	 b = BUF_INIT;
	json_t		*root;
	int		 rc = 0;

	memset(c, 0, sizeof(*c));
	c->file = xstrdup(display);
	c->description = c->copyright = "";
	c->legal_text = c->legal_url = c->logo = "";
	c->language = "vi";
	c->theme = "default";
	c->base_url = xstrdup("");
	if (!fsin_read(d, path, display, &b))
		goto out;
	if ((c->meta = meta_parse(d, display, 1, b.data, b.len)) == NULL)
		goto out;
	root = meta_root(c->meta);
	if (!json_is_object(root)) {
		diag_error(d, meta_root_loc(c->meta),
		    "site.yaml must be a mapping of keys");
		goto out;
	}
	meta_warn_unknown(d, c->meta, root, known, "site.yaml");
	rc = strings(c, d, root);
	rc &= menus(c, d, root);
	rc &= permalinks(c, d, root);
	rc &= markdown(c, d, root);
	rc &= object(c, d, root, "params", &c->params);
	rc &= folders(c, d, root, "allow_outside", &c->allow_outside);
	rc &= folders(c, d, root, "exclude", &c->exclude);
	rc &= publisher_url(c, d, root);
	rc &= publisher(c, d, root);
	rc &= legal_basis(c, d, root);
	rc &= logo(c, d, root);
	rc &= meta_bool(c->meta, d, root, "file_urls", &c->file_urls);
	rc &= languages(c, d, root);
	c->main_language = c->language;
out:
	buf_release(&b);
	return rc;
}

void
config_release(struct config *c)
{
	meta_free(c->meta);
	free(c->langs);
	free(c->file);
	free(c->base_url);
	memset(c, 0, sizeof(*c));
}
