/*
 * Markdown rendering, the body half of a content page.  page.c hands
 * over the text after the front matter; this file parses it with
 * cmark-gfm, walks the tree once to rewrite site-root links and to find
 * raw HTML that will be dropped, and renders HTML into the caller's
 * buffer.
 *
 * cmark-gfm makes a few hundred small allocations per page and frees them
 * all when the page is done.  Each thread hands them out from an arena
 * that it reuses page after page, so rendering a page calls malloc()
 * about never.
 */
#include "markdown.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "diag.h"
#include "edition.h"
#include "linkcheck.h"
#include "text.h"
#include "xalloc.h"

#define ARENA_FIRST	(64 * 1024)	/* the first chunk of a thread */
#define ARENA_KEEP	(1024 * 1024)	/* kept for the next page up to this */
#define ALIGN		16		/* of every block, and its header */

/*
 * A chunk of the arena.  Every block in it is preceded by a header of
 * ALIGN bytes holding the block's size, which realloc() needs.
 */
struct chunk {
	struct chunk	*prev;		/* older, smaller chunks */
	size_t		 size, used;	/* of data[] */
	size_t		 pad;		/* data[] is ALIGN-aligned */
	unsigned char	 data[];
};

/* This thread's arena, the newest chunk first; NULL before its first page. */
static _Thread_local struct chunk *arena;
static pthread_key_t	 arena_key;	/* frees it when the thread ends */
static pthread_once_t	 arena_once = PTHREAD_ONCE_INIT;

static void
chunks_free(struct chunk *c)
{
	struct chunk	*prev;

	for (; c != NULL; c = prev) {
		prev = c->prev;
		free(c);
	}
}

static void
arena_end(void *c)
{
	chunks_free(c);
}

static void
arena_setup(void)
{
	if (pthread_key_create(&arena_key, arena_end) != 0)
		abort();
}

/* A new chunk with room for "need" bytes, in front of the others. */
static void
grow(size_t need)
{
	size_t		 size = arena ? arena->size * 2 : ARENA_FIRST;
	struct chunk	*c;

	while (size < need)
		size *= 2;
	c = xmalloc(sizeof(*c) + size);
	c->prev = arena;
	c->size = size;
	c->used = 0;
	arena = c;
	pthread_setspecific(arena_key, arena);
}

static size_t
sizeof_block(const void *p)
{
	return *(const size_t *)((const unsigned char *)p - ALIGN);
}

static void *
block(size_t n)
{
	size_t		 need;
	unsigned char	*p;

	if (n > SIZE_MAX / 2)
		abort();
	need = ALIGN + ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1));
	if (arena == NULL || arena->size - arena->used < need)
		grow(need);
	p = arena->data + arena->used;
	arena->used += need;
	*(size_t *)p = need - ALIGN;
	return p + ALIGN;
}

/* 1 if "p" is the newest block of the arena. */
static int
newest(const unsigned char *p)
{
	return p + sizeof_block(p) == arena->data + arena->used;
}

static void *
arena_calloc(size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		abort();
	p = block(n * size);
	memset(p, 0, n * size);
	return p;
}

static void *
arena_realloc(void *old, size_t n)
{
	unsigned char	*p = old;
	size_t		 have, more;
	void		*q;

	if (p == NULL)
		return block(n);
	have = sizeof_block(p);
	if (n <= have)
		return p;
	more = ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1)) - have;
	if (newest(p) && arena->size - arena->used >= more) {
		arena->used += more;	/* grow in place */
		*(size_t *)(p - ALIGN) = have + more;
		return p;
	}
	q = block(n);
	memcpy(q, p, have);
	return q;
}

/* Only the newest block goes back at once; the rest with the page. */
static void
arena_free(void *p)
{
	if (p != NULL && newest(p))
		arena->used -= ALIGN + sizeof_block(p);
}

static cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

/* After a page: keep the newest chunk for the next, unless it is huge. */
static void
arena_reset(void)
{
	if (arena == NULL)
		return;
	chunks_free(arena->prev);
	arena->prev = NULL;
	arena->used = 0;
	if (arena->size > ARENA_KEEP) {
		chunks_free(arena);
		arena = NULL;
	}
	pthread_setspecific(arena_key, arena);
}

