/*
 * View models of the open-data pages, in the render stage.  Everything a
 * reader sees is a value from the dataset's metadata or a string of the
 * theme; this file only arranges them and formats numbers, sizes and
 * dates with the theme's strings.
 */
#include "dsview.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "buf.h"
#include "catalog.h"
#include "dataset.h"
#include "i18n.h"
#include "render.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

static json_t *
rel(const char *from, const char *to, int files)
{
	struct buf	 b = BUF_INIT;
	json_t		*s;

	render_relurl(&b, from, to, files);
	s = json_string(b.data);
	buf_release(&b);
	return s;
}

static void
setstr(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static void
setdate(json_t *o, const char *key, const char *iso, const json_t *t)
{
	struct buf	 b = BUF_INIT;
	char		*k;

	setstr(o, key, iso);
	if (iso && *iso)
		i18n_date(t, iso, &b);
	k = xasprintf("%s_display", key);
	setstr(o, k, b.data);
	free(k);
	buf_release(&b);
}

char *
dsview_keyword_path(const char *k)
{
	char	*slug = text_slugify(k), *p;

	p = xasprintf("%skeyword/%s/", DSVIEW_ROOT, *slug ? slug : "_");
	free(slug);
	return p;
}

static json_t *
keywords(json_t *list, const char *path, int files)
{
	json_t	*a = json_array(), *k;
	char	*kp;
	size_t	 i;

	json_array_foreach(list, i, k) {
		kp = dsview_keyword_path(json_string_value(k));
		json_array_append_new(a, json_pack("{s:O, s:o}", "name", k,
		    "url", rel(path, kp, files)));
		free(kp);
	}
	return a;
}

static unsigned long long
total(const json_t *rec, json_t **formats)
{
	json_t			*d;
	unsigned long long	 n = 0;
	size_t			 i;
	struct buf		 b = BUF_INIT;

	json_array_foreach(json_object_get(rec, "distributions"), i, d) {
		if (json_object_get(d, "conformsTo"))
			continue;
		n += (unsigned long long)json_integer_value(
		    json_object_get(d, "bytes"));
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, json_string_value(json_object_get(d, "format")));
	}
	*formats = json_string(b.data);
	buf_release(&b);
	return n;
}

static json_t *
downloads(const json_t *rec, const json_t *t, const char *path,
    int files)
{
	json_t		*a = json_array(), *d, *o;
	struct buf	 b = BUF_INIT;
	char		*to;
	size_t		 i;

	json_array_foreach(json_object_get(rec, "distributions"), i, d) {
		to = xasprintf("/%s", json_string_value(json_object_get(d,
		    "path")));
		buf_reset(&b);
		i18n_size(t, (unsigned long long)json_integer_value(
		    json_object_get(d, "bytes")), &b);
		o = json_pack("{s:O, s:O, s:o, s:s, s:O}", "format",
		    json_object_get(d, "format"), "mediatype",
		    json_object_get(d, "mediatype"), "url",
		    rel(path, to, files), "size_display", b.data, "bytes",
		    json_object_get(d, "bytes"));
		if (json_object_get(d, "conformsTo"))
			json_object_set_new(o, "title",
			    json_string("datapackage.json"));
		json_array_append_new(a, o);
		free(to);
	}
	buf_release(&b);
	return a;
}

/* One line per constraint of a field, as "name: value". */
static json_t *
constraints(json_t *field)
{
	json_t		*a = json_array(), *c = json_object_get(field,
	    "constraints"), *v;
	const char	*k;
	char		*s;

	json_object_foreach(c, k, v) {
		s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		json_array_append_new(a, json_sprintf("%s: %s", k, s));
		free(s);
	}
	return a;
}

static json_t *
fields(const struct dataset *ds)
{
	json_t		*desc = schema_descriptor(ds->schema), *a = json_array();
	json_t		*f;
	size_t		 i;

	json_array_foreach(json_object_get(desc, "fields"), i, f)
		json_array_append_new(a, json_pack("{s:O, s:O, s:s, s:s, s:s,"
		    " s:o}", "name", json_object_get(f, "name"), "type",
		    json_object_get(f, "type"), "title",
		    json_string_value(json_object_get(f, "title")) ?
		    json_string_value(json_object_get(f, "title")) : "",
		    "description", json_string_value(json_object_get(f,
		    "description")) ? json_string_value(json_object_get(f,
		    "description")) : "", "unit", json_string_value(
		    json_object_get(f, "unit")) ? json_string_value(
		    json_object_get(f, "unit")) : "", "constraints",
		    constraints(f)));
	json_decref(desc);
	return a;
}

