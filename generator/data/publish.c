/*
 * Publishing datasets, in the publish stage.  dataset.c reads each CSV
 * once and hands every checked row to the sink here, which writes the
 * normalised CSV (RFC 4180, CRLF), the typed JSON and the XLSX at the
 * same time, hashing the bytes as they go.  When all datasets are read,
 * publish_finish() writes each datapackage.json, the zip archives and
 * the catalogs from the records gathered on the way.  The record of a
 * dataset is the one description that catalogs and pages share.
 */
#include "publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "buf.h"
#include "catalog.h"
#include "catalogcsv.h"
#include "config.h"
#include "dataset.h"
#include "dcat.h"
#include "dcatus.h"
#include "diag.h"
#include "digest.h"
#include "fsin.h"
#include "fsout.h"
#include "meta.h"
#include "scan.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx.h"

#define MT_XLSX	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define DP_V2	"https://datapackage.org/profiles/2.0/datapackage.json"

/* One open data file of the dataset being scanned. */
struct stream {
	FILE		*fp;
	char		*path;		/* relative to the output root */
	struct digest	 dg;
};

struct publish {
	struct diag		*d;
	struct fsout		*fs;
	const struct config	*c;
	int			 epoch_ok;	/* SOURCE_DATE_EPOCH is usable */
	time_t			 epoch;		/* else the files' time */
	struct dataset_sink	 sink;
	json_t			*records;	/* id -> record */
	json_t			*catalogs;
	const char		*sample_notice;	/* before a sample description */
	json_t			*notices;	/* {LANG: that notice}, or NULL */
	/* The dataset being scanned. */
	struct stream		 csv, json;
	struct xlsx		*xlsx;
	char			*xlsxpath;	/* relative */
	char			*xlsxfull;	/* in the staging tree */
	size_t			 jsonrows;
	const char *const	*licdirs;	/* NULL-terminated, or NULL */
	json_t			*licwarned;	/* ids warned about */
	struct buf		 line, cell;	/* scratch for CSV rows */
};

/* "dataset/ID/data/ID.EXT", a data file of "ds"; free() it. */
static char *
datafile(const struct dataset *ds, const char *ext)
{
	return xasprintf("dataset/%s/data/%s.%s", ds->id, ds->id, ext);
}

/* "dataset/ID/datapackage.json", the descriptor of "ds"; free() it. */
static char *
descfile(const struct dataset *ds)
{
	return xasprintf("dataset/%s/datapackage.json", ds->id);
}

/* The catalog files, when the site has a base_url. */
#define CAT_TTL		"catalog.ttl"
#define CAT_JSONLD	"catalog.jsonld"
#define CAT_DATAJSON	"data.json"
#define CAT_CSV		"catalog.csv"
#define CAT_CSVW	"catalog.csv-metadata.json"
#define CAT_DP		"datapackage.json"
#define ALL_ZIP		"downloads/all-data.zip"

static void
put(struct stream *s, const char *data, size_t len)
{
	fwrite(data, 1, len, s->fp);
	digest_add(&s->dg, data, len);
}

static int
sopen(struct publish *p, struct stream *s, const char *path)
{
	s->path = xstrdup(path);
	digest_init(&s->dg);
	return (s->fp = fsout_fopen(p->fs, path)) != NULL;
}

/* Close "s" and describe it as a distribution of "rec". */
static int
sclose(struct publish *p, struct stream *s, json_t *rec, const char *format,
    const char *mediatype)
{
	char	 hex[DIGEST_HEX_SIZE];
	int	 rc = 1;

	if (s->fp == NULL)
		goto out;
	rc = fsout_fclose(p->fs, s->fp, s->path);
	digest_hex(&s->dg, hex);
	json_array_append_new(json_object_get(rec, "distributions"),
	    json_pack("{s:s, s:s, s:s, s:I, s:s}", "format", format,
	    "mediatype", mediatype, "path", s->path, "bytes",
	    (json_int_t)s->dg.bytes, "sha256", hex));
out:
	s->fp = NULL;
	free(s->path);
	s->path = NULL;
	return rc;
}

/* One CSV record of "n" cells, built in "line" and written at once. */
static void
csvrow(struct stream *s, struct buf *line, const char *const *cells,
    const size_t *lens, size_t n)
{
	size_t	 i;

	buf_reset(line);
	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(line, ',');
		text_csv_field(line, cells[i], lens[i]);
	}
	buf_puts(line, "\r\n");
	put(s, line->data, line->len);
}

