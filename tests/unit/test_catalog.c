/*
 * Unit tests for the data catalogs (catalog.c, dcat.c, dcatus.c,
 * catalogcsv.c): the structure of every catalog file built from two
 * realistic records (Vietnamese titles with quotes, newlines and a
 * backslash in descriptions, given out of order): absolute URLs,
 * the dataset IRI, Turtle escaping, sorted datasets, checksums, the
 * vocabulary types the DCAT-AP shapes need, RFC 4180 quoting, and the
 * errors for a missing base_url and broken records.  The official
 * validators (SHACL, ajv, rdflib) run outside the unit tests.
 */
#include "catalog.h"
#include "catalogcsv.h"
#include "dcat.h"
#include "dcatus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"

#define BASE	"https://example.gov.vn/sub/"
#define IND	BASE "dataset/indicators/#dataset"
#define SHA1	"2c26b46b68ffc68ff99b453c1d30413413422d70" \
		"6483bfa0f98a5e886266e7ae"
#define DP2	"https://datapackage.org/profiles/2.0/datapackage.json"

static const char site_src[] = "{"
    "\"title\": \"Kế hoạch chuyển đổi số 2024\","
    "\"description\": \"Mục tiêu và tiến độ.\","
    "\"language\": \"vi\", \"base_url\": \"" BASE "\","
    "\"publisher\": {\"name\": \"Sở TT&TT\","
    "  \"url\": \"https://stttt.example.vn/\"},"
    "\"modified\": \"2024-06-01\","
    "\"license\": {\"id\": \"CC-BY-4.0\","
    "  \"title\": \"Creative Commons Attribution 4.0\","
    "  \"url\": \"https://creativecommons.org/licenses/by/4.0/\"}}";

/*
 * Two records, "units" before "indicators" to check the sorting; the
 * second has a quote in its title, and a newline, a backslash and
 * U+0001 in its description.
 */
static const char records_src[] = "[{"
    "\"id\": \"units\", \"title\": \"Đơn vị, sở ngành\","
    "\"description\": \"Danh sách.\\nMỗi đơn vị.\","
    "\"frequency\": \"irregular\", \"version\": \"1.0.0\","
    "\"issued\": \"2024-05-16\", \"modified\": \"2024-05-16\","
    "\"distributions\": ["
    "  {\"format\": \"JSON\", \"mediatype\": \"application/json\","
    "   \"path\": \"dataset/units/data/units.json\"},"
    "  {\"format\": \"JSON\","
    "   \"mediatype\": \"Application/JSON; charset=utf-8\","
    "   \"path\": \"dataset/units/other.json\"}]"
    "}, {"
    "\"id\": \"indicators\","
    "\"title\": \"Chỉ tiêu \\\"chuyển đổi số\\\" 2024\","
    "\"description\": \"Dòng 1.\\nDòng 2 có \\\\ và \\u0001.\","
    "\"keywords\": [\"chỉ tiêu\", \"\"], \"theme\": \"Chuyển đổi số\","
    "\"contact\": {\"name\": \"Phòng CĐS\", \"email\": \"cds@example.vn\"},"
    "\"license\": {\"id\": \"CC-BY-4.0\","
    "  \"title\": \"Creative Commons Attribution 4.0\","
    "  \"url\": \"https://creativecommons.org/licenses/by/4.0/\"},"
    "\"temporal\": {\"start\": \"2024-01-01\", \"end\": \"2024-12-31\"},"
    "\"spatial\": \"Thừa Thiên Huế\", \"frequency\": \"annual\","
    "\"issued\": \"2024-05-16\", \"modified\": \"2024-06-01\","
    "\"version\": \"1.2.0\", \"landing\": \"dataset/indicators/\","
    "\"distributions\": ["
    "  {\"format\": \"CSV\", \"mediatype\": \"text/csv\","
    "   \"path\": \"dataset/indicators/data/indicators.csv\","
    "   \"bytes\": 1234, \"sha256\": \"" SHA1 "\","
    "   \"title\": \"CSV, \\\"UTF-8\\\"\"},"
    "  {\"format\": \"ZIP\", \"mediatype\": \"application/zip\","
    "   \"path\": \"downloads/indicators-1.2.0.zip\", \"bytes\": 7000},"
    "  {\"format\": \"JSON\", \"mediatype\": \"application/json\","
    "   \"path\": \"dataset/indicators/datapackage.json\","
    "   \"conformsTo\": \"" DP2 "\"}]"
    "}]";

