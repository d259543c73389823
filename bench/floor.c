/*
 * floor: the lower bound of the benchmark (make bench).  Not part of
 * planpress.  It does the least work that any generator must do on the
 * synthetic site: read every Markdown file, skip its front matter, render
 * the body with cmark-gfm (table, strikethrough, autolink and tagfilter
 * extensions, as planpress does) and write one HTML file per page.  No
 * templates, no URLs, no front matter parsing, no menus or lists.
 *
 *	floor CONTENT OUTPUT [THREADS]
 *
 * CONTENT/sNN/bai-IIIII.md becomes OUTPUT/sNN/bai-IIIII.html (the
 * folders are created first, by the main thread).  Pages are handed to
 * THREADS threads (default 2) through a shared counter.  Exit status 1
 * on any I/O error.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

struct job {
	char		**rel;		/* paths under CONTENT, without ".md" */
	size_t		  n, cap;
	const char	 *in, *out;
	atomic_size_t	  next;
	atomic_int	  failed;
};

static const char *const extnames[] = {
	"table", "strikethrough", "autolink", "tagfilter"
};

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL) {
		perror("floor");
		exit(1);
	}
	return p;
}

static char *
join(const char *a, const char *b, const char *suffix)
{
	size_t	 n = strlen(a) + strlen(b) + strlen(suffix) + 2;
	char	*s = xrealloc(NULL, n);

	snprintf(s, n, "%s%s%s%s", a, *a && *b ? "/" : "", b, suffix);
	return s;
}

/* Collect the .md files under "in/rel", making "out/rel" as we go. */
static int
walk(struct job *j, const char *rel)
{
	char		*dir = join(j->in, rel, ""), *od = join(j->out, rel, "");
	DIR		*d = NULL;
	struct dirent	*e;
	size_t		 len;
	int		 rc = 1;

	if (mkdir(od, 0755) == -1 && errno != EEXIST) {
		fprintf(stderr, "floor: %s: %s\n", od, strerror(errno));
		rc = 0;
	}
	if (rc && (d = opendir(dir)) == NULL) {
		fprintf(stderr, "floor: %s: %s\n", dir, strerror(errno));
		rc = 0;
	}
	while (rc && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		len = strlen(e->d_name);
		if (e->d_type == DT_DIR) {
			char *sub = join(rel, e->d_name, "");
			rc = walk(j, sub);
			free(sub);
		} else if (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0) {
			if (j->n == j->cap) {
				j->cap = j->cap ? 2 * j->cap : 1024;
				j->rel = xrealloc(j->rel, j->cap * sizeof(*j->rel));
			}
			e->d_name[len - 3] = '\0';
			j->rel[j->n++] = join(rel, e->d_name, "");
		}
	}
	if (d)
		closedir(d);
	free(dir);
	free(od);
	return rc;
}

static int
slurp(const char *path, char **data, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	size_t	 cap = 8192, n;

	*len = 0;
	*data = NULL;
	if (f == NULL)
		return 0;
	*data = xrealloc(NULL, cap);
	while ((n = fread(*data + *len, 1, cap - *len, f)) > 0) {
		*len += n;
		if (*len == cap)
			*data = xrealloc(*data, cap *= 2);
	}
	n = !ferror(f);
	fclose(f);
	return (int)n;
}

/* The text after a leading "---" ... "---" block. */
static const char *
body(const char *s, size_t len, size_t *blen)
{
	const char	*p, *end = s + len;

	*blen = len;
	if (len < 4 || strncmp(s, "---\n", 4) != 0)
		return s;
	for (p = s + 4; p < end; p++) {
		if (p[-1] == '\n' && end - p >= 4 && strncmp(p, "---\n", 4) == 0) {
			*blen = (size_t)(end - p - 4);
			return p + 4;
		}
	}
	return s;
}

static int
page(const struct job *j, const char *rel)
{
	char			*in = join(j->in, rel, ".md");
	char			*out = join(j->out, rel, ".html");
	char			*src, *html = NULL;
	const char		*b;
	size_t			 len, blen, i;
	cmark_parser		*p = NULL;
	cmark_node		*doc = NULL;
	FILE			*f;
	int			 rc = 0;

	if (!slurp(in, &src, &len)) {
		fprintf(stderr, "floor: %s: %s\n", in, strerror(errno));
		goto out;
	}
	b = body(src, len, &blen);
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (i = 0; i < sizeof(extnames) / sizeof(extnames[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(extnames[i]));
	cmark_parser_feed(p, b, blen);
	doc = cmark_parser_finish(p);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT,
	    cmark_parser_get_syntax_extensions(p));
	if ((f = fopen(out, "w")) == NULL ||
	    fwrite(html, 1, strlen(html), f) != strlen(html) ||
	    fclose(f) != 0) {
		fprintf(stderr, "floor: %s: %s\n", out, strerror(errno));
		goto out;
	}
	rc = 1;
out:
	free(html);
	if (doc)
		cmark_node_free(doc);
	if (p)
		cmark_parser_free(p);
	free(src);
	free(in);
	free(out);
	return rc;
}

static void *
worker(void *arg)
{
	struct job	*j = arg;
	size_t		 i;

	while ((i = atomic_fetch_add(&j->next, 1)) < j->n)
		if (!page(j, j->rel[i]))
			atomic_store(&j->failed, 1);
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct job	 j = { 0 };
	pthread_t	*t;
	long		 i, nthreads = argc > 3 ? strtol(argv[3], NULL, 10) : 2;

	if (argc < 3 || argc > 4 || nthreads < 1 || nthreads > 256) {
		fprintf(stderr, "usage: floor CONTENT OUTPUT [THREADS]\n");
		return 2;
	}
	cmark_gfm_core_extensions_ensure_registered();
	j.in = argv[1];
	j.out = argv[2];
	atomic_init(&j.next, 0);
	atomic_init(&j.failed, 0);
	if (!walk(&j, ""))
		return 1;
	t = xrealloc(NULL, (size_t)nthreads * sizeof(*t));
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&t[i], NULL, worker, &j) != 0) {
			fprintf(stderr, "floor: cannot start a thread\n");
			return 1;
		}
	for (i = 0; i < nthreads; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < (long)j.n; i++)
		free(j.rel[i]);
	free(j.rel);
	free(t);
	return atomic_load(&j.failed) ? 1 : 0;
}
