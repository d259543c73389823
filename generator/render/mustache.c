/*
 * Mustache templates, in the load and render stages: theme.c parses every
 * template once with mustache_parse() and checks its references with
 * mustache_foreach_ref(); render.c renders each page by handing its view
 * model (a json_t) to mustache_render().
 *
 * Parsing makes four passes over the source:
 *  1. tokenize: text, cut after every newline, and tags, applying
 *     delimiter changes as they come;
 *  2. match: pair every section, parent and block with its close tag,
 *     and report what does not pair;
 *  3. standalone: find the tags that stand alone on their line, drop the
 *     whitespace and the line end around them, and note indentation;
 *  4. build the tree, with a BOL node wherever a template line begins.
 *
 * Rendering walks the tree with three stacks that live on the C stack:
 * the context (json_t values), the parent tags whose blocks override the
 * blocks of the templates they call ("frames"), and the indentation that
 * a BOL node writes.  That is how a standalone {{>partial}} is indented
 * line by line, and a block is re-indented where it is expanded, without
 * parsing anything again.  The tree is never written to while rendering,
 * so several threads may render the same template.
 */
#include "mustache.h"

#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "intl.h"
#include "text.h"
#include "xalloc.h"

#define MAXDEPTH	64	/* partials, parents and blocks within each other */
#define MAXNEST		1000	/* sections within each other in one template */

enum kind {
	N_TEXT,		/* literal bytes */
	N_BOL,		/* a template line begins: write the indentation */
	N_VAR,		/* {{name}}, escaped */
	N_RAW,		/* {{{name}}} or {{&name}} */
	N_SECTION,	/* {{#name}} */
	N_INVERTED,	/* {{^name}} */
	N_PARTIAL,	/* {{>name}} */
	N_PARENT,	/* {{<name}}: only its N_BLOCK children count */
	N_BLOCK		/* {{$name}} */
};

struct node {
	enum kind	 kind;
	unsigned	 line, col;	/* where the tag starts */
	char		*text;		/* N_TEXT bytes, or the tag's name */
	size_t		 len;
	char		**path;		/* the name cut at dots; none for "." */
	size_t		 npath;
	char		*ind;		/* indentation of its lines, or NULL */
	struct node	*kids;
	size_t		 nkids;
	int		 closed;	/* a section or inverted section with
					   no partial, parent or block below:
					   what it writes depends only on the
					   values its names find */
};

struct mustache {
	char		*file;
	struct node	*kids;
	size_t		 nkids;
};

/*
 * Parsing.  A token is text (type T_TEXT) or a tag, whose type is its
 * sigil: # ^ / ! > < $ = &, or 'v' for a plain {{name}}.  Text tokens
 * never span a line end, so "lineno" (a count of the line ends before a
 * token) tells which tokens share a line.
 */
#define T_TEXT	't'

enum mode {
	M_NONE,
	M_ALONE,	/* standalone: "ws" is dropped and becomes indentation */
	M_REINDENT,	/* block: "ws", its intrinsic indentation, is stripped */
	M_INLINE	/* block pair alone on its line: "ws" indents it */
};

struct tok {
	int		 type;
	const char	*s;		/* text, or the trimmed name */
	size_t		 len;
	size_t		 lineno;
	unsigned	 line, col;
	size_t		 match;		/* the matching open or close tag */
	int		 arg;		/* a block directly in a parent tag */
	int		 drop;		/* text dropped around a standalone tag */
	enum mode	 mode;
	const char	*ws;
	size_t		 wslen;
};

struct parser {
	struct diag	*d;
	const char	*file;
	const char	*src;
	size_t		 len, pos;
	const char	*open, *close;	/* the delimiters */
	size_t		 olen, clen;
	struct tok	*v;
	size_t		 n, cap;
	size_t		 lineno;
	unsigned char	*removed;	/* by lineno: the line is left out */
	size_t		 coff;		/* position cursor for here() */
	unsigned	 cline, ccol;
	int		 rc;
	int		 cut;		/* tokenizing stopped early */
};

static int
isws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* 1 if "s" holds only spaces and tabs. */
static int
blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* 1 if the text token is spaces and tabs, then "\n" or "\r\n". */
static int
blankend(const struct tok *t)
{
	size_t	 n = t->len;

	if (n == 0 || t->s[n - 1] != '\n')
		return 0;
	n--;
	if (n > 0 && t->s[n - 1] == '\r')
		n--;
	return blank(t->s, n);
}

/* The first "needle" of "m" (> 0) bytes in the "n" bytes of "s". */
static const char *
find(const char *s, size_t n, const char *needle, size_t m)
{
	const char	*end = s + n;

	while ((size_t)(end - s) >= m) {
		s = memchr(s, needle[0], (size_t)(end - s) - m + 1);
		if (s == NULL || memcmp(s, needle, m) == 0)
			return s;
		s++;
	}
	return NULL;
}