static json_t *
load(const char *src)
{
	json_error_t	 e;
	json_t		*j = json_loads(src, JSON_DECODE_ANY, &e);

	if (j == NULL)
		printf("fixture: %d:%d: %s\n", e.line, e.column, e.text);
	return j;
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

typedef int (*catalog_fn)(struct buf *, struct diag *, const json_t *,
    const json_t *);

/* Run "fn" on the fixture; the output goes to "out", 1 if it worked. */
static int
run(catalog_fn fn, struct buf *out)
{
	json_t		*site = load(site_src), *recs = load(records_src);
	struct diag	*d = diag_new();
	int		 ok;

	ok = fn(out, d, site, recs) && diag_errors(d) == 0;
	diag_free(d);
	json_decref(site);
	json_decref(recs);
	return ok;
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* run() with the records in reverse order. */
static int
run_reversed(catalog_fn fn, struct buf *out)
{
	json_t		*site = load(site_src), *recs = load(records_src);
	json_t		*rev = json_array();
	struct diag	*d = diag_new();
	size_t		 i;
	int		 ok;

	for (i = json_array_size(recs); i > 0; i--)
		json_array_append(rev, json_array_get(recs, i - 1));
	ok = fn(out, d, site, rev) && diag_errors(d) == 0;
	diag_free(d);
	json_decref(site);
	json_decref(recs);
	json_decref(rev);
	return ok;
}

/* 1 if every <IRI> in the Turtle "s" (after the prefixes) is absolute. */
static int
iris_absolute(const char *s)
{
	const char	*p = strstr(s, "\n\n");

	for (; p != NULL && (p = strchr(p, '<')) != NULL; p++)
		if (strncmp(p + 1, "https://", 8) != 0
		    && strncmp(p + 1, "http://", 7) != 0
		    && strncmp(p + 1, "mailto:", 7) != 0)
			return 0;
	return 1;
}

static void
test_turtle(void)
{
	struct buf	 b = BUF_INIT, again = BUF_INIT;
	const char	*ind, *units;

	CHECK(run(dcat_turtle, &b));
	CHECK(starts(b.data, "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"));
	CHECK(iris_absolute(b.data));
	CHECK(strstr(b.data, "<" BASE "dataset/#catalog>\n"
	    "\ta dcat:Catalog ;\n"));
	ind = strstr(b.data, "\n<" IND ">\n\ta dcat:Dataset ;\n"
	    "\tdct:identifier \"" IND "\" ;\n");
	units = strstr(b.data, "\n<" BASE "dataset/units/#dataset>\n");
	CHECK(ind != NULL && units != NULL && ind < units);
	CHECK(strstr(b.data, "\tdcat:dataset <" IND "> ;\n"
	    "\tdcat:dataset <" BASE "dataset/units/#dataset> .\n"));
	/* A quote in a title, a newline, a backslash and U+0001. */
	CHECK(strstr(b.data, "dct:title \"Chỉ tiêu "
	    "\\\"chuyển đổi số\\\" "
	    "2024\"@vi ;\n"));
	CHECK(strstr(b.data, "\"Dòng 1.\\nDòng 2 có "
	    "\\\\ và \\u0001.\"@vi"));
	CHECK(strstr(b.data, "dcat:keyword \"\"") == NULL);
	CHECK(strstr(b.data, "\tdcat:downloadURL <" BASE
	    "dataset/indicators/data/indicators.csv> ;\n"));
	CHECK(strstr(b.data, "\tdcat:byteSize "
	    "\"1234\"^^xsd:nonNegativeInteger"));
	CHECK(strstr(b.data, "\t\tspdx:algorithm spdx:checksumAlgorithm_sha256"
	    " ;\n\t\tspdx:checksumValue \"" SHA1 "\"^^xsd:hexBinary\n"));
	CHECK(strstr(b.data, "\nspdx:checksumAlgorithm_sha256\n"
	    "\ta spdx:ChecksumAlgorithm .\n"));
	CHECK(strstr(b.data, "vcard:hasEmail <mailto:cds@example.vn>"));
	CHECK(strstr(b.data, "\t\tdcat:startDate "
	    "\"2024-01-01\"^^xsd:date ;\n"));
	/* Download IRIs: by format, by file for a standard, -N for twins. */
	CHECK(strstr(b.data, "<" BASE "dataset/indicators/#dist-csv>\n"));
	CHECK(strstr(b.data, "<" BASE
	    "dataset/indicators/#dist-datapackage>\n"));
	CHECK(strstr(b.data, "<" BASE "dataset/units/#dist-json>\n"));
	CHECK(strstr(b.data, "<" BASE "dataset/units/#dist-json-2>\n"));
	/* Media types lose their parameters and upper case in IRIs. */
	CHECK(strstr(b.data, "charset") == NULL);
	CHECK(strstr(b.data, "/Application") == NULL);
	/* Every vocabulary IRI is typed, labelled as CKAN wants it. */
	CHECK(strstr(b.data, "\n<http://publications.europa.eu/resource/"
	    "authority/language/VIE>\n\ta dct:LinguisticSystem .\n"));
	CHECK(strstr(b.data, "\n<http://publications.europa.eu/resource/"
	    "authority/frequency/ANNUAL>\n\ta dct:Frequency .\n"));
	CHECK(strstr(b.data, "authority/frequency/IRREG>\n\ta dct:Frequency"));
	CHECK(strstr(b.data, "\n<http://publications.europa.eu/resource/"
	    "authority/file-type/CSV>\n\ta dct:MediaTypeOrExtent .\n"));
	CHECK(strstr(b.data, "\n<https://www.iana.org/assignments/media-types/"
	    "text/csv>\n\ta dct:MediaType ;\n\trdfs:label \"text/csv\" .\n"));
	CHECK(strstr(b.data, "\n<https://creativecommons.org/licenses/by/4.0/>"
	    "\n\ta dct:LicenseDocument ;\n"
	    "\tdct:title \"Creative Commons Attribution\" .\n"));
	CHECK(strstr(b.data, "\n<https://datapackage.org/profiles/2.0/"
	    "datapackage.json>\n\ta dct:Standard .\n"));
	CHECK(strstr(b.data, "\n<" BASE "dataset/#theme-chuyen-doi-so>\n"
	    "\ta skos:Concept ;\n\tskos:prefLabel \"Chuyển "
	    "đổi số\"@vi .\n"));
	/* The same records in another order give the same bytes. */
	CHECK(run_reversed(dcat_turtle, &again));
	CHECK(b.len == again.len && memcmp(b.data, again.data, b.len) == 0);
	buf_release(&b);
	buf_release(&again);
}

/* The node of "graph" whose @id is "id", or NULL. */
static json_t *
node(json_t *graph, const char *id)
{
	json_t	*n;
	size_t	 i;

	json_array_foreach(graph, i, n)
		if (strcmp(json_string_value(json_object_get(n, "@id")),
		    id) == 0)
			return n;
	return NULL;
}

static void
test_jsonld(void)
{
	struct buf	 b = BUF_INIT;
	json_t		*j, *g, *ds, *t;

	CHECK(run(dcat_jsonld, &b));
	CHECK(b.len > 0 && b.data[b.len - 1] == '\n');
	j = load(b.data);
	CHECK(j != NULL);
	CHECK_STR(json_string_value(json_object_get(json_object_get(j,
	    "@context"), "dcat")), "http://www.w3.org/ns/dcat#");
	g = json_object_get(j, "@graph");
	CHECK_STR(json_string_value(json_object_get(json_array_get(g, 0),
	    "@id")), BASE "dataset/#catalog");
	CHECK((ds = node(g, IND)) != NULL);
	t = json_object_get(ds, "dct:title");
	CHECK_STR(json_string_value(json_object_get(t, "@value")),
	    "Chỉ tiêu \"chuyển đổi "
	    "số\" 2024");
	CHECK_STR(json_string_value(json_object_get(t, "@language")), "vi");
	CHECK_STR(json_string_value(json_object_get(ds, "@type")),
	    "dcat:Dataset");
	CHECK(json_array_size(json_object_get(ds, "dcat:distribution")) == 3);
	CHECK(node(g, "spdx:checksumAlgorithm_sha256") != NULL);
	CHECK(strstr(b.data, "\n  \"@graph\": [\n    {\n"));	/* indented */
	json_decref(j);
	buf_release(&b);
}

static void
test_datajson(void)
{
	struct buf	 b = BUF_INIT;
	json_t		*j, *ds, *units, *cp;

	CHECK(run(dcatus_datajson, &b));
	j = load(b.data);
	CHECK_STR(json_string_value(json_object_get(j, "conformsTo")),
	    "https://project-open-data.cio.gov/v1.1/schema");
	CHECK_STR(json_string_value(json_object_get(j, "@id")),
	    BASE "data.json");
	ds = json_array_get(json_object_get(j, "dataset"), 0);
	units = json_array_get(json_object_get(j, "dataset"), 1);
	CHECK_STR(json_string_value(json_object_get(ds, "identifier")), IND);
	CHECK_STR(json_string_value(json_object_get(ds, "accrualPeriodicity")),
	    "R/P1Y");
	CHECK_STR(json_string_value(json_object_get(units,
	    "accrualPeriodicity")), "irregular");
	CHECK_STR(json_string_value(json_object_get(ds, "temporal")),
	    "2024-01-01/2024-12-31");
	CHECK_STR(json_string_value(json_object_get(ds, "accessLevel")),
	    "public");
	cp = json_object_get(ds, "contactPoint");
	CHECK_STR(json_string_value(json_object_get(cp, "hasEmail")),
	    "mailto:cds@example.vn");
	/* No contact: the publisher's name, as the schema needs one. */
	cp = json_object_get(units, "contactPoint");
	CHECK_STR(json_string_value(json_object_get(cp, "fn")),
	    "Sở TT&TT");
	CHECK(json_object_get(units, "keyword") == NULL);
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(units, "distribution"), 1), "mediaType")),
	    "application/json");
	CHECK(json_array_size(json_object_get(ds, "keyword")) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(ds, "distribution"), 1), "downloadURL")),
	    BASE "downloads/indicators-1.2.0.zip");
	json_decref(j);
	buf_release(&b);
}

