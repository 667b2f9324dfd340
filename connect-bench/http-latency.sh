#!/usr/bin/env bash
# HTTP tail latency, in one run, one target after the other, same wrk settings (-t2 -c8, keep-alive,
# --latency) and durations: ./connect serve (GET a connector by id, with a token), the node mock
# @labdigital/commercetools-mock 4.4 (GET a channel), a bare Jetty 12 handler and the JDK's HttpServer
# (nodelay) answering a fixed JSON body. Prints requests/s, p50, p99 and the load average before each,
# then our p99 against the node mock's and our throughput against the faster bare handler.
# Take its figures on a quiet machine only (it says when the load average was 2 or more).
#
#   connect-bench/http-latency.sh [SECONDS]              (per target, measured; as long again to warm up; default 10)
#   SKIP_BUILD=1 connect-bench/http-latency.sh           (the jars are built already)
#   SERVER_JAVA_OPTS='-XX:+UseParallelGC' ...            (JVM options of every Java server measured)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
mock=connect-bench/target/node-mock

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian's package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >&2 || { apt-get update -q >&2 && apt-get install -y wrk >&2; }
  else sudo apt-get install -y wrk >&2; fi
fi
command -v node >/dev/null || { echo "node is required (Node 20 or later) for the node mock" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -pl connect-bench -am package -DskipTests
fi
mkdir -p "$mock"
cp connect-bench/src/main/node/package.json connect-bench/src/main/node/package-lock.json \
   connect-bench/src/main/node/mock-server.mjs "$mock/"
if [ ! -f "$mock/node_modules/@labdigital/commercetools-mock/package.json" ]; then
  (cd "$mock" && npm ci --no-audit --no-fund --silent)
fi
exec java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.HttpLoadHarness "$seconds" \
  connect-cli/target/connectstage.jar "$mock"
