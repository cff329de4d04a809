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

# The main job, on the embedded default (SQLite): check the seed reports and the shared corpus,
# then fill a demo ledger and generate its annual reports (JSON, Markdown, HTML, DOCX) in out/demo/.
DEMO_DIR ?= out/demo
DEMO_YEAR ?= 2025
run: build
	@echo "== gongkai check: seed reports =="
	-@build/gongkai check $(SHARED)/seeds
	@echo
	@echo "== gongkai check --summary csv: seeds and corpus =="
	-@build/gongkai check --summary csv $(SHARED)/seeds $(SHARED)/corpus
	@echo
	@echo "== gongkai demo: a year of requests for the seeds' agencies =="
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@build/gongkai demo --db $(DEMO_DIR)/demo.db --year $(DEMO_YEAR)
	@for id in $$(build/gongkai agency list --db $(DEMO_DIR)/demo.db | cut -f1); do \
	  build/gongkai report generate --db $(DEMO_DIR)/demo.db --agency $$id --year $(DEMO_YEAR) --format json \
	    >$(DEMO_DIR)/agency-$$id.json || exit 1; \
	done
	@build/gongkai report generate --db $(DEMO_DIR)/demo.db --agency 1 --year $(DEMO_YEAR) --rollup --format json \
	  >$(DEMO_DIR)/rollup.json
	@for f in md html docx; do build/gongkai render --format $$f $(DEMO_DIR)/rollup.json -o $(DEMO_DIR)/rollup.$$f || exit 1; done
	@echo
	@echo "== gongkai check: the generated reports =="
	@build/gongkai check $(DEMO_DIR)/rollup.json $(DEMO_DIR)/agency-*.json | tail -n 1
	@echo "演示台账与年度报告 (demo ledger and reports): $(DEMO_DIR)/"

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
	rm -rf build build-asan build-fuzz build-dev out
