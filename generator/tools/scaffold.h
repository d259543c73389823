/*
 * Scaffolding: the files a person would otherwise copy by hand, for
 * planpress init, planpress new page and planpress new dataset.
 *
 * Invariants callers rely on:
 *  - nothing is ever overwritten: a file that exists is an error, and
 *    files are created with O_EXCL;
 *  - every file is written under the given folder: a page path with
 *    ".." or a leading '/' is refused;
 *  - what is written builds: a new page and a new site pass "planpress
 *    check", and a new dataset is loaded and scanned as the build would
 *    before its command succeeds;
 *  - dates written into files are today's (local time), or the UTC day
 *    of SOURCE_DATE_EPOCH when it is set.
 *
 * Each function appends to "created" one line per file or folder it
 * made, as "path\n" (paths as diagnostics show them), for the caller to
 * print, and returns 1, or 0 after reporting to "d".
 *
 *	scaffold_page(d, ".", "nhiem-vu/Kiểm tra an toàn thông tin", &b);
 *	// b: "content/nhiem-vu/kiem-tra-an-toan-thong-tin.md\n"
 */
#ifndef PLANPRESS_SCAFFOLD_H
#define PLANPRESS_SCAFFOLD_H

struct buf;
struct diag;

/*
 * A new site in the folder "dir", which must not exist or be empty: the
 * starter site embedded from starter/ (site.yaml with base_url commented
 * out, content/_index.md, a section with one page, one small sample
 * dataset whose dates are today's), and the embedded default theme in
 * themes/default/, so the site builds without anything installed.
 */
int	scaffold_init(struct diag *d, const char *dir, struct buf *created);

/*
 * A new page in the site "site" from "spec", "SECTION/TITLE": leading
 * '/'-separated segments name the section (none for a page at the root
 * of content/) when they are lower-case ASCII letters, digits, '-' and
 * '_', or name an existing section folder by its title, or are a title
 * for a new section that does not end in a digit; the rest is the
 * title.  So "nhiem-vu/Quyết định 73/QĐ-BCĐ" is the title "Quyết định
 * 73/QĐ-BCĐ" in section nhiem-vu, and "Mục tiêu/Nâng cao" the title
 * "Nâng cao" in the new section muc-tieu, titled "Mục tiêu".  The file
 * is content/SECTION/SLUG.md with the slug of the title (said in
 * "created" when the slug was shortened); missing section folders are
 * made, each with an _index.md titled as typed.  Its text comes from the
 * first archetype found: the site's archetypes/SECTION.md, its
 * archetypes/default.md, the same two in the theme of site.yaml, then
 * in the embedded default theme; its front matter gets title, date and
 * "draft: true", other keys and the body are kept as they are.
 */
int	scaffold_page(struct diag *d, const char *site, const char *spec,
	    struct buf *created);

/*
 * A new dataset "id" ([a-z0-9_-]+, not an existing dataset) in the site
 * "site": datasets/ID.csv and datasets/ID.yaml with every metadata key
 * and the inferred Table Schema.  The CSV is a copy of "file" converted
 * to NFC UTF-8 (infer.c); or, when "file" is an .xlsx workbook, its
 * sheet "sheet" (NULL: the first) as CSV (xlsxread.c); or a header-only
 * placeholder when "file" is NULL.  A "sheet" with a file that is not a
 * workbook is an error.  "file" may be datasets/ID.csv itself, which is
 * then rewritten in place.  The two files are loaded and scanned as the
 * build would; problems found then are reported and the files kept for
 * editing.
 */
int	scaffold_dataset(struct diag *d, const char *site, const char *id,
	    const char *file, const char *sheet, struct buf *created);

#endif