static int
dumpcb(const char *b, size_t n, void *arg)
{
	put(arg, b, n);
	return 0;
}

/* The shortest decimal form of "v" that reads back as "v". */
static void
real(struct stream *s, double v)
{
	struct buf	 b = BUF_INIT;

	text_number(&b, v);
	put(s, b.data, b.len);
	buf_release(&b);
}

static void
value(struct stream *s, json_t *v)
{
	if (json_is_real(v))
		real(s, json_real_value(v));
	else
		json_dump_callback(v ? v : json_null(), dumpcb, s,
		    JSON_ENCODE_ANY | JSON_COMPACT);
}

/* One row as a JSON object, fields in schema order. */
static void
jsonrow(struct publish *p, struct dataset *ds, json_t *const *typed,
    size_t n)
{
	json_t	*key;
	size_t	 i;

	if (p->jsonrows++ > 0)
		put(&p->json, ",", 1);
	put(&p->json, "\n{", 2);
	for (i = 0; i < n && i < ds->schema->nfields; i++) {
		if (i)
			put(&p->json, ",", 1);
		key = json_string(ds->schema->fields[i].name);
		value(&p->json, key);
		json_decref(key);
		put(&p->json, ":", 1);
		value(&p->json, typed[i]);
	}
	put(&p->json, "}", 1);
}

static json_t *
record(struct publish *p, struct dataset *ds)
{
	json_t	*r = json_object_get(p->records, ds->id);

	if (r == NULL) {
		r = json_object();
		json_object_set_new(r, "distributions", json_array());
		json_object_set_new(p->records, ds->id, r);
	}
	return r;
}

/* Where cell "i" of the row being scanned starts, for XLSX warnings. */
static void
cellpos(void *arg, size_t i, unsigned *line, unsigned *col)
{
	dataset_cell_loc(arg, i, line, col);
}

static int
begin(void *arg, struct dataset *ds)
{
	struct publish	 *p = arg;
	const char	**names;
	char		 *path, *full;
	size_t		  i, nf = ds->schema->nfields;
	int		  rc = 1;

	record(p, ds);
	if (p->fs == NULL)
		return 1;
	path = datafile(ds, "csv");
	rc &= sopen(p, &p->csv, path);
	free(path);
	path = datafile(ds, "json");
	rc &= sopen(p, &p->json, path);
	free(path);
	names = xcalloc(nf, sizeof(*names));
	for (i = 0; i < nf; i++)
		names[i] = ds->schema->fields[i].name;
	if (p->csv.fp) {
		size_t *lens = xcalloc(nf, sizeof(*lens));
		for (i = 0; i < nf; i++)
			lens[i] = strlen(names[i]);
		csvrow(&p->csv, &p->line, names, lens, nf);
		free(lens);
	}
	if (p->json.fp)
		put(&p->json, "[", 1);
	p->jsonrows = 0;
	p->xlsxpath = datafile(ds, "xlsx");
	if (!p->epoch_ok) {	/* reported once, by publish_new() */
		free(names);
		return rc;
	}
	if ((full = fsout_claim(p->fs, p->xlsxpath)) != NULL) {
		p->xlsx = xlsx_new(p->d, full, ds->id, names, nf);
		if (p->xlsx != NULL) {
			xlsx_set_locate(p->xlsx, cellpos, ds);
			xlsx_set_display(p->xlsx, ds->csv);
		}
		if (p->xlsx) {
			xlsx_set_title(p->xlsx, ds->title);
			xlsx_set_time(p->xlsx, p->epoch);
		}
		p->xlsxfull = full;
	}
	free(names);
	return rc && p->xlsx != NULL;
}

/*
 * The cell as the published CSV writes it: the typed value in its
 * canonical form ('.' decimals, ISO dates, true/false), so that the
 * schema published with it needs no decimalChar, groupChar or format.
 */
static void
canonical(struct buf *b, json_t *v, const char *cell, size_t len)
{
	if (v == NULL || json_is_string(v)) {
		if (v)
			buf_puts(b, json_string_value(v));
		else
			buf_put(b, cell, len);
	} else if (json_is_integer(v))
		buf_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		text_number(b, json_real_value(v));
	else if (json_is_boolean(v))
		buf_puts(b, json_is_true(v) ? "true" : "false");
}

