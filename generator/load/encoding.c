/*
 * Legacy Vietnamese encodings.  When a dataset's CSV file is not clean
 * UTF-8, or its metadata declares "encoding:", dataset.c asks what the
 * bytes really are and converts them before parsing:
 *
 *	e = encoding_detect(data, len, &moji);
 *	if (e != ENCODING_UTF8 || moji)
 *		diag_error(d, &loc, "%s", encoding_advice(e, moji));
 *	...
 *	text = encoding_to_utf8(declared, text_utf8_valid(data, len, NULL),
 *	    data, len, &n);
 *
 * TCVN3 and VNI are decoded with the tables below, which follow UniKey's
 * vnconv tables (and, for TCVN3, glibc's TCVN5712-1 charmap, whose VN1
 * agrees with VN3 on every letter VN3 has); Windows-1258 goes through
 * iconv, whose base letters and combining marks text_nfc() composes.
 * Detection decodes the text every way it could have been written and
 * counts the words that come out as plausible Vietnamese syllables
 * (initial consonant, vowel nucleus, final consonant, at most one tone
 * mark) against those that do not; the best reading wins only when it
 * beats reading the bytes as the UTF-8 they claim to be.
 */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "intl.h"
#include "text.h"

/* Tone marks, in the order of the columns of vowels[]. */
enum tone { TONE_NONE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_ACUTE,
	TONE_DOT };

/* The twelve vowels, in the order of the rows of vowels[]. */
enum vowel { V_A, V_A_BREVE, V_A_CIRC, V_E, V_E_CIRC, V_I, V_O, V_O_CIRC,
	V_O_HORN, V_U, V_U_HORN, V_Y, V_COUNT };

/* Each lower-case vowel with no tone, huyền, hỏi, ngã, sắc and nặng. */
static const uint16_t vowels[V_COUNT][6] = {
	{ 0x0061, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1 },	/* a */
	{ 0x0103, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB7 },	/* ă */
	{ 0x00E2, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD },	/* â */
	{ 0x0065, 0x00E8, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9 },	/* e */
	{ 0x00EA, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7 },	/* ê */
	{ 0x0069, 0x00EC, 0x1EC9, 0x0129, 0x00ED, 0x1ECB },	/* i */
	{ 0x006F, 0x00F2, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD },	/* o */
	{ 0x00F4, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9 },	/* ô */
	{ 0x01A1, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3 },	/* ơ */
	{ 0x0075, 0x00F9, 0x1EE7, 0x0169, 0x00FA, 0x1EE5 },	/* u */
	{ 0x01B0, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1 },	/* ư */
	{ 0x0079, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5 },	/* y */
};

/* The vowels of vowels[] without tone, as UTF-8. */
static const char *const vowel_utf8[V_COUNT] = {
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"
};

#define D_STROKE	0x0111		/* đ; Đ is U+0110 */

/*
 * Windows-1252 bytes 0x80 to 0x9F.  The five it leaves undefined stand
 * for U+0081 and so on, as Windows itself decodes them.
 */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/*
 * TCVN3 (TCVN 5712:1993 VN3) bytes 0xA1 to 0xFE: the 67 lower-case
 * letters and seven capitals without tone.  0 marks the bytes VN3
 * leaves to Windows-1252 (VN1 puts capitals there, but the .VnTime
 * fonts and UniKey do not); bytes below 0xA1 are Windows-1252 too.
 */
static const uint16_t tcvn3_hi[0xFF - 0xA1] = {
	/* A1 */ 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	/* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
	/* B0 */ 0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3,
	/* B8 */ 0x00E1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
	/* C0 */ 0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7,
	/* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0, 0x1EBB, 0x1EBD,
	/* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	/* D8 */ 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	/* E0 */ 0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	/* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	/* F0 */ 0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	/* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5,
};

/* The capital of a lower-case Vietnamese letter. */
static uint32_t
upper(uint32_t c)
{
	return c < 0x100 ? c - 0x20 : c - 1;
}

/* Append code point "c" as UTF-8. */
static void
put_cp(struct buf *b, uint32_t c)
{
	if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800) {
		buf_putc(b, (int)(0xC0 | c >> 6));
		buf_putc(b, (int)(0x80 | (c & 0x3F)));
	} else {
		buf_putc(b, (int)(0xE0 | c >> 12));
		buf_putc(b, (int)(0x80 | (c >> 6 & 0x3F)));
		buf_putc(b, (int)(0x80 | (c & 0x3F)));
	}
}

