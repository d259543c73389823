/*
 * The DCAT-AP 3.0.1 catalog, in Turtle (catalog.ttl, the file a CKAN
 * portal harvests) and in JSON-LD (catalog.jsonld): the same triples in
 * both.  "site" and "records" are as catalog.h describes them, borrowed;
 * each function appends one file to "out" and returns 1, or 0 after
 * reporting to "d".
 *
 *	struct buf b = BUF_INIT;
 *	if (dcat_turtle(&b, d, site, records))
 *		... write b.data (b.len bytes) to catalog.ttl ...
 *	buf_release(&b);
 */
#ifndef PLANPRESS_DCAT_H
#define PLANPRESS_DCAT_H

#include <jansson.h>

struct buf;
struct diag;

/*
 * Append the catalog as DCAT-AP 3.0.1 Turtle: a dcat:Catalog, its
 * dcat:Dataset and dcat:Distribution resources, and an rdf:type (and
 * label or title) for every vocabulary IRI used (languages, file types,
 * media types, frequencies, licences), as the DCAT-AP shapes require.
 * Returns 1, or 0 after reporting a missing base_url, publisher or a
 * broken record.
 */
int	dcat_turtle(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

/*
 * Append the graph of dcat_turtle() as JSON-LD: one object with an
 * inline "@context" of prefixes and a "@graph", keys sorted, indented
 * by two spaces.  Returns 1, or 0 after reporting as dcat_turtle().
 */
int	dcat_jsonld(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

#endif
