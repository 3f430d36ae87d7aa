#!/usr/bin/env bash
# The benchmark suite: builds release, generates the corpora once (on tmpfs), and measures
# Dossier, Hugo and the libcmark floor side by side in one run, writing BENCHMARKS.md.
#
#     Benchmarks/run.sh              # 1k and 10k corpora, 3 runs each
#     RUNS=5 SIZES="10000" Benchmarks/run.sh
#     WITH_100K=1 Benchmarks/run.sh  # adds the 100k full build (OUT_100K: its output folder,
#                                    # on disk if tmpfs cannot hold the ~12 GB it writes)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-3}
sizes=${SIZES:-"1000 10000"}
scratch=${SCRATCH:-/dev/shm/dossier-bench}
mkdir -p "$scratch"
# An empty templates folder: the built-in theme only (a named --templates folder must exist).
builtin="$scratch/builtin-templates"
mkdir -p "$builtin"

command -v hugo >/dev/null || { echo "install Hugo: apt-get install hugo" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install time" >&2; exit 1; }

echo "== building (release)"
swift build -c release --product dossier >/dev/null
# SwiftPM keeps the benchmark package's plan of the product's targets until its own manifest
# changes: a source file added to the product since would be missing from the build.
touch Benchmarks/Package.swift
swift build -c release --package-path Benchmarks >/dev/null
gcc -O2 -o "$scratch/cmark_floor" Benchmarks/floor/cmark_floor.c -lcmark
bin=$root/Benchmarks/.build/release

# The corpora must be the same for everyone who runs the suite: the generator, run twice with the
# same arguments, must write byte-identical files.
rm -rf "$scratch/determinism"
for copy in a b; do "$bin/CorpusGen" 300 60 15 "$scratch/determinism/$copy" >/dev/null; done
diff -r -q "$scratch/determinism/a" "$scratch/determinism/b" >&2 || { echo "CorpusGen wrote different corpora for the same arguments" >&2; exit 1; }
rm -rf "$scratch/determinism"

# A corpus is made again when the generator changed since it was made (its source's hash in `.done`).
generator=$(sha1sum Benchmarks/Sources/CorpusGen/main.swift | cut -c1-16)
corpus() { # articles -> folder
    local n=$1 persons=$(( $1 / 5 )) places=$(( $1 / 20 ))
    [ "$n" -ge 10000 ] && persons=2000 places=500
    local dir="$scratch/corpus-$n"
    [ "$(cat "$dir/.done" 2>/dev/null)" = "$generator" ] || { rm -rf "$dir"; "$bin/CorpusGen" "$n" "$persons" "$places" "$dir" >/dev/null; echo "$generator" > "$dir/.done"; }
    echo "$dir"
}

# Runs a command $runs times, each after the shell command `prepare`, which is not timed (it
# empties the output folder: deleting a 10k site's 53,000 files takes about a second here);
# prints "median min max peak_kb" (seconds, KB).
measure() {
    local prepare=$1 times=() peaks=()
    shift
    for _ in $(seq "$runs"); do
        bash -c "$prepare"
        "$@" >/dev/null 2>"$scratch/time.txt" || { cat "$scratch/time.txt" >&2; return 1; }
        read -r t m < <(tail -1 "$scratch/time.txt")
        times+=("$t"); peaks+=("$m")
    done
    python3 - "${times[*]}" "${peaks[*]}" <<'PY'
import sys, statistics
t = sorted(map(float, sys.argv[1].split())); m = max(map(int, sys.argv[2].split()))
print(f"{statistics.median(t):.2f} {t[0]:.2f} {t[-1]:.2f} {m}")
PY
}

results="$scratch/results.md"
: > "$results"
for n in $sizes; do
    dir=$(corpus "$n")
    echo "== $n articles"
    out="$scratch/out-$n"
    d=$(measure "rm -rf '$out' '$out-'*" /usr/bin/time -f "%e %M" "$root/.build/release/dossier" build --content "$dir/dossier/content" --templates "$builtin" --output "$out" --no-search)
    h=$(measure "rm -rf '$scratch/hugo-$n'" /usr/bin/time -f "%e %M" bash -c "cd '$dir/hugo' && hugo --quiet -d '$scratch/hugo-$n'")
    f=$(measure "rm -rf '$scratch/floor-$n'; mkdir -p '$scratch/floor-$n'" /usr/bin/time -f "%e %M" "$scratch/cmark_floor" "$dir/dossier/content/articles" "$scratch/floor-$n")
    dp=$(find "$out" -name '*.html' | wc -l); hp=$(find "$scratch/hugo-$n" -name '*.html' | wc -l)
    read -r dm dmin dmax dk <<<"$d"; read -r hm hmin hmax hk <<<"$h"; read -r fm fmin fmax fk <<<"$f"
    python3 - "$n" "$dm" "$dmin" "$dmax" "$dk" "$hm" "$hmin" "$hmax" "$hk" "$fm" "$fmin" "$fmax" "$fk" "$dp" "$hp" >>"$results" <<'PY'
import sys
n, dm, dmin, dmax, dk, hm, hmin, hmax, hk, fm, fmin, fmax, fk, dp, hp = sys.argv[1:]
dm, hm, fm = float(dm), float(hm), float(fm)
print(f"| {int(n):,} articles | Dossier | {dm:.2f} s ({dmin}–{dmax}) | {int(dk)/1024:.0f} MiB | {dp} |")
print(f"| | Hugo 0.111 | {hm:.2f} s ({hmin}–{hmax}) | {int(hk)/1024:.0f} MiB | {hp} |")
print(f"| | libcmark floor | {fm:.2f} s ({fmin}–{fmax}) | {int(fk)/1024:.0f} MiB | {n} |")
print(f"| | **ratios** | Hugo/Dossier **{hm/dm:.2f}x**, Dossier/floor **{dm/fm:.1f}x** | Dossier/Hugo memory **{int(dk)/int(hk):.2f}** | |")
PY
done

largest=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -1)
incremental=$("$bin/IncrementalBench" "$scratch/corpus-$largest/dossier/content" "$scratch/incremental-$largest" 5)
template=$("$bin/TemplateBench" 10000 | tail -3)
annotate=$("$bin/AnnotateBench" 10000 8192 | tail -2)
hundred=""
floor100=""
if [ "${WITH_100K:-0}" = 1 ]; then
    dir=$(corpus 100000)
    out100=${OUT_100K:-$scratch/out-100k}
    hundred=$(runs=${RUNS_100K:-1} measure "rm -rf '$out100'" /usr/bin/time -f "%e %M" "$root/.build/release/dossier" build --content "$dir/dossier/content" --templates "$builtin" --output "$out100" --no-search)
    rm -rf "$out100"
    # The floor on the same corpus and disk: what libcmark alone needs for 100k articles here.
    floor100=$(runs=${RUNS_100K:-1} measure "rm -rf '$out100-floor'; mkdir -p '$out100-floor'" /usr/bin/time -f "%e %M" "$scratch/cmark_floor" "$dir/dossier/content/articles" "$out100-floor")
    rm -rf "$out100-floor"