static void
canonrow(struct publish *p, json_t *const *typed, const char *const *cells,
    const size_t *lens, size_t n)
{
	size_t	 i;

	buf_reset(&p->line);
	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(&p->line, ',');
		buf_reset(&p->cell);
		canonical(&p->cell, typed[i], cells[i], lens[i]);
		text_csv_field(&p->line, p->cell.data, p->cell.len);
	}
	buf_puts(&p->line, "\r\n");
	put(&p->csv, p->line.data, p->line.len);
}

static int
row(void *arg, struct dataset *ds, unsigned line, const char *const *cells,
    const size_t *lens, json_t *const *typed, size_t n)
{
	struct publish	*p = arg;
	struct loc	 l = { ds->csv, 0, 0 };
	size_t		 i;

	if (p->fs == NULL) {	/* a check: warn as the spreadsheet would */
		for (i = 0; i < n && i < ds->schema->nfields; i++) {
			if (typed[i] == NULL)
				continue;
			dataset_cell_loc(ds, i, &l.line, &l.col);
			xlsx_lint(p->d, &l, ds->schema->fields[i].name,
			    typed[i]);
		}
		return 1;
	}
	if (p->csv.fp)
		canonrow(p, typed, cells, lens, n);
	if (p->json.fp)
		jsonrow(p, ds, typed, n);
	if (p->xlsx)
		return xlsx_row(p->xlsx, typed, n, line, ds->csv);
	return 1;
}

static int
xlsxdone(struct publish *p, struct dataset *ds, json_t *rec)
{
	struct digest	 dg;
	char		 hex[DIGEST_HEX_SIZE];
	json_t		*desc = schema_descriptor(ds->schema);
	int		 rc;

	rc = xlsx_dictionary(p->xlsx, json_object_get(desc, "fields"));
	rc &= xlsx_close(p->xlsx);
	p->xlsx = NULL;
	json_decref(desc);
	digest_init(&dg);
	if (rc && (rc = digest_file(&dg, p->d, p->xlsxfull))) {
		digest_hex(&dg, hex);
		json_array_append_new(json_object_get(rec, "distributions"),
		    json_pack("{s:s, s:s, s:s, s:I, s:s}", "format", "XLSX",
		    "mediatype", MT_XLSX, "path", p->xlsxpath, "bytes",
		    (json_int_t)dg.bytes, "sha256", hex));
	}
	return rc;
}

static int
end(void *arg, struct dataset *ds)
{
	struct publish	*p = arg;
	json_t		*rec = record(p, ds);
	int		 rc = 1;

	if (p->json.fp)
		put(&p->json, "\n]\n", 3);
	rc &= sclose(p, &p->csv, rec, "CSV", "text/csv");
	rc &= sclose(p, &p->json, rec, "JSON", "application/json");
	if (p->xlsx)
		rc &= xlsxdone(p, ds, rec);
	free(p->xlsxpath);
	free(p->xlsxfull);
	p->xlsxpath = p->xlsxfull = NULL;
	return rc;
}

void
publish_set_diag(struct publish *p, struct diag *d)
{
	if (p != NULL)
		p->d = d;
}

void
publish_set_time(struct publish *p, time_t t)
{
	p->epoch = t;
}

struct publish *
publish_new(struct diag *d, struct fsout *fs, const struct config *c)
{
	struct publish	*p = xcalloc(1, sizeof(*p));

	p->d = d;
	p->fs = fs;
	p->c = c;
	p->epoch_ok = fs == NULL || archive_check_epoch(d);
	buf_init(&p->line);
	buf_init(&p->cell);
	p->records = json_object();
	p->licwarned = json_object();
	p->catalogs = json_array();
	p->sink.arg = p;
	p->sink.begin = begin;
	p->sink.row = row;
	p->sink.end = end;
	return p;
}

void
publish_free(struct publish *p)
{
	if (p == NULL)
		return;
	if (p->xlsx)
		xlsx_close(p->xlsx);
	free(p->xlsxpath);
	free(p->xlsxfull);
	json_decref(p->records);
	json_decref(p->notices);
	json_decref(p->licwarned);
	json_decref(p->catalogs);
	buf_release(&p->line);
	buf_release(&p->cell);
	free(p);
}

const struct dataset_sink *
publish_sink(struct publish *p)
{
	return &p->sink;
}

/* A site-wide default from site.yaml ("publisher", "license", "contact"). */
static json_t *
sitedefault(const struct publish *p, const char *key)
{
	json_t	*v = json_object_get(meta_root(p->c->meta), key);

	return json_is_object(v) ? v : NULL;
}

