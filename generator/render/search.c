/*
 * The site search index, in the package stage (search.h describes the
 * files and the folding).  Pages come in through search_add(), which
 * copies what the results show and turns the rest into terms at once,
 * each with the list of pages it is on and where on them.  search_write()
 * then sorts the terms by key, splits them into files of at most
 * SEARCH_SHARD_MAX bytes, and writes them with the page table; the
 * search page's own lists come from search_view().
 */
#include "search.h"

#include <assert.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "text.h"
#include "render.h"
#include "xalloc.h"

/* Where on a page a term is, best last. */
#define F_TEXT		1
#define F_CODE		2
#define F_TITLE		3

/* The longest key: SEARCH_KEY_MAX characters of at most "_10ffff_". */
#define KEY_BYTES	(SEARCH_KEY_MAX * 8 + 1)

struct doc {
	enum search_kind kind;
	char		*path, *title, *code, *snippet;
	char		*section_path;
	size_t		 section;	/* index in "sections" */
};

struct term {
	char		*s;
	size_t		 len;
	char		 key[KEY_BYTES];	/* of its first letters */
	unsigned char	 kend[SEARCH_KEY_MAX + 1];	/* key(L) ends */
	size_t		 nchars;	/* in code points */
	uint32_t	*docs;
	unsigned char	*where;		/* F_* per page */
	size_t		 n, cap;
	size_t		 bytes;		/* in a term file, with ',' */
};

struct search {
	struct doc	*docs;
	size_t		 ndocs, capdocs;
	struct term	*terms;
	size_t		 nterms, capterms;
	json_t		*ix;		/* term -> index in terms */
	json_t		*sections;	/* titles, in order */
	json_t		*secix;		/* title -> index */
	unsigned char	 field;		/* of the text being added */
	size_t		 doc;		/* the page it is on */
	struct buf	 prev, pair;	/* a title's last word, a pair */
};

struct search *
search_new(void)
{
	struct search	*s = xcalloc(1, sizeof(*s));

	s->ix = json_object();
	s->sections = json_array();
	s->secix = json_object();
	buf_init(&s->prev);
	buf_init(&s->pair);
	return s;
}

void
search_free(struct search *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ndocs; i++) {
		free(s->docs[i].path);
		free(s->docs[i].title);
		free(s->docs[i].code);
		free(s->docs[i].snippet);
		free(s->docs[i].section_path);
	}
	for (i = 0; i < s->nterms; i++) {
		free(s->terms[i].s);
		free(s->terms[i].docs);
		free(s->terms[i].where);
	}
	free(s->docs);
	free(s->terms);
	json_decref(s->ix);
	json_decref(s->sections);
	json_decref(s->secix);
	buf_release(&s->prev);
	buf_release(&s->pair);
	free(s);
}

size_t
search_count(const struct search *s)
{
	return s->ndocs;
}

/* Folding and terms. */

static int
is_mark(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

static int
is_digit(utf8proc_int32_t c)
{
	utf8proc_category_t	 cat;

	if (c < 0x80)
		return c >= '0' && c <= '9';
	cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO;
}

/* A character of a word: a letter, a digit or a mark. */
static int
is_word(utf8proc_int32_t c)
{
	utf8proc_category_t	 cat;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_NO);
}

/* Đ đ, and Ð ð that stand in for them in some texts. */
static int
is_dstroke(utf8proc_int32_t c)
{
	return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0;
}

static void
putcp(struct buf *out, utf8proc_int32_t c)
{
	utf8proc_uint8_t	 u[4];
	utf8proc_ssize_t	 n = utf8proc_encode_char(c, u);

	buf_put(out, u, (size_t)n);
}

/*
 * text_fold_char() of the BMP, as it is found: 0 not yet known, else
 * the one code point a character folds to plus one, FOLD_NONE when it
 * folds to none (a mark), or FOLD_MANY when to several (asked again
 * each time).  Threads may fill it at once; they write the same values.
 */
static _Atomic uint32_t	 fold_bmp[0x10000];

#define FOLD_NONE	UINT32_C(0xFFFFFFFE)
#define FOLD_MANY	UINT32_C(0xFFFFFFFF)