/* The line and column of byte "off", moving a cursor forward. */
static void
here(struct parser *p, size_t off, unsigned *line, unsigned *col)
{
	unsigned char	 c;

	for (; p->coff < off; p->coff++) {
		c = (unsigned char)p->src[p->coff];
		if (c == '\n') {
			p->cline++;
			p->ccol = 1;
		} else if ((c & 0xC0) != 0x80)
			p->ccol++;
	}
	*line = p->cline;
	*col = p->ccol;
}

static int
error(struct parser *p, const struct tok *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
error(struct parser *p, const struct tok *t, const char *fmt, ...)
{
	struct loc	 l = { p->file, t->line, t->col };
	va_list		 ap;

	if (p->d == NULL)
		return p->rc = 0;
	va_start(ap, fmt);
	diag_vadd(p->d, DIAG_ERROR, &l, fmt, ap);
	va_end(ap);
	return p->rc = 0;
}

static void
push(struct parser *p, const struct tok *t)
{
	p->v = xgrow(p->v, p->n, &p->cap, 64, sizeof(*p->v));
	p->v[p->n++] = *t;
}

/* Add the text up to byte "end" as tokens that each end a line. */
static void
addtext(struct parser *p, size_t end)
{
	struct tok	 t;
	const char	*nl;
	size_t		 stop;

	memset(&t, 0, sizeof(t));
	t.type = T_TEXT;
	while (p->pos < end) {
		nl = memchr(p->src + p->pos, '\n', end - p->pos);
		stop = nl ? (size_t)(nl - p->src) + 1 : end;
		t.s = p->src + p->pos;
		t.len = stop - p->pos;
		t.lineno = p->lineno;
		push(p, &t);
		if (nl)
			p->lineno++;
		p->pos = stop;
	}
}

/*
 * Where the tag whose name starts at "from" ends: at the closing
 * delimiter, or at the '}' or '=' before it for {{{name}}} and
 * {{=<% %>=}}.  NULL if there is none.
 */
static const char *
endtag(const struct parser *p, size_t from, int type)
{
	int		 lead = type == '{' ? '}' : type == '=' ? '=' : 0;
	const char	*s = p->src + from, *end = p->src + p->len, *q;

	while ((q = find(s, end - s, p->close, p->clen)) != NULL) {
		if (!lead)
			return q;
		if (q > p->src + from && q[-1] == lead)
			return q - 1;
		s = q + 1;
	}
	return NULL;
}

/* {{=<% %>=}}: two new delimiters without whitespace or '='. */
static int
delims(struct parser *p, const struct tok *t)
{
	const char	*s = t->s, *e = s + t->len, *a, *b, *c;

	for (a = s; a < e && !isws(*a); a++)
		continue;
	for (b = a; b < e && isws(*b); b++)
		continue;
	for (c = b; c < e && !isws(*c); c++)
		continue;
	if (a == s || b == e || c != e || memchr(s, '=', a - s) != NULL ||
	    memchr(b, '=', e - b) != NULL)
		return error(p, t, "bad delimiter change '%.*s'",
		    (int)t->len, t->s);
	p->open = s;
	p->olen = a - s;
	p->close = b;
	p->clen = e - b;
	return 1;
}

/* Check the name of tag "t"; 1 if it may be used. */
static int
checkname(struct parser *p, struct tok *t)
{
	size_t	 i;

	if (t->type == '!')
		return 1;
	if (t->type == '=')
		return delims(p, t);
	if (t->len == 0)
		return error(p, t, "empty tag");
	for (i = 0; i < t->len; i++)
		if (isws(t->s[i]))
			return error(p, t, "bad tag name '%.*s'",
			    (int)t->len, t->s);
	return 1;
}

/* Read the tag at p->pos; 0 if it is never closed. */
static int
tag(struct parser *p)
{
	size_t		 b = p->pos + p->olen;
	int		 c = b < p->len ? (unsigned char)p->src[b] : 0;
	const char	*e;
	struct tok	 t;

	memset(&t, 0, sizeof(t));
	t.ws = "";
	here(p, p->pos, &t.line, &t.col);
	t.lineno = p->lineno;
	t.type = c != 0 && strchr("#^/!><$=&{", c) ? c : 'v';
	if (t.type != 'v')
		b++;
	if ((e = endtag(p, b, t.type)) == NULL)
		return error(p, &t, "unclosed tag: no '%.*s' after '%.*s'",
		    (int)p->clen, p->close, (int)p->olen, p->open);
	p->pos = (size_t)(e - p->src) + p->clen +
	    (t.type == '{' || t.type == '=');
	while (b < (size_t)(e - p->src) && isws(p->src[b]))
		b++;
	while (e > p->src + b && isws(e[-1]))
		e--;
	t.s = p->src + b;
	t.len = e - t.s;
	if (t.type == '{')
		t.type = '&';
	if (checkname(p, &t))
		push(p, &t);
	return 1;
}

static int
tokenize(struct parser *p)
{
	const char	*hit;

	while (p->pos < p->len) {
		hit = find(p->src + p->pos, p->len - p->pos, p->open, p->olen);
		if (hit == NULL) {
			addtext(p, p->len);
			break;
		}
		addtext(p, hit - p->src);
		if (!tag(p))
			return 0;
	}
	return 1;
}

static const char *
what(int type)
{
	switch (type) {
	case '<':
		/* TRANSLATORS: kinds of Mustache tag, as in "unclosed
		   section 'items'". */
		return _("parent");
	case '$':
		return _("block");
	default:
		return _("section");
	}
}

static int
opens(int type)
{
	return type == '#' || type == '^' || type == '<' || type == '$';
}

static void
unclosed(struct parser *p, const struct tok *t)
{
	error(p, t, "unclosed %s '%.*s'", what(t->type), (int)t->len, t->s);
}

/* Pair close tag "i" with the open tag on "stack"; the new depth. */
static size_t
closetag(struct parser *p, size_t *stack, size_t depth, size_t i)
{
	struct tok	*t = &p->v[i], *o;
	size_t		 k = depth;

	while (k > 0 && (p->v[stack[k - 1]].len != t->len ||
	    memcmp(p->v[stack[k - 1]].s, t->s, t->len) != 0))
		k--;
	if (k == 0) {
		error(p, t, "close tag '%.*s' matches no open section",
		    (int)t->len, t->s);
		return depth;
	}
	while (depth > k)
		unclosed(p, &p->v[stack[--depth]]);
	o = &p->v[stack[--depth]];
	o->match = i;
	t->match = stack[depth];
	t->arg = o->arg;
	return depth;
}

static void
match(struct parser *p)
{
	size_t	*stack = xcalloc(p->n + 1, sizeof(size_t)), depth = 0, i;

	for (i = 0; i < p->n; i++)
		if (opens(p->v[i].type)) {
			p->v[i].arg = p->v[i].type == '$' && depth > 0 &&
			    p->v[stack[depth - 1]].type == '<';
			if (depth == MAXNEST)
				error(p, &p->v[i], "sections nested more than "
				    "%d levels deep", MAXNEST);
			stack[depth++] = i;
		} else if (p->v[i].type == '/')
			depth = closetag(p, stack, depth, i);
	while (depth > 0 && !p->cut)
		unclosed(p, &p->v[stack[--depth]]);
	free(stack);
}

/* 1 if only spaces and tabs come before tag "i" on its line. */
static int
lclear(const struct parser *p, size_t i)
{
	size_t	 ln = p->v[i].lineno;

	while (i-- > 0 && p->v[i].lineno == ln)
		if (p->v[i].type != T_TEXT || !blank(p->v[i].s, p->v[i].len))
			return 0;
	return 1;
}

/* 1 if only spaces and tabs follow tag "i" up to the line end or EOF. */
static int
rclear(const struct parser *p, size_t i)
{
	size_t	 ln = p->v[i].lineno;

	for (i++; i < p->n && p->v[i].lineno == ln; i++) {
		if (p->v[i].type != T_TEXT)
			return 0;
		if (p->v[i].s[p->v[i].len - 1] == '\n')
			return blankend(&p->v[i]);
		if (!blank(p->v[i].s, p->v[i].len))
			return 0;
	}
	return 1;
}

/* Drop the whitespace before tag "i" and make it the tag's "ws". */
static void
dropleft(struct parser *p, size_t i, int keep)
{
	struct tok	*t = &p->v[i];

	if (i > 0 && p->v[i - 1].lineno == t->lineno) {
		t->ws = p->v[i - 1].s;
		t->wslen = p->v[i - 1].len;
		p->v[i - 1].drop = !keep;
	}
	if (!keep)
		p->removed[t->lineno] = 1;
}

/* Drop the whitespace and the line end after tag "i". */
static void
dropright(struct parser *p, size_t i)
{
	size_t	 ln = p->v[i].lineno;

	for (i++; i < p->n && p->v[i].lineno == ln; i++)
		p->v[i].drop = 1;
}

/*
 * The intrinsic indentation of the block opened by tag "i" on a line of
 * its own: the leading whitespace of the next line that is not blank.
 */
static void
intrinsic(struct parser *p, size_t i)
{
	struct tok	*t = &p->v[i], *u;
	size_t		 j, k;

	t->mode = M_REINDENT;
	t->ws = "";
	t->wslen = 0;
	for (j = i + 1; j < p->n && p->v[j].lineno == t->lineno; j++)
		continue;
	while (j < p->n) {
		for (k = j; k < p->n && p->v[k].lineno == p->v[j].lineno &&
		    p->v[k].type == T_TEXT && (blank(p->v[k].s, p->v[k].len) ||
		    blankend(&p->v[k])); k++)
			continue;
		if (k < p->n && p->v[k].lineno == p->v[j].lineno)
			break;
		j = k;
	}
	if (j == p->n || (u = &p->v[j])->type != T_TEXT)
		return;
	t->ws = u->s;
	while (t->wslen < u->len && (u->s[t->wslen] == ' ' ||
	    u->s[t->wslen] == '\t'))
		t->wslen++;
}

/* A tag that may stand alone: # ^ / ! = > and blocks outside parents. */
static int
alone(struct parser *p, size_t i)
{
	if (!lclear(p, i) || !rclear(p, i))
		return 0;
	dropleft(p, i, 0);
	dropright(p, i);
	p->v[i].mode = M_ALONE;
	return 1;
}

/*
 * A block: in a parent tag it stands alone when nothing but the line end
 * follows it; elsewhere as any tag does, or, with its close tag on the
 * same line, as a pair whose leading whitespace indents what it expands.
 */
static void
block(struct parser *p, size_t i)
{
	struct tok	*t = &p->v[i];

	if (t->arg) {
		if (rclear(p, i)) {
			dropright(p, i);
			intrinsic(p, i);
		}
	} else if (alone(p, i))
		intrinsic(p, i);
	else if (lclear(p, i) && rclear(p, t->match) &&
	    p->v[t->match].lineno == t->lineno) {
		dropleft(p, i, 1);
		t->mode = M_INLINE;
	}
}

/*
 * Standalone tags.  A tag other than an interpolation that is alone on
 * its line, with only spaces and tabs around it, takes the line with it:
 * the whitespace before it (which indents a partial) and the line end
 * after it.  Parents and blocks extend the rule, as the inheritance
 * spec's tests ask:
 *  - a parent pair {{<p}}...{{/p}} stands alone when its open tag starts
 *    a line and its close tag ends one, whatever comes between;
 *  - in a parent pair, a block's open tag stands alone when only the line
 *    end follows it, and its close tag when only whitespace precedes it;
 *  - a block that stands alone is re-indented: its lines lose its
 *    intrinsic indentation where it is written, and get the indentation
 *    of the block it replaces where it is expanded;
 *  - a block pair {{$b}}...{{/b}} alone on one line keeps its whitespace
 *    and line end, and its leading whitespace indents what replaces it.
 */
static void
standalone(struct parser *p)
{
	struct tok	*t;
	size_t		 i;

	for (i = 0; i < p->n; i++) {
		t = &p->v[i];
		switch (t->type) {
		case T_TEXT:
		case 'v':
		case '&':
			break;
		case '<':
			if (lclear(p, i) && rclear(p, t->match)) {
				dropleft(p, i, 0);
				dropright(p, t->match);
				t->mode = M_ALONE;
			}
			break;
		case '$':
			block(p, i);
			break;
		case '/':
			if (t->arg && lclear(p, i))
				dropleft(p, i, 0);
			else if (!t->arg && p->v[t->match].type != '<')
				alone(p, i);
			break;
		default:
			alone(p, i);
			break;
		}
	}
}

/*
 * Building the tree.  Each open section, parent or block is a level on
 * a stack, collecting its children until its close tag.  "strip" is the
 * intrinsic indentation of the innermost re-indented block, removed from
 * the start of every line inside it.
 */
struct level {
	struct node	 n;
	struct node	*kids;
	size_t		 nkids, cap;
	const char	*strip;
	size_t		 striplen;
};

static void
node_free(struct node *n)
{
	size_t	 i;

	for (i = 0; i < n->nkids; i++)
		node_free(&n->kids[i]);
	free(n->kids);
	for (i = 0; i < n->npath; i++)
		free(n->path[i]);
	free(n->path);
	free(n->text);
	free(n->ind);
}

/* Append "n" to level "l"; a parent keeps only its blocks. */
static void
append(struct level *l, struct node *n)
{
	if (l->n.kind == N_PARENT && n->kind != N_BLOCK) {
		node_free(n);
		return;
	}
	l->kids = xgrow(l->kids, l->nkids, &l->cap, 8, sizeof(*l->kids));
	l->kids[l->nkids++] = *n;
}

/* "ws" without the part that "l" strips from its lines. */
static char *
relative(const struct level *l, const char *ws, size_t len)
{
	size_t	 k = 0;

	while (k < len && k < l->striplen && ws[k] == l->strip[k])
		k++;
	return xstrndup(ws + k, len - k);
}

static void
split(struct node *n)
{
	const char	*s = n->text, *dot;

	if (strcmp(s, ".") == 0)
		return;
	for (;;) {
		n->path = xreallocarray(n->path, n->npath + 1, sizeof(char *));
		dot = strchr(s, '.');
		n->path[n->npath++] = dot ? xstrndup(s, dot - s) : xstrdup(s);
		if (dot == NULL)
			break;
		s = dot + 1;
	}
}

static enum kind
kindof(int type)
{
	switch (type) {
	case 'v':
		return N_VAR;
	case '&':
		return N_RAW;
	case '#':
		return N_SECTION;
	case '^':
		return N_INVERTED;
	case '>':
		return N_PARTIAL;
	case '<':
		return N_PARENT;
	case '$':
		return N_BLOCK;
	default:
		return N_TEXT;
	}
}

/*
 * Make "n" for token "t" in level "l": the text of a line's first token
 * loses what "l" strips, and the indentation becomes relative to it.
 */
static void
mknode(struct node *n, const struct level *l, const struct tok *t,
    int first)
{
	size_t	 k = 0;

	memset(n, 0, sizeof(*n));
	n->kind = kindof(t->type);
	n->line = t->line;
	n->col = t->col;
	if (n->kind == N_TEXT && first)
		while (k < t->len && k < l->striplen && t->s[k] == l->strip[k])
			k++;
	n->text = xstrndup(t->s + k, t->len - k);
	n->len = t->len - k;
	if (n->kind == N_VAR || n->kind == N_RAW || n->kind == N_SECTION ||
	    n->kind == N_INVERTED)
		split(n);
	if ((t->mode == M_ALONE && (t->type == '>' || t->type == '<')) ||
	    t->mode == M_INLINE || (t->mode == M_REINDENT && !t->arg))
		n->ind = relative(l, t->ws, t->wslen);
}

static void
openlevel(struct level *l, const struct tok *t)
{
	const struct level	*up = l - 1;

	memset(l, 0, sizeof(*l));
	mknode(&l->n, up, t, 0);
	l->strip = up->strip;
	l->striplen = up->striplen;
	if (t->mode == M_REINDENT) {
		l->strip = t->ws;
		l->striplen = t->wslen;
	}
}

/* 1 if the nodes "v" hold no partial, parent or block, at any depth. */
static int
closed(const struct node *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		switch (v[i].kind) {
		case N_PARTIAL:
		case N_PARENT:
		case N_BLOCK:
			return 0;
		case N_SECTION:
		case N_INVERTED:
			if (!v[i].closed)
				return 0;
			break;
		default:
			break;
		}
	return 1;
}

static void
closelevel(struct level *l)
{
	l->n.kids = l->kids;
	l->n.nkids = l->nkids;
	l->n.closed = (l->n.kind == N_SECTION || l->n.kind == N_INVERTED) &&
	    closed(l->kids, l->nkids);
	append(l - 1, &l->n);
}

static void
addtok(struct level *l, const struct tok *t, int first)
{
	struct node	 n;

	if (t->type == T_TEXT && (t->drop || t->len == 0))
		return;
	mknode(&n, l, t, first);
	if (n.kind == N_TEXT && n.len == 0)
		node_free(&n);
	else
		append(l, &n);
}

static struct mustache *
build(struct parser *p)
{
	struct level	*stack = xcalloc(p->n + 1, sizeof(*stack)), *l = stack;
	struct mustache	*t = xcalloc(1, sizeof(*t));
	struct node	 bol;
	const struct tok *tk;
	size_t		 i;
	int		 first;

	memset(&bol, 0, sizeof(bol));
	bol.kind = N_BOL;
	for (i = 0; i < p->n; i++) {
		tk = &p->v[i];
		first = i == 0 || p->v[i - 1].lineno != tk->lineno;
		if (first && !p->removed[tk->lineno])
			append(l, &bol);
		if (opens(tk->type))
			openlevel(++l, tk);
		else if (tk->type == '/')
			closelevel(l--);
		else if (tk->type != '!' && tk->type != '=')
			addtok(l, tk, first);
	}
	t->file = xstrdup(p->file);
	t->kids = stack->kids;
	t->nkids = stack->nkids;
	free(stack);
	return t;
}

struct mustache *
mustache_parse(struct diag *d, const char *file, const char *src,
    size_t len)
{
	struct parser	 p;
	struct mustache	*t = NULL;

	memset(&p, 0, sizeof(p));
	p.d = d;
	p.file = file;
	p.src = src;
	p.len = len;
	p.open = "{{";
	p.close = "}}";
	p.olen = p.clen = 2;
	p.cline = p.ccol = 1;
	p.rc = 1;
	p.cut = !tokenize(&p);
	match(&p);
	if (!p.rc)
		goto out;
	p.removed = xcalloc(p.lineno + 1, 1);
	standalone(&p);
	t = build(&p);
out:
	free(p.removed);
	free(p.v);
	return t;
}

void
mustache_free(struct mustache *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nkids; i++)
		node_free(&t->kids[i]);
	free(t->kids);
	free(t->file);
	free(t);
}

