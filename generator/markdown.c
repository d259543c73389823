/*
 * Markdown rendering, the body half of a content page.  page.c hands
 * over the text after the front matter; this file parses it with
 * cmark-gfm, walks the tree once to rewrite site-root links and to find
 * raw HTML that will be dropped, and renders HTML into the caller's
 * buffer.
 */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "diag.h"

static const char *const extnames[] = {
	"table", "strikethrough", "autolink", "tagfilter"
};

void
markdown_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

static int
options(const struct markdown_opts *o)
{
	int	 opt = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS;

	if (o && o->unsafe)
		opt |= CMARK_OPT_UNSAFE;
	if (o && o->smart)
		opt |= CMARK_OPT_SMART;
	if (o && o->hardbreaks)
		opt |= CMARK_OPT_HARDBREAKS;
	return opt;
}

/* "/a/b/" becomes root + "a/b/"; "//host/x" is left alone. */
static void
relink(cmark_node *n, const char *root)
{
	const char	*url = cmark_node_get_url(n);
	struct buf	 b = BUF_INIT;

	if (url == NULL || url[0] != '/' || url[1] == '/')
		return;
	buf_puts(&b, root);
	buf_puts(&b, url + 1);
	cmark_node_set_url(n, b.data);
	buf_release(&b);
}

static void
walk(struct diag *d, const char *file, unsigned line0, cmark_node *doc,
    const char *root, int unsafe)
{
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	cmark_node		*n;
	cmark_node_type		 t;
	struct loc		 l;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
			relink(n, root);
		else if (!unsafe && (t == CMARK_NODE_HTML_BLOCK ||
		    t == CMARK_NODE_HTML_INLINE)) {
			l.file = file;
			l.line = line0 + (unsigned)cmark_node_get_start_line(n) - 1;
			l.col = (unsigned)cmark_node_get_start_column(n);
			diag_warning(d, &l, "raw HTML is not published "
			    "(set markdown: unsafe: true in site.yaml to allow it)");
		}
	}
	cmark_iter_free(it);
}

int
markdown_render(struct diag *d, const char *file, unsigned line0,
    const char *src, size_t len, const struct markdown_opts *o,
    const char *root, struct buf *out)
{
	int			 opt = options(o);
	cmark_parser		*p = cmark_parser_new(opt);
	cmark_syntax_extension	*ext;
	cmark_node		*doc;
	char			*html;
	size_t			 i;

	for (i = 0; i < sizeof(extnames) / sizeof(extnames[0]); i++)
		if ((ext = cmark_find_syntax_extension(extnames[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, src, len);
	doc = cmark_parser_finish(p);
	walk(d, file, line0, doc, root, o && o->unsafe);
	html = cmark_render_html(doc, opt & ~CMARK_OPT_SOURCEPOS,
	    cmark_parser_get_syntax_extensions(p));
	buf_puts(out, html);
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return 1;
}
