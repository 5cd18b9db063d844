"""Fault drills: throw-away Redis and PostgreSQL servers (never the machine's shared ones), a real Celery worker,
and e-mail delivered to files. Skipped, with the reason, where the servers or PostgreSQL are not available."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("fault drill: needs PostgreSQL (a worker in another process cannot see SQLite's test database)")


class ThrowawayRedis:
    """redis-server on a free port with nothing saved; stop() and start() again on the same port."""

    def __init__(self):
        if not shutil.which("redis-server"):
            pytest.skip("fault drill: redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=10, what="redis-server")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def throwaway_redis():
    redis = ThrowawayRedis()
    redis.start()
    yield redis
    redis.stop()


def database_url() -> str:
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


class Worker:
    """`celery worker` in its own process against the test database and a throw-away Redis."""

    def __init__(self, *, redis_url: str, mail_dir: Path, log_path: Path, send_delay: float = 0):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.resilience.drill_settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "DEBUG": "1",
            "EMAIL_HOST": "",
            "DRILL_MAIL_DIR": str(mail_dir),
            "DRILL_SEND_DELAY": str(send_delay),
        }
        self.log_path = log_path
        self.process = None

    def start(self):
        log = open(self.log_path, "a")  # noqa: SIM115 (the worker writes to it while it runs)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--without-gossip",
             "--without-mingle", "--without-heartbeat", "--loglevel=INFO"],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        return self

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""


@pytest.fixture
def mail_dir(tmp_path):
    directory = tmp_path / "mail"
    directory.mkdir()
    return directory


@pytest.fixture
def broker_is(settings):
    """Point this process's Celery producer and cache at a given Redis, and send tasks to it (not eagerly)."""
    from portal.celery import app as celery_app

    original = celery_app.conf.broker_url

    def point(url: str):
        settings.CACHES = {
            **settings.CACHES,  # the layout's per-process cache stays
            "default": {
                "BACKEND": "portal.cache_backend.FailOpenRedisCache",
                "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
            }
        }
        celery_app.conf.broker_url = url
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        celery_app.conf.task_always_eager = False

    yield point
    celery_app.conf.task_always_eager = True
    celery_app.conf.broker_url = original
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
