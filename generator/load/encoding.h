/*
 * Legacy Vietnamese encodings: tell which one a text is really in, and
 * convert it to NFC UTF-8.
 *
 * Vietnamese government CSV files still come in TCVN3 (ABC), VNI or
 * Windows-1258, or as such bytes once opened as Windows-1252 and saved
 * again as UTF-8 ("mojibake"): valid UTF-8 that reads
 *
 *	"Së Th«ng tin vµ TruyÒn th«ng"	TCVN3 read as Windows-1252
 *	"Sôû Thoâng tin"		VNI read as Windows-1252
 *
 * instead of "Sở Thông tin và Truyền thông".  encoding_detect() names the
 * encoding, encoding_advice() tells the user what to do, and
 * encoding_to_utf8() converts when the dataset's metadata declares
 * "encoding:".
 *
 * Invariants callers rely on:
 *  - every function takes a length and never reads past it; input may
 *    hold NUL bytes;
 *  - nothing here reports diagnostics or keeps state, so every function
 *    may be called from any thread;
 *  - strings returned as "const char *" are static and live forever.
 */
#ifndef PLANPRESS_ENCODING_H
#define PLANPRESS_ENCODING_H

#include <stddef.h>

enum encoding {
	ENCODING_UTF8,
	ENCODING_WINDOWS1258,
	ENCODING_TCVN3,
	ENCODING_VNI
};

/*
 * The encoding the "len" bytes of "s" are most likely in, judged by how
 * many words come out as plausible Vietnamese syllables under each
 * reading.  Valid UTF-8 that does not look like legacy text read as
 * Latin-1/Windows-1252 is ENCODING_UTF8, as are ASCII and bytes that no
 * reading turns into Vietnamese (the caller's UTF-8 check then reports
 * them).  Raw legacy bytes (usually invalid UTF-8) and legacy text
 * re-saved as UTF-8 mojibake are both recognised: "*mojibake" (when
 * "mojibake" is not NULL) is set to 1 for the latter and 0 otherwise.
 * UTF-8 that was itself read as Windows-1252 and saved again
 * ("Sá»Ÿ" for "Sở") is ENCODING_UTF8 with "*mojibake" set.  Valid
 * UTF-8 is only judged mojibake on two or more plausible words.
 * Works on a whole file or on a sample of a few KB; a UTF-8 sequence
 * cut off at the end of the sample is ignored.
 *
 *	encoding_detect("S\xC3\xAB Th\xC2\xABng", 10, &m)  // TCVN3, m == 1
 *	encoding_detect("Ph\xC3\xA1t", 5, &m)		  // UTF8, m == 0
 */
enum encoding	 encoding_detect(const char *s, size_t len, int *mojibake);

/* "UTF-8", "Windows-1258", "TCVN3" or "VNI". */
const char	*encoding_name(enum encoding e);

/*
 * Parse the string "name", a metadata value, into "*out": "utf-8" (or
 * "utf8"), "windows-1258" (or "cp1258"), "tcvn3" (or "abc") and "vni"
 * (or "vni-windows"), in any case.  Returns 1 on success, or 0 with
 * "*out" untouched when "name" is NULL or none of these.
 */
int		 encoding_parse(const char *name, enum encoding *out);

/*
 * Convert the "len" bytes of "s", in encoding "e", to NFC UTF-8.  When
 * "mojibake" is set, "s" is that encoding's bytes read as Windows-1252
 * and saved as UTF-8: it is decoded from UTF-8 back to Windows-1252
 * bytes first (U+0080 to U+00FF stand for themselves, as in Latin-1).
 * A leading UTF-8 byte order mark is dropped whenever "s" is read as
 * UTF-8.  Returns a new NUL-terminated string to free with free(), its
 * length in "*outlen" (when not NULL), or NULL when "s" cannot be
 * converted: invalid UTF-8 where UTF-8 is expected, a character with no
 * Windows-1252 byte, or a byte Windows-1258 does not define.
 *
 * TCVN3 has no capital letters with tone marks (they are written with
 * the lower-case codes in an upper-case font), so they come back lower
 * case.  A caller with a declared legacy encoding can pass
 * "mojibake = text_utf8_valid(s, len, NULL)": raw TCVN3, VNI or
 * Windows-1258 Vietnamese text is practically never valid UTF-8.
 *
 *	encoding_to_utf8(ENCODING_VNI, 0, "Vie\xE4t", 5, &n)	// "Việt"
 */
char		*encoding_to_utf8(enum encoding e, int mojibake, const char *s,
		    size_t len, size_t *outlen);

/*
 * Where a file read chunk by chunk may be cut so that each piece
 * converts on its own with encoding_to_utf8(), in any encoding and as
 * mojibake: the length of "s" up to and including its last byte below
 * 0x80 that is not a letter (a space, digit, comma, newline ...), or 0
 * when it has none.  A VNI letter may take its mark from the next byte
 * and a Windows-1258 letter its tone, and a UTF-8 character may be cut,
 * but none of them spans such a byte.  Convert that much, carry the
 * rest over to the next chunk, and convert whatever is left at the end
 * of the file.
 *
 *	encoding_cut("Vie\xE4t Na", 8)	// 6, after the space
 */
size_t		 encoding_cut(const char *s, size_t len);

/*
 * One line of advice for a user whose text encoding_detect() judged to
 * be "e" (with "mojibake"), e.g. "the text looks like TCVN3 (ABC);
 * convert it to UTF-8 with UniKey's converter, or declare encoding:
 * tcvn3 in the dataset's metadata".  No capital, no full stop; in the
 * language of the messages (intl.h), lent for the whole run.
 */
const char	*encoding_advice(enum encoding e, int mojibake);

#endif