/* fold_bmp[c], found now if not yet known. */
static uint32_t
foldbmp(utf8proc_int32_t c)
{
	int32_t		 f[TEXT_FOLD_MAX];
	uint32_t	 v;
	int		 n;

	v = atomic_load_explicit(&fold_bmp[c], memory_order_relaxed);
	if (v != 0)
		return v;
	n = text_fold_char(c, f);
	v = n <= 0 ? FOLD_NONE : n == 1 ? (uint32_t)f[0] + 1 : FOLD_MANY;
	atomic_store_explicit(&fold_bmp[c], v, memory_order_relaxed);
	return v;
}

/* Fold "c" into "out" as text_fold_char() does; Đ is "dd" in codes. */
static void
foldcp(struct buf *out, utf8proc_int32_t c, int code)
{
	int32_t		 f[TEXT_FOLD_MAX];
	uint32_t	 v = FOLD_MANY;
	int		 n, i;

	if (c < 0x80) {
		buf_putc(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		return;
	}
	if (is_dstroke(c)) {
		buf_puts(out, code ? "dd" : "d");
		return;
	}
	if (c < 0x10000 && (v = foldbmp(c)) == FOLD_NONE)
		return;
	if (v != FOLD_MANY) {
		putcp(out, (utf8proc_int32_t)(v - 1));
		return;
	}
	n = text_fold_char(c, f);
	for (i = 0; i < n; i++)
		putcp(out, f[i]);
}

/* The code point at "s" ("len" > 0 bytes) into *c; its length, 1 if bad. */
static size_t
next(const char *s, size_t len, utf8proc_int32_t *c)
{
	utf8proc_ssize_t	 n;

	if ((unsigned char)*s < 0x80) {
		*c = (unsigned char)*s;
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, c);
	if (n <= 0) {
		*c = -1;
		return 1;
	}
	return (size_t)n;
}

void
search_fold(struct buf *out, const char *s, size_t len, int code)
{
	utf8proc_int32_t	 c;
	size_t			 n;

	while (len > 0) {
		n = next(s, len, &c);
		if (c >= 0)
			foldcp(out, c, code);
		s += n;
		len -= n;
	}
}

static void
emit(struct buf *b, const char *s, size_t len, int code, search_term_fn fn,
    void *arg)
{
	buf_reset(b);
	search_fold(b, s, len, code);
	if (b->len > 0 && b->len <= SEARCH_TERM_MAX)
		fn(arg, b->data, b->len, code);
}

/*
 * The run of words joined by single dots that starts at "s": its length
 * in bytes; *code is set when it has a dot and a digit.
 */
static size_t
run(const char *s, size_t len, int *code)
{
	utf8proc_int32_t	 c;
	size_t			 i = 0, n, end = 0;
	int			 dots = 0, digit = 0;

	while (i < len) {
		n = next(s + i, len - i, &c);
		if (c >= 0 && is_word(c)) {
			digit |= is_digit(c);
			i += n;
			end = i;
			continue;
		}
		if (c != '.' || i != end || i + 1 >= len)
			break;
		next(s + i + 1, len - i - 1, &c);
		if (c < 0 || !is_word(c) || is_mark(c))
			break;
		dots++;
		i++;
	}
	*code = dots > 0 && digit;
	return end;
}

void
search_terms(const char *s, size_t len, search_term_fn fn, void *arg)
{
	struct buf		 b = BUF_INIT;
	utf8proc_int32_t	 c;
	size_t			 i = 0, n, r, from, j;
	int			 code;

	while (i < len) {
		n = next(s + i, len - i, &c);
		if (c < 0 || !is_word(c)) {
			i += n;
			continue;
		}
		r = run(s + i, len - i, &code);
		for (from = j = i; j <= i + r; j++)
			if (j == i + r || s[j] == '.') {
				emit(&b, s + from, j - from, 0, fn, arg);
				from = j + 1;
			}
		if (code)
			emit(&b, s + i, r, 1, fn, arg);
		i += r;
	}
	buf_release(&b);
}

/* Adding pages. */

static char *
dup(const char *s)
{
	return xstrdup(s ? s : "");
}

/* The key of the term "t" and where each of its lengths ends. */
static void
makekey(struct term *t)
{
	utf8proc_int32_t	 c;
	size_t			 i = 0, n, k = 0, l;

	t->kend[0] = 0;
	for (l = 1; l <= SEARCH_KEY_MAX; l++) {
		if (i < t->len) {
			n = next(t->s + i, t->len - i, &c);
			i += n;
			t->nchars = l;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				t->key[k++] = (char)c;
			else
				k += (size_t)snprintf(t->key + k,
				    KEY_BYTES - k, "_%x_", (unsigned)c);
		}
		t->kend[l] = (unsigned char)k;
	}
	t->key[k] = '\0';
	while (i < t->len) {
		i += next(t->s + i, t->len - i, &c);
		t->nchars++;
	}
}

static struct term *
term(struct search *s, const char *str, size_t len)
{
	json_t		*j;
	struct term	*t;

	if ((j = json_object_getn(s->ix, str, len)) != NULL)
		return &s->terms[json_integer_value(j)];
	s->terms = xgrow(s->terms, s->nterms, &s->capterms, 1024,
	    sizeof(*s->terms));
	t = &s->terms[s->nterms];
	memset(t, 0, sizeof(*t));
	t->s = xmalloc(len + 1);
	memcpy(t->s, str, len);
	t->s[len] = '\0';
	t->len = len;
	makekey(t);
	json_object_setn_new(s->ix, str, len, json_integer(
	    (json_int_t)s->nterms++));
	return t;
}

/* Note the term of "len" bytes on the page being added. */
static void
onterm(void *arg, const char *str, size_t len, int code)
{
	struct search	*s = arg;
	struct term	*t = term(s, str, len);
	uint32_t	 d = (uint32_t)s->doc;
	unsigned char	 f = s->field;

	(void)code;
	if (t->n > 0 && t->docs[t->n - 1] == d) {
		if (t->where[t->n - 1] < f)
			t->where[t->n - 1] = f;
		return;
	}
	if (t->n == t->cap) {	/* two arrays of the same room */
		t->docs = xgrow(t->docs, t->n, &t->cap, 4, sizeof(*t->docs));
		t->where = xreallocarray(t->where, t->cap, 1);
	}
	t->docs[t->n] = d;
	t->where[t->n++] = f;
}

static void
index_text(struct search *s, const char *text, unsigned char field)
{
	if (text == NULL)
		return;
	s->field = field;
	search_terms(text, strlen(text), onterm, s);
}

/* Note each pair of words in a row of the title: "cong an". */
static void
onpair(void *arg, const char *str, size_t len, int code)
{
	struct search	*s = arg;

	if (code)
		return;
	if (s->prev.len > 0) {
		buf_reset(&s->pair);
		buf_put(&s->pair, s->prev.data, s->prev.len);
		buf_putc(&s->pair, ' ');
		buf_put(&s->pair, str, len);
		onterm(s, s->pair.data, s->pair.len, 0);
	}
	buf_reset(&s->prev);
	buf_put(&s->prev, str, len);
}

/* The index of section title "title" in the table, added if new. */
static size_t
section(struct search *s, const char *title)
{
	json_t	*j = json_object_get(s->secix, title);

	if (j != NULL)
		return (size_t)json_integer_value(j);
	json_object_set_new(s->secix, title, json_integer(
	    (json_int_t)json_array_size(s->sections)));
	json_array_append_new(s->sections, json_string(title));
	return json_array_size(s->sections) - 1;
}

void
search_add(struct search *s, const struct search_doc *doc)
{
	struct doc	*d;

	s->docs = xgrow(s->docs, s->ndocs, &s->capdocs, 256, sizeof(*s->docs));
	d = &s->docs[s->ndocs++];
	d->kind = doc->kind;
	d->path = dup(doc->path);
	d->title = dup(doc->title);
	d->code = dup(doc->code);
	d->snippet = dup(doc->snippet);
	d->section_path = dup(doc->section_path);
	d->section = section(s, doc->section ? doc->section : "");
	s->doc = s->ndocs - 1;
	index_text(s, doc->text, F_TEXT);
	index_text(s, doc->snippet, F_TEXT);
	index_text(s, doc->heads, F_CODE);
	index_text(s, doc->codes, F_CODE);
	index_text(s, doc->code, F_CODE);
	index_text(s, doc->title, F_TITLE);
	buf_reset(&s->prev);
	search_terms(d->title, strlen(d->title), onpair, s);
}

void
search_add_words(struct search *part, size_t doc, const char *text,
    const char *snippet, const char *heads)
{
	part->doc = doc;
	index_text(part, text, F_TEXT);
	index_text(part, snippet, F_TEXT);
	index_text(part, heads, F_CODE);
}

void
search_set_snippet(struct search *s, size_t doc, const char *snippet)
{
	free(s->docs[doc].snippet);
	s->docs[doc].snippet = dup(snippet);
}

/*
 * Merge the pages of "from" into those of "t": both lists are in the
 * order of the pages (a term's pages come in that order in each index),
 * and a page in both keeps the better place, as onterm() keeps it.
 */
static void
mergeterm(struct term *t, const struct term *from)
{
	uint32_t	*docs;
	unsigned char	*where;
	size_t		 i = 0, j = 0, n = 0, cap = t->n + from->n;

	docs = xreallocarray(NULL, cap ? cap : 1, sizeof(*docs));
	where = xreallocarray(NULL, cap ? cap : 1, 1);
	while (i < t->n || j < from->n) {
		if (j == from->n || (i < t->n && t->docs[i] < from->docs[j])) {
			docs[n] = t->docs[i];
			where[n++] = t->where[i++];
		} else if (i == t->n || from->docs[j] < t->docs[i]) {
			docs[n] = from->docs[j];
			where[n++] = from->where[j++];
		} else {
			docs[n] = t->docs[i];
			where[n++] = t->where[i] > from->where[j] ?
			    t->where[i] : from->where[j];
			i++;
			j++;
		}
	}
	free(t->docs);
	free(t->where);
	t->docs = docs;
	t->where = where;
	t->n = n;
	t->cap = cap;
}

void
search_merge(struct search *s, struct search *part)
{
	struct term	*from;
	size_t		 i;

	for (i = 0; i < part->nterms; i++) {
		from = &part->terms[i];
		mergeterm(term(s, from->s, from->len), from);
		free(from->s);
		free(from->docs);
		free(from->where);
	}
	part->nterms = 0;
	json_object_clear(part->ix);
}

/* Writing the index. */

struct writer {
	const struct search *s;
	struct term	**v;		/* sorted by key, then term */
	size_t		  n;
	const char	 *dir;
	search_file_fn	  fn;
	void		 *arg;
	json_t		 *keys;
	int		  rc;
};

static int
cmpterm(const void *a, const void *b)
{
	const struct term	*x = *(const struct term *const *)a;
	const struct term	*y = *(const struct term *const *)b;
	int			 c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->s, y->s);
}

