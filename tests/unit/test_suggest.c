/* Suggestions for mistyped words. */
#include <stdlib.h>

#include "buf.h"
#include "check.h"
#include "suggest.h"

static void
distance(void)
{
	CHECK(suggest_distance("license", "license") == 0);
	CHECK(suggest_distance("licence", "license") == 1);
	CHECK(suggest_distance("lisence", "license") == 2);
	CHECK(suggest_distance("ab", "ba") == 1);	/* a swap */
	CHECK(suggest_distance("Title", "title") == 0);	/* case */
	CHECK(suggest_distance("", "abc") == 3);
	CHECK(suggest_distance("kitten", "sitting") == 3);
	/* Bytes: one changed Vietnamese letter is two byte edits. */
	CHECK(suggest_distance("\xc4\x91", "d") == 2);
}

static void
words(void)
{
	static const char *const keys[] = { "title", "description",
	    "license", "publisher", "keywords", NULL };
	static const char *const few[] = { "bar", "line", "table", NULL };
	struct buf	 b = BUF_INIT;
	json_t		*o;

	CHECK_STR(suggest_word("licence", keys), "license");
	CHECK_STR(suggest_word("descripton", keys), "description");
	CHECK_STR(suggest_word("Keyword", keys), "keywords");
	CHECK(suggest_word("colour", keys) == NULL);
	CHECK(suggest_word("title", keys) == NULL);	/* itself: no hint */
	/* Short words allow one edit only, two-letter ids none. */
	CHECK(suggest_word("xyz", few) == NULL);
	{
		static const char *const ids[] = { "u1", "u2", NULL };

		CHECK(suggest_word("u8", ids) == NULL);
	}
	CHECK_STR(suggest_word("lin", few), "line");

	suggest_hint(&b, "licence", keys, 3);
	CHECK_STR(b.data, "; did you mean 'license'?");
	buf_reset(&b);
	suggest_hint(&b, "pie", few, 3);
	CHECK_STR(b.data, "; the choices are 'bar', 'line', 'table'");
	buf_reset(&b);
	suggest_hint(&b, "colour", keys, 3);	/* too many to list */
	CHECK_STR(b.data, "");

	o = json_pack("{s:i, s:i, s:i}", "stttt", 0, "snv", 1, "stp", 2);
	CHECK_STR(suggest_key("sttt", o), "stttt");
	buf_reset(&b);
	suggest_hint_keys(&b, "qqqqqq", o, 3);
	CHECK_STR(b.data, "; the choices are 'stttt', 'snv', 'stp'");
	json_decref(o);
	buf_release(&b);
}

int
main(void)
{
	distance();
	words();
	return CHECK_DONE("suggest");
}
