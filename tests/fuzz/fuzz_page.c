/*
 * Fuzz target: loading a Markdown page (page.c) and rendering its body
 * (markdown.c), as the build does, with raw HTML dropped and allowed.
 */
#include "buf.h"
#include "diag.h"
#include "fuzz.h"
#include "markdown.h"
#include "page.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	markdown_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag		*d = diag_new();
	struct markdown_opts	 safe = { .unsafe = 0 },
				 all = { .unsafe = 1, .smart = 1, .hardbreaks = 1,
				     .files = 1 };
	struct buf		 out = BUF_INIT;
	struct page		*p;
	const char		*path = fuzz_write("x.md", data, size);

	if ((p = page_load(d, path, "content/a/x.md", "a/x.md", NULL)) != NULL) {
		markdown_render(d, p->file, p->bodyline, p->body, p->bodylen,
		    &safe, "../../", &out);
		markdown_render(d, p->file, p->bodyline, p->body, p->bodylen,
		    &all, "", &out);
	}
	page_free(p);
	buf_release(&out);
	fuzz_diag_done(d);
	return 0;
}
