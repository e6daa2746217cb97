"""A real outage: the site under gunicorn on its own throwaway PostgreSQL server, which this test
starts, stops and starts again. While it is down every page that needs it answers 503 with the
crisis lines, the API 503 in JSON, /healthz 503, and urgent help 200; pages the page cache
already holds are still answered from it; when it is back the same gunicorn answers 200 again,
without a restart.

Its own cluster (initdb into a temporary folder, a spare port), so the test database every other
test uses is never touched. PostgreSQL refuses to run as root: as root (CI), the server runs as
the `postgres` user. Skipped, saying why, where PostgreSQL is not installed."""

import contextlib
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gunicorn.config import KNOWN_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_BINARIES = sorted(
    glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
)
ANSWERS = "who=young-person&age=15&borough=westminster&urgent=no&need=anxiety&impact=a-little"
# Opened before the outage: the page cache keeps them, so they are still there during it.
CACHED = ["/", "/services/", "/services/kooth-bi-borough/"]
# Not in the cache: a search, a page no one opened yet, the navigator's results.
PAGES = ["/services/?q=anxiety", "/services/camhs-westminster/", f"/help/results/?{ANSWERS}"]
API = ["/api/v1/services", f"/api/v1/navigator?{ANSWERS}"]


def _why_not():
    if not POSTGRES_BINARIES:
        return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to start PostgreSQL as another user"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run PostgreSQL"
    return None


pytestmark = [
    pytest.mark.skipif(_why_not() is not None, reason=str(_why_not())),
    pytest.mark.own_servers,
]


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL server on 127.0.0.1:port, its data in a temporary folder."""

    def __init__(self, folder):
        self.bin = Path(POSTGRES_BINARIES[-1])
        self.data = folder / "data"
        self.log = folder / "postgresql.log"
        self.port = spare_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(folder, user="postgres", group="postgres")

    def run(self, program, *args):
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)

    def init(self):
        options = ["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]
        self.run("initdb", "-D", str(self.data), *options)

    def start(self):
        options = (
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def gunicorn_command(port):
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--timeout", "30"]
    if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
        command.append("--no-control-socket")  # gunicorn 25+: not one shared with other runs
    return command


def fetch(base, path):
    """(status, headers, body) for a GET, errors included."""
    try:
        with urllib.request.urlopen(base + path, timeout=15) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for(base, path, status, seconds=20):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = fetch(base, path)[0]
            if last == status:
                return
        except OSError as error:
            last = error
        time.sleep(0.2)
    raise AssertionError(f"{path} never answered {status} (last: {last})")


@pytest.fixture
def site_on_its_own_postgresql():
    folder = Path(tempfile.mkdtemp(prefix="findhelp-outage-"))
    cluster = Cluster(folder)
    server = None
    try:
        cluster.init()
        cluster.start()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DATABASE_URL": cluster.url,
            "DJANGO_SECRET_KEY": "outage-test-secret-key-not-for-production-0123456789",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_PLAIN_STATIC": "1",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
        for command in (["migrate", "--no-input"], ["load_directory"]):
            subprocess.run(
                [sys.executable, "manage.py", *command, "--verbosity", "0"],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=120,
            )
        port = spare_port()
        with open(folder / "gunicorn.log", "w") as log:
            server = subprocess.Popen(
                gunicorn_command(port), cwd=ROOT, env=env, stdout=log, stderr=log
            )
        base = f"http://127.0.0.1:{port}"
        wait_for(base, "/healthz", 200)
        yield base, cluster, server, folder / "gunicorn.log"
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        with contextlib.suppress(subprocess.CalledProcessError):  # not running
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def test_the_site_answers_an_outage_with_503s_and_recovers_without_a_restart(
    site_on_its_own_postgresql,
):
    base, cluster, server, log = site_on_its_own_postgresql

    for path in [*CACHED, *API, "/urgent-help/"]:
        assert fetch(base, path)[0] == 200, path
    before = {path: fetch(base, path)[2] for path in CACHED}
    health = {"status": "ok", "database": "ok", "cache": "ok"}
    assert json.loads(fetch(base, "/healthz")[2]) == health

    cluster.stop()  # the kept connection dies with it

    for _ in range(2):  # first the dead connection, then a refused one
        for path in CACHED:
            status, _, body = fetch(base, path)
            assert (status, body) == (200, before[path]), path
        for path in PAGES:
            status, headers, body = fetch(base, path)
            assert status == 503, path
            assert headers["Retry-After"] == "30"
            assert headers["Cache-Control"] == "no-store"
            assert "Set-Cookie" not in headers
            for line in ["999", "111", "0800 1111", "85258", "116 123"]:
                assert line in body, (path, line)
        for path in API:
            status, headers, body = fetch(base, path)
            assert status == 503, path
            assert headers["Content-Type"] == "application/json"
            assert json.loads(body)["status"] == 503
        status, _, body = fetch(base, "/urgent-help/?borough=westminster")
        assert status == 200
        assert "0800 023 4650" in body
        status, headers, body = fetch(base, "/healthz")
        assert status == 503
        assert json.loads(body)["database"] == "unavailable"
        assert headers["Cache-Control"] == "no-store"

    cluster.start()

    wait_for(base, "/healthz", 200)
    for path in [*CACHED, *PAGES, *API, "/urgent-help/"]:
        assert fetch(base, path)[0] == 200, path
    assert server.poll() is None  # the same gunicorn, never restarted
    assert "Traceback" not in log.read_text()  # one line for each failed request, no more
