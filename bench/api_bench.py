#!/usr/bin/env python3
"""Benchmark: the integration API's public lists against the minimal Django view, in the same run.

    .venv/bin/python bench/api_bench.py                 # fresh database with the demo data, gunicorn, wrk
    .venv/bin/python bench/api_bench.py --reuse-db --duration 10

A run recreates its own PostgreSQL database (kw_api_bench), loads the demo data and makes a read token with a
limit high enough not to refuse the load; starts gunicorn in production mode with Redis (database 6); measures
the minimal view and each list with `wrk -H "Authorization: Bearer ..."`; prints one Markdown row per URL with
its requests per second as a share of the minimal view's (the issue asks for at least a third), and appends JSON
to bench/results/<date>.jsonl. Every call is authenticated, rate-counted and recorded (`ApiCall`), as in
production.
"""

from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402 - the shared driver: database, server, wrk

run.DATABASE_NAME = "kw_api_bench"
run.REDIS_URL = f"redis://{run.HOST}:6379/6"
run.PORT = 8768
run.BASE_URL = f"http://{run.HOST}:{run.PORT}"

PATHS = ["/api/v1/places/", "/api/v1/guides/?lang=uk", "/api/v1/notices/", "/api/v1/faq/"]

SETUP = r"""
from cases import services
from cases.models import IntegrationToken
IntegrationToken.objects.filter(name="api bench").delete()
print("API_BENCH", services.integration_token_create(
    name="api bench", scopes=["read"], office_wide=True, requests_per_minute=6000)[1])
"""


def wrk(binary: str, path: str, token: str, *, duration: int, connections: int) -> dict:
    command = [binary, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    result = subprocess.run(  # noqa: S603 - our own wrk, our own local server
        [*command, run.BASE_URL + path], capture_output=True, text=True, timeout=duration + 60
    )
    if result.returncode != 0:
        raise run.BenchError(f"wrk failed on {path}:\n{result.stdout}{result.stderr}")
    return run.parse_wrk(result.stdout)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument("--reuse-db", action="store_true", help="keep the database of the last run (faster)")
    options = parser.parse_args(argv)

    binary = run.ensure_wrk()
    run.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = run.base_env(secret_key=secrets.token_urlsafe(48))
    run.prepare(run.Scenario(name="api", help="integration API", targets=[]), env=env, reuse_db=options.reuse_db)
    output = run.manage("shell", "-c", SETUP, env={**env, "DEBUG": "1"})
    token = next(line for line in output.splitlines() if line.startswith("API_BENCH ")).split()[1]
    started = datetime.now(run.WARSAW)
    server = run.start_server(env=env, workers=options.workers, log_path=run.RESULTS_DIR / "gunicorn-api.log")
    rows = []
    try:
        minimal = wrk(binary, run.BASELINE.path, "", duration=options.duration, connections=options.connections)
        for path in PATHS:
            measured = wrk(binary, path, token, duration=options.duration, connections=options.connections)
            rps, floor = measured["requests_per_second"], minimal["requests_per_second"]
            share = rps / floor if floor else 0.0
            rows.append({"path": path, **measured, "share_of_minimal": round(share, 2)})
    finally:
        run.stop_server(server)

    print("| URL | req/s | p50 ms | p99 ms | non-2xx | share of the minimal view |")
    print("|---|---|---|---|---|---|")
    for row in [{"path": run.BASELINE.path, **minimal, "share_of_minimal": 1.0}, *rows]:
        latency = row["latency_ms"]
        print(
            f"| {row['path']} | {row['requests_per_second']:.0f} | {latency['p50']} | {latency['p99']} | "
            f"{row['non_2xx_3xx']} | {row['share_of_minimal']:.2f} |"
        )
    record = {
        "date": started.date().isoformat(),
        "started_at": started.isoformat(timespec="seconds"),
        "scenario": "api",
        "minimal": minimal,
        "rows": rows,
        "workers": options.workers,
        "machine": run.machine_facts(),
    }
    with (run.RESULTS_DIR / f"{started.date().isoformat()}.jsonl").open("a") as results:
        results.write(json.dumps(record) + "\n")
    return 0 if all(row["share_of_minimal"] >= 1 / 3 and not row["non_2xx_3xx"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
