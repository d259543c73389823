/*
 * data.json, the DCAT-US 1.1 catalog that US-style portals harvest,
 * written in the publish stage beside the DCAT-AP files (catalog.c
 * reads and checks the input first).  One JSON object per dataset,
 * with its downloads; a download with a media type is a downloadURL,
 * one without an accessURL, as the schema asks.  Records are sorted by
 * id and keys dumped sorted, so the same input gives the same bytes.
 */
#include "dcatus.h"

#include <stdlib.h>

#include "buf.h"
#include "catalog.h"

#define POD_SCHEMA	"https://project-open-data.cio.gov/v1.1/schema"

static json_t *
dj_dist(const struct catalog *c, const json_t *dist)
{
	json_t		*o = json_object();
	struct buf	 mt = BUF_INIT;

	catalog_set_str(o, "@type", "dcat:Distribution");
	/* A downloadURL needs a mediaType; else the file is an accessURL. */
	if (catalog_mediatype(&mt, catalog_str(dist, "mediatype"))) {
		catalog_set_url(c, o, "downloadURL", catalog_str(dist, "path"));
		catalog_set_str(o, "mediaType", mt.data);
	} else
		catalog_set_url(c, o, "accessURL", catalog_str(dist, "path"));
	catalog_set_str(o, "format", catalog_str(dist, "format"));
	catalog_set_str(o, "title", catalog_str(dist, "title"));
	catalog_set_url(c, o, "conformsTo", catalog_str(dist, "conformsTo"));
	buf_release(&mt);
	return o;
}

/* Set the publisher, contactPoint and licence of record "r" on "o". */
static void
dj_agents(const struct catalog *c, const json_t *r, json_t *o)
{
	const json_t	*pub = catalog_inherit(c, r, "publisher");
	const json_t	*contact = catalog_inherit(c, r, "contact");
	const char	*name = catalog_str(pub, "name");
	const char	*email = catalog_str(contact, "email");
	struct buf	 b = BUF_INIT;
	json_t		*cp;

	if (name == NULL)
		name = catalog_str(json_object_get(c->site, "publisher"),
		    "name");
	json_object_set_new(o, "publisher", json_pack("{ssss}", "@type",
	    "org:Organization", "name", name));
	cp = json_pack("{ssss}", "@type", "vcard:Contact", "fn",
	    catalog_str(contact, "name") != NULL ? catalog_str(contact, "name")
	    : name);
	if (email != NULL) {
		buf_puts(&b, "mailto:");
		catalog_encode(&b, email);
		catalog_set_str(cp, "hasEmail", b.data);
	}
	json_object_set_new(o, "contactPoint", cp);
	catalog_set_url(c, o, "license",
	    catalog_str(catalog_inherit(c, r, "license"), "url"));
	buf_release(&b);
}

static json_t *
dj_dataset(const struct catalog *c, const json_t *r)
{
	const json_t	*t = json_object_get(r, "temporal"), *v;
	json_t		*o = json_object(), *arr = json_array();
	struct buf	 b = BUF_INIT;
	size_t		 i;

	catalog_set_str(o, "@type", "dcat:Dataset");
	catalog_dataset_iri(&b, c->base, catalog_str(r, "id"));
	catalog_set_str(o, "identifier", b.data);
	catalog_set_str(o, "title", catalog_str(r, "title"));
	catalog_set_str(o, "description", catalog_str(r, "description"));
	json_array_foreach(json_object_get(r, "keywords"), i, v)
		if (json_string_length(v) > 0)
			json_array_append(arr, (json_t *)v);
	if (json_array_size(arr) > 0)
		json_object_set(o, "keyword", arr);
	catalog_set_str(o, "issued", catalog_str(r, "issued"));
	catalog_set_str(o, "modified", catalog_str(r, "modified"));
	dj_agents(c, r, o);
	catalog_set_str(o, "accessLevel", "public");
	catalog_set_str(o, "spatial", catalog_str(r, "spatial"));
	if (catalog_str(t, "start") != NULL && catalog_str(t, "end") != NULL) {
		buf_reset(&b);
		buf_printf(&b, "%s/%s", catalog_str(t, "start"),
		    catalog_str(t, "end"));
		catalog_set_str(o, "temporal", b.data);
	}
	catalog_set_str(o, "accrualPeriodicity",
	    catalog_frequency(catalog_str(r, "frequency"), CATALOG_FREQ_ISO));
	if (c->lang != NULL)
		json_object_set_new(o, "language", json_pack("[s]", c->lang));
	if (catalog_str(r, "theme") != NULL)
		json_object_set_new(o, "theme", json_pack("[s]",
		    catalog_str(r, "theme")));
	buf_reset(&b);
	buf_printf(&b, "dataset/%s/", catalog_str(r, "id"));
	catalog_set_url(c, o, "landingPage", catalog_str(r, "landing") ?
	    catalog_str(r, "landing") : b.data);
	json_decref(arr);
	arr = json_array();
	json_array_foreach(json_object_get(r, "distributions"), i, v)
		json_array_append_new(arr, dj_dist(c, v));
	json_object_set_new(o, "distribution", arr);
	buf_release(&b);
	return o;
}

int
dcatus_datajson(struct buf *out, struct diag *d, const json_t *site,
    const json_t *records)
{
	struct catalog	 c;
	json_t		*root, *sets;
	size_t		 i;
	int		 rc = 0;

	if (!catalog_init(&c, d, site, records) || !catalog_need_site(&c))
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
	catalog_set_url(&c, root, "@id", "data.json");
	rc = catalog_dump(out, d, root);
out:
	catalog_release(&c);
	return rc;
}
