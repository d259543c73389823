/*
 * Key sets: the values of some fields of every row of a CSV file, for
 * the unique, primaryKey and foreignKey checks of dataset.c, held in
 * memory up to a budget and past it in sorted runs on disk, so that a
 * scan's memory does not grow with the rows.
 *
 * A set starts in memory: open addressing on strings, which live in big
 * blocks so a million keys are not a million allocations, and, for keys
 * that are integers written the plain way ("42", not "042") arriving in
 * increasing order, as an "id" column does, spans "start..start+n-1 on
 * lines line..line+n-1" of 16 bytes however long.
 *
 * The sets of one scan (every dataset of dataset_scan_all(), or one
 * dataset_scan()) and their lists of lookups share a budget of memory
 * (keyset_set_budget(), 32 MB by default).  When a set needs more than
 * is left, the biggest set is spilled: its keys are sorted (by hash,
 * then length, then bytes) and written as a run to a temporary file in
 * $TMPDIR (or /tmp), removed as soon as it is made, and from then on
 * that set is a list: each key is appended, with its record number and
 * the place and text of its cells, to a buffer written as one more run
 * whenever the budget is short again.  At the end of the file the runs
 * are merged, the first record of each key coming first, which finds
 * every duplicate with the line of its first occurrence
 * (keyset_settle()); lookups that could not be answered on the way are
 * lists too, sorted, and merged with the keys they look for
 * (keyset_find_missing()).  Outside the budget: the read buffers of a
 * merge (fanin * bufsz, 2 MB for 32 MB) and the records of a spill of
 * spans (chunk, 4.5 MB at most).
 *
 *	keyset_add	1 new, 0 duplicate (line in *first), -1 spilled:
 *			keyset_push() the record, keyset_settle() at the end
 *	keyset_get	1 found, 0 not found, -1 spilled: keyset_push() to
 *			a list of lookups, answered by keyset_find_missing()
 *			at the end
 *
 * Invariants callers rely on:
 *  - the structs below are public only so that callers can embed them
 *    (a set in a table of sets, a budget on the stack); their fields
 *    are private to keyset.c, except the fields of struct keyset_rec;
 *  - a zero-initialised struct keyset is "not in use": keyset_get()
 *    finds nothing in it and keyset_release() does nothing;
 *  - a set is in memory and answers at once, or spilled ("a list") and
 *    answers -1 until the end; spilled or not, the duplicates and the
 *    missing keys found, and their first lines, are the same;
 *  - an I/O failure on a temporary file marks the set failed (its
 *    records are lost, nothing more is reported about them) and leaves
 *    its errno in the budget, for keyset_budget_take_errno();
 *  - nothing is written under the site: the temporary files are
 *    removed when made and closed by keyset_release().
 *
 *	struct keyset_budget	 bud;
 *	struct keyset		 ids;
 *	unsigned		 first;
 *
 *	keyset_budget_init(&bud);
 *	keyset_init(&ids, &bud, 0);
 *	for each row:
 *		if (keyset_add(&ids, key, len, line, &first) == 0)
 *			report a duplicate of line "first";
 *		else if (spilled, -1)
 *			keyset_push(&ids, &rec);	// key, cells, places
 *	if (keyset_spilled(&ids))
 *		keyset_settle(&ids, 0, on_duplicate, arg);
 *	if ((err = keyset_budget_take_errno(&bud)) != 0)
 *		report err at stash_tmpdir();
 *	keyset_release(&ids);
 */
#ifndef PLANPRESS_KEYSET_H
#define PLANPRESS_KEYSET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct keyset_entry;
struct keyset_span;
struct keyset_block;
struct keyset_run;

/* A key with where it was seen, in a list, a run, or read back. */
struct keyset_rec {
	uint64_t	 hash;		/* set by keyset_push() */
	const char	*key;		/* "len" bytes, then "rawlen" */
	uint32_t	 len;
	uint32_t	 rawlen;	/* the cells, "len:text" each when
					   several; 0: the cells are the key */
	unsigned	 line;		/* of the record: "first on line" */
	unsigned	 cline, ccol;	/* of the first cell: the error's place */
	uint64_t	 rec;		/* record number: the error's order */
};

