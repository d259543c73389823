/*
 * gensite: the synthetic site of the benchmark (make bench).  Not part of
 * planpress; plain C with no dependency.
 *
 *	gensite DIR PAGES [DATASETS ROWS]
 *
 * writes the same content twice, once for each generator compared:
 *
 *	DIR/		a planpress site: site.yaml, content/, themes/bench/
 *			(and datasets/ when DATASETS > 0)
 *	DIR-hugo/	a Hugo site: hugo.toml, content/ (byte for byte the
 *			files of DIR/content/), layouts/, i18n/
 *
 * The content is 20 sections s01..s20, each with an _index.md, a home
 * page content/_index.md, and PAGES pages spread over the sections in
 * turn (page i goes to section i % 20 + 1), named sNN/bai-IIIII.md with
 * front matter title, date, tags, weight and slug, and a Vietnamese
 * Markdown body of 1 to 3 KB: headings, lists, emphasis, links to other
 * pages by root-relative path and one table.  Every page has its own
 * xorshift generator seeded from its number, so the same arguments give
 * the same bytes (and page i is the same text whatever PAGES is, except
 * for the targets of its links, which are taken modulo PAGES).
 *
 * The templates of the two sites do comparable work: a base layout with
 * the site title, a menu of the sections with the current item marked,
 * breadcrumbs, a footer with strings from the theme's i18n file; a single
 * page shows its title, date, tags, section, content and prev/next in its
 * section; a list page shows its content and its pages.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NSECTIONS	20
#define BODY_MIN	1024	/* body size in bytes, before the last block */
#define BODY_SPAN	1400	/* so that bodies end between 1 and 3 KB */

/* A text being assembled; "data" is always NUL-terminated. */
struct text {
	char	data[16384];
	size_t	len;
};

static const char *const topics[NSECTIONS] = {
	"Phát triển hạ tầng số", "Chính quyền số", "Kinh tế số",
	"Xã hội số", "Dữ liệu số", "An toàn thông tin mạng", "Nhân lực số",
	"Đô thị thông minh", "Y tế số", "Giáo dục số", "Nông nghiệp số",
	"Du lịch thông minh", "Dịch vụ công trực tuyến", "Thanh toán số",
	"Kỹ năng số cho người dân", "Nền tảng dùng chung", "Văn hóa số",
	"Giao thông thông minh", "Tài nguyên và môi trường số",
	"Truyền thông chuyển đổi số"
};

static const char *const subjects[] = {
	"Sở Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh",
	"Các sở, ban, ngành", "Ủy ban nhân dân cấp huyện",
	"Trung tâm Giám sát điều hành đô thị thông minh",
	"Các doanh nghiệp viễn thông", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh",
	"Người dân", "Đội ngũ cán bộ, công chức", "Các trường học",
	"Bưu điện tỉnh", "Tổ công nghệ số cộng đồng", "Sở Y tế",
	"Sở Giáo dục và Đào tạo", "Ngân hàng Nhà nước chi nhánh tỉnh"
};

static const char *const verbs[] = {
	"triển khai", "hoàn thành", "đẩy mạnh", "nâng cấp", "xây dựng",
	"rà soát", "hướng dẫn", "tổ chức", "theo dõi", "đánh giá",
	"phối hợp thực hiện", "cập nhật", "mở rộng", "chuẩn hóa", "kiểm tra",
	"tuyên truyền về"
};

static const char *const objects[] = {
	"hạ tầng số", "nền tảng dữ liệu dùng chung",
	"dịch vụ công trực tuyến toàn trình", "hệ thống thông tin báo cáo",
	"cơ sở dữ liệu quốc gia về dân cư", "chữ ký số cá nhân",
	"thanh toán không dùng tiền mặt", "kỹ năng số cho người dân",
	"an toàn thông tin mạng", "trung tâm dữ liệu của tỉnh",
	"ứng dụng Hue-S", "mạng cáp quang đến từng thôn",
	"phủ sóng di động 4G", "hồ sơ sức khỏe điện tử",
	"sổ tay chuyển đổi số", "học bạ số", "camera giám sát giao thông",
	"bản đồ số du lịch", "sàn thương mại điện tử cho nông sản",
	"hệ thống quản lý văn bản và điều hành"
};

