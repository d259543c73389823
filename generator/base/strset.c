/*
 * A set of strings by open addressing (strset.h): at least twice as many
 * slots as strings, probed one after the other from text_hash().
 */
#include "strset.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

void
strset_init(struct strset *s, size_t n)
{
	size_t	 slots = 2;

	while (slots < 2 * n)
		slots <<= 1;
	s->v = xcalloc(slots, sizeof(*s->v));
	s->mask = slots - 1;
}

/* The slot of "str" ("len" bytes): where it is, or the empty one. */
static size_t
slot(const struct strset *s, const char *str, size_t len)
{
	size_t	 k;

	for (k = text_hash(str, len) & s->mask; s->v[k] != NULL &&
	    strcmp(s->v[k], str) != 0; k = (k + 1) & s->mask)
		continue;
	return k;
}

int
strset_add(struct strset *s, const char *str)
{
	size_t	 k = slot(s, str, strlen(str));

	if (s->v[k] != NULL)
		return 0;
	s->v[k] = str;
	return 1;
}

int
strset_has(const struct strset *s, const char *str, size_t len)
{
	return s->v != NULL && s->v[slot(s, str, len)] != NULL;
}

void
strset_free(struct strset *s)
{
	free(s->v);
	s->v = NULL;
	s->mask = 0;
}
