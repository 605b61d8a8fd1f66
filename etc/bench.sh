#!/usr/bin/env bash
# Runs the stock and sales benchmarks (test/ErpSaaS.Benchmarks) against the local PostgreSQL, in Release.
#   etc/bench.sh                     full scale: generates erpsaas_bench_s1_<seed> once (10 M ledger entries, many minutes), then measures
#   etc/bench.sh --scale 0.01        a quick run on a small company
#   etc/bench.sh --only page,reorder some scenarios only; see --help of the app for every option
#   etc/bench.sh --only sales-confirm 32 clients confirming sales orders, app vs raw Npgsql, on erpsaas_bench_sales_<seed> (built in about a minute)
#   etc/bench.sh --micro --filter '*' BenchmarkDotNet micro-benchmarks of the valuation arithmetic
# Figures are printed and appended to test/ErpSaaS.Benchmarks/results.md. Never drops anything but the
# benchmark's own databases (erpsaas_bench_*), and only when their generator version or seed no longer match.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source etc/postgres.sh
ensure_postgres_running
ensure_roles_and_database

dotnet build test/ErpSaaS.Benchmarks/ErpSaaS.Benchmarks.csproj -c Release -nologo -clp:ErrorsOnly
app="test/ErpSaaS.Benchmarks/bin/Release/net10.0/ErpSaaS.Benchmarks.dll"

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "${1:-}" = "--micro" ]; then
  shift
  # BenchmarkDotNet builds and runs its own child processes; its artifacts stay out of the source tree.
  exec dotnet "$app" --micro --artifacts "$root/test/ErpSaaS.Benchmarks/bin/BenchmarkDotNet.Artifacts" "$@"
fi
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
ERP_PG_HOST="$PG_HOST" ERP_PG_PORT="$PG_PORT" \
  dotnet "$app" --results test/ErpSaaS.Benchmarks/results.md --commit "$commit" "$@"
