/*
 * The embedded default theme, looked up by path.  The data itself, and
 * that of the starter site, is generated at build time
 * (scripts/embed.sh); scaffold.c writes both into new sites and reads
 * the theme's archetypes.
 */
#include "embed.h"

#include <string.h>

const struct embed_file *
embed_find(const char *path)
{
	const struct embed_file	*f;

	for (f = embed_theme; f->path != NULL; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}
