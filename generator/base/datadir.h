/*
 * Where planpress finds what "make install" put beside it: the
 * installed themes, DATADIR/themes/NAME, and the message catalogs,
 * LOCALEDIR/LANG/LC_MESSAGES/planpress.mo.
 *
 * Invariants callers rely on:
 *  - the folder is that of the running binary's installation when there
 *    is one: BINDIR/../share/planpress, found from /proc/self/exe, so a
 *    binary installed with "make install PREFIX=P DESTDIR=D" finds
 *    D/P/share/planpress whatever PREFIX it was compiled with;
 *  - otherwise it is the DATADIR compiled in (PLANPRESS_DATADIR, from
 *    the Makefile's PREFIX at build time);
 *  - the answer is found once and never changes during a run; it is
 *    safe to ask from several threads.
 *
 *	datadir_path()	// "/opt/planpress/share/planpress" for a binary
 *			// run as /opt/planpress/bin/planpress
 */
#ifndef PLANPRESS_DATADIR_H
#define PLANPRESS_DATADIR_H

/*
 * The folder of installed data, without a trailing '/'; lent for the
 * whole run.  It may not exist (nothing installed): callers check for
 * the files they need.
 */
const char	*datadir_path(void);

/*
 * The folder of message catalogs, for bindtextdomain(): "locale" in the
 * binary's build folder when it is not installed (build/planpress and
 * the copy ./planpress both find build/locale), else the installation's
 * PREFIX/share/locale, else the LOCALEDIR compiled in.  Lent for the
 * whole run; it may not exist (messages are then in English).
 */
const char	*datadir_locale(void);

#endif
