/*
 * Unit tests for mustache.c beyond the official spec: HTML escaping,
 * what is falsy, numbers, syntax errors with their file:line:col,
 * the nesting limit, mustache_foreach_ref(), indentation of partials
 * and blocks, and rendering one template from several threads.
 */
#include "mustache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"

/* Named templates for the lookup callback. */
struct lib {
	const char	*name[8];
	struct mustache	*t[8];
	size_t		 n;
};

static const struct mustache *
lookup(void *arg, const char *name)
{
	const struct lib	*l = arg;
	size_t			 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->name[i], name) == 0)
			return l->t[i];
	return NULL;
}

static void
lib_add(struct lib *l, const char *name, const char *src)
{
	l->name[l->n] = name;
	l->t[l->n] = mustache_parse(NULL, name, src, strlen(src));
	CHECK(l->t[l->n] != NULL);
	l->n++;
}

static void
lib_free(struct lib *l)
{
	while (l->n > 0)
		mustache_free(l->t[--l->n]);
}

/* The diagnostics of "d", printed and forgotten; free() the result. */
static char *
printed(struct diag *d)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	diag_print(d, fp);
	fclose(fp);
	return s;
}

/*
 * Render "src" against the JSON text "data" with the templates of "l"
 * (which may be NULL); the output, or "(error)", to free().
 */
static char *
render_with(struct lib *l, const char *src, const char *data)
{
	struct lib	 none = { { NULL }, { NULL }, 0 };
	struct diag	*d = diag_new();
	struct mustache	*t = mustache_parse(d, "t.mustache", src, strlen(src));
	json_t		*ctx = json_loads(data, JSON_DECODE_ANY, NULL);
	struct buf	 out = BUF_INIT;
	char		*s;

	if (t == NULL || ctx == NULL ||
	    !mustache_render(t, ctx, lookup, l ? l : &none, d, &out))
		buf_puts(&out, "(error)");
	s = buf_detach(&out, NULL);
	mustache_free(t);
	json_decref(ctx);
	diag_free(d);
	return s;
}

#define CHECK_RENDER(l, src, data, want) do {				\
	char *got_ = render_with((l), (src), (data));			\
	CHECK_STR(got_, (want));					\
	free(got_);							\
} while (0)

/* The errors that parsing "src" reports, or "(parsed)". */
static char *
parse_errors(const char *src)
{
	struct diag	*d = diag_new();
	struct mustache	*t = mustache_parse(d, "t.mustache", src, strlen(src));
	char		*s = printed(d);

	if (t != NULL) {
		free(s);
		s = strdup("(parsed)");
	}
	mustache_free(t);
	diag_free(d);
	return s;
}

#define CHECK_ERRORS(src, want) do {					\
	char *got_ = parse_errors(src);					\
	CHECK_STR(got_, (want));					\
	free(got_);							\
} while (0)

static void
test_escape(void)
{
	const char	*data = "{\"x\": \"a&b <i> \\\"q\\\" 'p' &amp;\"}";

	CHECK_RENDER(NULL, "{{x}}", data,
	    "a&amp;b &lt;i&gt; &quot;q&quot; &#39;p&#39; &amp;amp;");
	CHECK_RENDER(NULL, "{{{x}}}|{{&x}}", data,
	    "a&b <i> \"q\" 'p' &amp;|a&b <i> \"q\" 'p' &amp;");
	CHECK_RENDER(NULL, "<p class=\"{{x}}\">", "{\"x\": \"\\\"><\"}",
	    "<p class=\"&quot;&gt;&lt;\">");
	CHECK_RENDER(NULL, "{{=<% %>=}}<%x%> <%{x}%> <%&x%>", "{\"x\": \"<\"}",
	    "&lt; < <");
	CHECK_RENDER(NULL, "Đà Nẵng {{x}}", "{\"x\": \"Huế & Hội An\"}",
	    "Đà Nẵng Huế &amp; Hội An");
}

/* Partial and block output is escaped once, where values go in. */
static void
test_escape_once(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };

	lib_add(&l, "p", "<b>{{x}}</b>");
	lib_add(&l, "layout", "<main>{{$body}}{{/body}}</main>");
	CHECK_RENDER(&l, "{{>p}}", "{\"x\": \"&\"}", "<b>&amp;</b>");
	CHECK_RENDER(&l, "{{<layout}}{{$body}}<i>{{x}}</i>{{/body}}"
	    "{{/layout}}", "{\"x\": \"<&>\"}",
	    "<main><i>&lt;&amp;&gt;</i></main>");
	lib_free(&l);
}

