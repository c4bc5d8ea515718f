#!/usr/bin/env bash
# Runs DataFlow's generated nodes through a real PgBouncer in transaction mode (benchmarks' PgBouncerCheck): installs
# Debian's pgbouncer when it is missing (needs root or sudo), builds the benchmarks jar, starts an embedded
# PostgreSQL with PgBouncer in front of it, and checks every node kind, WORKFLOW runs with isolation and timeouts,
# contention on few server connections, the retention sweep, and that no session state or lock is left behind.
# Not part of `mvn verify`. Pass --without-setting to see what breaks without DataFlow.builder().transactionPooler(true).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y pgbouncer; else sudo apt-get install -y pgbouncer; fi
fi
PGBOUNCER="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"
mvn -q -B -ntp -pl benchmarks -am package -DskipTests
java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.PgBouncerCheck "$@" "$PGBOUNCER"