/* The code point at "*i" in the valid UTF-8 "s"; advances "*i". */
static uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	const unsigned char	*p = (const unsigned char *)s + *i;
	uint32_t		 c = p[0];
	size_t			 n, k;

	if (c < 0x80)
		n = 1;
	else if (c < 0xE0) {
		n = 2;
		c &= 0x1F;
	} else if (c < 0xF0) {
		n = 3;
		c &= 0x0F;
	} else {
		n = 4;
		c &= 0x07;
	}
	for (k = 1; k < n && *i + k < len; k++)
		c = c << 6 | (p[k] & 0x3F);
	*i += k;
	return c;
}

/* The length of a UTF-8 byte order mark at the start of "s", or 0. */
static size_t
bom(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Byte "b" read as Windows-1252 (Latin-1 above 0x9F). */
static uint32_t
cp1252(unsigned char b)
{
	return b >= 0x80 && b < 0xA0 ? cp1252_c1[b - 0x80] : b;
}

/* The Windows-1252 byte for code point "c", or -1 if it has none. */
static int
cp1252_byte(uint32_t c)
{
	int	 i;

	if (c < 0x100)
		return (int)c;
	for (i = 0; i < 32; i++)
		if (cp1252_c1[i] == c)
			return 0x80 + i;
	return -1;
}

/*
 * Undo a Windows-1252 to UTF-8 conversion: append to "out" the byte of
 * each character of the UTF-8 "s".  0 if "s" is not valid UTF-8 or has
 * a character Windows-1252 lacks.
 */
static int
unmojibake(struct buf *out, const char *s, size_t len)
{
	size_t	 i;
	int	 b;

	if (!text_utf8_valid(s, len, NULL))
		return 0;
	for (i = bom(s, len); i < len; ) {
		if ((b = cp1252_byte(next_cp(s, len, &i))) < 0)
			return 0;
		buf_putc(out, b);
	}
	return 1;
}

/*
 * Append the TCVN3 bytes "s" to "out" as UTF-8.  "*odd" counts the
 * bytes from 0xB5 on that are no VN3 letter: real TCVN3 text has none.
 */
static void
tcvn3_decode(struct buf *out, const unsigned char *s, size_t len,
    size_t *odd)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (s[i] >= 0xA1 && s[i] < 0xFF && tcvn3_hi[s[i] - 0xA1])
			put_cp(out, tcvn3_hi[s[i] - 0xA1]);
		else {
			if (s[i] >= 0xB5)
				(*odd)++;
			put_cp(out, cp1252(s[i]));
		}
	}
}

/*
 * The vowel that VNI byte "b" is the base of (a, e, i, o, u, y, and the
 * single bytes for ơ and ư), or -1; "*up" says whether it is a capital.
 */
static int
vni_base(unsigned char b, int *up)
{
	*up = b < 0x80 ? b >= 'A' && b <= 'Z' : b < 0xE0;
	switch (b | 0x20) {
	case 'a':
		return V_A;
	case 'e':
		return V_E;
	case 'i':
		return V_I;
	case 'o':
		return V_O;
	case 'u':
		return V_U;
	case 'y':
		return V_Y;
	case 0xF4:
		return V_O_HORN;
	case 0xF6:
		return V_U_HORN;
	default:
		return -1;
	}
}

/*
 * If VNI byte "b" is a modifier that follows a base vowel, set "*shape"
 * (0, or V_A_CIRC for a circumflex, V_A_BREVE for a breve) and "*tone"
 * and return 1.  Capital modifiers are the small ones less 0x20.
 */