static int
dumpcb(const char *s, size_t len, void *data)
{
	buf_put(data, s, len);
	return 0;
}

/* Hand "fn" the file "name" of the index, "data" and a newline. */
static void
putbuf(struct writer *w, const char *name, struct buf *data)
{
	char	*path = xasprintf("%s%s", w->dir, name);

	buf_putc(data, '\n');
	if (!w->fn(w->arg, path, data))
		w->rc = 0;
	free(path);
}

/* The file "name" of the index: "v" (taken) as compact JSON. */
static void
put(struct writer *w, const char *name, json_t *v, size_t flags)
{
	struct buf	 data = BUF_INIT;

	json_dump_callback(v, dumpcb, &data, JSON_COMPACT | flags);
	putbuf(w, name, &data);
	buf_release(&data);
	json_decref(v);
}

/*
 * The term "t" as a JSON string.  A term holds letters, digits, marks,
 * dots and spaces (search_terms()): nothing that JSON escapes.
 */
static void
jsonterm(struct buf *b, const struct term *t)
{
	size_t	 i;

	for (i = 0; i < t->len; i++)
		assert((unsigned char)t->s[i] >= 0x20 && t->s[i] != '"' &&
		    t->s[i] != '\\');
	buf_putc(b, '"');
	buf_put(b, t->s, t->len);
	buf_putc(b, '"');
}

