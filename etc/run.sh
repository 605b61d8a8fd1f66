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

urls="${ERP_URLS:-http://localhost:5000}"
# Links in e-mails (also those sent by background jobs) and redirects to a company's subdomain are built from this
# address: the first listening URL, with a wildcard host read as localhost; ERP_PUBLIC_URL overrides it.
listen="${urls%%;*}"
public_url="${ERP_PUBLIC_URL:-$(echo "${listen%/}" | sed -E 's#://(\+|\*|0\.0\.0\.0|\[::\])#://localhost#')}"
demo_url="$(echo "$public_url" | sed -E 's#://#://demo.#')"

cat <<INFO

  ErpSaaS is starting on $public_url
    Platform operator:  $public_url        user admin / Admin123!
    Demo tenant admin:  $demo_url   user admin / Demo123!
  (stop with Ctrl+C)

INFO
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Database__MigrateOnStart=false
export Tenancy__PublicBaseUrl="$public_url"
exec dotnet run --project src/ErpSaaS.Web --no-build --no-launch-profile --urls "$urls"
