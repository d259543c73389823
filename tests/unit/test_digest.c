/*
 * Unit tests for digest.c: the FIPS 180-2 SHA-256 vectors, a megabyte fed
 * in odd-sized chunks, byte counts, and digests of files.
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "check.h"

static void
hash(const char *s, char out[DIGEST_HEX_SIZE], uint64_t *bytes)
{
	struct digest	 g;

	digest_init(&g);
	digest_add(&g, s, strlen(s));
	digest_hex(&g, out);
	*bytes = g.bytes;
}

static void
test_vectors(void)
{
	char		 hex[DIGEST_HEX_SIZE];
	uint64_t	 n;
	struct digest	 g;

	hash("", hex, &n);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	CHECK(n == 0 && strlen(hex) == 64);
	hash("abc", hex, &n);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	CHECK(n == 3);
	hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", hex,
	    &n);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	CHECK(n == 56);

	/* Adding nothing changes nothing; NULL is fine with length 0. */
	digest_init(&g);
	digest_add(&g, NULL, 0);
	digest_add(&g, "a", 1);
	digest_add(&g, "", 0);
	digest_add(&g, "bc", 2);
	digest_hex(&g, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	CHECK(g.bytes == 3);

	/* Reusable after digest_init(). */
	digest_init(&g);
	digest_hex(&g, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	CHECK(g.bytes == 0);
}

/* Feed "len" bytes of "p" in chunks of 1, 2, 3, ... 97 bytes, cycling. */
static void
feed(struct digest *g, const unsigned char *p, size_t len)
{
	size_t	 off = 0, k = 1, n;

	while (off < len) {
		n = len - off < k ? len - off : k;
		digest_add(g, p + off, n);
		off += n;
		k = k % 97 + 1;
	}
}

static void
test_megabyte(void)
{
	size_t		 len = 1 << 20, i;
	unsigned char	*p = malloc(len);
	char		 hex[DIGEST_HEX_SIZE];
	struct digest	 g;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)((i * 31 + 7) % 251);
	digest_init(&g);
	feed(&g, p, len);
	digest_hex(&g, hex);
	CHECK_STR(hex, "1c59b8670027384143781a8a8bff2f3b"
	    "44bd8818d0f53b13b064c2375a1afe38");
	CHECK(g.bytes == len);

	/* One million 'a' (FIPS 180-2), in odd chunks too. */
	memset(p, 'a', 1000000);
	digest_init(&g);
	feed(&g, p, 1000000);
	digest_hex(&g, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	CHECK(g.bytes == 1000000);
	free(p);
}

static void
test_file(void)
{
	struct diag	*d = diag_new();
	char		 path[] = "/tmp/digestXXXXXX";
	char		 hex[DIGEST_HEX_SIZE];
	struct digest	 g;
	unsigned char	*p;
	size_t		 len = 200000, i;
	int		 fd;

	p = malloc(len);
	for (i = 0; i < len; i++)
		p[i] = (unsigned char)((i * 31 + 7) % 251);
	fd = mkstemp(path);
	CHECK(fd != -1 && write(fd, p, len) == (ssize_t)len);
	close(fd);
	digest_init(&g);
	CHECK(digest_file(&g, d, path) == 1);
	digest_hex(&g, hex);
	CHECK(g.bytes == len);
	{
		char		 want[DIGEST_HEX_SIZE];
		struct digest	 h;

		digest_init(&h);
		digest_add(&h, p, len);
		digest_hex(&h, want);
		CHECK_STR(hex, want);
	}
	unlink(path);
	digest_init(&g);
	CHECK(digest_file(&g, d, path) == 0);		/* now missing */
	CHECK(diag_errors(d) == 1);
	digest_init(&g);
	CHECK(digest_file(&g, d, "/") == 0);		/* a directory */
	CHECK(diag_errors(d) == 2);
	free(p);
	diag_free(d);
}

int
main(void)
{
	test_vectors();
	test_megabyte();
	test_file();
	return CHECK_DONE("digest");
}
