#!/usr/bin/env bash
# Our connect.yaml parser (JMH, SpecParserBenchmark.parseAndMap) against the official one
# (npm @commercetools-connect/specification, a Node timing loop) on the same file, in one run;
# prints both times per parse and the ratio. Both run at the same time by default, so that on a
# shared machine both see the same load (SEQUENTIAL=1: one after the other, for a quiet machine).
#
#   connect-bench/parser-vs-official.sh [connect.yaml]     (default: the 20-application file)
#   SKIP_BUILD=1 connect-bench/parser-vs-official.sh       (benchmarks.jar already built)
#   SECONDS_PER_SIDE=20 ...                                (measurement time of each side, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=connect-bench/target/parser-vs-official
official=connect-bench/target/official-parser
seconds=${SECONDS_PER_SIDE:-10}
mkdir -p "$out" "$official"

command -v node >/dev/null || { echo "node is required (Node 20 or later)" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -pl connect-bench -am package -DskipTests
fi
cp connect-analyzer/src/test/node/package.json connect-analyzer/src/test/node/package-lock.json \
   connect-analyzer/src/test/node/timing.mjs "$official/"
if [ ! -f "$official/node_modules/@commercetools-connect/specification/package.json" ]; then
  (cd "$official" && npm ci --no-audit --no-fund --silent)
fi

file=${1:-$out/connect.yaml}
if [ $# -eq 0 ]; then
  java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.SpecParserBenchmark "$file"
fi
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
echo "file: $file ($(wc -c < "$file") bytes)"

iterations=5
time_per=$(( seconds / iterations > 0 ? seconds / iterations : 1 ))
if [ "${SEQUENTIAL:-0}" = 1 ]; then
  java -Djmh.ignoreLock=true -jar connect-bench/target/benchmarks.jar 'SpecParserBenchmark.parseAndMap' -p file="$file" \
    -f 1 -wi 3 -w "$time_per" -i "$iterations" -r "$time_per" -rf json -rff "$root/$out/ours.json" > "$out/ours.log"
  node "$official/timing.mjs" "$file" "$seconds" > "$out/official.json"
else
  # The Node loop warms up while JMH starts and warms up, then measures while JMH measures.
  (sleep 2; node "$official/timing.mjs" "$file" "$(( seconds + 3 * time_per ))" > "$out/official.json") &
  node_pid=$!
  java -Djmh.ignoreLock=true -jar connect-bench/target/benchmarks.jar 'SpecParserBenchmark.parseAndMap' -p file="$file" \
    -f 1 -wi 3 -w "$time_per" -i "$iterations" -r "$time_per" -rf json -rff "$root/$out/ours.json" > "$out/ours.log"
  wait "$node_pid"
fi

# CPU time per parse of each whole process, one after the other: what a busy machine distorts least.
java -XX:+UseSerialGC -Xms512m -Xmx512m -cp connect-bench/target/benchmarks.jar io.connectstage.bench.SpecParserBenchmark --cpu "$file" "$seconds" > "$out/ours-cpu.json"
node "$official/timing.mjs" "$file" "$seconds" > "$out/official-cpu.json"

node -e '
const fs = require("fs");
const ours = JSON.parse(fs.readFileSync(process.argv[1]))[0].primaryMetric;
const official = JSON.parse(fs.readFileSync(process.argv[2]));
const oursMs = ours.score / 1000;
const error = (ours.scoreError / 1000);
const offMs = official.msPerParse;
const [lo, hi] = [official.rounds[0], official.rounds[official.rounds.length - 1]];
console.log(`ours     ${oursMs.toFixed(3)} ms per parse (± ${error.toFixed(3)}, JMH)`);
console.log(`official ${offMs.toFixed(3)} ms per parse (median of 5 rounds, ${lo.toFixed(3)}–${hi.toFixed(3)})`);
console.log(`ratio    ${(offMs / oursMs).toFixed(1)}× faster (wall time)`);
const oursCpu = JSON.parse(fs.readFileSync(process.argv[3])).cpuMsPerParse;
const offCpu = JSON.parse(fs.readFileSync(process.argv[4])).cpuMsPerParse;
console.log(`cpu      ours ${oursCpu.toFixed(3)} ms, official ${offCpu.toFixed(3)} ms per parse (whole process)`);
console.log(`ratio    ${(offCpu / oursCpu).toFixed(1)}× faster (CPU time)`);
' "$out/ours.json" "$out/official.json" "$out/ours-cpu.json" "$out/official-cpu.json"
