/*
 * The data catalogs, written in the publish stage after the datasets
 * and their downloads: the caller describes the site and every dataset
 * as jansson objects (catalog.h lists the keys) and gets each catalog
 * file back in a buffer, to write through fsout.c:
 *
 *	catalog_turtle(&b, d, site, records);		// catalog.ttl
 *	catalog_jsonld(&b, d, site, records);		// catalog.jsonld
 *	catalog_datajson(&b, d, site, records);		// data.json
 *	catalog_csv(&b, d, site, records);		// catalog.csv
 *	catalog_csv_metadata(&b, d, site);	// catalog.csv-metadata.json
 *	catalog_datapackage(&b, d, site, n, h);	// datapackage.json
 *
 * The two DCAT-AP files come from one small in-memory graph (struct
 * graph), so Turtle and JSON-LD always hold the same triples.  Resources
 * of controlled vocabularies (EU language, file type and frequency
 * authorities, IANA media types, licences) are described once each with
 * their rdf:type, which the DCAT-AP shapes check, and the label or title
 * that CKAN's DCAT harvester reads.  Records are sorted by id, and JSON
 * is dumped with sorted keys, so the output is byte for byte the same
 * for the same input.
 */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "text.h"
#include "xalloc.h"

#define SITE_FILE	"site.yaml"
#define EU_AUTHORITY	"http://publications.europa.eu/resource/authority/"
#define IANA_TYPES	"https://www.iana.org/assignments/media-types/"
#define POD_SCHEMA	"https://project-open-data.cio.gov/v1.1/schema"

/* Prefixes of the RDF catalogs; prefixed names use no others. */
static const struct prefix {
	const char	*name;
	const char	*ns;
} prefixes[] = {
	{ "dcat", "http://www.w3.org/ns/dcat#" },
	{ "dct", "http://purl.org/dc/terms/" },
	{ "foaf", "http://xmlns.com/foaf/0.1/" },
	{ "owl", "http://www.w3.org/2002/07/owl#" },
	{ "rdfs", "http://www.w3.org/2000/01/rdf-schema#" },
	{ "skos", "http://www.w3.org/2004/02/skos/core#" },
	{ "spdx", "http://spdx.org/rdf/terms#" },
	{ "vcard", "http://www.w3.org/2006/vcard/ns#" },
	{ "xsd", "http://www.w3.org/2001/XMLSchema#" },
};

/* ISO 639-1 to the EU language authority (ISO 639-3 style codes). */
static const char *const languages[][2] = {
	{ "vi", "VIE" }, { "en", "ENG" }, { "fr", "FRA" }, { "de", "DEU" },
	{ "es", "SPA" }, { "ru", "RUS" }, { "zh", "ZHO" }, { "ja", "JPN" },
	{ "ko", "KOR" }, { "km", "KHM" }, { "lo", "LAO" }, { "th", "THA" },
};

/* Formats with an EU file-type authority code of the same name. */
static const char *const filetypes[] = {
	"CSV", "GEOJSON", "HTML", "JSON", "ODS", "PDF", "TSV", "TXT", "XLS",
	"XLSX", "XML", "ZIP",
};

/* docs/datasets.md frequencies: EU frequency code, ISO 8601 (DCAT-US). */
static const char *const frequencies[][3] = {
	{ "continuous", "UPDATE_CONT", "R/PT1S" },
	{ "daily", "DAILY", "R/P1D" },
	{ "weekly", "WEEKLY", "R/P1W" },
	{ "monthly", "MONTHLY", "R/P1M" },
	{ "quarterly", "QUARTERLY", "R/P3M" },
	{ "semiannual", "ANNUAL_2", "R/P6M" },
	{ "annual", "ANNUAL", "R/P1Y" },
	{ "irregular", "IRREG", "irregular" },
	{ "never", "NEVER", NULL },
};

/*
 * The titles CKAN's licence register gives to SPDX ids: ckanext-dcat
 * sets a dataset's license_id only when the licence's dct:title is one
 * of them.  An id matches a prefix followed by a version number
 * ("CC-BY-4.0", not "CC-BY-ND-4.0"), or any "CC-BY-NC-" id.
 */
static const struct ckan_licence {
	const char	*prefix;
	const char	*title;
} ckan_licences[] = {
	{ "CC-BY-NC-", "Creative Commons Non-Commercial (Any)" },
	{ "CC-BY-SA-", "Creative Commons Attribution Share-Alike" },
	{ "CC-BY-", "Creative Commons Attribution" },
	{ "CC0-", "Creative Commons CCZero" },
	{ "ODbL-", "Open Data Commons Open Database License (ODbL)" },
	{ "ODC-By-", "Open Data Commons Attribution License" },
	{ "PDDL-",
	  "Open Data Commons Public Domain Dedication and License (PDDL)" },
	{ "OGL-UK-", "UK Open Government Licence (OGL)" },
};

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

/* The input of one call: the site, and the records sorted by id. */
struct cat {
	struct diag	 *d;
	const json_t	 *site;
	const char	 *base;		/* base_url */
	const char	 *lang;		/* language tag of the text, or NULL */
	const json_t	**recs;
	size_t		  n;
};

/* An object of a triple: an IRI, a literal or a blank node. */
enum obj {
	O_IRI,
	O_LIT,
	O_NODE
};

struct prop {
	const char	*pred;	/* a prefixed name; "a" is rdf:type */
	enum obj	 kind;
	char		*val;	/* IRI (absolute or prefixed) or lexical form */
	const char	*lang;	/* O_LIT: language tag, or NULL */
	const char	*dt;	/* O_LIT: datatype (prefixed name), or NULL */
	struct node	*node;	/* O_NODE: a blank node of the same graph */
};

struct node {
	char		*iri;	/* NULL for a blank node */
	int		 vocab;	/* written after the catalog's own resources */
	struct prop	*p;
	size_t		 np, cap;
};

/* Every node in the order made; a blank node is the object of one triple. */
struct graph {
	struct node	**v;
	size_t		  n, cap;
};