const char *
mustache_file(const struct mustache *t)
{
	return t->file;
}

static void
refs(const struct node *v, size_t n, void (*fn)(void *, const char *, int,
    unsigned, unsigned), void *arg)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i].kind == N_PARTIAL || v[i].kind == N_PARENT)
			fn(arg, v[i].text, v[i].kind == N_PARENT, v[i].line,
			    v[i].col);
		refs(v[i].kids, v[i].nkids, fn, arg);
	}
}

void
mustache_foreach_ref(const struct mustache *t, void (*fn)(void *arg,
    const char *name, int is_parent, unsigned line, unsigned col), void *arg)
{
	refs(t->kids, t->nkids, fn, arg);
}

/* The templates a walk of names() has been through, each once. */
struct seen {
	const struct mustache	**v;
	size_t			  n, cap;
};

/* 1 the first time "t" is met on this walk. */
static int
first(struct seen *s, const struct mustache *t)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == t)
			return 0;
	s->v = xgrow(s->v, s->n, &s->cap, 16, sizeof(*s->v));
	s->v[s->n++] = t;
	return 1;
}

/*
 * Set in "*mask" the bit of every name of "want" ("nwant" names) that a
 * variable or section tag of "v" or of a template it names has as a
 * part.  A template's names are the same wherever it is included, so
 * each is walked once: a partial that includes itself ends there.
 */
