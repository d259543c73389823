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

/* edition_has() of the first "len" bytes of "path". */
static int
hasn(const struct edition *e, const char *path, size_t len)
{
	size_t	 i, n;

	if (json_object_getn(e->pages, path, len) != NULL)
		return 1;
	for (i = 0; e->mirrored[i] != NULL; i++) {
		n = strlen(e->mirrored[i]);
		if (len >= n && strncmp(path, e->mirrored[i], n) == 0)
			return 1;
	}
	return 0;
}

int
edition_has(const struct edition *e, const char *path)
{
	return hasn(e, path, strlen(path));
}

void
edition_path(const struct edition *e, const char *to, struct buf *out)
{
	size_t	 n = strcspn(to, "?#");

	if (e != NULL && to[0] == '/' && to[1] != '/' && n > 0 &&
	    to[n - 1] == '/' && hasn(e, to, n)) {
		buf_puts(out, e->prefix);
		buf_puts(out, to + 1);
	} else
		buf_puts(out, to);
}

const char *
edition_name(const struct edition *e, char *const *names, const char *name)
{
	if (e != NULL && names != NULL && names[e->li] != NULL)
		return names[e->li];
	return name;
}

const char *
edition_title(const struct edition *e, const struct page *p)
{
	if (e != NULL && p->twins != NULL && p->twins[e->li] != NULL &&
	    p->twins[e->li]->translated)
		return p->twins[e->li]->title;
	return p->title;
}

const char *
edition_unit_type(const struct edition *e, const json_t *types,
    const char *type)
{
	const char	*s = NULL;

	if (type == NULL)
		return NULL;
	if (e != NULL && e->lang->unit_types != NULL)
		s = json_string_value(json_object_get(e->lang->unit_types,
		    type));
	return s ? s : json_string_value(json_object_get(types, type));
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
