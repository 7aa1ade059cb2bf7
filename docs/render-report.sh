#!/usr/bin/env bash
# Renders the HTML report of the seed corpus with headless Chromium (Debian's `chromium` package, with
# `fonts-noto-cjk` for the Chinese and `poppler-utils` for pdftoppm) into docs/report/: a screenshot of
# the screen layout, and the first pages of the A4 print layout as PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/report
mkdir -p "$out"
swift build -q
.build/debug/jixiao rescore Fixtures/corpus.jsonl --format html --report-all -o "$out/seed-corpus.html" || [ $? -eq 0 ]
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --font-render-hinting=none)
"${chrome[@]}" --window-size=1280,2400 --screenshot="$out/screen.png" "file://$PWD/$out/seed-corpus.html" 2>/dev/null
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/print.pdf" "file://$PWD/$out/seed-corpus.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 2 "$out/print.pdf" "$out/print"
pdftoppm -png -r 60 -f 8 -l 8 "$out/print.pdf" "$out/print"
rm -f "$out/print.pdf"
ls -la "$out"
