/*
 * Metadata: YAML to jansson, with the source location of every value.
 * site.c, page.c and dataset.c hand meta_parse() the text of site.yml,
 * a page's front matter or a dataset description; it walks libyaml's
 * events (or, for the simplest front matter, the same events made by
 * simple() below without libyaml), builds the json_t tree on a stack of
 * open containers, and records for each (container, key) and
 * (container, index) where the value and the key were written, in an
 * open-addressing hash table.
 * Checks downstream (schema.c, the meta_* getters below) look the
 * location up when a value is wrong:
 *
 *	m = meta_parse(d, "site.yml", 1, src, len);
 *	if (m == NULL)
 *		return 0;		// already reported
 *	if (!meta_string(m, d, meta_root(m), "title", &title))
 *		...			// "site.yml:3:8: error: key 'title'
 *					//  must be a string, not a list"
 *	meta_free(m);
 */
#include "meta.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

/*
 * One location record: a value of container "c" at "key" (an offset
 * in the meta's "keys", plus one) or, when "key" is 0, at "idx".
 */
struct slot {
	const json_t	*c;		/* NULL for a free slot */
	uint32_t	 key;
	uint32_t	 idx;		/* (a document of 2^32 values would
					   not fit in memory) */
	struct loc	 at;		/* where the value starts */
	struct loc	 key_at;	/* where the key is written */
};

/*
 * A document's table is a hash table while it is parsed.  Then, when it
 * holds at most PACK_MAX records (front matter, mostly), it is packed:
 * the records alone, searched from the start.  A site of many pages
 * keeps one per page, so it keeps each small.
 */
#define PACK_MAX	32

struct meta {
	json_t		*root;
	char		*file;
	struct loc	 root_at;
	struct slot	*slots;
	size_t		 nslots;	/* 0 (packed) or a power of 2 */
	size_t		 used;
	char		*keys;		/* the keys of the records, each
					   ending in NUL */
	size_t		 keyslen, keyscap;
};

/* A container being filled while its events arrive. */
struct frame {
	json_t		*node;
	struct loc	 at;
	char		*anchor;	/* registered when the node ends */
	size_t		 nanchors;	/* anchors defined before it began */
	int		 have_key;	/* a mapping holds the next key */
	char		*key;		/* NULL after a bad key: drop value */
	struct loc	 key_at;
};

struct anchor {
	char		*name;
	json_t		*v;		/* one reference */
	char		*text;		/* a scalar's text, for alias keys */
	size_t		 len;
	size_t		 count;		/* values in "v" */
	size_t		 height;	/* containers nested in "v" */
};

/* The state of one meta_parse(). */
struct parse {
	struct meta	*m;
	struct diag	*d;
	unsigned	 line0;
	const char	*src;
	size_t		 len;
	yaml_parser_t	 yaml;
	struct frame	*stack;		/* "cap" frames, at most */
	size_t		 depth, cap;	/* META_DEPTH_MAX */
	struct frame	 first[8];	/* the stack until it is deeper */
	struct anchor	*anchors;
	size_t		 nanchors, anchors_cap;
	size_t		 copied;	/* values copied by aliases */
	size_t		 docs;
	int		 failed;	/* an error was reported */
	int		 stop;		/* and parsing cannot go on */
};

/* Location table. */

static uint64_t
hash(const json_t *c, const char *key, size_t idx)
{
	const unsigned char	*k;
	uint64_t		 h;

	h = (uint64_t)(uintptr_t)c * 0x9E3779B97F4A7C15ULL;
	if (key == NULL)
		h ^= (uint64_t)idx * 0xC2B2AE3D27D4EB4FULL;
	else
		for (k = (const unsigned char *)key; *k != '\0'; k++)
			h = (h ^ *k) * 0x100000001B3ULL;
	h ^= h >> 33;			/* murmur3's finaliser */
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	return h;
}

/* 1 if slot "s" records (c, key, idx). */
static int
same(const struct meta *m, const struct slot *s, const json_t *c,
    const char *key, size_t idx)
{
	if (s->c != c || (s->key == 0) != (key == NULL))
		return 0;
	return key == NULL ? s->idx == (uint32_t)idx :
	    strcmp(m->keys + s->key - 1, key) == 0;
}

/* The slot holding (c, key, idx), or the free slot where it would go. */
static struct slot *
probe(const struct meta *m, const json_t *c, const char *key, size_t idx)
{
	size_t		 mask = m->nslots - 1, i;
	struct slot	*s;

	for (i = hash(c, key, idx) & mask;; i = (i + 1) & mask) {
		s = &m->slots[i];
		if (s->c == NULL || same(m, s, c, key, idx))
			return s;
	}
}

static const struct slot *
lookup(const struct meta *m, const json_t *c, const char *key, size_t idx)
{
	const struct slot	*s;
	size_t			 i;

	if (m->nslots == 0) {	/* packed */
		for (i = 0; i < m->used; i++)
			if (same(m, &m->slots[i], c, key, idx))
				return &m->slots[i];
		return NULL;
	}
	s = probe(m, c, key, idx);
	return s->c != NULL ? s : NULL;
}

/* Keep "key" in the table's keys; its offset plus one. */
static uint32_t
addkey(struct meta *m, const char *key)
{
	size_t	 n = strlen(key) + 1, at = m->keyslen;

	if (m->keyscap - m->keyslen < n) {
		m->keyscap = m->keyscap * 2 > at + n ? m->keyscap * 2 : at + n;
		m->keys = xrealloc(m->keys, m->keyscap);
	}
	memcpy(m->keys + at, key, n);
	m->keyslen += n;
	return (uint32_t)(at + 1);
}

