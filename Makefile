# Wasdal: one non-recursive Makefile. Sources are found by wildcard, so a new
# module is a new file, not a Makefile edit.
#   make            build build/wasdal
#   make demo       install packages, build, seed ./wasdal.db, serve on :8080
#   make test       install packages, build with -Werror, run every test
#   make bench      benchmarks against peers (not part of make test)
#   make SANITIZE=1 BUILD=build-asan   the ASan+UBSan build used by make test

CC      ?= gcc
BUILD   ?= build
VERSION := 0.1.0
PKGS    := libmicrohttpd sqlite3 libpq jansson libsodium xlsxwriter libqrencode libcurl

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmagic -lpthread -lm

WARN    := -Wall -Wextra -Werror -Wshadow -Wformat -Wformat-security -Wvla \
           -Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 $(CFLAGS) $(WARN) -D_GNU_SOURCE -DWASDAL_VERSION='"$(VERSION)"' \
              -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP
LDFLAGS ?=
ifeq ($(SANITIZE),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS    += -fsanitize=address,undefined
endif

LIB_SRC := $(sort $(shell find src -name '*.c' ! -path src/main.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
GEN_SRC := $(BUILD)/gen/embedded.c
GEN_OBJ := $(GEN_SRC:%.c=%.o)

# Files compiled into the binary: migrations, templates, static assets, seed
# data. tools/embed turns them into one C table (see src/core/embedded.h).
EMBED_FILES := $(sort $(shell find src/store/migrations static data -type f 2>/dev/null))

UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
STORE_SRC := $(sort $(wildcard tests/store/test_*.c))
STORE_BIN := $(STORE_SRC:tests/store/%.c=$(BUILD)/tests/store/%)
TEST_LIBS := -lcmocka

.PHONY: all demo test test-run bench fuzz fuzz-smoke clean check-deps tests
all: $(BUILD)/wasdal

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Wextra -Werror -o $@ $<

$(GEN_SRC): $(BUILD)/tools/embed $(EMBED_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(EMBED_FILES)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(GEN_OBJ): $(GEN_SRC)
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/libwasdal.a: $(LIB_OBJ) $(GEN_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/wasdal: $(BUILD)/src/main.o $(BUILD)/libwasdal.a
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libwasdal.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libwasdal.a $(LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/tests/store/%: tests/store/%.c $(BUILD)/libwasdal.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libwasdal.a $(LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

tests: $(BUILD)/wasdal $(UNIT_BIN) $(STORE_BIN)

# Fuzz targets need clang's libFuzzer; the product itself is built with gcc.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_LIB_SRC := $(filter-out src/cmd/% src/http/% src/web/% src/api/%,$(LIB_SRC))
FUZZ_CFLAGS := -std=c11 -g -O1 -D_GNU_SOURCE -DWASDAL_VERSION='"$(VERSION)"' -Isrc -I$(BUILD)/gen \
               $(PKG_CFLAGS) -MMD -MP
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=build-fuzz/obj/%.o) build-fuzz/obj/gen/embedded.o
# The library is compiled once with coverage instrumentation and shared by
# every target (compiling it per target made the fuzz smoke mostly compile).
build-fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<
build-fuzz/obj/gen/embedded.o: $(GEN_SRC)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c -o $@ $<
build-fuzz/libfuzzlib.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build-fuzz/%: tests/fuzz/%.c build-fuzz/libfuzzlib.a
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< build-fuzz/libfuzzlib.a $(PKG_LIBS)
fuzz: $(FUZZ_BIN)
fuzz-smoke:
	tests/fuzz/run.sh

check-deps:
	scripts/deps.sh $(DEPS_FOR)

demo:
	scripts/deps.sh run
	$(MAKE) all
	scripts/demo.sh

test:
	scripts/deps.sh test
	$(MAKE) test-run

test-run:
	scripts/test.sh

bench:
	scripts/deps.sh bench
	$(MAKE) all
	bench/run.sh

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) build-fuzz -name '*.d' 2>/dev/null)
