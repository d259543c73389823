# planpress: build, test, run, install.  GNU make.
#
#   make            build ./planpress
#   make run        install build dependencies, build, build the default
#                   site into output/ and serve it on http://127.0.0.1:8000/,
#                   rebuilding and reloading the page on every edit
#   make test       install test dependencies and run every test
#   make asan       the test suite under -fsanitize=address,undefined
#   make valgrind   the unit tests and the default site build under valgrind
#   make fuzz       every libFuzzer target of tests/fuzz/ for FUZZ_SECONDS
#                   (60) seconds each; needs clang (make test runs each
#                   for FUZZ_TEST_SECONDS, 5, when clang is present)
#   make install    PREFIX=/usr/local DESTDIR=
#   make pot        po/planpress.pot from the messages in generator/**/*.c
#   make po-update  po/planpress.pot, merged into every po/LANG.po (new
#                   messages come in untranslated: translate them, then
#                   sh tests/checks/po.sh says what is still missing)

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/planpress
LOCALEDIR ?= $(PREFIX)/share/locale
VERSION	 = 0.1.0

PKGS	 = libcmark-gfm jansson yaml-0.1 libzip libutf8proc xlsxwriter nettle expat
# libmicrohttpd: its header at build time; serve opens the library itself
# (dlopen), so a build does not load it (generator/tools/http.c).
PKG_CFLAGS != pkg-config --cflags $(PKGS) libmicrohttpd 2>/dev/null || echo
PKG_LIBS   != pkg-config --libs $(PKGS) 2>/dev/null || echo -lcmark-gfm -ljansson -lyaml -lzip -lutf8proc -lxlsxwriter -lnettle -lexpat

CC	?= cc
CFLAGS	?= -O2 -g
# make test builds with WERROR=-Werror: a warning fails the tests.
WERROR	?=
WARN	 = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DPLANPRESS_VERSION='"$(VERSION)"' -DPLANPRESS_DATADIR='"$(DATADIR)"' \
	   -DPLANPRESS_LOCALEDIR='"$(LOCALEDIR)"' -DPLANPRESS_BUILDDIR='"$(BUILD)"' \
	   $(WARN) $(WERROR) $(addprefix -I,$(GENDIRS)) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS	+= $(PKG_LIBS) -lcmark-gfm-extensions -lcsv -lpthread -lm

BUILD	?= build
# generator/ holds the driver (main.c, site.c) and a folder per stage
# (docs/architecture.md); every object goes flat into $(BUILD), so file
# names are unique across the folders.
GENDIRS	 = generator generator/base generator/load generator/link \
	   generator/data generator/model generator/render generator/finish \
	   generator/tools
