#!/usr/bin/env bash
# The soak harness: ./connect serve (-Xmx256m) under MINUTES of mixed load (creates, updates, gets,
# queries, deletes, new tokens, Deployments created, deployed and deleted) on memory and on
# PostgreSQL, one after the other; reports the live heap after a full GC at minute 2 and at the end,
# threads, open files and PostgreSQL connections, and exits non-zero when any request failed.
#
#   connect-bench/soak.sh [MINUTES] [memory|postgres|both]      (default: 10 both)
#   SKIP_BUILD=1 connect-bench/soak.sh 1                        (the jars are built already)
# PostgreSQL: CONNECTSTAGE_PG_URL / _USER / _PASSWORD as for the tests (.ci/postgres starts one);
# each run uses schemas of its own (a unique --schema-prefix) and drops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
stores=${2:-both}
command -v jcmd >/dev/null || { echo "jcmd (the JDK's) is required" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -pl connect-bench -am package -DskipTests
fi
pg_url=${CONNECTSTAGE_PG_URL:-jdbc:postgresql://127.0.0.1:5432/connectstage}
pg="$pg_url$([[ $pg_url == *\?* ]] && echo '&' || echo '?')user=${CONNECTSTAGE_PG_USER:-connectstage}&password=${CONNECTSTAGE_PG_PASSWORD:-connectstage}"
status=0
run() {
  echo "== soak on $1"
  java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.SoakHarness "$minutes" \
    connect-cli/target/connectstage.jar "$2" || status=1
}
case "$stores" in
  memory) run memory memory ;;
  postgres) run PostgreSQL "$pg" ;;
  both) run memory memory; run PostgreSQL "$pg" ;;
  *) echo "usage: connect-bench/soak.sh [MINUTES] [memory|postgres|both]" >&2; exit 2 ;;
esac
exit $status