static void
test_falsy(void)
{
	const char	*t = "{{#v}}yes{{/v}}{{^v}}no{{/v}}";

	CHECK_RENDER(NULL, t, "{\"v\": \"\"}", "no");
	CHECK_RENDER(NULL, t, "{\"v\": false}", "no");
	CHECK_RENDER(NULL, t, "{\"v\": null}", "no");
	CHECK_RENDER(NULL, t, "{\"v\": []}", "no");
	CHECK_RENDER(NULL, t, "{}", "no");
	CHECK_RENDER(NULL, t, "{\"v\": \" \"}", "yes");
	CHECK_RENDER(NULL, t, "{\"v\": 0}", "yes");
	CHECK_RENDER(NULL, t, "{\"v\": {}}", "yes");
	CHECK_RENDER(NULL, t, "{\"v\": [0]}", "yes");
	CHECK_RENDER(NULL, "{{#v}}[{{.}}]{{/v}}", "{\"v\": \"s\"}", "[s]");
	CHECK_RENDER(NULL, "{{#v}}({{.}}){{/v}}", "{\"v\": [1, \"\", null]}",
	    "(1)()()");
	/* An empty string still hides a name further out. */
	CHECK_RENDER(NULL, "{{#a}}{{#b}}B{{/b}}{{/a}}",
	    "{\"b\": true, \"a\": {\"b\": \"\"}}", "");
}

static void
test_values(void)
{
	CHECK_RENDER(NULL, "{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}}",
	    "{\"a\": 85, \"b\": 1.21, \"c\": -3, \"d\": 2.0, \"e\": 0.1, "
	    "\"f\": 1e21, \"g\": 9007199254740993}",
	    "85 1.21 -3 2 0.1 1e+21 9007199254740993");
	CHECK_RENDER(NULL, "{{a}}", "{\"a\": 0.3333333333333333}",
	    "0.3333333333333333");
	CHECK_RENDER(NULL, "{{a}}", "{\"a\": 123456.789}", "123456.789");
	CHECK_RENDER(NULL, "[{{o}}][{{a}}][{{n}}][{{t}}][{{f}}]",
	    "{\"o\": {\"k\": 1}, \"a\": [1], \"n\": null, \"t\": true, "
	    "\"f\": false}", "[][][][true][false]");
	CHECK_RENDER(NULL, "{{a.b.c}}|{{a.x.c}}|{{#a}}{{b.c}}{{/a}}",
	    "{\"a\": {\"b\": {\"c\": \"deep\"}}, \"x\": {\"c\": 1}}",
	    "deep||deep");
	CHECK_RENDER(NULL, "{{#list}}{{.}},{{/list}}", "{\"list\": [1, 2.5]}",
	    "1,2.5,");
	CHECK_RENDER(NULL, "", "{}", "");
	CHECK_RENDER(NULL, "{{.}}", "\"top\"", "top");
}

/* 1 if parsing "n" sections within each other reports "want". */
static int
nested(int n, const char *want)
{
	struct buf	 b = BUF_INIT;
	char		*got;
	int		 i, ok;

	for (i = 0; i < n; i++)
		buf_puts(&b, "{{#a}}");
	for (i = 0; i < n; i++)
		buf_puts(&b, "{{/a}}");
	got = parse_errors(b.data);
	ok = strcmp(got, want) == 0;
	free(got);
	buf_release(&b);
	return ok;
}