static void
names(const struct node *v, size_t n, const char *const *want,
    size_t nwant, uint64_t *mask, mustache_lookup_fn lookup, void *arg,
    struct seen *s)
{
	const struct mustache	*t;
	size_t			 i, k, j;

	for (i = 0; i < n; i++) {
		for (k = 0; k < v[i].npath && v[i].kind != N_TEXT &&
		    v[i].kind != N_BOL && v[i].kind != N_PARTIAL &&
		    v[i].kind != N_PARENT && v[i].kind != N_BLOCK; k++)
			for (j = 0; j < nwant; j++)
				if (strcmp(v[i].path[k], want[j]) == 0)
					*mask |= (uint64_t)1 << j;
		if ((v[i].kind == N_PARTIAL || v[i].kind == N_PARENT) &&
		    lookup != NULL && (t = lookup(arg, v[i].text)) != NULL &&
		    first(s, t))
			names(t->kids, t->nkids, want, nwant, mask, lookup,
			    arg, s);
		names(v[i].kids, v[i].nkids, want, nwant, mask, lookup, arg,
		    s);
	}
}

uint64_t
mustache_mentions_mask(const struct mustache *t, const char *const *want,
    size_t nwant, mustache_lookup_fn lookup, void *arg)
{
	struct seen	 s = { NULL, 0, 0 };
	uint64_t	 mask = 0;

	assert(nwant <= 64);
	first(&s, t);
	names(t->kids, t->nkids, want, nwant, &mask, lookup, arg, &s);
	free(s.v);
	return mask;
}

