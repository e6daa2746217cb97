"""Issue 22, requirement 6: uploads within limits (directory/commissioning/spreadsheet_limits.py). A
file
over 2 MB is refused before its body is read, one over 500 services before it is imported; an
import that runs out of time stops with nothing imported; one import at a time per instance.
(During the largest import the public pages still answer: test_import_under_load.py.)"""

import io
from unittest import mock

import openpyxl
import pytest
from django.test import Client

from directory.commissioning import spreadsheet_limits as limits
from directory.commissioning import spreadsheets
from directory.models import Service

from .helpers import sign_in
from .spreadsheets import CONFIRM, FORMAT, IMPORT, export, page_text, preview, problems

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def preview_folder(settings, tmp_path):
    settings.FINDHELP_IMPORT_PREVIEW_DIR = str(tmp_path / "previews")
    return tmp_path / "previews"


def kept(folder):
    if not folder.exists():
        return []
    return [path for path in folder.iterdir() if not path.name.startswith(".")]


def upload(client, content, kind="csv"):
    data = io.BytesIO(content)
    data.name = f"services.{kind}"
    return client.post(IMPORT, {"format": FORMAT[kind], "resource": "0", "import_file": data})


def csv_rows(count, blank_lines=0):
    lines = ["slug,name", *(f"service-{i},Service {i}" for i in range(count))]
    return ("\n".join(lines) + "\n" + ",\n" * blank_lines).encode()


def xlsx_rows(count):
    book = openpyxl.Workbook()
    book.active.append(["slug", "name"])
    for i in range(count):
        book.active.append([f"service-{i}", f"Service {i}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_file_over_2_mb_is_refused_before_its_body_is_read(westminster, preview_folder):
    content = b"slug,name\n" + b"x" * (limits.MAX_BYTES + limits.UPLOAD_OVERHEAD)
    parse = "django.http.multipartparser.MultiPartParser.parse"
    with mock.patch(parse, side_effect=AssertionError("the body was read")):
        response = upload(westminster, content)
    assert response.status_code == 413
    assert "The file is 2.1 MB; an import takes at most 2.0 MB and 500 services." in page_text(
        response
    )
    assert "split it into smaller files" in page_text(response)
    assert kept(preview_folder) == []


def test_the_uploaded_files_own_size_is_checked_too():
    assert limits.size_problem(limits.MAX_BYTES) is None
    assert limits.size_problem(limits.MAX_BYTES + 1).startswith("The file is 2.0 MB; an import")


@pytest.mark.parametrize(("kind", "make"), [("csv", csv_rows), ("xlsx", xlsx_rows)])
def test_a_file_over_500_services_is_refused_before_it_is_imported(
    westminster, preview_folder, kind, make
):
    response = upload(westminster, make(limits.MAX_ROWS + 1), kind)
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert "The file has more than 500 services; an import takes at most 500" in page_text(response)
    assert kept(preview_folder) == []
    assert not Service.objects.exists()


@pytest.mark.parametrize(("kind", "make"), [("csv", csv_rows), ("xlsx", xlsx_rows)])
def test_rows_are_counted_up_to_the_limit_without_blank_ones(kind, make):
    def problem(content):
        file = io.BytesIO(content)
        said = limits.row_problem(file, kind)
        assert file.tell() == 0  # left for the import to read from the start
        return said

    assert problem(make(limits.MAX_ROWS)) is None
    assert problem(make(limits.MAX_ROWS + 1)) is not None
    if kind == "csv":
        assert problem(csv_rows(limits.MAX_ROWS, blank_lines=50)) is None


def test_an_import_that_runs_out_of_time_stops_and_imports_nothing(
    westminster, westminster_service, monkeypatch
):
    rows = export(westminster)
    rows[0]["opening_hours"] = "Mondays"
    page = preview(westminster, rows)  # in time
    assert page.context["confirm_form"] is not None
    monkeypatch.setattr(spreadsheets, "IMPORT_SECONDS", -1)
    form = page.context["confirm_form"]
    done = westminster.post(CONFIRM, {name: form.initial.get(name, "") for name in form.fields})
    assert "Nothing was imported: the import ran out of time." in page_text(done)
    assert problems(done) == [f"Row 2: {limits.OUT_OF_TIME}"]
    westminster_service.refresh_from_db()
    assert westminster_service.opening_hours == ""
    late = preview(westminster, rows)  # and a preview out of time has nothing to confirm
    assert late.context.get("confirm_form") is None
    assert problems(late) == [f"Row 2: {limits.OUT_OF_TIME}"]


def test_one_import_at_a_time(westminster, westminster_service, preview_folder):
    rows = export(westminster)
    rows[0]["opening_hours"] = "Mondays"
    page = preview(westminster, rows)
    form = page.context["confirm_form"]
    confirmation = {name: form.initial.get(name, "") for name in form.fields}
    with limits.one_import_at_a_time():  # another worker's import
        busy = preview(westminster, rows)
        assert busy.status_code == 429
        assert limits.BUSY in page_text(busy)
        busy = westminster.post(CONFIRM, confirmation)
        assert busy.status_code == 429
        assert limits.BUSY in page_text(busy)
    assert len(kept(preview_folder)) == 1  # the preview's file waits to be confirmed again
    westminster.post(CONFIRM, confirmation)
    westminster_service.refresh_from_db()
    assert westminster_service.opening_hours == "Mondays"


def test_the_upload_still_needs_its_csrf_token(westminster, django_user_model):
    client = sign_in(
        Client(enforce_csrf_checks=True), django_user_model.objects.get(username="wendy")
    )
    response = upload(client, csv_rows(1))
    assert response.status_code == 403