static void
setobj(json_t *o, const char *key, json_t *v)
{
	if (v != NULL)
		json_object_set_new(o, key, json_deep_copy(v));
}

static void
setstr(json_t *o, const char *key, const char *v)
{
	if (v != NULL && *v)
		json_object_set_new(o, key, json_string(v));
}

/*
 * The record's "translations": those of "ds", the description of a
 * sample dataset led by the sample notice in that language.
 */
static json_t *
translated(struct publish *p, const struct dataset *ds)
{
	json_t		*o = json_deep_copy(ds->translations), *t;
	const char	*lang, *note, *desc;

	json_object_foreach(o, lang, t) {
		note = json_string_value(json_object_get(p->notices, lang));
		if (!ds->sample || note == NULL || *note == '\0')
			continue;
		desc = json_string_value(json_object_get(t, "description"));
		json_object_set_new(t, "description", desc ? json_sprintf(
		    "%s\n\n%s", note, desc) : json_string(note));
	}
	return o;
}

/* The metadata part of the record of "ds" (the catalog.h fields). */
static void
describe(struct publish *p, struct dataset *ds, json_t *r)
{
	setstr(r, "id", ds->id);
	setstr(r, "title", ds->title);
	if (ds->sample && p->sample_notice && *p->sample_notice)
		json_object_set_new(r, "description", json_sprintf("%s\n\n%s",
		    p->sample_notice, ds->description));
	else
		setstr(r, "description", ds->description);
	setobj(r, "keywords", ds->keywords);
	if (ds->translations != NULL)
		json_object_set_new(r, "translations", translated(p, ds));
	setstr(r, "theme", ds->theme);
	setobj(r, "publisher", ds->publisher ? ds->publisher :
	    sitedefault(p, "publisher"));
	setobj(r, "contact", ds->contact ? ds->contact :
	    sitedefault(p, "contact"));
	setobj(r, "license", ds->license ? ds->license :
	    sitedefault(p, "license"));
	setobj(r, "temporal", ds->temporal);
	setstr(r, "spatial", ds->spatial);
	setstr(r, "frequency", ds->frequency);
	setstr(r, "issued", ds->issued);
	setstr(r, "modified", ds->modified);
	setstr(r, "version", ds->version);
	setobj(r, "sources", ds->sources);
	json_object_set_new(r, "sample", json_boolean(ds->sample));
	json_object_set_new(r, "rows", json_integer((json_int_t)ds->rows));
	json_object_set_new(r, "landing", json_sprintf("dataset/%s/",
	    ds->id));
}

/*
 * The schema of the published CSV: the source's, less the options for
 * reading it, since canonrow() wrote every value in its standard form.
 */
static json_t *
published(const struct schema *sc)
{
	static const char *const opts[] = { "decimalChar", "groupChar",
	    "bareNumber", "trueValues", "falseValues", "format", NULL };
	json_t	*d = schema_descriptor(sc), *f, *missing;
	size_t	 i, k;

	json_array_foreach(json_object_get(d, "fields"), i, f)
		for (k = 0; opts[k]; k++)
			json_object_del(f, opts[k]);
	missing = json_object_get(d, "missingValues");
	if (missing)
		json_object_set_new(d, "missingValues", json_pack("[s]", ""));
	return d;
}

/* One Frictionless resource for a distribution of the record. */
static json_t *
resource(struct dataset *ds, json_t *dist, int tabular)
{
	const char	*path = json_string_value(json_object_get(dist, "path"));
	const char	*fmt = json_string_value(json_object_get(dist, "format"));
	const char	*rel = strstr(path, "/data/");
	char		 name[160], lower[16];
	size_t		 i;
	json_t		*r;

	for (i = 0; fmt[i] && i < sizeof(lower) - 1; i++)
		lower[i] = (char)(fmt[i] | 0x20);
	lower[i] = '\0';
	snprintf(name, sizeof(name), tabular ? "%s" : "%s-%s", ds->id, lower);
	r = json_pack("{s:s, s:s, s:s, s:O, s:s, s:O, s:s+}", "name", name,
	    "path", rel ? rel + 1 : path, "format", lower, "mediatype",
	    json_object_get(dist, "mediatype"), "encoding", "utf-8", "bytes",
	    json_object_get(dist, "bytes"), "hash", "sha256:",
	    json_string_value(json_object_get(dist, "sha256")));
	if (tabular) {
		json_object_set_new(r, "type", json_string("table"));
		json_object_set_new(r, "profile",
		    json_string("tabular-data-resource"));
		json_object_set_new(r, "schema", published(ds->schema));
	}
	return r;
}