int
mustache_mentions(const struct mustache *t, const char *name,
    mustache_lookup_fn lookup, void *arg)
{
	return mustache_mentions_mask(t, &name, 1, lookup, arg) != 0;
}

/*
 * Rendering.  A scope is what a node renders in: the template it comes
 * from (for diagnostics), the context stack, the override frames, the
 * indentation, and how deep templates are nested.  A name is looked up
 * from the innermost context out; a block from the outermost frame in,
 * so that the template furthest down an inheritance chain has the last
 * word.  The indentation is written by a BOL node only where an output
 * line begins, so a block expanded after text on its line is not
 * indented twice.
 */
struct ctx {
	json_t			*v;
	const struct ctx	*up;
};

struct frame {
	const struct node	*pair;	/* an N_PARENT and its blocks */
	const struct mustache	*t;	/* the template it is in */
	const struct frame	*up;
};

struct indent {
	const char		*s;
	const struct indent	*up;
};

struct scope {
	const struct mustache	*t;
	const struct ctx	*c;
	const struct frame	*f;
	const struct indent	*in;
	unsigned		 depth;
};

/*
 * The output of closed sections (struct node) over values, from one
 * render to the next: for each section node, the last value it was
 * written for (a reference, so that no other value takes its address)
 * and what it wrote then.
 */