static pthread_mutex_t	 inline_lock = PTHREAD_MUTEX_INITIALIZER;

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

/*
 * "/a/b/" becomes root + "a/b/"; "//host/x" is left alone.  With
 * "files" (links, not images), "a/b/" becomes "a/b/index.html".
 */
/*
 * A relative link "url" of a page of edition "ed" at site path "from"
 * to a page the edition left out: into "out", the way from the site root
 * ("root") to the original.  Returns 0 for any other link.
 */
static int
left_out(const struct edition *ed, const char *from, const char *url,
    const char *root, struct buf *out, struct buf *check)
{
	struct buf	 r = BUF_INIT;
	size_t		 plen = strlen(ed->prefix);
	const char	*main;
	int		 rc = 0;

	if (from != NULL && linkcheck_resolve(from, url, &r) &&
	    strncmp(r.data, ed->prefix, plen) == 0) {
		main = r.data + plen - 1;
		if (main[strlen(main) - 1] == '/' && !edition_has(ed, main)) {
			buf_puts(out, root);
			buf_puts(out, main + 1);
			buf_puts(out, url + strcspn(url, "?#"));
			buf_reset(check);
			buf_puts(check, main);
			rc = 1;
		}
	}
	buf_release(&r);
	return rc;
}

/*
 * "/a/b/" becomes root + "a/b/"; "//host/x" is left alone.  With
 * "files" (links, not images), "a/b/" becomes "a/b/index.html".  From a
 * page of an edition (o->ed), links lead to its pages (edition_path()),
 * and to the originals of the pages it left out.  "check" gets the link
 * as the link check should follow it (from the page's path).
 */
static void
relink(cmark_node *n, const char *root, int files,
    const struct markdown_opts *o, struct buf *check)
{
	const char	*url = cmark_node_get_url(n);
	const struct edition *ed = o ? o->ed : NULL;
	struct buf	 b = BUF_INIT, f = BUF_INIT, m = BUF_INIT;

	buf_reset(check);
	buf_puts(check, url ? url : "");
	if (url == NULL || (url[0] == '/' && url[1] == '/'))
		return;
	if (url[0] != '/' && ed != NULL && url[0] != '#' &&
	    left_out(ed, o->from, url, root, &b, check))
		url = "";
	else if (url[0] != '/' && !files)
		return;
	if (url[0] == '/') {
		buf_puts(&b, root);
		edition_path(ed, url, &m);
		url = m.data + 1;
		buf_reset(check);
		buf_puts(check, m.data);
	}
	buf_puts(&b, url);
	if (files)
		text_url_file(&f, b.data);
	cmark_node_set_url(n, files ? f.data : b.data);
	buf_release(&b);
	buf_release(&f);
	buf_release(&m);
}

/*
 * 1 if words must not run together at event "ev" of "n": the end of a
 * block (a table cell too: its type is the extension's), a line break,
 * a code block (a leaf, so it only has a start).
 */
static int
breaks(cmark_event_type ev, cmark_node *n)
{
	cmark_node_type	 t = cmark_node_get_type(n);

	if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
	    t == CMARK_NODE_CODE_BLOCK)
		return 1;
	return ev == CMARK_EVENT_EXIT && t != CMARK_NODE_DOCUMENT &&
	    (t & (CMARK_NODE_TYPE_PRESENT | CMARK_NODE_TYPE_INLINE)) ==
	    CMARK_NODE_TYPE_BLOCK;
}

/*
 * The words of node "n" at event "ev" into "heads" (inside a heading,
 * "*inhead") or "text", with a space where words must not run together.
 */
static void
words(cmark_event_type ev, cmark_node *n, int *inhead, struct buf *heads,
    struct buf *text)
{
	cmark_node_type	 t = cmark_node_get_type(n);
	const char	*lit;