/*
 * A package of one dataset holds no other dataset, so its foreign keys
 * to other datasets go (planpress checked them; all-data.zip keeps them).
 */
static void
ownkeys(json_t *res)
{
	json_t	*schema = json_object_get(res, "schema");
	json_t		*fks = json_object_get(schema, "foreignKeys"), *keep, *fk;
	const char	*r;
	size_t		 i;

	if (fks == NULL)
		return;
	keep = json_array();
	json_array_foreach(fks, i, fk) {
		r = json_string_value(json_object_get(json_object_get(fk,
		    "reference"), "resource"));
		if (r == NULL || *r == '\0')
			json_array_append(keep, fk);
	}
	if (json_array_size(keep))
		json_object_set_new(schema, "foreignKeys", keep);
	else {
		json_object_del(schema, "foreignKeys");
		json_decref(keep);
	}
}

static json_t *
licenses(json_t *rec)
{
	json_t	*l = json_object_get(rec, "license"), *o;

	if (l == NULL)
		return json_array();
	o = json_object();
	if (json_object_get(l, "id"))
		json_object_set(o, "name", json_object_get(l, "id"));
	if (json_object_get(l, "url"))
		json_object_set(o, "path", json_object_get(l, "url"));
	if (json_object_get(l, "title"))
		json_object_set(o, "title", json_object_get(l, "title"));
	return json_pack("[o]", o);
}

/* dataset/ID/datapackage.json: $schema v2, valid against v1 as well. */
static json_t *
descriptor(struct publish *p, struct dataset *ds, json_t *rec)
{
	json_t		*dp, *res = json_array(), *dist;
	struct buf	 iri = BUF_INIT;
	size_t		 i;

	dp = json_pack("{s:s, s:s, s:s, s:O}", "$schema", DP_V2, "name",
	    ds->id, "title", ds->title, "keywords",
	    json_object_get(rec, "keywords"));
	if (*p->c->base_url) {
		catalog_dataset_iri(&iri, p->c->base_url, ds->id);
		json_object_set_new(dp, "id", json_string(iri.data));
		json_object_set_new(dp, "homepage", json_sprintf("%sdataset/%s/",
		    p->c->base_url, ds->id));
	}
	json_object_set(dp, "description", json_object_get(rec,
	    "description"));
	if (ds->sample)
		json_object_set_new(dp, "sample", json_true());
	setstr(dp, "version", ds->version);
	json_object_set_new(dp, "licenses", licenses(rec));
	if (ds->sources)
		json_object_set_new(dp, "sources", json_deep_copy(ds->sources));
	json_array_foreach(json_object_get(rec, "distributions"), i, dist)
		json_array_append_new(res, resource(ds, dist, i == 0));
	ownkeys(json_array_get(res, 0));
	json_object_set_new(dp, "resources", res);
	buf_release(&iri);
	return dp;
}

static int
writejson(struct publish *p, const char *path, json_t *v, struct buf *out)
{
	char	*s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	buf_reset(out);
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	return fsout_write(p->fs, path, out->data, out->len);
}

/* Record a file written from memory as a distribution. */
static void
distribution(json_t *rec, const char *format, const char *mediatype,
    const char *path, const struct buf *b, const char *conforms)
{
	struct digest	 dg;
	char		 hex[DIGEST_HEX_SIZE];
	json_t		*o;

	digest_init(&dg);
	digest_add(&dg, b->data, b->len);
	digest_hex(&dg, hex);
	o = json_pack("{s:s, s:s, s:s, s:I, s:s}", "format", format,
	    "mediatype", mediatype, "path", path, "bytes",
	    (json_int_t)b->len, "sha256", hex);
	if (conforms)
		json_object_set_new(o, "conformsTo", json_string(conforms));
	json_array_append_new(json_object_get(rec, "distributions"), o);
}

/* README.md of a package, from the metadata alone. */
static void
readme(json_t *rec, struct buf *b)
{
	json_t		*l = json_object_get(rec, "license");
	json_t		*pub = json_object_get(rec, "publisher");
	const char	*s;

	buf_reset(b);
	buf_printf(b, "# %s\n\n", json_string_value(json_object_get(rec,
	    "title")));
	if ((s = json_string_value(json_object_get(rec, "description"))))
		buf_printf(b, "%s\n\n", s);
	if ((s = json_string_value(json_object_get(pub, "name"))))
		buf_printf(b, "- %s\n", s);
	if ((s = json_string_value(json_object_get(rec, "version"))))
		buf_printf(b, "- %s\n", s);
	if ((s = json_string_value(json_object_get(l, "title"))))
		buf_printf(b, "- %s", s);
	if ((s = json_string_value(json_object_get(l, "url"))))
		buf_printf(b, " <%s>", s);
	buf_puts(b, "\n");
}

