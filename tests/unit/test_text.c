/*
 * Unit tests for text.c: UTF-8 validation and positions, NFC, the
 * escapers, slugs (every Vietnamese vowel and tone) and path segments.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "check.h"

/* 1 if "s" is invalid with its first bad sequence at byte "want". */
static int
bad_at(const char *s, size_t len, size_t want)
{
	size_t	 bad = (size_t)-1;

	return !text_utf8_valid(s, len, &bad) && bad == want;
}

static void
test_utf8(void)
{
	CHECK(text_utf8_valid("", 0, NULL));
	CHECK(text_utf8_valid("plain ascii", 11, NULL));
	CHECK(text_utf8_valid("Ph\xC3\xA1t tri\xE1\xBB\x83n", 13, NULL));
	CHECK(text_utf8_valid("\xF0\x9F\x93\x8A", 4, NULL));	/* U+1F4CA */
	CHECK(text_utf8_valid("\xF4\x8F\xBF\xBF", 4, NULL));	/* U+10FFFF */
	CHECK(text_utf8_valid("\xED\x9F\xBF", 3, NULL));	/* U+D7FF */
	CHECK(text_utf8_valid("a\0b", 3, NULL));
	CHECK(bad_at("ab\xC0\xAF", 4, 2));		/* overlong '/' */
	CHECK(bad_at("\xC1\xBF", 2, 0));		/* overlong */
	CHECK(bad_at("\xE0\x80\xAF", 3, 0));		/* overlong, 3 bytes */
	CHECK(bad_at("\xF0\x8F\xBF\xBF", 4, 0));	/* overlong, 4 bytes */
	CHECK(bad_at("abc\x80", 4, 3));			/* lone continuation */
	CHECK(bad_at("x\xBFy", 3, 1));
	CHECK(bad_at("ok \xE1\xBB", 5, 3));		/* truncated 3-byte */
	CHECK(bad_at("\xE1\xBB" "a", 3, 0));		/* cut short */
	CHECK(bad_at("s\xED\xA0\x80", 4, 1));		/* surrogate U+D800 */
	CHECK(bad_at("\xED\xBF\xBF", 3, 0));		/* surrogate U+DFFF */
	CHECK(bad_at("\xF4\x90\x80\x80", 4, 0));	/* U+110000 */
	CHECK(bad_at("ab\xF5\x80\x80\x80", 6, 2));	/* F5 */
	CHECK(bad_at("\xFF", 1, 0));
	CHECK(bad_at("\xF0\x9F\x93", 3, 0));		/* truncated 4-byte */
	CHECK(!text_utf8_valid("\xC3", 1, NULL));	/* bad may be NULL */
}

static void
test_position(void)
{
	const char	*s = "ab\nđa x\n\nz";
	unsigned	 line, col;

	text_position(s, 0, &line, &col);
	CHECK(line == 1 && col == 1);
	text_position(s, 2, &line, &col);		/* the '\n' */
	CHECK(line == 1 && col == 3);
	text_position(s, 3, &line, &col);		/* đ */
	CHECK(line == 2 && col == 1);
	text_position(s, 5, &line, &col);		/* a after 2-byte đ */
	CHECK(line == 2 && col == 2);
	text_position(s, 7, &line, &col);		/* x */
	CHECK(line == 2 && col == 4);
	text_position(s, 9, &line, &col);		/* empty line 3 */
	CHECK(line == 3 && col == 1);
	text_position(s, 10, &line, &col);		/* z */
	CHECK(line == 4 && col == 1);
	text_position("a\xFF\x80z", 3, &line, &col);	/* bad bytes: 1 each */
	CHECK(line == 1 && col == 4);
}

