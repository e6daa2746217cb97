"""A throwaway copy of the site for tests that break what it depends on: a real Redis server
the test starts and stops (`RedisServer`), and the site under gunicorn with the production
settings file (`LiveSite`), on a SQLite database of its own, on spare ports of 127.0.0.1."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from gunicorn.config import KNOWN_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server")


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base, path, timeout=15, **headers):
    """(status, headers, body, seconds) for a GET, errors included."""
    request = urllib.request.Request(base + path, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            status, got = response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, got = error.read(), error.code, error.headers
    return status, got, body.decode(errors="replace"), time.monotonic() - started


def wait_for(check, seconds=20, what="the condition"):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except OSError as error:
            last = error
        time.sleep(0.2)
    raise AssertionError(f"{what} never held (last: {last})")


class RedisServer:
    """redis-server on 127.0.0.1:port, nothing saved to disk."""

    def __init__(self, folder):
        self.folder = folder
        self.port = spare_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(self.answers, 10, "redis-server answering")

    def answers(self):
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=2)

    def signal(self, number):
        self.process.send_signal(number)

    def stop(self):
        """SIGTERM: Redis shuts down cleanly."""
        self.process.terminate()
        self.process.wait(timeout=10)

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)


class LiveSite:
    """The site under gunicorn (config/gunicorn.py), its own SQLite database with the real
    directory."""

    def __init__(self, folder, **environ):
        self.folder = folder
        self.port = spare_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / "gunicorn.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_"))},
            "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
            "DJANGO_SECRET_KEY": "live-site-test-secret-key-not-for-production-0123456789",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_PLAIN_STATIC": "1",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESS_LOG": "",
            **environ,
        }
        self.server = None

    def manage(self, *command):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=self.env,
            check=True,
            timeout=180,
            capture_output=True,
        )

    def start(self):
        self.manage("migrate", "--no-input", "--verbosity", "0")
        self.manage("load_directory", "--verbosity", "0")
        command = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"]
        if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
            command.append("--no-control-socket")  # gunicorn 25+: not one shared with other runs
        with open(self.log, "w") as log:
            self.server = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        wait_for(lambda: fetch(self.base, "/healthz")[0] == 200, 30, "/healthz answering 200")

    def close(self):
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=15)
