"""The settings fail closed and pass Django's deployment checklist."""

import os
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