static int
vni_modifier(unsigned char b, int *shape, int *tone)
{
	static const struct {
		unsigned char	 byte, shape, tone;
	} mods[] = {
		{ 0xF9, 0, TONE_ACUTE }, { 0xF8, 0, TONE_GRAVE },
		{ 0xFB, 0, TONE_HOOK }, { 0xF5, 0, TONE_TILDE },
		{ 0xEF, 0, TONE_DOT },
		{ 0xE2, V_A_CIRC, TONE_NONE }, { 0xE1, V_A_CIRC, TONE_ACUTE },
		{ 0xE0, V_A_CIRC, TONE_GRAVE }, { 0xE5, V_A_CIRC, TONE_HOOK },
		{ 0xE3, V_A_CIRC, TONE_TILDE }, { 0xE4, V_A_CIRC, TONE_DOT },
		{ 0xEA, V_A_BREVE, TONE_NONE }, { 0xE9, V_A_BREVE, TONE_ACUTE },
		{ 0xE8, V_A_BREVE, TONE_GRAVE }, { 0xFA, V_A_BREVE, TONE_HOOK },
		{ 0xFC, V_A_BREVE, TONE_TILDE }, { 0xEB, V_A_BREVE, TONE_DOT },
	};
	size_t	 i;

	if (b < 0xC0)
		return 0;
	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
		if (mods[i].byte == (b | 0x20)) {
			*shape = mods[i].shape;
			*tone = mods[i].tone;
			return 1;
		}
	return 0;
}

/*
 * Apply a modifier to vowel "*v" with tone "*tone": a circumflex only
 * to a, e and o, a breve only to a, a tone only once.  0 if it does
 * not apply, and then the modifier byte stands on its own.
 */
static int
vni_apply(int *v, int *tone, int shape, int mtone)
{
	int	 nv = *v;

	if (mtone != TONE_NONE && *tone != TONE_NONE)
		return 0;
	if (shape == V_A_CIRC) {
		if (*v == V_A)
			nv = V_A_CIRC;
		else if (*v == V_E)
			nv = V_E_CIRC;
		else if (*v == V_O)
			nv = V_O_CIRC;
		else
			return 0;
	} else if (shape == V_A_BREVE) {
		if (*v != V_A)
			return 0;
		nv = V_A_BREVE;
	}
	*v = nv;
	if (mtone != TONE_NONE)
		*tone = mtone;
	return 1;
}

/*
 * The letter that VNI byte "b" is on its own, or 0: đ, the i with each
 * tone, and ỵ (ơ and ư are bases for vni_base()); their capitals are
 * 0x20 less.
 */
static uint32_t
vni_single(unsigned char b)
{
	static const struct {
		unsigned char	 byte;
		uint16_t	 cp;
	} singles[] = {
		{ 0xF1, D_STROKE }, { 0xED, 0x00ED }, { 0xEC, 0x00EC },
		{ 0xE6, 0x1EC9 }, { 0xF3, 0x0129 }, { 0xF2, 0x1ECB },
		{ 0xEE, 0x1EF5 },
	};
	size_t	 i;

	if (b >= 0xC0)
		for (i = 0; i < sizeof(singles) / sizeof(singles[0]); i++)
			if (singles[i].byte == (b | 0x20))
				return b & 0x20 ? singles[i].cp :
				    upper(singles[i].cp);
	return 0;
}

/*
 * Append the VNI bytes "s" to "out" as UTF-8.  VNI writes a base letter
 * followed by one modifier byte ("a\xE1" is ấ), and a few letters as
 * one byte.  Two modifiers ("a\xE2\xF9") are accepted too, and a
 * letter's case is its base letter's.  Other bytes are Windows-1252.
 * "*odd" counts the bytes from 0xC0 on that are neither letters nor
 * modifiers of a vowel before them: real VNI text has none.
 */
