/*
 * The installed data folder, for the load stage (theme.c looks themes
 * up there when a site has no themes/NAME of its own) and for new page
 * (scaffold.c reads a theme's archetypes), and the message catalogs
 * (intl.c).  The folders are looked up relative to the binary, so an
 * installation can be moved or staged with DESTDIR, and fall back to the
 * DATADIR and LOCALEDIR compiled in:
 *
 *	/proc/self/exe -> /opt/p/bin/planpress -> /opt/p/share/planpress
 *	(not a folder) -> PLANPRESS_DATADIR
 *
 * The catalogs of a binary that is not installed are in its build
 * folder, beside it (build/planpress) or below it (./planpress, the
 * copy at the top of the source tree):
 *
 *	/src/build/planpress -> /src/build/locale
 *	/src/planpress       -> /src/build/locale
 *	/opt/p/bin/planpress -> /opt/p/share/locale
 *	(none a folder)      -> PLANPRESS_LOCALEDIR
 */
#include "datadir.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsin.h"
#include "xalloc.h"

#ifndef PLANPRESS_DATADIR
#define PLANPRESS_DATADIR "/usr/local/share/planpress"
#endif
#ifndef PLANPRESS_LOCALEDIR
#define PLANPRESS_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PLANPRESS_BUILDDIR
#define PLANPRESS_BUILDDIR "build"
#endif

static pthread_once_t	 once = PTHREAD_ONCE_INIT;
static char		*found;
static pthread_once_t	 locale_once = PTHREAD_ONCE_INIT;
static char		*locale_found;

/* The folder of the running binary (BINDIR), or NULL. */
static char *
exedir(void)
{
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

/*
 * The first folder of "rel" that exists: a name starting with "^/" is
 * under the binary's PREFIX (the folder above BINDIR), others under
 * BINDIR.  Returns a path to free(), or NULL.
 */
static char *
beside(const char *const *rel)
{
	char	*bin, *slash, *dir = NULL;

	if ((bin = exedir()) == NULL)
		return NULL;
	for (; *rel != NULL && dir == NULL; rel++) {
		if (strncmp(*rel, "^/", 2) != 0)
			dir = xasprintf("%s/%s", bin, *rel);
		else if ((slash = strrchr(bin, '/')) != NULL)
			dir = xasprintf("%.*s%s", (int)(slash - bin), bin,
			    *rel + 1);
		if (dir != NULL && !fsin_isdir(dir)) {
			free(dir);
			dir = NULL;
		}
	}
	free(bin);
	return dir;
}

static void
find(void)
{
	static const char *const rel[] = { "^/share/planpress", NULL };

	if ((found = beside(rel)) == NULL)
		found = xstrdup(PLANPRESS_DATADIR);
}

static void
find_locale(void)
{
	static const char *const rel[] = { "locale",
	    PLANPRESS_BUILDDIR "/locale", "^/share/locale", NULL };

	if ((locale_found = beside(rel)) == NULL)
		locale_found = xstrdup(PLANPRESS_LOCALEDIR);
}

const char *
datadir_path(void)
{
	pthread_once(&once, find);
	return found;
}

const char *
datadir_locale(void)
{
	pthread_once(&locale_once, find_locale);
	return locale_found;
}
