/*
 * The DCAT-AP catalog, written in the publish stage after the datasets
 * and their downloads (catalog.c reads and checks the input first).
 * Turtle and JSON-LD come from one small in-memory graph (struct graph),
 * so the two files always hold the same triples: build_catalog() makes
 * the graph, ttl_write() and jl_graph() serialise it.  Resources of
 * controlled vocabularies (EU language, file type and frequency
 * authorities, IANA media types, licences) are described once each with
 * their rdf:type, which the DCAT-AP shapes check, and the label or title
 * that CKAN's DCAT harvester reads.  Nodes are written in the order
 * made from records sorted by id, so the same input gives the same
 * bytes.
 */
#include "dcat.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "catalog.h"
#include "text.h"
#include "xalloc.h"

#define EU_AUTHORITY	"http://publications.europa.eu/resource/authority/"
#define IANA_TYPES	"https://www.iana.org/assignments/media-types/"

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

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

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


/* ---- The RDF graph ---------------------------------------------------- */

static char *
dataset_iri(const struct catalog *c, const json_t *r)
{
	struct buf	 b = BUF_INIT;

	catalog_dataset_iri(&b, c->base, catalog_str(r, "id"));
	return buf_detach(&b, NULL);
}

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

/*
 * Add the text "s" (nothing when NULL) as "pred": a literal tagged with
 * the catalog's language.  Every title, description, keyword and label
 * in the site's words goes through here or add_texts().
 */
static void
add_text(struct node *nd, const struct catalog *c, const char *pred,
    const char *s)
{
	add_lit(nd, pred, s, c->lang, NULL);
}

/*
 * Add the texts of "tr" ({LANG: {title, description, keywords}}), each
 * tagged with its language, so that a portal shows the one of its
 * reader's language.
 */
static void
add_translations(struct node *nd, const json_t *tr)
{
	const char	*lang;
	const json_t	*t, *kw;
	size_t		 i;

	json_object_foreach((json_t *)tr, lang, t) {
		add_lit(nd, "dct:title", catalog_str(t, "title"), lang, NULL);
		add_lit(nd, "dct:description", catalog_str(t, "description"),
		    lang, NULL);
		json_array_foreach(json_object_get(t, "keywords"), i, kw)
			if (json_string_length(kw) > 0)
				add_lit(nd, "dcat:keyword",
				    json_string_value(kw), lang, NULL);
	}
}

/*
 * Add the title, the description (the title when there is none) and
 * the keywords of "o", the site or a record, to its node "nd".
 */
static void
add_texts(struct node *nd, const struct catalog *c, const json_t *o)
{
	const char	*title = catalog_str(o, "title");
	const char	*desc = catalog_str(o, "description");
	const json_t	*kw;
	size_t		 i;

	add_text(nd, c, "dct:title", title);
	add_text(nd, c, "dct:description", desc != NULL ? desc : title);
	json_array_foreach(json_object_get(o, "keywords"), i, kw)
		if (json_string_length(kw) > 0)
			add_text(nd, c, "dcat:keyword", json_string_value(kw));
	add_translations(nd, json_object_get(o, "translations"));
}

