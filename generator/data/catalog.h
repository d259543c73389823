/*
 * The input of the data catalogs, machine-readable lists of every
 * dataset and its downloads written at the root of the output (see
 * DESIGN.md), and what their writers share:
 *
 *	catalog.ttl			DCAT-AP 3.0.1, Turtle
 *	catalog.jsonld			the same graph, JSON-LD, context inline
 *					(both dcat.h)
 *	data.json			DCAT-US 1.1, non-federal schema
 *					(dcatus.h)
 *	catalog.csv			one row per distribution (RFC 4180)
 *	catalog.csv-metadata.json	CSVW description of catalog.csv
 *	datapackage.json		Tabular Data Package of catalog.csv
 *					(the three catalogcsv.h)
 *
 * Every writer appends one file to a buffer the caller owns and returns
 * 1, or 0 after reporting to "d" (nothing useful is appended then).  The
 * caller writes the files through fsout.c.
 *
 * Inputs are borrowed jansson values; nothing is kept after the call.
 * "site" is an object describing the catalog:
 *
 *	title, description	strings ("description" falls back to "title")
 *	language		BCP 47 tag of the text, "vi" or "en" ...
 *	base_url		absolute http(s) URL ending in '/'; required
 *	homepage		optional, default base_url
 *	publisher		{ name, url? }; required (not by catalog.csv)
 *	contact			optional { name, email }
 *	modified		newest "modified" of the datasets, YYYY-MM-DD
 *	license			optional { id, title, url }
 *
 * "records" is an array of objects, one per dataset, in any order (the
 * output is sorted by id):
 *
 *	id			lower-case ASCII [a-z0-9_-]; required, unique
 *	title, description	strings, plain text; required
 *	keywords		array of strings
 *	theme			string (a skos:Concept is minted for it)
 *	publisher		{ name, url? }	  (these three default to
 *	contact			{ name, email }	   the site's when absent)
 *	license			{ id (SPDX), title, url }
 *	temporal		optional { start, end } (ISO dates)
 *	spatial			optional string, a place name
 *	frequency		optional: continuous daily weekly monthly
 *				quarterly semiannual annual irregular never
 *	issued, modified	ISO dates
 *	version			string
 *	landing			path of the landing page, relative to base_url
 *	distributions		array of { format ("CSV", "JSON", "XLSX",
 *				"ZIP" ...), mediatype, path (relative to
 *				base_url), bytes, sha256 (64 hex digits),
 *				title, conformsTo (optional URL) }
 *
 * Invariants callers rely on:
 *  - the dataset IRI is BASE_URL "dataset/" ID "/#dataset" in every file
 *    (catalog_dataset_iri() builds it for the other modules);
 *  - every URL in the output is absolute; bytes outside printable ASCII
 *    and the characters <>"{}|\^` are percent-encoded;
 *  - the same input gives the same bytes.
 *
 *	struct buf b = BUF_INIT;
 *	if (dcat_turtle(&b, d, site, records))
 *		... write b.data (b.len bytes) to catalog.ttl ...
 *	buf_release(&b);
 */
#ifndef PLANPRESS_CATALOG_H
#define PLANPRESS_CATALOG_H

#include <stddef.h>

#include <jansson.h>

struct buf;
struct diag;

/*
 * The input of one writer, read and checked by catalog_init(): the site,
 * and the records sorted by id.  Every record has an id, a title, a
 * description, and a path and a format for each download.
 */
struct catalog {
	struct diag	 *d;
	const json_t	 *site;
	const char	 *base;		/* base_url, absolute http(s) */
	const char	 *lang;		/* language tag of the text, or NULL */
	const json_t	**recs;
	size_t		  n;
};

/* The codes catalog_frequency() gives for an update frequency. */
enum catalog_freq {
	CATALOG_FREQ_EU = 1,	/* EU frequency authority: "ANNUAL" */
	CATALOG_FREQ_ISO	/* ISO 8601 repeating duration: "R/P1Y" */
};

