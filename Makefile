# quire: `make serve` to write, `make test` to check everything. Every target installs what it
# needs first (pinned, idempotent), so a fresh clone needs nothing else.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

ROOT := $(CURDIR)
export PATH := $(ROOT)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# trunk must never download tools: wasm-bindgen comes from cargo, wasm-opt from npm (binaryen).
export TRUNK_OFFLINE := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 600
export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(ROOT)/tests/webdriver.json

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate exactly (pinned in Cargo.toml, locked in Cargo.lock).
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PUBLIC_URL ?= /
E2E := target/e2e

.PHONY: new bench bench-dist bench-smoke setup-bench help serve dist check test test-native test-wasm test-e2e lint fmt e2e-dist \
        setup setup-rust setup-node setup-browser

help:
	@echo "make serve                 write posts: http://127.0.0.1:8080, reloads on save"
	@echo "make test                  every test: native, WASM in Chromium, end to end in Chromium"
	@echo "make dist [PUBLIC_URL=/blog/]  release build into dist/"
	@echo "make check                 validate posts (fails on errors; STRICT=1 fails on warnings)"
	@echo "make new TITLE=\"…\"        start a post: public/posts/<slug>.md, dated today"
	@echo "make bench [RUNS=5]        every benchmark, in Chromium; results into BENCHMARKS.md"

# --- set-up ---------------------------------------------------------------------------------

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] || \
		cargo install trunk --version $(TRUNK_VERSION) --locked
	@# Not --locked: wasm-bindgen-cli's own lock names a crate version crates.io does not have.
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# --- writing and building -------------------------------------------------------------------

# trunk serves and rebuilds the app; `quire-build watch` rebuilds the content when a post, a
# page or quire.toml is saved (without trunk's Rust pipelines) and open pages reload.
PORT ?= 8080
DIST ?= dist
serve: setup
	cargo build --quiet --profile tool -p quire-build
	trap 'kill 0' EXIT; target/tool/quire-build watch --out $(DIST) & \
		trunk serve --address 127.0.0.1 --port $(PORT) --dist $(DIST)

dist: setup
	trunk build --release --public-url $(PUBLIC_URL)

check:
	cargo run --quiet --profile tool -p quire-build -- check $(if $(STRICT),--strict)

# Starts a post: public/posts/<slug>.md with today's date and the front matter filled in.
new:
	cargo run --quiet --profile tool -p quire-build -- new "$(TITLE)"

# --- tests ----------------------------------------------------------------------------------

test: setup setup-browser
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p quire -p quire-core -p quire-search -p quire-render --all-targets --features quire/csr --target wasm32-unknown-unknown -- -D warnings
	@# The preview worker renders the app's components to HTML (ssr), so apart from the app (csr).
	cargo clippy -p quire-preview --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test --target wasm32-unknown-unknown -p quire --features csr --test app_wasm

# --- benchmarks (not part of the pass/fail tests; figures go to BENCHMARKS.md) --------------

bench-dist:
	trunk build --release --dist target/bench/quire --public-url /
	QUIRE_PRERENDER=0 trunk build --release --dist target/bench/csr --public-url /
	QUIRE_CONTENT=tests/fixtures/blogs trunk build --release --dist target/bench/blogs --public-url /

# twiggy names the WASM's largest contributors (bench/bundle.mjs); Lighthouse (npm, pinned in
# bench/lighthouse/, apart so `make test` does not install it) scores pages (bench/lighthouse.mjs).
setup-bench: bench/lighthouse/node_modules/.installed
	@[ "$$(twiggy --version 2>/dev/null)" = "twiggy 0.8.0" ] || cargo install twiggy --version 0.8.0 --locked

bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

BENCH = BENCH_COMMAND="make bench RUNS=$(or $(RUNS),5)" node bench/
bench: setup setup-browser setup-bench bench-dist
	$(BENCH)first-load.mjs --runs $(or $(RUNS),5)
	$(BENCH)first-visit.mjs
	$(BENCH)lighthouse.mjs --runs $(or $(RUNS),3)
	$(BENCH)navigation.mjs --runs $(or $(RUNS),5)
	$(BENCH)throughput.mjs --runs $(or $(RUNS),9)
	$(BENCH)author-loop.mjs --runs $(or $(RUNS),5) --fresh
	$(BENCH)scale.mjs --runs 3
	$(BENCH)search.mjs --runs 3
	$(BENCH)search-crates.mjs
	$(BENCH)bundle.mjs
	$(BENCH)preview.mjs
	$(BENCH)templates.mjs --runs $(or $(RUNS),9)

# One quick pass of every bench script against the test build (one run, small inputs, no
# budgets, BENCHMARKS.md untouched), so the scripts never rot.
bench-smoke:
	node bench/first-load.mjs --quick --quire $(E2E)/dist-root --csr none --photos $(E2E)/dist-blogs
	node bench/first-visit.mjs --quick --quire $(E2E)/dist-root
	node bench/navigation.mjs --quick --quire $(E2E)/dist-root
	node bench/throughput.mjs --quick --quire $(E2E)/dist-root
	node bench/bundle.mjs --quick --dist $(E2E)/dist-root
	node bench/preview.mjs --quick --quire $(E2E)/dist-root
	node bench/scale.mjs --quick
	node bench/search.mjs --quick
	node bench/search-crates.mjs --quick
	node bench/templates.mjs --quick
	@# Live reload under `trunk serve`: one edit reaches the open page, the WASM is not rebuilt.
	node bench/author-loop.mjs --quick

# Release builds at the root and under /blog/, served by a plain static server (not trunk).
e2e-dist:
	trunk build --release --dist $(E2E)/dist-root --public-url /
	trunk build --release --dist $(E2E)/dist-blog --public-url /blog/
	QUIRE_CONTENT=tests/fixtures/site trunk build --release --dist $(E2E)/dist-fixtures --public-url /
	QUIRE_CONTENT=tests/fixtures/blogs trunk build --release --dist $(E2E)/dist-blogs --public-url /
	QUIRE_CONTENT=tests/fixtures/languages trunk build --release --dist $(E2E)/dist-languages --public-url /blog/

test-e2e: e2e-dist
	node tests/budgets.mjs --dist $(E2E)/dist-root
	node tests/budgets.mjs --dist $(E2E)/dist-blog --base /blog/
	node tests/budgets-fail.mjs --dist $(E2E)/dist-root
	playwright test
	tests/content-edit-keeps-wasm.sh
	$(MAKE) bench-smoke
