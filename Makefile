# Thin wrapper over CMake. A new user needs two commands:
#   make run    installs what is missing, builds, runs a demo inside vbash
#   make test   the same set-up, then every test (release and ASan+UBSan)
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build asan run test test-release test-asan bench bench-quick fuzz fuzz-smoke fuzz-smoke-ci clean

all: build

deps:
	@sh scripts/deps $(BUILD)

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

$(ASAN_BUILD)/CMakeCache.txt:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DVB_SANITIZE=ON $(CMAKE_FLAGS)

asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)

run: build
	@$(BUILD)/vbash scripts/demo.sh

test-release: build
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure

test-asan: asan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest -j $(JOBS) --output-on-failure -LE nosan -E '^(bench|fuzz)/'

# The fuzz smoke run goes first so that ctest's summary closes the output.
test: fuzz-smoke-ci test-release test-asan
	@echo "make test: fuzz smoke, release and ASan+UBSan suites all green"

fuzz-smoke-ci: deps
	@FUZZ_SMOKE_RUNS=300 FUZZ_SMOKE_SECONDS=10 sh fuzz/run.sh --smoke

bench: build
	@sh bench/run.sh

bench-quick: build
	@sh bench/run.sh --quick

fuzz:
	@sh fuzz/run.sh $(T) $(S)

fuzz-smoke:
	@sh fuzz/run.sh --smoke

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