static void
test_errors(void)
{
	CHECK_ERRORS("a\n  {{#s}}x",
	    "t.mustache:2:3: error: unclosed section 's'\n");
	CHECK_ERRORS("ok\n{{/x}}",
	    "t.mustache:2:1: error: close tag 'x' matches no open section\n");
	CHECK_ERRORS("{{#a}}{{#b}}{{/a}}",
	    "t.mustache:1:7: error: unclosed section 'b'\n");
	CHECK_ERRORS("{{<p}}{{$b}}{{/p}}",
	    "t.mustache:1:7: error: unclosed block 'b'\n");
	CHECK_ERRORS("{{^a}}{{<p}}\n",
	    "t.mustache:1:1: error: unclosed section 'a'\n"
	    "t.mustache:1:7: error: unclosed parent 'p'\n");
	CHECK_ERRORS("x {{name",
	    "t.mustache:1:3: error: unclosed tag: no '}}' after '{{'\n");
	CHECK_ERRORS("{{#a}}\n{{{b}}\n",
	    "t.mustache:2:1: error: unclosed tag: no '}}' after '{{'\n");
	CHECK_ERRORS("{{=<% %>=}}\n<%x",
	    "t.mustache:2:1: error: unclosed tag: no '%>' after '<%'\n");
	CHECK_ERRORS("{{= a =}}",
	    "t.mustache:1:1: error: bad delimiter change 'a'\n");
	CHECK_ERRORS("{{=a b c=}}",
	    "t.mustache:1:1: error: bad delimiter change 'a b c'\n");
	CHECK_ERRORS("{{=<= =>=}}",
	    "t.mustache:1:1: error: bad delimiter change '<= =>'\n");
	CHECK_ERRORS("{{}} {{a b}} {{# }}",
	    "t.mustache:1:1: error: empty tag\n"
	    "t.mustache:1:6: error: bad tag name 'a b'\n"
	    "t.mustache:1:14: error: empty tag\n");
	/* Columns count characters, not bytes. */
	CHECK_ERRORS("Đà Nẵng {{/x}}",
	    "t.mustache:1:9: error: close tag 'x' matches no open section\n");
	/* Every error is reported, not just the first. */
	CHECK_ERRORS("{{/a}}\n{{#b}}\n{{x y}}\n",
	    "t.mustache:1:1: error: close tag 'a' matches no open section\n"
	    "t.mustache:2:1: error: unclosed section 'b'\n"
	    "t.mustache:3:1: error: bad tag name 'x y'\n");
	CHECK(nested(1000, "(parsed)"));
	CHECK(nested(1001, "t.mustache:1:6001: error: sections nested more "
	    "than 1000 levels deep\n"));
	/* A comment or an escaped brace is not an error. */
	CHECK_ERRORS("{{! {{#a}} }}{{=| |=}}{{|x|", "(parsed)");
	CHECK_ERRORS("{{!\n}}\n\n {{> p }}{{{ x }}}{{& y }}", "(parsed)");
}

/* Whether a template, its partials or its parents read a name. */
static void
test_mentions(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };
	struct mustache	*t;
	size_t		 i;
	static const struct {
		const char	*src;
		int		 want;
	} cases[] = {
		{ "{{pages}}", 1 },
		{ "{{{pages}}}", 1 },
		{ "{{&x.pages.y}}", 1 },
		{ "{{#sections}}{{#pages}}x{{/pages}}{{/sections}}", 1 },
		{ "{{^pages}}none{{/pages}}", 1 },
		{ "{{>card}}", 1 },		/* through a partial */
		{ "{{<base}}{{$main}}x{{/main}}{{/base}}", 1 },	/* a parent */
		{ "{{>self}}", 0 },		/* recursion ends */
		{ "pages {{! pages }}{{page}}{{pages_count}}", 0 },
		{ "{{$pages}}x{{/pages}}{{>other}}{{>missing}}", 0 },
	};

	lib_add(&l, "card", "<li>{{#pages}}{{title}}{{/pages}}</li>");
	lib_add(&l, "base", "{{$main}}{{/main}}{{#x}}{{pages.0}}{{/x}}");
	lib_add(&l, "self", "a{{>self}}");
	lib_add(&l, "other", "{{title}}");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t = mustache_parse(NULL, "t", cases[i].src,
		    strlen(cases[i].src));
		CHECK(t != NULL && mustache_mentions(t, "pages", lookup, &l) ==
		    cases[i].want);
		mustache_free(t);
	}
	lib_free(&l);
}

/*
 * Several names at once: each bit for its name, partials and parents
 * walked once each, even when they include each other twice over (a
 * walk per inclusion would take 2^64 steps).
 */
static void
test_mentions_mask(void)
{
	struct lib		 l = { { NULL }, { NULL }, 0 };
	struct mustache		*t;
	static const char	*const want[] = { "title", "url", "date",
				    "pages", "summary" };
	static const char	 src[] = "{{<base}}{{$main}}{{#page.pages}}"
				    "{{url}}{{/page.pages}}{{/main}}{{/base}}";

	lib_add(&l, "base", "{{$main}}{{/main}}{{>twice}}");
	lib_add(&l, "twice", "{{>twice}}{{>twice}}{{^date}}{{/date}}");
	t = mustache_parse(NULL, "t", src, sizeof(src) - 1);
	CHECK(t != NULL && mustache_mentions_mask(t, want, 5, lookup, &l) ==
	    (2 | 4 | 8));
	CHECK(t != NULL && mustache_mentions_mask(t, want, 1, lookup, &l) ==
	    0);
	CHECK(t != NULL && mustache_mentions_mask(t, want + 1, 1, NULL,
	    NULL) == 1);
	mustache_free(t);
	lib_free(&l);
}

