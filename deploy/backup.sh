#!/bin/sh
# The "backup" service of docker-compose.yml: every night at BACKUP_HOUR (UTC) a pg_dump in custom format goes to
# /backups, and dumps older than BACKUP_KEEP_DAYS days are deleted. Connection from PGHOST, PGUSER, PGPASSWORD,
# PGDATABASE. `backup.sh now` makes one dump and exits (e.g. before an upgrade).
set -eu
: "${BACKUP_DIR:=/backups}" "${BACKUP_HOUR:=2}" "${BACKUP_KEEP_DAYS:=14}"

dump_once() {
  stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
  partial="$BACKUP_DIR/.${PGDATABASE}-${stamp}.dump.partial"
  # Written under a temporary name and renamed when complete: a half-written dump is never "the latest".
  pg_dump --format=custom --compress=6 --no-owner --file="$partial" "$PGDATABASE"
  mv "$partial" "$BACKUP_DIR/${PGDATABASE}-${stamp}.dump"
  find "$BACKUP_DIR" -maxdepth 1 -name '*.dump' -mtime +"$BACKUP_KEEP_DAYS" -print -delete
  echo "backup: $BACKUP_DIR/${PGDATABASE}-${stamp}.dump ($(du -h "$BACKUP_DIR/${PGDATABASE}-${stamp}.dump" | cut -f1))"
}

mkdir -p "$BACKUP_DIR"
if [ "${1:-}" = "now" ]; then dump_once; exit 0; fi
while :; do
  now=$(date -u +%s)
  next=$(date -u -d "today ${BACKUP_HOUR}:00" +%s)
  [ "$next" -le "$now" ] && next=$((next + 86400))
  echo "backup: next dump at $(date -u -d "@$next" '+%Y-%m-%d %H:%M') UTC"
  sleep $((next - now))
  dump_once || echo "backup: FAILED at $(date -u '+%Y-%m-%d %H:%M') UTC" >&2
done