/* The string at "key" of "o"; NULL when absent, empty or no string. */
static const char *
str(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

/* The object at "key" of record "r", or of the site when "r" has none. */
static const json_t *
inherit(const struct cat *c, const json_t *r, const char *key)
{
	const json_t	*o = json_object_get(r, key);

	return json_is_object(o) ? o : json_object_get(c->site, key);
}

static int
by_id(const void *a, const void *b)
{
	const char	*x = str(*(const json_t *const *)a, "id");
	const char	*y = str(*(const json_t *const *)b, "id");

	return strcmp(x ? x : "", y ? y : "");
}

/* "s" if it looks like a BCP 47 tag (letters, then -subtags), else NULL. */
static const char *
lang_tag(const char *s)
{
	size_t	 i, run = 0;

	if (s == NULL || (*s | 0x20) < 'a' || (*s | 0x20) > 'z')
		return NULL;
	for (i = 0; s[i]; i++) {
		if (s[i] == '-' && run > 0)
			run = 0;
		else if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
		    || (s[i] >= '0' && s[i] <= '9'))
			run++;
		else
			return NULL;
		if (run > 8)
			return NULL;
	}
	return run > 0 ? s : NULL;
}

static int
is_absolute(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0
	    || strncmp(s, "mailto:", 7) == 0;
}

/* Append "s", percent-encoding what an IRI or URI must not hold raw. */
static void
put_enc(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || strchr("<>\"{}|\\^`", *p)) {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		} else
			buf_putc(b, *p);
}

/* Append the absolute URL of "path": "path" if absolute, else under "base". */
static void
put_url(struct buf *b, const char *base, const char *path)
{
	if (!is_absolute(path)) {
		put_enc(b, base);
		if (base[0] != '\0' && base[strlen(base) - 1] != '/')
			buf_putc(b, '/');
		while (*path == '/')
			path++;
	}
	put_enc(b, path);
}

/* A new string: the absolute URL of "path"; free with free(). */
static char *
url_new(const struct cat *c, const char *path)
{
	struct buf	 b = BUF_INIT;

	put_url(&b, c->base, path);
	return buf_detach(&b, NULL);
}

void
catalog_dataset_iri(struct buf *out, const char *base_url, const char *id)
{
	put_url(out, base_url, "dataset/");
	put_enc(out, id);
	buf_puts(out, "/#dataset");
}

static char *
dataset_iri(const struct cat *c, const json_t *r)
{
	struct buf	 b = BUF_INIT;

	catalog_dataset_iri(&b, c->base, str(r, "id"));
	return buf_detach(&b, NULL);
}