/* "x" in decimal. */
static void
decimal(struct buf *b, uint64_t x)
{
	char	 d[24];
	size_t	 n = sizeof(d);

	do
		d[--n] = (char)('0' + x % 10);
	while ((x /= 10) > 0);
	buf_put(b, d + n, sizeof(d) - n);
}

/* The bytes of "x" in decimal. */
static size_t
digits(uint64_t x)
{
	size_t	 n = 1;

	while (x >= 10) {
		x /= 10;
		n++;
	}
	return n;
}

static uint64_t
value(const struct term *t, size_t i)
{
	return (uint64_t)(t->docs[i] - (i ? t->docs[i - 1] : 0)) << 2 |
	    t->where[i];
}

/* The bytes of "t" in a term file: "t":[v,...], */
static void
measure(struct term *t)
{
	size_t	 i;

	t->bytes = t->len + 6;
	for (i = 0; i < t->n; i++)
		t->bytes += digits(value(t, i)) + 1;
}

/* "t":[v,...] of the term "t": its encoded pages. */
static void
postings(struct buf *b, const struct term *t)
{
	size_t	 i;

	jsonterm(b, t);
	buf_puts(b, ":[");
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		decimal(b, value(t, i));
	}
	buf_putc(b, ']');
}

/* Terms in the byte order of their text, as JSON_SORT_KEYS sorts keys. */
static int
cmptext(const void *a, const void *b)
{
	const struct term	*x = *(const struct term *const *)a;
	const struct term	*y = *(const struct term *const *)b;

	return strcmp(x->s, y->s);
}

