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

# The main job, on the embedded default (SQLite), on data the program makes itself (never ../shared):
# fill a demo ledger (three years of requests, documents, cases) and its annual reports in
# out/demo/, then serve the public site on 127.0.0.1:8080 until Ctrl-C.
DEMO_DIR ?= out/demo
DEMO_YEAR ?= 2025
DEMO_YEARS ?= 3
LISTEN ?= 127.0.0.1:8080
run: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@echo "== gongkai demo: $(DEMO_YEARS) 年演示台账 (demo ledger, $(DEMO_YEARS) years) =="
	@build/gongkai demo --db $(DEMO_DIR)/demo.db --year $(DEMO_YEAR) --years $(DEMO_YEARS) >$(DEMO_DIR)/demo.log \
	  || { cat $(DEMO_DIR)/demo.log; exit 1; }
	@head -n 1 $(DEMO_DIR)/demo.log
	@echo "年度报告检查通过的机关 (agencies whose report passes): $$(grep -c '通过 (ok)' $(DEMO_DIR)/demo.log)/$$(tail -n +2 $(DEMO_DIR)/demo.log | wc -l)"
	@for id in $$(build/gongkai agency list --db $(DEMO_DIR)/demo.db | cut -f1); do \
	  build/gongkai report generate --db $(DEMO_DIR)/demo.db --agency $$id --year $(DEMO_YEAR) --format json \
	    >$(DEMO_DIR)/agency-$$id.json || exit 1; \
	done
	@build/gongkai report generate --db $(DEMO_DIR)/demo.db --agency 1 --year $(DEMO_YEAR) --rollup --format json \
	  >$(DEMO_DIR)/rollup.json
	@for f in md html docx; do build/gongkai render --format $$f $(DEMO_DIR)/rollup.json -o $(DEMO_DIR)/rollup.$$f || exit 1; done
	@echo "演示台账与年度报告 (demo ledger and reports): $(DEMO_DIR)/"
	@echo
	@echo "== gongkai serve: http://$(LISTEN)/ （Ctrl-C 停止 / to stop）=="
	@echo "  机关目录 (directory)        http://$(LISTEN)/"
	@echo "  专栏 (a column)             http://$(LISTEN)/agencies/3"
	@echo "  年度报告 (a report)         http://$(LISTEN)/agencies/3/reports/$(DEMO_YEAR)"
	@echo "  在线申请 (apply online)     http://$(LISTEN)/agencies/3/apply"
	@echo "  查询进度 (status by code)   http://$(LISTEN)/status"
	@echo "  检索 (search)               http://$(LISTEN)/search?q=草原"
	@echo "  接口 (API, OpenAPI 3)       http://$(LISTEN)/api/openapi.json"
	@echo "  工作人员登录 (staff login)  http://$(LISTEN)/staff/login"
	@echo "    演示账号 (demo logins): clerk-3 / approver-3 / admin-3（每个机关 <编号> 各一组, per agency）,"
	@echo "    supervisor-1（自治区监督人员）; 密码 (password): Gongkai-demo-2026 （仅限演示 / demo only）"
	@echo "  待办申请 (clerk work list)  http://$(LISTEN)/staff/cases      （clerk-3 登录后 / after login）"
	@echo "  报告督查 (supervisor tree)  http://$(LISTEN)/supervise        （supervisor-1 登录后 / after login）"
	@echo "  访问日志 (access log)       $(DEMO_DIR)/access.log"
	@build/gongkai serve --db $(DEMO_DIR)/demo.db --listen $(LISTEN) 2>>$(DEMO_DIR)/access.log >/dev/null \
	  || { tail -n 3 $(DEMO_DIR)/access.log; exit 1; }

test-release: build
	@cd build && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

# Every test, in release and under ASan+UBSan, plus a short fuzz run of each importer.
test: test-release test-asan
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$${GONGKAI_TEST_FUZZ_SECONDS:-30}

score: build
	$(SHARED)/tools/score-extraction --cmd "build/gongkai extract --json" $(SHARED)/seeds $(SHARED)/corpus/*.txt $(SHARED)/corpus/*.md $(SHARED)/corpus/*.html

bench: build
	@for b in build/bench/*_bench; do echo "== $$(basename $$b) =="; $$b $(SHARED) || exit 1; echo; done
	@echo "== web_bench (gongkai serve against nginx, same bytes) =="
	@bench/web_bench.sh build/gongkai
	@echo "== supervise_web_bench (the supervisor's tree of 4,589 agencies) =="
	@bench/supervise_web_bench.sh build/gongkai build/bench/supervise_bench $(SHARED)
	@echo "== cluster_web_bench (wrk through nginx: two gongkai serve on one PostgreSQL vs one) =="
	@bench/cluster_web_bench.sh build/gongkai

fuzz: build-fuzz
	@scripts/run-fuzzers build-fuzz $(FUZZ_SECONDS) $(SHARED)

clean:
	rm -rf build build-asan build-fuzz build-dev out
