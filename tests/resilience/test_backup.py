"""The backup service's script makes a custom-format dump and deletes dumps past their retention; the restore check
restores the newest into a scratch database and finds every table's rows (and notices when they differ)."""

import os
import subprocess
import time

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [
    pytest.mark.fault_drill,
    pytest.mark.django_db(transaction=True),  # the scripts' own connections see what the test writes
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of the PostgreSQL database"),
]


def libpq_env(**extra) -> dict:
    database = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"]),
        "PGUSER": database["USER"],
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
        **extra,
    }


def test_a_nightly_dump_is_written_old_ones_are_deleted_and_the_newest_restores_with_every_row(tmp_path):
    from portal.models import SpokenLanguage

    SpokenLanguage.objects.create(code="uk", name="Ukrainian")
    old = tmp_path / "kierunek-2026-01-01T020000Z.dump"
    old.write_bytes(b"an old dump")
    twenty_days_ago = time.time() - 20 * 86400
    os.utime(old, (twenty_days_ago, twenty_days_ago))
    env = libpq_env(BACKUP_DIR=str(tmp_path), BACKUP_KEEP_DAYS="14")

    made = subprocess.run(["sh", "deploy/backup.sh", "now"], cwd=settings.BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    dumps = sorted(tmp_path.glob("*.dump"))
    assert not old.exists() and len(dumps) == 1
    assert dumps[0].read_bytes().startswith(b"PGDMP")  # pg_dump's custom format

    checked = subprocess.run(["bash", "deploy/backup-restore-check.sh"], cwd=settings.BASE_DIR, env=env,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 differ" in checked.stdout

    SpokenLanguage.objects.create(code="ru", name="Russian")  # the source moves on: the same dump now lacks a row
    stale = subprocess.run(["bash", "deploy/backup-restore-check.sh"], cwd=settings.BASE_DIR, env=env,
                           capture_output=True, text=True, timeout=300)
    assert stale.returncode == 1
    assert "portal_spokenlanguage has 1 rows restored, 2 in" in stale.stderr
