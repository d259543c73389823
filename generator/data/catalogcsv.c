/*
 * The CSV catalog, written in the publish stage beside the RDF catalogs
 * (catalog.c reads and checks the input first): catalog.csv lists every
 * download of every dataset, one row each, for people who open a
 * spreadsheet rather than harvest RDF; catalog.csv-metadata.json (CSVW)
 * and the root datapackage.json (Frictionless) describe its columns
 * from one table, so the three files always agree.
 */
#include "catalogcsv.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "text.h"

/* The columns of catalog.csv, with their CSVW and Table Schema types. */
static const struct column {
	const char	*name;
	const char	*csvw;		/* CSVW datatype; NULL: SHA-256 hex */
	const char	*type;		/* Table Schema type */
	const char	*format;	/* Table Schema format, or NULL */
	int		 required;
} columns[] = {
	{ "dataset_id", "string", "string", NULL, 1 },
	{ "dataset_title", "string", "string", NULL, 1 },
	{ "format", "string", "string", NULL, 1 },
	{ "mediatype", "string", "string", NULL, 0 },
	{ "url", "anyURI", "string", "uri", 1 },
	{ "bytes", "nonNegativeInteger", "integer", NULL, 0 },
	{ "sha256", NULL, "string", NULL, 0 },
	{ "license", "anyURI", "string", "uri", 0 },
	{ "modified", "date", "date", NULL, 0 },
};


#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Append one RFC 4180 field ("" for NULL) and its ',' or CRLF. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	if (s != NULL)
		text_csv_field(b, s, strlen(s));
	buf_puts(b, last ? "\r\n" : ",");
}

/* Append the row of download "dist" of record "r". */
static void
csv_row(struct buf *out, const struct catalog *c, const json_t *r,
    const json_t *dist)
{
	const json_t	*bytes = json_object_get(dist, "bytes");
	const char	*lic = catalog_str(catalog_inherit(c, r, "license"),
	    "url");
	char		*sha = catalog_sha256_new(dist);
	struct buf	 b = BUF_INIT;

	csv_field(out, catalog_str(r, "id"), 0);
	csv_field(out, catalog_str(r, "title"), 0);
	csv_field(out, catalog_str(dist, "format"), 0);
	csv_field(out, catalog_str(dist, "mediatype"), 0);
	catalog_url(&b, c->base, catalog_str(dist, "path"));
	csv_field(out, b.data, 0);
	buf_reset(&b);
	if (json_is_integer(bytes) && json_integer_value(bytes) >= 0)
		buf_printf(&b, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(bytes));
	csv_field(out, b.data, 0);
	csv_field(out, sha, 0);
	buf_reset(&b);
	if (lic != NULL)
		catalog_url(&b, c->base, lic);
	csv_field(out, b.data, 0);
	csv_field(out, catalog_str(r, "modified"), 1);
	free(sha);
	buf_release(&b);
}

int
catalogcsv_table(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	const json_t	*dist;
	struct catalog	 c;
	size_t		 i, j;
	int		 rc = 0;

	if (!catalog_init(&c, d, site, records))
		goto out;
	for (i = 0; i < NELEM(columns); i++)
		csv_field(out, columns[i].name, i + 1 == NELEM(columns));
	for (i = 0; i < c.n; i++)
		json_array_foreach(json_object_get(c.recs[i], "distributions"),
		    j, dist)
			csv_row(out, &c, c.recs[i], dist);
	rc = 1;
out:
	catalog_release(&c);
	return rc;
}

static json_t *
csvw_column(const struct column *col)
{
	json_t	*o = json_pack("{ss ss}", "name", col->name, "titles",
	    col->name);

	if (col->csvw != NULL)
		catalog_set_str(o, "datatype", col->csvw);
	else
		json_object_set_new(o, "datatype", json_pack("{ssss}", "base",
		    "string", "format", "^[0-9a-f]{64}$"));
	if (col->required)
		json_object_set_new(o, "required", json_true());
	return o;
}

