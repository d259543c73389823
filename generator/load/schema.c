/*
 * Table Schema, in the load stage: reading a schema and checking it.
 * dataset.c hands schema_parse() the "schema:" mapping of a dataset's
 * metadata; every field's type, options and constraints are checked
 * here, once, and turned into rules (typed bounds and enums, a compiled
 * pattern) that cell.c applies to every cell (schema_cell()).
 * package.c writes schema_descriptor() into datapackage.json.
 *
 *	s = schema_parse(d, m, obj, at);	// NULL: reported
 *	for each row, for each cell i:
 *		v = schema_cell(s, i, cell, len, &why);	// cell.c
 *	json_object_set_new(resource, "schema", schema_descriptor(s));
 *	schema_free(s);
 *
 * Patterns are POSIX extended regular expressions anchored to the whole
 * value, plus \d for [0-9].  A strptime-style "format" of a date, time
 * or datetime may use %Y %y %m %d %H %M %S and %%.
 */
#include "schema.h"

#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "intl.h"
#include "meta.h"
#include "text.h"
#include "xalloc.h"

static const char *const bound_keys[CELL_NBOUNDS] = {
	"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"
};

static const char *const type_names[] = {
	"string", "number", "integer", "boolean", "date", "datetime",
	"time", "year", "yearmonth", "duration", "geopoint", "any", NULL
};

const char *
schema_type_name(enum schema_type t)
{
	return type_names[t];
}

static int
ordered(enum schema_type t)
{
	return t != SCHEMA_STRING && t != SCHEMA_BOOLEAN &&
	    t != SCHEMA_GEOPOINT && t != SCHEMA_ANY;
}

/* Parsing the schema. */

struct parse {
	struct diag		*d;
	const struct meta	*m;
	struct schema		*s;
	int			 ok;
};

