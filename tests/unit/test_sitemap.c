/*
 * Unit tests for sitemap.c: sorted, one entry per path, absolute or
 * site-path locations, language alternates, robots.txt.
 */
#include "sitemap.h"

#include <string.h>

#include "buf.h"
#include "check.h"

static void
test_sitemap(void)
{
	struct sitemap	*sm = sitemap_new("https://x.gov.vn/kh/", "vi");
	struct buf	 b = BUF_INIT;

	sitemap_add(sm, "/b/", "2024-05-16", NULL, NULL);
	sitemap_add(sm, "/a/", NULL, NULL, "k");
	sitemap_add(sm, "/en/a/", "2024-06-01", "en", "k");
	sitemap_add(sm, "/b/", "2025-01-01", NULL, NULL);	/* again */
	sitemap_add(sm, "/q&a/", "", NULL, "alone");
	CHECK(sitemap_count(sm) == 4);
	sitemap_xml(sm, &b);
	CHECK(strncmp(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"", 93)
	    == 0);
	/* Sorted by path: /a/, /b/, /en/a/, /q&a/. */
	CHECK(strstr(b.data, "<loc>https://x.gov.vn/kh/a/</loc>") <
	    strstr(b.data, "<loc>https://x.gov.vn/kh/b/</loc>"));
	CHECK(strstr(b.data, "<loc>https://x.gov.vn/kh/b/</loc>\n"
	    "    <lastmod>2024-05-16</lastmod>") != NULL);
	CHECK(strstr(b.data, "2025-01-01") == NULL);
	CHECK(strstr(b.data, "<loc>https://x.gov.vn/kh/q&amp;a/</loc>\n"
	    "  </url>") != NULL);
	/* Both pages of group "k" name both languages; "alone" none. */
	CHECK(strstr(b.data, "<loc>https://x.gov.vn/kh/a/</loc>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"vi\" "
	    "href=\"https://x.gov.vn/kh/a/\"/>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
	    "href=\"https://x.gov.vn/kh/en/a/\"/>\n") != NULL);
	CHECK(strstr(b.data, "<loc>https://x.gov.vn/kh/en/a/</loc>\n"
	    "    <lastmod>2024-06-01</lastmod>\n    <xhtml:link") != NULL);
	CHECK(strstr(b.data, "hreflang") != NULL &&
	    strstr(strstr(b.data, "q&amp;a"), "hreflang") == NULL);
	CHECK(strcmp(b.data + b.len - 10, "</urlset>\n") == 0);
	sitemap_free(sm);
	buf_release(&b);
}

/*
 * Groups found in one pass, whatever the order of adding: every page of
 * a group in two or more languages names all of them, by path; a group
 * in one language names none.
 */
static void
test_groups(void)
{
	struct sitemap	*sm = sitemap_new("", "vi");
	struct buf	 b = BUF_INIT;
	const char	*alts = "    <xhtml:link rel=\"alternate\" hreflang=\"vi\" "
	    "href=\"/a/\"/>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
	    "href=\"/en/a/\"/>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
	    "href=\"/fr/a/\"/>\n  </url>\n";
	const char	*at;
	int		 n = 0;

	sitemap_add(sm, "/fr/a/", NULL, "fr", "k1");
	sitemap_add(sm, "/c/", NULL, NULL, "k2");
	sitemap_add(sm, "/a/", NULL, NULL, "k1");
	sitemap_add(sm, "/b/", NULL, NULL, "k2");
	sitemap_add(sm, "/en/a/", NULL, "en", "k1");
	sitemap_add(sm, "/d/", NULL, "en", "k3");
	sitemap_xml(sm, &b);
	for (at = b.data; (at = strstr(at, alts)) != NULL; at++)
		n++;
	CHECK(n == 3);
	CHECK(strstr(b.data, "<loc>/fr/a/</loc>\n") != NULL &&
	    strncmp(strstr(b.data, "<loc>/fr/a/</loc>\n") + 18, alts,
	    strlen(alts)) == 0);
	CHECK(strstr(b.data, "<loc>/b/</loc>\n  </url>") != NULL);
	CHECK(strstr(b.data, "<loc>/c/</loc>\n  </url>") != NULL);
	CHECK(strstr(b.data, "<loc>/d/</loc>\n  </url>") != NULL);
	sitemap_free(sm);
	buf_release(&b);
}

static void
test_nobase(void)
{
	struct sitemap	*sm = sitemap_new("", "vi");
	struct buf	 b = BUF_INIT;

	sitemap_add(sm, "/", "2024-05-16", NULL, NULL);
	sitemap_xml(sm, &b);
	CHECK(strstr(b.data, "<loc>/</loc>") != NULL);
	sitemap_free(sm);
	sitemap_free(NULL);
	buf_reset(&b);
	sitemap_robots("https://x.gov.vn/kh/", &b);
	CHECK_STR(b.data, "User-agent: *\nAllow: /\n\n"
	    "Sitemap: https://x.gov.vn/kh/sitemap.xml\n");
	buf_reset(&b);
	sitemap_robots("", &b);
	CHECK(strncmp(b.data, "User-agent: *\nAllow: /\n\n# ", 26) == 0);
	CHECK(strstr(b.data, "base_url") != NULL);
	CHECK(strstr(b.data, "\nSitemap:") == NULL);
	buf_release(&b);
}

int
main(void)
{
	test_sitemap();
	test_nobase();
	test_groups();
	return CHECK_DONE("sitemap");
}
