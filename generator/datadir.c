/*
 * The installed data folder, for the load stage (theme.c looks themes
 * up there when a site has no themes/NAME of its own) and for new page
 * (scaffold.c reads a theme's archetypes).  The folder is looked up
 * relative to the binary, so an installation can be moved or staged
 * with DESTDIR, and falls back to the DATADIR compiled in:
 *
 *	/proc/self/exe -> /opt/p/bin/planpress -> /opt/p/share/planpress
 *	(not a folder) -> PLANPRESS_DATADIR
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

static pthread_once_t	 once = PTHREAD_ONCE_INIT;
static char		*found;

/* BINDIR/../share/planpress of the running binary, or NULL. */
static char *
beside(void)
{
	char		 exe[PATH_MAX], *slash, *dir;
	ssize_t		 n;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';				/* BINDIR */
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';				/* PREFIX */
	dir = xasprintf("%s/share/planpress", exe);
	if (fsin_isdir(dir))
		return dir;
	free(dir);
	return NULL;
}

static void
find(void)
{
	if ((found = beside()) == NULL)
		found = xstrdup(PLANPRESS_DATADIR);
}

const char *
datadir_path(void)
{
	pthread_once(&once, find);
	return found;
}
