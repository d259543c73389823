/*
 * Scaffolding, outside the pipeline: the authoring commands that write
 * source files for a person to edit, never the output.
 *
 *	planpress init DIR		scaffold_init()
 *	planpress new page S/TITLE	scaffold_page()
 *	planpress new dataset ID [FILE]	scaffold_dataset()
 *
 * Files are created with O_EXCL and never replaced, all under the site
 * folder.  A new page's text comes from an archetype (a Markdown file
 * with front matter) whose title, date and draft keys are set; a new
 * dataset's metadata is written here from what infer.c found in its
 * CSV (or in the CSV text xlsxread.c made of a workbook's sheet), then
 * loaded and scanned (dataset.c, scan.c) exactly as a build would.  The
 * starter site and the default theme that init writes are the ones
 * embedded in the binary from starter/ and themes/default/ (embed.h),
 * so a site made anywhere is complete.
 */
#include "scaffold.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "archive.h"
#include "buf.h"
#include "config.h"
#include "datadir.h"
#include "dataset.h"
#include "diag.h"
#include "embed.h"
#include "fsin.h"
#include "infer.h"
#include "intl.h"
#include "mustache.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"
#include "xlsxread.h"

#define ID_MAX		100

/* Files. */

/* Today, "YYYY-MM-DD", into "out"; 0 after reporting a bad epoch. */
static int
today(struct diag *d, char out[11])
{
	const char	*e = getenv("SOURCE_DATE_EPOCH");
	time_t		 t;
	struct tm	 tm;

	if (e != NULL && *e != '\0') {
		if (!archive_check_epoch(d))
			return 0;
		t = archive_epoch(0);
		gmtime_r(&t, &tm);
	} else {
		t = time(NULL);
		localtime_r(&t, &tm);
	}
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		return diag_error(d, NULL, "cannot write today's date");
	return 1;
}

static int
exists(const char *path)
{
	struct stat	 st;

	return lstat(path, &st) == 0;
}

/* Make the folder "path" and its missing parents. */
static int
mkdirs(struct diag *d, const char *path)
{
	char	*p = xstrdup(path), *s;
	int	 rc = 1;

	for (s = p + 1; rc && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = diag_syserr(d, p, "cannot make the folder");
		*s = '/';
	}
	if (rc && mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = diag_syserr(d, p, "cannot make the folder");
	if (rc && !fsin_isdir(p))
		rc = diag_error(d, &(struct loc){ p, 0, 0 },
		    N_("not a folder"));
	free(p);
	return rc;
}

/* Create the new file "path" with "len" bytes of "data". */
static int
writenew(struct diag *d, const char *path, const void *data, size_t len,
    struct buf *created)
{
	int	 fd, rc = 1;
	ssize_t	 n;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1)
		return diag_syserr(d, path, errno == EEXIST ?
		    N_("will not overwrite") : N_("cannot create"));
	while (rc && len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno != EINTR)
				rc = diag_syserr(d, path, "cannot write");
			continue;
		}
		data = (const char *)data + n;
		len -= (size_t)n;
	}
	if (close(fd) != 0 && rc)
		rc = diag_syserr(d, path, "cannot write");
	if (!rc)
		unlink(path);
	else
		buf_printf(created, "%s\n", path);
	return rc;
}

/* Append "s" as a YAML double-quoted scalar (JSON is one). */
static void
putq(struct buf *b, const char *s)
{
	json_t	*j = json_string(s);
	char	*t = json_dumps(j, JSON_ENCODE_ANY);

	buf_puts(b, t ? t : "\"\"");
	free(t);
	json_decref(j);
}

/* Pages. */

/* 1 if "s" ("n" bytes) is a section name: [a-z0-9_-]+. */
static int
sectionword(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			return 0;
	return n > 0;
}