static int
is_id(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')
		    || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The first of the keys "k1" and "k2" that "o" lacks, or NULL. */
static const char *
missing(const json_t *o, const char *k1, const char *k2)
{
	if (str(o, k1) == NULL)
		return k1;
	return str(o, k2) == NULL ? k2 : NULL;
}

/* 1 if sorted record "i" is usable, else 0 after reporting. */
static int
check_record(struct cat *c, size_t i)
{
	const json_t	*r = c->recs[i], *dists, *dist;
	const char	*id = str(r, "id"), *prev, *key;
	struct buf	 file = BUF_INIT;
	struct loc	 loc = { NULL, 0, 0 };
	size_t		 j;
	int		 rc = 0;

	if (!json_is_object(r) || id == NULL) {
		diag_error(c->d, NULL, "a dataset record without an 'id'");
		goto out;
	}
	buf_printf(&file, "datasets/%s.yaml", id);
	loc.file = file.data;
	if (!is_id(id)) {
		diag_error(c->d, &loc, "dataset id '%s' is not lower-case "
		    "ASCII (a-z, 0-9, '-', '_')", id);
		goto out;
	}
	prev = i > 0 ? str(c->recs[i - 1], "id") : NULL;
	if (prev != NULL && strcmp(id, prev) == 0) {
		diag_error(c->d, &loc, "dataset id '%s' is used twice", id);
		goto out;
	}
	if ((key = missing(r, "title", "description")) != NULL) {
		diag_error(c->d, &loc, "'%s' is needed for the data catalogs",
		    key);
		goto out;
	}
	dists = json_object_get(r, "distributions");
	json_array_foreach(dists, j, dist)
		if ((key = missing(dist, "path", "format")) != NULL) {
			diag_error(c->d, &loc, "download %zu has no '%s'",
			    j + 1, key);
			goto out;
		}
	rc = 1;
out:
	buf_release(&file);
	return rc;
}

/*
 * Read "site" and "records" (NULL for none) into "c"; release it with
 * cat_release() whatever the result.  Returns 1, or 0 after reporting.
 */
static int
cat_init(struct cat *c, struct diag *d, const json_t *site,
    const json_t *records)
{
	struct loc	 loc = { SITE_FILE, 0, 0 };
	size_t		 i;
	int		 rc = 1;

	memset(c, 0, sizeof(*c));
	c->d = d;
	c->site = site;
	c->base = str(site, "base_url");
	c->lang = lang_tag(str(site, "language"));
	if (c->base == NULL)
		return diag_error(d, &loc,
		    "base_url is needed for the data catalogs");
	if (strncmp(c->base, "http://", 7) != 0
	    && strncmp(c->base, "https://", 8) != 0)
		return diag_error(d, &loc, "base_url '%s' is not an absolute "
		    "http or https URL", c->base);
	c->n = json_array_size(records);
	c->recs = xcalloc(c->n + 1, sizeof(*c->recs));
	for (i = 0; i < c->n; i++)
		c->recs[i] = json_array_get(records, i);
	qsort(c->recs, c->n, sizeof(*c->recs), by_id);
	for (i = 0; i < c->n; i++)
		if (!check_record(c, i))
			rc = 0;
	return rc;
}

static void
cat_release(struct cat *c)
{
	free(c->recs);
	c->recs = NULL;
}

/* The datatype of an ISO date or date-time "s", or NULL for a plain literal. */
static const char *
date_type(const char *s)
{
	static const char	 pat[] = "dddd-dd-dd";
	size_t			 i, n = strlen(s);

	for (i = 0; i < n && i < 10; i++)
		if (pat[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return NULL;
	if (n == 4)
		return "xsd:gYear";
	if (n == 7)
		return "xsd:gYearMonth";
	if (n == 10)
		return "xsd:date";
	if (n > 10 && s[10] == 'T')
		return "xsd:dateTime";
	return NULL;
}

static const char *
frequency(const char *name, int col)
{
	size_t	 i;

	for (i = 0; name != NULL && i < NELEM(frequencies); i++)
		if (strcmp(name, frequencies[i][0]) == 0)
			return frequencies[i][col];
	return NULL;
}

/* ---- The RDF graph ---------------------------------------------------- */

static struct node *
node_add(struct graph *g, const char *iri, int vocab)
{
	struct node	*nd = xcalloc(1, sizeof(*nd));

	nd->iri = iri != NULL ? xstrdup(iri) : NULL;
	nd->vocab = vocab;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->v = xreallocarray(g->v, g->cap, sizeof(*g->v));
	}
	g->v[g->n++] = nd;
	return nd;
}

static struct prop *
prop_add(struct node *nd, const char *pred, enum obj kind)
{
	struct prop	*p;

	if (nd->np == nd->cap) {
		nd->cap = nd->cap ? 2 * nd->cap : 8;
		nd->p = xreallocarray(nd->p, nd->cap, sizeof(*nd->p));
	}
	p = &nd->p[nd->np++];
	memset(p, 0, sizeof(*p));
	p->pred = pred;
	p->kind = kind;
	return p;
}

static void
add_iri(struct node *nd, const char *pred, const char *iri)
{
	prop_add(nd, pred, O_IRI)->val = xstrdup(iri);
}

/* Add the literal "s" (nothing when NULL) with a language tag or datatype. */
static void
add_lit(struct node *nd, const char *pred, const char *s, const char *lang,
    const char *dt)
{
	struct prop	*p;

	if (s == NULL)
		return;
	p = prop_add(nd, pred, O_LIT);
	p->val = xstrdup(s);
	p->lang = lang;
	p->dt = lang == NULL ? dt : NULL;
}

/* Add a date, typed xsd:date (or dateTime, gYear ...) when it is one. */
static void
add_date(struct node *nd, const char *pred, const char *s)
{
	if (s != NULL)
		add_lit(nd, pred, s, NULL, date_type(s));
}

/* Add a new blank node of class "type" as the object of "pred". */
static struct node *
add_bnode(struct graph *g, struct node *nd, const char *pred,
    const char *type)
{
	struct node	*b = node_add(g, NULL, 0);

	prop_add(nd, pred, O_NODE)->node = b;
	add_iri(b, "a", type);
	return b;
}

/*
 * The vocabulary resource "iri" of class "type", made on first use
 * ("*isnew" tells), and linked from "nd" by "pred".
 */
static struct node *
add_vocab(struct graph *g, struct node *nd, const char *pred,
    const char *iri, const char *type, int *isnew)
{
	struct node	*v = NULL;
	size_t		 i;

	for (i = 0; i < g->n && v == NULL; i++)
		if (g->v[i]->vocab && strcmp(g->v[i]->iri, iri) == 0)
			v = g->v[i];
	*isnew = v == NULL;
	if (v == NULL) {
		v = node_add(g, iri, 1);
		add_iri(v, "a", type);
	}
	if (nd != NULL)
		add_iri(nd, pred, iri);
	return v;
}

static void
graph_free(struct graph *g)
{
	size_t	 i, j;

	for (i = 0; i < g->n; i++) {
		for (j = 0; j < g->v[i]->np; j++)
			free(g->v[i]->p[j].val);
		free(g->v[i]->p);
		free(g->v[i]->iri);
		free(g->v[i]);
	}
	free(g->v);
}

/* Link "nd" to the web page "path" (absolute, or under base_url). */
static void
add_page(struct graph *g, const struct cat *c, struct node *nd,
    const char *pred, const char *path)
{
	char	*u = url_new(c, path);
	int	 isnew;

	add_vocab(g, nd, pred, u, "foaf:Document", &isnew);
	free(u);
}

static void
add_agent(struct graph *g, const struct cat *c, struct node *nd,
    const json_t *agent)
{
	struct node	*a = add_bnode(g, nd, "dct:publisher", "foaf:Agent");
	char		*u;

	add_lit(a, "foaf:name", str(agent, "name"), NULL, NULL);
	if (str(agent, "url") != NULL) {
		u = url_new(c, str(agent, "url"));
		add_iri(a, "foaf:homepage", u);
		free(u);
	}
}

static void
add_language(struct graph *g, const struct cat *c, struct node *nd)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, n;
	int		 isnew;

	if (c->lang == NULL)
		return;
	n = strcspn(c->lang, "-");
	for (i = 0; i < NELEM(languages); i++)
		if (n == 2 && strncasecmp(c->lang, languages[i][0], 2) == 0)
			break;
	if (i == NELEM(languages))
		return;
	buf_printf(&b, EU_AUTHORITY "language/%s", languages[i][1]);
	add_vocab(g, nd, "dct:language", b.data, "dct:LinguisticSystem",
	    &isnew);
	buf_release(&b);
}

/* Link "nd" to licence "lic" ({id, title, url}), titled as CKAN knows it. */
static void
add_licence(struct graph *g, const struct cat *c, struct node *nd,
    const json_t *lic)
{
	const char	*id = str(lic, "id"), *title = str(lic, "title");
	struct node	*v;
	char		*u;
	size_t		 i, n;
	int		 isnew;

	if (str(lic, "url") == NULL)
		return;
	for (i = 0; id != NULL && i < NELEM(ckan_licences); i++) {
		n = strlen(ckan_licences[i].prefix);
		if (strncasecmp(id, ckan_licences[i].prefix, n) == 0
		    && ((id[n] >= '0' && id[n] <= '9') || i == 0)) {
			title = ckan_licences[i].title;
			break;
		}
	}
	u = url_new(c, str(lic, "url"));
	v = add_vocab(g, nd, "dct:license", u, "dct:LicenseDocument", &isnew);
	if (isnew)
		add_lit(v, "dct:title", title != NULL ? title : id, NULL, NULL);
	free(u);
}

static void
add_theme(struct graph *g, const struct cat *c, struct node *nd,
    const char *theme)
{
	struct buf	 b = BUF_INIT;
	struct node	*v;
	char		*slug = text_slugify(theme);
	int		 isnew;

	if (*slug != '\0') {
		put_url(&b, c->base, "dataset/#theme-");
		buf_puts(&b, slug);
		v = add_vocab(g, nd, "dcat:theme", b.data, "skos:Concept",
		    &isnew);
		if (isnew)
			add_lit(v, "skos:prefLabel", theme, c->lang, NULL);
	}
	free(slug);
	buf_release(&b);
}

static void
add_contact(struct graph *g, struct node *nd, const json_t *contact)
{
	struct node	*k;
	struct buf	 b = BUF_INIT;

	if (str(contact, "name") == NULL && str(contact, "email") == NULL)
		return;
	k = add_bnode(g, nd, "dcat:contactPoint", "vcard:Kind");
	add_lit(k, "vcard:fn", str(contact, "name"), NULL, NULL);
	if (str(contact, "email") != NULL) {
		buf_puts(&b, "mailto:");
		put_enc(&b, str(contact, "email"));
		add_iri(k, "vcard:hasEmail", b.data);
	}
	buf_release(&b);
}

static void
add_coverage(struct graph *g, const struct cat *c, struct node *nd,
    const json_t *r)
{
	const json_t	*t = json_object_get(r, "temporal");
	const char	*code = frequency(str(r, "frequency"), 1);
	struct buf	 b = BUF_INIT;
	struct node	*x;
	int		 isnew;

	if (str(t, "start") != NULL || str(t, "end") != NULL) {
		x = add_bnode(g, nd, "dct:temporal", "dct:PeriodOfTime");
		add_date(x, "dcat:startDate", str(t, "start"));
		add_date(x, "dcat:endDate", str(t, "end"));
	}
	if (str(r, "spatial") != NULL) {
		x = add_bnode(g, nd, "dct:spatial", "dct:Location");
		add_lit(x, "skos:prefLabel", str(r, "spatial"), c->lang, NULL);
	}
	if (code != NULL) {
		buf_printf(&b, EU_AUTHORITY "frequency/%s", code);
		add_vocab(g, nd, "dct:accrualPeriodicity", b.data,
		    "dct:Frequency", &isnew);
	}
	buf_release(&b);
}

/*
 * Append the name of download "dist": its format in lower case ("csv"),
 * or the name of its file when it conforms to a standard
 * ("datapackage"), with characters other than a-z and 0-9 as '-'.
 */
static void
dist_base(struct buf *b, const json_t *dist)
{
	const char	*s = str(dist, "format"), *path = str(dist, "path");
	size_t		 start = b->len;

	if (str(dist, "conformsTo") != NULL && path != NULL)
		s = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	for (; s != NULL && *s != '\0' && *s != '.'; s++)
		if (*s >= 'A' && *s <= 'Z')
			buf_putc(b, *s | 0x20);
		else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			buf_putc(b, *s);
		else
			buf_putc(b, '-');
	if (b->len == start)
		buf_puts(b, "file");
}

/*
 * Append the fragment of download "i" of "dists": "dist-" and its name
 * ("dist-csv", "dist-datapackage"), and "-N" (N = i + 1) when an
 * earlier download of the dataset has the same name.
 */
static void
dist_name(struct buf *b, const json_t *dists, size_t i)
{
	struct buf	 mine = BUF_INIT, other = BUF_INIT;
	size_t		 j;
	int		 dup = 0;

	dist_base(&mine, json_array_get(dists, i));
	for (j = 0; j < i && !dup; j++) {
		buf_reset(&other);
		dist_base(&other, json_array_get(dists, j));
		dup = strcmp(mine.data, other.data) == 0;
	}
	buf_printf(b, "dist-%s", mine.data);
	if (dup)
		buf_printf(b, "-%zu", i + 1);
	buf_release(&mine);
	buf_release(&other);
}

/* The SHA-256 of download "dist" in lower case (64 hex digits), or NULL. */
static char *
sha256_new(const json_t *dist)
{
	const char	*s = str(dist, "sha256");
	char		*h;
	size_t		 i;

	if (s == NULL || strlen(s) != 64
	    || strspn(s, "0123456789abcdefABCDEF") != 64)
		return NULL;
	h = xstrdup(s);
	for (i = 0; i < 64; i++)
		if (h[i] >= 'A' && h[i] <= 'F')
			h[i] |= 0x20;
	return h;
}

/*
 * Append the media type "mt" of a download without its parameters and
 * in lower case: "Text/CSV; charset=utf-8" -> "text/csv".  Returns 1,
 * or 0 (appending nothing) when "mt" is NULL or not "type/subtype" in
 * the characters of RFC 6838.
 */
static int
put_mediatype(struct buf *b, const char *mt)
{
	const char	*ok = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&^_.+-";
	size_t		 n, m;

	if (mt == NULL || (n = strspn(mt, ok)) == 0 || mt[n] != '/'
	    || (m = strspn(mt + n + 1, ok)) == 0
	    || (mt[n + 1 + m] != '\0' && mt[n + 1 + m] != ';'
	    && mt[n + 1 + m] != ' '))
		return 0;
	for (m += n + 1, n = 0; n < m; n++)
		buf_putc(b, (mt[n] >= 'A' && mt[n] <= 'Z') ? mt[n] | 0x20
		    : mt[n]);
	return 1;
}

/* Link download "nd" to its file type, media type and standard. */
static void
add_format(struct graph *g, struct node *nd, const json_t *dist)
{
	const char	*fmt = str(dist, "format");
	const char	*mt = str(dist, "mediatype");
	struct buf	 b = BUF_INIT;
	struct node	*v;
	size_t		 i;
	int		 isnew;

	for (i = 0; i < NELEM(filetypes); i++)
		if (strcasecmp(fmt, filetypes[i]) == 0) {
			buf_printf(&b, EU_AUTHORITY "file-type/%s",
			    filetypes[i]);
			add_vocab(g, nd, "dct:format", b.data,
			    "dct:MediaTypeOrExtent", &isnew);
			break;
		}
	buf_reset(&b);
	buf_puts(&b, IANA_TYPES);
	if (put_mediatype(&b, mt)) {
		v = add_vocab(g, nd, "dcat:mediaType", b.data, "dct:MediaType",
		    &isnew);
		if (isnew)
			add_lit(v, "rdfs:label", b.data + strlen(IANA_TYPES),
			    NULL, NULL);
	}
	if (str(dist, "conformsTo") != NULL) {
		buf_reset(&b);
		put_enc(&b, str(dist, "conformsTo"));
		add_vocab(g, nd, "dct:conformsTo", b.data, "dct:Standard",
		    &isnew);
	}
	buf_release(&b);
}

/* Add the size and the SHA-256 checksum of download "dist" to "nd". */
static void
add_integrity(struct graph *g, struct node *nd, const json_t *dist)
{
	const json_t	*bytes = json_object_get(dist, "bytes");
	char		*sha = sha256_new(dist);
	struct buf	 b = BUF_INIT;
	struct node	*ck;
	int		 isnew;

	if (json_is_integer(bytes) && json_integer_value(bytes) >= 0) {
		buf_printf(&b, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(bytes));
		add_lit(nd, "dcat:byteSize", b.data, NULL,
		    "xsd:nonNegativeInteger");
	}
	if (sha != NULL) {
		ck = add_bnode(g, nd, "spdx:checksum", "spdx:Checksum");
		add_vocab(g, ck, "spdx:algorithm",
		    "spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm",
		    &isnew);
		add_lit(ck, "spdx:checksumValue", sha, NULL, "xsd:hexBinary");
	}
	free(sha);
	buf_release(&b);
}

static void
build_dist(struct graph *g, const struct cat *c, const json_t *r,
    struct node *ds, size_t i)
{
	const json_t	*dists = json_object_get(r, "distributions");
	const json_t	*dist = json_array_get(dists, i);
	struct buf	 b = BUF_INIT;
	struct node	*nd;
	char		*u;

	put_url(&b, c->base, "dataset/");
	put_enc(&b, str(r, "id"));
	buf_puts(&b, "/#");
	dist_name(&b, dists, i);
	add_iri(ds, "dcat:distribution", b.data);
	nd = node_add(g, b.data, 0);
	add_iri(nd, "a", "dcat:Distribution");
	add_lit(nd, "dct:title", str(dist, "title"), c->lang, NULL);
	u = url_new(c, str(dist, "path"));
	add_iri(nd, "dcat:accessURL", u);
	add_iri(nd, "dcat:downloadURL", u);
	add_format(g, nd, dist);
	add_integrity(g, nd, dist);
	add_licence(g, c, nd, inherit(c, r, "license"));
	free(u);
	buf_release(&b);
}

static void
build_dataset(struct graph *g, const struct cat *c, const json_t *r)
{
	char		*iri = dataset_iri(c, r);
	struct node	*ds = node_add(g, iri, 0);
	const json_t	*kw;
	struct buf	 landing = BUF_INIT;
	size_t		 i;

	add_iri(ds, "a", "dcat:Dataset");
	add_lit(ds, "dct:identifier", iri, NULL, NULL);
	add_lit(ds, "dct:title", str(r, "title"), c->lang, NULL);
	add_lit(ds, "dct:description", str(r, "description"), c->lang, NULL);
	json_array_foreach(json_object_get(r, "keywords"), i, kw)
		if (json_string_length(kw) > 0)
			add_lit(ds, "dcat:keyword", json_string_value(kw),
			    c->lang, NULL);
	if (str(r, "theme") != NULL)
		add_theme(g, c, ds, str(r, "theme"));
	add_agent(g, c, ds, inherit(c, r, "publisher"));
	add_contact(g, ds, inherit(c, r, "contact"));
	add_coverage(g, c, ds, r);
	add_date(ds, "dct:issued", str(r, "issued"));
	add_date(ds, "dct:modified", str(r, "modified"));
	add_lit(ds, "dcat:version", str(r, "version"), NULL, NULL);
	add_lit(ds, "owl:versionInfo", str(r, "version"), NULL, NULL);
	add_language(g, c, ds);
	if (str(r, "landing") != NULL)
		buf_puts(&landing, str(r, "landing"));
	else
		buf_printf(&landing, "dataset/%s/", str(r, "id"));
	add_page(g, c, ds, "dcat:landingPage", landing.data);
	for (i = 0; i < json_array_size(json_object_get(r, "distributions"));
	    i++)
		build_dist(g, c, r, ds, i);
	buf_release(&landing);
	free(iri);
}

/* 1 if the site has a title and a publisher, else 0 after reporting. */
static int
need_site(const struct cat *c)
{
	struct loc	 loc = { SITE_FILE, 0, 0 };

	if (str(c->site, "title") == NULL)
		return diag_error(c->d, &loc,
		    "title is needed for the data catalogs");
	if (str(json_object_get(c->site, "publisher"), "name") == NULL)
		return diag_error(c->d, &loc,
		    "publisher is needed for the data catalogs");
	return 1;
}

static void
build_catalog(struct graph *g, const struct cat *c)
{
	const char	*title = str(c->site, "title");
	const char	*desc = str(c->site, "description");
	const char	*home = str(c->site, "homepage");
	const json_t	*lic = json_object_get(c->site, "license");
	struct buf	 b = BUF_INIT;
	struct node	*cat;
	char		*iri;
	size_t		 i;

	put_url(&b, c->base, "dataset/#catalog");
	cat = node_add(g, b.data, 0);
	add_iri(cat, "a", "dcat:Catalog");
	add_lit(cat, "dct:title", title, c->lang, NULL);
	add_lit(cat, "dct:description", desc ? desc : title, c->lang, NULL);
	add_agent(g, c, cat, json_object_get(c->site, "publisher"));
	add_page(g, c, cat, "foaf:homepage", home ? home : c->base);
	add_language(g, c, cat);
	add_date(cat, "dct:modified", str(c->site, "modified"));
	if (json_is_object(lic))
		add_licence(g, c, cat, lic);
	for (i = 0; i < c->n; i++) {
		iri = dataset_iri(c, c->recs[i]);
		add_iri(cat, "dcat:dataset", iri);
		free(iri);
	}
	for (i = 0; i < c->n; i++)
		build_dataset(g, c, c->recs[i]);
	buf_release(&b);
}

/* ---- Turtle ------------------------------------------------------------ */

static int
is_prefixed(const char *s)
{
	size_t	 i, n = strcspn(s, ":");

	for (i = 0; s[n] == ':' && i < NELEM(prefixes); i++)
		if (strlen(prefixes[i].name) == n
		    && strncmp(s, prefixes[i].name, n) == 0)
			return 1;
	return 0;
}

static void
ttl_iri(struct buf *b, const char *iri)
{
	if (is_prefixed(iri))
		buf_puts(b, iri);
	else
		buf_printf(b, "<%s>", iri);
}

/* Append "s" as a Turtle string: \" \\ \n \r \t, other controls as \uXXXX. */
static void
ttl_string(struct buf *b, const char *s)
{
	const unsigned char	*p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++)
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				buf_printf(b, "\\u%04X", *p);
			else
				buf_putc(b, *p);
		}
	buf_putc(b, '"');
}

