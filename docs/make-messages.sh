#!/usr/bin/env bash
# Regenerates docs/messages.md: what jixiao prints for ten representative bad inputs of Tests/Malformed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
jixiao=$PWD/.build/debug/jixiao
{
echo "# What jixiao says about bad input"
echo
echo "Ten representative inputs from the malformed corpus (\`Tests/Malformed/\`, each case tested against"
echo "\`MANIFEST.jsonl\`) and what \`jixiao rescore\` prints on standard error for them. Every message names"
echo "the file, the line (and the field, where there is one) and says what was expected, so the fix is in"
echo "the message. The exit status is 3 when some input could not be read; the rest of the batch is still"
echo "scored. Text from the input that a message quotes (a file name, a cell) is printed with its control"
echo "and bidi characters shown as escapes such as \`\\u{1B}\`, so a message cannot drive the terminal or"
echo "reorder a line. Regenerate with \`docs/make-messages.sh\`."
echo
for c in truncated-last-line.jsonl garbage-lines.jsonl indicator-without-name.json weight-text.json 1e400.json \
  duplicate-keys.json invalid-utf8.jsonl long-cell.json csv-ragged.csv csv-unknown-headers.csv; do
  note=$(python3 -c "import json,sys; [print(json.loads(l)['note']) for l in open('Tests/Malformed/MANIFEST.jsonl') if json.loads(l)['file']=='$c']")
  echo "## \`$c\`: $note"
  echo
  echo '```'
  echo "\$ jixiao rescore $c --format jsonl > /dev/null"
  (cd Tests/Malformed && "$jixiao" rescore "$c" --format jsonl 2>&1 >/dev/null; echo "exit status $?") || true
  echo '```'
  echo
done
echo "## Usage errors"
echo
echo '```'
for args in "rescore year.jsonl --fromat csv" "rescore year.jsonl --jobs many" "explain score.overclaimed" "rescroe year.jsonl"; do
  echo "\$ jixiao $args"
  # shellcheck disable=SC2086
  ("$jixiao" $args 2>&1; echo "exit status $?") || true
done
echo '```'
} > docs/messages.md