/* 1 if the string "spec" has a segment ".." or starts with '/'. */
static int
escapes(const char *spec)
{
	const char	*s = spec, *e;

	if (*spec == '/')
		return 1;
	for (; ; s = e + 1) {
		e = strchr(s, '/');
		if ((e ? (size_t)(e - s) : strlen(s)) == 2 &&
		    strncmp(s, "..", 2) == 0)
			return 1;
		if (e == NULL)
			return 0;
	}
}

/* One level of a new page's section. */
struct level {
	char	*name;		/* the folder: "muc-tieu" */
	char	*title;		/* "Mục tiêu" as typed; NULL: from the name */
};

static void
levels_free(struct level *lv, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(lv[i].name);
		free(lv[i].title);
	}
	free(lv);
}

/* "s" ("n" bytes) without spaces and tabs at either end, a new string. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/*
 * The section level that the segment "seg" ("n" bytes, followed by '/'
 * and "rest") names under the folder "dir", or 0 when the segment is
 * part of the title.  A segment names a section when it is a folder
 * name ([a-z0-9_-]+), when its slug is an existing folder, or when it
 * is a title of its own for a new section: it does not end in a digit
 * (so "Quyết định 73/QĐ-BCĐ" and "Hội nghị số 1/2024" stay titles) and
 * a title follows.
 */
static int
level(const char *dir, const char *seg, size_t n, const char *rest,
    struct level *out)
{
	char	*t, *r, *slug = NULL, *path = NULL;
	int	 rc = 0;

	if (sectionword(seg, n)) {
		out->name = xstrndup(seg, n);
		out->title = NULL;
		return 1;
	}
	t = trimmed(seg, n);
	r = trimmed(rest, strlen(rest));
	if (*t == '\0' || !text_utf8_valid(t, strlen(t), NULL))
		goto out;
	slug = text_slugify(t);
	if (*slug == '\0')
		goto out;
	path = xasprintf("%s/%s", dir, slug);
	if (fsin_isdir(path)) {
		out->name = slug;
		out->title = NULL;
		slug = NULL;
		rc = 1;
	} else if (*r != '\0' && !(t[strlen(t) - 1] >= '0' &&
	    t[strlen(t) - 1] <= '9')) {
		out->name = slug;
		out->title = text_nfc(t, strlen(t), NULL);
		slug = NULL;
		rc = 1;
	}
out:
	free(t);
	free(r);
	free(slug);
	free(path);
	return rc;
}

/*
 * Split "spec" into the section levels (none for a page at the root of
 * content/, the folder "content") and the title, each new; 0 after
 * reporting.
 */
static int
split(struct diag *d, const char *content, const char *spec,
    struct level **lv, size_t *nlv, char **title)
{
	struct buf	 dir = BUF_INIT;
	struct level	 l;
	const char	*s = spec, *e;
	char		*t;
	size_t		 n;

	*lv = NULL;
	*nlv = 0;
	if (!text_utf8_valid(spec, strlen(spec), NULL))
		return diag_error(d, NULL, "the page '%s' is not UTF-8", spec);
	if (escapes(spec))
		return diag_error(d, NULL, "the page '%s' would be outside "
		    "content/", spec);
	buf_puts(&dir, content);
	while ((e = strchr(s, '/')) != NULL &&
	    level(dir.data, s, (size_t)(e - s), e + 1, &l)) {
		*lv = xreallocarray(*lv, *nlv + 1, sizeof(**lv));
		(*lv)[(*nlv)++] = l;
		buf_printf(&dir, "/%s", l.name);
		s = e + 1;
	}
	buf_release(&dir);
	e = s + strspn(s, " \t");
	n = strlen(e);
	while (n > 0 && (e[n - 1] == ' ' || e[n - 1] == '\t'))
		n--;
	t = text_nfc(e, n, NULL);
	if (t == NULL || *t == '\0') {
		free(t);
		levels_free(*lv, *nlv);
		*lv = NULL;
		*nlv = 0;
		return diag_error(d, NULL, "the page '%s' has no title; "
		    "write SECTION/TITLE", spec);
	}
	*title = t;
	return 1;
}

