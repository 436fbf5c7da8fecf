#!/usr/bin/env bash
# Generate benchmark data into a fresh database and print the figures.
#
#   benchmarks/generate_complaints.sh [sqlite|postgres]
#
# Environment:
#   COUNT=1000000         complaints to generate
#   TIMEOUT=900           seconds before the run is stopped (the target is under 300)
#   PYTHON=.venv/bin/python
#   DB_FILE=/tmp/memnun-bench.sqlite3                      (sqlite; replaced on every run)
#   PG_URL=postgres://postgres@127.0.0.1:5432 DB_NAME=memnun_bench   (postgres; recreated)
#   GENERATE_ARGS="--seed 1 --batch-size 5000 --workers 2"  (passed on to the command)
set -euo pipefail
cd "$(dirname "$0")/.."

backend=${1:-sqlite}
COUNT=${COUNT:-1000000}
TIMEOUT=${TIMEOUT:-900}
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=$(scripts/find-python)
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
export DEBUG=0 # no SQL kept in memory

case "$backend" in
sqlite)
    DB_FILE=${DB_FILE:-${TMPDIR:-/tmp}/memnun-bench.sqlite3}
    rm -f "$DB_FILE" "$DB_FILE-wal" "$DB_FILE-shm"
    export DATABASE_URL="sqlite:///$DB_FILE"
    ;;
postgres | postgresql)
    PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
    DB_NAME=${DB_NAME:-memnun_bench}
    "$PYTHON" - "$PG_URL/postgres" "$DB_NAME" <<'EOF'
import sys

import psycopg
from psycopg import sql

url, name = sys.argv[1:]
with psycopg.connect(url, autocommit=True) as connection:
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
EOF
    export DATABASE_URL="$PG_URL/$DB_NAME"
    ;;
*)
    echo "usage: $0 [sqlite|postgres]" >&2
    exit 2
    ;;
esac

echo "== $backend: $DATABASE_URL, $COUNT complaints, $(nproc) CPUs"
"$PYTHON" manage.py migrate --no-input -v 0
"$PYTHON" manage.py createcachetable  # the cache table: route and navigation caches are dropped on writes
# shellcheck disable=SC2086 # GENERATE_ARGS is a list of options
timeout "$TIMEOUT" "$PYTHON" manage.py generate_complaints --count "$COUNT" ${GENERATE_ARGS:-}
if [ "$backend" = sqlite ]; then
    echo "database file: $(du -h "$DB_FILE" | cut -f1) at $DB_FILE"
fi
