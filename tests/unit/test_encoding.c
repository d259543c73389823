/*
 * Unit tests for encoding.c: the TCVN3 and VNI tables against published
 * references (UniKey's vnconv tables, transcribed below, and glibc's
 * TCVN5712-1 and WINDOWS-1252 through iconv), round trips of Vietnamese
 * sentences through every legacy encoding and its mojibake, detection
 * without false positives on UTF-8 in Vietnamese, English, French and
 * German, conversion failures, names and advice.
 */
#include "encoding.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "text.h"
#include "xalloc.h"

/* A letter in UTF-8 and its bytes in a legacy encoding. */
struct ref {
	const char	*utf8, *bytes;
};

/*
 * Every VNI letter beyond ASCII, from UniKey's vnconv data.cpp
 * (DoubleByteTables, VNIWIN: base byte, then modifier byte), in its
 * order: a, â, ă, đ, e, ê, i, o, ô, ơ, u, ư, y, each capital then
 * small, with sắc, huyền, hỏi, ngã, nặng.
 */
static const struct ref vni_ref[] = {
	{ "Á", "\x41\xD9" }, { "á", "\x61\xF9" }, { "À", "\x41\xD8" },
	{ "à", "\x61\xF8" }, { "Ả", "\x41\xDB" }, { "ả", "\x61\xFB" },
	{ "Ã", "\x41\xD5" }, { "ã", "\x61\xF5" }, { "Ạ", "\x41\xCF" },
	{ "ạ", "\x61\xEF" }, { "Â", "\x41\xC2" }, { "â", "\x61\xE2" },
	{ "Ấ", "\x41\xC1" }, { "ấ", "\x61\xE1" }, { "Ầ", "\x41\xC0" },
	{ "ầ", "\x61\xE0" }, { "Ẩ", "\x41\xC5" }, { "ẩ", "\x61\xE5" },
	{ "Ẫ", "\x41\xC3" }, { "ẫ", "\x61\xE3" }, { "Ậ", "\x41\xC4" },
	{ "ậ", "\x61\xE4" }, { "Ă", "\x41\xCA" }, { "ă", "\x61\xEA" },
	{ "Ắ", "\x41\xC9" }, { "ắ", "\x61\xE9" }, { "Ằ", "\x41\xC8" },
	{ "ằ", "\x61\xE8" }, { "Ẳ", "\x41\xDA" }, { "ẳ", "\x61\xFA" },
	{ "Ẵ", "\x41\xDC" }, { "ẵ", "\x61\xFC" }, { "Ặ", "\x41\xCB" },
	{ "ặ", "\x61\xEB" }, { "Đ", "\xD1" }, { "đ", "\xF1" },
	{ "É", "\x45\xD9" }, { "é", "\x65\xF9" }, { "È", "\x45\xD8" },
	{ "è", "\x65\xF8" }, { "Ẻ", "\x45\xDB" }, { "ẻ", "\x65\xFB" },
	{ "Ẽ", "\x45\xD5" }, { "ẽ", "\x65\xF5" }, { "Ẹ", "\x45\xCF" },
	{ "ẹ", "\x65\xEF" }, { "Ê", "\x45\xC2" }, { "ê", "\x65\xE2" },
	{ "Ế", "\x45\xC1" }, { "ế", "\x65\xE1" }, { "Ề", "\x45\xC0" },
	{ "ề", "\x65\xE0" }, { "Ể", "\x45\xC5" }, { "ể", "\x65\xE5" },
	{ "Ễ", "\x45\xC3" }, { "ễ", "\x65\xE3" }, { "Ệ", "\x45\xC4" },
	{ "ệ", "\x65\xE4" }, { "Í", "\xCD" }, { "í", "\xED" },
	{ "Ì", "\xCC" }, { "ì", "\xEC" }, { "Ỉ", "\xC6" },
	{ "ỉ", "\xE6" }, { "Ĩ", "\xD3" }, { "ĩ", "\xF3" },
	{ "Ị", "\xD2" }, { "ị", "\xF2" }, { "Ó", "\x4F\xD9" },
	{ "ó", "\x6F\xF9" }, { "Ò", "\x4F\xD8" }, { "ò", "\x6F\xF8" },
	{ "Ỏ", "\x4F\xDB" }, { "ỏ", "\x6F\xFB" }, { "Õ", "\x4F\xD5" },
	{ "õ", "\x6F\xF5" }, { "Ọ", "\x4F\xCF" }, { "ọ", "\x6F\xEF" },
	{ "Ô", "\x4F\xC2" }, { "ô", "\x6F\xE2" }, { "Ố", "\x4F\xC1" },
	{ "ố", "\x6F\xE1" }, { "Ồ", "\x4F\xC0" }, { "ồ", "\x6F\xE0" },
	{ "Ổ", "\x4F\xC5" }, { "ổ", "\x6F\xE5" }, { "Ỗ", "\x4F\xC3" },
	{ "ỗ", "\x6F\xE3" }, { "Ộ", "\x4F\xC4" }, { "ộ", "\x6F\xE4" },
	{ "Ơ", "\xD4" }, { "ơ", "\xF4" }, { "Ớ", "\xD4\xD9" },
	{ "ớ", "\xF4\xF9" }, { "Ờ", "\xD4\xD8" }, { "ờ", "\xF4\xF8" },
	{ "Ở", "\xD4\xDB" }, { "ở", "\xF4\xFB" }, { "Ỡ", "\xD4\xD5" },
	{ "ỡ", "\xF4\xF5" }, { "Ợ", "\xD4\xCF" }, { "ợ", "\xF4\xEF" },
	{ "Ú", "\x55\xD9" }, { "ú", "\x75\xF9" }, { "Ù", "\x55\xD8" },
	{ "ù", "\x75\xF8" }, { "Ủ", "\x55\xDB" }, { "ủ", "\x75\xFB" },
	{ "Ũ", "\x55\xD5" }, { "ũ", "\x75\xF5" }, { "Ụ", "\x55\xCF" },
	{ "ụ", "\x75\xEF" }, { "Ư", "\xD6" }, { "ư", "\xF6" },
	{ "Ứ", "\xD6\xD9" }, { "ứ", "\xF6\xF9" }, { "Ừ", "\xD6\xD8" },
	{ "ừ", "\xF6\xF8" }, { "Ử", "\xD6\xDB" }, { "ử", "\xF6\xFB" },
	{ "Ữ", "\xD6\xD5" }, { "ữ", "\xF6\xF5" }, { "Ự", "\xD6\xCF" },
	{ "ự", "\xF6\xEF" }, { "Ý", "\x59\xD9" }, { "ý", "\x79\xF9" },
	{ "Ỳ", "\x59\xD8" }, { "ỳ", "\x79\xF8" }, { "Ỷ", "\x59\xDB" },
	{ "ỷ", "\x79\xFB" }, { "Ỹ", "\x59\xD5" }, { "ỹ", "\x79\xF5" },
	{ "Ỵ", "\xCE" }, { "ỵ", "\xEE" },
};

