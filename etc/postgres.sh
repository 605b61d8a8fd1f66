#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs and holds the ErpSaaS roles and database.
# Sourced by run.sh and test.sh; safe to run again (keeps data).
#   erpsaas_owner  owns the schema, runs migrations, may create test databases
#   erpsaas_app    what the web app connects as: not the table owner, so row-level security applies
set -euo pipefail

PG_HOST=${ERP_PG_HOST:-localhost}
PG_PORT=${ERP_PG_PORT:-5432}
ERP_DB=${ERP_DB:-erpsaas}
ERP_OWNER=${ERP_OWNER:-erpsaas_owner}
ERP_OWNER_PASSWORD=${ERP_OWNER_PASSWORD:-erpsaas_owner}
ERP_APP=${ERP_APP:-erpsaas_app}
ERP_APP_PASSWORD=${ERP_APP_PASSWORD:-erpsaas_app}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

ensure_postgres_installed() {
  if command -v pg_lsclusters >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is not installed and this user cannot install it." >&2
    echo "Either install it (sudo apt-get install postgresql) or start one with docker: docker compose -f docker/docker-compose.yml up -d postgres" >&2
    exit 1
  fi
}

ensure_postgres_running() {
  ensure_postgres_installed
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then return; fi
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local line version cluster
    line=$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$PG_PORT" '$3==p' | head -n 1)
    if [ -z "$line" ]; then
      version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
      echo "Creating PostgreSQL $version cluster 'main' on port $PG_PORT"
      pg_createcluster -p "$PG_PORT" "$version" main >/dev/null
      line=$(pg_lsclusters --no-header | awk -v p="$PG_PORT" '$3==p' | head -n 1)
    fi
    version=$(echo "$line" | awk '{print $1}'); cluster=$(echo "$line" | awk '{print $2}')
    echo "Starting PostgreSQL $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return; sleep 1; done
  echo "PostgreSQL did not start on $PG_HOST:$PG_PORT" >&2; exit 1
}

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -q -p "$PG_PORT" -d postgres "$@"; }

ensure_roles_and_database() {
  psql_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ERP_OWNER') THEN
    CREATE ROLE $ERP_OWNER LOGIN CREATEDB PASSWORD '$ERP_OWNER_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ERP_APP') THEN
    CREATE ROLE $ERP_APP LOGIN PASSWORD '$ERP_APP_PASSWORD';
  END IF;
END \$\$;
-- The owner grants the app role access to test databases it creates.
GRANT $ERP_APP TO $ERP_OWNER;
SQL
  # Index walks cost about as much as table reads on an SSD; left at the spinning-disk default (4), PostgreSQL reads a
  # whole table where the stock search's covering index (migration 0035) would do. A value someone set is kept.
  if psql_admin -tAc "SELECT 1 FROM pg_settings WHERE name = 'random_page_cost' AND source = 'default'" | grep -q 1; then
    psql_admin -c "ALTER SYSTEM SET random_page_cost = 1.1" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$ERP_DB'" | grep -q 1; then
    psql_admin -c "CREATE DATABASE $ERP_DB OWNER $ERP_OWNER"
  fi
}

owner_connection_string() { echo "Host=$PG_HOST;Port=$PG_PORT;Database=${1:-$ERP_DB};Username=$ERP_OWNER;Password=$ERP_OWNER_PASSWORD"; }
app_connection_string() { echo "Host=$PG_HOST;Port=$PG_PORT;Database=${1:-$ERP_DB};Username=$ERP_APP;Password=$ERP_APP_PASSWORD"; }
