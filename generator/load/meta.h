/*
 * Metadata: a YAML document (front matter, site.yml, dataset
 * descriptions) as a jansson tree, plus the file:line:col where every
 * value and every key was written, so later stages (schema.c, page.c,
 * site.c) can point at the exact place of a bad value.
 *
 * Invariants callers rely on:
 *  - the root is never NULL; an empty document gives an empty object;
 *  - every string in the tree is valid UTF-8 in NFC, and no object key
 *    holds a NUL byte;
 *  - plain scalars follow the YAML 1.2 core schema (null, booleans,
 *    integers, floats); quoted, block and "!!str" scalars are strings;
 *  - an alias is a deep copy of its anchored node, so no two places in
 *    the tree share a container;
 *  - locations are found by (container, key) or (container, index):
 *    treat the tree as read-only, or positions may go stale;
 *  - every "struct loc" returned lives until meta_free(), and its
 *    "file" is meta_file().
 *
 *	m = meta_parse(d, "content/a.md", 2, "title: Hi\nweight: 3\n", 20);
 *	meta_loc(m, meta_root(m), "weight")	// content/a.md:3:9
 */
#ifndef PLANPRESS_META_H
#define PLANPRESS_META_H

#include <stddef.h>

#include <jansson.h>

struct diag;
struct loc;
struct meta;

/*
 * Deepest nesting of mappings and sequences accepted, and the most
 * values that aliases may copy in one document (against "billion
 * laughs").
 */
#define META_DEPTH_MAX		200
#define META_ALIAS_MAX		100000

/*
 * Parse the YAML text "src" of "len" bytes, which starts at line "line0"
 * (1-based) of "file", so front matter reports lines of the .md file.
 * Returns a document to free with meta_free(), or NULL after reporting
 * every problem found to "d" as file:line:col errors: YAML syntax
 * errors, invalid UTF-8, duplicate mapping keys ("duplicate key 'x'"),
 * a non-scalar mapping key, an alias to an unknown anchor or to a node
 * that contains it, more than one document, and nesting or aliases
 * beyond the limits above.
 */
struct meta	*meta_parse(struct diag *d, const char *file, unsigned line0,
		    const char *src, size_t len);

/*
 * meta_parse() reads the simplest texts itself: "key: value" lines whose
 * values are plain, quoted without escapes, or one-line lists of those,
 * which is what most front matter holds; libyaml reads every other text.
 * meta_parse_with() chooses the reader, for the tests that hold the two
 * readings equal: META_READ_ANY as meta_parse(), META_READ_LIBYAML
 * libyaml alone, META_READ_SIMPLE its own reader alone, which returns
 * NULL and reports nothing for a text it does not read.  "*simply", if
 * not NULL, gets 1 when its own reader read the text, else 0.  A text
 * that fails check_input() (invalid UTF-8) is reported by every reader.
 */
enum meta_reader {
	META_READ_ANY,
	META_READ_LIBYAML,
	META_READ_SIMPLE
};

struct meta	*meta_parse_with(enum meta_reader how, struct diag *d,
		    const char *file, unsigned line0, const char *src,
		    size_t len, int *simply);

/*
 * 1 if "a" and "b" hold equal trees (json_equal()) whose every value,
 * key and item is written at the same place, or are both NULL.
 */
int		 meta_equal(const struct meta *a, const struct meta *b);

/* Free "m" with its tree and locations; meta_free(NULL) does nothing. */
void		 meta_free(struct meta *m);

/* The root value, borrowed: it lives until meta_free(). */
json_t		*meta_root(const struct meta *m);

/* The file name given to meta_parse(), until meta_free(). */
const char	*meta_file(const struct meta *m);

/*
 * Where the value of key "key" in the object "obj" (a node of this
 * document) starts; NULL if "obj" has no such key or was not parsed here.
 */
const struct loc *meta_loc(const struct meta *m, const json_t *obj,
		    const char *key);

/* Where the key "key" of the object "obj" is written, or NULL. */
const struct loc *meta_key_loc(const struct meta *m, const json_t *obj,
		    const char *key);

/* Where element "i" of the array "arr" starts, or NULL. */
const struct loc *meta_index_loc(const struct meta *m, const json_t *arr,
		    size_t i);

/* Where the root node starts (line "line0", column 1 if it is empty). */
const struct loc *meta_root_loc(const struct meta *m);

/*
 * Warn at its place about every key of the object "obj" (a node of "m")
 * that is not in the NULL-terminated list "known": "unknown key 'x' in
 * WHAT", with the closest known key when one is close ("did you mean
 * ...?") or the choices when there are few.  The one check of unknown
 * keys for every YAML mapping planpress reads.
 */
void		 meta_warn_unknown(struct diag *d, const struct meta *m,
		    const json_t *obj, const char *const *known,
		    const char *what);

/*
 * Typed getters for key "key" of the object "obj".  When the key is
 * absent (or "obj" is not an object) they return 1 and leave "*out"
 * unchanged; when its value has the right type they set "*out" and
 * return 1; otherwise they report, at the value,
 *
 *	key 'weight' must be an integer, not 'abc'
 *
 * and return 0.  A null value (a key with nothing after it) is the
 * wrong type, reported as "not empty".
 */

/* A string; "*out" is borrowed until meta_free(). */
int	meta_string(const struct meta *m, struct diag *d, const json_t *obj,
	    const char *key, const char **out);

/* true or false; "*out" gets 1 or 0. */
int	meta_bool(const struct meta *m, struct diag *d, const json_t *obj,
	    const char *key, int *out);

/* An integer. */
int	meta_int(const struct meta *m, struct diag *d, const json_t *obj,
	    const char *key, long long *out);

/*
 * A string or a list of strings; "*out" gets a new reference to an
 * array of strings (a new array; a lone string becomes its only
 * element), for the caller to json_decref().  Every element that is not
 * a string is reported at its own position.
 */
int	meta_strings(const struct meta *m, struct diag *d, const json_t *obj,
	    const char *key, json_t **out);

#endif
