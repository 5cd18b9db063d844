#!/usr/bin/env bash
# Restore a dump into a scratch database and compare the row count of every table with the source database.
#
#   deploy/backup-restore-check.sh [DUMP]        (default: the newest *.dump in $BACKUP_DIR, default ./backups)
#
# Connection from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); the source database is
# $PGDATABASE. The scratch database (restore_check_<time>) is dropped at the end whatever happens.
# RESTORE_CHECK_TOLERANCE (percent, default 0) allows a live source to have moved on since the dump.
# Exit status 0: restored, and every table has as many rows as the source (within the tolerance).
set -euo pipefail
: "${PGDATABASE:?set PGDATABASE to the source database}"
dump=${1:-$(ls -1t "${BACKUP_DIR:-./backups}"/*.dump 2>/dev/null | head -1 || true)}
[ -n "$dump" ] && [ -s "$dump" ] || { echo "restore-check: no dump found" >&2; exit 2; }
tolerance=${RESTORE_CHECK_TOLERANCE:-0}
source_db=$PGDATABASE
scratch="restore_check_$(date -u +%Y%m%d%H%M%S)_$$"
started=$(date +%s)

psql -X -q -d postgres -c "CREATE DATABASE \"$scratch\""
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$scratch\"" >/dev/null 2>&1 || true' EXIT
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$scratch" "$dump"

# Exact row counts of every table, in one query per database.
count_rows() {
  psql -X -qAt -F ' ' -d "$1" -c "SELECT tablename, (xpath('/row/c/text()', query_to_xml(format(
    'SELECT count(*) AS c FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text
    FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
}
source_counts=$(count_rows "$source_db")
restored_counts=$(count_rows "$scratch")
read -r checked differing rows < <(join -a 1 -e missing -o 0,1.2,2.2 <(echo "$source_counts") <(echo "$restored_counts") \
  | awk -v tolerance="$tolerance" -v source_db="$source_db" '
      { checked++ }
      $3 == "missing" { print "restore-check: table " $1 " is missing from the dump" > "/dev/stderr"; differing++; next }
      { rows += $3; difference = $2 - $3; if (difference < 0) difference = -difference
        if (difference * 100 > tolerance * $2) {
          print "restore-check: " $1 " has " $3 " rows restored, " $2 " in " source_db > "/dev/stderr"; differing++ } }
      END { print checked + 0, differing + 0, rows + 0 }')
elapsed=$(( $(date +%s) - started ))
echo "restore-check: $(basename "$dump"): $checked tables, $rows rows restored in ${elapsed}s; $differing differ from $source_db"
[ "$checked" -gt 0 ] && [ "$differing" -eq 0 ]