SRCS	 = $(sort $(foreach d,$(GENDIRS),$(wildcard $(d)/*.c)))
OBJS	 = $(addprefix $(BUILD)/,$(notdir $(SRCS:.c=.o)))
vpath %.c $(GENDIRS)
# The default theme and the starter site, embedded in the binary for
# planpress init and new (generator/base/embed.h); their folders are listed
# too, so removing a file regenerates the C file.
THEME_DEPS != find themes/default ! -name '.*' 2>/dev/null || echo
# planpress's own templates (generator/templates: the page serve shows
# while a build fails) and the starter site of init, embedded the same
# way.
TEMPLATE_DEPS != find generator/templates ! -name '.*' 2>/dev/null || echo
STARTER_DEPS != find starter ! -name '.*' 2>/dev/null || echo
OBJS	+= $(BUILD)/theme_files.o $(BUILD)/template_files.o \
	    $(BUILD)/starter_files.o
LIBOBJS	 = $(filter-out $(BUILD)/main.o,$(OBJS))
UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SPEC_BIN = $(BUILD)/tests/mustache_spec
FUZZ_TARGETS = meta schema csv mustache encoding page config xlsx
FUZZ_BINS = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS ?= 5
FUZZ_CC	?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
HAVE_CLANG != command -v $(FUZZ_CC) >/dev/null 2>&1 && echo yes || echo
# Message catalogs: po/LANG.po is the translation (committed), compiled
# into $(BUILD)/locale/LANG/LC_MESSAGES/planpress.mo, where build/planpress
# and ./planpress find it (generator/base/datadir.h).  The functions that
# translate their format themselves are keywords for xgettext
# (generator/base/intl.h); po/exclude.pot lists formats that only join text
# translated elsewhere.
LINGUAS	 = $(sort $(basename $(notdir $(wildcard po/*.po))))
MOS	 = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/planpress.mo)
XGETTEXT_KEYWORDS = -k_ -kN_ \
	-kdiag_error:3 -kdiag_warning:3 -kdiag_add:4 -kdiag_syserr:3 \
	-kdiag_note:2 \
	-kreport:4 -kreport_at:5 -kerror:3 -kerr:3 -kproblem:3 -kcellerr:4 -kunresolved:3
XGETTEXT = xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--add-location=file --package-name=planpress \
	--package-version=$(VERSION) --msgid-bugs-address= \
	-x po/exclude.pot $(XGETTEXT_KEYWORDS)

.PHONY: all run test check-tests asan valgrind install uninstall clean \
	deps test-deps golden-update preview screenshots bench bench-data \
	fuzz fuzz-bins pot po-update

all: planpress $(MOS)

# ./planpress reads its message catalogs from $(BUILD)/locale/.
planpress: $(BUILD)/planpress $(MOS)
	cp $(BUILD)/planpress $@.tmp && mv -f $@.tmp $@

# planpress allocates with jemalloc (libjemalloc-dev) when it is there:
# about 10% faster than the C library's malloc at 50,000 pages, in less
# memory (make bench), from its archive when there is one.  The sanitizer
# build keeps the C library's (MALLOC_LIBS=); tests/run.sh points valgrind
# at jemalloc.
MALLOC_LIBS != if [ -f "$$($(CC) -print-file-name=libjemalloc_pic.a)" ]; \
	then echo -l:libjemalloc_pic.a; \
	else pkg-config --libs jemalloc 2>/dev/null || echo; fi

# The libraries a build spends its time in are linked into planpress from
# their archives (lib*.a, in the same Debian -dev packages) when they are
# there: calls into them skip the PLT and the loader maps fewer objects,
# which made a 10,000-page build about 6% faster (interleaved runs of the
# bench site).  The test programs link them as shared libraries;
# STATIC= links planpress with the shared libraries too.
STATIC	?= cmark-gfm-extensions cmark-gfm jansson yaml utf8proc nettle expat csv
STATIC_FOUND != for l in $(STATIC); do \
	[ -f "$$($(CC) -print-file-name=lib$$l.a)" ] && printf '%s ' $$l; \
	done; true
PLANPRESS_LIBS = $(STATIC_FOUND:%=-l:lib%.a) \
	$(filter-out $(STATIC_FOUND:%=-l%),$(LDLIBS)) $(MALLOC_LIBS)

$(BUILD)/planpress: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PLANPRESS_LIBS)

$(BUILD)/libplanpress.a: $(LIBOBJS)
	rm -f $@
	ar rcs $@ $(LIBOBJS)

# Each object depends on the headers it includes, as the compiler lists
# them (-MMD -MP writes $(BUILD)/NAME.dep beside NAME.o; ".dep", not
# ".d", so that the lists of a build made before generator/ had its
# folders, naming generator/NAME.c, are not read).
$(BUILD)/%.o: %.c Makefile
	@mkdir -p $(BUILD)
	$(CC) $(ALL_CFLAGS) -MMD -MP -MF $(@:.o=.dep) -c -o $@ $<

-include $(OBJS:.o=.dep)

$(BUILD)/locale/%/LC_MESSAGES/planpress.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv -f $@.tmp $@

POT	?= po/planpress.pot

# Without its creation date, so that po/LANG.po changes only with the
# messages.
pot:
	$(XGETTEXT) -o $(POT).tmp $(SRCS)
	sed '/^"POT-Creation-Date:/d' $(POT).tmp >$(POT) && rm -f $(POT).tmp

po-update: pot
	for l in $(LINGUAS); do \
	    msgmerge --quiet --update --backup=none --no-fuzzy-matching \
		--add-location=file po/$$l.po $(POT) || exit 1; done

$(BUILD)/theme_files.c: scripts/embed.sh $(THEME_DEPS)
	@mkdir -p $(BUILD)
	sh scripts/embed.sh themes/default embed_theme >$@.tmp && mv -f $@.tmp $@

$(BUILD)/starter_files.c: scripts/embed.sh $(STARTER_DEPS)
	@mkdir -p $(BUILD)
	sh scripts/embed.sh starter embed_starter >$@.tmp && mv -f $@.tmp $@

$(BUILD)/theme_files.o $(BUILD)/template_files.o $(BUILD)/starter_files.o: \
    $(BUILD)/%.o: $(BUILD)/%.c generator/base/embed.h
	$(CC) $(ALL_CFLAGS) -Igenerator -c -o $@ $<

$(BUILD)/template_files.c: scripts/embed.sh $(TEMPLATE_DEPS)
	@mkdir -p $(BUILD)
	sh scripts/embed.sh generator/templates embed_templates >$@.tmp && \
	    mv -f $@.tmp $@


$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/scratch.h \
    tests/unit/jsonpath.h $(BUILD)/libplanpress.a
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Igenerator $(LDFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LDLIBS)

$(SPEC_BIN): tests/spec/mustache_spec.c $(BUILD)/libplanpress.a
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Igenerator $(LDFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LDLIBS)

test-bins: $(BUILD)/planpress $(MOS) $(UNIT_BINS) $(SPEC_BIN)

# The fuzz targets: the library built by clang in build-fuzz/ with
# -fsanitize=fuzzer-no-link and the sanitizers, each target linked with
# libFuzzer's main.
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
    $(BUILD)/libplanpress.a
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Igenerator -Itests/fuzz \
	    $(LDFLAGS) -o $@ $< tests/fuzz/fuzz.c $(BUILD)/libplanpress.a $(LDLIBS)

fuzz-bins:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) \
	    WERROR=$(WERROR) \
	    CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
	    LDFLAGS="$(FUZZ_SAN)" $(FUZZ_TARGETS:%=build-fuzz/fuzz/fuzz_%)

fuzz: fuzz-bins
	@PLANPRESS_FUZZ_TMP=$(CURDIR)/build-fuzz/run \
	    sh tests/fuzz.sh build-fuzz $(FUZZ_SECONDS) build-fuzz/corpus

# Build dependencies (Debian packages), installed when missing.
deps:
	@sh scripts/deps.sh build

test-deps:
	@sh scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory planpress
	./planpress build
	./planpress serve --port 8000

preview:
	@sh scripts/preview.sh output 8000

# The whole suite, then the same suite again under ASan and UBSan.
test: test-deps
	@$(MAKE) --no-print-directory check-tests

# Warnings are errors here: gcc builds build/ and build-asan/, clang
# builds build-fuzz/.
check-tests:
	@$(MAKE) --no-print-directory WERROR=-Werror test-bins
	@$(MAKE) --no-print-directory WERROR=-Werror BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" MALLOC_LIBS= test-bins
	@if [ -n "$(HAVE_CLANG)" ]; then \
	    $(MAKE) --no-print-directory WERROR=-Werror fuzz-bins; fi
	@PLANPRESS_FUZZ_SECONDS=$(if $(HAVE_CLANG),$(FUZZ_TEST_SECONDS),0) \
	    sh tests/run.sh build build-asan

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" MALLOC_LIBS= test-bins
	@sh tests/run.sh build-asan

valgrind: test-bins
	@PLANPRESS_VALGRIND=1 sh tests/run.sh build

# make golden-update [NAME="real-plan default"]: every case, or those named.
golden-update: planpress
	@sh tests/golden-update.sh $(BUILD)/planpress $(NAME)

screenshots: planpress
	@sh tests/screenshots.sh

bench: planpress
	@sh bench/run.sh
	@sh bench/data.sh

bench-data: planpress
	@sh bench/data.sh

install: planpress $(MOS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/themes
	install -m 755 planpress $(DESTDIR)$(BINDIR)/planpress
	install -m 644 man/planpress.1 $(DESTDIR)$(MANDIR)/man1/planpress.1
	install -m 644 man/planpress.5 $(DESTDIR)$(MANDIR)/man5/planpress.5
	cp -R themes/default $(DESTDIR)$(DATADIR)/themes/
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/planpress.mo \
		$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/planpress.mo || exit 1; done
	cp -R contrib $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/planpress $(DESTDIR)$(MANDIR)/man1/planpress.1 $(DESTDIR)$(MANDIR)/man5/planpress.5
	rm -rf $(DESTDIR)$(DATADIR)
	for l in $(LINGUAS); do \
	    rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/planpress.mo; done

clean:
	rm -rf build build-asan build-fuzz planpress