static const char *const complements[] = {
	"trên địa bàn tỉnh", "tại các xã, phường, thị trấn",
	"trong quý I năm 2024", "theo đúng tiến độ đề ra",
	"với sự tham gia của cộng đồng", "bảo đảm an toàn, bảo mật",
	"đến hết năm 2024", "ở vùng sâu, vùng xa",
	"cho các cơ quan nhà nước", "một cách đồng bộ và hiệu quả",
	"theo hướng dẫn của Bộ Thông tin và Truyền thông",
	"gắn với cải cách hành chính", "phục vụ người dân và doanh nghiệp"
};

static const char *const places[] = {
	"thành phố Huế", "thị xã Hương Thủy", "thị xã Hương Trà",
	"huyện Phong Điền", "huyện Quảng Điền", "huyện Phú Vang",
	"huyện Phú Lộc", "huyện A Lưới", "huyện Nam Đông"
};

static const char *const headings[] = {
	"Mục tiêu", "Nội dung thực hiện", "Kết quả đạt được",
	"Khó khăn, vướng mắc", "Giải pháp", "Tổ chức thực hiện", "Kinh phí",
	"Tiến độ", "Đề xuất, kiến nghị", "Phân công nhiệm vụ",
	"Cơ sở pháp lý", "Đối tượng thụ hưởng"
};

static const char *const tags[] = {
	"chuyển đổi số", "dữ liệu", "hạ tầng", "dịch vụ công",
	"an toàn thông tin", "kỹ năng số", "kinh tế số", "xã hội số",
	"chính quyền số", "đô thị thông minh", "y tế", "giáo dục"
};

static const char *const units[] = { "%", "hồ sơ", "xã", "người", "hệ thống" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* xorshift64*, seeded through splitmix64 so that nearby seeds diverge. */
static uint64_t	rng;

static void
seed(uint64_t s)
{
	uint64_t	z = s + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	rng = (z ^ (z >> 31)) | 1;
}

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

#define PICK(a)	((a)[rnd(NELEM(a))])

static void
die(const char *what, const char *path)
{
	fprintf(stderr, "gensite: %s '%s': %s\n", what, path, strerror(errno));
	exit(1);
}

static void
put(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append to "t"; the buffer is far larger than any page. */
static void
put(struct text *t, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(t->data + t->len, sizeof(t->data) - t->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(t->data) - t->len) {
		fprintf(stderr, "gensite: text too long\n");
		exit(1);
	}
	t->len += (size_t)n;
}

static void
mkdirs(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* mkdir -p of the formatted path. */
static void
mkdirs(const char *fmt, ...)
{
	char	path[4096], *p;
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) == -1 && errno != EEXIST)
			die("cannot create", path);
		*p = '/';
	}
	if (mkdir(path, 0755) == -1 && errno != EEXIST)
		die("cannot create", path);
}

static void
writefile(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "w");

	if (f == NULL)
		die("cannot create", path);
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die("cannot write", path);
}

