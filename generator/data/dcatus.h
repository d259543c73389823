/*
 * The DCAT-US 1.1 catalog, data.json, valid against the non-federal
 * schema of Project Open Data.  "site" and "records" are as catalog.h
 * describes them, borrowed.
 */
#ifndef PLANPRESS_DCATUS_H
#define PLANPRESS_DCATUS_H

#include <jansson.h>

struct buf;
struct diag;

/*
 * Append a DCAT-US 1.1 data.json (valid against the non-federal
 * schema): accessLevel "public", accrualPeriodicity as an ISO 8601
 * repeating duration ("annual" -> "R/P1Y").  A record without a contact
 * gets its publisher's name as contactPoint, which the schema requires.
 * Returns 1, or 0 after reporting.
 */
int	dcatus_datajson(struct buf *out, struct diag *d, const json_t *site,
	    const json_t *records);

#endif
