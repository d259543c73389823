/*
 * Editions in other languages: where their links lead.
 */
#include "edition.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "page.h"
#include "search.h"
#include "section.h"
#include "xalloc.h"

static void
index_tree(struct edition *e, const struct section *s)
{
	size_t	 i;

	json_object_set_new(e->pages, s->index->orig->path, json_true());
	for (i = 0; i < s->npages; i++)
		json_object_set_new(e->pages, s->pages[i]->orig->path,
		    json_true());
	for (i = 0; i < s->nsubs; i++)
		index_tree(e, s->subs[i]);
}

void
edition_index(struct edition *e)
{
	if (e->pages == NULL)
		e->pages = json_object();
	index_tree(e, e->root);
}

int
edition_has(const struct edition *e, const char *path)
{
	size_t	 i, n;

	if (json_object_get(e->pages, path) != NULL)
		return 1;
	for (i = 0; e->mirrored[i] != NULL; i++) {
		n = strlen(e->mirrored[i]);
		if (strncmp(path, e->mirrored[i], n) == 0)
			return 1;
	}
	return 0;
}

void
edition_path(const struct edition *e, const char *to, struct buf *out)
{
	size_t	 n = strcspn(to, "?#");
	char	*path;

	if (e == NULL || to[0] != '/' || to[1] == '/' || n == 0 ||
	    to[n - 1] != '/') {
		buf_puts(out, to);
		return;
	}
	path = xstrndup(to, n);
	if (edition_has(e, path)) {
		buf_puts(out, e->prefix);
		buf_puts(out, to + 1);
	} else
		buf_puts(out, to);
	free(path);
}

char *
edition_strpath(const struct edition *e, const char *to)
{
	struct buf	 b = BUF_INIT;

	edition_path(e, to, &b);
	return buf_detach(&b, NULL);
}

void
edition_release(struct edition *e)
{
	free(e->prefix);
	json_decref(e->strings);
	json_decref(e->pages);
	search_free(e->search);
	section_free(e->root);
	memset(e, 0, sizeof(*e));
}