static void
indent(struct buf *b, int depth)
{
	while (depth-- > 0)
		buf_putc(b, '\t');
}

/* Append the predicates and objects of "nd", blank nodes nested in [ ]. */
static void
ttl_props(struct buf *b, const struct node *nd, int depth)
{
	const struct prop	*p;
	size_t			 i;

	for (i = 0; i < nd->np; i++) {
		p = &nd->p[i];
		if (i > 0)
			buf_puts(b, " ;\n");
		indent(b, depth);
		buf_printf(b, "%s ", p->pred);
		switch (p->kind) {
		case O_IRI:
			ttl_iri(b, p->val);
			break;
		case O_LIT:
			ttl_string(b, p->val);
			if (p->lang != NULL)
				buf_printf(b, "@%s", p->lang);
			else if (p->dt != NULL)
				buf_printf(b, "^^%s", p->dt);
			break;
		case O_NODE:
			buf_puts(b, "[\n");
			ttl_props(b, p->node, depth + 1);
			buf_putc(b, '\n');
			indent(b, depth);
			buf_putc(b, ']');
			break;
		}
	}
}

static void
ttl_write(struct buf *b, const struct graph *g)
{
	size_t	 i;
	int	 vocab;

	for (i = 0; i < NELEM(prefixes); i++)
		buf_printf(b, "@prefix %s: <%s> .\n", prefixes[i].name,
		    prefixes[i].ns);
	for (vocab = 0; vocab <= 1; vocab++)
		for (i = 0; i < g->n; i++) {
			if (g->v[i]->iri == NULL || g->v[i]->vocab != vocab)
				continue;
			buf_putc(b, '\n');
			ttl_iri(b, g->v[i]->iri);
			buf_putc(b, '\n');
			ttl_props(b, g->v[i], 1);
			buf_puts(b, " .\n");
		}
}

