"""The settings fail closed and pass Django's deployment checklist."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x9$Kq2!vLm7#Rt4@Wp8^Zs1&Yd6*Hf3(Jb5)Nc0-Ge9+Ua2=Qo7~Ei4",
    "DJANGO_ALLOWED_HOSTS": "findhelp.example.org",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "unused-check.sqlite3"),
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_with_production_settings_prints_no_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_mode_runs_without_a_secret_key():
    result = run_manage(
        "check", env={"DJANGO_DEBUG": "1", "DATABASE_URL": PRODUCTION["DATABASE_URL"]}
    )
    assert result.returncode == 0, result.stderr


def test_the_site_refuses_a_short_secret_key_when_debug_is_off():
    result = run_manage("check", env={**PRODUCTION, "DJANGO_SECRET_KEY": "x" * 49})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is 49 characters long: it must be at least 50" in result.stderr


def test_debug_mode_takes_a_short_secret_key():
    env = {**PRODUCTION, "DJANGO_DEBUG": "1", "DJANGO_SECRET_KEY": "short"}
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr


def test_the_test_and_benchmark_keys_are_long_enough():
    for path in ("scripts/test", "bench/run.py"):
        keys = re.findall(r"(?:test|benchmark)-only-secret-key[\w-]*", (ROOT / path).read_text())
        assert keys, path
        assert all(len(key) >= 50 for key in keys), (path, keys)