static void	err(struct parse *, const struct loc *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
err(struct parse *p, const struct loc *at, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	diag_vadd(p->d, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
	p->ok = 0;
}

/* Where name "i" of key "key" (a string or a list) is written. */
static const struct loc *
name_loc(const struct parse *p, const json_t *obj, const char *key,
    size_t i)
{
	const json_t	*v = json_object_get(obj, key);

	if (json_is_array(v))
		return meta_index_loc(p->m, v, i);
	return meta_loc(p->m, obj, key);
}

/* 0 after reporting if "key" of "obj" is set but "applies" is 0. */
static int
applies(struct parse *p, const json_t *obj, const struct schema_field *f,
    const char *key, const char *what, int ok)
{
	if (ok || json_object_get(obj, key) == NULL)
		return 1;
	if (strcmp(what, "key") == 0)
		err(p, meta_key_loc(p->m, obj, key), "key '%s' does not apply "
		    "to a field of type '%s'", key, schema_type_name(f->type));
	else
		err(p, meta_key_loc(p->m, obj, key), "constraint '%s' does not "
		    "apply to a field of type '%s'", key,
		    schema_type_name(f->type));
	return 0;
}

/* Append the YAML scalar "v" as text; 0 if it is not a scalar. */
static int
scalar_text(struct buf *b, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_put(b, json_string_value(v), json_string_length(v));
		return 1;
	case JSON_INTEGER:
		buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 1;
	case JSON_REAL:
		text_number(b, json_real_value(v));
		return 1;
	case JSON_TRUE:
	case JSON_FALSE:
		buf_puts(b, json_is_true(v) ? "true" : "false");
		return 1;
	default:
		return 0;
	}
}

/*
 * The YAML scalar "v" as a value of field "f" (for enum and bounds):
 * numbers and booleans as they are when the type wants them, any other
 * scalar cast from its text.  0 after reporting "what: 'x' is not ...".
 */
static int
typed(struct parse *p, const struct schema_field *f, const json_t *v,
    const struct loc *at, const char *what, struct cell_value *out)
{
	struct buf	 t = BUF_INIT, q = BUF_INIT, why = BUF_INIT;
	int		 ok;

	memset(out, 0, sizeof(*out));
	if (json_is_number(v) && f->type == SCHEMA_NUMBER) {
		out->d = json_number_value(v);
		out->json = json_real(out->d);
		return 1;
	}
	if (json_is_integer(v) && (f->type == SCHEMA_INTEGER ||
	    f->type == SCHEMA_YEAR)) {
		out->isint = 1;
		out->i = json_integer_value(v);
		out->json = json_integer(out->i);
		return 1;
	}
	if (json_is_boolean(v) && f->type == SCHEMA_BOOLEAN) {
		out->json = json_boolean(json_is_true(v));
		return 1;
	}
	if (!scalar_text(&t, v)) {
		err(p, at, "%s must be a single value", what);
		return 0;
	}
	if (!(ok = cell_cast(f, t.data, t.len, out, &why))) {
		text_quote(&q, t.data, t.len);
		err(p, at, "%s: %s %s", what, q.data, why.data);
	}
	buf_release(&q);
	buf_release(&t);
	buf_release(&why);
	return ok;
}

static void
twice(struct parse *p, const struct loc *at, const json_t *v)
{
	struct buf	 b = BUF_INIT;

	scalar_text(&b, v);
	err(p, at, "constraint 'enum' lists '%s' twice", b.data);
	buf_release(&b);
}

static void
enum_values(struct parse *p, const json_t *c, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const json_t		*list = json_object_get(c, "enum"), *e;
	struct buf		 text = BUF_INIT;
	struct cell_value	 v;
	size_t			 i;

	if (list == NULL)
		return;
	if (!json_is_array(list) || json_array_size(list) == 0) {
		err(p, meta_loc(p->m, c, "enum"), "constraint 'enum' must be "
		    "a list of values");
		return;
	}
	r->enumv = json_array();
	json_array_foreach(list, i, e) {
		if (!typed(p, f, e, meta_index_loc(p->m, list, i),
		    _("constraint 'enum'"), &v))
			continue;
		if (cell_in_enum(r->enumv, v.json)) {
			twice(p, meta_index_loc(p->m, list, i), e);
			json_decref(v.json);
			continue;
		}
		json_array_append_new(r->enumv, v.json);
		if (i == 10) {
			buf_printf(&text, _(", ... (%zu values)"),
			    json_array_size(list));
			continue;
		}
		if (i > 10)
			continue;
		buf_puts(&text, i ? ", '" : "'");
		scalar_text(&text, e);
		buf_putc(&text, '\'');
	}
	r->enumtext = buf_detach(&text, NULL);
}

static void
bound(struct parse *p, const json_t *c, struct schema_field *f, int k)
{
	struct cell_bound	*b = &f->rules->b[k];
	const json_t		*v = json_object_get(c, bound_keys[k]);
	struct buf		 what = BUF_INIT, text = BUF_INIT;

	if (v == NULL || !applies(p, c, f, bound_keys[k], "constraint",
	    ordered(f->type)))
		return;
	buf_printf(&what, _("constraint '%s'"), bound_keys[k]);
	if (typed(p, f, v, meta_loc(p->m, c, bound_keys[k]), what.data,
	    &b->v)) {
		scalar_text(&text, v);
		b->text = buf_detach(&text, NULL);
	}
	buf_release(&what);
}

static void
length(struct parse *p, const json_t *c, struct schema_field *f,
    const char *key, long long *out)
{
	if (!applies(p, c, f, key, "constraint", f->type == SCHEMA_STRING))
		return;
	if (!meta_int(p->m, p->d, c, key, out))
		p->ok = 0;
	else if (json_object_get(c, key) != NULL && *out < 0)
		err(p, meta_loc(p->m, c, key), "constraint '%s' must not be "
		    "negative", key);
}

/* "^(pat)$" with \d and \D outside brackets and \d inside made POSIX. */
static char *
posix_pattern(const char *pat)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	int		 bracket = 0;

	buf_puts(&b, "^(");
	for (s = pat; *s; s++) {
		if (*s == '\\' && (s[1] == 'd' || s[1] == 'D')) {
			buf_puts(&b, bracket ? "0-9" : s[1] == 'd' ? "[0-9]" :
			    "[^0-9]");
			s++;
		} else if (*s == '\\' && s[1] != '\0' && !bracket) {
			buf_put(&b, s, 2);
			s++;
		} else {
			if (*s == '[' && !bracket) {
				bracket = 1;
				buf_putc(&b, *s++);
				if (*s == '^')
					buf_putc(&b, *s++);
				if (*s == ']')
					buf_putc(&b, *s++);
				s--;
				continue;
			}
			if (*s == ']' && bracket)
				bracket = 0;
			buf_putc(&b, *s);
		}
	}
	buf_puts(&b, ")$");
	return buf_detach(&b, NULL);
}