static void
test_nfc(void)
{
	char	*s;
	size_t	 n = 0;

	s = text_nfc("Pha\xCC\x81t", 6, &n);		/* a + U+0301 */
	CHECK_STR(s, "Ph\xC3\xA1t");
	CHECK(n == 5);
	free(s);
	/* ệ as e + U+0323 + U+0302 and as e + U+0302 + U+0323 */
	s = text_nfc("li\x65\xCC\xA3\xCC\x82u", 8, &n);
	CHECK_STR(s, "li\xE1\xBB\x87u");
	free(s);
	s = text_nfc("li\x65\xCC\x82\xCC\xA3u", 8, &n);
	CHECK_STR(s, "li\xE1\xBB\x87u");
	free(s);
	s = text_nfc("Ph\xC3\xA1t", 5, &n);		/* already NFC */
	CHECK_STR(s, "Ph\xC3\xA1t");
	CHECK(n == 5);
	free(s);
	s = text_nfc("", 0, &n);
	CHECK_STR(s, "");
	CHECK(n == 0);
	free(s);
	s = text_nfc("a\0b", 3, &n);			/* NUL is kept */
	CHECK(s != NULL && n == 3 && memcmp(s, "a\0b", 4) == 0);
	free(s);
	s = text_nfc("\xC3\xA1\xED\xA0\x80", 5, &n);	/* surrogate */
	CHECK(s == NULL);
	CHECK(text_nfc("x\xC3", 2, NULL) == NULL);
}

/* In place: NFC text keeps its buffer, other text is normalised. */
static void
test_nfc_buf(void)
{
	struct buf	 b = BUF_INIT;
	char		*was;

	buf_puts(&b, "Ph\xC3\xA1t");
	was = b.data;
	CHECK(text_nfc_buf(&b) == 1);
	CHECK(b.data == was && b.len == 5);
	CHECK_STR(b.data, "Ph\xC3\xA1t");
	buf_reset(&b);
	buf_puts(&b, "li\x65\xCC\x82\xCC\xA3u");
	CHECK(text_nfc_buf(&b) == 1);
	CHECK_STR(b.data, "li\xE1\xBB\x87u");
	CHECK(b.len == 6);
	buf_reset(&b);
	buf_puts(&b, "Pha\xCC\x81t x\xC3");		/* not UTF-8: as it was */
	CHECK(text_nfc_buf(&b) == 0);
	CHECK(b.len == 9 && memcmp(b.data, "Pha\xCC\x81t x\xC3", 9) == 0);
	buf_release(&b);
}

