/*
 * The site configuration, site.yaml at the root of a site.
 *
 * Every string is NFC and lives until config_release().  Unknown keys are
 * warnings at their line; keys of the wrong type are errors.  Defaults:
 * language "vi", theme "default", no base URL.  "publisher" and
 * "contact" are mappings of strings; "legal_basis" is a text or a
 * mapping {text, url}; "logo" is a path below the site root;
 * "file_urls" is a boolean (default false).
 */
#ifndef PLANPRESS_CONFIG_H
#define PLANPRESS_CONFIG_H

#include <jansson.h>

#include "markdown.h"

struct diag;
struct meta;

struct config {
	struct meta		*meta;		/* owns every value below */
	char			*file;		/* "site.yaml" as reported */
	const char		*title;
	const char		*description;	/* "" when absent */
	const char		*copyright;	/* "" when absent */
	const char		*language;
	const char		*theme;
	char			*base_url;	/* "" or ends in '/' */
	json_t			*menus;		/* object: name -> array */
	json_t			*permalinks;	/* object: section -> pattern */
	json_t			*params;	/* object, free-form */
	json_t			*allow_outside;	/* array of strings, or NULL:
						   folders outside the site
						   that links may lead to */
	json_t			*exclude;	/* array of strings, or NULL:
						   folders inside the site
						   that are not sources */
	/* Who publishes the site (the footer, the about page, JSON-LD). */
	json_t			*publisher;	/* {name, url} or NULL */
	json_t			*contact;	/* {name, address, phone,
						   email, url} or NULL */
	const char		*legal_text;	/* legal_basis; "" when absent */
	const char		*legal_url;	/* "" when absent */
	const char		*logo;		/* "" or a path from the site
						   root, without the leading / */
	int			 file_urls;	/* links to a folder name its
						   index.html (file://) */
	struct markdown_opts	 markdown;
};

/*
 * Read "path" (shown as "display" in diagnostics) into "c".  A missing
 * file is an error.  Returns 1, or 0 after reporting; either way "c"
 * must be released with config_release().
 */
int	config_load(struct config *c, struct diag *d, const char *path,
	    const char *display);

/* Replace the base URL (from --base-url); an invalid URL is an error. */
int	config_set_base_url(struct config *c, struct diag *d,
	    const char *url);

void	config_release(struct config *c);

#endif