static void
pattern(struct parse *p, const json_t *c, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const char		*pat = NULL;
	char			*re, msg[160];
	int			 rc;

	if (!applies(p, c, f, "pattern", "constraint",
	    f->type == SCHEMA_STRING))
		return;
	if (!meta_string(p->m, p->d, c, "pattern", &pat)) {
		p->ok = 0;
		return;
	}
	if (pat == NULL)
		return;
	re = posix_pattern(pat);
	rc = regcomp(&r->re, re, REG_EXTENDED | REG_NOSUB);
	free(re);
	if (rc != 0) {
		regerror(rc, &r->re, msg, sizeof(msg));
		err(p, meta_loc(p->m, c, "pattern"), "constraint 'pattern' "
		    "'%s' is not a regular expression: %s", pat, msg);
		return;
	}
	r->pattern = pat;
}

static const char *const cons_keys[] = {
	"required", "unique", "enum", "minimum", "maximum",
	"exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
	"pattern", NULL
};

static void
field_constraints(struct parse *p, const json_t *o, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	const json_t		*c = json_object_get(o, "constraints");
	int			 k;

	if (c == NULL)
		return;
	if (!json_is_object(c)) {
		err(p, meta_loc(p->m, o, "constraints"), "key 'constraints' "
		    "must be a mapping");
		return;
	}
	r->cons = c;
	meta_warn_unknown(p->d, p->m, c, cons_keys, "constraints");
	if (!meta_bool(p->m, p->d, c, "required", &f->required) ||
	    !meta_bool(p->m, p->d, c, "unique", &f->unique))
		p->ok = 0;
	enum_values(p, c, f);
	for (k = 0; k < CELL_NBOUNDS; k++)
		bound(p, c, f, k);
	length(p, c, f, "minLength", &r->minlen);
	length(p, c, f, "maxLength", &r->maxlen);
	pattern(p, c, f);
	if (r->b[CELL_MIN].v.json && r->b[CELL_MAX].v.json &&
	    cell_compare(&r->b[CELL_MIN].v, &r->b[CELL_MAX].v) > 0)
		err(p, meta_loc(p->m, c, "minimum"), "constraint 'minimum' "
		    "is above 'maximum'");
	if (r->maxlen >= 0 && r->minlen > r->maxlen)
		err(p, meta_loc(p->m, c, "minLength"), "constraint "
		    "'minLength' is above 'maxLength'");
}

/* Check a strptime-style "fmt" for a date, time or datetime field. */
static int
check_pattern(struct parse *p, const struct schema_field *f,
    const struct loc *at)
{
	const char	*s;
	int		 seen = 0, want;

	for (s = f->format; *s; s++) {
		if (*s != '%')
			continue;
		if (*++s == '\0' || strchr("%YymdHMS", *s) == NULL) {
			err(p, at, "format '%s': unsupported directive '%%%.*s' "
			    "(use %%Y %%y %%m %%d %%H %%M %%S or %%%%)",
			    f->format, *s ? 1 : 0, s);
			return 0;
		}
		if (*s != '%')
			seen |= 1 << (strchr("YymdHMS", *s) - "YymdHMS");
	}
	want = f->type == SCHEMA_TIME ? 0x30 : f->type == SCHEMA_DATE ?
	    0x0C : 0x3C;
	if ((seen & want) != want || (f->type != SCHEMA_TIME && !(seen & 3)))
		err(p, at, f->type == SCHEMA_TIME ? N_("format '%s' of a "
		    "time needs %%H and %%M") : f->type == SCHEMA_DATE ?
		    N_("format '%s' of a date needs %%Y (or %%y), %%m and "
		    "%%d") : N_("format '%s' of a datetime needs %%Y (or %%y), "
		    "%%m, %%d, %%H and %%M"), f->format);
	return 1;
}