/*
 * The same letters in TCVN3, from UniKey's vnconv data.cpp
 * (SingleByteTables, TCVN3).  Capitals with a tone have no code of
 * their own and share the small letter's byte.
 */
static const struct ref tcvn3_ref[] = {
	{ "Á", "\xB8" }, { "á", "\xB8" }, { "À", "\xB5" },
	{ "à", "\xB5" }, { "Ả", "\xB6" }, { "ả", "\xB6" },
	{ "Ã", "\xB7" }, { "ã", "\xB7" }, { "Ạ", "\xB9" },
	{ "ạ", "\xB9" }, { "Â", "\xA2" }, { "â", "\xA9" },
	{ "Ấ", "\xCA" }, { "ấ", "\xCA" }, { "Ầ", "\xC7" },
	{ "ầ", "\xC7" }, { "Ẩ", "\xC8" }, { "ẩ", "\xC8" },
	{ "Ẫ", "\xC9" }, { "ẫ", "\xC9" }, { "Ậ", "\xCB" },
	{ "ậ", "\xCB" }, { "Ă", "\xA1" }, { "ă", "\xA8" },
	{ "Ắ", "\xBE" }, { "ắ", "\xBE" }, { "Ằ", "\xBB" },
	{ "ằ", "\xBB" }, { "Ẳ", "\xBC" }, { "ẳ", "\xBC" },
	{ "Ẵ", "\xBD" }, { "ẵ", "\xBD" }, { "Ặ", "\xC6" },
	{ "ặ", "\xC6" }, { "Đ", "\xA7" }, { "đ", "\xAE" },
	{ "É", "\xD0" }, { "é", "\xD0" }, { "È", "\xCC" },
	{ "è", "\xCC" }, { "Ẻ", "\xCE" }, { "ẻ", "\xCE" },
	{ "Ẽ", "\xCF" }, { "ẽ", "\xCF" }, { "Ẹ", "\xD1" },
	{ "ẹ", "\xD1" }, { "Ê", "\xA3" }, { "ê", "\xAA" },
	{ "Ế", "\xD5" }, { "ế", "\xD5" }, { "Ề", "\xD2" },
	{ "ề", "\xD2" }, { "Ể", "\xD3" }, { "ể", "\xD3" },
	{ "Ễ", "\xD4" }, { "ễ", "\xD4" }, { "Ệ", "\xD6" },
	{ "ệ", "\xD6" }, { "Í", "\xDD" }, { "í", "\xDD" },
	{ "Ì", "\xD7" }, { "ì", "\xD7" }, { "Ỉ", "\xD8" },
	{ "ỉ", "\xD8" }, { "Ĩ", "\xDC" }, { "ĩ", "\xDC" },
	{ "Ị", "\xDE" }, { "ị", "\xDE" }, { "Ó", "\xE3" },
	{ "ó", "\xE3" }, { "Ò", "\xDF" }, { "ò", "\xDF" },
	{ "Ỏ", "\xE1" }, { "ỏ", "\xE1" }, { "Õ", "\xE2" },
	{ "õ", "\xE2" }, { "Ọ", "\xE4" }, { "ọ", "\xE4" },
	{ "Ô", "\xA4" }, { "ô", "\xAB" }, { "Ố", "\xE8" },
	{ "ố", "\xE8" }, { "Ồ", "\xE5" }, { "ồ", "\xE5" },
	{ "Ổ", "\xE6" }, { "ổ", "\xE6" }, { "Ỗ", "\xE7" },
	{ "ỗ", "\xE7" }, { "Ộ", "\xE9" }, { "ộ", "\xE9" },
	{ "Ơ", "\xA5" }, { "ơ", "\xAC" }, { "Ớ", "\xED" },
	{ "ớ", "\xED" }, { "Ờ", "\xEA" }, { "ờ", "\xEA" },
	{ "Ở", "\xEB" }, { "ở", "\xEB" }, { "Ỡ", "\xEC" },
	{ "ỡ", "\xEC" }, { "Ợ", "\xEE" }, { "ợ", "\xEE" },
	{ "Ú", "\xF3" }, { "ú", "\xF3" }, { "Ù", "\xEF" },
	{ "ù", "\xEF" }, { "Ủ", "\xF1" }, { "ủ", "\xF1" },
	{ "Ũ", "\xF2" }, { "ũ", "\xF2" }, { "Ụ", "\xF4" },
	{ "ụ", "\xF4" }, { "Ư", "\xA6" }, { "ư", "\xAD" },
	{ "Ứ", "\xF8" }, { "ứ", "\xF8" }, { "Ừ", "\xF5" },
	{ "ừ", "\xF5" }, { "Ử", "\xF6" }, { "ử", "\xF6" },
	{ "Ữ", "\xF7" }, { "ữ", "\xF7" }, { "Ự", "\xF9" },
	{ "ự", "\xF9" }, { "Ý", "\xFD" }, { "ý", "\xFD" },
	{ "Ỳ", "\xFA" }, { "ỳ", "\xFA" }, { "Ỷ", "\xFB" },
	{ "ỷ", "\xFB" }, { "Ỹ", "\xFC" }, { "ỹ", "\xFC" },
	{ "Ỵ", "\xFE" }, { "ỵ", "\xFE" },
};