/*
 * The preview: "columns" (field names), "headers" ({name, title}: the
 * field's title, else its name), "rows" and the "note" of how many.
 */
static json_t *
preview(const struct dataset *ds, const json_t *t)
{
	json_t		*cols = json_array(), *heads = json_array(), *vars;
	struct buf	 shown = BUF_INIT, all = BUF_INIT, note = BUF_INIT;
	const struct schema_field *f;
	json_t		*o;
	size_t		 i;

	for (i = 0; i < ds->schema->nfields; i++) {
		f = &ds->schema->fields[i];
		json_array_append_new(cols, json_string(f->name));
		json_array_append_new(heads, json_pack("{s:s, s:s}", "name",
		    f->name, "title", f->title && *f->title ? f->title :
		    f->name));
	}
	i18n_number(t, (double)json_array_size(ds->preview), 0, &shown);
	i18n_number(t, (double)ds->rows, 0, &all);
	vars = json_pack("{s:s, s:s}", "shown", shown.data, "total",
	    all.data);
	i18n_fill(t, "preview_shown", vars, &note);
	o = json_pack("{s:o, s:o, s:O, s:s}", "columns", cols, "headers",
	    heads, "rows", ds->preview ? ds->preview : json_array(), "note",
	    note.data);
	json_decref(vars);
	buf_release(&shown);
	buf_release(&all);
	buf_release(&note);
	return o;
}

static char *
markdown(const char *s)
{
	return cmark_markdown_to_html(s, strlen(s), CMARK_OPT_DEFAULT);
}

/* schema.org Dataset, escaped for a <script> element. */
static json_t *
jsonld(const struct dataset *ds, const json_t *rec, const char *base)
{
	json_t		*o, *dist = json_array(), *d, *pub, *lic;
	struct buf	 b = BUF_INIT;
	char		*s, *p;
	size_t		 i;

	o = json_pack("{s:s, s:s, s:s, s:s}", "@context", "https://schema.org/",
	    "@type", "Dataset", "name", ds->title, "description",
	    ds->description ? ds->description : ds->title);
	if (*base) {
		catalog_dataset_iri(&b, base, ds->id);
		json_object_set_new(o, "@id", json_string(b.data));
		json_object_set_new(o, "identifier", json_string(b.data));
		json_object_set_new(o, "url", json_sprintf("%sdataset/%s/",
		    base, ds->id));
	}
	json_object_set(o, "keywords", ds->keywords);
	if ((pub = json_object_get(rec, "publisher")) != NULL)
		json_object_set_new(o, "creator", json_pack("{s:s, s:O}",
		    "@type", "Organization", "name", json_object_get(pub,
		    "name")));
	if ((lic = json_object_get(rec, "license")) && json_object_get(lic,
	    "url"))
		json_object_set(o, "license", json_object_get(lic, "url"));
	if (ds->temporal && json_object_get(ds->temporal, "start"))
		json_object_set_new(o, "temporalCoverage", json_sprintf("%s/%s",
		    json_string_value(json_object_get(ds->temporal, "start")),
		    json_string_value(json_object_get(ds->temporal, "end")) ?
		    json_string_value(json_object_get(ds->temporal, "end")) :
		    ".."));
	if (ds->spatial)
		json_object_set_new(o, "spatialCoverage", json_string(ds->spatial));
	if (ds->modified)
		json_object_set_new(o, "dateModified", json_string(ds->modified));
	if (ds->issued)
		json_object_set_new(o, "datePublished", json_string(ds->issued));
	if (ds->version)
		json_object_set_new(o, "version", json_string(ds->version));
	json_object_set_new(o, "isAccessibleForFree", json_true());
	json_array_foreach(json_object_get(rec, "distributions"), i, d)
		json_array_append_new(dist, json_pack("{s:s, s:O, s:s+}",
		    "@type", "DataDownload", "encodingFormat",
		    json_object_get(d, "mediatype"), "contentUrl", base,
		    json_string_value(json_object_get(d, "path"))));
	json_object_set_new(o, "distribution", dist);
	s = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	buf_reset(&b);
	for (p = s; *p; p++) {
		if (p[0] == '<' && p[1] == '/')
			buf_puts(&b, "<\\");
		else
			buf_putc(&b, *p);
	}
	json_decref(o);
	free(s);
	o = json_string(b.data);
	buf_release(&b);
	return o;
}

