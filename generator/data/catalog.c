/*
 * What the data catalogs share, used by their writers in the publish
 * stage (dcat.c, dcatus.c, catalogcsv.c): the input read into a struct
 * catalog, with every record checked and the records sorted by id so
 * that every catalog lists them in the same order; the URLs and IRIs,
 * percent-encoded and made absolute under base_url; the values that
 * more than one catalog writes (dates, update frequencies, checksums,
 * media types); and JSON dumped with sorted keys, so the same input
 * gives the same bytes.
 *
 *	struct catalog	 c;
 *
 *	if (catalog_init(&c, d, site, records) && catalog_need_site(&c))
 *		... write a catalog from c.recs[0 .. c.n - 1] ...
 *	catalog_release(&c);
 */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "xalloc.h"

#define SITE_FILE	"site.yaml"

/*
 * docs/datasets.md frequencies: EU frequency code, ISO 8601 (DCAT-US),
 * in the columns of enum catalog_freq.
 */
static const char *const frequencies[][3] = {
	{ "continuous", "UPDATE_CONT", "R/PT1S" },
	{ "daily", "DAILY", "R/P1D" },
	{ "weekly", "WEEKLY", "R/P1W" },
	{ "monthly", "MONTHLY", "R/P1M" },
	{ "quarterly", "QUARTERLY", "R/P3M" },
	{ "semiannual", "ANNUAL_2", "R/P6M" },
	{ "annual", "ANNUAL", "R/P1Y" },
	{ "irregular", "IRREG", "irregular" },
	{ "never", "NEVER", NULL },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

const char *
catalog_str(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

const json_t *
catalog_inherit(const struct catalog *c, const json_t *r, const char *key)
{
	const json_t	*o = json_object_get(r, key);

	return json_is_object(o) ? o : json_object_get(c->site, key);
}

static int
by_id(const void *a, const void *b)
{
	const char	*x = catalog_str(*(const json_t *const *)a, "id");
	const char	*y = catalog_str(*(const json_t *const *)b, "id");

	return strcmp(x ? x : "", y ? y : "");
}

/* "s" if it looks like a BCP 47 tag (letters, then -subtags), else NULL. */
static const char *
lang_tag(const char *s)
{
	size_t	 i, run = 0;

	if (s == NULL || (*s | 0x20) < 'a' || (*s | 0x20) > 'z')
		return NULL;
	for (i = 0; s[i]; i++) {
		if (s[i] == '-' && run > 0)
			run = 0;
		else if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
		    || (s[i] >= '0' && s[i] <= '9'))
			run++;
		else
			return NULL;
		if (run > 8)
			return NULL;
	}
	return run > 0 ? s : NULL;
}

static int
is_absolute(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0
	    || strncmp(s, "mailto:", 7) == 0;
}

void
catalog_encode(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || strchr("<>\"{}|\\^`", *p)) {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		} else
			buf_putc(b, *p);
}

void
catalog_url(struct buf *b, const char *base, const char *path)
{
	if (!is_absolute(path)) {
		catalog_encode(b, base);
		if (base[0] != '\0' && base[strlen(base) - 1] != '/')
			buf_putc(b, '/');
		while (*path == '/')
			path++;
	}
	catalog_encode(b, path);
}

char *
catalog_url_new(const struct catalog *c, const char *path)
{
	struct buf	 b = BUF_INIT;

	catalog_url(&b, c->base, path);
	return buf_detach(&b, NULL);
}

void
catalog_dataset_iri(struct buf *out, const char *base_url, const char *id)
{
	catalog_url(out, base_url, "dataset/");
	catalog_encode(out, id);
	buf_puts(out, "/#dataset");
}