static int
pick(const char *fmt, const char *const *names,
    const enum cell_format *fmts, enum cell_format *out)
{
	size_t	 i;

	for (i = 0; names[i]; i++)
		if (strcmp(fmt, names[i]) == 0) {
			*out = fmts[i];
			return 1;
		}
	return 0;
}

static void
field_format(struct parse *p, const json_t *o, struct schema_field *f)
{
	static const char *const	 strs[] = { "default", "email", "uri",
	    "uuid", "binary", NULL };
	static const enum cell_format	 strf[] = { CELL_FMT_DEFAULT,
	    CELL_FMT_EMAIL, CELL_FMT_URI, CELL_FMT_UUID, CELL_FMT_BINARY };
	static const char *const	 geos[] = { "default", "array", "object",
	    NULL };
	static const enum cell_format	 geof[] = { CELL_FMT_DEFAULT,
	    CELL_FMT_ARRAY, CELL_FMT_OBJECT };
	const struct loc		*at = meta_loc(p->m, o, "format");
	enum cell_format		*fmt = &f->rules->fmt;

	if (f->type == SCHEMA_STRING && !pick(f->format, strs, strf, fmt))
		err(p, at, "unknown format '%s' for a string (use default, "
		    "email, uri, uuid or binary)", f->format);
	else if (f->type == SCHEMA_GEOPOINT && !pick(f->format, geos, geof,
	    fmt))
		err(p, at, "unknown format '%s' for a geopoint (use default, "
		    "array or object)", f->format);
	else if (f->type >= SCHEMA_DATE && f->type <= SCHEMA_TIME) {
		if (strcmp(f->format, "default") && strcmp(f->format, "any") &&
		    check_pattern(p, f, at))
			*fmt = CELL_FMT_PATTERN;
	} else if (f->type != SCHEMA_STRING && f->type != SCHEMA_GEOPOINT &&
	    strcmp(f->format, "default") != 0)
		err(p, at, "format '%s' does not apply to a field of type "
		    "'%s' (only 'default')", f->format,
		    schema_type_name(f->type));
}

static void
boolean_values(struct parse *p, const json_t *o, const char *key,
    json_t **out, const char *v1, const char *v2, const char *v3,
    const char *v4)
{
	if (!meta_strings(p->m, p->d, o, key, out))
		p->ok = 0;
	else if (*out != NULL && json_array_size(*out) == 0)
		err(p, meta_loc(p->m, o, key), "key '%s' must list at least "
		    "one value", key);
	if (*out == NULL)
		*out = json_pack("[ssss]", v1, v2, v3, v4);
}

static void
field_options(struct parse *p, const json_t *o, struct schema_field *f)
{
	struct schema_rules	*r = f->rules;
	enum schema_type	 t = f->type;
	int			 num = t == SCHEMA_NUMBER;

	applies(p, o, f, "decimalChar", "key", num);
	applies(p, o, f, "groupChar", "key", num || t == SCHEMA_INTEGER);
	applies(p, o, f, "bareNumber", "key", num || t == SCHEMA_INTEGER);
	applies(p, o, f, "trueValues", "key", t == SCHEMA_BOOLEAN);
	applies(p, o, f, "falseValues", "key", t == SCHEMA_BOOLEAN);
	if (!meta_string(p->m, p->d, o, "decimalChar", &r->decimal) ||
	    !meta_string(p->m, p->d, o, "groupChar", &r->group) ||
	    !meta_bool(p->m, p->d, o, "bareNumber", &r->bare))
		p->ok = 0;
	if (*r->decimal == '\0' || (r->group && *r->group == '\0'))
		err(p, meta_loc(p->m, o, *r->decimal ? "groupChar" :
		    "decimalChar"), "key '%s' must not be empty",
		    *r->decimal ? "groupChar" : "decimalChar");
	else if (num && r->group && strcmp(r->decimal, r->group) == 0)
		err(p, meta_loc(p->m, o, "groupChar"), "groupChar and "
		    "decimalChar must differ");
	boolean_values(p, o, "trueValues", &r->truev, "true", "True", "TRUE",
	    "1");
	boolean_values(p, o, "falseValues", &r->falsev, "false", "False",
	    "FALSE", "0");
}

