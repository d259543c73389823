/*
 * The official Mustache spec against mustache.c, as cmark runs spec.txt:
 *
 *	mustache_spec [DIR]
 *
 * reads every .json file in DIR ({"tests": [{name, desc, data, template,
 * partials?, expected}]}, DIR by default ../shared/vendor-data/mustache-
 * spec/specs), parses each test's template and partials once, renders
 * the template against "data" with the partials as lookup, and compares
 * with "expected".  The optional modules ~lambdas and ~dynamic-names are
 * skipped, one skip a test.  It prints every failure, a summary line a
 * file and at the end the line that tests/run.sh adds up:
 *
 *	RESULT: <passed> <failed> <skipped> mustache-spec
 *
 * The exit status is 1 if any test failed.  When DIR does not exist the
 * whole suite counts as one skip.  The vendored copy keeps the files at
 * the top of mustache-spec/ rather than in specs/, so a DIR named
 * "specs" that does not exist falls back to its parent folder.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "xalloc.h"

#define DEFAULT_DIR	"../shared/vendor-data/mustache-spec/specs"

struct partial {
	const char	*name;
	struct mustache	*t;
};

struct partials {
	struct partial	*v;
	size_t		 n;
};

struct count {
	int	 passed, failed, skipped;
};

static const struct mustache *
lookup(void *arg, const char *name)
{
	const struct partials	*ps = arg;
	size_t			 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return ps->v[i].t;
	return NULL;
}

/* Parse every partial of "test" once; 0 after printing an error. */
static int
loadpartials(struct diag *d, json_t *test, struct partials *ps)
{
	json_t		*obj = json_object_get(test, "partials"), *v;
	const char	*name;
	int		 rc = 1;

	ps->v = xcalloc(json_object_size(obj) + 1, sizeof(*ps->v));
	ps->n = 0;
	json_object_foreach(obj, name, v) {
		ps->v[ps->n].name = name;
		ps->v[ps->n].t = mustache_parse(d, name,
		    json_string_value(v), json_string_length(v));
		if (ps->v[ps->n].t == NULL)
			rc = 0;
		ps->n++;
	}
	return rc;
}

static void
freepartials(struct partials *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		mustache_free(ps->v[i].t);
	free(ps->v);
}

/* Run one test; 1 if it passed, else print what went wrong. */
static int
runtest(const char *file, json_t *test)
{
	const char	*tpl = json_string_value(json_object_get(test,
			    "template"));
	const char	*want = json_string_value(json_object_get(test,
			    "expected"));
	struct diag	*d = diag_new();
	struct partials	 ps = { NULL, 0 };
	struct mustache	*t = NULL;
	struct buf	 out = BUF_INIT;
	int		 rc = 0;

	if (tpl == NULL || want == NULL)
		goto out;
	if (!loadpartials(d, test, &ps))
		goto out;
	t = mustache_parse(d, "template", tpl, json_string_length(
	    json_object_get(test, "template")));
	if (t == NULL || !mustache_render(t, json_object_get(test, "data"),
	    lookup, &ps, d, &out))
		goto out;
	rc = strcmp(out.data, want) == 0;
out:
	if (!rc) {
		printf("FAIL: %s: %s\n", file, json_string_value(
		    json_object_get(test, "name")));
		printf("  template: %s\n  expected: %s\n  got:      %s\n",
		    tpl ? tpl : "(none)", want ? want : "(none)", out.data);
		fflush(stdout);
		diag_print(d, stdout);
	}
	buf_release(&out);
	mustache_free(t);
	freepartials(&ps);
	diag_free(d);
	return rc;
}

static int
optional(const char *file)
{
	return strcmp(file, "~lambdas.json") == 0 ||
	    strcmp(file, "~dynamic-names.json") == 0;
}

static void
runfile(const char *dir, const char *file, struct count *all)
{
	char		*path = xasprintf("%s/%s", dir, file);
	json_error_t	 err;
	json_t		*doc = json_load_file(path, 0, &err), *tests, *test;
	struct count	 c = { 0, 0, 0 };
	size_t		 i;

	if (doc == NULL) {
		printf("FAIL: %s:%d: %s\n", path, err.line, err.text);
		c.failed++;
		goto out;
	}
	tests = json_object_get(doc, "tests");
	json_array_foreach(tests, i, test) {
		if (optional(file))
			c.skipped++;
		else if (runtest(file, test))
			c.passed++;
		else
			c.failed++;
	}
out:
	printf("mustache spec: %s %d passed, %d failed, %d skipped\n", file,
	    c.passed, c.failed, c.skipped);
	all->passed += c.passed;
	all->failed += c.failed;
	all->skipped += c.skipped;
	json_decref(doc);
	free(path);
}

static int
isjson(const struct dirent *e)
{
	size_t	 n = strlen(e->d_name);

	return n > 5 && strcmp(e->d_name + n - 5, ".json") == 0;
}

static int
isdir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "dir", or its parent when "dir" is a missing ".../specs". */
static char *
specdir(const char *dir)
{
	size_t	 n = strlen(dir);

	if (isdir(dir) || n < 6 || strcmp(dir + n - 6, "/specs") != 0)
		return xstrdup(dir);
	return xstrndup(dir, n - 6);
}

int
main(int argc, char *argv[])
{
	char		*dir = specdir(argc > 1 ? argv[1] : DEFAULT_DIR);
	struct dirent	**v = NULL;
	struct count	 all = { 0, 0, 0 };
	int		 n, i;

	n = scandir(dir, &v, isjson, alphasort);
	if (n < 0) {
		printf("mustache spec: no spec files in %s, skipped\n", dir);
		all.skipped = 1;
	}
	for (i = 0; i < n; i++) {
		runfile(dir, v[i]->d_name, &all);
		free(v[i]);
	}
	free(v);
	free(dir);
	printf("RESULT: %d %d %d mustache-spec\n", all.passed, all.failed,
	    all.skipped);
	return all.failed ? 1 : 0;
}
