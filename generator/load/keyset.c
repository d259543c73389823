/*
 * Key sets (keyset.h): a hash set of strings and spans of increasing
 * integers in memory, counted in a budget shared by a scan; past it,
 * the biggest set is spilled as sorted runs to a temporary file and
 * becomes a list, and the runs are merged at the end.
 *
 *	in memory	keyset_add/get -> spans, or slot() in "v"
 *	spill		spill_set/spill_spans -> write_run -> put_rec
 *	a list		keyset_push -> recs -> write_run when short
 *	the end		compact -> merge -> keyset_settle, or
 *			keyset_find_missing
 */
#include "keyset.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "stash.h"
#include "text.h"
#include "xalloc.h"

#ifndef KEY_BUDGET			/* -DKEY_BUDGET=1 spills every key */
#define KEY_BUDGET	(32u << 20)	/* bytes of key sets per scan */
#endif

static size_t	 key_budget = KEY_BUDGET;

void
keyset_set_budget(size_t bytes)
{
	key_budget = bytes ? bytes : KEY_BUDGET;
}

struct keyset_entry {
	uint64_t	 hash;
	const char	*key;		/* NULL: free slot */
	uint32_t	 len;
	unsigned	 line;		/* where the key was first seen */
};

/* Integers start..start+n-1, first seen on lines line..line+n-1. */
struct keyset_span {
	int64_t		 start;
	unsigned	 line;
	uint32_t	 n;
};

struct keyset_block {
	struct keyset_block	*next;
	size_t		 used, cap;
	char		 data[];
};

struct keyset_run {
	off_t		 start, end;
};

static size_t
clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
keyset_budget_init(struct keyset_budget *b)
{
	memset(b, 0, sizeof(*b));
	b->limit = key_budget;
	b->bufsz = clamp(b->limit / 256, 64, 32768);
	b->blocksz = clamp(b->limit / 16, 256, 65536);
	b->chunk = clamp(b->limit / 64, 16, 65536);
	b->fanin = clamp(b->limit / 4 / b->bufsz, 2, 64);
}

void
keyset_init(struct keyset *ks, struct keyset_budget *b, int list)
{
	memset(ks, 0, sizeof(*ks));
	ks->bud = b;
	ks->list = list;
	ks->fd = -1;
	ks->next = b->live;
	if (b->live != NULL)
		b->live->prev = ks;
	b->live = ks;
}

/* Count what "ks" holds in memory now. */
static void
recount(struct keyset *ks)
{
	size_t	 mem = ks->cap * sizeof(*ks->v) +
	    ks->capspans * sizeof(*ks->spans) +
	    ks->caprecs * sizeof(*ks->recs) + ks->blockmem;

	ks->bud->used = ks->bud->used - ks->mem + mem;
	ks->mem = mem;
}

