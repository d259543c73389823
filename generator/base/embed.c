/*
 * The embedded default theme and planpress's own templates, looked up
 * by path.  The data itself, and that of the starter site, is generated
 * at build time (scripts/embed.sh); scaffold.c writes the theme and the
 * starter site into new sites and reads the theme's archetypes, http.c
 * renders serve's pages from the templates.
 */
#include "embed.h"

#include <string.h>

static const struct embed_file *
find(const struct embed_file *files, const char *path)
{
	const struct embed_file	*f;

	for (f = files; f->path != NULL; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}

const struct embed_file *
embed_find(const char *path)
{
	return find(embed_theme, path);
}

const struct embed_file *
embed_template(const char *path)
{
	return find(embed_templates, path);
}
