/*
 * "Did you mean ...?": the known word closest to a mistyped one, for
 * diagnostics about unknown keys, ids, layouts and views.
 *
 * Closeness is the optimal string alignment distance (insertions,
 * deletions, substitutions and swaps of two neighbours, each 1), on
 * bytes, ignoring ASCII case.  A word is suggested only when it is
 * close enough to be a slip: at most one edit per three bytes of the
 * mistyped word, and never more than 3 (so "u8" gets no "u1").
 *
 *	suggest_word("licence", keys)	-> "license"
 *	suggest_word("colour", keys)	-> NULL (nothing close)
 */
#ifndef PLANPRESS_SUGGEST_H
#define PLANPRESS_SUGGEST_H

#include <stddef.h>

#include <jansson.h>

struct buf;

/* The distance between "a" and "b" (see above). */
size_t		 suggest_distance(const char *a, const char *b);

/*
 * The word of the NULL-terminated list "words" closest to "w" and close
 * enough to suggest, or NULL; the first of equals wins.  Borrowed from
 * "words".
 */
const char	*suggest_word(const char *w, const char *const *words);

/* The same over the keys of the object "keys". */
const char	*suggest_key(const char *w, const json_t *keys);

/*
 * Append to "b" the hint for "w": "; did you mean 'x'?" when a word is
 * close, else, when the choices are few (at most "few" words), "; the
 * choices are 'a', 'b'"; nothing otherwise.  "words" is NULL-terminated.
 */
void		 suggest_hint(struct buf *b, const char *w,
		    const char *const *words, size_t few);

/* suggest_hint() over the keys of the object "keys". */
void		 suggest_hint_keys(struct buf *b, const char *w,
		    const json_t *keys, size_t few);

#endif
