#!/usr/bin/env bash
# Installs the front-end libraries from package-lock.json and copies what the pages load into wwwroot/libs.
set -euo pipefail
web="$(cd "$(dirname "$0")/../src/ErpSaaS.Web" && pwd)"
cd "$web"
stamp=node_modules/.erpsaas-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
libs=wwwroot/libs
rm -rf "$libs"; mkdir -p "$libs/tabler/css" "$libs/tabler/js" "$libs/tabler-icons" "$libs/htmx"
cp node_modules/@tabler/core/dist/css/tabler.min.css "$libs/tabler/css/"
cp node_modules/@tabler/core/dist/js/tabler.min.js node_modules/@tabler/core/dist/js/tabler-theme.min.js "$libs/tabler/js/"
cp node_modules/@tabler/icons-webfont/dist/tabler-icons.min.css "$libs/tabler-icons/"
cp -r node_modules/@tabler/icons-webfont/dist/fonts "$libs/tabler-icons/"
cp node_modules/htmx.org/dist/htmx.min.js "$libs/htmx/"
