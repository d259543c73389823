/*
 * Diagnostics: problems in the user's site.
 *
 * Every module reports through a struct diag instead of printing.  The
 * build keeps going so that one run finds every problem; at the end the
 * caller prints them, sorted by file, line and column, in the compiler
 * format
 *
 *	content/about.md:12:5: error: unknown layout 'wide'
 *
 * and exits 1 if diag_errors() is non-zero.  Only diag.c writes to stderr.
 * Reporting is thread-safe; printing and freeing are not.
 *
 * Messages are translated (intl.h): diag_error(), diag_warning(),
 * diag_add() and diag_note() look their format up with gettext() before
 * formatting, diag_syserr() its "what", diag_progress() its "what" and
 * "unit", and diag_print() the level word ("lỗi", "cảnh báo"), while
 * file:line:col stays as it is.  Callers pass the English format and
 * mark with _() only the pieces they put in with "%s".
 */
#ifndef PLANPRESS_DIAG_H
#define PLANPRESS_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* A place in a file; line and col are 1-based, 0 means unknown. */
struct loc {
	const char	*file;
	unsigned	 line;
	unsigned	 col;
};

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag;

/* A new, empty diagnostic list; free with diag_free(). */
struct diag	*diag_new(void);
void		 diag_free(struct diag *);

/*
 * Record an error at "loc" (which may be NULL for "no place").  The file
 * name is copied.  Returns 0, so callers can write
 * "return diag_error(d, &loc, ...);".
 */
int	diag_error(struct diag *, const struct loc *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* Record a warning; returns 0 like diag_error(). */
int	diag_warning(struct diag *, const struct loc *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* Record a diagnostic of the given level; returns 0. */
int	diag_add(struct diag *, enum diag_level, const struct loc *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));

/*
 * The one entry point the others and every module's own reporter go
 * through: record a diagnostic of level "lvl" at "loc" (NULL: no place)
 * whose message is "fmt", translated (gettext), formatted with "ap".
 * Returns 0.
 */
int	diag_vadd(struct diag *, enum diag_level, const struct loc *,
	    const char *, va_list) __attribute__((format(printf, 4, 0)));

/*
 * Report an I/O failure on "path": the message names the path, "what"
 * (translated) and strerror(errno) (errno as it was at the call).
 * Returns 0.
 */
int	diag_syserr(struct diag *, const char *path, const char *what);

/* Turn every later and earlier warning into an error (--strict). */
void	diag_set_strict(struct diag *, int strict);

size_t	diag_errors(const struct diag *);
size_t	diag_warnings(const struct diag *);

/*
 * Print every diagnostic, sorted and without duplicates, to "fp"
 * (stderr when NULL), and forget them.
 */
void	diag_print(struct diag *, FILE *fp);

/* Print one progress or summary line to stderr (no sorting). */
void	diag_note(struct diag *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Allow a progress line (diag_progress()) when "on" and stderr is a
 * terminal; when stderr is a pipe or a file, progress is never shown,
 * so no control character ever reaches it.  Call before any thread
 * reports progress.
 */
void	diag_set_progress(struct diag *, int on);

/*
 * Show how far a long phase is, on one line of stderr rewritten in
 * place ("\r", the text, then clear to the end of the line):
 *
 *	diag_progress(d, "Rendering", 4210, 10000, "pages")
 *		-> "Rendering 4,210/10,000 pages"
 *
 * Thread-safe.  At most ten updates a second, the first one 0.1 s
 * after diag_set_progress(), so a short build shows none.  The line is
 * erased before diag_print() and diag_note() print, and by
 * diag_progress_end().
 */
void	diag_progress(struct diag *, const char *what, size_t done,
	    size_t total, const char *unit);	/* mark both with N_() */

/* Erase the progress line, if one is shown. */
void	diag_progress_end(struct diag *);

#endif