/*
 * Rendering with a cache gives the bytes of rendering without, page
 * after page, while the value of a section stays and what is around it
 * changes, and when the value changes.
 */
static void
test_cache(void)
{
	static const char *const src[] = {
		"{{#menu}}<a href=\"{{url}}\">{{name}}</a>{{#cur}}*{{/cur}}\n"
		    "{{/menu}}|{{page}}",
		"{{#menu}}{{name}}@{{page}}\n{{/menu}}",	/* outside */
		"{{#menu}}{{^gone}}-{{/gone}}{{/menu}}{{page}}", /* missing */
		"{{#menu}}{{#sub}}{{page}}{{/sub}}{{/menu}}",	/* deeper */
		"{{#menu}}{{>item}}{{/menu}}",		/* a partial */
		"{{page}}\n  {{>list}}\n    {{>list}}\n",	/* indented */
		"{{#one}}{{x}}{{#two}}{{y}}{{.}}{{/two}}{{/one}}",
	};
	struct lib		 l = { { NULL }, { NULL }, 0 };
	struct mustache_cache	*c;
	struct mustache		*t;
	struct buf		 a = BUF_INIT, b = BUF_INIT;
	json_t			*menu, *ctx;
	size_t			 i, k;
	char			 page[8];

	lib_add(&l, "item", "{{name}}/{{page}};");
	lib_add(&l, "list", "{{#menu}}\n{{name}}\n{{/menu}}\n");
	for (i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
		t = mustache_parse(NULL, "t", src[i], strlen(src[i]));
		CHECK(t != NULL);
		c = mustache_cache_new();
		menu = json_pack("[{s:s, s:s, s:b, s:{s:i}}, {s:s, s:s, "
		    "s:b, s:i}]", "url", "../a/", "name", "A & B", "cur", 1,
		    "sub", "x", 1, "url", "../b/", "name", "C", "cur", 0,
		    "sub", 2);
		for (k = 0; k < 4 && t != NULL; k++) {
			if (k == 3) {	/* another value: written anew */
				json_decref(menu);
				menu = json_pack("[{s:s, s:s}]", "url", "x/",
				    "name", "D");
			}
			snprintf(page, sizeof(page), "p%zu", k);
			ctx = json_pack("{s:O, s:s, s:{s:s, s:[s, s]}}",
			    "menu", menu, "page", page, "one", "x", page,
			    "two", "y", page);
			buf_reset(&a);
			buf_reset(&b);
			CHECK(mustache_render(t, ctx, lookup, &l, NULL, &a));
			CHECK(mustache_render_cached(t, ctx, lookup, &l, NULL,
			    &b, c));
			CHECK_STR(b.data, a.data);
			json_decref(ctx);
		}
		json_decref(menu);
		mustache_cache_free(c);
		mustache_free(t);
	}
	buf_release(&a);
	buf_release(&b);
	lib_free(&l);
}

static void
test_recursion(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };
	struct diag	*d = diag_new();
	struct mustache	*t = mustache_parse(d, "t.mustache", "a {{>self}}", 11);
	struct buf	 out = BUF_INIT;
	json_t		*ctx = json_object();
	char		*s;

	lib_add(&l, "self", "x\n{{>self}}");
	lib_add(&l, "up", "{{<up}}{{/up}}");
	lib_add(&l, "b", "{{$a}}{{/a}}");
	CHECK(mustache_render(t, ctx, lookup, &l, d, &out) == 0);
	CHECK(diag_errors(d) == 1);
	s = printed(d);
	CHECK_STR(s, "self:2:1: error: 'self' nests templates more than 64 "
	    "levels deep (infinite recursion?)\n");
	free(s);
	buf_reset(&out);
	CHECK(mustache_render(t, ctx, lookup, &l, NULL, &out) == 0);
	CHECK_RENDER(&l, "{{<up}}{{/up}}", "{}", "(error)");
	CHECK_RENDER(&l, "{{<b}}{{$a}}{{$a}}x{{/a}}{{/a}}{{/b}}", "{}",
	    "(error)");
	buf_release(&out);
	json_decref(ctx);
	mustache_free(t);
	diag_free(d);
	lib_free(&l);
}

