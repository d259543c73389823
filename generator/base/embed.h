/*
 * Files built into the binary: the default theme, so that planpress
 * init can write a self-contained site and planpress new page finds the
 * theme's archetypes even when the binary is installed without the
 * source tree or the data folder; planpress's own templates, the pages
 * of planpress serve that belong to no site; and the starter site that
 * planpress init writes beside the theme.
 *
 * The arrays are generated at build time by scripts/embed.sh from
 * themes/default (build/theme_files.c), generator/templates
 * (build/template_files.c) and starter/ (build/starter_files.c); see
 * the Makefile.
 *
 * Invariants callers rely on:
 *  - each array is sorted by path (bytewise) and ends with an entry
 *    whose path is NULL;
 *  - paths are relative to the folder embedded ("layouts/base.mustache",
 *    "serve-error.mustache", "content/_index.md"), use '/' and never
 *    start with '.' or '/';
 *  - data is NUL-terminated (the NUL is not counted in len) and lives
 *    forever.
 */
#ifndef PLANPRESS_EMBED_H
#define PLANPRESS_EMBED_H

#include <stddef.h>

struct embed_file {
	const char		*path;
	const unsigned char	*data;
	size_t			 len;
};

/* The default theme's files; see the invariants above. */
extern const struct embed_file	embed_theme[];

/* The files of generator/templates; see the invariants above. */
extern const struct embed_file	embed_templates[];

/*
 * The starter site's files (starter/): site.yaml, the first pages and a
 * sample dataset.  Each is a Mustache template that planpress init
 * renders with "today", the date of the new site ("2024-05-16").
 */
extern const struct embed_file	embed_starter[];

/*
 * The file "path" (relative to the theme folder) of the embedded
 * default theme, or NULL when there is none.  Lent forever.
 *
 *	embed_find("archetypes/default.md")
 */
const struct embed_file	*embed_find(const char *path);

/*
 * The template "path" of generator/templates, or NULL when there is
 * none.  Lent forever.
 *
 *	embed_template("serve-error.mustache")
 */
const struct embed_file	*embed_template(const char *path);

#endif