/*
 * Read "site" and "records" (NULL for none) into "c", which borrows
 * them; release it with catalog_release() whatever the result.  Returns
 * 1, or 0 after reporting a missing or relative base_url, or a record
 * without an id, title or description, with a download without a path
 * or format, or with an id that is not lower-case ASCII or used twice.
 */
int	catalog_init(struct catalog *c, struct diag *d, const json_t *site,
	    const json_t *records);

/* Free what catalog_init() allocated in "c". */
void	catalog_release(struct catalog *c);

/*
 * 1 if the site of "c" has a title and a publisher's name, which every
 * catalog but catalog.csv needs; else 0 after reporting.
 */
int	catalog_need_site(const struct catalog *c);

/*
 * The string at "key" of "o", lent for as long as "o" lives; NULL when
 * "o" is no object, or the value is absent, empty or not a string.
 */
const char	*catalog_str(const json_t *o, const char *key);

/*
 * The object at "key" of record "r" (publisher, contact, license), or
 * the site's when "r" has none; borrowed.
 */
const json_t	*catalog_inherit(const struct catalog *c, const json_t *r,
	    const char *key);

/*
 * Append "s", percent-encoding what an IRI or URI must not hold raw:
 * bytes outside printable ASCII and <>"{}|\^`.
 *
 *	"https://x.vn/dữ liệu"  ->  "https://x.vn/d%E1%BB%AF%20li%E1%BB%87u"
 */
void	catalog_encode(struct buf *out, const char *s);

/*
 * Append the absolute URL of "path": "path" itself if it is absolute
 * (http, https or mailto), else "path" under "base" without its leading
 * slashes; encoded as catalog_encode() does.
 *
 *	"https://x.vn/sub/", "/dataset/a/"  ->  "https://x.vn/sub/dataset/a/"
 */
void	catalog_url(struct buf *out, const char *base, const char *path);

/* catalog_url() under the base_url of "c", as a string to free(). */
char	*catalog_url_new(const struct catalog *c, const char *path);

/*
 * Append the IRI of dataset "id" under "base_url" (which ends in '/'):
 *
 *	"https://x.vn/", "budget"  ->  "https://x.vn/dataset/budget/#dataset"
 */
void	catalog_dataset_iri(struct buf *out, const char *base_url,
	    const char *id);

/*
 * The XML Schema datatype of an ISO date or date-time "s" as a prefixed
 * name ("2024" -> "xsd:gYear", "2024-05-16" -> "xsd:date"), or NULL
 * when "s" is neither.
 */
const char	*catalog_date_type(const char *s);

/*
 * The code of the update frequency "name" (docs/datasets.md: continuous,
 * daily ... never) in the scheme "f", or NULL when "name" is NULL,
 * unknown, or has no code there ("never" has no ISO 8601 duration).
 */
const char	*catalog_frequency(const char *name, enum catalog_freq f);

/*
 * The "sha256" of download "dist" in lower case (64 hex digits), to
 * free(); NULL when it is absent or not 64 hex digits.
 */
char	*catalog_sha256_new(const json_t *dist);

/*
 * Append the media type "mt" of a download without its parameters and
 * in lower case: "Text/CSV; charset=utf-8" -> "text/csv".  Returns 1,
 * or 0 (appending nothing) when "mt" is NULL or not "type/subtype" in
 * the characters of RFC 6838.
 */
int	catalog_mediatype(struct buf *out, const char *mt);

/*
 * Append "root" as JSON, keys sorted, indented by two spaces, and a
 * newline; takes ownership of "root" (NULL is reported).  Returns 1, or
 * 0 after reporting to "d".
 */
int	catalog_dump(struct buf *out, struct diag *d, json_t *root);

/* Set "key" of "o" to the string "s", unless "s" is NULL. */
void	catalog_set_str(json_t *o, const char *key, const char *s);

/*
 * Set "key" of "o" to the absolute URL of "path" under the base_url of
 * "c" (catalog_url()), unless "path" is NULL.
 */
void	catalog_set_url(const struct catalog *c, json_t *o, const char *key,
	    const char *path);

#endif
