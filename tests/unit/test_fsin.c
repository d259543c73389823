/*
 * fsin.c: reading inside the site only.  Links out of the confinement,
 * link loops, FIFOs and files over the size limit are refused; links
 * inside and allowed folders are followed; fsin_within() resolves paths
 * that do not exist yet.
 */
#include "fsin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fsout.h"
#include "check.h"

static char	 top[] = "/tmp/planpress-fsin-XXXXXX";

static char *
at(const char *rel)
{
	static char	 p[4][256];
	static int	 i;

	i = (i + 1) % 4;
	snprintf(p[i], sizeof(p[i]), "%s/%s", top, rel);
	return p[i];
}

static void
put(const char *rel, const char *text)
{
	FILE	*fp = fopen(at(rel), "w");

	CHECK(fp != NULL);
	if (fp != NULL) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* 1 if reading "rel" fails; "d" gets the error. */
static int
refused(struct diag *d, const char *rel)
{
	struct buf	 b = BUF_INIT;
	int		 rc = fsin_read(d, at(rel), rel, &b);

	buf_release(&b);
	return rc == 0;
}

static void
test_read(void)
{
	struct diag		*d = diag_new();
	struct buf		 b = BUF_INIT;
	struct fsin_entry	*v;
	size_t			 n;
	FILE			*fp;

	CHECK(mkdir(at("site"), 0755) == 0);
	CHECK(mkdir(at("site/content"), 0755) == 0);
	CHECK(mkdir(at("shared"), 0755) == 0);
	put("site/content/a.md", "inside\n");
	put("secret", "outside\n");
	put("shared/t.md", "shared\n");
	CHECK(symlink("../../secret", at("site/content/out.md")) == 0);
	CHECK(symlink("a.md", at("site/content/in.md")) == 0);
	CHECK(symlink("..", at("site/content/loop")) == 0);
	CHECK(symlink("../../shared/t.md", at("site/content/shared.md")) == 0);
	CHECK(symlink("../../shared", at("site/content/ext")) == 0);
	CHECK(mkfifo(at("site/content/fifo.md"), 0644) == 0);
	CHECK(fsin_confine(d, at("site")) == 1);

	/* A plain file read first, by its absolute path, makes its folder
	 * the one known to be inside: the links beside it and a folder
	 * link out of it are still refused. */
	CHECK(fsin_read(d, at("site/content/a.md"), "a.md", &b) == 1);
	buf_reset(&b);
	CHECK(fsin_read(d, at("site/content/in.md"), "in.md", &b) == 1);
	CHECK_STR(b.data, "inside\n");
	CHECK(refused(d, "site/content/out.md"));
	CHECK(refused(d, "site/content/shared.md"));
	CHECK(refused(d, "site/content/fifo.md"));
	CHECK(refused(d, "site/content/ext/t.md"));
	CHECK(diag_errors(d) == 4);

	/* Listing leaves out, and reports, the links out and the loop:
	 * a.md, fifo.md and in.md are left. */
	n = fsin_list(d, at("site/content"), &v);
	CHECK(n == 3);
	fsin_list_free(v, n);
	CHECK(diag_errors(d) == 8);

	CHECK(fsin_allow(d, NULL, "../shared") == 1);
	CHECK(!refused(d, "site/content/shared.md"));
	CHECK(fsin_allow(d, NULL, "../no-such-folder") == 0);
	fp = fsin_fopen(d, at("site/content/out.md"), "out.md");
	CHECK(fp == NULL);
	fp = fsin_fopen(d, at("site/content/a.md"), "a.md");
	CHECK(fp != NULL && fgetc(fp) == 'i');
	if (fp != NULL)
		fclose(fp);

	/* Too large, without reading it: a sparse file. */
	CHECK(truncate(at("site/content/a.md"), (off_t)FSIN_MAX_READ + 1)
	    == 0);
	CHECK(refused(d, "site/content/a.md"));
	fsin_unconfine();
	CHECK(!refused(d, "secret"));	/* unconfined: only type and size */
	buf_release(&b);
	diag_free(d);
}

static void
test_within(void)
{
	CHECK(fsin_within(at("site/content"), at("site")));
	CHECK(fsin_within(at("site/content/new/deeper"), at("site/content")));
	CHECK(fsin_within(at("site/new/../content/x"), at("site/content")));
	CHECK(fsin_within(at("site"), at("site")));
	CHECK(!fsin_within(at("site"), at("site/content")));
	CHECK(!fsin_within(at("sitex"), at("site")));
	CHECK(fsin_within(at("site/content/loop/content"), at("site")));
}

int
main(void)
{
	int	 rc;

	if (mkdtemp(top) == NULL)
		return 1;
	test_read();
	test_within();
	rc = CHECK_DONE("fsin");
	fsout_remove_tree(top);
	return rc;
}
