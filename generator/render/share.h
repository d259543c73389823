/*
 * The values a theme needs to write share links for a page as plain
 * links (no script, no request to another host until the reader follows
 * one): the page's address, and the parts of the links percent-encoded.
 * Which services to offer, their addresses and every word are the
 * theme's; this file only encodes.
 *
 *	share_view(strings, "https://x.gov.vn/a/", "Dữ liệu")
 *	  -> {"url": "https://x.gov.vn/a/", "absolute": true,
 *	      "url_q": "https%3A//x.gov.vn/a/", "title_q": "D%E1%BB%AF%20li%E1%BB%87u",
 *	      "zalo_d": "eyJ1cmwi...", "email_subject_q": ..., "email_body_q": ...}
 *	share_view(strings, NULL, "Dữ liệu")	-> {"url": "./", "absolute": false}
 */
#ifndef PLANPRESS_SHARE_H
#define PLANPRESS_SHARE_H

#include <jansson.h>

/*
 * The share values of the page at the absolute URL "url" titled "title"
 * (a new reference).  The e-mail body is the theme string
 * "share_email_body" of "strings" with {title} and {url} filled in
 * (the URL alone without that string).  With "url" NULL (the site has no
 * base_url) only "url" ("./", the page itself) and "absolute" (false)
 * are set: services need an absolute address.
 */
json_t	*share_view(const json_t *strings, const char *url,
	    const char *title);

#endif
