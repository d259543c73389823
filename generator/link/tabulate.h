/*
 * A content section published as a dataset, so that what the pages say
 * is not typed again in a CSV.  datasets/ID.yaml without datasets/ID.csv
 * names the section:
 *
 *	from_section: nhiem-vu
 *	schema:
 *	  fields:
 *	    - { name: code, type: string }
 *	    - { name: title, type: string }
 *	    - { name: lead, type: string }	# a list: ids joined by spaces
 *
 * Each page of the section (not the section's own page) is one row, in
 * the section's order; each field takes the front matter key of its name
 * (a list is joined with single spaces, true/false and numbers are
 * written as in YAML), except "url", the page's address (absolute with
 * base_url), and "path", its site path.  The CSV made is then checked
 * and published like any other dataset; its diagnostics name the
 * section's folder, a row's line being its page's place in the section
 * plus one (the header).
 */
#ifndef PLANPRESS_TABULATE_H
#define PLANPRESS_TABULATE_H

struct dataset;
struct diag;
struct section;

/*
 * Make the CSV of "ds" (ds->from_section set) from the linked content
 * tree "root", with absolute URLs from "base_url" ("" for site paths).
 * Returns 1, or 0 after reporting an unknown section.
 */
int	tabulate_section(struct diag *d, struct dataset *ds,
	    struct section *root, const char *base_url);

#endif
