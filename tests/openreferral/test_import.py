"""manage.py import_openreferral: another directory's ORUK services arrive as drafts, mapped
onto our vocabularies where they can be, from a file, a folder or an ORUK API."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command

from directory.models import Service
from openreferral.models import ImportedService

DATA = Path(__file__).resolve().parent.parent / "data" / "openreferral"
FULL = DATA / "service_full.json"


def run(source, *args):
    out = StringIO()
    call_command("import_openreferral", str(source), "--delay", "0", *args, stdout=out)
    return out.getvalue()


def slugs(service, key):
    return sorted(getattr(service, key).values_list("slug", flat=True))


def test_a_file_arrives_as_a_draft_mapped_onto_our_vocabularies(db, client):
    output = run(FULL)
    service = Service.objects.get(name="Community Counselling")
    assert service.status == Service.Status.DRAFT
    assert slugs(service, "needs") == ["anxiety", "low-mood"]
    assert slugs(service, "thrive_categories") == ["getting-help"]
    assert slugs(service, "referral_routes") == ["self"]
    assert slugs(service, "boroughs") == ["kensington-and-chelsea", "westminster"]
    assert slugs(service, "languages") == ["polish"]
    assert (service.min_age, service.max_age) == (12, 25)
    assert service.phone == "020 7946 0123"
    assert service.cost == Service.Cost.PAID
    location = service.locations.get()
    assert location.postcode == "W2 1AA" and location.address.startswith("1-30 Main Street")
    assert "1 new, 0 updated" in output
    assert "nothing was published" in output
    assert "esd-service-types: Counselling (1)" in output  # what could not be mapped
    # A draft is not served.
    assert client.get(f"/api/v1/services/{service.uuid}").status_code == 404


def test_importing_again_updates_instead_of_duplicating(db):
    run(FULL)
    first = Service.objects.get(name="Community Counselling")
    output = run(FULL)
    assert "0 new, 0 updated, 1 unchanged" in output
    assert Service.objects.filter(name="Community Counselling").count() == 1
    assert ImportedService.objects.get().service == first


def test_a_published_entry_is_never_overwritten(db):
    run(FULL)
    Service.objects.filter(name="Community Counselling").update(
        status=Service.Status.PUBLISHED, summary="Checked by a commissioner."
    )
    output = run(FULL)
    service = Service.objects.get(name="Community Counselling")
    assert service.summary == "Checked by a commissioner."
    assert "Kept as it is (published here, so not overwritten): Community Counselling" in output


def test_a_folder_is_read_file_by_file(db):
    output = run(DATA)
    assert set(Service.objects.values_list("name", flat=True)) == {
        "Community Counselling",
        "Family Support Line",
    }
    assert "for ages over 25 only" in output  # Adult Wellbeing Group
    assert not Service.objects.published().exists()


def test_a_source_that_cannot_be_read_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.json")
    # A file that is there but unreadable is reported, not fatal (a folder goes on).
    (tmp_path / "bad.json").write_text("{not json")
    assert "Could not read" in run(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"hello": "world"}')
    assert "other.json: unknown (1)" in run(tmp_path / "other.json")
    assert not Service.objects.exists()


class FakeOpenReferral(BaseHTTPRequestHandler):
    """An ORUK API serving the test services one to a page."""

    services = []
    requests = []
    pause = 0.0

    # "ignores_page": always page 1; "endless": a new service each page; "no_last_page":
    # last_page is always false, total_pages says 2
    mode = "normal"
    failing = set()  # ids whose detail request fails

    def do_GET(self):  # noqa: N802 (the standard library's name)
        self.requests.append(self.path)
        time.sleep(self.pause)
        url = urlparse(self.path)
        if url.path == "/api/v1/services":
            number = int(parse_qs(url.query).get("page", ["1"])[0])
            if self.mode == "endless":
                return self.answer(200, {"contents": [{"id": f"endless-{number}", "name": "E"}],
                                         "last_page": False})  # fmt: skip
            if self.mode == "ignores_page":
                number = 1
            body = {
                "total_items": len(self.services),
                "total_pages": len(self.services),
                "page_number": number,
                "size": 1,
                "first_page": number == 1,
                "last_page": number >= len(self.services),
                "empty": not self.services,
                "contents": [
                    {"id": s["id"], "name": s["name"], "status": "active"}
                    for s in self.services[number - 1 : number]
                ],
            }
            if self.mode == "ignores_page":
                body.pop("total_pages")
                body["last_page"] = False
            if self.mode == "no_last_page":  # only total_pages says where it ends
                body["last_page"] = False
                body["total_pages"] = 2
            return self.answer(200, body)
        if url.path.startswith("/api/v1/services/endless-"):
            number = url.path.rsplit("-", 1)[1]
            return self.answer(200, {"id": f"endless-{number}", "name": f"Endless {number}",
                                     "status": "active", "minimum_age": 11})  # fmt: skip
        for service in self.services:
            if url.path == f"/api/v1/services/{service['id']}":
                if service["id"] in self.failing:
                    return self.answer(500, {"error": "broken"})
                return self.answer(200, service)
        return self.answer(404, {"error": "not found"})

    def answer(self, status, body):
        content = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_feed():
    services = [json.loads(FULL.read_text())]
    services += json.loads((DATA / "service_page.json").read_text())["contents"]
    FakeOpenReferral.services, FakeOpenReferral.requests = services, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenReferral)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()
    FakeOpenReferral.pause = 0.0
    FakeOpenReferral.mode = "normal"
    FakeOpenReferral.failing = set()


def test_an_api_is_paged_through_and_each_service_fetched_whole(db, fake_feed):
    output = run(fake_feed)
    assert "2 new" in output
    service = Service.objects.get(name="Community Counselling")
    assert slugs(service, "needs") == ["anxiety", "low-mood"]  # from the full record
    pages = [path for path in FakeOpenReferral.requests if "page=" in path]
    assert len(pages) == 3
    assert len(FakeOpenReferral.requests) == 6  # 3 pages, 3 records
    assert "0 new, 0 updated, 2 unchanged" in run(fake_feed)


def test_an_api_is_read_politely(db, fake_feed):
    started = time.monotonic()
    call_command("import_openreferral", fake_feed, "--delay", "0.1", stdout=StringIO())
    assert time.monotonic() - started >= 0.5  # 6 requests, 5 pauses between them


def test_a_server_that_does_not_answer_in_time_is_an_error(db, fake_feed):
    FakeOpenReferral.pause = 2
    started = time.monotonic()
    with pytest.raises(CommandError, match="timed out"):
        run(fake_feed, "--timeout", "0.3")
    assert time.monotonic() - started < 2


def test_a_feed_that_ignores_page_is_read_once(db, fake_feed):
    FakeOpenReferral.mode = "ignores_page"
    output = run(fake_feed)
    pages = [path for path in FakeOpenReferral.requests if "page=" in path]
    assert len(pages) == 2  # the second repeats the first: stop
    assert "repeats services already read" in output
    assert Service.objects.count() == 1


def test_a_feed_is_read_to_total_pages_or_the_page_cap(db, fake_feed):
    FakeOpenReferral.mode = "endless"
    output = run(fake_feed, "--max-pages", "4")
    assert len([path for path in FakeOpenReferral.requests if "page=" in path]) == 4
    assert "stopped after 4 pages" in output
    assert Service.objects.count() == 4


def test_one_failing_detail_is_reported_and_the_rest_imported(db, fake_feed):
    failing = json.loads(FULL.read_text())["id"]
    FakeOpenReferral.failing = {failing}
    output = run(fake_feed)
    assert f"Could not read service {failing}" in output and "500" in output
    assert set(Service.objects.values_list("name", flat=True)) == {"Family Support Line"}


def test_a_feed_is_read_to_its_total_pages(db, fake_feed):
    FakeOpenReferral.mode = "no_last_page"
    run(fake_feed)
    assert len([path for path in FakeOpenReferral.requests if "page=" in path]) == 2
    assert Service.objects.count() == 2
