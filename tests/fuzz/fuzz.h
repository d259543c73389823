/*
 * Shared helpers of the libFuzzer targets in tests/fuzz/.  Each target is
 * one fuzz_NAME.c that defines LLVMFuzzerTestOneInput(); they link with
 * build-fuzz/libplanpress.a, built by clang with -fsanitize=fuzzer-no-link,
 * address and undefined (make fuzz).
 *
 * Targets that go through a file (pages, site.yaml, dataset metadata)
 * write the input into a private temporary folder, made once per
 * process by fuzz_dir() and removed at exit.  Every input gets a new
 * struct diag, printed into a memory stream (so the printing code runs
 * too) and freed, so nothing carries over from one input to the next.
 */
#ifndef PLANPRESS_FUZZ_H
#define PLANPRESS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct diag;

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

/* The process's temporary folder, made on first use. */
const char	*fuzz_dir(void);

/*
 * Write the "len" bytes of "data" to "name" in fuzz_dir(); returns the
 * full path, static until the next call.
 */
const char	*fuzz_write(const char *name, const void *data, size_t len);

/* The diagnostics of "d", printed; free() the result. */
char		*fuzz_diag_text(struct diag *d);

/* Print the diagnostics of "d" to a memory stream and free "d". */
void		 fuzz_diag_done(struct diag *d);

/*
 * Split the input at its first NUL byte: "*a" and "*alen" before it,
 * "*b" and "*blen" after it (NULL and 0 when there is no NUL).
 */
void		 fuzz_split(const uint8_t *data, size_t size, const char **a,
		    size_t *alen, const char **b, size_t *blen);

#endif
