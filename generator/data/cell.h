/*
 * The typing of one CSV cell against one field of a Table Schema, shared
 * by the two files of the schema: schema.c checks a field's type, options
 * and constraints once and compiles them into its struct schema_rules;
 * cell.c reads every cell with those rules (schema_cell() and
 * schema_valid(), declared in schema.h, are its public face).  Nothing
 * else includes this header.
 *
 * Invariants callers rely on:
 *  - a field's rules are complete once schema_parse() returns the
 *    schema: the decimal mark is set, trueValues and falseValues are
 *    lists of strings, every bound and enum value is typed like the
 *    field, and "pattern" is set only when "re" compiled;
 *  - cell_cast() and cell_compare() never report to a struct diag: they
 *    say why a value is wrong in a buffer, for the caller to report.
 *
 *	cell_cast(f, "80,5", 4, &v, &why);	// 1, v.json 80.5 when
 *						// decimalChar is ","
 *	cell_cast(f, "tám", 4, &v, &why);	// 0, why "is not a number"
 */
#ifndef PLANPRESS_CELL_H
#define PLANPRESS_CELL_H

#include <stddef.h>

#include <regex.h>

#include <jansson.h>

struct buf;
struct schema_field;

/* A typed value and the number it sorts by, for minimum and maximum. */
struct cell_value {
	json_t		*json;
	long long	 i;		/* integer and year */
	double		 d;		/* every other ordered type */
	int		 isint;
};

/* The bounds of a field, in the order of their keys. */
enum { CELL_MIN, CELL_MAX, CELL_XMIN, CELL_XMAX, CELL_NBOUNDS };

struct cell_bound {
	struct cell_value	 v;	/* v.json is NULL when unset */
	char			*text;	/* as written, for messages */
};

/* The "format" of a string or geopoint, or a pattern of a date or time. */
enum cell_format {
	CELL_FMT_DEFAULT, CELL_FMT_PATTERN, CELL_FMT_EMAIL, CELL_FMT_URI,
	CELL_FMT_UUID, CELL_FMT_BINARY, CELL_FMT_ARRAY, CELL_FMT_OBJECT
};

/* A field's rules, made by schema.c and freed by schema_free(). */
struct schema_rules {
	const json_t		*src;	/* the field's mapping in the YAML */
	const json_t		*cons;	/* its constraints, or NULL */
	const char		*decimal;
	const char		*group;	/* NULL: none */
	int			 bare;	/* bareNumber */
	json_t			*truev, *falsev;
	enum cell_format	 fmt;
	json_t			*enumv;	/* typed values */
	char			*enumtext; /* "'a', 'b'" */
	struct cell_bound	 b[CELL_NBOUNDS];
	long long		 minlen, maxlen; /* -1 when unset */
	const char		*pattern; /* set once compiled into "re" */
	regex_t			 re;
};

/*
 * The value of the "n" bytes at "s" as field "f" wants it, by its type
 * and options (not its constraints), into "*v"; v->json is a new
 * reference.  Returns 1, or 0 after appending to "why" the rule the
 * value breaks, worded to follow the value ("is not a number").
 */
int	cell_cast(const struct schema_field *f, const char *s, size_t n,
	    struct cell_value *v, struct buf *why);

/* Below zero, zero or above zero as "a" sorts before, with or after "b". */
int	cell_compare(const struct cell_value *a, const struct cell_value *b);

/* 1 if the array "list" holds a value equal to "v", otherwise 0. */
int	cell_in_enum(const json_t *list, const json_t *v);

#endif