/* "How to cite", from the theme string "cite_format". */
static json_t *
cite(const struct dataset *ds, const json_t *rec, const json_t *t,
    const char *base)
{
	struct buf	 b = BUF_INIT, year = BUF_INIT;
	const char	*date = ds->modified ? ds->modified : ds->issued;
	json_t		*vars, *s;

	if (date && strlen(date) >= 4)
		buf_put(&year, date, 4);
	vars = json_pack("{s:s, s:s, s:s, s:s, s:s+}", "title", ds->title,
	    "publisher", json_string_value(json_object_get(json_object_get(
	    rec, "publisher"), "name")) ? json_string_value(json_object_get(
	    json_object_get(rec, "publisher"), "name")) : "", "year",
	    year.data, "version", ds->version ? ds->version : "", "url", base,
	    *base ? json_string_value(json_object_get(rec, "landing")) : "");
	i18n_fill(t, year.len ? "cite_format" : "cite_format_undated", vars,
	    &b);
	s = json_string(b.data);
	json_decref(vars);
	buf_release(&b);
	buf_release(&year);
	return s;
}

/*
 * Markdown text as plain text: emphasis marks dropped, lines joined, and
 * an ellipsis where it was "cut".
 */
static json_t *
plain(const char *s, size_t n, int cut)
{
	struct buf	 b = BUF_INIT;
	json_t		*v;
	size_t		 i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			buf_putc(&b, ' ');
		else if (s[i] != '*')
			buf_putc(&b, s[i]);
	if (cut)
		buf_puts(&b, "…");
	v = json_stringn(b.data, b.len);
	buf_release(&b);
	return v;
}

/*
 * "summary:" of the metadata, else the first paragraph of the
 * description, cut at a word before 240 bytes.
 */
static json_t *
summary(const struct dataset *ds)
{
	const char	*s = json_string_value(json_object_get(ds->root,
	    "summary")), *end;
	size_t		 n;
	int		 cut = 0;

	if (s != NULL)
		return json_string(s);
	if ((s = ds->description) == NULL)
		return json_string("");
	end = strstr(s, "\n\n");
	n = end ? (size_t)(end - s) : strlen(s);
	if (n > 240) {
		n = 240;
		while (n > 0 && s[n] != ' ')
			n--;
		cut = 1;
	}
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	return plain(s, n, cut);
}

static const char *
label(const json_t *t, const char *group, const char *key)
{
	const char	*s;

	if (key == NULL)
		return "";
	s = json_string_value(json_object_get(json_object_get(t, group), key));
	return s ? s : key;
}

/* rec[key] copied into o[key], or an empty object. */
static void
copyobj(json_t *o, const char *key, const json_t *rec)
{
	json_t	*v = json_object_get(rec, key);

	json_object_set_new(o, key, v ? json_deep_copy(v) : json_object());
}

json_t *
dsview_dataset(const struct dataset *ds, const json_t *rec,
    const json_t *t, const char *base, const char *path, int files)
{
	json_t		*o = json_object(), *formats;
	struct buf	 b = BUF_INIT;
	char		*html;
	const char	*start, *end;

	setstr(o, "id", ds->id);
	setstr(o, "title", ds->title);
	html = markdown(ds->description ? ds->description : "");
	setstr(o, "description", html);
	free(html);
	/* The landing page shows the description: no summary made from it. */
	setstr(o, "summary", json_string_value(json_object_get(ds->root,
	    "summary")));
	json_object_set_new(o, "keywords", keywords(ds->keywords, path,
	    files));
	json_object_set_new(o, "has_keywords",
	    json_boolean(json_array_size(ds->keywords) > 0));
	setstr(o, "theme", ds->theme);
	copyobj(o, "publisher", rec);
	copyobj(o, "contact", rec);
	copyobj(o, "license", rec);
	start = json_string_value(json_object_get(ds->temporal, "start"));
	end = json_string_value(json_object_get(ds->temporal, "end"));
	if (start) {
		i18n_date(t, start, &b);
		buf_puts(&b, " – ");
		if (end)
			i18n_date(t, end, &b);
	}
	setstr(o, "temporal_display", b.data);
	setstr(o, "spatial", ds->spatial);
	setstr(o, "frequency_display", label(t, "frequency_labels",
	    ds->frequency));
	setdate(o, "issued", ds->issued, t);
	setdate(o, "modified", ds->modified, t);
	setstr(o, "version", ds->version);
	json_object_set_new(o, "sample", json_boolean(ds->sample));
	json_object_set_new(o, "sources", ds->sources ?
	    json_deep_copy(ds->sources) : json_array());
	json_object_set_new(o, "has_sources",
	    json_boolean(json_array_size(ds->sources) > 0));
	buf_reset(&b);
	i18n_number(t, (double)ds->rows, 0, &b);
	setstr(o, "rows_display", b.data);
	json_object_set_new(o, "fields", fields(ds));
	json_object_set_new(o, "preview", preview(ds, t));
	json_object_set(o, "preview_note", json_object_get(json_object_get(o,
	    "preview"), "note"));
	json_object_set_new(o, "downloads", downloads(rec, t, path,
	    files));
	buf_reset(&b);
	total(rec, &formats);
	json_decref(formats);
	json_object_set_new(o, "jsonld", jsonld(ds, rec, base));
	json_object_set_new(o, "cite", cite(ds, rec, t, base));
	buf_release(&b);
	return o;
}