static int
field_type(struct parse *p, const json_t *o, struct schema_field *f)
{
	const char	*t = "string";
	size_t		 i;

	if (!meta_string(p->m, p->d, o, "type", &t)) {
		p->ok = 0;
		return 0;
	}
	for (i = 0; type_names[i]; i++)
		if (strcmp(t, type_names[i]) == 0) {
			f->type = (enum schema_type)i;
			return 1;
		}
	err(p, meta_loc(p->m, o, "type"), "unknown type '%s' (use string, "
	    "number, integer, boolean, date, datetime, time, year, yearmonth, "
	    "duration, geopoint or any)", t);
	return 0;
}

static int
field_name(struct parse *p, const json_t *o, struct schema_field *f)
{
	size_t	 i;

	if (!meta_string(p->m, p->d, o, "name", &f->name)) {
		p->ok = 0;
		return 0;
	}
	if (f->name == NULL || *f->name == '\0') {
		err(p, f->name ? meta_loc(p->m, o, "name") : f->at,
		    "field has no name");
		f->name = NULL;
		return 0;
	}
	if (json_object_get(p->s->index, f->name) != NULL) {
		err(p, meta_loc(p->m, o, "name"), "duplicate field name '%s'",
		    f->name);
		return 0;
	}
	i = (size_t)(f - p->s->fields);
	json_object_set_new(p->s->index, f->name, json_integer((json_int_t)i));
	return 1;
}

static const char *const field_keys[] = {
	"name", "type", "title", "description", "unit", "format",
	"decimalChar", "groupChar", "bareNumber", "trueValues", "falseValues",
	"constraints", NULL
};

static void
field(struct parse *p, const json_t *list, size_t i)
{
	const json_t		*o = json_array_get(list, i);
	struct schema_field	*f = &p->s->fields[p->s->nfields++];
	struct schema_rules	*r;
	int			 ok;

	f->rules = r = xcalloc(1, sizeof(*r));
	f->at = meta_index_loc(p->m, list, i);
	f->format = "default";
	r->decimal = ".";
	r->bare = 1;
	r->minlen = r->maxlen = -1;
	r->src = o;
	if (!json_is_object(o)) {
		err(p, f->at, "field must be a mapping with a 'name' and a "
		    "'type'");
		return;
	}
	meta_warn_unknown(p->d, p->m, o, field_keys, _("a schema field"));
	ok = field_name(p, o, f);
	if (!meta_string(p->m, p->d, o, "title", &f->title) ||
	    !meta_string(p->m, p->d, o, "description", &f->description) ||
	    !meta_string(p->m, p->d, o, "unit", &f->unit) ||
	    !meta_string(p->m, p->d, o, "format", &f->format))
		ok = p->ok = 0;
	if (!field_type(p, o, f) || !ok)
		return;
	field_options(p, o, f);
	field_format(p, o, f);
	field_constraints(p, o, f);
}

static void
fields(struct parse *p, const json_t *obj, const struct loc *at)
{
	const json_t	*list = json_object_get(obj, "fields");
	size_t		 i;

	if (list == NULL) {
		err(p, at, "schema has no 'fields'");
		return;
	}
	if (!json_is_array(list) || json_array_size(list) == 0) {
		err(p, meta_loc(p->m, obj, "fields"), "key 'fields' must be a "
		    "list of fields");
		return;
	}
	p->s->fields = xcalloc(json_array_size(list), sizeof(*p->s->fields));
	for (i = 0; i < json_array_size(list); i++)
		field(p, list, i);
}