static void
vni_decode(struct buf *out, const unsigned char *s, size_t len,
    size_t *odd)
{
	size_t	 i = 0, n;
	uint32_t c;
	int	 v, up, tone, shape, mtone;

	while (i < len) {
		if ((v = vni_base(s[i], &up)) < 0) {
			if ((c = vni_single(s[i])) == 0) {
				c = cp1252(s[i]);
				if (s[i] >= 0xC0)
					(*odd)++;
			}
			put_cp(out, c);
			i++;
			continue;
		}
		tone = TONE_NONE;
		for (i++, n = 0; n < 2 && i < len; i++, n++)
			if (!vni_modifier(s[i], &shape, &mtone) ||
			    !vni_apply(&v, &tone, shape, mtone))
				break;
		put_cp(out, up ? upper(vowels[v][tone]) : vowels[v][tone]);
	}
}

/*
 * Append the Windows-1258 bytes "s" to "out" as UTF-8 (with combining
 * tone marks, as iconv leaves some).  0 on a byte Windows-1258 does
 * not define, or when iconv has no CP1258.
 */
static int
cp1258_decode(struct buf *out, const char *s, size_t len)
{
	char	 chunk[4096], *in = (char *)s, *op;
	size_t	 inleft = len, outleft, r;
	iconv_t	 cd;
	int	 rc = 0;

	if ((cd = iconv_open("UTF-8", "CP1258")) == (iconv_t)-1)
		return 0;
	do {
		op = chunk;
		outleft = sizeof(chunk);
		r = iconv(cd, &in, &inleft, &op, &outleft);
		buf_put(out, chunk, (size_t)(op - chunk));
		if (r == (size_t)-1 && errno != E2BIG)
			goto out;
	} while (inleft > 0);
	op = chunk;			/* a base letter iconv holds back */
	outleft = sizeof(chunk);
	if (iconv(cd, NULL, NULL, &op, &outleft) == (size_t)-1)
		goto out;
	buf_put(out, chunk, (size_t)(op - chunk));
	rc = 1;
out:
	iconv_close(cd);
	return rc;
}

/*
 * Decode the "len" bytes of "s" from "e" (and "mojibake") into "dec" as
 * UTF-8, not yet normalised; "*odd" counts the bytes the decoder found
 * odd for "e".  0 if "s" cannot be decoded.
 */
static int
decode(struct buf *dec, enum encoding e, int mojibake, const char *s,
    size_t len, size_t *odd)
{
	struct buf	 raw = BUF_INIT;
	int		 rc = 0;

	*odd = 0;
	if (mojibake) {
		if (!unmojibake(&raw, s, len))
			goto out;
		s = raw.data;
		len = raw.len;
	}
	switch (e) {
	case ENCODING_UTF8:
		if (!text_utf8_valid(s, len, NULL))
			goto out;
		buf_put(dec, s + bom(s, len), len - bom(s, len));
		break;
	case ENCODING_WINDOWS1258:
		if (!cp1258_decode(dec, s, len))
			goto out;
		break;
	case ENCODING_TCVN3:
		tcvn3_decode(dec, (const unsigned char *)s, len, odd);
		break;
	case ENCODING_VNI:
		vni_decode(dec, (const unsigned char *)s, len, odd);
		break;
	}
	rc = 1;
out:
	buf_release(&raw);
	return rc;
}

char *
encoding_to_utf8(enum encoding e, int mojibake, const char *s, size_t len,
    size_t *outlen)
{
	struct buf	 dec = BUF_INIT;
	char		*res = NULL;
	size_t		 odd;

	if (decode(&dec, e, mojibake, s, len, &odd))
		res = text_nfc(dec.data, dec.len, outlen);
	buf_release(&dec);
	return res;
}

size_t
encoding_cut(const char *s, size_t len)
{
	unsigned char	 c;

	while (len > 0) {
		c = (unsigned char)s[len - 1];
		if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			break;
		len--;
	}
	return len;
}