static void
test_csv(void)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	int		 lines = 0;

	CHECK(run(catalogcsv_table, &b));
	CHECK(starts(b.data, "dataset_id,dataset_title,format,mediatype,url,"
	    "bytes,sha256,license,modified\r\n"));
	for (p = b.data; (p = strchr(p, '\n')) != NULL; p++) {
		CHECK(p > b.data && p[-1] == '\r');
		lines++;
	}
	CHECK(lines == 6);
	CHECK(strstr(b.data, "\r\nindicators,\"Chỉ tiêu "
	    "\"\"chuyển đổi số\"\" 2024\","
	    "CSV,text/csv," BASE "dataset/indicators/data/indicators.csv,"
	    "1234," SHA1 ",https://creativecommons.org/licenses/by/4.0/,"
	    "2024-06-01\r\n"));
	CHECK(strstr(b.data, "\r\nunits,\"Đơn vị, "
	    "sở ngành\",JSON,"));
	CHECK(strstr(b.data, ",application/zip," BASE
	    "downloads/indicators-1.2.0.zip,7000,,"));
	buf_release(&b);
}

static void
test_descriptors(void)
{
	json_t		*site = load(site_src), *j, *res;
	struct diag	*d = diag_new();
	struct buf	 b = BUF_INIT;

	CHECK(catalogcsv_metadata(&b, d, site));
	j = load(b.data);
	CHECK_STR(json_string_value(json_array_get(json_object_get(j,
	    "@context"), 0)), "http://www.w3.org/ns/csvw");
	CHECK_STR(json_string_value(json_object_get(j, "url")), "catalog.csv");
	CHECK(json_array_size(json_object_get(json_object_get(j,
	    "tableSchema"), "columns")) == 9);
	json_decref(j);

	buf_reset(&b);
	CHECK(catalogcsv_datapackage(&b, d, site, 2965, SHA1));
	j = load(b.data);
	CHECK_STR(json_string_value(json_object_get(j, "$schema")),
	    "https://datapackage.org/profiles/2.0/datapackage.json");
	CHECK_STR(json_string_value(json_object_get(j, "name")),
	    "ke-hoach-chuyen-doi-so-2024");
	res = json_array_get(json_object_get(j, "resources"), 0);
	CHECK_STR(json_string_value(json_object_get(res, "path")),
	    "catalog.csv");
	CHECK_STR(json_string_value(json_object_get(res, "hash")),
	    "sha256:" SHA1);
	CHECK(json_integer_value(json_object_get(res, "bytes")) == 2965);
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(j, "licenses"), 0), "name")), "CC-BY-4.0");
	json_decref(j);

	buf_reset(&b);
	CHECK(catalogcsv_datapackage(&b, d, site, 0, NULL));
	CHECK(strstr(b.data, "\"hash\"") == NULL);
	CHECK(diag_errors(d) == 0);
	buf_release(&b);
	diag_free(d);
	json_decref(site);
}