/* The table, parsed: packed when it is small, its keys at their size. */
static void
pack(struct meta *m)
{
	struct slot	*v;
	size_t		 i, n = 0;

	if (m->keyslen < m->keyscap) {
		m->keys = xrealloc(m->keys, m->keyslen ? m->keyslen : 1);
		m->keyscap = m->keyslen ? m->keyslen : 1;
	}
	if (m->nslots == 0 || m->used > PACK_MAX)
		return;
	v = xreallocarray(NULL, m->used, sizeof(*v));
	for (i = 0; i < m->nslots; i++)
		if (m->slots[i].c != NULL)
			v[n++] = m->slots[i];
	free(m->slots);
	m->slots = v;
	m->nslots = 0;
}

static void
grow(struct meta *m)
{
	struct slot	*old = m->slots, *s;
	size_t		 n = m->nslots, i;

	m->nslots = n ? n * 2 : 16;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (i = 0; i < n; i++)
		if (old[i].c != NULL) {
			s = probe(m, old[i].c, old[i].key ? m->keys +
			    old[i].key - 1 : NULL, old[i].idx);
			*s = old[i];
		}
	free(old);
}

/* Record where the value (and key) of (c, key, idx) are written. */
static void
set_loc(struct meta *m, const json_t *c, const char *key, size_t idx,
    const struct loc *at, const struct loc *key_at)
{
	struct slot	*s;

	if (idx > UINT32_MAX)	/* no place kept: errors go without */
		return;
	if ((m->used + 1) * 4 > m->nslots * 3)
		grow(m);
	s = probe(m, c, key, idx);
	if (s->c == NULL) {
		s->c = c;
		s->key = key ? addkey(m, key) : 0;
		s->idx = (uint32_t)idx;
		m->used++;
	}
	s->at = *at;
	s->key_at = *key_at;
}

/* Give (to, key, idx) the locations of (from, key, idx), if any. */
static void
copy_loc(struct meta *m, const json_t *from, const json_t *to,
    const char *key, size_t idx)
{
	const struct slot	*s = lookup(m, from, key, idx);
	struct loc		 at, key_at;

	if (s == NULL)
		return;
	at = s->at;
	key_at = s->key_at;
	set_loc(m, to, key, idx, &at, &key_at);
}

/* A deep copy of "v" whose containers get the locations of the original. */
static json_t *
copy(struct meta *m, json_t *v)
{
	json_t		*n, *c;
	const char	*k;
	size_t		 i;

	if (json_is_object(v)) {
		n = json_object();
		json_object_foreach(v, k, c) {
			json_object_set_new(n, k, copy(m, c));
			copy_loc(m, v, n, k, 0);
		}
		return n;
	}
	if (json_is_array(v)) {
		n = json_array();
		json_array_foreach(v, i, c) {
			json_array_append_new(n, copy(m, c));
			copy_loc(m, v, n, NULL, i);
		}
		return n;
	}
	return json_deep_copy(v);
}

/*
 * The number of values in "v", itself included; "*height" gets the
 * number of nested containers it holds (0 for a scalar, 1 for [1]).
 */
static size_t
measure(json_t *v, size_t *height)
{
	json_t		*c;
	const char	*k;
	size_t		 n = 1, i, h, max = 0;

	if (!json_is_object(v) && !json_is_array(v)) {
		*height = 0;
		return 1;
	}
	if (json_is_object(v))
		json_object_foreach(v, k, c) {
			n += measure(c, &h);
			max = h > max ? h : max;
		}
	else
		json_array_foreach(v, i, c) {
			n += measure(c, &h);
			max = h > max ? h : max;
		}
	*height = max + 1;
	return n;
}

/* Scalars: the YAML 1.2 core schema. */

static int
is_word(const char *s, size_t len, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == len && memcmp(s, *words, len) == 0)
			return 1;
	return 0;
}

static int
all_digits(const char *s, size_t len, const char *digits)
{
	size_t	 i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\0' || strchr(digits, s[i]) == NULL)
			return 0;
	return 1;
}

/*
 * 1 if "s" is written as a core-schema integer: [-+]?[0-9]+, 0o[0-7]+
 * or 0x[0-9a-fA-F]+.  "*v" then gets the integer, or NULL when it is
 * out of range (and stays a string).
 */
static int
core_int(const char *s, size_t len, json_t **v)
{
	char			 tmp[32];
	unsigned long long	 u;
	long long		 n;
	int			 base = 10;

	if (len > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		base = s[1] == 'o' ? 8 : 16;
		if (!all_digits(s + 2, len - 2,
		    base == 8 ? "01234567" : "0123456789abcdefABCDEF"))
			return 0;
	} else if (!all_digits(s + (*s == '-' || *s == '+'),
	    len - (*s == '-' || *s == '+'), "0123456789"))
		return 0;
	*v = NULL;
	if (len >= sizeof(tmp))
		return 1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	errno = 0;
	if (base == 10) {
		n = strtoll(tmp, NULL, 10);
		if (errno == 0)
			*v = json_integer(n);
	} else {
		u = strtoull(tmp + 2, NULL, base);
		if (errno == 0 && u <= (unsigned long long)LLONG_MAX)
			*v = json_integer((long long)u);
	}
	return 1;
}

/* 1 if "s" matches [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static int
is_float(const char *s, size_t len)
{
	size_t	 i = 0, digits = 0, e;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (digits == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		for (e = i; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			continue;
		if (i == e)
			return 0;
	}
	return i == len;
}

/*
 * The value of the plain scalar "s": null, a boolean, an integer or a
 * real when the core schema says so, else a string.  Infinities, NaN
 * and out-of-range numbers stay strings, as JSON cannot hold them.
 */