/*
 * Syllables.  A word is scored as plausible Vietnamese when it splits
 * into an initial consonant, a nucleus from the lists below and a final
 * consonant, with at most one tone and a final c, ch, k, p or t only
 * under sắc or nặng.  The lists are spelled without tone marks.
 */

static const char *const initials[] = {
	"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l",
	"m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th",
	"tr", "v", "x", NULL
};

/* Finals; k is for names such as Đắk Lắk.  Stops come first. */
static const char *const finals[] = {
	"c", "ch", "k", "p", "t", "", "m", "n", "ng", "nh", NULL
};
#define FINAL_STOPS	5	/* finals[0] to finals[4] */
#define FINAL_NONE	5	/* finals[5], "" */

/* Nuclei that may end a syllable or take a final. */
static const char *const nuclei_any[] = {
	"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê",
	"uy", "uơ", NULL
};

/* Nuclei that need a final consonant. */
static const char *const nuclei_closed[] = {
	"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", NULL
};

/* Nuclei that end a syllable; their tone is never on the last vowel. */
static const char *const nuclei_open[] = {
	"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi",
	"ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "iêu", "yêu", "uôi",
	"ươi", "ươu", "uya", "uyu", "oai", "oay", "oao", "oeo", "uây", NULL
};

/* The index of string "s" in the NULL-terminated "list", or -1. */
static int
find(const char *const *list, const char *s)
{
	int	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

#define WORD_MAX	8	/* letters; "nghiêng" has 7 */

/* A word being scored: its letters lower-cased and without tone. */
struct word {
	char	 letter[WORD_MAX][3];
	int	 vowel[WORD_MAX];	/* 1 for a vowel */
	int	 n;
	int	 tone, tone_at;		/* the tone and its letter */
	int	 tones;			/* letters with a tone */
	int	 nonascii;		/* any letter outside ASCII */
	int	 small;			/* a small letter so far */
	int	 mixed;			/* a capital beyond ASCII after one */
	int	 foreign;		/* a character no syllable has */
};

/* Join letters "from" to "to" (exclusive) of "w" into "dst". */
static void
join(char *dst, size_t size, const struct word *w, int from, int to)
{
	size_t	 len = 0, n;

	for (dst[0] = '\0'; from < to; from++) {
		n = strlen(w->letter[from]);
		if (len + n >= size)
			return;
		memcpy(dst + len, w->letter[from], n + 1);
		len += n;
	}
}

/*
 * 1 if letters "k" to "v" of "w" are a nucleus that fits final "fin"
 * (an index into finals[]): ch and nh only follow a, ê, i and y.
 */
static int
nucleus_ok(const struct word *w, int k, int v, int fin)
{
	char		 nuc[WORD_MAX * 2 + 1];
	const char	*last = w->letter[v - 1];

	if ((strcmp(finals[fin], "ch") == 0 ||
	    strcmp(finals[fin], "nh") == 0) && strcmp(last, "a") != 0 &&
	    strcmp(last, "ê") != 0 && strcmp(last, "i") != 0 &&
	    strcmp(last, "y") != 0)
		return 0;
	join(nuc, sizeof(nuc), w, k, v);
	if (find(nuclei_any, nuc) >= 0)
		return 1;
	if (find(nuclei_closed, nuc) >= 0)
		return fin != FINAL_NONE;
	if (find(nuclei_open, nuc) >= 0)
		return fin == FINAL_NONE &&
		    (w->tones == 0 || w->tone_at != v - 1);
	return 0;
}

/* 1 if "w" spells a plausible Vietnamese syllable. */
static int
syllable_ok(const struct word *w)
{
	char	 ini[WORD_MAX * 2 + 1], fin[WORD_MAX * 2 + 1];
	int	 k, v, f;

	if (w->foreign || w->mixed || w->tones > 1)
		return 0;
	for (k = 0; k <= 3 && k < w->n; k++) {
		join(ini, sizeof(ini), w, 0, k);
		if (find(initials, ini) < 0 || (w->tones && w->tone_at < k))
			continue;
		for (v = k; v < w->n && w->vowel[v]; v++)
			;
		if (v == k)
			continue;
		join(fin, sizeof(fin), w, v, w->n);
		if ((f = find(finals, fin)) < 0 || !nucleus_ok(w, k, v, f))
			continue;
		if (f < FINAL_STOPS && w->tone != TONE_ACUTE &&
		    w->tone != TONE_DOT)
			continue;
		return 1;
	}
	return 0;
}

/* Vowel and tone of each Vietnamese letter above ASCII, built per call. */
struct vtab {
	unsigned char	 lo[0x1B1];	/* U+0000 to U+01B0 */
	unsigned char	 hi[0x5A];	/* U+1EA0 to U+1EF9 */
};

#define VT_UPPER	0x80	/* entries are 1 + vowel * 6 + tone */

/* The entry for "c" in "t", or 0 if "c" is not a Vietnamese vowel. */
static int
vtab_get(const struct vtab *t, uint32_t c)
{
	if (c < sizeof(t->lo))
		return t->lo[c];
	if (c >= 0x1EA0 && c < 0x1EA0 + sizeof(t->hi))
		return t->hi[c - 0x1EA0];
	return 0;
}

static void
vtab_set(struct vtab *t, uint32_t c, int entry)
{
	if (c < sizeof(t->lo))
		t->lo[c] = (unsigned char)entry;
	else
		t->hi[c - 0x1EA0] = (unsigned char)entry;
}

static void
vtab_init(struct vtab *t)
{
	int	 v, k;

	memset(t, 0, sizeof(*t));
	for (v = 0; v < V_COUNT; v++)
		for (k = 0; k < 6; k++) {
			vtab_set(t, vowels[v][k], 1 + v * 6 + k);
			vtab_set(t, upper(vowels[v][k]),
			    (1 + v * 6 + k) | VT_UPPER);
		}
}

/* Add character "c" to "w". */
static void
word_add(struct word *w, const struct vtab *t, uint32_t c)
{
	int	 up = 0, e = vtab_get(t, c);

	if (c >= 0x80)
		w->nonascii = 1;
	if (w->n == WORD_MAX) {
		w->foreign = 1;
		return;
	}
	w->vowel[w->n] = 0;
	if (c < 0x80 && strchr("aeiouy", (int)(c | 0x20)) == NULL) {
		up = c < 'a';
		w->letter[w->n][0] = (char)(c | 0x20);
		w->letter[w->n][1] = '\0';
	} else if (c == D_STROKE || c == upper(D_STROKE)) {
		up = c != D_STROKE;
		memcpy(w->letter[w->n], "đ", sizeof("đ"));
	} else if (e != 0) {
		up = (e & VT_UPPER) != 0;
		e = (e & ~VT_UPPER) - 1;
		memcpy(w->letter[w->n], vowel_utf8[e / 6],
		    strlen(vowel_utf8[e / 6]) + 1);
		w->vowel[w->n] = 1;
		if (e % 6 != TONE_NONE) {
			w->tone = e % 6;
			w->tone_at = w->n;
			w->tones++;
		}
	} else
		w->foreign = 1;
	if (up && c >= 0x80 && w->small)
		w->mixed = 1;		/* "TruyÒn"; TCVN3 gives "ĐắK" */
	if (!up)
		w->small = 1;
	w->n++;
}

/* 1 if character "c" separates words. */
static int
is_separator(uint32_t c)
{
	if (c < 0x80)
		return !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 ||
	    c == 0xFEFF;
}

/*
 * Plausible and implausible words that have a letter beyond ASCII, and
 * bytes the decoder found odd for the encoding.
 */
struct score {
	long	 good, bad, odd;
};

static long
value(const struct score *sc)
{
	return sc->good - sc->bad - sc->odd;
}

static void
score_word(struct score *sc, const struct word *w)
{
	if (w->n == 0 || !w->nonascii)
		return;
	if (syllable_ok(w))
		sc->good++;
	else
		sc->bad++;
}

/* Score the valid UTF-8 "s". */
static void
score_text(struct score *sc, const struct vtab *t, const char *s,
    size_t len)
{
	struct word	 w;
	size_t		 i = 0;
	uint32_t	 c;

	memset(sc, 0, sizeof(*sc));
	memset(&w, 0, sizeof(w));
	while (i < len) {
		c = next_cp(s, len, &i);
		if (!is_separator(c)) {
			word_add(&w, t, c);
			continue;
		}
		score_word(sc, &w);
		memset(&w, 0, sizeof(w));
	}
	score_word(sc, &w);
}

/*
 * The length of "s" without a UTF-8 sequence cut off at its end, as a
 * sample of a larger file may be.
 */
static size_t
sample_len(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 bad, need;

	if (text_utf8_valid(s, len, &bad) || len - bad > 3)
		return len;
	if (p[bad] < 0xC2 || p[bad] > 0xF4)
		return len;
	need = p[bad] < 0xE0 ? 2 : p[bad] < 0xF0 ? 3 : 4;
	if (len - bad >= need)
		return len;
	for (need = bad + 1; need < len; need++)
		if ((p[need] & 0xC0) != 0x80)
			return len;
	return bad;
}

/* 1 if all "len" bytes of "s" are ASCII. */
static int
ascii(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The readings detection tries after plain UTF-8, best first where
 * they tie: text that is valid UTF-8 is far more often mojibake than
 * legacy bytes that happen to be valid UTF-8, and Windows-1258 keeps
 * Latin-1's letters where the others would be accidents.
 */
static const struct reading {
	enum encoding	 e;
	int		 mojibake;
} readings[] = {
	{ ENCODING_UTF8, 1 }, { ENCODING_WINDOWS1258, 1 },
	{ ENCODING_TCVN3, 1 }, { ENCODING_VNI, 1 },
	{ ENCODING_WINDOWS1258, 0 }, { ENCODING_TCVN3, 0 },
	{ ENCODING_VNI, 0 },
};

/*
 * Score reading "r" of "s"; 0 if "s" cannot be read that way.  Only
 * text with combining marks (U+0300 to U+036F start with 0xCC or 0xCD)
 * is worth normalising first.
 */
static int
score_reading(struct score *sc, const struct vtab *t,
    const struct reading *r, const char *s, size_t len)
{
	struct buf	 dec = BUF_INIT;
	char		*u = NULL;
	size_t		 n, odd;
	int		 rc = 0;

	if (!decode(&dec, r->e, r->mojibake, s, len, &odd))
		goto out;
	if (memchr(dec.data, 0xCC, dec.len) != NULL ||
	    memchr(dec.data, 0xCD, dec.len) != NULL) {
		u = text_nfc(dec.data, dec.len, &n);
		score_text(sc, t, u, n);
	} else
		score_text(sc, t, dec.data, dec.len);
	sc->odd = (long)odd;
	rc = 1;
out:
	free(u);
	buf_release(&dec);
	return rc;
}

/*
 * 1 if the best reading's score "best" overturns "base", the score of
 * reading the text as UTF-8 (all 0 when it is not UTF-8): more plausible
 * words than implausible ones and odd bytes, more than "base" has, and
 * a better balance.  When the whole text is valid UTF-8, one word alone
 * does not overturn it.
 */
static int
overturns(const struct score *best, const struct score *base, int whole)
{
	return best->good > best->bad + best->odd &&
	    best->good > base->good && value(best) > value(base) &&
	    (!whole || best->good >= 2);
}

enum encoding
encoding_detect(const char *s, size_t len, int *mojibake)
{
	static const struct reading	 utf8 = { ENCODING_UTF8, 0 };
	struct vtab			 t;
	struct score			 base = { 0, 0, 0 }, sc, best;
	const struct reading		*r, *win = NULL;
	size_t				 ulen;
	int				 valid;

	if (mojibake != NULL)
		*mojibake = 0;
	if (ascii(s, len))
		return ENCODING_UTF8;
	ulen = sample_len(s, len);	/* for the readings as UTF-8 */
	valid = text_utf8_valid(s, ulen, NULL);
	vtab_init(&t);
	if (valid)
		score_reading(&base, &t, &utf8, s, ulen);
	for (r = readings; r < readings + sizeof(readings) /
	    sizeof(readings[0]); r++) {
		if (r->mojibake && !valid)
			continue;
		if (!score_reading(&sc, &t, r, s, r->mojibake ? ulen : len))
			continue;
		if (win == NULL || value(&sc) > value(&best)) {
			win = r;
			best = sc;
		}
	}
	if (win == NULL || !overturns(&best, &base, valid && ulen == len))
		return ENCODING_UTF8;
	if (mojibake != NULL)
		*mojibake = win->mojibake;
	return win->e;
}

/* Names and their aliases; the first of each is encoding_name()'s. */
static const struct {
	const char	*name;
	enum encoding	 e;
} names[] = {
	{ "UTF-8", ENCODING_UTF8 },
	{ "Windows-1258", ENCODING_WINDOWS1258 },
	{ "TCVN3", ENCODING_TCVN3 },
	{ "VNI", ENCODING_VNI },
	{ "utf8", ENCODING_UTF8 },
	{ "cp1258", ENCODING_WINDOWS1258 },
	{ "abc", ENCODING_TCVN3 },
	{ "vni-windows", ENCODING_VNI },
};

const char *
encoding_name(enum encoding e)
{
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == e)
			return names[i].name;
	return "UTF-8";
}

int
encoding_parse(const char *name, enum encoding *out)
{
	size_t	 i;

	if (name == NULL)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(names[i].name, name) == 0) {
			*out = names[i].e;
			return 1;
		}
	return 0;
}

