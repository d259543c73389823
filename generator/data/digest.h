/*
 * Streaming SHA-256 digests with byte counts, for the publish stage: every
 * file the build publishes is listed with its size and its hash
 * ("bytes": 1234, "hash": "sha256:<64 hex digits>").
 *
 * A struct digest lives on the stack; it owns no memory, so it has no
 * release function.  Feed it in pieces of any size:
 *
 *	struct digest	 g;
 *	char		 hex[DIGEST_HEX_SIZE];
 *
 *	digest_init(&g);
 *	digest_add(&g, "ab", 2);
 *	digest_add(&g, "c", 1);
 *	digest_hex(&g, hex);	// hex == "ba7816bf...f20015ad", g.bytes == 3
 *
 * Invariant: "bytes" is the number of bytes added since digest_init().
 */
#ifndef PLANPRESS_DIGEST_H
#define PLANPRESS_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include <nettle/sha2.h>

struct diag;

/* 64 hex digits and the terminating NUL. */
#define DIGEST_HEX_SIZE	65

struct digest {
	struct sha256_ctx	 ctx;	/* private */
	uint64_t		 bytes;	/* bytes added so far */
};

/* Start an empty digest. */
void	digest_init(struct digest *g);

/* Add "len" bytes of "data" (which may be NULL when len is 0). */
void	digest_add(struct digest *g, const void *data, size_t len);

/*
 * Finish: write the SHA-256 of everything added, as 64 lower-case hex
 * digits and a NUL, to "out" (DIGEST_HEX_SIZE bytes).  "bytes" keeps its
 * value; call digest_init() before adding again.
 */
void	digest_hex(struct digest *g, char out[DIGEST_HEX_SIZE]);

/*
 * Add the contents of the file "path", read in pieces.  Returns 1, or 0
 * after reporting the I/O failure against "path" to "d" (the digest then
 * holds part of the file).
 */
int	digest_file(struct digest *g, struct diag *d, const char *path);

#endif