static void
test_escape(void)
{
	struct buf	 b = BUF_INIT;

	text_escape_html(&b, "a<b & \"c\" 'd'>", 14);
	CHECK_STR(b.data, "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
	buf_reset(&b);
	text_escape_html(&b, "d\xE1\xBB\xAF li\xE1\xBB\x87u", 12);
	CHECK_STR(b.data, "d\xE1\xBB\xAF li\xE1\xBB\x87u");
	buf_reset(&b);
	text_escape_html(&b, "&&", 1);			/* honours len */
	CHECK_STR(b.data, "&amp;");
	buf_reset(&b);
	text_escape_html(&b, "", 0);
	CHECK_STR(b.data, "");
	CHECK(b.len == 0);

	text_escape_xml(&b, "a<b & \"c\" 'd'>", 14);
	CHECK_STR(b.data, "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
	buf_reset(&b);
	text_escape_xml(&b, "a\x01\tb\nc\rd\x1F", 10);
	CHECK_STR(b.data, "a\tb\nc\rd");
	buf_reset(&b);

	text_escape_url(&b, "d\xE1\xBB\xAF li\xE1\xBB\x87u/a b", 15);
	CHECK_STR(b.data, "d%E1%BB%AF%20li%E1%BB%87u/a%20b");
	buf_reset(&b);
	text_escape_url(&b, "AZaz09-._~/?#&=+%\"<", 19);
	CHECK_STR(b.data, "AZaz09-._~/%3F%23%26%3D%2B%25%22%3C");
	buf_reset(&b);
	text_escape_url(&b, "\x00\xFF", 2);
	CHECK_STR(b.data, "%00%FF");
	buf_release(&b);
}

static void
test_hexval(void)
{
	const char	*digits = "0123456789abcdef", *upper = "ABCDEF";
	int		 i;

	for (i = 0; i < 16; i++)
		CHECK(text_hexval(digits[i]) == i);
	for (i = 0; i < 6; i++)
		CHECK(text_hexval(upper[i]) == 10 + i);
	CHECK(text_hexval('g') == -1);
	CHECK(text_hexval('G') == -1);
	CHECK(text_hexval('/') == -1);		/* '0' - 1 */
	CHECK(text_hexval(':') == -1);		/* '9' + 1 */
	CHECK(text_hexval('@') == -1);		/* 'A' - 1 */
	CHECK(text_hexval('`') == -1);		/* 'a' - 1 */
	CHECK(text_hexval('\0') == -1);
	CHECK(text_hexval((char)0xC3) == -1);	/* a UTF-8 lead byte */
}

/* 1 if the slug of "title" is "want". */
static int
slug_is(const char *title, const char *want)
{
	char	*s = text_slugify(title);
	int	 ok = strcmp(s, want) == 0;

	if (!ok)
		printf("  slug of '%s' is '%s', not '%s'\n", title, s, want);
	free(s);
	return ok;
}

static void
test_slug_examples(void)
{
	CHECK(slug_is("Phát triển dữ liệu số", "phat-trien-du-lieu-so"));
	CHECK(slug_is("Đảm bảo an toàn thông tin mạng",
	    "dam-bao-an-toan-thong-tin-mang"));
	CHECK(slug_is("II.11 Đánh giá", "ii-11-danh-gia"));
	CHECK(slug_is("đường ĐI", "duong-di"));
	CHECK(slug_is("Pha\xCC\x81t trie\xCC\xA3\xCC\x82n", "phat-trien"));
	CHECK(slug_is("  --Hello,   World!--  ", "hello-world"));
	CHECK(slug_is("Báo cáo 📊 năm 2024 🚀", "bao-cao-nam-2024"));
	CHECK(slug_is("a/b\\c?d#e&f=g", "a-b-c-d-e-f-g"));
	CHECK(slug_is("Q1–Q4 (2023—2024) «số liệu»",
	    "q1-q4-2023-2024-so-lieu"));
	CHECK(slug_is("C++ & C#", "c-c"));
	CHECK(slug_is("", ""));
	CHECK(slug_is("   ", ""));
	CHECK(slug_is("📊🚀!?", ""));
	CHECK(slug_is("Привет мир", ""));
	CHECK(slug_is("x Привет y", "x-y"));
	CHECK(slug_is("Crème brûlée", "creme-brulee"));
	CHECK(slug_is("ok\xFF\xC3 then", "ok-then"));	/* invalid bytes */
	CHECK(slug_is("A\xCC\x81", "a"));
}

static void
test_slug_vowels(void)
{
	CHECK(slug_is("àáảãạ ăằắẳẵặ âầấẩẫậ",
	    "aaaaa-aaaaaa-aaaaaa"));
	CHECK(slug_is("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ",
	    "aaaaa-aaaaaa-aaaaaa"));
	CHECK(slug_is("èéẻẽẹ êềếểễệ ÈÉẺẼẸ ÊỀẾỂỄỆ",
	    "eeeee-eeeeee-eeeee-eeeeee"));
	CHECK(slug_is("ìíỉĩị ÌÍỈĨỊ", "iiiii-iiiii"));
	CHECK(slug_is("òóỏõọ ôồốổỗộ ơờớởỡợ",
	    "ooooo-oooooo-oooooo"));
	CHECK(slug_is("ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ",
	    "ooooo-oooooo-oooooo"));
	CHECK(slug_is("ùúủũụ ưừứửữự ÙÚỦŨỤ ƯỪỨỬỮỰ",
	    "uuuuu-uuuuuu-uuuuu-uuuuuu"));
	CHECK(slug_is("ỳýỷỹỵ ỲÝỶỸỴ", "yyyyy-yyyyy"));
	CHECK(slug_is("đĐ", "dd"));
}

/*
 * Every Vietnamese vowel, lower and upper case, with every tone, both
 * as base + combining tone and as its NFC (precomposed) form.
 */
static void
test_slug_tones(void)
{
	static const char *const base[] = {
		"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
		"A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y",
	};
	static const char want[] = "aaaeeiooouuyaaaeeiooouuy";
	static const char *const tone[] = {
		"", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3",
	};
	char	 in[32], w[2] = { 0, 0 }, *nfc;
	size_t	 i, j, n;
	int	 ok = 1;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		for (j = 0; j < sizeof(tone) / sizeof(tone[0]); j++) {
			snprintf(in, sizeof(in), "%s%s", base[i], tone[j]);
			w[0] = want[i];
			ok &= slug_is(in, w);
			nfc = text_nfc(in, strlen(in), &n);
			ok &= nfc != NULL && slug_is(nfc, w);
			if (nfc != NULL)	/* it did compose */
				ok &= strstr(nfc, "\xCC") == NULL;
			free(nfc);
		}
	CHECK(ok);
}

static void
test_slug_long(void)
{
	struct buf	 b = BUF_INIT;
	char		*s;
	char		 t[400];
	size_t		 i;

	/* "chu-so-" * 11 + "chu" is 80 bytes and ends a word */
	for (i = 0; i < 20; i++)
		buf_puts(&b, "Chữ số ");
	s = text_slugify(b.data);
	CHECK(strlen(s) == 80);
	CHECK(strncmp(s, "chu-so-chu-so-", 14) == 0);
	CHECK_STR(s + 70, "chu-so-chu");
	free(s);
	/* one byte more in front: the cut falls back to the '-' at 77 */
	buf_reset(&b);
	buf_puts(&b, "x");
	for (i = 0; i < 20; i++)
		buf_puts(&b, "Chữ số ");
	s = text_slugify(b.data);
	CHECK_STR(s + 70, "-chu-so");
	CHECK(strlen(s) == 77);
	free(s);
	buf_release(&b);

	memset(t, 'x', 300);
	t[300] = '\0';
	s = text_slugify(t);		/* one long word: cut mid-word */
	CHECK(strlen(s) == TEXT_SLUG_MAX);
	free(s);
	CHECK(text_slug_shortened(t));
	t[TEXT_SLUG_MAX] = '\0';		/* exactly as long as a slug may be */
	CHECK(!text_slug_shortened(t));
	CHECK(!text_slug_shortened("Phát triển dữ liệu số"));
	/* marks and spaces make the title longer than its slug */
	buf_reset(&b);
	for (i = 0; i < 11; i++)
		buf_puts(&b, "Chữ số ");
	buf_puts(&b, "chữ");			/* slug: 80 bytes */
	CHECK(!text_slug_shortened(b.data));
	buf_puts(&b, " a");
	CHECK(text_slug_shortened(b.data));
	buf_release(&b);

	memset(t, 'y', 100);
	memcpy(t, "ab ", 3);		/* early '-' only: cut mid-word */
	t[100] = '\0';
	s = text_slugify(t);
	CHECK(strlen(s) == TEXT_SLUG_MAX);
	CHECK(strncmp(s, "ab-yyy", 6) == 0);
	free(s);

	memset(t, 'z', 80);			/* exactly 80: kept whole */
	memcpy(t + 80, " tail", 6);
	s = text_slugify(t);
	CHECK(strlen(s) == 80 && strchr(s, '-') == NULL);
	free(s);
}

static void
test_segment(void)
{
	char	 t[300];

	CHECK(text_safe_segment("bao-cao-2024"));
	CHECK(text_safe_segment("dữ liệu.csv"));
	CHECK(text_safe_segment("a..b"));
	CHECK(text_safe_path("assets/logo.png"));
	CHECK(text_safe_path("tin/ten-cu"));
	CHECK(!text_safe_path("a/../b"));
	CHECK(!text_safe_path("a//b"));
	CHECK(!text_safe_path("/a"));
	CHECK(!text_safe_path("a/"));
	CHECK(!text_safe_path(""));
	CHECK(!text_safe_path("a/.hidden"));
	CHECK(!text_safe_segment(""));
	CHECK(!text_safe_segment("."));
	CHECK(!text_safe_segment(".."));
	CHECK(!text_safe_segment(".hidden"));
	CHECK(!text_safe_segment("a/b"));
	CHECK(!text_safe_segment("a\\b"));
	CHECK(!text_safe_segment("a\tb"));
	CHECK(!text_safe_segment("a\nb"));
	CHECK(!text_safe_segment("a\x7f"));
	CHECK(!text_safe_segment("a\xC0\xAF"));
	memset(t, 'a', 200);
	t[200] = '\0';
	CHECK(text_safe_segment(t));
	t[200] = 'a';
	t[201] = '\0';
	CHECK(!text_safe_segment(t));
}

/* The fast "already NFC" path must never skip a change NFC makes. */
static void
nfc_is(const char *in, const char *want)
{
	size_t	 n;
	char	*s = text_nfc(in, strlen(in), &n);

	CHECK_STR(s, want);
	CHECK(s != NULL && n == strlen(want));
	free(s);
}

static void
test_nfc_fast_path(void)
{
	nfc_is("\xE2\x84\xAB", "\xC3\x85");		/* U+212B -> U+00C5 */
	nfc_is("\xE2\x84\xA6", "\xCE\xA9");		/* OHM -> OMEGA */
	nfc_is("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"); /* jamo -> GA */
	nfc_is("\xE0\xAD\x87\xE0\xAC\xBE", "\xE0\xAD\x8B"); /* Oriya */
	nfc_is("\xCD\x84", "\xCC\x88\xCC\x81");	/* U+0344, non-starter */
	nfc_is("\xC3\xA9\xCC\xA3", "\xE1\xBA\xB9\xCC\x81"); /* é + dot below */
	nfc_is("Tiếng Việt: Đảm bảo, Ủy ban, Hương Thủy",
	    "Tiếng Việt: Đảm bảo, Ủy ban, Hương Thủy");
	nfc_is("\xEF\xA4\x80", "\xE8\xB1\x88");	/* CJK compat U+F900 */
}

/* What "fn" appends to an empty buffer, for CHECK_STR; freed at the end. */
static char	*shown[32];
static size_t	 nshown;

static const char *
csv(const char *s)
{
	struct buf	 b = BUF_INIT;

	text_csv_field(&b, s, strlen(s));
	return shown[nshown++] = buf_detach(&b, NULL);
}

static const char *
number(double v)
{
	struct buf	 b = BUF_INIT;

	text_number(&b, v);
	return shown[nshown++] = buf_detach(&b, NULL);
}

static const char *
quoted(const char *s)
{
	struct buf	 b = BUF_INIT;

	text_quote(&b, s, strlen(s));
	return shown[nshown++] = buf_detach(&b, NULL);
}

static void
test_fields(void)
{
	size_t	 i;

	CHECK_STR(csv("plain"), "plain");
	CHECK_STR(csv(""), "");
	CHECK_STR(csv("a,b"), "\"a,b\"");
	CHECK_STR(csv("5\" disk"), "\"5\"\" disk\"");
	CHECK_STR(csv("\"\""), "\"\"\"\"\"\"");
	CHECK_STR(csv("two\nlines"), "\"two\nlines\"");
	CHECK_STR(csv("cr\r"), "\"cr\r\"");
	CHECK_STR(csv(" lead"), "\" lead\"");
	CHECK_STR(csv("trail "), "\"trail \"");
	CHECK_STR(csv("in side"), "in side");
	CHECK_STR(csv("Hà Nội"), "Hà Nội");

	CHECK_STR(number(0.1), "0.1");
	CHECK_STR(number(63.1), "63.1");
	CHECK_STR(number(100), "100");
	CHECK_STR(number(1500), "1500");
	CHECK_STR(number(1234567.5), "1234567.5");
	CHECK_STR(number(1e-05), "1e-05");
	CHECK_STR(number(-0.25), "-0.25");
	CHECK_STR(number(1e20), "1e+20");
	CHECK_STR(number(0.1 + 0.2), "0.30000000000000004");
	CHECK(strtod(number(2.0 / 3.0), NULL) == 2.0 / 3.0);

	CHECK_STR(quoted("Hà Nội"), "'Hà Nội'");
	CHECK_STR(quoted("a\tb"), "'a...'");
	CHECK_STR(quoted("0123456789012345678901234567890123456789"),
	    "'0123456789012345678901234567890123456789'");
	CHECK_STR(quoted("ờ123456789012345678901234567890123456789x"),
	    "'ờ123456789012345678901234567890123456789...'");
	for (i = 0; i < nshown; i++)
		free(shown[i]);
	nshown = 0;
}

static void
test_invisible(void)
{
	CHECK(text_invisible("Vi\xe1\xbb\x87t Nam", 10, 0) == -1);
	CHECK(text_invisible("Vi\xe1\xbb\x87t Nam", 10, 1) == ' ');
	CHECK(text_invisible("a%b", 3, 1) == '%');
	CHECK(text_invisible("a%b", 3, 0) == -1);
	CHECK(text_invisible("a\0b", 3, 0) == 0);
	CHECK(text_invisible("a\tb", 3, 0) == '\t');
	CHECK(text_invisible("a\xc2\x85", 3, 0) == 0x85);
	CHECK(text_invisible("a\xe2\x80\xae" "b", 5, 0) == 0x202E);
	CHECK(text_invisible("a\xe2\x81\xa6" "b", 5, 0) == 0x2066);
	CHECK(text_invisible("a\xe2\x80\xa8" "b", 5, 0) == 0x2028);
	CHECK(text_invisible("a\xc2\xa0" "b", 4, 1) == 0xA0);
	CHECK(text_invisible("a\xc2\xa0" "b", 4, 0) == -1);
	CHECK(text_invisible("\xff", 1, 0) == -1);
	CHECK(text_invisible("a\x7f", 2, 0) == 0x7F);
	CHECK(text_invisible("a b~!", 5, 1) == ' ');
}

/*
 * Every ASCII byte, after a printable run, against utf8proc's category
 * of it: what text_invisible() skips without asking utf8proc must be what
 * utf8proc would pass.
 */
static void
test_invisible_ascii(void)
{
	utf8proc_category_t	 cat;
	char			 s[4] = "ab";
	int			 c, spaces, bad, want, got, ok = 1;

	for (spaces = 0; spaces < 2; spaces++)
		for (c = 0; c < 0x80; c++) {
			cat = utf8proc_category(c);
			bad = cat == UTF8PROC_CATEGORY_CC ||
			    cat == UTF8PROC_CATEGORY_CF ||
			    cat == UTF8PROC_CATEGORY_ZL ||
			    cat == UTF8PROC_CATEGORY_ZP || (spaces &&
			    (cat == UTF8PROC_CATEGORY_ZS || c == '%'));
			want = bad ? c : -1;
			s[2] = (char)c;
			got = (int)text_invisible(s, 3, spaces);
			if (got != want) {
				printf("byte %02X spaces %d: %d, not %d\n",
				    c, spaces, got, want);
				ok = 0;
			}
		}
	CHECK(ok);
}

static void
test_url_kind(void)
{
	int	 q = -1;

	CHECK(text_url_kind("https://example.gov.vn/a/", &q) == TEXT_URL_WEB &&
	    q == 0);
	CHECK(text_url_kind("HTTP://x.vn:8080", &q) == TEXT_URL_WEB && q == 0);
	CHECK(text_url_kind("http://[::1]:80/", NULL) == TEXT_URL_WEB);
	CHECK(text_url_kind("https://x.vn/?a#b", &q) == TEXT_URL_WEB && q == 1);
	CHECK(text_url_kind("https:///a", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https://", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https:x.vn", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https://u@x.vn/", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https://x.vn:80a/", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https://x.vn/a b", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("https://x.vn/\x07", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("//x.vn/", NULL) == TEXT_URL_BAD);
	CHECK(text_url_kind("/du-lieu/", NULL) == TEXT_URL_ROOT);
	CHECK(text_url_kind("gioi-thieu/", NULL) == TEXT_URL_RELATIVE);
	CHECK(text_url_kind("#top", NULL) == TEXT_URL_RELATIVE);
	CHECK(text_url_kind("a/b:c", NULL) == TEXT_URL_RELATIVE);
	CHECK(text_url_kind("javascript:alert(1)", NULL) == TEXT_URL_SCHEME);
	CHECK(text_url_kind("JavaScript:x", NULL) == TEXT_URL_SCHEME);
	CHECK(text_url_kind("data:text/html,x", NULL) == TEXT_URL_SCHEME);
	CHECK(text_url_kind("file:///etc/passwd", NULL) == TEXT_URL_SCHEME);
}

/* 1 if text_url_file() makes "want" of "url". */
static int
url_file(const char *url, const char *want)
{
	struct buf	 b = BUF_INIT;
	int		 ok;

	buf_puts(&b, "x");
	text_url_file(&b, url);
	ok = strcmp(b.data + 1, want) == 0;
	buf_release(&b);
	return ok;
}

static void
test_url_file(void)
{
	CHECK(url_file("../c/", "../c/index.html"));
	CHECK(url_file("./", "./index.html"));
	CHECK(url_file("/", "/index.html"));
	CHECK(url_file("/a/b#x", "/a/b/index.html#x"));
	CHECK(url_file("a/?q=1#x", "a/index.html?q=1#x"));
	CHECK(url_file("..", "../index.html"));
	CHECK(url_file("../.", ".././index.html"));
	CHECK(url_file(".", "./index.html"));
	CHECK(url_file("x.csv", "x.csv"));
	CHECK(url_file("../data/x.csv#row", "../data/x.csv#row"));
	CHECK(url_file("v1.2/", "v1.2/index.html"));
	CHECK(url_file("a/index.html", "a/index.html"));
	CHECK(url_file("#top", "#top"));
	CHECK(url_file("?q", "?q"));
	CHECK(url_file("", ""));
	CHECK(url_file("https://x.vn/a/", "https://x.vn/a/"));
	CHECK(url_file("//x.vn/a/", "//x.vn/a/"));
	CHECK(url_file("mailto:a@x.vn", "mailto:a@x.vn"));
	CHECK(url_file("tel:+84", "tel:+84"));
}

/* The fold slugs and search share: NFD, no marks, Đ as d, lower case. */
static void
test_fold_char(void)
{
	int32_t	 f[TEXT_FOLD_MAX];

	CHECK(text_fold_char(0x1ED4, f) == 1 && f[0] == 'o');	/* Ổ */
	CHECK(text_fold_char(0x0110, f) == 1 && f[0] == 'd');	/* Đ */
	CHECK(text_fold_char(0x0111, f) == 1 && f[0] == 'd');	/* đ */
	CHECK(text_fold_char('Q', f) == 1 && f[0] == 'q');
	CHECK(text_fold_char(0x0301, f) == 0);		/* a lone accent */
	CHECK(text_fold_char(0x00DF, f) == 1 && f[0] == 0x00DF);	/* ß */
	CHECK(text_fold_char(-1, f) == -1);
}

int
main(void)
{
	test_fold_char();
	test_url_kind();
	test_url_file();
	test_invisible();
	test_invisible_ascii();
	test_nfc_fast_path();
	test_utf8();
	test_position();
	test_nfc();
	test_nfc_buf();
	test_escape();
	test_hexval();
	test_slug_examples();
	test_slug_vowels();
	test_slug_tones();
	test_slug_long();
	test_segment();
	test_fields();
	return CHECK_DONE("text");
}