/* ---- JSON ------------------------------------------------------------- */

static int
dump_cb(const char *s, size_t len, void *data)
{
	buf_put(data, s, len);
	return 0;
}

/* Append "root" (of which it takes ownership), keys sorted, and a newline. */
static int
dump(struct buf *out, struct diag *d, json_t *root)
{
	int	 rc = 1;

	if (root == NULL || json_dump_callback(root, dump_cb, out,
	    JSON_SORT_KEYS | JSON_INDENT(2)) != 0)
		rc = diag_error(d, NULL, "cannot write a data catalog as JSON");
	else
		buf_putc(out, '\n');
	json_decref(root);
	return rc;
}

/* Set "key" of "o" to "v" (stolen), or add "v" to the values already there. */
static void
set_multi(json_t *o, const char *key, json_t *v)
{
	json_t	*old = json_object_get(o, key), *arr;

	if (old == NULL)
		json_object_set_new(o, key, v);
	else if (json_is_array(old))
		json_array_append_new(old, v);
	else {
		arr = json_array();
		json_array_append(arr, old);
		json_array_append_new(arr, v);
		json_object_set_new(o, key, arr);
	}
}

static json_t *
jl_node(const struct node *nd)
{
	json_t			*o = json_object(), *v;
	const struct prop	*p;
	size_t			 i;

	if (nd->iri != NULL)
		json_object_set_new(o, "@id", json_string(nd->iri));
	for (i = 0; i < nd->np; i++) {
		p = &nd->p[i];
		if (p->kind == O_NODE)
			v = jl_node(p->node);
		else if (strcmp(p->pred, "a") == 0)
			v = json_string(p->val);
		else if (p->kind == O_IRI)
			v = json_pack("{ss}", "@id", p->val);
		else if (p->lang != NULL)
			v = json_pack("{ssss}", "@value", p->val,
			    "@language", p->lang);
		else if (p->dt != NULL)
			v = json_pack("{ssss}", "@value", p->val,
			    "@type", p->dt);
		else
			v = json_string(p->val);
		set_multi(o, strcmp(p->pred, "a") == 0 ? "@type" : p->pred, v);
	}
	return o;
}

