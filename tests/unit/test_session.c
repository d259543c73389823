/* Unit tests of serve's sessions (site.c): an edit of a page's body
 * renders that page again, in the site and in every edition that shows
 * it, and an edit of a translation renders the translation alone.  Runs
 * on a copy of the golden site of editions (tests/golden/editions),
 * from the repository's root. */
#include "site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "check.h"

static char	 tmp[] = "/tmp/planpress-session-XXXXXX";

/* The bytes of "tmp/rel", or "" when there is no such file. */
static char *
slurp(const char *rel)
{
	char	 path[512];
	FILE	*f;
	char	*s;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	if ((f = fopen(path, "rb")) == NULL)
		return strdup("");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = calloc(1, (size_t)n + 1);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		s[0] = '\0';
	fclose(f);
	return s;
}

/* Append "text" to the page "rel" of the copied site. */
static void
append(const char *rel, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/site/content/%s", tmp, rel);
	CHECK((f = fopen(path, "a")) != NULL);
	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

/* 1 if the file "rel" of the output holds "s". */
static int
holds(const char *rel, const char *s)
{
	char	*t = slurp(rel);
	int	 rc = strstr(t, s) != NULL;

	free(t);
	return rc;
}

static void
test_editions(void)
{
	struct site_opts	 o;
	struct site_stats	 st;
	struct site_session	*s;
	struct diag		*d = diag_new();
	char			 cmd[1024], src[128], out[128], file[512];
	int			 ok = 0;

	CHECK(mkdtemp(tmp) != NULL);
	snprintf(cmd, sizeof(cmd), "cp -R tests/golden/editions/site %s/site "
	    "&& rm %s/site/themes/default && cp -R themes/default "
	    "%s/site/themes/default && sed -i '/^allow_outside/d' "
	    "%s/site/site.yaml", tmp, tmp, tmp, tmp);
	CHECK(system(cmd) == 0);
	snprintf(src, sizeof(src), "%s/site", tmp);
	snprintf(out, sizeof(out), "%s/out", tmp);
	memset(&o, 0, sizeof(o));
	o.source = src;
	o.output = out;
	o.jobs = 1;
	s = site_session_new(d, &o, &st, &ok);
	CHECK(s != NULL && ok);
	CHECK(diag_errors(d) == 0);
	if (s == NULL)
		goto done;

	/* A page that the English edition shows untranslated: both. */
	append("areas/safety.md", "\nA sentence added under serve.\n");
	snprintf(file, sizeof(file), "%s/content/areas/safety.md", src);
	CHECK(site_session_page(s, d, file, out) == 1);
	CHECK(holds("out/areas/safety/index.html", "A sentence added"));
	CHECK(holds("out/en/areas/safety/index.html", "A sentence added"));
	/* ... which keeps its switcher and its place. */
	CHECK(holds("out/areas/safety/index.html", "hreflang=\"en\""));
	CHECK(holds("out/en/areas/safety/index.html",
	    "has not been translated into English"));

	/* A translation: that page alone. */
	append("areas/services.en.md", "\nAn English sentence.\n");
	snprintf(file, sizeof(file), "%s/content/areas/services.en.md", src);
	CHECK(site_session_page(s, d, file, out) == 1);
	CHECK(holds("out/en/areas/online-services/index.html",
	    "An English sentence."));
	CHECK(!holds("out/areas/online-services/index.html",
	    "An English sentence."));

	/* A second edit of the same page (the session keeps its editions). */
	append("areas/safety.md", "\nA second sentence.\n");
	snprintf(file, sizeof(file), "%s/content/areas/safety.md", src);
	CHECK(site_session_page(s, d, file, out) == 1);
	CHECK(holds("out/en/areas/safety/index.html", "A second sentence."));
	CHECK(diag_errors(d) == 0);
	site_session_free(s);
done:
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	CHECK(system(cmd) == 0);
	diag_free(d);
}

int
main(void)
{
	test_editions();
	return CHECK_DONE("session");
}
