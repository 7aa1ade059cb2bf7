#!/usr/bin/env bash
# A yardstick outside the product: simdjson (SIMD C++, Debian's libsimdjson-dev) reading the bench's
# synthetic year. Not part of the Swift packages, not run by CI. Needs g++ and libsimdjson-dev
# (`apt-get install libsimdjson-dev`).
set -euo pipefail
cd "$(dirname "$0")"
tables=${1:-20000}
seed=${2:-1}
if [ ! -f /usr/include/simdjson.h ]; then
  echo "simdjson is not installed: apt-get install libsimdjson-dev" >&2
  exit 1
fi
g++ -O3 -march=native -std=c++17 simdjson-floor.cpp -lsimdjson -lpthread -o /tmp/jixiao-simdjson-floor
input=/tmp/jixiao-bench-$tables-$seed.jsonl
(cd .. && swift build -c release >/dev/null && .build/release/jixiao-bench generate --tables "$tables" --seed "$seed" -o "$input")
/tmp/jixiao-simdjson-floor "$input" 0
/tmp/jixiao-simdjson-floor "$input" 1
