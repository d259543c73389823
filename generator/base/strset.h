/*
 * A set of strings that the caller keeps alive, found by hashing: which
 * pages are about to be written (linkcheck.c), whether two pages share a
 * URL (section.c).  The set holds pointers, not copies, and has room for
 * the number of strings it was made for.
 *
 *	strset_init(&s, n);
 *	if (!strset_add(&s, path))	// already there
 *		...
 *	strset_has(&s, b.data, b.len);
 *	strset_free(&s);
 */
#ifndef PLANPRESS_STRSET_H
#define PLANPRESS_STRSET_H

#include <stddef.h>

struct strset {
	const char	**v;		/* NULL: an empty slot */
	size_t		  mask;		/* slots less one */
};

/* An empty set with room for "n" strings (n may be 0). */
void	strset_init(struct strset *s, size_t n);

/*
 * Add the NUL-terminated "str", which must outlive the set: 1 if it was
 * added, 0 if an equal string was there already.  At most "n" strings
 * of strset_init() may be added.
 */
int	strset_add(struct strset *s, const char *str);

/* 1 if the "len" bytes at "str" (NUL-terminated) are in the set. */
int	strset_has(const struct strset *s, const char *str, size_t len);

void	strset_free(struct strset *s);

#endif