/* "nhiem-vu" -> "Nhiem vu": a title for a new section's _index.md. */
static char *
sectiontitle(const char *name)
{
	char	*t = xstrdup(name), *p;

	for (p = t; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (*t >= 'a' && *t <= 'z')
		*t = (char)(*t - 'a' + 'A');
	return t;
}

/*
 * Make content/SECTION, each missing level with an _index.md titled as
 * typed, or from its folder name.
 */
static int
sections(struct diag *d, const char *content, const struct level *lv,
    size_t nlv, struct buf *created)
{
	struct buf	 dir = BUF_INIT, text = BUF_INIT;
	char		*idx, *title;
	size_t		 i;
	int		 rc = mkdirs(d, content);

	buf_puts(&dir, content);
	for (i = 0; rc && i < nlv; i++) {
		buf_printf(&dir, "/%s", lv[i].name);
		if (fsin_isdir(dir.data))
			continue;
		rc = mkdirs(d, dir.data);
		title = lv[i].title ? xstrdup(lv[i].title) :
		    sectiontitle(lv[i].name);
		buf_reset(&text);
		buf_puts(&text, "---\ntitle: ");
		putq(&text, title);
		buf_puts(&text, "\n---\n");
		idx = xasprintf("%s/_index.md", dir.data);
		rc = rc && writenew(d, idx, text.data, text.len, created);
		if (rc && lv[i].title) {
			buf_truncate(created, created->len - 1);
			buf_printf(created, text_slug_shortened(title) ?
			    _(" (the new section \"%s\", its folder name "
			    "shortened)\n") : _(" (the new section \"%s\")\n"),
			    title);
		}
		free(idx);
		free(title);
	}
	buf_release(&dir);
	buf_release(&text);
	return rc;
}

/* Read the archetype "dir/name.md" into "b" if it exists. */
static int
readarchetype(struct diag *d, const char *dir, const char *name,
    struct buf *b)
{
	char	*p = xasprintf("%s/%s.md", dir, name);
	int	 rc = 0;

	if (fsin_isfile(p))
		rc = fsin_read(d, p, p, b) ? 1 : -1;
	free(p);
	return rc;
}

/*
 * The archetype for a page of the top section "top" ("" at the root):
 * site, then theme, then embedded, SECTION.md before default.md.
 * Returns 1 with the text in "b", or 0 after reporting.
 */
static int
archetype(struct diag *d, const char *site, const char *theme,
    const char *top, struct buf *b)
{
	const char		*names[] = { top, "default" };
	const struct embed_file	*f;
	char			*dirs[2], *rel, *p;
	int			 i, j, rc = 0;

	dirs[0] = fsin_join(site, "archetypes");
	rel = xasprintf("themes/%s", theme);
	p = fsin_join(site, rel);
	dirs[1] = fsin_isdir(p) ? xasprintf("%s/archetypes", p) :
	    xasprintf("%s/themes/%s/archetypes", datadir_path(), theme);
	free(p);
	free(rel);
	for (i = 0; i < 2 && rc == 0; i++)
		for (j = *top ? 0 : 1; j < 2 && rc == 0; j++)
			rc = readarchetype(d, dirs[i], names[j], b);
	for (j = *top ? 0 : 1; j < 2 && rc == 0; j++) {
		p = xasprintf("archetypes/%s.md", names[j]);
		if ((f = embed_find(p)) != NULL) {
			buf_put(b, f->data, f->len);
			rc = 1;
		}
		free(p);
	}
	if (rc == 0)
		buf_puts(b, "---\n---\n");
	free(dirs[0]);
	free(dirs[1]);
	return rc >= 0;
}

/* The top-level key of the front matter line "s", or 0 if none. */
static size_t
keylen(const char *s)
{
	size_t	 n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

	return n > 0 && s[n] == ':' ? n : 0;
}

static int
iskey(const char *line, size_t n, const char *key)
{
	return n == strlen(key) && strncmp(line, key, n) == 0;
}

/* Our value for "key" (title, date or draft), appended to "out". */
static void
ours(struct buf *out, const char *key, const char *title, const char *date)
{
	if (strcmp(key, "title") == 0) {
		buf_puts(out, "title: ");
		putq(out, title);
		buf_putc(out, '\n');
	} else if (strcmp(key, "date") == 0)
		buf_printf(out, "date: %s\n", date);
	else
		buf_puts(out, "draft: true\n");
}

/*
 * The archetype's front matter "fm" (lines, NUL-terminated) with our
 * title, date and draft: in place of the archetype's own (with their
 * indented continuation lines), or first when it has none.
 */
static void
frontmatter(struct buf *out, const char *fm, const char *title,
    const char *date)
{
	static const char *const keys[] = { "title", "date", "draft" };
	const char	*s, *e;
	size_t		 n, k;
	int		 seen[3] = { 0, 0, 0 }, skip = 0;

	for (s = fm; *s; s = e) {
		e = s + strcspn(s, "\n");
		e += *e == '\n';
		for (k = 0, n = keylen(s); n && k < 3; k++)
			seen[k] |= iskey(s, n, keys[k]);
	}
	for (k = 0; k < 3; k++)
		if (!seen[k])
			ours(out, keys[k], title, date);
	for (s = fm; *s; s = e) {
		e = s + strcspn(s, "\n");
		e += *e == '\n';
		if (skip && (*s == ' ' || *s == '\t' || *s == '-' ||
		    *s == '\n' || *s == '\r'))
			continue;
		skip = 0;
		for (k = 0, n = keylen(s); n && k < 3; k++)
			if (iskey(s, n, keys[k])) {
				ours(out, keys[k], title, date);
				skip = 1;
			}
		if (!skip)
			buf_put(out, s, (size_t)(e - s));
	}
}

/* The page: "arch" with our front matter keys. */
static void
pagetext(struct buf *out, const char *arch, const char *title,
    const char *date)
{
	const char	*body = arch, *s;
	char		*fm = xstrdup("");

	if (strncmp(arch, "---\n", 4) == 0 ||
	    strncmp(arch, "---\r\n", 5) == 0) {
		s = strchr(arch, '\n') + 1;
		for (body = s; *body; body = strchr(body, '\n') + 1) {
			if (strncmp(body, "---", 3) == 0 &&
			    strspn(body + 3, " \t\r") ==
			    strcspn(body + 3, "\n"))
				break;
			if (strchr(body, '\n') == NULL) {
				body += strlen(body);
				break;
			}
		}
		free(fm);
		fm = xstrndup(s, (size_t)(body - s));
		body += strcspn(body, "\n");
		body += *body == '\n';
	}
	buf_puts(out, "---\n");
	frontmatter(out, fm, title, date);
	buf_puts(out, "---\n");
	buf_puts(out, body);
	free(fm);
}

/* 1 if "site" holds a site.yaml, else 0 after reporting. */
static int
isite(struct diag *d, const char *site)
{
	char	*p = fsin_join(site, "site.yaml");
	int	 rc = fsin_isfile(p);

	if (!rc && strcmp(site, ".") == 0)
		diag_error(d, NULL, "no site.yaml in the current folder; give "
		    "the site's folder with --source, or make a site with "
		    "planpress init");
	else if (!rc)
		diag_error(d, NULL, "no site.yaml in '%s'; is it a site?", site);
	free(p);
	return rc;
}

/* The theme named by site.yaml of "site", a new string; NULL after
 * reporting. */
static char *
sitetheme(struct diag *d, const char *site)
{
	struct config	 c;
	char		*p = fsin_join(site, "site.yaml"), *t = NULL;

	memset(&c, 0, sizeof(c));
	if (config_load(&c, d, p, p) && c.theme != NULL)
		t = xstrdup(c.theme);
	config_release(&c);
	free(p);
	return t;
}

int
scaffold_page(struct diag *d, const char *site, const char *spec,
    struct buf *created)
{
	struct buf	 arch = BUF_INIT, text = BUF_INIT, dir = BUF_INIT;
	struct level	*lv = NULL;
	size_t		 nlv = 0, i;
	char		 date[11];
	char		*title = NULL, *slug = NULL;
	char		*theme = NULL, *content = NULL;
	int		 rc = 0;

	content = fsin_join(site, "content");
	if (!isite(d, site) || !split(d, content, spec, &lv, &nlv, &title) ||
	    !today(d, date))
		goto out;
	slug = text_slugify(title);
	if (*slug == '\0') {
		diag_error(d, NULL, "the title '%s' has no letter or digit to "
		    "make a file name of", title);
		goto out;
	}
	if ((theme = sitetheme(d, site)) == NULL)
		goto out;
	buf_puts(&dir, content);
	for (i = 0; i < nlv; i++)
		buf_printf(&dir, "/%s", lv[i].name);
	buf_printf(&dir, "/%s.md", slug);
	if (exists(dir.data)) {
		diag_error(d, &(struct loc){ dir.data, 0, 0 }, N_("the page "
		    "exists already; edit it, or choose another title"));
		goto out;
	}
	rc = archetype(d, site, theme, nlv > 0 ? lv[0].name : "", &arch);
	if (!rc || !sections(d, content, lv, nlv, created)) {
		rc = 0;
		goto out;
	}
	pagetext(&text, arch.data, title, date);
	rc = writenew(d, dir.data, text.data, text.len, created);
	if (rc && text_slug_shortened(title)) {
		buf_truncate(created, created->len - 1);
		buf_printf(created, _(" (the title is long: its slug was "
		    "shortened to %zu characters; rename the file or set "
		    "slug: in its front matter to choose another)\n"),
		    strlen(slug));
	}
out:
	buf_release(&arch);
	buf_release(&text);
	buf_release(&dir);
	levels_free(lv, nlv);
	free(title);
	free(slug);
	free(theme);
	free(content);
	return rc;
}

/* Datasets. */

static void
schemayaml(struct buf *b, const struct infer *inf)
{
	size_t	 i;

	buf_puts(b, "schema:\n  fields:\n");
	for (i = 0; i < inf->nfields; i++) {
		buf_printf(b, "    - name: ");
		putq(b, inf->fields[i].name);	/* "2024" is a string */
		buf_printf(b, "\n      type: %s\n      title: ",
		    schema_type_name(inf->fields[i].type));
		putq(b, inf->fields[i].title);
		buf_putc(b, '\n');
		if (inf->fields[i].format) {
			buf_puts(b, "      format: ");
			putq(b, inf->fields[i].format);
			buf_putc(b, '\n');
		}
		if (inf->fields[i].decimal) {
			buf_puts(b, "      decimalChar: ");
			putq(b, inf->fields[i].decimal);
			buf_putc(b, '\n');
		}
		if (inf->fields[i].group) {
			buf_puts(b, "      groupChar: ");
			putq(b, inf->fields[i].group);
			buf_putc(b, '\n');
		}
		if (inf->fields[i].required)
			buf_puts(b, "      constraints:\n"
			    "        required: true\n");
	}
	buf_puts(b, "  missingValues: [\"\"]\n");
	if (inf->pkey) {
		buf_puts(b, "  primaryKey: ");
		putq(b, inf->fields[0].name);
		buf_putc(b, '\n');
	}
}

/*
 * The coverage: from the data's first date or year field; without one,
 * a commented line to fill in, never a guess.
 */
static void
temporal(struct buf *b, const struct infer *inf)
{
	const char	*s = inf->start, *e = inf->end;

	if (s == NULL)
		buf_puts(b, "# temporal: { start: \"YYYY-MM-DD\", end: "
		    "\"YYYY-MM-DD\" }   # the period the data covers\n");
	else if (strlen(s) == 4)
		buf_printf(b, "temporal: { start: \"%s-01-01\", end: "
		    "\"%s-12-31\" }\n", s, e);
	else
		buf_printf(b, "temporal: { start: \"%s\", end: \"%s\" }\n",
		    s, e);
}

static void
metayaml(struct buf *b, const char *id, const struct infer *inf,
    const char *date, const char *sheet, const char *from)
{
	const char	*base = strrchr(from, '/');

	buf_printf(b, "# The metadata of datasets/%s.csv: see "
	    "docs/datasets.md and planpress(5).\n", id);
	if (sheet != NULL)
		buf_printf(b, "# datasets/%s.csv was made from the sheet '%s' "
		    "of %s on %s; the CSV\n# is the data from now on: edit "
		    "it, not the workbook.\n", id, sheet, base ? base + 1 :
		    from, date);
	if (inf->rows > 0)
		buf_printf(b, "# The schema was inferred from the first %d "
		    "rows; check the types and titles.\n", INFER_ROWS);
	else
		buf_printf(b, "# datasets/%s.csv has a header only: add rows, "
		    "and a field below for each column.\n", id);
	buf_puts(b, "title: ");
	putq(b, id);
	buf_puts(b, "\ndescription: |\n  TODO: what one row is, where the "
	    "figures come from, what an empty cell means.\nkeywords: []\n");
	buf_puts(b, "# publisher, contact and license: those of site.yaml. "
	    "To give this dataset\n# its own, uncomment and edit:\n"
	    "# publisher:\n#   name: \"\"\n"
	    "# license:\n#   id: \"CC-BY-4.0\"\n"
	    "#   title: \"Creative Commons Attribution 4.0\"\n"
	    "#   url: \"https://creativecommons.org/licenses/by/4.0/\"\n");
	temporal(b, inf);
	buf_puts(b, "# spatial: \"\"\n"
	    "frequency: \"irregular\"   # continuous daily weekly monthly "
	    "quarterly semiannual annual irregular never\n");
	buf_printf(b, "issued: \"%s\"\nmodified: \"%s\"\n"
	    "version: \"1.0.0\"\n", date, date);
	buf_puts(b, "sample: false   # true: illustrative data, said so on "
	    "every page\n");
	schemayaml(b, inf);
}

static int
validid(const char *id)
{
	return strlen(id) <= ID_MAX && sectionword(id, strlen(id));
}

/* 1 if the files "a" and "b" are the same file. */
static int
samefile(const char *a, const char *b)
{
	struct stat	 x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
	    x.st_ino == y.st_ino;
}

/* Load and scan the new dataset as the build would. */
static int
verify(struct diag *d, const char *id, const char *csv, const char *yaml)
{
	struct dataset	*ds = dataset_load(d, id, csv, yaml);
	int		 rc = ds->ok && dataset_scan(ds, d, NULL);

	dataset_free(ds);
	return rc;
}

/*
 * Copy "in" (named "from") to "csv" through infer_copy(), by way of a
 * temporary file when "inplace", and write the metadata "yaml".
 */
static int
writedataset(struct diag *d, const char *id, FILE *in, const char *from,
    const char *csv, const char *yaml, int inplace, const char *sheet,
    struct buf *created)
{
	struct buf	 b = BUF_INIT;
	struct infer	*inf;
	char		 date[11];
	char		*tmp = inplace ? xasprintf("%s.new", csv) : NULL;
	int		 rc = 0;

	if (!today(d, date) ||
	    (inf = infer_copy(d, in, from, tmp ? tmp : csv, csv)) == NULL)
		goto out;
	if (tmp && rename(tmp, csv) != 0) {
		diag_syserr(d, csv, "cannot replace");
		unlink(tmp);
	} else {
		buf_printf(created, "%s", csv);
		if (sheet != NULL)
			buf_printf(created, _(" (from the sheet '%s' of %s)"),
			    sheet, from);
		if (inf->from != ENCODING_UTF8 || inf->mojibake)
			buf_printf(created, inf->mojibake ? _(" (converted "
			    "from %s read as Windows-1252)") : _(" (converted "
			    "from %s)"), encoding_name(inf->from));
		buf_putc(created, '\n');
		metayaml(&b, id, inf, date, sheet, from);
		rc = writenew(d, yaml, b.data, b.len, created);
	}
	infer_free(inf);
out:
	buf_release(&b);
	free(tmp);
	return rc;
}

/* The placeholder CSV of a dataset made without one. */
static const char placeholder[] = "id,name,value\n";

/* 1 if "path" is an Excel 97-2003 (.xls) file: an OLE2 compound file. */
static int
oldexcel(const char *path)
{
	static const unsigned char magic[8] = { 0xD0, 0xCF, 0x11, 0xE0,
	    0xA1, 0xB1, 0x1A, 0xE1 };
	unsigned char	 m[8];
	FILE		*fp = fopen(path, "rb");
	int		 rc;

	if (fp == NULL)
		return 0;
	rc = fread(m, 1, 8, fp) == 8 && memcmp(m, magic, 8) == 0;
	fclose(fp);
	return rc;
}

/*
 * Open the source "src": a CSV file as it is, or the CSV text of the
 * sheet "sheet" of a workbook, in a temporary file ("*sheetname" set);
 * NULL after reporting.
 */
static FILE *
opensource(struct diag *d, const char *src, const char *sheet,
    char **sheetname)
{
	FILE	*in;

	*sheetname = NULL;
	if (oldexcel(src)) {
		diag_error(d, &(struct loc){ src, 0, 0 }, N_("an Excel 97-2003 "
		    "workbook (.xls): save it from Excel or LibreOffice as "
		    ".xlsx or as .csv (UTF-8)"));
		return NULL;
	}
	if (!xlsxread_is_zip(src)) {
		if (sheet != NULL) {
			diag_error(d, &(struct loc){ src, 0, 0 }, N_("not a "
			    "workbook; --sheet is for .xlsx files"));
			return NULL;
		}
		if ((in = fopen(src, "rb")) == NULL)
			diag_syserr(d, src, "cannot open");
		return in;
	}
	if ((in = tmpfile()) == NULL) {
		diag_syserr(d, _("a temporary file"), "cannot create");
		return NULL;
	}
	if (!xlsxread_csv(d, src, sheet, in, sheetname) || fflush(in) != 0 ||
	    fseek(in, 0, SEEK_SET) != 0) {
		if (*sheetname != NULL && ferror(in))
			diag_syserr(d, _("a temporary file"), "cannot write");
		free(*sheetname);
		*sheetname = NULL;
		fclose(in);
		return NULL;
	}
	return in;
}

static int
newdataset(struct diag *d, const char *site, const char *id,
    const char *src, const char *sheet, struct buf *created)
{
	char	*dir = fsin_join(site, "datasets");
	char	*csv = xasprintf("%s/%s.csv", dir, id);
	char	*yaml = xasprintf("%s/%s.yaml", dir, id);
	char	*sheetname = NULL;
	FILE	*in = NULL;
	int	 rc = 0, inplace = src && samefile(src, csv);

	if (!validid(id)) {
		diag_error(d, NULL, "dataset id '%s' must be lower-case ASCII "
		    "letters, digits, '-' and '_'", id);
		goto out;
	}
	if (exists(yaml) || (exists(csv) && !inplace)) {
		diag_error(d, &(struct loc){ exists(yaml) ? yaml : csv, 0, 0 },
		    N_("dataset '%s' exists already"), id);
		goto out;
	}
	if (src)
		in = opensource(d, src, sheet, &sheetname);
	else if ((in = fmemopen((void *)placeholder, strlen(placeholder),
	    "r")) == NULL)
		diag_syserr(d, "placeholder", "cannot open");
	if (in == NULL)
		goto out;
	rc = mkdirs(d, dir) && writedataset(d, id, in, src ? src : csv, csv,
	    yaml, inplace, sheetname, created) && verify(d, id, csv, yaml);
out:
	if (in)
		fclose(in);
	free(sheetname);
	free(dir);
	free(csv);
	free(yaml);
	return rc;
}

int
scaffold_dataset(struct diag *d, const char *site, const char *id,
    const char *file, const char *sheet, struct buf *created)
{
	if (!isite(d, site))
		return 0;
	return newdataset(d, site, id, file, sheet, created);
}

/* Sites. */

/* 1 if "dir" can hold a new site: missing, or an empty folder. */
static int
usable(struct diag *d, const char *dir)
{
	DIR		*dp;
	struct dirent	*e;
	int		 empty = 1;

	if (!exists(dir))
		return 1;
	if ((dp = opendir(dir)) == NULL)
		return diag_syserr(d, dir, "cannot use the folder");
	while (empty && (e = readdir(dp)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0;
	closedir(dp);
	if (!empty)
		return diag_error(d, &(struct loc){ dir, 0, 0 }, N_("the folder "
		    "is not empty; give a new or an empty one"));
	return 1;
}

/* Write "rel" under "dir", making its folders. */
static int
put(struct diag *d, const char *dir, const char *rel, const void *data,
    size_t len, struct buf *created)
{
	char	*p = fsin_join(dir, rel), *slash = strrchr(p, '/');
	int	 rc = 1;

	if (slash) {
		*slash = '\0';
		rc = mkdirs(d, p);
		*slash = '/';
	}
	rc = rc && writenew(d, p, data, len, created);
	free(p);
	return rc;
}

static int
writetheme(struct diag *d, const char *dir, struct buf *created)
{
	struct buf		 quiet = BUF_INIT;
	const struct embed_file	*f;
	char			*rel;
	size_t			 n = 0;
	int			 rc = 1;

	for (f = embed_theme; rc && f->path; f++, n++) {
		rel = xasprintf("themes/default/%s", f->path);
		rc = put(d, dir, rel, f->data, f->len, &quiet);
		free(rel);
	}
	rel = fsin_join(dir, "themes/default/");
	buf_printf(created, ngettext("%s (%zu file)\n", "%s (%zu files)\n",
	    n), rel, n);
	free(rel);
	buf_release(&quiet);
	return rc;
}

/*
 * Write the starter file "f" under "dir", rendered as a Mustache
 * template against "ctx" (embed.h).
 */
static int
putstarter(struct diag *d, const char *dir, const struct embed_file *f,
    json_t *ctx, struct buf *created)
{
	struct mustache	*t;
	struct buf	 b = BUF_INIT;
	char		*name = xasprintf("starter/%s", f->path);
	int		 rc = 0;

	if ((t = mustache_parse(d, name, (const char *)f->data, f->len)) !=
	    NULL && mustache_render(t, ctx, NULL, NULL, d, &b))
		rc = put(d, dir, f->path, b.data, b.len, created);
	mustache_free(t);
	buf_release(&b);
	free(name);
	return rc;
}

int
scaffold_init(struct diag *d, const char *dir, struct buf *created)
{
	const struct embed_file	*f;
	json_t			*ctx;
	char			 date[11];
	int			 first, rc = 1;

	if (!usable(d, dir) || !today(d, date) || !mkdirs(d, dir))
		return 0;
	ctx = json_pack("{ss}", "today", date);
	/* site.yaml first, the file a person opens first; then the rest. */
	for (first = 1; first >= 0; first--)
		for (f = embed_starter; rc && f->path != NULL; f++)
			if ((strcmp(f->path, "site.yaml") == 0) == first)
				rc = putstarter(d, dir, f, ctx, created);
	json_decref(ctx);
	return rc && writetheme(d, dir, created);
}