static json_t *
jl_graph(const struct graph *g)
{
	json_t	*ctx = json_object(), *nodes = json_array();
	size_t	 i;
	int	 vocab;

	for (i = 0; i < NELEM(prefixes); i++)
		json_object_set_new(ctx, prefixes[i].name,
		    json_string(prefixes[i].ns));
	for (vocab = 0; vocab <= 1; vocab++)
		for (i = 0; i < g->n; i++)
			if (g->v[i]->iri != NULL && g->v[i]->vocab == vocab)
				json_array_append_new(nodes, jl_node(g->v[i]));
	return json_pack("{soso}", "@context", ctx, "@graph", nodes);
}

/*
 * Build the graph of the catalog and append it with "write" (Turtle) or
 * as JSON-LD when "write" is NULL.
 */
static int
rdf(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records, void (*write)(struct buf *, const struct graph *))
{
	struct graph	 g = { NULL, 0, 0 };
	struct cat	 c;
	int		 rc = 0;

	if (!cat_init(&c, d, site, records) || !need_site(&c))
		goto out;
	build_catalog(&g, &c);
	if (write != NULL)
		write(out, &g);
	else if (!dump(out, d, jl_graph(&g)))
		goto out;
	rc = 1;
out:
	graph_free(&g);
	cat_release(&c);
	return rc;
}