/* The memory the key sets of a scan may hold.  Fields are private. */
struct keyset_budget {
	size_t		 limit, used;
	size_t		 bufsz;		/* of a reader or writer of runs */
	size_t		 blocksz;
	size_t		 chunk;		/* records sorted at once from spans */
	size_t		 fanin;		/* runs merged at once */
	struct keyset	*live;
	int		 err;		/* errno of the first I/O failure */
	int		 reported;
};

/* A set of keys, or a list of them once spilled.  Fields are private. */
struct keyset {
	struct keyset_budget *bud;	/* NULL: not in use */
	struct keyset	*prev, *next;	/* in bud->live */
	size_t		 mem;		/* bytes counted in bud->used */
	int		 list;		/* spilled, or a list of lookups */
	int		 failed;	/* an I/O error lost records */
	/* In memory, until spilled. */
	struct keyset_entry *v;
	size_t		 cap;		/* 0 or a power of 2 */
	size_t		 n;
	struct keyset_span *spans;
	size_t		 nspans, capspans;
	/* A list: records not written yet, then runs of sorted records. */
	struct keyset_rec *recs;
	size_t		 nrecs, caprecs;
	struct keyset_block *blocks;	/* the bytes of v's or recs' keys */
	size_t		 blockmem;
	int		 fd;		/* -1 before the first run */
	struct keyset_run *runs;
	size_t		 nruns;
	off_t		 fsize;
};

/*
 * The budget of the scans started from now on: "bytes" of key sets in
 * memory (0: the default, 32 MB, or -DKEY_BUDGET=N at build time).
 */
void	keyset_set_budget(size_t bytes);

/* A new budget, empty, of the size keyset_set_budget() last set. */
void	keyset_budget_init(struct keyset_budget *b);

/* The errno of the first I/O failure of a set of "b", or 0. */
int	keyset_budget_errno(const struct keyset_budget *b);

/* The same, and forget it. */
int	keyset_budget_take_errno(struct keyset_budget *b);

/*
 * Make "ks" an empty set counted in "b" ("list": a list of lookups from
 * the start, only pushed to).
 */
void	keyset_init(struct keyset *ks, struct keyset_budget *b, int list);

/* 1 if "ks" is in use: between keyset_init() and keyset_release(). */
int	keyset_in_use(const struct keyset *ks);

/*
 * 1 if "ks" is in use, spilled and without I/O failure: its duplicates
 * wait for keyset_settle().
 */
int	keyset_spilled(const struct keyset *ks);

/*
 * Free all "ks" holds, in memory and on disk, and leave it not in use;
 * does nothing to a set not in use.
 */
void	keyset_release(struct keyset *ks);

/*
 * Whether "key" is in "ks": 1 or 0, or -1 when "ks" was spilled and
 * only the merge at the end can tell.  A set not in use holds nothing.
 */
int	keyset_get(const struct keyset *ks, const char *key, size_t len);

/*
 * Add "key", first seen on "line": 1 if it is new, 0 if it was there
 * (with its first line in "*first"), -1 if "ks" is spilled (now or
 * before), when the caller keyset_push()es it instead.
 */
int	keyset_add(struct keyset *ks, const char *key, size_t len,
	    unsigned line, unsigned *first);

/*
 * Append "r" to the list "ks": its key and cells are copied, its hash
 * is computed from its key.
 */
void	keyset_push(struct keyset *ks, const struct keyset_rec *r);

/*
 * The end of the spilled set "ks": merge its runs, where the records of
 * a key come first seen first, and call "dup" for every record after
 * the first of its key, in key order, with the line of the first; if
 * "keep", leave one run with one record per key for the lookups of
 * keyset_find_missing().
 */
void	keyset_settle(struct keyset *ks, int keep,
	    void (*dup)(void *arg, const struct keyset_rec *r,
	    unsigned first), void *arg);

/*
 * Look the records of the list "refs" up in the complete set "ks" (one
 * by one in memory, or merged with "ks" spilled) and call "missing" for
 * each one not found, in key order.  Does nothing if either set lost
 * records.
 */
void	keyset_find_missing(struct keyset *refs, struct keyset *ks,
	    void (*missing)(void *arg, const struct keyset_rec *r),
	    void *arg);

#endif
