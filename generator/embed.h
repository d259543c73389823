/*
 * Files built into the binary: the default theme, so that planpress
 * init can write a self-contained site and planpress new page finds the
 * theme's archetypes even when the binary is installed without the
 * source tree or the data folder; and planpress's own templates, the
 * pages of planpress serve that belong to no site.
 *
 * The arrays are generated at build time by scripts/embed.sh from
 * themes/default and generator/templates (build/theme_files.c and
 * build/template_files.c, see the Makefile).
 *
 * Invariants callers rely on:
 *  - embed_theme[] and embed_templates[] are sorted by path (bytewise)
 *    and end with an entry whose path is NULL;
 *  - paths are relative to their folder ("layouts/base.mustache",
 *    "serve-error.mustache"), use '/' and never start with '.' or '/';
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
