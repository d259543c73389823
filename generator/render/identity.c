/*
 * The publisher's identity for search engines, in the render stage: the
 * home page's view carries page.jsonld, made here from site.yaml
 * (publisher, contact, logo, base_url, title, description, language).
 * The words are the site's own; nothing here is user-visible text.
 */
#include "identity.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "config.h"

static const char *
get(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s && *s ? s : NULL;
}

static void
put(json_t *o, const char *key, const char *v)
{
	if (v && *v)
		json_object_set_new(o, key, json_string(v));
}

/* The GovernmentOrganization, or NULL without a name. */
static json_t *
organization(const struct config *c)
{
	const char	*name = get(c->publisher, "name");
	const char	*url = get(c->publisher, "url");
	json_t		*o;

	if (name == NULL)
		name = get(c->contact, "name");
	if (name == NULL)
		return NULL;
	o = json_object();
	json_object_set_new(o, "@type", json_string("GovernmentOrganization"));
	if (*c->base_url)
		json_object_set_new(o, "@id", json_sprintf("%s#publisher",
		    c->base_url));
	put(o, "name", name);
	if (url && url[0] != '/')
		put(o, "url", url);
	else if (*c->base_url)
		put(o, "url", c->base_url);
	put(o, "email", get(c->contact, "email"));
	put(o, "telephone", get(c->contact, "phone"));
	put(o, "address", get(c->contact, "address"));
	if (*c->logo && *c->base_url)
		json_object_set_new(o, "logo", json_sprintf("%s%s",
		    c->base_url, c->logo));
	return o;
}

static json_t *
website(const struct config *c, json_t *org)
{
	json_t	*o = json_object();

	json_object_set_new(o, "@type", json_string("WebSite"));
	if (*c->base_url) {
		json_object_set_new(o, "@id", json_sprintf("%s#website",
		    c->base_url));
		put(o, "url", c->base_url);
	}
	put(o, "name", c->title);
	put(o, "description", c->description);
	put(o, "inLanguage", c->language);
	if (org && *c->base_url)
		json_object_set_new(o, "publisher", json_pack("{s:O}", "@id",
		    json_object_get(org, "@id")));
	else if (org)
		json_object_set(o, "publisher", org);
	return o;
}

void
identity_jsonld(const struct config *c, struct buf *out)
{
	json_t	*org = organization(c), *graph = json_array(), *doc;
	char	*s, *p;

	if (org && *c->base_url)
		json_array_append(graph, org);
	json_array_append_new(graph, website(c, org));
	doc = json_pack("{s:s, s:o}", "@context", "https://schema.org",
	    "@graph", graph);
	s = json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	for (p = s; *p; p++) {
		if (*p == '<')	/* only inside strings: "</script>" */
			buf_puts(out, "\\u003c");
		else
			buf_putc(out, *p);
	}
	free(s);
	json_decref(doc);
	json_decref(org);
}
