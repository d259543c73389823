/*
 * Table Schema: the Frictionless description of a dataset's columns
 * (docs/datasets.md), parsed from the "schema:" of a dataset's metadata
 * (schema.c), and the check of one CSV cell against its field (cell.c:
 * schema_cell() and schema_valid()).
 *
 * Invariants callers rely on:
 *  - a parsed schema has at least one field, unique field names, a
 *    primary key and foreign keys that name existing fields, a
 *    reference with as many fields as its foreign key, and a compiled
 *    pattern for every "pattern" constraint;
 *  - strings and locations in it are borrowed from the metadata given to
 *    schema_parse(): free the schema before meta_free();
 *  - schema_cell() is the only place that says what a valid value is;
 *    its typed result is what the JSON output writes.
 *
 *	s = schema_parse(d, m, json_object_get(root, "schema"), at);
 *	v = schema_cell(s, 2, "80,5", 4, &why);	// json_real(80.5) when
 *						// decimalChar is ","
 *	v = schema_cell(s, 2, "tám", 4, &why);	// NULL, why: "field
 *		// 'target' (number): 'tám' is not a number"
 */
#ifndef PLANPRESS_SCHEMA_H
#define PLANPRESS_SCHEMA_H

#include <stddef.h>

#include <jansson.h>

struct buf;
struct diag;
struct loc;
struct meta;
struct schema_rules;

/* "No such field", from schema_find(). */
#define SCHEMA_NONE	((size_t)-1)

enum schema_type {
	SCHEMA_STRING,
	SCHEMA_NUMBER,
	SCHEMA_INTEGER,
	SCHEMA_BOOLEAN,
	SCHEMA_DATE,
	SCHEMA_DATETIME,
	SCHEMA_TIME,
	SCHEMA_YEAR,
	SCHEMA_YEARMONTH,
	SCHEMA_DURATION,
	SCHEMA_GEOPOINT,
	SCHEMA_ANY
};

/* One column.  Strings are NFC and borrowed from the metadata. */
struct schema_field {
	const char		*name;
	enum schema_type	 type;
	const char		*title;		/* NULL when absent */
	const char		*description;	/* NULL when absent */
	const char		*unit;		/* NULL when absent */
	const char		*format;	/* "default" when absent */
	int			 required;	/* constraint, or in the key */
	int			 unique;	/* constraints.unique */
	const struct loc	*at;		/* where the field is written */
	struct schema_rules	*rules;		/* private: cell.h */
};

/*
 * A foreign key: the values of "fields" (indices into the schema) must
 * be found in "ref" (field names) of the dataset "resource", which is
 * "" for this dataset.  For "", "self" holds the indices of "ref".
 */
struct schema_fkey {
	size_t			*fields;
	size_t			 nfields;
	const char		*resource;
	const char		**ref;
	size_t			*self;		/* NULL unless resource is "" */
	const struct loc	*at;		/* the foreign key */
	const struct loc	*resource_at;	/* its reference.resource */
	const struct loc	*ref_at;	/* its reference.fields */
};

struct schema {
	struct schema_field	*fields;
	size_t			 nfields;
	size_t			*pkey;		/* indices of the primary key */
	size_t			 npkey;		/* 0 when there is none */
	struct schema_fkey	*fkeys;
	size_t			 nfkeys;
	json_t			*missing;	/* array of strings, owned */
	json_t			*index;		/* name -> field index, owned:
						   schema_find() is O(1) */
};

/*
 * Parse the Table Schema "obj" (the value of "schema:" in the metadata
 * "m"; "at" is where it is written).  Every mistake is reported at its
 * place in the YAML: a wrong type of a key, an unknown field type, a
 * constraint that does not apply to the field's type or is not typed
 * like the field, a pattern that does not compile, a primary or foreign
 * key naming an unknown field, a malformed foreign key.  Unknown keys
 * are warnings.  Returns a schema to free with schema_free(), or NULL
 * after reporting at least one error.
 */
struct schema	*schema_parse(struct diag *d, const struct meta *m,
		    const json_t *obj, const struct loc *at);

/* Free "s"; schema_free(NULL) does nothing. */
void		 schema_free(struct schema *s);

/* The index of the field "name", or SCHEMA_NONE. */
size_t		 schema_find(const struct schema *s, const char *name);

/* "number", "date", ...: the Table Schema name of "t". */
const char	*schema_type_name(enum schema_type t);

/*
 * Check the cell "cell" of "len" bytes (UTF-8 in NFC, no NUL byte)
 * against field "i" of "s": missing values, then the type and its
 * options, then every constraint except unique (which needs the whole
 * column: dataset.c tracks it).  Returns a new reference to the typed
 * value: json_string, json_integer, json_real, json_true or json_false
 * (dates, times, durations and geopoints are strings in ISO form;
 * NaN and INF numbers are strings), or json_null() for a missing value.
 * On a broken rule returns NULL and appends to "why" one message that
 * names the field, quotes the value and says the rule:
 *
 *	field 'target' (number): 'tám mươi' is not a number
 *	field 'id' (string): 'A1' does not match the pattern '^[a-z0-9]+$'
 *	field 'id' (string): a value is required
 */
json_t		*schema_cell(const struct schema *s, size_t i,
		    const char *cell, size_t len, struct buf *why);

/*
 * 1 if the string "v" is a valid value of type "t" in its default
 * format (such as "2024-05-16" for SCHEMA_DATE), otherwise 0.  For
 * metadata keys typed like fields (issued, temporal.start ...).
 */
int		 schema_valid(enum schema_type t, const char *v);

/*
 * The Frictionless "tableSchema" object for datapackage.json, valid
 * against both the v1 and the v2 profiles: fields (name, type, title,
 * description, format, the custom property "unit", type options and
 * constraints typed as the profiles want them), missingValues,
 * primaryKey and foreignKeys as lists, with reference.resource always
 * present ("" for this dataset).  Returns a new reference.
 */
json_t		*schema_descriptor(const struct schema *s);

#endif
