# `make bench` runs the benchmark suite and writes BENCHMARKS.md (needs hugo and GNU time).
.PHONY: bench test build
build:
	swift run dossier build
test:
	swift test
bench:
	Benchmarks/run.sh
