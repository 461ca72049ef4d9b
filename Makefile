# planc — see README.md.  `make` builds planc; `make check` runs every test.
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
GVC_CFLAGS := $(shell pkg-config --cflags libgvc 2>/dev/null)
GVC_LIBS   := $(shell pkg-config --libs libgvc 2>/dev/null || echo -lgvc -lcgraph -lcdt)
# JSON for planc lsp (docs/editors.md says why jansson); planc only, never libplanrt
JANSSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS   := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# the runtime's optional Excel part, libplanrt_xlsx.a (runtime/workbook.h says why it is apart):
# libxlsxwriter writes workbooks, libzip and libxml2 read them.  planc links it; a generated evaluator
# only when built with --xlsx, which passes these libraries to the C compiler.
XLSX_CFLAGS := $(shell pkg-config --cflags xlsxwriter libzip libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XLSX_LIBS   := $(shell pkg-config --libs xlsxwriter libzip libxml-2.0 2>/dev/null || echo -lxlsxwriter -lzip -lxml2 -lz)
CPPFLAGS += -D_XOPEN_SOURCE=700 -Icompiler -Iruntime -Iruntime/report -Iruntime/xlsx -I$(BUILD)
FLEX    ?= flex
BISON   ?= bison
BUILD   ?= build
# where `planc build` finds planrt.h and libplanrt.a (the build tree; `make install` will set its own)
RUNTIME_PATHS = -DPLANC_INCLUDE_DIR='"$(CURDIR)/runtime"' -DPLANC_LIB_DIR='"$(CURDIR)/$(BUILD)"' \
                -DPLANC_DOC_DIR='"$(CURDIR)/docs"' -DPLANC_XLSX_LIBS='"$(XLSX_LIBS)"'

COMPILER_SRC := $(wildcard compiler/*.c compiler/lsp/*.c compiler/sql/*.c)
RUNTIME_SRC  := $(wildcard runtime/*.c runtime/report/*.c)
GEN_SRC      := $(BUILD)/parser.c $(BUILD)/lexer.c
OBJ := $(COMPILER_SRC:compiler/%.c=$(BUILD)/compiler/%.o) $(GEN_SRC:.c=.o)
RT_OBJ := $(RUNTIME_SRC:runtime/%.c=$(BUILD)/runtime/%.o)
XLSX_SRC     := $(wildcard runtime/xlsx/*.c)
XLSX_OBJ     := $(XLSX_SRC:runtime/%.c=$(BUILD)/runtime/%.o)

.PHONY: long-functions all check run clean deps check-sanitize check-valgrind golden fuzz fuzz-build install uninstall vsix
all: planc

check: planc $(BUILD)/test_unit $(BUILD)/gen_random $(BUILD)/list_names $(BUILD)/xlsx_dump
	PLANC=./planc UNIT=$(BUILD)/test_unit GEN=$(BUILD)/gen_random NAMES=$(BUILD)/list_names XLSX=$(BUILD)/xlsx_dump tests/run.sh

# every C function of more than 60 lines, longest first (tests/structure.sh allows none over 150)
long-functions:
	@tests/long_functions.sh 60

# rewrite the golden files from the current output; review `git diff` before committing
golden: planc $(BUILD)/test_unit $(BUILD)/gen_random $(BUILD)/list_names $(BUILD)/xlsx_dump
	PLANC=./planc UNIT=$(BUILD)/test_unit GEN=$(BUILD)/gen_random NAMES=$(BUILD)/list_names XLSX=$(BUILD)/xlsx_dump tests/run.sh --update

# the unit tests: one binary per file in tests/unit, linked with everything but planc's main()
$(BUILD)/test_unit: $(BUILD)/test_basics $(BUILD)/test_rating $(BUILD)/test_delivery
	printf '#!/bin/sh\n"$$(dirname "$$0")/test_basics"; a=$$?\n"$$(dirname "$$0")/test_rating"; b=$$?\n"$$(dirname "$$0")/test_delivery"; c=$$?\n[ $$a = 0 ] && [ $$b = 0 ] && [ $$c = 0 ]\n' >$@
	chmod +x $@
# the .xlsx reader on one workbook, for tests/xlsx_read.sh
$(BUILD)/xlsx_dump: tests/unit/xlsx_dump.c $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a
	$(CC) $(CPPFLAGS) $(XLSX_CFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $^ $(XLSX_LIBS) -lm
$(BUILD)/gen_random: tests/unit/gen_random.c
	$(CC) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $<
# the words of the lists in runtime/planrt_names.h, for tests/names.sh
$(BUILD)/list_names: tests/unit/list_names.c $(BUILD)/runtime/names.o
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $^
$(BUILD)/test_basics: tests/unit/test_unit.c $(filter-out $(BUILD)/compiler/main.o,$(OBJ)) $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $^ $(GVC_LIBS) $(JANSSON_LIBS) $(XLSX_LIBS) -lm
$(BUILD)/test_rating: tests/unit/test_rating.c $(filter-out $(BUILD)/compiler/main.o,$(OBJ)) $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $^ $(GVC_LIBS) $(JANSSON_LIBS) $(XLSX_LIBS) -lm
$(BUILD)/test_delivery: tests/unit/test_delivery.c $(filter-out $(BUILD)/compiler/main.o,$(OBJ)) $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $^ $(GVC_LIBS) $(JANSSON_LIBS) $(XLSX_LIBS) -lm

planc: $(BUILD)/planc
	cp $< $@

$(BUILD)/planc: $(OBJ) $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(BUILD)/libplanrt_xlsx.a $(BUILD)/libplanrt.a $(GVC_LIBS) $(JANSSON_LIBS) $(XLSX_LIBS) -lm

$(BUILD)/libplanrt.a: $(RT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $(RT_OBJ)

$(BUILD)/libplanrt_xlsx.a: $(XLSX_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $(XLSX_OBJ)

$(BUILD)/parser.c $(BUILD)/parser.h: grammar/parser.y
	@mkdir -p $(BUILD)
	$(BISON) -Wall -Werror --defines=$(BUILD)/parser.h -o $(BUILD)/parser.c $<

# -Cf: full uncompressed tables, one array index per byte instead of the default tables' chains of
# checks (planc check: 0.55 s -> 0.45 s of CPU on 100,000 indicators; docs/performance.md).  Not -CF:
# its packed tables are read past their end on bytes >= 0x80 (AddressSanitizer, on random input).
$(BUILD)/lexer.c $(BUILD)/lexer.h: grammar/lexer.l $(BUILD)/parser.h
	@mkdir -p $(BUILD)
	$(FLEX) -Cf --header-file=$(BUILD)/lexer.h -o $(BUILD)/lexer.c $<

# generated code is not held to -Wextra's unused-function checks it cannot satisfy; -MMD: the scanner
# and parser include the parse tree's headers, and must be rebuilt when those change
$(BUILD)/lexer.o: $(BUILD)/lexer.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -std=c11 -Wall -Werror -Wno-unused-function -MMD -MP -c -o $@ $<
$(BUILD)/parser.o: $(BUILD)/parser.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -std=c11 -Wall -Wextra -Werror -MMD -MP -c -o $@ $<

$(BUILD)/compiler/%.o: compiler/%.c $(BUILD)/parser.h $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(JANSSON_CFLAGS) $(XLSX_CFLAGS) $(RUNTIME_PATHS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

# Graphviz's headers are not -Wstrict-prototypes clean; only the map's files include them
$(BUILD)/compiler/map_graph.o $(BUILD)/compiler/map_render.o: CFLAGS += -Wno-strict-prototypes

$(BUILD)/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

# the Excel part, with its libraries' headers (libxml2's live under /usr/include/libxml2)
$(BUILD)/runtime/xlsx/%.o: runtime/xlsx/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(XLSX_CFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d) $(RT_OBJ:.o=.d) $(XLSX_OBJ:.o=.d)

# Debian packages planc needs to build and test (libgvc and graphviz for the maps to come).
DEB_PACKAGES := build-essential clang libclang-rt-14-dev flex bison pkg-config graphviz libgraphviz-dev fonts-dejavu-core chromium poppler-utils \
                python3 libxml2-utils universal-ctags libjansson-dev neovim \
                libxlsxwriter-dev libzip-dev libxml2-dev python3-openpyxl sqlite3 postgresql
deps:
	@if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(DEB_PACKAGES); \
	else echo "make deps: not a Debian system; install: $(DEB_PACKAGES)"; fi
	@# the SARIF schema and its validator, for one test (npm registry)
	cd tests/sarif && npm ci --no-audit --no-fund --silent
	@# DuckDB, one of the engines tests/sql.sh runs the generated SQL on (npm registry)
	cd tests/sql && npm ci --no-audit --no-fund --silent
	@# the VS Code extension's client library and packager, for `make vsix` and tests/editors.sh
	cd editors/vscode && npm ci --no-audit --no-fund --silent

# The VS Code extension as editors/vscode/planc-plan-language-VERSION.vsix (docs/editors.md), packaged
# by @vscode/vsce at the version editors/vscode/package-lock.json pins; VSIX_OUT=FILE writes it there
# instead.  The repository has no licence file yet, hence --skip-license.
VSIX_OUT ?=
vsix: editors/vscode/node_modules/.package-lock.json
	cd editors/vscode && ./node_modules/.bin/vsce package --skip-license --allow-missing-repository \
	    $(if $(VSIX_OUT),-o $(abspath $(VSIX_OUT)))
editors/vscode/node_modules/.package-lock.json: editors/vscode/package-lock.json
	cd editors/vscode && npm ci --no-audit --no-fund --silent

# the main job: check the bundled Barnet plan and rate its Q2 2023/24 results
BARNET := plans/our-plan-for-barnet-2023-26
run: planc
	./planc check --summary $(BARNET).plan
	./planc eval $(BARNET).plan --results $(BARNET).results.csv --period "2023/24 Q2"
	./planc map $(BARNET).plan --results $(BARNET).results.csv --period "2023/24 Q2" -o $(BUILD)/barnet-map.svg
	./planc eval $(BARNET).plan --results $(BARNET).returns --period "2023/24 Q2" --history 2 --format html \
	    --map $(BUILD)/barnet-map.svg -o $(BUILD)/barnet-pack.html
	@echo "planc: the outcome map is in $(BUILD)/barnet-map.svg, the committee pack (Q1 and Q2 returns) in $(BUILD)/barnet-pack.html"

# the whole suite again, built with clang under AddressSanitizer and UndefinedBehaviorSanitizer;
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-sanitize:
	$(MAKE) BUILD=build-san CC=clang CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" build-san/planc build-san/test_unit build-san/gen_random build-san/list_names build-san/xlsx_dump
	CC="clang $(SAN_FLAGS)" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    PLANRT_LIB=build-san/libplanrt.a PLANC=build-san/planc UNIT=build-san/test_unit GEN=build-san/gen_random NAMES=build-san/list_names XLSX=build-san/xlsx_dump tests/run.sh

# every plan through check, eval, compile and map under valgrind: no leaks in planc's own code
check-valgrind: planc
	tests/valgrind.sh

# make install PREFIX=/usr/local (and DESTDIR= for packaging); make uninstall removes the same files
PREFIX ?= /usr/local
RT_HEADERS := runtime/planrt.h runtime/planrt_names.h runtime/period.h runtime/strbuf.h runtime/diagnostics.h runtime/sources.h
install: planc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/doc/planc
	install -m 755 planc $(DESTDIR)$(PREFIX)/bin/planc
	install -m 644 $(BUILD)/libplanrt.a $(DESTDIR)$(PREFIX)/lib/libplanrt.a
	install -m 644 $(BUILD)/libplanrt_xlsx.a $(DESTDIR)$(PREFIX)/lib/libplanrt_xlsx.a
	install -m 644 $(RT_HEADERS) $(DESTDIR)$(PREFIX)/include/
	sed 's|@PREFIX@|$(PREFIX)|' runtime/planrt.pc.in >$(DESTDIR)$(PREFIX)/lib/pkgconfig/planrt.pc
	install -m 644 man/planc.1 $(DESTDIR)$(PREFIX)/share/man/man1/planc.1
	install -m 644 docs/language.md docs/results.md docs/rating.md docs/diagnostics.md docs/maps.md docs/editors.md \
	    $(DESTDIR)$(PREFIX)/share/doc/planc/
	install -d $(DESTDIR)$(PREFIX)/share/planc/editors/vim/syntax $(DESTDIR)$(PREFIX)/share/planc/editors/vim/ftdetect \
	    $(DESTDIR)$(PREFIX)/share/planc/editors/vscode/syntaxes
	install -m 644 editors/vim/syntax/plan.vim $(DESTDIR)$(PREFIX)/share/planc/editors/vim/syntax/
	install -m 644 editors/vim/ftdetect/plan.vim $(DESTDIR)$(PREFIX)/share/planc/editors/vim/ftdetect/
	install -m 644 editors/vim/planc-lsp.vim $(DESTDIR)$(PREFIX)/share/planc/editors/vim/
	install -m 644 editors/vscode/package.json editors/vscode/package-lock.json editors/vscode/extension.js \
	    editors/vscode/README.md editors/vscode/.vscodeignore editors/vscode/language-configuration.json \
	    $(DESTDIR)$(PREFIX)/share/planc/editors/vscode/
	install -m 644 editors/vscode/syntaxes/plan.tmLanguage.json $(DESTDIR)$(PREFIX)/share/planc/editors/vscode/syntaxes/
	install -d $(DESTDIR)$(PREFIX)/share/planc/editors/nvim
	install -m 644 editors/nvim/planc.lua $(DESTDIR)$(PREFIX)/share/planc/editors/nvim/
	install -d $(DESTDIR)$(PREFIX)/share/planc/bash-completion
	install -m 644 editors/bash-completion/planc $(DESTDIR)$(PREFIX)/share/planc/bash-completion/planc
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/planc $(DESTDIR)$(PREFIX)/lib/libplanrt.a $(DESTDIR)$(PREFIX)/lib/libplanrt_xlsx.a \
	    $(addprefix $(DESTDIR)$(PREFIX)/include/,$(notdir $(RT_HEADERS))) \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/planrt.pc $(DESTDIR)$(PREFIX)/share/man/man1/planc.1
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/planc $(DESTDIR)$(PREFIX)/share/planc

clean:
	rm -rf $(BUILD) build-* planc tests/out

# Fuzzing with libFuzzer (clang): `make fuzz FUZZ_SECONDS=N` runs each harness N seconds, seeded from
# plans/, tests/ and tests/fuzz/seeds/; crashes land in build-fuzz/crashes/ (each becomes a regression
# test).  Seeds longer than FUZZ_MAX_LEN are cut to it: FUZZ_MAX_LEN=262144 keeps the long-token ones whole.
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 65536
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZERS := fuzz_plan fuzz_results fuzz_pipeline fuzz_lsp fuzz_xlsx
fuzz-build:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" build-fuzz/libplanrt.a build-fuzz/libplanrt_xlsx.a $(filter-out build-fuzz/compiler/main.o,$(OBJ:$(BUILD)/%=build-fuzz/%))
	for f in $(FUZZERS); do \
	    clang $(CPPFLAGS:-I$(BUILD)=-Ibuild-fuzz) $(JANSSON_CFLAGS) $(XLSX_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	        -o build-fuzz/$$f tests/fuzz/$$f.c $(filter-out build-fuzz/compiler/main.o,$(OBJ:$(BUILD)/%=build-fuzz/%)) \
	        build-fuzz/libplanrt_xlsx.a build-fuzz/libplanrt.a $(GVC_LIBS) $(JANSSON_LIBS) $(XLSX_LIBS) -lm || exit 1; \
	done
fuzz: fuzz-build
	mkdir -p build-fuzz/corpus/plan build-fuzz/corpus/results build-fuzz/crashes
	cp plans/*.plan tests/check/*.plan tests/eval/*.plan tests/map/*.plan build-fuzz/corpus/plan/
	cp plans/*.csv tests/eval/*.csv tests/eval/bad/*.csv build-fuzz/corpus/results/
	cp tests/fuzz/seeds/plan/* build-fuzz/corpus/plan/
	cp tests/fuzz/seeds/results/* build-fuzz/corpus/results/
	build-fuzz/fuzz_plan -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/plan.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    -artifact_prefix=build-fuzz/crashes/plan- build-fuzz/corpus/plan
	build-fuzz/fuzz_results -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/results.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    -artifact_prefix=build-fuzz/crashes/results- build-fuzz/corpus/results
	FUZZ_CC=cc build-fuzz/fuzz_pipeline -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/plan.dict -max_len=16384 -timeout=30 \
	    -artifact_prefix=build-fuzz/crashes/pipeline- build-fuzz/corpus/plan
# the .xlsx reader on workbooks zipped in memory from the input's parts (or the input as the archive):
# `make fuzz-xlsx FUZZ_SECONDS=N`, seeded from tests/fuzz/seeds/xlsx
.PHONY: fuzz-xlsx
fuzz-xlsx: fuzz-build
	mkdir -p build-fuzz/corpus/xlsx build-fuzz/crashes
	cp tests/fuzz/seeds/xlsx/* build-fuzz/corpus/xlsx/
	build-fuzz/fuzz_xlsx -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/xlsx.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    -artifact_prefix=build-fuzz/crashes/xlsx- build-fuzz/corpus/xlsx
# planc lsp's message layer (transport, JSON-RPC, server, documents, diagnostics) on an in-memory
# stream: `make fuzz-lsp FUZZ_SECONDS=N`, seeded from tests/fuzz/seeds/lsp (the scripted sessions)
.PHONY: fuzz-lsp
fuzz-lsp: fuzz-build
	mkdir -p build-fuzz/corpus/lsp build-fuzz/crashes
	cp tests/fuzz/seeds/lsp/* build-fuzz/corpus/lsp/
	build-fuzz/fuzz_lsp -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    -artifact_prefix=build-fuzz/crashes/lsp- build-fuzz/corpus/lsp