/*
 * The term file of v[i..j), whose key is the first "L" characters: an
 * object of the terms, keys sorted, in compact JSON as put() writes it
 * (written here, since jansson would build a value for every page of
 * every term first).
 */
static void
shard(struct writer *w, size_t i, size_t j, size_t L)
{
	struct term	**v = xreallocarray(NULL, j - i, sizeof(*v));
	struct buf	  data = BUF_INIT;
	char		  name[32];
	size_t		  k;

	memcpy(v, w->v + i, (j - i) * sizeof(*v));
	qsort(v, j - i, sizeof(*v), cmptext);
	buf_putc(&data, '{');
	for (k = 0; k < j - i; k++) {
		if (k > 0)
			buf_putc(&data, ',');
		postings(&data, v[k]);
	}
	buf_putc(&data, '}');
	json_array_append_new(w->keys, json_stringn(w->v[j - 1]->key,
	    w->v[j - 1]->kend[L]));
	snprintf(name, sizeof(name), "t/%zu.json",
	    json_array_size(w->keys) - 1);
	putbuf(w, name, &data);
	buf_release(&data);
	free(v);
}

/* The end of the terms from v[i] (before "j") that share its L-key. */
static size_t
span(const struct writer *w, size_t i, size_t j, size_t L)
{
	size_t	 k = w->v[i]->kend[L], e;

	for (e = i + 1; e < j; e++)
		if (w->v[e]->kend[L] != k ||
		    memcmp(w->v[e]->key, w->v[i]->key, k) != 0)
			break;
	return e;
}

/*
 * The terms v[i..j), which share their first "L" characters: one file,
 * or, when that would be too big, the terms of "L" characters in one
 * and the rest by their next character.
 */
static void
split(struct writer *w, size_t i, size_t j, size_t L)
{
	size_t	 bytes = 2, k, e;

	for (k = i; k < j; k++)
		bytes += w->v[k]->bytes;
	if (bytes <= SEARCH_SHARD_MAX || L == SEARCH_KEY_MAX) {
		shard(w, i, j, L);
		return;
	}
	for (k = i; k < j && w->v[k]->nchars <= L; k++)
		continue;
	if (k > i)
		shard(w, i, k, L);
	for (; k < j; k = e) {
		e = span(w, k, j, L + 1);
		split(w, k, e, L + 1);
	}
}