const char *
encoding_advice(enum encoding e, int mojibake)
{
	switch (e) {
	case ENCODING_WINDOWS1258:
		return mojibake ? _(
		    "the text looks like Windows-1258 (CP1258) that was opened "
		    "as Windows-1252 and saved as UTF-8; declare encoding: "
		    "windows-1258 in the dataset's metadata, or convert the "
		    "original file with iconv -f CP1258 -t UTF-8") : _(
		    "the text looks like Windows-1258 (CP1258); convert it to "
		    "UTF-8 with iconv -f CP1258 -t UTF-8, or declare encoding: "
		    "windows-1258 in the dataset's metadata");
	case ENCODING_TCVN3:
		return mojibake ? _(
		    "the text looks like TCVN3 (ABC) that was opened as "
		    "Windows-1252 and saved as UTF-8 ('Th«ng' for 'Thông'); "
		    "declare encoding: tcvn3 in the dataset's metadata, or "
		    "convert the original file with UniKey's converter") : _(
		    "the text looks like TCVN3 (ABC); convert it to UTF-8 with "
		    "UniKey's converter, or declare encoding: tcvn3 in the "
		    "dataset's metadata");
	case ENCODING_VNI:
		return mojibake ? _(
		    "the text looks like VNI (VNI-Windows) that was opened as "
		    "Windows-1252 and saved as UTF-8 ('Thoâng' for 'Thông'); "
		    "declare encoding: vni in the dataset's metadata, or "
		    "convert the original file with UniKey's converter") : _(
		    "the text looks like VNI (VNI-Windows); convert it to "
		    "UTF-8 with UniKey's converter, or declare encoding: vni "
		    "in the dataset's metadata");
	case ENCODING_UTF8:
		break;
	}
	return mojibake ? _(
	    "the text is UTF-8 that was opened as Windows-1252 and saved as "
	    "UTF-8 again ('Sá»Ÿ' for 'Sở'); export it from the original "
	    "file once more, as UTF-8") : _(
	    "the text is UTF-8 and needs no conversion");
}
