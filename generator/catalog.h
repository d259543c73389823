/*
 * The data catalogs: machine-readable lists of every dataset and its
 * downloads, written at the root of the output (see DESIGN.md):
 *
 *	catalog.ttl			DCAT-AP 3.0.1, Turtle
 *	catalog.jsonld			the same graph, JSON-LD, context inline
 *	data.json			DCAT-US 1.1 (non-federal schema)
 *	catalog.csv			one row per distribution (RFC 4180)
 *	catalog.csv-metadata.json	CSVW description of catalog.csv
 *	datapackage.json		Tabular Data Package of catalog.csv
 *
 * Every function appends one file to a buffer the caller owns and
 * returns 1, or 0 after reporting to "d" (nothing useful is appended
 * then).  The caller writes the files through fsout.c.
 *
 * Inputs are borrowed jansson values; nothing is kept after the call.
 * "site" is an object describing the catalog:
 *
 *	title, description	strings ("description" falls back to "title")
 *	language		BCP 47 tag of the text, "vi" or "en" ...
 *	base_url		absolute http(s) URL ending in '/'; required
 *	homepage		optional, default base_url
 *	publisher		{ name, url? }; required (not by catalog_csv)
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
 *	if (catalog_turtle(&b, d, site, records))
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
 * Append the IRI of dataset "id" under "base_url" (which ends in '/'):
 *
 *	"https://x.vn/", "budget"  ->  "https://x.vn/dataset/budget/#dataset"
 */
void	catalog_dataset_iri(struct buf *out, const char *base_url,
	    const char *id);

/*
 * Append the catalog as DCAT-AP 3.0.1 Turtle: a dcat:Catalog, its
 * dcat:Dataset and dcat:Distribution resources, and an rdf:type (and
 * label or title) for every vocabulary IRI used (languages, file types,
 * media types, frequencies, licences), as the DCAT-AP shapes require.
 * Returns 1, or 0 after reporting a missing base_url, publisher or a
 * broken record.
 */
int	catalog_turtle(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append the graph of catalog_turtle() as JSON-LD: one object with an
 * inline "@context" of prefixes and a "@graph", keys sorted, indented
 * by two spaces.  Returns 1, or 0 after reporting as catalog_turtle().
 */
int	catalog_jsonld(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append a DCAT-US 1.1 data.json (valid against the non-federal
 * schema): accessLevel "public", accrualPeriodicity as an ISO 8601
 * repeating duration ("annual" -> "R/P1Y").  A record without a contact
 * gets its publisher's name as contactPoint, which the schema requires.
 * Returns 1, or 0 after reporting.
 */
int	catalog_datajson(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append catalog.csv: a header, then one row per distribution with
 * dataset_id, dataset_title, format, mediatype, url, bytes, sha256,
 * license (URL) and modified.  RFC 4180: CRLF line ends, fields with
 * ',', '"', CR or LF quoted and '"' doubled.  Returns 1, or 0 after
 * reporting.
 */
int	catalog_csv(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append catalog.csv-metadata.json, the CSVW table description of
 * catalog.csv (columns, datatypes, primary key "url").  Returns 1, or 0
 * after reporting.
 */
int	catalog_csv_metadata(struct buf *out, struct diag *d,
	    const json_t *site);

/*
 * Append the root datapackage.json, a Tabular Data Package with one
 * resource, catalog.csv, of "csv_bytes" bytes whose SHA-256 is the
 * lower-case hex string "csv_sha256" (NULL to leave the hash out).  It
 * is valid against the Data Package v2 and v1 profiles.  Returns 1, or 0
 * after reporting.
 */
int	catalog_datapackage(struct buf *out, struct diag *d,
	    const json_t *site, size_t csv_bytes, const char *csv_sha256);

#endif
