# Gongkai's front door. `make run` and `make test` work on a fresh Debian 12 machine.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 600
SHARED ?= $(abspath ../shared)

.PHONY: all deps build build-asan build-fuzz run test test-release test-asan bench fuzz fuzz-smoke score clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build build -j $(JOBS)

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build build-asan -j $(JOBS)

build-fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build-fuzz -j $(JOBS)

# The main job: check the seed reports and the shared corpus.
run: build
	@echo "== gongkai check: seed reports =="
	-@build/gongkai check $(SHARED)/seeds
	@echo
	@echo "== gongkai check --summary csv: seeds and corpus =="
	-@build/gongkai check --summary csv $(SHARED)/seeds $(SHARED)/corpus

test-release: build
	@cd build && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

# Every test, in release and under ASan+UBSan, plus a short fuzz run of each importer.
test: test-release test-asan
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$${GONGKAI_TEST_FUZZ_SECONDS:-30}

score: build
	$(SHARED)/tools/score-extraction --cmd "build/gongkai extract --json" $(SHARED)/seeds $(SHARED)/corpus/*.txt $(SHARED)/corpus/*.md

bench: build
	@for b in build/bench/*_bench; do echo "== $$(basename $$b) =="; $$b $(SHARED) || exit 1; echo; done

fuzz: build-fuzz
	@scripts/run-fuzzers build-fuzz $(FUZZ_SECONDS) $(SHARED)

clean:
	rm -rf build build-asan build-fuzz build-dev
