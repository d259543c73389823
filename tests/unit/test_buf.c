/* Unit tests of buf.c, xasprintf() and diag.c: growth, formatting,
 * detaching, and the sorted, de-duplicated compiler-style output of
 * diagnostics. */
#include "buf.h"
#include "diag.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static void
test_buf(void)
{
	struct buf	 b = BUF_INIT;
	char		*s;
	size_t		 n, i;

	CHECK(b.data != NULL && b.len == 0 && b.data[0] == '\0');
	buf_puts(&b, "abc");
	buf_putc(&b, 'd');
	buf_printf(&b, "%d-%s", 42, "x");
	CHECK_STR(b.data, "abcd42-x");
	CHECK(b.len == 8);
	buf_truncate(&b, 2);
	CHECK_STR(b.data, "ab");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, 'z');
	CHECK(b.len == 10002 && b.data[b.len] == '\0');
	buf_put(&b, "\0x", 2);
	CHECK(b.len == 10004 && b.data[10002] == '\0' && b.data[10003] == 'x');
	buf_reset(&b);
	CHECK(b.len == 0 && b.data[0] == '\0');
	buf_puts(&b, "keep");
	s = buf_detach(&b, &n);
	CHECK_STR(s, "keep");
	CHECK(n == 4 && b.len == 0 && b.data[0] == '\0');
	free(s);
	s = buf_detach(&b, &n);
	CHECK_STR(s, "");
	free(s);
	buf_release(&b);
	buf_release(&b);
}

/* 1 if "got" (freed) is "want"; says what it got if not. */
static int
formatted(char *got, const char *want)
{
	int	 ok = strcmp(got, want) == 0;

	if (!ok)
		printf("  got '%s', want '%s'\n", got, want);
	free(got);
	return ok;
}

/*
 * buf_printf() into the room a buffer has, and past it; xasprintf() with
 * only "%s" (joined without vsnprintf()) and with other conversions.
 */
static void
test_printf(void)
{
	struct buf	 b = BUF_INIT;
	char		 big[300], *s;
	size_t		 i;

	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_printf(&b, "%s", "");
	CHECK(b.len == 0 && b.data[0] == '\0');
	buf_printf(&b, "%s", big);
	CHECK(b.len == 299 && strspn(b.data, "y") == 299);
	buf_reset(&b);
	buf_puts(&b, "ab");
	for (i = 0; i < 200; i++)	/* in the room, then past it */
		buf_printf(&b, "%zu,", i % 10);
	CHECK(b.len == 402 && b.data[402] == '\0');
	CHECK(strncmp(b.data, "ab0,1,2,", 8) == 0);
	CHECK_STR(b.data + 398, "8,9,");
	buf_printf(&b, "%s|%s", big, "z");
	CHECK(b.len == 402 + 301 && b.data[b.len - 1] == 'z' &&
	    b.data[b.len - 2] == '|' && b.data[b.len] == '\0');
	buf_release(&b);

	CHECK(formatted(xasprintf("%s/%s", "content", "a.md"),
	    "content/a.md"));
	CHECK(formatted(xasprintf("%s", ""), ""));
	CHECK(formatted(xasprintf("/%s%s/", "", "en"), "/en/"));
	CHECK(formatted(xasprintf("100%% %s%%", "done"), "100% done%"));
	CHECK(formatted(xasprintf("plain"), "plain"));
	/* through vsnprintf() */
	CHECK(formatted(xasprintf("%s-%d-%s", "a", 42, "b"), "a-42-b"));
	s = xasprintf("%s:%u:%s", big, 7u, "x");
	CHECK(strlen(s) == 299 + 4 && strcmp(s + 299, ":7:x") == 0);
	free(s);
}

/* Strings copied into one block, empty ones too; none: no block. */
static void
test_strdups(void)
{
	const char	*s[3] = { "/a/b/", "", "tệp" };
	char		*c[3] = { NULL, NULL, NULL };

	xstrdups(3, s, c);
	CHECK(c[0] != NULL && strcmp(c[0], "/a/b/") == 0 && c[0] != s[0]);
	CHECK(c[1] == c[0] + 6 && *c[1] == '\0');
	CHECK(c[2] == c[1] + 1 && strcmp(c[2], "tệp") == 0);
	free(c[0]);
	c[0] = NULL;
	xstrdups(0, s, c);
	CHECK(c[0] == NULL);
}

static void
test_diag(void)
{
	struct diag	*d = diag_new();
	struct loc	 a = { "b.md", 3, 2 }, b = { "a.md", 10, 1 };
	struct loc	 c = { "a.md", 2, 7 }, f = { "f.yaml", 4, 0 };
	char		*text = NULL;
	size_t		 len = 0;
	FILE		*fp = open_memstream(&text, &len);

	CHECK(diag_error(d, &a, "unknown layout '%s'", "wide") == 0);
	diag_warning(d, &b, "unknown key 'x'");
	diag_error(d, &c, "page has no title");
	diag_error(d, &c, "page has no title");	/* reported once */
	diag_error(d, &f, "no column");
	diag_error(d, NULL, "no place");
	CHECK(diag_errors(d) == 5 && diag_warnings(d) == 1);
	diag_print(d, fp);
	fclose(fp);
	CHECK_STR(text,
	    "planpress: error: no place\n"
	    "a.md:2:7: error: page has no title\n"
	    "a.md:10:1: warning: unknown key 'x'\n"
	    "b.md:3:2: error: unknown layout 'wide'\n"
	    "f.yaml:4: error: no column\n");
	free(text);
	diag_set_strict(d, 1);
	diag_warning(d, &b, "now an error");
	CHECK(diag_errors(d) == 6 && diag_warnings(d) == 1);
	diag_free(d);
	diag_free(NULL);
}

int
main(void)
{
	test_buf();
	test_printf();
	test_strdups();
	test_diag();
	return CHECK_DONE("buf, diag");
}
