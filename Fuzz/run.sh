#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer (swiftc -sanitize=fuzzer,address) from the library's sources
# and runs each. Usage: Fuzz/run.sh [RUNS] [cell|reader|zip|sheet|docx|text|positions …]   (default 10000000 runs, cell and reader)
# Seeds: every fixture table and cell, the archive test files and documents; crashers land in Fuzz/crashers/ and
# become regression tests.
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
  if [ "$1" = zip ]; then
    # The first byte picks: 0 a raw DEFLATE stream, 1 a ZIP archive, 2 an XML part.
    for stream in Tests/Archive/inflate/*.deflate; do
      if [ "$(stat -c %s "$stream")" -le 8192 ]; then { printf '\x00'; cat "$stream"; } > "$dir/$(basename "$stream")"; fi
    done
    for archive in Tests/Archive/zip/*.zip; do { printf '\x01'; cat "$archive"; } > "$dir/$(basename "$archive")"; done
    for archive in Tests/Archive/zip/*.zip; do
      python3 - "$archive" "$dir" <<'PY'
import pathlib, sys, zipfile
archive, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
try:
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            if info.filename.endswith(".xml") and info.file_size <= 8192:
                (out / f"{archive.stem}-{info.filename.replace('/', '-')}").write_bytes(b"\x02" + z.read(info))
except Exception:
    pass
PY
    done
  elif [ "$1" = sheet ]; then
    # The first byte picks: 0 a worksheet part (also read as a shared string table), 1 a whole .xlsx, 2 a format code NUL a number, 3 styles.
    # The printed-form fixtures that fit -max_len seed the form path (grids, located forms, builder, scores).
    for book in Fixtures/forms/*/*.xlsx Fixtures/forms/libreoffice/*.xlsx; do
      [ "$(wc -c < "$book")" -lt 16384 ] && { printf '\x01'; cat "$book"; } > "$dir/form-$(basename "$(dirname "$book")")-$(basename "$book")"
    done
    for book in Tests/Archive/xlsx/*.xlsx; do
      { printf '\x01'; cat "$book"; } > "$dir/$(basename "$book")"
      python3 - "$book" "$dir" <<'PY'
import pathlib, sys, zipfile
book, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
with zipfile.ZipFile(book) as z:
    for info in z.infolist():
        stem = f"{book.stem}-{info.filename.replace('/', '-')}"
        if info.filename.startswith("xl/worksheets/") or info.filename.endswith("sharedStrings.xml"):
            (out / stem).write_bytes(b"\x00" + z.read(info))
        elif info.filename.endswith("styles.xml"):
            (out / stem).write_bytes(b"\x03" + z.read(info))
for i, (code, value) in enumerate([("#,##0.00;[Red]-#,##0.00", "-1234.5"), ("0.0%", "0.12345"), ('yyyy"年"m"月"d"日"', "45292"),
                                   ("[h]:mm:ss", "1.75"), ("0;-0;\"零\";@", "0"), ("[$-F800]dddd", "1E+3"), ("#,##0,", "12345678")]):
    (out / f"format-{i}").write_bytes(b"\x02" + code.encode() + b"\x00" + value.encode())
PY
    done
  elif [ "$1" = docx ]; then
    # The first byte picks: 0 a main document part, 1 a whole .docx.
    for document in Tests/Document/*.docx; do
      { printf '\x01'; cat "$document"; } > "$dir/$(basename "$document")"
      python3 - "$document" "$dir" <<'PY'
import pathlib, sys, zipfile
document, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
with zipfile.ZipFile(document) as z:
    for info in z.infolist():
        if info.filename in ("word/document.xml", "word/main.xml"):
            (out / f"{document.stem}-{info.filename.replace('/', '-')}").write_bytes(b"\x00" + z.read(info))
PY
    done
  elif [ "$1" = text ]; then
    # Document text: each table of the seed documents, from its title to its total row, as its own input
    # (the documents are larger than -max_len), and the reader tests' small tables.
    python3 - "$dir" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for table in pathlib.Path("Fixtures").glob("*/table.json"):
    source = json.loads(table.read_text())["source"]
    first, last = (int(n) for n in source["lines"].split("-"))
    lines = pathlib.Path("Fixtures/documents", source["file"]).read_bytes().split(b"\n")
    chunk = b"\n".join(lines[first - 1:last])
    for start in range(0, len(chunk), 4000):
        (out / f"{table.parent.name}-{start}").write_bytes(chunk[start:start + 4000])
PY
  elif [ "$1" = positions ]; then
    # The first byte picks: 0 pdftotext -tsv output, 1 pdftotext -layout text. Seeds: the printed-form fixtures'
    # first pages and their layout text, cut to -max_len.
    for pdf in Fixtures/pdf/forms/*.pdf Fixtures/pdf/document/*.pdf; do
      if command -v pdftotext >/dev/null 2>&1; then
        { printf '\x00'; pdftotext -tsv -enc UTF-8 -f 1 -l 1 "$pdf" - 2>/dev/null | head -c 16000 || true; } > "$dir/tsv-$(basename "$pdf")"
      fi
      layout="${pdf%.pdf}.layout.txt"
      if [ -f "$layout" ]; then { printf '\x01'; head -c 16000 "$layout"; } > "$dir/layout-$(basename "$layout")"; fi
    done
  elif [ "$1" = cell ]; then
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
    zip) entry=Fuzz/FuzzZip.swift ;;
    sheet) entry=Fuzz/FuzzSheet.swift ;;
    docx) entry=Fuzz/FuzzDocument.swift ;;
    text) entry=Fuzz/FuzzText.swift ;;
    positions) entry=Fuzz/FuzzPositions.swift ;;
    *) echo "unknown target $target (cell, reader, zip, sheet, docx, text, positions)"; exit 2 ;;
  esac
  echo "== building $target"
  # shellcheck disable=SC2086
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name JixiaoFuzz -swift-version 6 \
    $sources "$entry" -o "$build/fuzz-$target"
  seed_corpus "$target"
  # Archives need room for a directory and some deflated data.
  case $target in zip | sheet | docx | positions) max_len=16384 ;; *) max_len=4096 ;; esac
  # A dictionary of the format's markup, where there is one.
  dict=()
  if [ -f "Fuzz/$target.dict" ]; then dict=(-dict="Fuzz/$target.dict"); fi
  echo "== fuzzing $target for $runs runs"
  JIXIAO_PROFILE=Scoring/national-default.json "$build/fuzz-$target" "$build/corpus-$target" "${dict[@]}" \
    -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -artifact_prefix=Fuzz/crashers/ -print_final_stats=1 \
    2>&1 | tee "$build/fuzz-$target.log" | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY" || true
done
