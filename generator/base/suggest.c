/*
 * Suggestions for mistyped words (suggest.h).
 */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "intl.h"
#include "xalloc.h"

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t	 m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
suggest_distance(const char *a, const char *b)
{
	size_t	 n = strlen(a), m = strlen(b), i, j, cost, d;
	size_t	*row0, *row1, *row2, *tmp;

	if (n == 0 || m == 0)
		return n + m;
	/* Three rows: the swap looks two rows back. */
	row0 = xcalloc(m + 1, sizeof(*row0));
	row1 = xcalloc(m + 1, sizeof(*row1));
	row2 = xcalloc(m + 1, sizeof(*row2));
	for (j = 0; j <= m; j++)
		row1[j] = j;
	for (i = 1; i <= n; i++) {
		row2[0] = i;
		for (j = 1; j <= m; j++) {
			cost = fold((unsigned char)a[i - 1]) !=
			    fold((unsigned char)b[j - 1]);
			row2[j] = min3(row1[j] + 1, row2[j - 1] + 1,
			    row1[j - 1] + cost);
			if (i > 1 && j > 1 && fold((unsigned char)a[i - 1]) ==
			    fold((unsigned char)b[j - 2]) &&
			    fold((unsigned char)a[i - 2]) ==
			    fold((unsigned char)b[j - 1]) &&
			    row0[j - 2] + 1 < row2[j])
				row2[j] = row0[j - 2] + 1;
		}
		tmp = row0;
		row0 = row1;
		row1 = row2;
		row2 = tmp;
	}
	d = row1[m];
	free(row0);
	free(row1);
	free(row2);
	return d;
}

/* The most edits that still look like a slip for a word of "len". */
static size_t
budget(size_t len)
{
	return len / 3 < 3 ? len / 3 : 3;
}

/* Keep "cand" in *best when it is closer than what *best has. */
static void
consider(const char *w, const char *cand, const char **best, size_t *bestd)
{
	size_t	 d;

	if (strcmp(w, cand) == 0)
		return;
	d = suggest_distance(w, cand);
	if (d <= budget(strlen(w)) && d < *bestd) {
		*best = cand;
		*bestd = d;
	}
}

const char *
suggest_word(const char *w, const char *const *words)
{
	const char	*best = NULL;
	size_t		 bestd = (size_t)-1, i;

	for (i = 0; words[i] != NULL; i++)
		consider(w, words[i], &best, &bestd);
	return best;
}

const char *
suggest_key(const char *w, const json_t *keys)
{
	const char	*best = NULL, *k;
	size_t		 bestd = (size_t)-1;
	json_t		*v;

	json_object_foreach((json_t *)keys, k, v)
		consider(w, k, &best, &bestd);
	return best;
}

/* "; the choices are 'a', 'b'" for the "n" words "v". */
static void
choices(struct buf *b, const char *const *v, size_t n)
{
	size_t	 i;

	buf_puts(b, n == 1 ? _("; the only choice is ") :
	    _("; the choices are "));
	for (i = 0; i < n; i++)
		buf_printf(b, "%s'%s'", i ? ", " : "", v[i]);
}

void
suggest_hint(struct buf *b, const char *w, const char *const *words,
    size_t few)
{
	const char	*s = suggest_word(w, words);
	size_t		 n;

	if (s != NULL) {
		buf_printf(b, _("; did you mean '%s'?"), s);
		return;
	}
	for (n = 0; words[n] != NULL; n++)
		continue;
	if (n > 0 && n <= few)
		choices(b, words, n);
}

void
suggest_hint_keys(struct buf *b, const char *w, const json_t *keys,
    size_t few)
{
	const char	**v, *k;
	size_t		  n = 0;
	json_t		 *x;

	v = xcalloc(json_object_size(keys) + 1, sizeof(*v));
	json_object_foreach((json_t *)keys, k, x)
		v[n++] = k;
	v[n] = NULL;
	suggest_hint(b, w, v, few);
	free(v);
}
