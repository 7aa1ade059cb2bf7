#!/usr/bin/env bash
# Regenerates the help snapshots in Tests/Snapshots/help: `jixiao --help` and every command's help, in
# English and in Chinese. HelpSnapshotTests compares the built jixiao with them; after changing a help
# text, run this, read the diff, and commit both.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -q
jixiao=$PWD/.build/debug/jixiao
for language in en zh; do
  env -u LC_ALL -u LC_MESSAGES -u LANG "$jixiao" --help --lang "$language" > "Tests/Snapshots/help/jixiao.$language.txt"
  for command in rescore review-targets extract explain profile; do
    env -u LC_ALL -u LC_MESSAGES -u LANG "$jixiao" "$command" --help --lang "$language" \
      > "Tests/Snapshots/help/$command.$language.txt"
  done
done