/* Free what "ks" holds in memory, keeping its runs. */
static void
drop(struct keyset *ks)
{
	struct keyset_block	*b, *next;

	for (b = ks->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	ks->blocks = NULL;
	ks->blockmem = 0;
	free(ks->v);
	ks->v = NULL;
	ks->cap = ks->n = 0;
	free(ks->spans);
	ks->spans = NULL;
	ks->nspans = ks->capspans = 0;
	free(ks->recs);
	ks->recs = NULL;
	ks->nrecs = ks->caprecs = 0;
	recount(ks);
}

void
keyset_release(struct keyset *ks)
{
	if (ks->bud == NULL)
		return;
	drop(ks);
	if (ks->prev != NULL)
		ks->prev->next = ks->next;
	else
		ks->bud->live = ks->next;
	if (ks->next != NULL)
		ks->next->prev = ks->prev;
	if (ks->fd >= 0)
		close(ks->fd);
	free(ks->runs);
	memset(ks, 0, sizeof(*ks));
}

static void	spill(struct keyset *);

/* Spill the biggest sets until "need" more bytes fit in the budget. */
static void
make_room(struct keyset_budget *b, size_t need)
{
	struct keyset	*ks, *big;

	while (b->used + need > b->limit) {
		big = NULL;
		for (ks = b->live; ks != NULL; ks = ks->next)
			if (ks->mem > 0 && (big == NULL || ks->mem > big->mem))
				big = ks;
		if (big == NULL)
			return;
		spill(big);		/* brings big->mem to 0 */
	}
}

/* "len" bytes in the blocks of "ks", which the caller made room for. */
static char *
room(struct keyset *ks, size_t len)
{
	struct keyset_block	*b = ks->blocks;
	size_t		 cap;

	if (b == NULL || b->cap - b->used < len) {
		cap = len > ks->bud->blocksz ? len : ks->bud->blocksz;
		b = xmalloc(sizeof(*b) + cap);
		b->used = 0;
		b->cap = cap;
		b->next = ks->blocks;
		ks->blocks = b;
		ks->blockmem += sizeof(*b) + cap;
	}
	b->used += len;
	return b->data + b->used - len;
}

/* The bytes room() would allocate for "len" more. */
static size_t
room_need(const struct keyset *ks, size_t len)
{
	const struct keyset_block	*b = ks->blocks;

	if (b != NULL && b->cap - b->used >= len)
		return 0;
	return sizeof(*b) + (len > ks->bud->blocksz ? len : ks->bud->blocksz);
}

/* The order of runs: hash, length, bytes. */
static int
keycmp(const struct keyset_rec *a, const struct keyset_rec *b)
{
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->key, b->key, a->len);
}

/* The order within a run: the key's, then the record's. */
static int
reccmp(const void *x, const void *y)
{
	const struct keyset_rec	*a = x, *b = y;
	int			 c = keycmp(a, b);

	if (c != 0)
		return c;
	return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static int
entcmp(const void *x, const void *y)
{
	const struct keyset_entry	*a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->key, b->key, a->len);
}

/* 1 if "s" is an integer as "%lld" writes it, into "*out". */
static int
canon_int(const char *s, size_t len, int64_t *out)
{
	uint64_t	 v = 0;
	size_t		 i;
	int		 neg;

	if (len == 0)
		return 0;
	neg = s[0] == '-';
	i = (size_t)neg;
	if (len - i == 0 || len - i > 19 || (s[i] == '0' && (len - i > 1 ||
	    neg)))
		return 0;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > (uint64_t)INT64_MAX + neg)
		return 0;
	if (!neg)
		*out = (int64_t)v;
	else
		*out = v > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)v;
	return 1;
}

static int64_t
span_max(const struct keyset *ks)
{
	const struct keyset_span	*s = &ks->spans[ks->nspans - 1];

	return (int64_t)((uint64_t)s->start + s->n - 1);
}

/* 1 if "v" is in a span, with its line in "*line". */
static int
span_find(const struct keyset *ks, int64_t v, unsigned *line)
{
	size_t			 lo = 0, hi = ks->nspans, mid;
	const struct keyset_span	*s;
	uint64_t		 d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ks->spans[mid].start <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	s = &ks->spans[lo - 1];
	d = (uint64_t)v - (uint64_t)s->start;
	if (d >= s->n)
		return 0;
	*line = s->line + (unsigned)d;
	return 1;
}

/* 1 if "v" on "line" lengthens the last span. */
static int
extends(const struct keyset *ks, int64_t v, unsigned line)
{
	const struct keyset_span	*s;

	if (ks->nspans == 0)
		return 0;
	s = &ks->spans[ks->nspans - 1];
	return (uint64_t)v == (uint64_t)s->start + s->n &&
	    line == s->line + s->n && s->n < UINT32_MAX;
}

/* Add "v", above every span, first seen on "line". */
static int
span_add(struct keyset *ks, int64_t v, unsigned line)
{
	int	 ext = extends(ks, v, line);

	if (!ext && ks->nspans == ks->capspans) {
		make_room(ks->bud, (ks->capspans ? ks->capspans * 2 : 16) *
		    sizeof(*ks->spans));
		if (ks->list)
			return -1;
		ks->capspans = ks->capspans ? ks->capspans * 2 : 16;
		ks->spans = xreallocarray(ks->spans, ks->capspans,
		    sizeof(*ks->spans));
		recount(ks);
	}
	if (ext)
		ks->spans[ks->nspans - 1].n++;
	else
		ks->spans[ks->nspans++] = (struct keyset_span){ v, line, 1 };
	return 1;
}