fi

{
    echo "# Benchmarks"
    echo
    echo "Written by \`Benchmarks/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(swift --version 2>&1 | head -1)."
    echo "Median of $runs runs (min–max), each into an empty folder (emptying it is not timed), on tmpfs for all three;"
    echo "peak resident memory by GNU time."
    echo "Corpora from \`CorpusGen\` (deterministic): 600–1,000 words an article, Zipf-distributed mentions;"
    echo "10k: 2,000 persons, 500 places. Hugo builds the same articles with persons and places as taxonomies."
    echo
    echo "| corpus | generator | full build | peak memory | HTML pages |"
    echo "| --- | --- | --- | --- | --- |"
    cat "$results"
    if [ -n "$hundred" ]; then
        echo "| 100,000 articles | Dossier${OUT_100K:+ (output on disk)} | $(echo "$hundred" | awk '{print $1" s ("$2"–"$3")"}') | $(echo "$hundred" | awk '{printf "%.0f MiB", $4/1024}') | |"
        echo "| | libcmark floor${OUT_100K:+ (output on disk)} | $(echo "$floor100" | awk '{print $1" s ("$2"–"$3")"}') | $(echo "$floor100" | awk '{printf "%.0f MiB", $4/1024}') | 100000 |"
    fi
    echo
    echo "## Incremental ($largest articles, through the session \`dossier serve\` runs on each change)"
    echo
    echo '```'
    echo "$incremental"
    echo '```'
    echo
    echo "## Template rendering and annotation"
    echo
    echo '```'
    echo "$template"
    echo "$annotate"
    echo '```'
} > BENCHMARKS.md.new
if [ -f BENCHMARKS.md ] && grep -q "^## Profile" BENCHMARKS.md; then
    echo >> BENCHMARKS.md.new
    sed -n '/^## Profile/,$p' BENCHMARKS.md >> BENCHMARKS.md.new
fi
mv BENCHMARKS.md.new BENCHMARKS.md
echo "== wrote BENCHMARKS.md"