int
catalog_turtle(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	return rdf(out, d, site, records, ttl_write);
}

int
catalog_jsonld(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	return rdf(out, d, site, records, NULL);
}

/* ---- DCAT-US data.json ------------------------------------------------ */

/* Set "key" of "o" to the string "s", unless "s" is NULL. */
static void
set_str(json_t *o, const char *key, const char *s)
{
	if (s != NULL)
		json_object_set_new(o, key, json_string(s));
}

/* Set "key" of "o" to the absolute URL of "path", unless it is NULL. */
static void
set_url(const struct cat *c, json_t *o, const char *key, const char *path)
{
	char	*u;

	if (path == NULL)
		return;
	u = url_new(c, path);
	json_object_set_new(o, key, json_string(u));
	free(u);
}

static json_t *
dj_dist(const struct cat *c, const json_t *dist)
{
	json_t		*o = json_object();
	struct buf	 mt = BUF_INIT;

	set_str(o, "@type", "dcat:Distribution");
	/* A downloadURL needs a mediaType; else the file is an accessURL. */
	if (put_mediatype(&mt, str(dist, "mediatype"))) {
		set_url(c, o, "downloadURL", str(dist, "path"));
		set_str(o, "mediaType", mt.data);
	} else
		set_url(c, o, "accessURL", str(dist, "path"));
	set_str(o, "format", str(dist, "format"));
	set_str(o, "title", str(dist, "title"));
	set_url(c, o, "conformsTo", str(dist, "conformsTo"));
	buf_release(&mt);
	return o;
}

/* Set the publisher, contactPoint and licence of record "r" on "o". */
static void
dj_agents(const struct cat *c, const json_t *r, json_t *o)
{
	const json_t	*pub = inherit(c, r, "publisher");
	const json_t	*contact = inherit(c, r, "contact");
	const char	*name = str(pub, "name");
	const char	*email = str(contact, "email");
	struct buf	 b = BUF_INIT;
	json_t		*cp;

	if (name == NULL)
		name = str(json_object_get(c->site, "publisher"), "name");
	json_object_set_new(o, "publisher", json_pack("{ssss}", "@type",
	    "org:Organization", "name", name));
	cp = json_pack("{ssss}", "@type", "vcard:Contact", "fn",
	    str(contact, "name") != NULL ? str(contact, "name") : name);
	if (email != NULL) {
		buf_puts(&b, "mailto:");
		put_enc(&b, email);
		set_str(cp, "hasEmail", b.data);
	}
	json_object_set_new(o, "contactPoint", cp);
	set_url(c, o, "license", str(inherit(c, r, "license"), "url"));
	buf_release(&b);
}

static json_t *
dj_dataset(const struct cat *c, const json_t *r)
{
	const json_t	*t = json_object_get(r, "temporal"), *v;
	json_t		*o = json_object(), *arr = json_array();
	struct buf	 b = BUF_INIT;
	size_t		 i;

	set_str(o, "@type", "dcat:Dataset");
	catalog_dataset_iri(&b, c->base, str(r, "id"));
	set_str(o, "identifier", b.data);
	set_str(o, "title", str(r, "title"));
	set_str(o, "description", str(r, "description"));
	json_array_foreach(json_object_get(r, "keywords"), i, v)
		if (json_string_length(v) > 0)
			json_array_append(arr, (json_t *)v);
	if (json_array_size(arr) > 0)
		json_object_set(o, "keyword", arr);
	set_str(o, "issued", str(r, "issued"));
	set_str(o, "modified", str(r, "modified"));
	dj_agents(c, r, o);
	set_str(o, "accessLevel", "public");
	set_str(o, "spatial", str(r, "spatial"));
	if (str(t, "start") != NULL && str(t, "end") != NULL) {
		buf_reset(&b);
		buf_printf(&b, "%s/%s", str(t, "start"), str(t, "end"));
		set_str(o, "temporal", b.data);
	}
	set_str(o, "accrualPeriodicity", frequency(str(r, "frequency"), 2));
	if (c->lang != NULL)
		json_object_set_new(o, "language", json_pack("[s]", c->lang));
	if (str(r, "theme") != NULL)
		json_object_set_new(o, "theme", json_pack("[s]",
		    str(r, "theme")));
	buf_reset(&b);
	buf_printf(&b, "dataset/%s/", str(r, "id"));
	set_url(c, o, "landingPage", str(r, "landing") ? str(r, "landing")
	    : b.data);
	json_decref(arr);
	arr = json_array();
	json_array_foreach(json_object_get(r, "distributions"), i, v)
		json_array_append_new(arr, dj_dist(c, v));
	json_object_set_new(o, "distribution", arr);
	buf_release(&b);
	return o;
}

int
catalog_datajson(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	struct cat	 c;
	json_t		*root, *sets;
	size_t		 i;
	int		 rc = 0;

	if (!cat_init(&c, d, site, records) || !need_site(&c))
		goto out;
	sets = json_array();
	for (i = 0; i < c.n; i++)
		json_array_append_new(sets, dj_dataset(&c, c.recs[i]));
	root = json_pack("{ss ss ss ss so}",
	    "@context", POD_SCHEMA "/catalog.jsonld",
	    "@type", "dcat:Catalog",
	    "conformsTo", POD_SCHEMA,
	    "describedBy", POD_SCHEMA "/catalog.json",
	    "dataset", sets);
	set_url(&c, root, "@id", "data.json");
	rc = dump(out, d, root);
out:
	cat_release(&c);
	return rc;
}