static struct keyset_entry *
slot(const struct keyset *ks, uint64_t h, const char *key, size_t len)
{
	size_t		 i, mask = ks->cap - 1;
	struct keyset_entry	*e;

	for (i = h & mask;; i = (i + 1) & mask) {
		e = &ks->v[i];
		if (e->key == NULL || (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0))
			return e;
	}
}

static void
grow(struct keyset *ks)
{
	struct keyset_entry	*old = ks->v;
	size_t		 i, n = ks->cap;

	ks->cap = n ? n * 2 : 64;
	ks->v = xcalloc(ks->cap, sizeof(*ks->v));
	for (i = 0; i < n; i++)
		if (old[i].key)
			*slot(ks, old[i].hash, old[i].key, old[i].len) = old[i];
	free(old);
}

int
keyset_get(const struct keyset *ks, const char *key, size_t len)
{
	int64_t		 v;
	unsigned	 line;

	if (ks->bud == NULL)
		return 0;
	if (ks->list || ks->failed)
		return -1;
	if (ks->nspans > 0 && canon_int(key, len, &v) &&
	    span_find(ks, v, &line))
		return 1;
	if (ks->cap == 0)
		return 0;
	return slot(ks, text_hash(key, len), key, len)->key != NULL;
}

int
keyset_add(struct keyset *ks, const char *key, size_t len, unsigned line,
    unsigned *first)
{
	struct keyset_entry	*e;
	uint64_t	 h;
	int64_t		 v;
	int		 integer;
	size_t		 need;

	if (ks->list)
		return -1;
	integer = canon_int(key, len, &v);
	if (integer && ks->nspans > 0 && v <= span_max(ks) &&
	    span_find(ks, v, first))
		return 0;
	if (integer && (ks->nspans == 0 || v > span_max(ks)))
		return span_add(ks, v, line);
	h = text_hash(key, len);
	if (ks->cap > 0 && (e = slot(ks, h, key, len))->key != NULL) {
		*first = e->line;
		return 0;
	}
	need = room_need(ks, len);
	if ((ks->n + 1) * 4 > ks->cap * 3)
		need += (ks->cap ? ks->cap * 2 : 64) * sizeof(*ks->v);
	make_room(ks->bud, need);
	if (ks->list)
		return -1;
	if ((ks->n + 1) * 4 > ks->cap * 3)
		grow(ks);
	e = slot(ks, h, key, len);
	e->hash = h;
	e->key = memcpy(room(ks, len), key, len);
	e->len = (uint32_t)len;	/* a cell is far below 4 GB */
	e->line = line;
	ks->n++;
	recount(ks);
	return 1;
}

/* Runs in a temporary file. */

/* A new temporary file, already removed, or -1. */
static int
tmpfd(void)
{
	return stash_tmpfd("planpress-keys");
}

static void
io_fail(struct keyset *ks, int err)
{
	if (ks->bud->err == 0)
		ks->bud->err = err ? err : EIO;
	ks->failed = 1;
}

struct writer {
	int		 fd;
	off_t		 off;		/* of data.len's first byte */
	struct buf	 data;
	size_t		 bufsz;
	int		 err;
};

static void
writer_init(struct writer *w, int fd, off_t off, size_t bufsz)
{
	w->fd = fd;
	w->off = off;
	buf_init(&w->data);
	w->bufsz = bufsz;
	w->err = 0;
}

static void
wflush(struct writer *w)
{
	size_t	 done = 0;
	ssize_t	 n;

	while (w->err == 0 && done < w->data.len) {
		n = pwrite(w->fd, w->data.data + done, w->data.len - done,
		    w->off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			w->err = n < 0 ? errno : EIO;
			break;
		}
		done += (size_t)n;
		w->off += n;
	}
	buf_reset(&w->data);
}

