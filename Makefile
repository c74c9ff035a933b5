# Broadsheet: `make serve` and `make test` do all set-up on a fresh machine
# that has only Rust and Node. Every install step checks what is there first,
# so a second run installs nothing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION     := 132
CHROMIUM             ?= /usr/bin/chromium
PORT                 ?= 8080
# `make serve SITE=folder` also serves a published archive at /site/.
SITE                 ?=
SUDO                 := $(if $(filter 0,$(shell id -u)),,sudo)
CARGO_BIN            := $(HOME)/.cargo/bin
export PATH          := $(CARGO_BIN):$(PATH)

# Everything the widget build reads: a change to any of these rebuilds dist/.
WIDGET_SOURCES := $(shell find src www -type f 2>/dev/null) index.html Cargo.toml Cargo.lock tools/build-widget.mjs
# The npm package's files from the repository's root, copied into dist/.
PACKAGE_FILES := LICENSE-MIT LICENSE-APACHE $(wildcard THIRD-PARTY-NOTICES.md)

.PHONY: help tools browser-tools build demo-corpora serve test test-native test-browser bench clean

help:
	@echo "make serve   install what is missing, build, serve the demo at http://127.0.0.1:$(PORT)"
	@echo "make test    install what the tests need and run every test"

## Tools ------------------------------------------------------------------

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@wasm-opt --version 2>/dev/null | grep -q "version $(BINARYEN_VERSION)\b" \
	  || $(SUDO) npm install -g --no-audit --no-fund binaryen@$(BINARYEN_VERSION)

browser-tools: node_modules/.package-lock.json
	@[ -x "$(CHROMIUM)" ] && [ -d /usr/share/fonts/opentype/noto ] \
	  || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## Build ------------------------------------------------------------------

build: dist/.built

BROADSHEET := target/release/broadsheet

# The demo's corpus picker lists these (dist/corpora.json).
BUNDLED_CORPUS := {"src":"corpus.json","title":"青岛日报 · 2024-09-12"}
CHRONAM_CORPUS := {"src":"chronam.json","title":"Chronicling America, 1916"}

$(BROADSHEET): $(shell find src -type f) Cargo.toml Cargo.lock
	cargo build --release --bin broadsheet
	@touch $@

# The widget (its wasm and glue, and the demo page: tools/build-widget.mjs;
# then the one script bundled from
# www/broadsheet.js and the stylesheet, with the package's declarations and
# licences beside it), the bundled
# corpus with its search index, then the service worker, whose precache list
# and version cover all of them.
dist/.built: $(WIDGET_SOURCES) $(PACKAGE_FILES) $(BROADSHEET) tools/build-loader.mjs node_modules/.package-lock.json | tools
	node tools/build-widget.mjs dist
	node tools/build-loader.mjs dist
	$(BROADSHEET) index dist/corpus.json
	printf '[%s]\n' '$(BUNDLED_CORPUS)' > dist/corpora.json
	node tools/gen-sw.mjs dist
	@touch $@

# The 1916 front pages as a second demo corpus: generated here from
# ../shared, never committed. `make serve` adds it when the pages are there.
CHRONAM := ../shared/corpora/chronam-1916

build/chronam.json: $(BROADSHEET) tests/support/chronam-manifest.sh
	tests/support/chronam-manifest.sh $(CHRONAM) build/chronam.tsv
	rm -f $@
	$(BROADSHEET) ingest --manifest build/chronam.tsv --corpus-title "Chronicling America, 1916" --corpus-lang en -o $@

dist/.chronam: build/chronam.json dist/.built
	cp build/chronam.json dist/chronam.json
	$(BROADSHEET) index dist/chronam.json
	printf '[%s,%s]\n' '$(BUNDLED_CORPUS)' '$(CHRONAM_CORPUS)' > dist/corpora.json
	node tools/gen-sw.mjs dist
	@touch $@

demo-corpora: build
	@if [ -d $(CHRONAM) ]; then $(MAKE) --no-print-directory dist/.chronam; \
	 else echo "$(CHRONAM) is absent: the demo serves the bundled corpus only"; fi

serve: build demo-corpora
	node tools/serve.mjs dist $(PORT) 127.0.0.1 $(if $(SITE),site=$(SITE))

## Tests ------------------------------------------------------------------

test: test-native test-browser

test-native:
	cargo test

# The huge corpora that the responsiveness test and its benchmark load: the
# 36 MB generated Chinese corpus, and the 15 MB archive of 1916 when
# ../shared holds its pages.
HUGE_CORPORA := build/zh-10k.json $(if $(wildcard $(CHRONAM)),build/chronam.json)

test-browser: build browser-tools $(HUGE_CORPORA)
	node --test bench/peers/ bench/archive/
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 --test-timeout=300000 tests/browser/

## Benchmarks -------------------------------------------------------------

# The load benchmark, and the offline set of the benchmark corpora, their
# search and the main thread's longest task with them (the 1916 pages only
# when ../shared holds them).
bench: build browser-tools $(BROADSHEET) $(HUGE_CORPORA)
	CHROMIUM=$(CHROMIUM) node bench/widget.mjs
	CHROMIUM=$(CHROMIUM) node bench/search-browser.mjs 3
	CHROMIUM=$(CHROMIUM) node bench/main-thread.mjs

clean:
	rm -rf dist build test-artifacts

## Search against the field ----------------------------------------------

.PHONY: bench-peers

build/zh-10k.json: examples/zh_corpus.rs dev/src/zh_corpus.rs
	@mkdir -p build
	cargo run --release --example zh_corpus -- 10000 $@

bench-peers: build browser-tools $(BROADSHEET) build/zh-10k.json build/chronam.json
	CHROMIUM=$(CHROMIUM) node bench/peers/run.mjs

## A daily's archive -----------------------------------------------------

.PHONY: bench-archive

# Publishing generated archives of a daily (10k and 100k articles; 1M with
# `BENCH_ARCHIVE_SIZES=10000,100000,1000000 make bench-archive`, which
# takes minutes and about 8 GB under build/) and reading them in Chromium
# at the phone profile; report in bench/results/archive.md. GNU time
# measures each publish's peak memory.
bench-archive: build browser-tools $(BROADSHEET)
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	CHROMIUM=$(CHROMIUM) node bench/archive/run.mjs

## Fuzzing ----------------------------------------------------------------

.PHONY: fuzz fuzz-tools

# Seconds each fuzz target runs; `make fuzz FUZZ_SECONDS=600` for a long run.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := ingest_page ingest_alto corpus_load index_decode query_search archive_search

fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

# Every target runs for its time even when another found a crash; the
# crashing inputs land in fuzz/artifacts/<target>/, and the run fails.
fuzz: fuzz-tools
	fuzz/seed.sh
	cargo +nightly fuzz build
	@failed=""; for target in $(FUZZ_TARGETS); do \
	  echo "== $$target ($(FUZZ_SECONDS) s)"; \
	  dict=fuzz/dicts/$$target.dict; \
	  cargo +nightly fuzz run $$target fuzz/corpus/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) $$([ -f $$dict ] && echo -dict=$$dict) -print_final_stats=1 \
	    || failed="$$failed $$target"; \
	done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed (crashing inputs in fuzz/artifacts/<target>/)"; exit 1; fi

## Hardening --------------------------------------------------------------

.PHONY: hardening

# The huge-input tests that `cargo test` skips (a 100 MB corpus, an edition
# of 50,000 articles): release build, one at a time, each command's time and
# peak memory (GNU time) printed and held to the bounds in docs/security.md.
hardening:
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	cargo test --release --test it hardening_huge:: -- --ignored --nocapture --test-threads=1