/* ---- catalog.csv and its descriptions --------------------------------- */

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
csv_row(struct buf *out, const struct cat *c, const json_t *r,
    const json_t *dist)
{
	const json_t	*bytes = json_object_get(dist, "bytes");
	const char	*lic = str(inherit(c, r, "license"), "url");
	char		*sha = sha256_new(dist);
	struct buf	 b = BUF_INIT;

	csv_field(out, str(r, "id"), 0);
	csv_field(out, str(r, "title"), 0);
	csv_field(out, str(dist, "format"), 0);
	csv_field(out, str(dist, "mediatype"), 0);
	put_url(&b, c->base, str(dist, "path"));
	csv_field(out, b.data, 0);
	buf_reset(&b);
	if (json_is_integer(bytes) && json_integer_value(bytes) >= 0)
		buf_printf(&b, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(bytes));
	csv_field(out, b.data, 0);
	csv_field(out, sha, 0);
	buf_reset(&b);
	if (lic != NULL)
		put_url(&b, c->base, lic);
	csv_field(out, b.data, 0);
	csv_field(out, str(r, "modified"), 1);
	free(sha);
	buf_release(&b);
}

int
catalog_csv(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	const json_t	*dist;
	struct cat	 c;
	size_t		 i, j;
	int		 rc = 0;

	if (!cat_init(&c, d, site, records))
		goto out;
	for (i = 0; i < NELEM(columns); i++)
		csv_field(out, columns[i].name, i + 1 == NELEM(columns));
	for (i = 0; i < c.n; i++)
		json_array_foreach(json_object_get(c.recs[i], "distributions"),
		    j, dist)
			csv_row(out, &c, c.recs[i], dist);
	rc = 1;
out:
	cat_release(&c);
	return rc;
}

static json_t *
csvw_column(const struct column *col)
{
	json_t	*o = json_pack("{ss ss}", "name", col->name, "titles",
	    col->name);

	if (col->csvw != NULL)
		set_str(o, "datatype", col->csvw);
	else
		json_object_set_new(o, "datatype", json_pack("{ssss}", "base",
		    "string", "format", "^[0-9a-f]{64}$"));
	if (col->required)
		json_object_set_new(o, "required", json_true());
	return o;
}

int
catalog_csv_metadata(struct buf *out, struct diag *d, const json_t *site)
{
	const char	*title, *desc, *lic, *mod;
	json_t		*root, *cols;
	struct cat	 c;
	size_t		 i;
	int		 rc = 0;

	if (!cat_init(&c, d, site, NULL) || !need_site(&c))
		goto out;
	title = str(site, "title");
	desc = str(site, "description");
	lic = str(json_object_get(site, "license"), "url");
	mod = str(site, "modified");
	cols = json_array();
	for (i = 0; i < NELEM(columns); i++)
		json_array_append_new(cols, csvw_column(&columns[i]));
	root = json_pack("{ss ss ss s{so ss}}",
	    "url", "catalog.csv",
	    "dc:title", title,
	    "dc:publisher", str(json_object_get(site, "publisher"), "name"),
	    "tableSchema", "columns", cols, "primaryKey", "url");
	if (c.lang != NULL)
		json_object_set_new(root, "@context", json_pack("[s{ss}]",
		    "http://www.w3.org/ns/csvw", "@language", c.lang));
	else
		set_str(root, "@context", "http://www.w3.org/ns/csvw");
	set_str(root, "dc:description", desc);
	if (lic != NULL) {
		json_object_set_new(root, "dc:license", json_object());
		set_url(&c, json_object_get(root, "dc:license"), "@id", lic);
	}
	if (mod != NULL && date_type(mod) != NULL)
		json_object_set_new(root, "dc:modified", json_pack("{ssss}",
		    "@value", mod, "@type", date_type(mod)));
	rc = dump(out, d, root);
out:
	cat_release(&c);
	return rc;
}

static json_t *
dp_field(const struct column *col)
{
	json_t	*o = json_pack("{ssss}", "name", col->name, "type", col->type);
	json_t	*k = json_object();

	set_str(o, "format", col->format);
	if (col->required)
		json_object_set_new(k, "required", json_true());
	if (strcmp(col->type, "integer") == 0)
		json_object_set_new(k, "minimum", json_integer(0));
	if (col->csvw == NULL)
		set_str(k, "pattern", "[0-9a-f]{64}");
	if (json_object_size(k) > 0)
		json_object_set(o, "constraints", k);
	json_decref(k);
	return o;
}

/* The "licenses" of a Data Package for licence "lic", or NULL. */
static json_t *
dp_licenses(const struct cat *c, const json_t *lic)
{
	const char	*id = str(lic, "id");
	json_t		*o = json_object();

	if (id != NULL && strspn(id, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == strlen(id))
		set_str(o, "name", id);
	set_url(c, o, "path", str(lic, "url"));
	if (json_object_size(o) == 0) {
		json_decref(o);
		return NULL;
	}
	set_str(o, "title", str(lic, "title"));
	return json_pack("[o]", o);
}

int
catalog_datapackage(struct buf *out, struct diag *d, const json_t *site,
    size_t csv_bytes, const char *csv_sha256)
{
	struct buf	 b = BUF_INIT;
	json_t		*root = NULL, *res, *fields, *lic;
	struct cat	 c;
	char		*name = NULL;
	size_t		 i;
	int		 rc = 0;

	if (!cat_init(&c, d, site, NULL) || !need_site(&c))
		goto out;
	name = text_slugify(str(site, "title"));
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
		set_str(res, "hash", b.data);
	}
	json_object_set_new(res, "schema", json_pack("{so s[s]}", "fields",
	    fields, "primaryKey", "url"));
	root = json_pack("{ss ss ss ss s[o]}",
	    "$schema", "https://datapackage.org/profiles/2.0/datapackage.json",
	    "profile", "tabular-data-package",
	    "name", *name != '\0' ? name : "catalog",
	    "title", str(site, "title"),
	    "resources", res);
	set_str(root, "description", str(site, "description"));
	set_url(&c, root, "homepage", str(site, "homepage") ?
	    str(site, "homepage") : c.base);
	if ((lic = dp_licenses(&c, json_object_get(site, "license"))) != NULL)
		json_object_set_new(root, "licenses", lic);
	rc = dump(out, d, root);
out:
	free(name);
	buf_release(&b);
	cat_release(&c);
	return rc;
}
