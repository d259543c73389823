/*
 * The message language chosen from the environment: LANGUAGE, then
 * LC_ALL, LC_MESSAGES and LANG, with C.UTF-8 standing in for a locale
 * that is not generated, and serve's choice of the site's language.
 * The catalogs themselves are tested by tests/language.sh.
 */
#include <locale.h>
#include <stdlib.h>

#include "check.h"
#include "intl.h"

/* intl_init() with only the given variables set ("NAME=value", NULL). */
static void
init(const char *const *vars)
{
	static const char *const names[] = { "LANGUAGE", "LC_ALL",
	    "LC_MESSAGES", "LANG", NULL };
	const char *const	*p;
	char			 name[32];
	size_t			 n;

	for (p = names; *p != NULL; p++)
		unsetenv(*p);
	for (p = vars; *p != NULL; p++) {
		n = strcspn(*p, "=");
		snprintf(name, sizeof(name), "%.*s", (int)n, *p);
		setenv(name, *p + n + 1, 1);
	}
	intl_init();
}

static const char *
language(void)
{
	const char	*l = getenv("LANGUAGE");

	return l ? l : "(unset)";
}

/*
 * Vietnamese is asked of gettext: LANGUAGE=vi (or a Vietnamese locale
 * name, vi_VN.UTF-8, in which gettext finds "vi") with a locale that is
 * not "C" (glibc ignores LANGUAGE in "C"), or a generated vi_VN locale.
 */
static int
vietnamese(void)
{
	const char	*loc = setlocale(LC_MESSAGES, NULL);

	if (strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return 0;
	return (strncmp(language(), "vi", 2) == 0 &&
	    strchr("_.@", language()[2]) != NULL) ||
	    (strcmp(language(), "(unset)") == 0 && strncmp(loc, "vi", 2) == 0);
}

static void
choose(void)
{
	static const char *const lang_vi[] = { "LANG=vi_VN.UTF-8", NULL };
	static const char *const all_vi[] = { "LC_ALL=vi_VN", NULL };
	static const char *const msg_vi[] = { "LC_MESSAGES=vi_VN.UTF-8",
	    "LANG=en_US.UTF-8", NULL };
	static const char *const language_vi[] = { "LANGUAGE=vi", NULL };
	static const char *const both[] = { "LANGUAGE=en",
	    "LANG=vi_VN.UTF-8", NULL };
	static const char *const c_vi[] = { "LC_ALL=C", "LANGUAGE=vi",
	    NULL };
	static const char *const posix[] = { "LANG=POSIX", NULL };
	static const char *const cutf8[] = { "LANG=C.UTF-8", NULL };
	static const char *const none[] = { NULL };

	/* When vi_VN is not generated (a fresh machine has C.utf8 only),
	   the locale asked for becomes LANGUAGE, for glibc's gettext. */
	init(lang_vi);
	CHECK(vietnamese());
	init(all_vi);
	CHECK(vietnamese());
	init(msg_vi);				/* LC_MESSAGES before LANG */
	CHECK(vietnamese());
	init(language_vi);
	CHECK(vietnamese());
	init(both);				/* LANGUAGE is kept */
	CHECK_STR(language(), "en");
	CHECK(!vietnamese());
	init(c_vi);				/* C: English, as glibc does */
	CHECK_STR(setlocale(LC_MESSAGES, NULL), "C");
	CHECK(!vietnamese());
	init(posix);
	CHECK_STR(language(), "(unset)");
	CHECK_STR(setlocale(LC_MESSAGES, NULL), "C");
	init(cutf8);				/* no language in C.UTF-8 */
	CHECK_STR(language(), "(unset)");
	init(none);
	CHECK_STR(language(), "(unset)");
	/* Numbers are never touched. */
	CHECK_STR(setlocale(LC_NUMERIC, NULL), "C");
}

static void
follow(void)
{
	static const char *const none[] = { NULL };
	static const char *const c[] = { "LC_ALL=C", NULL };
	static const char *const chosen[] = { "LANGUAGE=en", NULL };

	init(none);
	intl_follow("vi");			/* serve on a vi site */
	CHECK(vietnamese());
	init(c);
	intl_follow("vi");
	CHECK(vietnamese());
	init(chosen);
	intl_follow("vi");			/* the user's LANGUAGE wins */
	CHECK_STR(language(), "en");
	init(none);
	intl_follow("");
	CHECK_STR(language(), "(unset)");
}

int
main(void)
{
	choose();
	follow();
	return CHECK_DONE("intl");
}
