#!/usr/bin/env bash
# Regenerates Fixtures/corpus.jsonl (every fixture's table.json, one a line, in folder order) and
# Fixtures/README.md (jixiao's own Markdown summary of the corpus). A test fails when either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import json, pathlib
folders = sorted(p for p in pathlib.Path("Fixtures").iterdir() if (p / "table.json").exists())
with open("Fixtures/corpus.jsonl", "w", encoding="utf-8") as out:
    for folder in folders:
        table = json.loads((folder / "table.json").read_text(encoding="utf-8"))
        out.write(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
swift run -q jixiao rescore Fixtures/corpus.jsonl --format markdown > Fixtures/README.md