static json_t *
core(const char *s, size_t len)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL",
	    NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE",
	    NULL };
	json_t	*v = NULL;
	char	*tmp;
	double	 x;

	if (len > 0 && strchr("~nNtTfF0123456789+-.", *s) == NULL)
		return json_stringn_nocheck(s, len);	/* text, at a glance */
	if (is_word(s, len, nulls))
		return json_null();
	if (is_word(s, len, trues))
		return json_true();
	if (is_word(s, len, falses))
		return json_false();
	if (core_int(s, len, &v))
		return v ? v : json_stringn_nocheck(s, len);
	if (!is_float(s, len))
		return json_stringn_nocheck(s, len);
	tmp = xstrndup(s, len);
	x = strtod(tmp, NULL);
	free(tmp);
	if (isfinite(x))
		v = json_real(x);
	return v ? v : json_stringn_nocheck(s, len);
}

/* The value of a scalar event whose NFC text is "s". */
static json_t *
scalar(const yaml_event_t *ev, const char *s, size_t len)
{
	const char	*tag = (const char *)ev->data.scalar.tag;
	static const char core_tag[] = "tag:yaml.org,2002:";

	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && tag == NULL)
		return core(s, len);
	if (tag != NULL && strncmp(tag, core_tag, sizeof(core_tag) - 1) == 0 &&
	    strcmp(tag + sizeof(core_tag) - 1, "str") != 0)
		return core(s, len);	/* !!int 3, !!null "" and so on */
	return json_stringn_nocheck(s, len);
}

/* Building the tree. */

static struct loc
mark(const struct parse *p, yaml_mark_t mk)
{
	struct loc	 l;

	l.file = p->m->file;
	l.line = p->line0 + (unsigned)mk.line;
	l.col = (unsigned)mk.column + 1;
	return l;
}

