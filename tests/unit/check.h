/*
 * Check macros for the unit tests, in the manner of sds's test_cond:
 * every CHECK counts as one passed or failed check, a failure prints
 * where and what, and CHECK_DONE() prints the line that tests/run.sh
 * adds up ("RESULT: passed failed skipped suite") and returns the exit
 * status for main().
 */
#ifndef PLANPRESS_CHECK_H
#define PLANPRESS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(c) do {							\
	if (c)								\
		check_passed++;						\
	else {								\
		check_failed++;						\
		printf("FAIL: %s:%d: %s\n", __FILE__, __LINE__, #c);	\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0)		\
		check_passed++;						\
	else {								\
		check_failed++;						\
		printf("FAIL: %s:%d: %s\n  got:  '%s'\n  want: '%s'\n",	\
		    __FILE__, __LINE__, #got, g_ ? g_ : "(null)",	\
		    w_ ? w_ : "(null)");				\
	}								\
} while (0)

#define CHECK_DONE(suite)						\
	(printf("RESULT: %d %d 0 %s\n", check_passed, check_failed,	\
	    (suite)), check_failed ? 1 : 0)

#endif