/*
 * The names of "key" of "obj" (a string or a list) as field indices in
 * "*out" (a new array) and their count in "*n"; each must be a field
 * of "s" and appear once.  0 after reporting.
 */
static int
field_list(struct parse *p, const json_t *obj, const char *key,
    const struct schema *s, size_t **out, size_t *n, const char *what)
{
	json_t		*names = NULL;
	const char	*name;
	size_t		 i, k;
	char		*seen = NULL;
	int		 ok = 1;

	*out = NULL;
	*n = 0;
	if (!meta_strings(p->m, p->d, obj, key, &names)) {
		p->ok = 0;
		return 0;
	}
	if (names == NULL || json_array_size(names) == 0) {
		err(p, meta_loc(p->m, obj, key), "%s must name at least one "
		    "field", what);
		json_decref(names);
		return 0;
	}
	*out = xcalloc(json_array_size(names), sizeof(**out));
	seen = xcalloc(s->nfields + 1, 1);
	for (i = 0; i < json_array_size(names); i++) {
		name = json_string_value(json_array_get(names, i));
		k = schema_find(s, name);
		if (k == SCHEMA_NONE || seen[k]) {
			err(p, name_loc(p, obj, key, i), k == SCHEMA_NONE ?
			    N_("%s names an unknown field '%s'") :
			    N_("%s names the field '%s' twice"), what, name);
			ok = 0;
		} else {
			seen[k] = 1;
			(*out)[(*n)++] = k;
		}
	}
	free(seen);
	json_decref(names);
	return ok;
}

static void
primary_key(struct parse *p, const json_t *obj)
{
	struct schema	*s = p->s;
	size_t		 i;

	if (json_object_get(obj, "primaryKey") == NULL)
		return;
	if (!field_list(p, obj, "primaryKey", s, &s->pkey, &s->npkey,
	    _("primary key"))) {
		s->npkey = 0;
		return;
	}
	for (i = 0; i < s->npkey; i++)
		s->fields[s->pkey[i]].required = 1;
}

/* The referenced field names, borrowed from the YAML tree. */
static int
ref_names(struct parse *p, const json_t *ref, struct schema_fkey *k)
{
	json_t	*names = NULL, *seen;
	size_t	 i;
	int	 ok = 1;

	if (!meta_strings(p->m, p->d, ref, "fields", &names)) {
		p->ok = 0;
		return 0;
	}
	if (json_array_size(names) != k->nfields) {
		err(p, k->ref_at, ngettext("foreign key has %zu field but its "
		    "reference has %zu", "foreign key has %zu fields but its "
		    "reference has %zu", k->nfields), k->nfields,
		    json_array_size(names));
		json_decref(names);
		return 0;
	}
	k->ref = xcalloc(k->nfields, sizeof(*k->ref));
	seen = json_object();
	for (i = 0; i < k->nfields; i++) {
		k->ref[i] = json_string_value(json_array_get(names, i));
		if (json_object_get(seen, k->ref[i]) != NULL) {
			err(p, k->ref_at, "reference names the field '%s' "
			    "twice", k->ref[i]);
			ok = 0;
		}
		json_object_set_new(seen, k->ref[i], json_true());
	}
	json_decref(seen);
	json_decref(names);
	return ok;
}

static const char *const fkey_keys[] = { "fields", "reference", NULL };
static const char *const ref_keys[] = { "resource", "fields", NULL };

