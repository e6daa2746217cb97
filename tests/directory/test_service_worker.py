"""/sw.js: the service worker that keeps urgent help for when the network fails (the browser
test is tests/browser/test_offline_urgent_help.py)."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from pages import helplines


def refuse(self):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def database_down():
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse):
        yield


def kept_files(script):
    return re.search(r"var FILES = (\[.*?\])", script).group(1)


def test_it_is_served_from_the_root_revalidated_each_time_and_with_no_database(
    client, database_down
):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Cache-Control"] == "no-cache"
    assert not response.cookies
    assert 'new URL("/urgent-help/", self.location)' in response.content.decode()


def test_it_keeps_what_urgent_help_loads_by_this_deployments_file_names(client):
    """In production the static files have hashed names: the worker keeps those."""
    page = client.get("/urgent-help/").content.decode()
    loads = re.findall(r'<(?:link rel="(?:stylesheet|icon)"|script) (?:href|src)="([^"]+)"', page)
    assert len(loads) == 3
    files = kept_files(client.get("/sw.js").content.decode())
    for url in loads:
        assert f'"{url}"' in files
    assert re.search(r"/static/css/main\.[0-9a-f]{12}\.css", files)  # the manifest's name


def test_a_new_crisis_number_makes_a_new_version(client, monkeypatch):
    version = re.compile(r'findhelp-urgent-help-([0-9a-f]+)"')
    before = version.search(client.get("/sw.js").content.decode()).group(1)
    changed = helplines.Helpline(**{**vars(helplines.CHILDLINE), "phone": "0800 1112"})
    monkeypatch.setitem(helplines.NATIONAL_LINES, "childline", changed)
    after = version.search(client.get("/sw.js").content.decode()).group(1)
    assert after != before


def test_the_content_security_policy_allows_it():
    from config.middleware import CONTENT_SECURITY_POLICY

    assert "worker-src 'self'" in CONTENT_SECURITY_POLICY


def test_asking_again_costs_a_304_when_nothing_changed(client):
    etag = client.get("/sw.js")["ETag"]
    again = client.get("/sw.js", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
