# unionkit - see README.md. `make demo`, `make check`, `make install`.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
OPT ?= -O2 -g
SAN ?=

PKG_CFLAGS = $(shell pkg-config --cflags sqlite3 jansson nettle 2>/dev/null)
# Without pkg-config (not installed yet), the libraries' plain names.
PKG_LIBS = $(shell pkg-config --libs sqlite3 jansson nettle 2>/dev/null || echo -lsqlite3 -ljansson -lnettle) -lcsv
UK_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -Wall -Wextra -Werror \
	-Wshadow -Wstrict-prototypes -Wformat=2 -pthread -Ilib/core -Ilib -Ilib/report $(PKG_CFLAGS) $(OPT) $(SAN) $(CFLAGS) \
	-DUK_LOCALEDIR='"$(PREFIX)/share/locale"'
UK_LDFLAGS = -pthread $(SAN) $(LDFLAGS)

# The library by layer: lib/core (records, database, text, money, dates),
# lib (the domain: members, ledger, disputes, plans), lib/report (documents).
LIB_SRC = $(wildcard lib/core/*.c lib/*.c lib/report/*.c)
# The summary's wording, installed (share/) and built into the library.
GEN_OBJ = $(BUILD)/gen/year_summary.o
LIB_OBJ = $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o) $(GEN_OBJ)
LIB_HDR = $(wildcard lib/core/*.h lib/*.h lib/report/*.h)
TOOLS = $(patsubst cmd/%.c,%,$(wildcard cmd/*.c))
BINS = $(TOOLS:%=$(BUILD)/bin/%)
UNIT_SRC = $(wildcard tests/unit/t_*.c)
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
MAN1 = $(wildcard man/man1/*.1)
MAN5 = $(wildcard man/man5/*.5)
MAN7 = $(wildcard man/man7/*.7)
MANZH7 = $(wildcard man/zh_CN/man7/*.7)
# Message catalogues: po/LANG.po, built where the tools look for them
# (BIN/../share/locale), so a build tree works as an installed one does.
PO_LANGS = zh_CN
MO = $(PO_LANGS:%=$(BUILD)/share/locale/%/LC_MESSAGES/unionkit.mo)

SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# libFuzzer targets (clang): the library built with coverage and sanitizers.
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 4

.PHONY: all deps check test unit lint demo install clean bench fuzz fuzzers check-valgrind check-tsan pot

all: $(BINS) $(UNIT_BINS) $(MO)

deps:
	@sh mk/deps.sh

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR) | $(BUILD)/lib/core $(BUILD)/lib/report
	$(CC) $(UK_CFLAGS) -c $< -o $@

$(BUILD)/gen/year_summary.c: share/year-summary.md mk/embed.sh | $(BUILD)/gen
	sh mk/embed.sh uk_summary_default share/year-summary.md >$@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(UK_CFLAGS) -c $< -o $@

$(BUILD)/libunionkit.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/%: cmd/%.c $(BUILD)/libunionkit.a $(LIB_HDR) | $(BUILD)/bin
	$(CC) $(UK_CFLAGS) $< -o $@ $(UK_LDFLAGS) $(BUILD)/libunionkit.a $(PKG_LIBS)

$(BUILD)/unit/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libunionkit.a | $(BUILD)/unit
	$(CC) $(UK_CFLAGS) -Itests/unit $< -o $@ $(UK_LDFLAGS) $(BUILD)/libunionkit.a $(PKG_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/fuzz/fuzz_records.c $(BUILD)/libunionkit.a | $(BUILD)/fuzz
	$(CC) $(UK_CFLAGS) -Itests/fuzz $< -o $@ -fsanitize=fuzzer $(UK_LDFLAGS) $(BUILD)/libunionkit.a $(PKG_LIBS)

$(BUILD)/share/locale/%/LC_MESSAGES/unionkit.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# After a message changes in the source: the template again, and each
# catalogue merged with it (new messages untranslated until someone writes
# them; t0005 fails until then).
pot:
	sh mk/pot.sh po/unionkit.pot
	for l in $(PO_LANGS); do msgmerge -q --update --backup=none --no-location po/$$l.po po/unionkit.pot; done

$(BUILD)/lib/core $(BUILD)/lib/report $(BUILD)/bin $(BUILD)/unit $(BUILD)/fuzz $(BUILD)/gen:
	mkdir -p $@

# The check: the release build (-O2, every warning an error) with its unit
# tests and the man page lint; the whole suite, unit and CLI tests, on the
# build with AddressSanitizer and UndefinedBehaviorSanitizer, which finds
# what the release build's run would and more (the suite runs once: twice
# took past the five minutes a check may take on two cores); then each
# fuzz target for a few seconds over its corpus. `make test` runs the suite
# on the release build. Builds run JOBS compilers at once (the tests run
# two scripts at once).
JOBS ?= 2
check: deps
	$(MAKE) -j$(JOBS) unit lint
	$(MAKE) -j$(JOBS) BUILD=build-asan OPT="-O1 -g" SAN="$(SANITIZE)" test
	$(MAKE) -j$(JOBS) fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)
	@echo "make check: all passed"

unit: all
	prove -j2 $(UNIT_BINS)

test: all lint
	UK_BIN=$(abspath $(BUILD))/bin UK_TOP=$(CURDIR) prove -j2 $(UNIT_BINS) tests/cli/t[0-9]*.sh

lint:
	@sh mk/manlint.sh $(MAN1) $(MAN5) $(MAN7)
	@sh mk/manlint.sh $(MAN1) $(MAN5) $(MANZH7)

# deps first, then a new make: it finds the flags of what deps installed.
demo: deps
	$(MAKE) all
	sh examples/demo.sh $(BUILD)/bin

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 $(MAN7) $(DESTDIR)$(PREFIX)/share/man/man7/
	mkdir -p $(DESTDIR)$(PREFIX)/share/unionkit
	install -m 644 share/year-summary.md $(DESTDIR)$(PREFIX)/share/unionkit/
	mkdir -p $(DESTDIR)$(PREFIX)/share/man/zh_CN/man7
	install -m 644 $(MANZH7) $(DESTDIR)$(PREFIX)/share/man/zh_CN/man7/
	for l in $(PO_LANGS); do \
		mkdir -p $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/share/locale/$$l/LC_MESSAGES/unionkit.mo \
			$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/; \
	done
	mkdir -p $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	for t in $(TOOLS); do install -m 644 completions/unionkit.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$t || exit 1; done

bench: all
	sh tests/bench/import.sh $(BUILD)/bin
	sh tests/bench/ledger.sh $(BUILD)/bin
	sh tests/bench/disputes.sh $(BUILD)/bin
	sh tests/bench/reports.sh $(BUILD)/bin
	sh tests/bench/merge.sh $(BUILD)/bin

# Each fuzz target for FUZZ_SECONDS over its seed corpus (tests/fuzz/corpus)
# and what earlier runs found (build-fuzz/corpus). A crash fails the run
# and leaves the input in build-fuzz/crashes.
fuzz: deps
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g" SAN="$(SANITIZE) -fsanitize=fuzzer-no-link" fuzzers
	sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

fuzzers: $(FUZZ_BINS)

# The CLI tests again with every tool run under valgrind memcheck: any
# memory error or leak fails the test that ran it.
check-valgrind: deps
	$(MAKE) all
	UK_TOP=$(CURDIR) sh tests/valgrind/run.sh $(abspath $(BUILD))/bin

# The code that runs on two threads (member-add's reading thread, fund-ledger
# verify's hashing thread, the queue between them) under ThreadSanitizer:
# the unit tests and the CLI tests of members and the ledger. A report
# aborts the tool that made it (the test fails) and is kept in
# build-tsan/tsan.*; any such file fails the target.
TSAN_TESTS ?= tests/cli/t1*.sh tests/cli/t20*.sh tests/cli/t9001-crash-consistency.sh
check-tsan: deps
	rm -rf build-tsan/tsan-logs && mkdir -p build-tsan/tsan-logs
	$(MAKE) -j$(JOBS) BUILD=build-tsan OPT="-O1 -g" SAN="-fsanitize=thread" all
	TSAN_OPTIONS="halt_on_error=1 abort_on_error=1 log_path=$(CURDIR)/build-tsan/tsan-logs/tsan" \
		UK_BIN=$(CURDIR)/build-tsan/bin UK_TOP=$(CURDIR) prove -j2 build-tsan/unit/t_* $(TSAN_TESTS)
	@if ls build-tsan/tsan-logs/tsan* >/dev/null 2>&1; then cat build-tsan/tsan-logs/tsan*; echo "make check-tsan: ThreadSanitizer reported"; exit 1; fi
	@echo "make check-tsan: no ThreadSanitizer report"

clean:
	rm -rf build build-asan build-fuzz build-tsan demo