static void
emit(const char *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write the string "data" to the formatted path. */
static void
emit(const char *data, const char *fmt, ...)
{
	char	path[4096];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	writefile(path, data, strlen(data));
}

/* Root-relative path of page "i": "/s05/bai-00004/". */
static void
pagepath(char *out, size_t n, unsigned i)
{
	snprintf(out, n, "/s%02u/bai-%05u/", i % NSECTIONS + 1, i);
}

/* A sentence with, now and then, emphasis or a link to another page. */
static void
sentence(struct text *t, unsigned npages)
{
	char		 path[64];
	unsigned	 k = rnd(6);

	put(t, "%s %s ", PICK(subjects), PICK(verbs));
	if (k == 0)
		put(t, "*%s*", PICK(objects));
	else if (k == 1)
		put(t, "**%s**", PICK(objects));
	else if (k == 2) {
		pagepath(path, sizeof(path), rnd(npages));
		put(t, "[%s](%s)", PICK(objects), path);
	} else
		put(t, "%s", PICK(objects));
	put(t, " %s.", PICK(complements));
}

static void
paragraph(struct text *t, unsigned npages)
{
	unsigned	i, n = 2 + rnd(3);

	for (i = 0; i < n; i++) {
		sentence(t, npages);
		put(t, i + 1 < n ? " " : "\n\n");
	}
}

static void
list(struct text *t, unsigned npages, int ordered)
{
	char		path[64];
	unsigned	i, n = 3 + rnd(3);

	for (i = 0; i < n; i++) {
		if (ordered)
			put(t, "%u. ", i + 1);
		else
			put(t, "- ");
		if (i == 1) {
			pagepath(path, sizeof(path), rnd(npages));
			put(t, "Xem [%s](%s) tại %s.", PICK(objects), path,
			    PICK(places));
		} else
			sentence(t, npages);
		put(t, "\n");
	}
	put(t, "\n");
}

static void
table(struct text *t)
{
	unsigned	i, n = 3 + rnd(3), plan, done;

	put(t, "| Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện | Địa bàn |\n");
	put(t, "| --- | --- | ---: | ---: | --- |\n");
	for (i = 0; i < n; i++) {
		plan = 50 + rnd(50);
		done = rnd(plan * 10 + 1);
		put(t, "| %s | %s | %u | %u,%u | %s |\n", PICK(objects),
		    PICK(units), plan, done / 10, done % 10, PICK(places));
	}
	put(t, "\n");
}

/* The Markdown body of page "i", between BODY_MIN and about 3 KB. */
static void
body(struct text *t, unsigned npages)
{
	size_t	target = t->len + BODY_MIN + rnd(BODY_SPAN);

	paragraph(t, npages);
	put(t, "## %s\n\n", PICK(headings));
	list(t, npages, 0);
	put(t, "## %s\n\n", PICK(headings));
	table(t);
	while (t->len < target) {
		switch (rnd(3)) {
		case 0:
			put(t, "### %s tại %s\n\n", PICK(headings),
			    PICK(places));
			paragraph(t, npages);
			break;
		case 1:
			list(t, npages, 1);
			break;
		default:
			paragraph(t, npages);
			break;
		}
	}
}

/* Page "i" of "npages": front matter and body, into "t". */
static void
page(struct text *t, unsigned i, unsigned npages)
{
	unsigned	s = i % NSECTIONS, day = (i * 7u) % 365u;
	unsigned	m, a, b;
	static const unsigned mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	seed(i);
	for (m = 0; day >= mdays[m]; m++)
		day -= mdays[m];
	a = rnd(NELEM(tags));
	b = (a + 1 + rnd(NELEM(tags) - 1)) % NELEM(tags);
	t->len = 0;
	put(t, "---\n");
	put(t, "title: \"%s: %s %s tại %s (số %u)\"\n", topics[s],
	    PICK(verbs), PICK(objects), PICK(places), i);
	put(t, "date: 2024-%02u-%02u\n", m + 1, day + 1);
	put(t, "tags: [\"%s\", \"%s\"]\n", tags[a], tags[b]);
	put(t, "weight: %u\n", i / NSECTIONS + 1);
	put(t, "slug: \"bai-%05u\"\n", i);
	put(t, "---\n\n");
	body(t, npages);
}

static void
both(const char *dir, const char *rel, const struct text *t)
{
	char	path[4096];

	snprintf(path, sizeof(path), "%s/content/%s", dir, rel);
	writefile(path, t->data, t->len);
	snprintf(path, sizeof(path), "%s-hugo/content/%s", dir, rel);
	writefile(path, t->data, t->len);
}

static void
content(const char *dir, unsigned npages)
{
	struct text	*t = malloc(sizeof(*t));
	char		 rel[64];
	unsigned	 i;

	if (t == NULL)
		exit(1);
	seed(1000000000u);
	t->len = 0;
	put(t, "---\ntitle: \"Kế hoạch chuyển đổi số năm 2024\"\n---\n\n");
	paragraph(t, npages);
	both(dir, "_index.md", t);
	for (i = 0; i < NSECTIONS; i++) {
		mkdirs("%s/content/s%02u", dir, i + 1);
		mkdirs("%s-hugo/content/s%02u", dir, i + 1);
		seed(2000000000u + i);
		t->len = 0;
		put(t, "---\ntitle: \"%s\"\nweight: %u\n---\n\n", topics[i],
		    i + 1);
		paragraph(t, npages);
		snprintf(rel, sizeof(rel), "s%02u/_index.md", i + 1);
		both(dir, rel, t);
	}
	for (i = 0; i < npages; i++) {
		page(t, i, npages);
		snprintf(rel, sizeof(rel), "s%02u/bai-%05u.md",
		    i % NSECTIONS + 1, i);
		both(dir, rel, t);
	}
	free(t);
}

static const char site_title[] = "Kế hoạch chuyển đổi số – trang thử hiệu năng";

/* Strings shown by both themes; date_format only planpress needs. */
static const char *const strings[][2] = {
	{ "home", "Trang chủ" },
	{ "menu_label", "Menu chính" },
	{ "breadcrumbs_label", "Đường dẫn" },
	{ "prev", "Trang trước" },
	{ "next", "Trang sau" },
	{ "contents", "Mục lục" },
	{ "in_section", "Thuộc chuyên mục" },
	{ "published", "Ngày đăng:" },
	{ "tags", "Từ khóa:" },
	{ "built_with", "Được tạo bởi" },
};

static void
planpress_site(const char *dir)
{
	struct text	*t = malloc(sizeof(*t));
	unsigned	 i;

	if (t == NULL)
		exit(1);
	t->len = 0;
	put(t, "title: \"%s\"\nlanguage: vi\ntheme: bench\n", site_title);
	put(t, "menus:\n  main:\n    - name: \"Trang chủ\"\n      url: /\n");
	for (i = 0; i < NSECTIONS; i++)
		put(t, "    - name: \"%s\"\n      url: /s%02u/\n", topics[i],
		    i + 1);
	emit(t->data, "%s/site.yaml", dir);

	mkdirs("%s/themes/bench/layouts", dir);
	mkdirs("%s/themes/bench/partials", dir);
	mkdirs("%s/themes/bench/i18n", dir);
	t->len = 0;
	for (i = 0; i < NELEM(strings); i++)
		put(t, "%s: \"%s\"\n", strings[i][0], strings[i][1]);
	put(t, "date_format: \"%%d/%%m/%%Y\"\n");
	emit(t->data, "%s/themes/bench/i18n/vi.yaml", dir);
	free(t);

	emit("<!doctype html>\n"
	    "<html lang=\"{{lang}}\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<title>{{#page.is_home}}{{site.title}}{{/page.is_home}}"
	    "{{^page.is_home}}{{page.title}} – {{site.title}}"
	    "{{/page.is_home}}</title>\n"
	    "</head>\n"
	    "<body class=\"kind-{{page.kind}}\">\n"
	    "<header>\n"
	    "<a class=\"site-title\" href=\"{{root}}\">{{site.title}}</a>\n"
	    "{{>menu}}\n"
	    "</header>\n"
	    "{{^page.is_home}}\n"
	    "<nav class=\"breadcrumbs\" aria-label=\"{{t.breadcrumbs_label}}\">"
	    "<ol>\n"
	    "{{#page.breadcrumbs}}\n"
	    "<li><a href=\"{{url}}\">{{#is_home}}{{t.home}}{{/is_home}}"
	    "{{^is_home}}{{title}}{{/is_home}}</a></li>\n"
	    "{{/page.breadcrumbs}}\n"
	    "</ol></nav>\n"
	    "{{/page.is_home}}\n"
	    "<main>\n"
	    "{{$main}}{{/main}}\n"
	    "</main>\n"
	    "<footer>{{t.built_with}} {{generator}}</footer>\n"
	    "</body>\n"
	    "</html>\n",
	    "%s/themes/bench/layouts/base.mustache", dir);
	emit("<nav class=\"menu\" aria-label=\"{{t.menu_label}}\"><ul>\n"
	    "{{#menu.main}}\n"
	    "<li{{#active}} class=\"active\"{{/active}}><a href=\"{{url}}\""
	    "{{#current}} aria-current=\"page\"{{/current}}>{{name}}</a></li>\n"
	    "{{/menu.main}}\n"
	    "</ul></nav>\n",
	    "%s/themes/bench/partials/menu.mustache", dir);
	emit("{{<base}}\n"
	    "{{$main}}\n"
	    "<article>\n"
	    "<h1>{{page.title}}</h1>\n"
	    "<p class=\"date\">{{t.published}} <time datetime=\"{{page.date}}\">"
	    "{{page.date_display}}</time></p>\n"
	    "<p class=\"tags\">{{t.tags}} {{#page.params.tags}}"
	    "<span class=\"tag\">{{.}}</span> {{/page.params.tags}}</p>\n"
	    "<p class=\"section\">{{t.in_section}} <a href=\"{{page.section.url}}\">"
	    "{{page.section.title}}</a></p>\n"
	    "<div class=\"content\">\n"
	    "{{{page.content}}}\n"
	    "</div>\n"
	    "</article>\n"
	    "<nav class=\"prevnext\">\n"
	    "{{#page.prev}}<a rel=\"prev\" href=\"{{url}}\">{{t.prev}}: "
	    "{{title}}</a>{{/page.prev}}\n"
	    "{{#page.next}}<a rel=\"next\" href=\"{{url}}\">{{t.next}}: "
	    "{{title}}</a>{{/page.next}}\n"
	    "</nav>\n"
	    "{{/main}}\n"
	    "{{/base}}\n",
	    "%s/themes/bench/layouts/page.mustache", dir);
	emit("{{<base}}\n"
	    "{{$main}}\n"
	    "<h1>{{page.title}}</h1>\n"
	    "<div class=\"content\">\n"
	    "{{{page.content}}}\n"
	    "</div>\n"
	    "<h2>{{t.contents}}</h2>\n"
	    "<ul class=\"list\">\n"
	    "{{#page.pages}}\n"
	    "<li><a href=\"{{url}}\">{{title}}</a>{{#date}} <time datetime=\""
	    "{{date}}\">{{date_display}}</time>{{/date}}</li>\n"
	    "{{/page.pages}}\n"
	    "</ul>\n"
	    "{{/main}}\n"
	    "{{/base}}\n",
	    "%s/themes/bench/layouts/section.mustache", dir);
	emit("{{<base}}\n"
	    "{{$main}}\n"
	    "<h1>{{page.title}}</h1>\n"
	    "<div class=\"content\">\n"
	    "{{{page.content}}}\n"
	    "</div>\n"
	    "<h2>{{t.contents}}</h2>\n"
	    "<ul class=\"list\">\n"
	    "{{#sections}}\n"
	    "<li><a href=\"{{url}}\">{{title}}</a></li>\n"
	    "{{/sections}}\n"
	    "</ul>\n"
	    "{{/main}}\n"
	    "{{/base}}\n",
	    "%s/themes/bench/layouts/home.mustache", dir);
}

/*
 * The Hugo twin.  Hugo 0.111 (Debian 12).  Everything planpress does not
 * do is switched off: taxonomies, RSS, sitemap, robots.txt, 404, and the
 * Goldmark extensions beyond GFM (typographer, footnotes, definition
 * lists, task lists) and heading ids.  relativeURLs makes every link
 * relative, as planpress's are.  Hugo's PrevInSection is the page after
 * this one in the section's order, hence the swap in single.html.
 */
static void
hugo_site(const char *dir)
{
	struct text	*t = malloc(sizeof(*t));
	unsigned	 i;

	if (t == NULL)
		exit(1);
	t->len = 0;
	put(t, "baseURL = \"https://example.org/\"\n"
	    "title = \"%s\"\n"
	    "languageCode = \"vi\"\n"
	    "defaultContentLanguage = \"vi\"\n"
	    "relativeURLs = true\n"
	    "disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", "
	    "\"robotsTXT\", \"404\"]\n"
	    "enableRobotsTXT = false\n"
	    "disableHugoGeneratorInject = true\n"
	    "[markup.goldmark.extensions]\n"
	    "  definitionList = false\n"
	    "  footnote = false\n"
	    "  linkify = true\n"
	    "  strikethrough = true\n"
	    "  table = true\n"
	    "  taskList = false\n"
	    "  typographer = false\n"
	    "[markup.goldmark.parser]\n"
	    "  autoHeadingID = false\n"
	    "[markup.goldmark.renderer]\n"
	    "  unsafe = false\n", site_title);
	put(t, "[[menus.main]]\n  name = \"Trang chủ\"\n  pageRef = \"/\"\n"
	    "  weight = 1\n");
	for (i = 0; i < NSECTIONS; i++)
		put(t, "[[menus.main]]\n  name = \"%s\"\n  pageRef = \"/s%02u\"\n"
		    "  weight = %u\n", topics[i], i + 1, i + 2);
	emit(t->data, "%s-hugo/hugo.toml", dir);

	mkdirs("%s-hugo/layouts/_default", dir);
	mkdirs("%s-hugo/layouts/partials", dir);
	mkdirs("%s-hugo/i18n", dir);
	t->len = 0;
	for (i = 0; i < NELEM(strings); i++)
		put(t, "%s = \"%s\"\n", strings[i][0], strings[i][1]);
	emit(t->data, "%s-hugo/i18n/vi.toml", dir);
	free(t);

	emit("<!doctype html>\n"
	    "<html lang=\"{{ .Site.LanguageCode }}\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} – "
	    "{{ .Site.Title }}{{ end }}</title>\n"
	    "</head>\n"
	    "<body class=\"kind-{{ .Kind }}\">\n"
	    "<header>\n"
	    "<a class=\"site-title\" href=\"{{ .Site.Home.RelPermalink }}\">"
	    "{{ .Site.Title }}</a>\n"
	    "{{ partial \"menu.html\" . -}}\n"
	    "</header>\n"
	    "{{ if not .IsHome -}}\n"
	    "<nav class=\"breadcrumbs\" aria-label=\"{{ i18n \"breadcrumbs_label\" }}\">"
	    "<ol>\n"
	    "{{ range .Ancestors.Reverse -}}\n"
	    "<li><a href=\"{{ .RelPermalink }}\">{{ if .IsHome }}"
	    "{{ i18n \"home\" }}{{ else }}{{ .Title }}{{ end }}</a></li>\n"
	    "{{ end -}}\n"
	    "</ol></nav>\n"
	    "{{ end -}}\n"
	    "<main>\n"
	    "{{ block \"main\" . }}{{ end }}\n"
	    "</main>\n"
	    "<footer>{{ i18n \"built_with\" }} Hugo {{ hugo.Version }}</footer>\n"
	    "</body>\n"
	    "</html>\n",
	    "%s-hugo/layouts/_default/baseof.html", dir);
	emit("{{ $p := . -}}\n"
	    "<nav class=\"menu\" aria-label=\"{{ i18n \"menu_label\" }}\"><ul>\n"
	    "{{ range .Site.Menus.main -}}\n"
	    "<li{{ if or ($p.IsMenuCurrent \"main\" .) "
	    "($p.HasMenuCurrent \"main\" .) }} class=\"active\"{{ end }}>"
	    "<a href=\"{{ .URL }}\"{{ if $p.IsMenuCurrent \"main\" . }} "
	    "aria-current=\"page\"{{ end }}>{{ .Name }}</a></li>\n"
	    "{{ end -}}\n"
	    "</ul></nav>\n",
	    "%s-hugo/layouts/partials/menu.html", dir);
	emit("{{ define \"main\" -}}\n"
	    "<article>\n"
	    "<h1>{{ .Title }}</h1>\n"
	    "<p class=\"date\">{{ i18n \"published\" }} <time datetime=\""
	    "{{ .Date.Format \"2006-01-02\" }}\">{{ .Date.Format \"02/01/2006\" }}"
	    "</time></p>\n"
	    "<p class=\"tags\">{{ i18n \"tags\" }} {{ range .Params.tags }}"
	    "<span class=\"tag\">{{ . }}</span> {{ end }}</p>\n"
	    "<p class=\"section\">{{ i18n \"in_section\" }} <a href=\""
	    "{{ .Parent.RelPermalink }}\">{{ .Parent.Title }}</a></p>\n"
	    "<div class=\"content\">\n"
	    "{{ .Content }}\n"
	    "</div>\n"
	    "</article>\n"
	    "<nav class=\"prevnext\">\n"
	    "{{ with .NextInSection }}<a rel=\"prev\" href=\"{{ .RelPermalink }}\">"
	    "{{ i18n \"prev\" }}: {{ .Title }}</a>{{ end }}\n"
	    "{{ with .PrevInSection }}<a rel=\"next\" href=\"{{ .RelPermalink }}\">"
	    "{{ i18n \"next\" }}: {{ .Title }}</a>{{ end }}\n"
	    "</nav>\n"
	    "{{ end }}\n",
	    "%s-hugo/layouts/_default/single.html", dir);
	emit("{{ define \"main\" -}}\n"
	    "<h1>{{ .Title }}</h1>\n"
	    "<div class=\"content\">\n"
	    "{{ .Content }}\n"
	    "</div>\n"
	    "<h2>{{ i18n \"contents\" }}</h2>\n"
	    "<ul class=\"list\">\n"
	    "{{ range .Pages -}}\n"
	    "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ if .IsPage }} "
	    "<time datetime=\"{{ .Date.Format \"2006-01-02\" }}\">"
	    "{{ .Date.Format \"02/01/2006\" }}</time>{{ end }}</li>\n"
	    "{{ end -}}\n"
	    "</ul>\n"
	    "{{ end }}\n",
	    "%s-hugo/layouts/_default/list.html", dir);
}

/*
 * TODO(datasets): the datasets part of the benchmark.  "ndatasets" CSV
 * files of "nrows" rows each, with their metadata (docs/datasets.md),
 * for planpress only; run.sh does not use them yet, and the Hugo twin
 * has no counterpart (a data/ file rendered by a template would be the
 * closest).
 */
static void
datasets(const char *dir, unsigned ndatasets, unsigned nrows)
{
	FILE		*f;
	char		 path[4096];
	unsigned	 d, r, plan, done;

	if (ndatasets == 0)
		return;
	mkdirs("%s/datasets", dir);
	for (d = 0; d < ndatasets; d++) {
		seed(3000000000u + d);
		snprintf(path, sizeof(path), "%s/datasets/bench-%03u.yaml",
		    dir, d + 1);
		if ((f = fopen(path, "w")) == NULL)
			die("cannot create", path);
		fprintf(f, "title: \"Chỉ tiêu %s, bộ số %u\"\n"
		    "description: |\n"
		    "  Số liệu tổng hợp (dữ liệu thử hiệu năng).\n"
		    "keywords: [\"%s\"]\n"
		    "sample: true\n"
		    "schema:\n"
		    "  fields:\n"
		    "    - { name: id, type: integer, title: \"Mã\", "
		    "constraints: { required: true, unique: true } }\n"
		    "    - { name: dia_ban, type: string, title: \"Địa bàn\" }\n"
		    "    - { name: chi_tieu, type: string, title: \"Chỉ tiêu\" }\n"
		    "    - { name: ke_hoach, type: integer, title: \"Kế hoạch\" }\n"
		    "    - { name: thuc_hien, type: number, title: \"Thực hiện\" }\n"
		    "    - { name: ngay, type: date, title: \"Ngày\" }\n"
		    "  primaryKey: id\n",
		    topics[d % NSECTIONS], d + 1, PICK(tags));
		if (fclose(f) != 0)
			die("cannot write", path);
		snprintf(path, sizeof(path), "%s/datasets/bench-%03u.csv",
		    dir, d + 1);
		if ((f = fopen(path, "w")) == NULL)
			die("cannot create", path);
		fprintf(f, "id,dia_ban,chi_tieu,ke_hoach,thuc_hien,ngay\n");
		for (r = 0; r < nrows; r++) {
			plan = 50 + rnd(50);
			done = rnd(plan * 10 + 1);
			fprintf(f, "%u,%s,\"%s\",%u,%u.%u,2024-%02u-%02u\n",
			    r + 1, PICK(places), PICK(objects), plan,
			    done / 10, done % 10, r % 12 + 1, r % 28 + 1);
		}
		if (fclose(f) != 0)
			die("cannot write", path);
	}
}

static unsigned
number(const char *s, const char *what, unsigned long max)
{
	char		*end;
	unsigned long	 n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno || n > max) {
		fprintf(stderr, "gensite: %s '%s' is not a number from 0 to "
		    "%lu\n", what, s, max);
		exit(2);
	}
	return (unsigned)n;
}

int
main(int argc, char *argv[])
{
	unsigned	npages, ndatasets = 0, nrows = 0;

	if (argc != 3 && argc != 5) {
		fprintf(stderr, "usage: gensite DIR PAGES [DATASETS ROWS]\n");
		return 2;
	}
	npages = number(argv[2], "PAGES", 99999);	/* bai-%05u */
	if (argc == 5) {
		ndatasets = number(argv[3], "DATASETS", 999);
		nrows = number(argv[4], "ROWS", 100000000);
	}
	if (npages == 0) {
		fprintf(stderr, "gensite: PAGES must be at least 1\n");
		return 2;
	}
	mkdirs("%s/content", argv[1]);
	mkdirs("%s-hugo/content", argv[1]);
	planpress_site(argv[1]);
	hugo_site(argv[1]);
	content(argv[1], npages);
	datasets(argv[1], ndatasets, nrows);
	return 0;
}