/*
 * Partials that fan out stop at the output limit, at the tag where it is
 * passed, with the output cut there: 4 levels of {{>b}}{{>b}} over 100
 * bytes are 1,600 bytes, past a limit of 1,000.
 */
static void
test_output_limit(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };
	struct diag	*d = diag_new();
	struct mustache	*t = mustache_parse(d, "t.mustache", "{{>a}}", 6);
	struct buf	 out = BUF_INIT;
	json_t		*ctx = json_object();
	char		 text[101];
	char		*s;

	memset(text, 'x', 100);
	text[100] = '\0';
	lib_add(&l, "a", "{{>b}}{{>b}}");
	lib_add(&l, "b", "{{>c}}{{>c}}");
	lib_add(&l, "c", "{{>d}}{{>d}}");
	lib_add(&l, "d", "{{>e}}{{>e}}");
	lib_add(&l, "e", text);
	mustache_set_output_max(1000);
	CHECK(mustache_render(t, ctx, lookup, &l, d, &out) == 0);
	CHECK(out.len > 1000 && out.len < 1200);
	s = printed(d);
	CHECK_STR(s, "d:1:1: error: the output passes 1 MB here, the limit for "
	    "one page (partials included too many times?)\n");
	free(s);
	mustache_set_output_max(0);
	buf_reset(&out);
	CHECK(mustache_render(t, ctx, lookup, &l, d, &out) == 1);
	CHECK(out.len == 1600);
	buf_release(&out);
	json_decref(ctx);
	mustache_free(t);
	diag_free(d);
	lib_free(&l);
}

/*
 * Data "levels" deep renders through as many nested partials.  The
 * innermost "kid" is null, or the lookup would find the one further out.
 */
static char *
deep(struct lib *l, int levels)
{
	json_t	*v = json_pack("{s:n}", "kid"), *kid;
	char	*data, *s;
	int	 i;

	for (i = 1; i < levels; i++) {
		kid = v;
		v = json_object();
		json_object_set_new(v, "kid", kid);
	}
	data = json_dumps(v, JSON_COMPACT);
	s = render_with(l, "{{>node}}", data);
	free(data);
	json_decref(v);
	return s;
}

static void
test_depth(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };
	char		*s;

	lib_add(&l, "node", "+{{#kid}}{{>node}}{{/kid}}");
	s = deep(&l, 64);
	CHECK(strspn(s, "+") == 64 && s[64] == '\0');
	free(s);
	s = deep(&l, 65);
	CHECK(strspn(s, "+") == 64 && strcmp(s + 64, "(error)") == 0);
	free(s);
	lib_free(&l);
}

struct refs {
	struct buf	 b;
};

static void
addref(void *arg, const char *name, int is_parent, unsigned line,
    unsigned col)
{
	struct refs	*r = arg;

	buf_printf(&r->b, "%s %d %u:%u\n", name, is_parent, line, col);
}

static void
test_refs(void)
{
	const char	*src = "{{>a}}\n  {{<b}}{{$x}}{{> c }}{{/x}}{{/b}}\n"
			    "{{#s}}đ {{>d}}{{/s}}{{=[ ]=}}[>e]";
	struct mustache	*t = mustache_parse(NULL, "f.mustache", src,
			    strlen(src));
	struct refs	 r = { BUF_INIT };

	CHECK(t != NULL);
	mustache_foreach_ref(t, addref, &r);
	CHECK_STR(r.b.data, "a 0 1:1\nb 1 2:3\nc 0 2:15\nd 0 3:9\ne 0 3:30\n");
	CHECK_STR(mustache_file(t), "f.mustache");
	buf_release(&r.b);
	mustache_free(t);
	mustache_free(NULL);
}