static int
is_id(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')
		    || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The first of the keys "k1" and "k2" that "o" lacks, or NULL. */
static const char *
missing(const json_t *o, const char *k1, const char *k2)
{
	if (catalog_str(o, k1) == NULL)
		return k1;
	return catalog_str(o, k2) == NULL ? k2 : NULL;
}

/* 1 if sorted record "i" is usable, else 0 after reporting. */
static int
check_record(struct catalog *c, size_t i)
{
	const json_t	*r = c->recs[i], *dists, *dist;
	const char	*id = catalog_str(r, "id"), *prev, *key;
	struct buf	 file = BUF_INIT;
	struct loc	 loc = { NULL, 0, 0 };
	size_t		 j;
	int		 rc = 0;

	if (!json_is_object(r) || id == NULL) {
		diag_error(c->d, NULL, "a dataset record without an 'id'");
		goto out;
	}
	buf_printf(&file, "datasets/%s.yaml", id);
	loc.file = file.data;
	if (!is_id(id)) {
		diag_error(c->d, &loc, "dataset id '%s' is not lower-case "
		    "ASCII (a-z, 0-9, '-', '_')", id);
		goto out;
	}
	prev = i > 0 ? catalog_str(c->recs[i - 1], "id") : NULL;
	if (prev != NULL && strcmp(id, prev) == 0) {
		diag_error(c->d, &loc, "dataset id '%s' is used twice", id);
		goto out;
	}
	if ((key = missing(r, "title", "description")) != NULL) {
		diag_error(c->d, &loc, "'%s' is needed for the data catalogs",
		    key);
		goto out;
	}
	dists = json_object_get(r, "distributions");
	json_array_foreach(dists, j, dist)
		if ((key = missing(dist, "path", "format")) != NULL) {
			diag_error(c->d, &loc, "download %zu has no '%s'",
			    j + 1, key);
			goto out;
		}
	rc = 1;
out:
	buf_release(&file);
	return rc;
}

int
catalog_init(struct catalog *c, struct diag *d, const json_t *site,
    const json_t *records)
{
	struct loc	 loc = { SITE_FILE, 0, 0 };
	size_t		 i;
	int		 rc = 1;

	memset(c, 0, sizeof(*c));
	c->d = d;
	c->site = site;
	c->base = catalog_str(site, "base_url");
	c->lang = lang_tag(catalog_str(site, "language"));
	if (c->base == NULL)
		return diag_error(d, &loc,
		    "base_url is needed for the data catalogs");
	if (strncmp(c->base, "http://", 7) != 0
	    && strncmp(c->base, "https://", 8) != 0)
		return diag_error(d, &loc, "base_url '%s' is not an absolute "
		    "http or https URL", c->base);
	c->n = json_array_size(records);
	c->recs = xcalloc(c->n + 1, sizeof(*c->recs));
	for (i = 0; i < c->n; i++)
		c->recs[i] = json_array_get(records, i);
	qsort(c->recs, c->n, sizeof(*c->recs), by_id);
	for (i = 0; i < c->n; i++)
		if (!check_record(c, i))
			rc = 0;
	return rc;
}

void
catalog_release(struct catalog *c)
{
	free(c->recs);
	c->recs = NULL;
}

int
catalog_need_site(const struct catalog *c)
{
	struct loc	 loc = { SITE_FILE, 0, 0 };

	if (catalog_str(c->site, "title") == NULL)
		return diag_error(c->d, &loc,
		    "title is needed for the data catalogs");
	if (catalog_str(json_object_get(c->site, "publisher"), "name") == NULL)
		return diag_error(c->d, &loc,
		    "publisher is needed for the data catalogs");
	return 1;
}

const char *
catalog_date_type(const char *s)
{
	static const char	 pat[] = "dddd-dd-dd";
	size_t			 i, n = strlen(s);

	for (i = 0; i < n && i < 10; i++)
		if (pat[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return NULL;
	if (n == 4)
		return "xsd:gYear";
	if (n == 7)
		return "xsd:gYearMonth";
	if (n == 10)
		return "xsd:date";
	if (n > 10 && s[10] == 'T')
		return "xsd:dateTime";
	return NULL;
}

const char *
catalog_frequency(const char *name, enum catalog_freq f)
{
	size_t	 i;

	for (i = 0; name != NULL && i < NELEM(frequencies); i++)
		if (strcmp(name, frequencies[i][0]) == 0)
			return frequencies[i][f];
	return NULL;
}

char *
catalog_sha256_new(const json_t *dist)
{
	const char	*s = catalog_str(dist, "sha256");
	char		*h;
	size_t		 i;

	if (s == NULL || strlen(s) != 64
	    || strspn(s, "0123456789abcdefABCDEF") != 64)
		return NULL;
	h = xstrdup(s);
	for (i = 0; i < 64; i++)
		if (h[i] >= 'A' && h[i] <= 'F')
			h[i] |= 0x20;
	return h;
}

int
catalog_mediatype(struct buf *b, const char *mt)
{
	const char	*ok = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&^_.+-";
	size_t		 n, m;

	if (mt == NULL || (n = strspn(mt, ok)) == 0 || mt[n] != '/'
	    || (m = strspn(mt + n + 1, ok)) == 0
	    || (mt[n + 1 + m] != '\0' && mt[n + 1 + m] != ';'
	    && mt[n + 1 + m] != ' '))
		return 0;
	for (m += n + 1, n = 0; n < m; n++)
		buf_putc(b, (mt[n] >= 'A' && mt[n] <= 'Z') ? mt[n] | 0x20
		    : mt[n]);
	return 1;
}

static int
dump_cb(const char *s, size_t len, void *data)
{
	buf_put(data, s, len);
	return 0;
}

int
catalog_dump(struct buf *out, struct diag *d, json_t *root)
{
	int	 rc = 1;

	if (root == NULL || json_dump_callback(root, dump_cb, out,
	    JSON_SORT_KEYS | JSON_INDENT(2)) != 0)
		rc = diag_error(d, NULL, "cannot write a data catalog as JSON");
	else
		buf_putc(out, '\n');
	json_decref(root);
	return rc;
}

void
catalog_set_str(json_t *o, const char *key, const char *s)
{
	if (s != NULL)
		json_object_set_new(o, key, json_string(s));
}

void
catalog_set_url(const struct catalog *c, json_t *o, const char *key,
    const char *path)
{
	char	*u;

	if (path == NULL)
		return;
	u = catalog_url_new(c, path);
	json_object_set_new(o, key, json_string(u));
	free(u);
}

