/*
 * Who publishes the site, as schema.org JSON-LD for the home page: a
 * GovernmentOrganization (the publisher of site.yaml, with the contact's
 * e-mail, phone and address and the logo) and the WebSite it publishes.
 *
 *	identity_jsonld(&c, &b);
 *	// {"@context": "https://schema.org", "@graph": [{"@type":
 *	//  "GovernmentOrganization", "@id": "https://x.gov.vn/#publisher",
 *	//  "name": ...}, {"@type": "WebSite", ...}]}
 *
 * The text is valid JSON and safe inside a <script> element: every '<'
 * (which JSON has only inside strings) is written "\u003c".
 */
#ifndef PLANPRESS_IDENTITY_H
#define PLANPRESS_IDENTITY_H

struct buf;
struct config;

/*
 * Append the JSON-LD of the site "c" to "out".  Without a publisher name
 * (publisher.name, else contact.name) only the WebSite is described;
 * without base_url no URL or @id is given and the WebSite holds its
 * publisher inline.
 */
void	identity_jsonld(const struct config *c, struct buf *out);

#endif
