"""Issue 12, requirement 5: each check has one definition (the model's validators and
constraints, directory/commissioning/validation.py), and every way in says the same plain message:
the
admin's form, a spreadsheet import and load_directory."""

import copy
import html
import json

import pytest
from django.core.management import CommandError, call_command

from directory.models import Service
from tests.directory.test_loading import DOCUMENT

from .helpers import form_data
from .spreadsheets import export, preview, problems

pytestmark = pytest.mark.django_db

CASES = [
    ({"phone": "020 7946 000"}, "phone", "Enter a UK phone number, like 020 7946 0000"),
    ({"sms_number": "12345"}, "sms_number", "Enter a UK phone number"),
    ({"website": "kooth dot com"}, "website", "Enter a valid URL."),
    ({"referral_url": "www"}, "referral_url", "Enter a valid URL."),
    ({"email": "help@"}, "email", "Enter a valid email address."),
    ({"max_age": 30}, "max_age", "Ensure this value is less than or equal to 25."),
    ({"min_age": 18, "max_age": 11}, None, "The youngest age cannot be above the oldest age."),
    ({"summary": "x" * 301}, "summary", "Ensure this value has at most 300 characters"),
    (
        {"website": "", "phone": "", "email": ""},
        None,
        "To publish, give at least one way to get in touch",
    ),
]
IDS = [next(iter(changes)) if len(changes) == 1 else "+".join(changes) for changes, *_ in CASES]


@pytest.mark.parametrize(("changes", "field", "message"), CASES, ids=IDS)
def test_the_admin_form_says_what_is_wrong(
    westminster, westminster_service, changes, field, message
):
    url = f"/admin/directory/service/{westminster_service.pk}/change/"
    before = Service.objects.filter(pk=westminster_service.pk).values().get()
    response = westminster.post(url, form_data(westminster_service, **changes))
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert Service.objects.filter(pk=westminster_service.pk).values().get() == before


@pytest.mark.parametrize(("changes", "field", "message"), CASES, ids=IDS)
def test_an_import_says_what_is_wrong_on_which_row(
    westminster, westminster_service, changes, field, message
):
    row = {**export(westminster)[0], **{key: str(value) for key, value in changes.items()}}
    before = Service.objects.filter(pk=westminster_service.pk).values().get()
    said = problems(preview(westminster, [row]))
    where = f"Row 2, {field}: " if field else "Row 2: "
    assert any(problem.startswith(where + message) for problem in said), said
    assert Service.objects.filter(pk=westminster_service.pk).values().get() == before


@pytest.mark.parametrize(("changes", "field", "message"), CASES, ids=IDS)
def test_load_directory_names_the_service_and_field_and_loads_nothing(
    tmp_path, changes, field, message
):
    document = copy.deepcopy(DOCUMENT)
    good = document["services"][0]
    good["phone"] = "020 7946 0000"
    bad = {**copy.deepcopy(good), "slug": "bad-entry", "name": "Bad entry", **changes}
    if "website" in changes:  # no way in at all: no place to walk in either
        bad["locations"] = []
    document["services"].append(bad)
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError) as error:
        call_command("load_directory", str(path))
    said = str(error.value)
    assert "nothing was loaded" in said
    label = field or ("min_age, max_age" if "youngest" in message else "publishing")
    assert f"service 'bad-entry': {label}: {message}" in said, said
    assert not Service.objects.exists()  # not the good entry before it either


def test_a_page_for_each_borough_is_a_way_to_get_in_touch(westminster):
    """As the public page shows them: a two-borough service may give only each council's page."""
    from directory.models import Borough
    from tests.factories import make_service

    service = make_service(
        name="Bi-Borough", website="", borough=("westminster", "kensington-and-chelsea")
    )
    page = service.links.create(
        borough=Borough.objects.get(slug="westminster"), url="https://example.org/w"
    )
    url = f"/admin/directory/service/{service.pk}/change/"
    inline = {
        "links-TOTAL_FORMS": 1,
        "links-INITIAL_FORMS": 1,
        "links-0-id": page.pk,
        "links-0-service": service.pk,
        "links-0-borough": page.borough_id,
        "links-0-url": page.url,
    }
    # A council's page is not a direct way in: the entry says why there is none.
    note = {"no_direct_contact_note": "Ask the council's Family Information Service."}
    response = westminster.post(url, form_data(service, summary="Changed.", **inline, **note))
    assert response.status_code == 302, html.unescape(response.content.decode())[-3000:]
    gone = {"links-0-DELETE": "on", "no_direct_contact_note": ""}
    response = westminster.post(url, form_data(service, **inline, **gone))
    assert "To publish, give at least one way to get in touch" in html.unescape(
        response.content.decode()
    )
    assert service.links.exists()
