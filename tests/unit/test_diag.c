/*
 * Unit tests for diag.c: sorting, and no control character of a
 * message or a file name ever reaching the terminal.
 */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"

/* The diagnostics of "d", printed and forgotten; free() the result. */
static char *
printed(struct diag *d)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	diag_print(d, fp);
	fclose(fp);
	return s;
}

static void
test_escape(void)
{
	struct diag	*d = diag_new();
	struct loc	 l = { "content/\x1b[31mred.md", 2, 1 };
	char		*s;

	diag_error(d, &l, "unknown layout '%s'", "a\x1b]0;x\x07\tb\nc");
	diag_warning(d, NULL, "bidi '%s', C1 '%s', bad '%s', fine '%s'",
	    "a\xe2\x80\xae" "b", "\xc2\x85", "\xff\xc3", "Vi\xe1\xbb\x87t");
	s = printed(d);
	CHECK_STR(s, "planpress: warning: bidi 'a<U+202E>b', C1 '\\u0085', "
	    "bad '\\xff\\xc3', fine 'Vi\xe1\xbb\x87t'\n"
	    "content/\\x1b[31mred.md:2:1: error: unknown layout "
	    "'a\\x1b]0;x\\x07\\tb\\nc'\n");
	free(s);
	diag_free(d);
}

static void
test_sort(void)
{
	struct diag	*d = diag_new();
	struct loc	 a = { "b.md", 3, 2 }, b = { "a.md", 9, 0 };
	char		*s;

	diag_error(d, &a, "second");
	diag_error(d, &b, "first");
	diag_error(d, &a, "second");
	CHECK(diag_errors(d) == 3);
	s = printed(d);
	CHECK_STR(s, "a.md:9: error: first\nb.md:3:2: error: second\n");
	free(s);
	diag_free(d);
}

int
main(void)
{
	test_escape();
	test_sort();
	return CHECK_DONE("diag");
}