static int
haskeyword(const struct dataset *ds, const char *k)
{
	json_t	*x;
	size_t	 i;

	json_array_foreach(ds->keywords, i, x)
		if (strcmp(json_string_value(x), k) == 0)
			return 1;
	return 0;
}

static json_t *
entry(const struct dataset *ds, const json_t *rec, const json_t *t,
    const char *path, int files)
{
	json_t			*o = json_object(), *formats;
	struct buf		 b = BUF_INIT;
	char			*to = xasprintf("%s%s/", DSVIEW_ROOT, ds->id);
	unsigned long long	 n = total(rec, &formats);

	setstr(o, "title", ds->title);
	json_object_set_new(o, "url", rel(path, to, files));
	json_object_set_new(o, "summary", summary(ds));
	json_object_set_new(o, "formats", formats);
	i18n_size(t, n, &b);
	setstr(o, "size_display", b.data);
	setdate(o, "modified", ds->modified, t);
	json_object_set_new(o, "keywords", keywords(ds->keywords, path,
	    files));
	json_object_set_new(o, "has_keywords",
	    json_boolean(json_array_size(ds->keywords) > 0));
	json_object_set_new(o, "sample", json_boolean(ds->sample));
	buf_release(&b);
	free(to);
	return o;
}

/* Every keyword of every dataset, sorted, with a count. */
static json_t *
allkeywords(struct dataset *const *v, size_t n, const char *path,
    int files, const char *current)
{
	json_t		*count = json_object(), *a = json_array(), *k, *c;
	const char	*name;
	char		*kp;
	size_t		 i, j;

	for (i = 0; i < n; i++)
		json_array_foreach(v[i]->keywords, j, k) {
			c = json_object_get(count, json_string_value(k));
			json_object_set_new(count, json_string_value(k),
			    json_integer(c ? json_integer_value(c) + 1 : 1));
		}
	json_object_foreach(count, name, c) {
		kp = dsview_keyword_path(name);
		json_array_append_new(a, json_pack("{s:s, s:o, s:O, s:b}",
		    "name", name, "url", rel(path, kp, files), "count", c,
		    "current", current && strcmp(current, name) == 0));
		free(kp);
	}
	json_decref(count);
	return a;
}

/* Keywords in the order a Vietnamese reader expects: by letters without
 * diacritics first ("đơn vị" beside "danh mục"), then as written. */
static int
byname(const void *a, const void *b)
{
	const char	*x = json_string_value(json_object_get(
	    *(json_t *const *)a, "name"));
	const char	*y = json_string_value(json_object_get(
	    *(json_t *const *)b, "name"));
	char		*fx = text_slugify(x), *fy = text_slugify(y);
	int		 c = strcmp(fx, fy);

	free(fx);
	free(fy);
	return c ? c : strcmp(x, y);
}

static void
sortnames(json_t *a)
{
	size_t	 i, n = json_array_size(a);
	json_t	**v = xcalloc(n ? n : 1, sizeof(*v));

	for (i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(a, i));
	qsort(v, n, sizeof(*v), byname);
	json_array_clear(a);
	for (i = 0; i < n; i++)
		json_array_append_new(a, v[i]);
	free(v);
}

json_t *
dsview_catalog(struct dataset *const *v, size_t n, const json_t *records,
    const json_t *t, const char *path, int files, const char *keyword)
{
	json_t	*o = json_object(), *list = json_array(), *kw;
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i]->ok && (keyword == NULL || haskeyword(v[i], keyword)))
			json_array_append_new(list, entry(v[i],
			    json_object_get(records, v[i]->id), t, path,
			    files));
	kw = allkeywords(v, n, path, files, keyword);
	sortnames(kw);
	json_object_set_new(o, "datasets", list);
	json_object_set_new(o, "has_keywords",
	    json_boolean(json_array_size(kw) > 0));
	json_object_set_new(o, "keywords", kw);
	setstr(o, "keyword", keyword);
	json_object_set_new(o, "all_url", rel(path, DSVIEW_ROOT,
	    files));
	return o;
}