static void
test_dataset_iri(void)
{
	struct buf	 b = BUF_INIT;

	catalog_dataset_iri(&b, "https://x.vn/sub/", "budget");
	CHECK_STR(b.data, "https://x.vn/sub/dataset/budget/#dataset");
	buf_reset(&b);
	catalog_dataset_iri(&b, "https://x.vn/dữ liệu", "a");
	CHECK_STR(b.data, "https://x.vn/d%E1%BB%AF%20li%E1%BB%87u/dataset/a/"
	    "#dataset");
	buf_release(&b);
}

/* The helpers catalog.h gives the catalog writers, on their edges. */
static void
test_shared(void)
{
	struct buf	 b = BUF_INIT;
	json_t		*dist = json_object();
	char		*h;

	catalog_url(&b, "https://x.vn/sub", "//dataset/a b/");
	CHECK_STR(b.data, "https://x.vn/sub/dataset/a%20b/");
	buf_reset(&b);
	catalog_url(&b, "https://x.vn/", "mailto:a@x.vn");
	CHECK_STR(b.data, "mailto:a@x.vn");
	buf_reset(&b);
	catalog_encode(&b, "a<b>\"{|}\\^`\x7f");
	CHECK_STR(b.data, "a%3Cb%3E%22%7B%7C%7D%5C%5E%60%7F");
	CHECK_STR(catalog_frequency("annual", CATALOG_FREQ_EU), "ANNUAL");
	CHECK_STR(catalog_frequency("annual", CATALOG_FREQ_ISO), "R/P1Y");
	CHECK(catalog_frequency("never", CATALOG_FREQ_ISO) == NULL);
	CHECK(catalog_frequency("yearly", CATALOG_FREQ_EU) == NULL);
	CHECK(catalog_frequency(NULL, CATALOG_FREQ_EU) == NULL);
	CHECK_STR(catalog_date_type("2024"), "xsd:gYear");
	CHECK_STR(catalog_date_type("2024-05"), "xsd:gYearMonth");
	CHECK_STR(catalog_date_type("2024-05-16T08:00:00Z"), "xsd:dateTime");
	CHECK(catalog_date_type("16/05/2024") == NULL);
	buf_reset(&b);
	CHECK(catalog_mediatype(&b, "Text/CSV; charset=utf-8"));
	CHECK_STR(b.data, "text/csv");
	CHECK(!catalog_mediatype(&b, "csv") && b.len == 8);
	CHECK(!catalog_mediatype(&b, NULL) && b.len == 8);
	json_object_set_new(dist, "sha256", json_string("2C26B46B68FFC68FF99B"
	    "453C1D30413413422D706483BFA0F98A5E886266E7AE"));
	h = catalog_sha256_new(dist);
	CHECK_STR(h, SHA1);
	free(h);
	json_object_set_new(dist, "sha256", json_string("2c26"));
	CHECK(catalog_sha256_new(dist) == NULL);
	CHECK(catalog_str(dist, "none") == NULL);
	json_decref(dist);
	buf_release(&b);
}

