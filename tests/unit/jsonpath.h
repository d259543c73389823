/*
 * Reading the JSON that the views and the API of the indicator model
 * make, in the unit tests of indview.c and indapi.c: a value by its
 * path of keys and array indexes,
 *
 *	CHECK_STR(str(o, "area/clauses/1/parts/0/id"), "A2.b.1");
 *	CHECK(num(o, "counts/clauses") == 6 && is_true(o, "sample"));
 *
 * each NULL, -1 or false when the path leads nowhere.
 */
#ifndef PLANPRESS_JSONPATH_H
#define PLANPRESS_JSONPATH_H

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* A test may leave some of these unused. */
#define JSONPATH_UNUSED	__attribute__((unused))

static const json_t *at(const json_t *, const char *) JSONPATH_UNUSED;
static const char *str(const json_t *, const char *) JSONPATH_UNUSED;
static long long num(const json_t *, const char *) JSONPATH_UNUSED;
static int	 is_true(const json_t *, const char *) JSONPATH_UNUSED;
static int	 is_false(const json_t *, const char *) JSONPATH_UNUSED;
static size_t	 size(const json_t *, const char *) JSONPATH_UNUSED;

/*
 * The value at "path" in "o": keys and array indexes joined by '/'
 * ("area/clauses/1/parts/0/id"), or NULL.
 */
static const json_t *
at(const json_t *o, const char *path)
{
	char		 key[128];
	const char	*p = path, *slash;
	size_t		 len;

	while (o != NULL && *p) {
		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if (len >= sizeof(key))
			return NULL;
		memcpy(key, p, len);
		key[len] = '\0';
		o = json_is_array(o) ? json_array_get(o, strtoul(key, NULL,
		    10)) : json_object_get(o, key);
		p += len + (slash != NULL);
	}
	return o;
}

/* The string at "path", or NULL. */
static const char *
str(const json_t *o, const char *path)
{
	return json_string_value(at(o, path));
}

/* The integer at "path", or -1. */
static long long
num(const json_t *o, const char *path)
{
	const json_t	*v = at(o, path);

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

/* Whether the value at "path" is true, or false. */
static int
is_true(const json_t *o, const char *path)
{
	return json_is_true(at(o, path));
}

static int
is_false(const json_t *o, const char *path)
{
	return json_is_false(at(o, path));
}

/* The size of the array or object at "path", or (size_t)-1. */
static size_t
size(const json_t *o, const char *path)
{
	const json_t	*v = at(o, path);

	return json_is_array(v) ? json_array_size(v) : json_is_object(v) ?
	    json_object_size(v) : (size_t)-1;
}

#endif