#define NREF(t)	(sizeof(t) / sizeof((t)[0]))

/* Sentences from the plan, in NFC. */
static const char *const sentences[] = {
	"Sở Thông tin và Truyền thông",
	"Phát triển dữ liệu số",
	"Đảm bảo an toàn thông tin mạng",
	"Ủy ban nhân dân huyện A Lưới",
	"thị xã Hương Thủy",
	"Kế hoạch chuyển đổi số tỉnh Thừa Thiên Huế năm 2025",
	"Tỷ lệ hồ sơ giải quyết đúng hạn (%)",
	"Người dân, doanh nghiệp dùng dịch vụ công trực tuyến",
	"ĐẮK LẮK: QUYẾT ĐỊNH PHÊ DUYỆT",
};

/* "len" bytes of "s" converted by iconv, NUL-terminated, or NULL. */
static char *
iconv_conv(const char *to, const char *from, const char *s, size_t len,
    size_t *outlen)
{
	iconv_t	 cd = iconv_open(to, from);
	size_t	 cap = len * 4 + 16, left = cap;
	char	*out, *op, *in = (char *)s;

	if (cd == (iconv_t)-1)
		return NULL;
	out = op = xmalloc(cap + 1);
	if (iconv(cd, &in, &len, &op, &left) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
		free(out);
		out = NULL;
	} else {
		*op = '\0';
		if (outlen != NULL)
			*outlen = (size_t)(op - out);
	}
	iconv_close(cd);
	return out;
}

