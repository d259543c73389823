/*
 * SHA-256 digests for the publish stage.  When the build has written a
 * file (through fsout_write(), or by name for libzip and libxlsxwriter),
 * the catalog lists it with its size and hash so downloads can be checked.
 * Nettle does the hashing; this module adds the byte count, the hex form
 * and reading a file in pieces, so large exports never sit in memory.
 *
 *	digest_init(&g);
 *	if (digest_file(&g, d, staged_path)) {
 *		digest_hex(&g, hex);
 *		... "bytes": g.bytes, "hash": "sha256:" hex ...
 *	}
 */
#include "digest.h"

#include <errno.h>
#include <stdio.h>

#include "diag.h"

void
digest_init(struct digest *g)
{
	sha256_init(&g->ctx);
	g->bytes = 0;
}

void
digest_add(struct digest *g, const void *data, size_t len)
{
	if (len == 0)
		return;
	sha256_update(&g->ctx, len, data);
	g->bytes += len;
}

void
digest_hex(struct digest *g, char out[DIGEST_HEX_SIZE])
{
	static const char	 hexdig[] = "0123456789abcdef";
	uint8_t			 raw[SHA256_DIGEST_SIZE];
	size_t			 i;

	sha256_digest(&g->ctx, sizeof(raw), raw);
	for (i = 0; i < sizeof(raw); i++) {
		out[2 * i] = hexdig[raw[i] >> 4];
		out[2 * i + 1] = hexdig[raw[i] & 0xf];
	}
	out[2 * sizeof(raw)] = '\0';
}

int
digest_file(struct digest *g, struct diag *d, const char *path)
{
	FILE	*fp;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return diag_syserr(d, path, "cannot open");
	errno = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		digest_add(g, chunk, n);
	if (ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		diag_syserr(d, path, "cannot read");
		goto out;
	}
	rc = 1;
out:
	fclose(fp);
	return rc;
}