struct memo {
	const struct node	*n;
	json_t			*v;
	struct buf		 out;
};

struct mustache_cache {
	struct memo		*v;
	size_t			 n, cap;
};

/* What stays the same through one mustache_render(). */
struct run {
	mustache_lookup_fn	 lookup;
	void			*arg;
	struct diag		*d;
	struct buf		*out;
	size_t			 max;	/* out->len past which to stop */
	int			 over;	/* 1: past it, 2: and reported */
	struct mustache_cache	*cache;	/* NULL: none */
	const struct ctx	*outside; /* a section being kept: the
					   context it is in, or NULL */
	int			 leaked;	/* a name of it was looked up
					   outside it */
};

static int	nodes(struct run *, const struct scope *,
		    const struct node *, size_t);

/*
 * The value of a name: the first part from the innermost context that
 * has it, the other parts from that value only.  NULL when missing.
 */
static json_t *
resolve(struct run *r, const struct ctx *c, const struct node *n)
{
	json_t	*v = NULL;
	size_t	 i;

	if (n->npath == 0)
		return c ? c->v : NULL;
	for (; c != NULL && v == NULL; c = c->up) {
		if (c == r->outside)	/* past the section being kept */
			r->leaked = 1;
		if (json_is_object(c->v))
			v = json_object_get(c->v, n->path[0]);
	}
	for (i = 1; i < n->npath && v != NULL; i++)
		v = json_is_object(v) ? json_object_get(v, n->path[i]) : NULL;
	return v;
}