/*
 * The string "s" encoded with the reference table "tab": ASCII as is,
 * each letter as its bytes.  NULL if a character is not in the table.
 */
static char *
ref_encode(const struct ref *tab, size_t n, const char *s)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, k;

	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			buf_putc(&b, *s++);
			continue;
		}
		for (i = 0; i < n; i++) {
			k = strlen(tab[i].utf8);
			if (strncmp(s, tab[i].utf8, k) == 0)
				break;
		}
		if (i == n) {
			buf_release(&b);
			return NULL;
		}
		buf_puts(&b, tab[i].bytes);
		s += k;
	}
	return buf_detach(&b, NULL);
}

/*
 * Bytes "s" as Windows (MultiByteToWideChar) reads Windows-1252 and
 * saves them as UTF-8: the five undefined bytes stand for U+0081 etc.
 */
static char *
mojibake(const char *s, size_t len)
{
	struct buf	 b = BUF_INIT;
	char		*u;
	size_t		 i, n;

	for (i = 0; i < len; i++) {
		u = iconv_conv("UTF-8", "WINDOWS-1252", s + i, 1, &n);
		if (u != NULL)
			buf_put(&b, u, n);
		else {
			buf_putc(&b, 0xC2);
			buf_putc(&b, s[i]);
		}
		free(u);
	}
	return buf_detach(&b, NULL);
}

/*
 * The string "s" as TCVN3 gives it back: through tcvn3_ref and back,
 * where a capital with a tone shares its byte with the small letter
 * after it in the table.
 */
static char *
tcvn3_expect(const char *s)
{
	struct buf	 b = BUF_INIT;
	char		*bytes = ref_encode(tcvn3_ref, NREF(tcvn3_ref), s), *p;
	size_t		 i, last;

	for (p = bytes; p != NULL && *p != '\0'; p++) {
		if ((unsigned char)*p < 0x80) {
			buf_putc(&b, *p);
			continue;
		}
		for (i = 0, last = NREF(tcvn3_ref); i < NREF(tcvn3_ref); i++)
			if (tcvn3_ref[i].bytes[0] == *p)
				last = i;
		if (last < NREF(tcvn3_ref))
			buf_puts(&b, tcvn3_ref[last].utf8);
	}
	free(bytes);
	return buf_detach(&b, NULL);
}

/* converts() and detects() for the string "s". */
#define CONVERTS(e, moji, s, want)	converts(e, moji, s, strlen(s), want)
#define DETECTS(s, e, moji)		detects(s, strlen(s), e, moji)

/* 1 if converting "s" from "e" gives exactly the string "want". */
static int
converts(enum encoding e, int moji, const char *s, size_t len,
    const char *want)
{
	size_t	 n = 0;
	char	*got = encoding_to_utf8(e, moji, s, len, &n);
	int	 ok;

	ok = got != NULL && n == strlen(want) && strcmp(got, want) == 0;
	if (!ok)
		printf("  '%s' from %s%s: got '%s', want '%s'\n", s,
		    encoding_name(e), moji ? " mojibake" : "",
		    got ? got : "(null)", want);
	free(got);
	return ok;
}

/* 1 if "s" is detected as "e" with "moji". */
static int
detects(const char *s, size_t len, enum encoding e, int moji)
{
	int		 m = -1;
	enum encoding	 got = encoding_detect(s, len, &m);

	if (got != e || m != moji)
		printf("  '%s': detected %s%s, want %s%s\n", s,
		    encoding_name(got), m ? " mojibake" : "",
		    encoding_name(e), moji ? " mojibake" : "");
	return got == e && m == moji;
}

