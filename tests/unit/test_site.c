/* Unit tests of the link and output stages: front matter splitting
 * (page.c), relative URLs (render.c), and the output writer (fsout.c):
 * unsafe paths refused, a commit replacing the tree, an uncommitted
 * build leaving the old tree alone. */
#include "page.h"
#include "render.h"
#include "fsout.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "check.h"

static void
test_split(void)
{
	const char	*y, *body, *t;
	size_t		 yl, bl;
	unsigned	 line;

	t = "---\ntitle: A\n---\nBody\n";
	CHECK(page_split(t, strlen(t), &y, &yl, &body, &bl, &line));
	CHECK(y == t + 4 && yl == 9 && line == 4);
	CHECK_STR(body, "Body\n");
	t = "---\r\ntitle: A\r\n...\r\n\r\nBody";
	CHECK(page_split(t, strlen(t), &y, &yl, &body, &bl, &line));
	CHECK(yl == 10 && line == 4 && strcmp(body, "\r\nBody") == 0);
	t = "No front matter\n";
	CHECK(page_split(t, strlen(t), &y, &yl, &body, &bl, &line));
	CHECK(y == NULL && body == t && line == 1);
	t = "---\ntitle: A\nnever closed\n";
	CHECK(page_split(t, strlen(t), &y, &yl, &body, &bl, &line) == 0);
	t = "----\ntitle: A\n---\n";
	CHECK(page_split(t, strlen(t), &y, &yl, &body, &bl, &line));
	CHECK(y == NULL);
}

static void
relf(const char *from, const char *to, int files, const char *want)
{
	struct buf	 b = BUF_INIT;

	render_relurl(&b, from, to, files);
	CHECK_STR(b.data, want);
	buf_release(&b);
}

static void
rel(const char *from, const char *to, const char *want)
{
	relf(from, to, 0, want);
}

/* render_url() with "files", from "/a/b/". */
static void
urlf(const char *abs, const char *to, const char *want)
{
	struct buf	 b = BUF_INIT;

	render_url(&b, "/a/b/", abs, to, 1);
	CHECK_STR(b.data, want);
	buf_release(&b);
}

static void
test_relurl(void)
{
	rel("/", "/", "./");
	rel("/", "/muc-tieu/", "muc-tieu/");
	rel("/muc-tieu/", "/", "../");
	rel("/muc-tieu/", "/muc-tieu/", "./");
	rel("/muc-tieu/a/", "/muc-tieu/b/", "../b/");
	rel("/muc-tieu/a/", "/nhiem-vu/b/", "../../nhiem-vu/b/");
	rel("/a/b/c/", "/assets/style.css", "../../../assets/style.css");
	rel("/ab/", "/abc/", "../abc/");
	relf("/", "/", 1, "./index.html");
	relf("/muc-tieu/", "/", 1, "../index.html");
	relf("/muc-tieu/a/", "/muc-tieu/b/", 1, "../b/index.html");
	relf("/don-vi/a/", "/don-vi/#so", 1, "../index.html#so");
	relf("/don-vi/", "/don-vi/#so", 1, "#so");
	relf("/a/b/c/", "/assets/style.css", 1, "../../../assets/style.css");
	urlf(NULL, "/a/c/", "../c/index.html");
	urlf(NULL, "https://x.vn/a/", "https://x.vn/a/");
	urlf(NULL, "mailto:a@x.vn", "mailto:a@x.vn");
	urlf("/ke-hoach/", "/a/", "/ke-hoach/a/index.html");
	urlf("/ke-hoach/", "/", "/ke-hoach/index.html");
	urlf("/ke-hoach/", "/feed.xml", "/ke-hoach/feed.xml");
}

static int
exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0;
}

static void
test_fsout(void)
{
	struct diag	*d = diag_new();
	struct fsout	*fs;
	char		 dir[] = "/tmp/planpress-test-XXXXXX", out[64], p[96];

	CHECK(mkdtemp(dir) != NULL);
	snprintf(out, sizeof(out), "%s/out", dir);
	fs = fsout_open(d, out, 0);
	CHECK(fs != NULL);
	CHECK(fsout_write(fs, "a/b/index.html", "x", 1) == 1);
	CHECK(fsout_write(fs, "a/b/index.html", "y", 1) == 0);
	CHECK(fsout_write(fs, "../evil", "x", 1) == 0);
	CHECK(fsout_write(fs, "a/../../evil", "x", 1) == 0);
	CHECK(fsout_write(fs, "/etc/evil", "x", 1) == 0);
	CHECK(fsout_write(fs, "a//b", "x", 1) == 0);
	CHECK(fsout_write(fs, ".hidden", "x", 1) == 0);
	CHECK(fsout_count(fs) == 1);
	CHECK(fsout_commit(fs) == 1);
	fsout_free(fs);
	snprintf(p, sizeof(p), "%s/a/b/index.html", out);
	CHECK(exists(p));
	snprintf(p, sizeof(p), "%s/evil", dir);
	CHECK(!exists(p));

	/* A second build that is never committed changes nothing. */
	fs = fsout_open(d, out, 0);
	CHECK(fsout_write(fs, "new.html", "n", 1) == 1);
	fsout_free(fs);
	snprintf(p, sizeof(p), "%s/new.html", out);
	CHECK(!exists(p));
	snprintf(p, sizeof(p), "%s/a/b/index.html", out);
	CHECK(exists(p));

	/* A committed one replaces the whole tree. */
	fs = fsout_open(d, out, 0);
	CHECK(fsout_write(fs, "new.html", "n", 1) == 1);
	CHECK(fsout_commit(fs) == 1);
	fsout_free(fs);
	CHECK(!exists(p));
	snprintf(p, sizeof(p), "%s/new.html", out);
	CHECK(exists(p));
	snprintf(p, sizeof(p), "%s/%s", out, FSOUT_MARKER);
	CHECK(exists(p));
	CHECK(diag_errors(d) == 6);

	/* A folder that holds other files and no marker is never replaced. */
	CHECK(unlink(p) == 0);
	CHECK(fsout_open(d, out, 0) == NULL);
	CHECK(diag_errors(d) == 7);
	snprintf(p, sizeof(p), "%s/new.html", out);
	CHECK(exists(p));
	CHECK(fsout_remove_tree(dir) == 1 && !exists(dir));
	diag_free(d);
}

int
main(void)
{
	test_split();
	test_relurl();
	test_fsout();
	return CHECK_DONE("page, render, fsout");
}
