/*
 * The language of planpress's own messages: diagnostics, the summary
 * line, --help, what init and new print, and serve's terminal lines and
 * error page.  They are written in English in the code and translated
 * through GNU gettext, text domain "planpress", from the catalogs
 * LOCALE/LANG/LC_MESSAGES/planpress.mo under datadir_locale().
 *
 * Invariants callers rely on:
 *  - only the message language follows the environment: numbers are
 *    formatted and parsed in the C locale whatever the language
 *    (intl_init() sets LC_MESSAGES and nothing else);
 *  - a translated format has the same conversions as its msgid
 *    (msgfmt --check), so _("%zu pages") is as safe as "%zu pages";
 *  - file:line:col, ids, keys, file names and the user's values are
 *    never translated; only the words around them are.
 *
 * Mark a message where it is written: _("text") translates it there,
 * N_("text") only marks it for xgettext (a table of messages translated
 * when used).  diag_error(), diag_warning(), diag_add(), diag_note(),
 * diag_syserr() and the modules' own reporting wrappers translate their
 * format themselves: their literal formats are marked by the --keyword
 * list of the Makefile's xgettext call, not by _().  xgettext cannot see
 * a format after a compound literal (&(struct loc){ f, 0, 0 }) or in a
 * conditional: wrap those in N_() (tests/checks/po.sh finds them).
 * Counts use ngettext(), never a hand-made plural "s".
 *
 *	intl_init();				// first thing in main()
 *	printf(_("%zu pages checked\n"), n);	// "%zu trang đã kiểm tra"
 */
#ifndef PLANPRESS_INTL_H
#define PLANPRESS_INTL_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

/*
 * Choose the message language from the environment as gettext does:
 * LANGUAGE, then LC_ALL, LC_MESSAGES and LANG.  A language asked for
 * is honoured even when its locale is not generated on this machine
 * (LANG=vi_VN.UTF-8 without vi_VN in "locale -a"): messages then come
 * from the C.UTF-8 locale with LANGUAGE set to the language asked for.
 * An explicit "C" or "POSIX" locale means English.  Call once, before
 * any thread starts.
 */
void	intl_init(void);

/*
 * Show messages in "lang" (a language code, "vi" or "en") from now on,
 * unless the user chose a language with LANGUAGE: serve speaks the
 * language of the site it serves.  Call before any thread starts.
 */
void	intl_follow(const char *lang);

#endif