static void
test_names(void)
{
	static const struct {
		const char	*name;
		enum encoding	 e;
	} ok[] = {
		{ "utf-8", ENCODING_UTF8 }, { "UTF-8", ENCODING_UTF8 },
		{ "utf8", ENCODING_UTF8 },
		{ "windows-1258", ENCODING_WINDOWS1258 },
		{ "Windows-1258", ENCODING_WINDOWS1258 },
		{ "cp1258", ENCODING_WINDOWS1258 },
		{ "CP1258", ENCODING_WINDOWS1258 },
		{ "tcvn3", ENCODING_TCVN3 }, { "TCVN3", ENCODING_TCVN3 },
		{ "abc", ENCODING_TCVN3 }, { "ABC", ENCODING_TCVN3 },
		{ "vni", ENCODING_VNI }, { "VNI", ENCODING_VNI },
		{ "vni-windows", ENCODING_VNI },
		{ "VNI-Windows", ENCODING_VNI },
	};
	static const char *const bad[] = {
		"", "latin1", "utf-16", "tcvn", "vni windows", " utf-8",
		"windows-1252", "cp1258 ",
	};
	static const enum encoding all[] = { ENCODING_UTF8,
		ENCODING_WINDOWS1258, ENCODING_TCVN3, ENCODING_VNI };
	enum encoding	 e;
	size_t		 i;

	for (i = 0; i < NREF(ok); i++) {
		e = ENCODING_VNI + 1;
		CHECK(encoding_parse(ok[i].name, &e) && e == ok[i].e);
	}
	for (i = 0; i < NREF(bad); i++) {
		e = ENCODING_TCVN3;
		CHECK(!encoding_parse(bad[i], &e) && e == ENCODING_TCVN3);
	}
	CHECK(!encoding_parse(NULL, &e));
	CHECK_STR(encoding_name(ENCODING_UTF8), "UTF-8");
	CHECK_STR(encoding_name(ENCODING_WINDOWS1258), "Windows-1258");
	CHECK_STR(encoding_name(ENCODING_TCVN3), "TCVN3");
	CHECK_STR(encoding_name(ENCODING_VNI), "VNI");
	for (i = 0; i < NREF(all); i++)		/* name -> parse round trip */
		CHECK(encoding_parse(encoding_name(all[i]), &e) &&
		    e == all[i]);
}

static void
test_vni_table(void)
{
	size_t	 i;

	CHECK(NREF(vni_ref) == 134);
	for (i = 0; i < NREF(vni_ref); i++)
		CHECK(converts(ENCODING_VNI, 0, vni_ref[i].bytes,
		    strlen(vni_ref[i].bytes), vni_ref[i].utf8));
	/* from the README of duydev/vietnamese-conversion */
	CHECK(CONVERTS(ENCODING_VNI, 0, "Xin cha\xF8o ca\xF9" "c ba\xEFn",
	    "Xin chào các bạn"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "\xD1" "a\xF8 Na\xFCng", "Đà Nẵng"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "Vie\xE4t", "Việt"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "Ng\xF6\xF4\xF8i", "Người"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "NG\xD6\xD4\xD8I", "NGƯỜI"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "khuy\xFBu", "khuỷu"));
	/* two modifiers, capital modifiers after a small base */
	CHECK(CONVERTS(ENCODING_VNI, 0, "a\xE2\xF9", "ấ"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "a\xD9", "á"));
	CHECK(CONVERTS(ENCODING_VNI, 0, "a\xF9\xF8", "áø"));	/* one tone */
	CHECK(CONVERTS(ENCODING_VNI, 0, "u\xE2", "uâ"));	/* no û */
	/* a modifier with no base, and bytes VNI leaves alone */
	CHECK(CONVERTS(ENCODING_VNI, 0, "t\xF9 \x93x\x94 \xB0",
	    "tù “x” °"));
}

