/*
 * Dataset metadata, in the load stage.  dataset_load_all() pairs
 * datasets/ID.csv with datasets/ID.yaml (a YAML file alone is a dataset
 * made from a content section when it says "from_section:"), reads the
 * metadata with meta.c and checks every key of docs/datasets.md, handing
 * "schema:" to schema.c.  What site.yaml gives by default (publisher,
 * contact, licence) is left NULL here; publish.c fills it in for the
 * downloads and catalogs.  Nothing here reads a CSV: the rows are the
 * scan's (scan.c).
 *
 *	load_all	list the folder -> entry (pair the files) ->
 *	  load		  metadata: strings, agents, temporal, sources,
 *			  preview_rows, schema -> sample checks
 */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "encoding.h"
#include "fsin.h"
#include "intl.h"
#include "meta.h"
#include "scan.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

static const char *const meta_keys[] = {
	"title", "summary", "description", "keywords", "theme", "publisher",
	"contact",
	"license", "temporal", "spatial", "frequency", "issued", "modified",
	"version", "encoding", "sources", "sample", "preview_rows", "schema",
	"views", "from_section", "translations", NULL
};

static const char *const frequencies[] = {
	"continuous", "daily", "weekly", "monthly", "quarterly",
	"semiannual", "annual", "irregular", "never", NULL
};

