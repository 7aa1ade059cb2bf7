#!/usr/bin/env bash
# Regenerates docs/messages.md: what jixiao prints for representative bad inputs of Tests/Malformed,
# for usage errors, and for output that cannot be written.
set -euo pipefail
cd "$(dirname "$0")/.."
# English unless --lang zh says otherwise, whatever the locale of the shell that runs this.
unset LC_ALL LC_MESSAGES LANG
swift build -q
jixiao=$PWD/.build/debug/jixiao
{
echo "# What jixiao says about bad input"
echo
echo "Representative inputs from the malformed corpus (\`Tests/Malformed/\`, each case tested against"
echo "\`MANIFEST.jsonl\`) and what \`jixiao rescore\` prints on standard error for them. Every message names"
echo "the file, the line (and the field, where there is one) and says what was expected, so the fix is in"
echo "the message. The exit status is 3 when some input could not be read; the rest of the batch is still"
echo "scored. Text from the input that a message quotes (a file name, a cell) is printed with its control"
echo "and bidi characters shown as escapes such as \`\\u{1B}\`, so a message cannot drive the terminal or"
echo "reorder a line. Every message exists in English and in Chinese: \`--lang zh\` (or a locale whose LC_ALL,"
echo "LC_MESSAGES or LANG starts with \`zh\`) prints the Chinese one, with the same location prefix; each case below"
echo "shows both. Regenerate with \`docs/make-messages.sh\`."
echo
for c in truncated-last-line.jsonl garbage-lines.jsonl missing-indicators.json no-indicator.json funds-array.json \
  duplicate-keys.json invalid-utf8.jsonl csv-ragged.csv csv-unknown-headers.csv \
  csv-unclosed-quote-row-start.csv csv-duplicate-columns.csv csv-latin1.csv; do
  note=$(python3 -c "import json,sys; [print(json.loads(l)['note']) for l in open('Tests/Malformed/MANIFEST.jsonl') if json.loads(l)['file']=='$c']")
  echo "## \`$c\`: $note"
  echo
  echo '```'
  echo "\$ jixiao rescore $c --format jsonl > /dev/null"
  (cd Tests/Malformed && "$jixiao" rescore "$c" --format jsonl 2>&1 >/dev/null; echo "exit status $?") || true
  echo "\$ jixiao rescore $c --format jsonl --lang zh > /dev/null"
  (cd Tests/Malformed && "$jixiao" rescore "$c" --format jsonl --lang zh 2>&1 >/dev/null; echo "exit status $?") || true
  echo '```'
  echo
done
echo "## A number cell that cannot be read: a finding on its row, not a rejection"
echo
echo "A weight, score, total or amount not written in a form of \`docs/input.md\` (\`10,0\`, \`1 0\`, \`10％\` on a"
echo "weight, \`1,0000\`, a JSON value of another type) or out of range (\`1e30\`) costs its cell, not the table: the"
echo "table is scored and the finding names the cell and its text (\`docs/rules.md\`, \"Numbers\"). Nothing is"
echo "printed on standard error and the exit status is 0."
echo
echo '```'
echo "\$ jixiao rescore score-comma.json weight-1e30.json budget-grouping.json"
(cd Tests/Malformed && "$jixiao" rescore score-comma.json weight-1e30.json budget-grouping.json 2>&1; echo "exit status $?") || true
echo '```'
echo
echo "## A row with a defect: a finding on its row, not a rejection"
echo
echo "A missing name, a text field of another type, a kind, year or grade that is none, a 5,000-character cell, a"
echo "weight \`10（分）\`, a blank 三级指标 in a CSV, a column jixiao does not read: each costs its row (or the table's"
echo "cell), the table is scored and the finding says what was not read (\`docs/rules.md\`, \"Reading tables\"). Findings"
echo "only, shown here as the findings section of the text report."
echo
echo '```'
echo "\$ jixiao rescore indicator-without-name.json name-object.json grade-bad.json long-cell.json csv-weight-with-unit.csv csv-ignored-column.csv weights-110.json"
(cd Tests/Malformed && "$jixiao" rescore indicator-without-name.json name-object.json grade-bad.json long-cell.json csv-weight-with-unit.csv \
  csv-ignored-column.csv weights-110.json 2>&1 | grep -E "^━━|^   自评|^     [a-z]|^       " ; echo "exit status ${PIPESTATUS[0]}") || true
echo '```'
echo
echo "## A printed form: what no field holds is reported or kept, never dropped"
echo
echo "A form's row in none of its parts (a note across the indicator block, a cell below the total row), a funds"
echo "column jixiao does not read and a funds block of which no column is read are findings on the table"
echo "(\`docs/rules.md\`, \"Reading printed forms\"); a phone number, the goals, a remark or who filled the form in"
echo "change no score and are no finding (\`jixiao extract\` lists them under \`source.ignored\`)."
echo
echo '```'
echo "\$ jixiao rescore form-unplaced-row.csv form-funds-unread.csv form-sign-off.csv"
(cd Tests/Malformed && "$jixiao" rescore form-unplaced-row.csv form-funds-unread.csv form-sign-off.csv 2>&1 \
  | grep -E "^━━|^   自评|^     [a-z]|^       " ; echo "exit status ${PIPESTATUS[0]}") || true
echo '```'
echo
echo "## A document's text: a table told in prose the grammar cannot read"
echo
echo "A 决算 may describe its table in sentences instead of printing it (seed 001). \`jixiao rescore\` and"
echo "\`jixiao extract\` read such prose by its grammar (docs/rules.md, \"A table told in prose\"); prose it cannot"
echo "read — here, targets with no indicator's name before them — is reported as a table in prose, naming its"
echo "lines and why, instead of being skipped or read in part; tables the same document prints are read as usual."
echo
prosework=$(mktemp -d)
cat > "$prosework/决算.txt" <<'TXT'
1.该指标预期指标值等于100%，本次评价实际完成值为
100%，该指标权重分值为 8分，自评
得分 8分。
2.该指标预期指标值小于等于 214.76 万元，本次评价实际完成值为 200 万元。该指标权重分值为 12 分，自评得分 12
分。
TXT
echo '```'
echo "\$ jixiao rescore 决算.txt --format jsonl > /dev/null"
(cd "$prosework" && "$jixiao" rescore 决算.txt --format jsonl 2>&1 >/dev/null; echo "exit status $?") || true
echo '```'
rm -rf "$prosework"
echo
echo "## A PDF: without pdftotext, scanned, damaged"
echo
echo "A PDF is read through poppler's pdftotext (\`docs/input.md\`, \"PDF and layout text\"). Without it on PATH, or"
echo "for a PDF whose pages hold no text, or one pdftotext cannot open, the file is one rejection saying what to do;"
echo "the rest of the batch is read."
echo
pdfwork=$(mktemp -d)
python3 - "$pdfwork/scan.pdf" <<'PY'
import sys
objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
pdf, offsets = "%PDF-1.4\n", []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += f"{number} 0 obj\n{body}\nendobj\n"
start = len(pdf)
pdf += "xref\n0 4\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
pdf += f"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n"
open(sys.argv[1], "w").write(pdf)
PY
printf '%%PDF-1.4\nnot a PDF\n' > "$pdfwork/broken.pdf"
cp Fixtures/pdf/forms/L10-percent-weights.pdf "$pdfwork/决算.pdf"
echo '```'
(
  cd "$pdfwork"
  for lang in en zh; do
    echo "\$ PATH=/nonexistent jixiao rescore 决算.pdf --format jsonl --lang $lang > /dev/null"
    (PATH=/nonexistent "$jixiao" rescore 决算.pdf --format jsonl --lang $lang 2>&1 >/dev/null; echo "exit status $?") || true
    if command -v pdftotext >/dev/null 2>&1; then
      echo "\$ jixiao rescore scan.pdf broken.pdf --format jsonl --lang $lang > /dev/null"
      ("$jixiao" rescore scan.pdf broken.pdf --format jsonl --lang $lang 2>&1 >/dev/null; echo "exit status $?") || true
    fi
  done
)
echo '```'
rm -r -- "$pdfwork"
echo
echo "## Usage errors"
echo
echo '```'
for lang in en zh; do
  for args in "rescore year.jsonl --fromat csv" "rescore year.jsonl --jobs many" "explain score.overclaimed" "rescroe year.jsonl"; do
    echo "\$ jixiao $args --lang $lang"
    # shellcheck disable=SC2086
    ("$jixiao" $args --lang $lang 2>&1; echo "exit status $?") || true
  done
done
echo "\$ jixiao rescore year.jsonl --lang fr"
("$jixiao" rescore year.jsonl --lang fr 2>&1; echo "exit status $?") || true
echo '```'
echo
echo "## Output that cannot be written, and -o that would destroy"
echo
echo 'A failed write ends the run with one line and exit status 4; an `-o` file is left as it was (see'
echo '`docs/robustness.md`, output safety). An `-o` that names an input is refused before anything is read.'
echo
work=$(mktemp -d)
trap 'rm -r -- "$work"' EXIT
cp Fixtures/corpus.jsonl "$work/year.jsonl"
ln -s missing.txt "$work/latest.txt"
echo '```'
(
  cd "$work"
  echo "\$ jixiao rescore year.jsonl > /dev/full"
  ("$jixiao" rescore year.jsonl 2>&1 >/dev/full; echo "exit status $?") || true
  echo "\$ jixiao rescore year.jsonl | head -c 0"
  ("$jixiao" rescore year.jsonl 2>errors; echo "exit status $?" >>errors) | head -c 0 || true
  cat errors && rm errors
  echo "\$ jixiao rescore year.jsonl -o /dev/full"
  ("$jixiao" rescore year.jsonl -o /dev/full 2>&1; echo "exit status $?") || true
  echo "\$ (ulimit -f 64; jixiao rescore year.jsonl -o 复核.txt)"
  (ulimit -f 64; "$jixiao" rescore year.jsonl -o 复核.txt 2>&1; echo "exit status $?") || true
  echo "\$ jixiao rescore year.jsonl --lang zh > /dev/full"
  ("$jixiao" rescore year.jsonl --lang zh 2>&1 >/dev/full; echo "exit status $?") || true
  echo "\$ jixiao rescore year.jsonl -o /dev/full --lang zh"
  ("$jixiao" rescore year.jsonl -o /dev/full --lang zh 2>&1; echo "exit status $?") || true
  for lang in en zh; do
    for args in "rescore year.jsonl -o ./year.jsonl" "rescore year.jsonl -o latest.txt" "rescore year.jsonl -o ."; do
      echo "\$ jixiao $args --lang $lang"
      # shellcheck disable=SC2086
      ("$jixiao" $args --lang $lang 2>&1; echo "exit status $?") || true
    done
  done
)
echo '```'
} > docs/messages.md
