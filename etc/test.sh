#!/usr/bin/env bash
# Runs the whole test suite against a local PostgreSQL and ends with one line: "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source etc/postgres.sh
ensure_postgres_running
ensure_roles_and_database

# Leftovers of an interrupted run, and the template (rebuilt from the current migrations).
for db in $(psql_admin -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'erpsaas\_t\_%' OR datname LIKE 'erpsaas\_drift\_%' OR datname LIKE 'erpsaas\_own\_%' OR datname LIKE 'erpsaas\_test\_template%'"); do
  psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
done

bash etc/install-libs.sh
dotnet build ErpSaaS.sln -c Debug -nologo -clp:ErrorsOnly

results="$root/TestResults"
rm -rf "$results"
status=0
ERP_PG_HOST="$PG_HOST" ERP_PG_PORT="$PG_PORT" \
  dotnet test ErpSaaS.sln --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crash or build failure is a failure
echo "$passed passed, $failed failed"
exit "$status"
