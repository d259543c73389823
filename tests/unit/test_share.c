/*
 * Unit tests for share.c and identity.c: share values percent-encoded,
 * nothing but the page itself without an absolute address; the home
 * page's JSON-LD valid and safe in a <script> element.
 */
#include "share.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "config.h"
#include "identity.h"

static const char *
get(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void
test_share(void)
{
	json_t	*t = json_pack("{s:s}", "share_email_body", "{title}: {url}");
	json_t	*v = share_view(t, "https://x.gov.vn/a/", "Dữ liệu & số");

	CHECK_STR(get(v, "url"), "https://x.gov.vn/a/");
	CHECK(json_is_true(json_object_get(v, "absolute")));
	CHECK_STR(get(v, "url_q"), "https%3A//x.gov.vn/a/");
	CHECK_STR(get(v, "title_q"), "D%E1%BB%AF%20li%E1%BB%87u%20%26%20s%E1%BB%91");
	/* base64 of {"url":"https://x.gov.vn/a/"}, '=' encoded. */
	CHECK_STR(get(v, "zalo_d"),
	    "eyJ1cmwiOiJodHRwczovL3guZ292LnZuL2EvIn0%3D");
	CHECK_STR(get(v, "email_body_q"), "D%E1%BB%AF%20li%E1%BB%87u%20%26%20"
	    "s%E1%BB%91%3A%20https%3A//x.gov.vn/a/");
	json_decref(v);
	v = share_view(t, NULL, "x");
	CHECK_STR(get(v, "url"), "./");
	CHECK(json_is_false(json_object_get(v, "absolute")));
	CHECK(json_object_get(v, "url_q") == NULL);
	json_decref(v);
	json_decref(t);
}

static void
test_identity(void)
{
	struct config	 c;
	struct buf	 b = BUF_INIT;
	json_t		*doc, *g;

	memset(&c, 0, sizeof(c));
	c.title = "Kế hoạch </script><!--";
	c.description = "";
	c.language = "vi";
	c.base_url = "https://x.gov.vn/kh/";
	c.logo = "assets/emblem.png";
	c.legal_text = c.legal_url = "";
	c.publisher = json_pack("{s:s}", "name", "Ban Chỉ đạo");
	c.contact = json_pack("{s:s, s:s}", "email", "bcd@x.gov.vn", "phone",
	    "0234 000");
	identity_jsonld(&c, &b);
	CHECK(strchr(b.data, '<') == NULL);
	doc = json_loads(b.data, 0, NULL);
	CHECK(doc != NULL);
	g = json_object_get(doc, "@graph");
	CHECK(json_array_size(g) == 2);
	CHECK_STR(get(json_array_get(g, 0), "@type"), "GovernmentOrganization");
	CHECK_STR(get(json_array_get(g, 0), "email"), "bcd@x.gov.vn");
	CHECK_STR(get(json_array_get(g, 0), "telephone"), "0234 000");
	CHECK_STR(get(json_array_get(g, 0), "logo"),
	    "https://x.gov.vn/kh/assets/emblem.png");
	CHECK_STR(get(json_array_get(g, 1), "name"), "Kế hoạch </script><!--");
	CHECK_STR(get(json_object_get(json_array_get(g, 1), "publisher"),
	    "@id"), "https://x.gov.vn/kh/#publisher");
	json_decref(doc);
	/* Without base_url: no ids, the publisher inline. */
	buf_reset(&b);
	c.base_url = "";
	identity_jsonld(&c, &b);
	doc = json_loads(b.data, 0, NULL);
	g = json_object_get(doc, "@graph");
	CHECK(json_array_size(g) == 1);
	CHECK(strstr(b.data, "@id") == NULL);
	CHECK_STR(get(json_object_get(json_array_get(g, 0), "publisher"),
	    "name"), "Ban Chỉ đạo");
	json_decref(doc);
	json_decref(c.publisher);
	json_decref(c.contact);
	buf_release(&b);
}

int
main(void)
{
	test_share();
	test_identity();
	return CHECK_DONE("share");
}