static json_t *
docrow(const struct doc *d)
{
	return json_pack("[s, s, I, s, s]", d->path + (d->path[0] == '/'),
	    d->title, (json_int_t)d->section, d->code, d->snippet);
}

static void
docfiles(struct writer *w)
{
	const struct search	*s = w->s;
	json_t			*a;
	char			 name[32];
	size_t			 i;

	for (i = 0; i < s->ndocs; i += SEARCH_PER) {
		a = json_array();
		while (json_array_size(a) < SEARCH_PER &&
		    i + json_array_size(a) < s->ndocs)
			json_array_append_new(a, docrow(&s->docs[i +
			    json_array_size(a)]));
		snprintf(name, sizeof(name), "d/%zu.json", i / SEARCH_PER);
		put(w, name, a, 0);
	}
}

int
search_write(const struct search *s, const char *dir, search_file_fn fn,
    void *arg)
{
	struct writer	 w;
	size_t		 i, e;

	memset(&w, 0, sizeof(w));
	w.s = s;
	w.dir = dir;
	w.fn = fn;
	w.arg = arg;
	w.rc = 1;
	w.keys = json_array();
	w.n = s->nterms;
	w.v = xreallocarray(NULL, w.n ? w.n : 1, sizeof(*w.v));
	for (i = 0; i < w.n; i++) {
		w.v[i] = &s->terms[i];
		measure(w.v[i]);
	}
	qsort(w.v, w.n, sizeof(*w.v), cmpterm);
	for (i = 0; i < w.n; i = e) {
		e = span(&w, i, w.n, 1);
		split(&w, i, e, 1);
	}
	docfiles(&w);
	put(&w, "meta.json", json_pack("{s:i, s:I, s:i, s:i, s:o, s:O}",
	    "version", 1, "docs", (json_int_t)s->ndocs, "per", SEARCH_PER,
	    "key_max", SEARCH_KEY_MAX, "keys", w.keys, "sections",
	    s->sections), JSON_PRESERVE_ORDER);
	free(w.v);
	return w.rc;
}

/* The search page's lists. */

static json_t *
link(const struct doc *d, const char *from, int files)
{
	struct buf	 u = BUF_INIT;
	json_t		*o;

	render_relurl(&u, from, d->path, files);
	o = json_pack("{s:s, s:s, s:s%}", "title", d->title, "code", d->code,
	    "url", u.data, u.len);
	buf_release(&u);
	return o;
}

/* The group of targets under the section of "d", made when new. */
static json_t *
group(const struct search *s, json_t *groups, json_t *seen,
    const struct doc *d, const char *from, int files)
{
	const char	*title = json_string_value(json_array_get(s->sections,
	    d->section));
	json_t		*g = json_object_get(seen, d->section_path);
	struct buf	 u = BUF_INIT;

	if (g != NULL)
		return json_object_get(g, "targets");
	if (*d->section_path)
		render_relurl(&u, from, d->section_path, files);
	g = json_pack("{s:s, s:s%, s:[]}", "title", title ? title : "",
	    "url", u.data, u.len, "targets");
	buf_release(&u);
	json_object_set(seen, d->section_path, g);
	json_array_append_new(groups, g);
	return json_object_get(g, "targets");
}

json_t *
search_view(const struct search *s, const char *from, int files)
{
	json_t		*secs = json_array(), *groups = json_array();
	json_t		*seen = json_object();
	const struct doc *d;
	size_t		 i;

	for (i = 0; i < s->ndocs; i++) {
		d = &s->docs[i];
		if (d->kind == SEARCH_SECTION)
			json_array_append_new(secs, link(d, from, files));
		else if (d->kind == SEARCH_TARGET)
			json_array_append_new(group(s, groups, seen, d, from,
			    files), link(d, from, files));
	}
	json_decref(seen);
	return json_pack("{s:b, s:o, s:b, s:o}", "has_sections",
	    json_array_size(secs) > 0, "sections", secs, "has_targets",
	    json_array_size(groups) > 0, "groups", groups);
}
