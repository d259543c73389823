/*
 * The site configuration, site.yaml at the root of a site.
 *
 * Every string is NFC and lives until config_release().  Unknown keys are
 * warnings at their line; keys of the wrong type are errors.  Defaults:
 * language "vi", theme "default", no base URL.  "publisher" and
 * "contact" are mappings of strings; "legal_basis" is a text or a
 * mapping {text, url}; "logo" is a path below the site root;
 * "file_urls" is a boolean (default false).  "languages" maps the code
 * of each other language to its edition (struct config_lang).
 */
#ifndef PLANPRESS_CONFIG_H
#define PLANPRESS_CONFIG_H

#include <jansson.h>

#include "markdown.h"

struct diag;
struct meta;

/*
 * An edition of the site in another language, from site.yaml's
 * 'languages': its words replace the site's where given (NULL: the
 * site's own).  Its pages are published under /CODE/.
 */
struct config_lang {
	const char		*code;		/* "en" */
	const char		*title;
	const char		*description;
	const char		*legal_text;
	const char		*legal_url;
	const char		*copyright;
	json_t			*publisher;	/* {name, url}, whole */
	json_t			*contact;	/* {name, address...}, whole */
	json_t			*menus;		/* object: name -> array */
	json_t			*unit_types;	/* object: type -> words */
	int			 unofficial;	/* its text is not the official
						   one: every page says so */
	int			 omit;		/* untranslated: omit (else
						   notice) */
};

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
	struct config_lang	*langs;		/* the other languages */
	size_t			 nlangs;
	/* In the copy made by config_edition(), the edition's language;
	 * NULL in the site's own configuration. */
	const struct config_lang *edition;
	const char		*main_language;	/* the site's language */
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

/*
 * Make "out" the configuration of the edition "lang" (one of c->langs):
 * a copy of "c" whose language, title, description, legal basis and
 * menus are the edition's where it gives them.  "out" borrows from "c"
 * and is not released.
 */
void	config_edition(const struct config *c, const struct config_lang *lang,
	    struct config *out);

#endif