/*
 * Run "fn" on the fixture with "key" of the site (or of the first
 * record, "units", when "rec") set to the JSON "val" (NULL: deleted).
 * The output goes to "out", the diagnostics to "*msgs" (free() it).
 */
static int
run_with(catalog_fn fn, int rec, const char *key, const char *val,
    struct buf *out, char **msgs)
{
	json_t		*site = load(site_src), *recs = load(records_src);
	json_t		*o = rec ? json_array_get(recs, 0) : site;
	struct diag	*d = diag_new();
	int		 ok;

	if (val == NULL)
		json_object_del(o, key);
	else
		json_object_set_new(o, key, load(val));
	ok = fn(out, d, site, recs);
	*msgs = printed(d);
	diag_free(d);
	json_decref(site);
	json_decref(recs);
	return ok;
}

/* 1 if run_with() fails and reports exactly "want". */
static int
fails_with(catalog_fn fn, int rec, const char *key, const char *val,
    const char *want)
{
	struct buf	 b = BUF_INIT;
	char		*got;
	int		 ok;

	ok = !run_with(fn, rec, key, val, &b, &got) && strcmp(got, want) == 0;
	if (!ok)
		printf("  %s = %s\n  gave: '%s'\n  want: '%s'\n", key,
		    val ? val : "(deleted)", got, want);
	free(got);
	buf_release(&b);
	return ok;
}