/* 0 after reporting if foreign key "o" (at "at") lacks a part. */
static int
fkey_shape(struct parse *p, const json_t *o, const struct loc *at)
{
	const json_t	*ref = json_object_get(o, "reference");
	int		 ok = 1;

	if (!json_is_object(o)) {
		err(p, at, "foreign key must be a mapping with 'fields' and "
		    "'reference'");
		return 0;
	}
	meta_warn_unknown(p->d, p->m, o, fkey_keys, _("a foreign key"));
	if (json_object_get(o, "fields") == NULL) {
		err(p, at, "foreign key has no 'fields'");
		ok = 0;
	}
	if (ref == NULL) {
		err(p, at, "foreign key has no 'reference'");
		return 0;
	}
	if (!json_is_object(ref)) {
		err(p, meta_loc(p->m, o, "reference"), "key 'reference' must "
		    "be a mapping with 'resource' and 'fields'");
		return 0;
	}
	meta_warn_unknown(p->d, p->m, ref, ref_keys, _("a reference"));
	if (json_object_get(ref, "fields") == NULL) {
		err(p, meta_loc(p->m, o, "reference"), "reference has no "
		    "'fields'");
		ok = 0;
	}
	return ok;
}

static void
fkey(struct parse *p, const json_t *list, size_t i)
{
	const json_t		*o = json_array_get(list, i), *ref;
	const struct loc	*at = meta_index_loc(p->m, list, i);
	struct schema_fkey	*k;
	size_t			 n;

	if (!fkey_shape(p, o, at))
		return;
	ref = json_object_get(o, "reference");
	k = &p->s->fkeys[p->s->nfkeys++];
	k->at = at;
	k->resource = "";
	k->resource_at = meta_loc(p->m, ref, "resource");
	k->ref_at = meta_loc(p->m, ref, "fields");
	if (k->resource_at == NULL)
		k->resource_at = meta_loc(p->m, o, "reference");
	if (!meta_string(p->m, p->d, ref, "resource", &k->resource))
		p->ok = 0;
	if (!field_list(p, o, "fields", p->s, &k->fields, &k->nfields,
	    _("foreign key")) || !ref_names(p, ref, k) ||
	    *k->resource != '\0')
		return;
	if (field_list(p, ref, "fields", p->s, &k->self, &n, _("reference")))
		return;
	free(k->self);
	k->self = NULL;
}

static void
foreign_keys(struct parse *p, const json_t *obj)
{
	const json_t	*list = json_object_get(obj, "foreignKeys");
	size_t		 i;

	if (list == NULL)
		return;
	if (!json_is_array(list)) {
		err(p, meta_loc(p->m, obj, "foreignKeys"), "key 'foreignKeys' "
		    "must be a list of foreign keys");
		return;
	}
	p->s->fkeys = xcalloc(json_array_size(list) + 1,
	    sizeof(*p->s->fkeys));
	for (i = 0; i < json_array_size(list); i++)
		fkey(p, list, i);
}

static const char *const schema_keys[] = {
	"fields", "missingValues", "primaryKey", "foreignKeys", NULL
};

struct schema *
schema_parse(struct diag *d, const struct meta *m, const json_t *obj,
    const struct loc *at)
{
	struct parse	 p = { d, m, xcalloc(1, sizeof(struct schema)), 1 };

	p.s->index = json_object();
	if (!json_is_object(obj)) {
		err(&p, at, "key 'schema' must be a mapping with 'fields'");
		goto out;
	}
	meta_warn_unknown(p.d, p.m, obj, schema_keys, _("the schema"));
	if (!meta_strings(m, d, obj, "missingValues", &p.s->missing))
		p.ok = 0;
	fields(&p, obj, at);
	if (p.s->nfields == 0)
		goto out;
	primary_key(&p, obj);
	foreign_keys(&p, obj);
out:
	if (p.s->missing == NULL)
		p.s->missing = json_pack("[s]", "");
	if (!p.ok) {
		schema_free(p.s);
		return NULL;
	}
	return p.s;
}

static void
rules_free(struct schema_rules *r)
{
	int	 k;

	if (r == NULL)
		return;
	if (r->pattern)
		regfree(&r->re);
	json_decref(r->truev);
	json_decref(r->falsev);
	json_decref(r->enumv);
	free(r->enumtext);
	for (k = 0; k < CELL_NBOUNDS; k++) {
		json_decref(r->b[k].v.json);
		free(r->b[k].text);
	}
	free(r);
}

