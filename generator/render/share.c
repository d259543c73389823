/*
 * Share links, in the render stage: render.c calls share_view() for
 * every page and puts the result in the view as page.share; the theme's
 * share partial writes the links (copy link, Facebook, Zalo, e-mail).
 * Zalo's web share address takes its page as base64 of {"url": ...}.
 */
#include "share.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/base64.h>

#include "buf.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* "s" percent-encoded for a query value, as a new JSON string. */
static json_t *
query(const char *s)
{
	struct buf	 b = BUF_INIT;
	json_t		*v;

	text_escape_url(&b, s, strlen(s));
	v = json_stringn(b.data, b.len);
	buf_release(&b);
	return v;
}

/* The "d" parameter of Zalo's share_external address. */
static json_t *
zalo(const char *url)
{
	json_t	*o = json_pack("{s:s}", "url", url), *v;
	char	*js = json_dumps(o, JSON_COMPACT), *b64;
	size_t	 n = strlen(js);

	b64 = xmalloc(BASE64_ENCODE_RAW_LENGTH(n) + 1);
	base64_encode_raw(b64, n, (const uint8_t *)js);
	b64[BASE64_ENCODE_RAW_LENGTH(n)] = '\0';
	v = query(b64);
	free(b64);
	free(js);
	json_decref(o);
	return v;
}

json_t *
share_view(const json_t *strings, const char *url, const char *title)
{
	json_t		*o = json_object(), *vars;
	struct buf	 body = BUF_INIT;

	if (url == NULL) {
		json_object_set_new(o, "url", json_string("./"));
		json_object_set_new(o, "absolute", json_false());
		return o;
	}
	json_object_set_new(o, "url", json_string(url));
	json_object_set_new(o, "absolute", json_true());
	json_object_set_new(o, "url_q", query(url));
	json_object_set_new(o, "title_q", query(title));
	json_object_set_new(o, "zalo_d", zalo(url));
	json_object_set_new(o, "email_subject_q", query(title));
	vars = json_pack("{s:s, s:s}", "title", title, "url", url);
	i18n_fill(strings, "share_email_body", vars, &body);
	if (body.len == 0)
		buf_puts(&body, url);
	json_object_set_new(o, "email_body_q", query(body.data));
	json_decref(vars);
	buf_release(&body);
	return o;
}
