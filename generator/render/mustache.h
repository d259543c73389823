/*
 * Mustache templates: parse once into a tree, render many times against
 * a jansson value.  The language is the official Mustache spec v1.4
 * (comments, delimiters, interpolation, sections, inverted sections,
 * partials) plus its optional inheritance module (parents {{<name}} and
 * blocks {{$name}}); lambdas and dynamic names are not supported.
 *
 * Invariants callers rely on:
 *  - a parsed template is immutable: several threads may render the
 *    same template at once (the lookup callback must then be safe too);
 *  - rendering never parses again and never reads files: partials and
 *    parents come from the caller through a mustache_lookup_fn;
 *  - {{name}} escapes & < > " ' for HTML, {{{name}}} and {{&name}} copy
 *    the value as it is; nothing is escaped twice;
 *  - false, null, [] and "" are falsy; a missing name renders as "".
 *
 *	t = mustache_parse(d, "page.mustache", "<h1>{{title}}</h1>", 18);
 *	mustache_render(t, ctx, lookup, arg, d, &out);	// "<h1>A &amp; B</h1>"
 */
#ifndef PLANPRESS_MUSTACHE_H
#define PLANPRESS_MUSTACHE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct buf;
struct diag;

/*
 * The most bytes one mustache_render() may append: a theme whose
 * partials include each other many times ({{>a}}{{>a}} in 25 levels is
 * 2^25 copies) stops there with an error instead of filling the disk.
 */
#define MUSTACHE_OUTPUT_MAX	(64 << 20)

/*
 * Let renders started from now on append at most "bytes" (0: back to
 * MUSTACHE_OUTPUT_MAX); for tests and fuzzing, which need not write
 * 64 MB to see the limit work.  Not thread-safe: call it when no render
 * runs.
 */
void		 mustache_set_output_max(size_t bytes);

/* A parsed template; see mustache_parse(). */
struct mustache;

/*
 * Find the partial or parent template "name" ({{>name}}, {{<name}}).
 * Returns a template lent by the caller that lives at least as long as
 * the render, or NULL when there is no such template (which renders as
 * the empty string, as the spec says).
 */
typedef const struct mustache *(*mustache_lookup_fn)(void *arg,
    const char *name);

/*
 * Parse the template "src" of "len" bytes; "file" names it in
 * diagnostics and is copied.  Returns a template to free with
 * mustache_free(), or NULL after reporting every syntax error (unclosed
 * tag, unclosed section, mismatched section close, bad delimiter change,
 * bad tag name) to "d" as a file:line:col error.  "d" may be NULL, and
 * then only the NULL result tells.
 */
struct mustache	*mustache_parse(struct diag *d, const char *file,
		    const char *src, size_t len);

/* Free a template from mustache_parse(); NULL does nothing. */
void		 mustache_free(struct mustache *t);

/*
 * Render "t" against the context "ctx" (borrowed) and append the result
 * to "out".  Partials and parents are found with "lookup", which gets
 * "arg" (a NULL "lookup" finds none).  Returns 1, or 0 after reporting
 * to "d" a nesting of partials, parents and blocks deeper than 64 levels
 * (infinite recursion), or output past MUSTACHE_OUTPUT_MAX bytes (see
 * mustache_set_output_max()), at the
 * tag where it happened; "d" may be NULL, and then only the return value
 * tells.  After a failure "out"
 * holds a partial result.
 */
int		 mustache_render(const struct mustache *t, json_t *ctx,
		    mustache_lookup_fn lookup, void *arg, struct diag *d,
		    struct buf *out);

/*
 * What mustache_render_cached() keeps from one render to the next: the
 * output of sections.  A cache serves one thread at a time.
 */
struct mustache_cache;

/* A new, empty cache; free it with mustache_cache_free(). */
struct mustache_cache *mustache_cache_new(void);

/* Drop the cache's references and output; NULL does nothing. */
void		 mustache_cache_free(struct mustache_cache *c);

/*
 * mustache_render(), writing a section again from "cache" (NULL: none)
 * when the same section was last written for the same value (the same
 * json_t), if what it wrote then depended on that value alone: every
 * name in it was found inside it, and it holds no partial, parent or
 * block and is not indented.  The cache takes a reference to each
 * value it keeps, so no other value can take its address; the caller
 * must not change a value it renders while the cache lives (views are
 * made, rendered and dropped).  Same bytes as mustache_render().
 */
int		 mustache_render_cached(const struct mustache *t, json_t *ctx,
		    mustache_lookup_fn lookup, void *arg, struct diag *d,
		    struct buf *out, struct mustache_cache *cache);

/*
 * Call "fn" for every partial ({{>name}}, is_parent 0) and parent
 * ({{<name}}, is_parent 1) that "t" names, in source order, with the
 * 1-based line and column of the tag, so that a caller can load them
 * all before rendering and report unknown ones.  "name" lives until
 * mustache_free().
 */
void		 mustache_foreach_ref(const struct mustache *t,
		    void (*fn)(void *arg, const char *name, int is_parent,
		    unsigned line, unsigned col), void *arg);

/*
 * 1 if a variable or section tag of "t", or of a partial or parent it
 * names (found with "lookup", as in mustache_render()), has "name" as
 * one of the parts of its dotted name: a view can leave out what no
 * template of a page can read.
 */
int		 mustache_mentions(const struct mustache *t, const char *name,
		    mustache_lookup_fn lookup, void *arg);

/*
 * mustache_mentions() for the "nwant" (at most 64) names of "want" at
 * once: bit i of the result is set when want[i] is mentioned.  Each
 * template reachable from "t" is walked once.
 *
 *	mustache_mentions_mask(t, (const char *[]){ "a", "b" }, 2, ...)
 *	// 2 for "{{#x}}{{b}}{{/x}}": only "b"
 */
uint64_t	 mustache_mentions_mask(const struct mustache *t,
		    const char *const *want, size_t nwant,
		    mustache_lookup_fn lookup, void *arg);

/* The file name given to mustache_parse(); lives until mustache_free(). */
const char	*mustache_file(const struct mustache *t);

#endif