	if (t == CMARK_NODE_HEADING)
		*inhead = ev == CMARK_EVENT_ENTER;
	if ((t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
	    t == CMARK_NODE_CODE_BLOCK) && ev == CMARK_EVENT_ENTER &&
	    (lit = cmark_node_get_literal(n)) != NULL)
		buf_puts(*inhead ? heads : text, lit);
	if (breaks(ev, n))
		buf_putc(t == CMARK_NODE_HEADING || *inhead ? heads : text, ' ');
}

static void
walk(struct diag *d, const char *file, unsigned line0, cmark_node *doc,
    const char *root, const struct markdown_opts *o)
{
	int			 unsafe = o && o->unsafe;
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	cmark_node		*n;
	cmark_node_type		 t;
	struct loc		 l;
	struct buf		 check = BUF_INIT;
	int			 inhead = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (o && o->text)
			words(ev, n, &inhead, o->heads, o->text);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			int	 has = cmark_node_get_url(n) != NULL;

			relink(n, root, o && o->files &&
			    t == CMARK_NODE_LINK, o, &check);
			if (o && o->link && has)
				o->link(o->link_arg, check.data,
				    line0 + (unsigned)cmark_node_get_start_line(
				    n) - 1, (unsigned)
				    cmark_node_get_start_column(n));
		}
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
	buf_release(&check);
}

/*
 * A parse of "src" with the site's extensions, in this thread's arena;
 * "o" (or NULL) gives the work to do rather than wait for the inline
 * lock.
 */
static cmark_node *
parse(const char *src, size_t len, int opt, const struct markdown_opts *o,
    cmark_parser **pp)
{
	cmark_parser		*p;
	cmark_syntax_extension	*ext;
	cmark_node		*doc;
	size_t			 i;

	pthread_once(&arena_once, arena_setup);
	p = cmark_parser_new_with_mem(opt, &arena_mem);
	for (i = 0; i < sizeof(extnames) / sizeof(extnames[0]); i++)
		if ((ext = cmark_find_syntax_extension(extnames[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, src, len);
	/*
	 * cmark-gfm turns the extensions' special characters (strikethrough's
	 * '~', autolink's ':' ...) on in a table shared by every thread when
	 * it starts parsing inlines and off when it ends, so a page finishing
	 * on one thread would blind another to them: one thread at a time.
	 */
	if (pthread_mutex_trylock(&inline_lock) != 0) {
		if (o != NULL && o->wait != NULL)
			o->wait(o->wait_arg);
		pthread_mutex_lock(&inline_lock);
	}
	doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&inline_lock);
	*pp = p;
	return doc;
}

/*
 * A page is done: its tree "doc", its parser "p" and the HTML all live
 * in this thread's arena (cmark_parser_new_with_mem() gives the tree,
 * the renderer and the extensions' data the parser's allocator), so
 * emptying the arena frees them at once.  cmark_node_free() and
 * cmark_parser_free() would walk the tree only to hand each block to
 * arena_free(), which keeps all but the newest until then anyway.
 */
static void
done(cmark_node *doc, cmark_parser *p)
{
	(void)doc;
	(void)p;
	arena_reset();
}

void
markdown_text(const char *src, size_t len, struct buf *heads,
    struct buf *text)
{
	cmark_parser		*p;
	cmark_node		*doc = parse(src, len, CMARK_OPT_DEFAULT, NULL,
				    &p);
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	int			 inhead = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		words(ev, cmark_iter_get_node(it), &inhead, heads, text);
	cmark_iter_free(it);
	done(doc, p);
}

int
markdown_render(struct diag *d, const char *file, unsigned line0,
    const char *src, size_t len, const struct markdown_opts *o,
    const char *root, struct buf *out)
{
	int			 opt = options(o);
	cmark_parser		*p;
	cmark_node		*doc = parse(src, len, opt, o, &p);
	char			*html;

	walk(d, file, line0, doc, root, o);
	html = cmark_render_html(doc, opt & ~CMARK_OPT_SOURCEPOS,
	    cmark_parser_get_syntax_extensions(p));
	buf_puts(out, html);
	done(doc, p);
	return 1;
}