static int
falsy(const json_t *v)
{
	return v == NULL || json_is_false(v) || json_is_null(v) ||
	    (json_is_array(v) && json_array_size(v) == 0) ||
	    (json_is_string(v) && json_string_length(v) == 0);
}

/* The shortest "%g" form of "x" that reads back as "x". */
static void
putreal(struct buf *b, double x)
{
	char	 s[40];
	int	 prec;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, x);
		if (strtod(s, NULL) == x)
			break;
	}
	buf_puts(b, s);
}

/* Strings as they are, numbers as the spec writes them, true, false. */
static void
interpolate(struct run *r, const json_t *v, int escape)
{
	struct buf	 b = BUF_INIT;
	const char	*s = b.data;
	size_t		 len = 0;

	if (json_is_string(v)) {
		s = json_string_value(v);
		len = json_string_length(v);
	} else {
		if (json_is_integer(v))
			buf_printf(&b, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
		else if (json_is_real(v))
			putreal(&b, json_real_value(v));
		else if (json_is_boolean(v))
			buf_puts(&b, json_is_true(v) ? "true" : "false");
		s = b.data;
		len = b.len;
	}
	if (escape)
		text_escape_html(r->out, s, len);
	else
		buf_put(r->out, s, len);
	buf_release(&b);
}

static void
putindent(struct buf *out, const struct indent *in)
{
	if (in == NULL)
		return;
	putindent(out, in->up);
	buf_puts(out, in->s);
}

/* A template line begins: indent it unless the output line has begun. */
static void
bol(struct run *r, const struct indent *in)
{
	if (r->out->len == 0 || r->out->data[r->out->len - 1] == '\n')
		putindent(r->out, in);
}

/* 1 if one more template may nest in scope "s", else report at "n". */
static int
deeper(struct run *r, const struct scope *s, const struct node *n)
{
	struct loc	 l = { s->t->file, n->line, n->col };

	if (s->depth < MAXDEPTH)
		return 1;
	if (r->d != NULL)
		diag_error(r->d, &l, "'%s' nests templates more than %d "
		    "levels deep (infinite recursion?)", n->text, MAXDEPTH);
	return 0;
}

static int
with(struct run *r, const struct scope *s, json_t *v,
    const struct node *n)
{
	struct ctx	 c = { v, s->c };
	struct scope	 in = *s;

	in.c = &c;
	return nodes(r, &in, n->kids, n->nkids);
}

/* Section "n" over "v" (not falsy). */
static int
each(struct run *r, const struct scope *s, const struct node *n, json_t *v)
{
	json_t	*e;
	size_t	 i;

	if (!json_is_array(v))
		return with(r, s, v, n);
	json_array_foreach(v, i, e)
		if (!with(r, s, e, n))
			return 0;
	return 1;
}

/* 1 if the indentation "in" writes nothing. */
static int
flat(const struct indent *in)
{
	for (; in != NULL; in = in->up)
		if (*in->s != '\0')
			return 0;
	return 1;
}

/* The memo of section "n" in "c", made empty when new. */
static struct memo *
memo(struct mustache_cache *c, const struct node *n)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].n == n)
			return &c->v[i];
	c->v = xgrow(c->v, c->n, &c->cap, 16, sizeof(*c->v));
	memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
	c->v[c->n].n = n;
	buf_init(&c->v[c->n].out);
	return &c->v[c->n++];
}

/*
 * Closed section "n" over "v" (not falsy), written again from the
 * cache when it was last written for "v"; else written, and kept when
 * every name in it was found inside it (its output then depends on "v"
 * alone: no indentation, no partial, nothing from outside).
 */
static int
kept(struct run *r, const struct scope *s, const struct node *n, json_t *v)
{
	struct memo	*m = memo(r->cache, n);
	size_t		 start = r->out->len;
	int		 rc;

	/* Past the limit, it is written again to report where. */
	if (m->v == v && r->out->len + m->out.len <= r->max) {
		buf_put(r->out, m->out.data, m->out.len);
		return 1;
	}
	r->outside = s->c;
	r->leaked = 0;
	rc = each(r, s, n, v);
	r->outside = NULL;
	if (!rc || r->leaked)
		return rc;
	m = memo(r->cache, n);	/* the cache may have moved */
	json_decref(m->v);
	m->v = json_incref(v);
	buf_reset(&m->out);
	buf_put(&m->out, r->out->data + start, r->out->len - start);
	return 1;
}

static int
section(struct run *r, const struct scope *s, const struct node *n)
{
	json_t	*v = resolve(r, s->c, n);

	if (falsy(v))
		return 1;
	if (r->cache != NULL && n->closed && r->outside == NULL &&
	    flat(s->in))
		return kept(r, s, n, v);
	return each(r, s, n, v);
}