static void
test_tcvn3_table(void)
{
	char		 byte[2] = { 0, 0 }, *want, *small;
	int		 vn3[256] = { 0 }, distinct = 0, b;
	size_t		 i;

	CHECK(NREF(tcvn3_ref) == 134);
	for (i = 0; i < NREF(tcvn3_ref); i++) {
		small = tcvn3_expect(tcvn3_ref[i].utf8);
		CHECK(converts(ENCODING_TCVN3, 0, tcvn3_ref[i].bytes, 1,
		    small));
		free(small);
		b = (unsigned char)tcvn3_ref[i].bytes[0];
		if (!vn3[b]++)
			distinct++;
	}
	CHECK(distinct == 74);		/* 67 small letters, 7 capitals */
	/*
	 * Every byte from 0x80: a VN3 letter as glibc's TCVN5712-1 (VN1)
	 * reads it, anything else as Windows-1252.
	 */
	for (b = 0x80; b < 0x100; b++) {
		byte[0] = (char)b;
		want = iconv_conv("UTF-8", vn3[b] ? "TCVN5712-1" :
		    "WINDOWS-1252", byte, 1, NULL);
		if (want == NULL) {		/* undefined in Windows-1252 */
			CHECK(b == 0x81 || b == 0x8D || b == 0x8F ||
			    b == 0x90 || b == 0x9D);
			continue;
		}
		small = text_nfc(want, strlen(want), NULL);
		CHECK(converts(ENCODING_TCVN3, 0, byte, 1, small));
		free(small);
		free(want);
	}
	/* from a TCVN3 converter's README on GitHub */
	CHECK(CONVERTS(ENCODING_TCVN3, 0, "B\xB6o Th\xBEng", "Bảo Thắng"));
	CHECK(CONVERTS(ENCODING_TCVN3, 0, "M\xAD\xEAng Kh\xAD\xACng",
	    "Mường Khương"));
	CHECK(CONVERTS(ENCODING_TCVN3, 0, "B\xB8t X\xB8t", "Bát Xát"));
	CHECK(CONVERTS(ENCODING_TCVN3, 0, "\xA7\xBEK L\xBEK", "ĐắK LắK"));
}

/* Encode "s" into "e" with the references, or iconv for CP1258. */
static char *
encode(enum encoding e, const char *s, size_t *len)
{
	char	*out = NULL;

	switch (e) {
	case ENCODING_TCVN3:
		out = ref_encode(tcvn3_ref, NREF(tcvn3_ref), s);
		break;
	case ENCODING_VNI:
		out = ref_encode(vni_ref, NREF(vni_ref), s);
		break;
	case ENCODING_WINDOWS1258:
		return iconv_conv("CP1258", "UTF-8", s, strlen(s), len);
	case ENCODING_UTF8:
		out = strdup(s);
		break;
	}
	if (out != NULL)
		*len = strlen(out);
	return out;
}

/* Round trips of "s" through "e", raw and as mojibake. */
static void
roundtrip(enum encoding e, const char *s)
{
	char	*raw, *moji, *want;
	size_t	 len;

	raw = encode(e, s, &len);
	CHECK(raw != NULL);
	if (raw == NULL)
		return;
	want = e == ENCODING_TCVN3 ? tcvn3_expect(s) : strdup(s);
	CHECK(!text_utf8_valid(raw, len, NULL));
	CHECK(detects(raw, len, e, 0));
	CHECK(converts(e, 0, raw, len, want));
	moji = mojibake(raw, len);
	CHECK(text_utf8_valid(moji, strlen(moji), NULL));
	CHECK(DETECTS(moji, e, 1));
	CHECK(converts(e, 1, moji, strlen(moji), want));
	free(moji);
	free(want);
	free(raw);
}

static void
test_roundtrips(void)
{
	static const enum encoding legacy[] = { ENCODING_WINDOWS1258,
		ENCODING_TCVN3, ENCODING_VNI };
	struct buf	 file = BUF_INIT;
	char		*moji;
	size_t		 i, k;

	for (k = 0; k < NREF(legacy); k++)
		for (i = 0; i < NREF(sentences); i++)
			roundtrip(legacy[k], sentences[i]);
	/* a CSV file of them all */
	buf_puts(&file, "ma,ten\n");
	for (i = 0; i < NREF(sentences); i++)
		buf_printf(&file, "%zu,\"%s\"\n", i + 1, sentences[i]);
	for (k = 0; k < NREF(legacy); k++)
		roundtrip(legacy[k], file.data);
	/* UTF-8 read as Windows-1252 and saved as UTF-8 again */
	for (i = 0; i < NREF(sentences); i++) {
		moji = mojibake(sentences[i], strlen(sentences[i]));
		CHECK(DETECTS(moji, ENCODING_UTF8, 1));
		CHECK(converts(ENCODING_UTF8, 1, moji, strlen(moji),
		    sentences[i]));
		free(moji);
	}
	buf_release(&file);
}

/*
 * Convert "s" ("len" bytes) from "e" in chunks of "size" bytes, cut with
 * encoding_cut() as a streaming reader would; NULL if a piece fails.
 */