static void
test_indent(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };

	lib_add(&l, "item", "<li>\n  {{name}}\n</li>\n");
	lib_add(&l, "list", "<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n"
	    "</ul>\n");
	lib_add(&l, "parent", "I say,\n  {{$block}}\n  Hi there!\n"
	    "  {{/block}}");
	lib_add(&l, "inline", "[{{>item}}]");
	/* Nested standalone partials add up their indentation. */
	CHECK_RENDER(&l, "<nav>\n  {{>list}}\n</nav>\n",
	    "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\\nc\"}]}",
	    "<nav>\n  <ul>\n    <li>\n      a\n    </li>\n    <li>\n"
	    "      b\nc\n    </li>\n  </ul>\n</nav>\n");
	/* A partial that is not standalone is not indented. */
	CHECK_RENDER(&l, "  x{{>item}}", "{\"name\": \"n\"}",
	    "  x<li>\n  n\n</li>\n");
	CHECK_RENDER(&l, "  {{>inline}}\n", "{\"name\": \"n\"}",
	    "  [<li>\n  n\n</li>\n]");
	/* A block is re-indented where it is expanded (spec PR 131). */
	CHECK_RENDER(&l, "{{<parent}}\n        {{$block}}\n        Hello\n"
	    "        {{/block}}\n{{/parent}}", "{}", "I say,\n  Hello\n");
	CHECK_RENDER(&l, "{{<parent}}{{/parent}}", "{}",
	    "I say,\n  Hi there!\n");
	CHECK_RENDER(&l, "{{<parent}}{{$block}}inline{{/block}}{{/parent}}",
	    "{}", "I say,\n  inline");
	CHECK_RENDER(&l, "\t{{<parent}}{{$block}}\n  a\n    b\n{{/block}}"
	    "{{/parent}}\n", "{}", "\tI say,\n\t  a\n\t    b\n");
	lib_free(&l);
}

/* Standalone lines, CRLF, and what does not stand alone. */
static void
test_standalone(void)
{
	CHECK_RENDER(NULL, "a\r\n  {{#s}}  \r\nb\r\n{{/s}}\r\nc", "{\"s\": 1}",
	    "a\r\nb\r\nc");
	CHECK_RENDER(NULL, "{{#s}}{{/s}}\nx", "{\"s\": 1}", "\nx");
	CHECK_RENDER(NULL, " {{#s}}y{{/s}} \n", "{\"s\": 1}", " y \n");
	CHECK_RENDER(NULL, "x\n\t{{! c }}\t\ny", "{}", "x\ny");
	CHECK_RENDER(NULL, "  {{v}}\n", "{\"v\": \"\"}", "  \n");
}

struct job {
	const struct mustache	*t;
	json_t			*ctx;
	struct lib		*l;
	int			 ok;
};

static void *
work(void *arg)
{
	struct job	*j = arg;
	struct buf	 out = BUF_INIT;
	int		 i;

	j->ok = 1;
	for (i = 0; i < 200; i++) {
		buf_reset(&out);
		if (!mustache_render(j->t, j->ctx, lookup, j->l, NULL, &out) ||
		    strcmp(out.data, "<ul>\n  <li>\n    a &amp; b\n  </li>\n"
		    "</ul>\n") != 0)
			j->ok = 0;
	}
	buf_release(&out);
	return NULL;
}

static void
test_threads(void)
{
	struct lib	 l = { { NULL }, { NULL }, 0 };
	json_t		*ctx = json_loads("{\"items\": [{\"name\": \"a & b\"}]}",
			    0, NULL);
	struct job	 j[4];
	pthread_t	 th[4];
	int		 i;

	lib_add(&l, "item", "<li>\n  {{name}}\n</li>\n");
	lib_add(&l, "list", "<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n"
	    "</ul>\n");
	for (i = 0; i < 4; i++) {
		j[i].t = l.t[1];
		j[i].ctx = ctx;
		j[i].l = &l;
		CHECK(pthread_create(&th[i], NULL, work, &j[i]) == 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		CHECK(j[i].ok);
	}
	json_decref(ctx);
	lib_free(&l);
}

/* Rendering appends to what the buffer holds; no lookup, no partials. */
static void
test_append(void)
{
	struct mustache	*t = mustache_parse(NULL, "t", "{{a}}{{>p}}", 11);
	json_t		*ctx = json_pack("{s:s}", "a", "b");
	struct buf	 out = BUF_INIT;

	buf_puts(&out, "a");
	CHECK(mustache_render(t, ctx, NULL, NULL, NULL, &out) == 1);
	CHECK_STR(out.data, "ab");
	buf_release(&out);
	json_decref(ctx);
	mustache_free(t);
}

int
main(void)
{
	test_escape();
	test_escape_once();
	test_falsy();
	test_values();
	test_errors();
	test_recursion();
	test_mentions();
	test_mentions_mask();
	test_cache();
	test_output_limit();
	test_depth();
	test_refs();
	test_indent();
	test_standalone();
	test_threads();
	test_append();
	return CHECK_DONE("mustache");
}