static int
listed(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static void
list_words(struct buf *b, const char *const *list)
{
	for (; *list; list++)
		buf_printf(b, "%s%s", *list, list[1] == NULL ? "" :
		    /* TRANSLATORS: joins the last two choices of a list,
		       as in "a, b or c". */
		    list[2] == NULL ? _(" or ") : ", ");
}

/* "key" of the metadata, a mapping of the strings "keys", into "*out". */
static int
mapping(struct dataset *ds, struct diag *d, const char *key,
    const char *const *keys, json_t **out)
{
	json_t		*v = json_object_get(ds->root, key);
	const char	*str;
	int		 rc = 1;

	*out = NULL;
	if (v == NULL)
		return 1;
	if (!json_is_object(v))
		return diag_error(d, meta_loc(ds->meta, ds->root, key),
		    "key '%s' must be a mapping", key);
	meta_warn_unknown(d, ds->meta, v, keys, key);
	for (; *keys; keys++)
		rc &= meta_string(ds->meta, d, v, *keys, &str);
	if (rc)
		*out = v;
	return rc;
}

/* The string "key" of "obj" must be a date written YYYY-MM-DD. */
static int
date(struct dataset *ds, struct diag *d, const json_t *obj, const char *key,
    const char **out)
{
	const char	*s = NULL;

	if (!meta_string(ds->meta, d, obj, key, &s) || s == NULL)
		return s == NULL && json_object_get(obj, key) == NULL;
	if (!schema_valid(SCHEMA_DATE, s))
		return diag_error(d, meta_loc(ds->meta, obj, key),
		    "key '%s' must be a date written YYYY-MM-DD, not '%s'",
		    key, s);
	if (out)
		*out = s;
	return 1;
}

static int
agents(struct dataset *ds, struct diag *d)
{
	static const char *const pub[] = { "name", "url", NULL };
	static const char *const con[] = { "name", "email", NULL };
	static const char *const lic[] = { "id", "title", "url", NULL };
	int			 rc = 1;

	rc &= mapping(ds, d, "publisher", pub, &ds->publisher);
	rc &= mapping(ds, d, "contact", con, &ds->contact);
	rc &= mapping(ds, d, "license", lic, &ds->license);
	if (ds->publisher && !json_object_get(ds->publisher, "name"))
		rc = diag_error(d, meta_loc(ds->meta, ds->root, "publisher"),
		    "publisher has no 'name'");
	if (ds->publisher && json_is_string(json_object_get(ds->publisher,
	    "url")) && text_url_kind(json_string_value(json_object_get(
	    ds->publisher, "url")), NULL) != TEXT_URL_WEB)
		rc = diag_error(d, meta_loc(ds->meta, ds->publisher, "url"),
		    "publisher url must be an absolute http:// or https:// URL "
		    "with a host, not '%s'", json_string_value(json_object_get(
		    ds->publisher, "url")));
	if (ds->license && !json_object_get(ds->license, "id") &&
	    !json_object_get(ds->license, "url"))
		rc = diag_error(d, meta_loc(ds->meta, ds->root, "license"),
		    "license needs an 'id' (SPDX) or a 'url'");
	return rc;
}

static int
temporal(struct dataset *ds, struct diag *d)
{
	static const char *const keys[] = { "start", "end", NULL };
	const char		*start = NULL, *end = NULL;
	json_t			*t = json_object_get(ds->root, "temporal");

	if (t == NULL)
		return 1;
	if (!json_is_object(t))
		return diag_error(d, meta_loc(ds->meta, ds->root, "temporal"),
		    "key 'temporal' must be a mapping with 'start' and 'end'");
	meta_warn_unknown(d, ds->meta, t, keys, "temporal");
	if (!date(ds, d, t, "start", &start) || !date(ds, d, t, "end", &end))
		return 0;
	if (start && end && strcmp(start, end) > 0)
		return diag_error(d, meta_loc(ds->meta, t, "end"), "temporal "
		    "coverage ends (%s) before it starts (%s)", end, start);
	ds->temporal = t;
	return 1;
}

/* 1 if "s" is a web address or a path, and no other kind of link. */
static int
source_path(const char *s)
{
	switch (text_url_kind(s, NULL)) {
	case TEXT_URL_WEB:
	case TEXT_URL_ROOT:
	case TEXT_URL_RELATIVE:
		return 1;
	default:
		return 0;
	}
}

static int
sources(struct dataset *ds, struct diag *d)
{
	static const char *const keys[] = { "title", "path", NULL };
	json_t			*list = json_object_get(ds->root, "sources"), *s;
	const char		*str;
	size_t			 i;
	int			 rc = 1;

	if (list == NULL)
		return 1;
	if (!json_is_array(list))
		return diag_error(d, meta_loc(ds->meta, ds->root, "sources"),
		    "key 'sources' must be a list of {title, path}");
	json_array_foreach(list, i, s) {
		if (!json_is_object(s) || !json_object_get(s, "title")) {
			rc = diag_error(d, meta_index_loc(ds->meta, list, i),
			    "source must be a mapping with a 'title'");
			continue;
		}
		meta_warn_unknown(d, ds->meta, s, keys, _("a source"));
		rc &= meta_string(ds->meta, d, s, "title", &str);
		str = NULL;
		rc &= meta_string(ds->meta, d, s, "path", &str);
		if (str != NULL && !source_path(str))
			rc = diag_error(d, meta_loc(ds->meta, s, "path"),
			    "source path '%s' must be a file of the site or an "
			    "http:// or https:// URL", str);
	}
	if (rc)
		ds->sources = list;
	return rc;
}

static int
word(struct dataset *ds, struct diag *d, const char *key,
    const char *const *list, const char **out)
{
	struct buf	 b = BUF_INIT;

	if (!meta_string(ds->meta, d, ds->root, key, out))
		return 0;
	if (*out == NULL || listed(list, *out))
		return 1;
	list_words(&b, list);
	diag_error(d, meta_loc(ds->meta, ds->root, key), "key '%s' must be "
	    "one of %s, not '%s'", key, b.data, *out);
	buf_release(&b);
	return 0;
}

/* "encoding:", one of the names encoding_parse() knows. */
static int
encodingkey(struct dataset *ds, struct diag *d)
{
	enum encoding	 e;

	if (!meta_string(ds->meta, d, ds->root, "encoding", &ds->encoding))
		return 0;
	if (ds->encoding == NULL) {
		ds->encoding = "utf-8";
		return 1;
	}
	if (encoding_parse(ds->encoding, &e))
		return 1;
	return diag_error(d, meta_loc(ds->meta, ds->root, "encoding"),
	    "key 'encoding' must be one of utf-8, windows-1258, tcvn3 or vni, "
	    "not '%s'", ds->encoding);
}

static int
preview_rows(struct dataset *ds, struct diag *d)
{
	long long	 n = DATASET_PREVIEW_ROWS;

	if (!meta_int(ds->meta, d, ds->root, "preview_rows", &n))
		return 0;
	if (n < 0 || n > DATASET_PREVIEW_MAX)
		return diag_error(d, meta_loc(ds->meta, ds->root,
		    "preview_rows"), "key 'preview_rows' must be from 0 to %d, "
		    "not %lld", DATASET_PREVIEW_MAX, n);
	ds->preview_rows = (size_t)n;
	return 1;
}

/*
 * What "planpress new dataset" leaves for the author to write: a title
 * that is still the file's id and a description that starts "TODO:".
 * Citizens read both on the dataset's page and in every catalog.
 */
static void
placeholders(struct dataset *ds, struct diag *d)
{
	if (ds->title != NULL && strcmp(ds->title, ds->id) == 0)
		diag_warning(d, meta_loc(ds->meta, ds->root, "title"), "the "
		    "title of dataset '%s' is still its file name: write one "
		    "that says what the data is, as a citizen would search "
		    "for it", ds->id);
	if (ds->description != NULL && strncmp(ds->description, "TODO:",
	    5) == 0)
		diag_warning(d, meta_loc(ds->meta, ds->root, "description"),
		    "the description of dataset '%s' is still the placeholder "
		    "'planpress new dataset' wrote: say what one row is, where "
		    "the figures come from and what an empty cell means",
		    ds->id);
}

/*
 * translations: the title, description and keywords in other languages,
 * by language code, for the catalogs.
 */
static int
translations(struct dataset *ds, struct diag *d)
{
	static const char *const keys[] = { "title", "description",
	    "keywords", NULL };
	const struct meta	*m = ds->meta;
	json_t			*all, *t, *o, *kw;
	const char		*lang, *s;
	int			 rc = 1;

	if ((all = json_object_get(ds->root, "translations")) == NULL)
		return 1;
	if (!json_is_object(all))
		return diag_error(d, meta_loc(m, ds->root, "translations"),
		    "translations must map a language code to a title, "
		    "description and keywords, as 'en: {title: ...}'");
	ds->translations = json_object();
	json_object_foreach(all, lang, t) {
		if (!json_is_object(t)) {
			rc = diag_error(d, meta_loc(m, all, lang), "the "
			    "translation '%s' must be a mapping of title, "
			    "description and keywords", lang);
			continue;
		}
		meta_warn_unknown(d, ds->meta, t, keys,
		    _("a dataset's translation"));
		o = json_object();
		s = NULL;
		rc &= meta_string(m, d, t, "title", &s);
		if (s != NULL)
			json_object_set_new(o, "title", json_string(s));
		s = NULL;
		rc &= meta_string(m, d, t, "description", &s);
		if (s != NULL)
			json_object_set_new(o, "description", json_string(s));
		if (json_object_get(t, "keywords") != NULL) {
			if (meta_strings(m, d, t, "keywords", &kw))
				json_object_set_new(o, "keywords", kw);
			else
				rc = 0;
		}
		json_object_set_new(ds->translations, lang, o);
	}
	return rc;
}

static int
strings(struct dataset *ds, struct diag *d)
{
	const struct meta	*m = ds->meta;
	json_t			*r = ds->root;
	int			 rc = 1;

	rc &= meta_string(m, d, r, "title", &ds->title);
	rc &= meta_string(m, d, r, "description", &ds->description);
	rc &= meta_strings(m, d, r, "keywords", &ds->keywords);
	rc &= translations(ds, d);
	rc &= meta_string(m, d, r, "theme", &ds->theme);
	rc &= meta_string(m, d, r, "spatial", &ds->spatial);
	rc &= meta_string(m, d, r, "version", &ds->version);
	rc &= meta_bool(m, d, r, "sample", &ds->sample);
	rc &= date(ds, d, r, "issued", &ds->issued);
	rc &= date(ds, d, r, "modified", &ds->modified);
	rc &= word(ds, d, "frequency", frequencies, &ds->frequency);
	rc &= encodingkey(ds, d);
	if (ds->title == NULL || *ds->title == '\0')
		rc = diag_error(d, ds->title ? meta_loc(m, r, "title") :
		    meta_root_loc(m), "dataset has no 'title'");
	if (ds->description == NULL || *ds->description == '\0')
		rc = diag_error(d, ds->description ? meta_loc(m, r,
		    "description") : meta_root_loc(m),
		    "dataset has no 'description'");
	placeholders(ds, d);
	return rc;
}

/*
 * Illustrative data says so in every file and is nobody's official
 * figure: a "sample" column travels with every row into every download,
 * and the publisher is named, not inherited from site.yaml (where it is
 * usually a real agency).
 */
static void
sample_checks(struct dataset *ds, struct diag *d)
{
	const struct loc	*at = meta_loc(ds->meta, ds->root, "sample");

	if (schema_find(ds->schema, "sample") == SCHEMA_NONE)
		diag_warning(d, at, "dataset '%s' is sample data but its rows "
		    "have no 'sample' column: add one (type boolean, true in "
		    "every row) so that every download says so", ds->id);
	if (json_object_get(ds->root, "publisher") == NULL)
		diag_warning(d, at, "dataset '%s' is sample data: name its own "
		    "'publisher' (who made the illustrative figures) rather "
		    "than inherit site.yaml's, which would attribute them to "
		    "that agency", ds->id);
}

static int
metadata(struct dataset *ds, struct diag *d)
{
	struct buf	 b = BUF_INIT;
	json_t		*s;
	int		 rc = 0;

	if (!fsin_read(d, ds->yaml, ds->yaml, &b) ||
	    (ds->meta = meta_parse(d, ds->yaml, 1, b.data, b.len)) == NULL)
		goto out;
	ds->root = meta_root(ds->meta);
	if (!json_is_object(ds->root)) {
		diag_error(d, meta_root_loc(ds->meta), "dataset metadata must "
		    "be a mapping of keys");
		goto out;
	}
	meta_warn_unknown(d, ds->meta, ds->root, meta_keys,
	    _("the dataset metadata"));
	rc = strings(ds, d) & agents(ds, d) & temporal(ds, d) &
	    sources(ds, d) & preview_rows(ds, d);
	if ((s = json_object_get(ds->root, "schema")) == NULL)
		rc = diag_error(d, meta_root_loc(ds->meta), "dataset has no "
		    "'schema' (its fields)");
	else
		ds->schema = schema_parse(d, ds->meta, s,
		    meta_loc(ds->meta, ds->root, "schema"));
	if (ds->schema != NULL && ds->schema->nfields > DATASET_FIELDS_MAX)
		rc = diag_error(d, meta_loc(ds->meta, s, "fields"), "schema has "
		    "%zu fields, more than the %d columns a spreadsheet holds",
		    ds->schema->nfields, DATASET_FIELDS_MAX);
	rc = rc && ds->schema != NULL;
	if (rc && ds->sample)
		sample_checks(ds, d);
out:
	buf_release(&b);
	return rc;
}

struct dataset *
dataset_load(struct diag *d, const char *id, const char *csv,
    const char *yaml)
{
	struct dataset	*ds = xcalloc(1, sizeof(*ds));

	ds->id = xstrdup(id);
	ds->csv = xstrdup(csv);
	ds->yaml = xstrdup(yaml);
	ds->encoding = "utf-8";
	ds->preview_rows = DATASET_PREVIEW_ROWS;
	ds->ok = metadata(ds, d);
	if (ds->keywords == NULL)
		ds->keywords = json_array();
	ds->keys = dataset_keys_new(ds->schema != NULL ?
	    ds->schema->nfkeys : 0);
	if (!ds->ok) {
		schema_free(ds->schema);
		ds->schema = NULL;
	}
	return ds;
}

void
dataset_free(struct dataset *ds)
{
	if (ds == NULL)
		return;
	dataset_keys_free(ds->keys);
	schema_free(ds->schema);
	json_decref(ds->keywords);
	json_decref(ds->translations);
	json_decref(ds->preview);
	meta_free(ds->meta);
	free(ds->id);
	free(ds->csv);
	free(ds->yaml);
	free(ds->text);
	if (ds->locate_free)
		ds->locate_free(ds->locate_arg);
	free(ds);
}

void
dataset_free_all(struct dataset **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		dataset_free(v[i]);
	free(v);
}

/* Finding the datasets. */

static int
valid_id(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '-' || s[i] == '_'))
			return 0;
	return n > 0;
}