static char *
chunked(enum encoding e, int moji, const char *s, size_t len, size_t size)
{
	struct buf	 out = BUF_INIT, in = BUF_INIT;
	size_t		 off = 0, cut, n;
	char		*u;
	int		 ok = 1;

	while (ok && (off < len || in.len > 0)) {
		n = len - off < size ? len - off : size;
		buf_put(&in, s + off, n);
		off += n;
		cut = off == len ? in.len : encoding_cut(in.data, in.len);
		if ((u = encoding_to_utf8(e, moji, in.data, cut, &n)) == NULL)
			ok = 0;
		else
			buf_put(&out, u, n);
		free(u);
		memmove(in.data, in.data + cut, in.len - cut);
		buf_truncate(&in, in.len - cut);
	}
	buf_release(&in);
	if (!ok)
		buf_release(&out);
	return ok ? buf_detach(&out, NULL) : NULL;
}

static void
test_cut(void)
{
	static const enum encoding all[] = { ENCODING_UTF8,
		ENCODING_WINDOWS1258, ENCODING_TCVN3, ENCODING_VNI };
	struct buf	 file = BUF_INIT;
	char		*raw, *moji, *whole, *got;
	size_t		 i, k, len, size, bad;

	CHECK(encoding_cut("Vie\xE4t Na", 8) == 6);
	CHECK(encoding_cut("a,b\n", 4) == 4);
	CHECK(encoding_cut("\xE1\xBB\x9F", 3) == 0);
	CHECK(encoding_cut("", 0) == 0);
	for (i = 0; i < NREF(sentences); i++)
		buf_printf(&file, "%zu,\"%s\"\n", i + 1, sentences[i]);
	for (k = 0; k < NREF(all); k++) {
		raw = encode(all[k], file.data, &len);
		moji = mojibake(raw, len);
		whole = encoding_to_utf8(all[k], 0, raw, len, NULL);
		for (size = 1, bad = 0; size < 64; size++) {
			got = chunked(all[k], 0, raw, len, size);
			bad += got == NULL || strcmp(got, whole) != 0;
			free(got);
			got = chunked(all[k], 1, moji, strlen(moji), size);
			bad += got == NULL || strcmp(got, whole) != 0;
			free(got);
		}
		CHECK(bad == 0);
		free(whole);
		free(moji);
		free(raw);
	}
	buf_release(&file);
}

/* The examples in the brief and in encoding.h. */
static void
test_examples(void)
{
	const char	*tcvn3 = "Së Th«ng tin vµ TruyÒn th«ng";
	const char	*vni = "Sôû Thoâng tin";

	CHECK(DETECTS(tcvn3, ENCODING_TCVN3, 1));
	CHECK(CONVERTS(ENCODING_TCVN3, 1, tcvn3,
	    "Sở Thông tin và Truyền thông"));
	CHECK(DETECTS(vni, ENCODING_VNI, 1));
	CHECK(CONVERTS(ENCODING_VNI, 1, vni, "Sở Thông tin"));
	CHECK(detects("S\xC3\xAB Th\xC2\xABng", 10, ENCODING_TCVN3, 1));
	CHECK(detects("Ph\xC3\xA1t", 5, ENCODING_UTF8, 0));
	CHECK(DETECTS("S\xEB", ENCODING_TCVN3, 0));
	CHECK(DETECTS("Sôû Thoâng", ENCODING_VNI, 1));
	CHECK(DETECTS("Sá»Ÿ ThÃ´ng", ENCODING_UTF8, 1));
	/* one word is not enough to call valid UTF-8 mojibake */
	CHECK(DETECTS("Sôû", ENCODING_UTF8, 0));
	CHECK(DETECTS("où", ENCODING_UTF8, 0));
	CHECK(DETECTS("Xin cha\xF8o ca\xF9" "c ba\xEFn", ENCODING_VNI, 0));
}

