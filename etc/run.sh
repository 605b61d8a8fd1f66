#!/usr/bin/env bash
# Runs ErpSaaS locally: PostgreSQL (started or created), front-end libraries, build, migrations and
# seed (host operator + demo tenant), then serves on http://localhost:5000. Safe to run again: data is kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source etc/postgres.sh
ensure_postgres_running
ensure_roles_and_database
bash etc/install-libs.sh
dotnet build ErpSaaS.sln -c Debug -nologo -clp:ErrorsOnly

export ConnectionStrings__Default="$(app_connection_string)"
export ConnectionStrings__Migrations="$(owner_connection_string)"
dotnet run --project src/ErpSaaS.DbMigrator --no-build

cat <<INFO

  ErpSaaS is starting on http://localhost:5000
    Platform operator:  http://localhost:5000        user admin / Admin123!
    Demo tenant admin:  http://demo.localhost:5000   user admin / Demo123!
  (stop with Ctrl+C)

INFO
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Database__MigrateOnStart=false
exec dotnet run --project src/ErpSaaS.Web --no-build --no-launch-profile --urls "${ERP_URLS:-http://localhost:5000}"