/* Add a date, typed xsd:date (or dateTime, gYear ...) when it is one. */
static void
add_date(struct node *nd, const char *pred, const char *s)
{
	if (s != NULL)
		add_lit(nd, pred, s, NULL, catalog_date_type(s));
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
add_page(struct graph *g, const struct catalog *c, struct node *nd,
    const char *pred, const char *path)
{
	char	*u = catalog_url_new(c, path);
	int	 isnew;

	add_vocab(g, nd, pred, u, "foaf:Document", &isnew);
	free(u);
}

static void
add_agent(struct graph *g, const struct catalog *c, struct node *nd,
    const json_t *agent)
{
	struct node	*a = add_bnode(g, nd, "dct:publisher", "foaf:Agent");
	char		*u;

	add_lit(a, "foaf:name", catalog_str(agent, "name"), NULL, NULL);
	if (catalog_str(agent, "url") != NULL) {
		u = catalog_url_new(c, catalog_str(agent, "url"));
		add_iri(a, "foaf:homepage", u);
		free(u);
	}
}

static void
add_language(struct graph *g, const struct catalog *c, struct node *nd)
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
add_licence(struct graph *g, const struct catalog *c, struct node *nd,
    const json_t *lic)
{
	const char	*id = catalog_str(lic, "id");
	const char	*title = catalog_str(lic, "title");
	struct node	*v;
	char		*u;
	size_t		 i, n;
	int		 isnew;

	if (catalog_str(lic, "url") == NULL)
		return;
	for (i = 0; id != NULL && i < NELEM(ckan_licences); i++) {
		n = strlen(ckan_licences[i].prefix);
		if (strncasecmp(id, ckan_licences[i].prefix, n) == 0
		    && ((id[n] >= '0' && id[n] <= '9') || i == 0)) {
			title = ckan_licences[i].title;
			break;
		}
	}
	u = catalog_url_new(c, catalog_str(lic, "url"));
	v = add_vocab(g, nd, "dct:license", u, "dct:LicenseDocument", &isnew);
	if (isnew)
		add_lit(v, "dct:title", title != NULL ? title : id, NULL, NULL);
	free(u);
}

static void
add_theme(struct graph *g, const struct catalog *c, struct node *nd,
    const char *theme)
{
	struct buf	 b = BUF_INIT;
	struct node	*v;
	char		*slug = text_slugify(theme);
	int		 isnew;

	if (*slug != '\0') {
		catalog_url(&b, c->base, "dataset/#theme-");
		buf_puts(&b, slug);
		v = add_vocab(g, nd, "dcat:theme", b.data, "skos:Concept",
		    &isnew);
		if (isnew)
			add_text(v, c, "skos:prefLabel", theme);
	}
	free(slug);
	buf_release(&b);
}

static void
add_contact(struct graph *g, struct node *nd, const json_t *contact)
{
	struct node	*k;
	struct buf	 b = BUF_INIT;

	if (catalog_str(contact, "name") == NULL
	    && catalog_str(contact, "email") == NULL)
		return;
	k = add_bnode(g, nd, "dcat:contactPoint", "vcard:Kind");
	add_lit(k, "vcard:fn", catalog_str(contact, "name"), NULL, NULL);
	if (catalog_str(contact, "email") != NULL) {
		buf_puts(&b, "mailto:");
		catalog_encode(&b, catalog_str(contact, "email"));
		add_iri(k, "vcard:hasEmail", b.data);
	}
	buf_release(&b);
}

static void
add_coverage(struct graph *g, const struct catalog *c, struct node *nd,
    const json_t *r)
{
	const json_t	*t = json_object_get(r, "temporal");
	const char	*code = catalog_frequency(catalog_str(r, "frequency"),
	    CATALOG_FREQ_EU);
	struct buf	 b = BUF_INIT;
	struct node	*x;
	int		 isnew;

	if (catalog_str(t, "start") != NULL || catalog_str(t, "end") != NULL) {
		x = add_bnode(g, nd, "dct:temporal", "dct:PeriodOfTime");
		add_date(x, "dcat:startDate", catalog_str(t, "start"));
		add_date(x, "dcat:endDate", catalog_str(t, "end"));
	}
	if (catalog_str(r, "spatial") != NULL) {
		x = add_bnode(g, nd, "dct:spatial", "dct:Location");
		add_text(x, c, "skos:prefLabel", catalog_str(r, "spatial"));
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
	const char	*s = catalog_str(dist, "format");
	const char	*path = catalog_str(dist, "path");
	size_t		 start = b->len;

	if (catalog_str(dist, "conformsTo") != NULL && path != NULL)
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

/* Link download "nd" to its file type, media type and standard. */
static void
add_format(struct graph *g, struct node *nd, const json_t *dist)
{
	const char	*fmt = catalog_str(dist, "format");
	const char	*mt = catalog_str(dist, "mediatype");
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
	if (catalog_mediatype(&b, mt)) {
		v = add_vocab(g, nd, "dcat:mediaType", b.data, "dct:MediaType",
		    &isnew);
		if (isnew)
			add_lit(v, "rdfs:label", b.data + strlen(IANA_TYPES),
			    NULL, NULL);
	}
	if (catalog_str(dist, "conformsTo") != NULL) {
		buf_reset(&b);
		catalog_encode(&b, catalog_str(dist, "conformsTo"));
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
	char		*sha = catalog_sha256_new(dist);
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
build_dist(struct graph *g, const struct catalog *c, const json_t *r,
    struct node *ds, size_t i)
{
	const json_t	*dists = json_object_get(r, "distributions");
	const json_t	*dist = json_array_get(dists, i);
	struct buf	 b = BUF_INIT;
	struct node	*nd;
	char		*u;

	catalog_url(&b, c->base, "dataset/");
	catalog_encode(&b, catalog_str(r, "id"));
	buf_puts(&b, "/#");
	dist_name(&b, dists, i);
	add_iri(ds, "dcat:distribution", b.data);
	nd = node_add(g, b.data, 0);
	add_iri(nd, "a", "dcat:Distribution");
	add_text(nd, c, "dct:title", catalog_str(dist, "title"));
	u = catalog_url_new(c, catalog_str(dist, "path"));
	add_iri(nd, "dcat:accessURL", u);
	add_iri(nd, "dcat:downloadURL", u);
	add_format(g, nd, dist);
	add_integrity(g, nd, dist);
	add_licence(g, c, nd, catalog_inherit(c, r, "license"));
	free(u);
	buf_release(&b);
}

static void
build_dataset(struct graph *g, const struct catalog *c, const json_t *r)
{
	char		*iri = dataset_iri(c, r);
	struct node	*ds = node_add(g, iri, 0);
	struct buf	 landing = BUF_INIT;
	size_t		 i;

	add_iri(ds, "a", "dcat:Dataset");
	add_lit(ds, "dct:identifier", iri, NULL, NULL);
	add_texts(ds, c, r);
	if (catalog_str(r, "theme") != NULL)
		add_theme(g, c, ds, catalog_str(r, "theme"));
	add_agent(g, c, ds, catalog_inherit(c, r, "publisher"));
	add_contact(g, ds, catalog_inherit(c, r, "contact"));
	add_coverage(g, c, ds, r);
	add_date(ds, "dct:issued", catalog_str(r, "issued"));
	add_date(ds, "dct:modified", catalog_str(r, "modified"));
	add_lit(ds, "dcat:version", catalog_str(r, "version"), NULL, NULL);
	add_lit(ds, "owl:versionInfo", catalog_str(r, "version"), NULL, NULL);
	add_language(g, c, ds);
	if (catalog_str(r, "landing") != NULL)
		buf_puts(&landing, catalog_str(r, "landing"));
	else
		buf_printf(&landing, "dataset/%s/", catalog_str(r, "id"));
	add_page(g, c, ds, "dcat:landingPage", landing.data);
	for (i = 0; i < json_array_size(json_object_get(r, "distributions"));
	    i++)
		build_dist(g, c, r, ds, i);
	buf_release(&landing);
	free(iri);
}

static void
build_catalog(struct graph *g, const struct catalog *c)
{
	const char	*home = catalog_str(c->site, "homepage");
	const json_t	*lic = json_object_get(c->site, "license");
	struct buf	 b = BUF_INIT;
	struct node	*cat;
	char		*iri;
	size_t		 i;

	catalog_url(&b, c->base, "dataset/#catalog");
	cat = node_add(g, b.data, 0);
	add_iri(cat, "a", "dcat:Catalog");
	add_texts(cat, c, c->site);
	add_agent(g, c, cat, json_object_get(c->site, "publisher"));
	add_page(g, c, cat, "foaf:homepage", home ? home : c->base);
	add_language(g, c, cat);
	add_date(cat, "dct:modified", catalog_str(c->site, "modified"));
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

/* Append literal "p": "text"@vi, "2024-05-16"^^xsd:date or "text". */
static void
ttl_literal(struct buf *b, const struct prop *p)
{
	ttl_string(b, p->val);
	if (p->lang != NULL)
		buf_printf(b, "@%s", p->lang);
	else if (p->dt != NULL)
		buf_printf(b, "^^%s", p->dt);
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
			ttl_literal(b, p);
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

/* ---- JSON-LD ----------------------------------------------------------- */

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

/*
 * Literal "p" as JSON-LD: {"@value": "text", "@language": "vi"},
 * {"@value": "2024-05-16", "@type": "xsd:date"} or "text".
 */
static json_t *
jl_literal(const struct prop *p)
{
	if (p->lang != NULL)
		return json_pack("{ssss}", "@value", p->val, "@language",
		    p->lang);
	if (p->dt != NULL)
		return json_pack("{ssss}", "@value", p->val, "@type", p->dt);
	return json_string(p->val);
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
		else
			v = jl_literal(p);
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
	struct catalog	 c;
	int		 rc = 0;

	if (!catalog_init(&c, d, site, records) || !catalog_need_site(&c))
		goto out;
	build_catalog(&g, &c);
	if (write != NULL)
		write(out, &g);
	else if (!catalog_dump(out, d, jl_graph(&g)))
		goto out;
	rc = 1;
out:
	graph_free(&g);
	catalog_release(&c);
	return rc;
}

int
dcat_turtle(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	return rdf(out, d, site, records, ttl_write);
}

int
dcat_jsonld(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	return rdf(out, d, site, records, NULL);
}