/* 1 if the Turtle of the fixture changed as run_with() says has "want". */
static int
turtle_has(const char *key, const char *val, const char *want)
{
	struct buf	 b = BUF_INIT;
	char		*msgs;
	int		 ok;

	ok = run_with(dcat_turtle, 1, key, val, &b, &msgs)
	    && strstr(b.data, want) != NULL;
	if (!ok)
		printf("  %s = %s: no '%s' in\n%s\n", key, val, want, b.data);
	free(msgs);
	buf_release(&b);
	return ok;
}

static void
test_vocabularies(void)
{
	const char	*csv = "[{\"format\": \"CSV\", \"path\": \"a.csv\","
	    " \"sha256\": \"2C26B46B68FFC68FF99B453C1D30413413422D70"
	    "6483BFA0F98A5E886266E7AE\"}]";

	/* Licences CKAN knows get its title, others keep their own. */
	CHECK(turtle_has("license", "{\"id\": \"ODbL-1.0\", \"title\": "
	    "\"ODbL\", \"url\": \"https://opendatacommons.org/licenses/"
	    "odbl/1-0/\"}", "/>\n\ta dct:LicenseDocument ;\n\tdct:title "
	    "\"Open Data Commons Open Database License (ODbL)\" .\n"));
	CHECK(turtle_has("license", "{\"id\": \"CC-BY-ND-4.0\", \"title\": "
	    "\"CC BY-ND 4.0\", \"url\": \"https://creativecommons.org/"
	    "licenses/by-nd/4.0/\"}", "/by-nd/4.0/>\n\ta dct:LicenseDocument ;"
	    "\n\tdct:title \"CC BY-ND 4.0\" .\n"));
	CHECK(turtle_has("license", "{\"id\": \"CC-BY-NC-SA-4.0\", "
	    "\"url\": \"https://creativecommons.org/licenses/by-nc-sa/4.0/\"}",
	    "\tdct:title \"Creative Commons Non-Commercial (Any)\" .\n"));
	/* Frequencies, checksums in lower case, no theme without a slug. */
	CHECK(turtle_has("frequency", "\"semiannual\"",
	    "/authority/frequency/ANNUAL_2>"));
	CHECK(turtle_has("frequency", "\"continuous\"",
	    "/authority/frequency/UPDATE_CONT>"));
	CHECK(turtle_has("distributions", csv, "\t\tspdx:checksumValue \""
	    SHA1 "\"^^xsd:hexBinary\n"));
	CHECK(turtle_has("theme", "\"!?\"", "Mỗi đơn vị.\"@vi ;\n"
	    "\tdct:publisher"));
	CHECK(turtle_has("theme", "\"Dân số\"", "Mỗi đơn vị.\"@vi ;\n"
	    "\tdcat:theme <" BASE "dataset/#theme-dan-so> ;\n"));
	CHECK(turtle_has("issued", "\"2024-05-16T08:00:00Z\"",
	    "\tdct:issued \"2024-05-16T08:00:00Z\"^^xsd:dateTime ;\n"));
}