static void
error(struct parse *p, const struct loc *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
error(struct parse *p, const struct loc *at, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	diag_vadd(p->d, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
	p->failed = 1;
}

/*
 * Take the key of the next value of mapping frame "f": "text" is the
 * key's text, or NULL when it was a sequence or a mapping.  After a bad
 * key the value is dropped.
 */
static void
take_key(struct parse *p, struct frame *f, const struct loc *at,
    const char *text, size_t len)
{
	f->have_key = 1;
	f->key = NULL;
	f->key_at = *at;
	if (text == NULL)
		error(p, at, "mapping key must be a scalar, not a list or "
		    "mapping");
	else if (memchr(text, '\0', len) != NULL)
		error(p, at, "mapping key must not contain a NUL character");
	else if (json_object_get(f->node, text) != NULL)
		error(p, at, "duplicate key '%s'", text);
	else
		f->key = xstrndup(text, len);
}

/*
 * Add the value "v" (taking ownership), which starts at "at", to the
 * open container, or make it the root.  "text" is its scalar text, for
 * when it is a mapping key.
 */
static void
add(struct parse *p, json_t *v, const struct loc *at, const char *text,
    size_t len)
{
	struct frame	*f;

	if (p->depth == 0) {
		json_decref(p->m->root);
		p->m->root = v;
		p->m->root_at = *at;
		return;
	}
	f = &p->stack[p->depth - 1];
	if (json_is_array(f->node)) {
		set_loc(p->m, f->node, NULL, json_array_size(f->node), at, at);
		json_array_append_new(f->node, v);
		return;
	}
	if (!f->have_key) {
		take_key(p, f, at, text, len);
		json_decref(v);
		return;
	}
	if (f->key != NULL) {
		set_loc(p->m, f->node, f->key, 0, at, &f->key_at);
		json_object_set_new(f->node, f->key, v);
	} else
		json_decref(v);
	free(f->key);
	f->key = NULL;
	f->have_key = 0;
}

/*
 * Stand in for a value that could not be made (after an error), so
 * that keys and values stay paired.
 */
static void
add_nothing(struct parse *p, const struct loc *at)
{
	struct frame	*f = p->depth ? &p->stack[p->depth - 1] : NULL;

	if (f != NULL && json_is_object(f->node) && !f->have_key) {
		f->have_key = 1;
		f->key = NULL;
		f->key_at = *at;
		return;
	}
	add(p, json_null(), at, "", 0);
}

/* Anchors and aliases. */

/* The latest anchor called "name", or NULL; "*i" gets its index. */
static struct anchor *
anchor_find(struct parse *p, const char *name, size_t *i)
{
	for (*i = p->nanchors; *i > 0; (*i)--)
		if (strcmp(p->anchors[*i - 1].name, name) == 0)
			return &p->anchors[--*i];
	return NULL;
}

/* Remember "v" (not taking ownership) as anchor "name". */
static void
anchor_set(struct parse *p, const char *name, json_t *v, const char *text,
    size_t len)
{
	struct anchor	*a;

	p->anchors = xgrow(p->anchors, p->nanchors, &p->anchors_cap, 8,
	    sizeof(*p->anchors));
	a = &p->anchors[p->nanchors++];
	a->name = xstrdup(name);
	a->v = json_incref(v);
	a->text = text != NULL ? xstrndup(text, len) : NULL;
	a->len = len;
	a->count = measure(v, &a->height);
}

/*
 * 1 if an alias to "name" would refer to a node still open around it:
 * the innermost open node anchored "name" was anchored after any
 * complete node of that name ("a" at index "i").
 */
static int
in_open_node(const struct parse *p, const char *name,
    const struct anchor *a, size_t i)
{
	size_t	 k;

	for (k = p->depth; k > 0; k--) {
		if (p->stack[k - 1].anchor == NULL ||
		    strcmp(p->stack[k - 1].anchor, name) != 0)
			continue;
		return a == NULL || i < p->stack[k - 1].nanchors;
	}
	return 0;
}

static void
on_alias(struct parse *p, const yaml_event_t *ev)
{
	const char	*name = (const char *)ev->data.alias.anchor;
	struct loc	 at = mark(p, ev->start_mark);
	struct anchor	*a;
	size_t		 i = 0;

	a = anchor_find(p, name, &i);
	if (in_open_node(p, name, a, i)) {
		error(p, &at, "alias '*%s' refers to a node that contains it",
		    name);
		add_nothing(p, &at);
	} else if (a == NULL) {
		error(p, &at, "unknown alias '*%s'", name);
		add_nothing(p, &at);
	} else if (a->count > META_ALIAS_MAX - p->copied) {
		error(p, &at, "aliases copy more than %d values",
		    META_ALIAS_MAX);
		p->stop = 1;
	} else if (p->depth + a->height > META_DEPTH_MAX) {
		error(p, &at, "nesting deeper than %d levels", META_DEPTH_MAX);
		p->stop = 1;
	} else {
		p->copied += a->count;
		add(p, copy(p->m, a->v), &at, a->text, a->len);
	}
}

/* Events. */

static void
on_scalar(struct parse *p, const yaml_event_t *ev)
{
	struct loc	 at = mark(p, ev->start_mark);
	const char	*anchor = (const char *)ev->data.scalar.anchor;
	struct frame	*f;
	char		*text;
	size_t		 len;
	json_t		*v;

	text = text_nfc((const char *)ev->data.scalar.value,
	    ev->data.scalar.length, &len);
	if (text == NULL) {	/* libyaml lets no bad UTF-8 through */
		error(p, &at, "invalid UTF-8 in a scalar");
		add_nothing(p, &at);
		return;
	}
	f = p->depth ? &p->stack[p->depth - 1] : NULL;
	if (anchor == NULL && f != NULL && json_is_object(f->node) &&
	    !f->have_key) {	/* a key: only its text is kept */
		take_key(p, f, &at, text, len);
		free(text);
		return;
	}
	v = scalar(ev, text, len);
	assert(v != NULL);
	if (anchor != NULL)
		anchor_set(p, anchor, v, text, len);
	add(p, v, &at, text, len);
	free(text);
}

static void
on_start(struct parse *p, const yaml_event_t *ev, int is_map)
{
	struct loc	 at = mark(p, ev->start_mark);
	const char	*anchor;
	struct frame	*f;

	anchor = (const char *)(is_map ? ev->data.mapping_start.anchor :
	    ev->data.sequence_start.anchor);
	if (p->depth == META_DEPTH_MAX) {
		error(p, &at, "nesting deeper than %d levels", META_DEPTH_MAX);
		p->stop = 1;
		return;
	}
	if (p->depth == p->cap) {
		p->cap = p->cap * 4 < META_DEPTH_MAX ? p->cap * 4 :
		    META_DEPTH_MAX;
		if (p->stack == p->first) {
			p->stack = xreallocarray(NULL, p->cap, sizeof(*f));
			memcpy(p->stack, p->first, sizeof(p->first));
		} else
			p->stack = xreallocarray(p->stack, p->cap, sizeof(*f));
	}
	f = &p->stack[p->depth++];
	memset(f, 0, sizeof(*f));
	f->node = is_map ? json_object() : json_array();
	f->at = at;
	f->anchor = anchor != NULL ? xstrdup(anchor) : NULL;
	f->nanchors = p->nanchors;
}

static void
on_end(struct parse *p)
{
	struct frame	 f;

	assert(p->depth > 0);
	f = p->stack[--p->depth];
	if (f.anchor != NULL)
		anchor_set(p, f.anchor, f.node, NULL, 0);
	free(f.anchor);
	free(f.key);
	add(p, f.node, &f.at, NULL, 0);
}

static void
on_event(struct parse *p, const yaml_event_t *ev)
{
	struct loc	 at;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++p->docs == 1)
			break;
		at = mark(p, ev->start_mark);
		error(p, &at, "more than one document");
		p->stop = 1;
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(p, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_start(p, ev, 0);
		break;
	case YAML_MAPPING_START_EVENT:
		on_start(p, ev, 1);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(p);
		break;
	case YAML_ALIAS_EVENT:
		on_alias(p, ev);
		break;
	default:
		break;
	}
}

/* Errors from libyaml. */

/* The byte at 0-based "line" and character "col" of the source, or -1. */
static int
char_at(const struct parse *p, size_t line, size_t col)
{
	size_t	 i = 0;

	for (; line > 0 && i < p->len; i++)
		if (p->src[i] == '\n')
			line--;
	for (; col > 0 && i < p->len && p->src[i] != '\n'; col--)
		for (i++; i < p->len && (p->src[i] & 0xC0) == 0x80; i++)
			continue;
	return i < p->len ? (unsigned char)p->src[i] : -1;
}

/* The location of byte "off" of the source. */
static struct loc
offset_loc(const struct parse *p, size_t off)
{
	struct loc	 l;

	l.file = p->m->file;
	text_position(p->src, off, &l.line, &l.col);
	l.line += p->line0 - 1;
	return l;
}

/*
 * Skip a byte order mark (editors show it in no column) and report
 * invalid UTF-8.  Returns 1 if the source can be parsed.
 */
static int
check_input(struct parse *p)
{
	struct loc	 at;
	size_t		 bad;

	if (p->len >= 3 && memcmp(p->src, "\xEF\xBB\xBF", 3) == 0) {
		p->src += 3;
		p->len -= 3;
	}
	if (text_utf8_valid(p->src, p->len, &bad))
		return 1;
	at = offset_loc(p, bad);
	error(p, &at, "invalid UTF-8 byte 0x%02X", (unsigned char)p->src[bad]);
	return 0;
}

/* Report a reader error: a character YAML does not allow. */
static void
reader_error(struct parse *p)
{
	yaml_parser_t	*y = &p->yaml;
	struct loc	 at = offset_loc(p, y->problem_offset);

	if (y->problem_value >= 0)
		error(p, &at, "%s (U+%04X)", y->problem,
		    (unsigned)y->problem_value);
	else
		error(p, &at, "%s", y->problem);
}

/*
 * The mistakes people make in front matter and metadata, said in plain
 * words where the mistake is (the opening quote, not where libyaml gave
 * up), with an example of the fix and libyaml's own words after it.
 */
static const struct {
	const char	*problem;	/* libyaml's, a prefix */
	const char	*context;	/* NULL: any */
	int		 at_context;	/* report at the context's mark */
	const char	*words;
} plainwords[] = {
	{ "found unexpected end of stream", "while scanning a quoted scalar",
	  1, N_("this quote is never closed: end the text with the same quote, "
	  "as in title: \"Kế hoạch năm 2024\"") },
	{ "found unexpected end of stream", NULL, 1, N_("this text is never "
	  "closed: end it with the same quote or bracket it starts with") },
	{ "did not find expected ',' or ']'", NULL, 1, N_("this list is not "
	  "closed with ']', or an item holds a ',' or ': ' without quotes: "
	  "write [a, b], and quote an item with a comma, as in [\"a, b\"]") },
	{ "did not find expected ',' or '}'", NULL, 1, N_("this mapping is not "
	  "closed with '}', or a value holds a ',' without quotes: write "
	  "{ name: a, url: b }") },
	{ "could not find expected ':'", NULL, 1, N_("this line has no ':' "
	  "after its key: write key: value, or indent the line to continue "
	  "the value above it") },
	{ "mapping values are not allowed", NULL, 0, N_("a ': ' inside a value "
	  "(or a line indented too far): put the value in quotes, as in "
	  "title: \"Mục tiêu: chuyển đổi số\"") },
	{ "did not find expected key", NULL, 0, N_("this line is not indented "
	  "like the keys around it: start every key of one mapping at the "
	  "same column, with spaces") },
	{ "did not find expected '-' indicator", NULL, 0, N_("this line is not "
	  "indented like the list around it: start every item of one list "
	  "with '- ' at the same column") },
	{ "found character that cannot start any token", NULL, 0, N_("a value "
	  "cannot start with this character ('@', '`' or '%'): put the value "
	  "in quotes") },
};

/* Report the mistake in plain words when it is a known one; 1 if so. */
static int
plain(struct parse *p, const char *problem, const char *context,
    const struct loc *at, const struct loc *ctx)
{
	size_t	 i;

	for (i = 0; i < sizeof(plainwords) / sizeof(plainwords[0]); i++) {
		if (strncmp(problem, plainwords[i].problem,
		    strlen(plainwords[i].problem)) != 0)
			continue;
		if (plainwords[i].context && (context == NULL ||
		    strcmp(context, plainwords[i].context) != 0))
			continue;
		error(p, plainwords[i].at_context && ctx->line ? ctx : at,
		    "%s (YAML: %s%s%s)", _(plainwords[i].words), problem,
		    context ? " " : "", context ? context : "");
		return 1;
	}
	return 0;
}

static void
syntax_error(struct parse *p)
{
	yaml_parser_t	*y = &p->yaml;
	const char	*problem = y->problem ? y->problem : _("invalid YAML");
	struct loc	 at, ctx;

	p->stop = 1;
	if (y->error == YAML_MEMORY_ERROR)
		abort();
	if (y->error == YAML_READER_ERROR) {
		reader_error(p);
		return;
	}
	at = mark(p, y->problem_mark);
	ctx = mark(p, y->context_mark);
	if (char_at(p, y->problem_mark.line, y->problem_mark.column) == '\t')
		error(p, &at, "tab character in indentation; indent with "
		    "spaces");
	else if (plain(p, problem, y->context, &at, &ctx))
		;	/* said in plain words */
	else if (y->context == NULL)
		error(p, &at, "%s", problem);
	else if (ctx.line == at.line && ctx.col == at.col)
		error(p, &at, "%s %s", problem, y->context);
	else
		error(p, &at, "%s %s started at line %u, column %u", problem,
		    y->context, ctx.line, ctx.col);
}

/* Parsing. */

static void
run(struct parse *p)
{
	yaml_event_t	 ev;
	int		 end = 0;

	if (!yaml_parser_initialize(&p->yaml))
		abort();
	yaml_parser_set_input_string(&p->yaml,
	    (const unsigned char *)p->src, p->len);
	yaml_parser_set_encoding(&p->yaml, YAML_UTF8_ENCODING);
	while (!end && !p->stop) {
		if (!yaml_parser_parse(&p->yaml, &ev)) {
			syntax_error(p);
			yaml_event_delete(&ev);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		on_event(p, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p->yaml);
}

/*
 * The simplest front matter, read without libyaml.  Most pages write
 * only "key: value" lines, each value plain text, text in double or
 * single quotes, or a one-line list of those in brackets.  Setting up
 * libyaml's parser and scanning such a text costs more than the rest of
 * reading the page, so simple() turns it into the events libyaml would
 * give, with the same marks, and hands them to on_event() as libyaml's
 * are.  For anything else (comments, indentation, escapes, an empty
 * value, a tab, a character YAML gives a meaning to) it does nothing and
 * returns 0, and run() reads the text.  test_meta and fuzz_meta hold the
 * two readings equal.
 */
#define SIMPLE_EVENTS	64	/* more: libyaml reads the text */
#define SIMPLE_KEY_MAX	128	/* (libyaml allows 1024) */

struct simple {
	yaml_event_t	 ev[SIMPLE_EVENTS];
	size_t		 n;
	const char	*line;		/* the line being read */
	size_t		 lineno;	/* 0-based, as libyaml's marks */
};

/* 1 if the code points of "s" up to "end" are all ones YAML reads as text. */
static int
simple_chars(const char *s, const char *end)
{
	const unsigned char	*u = (const unsigned char *)s;
	const unsigned char	*e = (const unsigned char *)end;
	uint32_t		 c;

	while (u < e) {
		if (*u < 0x80) {	/* no tab, CR or other control */
			if (*u < 0x20 || *u == 0x7F)
				return 0;
			u++;
			continue;
		}
		if (*u < 0xE0) {	/* valid UTF-8: check_input() */
			c = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
			u += 2;
		} else if (*u < 0xF0) {
			c = (uint32_t)(u[0] & 0x0F) << 12 |
			    (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
			u += 3;
		} else {
			u += 4;		/* beyond the BMP: all printable */
			continue;
		}
		/* C1 controls and NEL, the line and paragraph separators,
		 * the byte order mark, and the non-characters */
		if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
		    c >= 0xFFFE)
			return 0;
	}
	return 1;
}

/* libyaml's mark of "at" on the current line: columns count characters. */
static yaml_mark_t
simple_mark(const struct simple *sp, const char *at)
{
	yaml_mark_t	 mk;
	const char	*c;

	memset(&mk, 0, sizeof(mk));
	mk.line = sp->lineno;
	for (c = sp->line; c < at; c++)
		mk.column += ((unsigned char)*c & 0xC0) != 0x80;
	return mk;
}

/* Add an event of "type" at "at"; 0 when there are too many. */
static int
simple_event(struct simple *sp, yaml_event_type_t type, const char *at)
{
	yaml_event_t	*ev;

	if (sp->n == SIMPLE_EVENTS)
		return 0;
	ev = &sp->ev[sp->n++];
	memset(ev, 0, sizeof(*ev));
	ev->type = type;
	ev->start_mark = simple_mark(sp, at);
	ev->end_mark = ev->start_mark;
	return 1;
}

static int
simple_scalar(struct simple *sp, const char *at, const char *s, size_t len,
    yaml_scalar_style_t style)
{
	yaml_event_t	*ev;

	if (!simple_event(sp, YAML_SCALAR_EVENT, at))
		return 0;
	ev = &sp->ev[sp->n - 1];
	ev->data.scalar.value = (yaml_char_t *)(uintptr_t)s;
	ev->data.scalar.length = len;
	ev->data.scalar.plain_implicit = style == YAML_PLAIN_SCALAR_STYLE;
	ev->data.scalar.quoted_implicit = style != YAML_PLAIN_SCALAR_STYLE;
	ev->data.scalar.style = style;
	return 1;
}

/*
 * A quoted scalar at "s" (its quote) before "end", with no escape in it:
 * the byte after its closing quote, or NULL.
 */
static const char *
simple_quoted(struct simple *sp, const char *s, const char *end)
{
	const char	*q;

	q = memchr(s + 1, *s, (size_t)(end - s - 1));
	if (q == NULL || (*s == '"' && memchr(s + 1, '\\', (size_t)(q - s - 1))
	    != NULL) || (*s == '\'' && q + 1 < end && q[1] == '\''))
		return NULL;
	if (!simple_scalar(sp, s, s + 1, (size_t)(q - s - 1), *s == '"' ?
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE))
		return NULL;
	return q + 1;
}

/*
 * 1 if a plain scalar may start at "s", before "end": not at a space or
 * an indicator, but at a '-' before something else than a space ("-5").
 */
static int
simple_plain_start(const char *s, const char *end)
{
	if (*s == '-')
		return s + 1 < end && s[1] != ' ';
	return *s != ' ' && strchr("?:,[]{}#&*!|>'\"%@`", *s) == NULL;
}

/*
 * A plain scalar in a one-line list, at "s" before "end": the byte after
 * it (a ',' or ']'), or NULL.
 */
static const char *
simple_item(struct simple *sp, const char *s, const char *end)
{
	const char	*e = s, *t;

	if (!simple_plain_start(s, end))
		return NULL;
	while (e < end && *e != ',' && *e != ']') {
		if (strchr("[{}:#'\"", *e) != NULL)
			return NULL;
		e++;
	}
	for (t = e; t[-1] == ' '; t--)
		continue;
	return simple_scalar(sp, s, s, (size_t)(t - s),
	    YAML_PLAIN_SCALAR_STYLE) ? e : NULL;
}

/* A one-line list at "s" (its '['): the byte after its ']', or NULL. */
static const char *
simple_list(struct simple *sp, const char *s, const char *end)
{
	if (!simple_event(sp, YAML_SEQUENCE_START_EVENT, s))
		return NULL;
	for (s++; s < end && *s == ' '; s++)
		continue;
	while (s != NULL && s < end && *s != ']') {
		s = *s == '"' || *s == '\'' ? simple_quoted(sp, s, end) :
		    simple_item(sp, s, end);
		while (s != NULL && s < end && *s == ' ')
			s++;
		if (s == NULL || s == end)
			return NULL;
		if (*s == ',') {	/* and an item after it */
			for (s++; s < end && *s == ' '; s++)
				continue;
			if (s == end || *s == ']' || *s == ',')
				return NULL;
		} else if (*s != ']')
			return NULL;
	}
	if (s == NULL || s == end ||
	    !simple_event(sp, YAML_SEQUENCE_END_EVENT, s))
		return NULL;
	return s + 1;
}

/* The value at "s", up to "end" (the end of its line); 1 if simple. */
static int
simple_value(struct simple *sp, const char *s, const char *end)
{
	const char	*e;

	if (*s == '"' || *s == '\'')
		e = simple_quoted(sp, s, end);
	else if (*s == '[')
		e = simple_list(sp, s, end);
	else {			/* plain: no ": " or " #" in it */
		if (!simple_plain_start(s, end))
			return 0;
		for (e = s; e < end; e++)
			if ((*e == ':' && (e + 1 == end || e[1] == ' ')) ||
			    (*e == '#' && e[-1] == ' '))
				return 0;
		while (e[-1] == ' ')
			e--;
		return simple_scalar(sp, s, s, (size_t)(e - s),
		    YAML_PLAIN_SCALAR_STYLE);
	}
	while (e != NULL && e < end && *e == ' ')
		e++;
	return e == end;
}

/* The "key: value" line from "s" to "end"; 1 if simple. */
static int
simple_line(struct simple *sp, const char *s, const char *end)
{
	const char	*k = s, *v;

	while (k < end && ((*k >= 'a' && *k <= 'z') || (*k >= 'A' &&
	    *k <= 'Z') || (*k >= '0' && *k <= '9') || *k == '_' ||
	    (*k == '-' && k > s)))
		k++;
	if (k == s || k - s > SIMPLE_KEY_MAX || k == end || *k != ':' ||
	    k + 1 == end || k[1] != ' ')
		return 0;
	if (sp->n == 1 && !simple_event(sp, YAML_MAPPING_START_EVENT, s))
		return 0;
	if (!simple_scalar(sp, s, s, (size_t)(k - s), YAML_PLAIN_SCALAR_STYLE))
		return 0;
	for (v = k + 1; v < end && *v == ' '; v++)
		continue;
	return v < end && simple_value(sp, v, end);
}

static int
simple(struct parse *p)
{
	struct simple	 sp;
	const char	*s = p->src, *end = p->src + p->len, *eol, *c;
	size_t		 i;

	sp.n = 0;
	sp.line = s;
	sp.lineno = 0;
	if (!simple_event(&sp, YAML_DOCUMENT_START_EVENT, s))
		return 0;
	for (; s < end; s = eol + (eol < end), sp.lineno++) {
		if ((eol = memchr(s, '\n', (size_t)(end - s))) == NULL)
			eol = end;
		sp.line = s;
		for (c = s; c < eol && *c == ' '; c++)
			continue;
		if (c == eol)		/* a blank line */
			continue;
		if (c != s || !simple_chars(s, eol) ||
		    !simple_line(&sp, s, eol))
			return 0;
	}
	sp.line = s;		/* the ends, which no one reads, at the end */
	if (sp.n == 1 || !simple_event(&sp, YAML_MAPPING_END_EVENT, s) ||
	    !simple_event(&sp, YAML_DOCUMENT_END_EVENT, s))
		return 0;	/* no key at all: libyaml says what it is */
	for (i = 0; i < sp.n && !p->stop; i++)
		on_event(p, &sp.ev[i]);
	return 1;
}

/* Free what a parse stopped by an error left open, and the anchors. */
static void
release(struct parse *p)
{
	size_t	 i;

	for (i = 0; i < p->depth; i++) {
		json_decref(p->stack[i].node);
		free(p->stack[i].anchor);
		free(p->stack[i].key);
	}
	for (i = 0; i < p->nanchors; i++) {
		free(p->anchors[i].name);
		json_decref(p->anchors[i].v);
		free(p->anchors[i].text);
	}
	free(p->anchors);
	if (p->stack != p->first)
		free(p->stack);
}

struct meta *
meta_parse_with(enum meta_reader how, struct diag *d, const char *file,
    unsigned line0, const char *src, size_t len, int *simply)
{
	struct parse	 p;
	struct meta	*m = xcalloc(1, sizeof(*m));
	int		 taken = 0;

	memset(&p, 0, sizeof(p));
	p.m = m;
	p.d = d;
	p.line0 = line0 ? line0 : 1;
	p.src = src != NULL ? src : "";
	p.len = len;
	p.stack = p.first;
	p.cap = sizeof(p.first) / sizeof(p.first[0]);
	m->file = xstrdup(file);
	m->root_at.file = m->file;
	m->root_at.line = p.line0;
	m->root_at.col = 1;
	if (check_input(&p)) {
		if (how != META_READ_LIBYAML)
			taken = simple(&p);
		if (!taken && how != META_READ_SIMPLE)
			run(&p);
	}
	release(&p);
	if (simply != NULL)
		*simply = taken;
	if (p.failed || (how == META_READ_SIMPLE && !taken)) {
		meta_free(m);
		return NULL;
	}
	if (m->root == NULL || json_is_null(m->root)) {
		json_decref(m->root);
		m->root = json_object();
	}
	pack(m);
	return m;
}

struct meta *
meta_parse(struct diag *d, const char *file, unsigned line0,
    const char *src, size_t len)
{
	return meta_parse_with(META_READ_ANY, d, file, line0, src, len, NULL);
}

void
meta_free(struct meta *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->slots);
	json_decref(m->root);
	free(m->file);
	free(m);
}

json_t *
meta_root(const struct meta *m)
{
	return m->root;
}

const char *
meta_file(const struct meta *m)
{
	return m->file;
}

const struct loc *
meta_loc(const struct meta *m, const json_t *obj, const char *key)
{
	const struct slot	*s;

	if (json_object_get(obj, key) == NULL)
		return NULL;
	s = lookup(m, obj, key, 0);
	return s != NULL ? &s->at : NULL;
}

const struct loc *
meta_key_loc(const struct meta *m, const json_t *obj, const char *key)
{
	const struct slot	*s;

	if (json_object_get(obj, key) == NULL)
		return NULL;
	s = lookup(m, obj, key, 0);
	return s != NULL ? &s->key_at : NULL;
}

const struct loc *
meta_index_loc(const struct meta *m, const json_t *arr, size_t i)
{
	const struct slot	*s;

	if (!json_is_array(arr) || i >= json_array_size(arr))
		return NULL;
	s = lookup(m, arr, NULL, i);
	return s != NULL ? &s->at : NULL;
}

const struct loc *
meta_root_loc(const struct meta *m)
{
	return &m->root_at;
}

/* 1 if "a" and "b" are both NULL or the same place in the same file. */
static int
same_place(const struct loc *a, const struct loc *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->line == b->line && a->col == b->col &&
	    strcmp(a->file, b->file) == 0;
}

/* 1 if "va" of "a" and "vb" of "b" are equal and written at equal places. */
static int
same_tree(const struct meta *a, const json_t *va, const struct meta *b,
    const json_t *vb)
{
	const char	*k;
	json_t		*ca;
	size_t		 i;

	if (!json_equal((json_t *)va, (json_t *)vb))
		return 0;
	if (json_is_object(va))
		json_object_foreach((json_t *)va, k, ca)
			if (!same_place(meta_loc(a, va, k), meta_loc(b, vb, k)) ||
			    !same_place(meta_key_loc(a, va, k),
			    meta_key_loc(b, vb, k)) ||
			    !same_tree(a, ca, b, json_object_get(vb, k)))
				return 0;
	if (json_is_array(va))
		json_array_foreach((json_t *)va, i, ca)
			if (!same_place(meta_index_loc(a, va, i),
			    meta_index_loc(b, vb, i)) ||
			    !same_tree(a, ca, b, json_array_get(vb, i)))
				return 0;
	return 1;
}

int
meta_equal(const struct meta *a, const struct meta *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a->file, b->file) == 0 &&
	    same_place(&a->root_at, &b->root_at) &&
	    same_tree(a, a->root, b, b->root);
}

/* Typed getters. */

/* Append the real "x" as written, short: '1.5', '2000.0', '1e+300'. */
static void
real(struct buf *b, double x)
{
	size_t	 from;

	buf_putc(b, '\'');
	from = b->len;
	text_number(b, x);
	if (strpbrk(b->data + from, ".e") == NULL)
		buf_puts(b, ".0");
	buf_putc(b, '\'');
}

/* Append a description of "v" for a message: 'text', a list, empty. */
static void
describe(struct buf *b, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		buf_puts(b, _("a mapping"));
		break;
	case JSON_ARRAY:
		buf_puts(b, _("a list"));
		break;
	case JSON_STRING:
		text_quote(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		buf_printf(b, "'%" JSON_INTEGER_FORMAT "'",
		    json_integer_value(v));
		break;
	case JSON_REAL:
		real(b, json_real_value(v));
		break;
	case JSON_TRUE:
		buf_puts(b, "'true'");
		break;
	case JSON_FALSE:
		buf_puts(b, "'false'");
		break;
	case JSON_NULL:
		buf_puts(b, _("empty"));
		break;
	}
}

/* Report that "v", the value of "key" at "at", is not "what"; 0. */
static int
wrong(struct diag *d, const struct loc *at, const char *key,
    const char *what, const json_t *v)
{
	struct buf	 b = BUF_INIT;

	describe(&b, v);
	diag_error(d, at, "key '%s' must be %s, not %s", key, what, b.data);
	buf_release(&b);
	return 0;
}

int
meta_string(const struct meta *m, struct diag *d, const json_t *obj,
    const char *key, const char **out)
{
	json_t	*v = json_object_get(obj, key);

	if (v == NULL)
		return 1;
	if (!json_is_string(v))
		return wrong(d, meta_loc(m, obj, key), key, _("a string"), v);
	*out = json_string_value(v);
	return 1;
}

int
meta_bool(const struct meta *m, struct diag *d, const json_t *obj,
    const char *key, int *out)
{
	json_t	*v = json_object_get(obj, key);

	if (v == NULL)
		return 1;
	if (!json_is_boolean(v))
		return wrong(d, meta_loc(m, obj, key), key, _("true or false"),
		    v);
	*out = json_is_true(v);
	return 1;
}

int
meta_int(const struct meta *m, struct diag *d, const json_t *obj,
    const char *key, long long *out)
{
	json_t	*v = json_object_get(obj, key);

	if (v == NULL)
		return 1;
	if (!json_is_integer(v))
		return wrong(d, meta_loc(m, obj, key), key, _("an integer"), v);
	*out = json_integer_value(v);
	return 1;
}

int
meta_strings(const struct meta *m, struct diag *d, const json_t *obj,
    const char *key, json_t **out)
{
	json_t	*v = json_object_get(obj, key), *e;
	size_t	 i;
	int	 rc = 1;

	if (v == NULL)
		return 1;
	if (json_is_string(v)) {
		*out = json_pack("[O]", v);
		return 1;
	}
	if (!json_is_array(v))
		return wrong(d, meta_loc(m, obj, key), key,
		    _("a list of strings"), v);
	json_array_foreach(v, i, e)
		if (!json_is_string(e))
			rc = wrong(d, meta_index_loc(m, v, i), key,
			    _("a list of strings"), e);
	if (rc)
		*out = json_copy(v);
	return rc;
}

void
meta_warn_unknown(struct diag *d, const struct meta *m, const json_t *obj,
    const char *const *known, const char *what)
{
	struct buf		 b = BUF_INIT;
	const char		*key;
	const char *const	*k;
	json_t			*v;

	json_object_foreach((json_t *)obj, key, v) {
		for (k = known; *k != NULL && strcmp(*k, key) != 0; k++)
			continue;
		if (*k != NULL)
			continue;
		buf_reset(&b);
		suggest_hint(&b, key, known, 0);
		diag_warning(d, meta_key_loc(m, obj, key),
		    "unknown key '%s' in %s%s", key, what, b.data);
	}
	buf_release(&b);
}
