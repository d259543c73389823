/*
 * Unit tests for excerpt.c: lengths in characters, cuts at word
 * boundaries, the first paragraph of HTML as plain text.
 */
#include "excerpt.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"

static const char *
cut(struct buf *b, const char *s, size_t max)
{
	buf_reset(b);
	excerpt_cut(b, s, max, "…");
	return b->data;
}

static const char *
html(struct buf *b, const char *s, size_t max)
{
	buf_reset(b);
	excerpt_html(b, s, strlen(s), max, "…");
	return b->data;
}

static void
test_cut(struct buf *b)
{
	CHECK(excerpt_length("") == 0);
	CHECK(excerpt_length("Phát triển") == 10);
	CHECK_STR(cut(b, "Phát triển dữ liệu số", 21), "Phát triển dữ liệu số");
	CHECK_STR(cut(b, "Phát triển dữ liệu số", 15), "Phát triển dữ…");
	CHECK_STR(cut(b, "Phát triển dữ liệu số", 14), "Phát triển dữ…");
	CHECK_STR(cut(b, "Phát triển dữ liệu số", 13), "Phát triển…");
	/* Punctuation does not hang before the ellipsis. */
	CHECK_STR(cut(b, "một, hai, ba", 8), "một…");
	/* One long word is cut inside it, never split in a character. */
	CHECK_STR(cut(b, "Đđđđđđđđđđ", 5), "Đđđđ…");
	CHECK(excerpt_length(cut(b, "a b c d e f g h i j k l m n o p", 9)) <= 9);
}

static void
test_html(struct buf *b)
{
	CHECK_STR(html(b, "<h2>Tiêu đề</h2>\n<p>Một &amp; <em>hai</em>\nba.</p>"
	    "<p>Bốn</p>", 200), "Một & hai ba.");
	CHECK_STR(html(b, "<p>&lt;b&gt; &quot;x&quot; &#39;y&#39; &#x1EA1;</p>",
	    200), "<b> \"x\" 'y' ạ");
	CHECK_STR(html(b, "<ul><li>x</li></ul><p></p><p>  a<br />\nb </p>",
	    200), "a b");
	CHECK_STR(html(b, "<p>một hai ba bốn năm</p>", 10), "một hai…");
	CHECK_STR(html(b, "<pre>code</pre>", 200), "");
	CHECK_STR(html(b, "", 200), "");
	/* Broken or cut HTML ends the text, never reads past it. */
	CHECK_STR(html(b, "<p>a <b", 200), "a");
	CHECK_STR(html(b, "<p", 200), "");
	CHECK_STR(html(b, "<p>x &#99999999; y &bogus; z</p>", 200),
	    "x \xEF\xBF\xBD y &bogus; z");
}

/*
 * A long paragraph cut at every length: the text of the paragraph read
 * in part gives the cut of the whole (plain() stops early).
 */
static void
test_html_cuts(struct buf *b)
{
	static const char src[] = "<p>Sở <em>Thông tin</em> &amp; Truyền "
	    "thông  theo dõi\n<a href=\"x\">ứng dụng Hue-S</a>, bảo đảm&nbsp;"
	    "an toàn<br />\nbảo mật: Đđđđđđđđđđđđ &#x1EA1;&#x1EA1; cuối.  </p>"
	    "<p>Sau</p>";
	struct buf	 whole = BUF_INIT, want = BUF_INIT;
	size_t		 max;
	int		 ok = 1;

	excerpt_html(&whole, src, sizeof(src) - 1, 100000, "…");
	CHECK(whole.len > 100 && strstr(whole.data, "Sau") == NULL);
	for (max = 1; max <= excerpt_length(whole.data) + 2; max++) {
		buf_reset(&want);
		excerpt_cut(&want, whole.data, max, "…");
		html(b, src, max);
		if (strcmp(b->data, want.data) != 0) {
			printf("  max %zu: '%s', want '%s'\n", max, b->data,
			    want.data);
			ok = 0;
		}
	}
	CHECK(ok);
	buf_release(&whole);
	buf_release(&want);
}

int
main(void)
{
	struct buf	 b = BUF_INIT;

	test_cut(&b);
	test_html(&b);
	test_html_cuts(&b);
	buf_release(&b);
	return CHECK_DONE("excerpt");
}