/* {{>name}} and {{<name}}: render the other template in place. */
static int
include(struct run *r, const struct scope *s, const struct node *n)
{
	const struct mustache	*t = r->lookup ? r->lookup(r->arg, n->text) :
				    NULL;
	struct indent		 ind = { n->ind, s->in };
	struct frame		 f = { n, s->t, s->f };
	struct scope		 in = *s;

	if (t == NULL)
		return 1;
	if (!deeper(r, s, n))
		return 0;
	in.t = t;
	in.depth++;
	in.in = n->ind ? &ind : NULL;
	if (n->kind == N_PARENT)
		in.f = &f;
	return nodes(r, &in, t->kids, t->nkids);
}

/* The block overriding "name": the one from the outermost parent tag. */
static const struct node *
override(const struct frame *f, const char *name, const struct frame **from)
{
	const struct node	*found = NULL;
	size_t			 i;

	for (; f != NULL; f = f->up)
		for (i = 0; i < f->pair->nkids; i++)
			if (strcmp(f->pair->kids[i].text, name) == 0) {
				found = &f->pair->kids[i];
				*from = f;
			}
	return found;
}

/* {{$name}}: the overriding block if there is one, else the default. */
static int
expand(struct run *r, const struct scope *s, const struct node *n)
{
	const struct frame	*from = NULL;
	const struct node	*arg = override(s->f, n->text, &from);
	struct indent		 ind = { n->ind, s->in };
	struct scope		 in = *s;

	if (n->ind != NULL) {
		in.in = &ind;
		bol(r, in.in);
	}
	if (arg == NULL)
		return nodes(r, &in, n->kids, n->nkids);
	if (!deeper(r, s, n))
		return 0;
	in.t = from->t;
	in.depth++;
	return nodes(r, &in, arg->kids, arg->nkids);
}

static int
node(struct run *r, const struct scope *s, const struct node *n)
{
	switch (n->kind) {
	case N_TEXT:
		buf_put(r->out, n->text, n->len);
		return 1;
	case N_BOL:
		bol(r, s->in);
		return 1;
	case N_VAR:
	case N_RAW:
		interpolate(r, resolve(r, s->c, n), n->kind == N_VAR);
		return 1;
	case N_SECTION:
		return section(r, s, n);
	case N_INVERTED:
		return falsy(resolve(r, s->c, n)) ?
		    nodes(r, s, n->kids, n->nkids) : 1;
	case N_PARTIAL:
	case N_PARENT:
		return include(r, s, n);
	case N_BLOCK:
		return expand(r, s, n);
	}
	return 1;
}

static size_t	 output_max = MUSTACHE_OUTPUT_MAX;

void
mustache_set_output_max(size_t bytes)
{
	output_max = bytes ? bytes : MUSTACHE_OUTPUT_MAX;
}

/*
 * The output went past its limit in node "n" of template "t": report it
 * at "n", or at the tag that included it when "n" is text (line 0).
 */
static void
toolong(struct run *r, const struct mustache *t, const struct node *n)
{
	struct loc	 l = { t->file, n->line, n->col };

	if (r->over == 2 || n->line == 0)
		return;
	r->over = 2;
	if (r->d != NULL)
		diag_error(r->d, &l, "the output passes %zu MB here, the limit "
		    "for one page (partials included too many times?)",
		    (output_max + (1 << 20) - 1) >> 20);
}

static int
nodes(struct run *r, const struct scope *s, const struct node *v,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (node(r, s, &v[i]) && r->out->len <= r->max)
			continue;
		if (r->out->len > r->max && r->over == 0)
			r->over = 1;
		if (r->over)
			toolong(r, s->t, &v[i]);
		return 0;
	}
	return 1;
}

int
mustache_render(const struct mustache *t, json_t *ctx,
    mustache_lookup_fn lookup, void *arg, struct diag *d, struct buf *out)
{
	return mustache_render_cached(t, ctx, lookup, arg, d, out, NULL);
}

int
mustache_render_cached(const struct mustache *t, json_t *ctx,
    mustache_lookup_fn lookup, void *arg, struct diag *d, struct buf *out,
    struct mustache_cache *cache)
{
	static const struct node top = { .line = 1, .col = 1 };
	struct run	 r = { lookup, arg, d, out,
			    out->len + output_max, 0, cache, NULL, 0 };
	struct ctx	 c = { ctx, NULL };
	struct scope	 s = { t, &c, NULL, NULL, 0 };
	int		 rc = nodes(&r, &s, t->kids, t->nkids);

	if (r.over == 1)
		toolong(&r, t, &top);
	return rc;
}

struct mustache_cache *
mustache_cache_new(void)
{
	return xcalloc(1, sizeof(struct mustache_cache));
}

void
mustache_cache_free(struct mustache_cache *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		json_decref(c->v[i].v);
		buf_release(&c->v[i].out);
	}
	free(c->v);
	free(c);
}