/*
 * LICENSE.txt: the licence's full text when one of the licence folders
 * has it, else its title, identifier and address.
 */
static void
licensefile(struct publish *p, json_t *rec, struct buf *b)
{
	json_t		*l = json_object_get(rec, "license");
	const char	*s, *id = json_string_value(json_object_get(l, "id"));
	struct diag	*quiet;
	char		*path;
	size_t		 i;

	buf_reset(b);
	for (i = 0; id && text_safe_segment(id) && p->licdirs &&
	    p->licdirs[i]; i++) {
		path = xasprintf("%s/%s.txt", p->licdirs[i], id);
		quiet = diag_new();
		if (fsin_isfile(path) && fsin_read(quiet, path, path, b)) {
			diag_free(quiet);
			free(path);
			return;
		}
		diag_free(quiet);
		free(path);
		buf_reset(b);
	}
	if (id && p->licdirs && json_object_get(p->licwarned, id) == NULL) {
		json_object_set_new(p->licwarned, id, json_true());
		diag_warning(p->d, NULL, "no text of the licence '%s' to put "
		    "in the packages (add licenses/%s.txt); LICENSE.txt only "
		    "names it", id, id);
	}
	if ((s = json_string_value(json_object_get(l, "title"))))
		buf_printf(b, "%s\n", s);
	if (id)
		buf_printf(b, "SPDX-License-Identifier: %s\n", id);
	if ((s = json_string_value(json_object_get(l, "url"))))
		buf_printf(b, "%s\n", s);
}

void
publish_set_sample_notices(struct publish *p, const json_t *notices)
{
	json_decref(p->notices);
	p->notices = json_deep_copy(notices);
}

void
publish_set_sample_notice(struct publish *p, const char *text)
{
	p->sample_notice = text;
}

void
publish_set_licenses(struct publish *p, const char *const *dirs)
{
	p->licdirs = dirs;
}

/* Add the files of a package under "prefix" ("" or "ID/") to "a". */
static int
addpackage(struct publish *p, struct archive *a, const char *prefix,
    json_t *rec, const struct buf *dp)
{
	json_t		*dist;
	const char	*path, *rel;
	char		*name, *full;
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 rc = 1;

	name = xasprintf("%sdatapackage.json", prefix);
	rc &= archive_add_buffer(a, name, dp->data, dp->len);
	free(name);
	json_array_foreach(json_object_get(rec, "distributions"), i, dist) {
		path = json_string_value(json_object_get(dist, "path"));
		if ((rel = strstr(path, "/data/")) == NULL)
			continue;
		name = xasprintf("%s%s", prefix, rel + 1);
		full = fsout_path(p->fs, path);
		rc &= archive_add_file(a, name, full);
		free(full);
		free(name);
	}
	readme(rec, &b);
	name = xasprintf("%sREADME.md", prefix);
	rc &= archive_add_buffer(a, name, b.data, b.len);
	free(name);
	licensefile(p, rec, &b);
	name = xasprintf("%sLICENSE.txt", prefix);
	rc &= archive_add_buffer(a, name, b.data, b.len);
	free(name);
	buf_release(&b);
	return rc;
}

/* "downloads/ID-VERSION.zip", the package of "ds"; free() it. */
static char *
zipname(const struct dataset *ds)
{
	return ds->version && text_safe_segment(ds->version) ?
	    xasprintf("downloads/%s-%s.zip", ds->id, ds->version) :
	    xasprintf("downloads/%s.zip", ds->id);
}

