/*
 * The message language (intl.h), chosen once at start-up and, for serve,
 * once more from the site's language before the server starts.
 *
 * glibc's gettext reads LANGUAGE only when the LC_MESSAGES locale is
 * not "C", and setlocale() fails for a locale that is not generated.
 * On a fresh machine LANG=vi_VN.UTF-8 would thus give English; the
 * C.UTF-8 locale, always present on Debian, stands in for it, with
 * LANGUAGE set to the locale asked for, in which gettext finds the
 * language of its catalog (vi_VN.UTF-8, vi_VN, vi):
 *
 *	LANG=vi_VN.UTF-8 (not generated)  ->  C.UTF-8, LANGUAGE=vi_VN.UTF-8
 *	LANGUAGE=vi (nothing else)        ->  C.UTF-8, LANGUAGE=vi
 *	LC_ALL=C                          ->  C: English
 */
#include "intl.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "xalloc.h"

#define DOMAIN	"planpress"

static int	 chosen;	/* LANGUAGE was set by the user */

/* The locale the environment asks for messages, or NULL. */
static const char *
asked(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return v;
	return NULL;
}

static int
is_c(const char *locale)
{
	return locale != NULL &&
	    (strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0);
}

void
intl_init(void)
{
	const char	*want = asked(), *lang = getenv("LANGUAGE"), *got;

	chosen = lang != NULL && *lang != '\0';
	got = setlocale(LC_MESSAGES, "");
	if ((got == NULL || is_c(got)) && !is_c(want) &&
	    (chosen || want != NULL)) {
		setlocale(LC_MESSAGES, "C.UTF-8");
		/* gettext reads a locale name there too: vi_VN.UTF-8 -> vi */
		if (!chosen && want != NULL)
			setenv("LANGUAGE", want, 1);
	}
	bindtextdomain(DOMAIN, datadir_locale());
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	/*
	 * The C library's own messages (strerror(), regerror()) would
	 * otherwise be converted to the C locale's ASCII: "Ch?a kh?p".
	 */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain(DOMAIN);
}

void
intl_follow(const char *lang)
{
	char	*now;

	if (chosen || lang == NULL || *lang == '\0')
		return;
	setenv("LANGUAGE", lang, 1);
	/* Setting the locale again makes gettext forget what it looked up. */
	now = xstrdup(setlocale(LC_MESSAGES, NULL));
	if (is_c(now) || setlocale(LC_MESSAGES, now) == NULL)
		setlocale(LC_MESSAGES, "C.UTF-8");
	free(now);
}