int
catalogcsv_metadata(struct buf *out, struct diag *d, const json_t *site)
{
	const char	*title, *desc, *lic, *mod;
	json_t		*root, *cols;
	struct catalog	 c;
	size_t		 i;
	int		 rc = 0;

	if (!catalog_init(&c, d, site, NULL) || !catalog_need_site(&c))
		goto out;
	title = catalog_str(site, "title");
	desc = catalog_str(site, "description");
	lic = catalog_str(json_object_get(site, "license"), "url");
	mod = catalog_str(site, "modified");
	cols = json_array();
	for (i = 0; i < NELEM(columns); i++)
		json_array_append_new(cols, csvw_column(&columns[i]));
	root = json_pack("{ss ss ss s{so ss}}",
	    "url", "catalog.csv",
	    "dc:title", title,
	    "dc:publisher", catalog_str(json_object_get(site, "publisher"),
	    "name"),
	    "tableSchema", "columns", cols, "primaryKey", "url");
	if (c.lang != NULL)
		json_object_set_new(root, "@context", json_pack("[s{ss}]",
		    "http://www.w3.org/ns/csvw", "@language", c.lang));
	else
		catalog_set_str(root, "@context", "http://www.w3.org/ns/csvw");
	catalog_set_str(root, "dc:description", desc);
	if (lic != NULL) {
		json_object_set_new(root, "dc:license", json_object());
		catalog_set_url(&c, json_object_get(root, "dc:license"), "@id",
		    lic);
	}
	if (mod != NULL && catalog_date_type(mod) != NULL)
		json_object_set_new(root, "dc:modified", json_pack("{ssss}",
		    "@value", mod, "@type", catalog_date_type(mod)));
	rc = catalog_dump(out, d, root);
out:
	catalog_release(&c);
	return rc;
}

static json_t *
dp_field(const struct column *col)
{
	json_t	*o = json_pack("{ssss}", "name", col->name, "type", col->type);
	json_t	*k = json_object();

	catalog_set_str(o, "format", col->format);
	if (col->required)
		json_object_set_new(k, "required", json_true());
	if (strcmp(col->type, "integer") == 0)
		json_object_set_new(k, "minimum", json_integer(0));
	if (col->csvw == NULL)
		catalog_set_str(k, "pattern", "[0-9a-f]{64}");
	if (json_object_size(k) > 0)
		json_object_set(o, "constraints", k);
	json_decref(k);
	return o;
}

/* The "licenses" of a Data Package for licence "lic", or NULL. */
static json_t *
dp_licenses(const struct catalog *c, const json_t *lic)
{
	const char	*id = catalog_str(lic, "id");
	json_t		*o = json_object();

	if (id != NULL && strspn(id, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == strlen(id))
		catalog_set_str(o, "name", id);
	catalog_set_url(c, o, "path", catalog_str(lic, "url"));
	if (json_object_size(o) == 0) {
		json_decref(o);
		return NULL;
	}
	catalog_set_str(o, "title", catalog_str(lic, "title"));
	return json_pack("[o]", o);
}

int
catalogcsv_datapackage(struct buf *out, struct diag *d, const json_t *site,
    size_t csv_bytes, const char *csv_sha256)
{
	struct buf	 b = BUF_INIT;
	json_t		*root = NULL, *res, *fields, *lic;
	struct catalog	 c;
	char		*name = NULL;
	size_t		 i;
	int		 rc = 0;

	if (!catalog_init(&c, d, site, NULL) || !catalog_need_site(&c))
		goto out;
	name = text_slugify(catalog_str(site, "title"));
	fields = json_array();
	for (i = 0; i < NELEM(columns); i++)
		json_array_append_new(fields, dp_field(&columns[i]));
	res = json_pack("{ss ss ss ss ss ss ss}", "name", "catalog",
	    "path", "catalog.csv", "profile", "tabular-data-resource",
	    "type", "table", "format", "csv", "mediatype", "text/csv",
	    "encoding", "utf-8");
	json_object_set_new(res, "bytes", json_integer((json_int_t)csv_bytes));
	if (csv_sha256 != NULL) {
		buf_printf(&b, "sha256:%s", csv_sha256);
		catalog_set_str(res, "hash", b.data);
	}
	json_object_set_new(res, "schema", json_pack("{so s[s]}", "fields",
	    fields, "primaryKey", "url"));
	root = json_pack("{ss ss ss ss s[o]}",
	    "$schema", "https://datapackage.org/profiles/2.0/datapackage.json",
	    "profile", "tabular-data-package",
	    "name", *name != '\0' ? name : "catalog",
	    "title", catalog_str(site, "title"),
	    "resources", res);
	catalog_set_str(root, "description", catalog_str(site, "description"));
	catalog_set_url(&c, root, "homepage", catalog_str(site, "homepage") ?
	    catalog_str(site, "homepage") : c.base);
	if ((lic = dp_licenses(&c, json_object_get(site, "license"))) != NULL)
		json_object_set_new(root, "licenses", lic);
	rc = catalog_dump(out, d, root);
out:
	free(name);
	buf_release(&b);
	catalog_release(&c);
	return rc;
}
