#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer (swiftc -sanitize=fuzzer,address) from the library's sources
# and runs each. Usage: Fuzz/run.sh [RUNS] [cell|reader …]   (default 10000000 runs, both targets)
# Seeds: every fixture table and cell; crashers land in Fuzz/crashers/ and become regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
shift || true
targets=${*:-cell reader}
build=.build-fuzz
mkdir -p "$build" Fuzz/crashers
# Build from a snapshot of the sources, so that editing them during a long run breaks nothing.
rm -rf "$build/src" && cp -r Sources/Jixiao "$build/src"
sources=$(find "$build/src" -name '*.swift' | sort)

seed_corpus() {
  local dir="$build/corpus-$1"
  mkdir -p "$dir"
  if [ "$1" = cell ]; then
    python3 - "$dir" <<'PY'
import json, pathlib, sys, hashlib
out = pathlib.Path(sys.argv[1])
for table in pathlib.Path("Fixtures").glob("*/table.json"):
    for ind in json.loads(table.read_text())["indicators"]:
        for key in ("target", "actual", "lastYear"):
            if ind.get(key):
                text = ind[key].encode()
                (out / hashlib.sha1(text).hexdigest()).write_bytes(text)
PY
  else
    local i=0
    for table in Fixtures/*/table.json; do
      i=$((i + 1))
      { printf '\x00'; cat "$table"; } > "$dir/json-$i"
      { printf '\x01'; python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$table"; } > "$dir/jsonl-$i"
    done
    for csv in Tests/Malformed/*.csv; do { printf '\x02'; cat "$csv"; } > "$dir/$(basename "$csv")"; done
  fi
}

for target in $targets; do
  case $target in
    cell) entry=Fuzz/FuzzCell.swift ;;
    reader) entry=Fuzz/FuzzReader.swift ;;
    *) echo "unknown target $target (cell, reader)"; exit 2 ;;
  esac
  echo "== building $target"
  # shellcheck disable=SC2086
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name JixiaoFuzz -swift-version 6 \
    $sources "$entry" -o "$build/fuzz-$target"
  seed_corpus "$target"
  echo "== fuzzing $target for $runs runs"
  JIXIAO_PROFILE=Scoring/national-default.json "$build/fuzz-$target" "$build/corpus-$target" \
    -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=Fuzz/crashers/ -print_final_stats=1 \
    2>&1 | tee "$build/fuzz-$target.log" | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY" || true
done