static void
test_errors(void)
{
	const char	*nobase = "site.yaml: error: base_url is needed for "
	    "the data catalogs\n";

	CHECK(fails_with(dcat_turtle, 0, "base_url", NULL, nobase));
	CHECK(fails_with(dcat_jsonld, 0, "base_url", "\"\"", nobase));
	CHECK(fails_with(dcatus_datajson, 0, "base_url", NULL, nobase));
	CHECK(fails_with(catalogcsv_table, 0, "base_url", NULL, nobase));
	CHECK(fails_with(dcat_turtle, 0, "base_url", "\"/sub/\"",
	    "site.yaml: error: base_url '/sub/' is not an absolute http or "
	    "https URL\n"));
	CHECK(fails_with(dcat_turtle, 0, "publisher", NULL,
	    "site.yaml: error: publisher is needed for the data catalogs\n"));
	CHECK(fails_with(catalogcsv_table, 1, "id", "\"indicators\"",
	    "datasets/indicators.yaml: error: dataset id 'indicators' is "
	    "used twice\n"));
	CHECK(fails_with(catalogcsv_table, 1, "id", "\"Units\"",
	    "datasets/Units.yaml: error: dataset id 'Units' is not lower-case "
	    "ASCII (a-z, 0-9, '-', '_')\n"));
	CHECK(fails_with(dcat_turtle, 1, "description", NULL,
	    "datasets/units.yaml: error: 'description' is needed for the "
	    "data catalogs\n"));
	CHECK(fails_with(dcatus_datajson, 1, "distributions",
	    "[{\"format\": \"CSV\"}]",
	    "datasets/units.yaml: error: download 1 has no 'path'\n"));
	CHECK(fails_with(dcat_turtle, 1, "id", NULL,
	    "planpress: error: a dataset record without an 'id'\n"));
}

int
main(void)
{
	test_turtle();
	test_jsonld();
	test_datajson();
	test_csv();
	test_descriptors();
	test_dataset_iri();
	test_shared();
	test_vocabularies();
	test_errors();
	return CHECK_DONE("catalog");
}
