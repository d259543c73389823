/*
 * Helpers shared by the fuzz targets (fuzz.h): a private temporary
 * folder, files written into it, and diagnostics printed and freed.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static char	 dir[64];
static char	 path[128];

static void
cleanup(void)
{
	char	 cmd[96];

	if (dir[0] == '\0')
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

const char *
fuzz_dir(void)
{
	const char	*tmp = getenv("TMPDIR");

	if (dir[0] != '\0')
		return dir;
	if (tmp == NULL || *tmp == '\0' || strlen(tmp) > 32)
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/planpress-fuzz-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	atexit(cleanup);
	return dir;
}

const char *
fuzz_write(const char *name, const void *data, size_t len)
{
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	if ((fp = fopen(path, "wb")) == NULL ||
	    (len > 0 && fwrite(data, 1, len, fp) != len) || fclose(fp) != 0) {
		perror(path);
		abort();
	}
	return path;
}

char *
fuzz_diag_text(struct diag *d)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	if (fp == NULL)
		abort();
	diag_print(d, fp);
	fclose(fp);
	return s;
}

void
fuzz_diag_done(struct diag *d)
{
	free(fuzz_diag_text(d));
	diag_free(d);
}

void
fuzz_split(const uint8_t *data, size_t size, const char **a, size_t *alen,
    const char **b, size_t *blen)
{
	const uint8_t	*nul = memchr(data, '\0', size);

	*a = (const char *)data;
	*alen = nul ? (size_t)(nul - data) : size;
	*b = nul ? (const char *)nul + 1 : NULL;
	*blen = nul ? size - *alen - 1 : 0;
}