static void
putvar(struct buf *b, uint64_t v)
{
	char	 tmp[10];
	size_t	 n = 0;

	do {
		tmp[n++] = (char)((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
		v >>= 7;
	} while (v != 0);
	buf_put(b, tmp, n);
}

/* A record: the hash in 8 bytes, six varints, the key and the cells. */
static void
put_rec(struct writer *w, const struct keyset_rec *r)
{
	char	 h[8];
	int	 i;

	for (i = 0; i < 8; i++)
		h[i] = (char)(r->hash >> (8 * i));
	buf_put(&w->data, h, 8);
	putvar(&w->data, r->len);
	putvar(&w->data, r->rawlen);
	putvar(&w->data, r->line);
	putvar(&w->data, r->cline);
	putvar(&w->data, r->ccol);
	putvar(&w->data, r->rec);
	buf_put(&w->data, r->key, (size_t)r->len + r->rawlen);
	if (w->data.len >= w->bufsz)
		wflush(w);
}

/* Start a run at the end of the file of "ks"; 0 if it cannot be. */
static int
run_open(struct keyset *ks, struct writer *w)
{
	if (ks->failed)
		return 0;
	if (ks->fd < 0 && (ks->fd = tmpfd()) < 0) {
		io_fail(ks, errno);
		return 0;
	}
	writer_init(w, ks->fd, ks->fsize, ks->bud->bufsz);
	return 1;
}

static void
run_close(struct keyset *ks, struct writer *w)
{
	wflush(w);
	buf_release(&w->data);
	if (w->err != 0) {
		io_fail(ks, w->err);
		return;
	}
	if (w->off == ks->fsize)
		return;
	ks->runs = xreallocarray(ks->runs, ks->nruns + 1, sizeof(*ks->runs));
	ks->runs[ks->nruns].start = ks->fsize;
	ks->runs[ks->nruns++].end = w->off;
	ks->fsize = w->off;
}

/* Sort the "n" records of "v" and write them as a run of "ks". */
static void
write_run(struct keyset *ks, struct keyset_rec *v, size_t n)
{
	struct writer	 w;
	size_t		 i;

	if (n == 0 || !run_open(ks, &w))
		return;
	qsort(v, n, sizeof(*v), reccmp);
	for (i = 0; i < n; i++)
		put_rec(&w, &v[i]);
	run_close(ks, &w);
}

/* Write the spans of "ks" as runs of at most bud->chunk records. */
static void
spill_spans(struct keyset *ks)
{
	size_t		 chunk = ks->bud->chunk, n = 0, i;
	struct keyset_rec	*v = xcalloc(chunk, sizeof(*v));
	char		*text = xmalloc(chunk * 24);
	const struct keyset_span *s;
	uint32_t	 j;
	int		 len;

	for (i = 0; i < ks->nspans; i++) {
		s = &ks->spans[i];
		for (j = 0; j < s->n; j++) {
			len = snprintf(text + n * 24, 24, "%lld", (long long)
			    (int64_t)((uint64_t)s->start + j));
			v[n].key = text + n * 24;
			v[n].len = (uint32_t)len;
			v[n].hash = text_hash(v[n].key, v[n].len);
			v[n].line = s->line + j;
			if (++n == chunk) {
				write_run(ks, v, n);
				n = 0;
			}
		}
	}
	write_run(ks, v, n);
	free(v);
	free(text);
}

/* Write the keys in memory of "ks" as runs; it is a list from now on. */
static void
spill_set(struct keyset *ks)
{
	struct writer	 w;
	struct keyset_rec	 r;
	size_t		 i, n = 0;

	for (i = 0; i < ks->cap; i++)
		if (ks->v[i].key != NULL)
			ks->v[n++] = ks->v[i];
	if (n > 0 && run_open(ks, &w)) {
		qsort(ks->v, n, sizeof(*ks->v), entcmp);
		memset(&r, 0, sizeof(r));
		for (i = 0; i < n; i++) {
			r.hash = ks->v[i].hash;
			r.key = ks->v[i].key;
			r.len = ks->v[i].len;
			r.line = ks->v[i].line;
			put_rec(&w, &r);
		}
		run_close(ks, &w);
	}
	spill_spans(ks);
	ks->list = 1;
	drop(ks);
}

/* Write the records of a list as a run. */
static void
spill(struct keyset *ks)
{
	if (!ks->list) {
		spill_set(ks);
		return;
	}
	write_run(ks, ks->recs, ks->nrecs);
	drop(ks);
}

void
keyset_push(struct keyset *ks, const struct keyset_rec *r)
{
	size_t		 len = (size_t)r->len + r->rawlen, need;
	struct keyset_rec	*d;

	if (ks->failed)
		return;
	need = room_need(ks, len);
	if (ks->nrecs == ks->caprecs)
		need += (ks->caprecs ? ks->caprecs * 2 : 64) * sizeof(*d);
	make_room(ks->bud, need);
	if (ks->failed)
		return;
	ks->recs = xgrow(ks->recs, ks->nrecs, &ks->caprecs, 64,
	    sizeof(*ks->recs));
	d = &ks->recs[ks->nrecs++];
	*d = *r;
	d->hash = text_hash(r->key, r->len);
	d->key = memcpy(room(ks, len), r->key, len);
	recount(ks);
}

/* Reading runs back, merged. */

/* A run being read, or the records in memory of a list. */
struct source {
	int		 fd;
	off_t		 pos, end;
	char		*buf;
	size_t		 len, off, cap;
	const struct keyset_rec *recs;
	size_t		 nrecs, i;
	struct keyset_rec	 cur;
	int		 err;
};

/* Have at least "need" bytes from s->off, unless the run ends first. */
static int
fill(struct source *s, size_t need)
{
	size_t	 want;
	ssize_t	 n;

	if (s->len - s->off >= need)
		return 1;
	memmove(s->buf, s->buf + s->off, s->len - s->off);
	s->len -= s->off;
	s->off = 0;
	if (need > s->cap) {
		s->cap = need;
		s->buf = xrealloc(s->buf, s->cap);
	}
	while (s->len < need && s->pos < s->end) {
		want = s->cap - s->len;
		if ((off_t)want > s->end - s->pos)
			want = (size_t)(s->end - s->pos);
		n = pread(s->fd, s->buf + s->len, want, s->pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			s->err = n < 0 ? errno : EIO;
			return 0;
		}
		s->len += (size_t)n;
		s->pos += n;
	}
	return s->len - s->off >= need;
}

static int
getvar(const unsigned char *p, size_t n, size_t *i, uint64_t *v)
{
	unsigned	 shift;

	*v = 0;
	for (shift = 0; *i < n && shift < 64; shift += 7) {
		*v |= (uint64_t)(p[*i] & 0x7F) << shift;
		if ((p[(*i)++] & 0x80) == 0)
			return 1;
	}
	return 0;
}

/* The next record of "s" into s->cur; 0 at the end or on an error. */
static int
next(struct source *s)
{
	const unsigned char	*p;
	uint64_t		 f[6];
	size_t			 i = 8, n, k;

	if (s->recs != NULL) {
		if (s->i == s->nrecs)
			return 0;
		s->cur = s->recs[s->i++];
		return 1;
	}
	fill(s, 8 + 6 * 10);
	if (s->err != 0 || s->len == s->off)
		return 0;
	p = (const unsigned char *)s->buf + s->off;
	n = s->len - s->off;
	for (k = 0; k < 6 && n >= 8; k++)
		if (!getvar(p, n, &i, &f[k]))
			break;
	if (k < 6 || f[0] > UINT32_MAX || f[1] > UINT32_MAX) {
		s->err = EIO;		/* cannot happen: we wrote it */
		return 0;
	}
	for (s->cur.hash = 0, k = 0; k < 8; k++)
		s->cur.hash |= (uint64_t)p[k] << (8 * k);
	s->cur.len = (uint32_t)f[0];
	s->cur.rawlen = (uint32_t)f[1];
	s->cur.line = (unsigned)f[2];
	s->cur.cline = (unsigned)f[3];
	s->cur.ccol = (unsigned)f[4];
	s->cur.rec = f[5];
	if (!fill(s, i + f[0] + f[1])) {
		s->err = s->err ? s->err : EIO;
		return 0;
	}
	s->cur.key = s->buf + s->off + i;
	s->off += i + f[0] + f[1];
	return 1;
}

/* Runs lo..hi-1 of a set, and its records in memory, merged. */
struct merge {
	struct source	*src;
	size_t		 n;
	size_t		*heap;		/* sources with a record */
	size_t		 nheap;
	int		 err;
};

/* Source "a" comes before "b": a smaller key, or the same from earlier. */
static int
before(const struct merge *m, size_t a, size_t b)
{
	int	 c = keycmp(&m->src[a].cur, &m->src[b].cur);

	return c < 0 || (c == 0 && a < b);
}

static void
sift(struct merge *m, size_t i)
{
	size_t	 c, t;

	for (; (c = 2 * i + 1) < m->nheap; i = c) {
		if (c + 1 < m->nheap && before(m, m->heap[c + 1], m->heap[c]))
			c++;
		if (!before(m, m->heap[c], m->heap[i]))
			break;
		t = m->heap[c];
		m->heap[c] = m->heap[i];
		m->heap[i] = t;
	}
}

static void
merge_init(struct merge *m, struct keyset *ks, size_t lo, size_t hi,
    int mem)
{
	struct source	*s;
	size_t		 i;

	m->n = hi - lo + (mem && ks->nrecs > 0);
	m->src = xcalloc(m->n ? m->n : 1, sizeof(*m->src));
	m->heap = xcalloc(m->n ? m->n : 1, sizeof(*m->heap));
	m->nheap = 0;
	m->err = 0;
	for (i = 0; i < m->n; i++) {
		s = &m->src[i];
		if (lo + i < hi) {
			s->fd = ks->fd;
			s->pos = ks->runs[lo + i].start;
			s->end = ks->runs[lo + i].end;
			s->cap = ks->bud->bufsz;
			s->buf = xmalloc(s->cap);
		} else {
			qsort(ks->recs, ks->nrecs, sizeof(*ks->recs), reccmp);
			s->recs = ks->recs;
			s->nrecs = ks->nrecs;
		}
		if (next(s))
			m->heap[m->nheap++] = i;
		else if (s->err != 0)
			m->err = s->err;
	}
	for (i = m->nheap / 2; i-- > 0;)
		sift(m, i);
	if (m->err != 0)
		m->nheap = 0;
}

/* The smallest record, lent until merge_next(); NULL at the end. */
static const struct keyset_rec *
merge_peek(const struct merge *m)
{
	return m->nheap > 0 ? &m->src[m->heap[0]].cur : NULL;
}

static void
merge_next(struct merge *m)
{
	struct source	*s = &m->src[m->heap[0]];

	if (!next(s)) {
		if (s->err != 0) {
			m->err = s->err;
			m->nheap = 0;
			return;
		}
		m->heap[0] = m->heap[--m->nheap];
	}
	sift(m, 0);
}

/* Free "m"; returns 0, or the errno of a read that failed. */
static int
merge_release(struct merge *m)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		free(m->src[i].buf);
	free(m->src);
	free(m->heap);
	return m->err;
}

/* Merge the runs of "ks", "fanin" at a time, until "max" are left. */
static void
compact(struct keyset *ks, size_t max)
{
	struct merge		 m;
	struct writer		 w;
	const struct keyset_rec	*r;
	struct keyset_run		*runs;
	size_t			 lo, hi, n, fanin = ks->bud->fanin;
	int			 fd, err;

	while (ks->nruns > max && !ks->failed) {
		if ((fd = tmpfd()) < 0) {
			io_fail(ks, errno);
			return;
		}
		writer_init(&w, fd, 0, ks->bud->bufsz);
		runs = xcalloc((ks->nruns + fanin - 1) / fanin, sizeof(*runs));
		for (n = 0, lo = 0, err = 0; lo < ks->nruns && !err; lo = hi) {
			hi = lo + fanin < ks->nruns ? lo + fanin : ks->nruns;
			runs[n].start = w.off;
			merge_init(&m, ks, lo, hi, 0);
			for (; (r = merge_peek(&m)) != NULL; merge_next(&m))
				put_rec(&w, r);
			err = merge_release(&m);
			wflush(&w);
			err = err ? err : w.err;
			runs[n++].end = w.off;
		}
		buf_release(&w.data);
		close(ks->fd);
		free(ks->runs);
		ks->fd = fd;
		ks->runs = runs;
		ks->nruns = n;
		ks->fsize = w.off;
		if (err != 0)
			io_fail(ks, err);
	}
}

int
keyset_budget_errno(const struct keyset_budget *b)
{
	return b->err;
}

int
keyset_budget_take_errno(struct keyset_budget *b)
{
	int	 err = b->err;

	b->err = 0;
	return err;
}

int
keyset_in_use(const struct keyset *ks)
{
	return ks->bud != NULL;
}

int
keyset_spilled(const struct keyset *ks)
{
	return ks->bud != NULL && ks->list && !ks->failed;
}

/* The end of a spilled set. */

void
keyset_settle(struct keyset *ks, int keep,
    void (*dup)(void *, const struct keyset_rec *, unsigned), void *arg)
{
	struct keyset_rec	 one, first;
	struct buf		 key = BUF_INIT;
	struct merge		 m;
	struct writer		 w;
	const struct keyset_rec	*r;
	int			 fd = -1, have = 0, err;

	compact(ks, ks->bud->fanin - 1);
	if (ks->failed || (keep && (fd = tmpfd()) < 0)) {
		io_fail(ks, errno);
		return;
	}
	writer_init(&w, fd, 0, ks->bud->bufsz);
	memset(&first, 0, sizeof(first));
	merge_init(&m, ks, 0, ks->nruns, 1);
	for (; (r = merge_peek(&m)) != NULL; merge_next(&m)) {
		if (have && keycmp(r, &first) == 0) {
			dup(arg, r, first.line);
			continue;
		}
		buf_reset(&key);
		buf_put(&key, r->key, r->len);
		first = *r;
		first.key = key.data;
		have = 1;
		if (keep) {
			one = (struct keyset_rec){ r->hash, r->key, r->len, 0,
			    r->line, 0, 0, 0 };
			put_rec(&w, &one);
		}
	}
	err = merge_release(&m);
	buf_release(&key);
	wflush(&w);
	buf_release(&w.data);
	drop(ks);
	if (ks->fd >= 0)
		close(ks->fd);
	ks->fd = fd;
	ks->nruns = 0;
	ks->fsize = 0;
	if (keep && w.off > 0) {
		ks->runs = xreallocarray(ks->runs, 1, sizeof(*ks->runs));
		ks->runs[0] = (struct keyset_run){ 0, w.off };
		ks->nruns = 1;
		ks->fsize = w.off;
	}
	if (err != 0 || w.err != 0)
		io_fail(ks, err ? err : w.err);
}

void
keyset_find_missing(struct keyset *refs, struct keyset *ks,
    void (*missing)(void *, const struct keyset_rec *), void *arg)
{
	const struct keyset_rec	*r, *t = NULL;
	struct merge		 m, n;
	int			 found, err;

	if (ks->failed || refs->failed)
		return;
	compact(refs, refs->bud->fanin - 1);
	if (ks->list)
		compact(ks, ks->bud->fanin - 1);
	if (ks->failed || refs->failed)
		return;
	merge_init(&m, refs, 0, refs->nruns, 1);
	if (ks->list)
		merge_init(&n, ks, 0, ks->nruns, 1);
	for (; (r = merge_peek(&m)) != NULL; merge_next(&m)) {
		if (!ks->list)
			found = keyset_get(ks, r->key, r->len) == 1;
		else {
			while ((t = merge_peek(&n)) != NULL && keycmp(t, r) < 0)
				merge_next(&n);
			found = t != NULL && keycmp(t, r) == 0;
		}
		if (!found)
			missing(arg, r);
	}
	if ((err = merge_release(&m)) != 0)
		io_fail(refs, err);
	if (ks->list && (err = merge_release(&n)) != 0)
		io_fail(ks, err);
}