/* The index of the entry "stem.ext" in "v", or n. */
static size_t
lookup(const struct fsin_entry *v, size_t n, const char *stem, size_t len,
    const char *ext)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!v[i].isdir && strncmp(v[i].name, stem, len) == 0 &&
		    v[i].name[len] == '.' && strcmp(v[i].name + len + 1,
		    ext) == 0)
			return i;
	return n;
}

static int
byid(const void *a, const void *b)
{
	const struct dataset	*const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

/*
 * Entry "i" of the listing: load it if it is ID.csv with its ID.yaml,
 * report it if it is alone or misnamed.  Returns 0 after an error.
 */
/* The metadata file "yaml" parsed without reporting anything, or NULL. */
static struct meta *
metadata_peek(const char *yaml)
{
	struct diag	*quiet = diag_new();
	struct buf	 b = BUF_INIT;
	struct meta	*m = NULL;

	if (fsin_read(quiet, yaml, yaml, &b))
		m = meta_parse(quiet, yaml, 1, b.data, b.len);
	buf_release(&b);
	diag_free(quiet);
	return m;
}

/*
 * Metadata without a CSV: a dataset made from a content section when it
 * says "from_section:", else an error.
 */
static int
from_section(struct diag *d, const char *yaml, const char *name, size_t len,
    struct dataset **out)
{
	struct loc	 at = { yaml, 0, 0 };
	struct dataset	*ds;
	char		*id = xstrndup(name, len);
	char		*csv = xasprintf("%.*s.csv", (int)(strlen(yaml) - 5),
	    yaml);
	json_t		*root = NULL;
	struct meta	*m;
	int		 rc = 1;

	/* A first look, quiet: is it made from a section? */
	if ((m = metadata_peek(yaml)) != NULL)
		root = json_object_get(meta_root(m), "from_section");
	if (root == NULL)
		rc = diag_error(d, &at, "the metadata has no data: '%s.csv' is "
		    "missing", id);
	else {
		ds = dataset_load(d, id, csv, yaml);
		if (ds->ok && !meta_string(ds->meta, d, ds->root,
		    "from_section", &ds->from_section))
			ds->ok = 0;
		rc = ds->ok;
		*out = ds;
	}
	meta_free(m);
	free(csv);
	free(id);
	return rc;
}

static int
entry(struct diag *d, const char *dir, const struct fsin_entry *v, size_t n,
    size_t i, struct dataset **out)
{
	const char	*name = v[i].name, *dot = strrchr(name, '.');
	const char	*ext = dot ? dot + 1 : "";
	size_t		 len = dot ? (size_t)(dot - name) : strlen(name);
	char		*path = fsin_join(dir, name), *other, *id;
	struct loc	 at = { path, 0, 0 };
	int		 csv = strcmp(ext, "csv") == 0, rc = 1;

	*out = NULL;
	if (!csv && strcmp(ext, "yaml") != 0)
		diag_warning(d, &at, "not a dataset file (datasets are ID.csv "
		    "with ID.yaml); ignored");
	else if (!valid_id(name, len))
		rc = diag_error(d, &at, "dataset id '%.*s' must be lower-case "
		    "ASCII letters, digits, '-' or '_'", (int)len, name);
	else if (!csv && lookup(v, n, name, len, "csv") == n)
		rc = from_section(d, path, name, len, out);
	else if (lookup(v, n, name, len, csv ? "yaml" : "csv") == n && csv)
		rc = diag_error(d, &at, "the data has no metadata: '%.*s.yaml' "
		    "is missing", (int)len, name);
	else if (lookup(v, n, name, len, "csv") == n)
		rc = diag_error(d, &at, "the metadata has no data: '%.*s.csv' "
		    "is missing", (int)len, name);
	else if (csv) {
		id = xstrndup(name, len);
		other = xasprintf("%.*s.yaml", (int)(strlen(path) - 4), path);
		*out = dataset_load(d, id, path, other);
		rc = (*out)->ok;
		free(other);
		free(id);
	}
	free(path);
	return rc;
}

int
dataset_load_all(struct diag *d, const char *dir, struct dataset ***out,
    size_t *n)
{
	struct fsin_entry	*v;
	struct dataset		*ds;
	size_t			 nv = fsin_list(d, dir, &v), i;
	int			 rc = 1;

	*out = NULL;
	*n = 0;
	for (i = 0; i < nv; i++) {
		if (v[i].isdir)
			continue;
		rc &= entry(d, dir, v, nv, i, &ds);
		if (ds == NULL)
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		(*out)[(*n)++] = ds;
	}
	fsin_list_free(v, nv);
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), byid);
	return rc;
}