static int
zipone(struct publish *p, struct dataset *ds, json_t *rec,
    const struct buf *dp)
{
	struct archive	*a;
	struct digest	 dg;
	char		 hex[DIGEST_HEX_SIZE], *rel, *full;
	int		 rc = 0;

	rel = zipname(ds);
	if ((full = fsout_claim(p->fs, rel)) == NULL)
		goto out;
	if ((a = archive_new(p->d, full)) != NULL)
		archive_set_time(a, p->epoch);
	if (a == NULL)
		goto out;
	rc = addpackage(p, a, "", rec, dp);
	rc &= archive_close(a);
	archive_free(a);
	digest_init(&dg);
	if (rc && (rc = digest_file(&dg, p->d, full))) {
		digest_hex(&dg, hex);
		json_array_append_new(json_object_get(rec, "distributions"),
		    json_pack("{s:s, s:s, s:s, s:I, s:s}", "format", "ZIP",
		    "mediatype", "application/zip", "path", rel, "bytes",
		    (json_int_t)dg.bytes, "sha256", hex));
	}
out:
	free(full);
	free(rel);
	return rc;
}

/* The descriptor, its distribution entry and the zip of one dataset. */
static int
package(struct publish *p, struct dataset *ds, json_t *packages)
{
	json_t		*rec = record(p, ds), *dp;
	struct buf	 b = BUF_INIT;
	char		*path;
	int		 rc;

	describe(p, ds, rec);
	if (p->fs == NULL)
		return 1;
	dp = descriptor(p, ds, rec);
	path = descfile(ds);
	rc = writejson(p, path, dp, &b);
	rc &= zipone(p, ds, rec, &b);
	distribution(rec, "JSON", "application/json", path, &b, DP_V2);
	json_object_set_new(packages, ds->id, json_stringn(b.data, b.len));
	json_decref(dp);
	free(path);
	buf_release(&b);
	return rc;
}

/* The site's title and description in its editions' languages. */
static json_t *
site_translations(const struct config *c)
{
	json_t	*o = json_object(), *t;
	size_t	 i;

	for (i = 0; i < c->nlangs; i++) {
		t = json_object();
		setstr(t, "title", c->langs[i].title);
		setstr(t, "description", c->langs[i].description);
		json_object_set_new(o, c->langs[i].code, t);
	}
	return o;
}

/*
 * The root datapackage.json of all-data.zip: the table of every dataset,
 * with the foreign keys between them.
 */
static void
alldescriptor(struct publish *p, struct dataset **v, size_t n,
    struct buf *out)
{
	json_t	*dp, *res = json_array(), *r, *csv;
	char	*s;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (!v[i]->ok || !v[i]->scanned)
			continue;
		csv = json_array_get(json_object_get(record(p, v[i]),
		    "distributions"), 0);
		r = resource(v[i], csv, 1);
		json_object_set_new(r, "path", json_sprintf("%s/data/%s.csv",
		    v[i]->id, v[i]->id));
		json_object_set_new(r, "title", json_string(v[i]->title));
		json_array_append_new(res, r);
	}
	dp = json_pack("{s:s, s:s, s:s, s:o}", "$schema", DP_V2, "name",
	    "all-data", "title", p->c->title, "resources", res);
	s = json_dumps(dp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_reset(out);
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(dp);
}

static int
allzip(struct publish *p, struct dataset **v, size_t n, json_t *packages)
{
	struct archive	*a;
	struct buf	 dp = BUF_INIT;
	json_t		*s;
	char		*full, *prefix;
	size_t		 i;
	int		 rc = 0;

	if ((full = fsout_claim(p->fs, ALL_ZIP)) == NULL)
		return 0;
	if ((a = archive_new(p->d, full)) != NULL)
		archive_set_time(a, p->epoch);
	if (a == NULL)
		goto out;
	rc = 1;
	for (i = 0; i < n; i++) {
		if ((s = json_object_get(packages, v[i]->id)) == NULL)
			continue;
		buf_reset(&dp);
		buf_put(&dp, json_string_value(s), json_string_length(s));
		prefix = xasprintf("%s/", v[i]->id);
		rc &= addpackage(p, a, prefix, record(p, v[i]), &dp);
		free(prefix);
	}
	alldescriptor(p, v, n, &dp);
	rc &= archive_add_buffer(a, "datapackage.json", dp.data, dp.len);
	rc &= archive_close(a);
	archive_free(a);
out:
	buf_release(&dp);
	free(full);
	return rc;
}

static json_t *
catalogsite(struct publish *p)
{
	json_t		*site = json_object(), *rec;
	const char	*key, *m, *newest = "";

	setstr(site, "title", p->c->title);
	setstr(site, "description", p->c->description);
	if (p->c->nlangs > 0)
		json_object_set_new(site, "translations", site_translations(
		    p->c));
	setstr(site, "language", p->c->language);
	setstr(site, "base_url", p->c->base_url);
	setobj(site, "publisher", sitedefault(p, "publisher"));
	setobj(site, "contact", sitedefault(p, "contact"));
	setobj(site, "license", sitedefault(p, "license"));
	json_object_foreach(p->records, key, rec)
		if ((m = json_string_value(json_object_get(rec, "modified")))
		    && strcmp(m, newest) > 0)
			newest = m;
	setstr(site, "modified", newest);
	return site;
}

