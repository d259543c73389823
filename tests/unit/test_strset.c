/*
 * Unit tests for strset.c: every string added is found, equal strings
 * are one, others are not found, at every size up to a full set (half
 * its slots), with lengths given apart from the strings.
 */
#include "strset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX	5000

static void
sizes(size_t n)
{
	static char	 name[MAX][48], other[48];
	struct strset	 s;
	size_t		 i;
	int		 added = 1, found = 1, again = 1, missing = 1;

	strset_init(&s, n);
	for (i = 0; i < n; i++) {
		snprintf(name[i], sizeof(name[i]), "/s%02zu/bai-%05zu/", i % 20,
		    i);
		added &= strset_add(&s, name[i]);
	}
	for (i = 0; i < n; i++) {
		/* An equal string, not the same pointer. */
		memcpy(other, name[i], sizeof(other));
		found &= strset_has(&s, other, strlen(other));
		again &= !strset_add(&s, other);
		snprintf(other, sizeof(other), "/s%02zu/bai-%05zu", i % 20, i);
		missing &= !strset_has(&s, other, strlen(other));
	}
	CHECK(added);
	CHECK(found);
	CHECK(again);
	CHECK(missing);
	CHECK(!strset_has(&s, "", 0));
	CHECK((s.mask + 1) >= 2 * n);
	strset_free(&s);
	CHECK(s.v == NULL);
}

int
main(void)
{
	size_t		 n[] = { 0, 1, 2, 3, 64, 1000, MAX };
	struct strset	 empty = { NULL, 0 };
	size_t		 i;

	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		sizes(n[i]);
	/* A set never made, or freed, holds nothing. */
	CHECK(!strset_has(&empty, "/", 1));
	strset_free(&empty);
	return CHECK_DONE("strset");
}