void
schema_free(struct schema *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfields; i++)
		rules_free(s->fields[i].rules);
	for (i = 0; i < s->nfkeys; i++) {
		free(s->fkeys[i].fields);
		free(s->fkeys[i].ref);
		free(s->fkeys[i].self);
	}
	free(s->fields);
	free(s->pkey);
	free(s->fkeys);
	json_decref(s->missing);
	json_decref(s->index);
	free(s);
}

size_t
schema_find(const struct schema *s, const char *name)
{
	json_t	*i = json_object_get(s->index, name);

	return i ? (size_t)json_integer_value(i) : SCHEMA_NONE;
}

/* The descriptor. */

static void
copy_key(json_t *to, const json_t *from, const char *key)
{
	json_t	*v = json_object_get(from, key);

	if (v != NULL)
		json_object_set_new(to, key, json_deep_copy(v));
}

static json_t *
constraints_descriptor(const struct schema_field *f)
{
	const struct schema_rules	*r = f->rules;
	json_t				*c = json_object();
	int				 k;

	copy_key(c, r->cons, "required");
	copy_key(c, r->cons, "unique");
	if (r->enumv)
		json_object_set_new(c, "enum", json_deep_copy(r->enumv));
	for (k = 0; k < CELL_NBOUNDS; k++)
		if (r->b[k].v.json)
			json_object_set_new(c, bound_keys[k],
			    json_deep_copy(r->b[k].v.json));
	copy_key(c, r->cons, "minLength");
	copy_key(c, r->cons, "maxLength");
	if (r->pattern)
		json_object_set_new(c, "pattern", json_string(r->pattern));
	return c;
}

static void
set_string(json_t *o, const char *key, const char *v)
{
	if (v != NULL)
		json_object_set_new(o, key, json_string(v));
}

static json_t *
field_descriptor(const struct schema_field *f)
{
	const struct schema_rules	*r = f->rules;
	json_t				*o = json_object(), *c;

	set_string(o, "name", f->name);
	set_string(o, "type", schema_type_name(f->type));
	set_string(o, "title", f->title);
	set_string(o, "description", f->description);
	if (strcmp(f->format, "default") != 0)
		set_string(o, "format", f->format);
	set_string(o, "unit", f->unit);
	copy_key(o, r->src, "decimalChar");
	copy_key(o, r->src, "groupChar");
	copy_key(o, r->src, "bareNumber");
	if (json_object_get(r->src, "trueValues"))
		json_object_set_new(o, "trueValues", json_deep_copy(r->truev));
	if (json_object_get(r->src, "falseValues"))
		json_object_set_new(o, "falseValues",
		    json_deep_copy(r->falsev));
	c = constraints_descriptor(f);
	if (json_object_size(c) > 0)
		json_object_set(o, "constraints", c);
	json_decref(c);
	return o;
}

static json_t *
names(const struct schema *s, const size_t *idx, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(s->fields[idx[i]].name));
	return a;
}

static json_t *
fkey_descriptor(const struct schema *s, const struct schema_fkey *k)
{
	json_t	*ref = json_array();
	size_t	 i;

	for (i = 0; i < k->nfields; i++)
		json_array_append_new(ref, json_string(k->ref[i]));
	return json_pack("{s:o, s:{s:s, s:o}}", "fields",
	    names(s, k->fields, k->nfields), "reference", "resource",
	    k->resource, "fields", ref);
}

json_t *
schema_descriptor(const struct schema *s)
{
	json_t	*o = json_object(), *a = json_array();
	size_t	 i;

	for (i = 0; i < s->nfields; i++)
		json_array_append_new(a, field_descriptor(&s->fields[i]));
	json_object_set_new(o, "fields", a);
	json_object_set_new(o, "missingValues", json_deep_copy(s->missing));
	if (s->npkey > 0)
		json_object_set_new(o, "primaryKey", names(s, s->pkey,
		    s->npkey));
	if (s->nfkeys == 0)
		return o;
	a = json_array();
	for (i = 0; i < s->nfkeys; i++)
		json_array_append_new(a, fkey_descriptor(s, &s->fkeys[i]));
	json_object_set_new(o, "foreignKeys", a);
	return o;
}