/* "key" names the theme string that titles the file in links. */
static int
catalogfile(struct publish *p, const char *path, const char *mediatype,
    const char *key, const struct buf *b)
{
	json_array_append_new(p->catalogs, json_pack("{s:s, s:s, s:s}",
	    "path", path, "mediatype", mediatype, "key", key));
	return fsout_write(p->fs, path, b->data, b->len);
}

static int
catalogs(struct publish *p)
{
	json_t		*site = catalogsite(p), *recs = json_array(), *r;
	struct buf	 b = BUF_INIT;
	struct digest	 dg;
	char		 hex[DIGEST_HEX_SIZE];
	const char	*key;
	int		 rc = 1;

	json_object_foreach(p->records, key, r)
		json_array_append(recs, r);
	if ((rc = dcat_turtle(&b, p->d, site, recs)))
		rc = catalogfile(p, CAT_TTL, "text/turtle",
		    "catalog_ttl", &b);
	buf_reset(&b);
	if (rc && (rc = dcat_jsonld(&b, p->d, site, recs)))
		rc = catalogfile(p, CAT_JSONLD,
		    "application/ld+json", "catalog_jsonld", &b);
	buf_reset(&b);
	if (rc && (rc = dcatus_datajson(&b, p->d, site, recs)))
		rc = catalogfile(p, CAT_DATAJSON, "application/json",
		    "catalog_datajson", &b);
	buf_reset(&b);
	if (rc && (rc = catalogcsv_table(&b, p->d, site, recs))) {
		digest_init(&dg);
		digest_add(&dg, b.data, b.len);
		digest_hex(&dg, hex);
		rc = catalogfile(p, CAT_CSV, "text/csv",
		    "catalog_csv", &b);
		buf_reset(&b);
		if (rc && (rc = catalogcsv_datapackage(&b, p->d, site, dg.bytes,
		    hex)))
			rc = fsout_write(p->fs, CAT_DP, b.data,
			    b.len);
	}
	buf_reset(&b);
	if (rc && (rc = catalogcsv_metadata(&b, p->d, site)))
		rc = fsout_write(p->fs, CAT_CSVW, b.data,
		    b.len);
	buf_release(&b);
	json_decref(recs);
	json_decref(site);
	return rc;
}

int
publish_finish(struct publish *p, struct dataset **v, size_t n)
{
	json_t	*packages = json_object();
	size_t	 i;
	int	 rc = 1;

	for (i = 0; i < n; i++)
		if (v[i]->ok && v[i]->scanned)
			rc &= package(p, v[i], packages);
	if (p->fs != NULL && json_object_size(packages) > 0) {
		rc &= allzip(p, v, n, packages);
		if (*p->c->base_url)
			rc &= catalogs(p);
		else
			diag_warning(p->d, NULL, "the data catalogs need the "
			    "site's public address: set base_url in %s or "
			    "pass --base-url", p->c->file);
	}
	json_decref(packages);
	return rc;
}

json_t *
publish_records(const struct publish *p)
{
	return p->records;
}

json_t *
publish_catalogs(const struct publish *p)
{
	return p->catalogs;
}

void
publish_paths(const struct publish *p, struct dataset **v, size_t n,
    void (*fn)(void *arg, const char *path), void *arg)
{
	static const char *const catalogs[] = { CAT_TTL, CAT_JSONLD,
	    CAT_DATAJSON, CAT_CSV, CAT_CSVW, CAT_DP, NULL };
	static const char *const data[] = { "csv", "json", "xlsx", NULL };
	char	*path;
	size_t	 i, k, any = 0;

	for (i = 0; i < n; i++) {
		if (!v[i]->ok)
			continue;
		any++;
		for (k = 0; data[k]; k++) {
			path = datafile(v[i], data[k]);
			fn(arg, path);
			free(path);
		}
		path = descfile(v[i]);
		fn(arg, path);
		free(path);
		path = zipname(v[i]);
		fn(arg, path);
		free(path);
	}
	if (any)
		fn(arg, ALL_ZIP);
	for (k = 0; any && *p->c->base_url && catalogs[k]; k++)
		fn(arg, catalogs[k]);
}