static void
test_utf8_stays(void)
{
	static const char *const texts[] = {
		"Sở Thông tin và Truyền thông",
		"Thông tin và",			/* Latin-1 letters only */
		"Tôi là người Việt Nam",
		"café crème",
		"Straße",
		"Müller über Größe, Maß und Fuß",
		"déjà vu, à bientôt ; où est la gare ? L'été à Hô Chi Minh",
		"mañana, ação, não, São Paulo, señor",
		"Ça coûte 25 € — « très » cher",
		"Temperature 25°C, © 2024 planpress, 5 µm × 3",
		"\xEF\xBB\xBFSở Thông tin",	/* byte order mark */
		"So Thong tin va Truyen thong",	/* ASCII */
		"",
		"Pha\xCC\x81t trie\xCC\x82\xCC\x89n",	/* NFD */
		"Đắk Lắk, Đắk Nông, Kon Tum, Gia Lai",
		"\xF0\x9F\x93\x8A Dữ liệu mở",		/* emoji */
	};
	size_t	 i;

	for (i = 0; i < NREF(texts); i++)
		CHECK(DETECTS(texts[i], ENCODING_UTF8, 0));
	/* a sample cut in the middle of a character */
	CHECK(DETECTS("Sở Thông tin \xE1\xBB", ENCODING_UTF8, 0));
	CHECK(DETECTS("Sở Thông tin \xE1", ENCODING_UTF8, 0));
	CHECK(detects("a\0b", 3, ENCODING_UTF8, 0));
	CHECK(encoding_detect("Ph\xC3\xA1t", 5, NULL) == ENCODING_UTF8);
	/* invalid, and Latin-1 French rather than Vietnamese */
	CHECK(DETECTS("caf\xE9 cr\xE8me, d\xE9j\xE0 vu", ENCODING_UTF8, 0));
}

static void
test_convert(void)
{
	size_t	 n = 99;
	char	*s;

	CHECK(CONVERTS(ENCODING_UTF8, 0, "Pha\xCC\x81t", "Phát"));
	CHECK(CONVERTS(ENCODING_UTF8, 0, "\xEF\xBB\xBFx", "x"));
	CHECK(CONVERTS(ENCODING_UTF8, 1, "\xEF\xBB\xBF" "Ã¡", "á"));
	CHECK(CONVERTS(ENCODING_TCVN3, 1, "\xEF\xBB\xBFvµ", "và"));
	CHECK(converts(ENCODING_TCVN3, 0, "", 0, ""));
	CHECK(encoding_to_utf8(ENCODING_UTF8, 0, "a\xC3", 2, NULL) == NULL);
	CHECK(encoding_to_utf8(ENCODING_TCVN3, 1, "a\xC3", 2, NULL) == NULL);
	CHECK(encoding_to_utf8(ENCODING_TCVN3, 1, "Sở", strlen("Sở"), &n) ==
	    NULL && n == 99);		/* ở has no Windows-1252 byte */
	CHECK(encoding_to_utf8(ENCODING_UTF8, 1, "Ã", 2, NULL) == NULL);
	CHECK(encoding_to_utf8(ENCODING_WINDOWS1258, 0, "a\x81", 2, NULL) ==
	    NULL);			/* undefined in Windows-1258 */
	CHECK(CONVERTS(ENCODING_WINDOWS1258, 0, "Vi\xEA\xF2t", "Việt"));
	CHECK(CONVERTS(ENCODING_WINDOWS1258, 0, "\xD0\xF5\xEC", "Đớ"));
	/* NUL bytes pass through */
	s = encoding_to_utf8(ENCODING_VNI, 0, "a\0b\xF9", 4, &n);
	CHECK(s != NULL && n == 5 && memcmp(s, "a\0\x62\xC3\xB9", 6) == 0);
	free(s);
	s = encoding_to_utf8(ENCODING_TCVN3, 0, "a\0\xB5", 3, &n);
	CHECK(s != NULL && n == 4 && memcmp(s, "a\0\xC3\xA0", 5) == 0);
	free(s);
}

static void
test_advice(void)
{
	static const char *const want[] = { "utf-8", "windows-1258",
		"tcvn3", "vni" };
	const char	*a;
	int		 e, m;

	for (e = ENCODING_UTF8; e <= ENCODING_VNI; e++)
		for (m = 0; m < 2; m++) {
			a = encoding_advice((enum encoding)e, m);
			CHECK(a != NULL && a[0] >= 'a' && a[0] <= 'z');
			CHECK(a[strlen(a) - 1] != '.');
			CHECK(strchr(a, '\n') == NULL);
			if (e != ENCODING_UTF8)
				CHECK(strstr(a, want[e]) != NULL);
			CHECK(strcmp(a, encoding_advice((enum encoding)e,
			    !m)) != 0);
		}
	CHECK_STR(encoding_advice(ENCODING_TCVN3, 0),
	    "the text looks like TCVN3 (ABC); convert it to UTF-8 with "
	    "UniKey's converter, or declare encoding: tcvn3 in the "
	    "dataset's metadata");
}

int
main(void)
{
	test_names();
	test_vni_table();
	test_tcvn3_table();
	test_roundtrips();
	test_cut();
	test_examples();
	test_utf8_stays();
	test_convert();
	test_advice();
	return CHECK_DONE("encoding");
}
