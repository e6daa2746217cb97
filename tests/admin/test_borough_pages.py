"""Issue 22, requirement 3: a shared service's page for each borough's families is checked row
by row, in the service form (its inline rows, links-N-…) as in the spreadsheet import, by one
rule (roles.page_change_problems). Tested by direct POST of a change and a delete."""

import pytest

from directory.models import Borough, ServiceLink
from tests.factories import make_service

from .helpers import form_data
from .spreadsheets import export, preview, problems

pytestmark = pytest.mark.django_db

CHANGE = "/admin/directory/service/{}/change/"
MINE = "https://www.westminster.gov.uk/young-people"
THEIRS = "https://www.rbkc.gov.uk/young-people"
REFUSED = "You do not manage kensington-and-chelsea, so you cannot change its page."


@pytest.fixture
def shared(db):
    service = make_service(
        name="Bi-Borough Early Help", borough=("westminster", "kensington-and-chelsea")
    )
    for slug, url in [("westminster", MINE), ("kensington-and-chelsea", THEIRS)]:
        service.links.create(borough=Borough.objects.get(slug=slug), url=url)
    return service


def with_pages(service, **rows):
    """The change form with the service's page rows, as its page posts them, and any field
    of a row changed: rows={"kensington-and-chelsea": {"url": …, "DELETE": "on"}}."""
    data = form_data(service)
    pages = list(service.links.order_by("borough__name"))
    data["links-TOTAL_FORMS"] = len(pages)
    data["links-INITIAL_FORMS"] = len(pages)
    for index, page in enumerate(pages):
        row = {"id": page.pk, "service": service.pk, "borough": page.borough_id, "url": page.url}
        row.update(rows.get(page.borough.slug, {}))
        data.update({f"links-{index}-{name}": value for name, value in row.items()})
    return data


def pages(service):
    return dict(service.links.values_list("borough__slug", "url"))


def page_errors(response):
    formset = next(
        s.formset for s in response.context["inline_admin_formsets"] if s.formset.prefix == "links"
    )
    said = [str(e) for e in formset.non_form_errors()]
    return said + [str(e) for form in formset.forms for e in form.non_field_errors()]


BEFORE = {"westminster": MINE, "kensington-and-chelsea": THEIRS}


@pytest.mark.parametrize(
    "row",
    [
        {"url": "https://evil.example/"},  # changed
        {"DELETE": "on"},  # deleted
        {"borough": "westminster"},  # moved to their own borough
    ],
)
def test_a_commissioner_cannot_change_or_delete_another_boroughs_page(westminster, shared, row):
    if row.get("borough"):
        row = {"borough": Borough.objects.get(slug=row["borough"]).pk}
        ServiceLink.objects.filter(service=shared, borough__slug="westminster").delete()
    before = pages(shared)
    data = with_pages(shared, **{"kensington-and-chelsea": row})
    response = westminster.post(CHANGE.format(shared.pk), data)
    assert response.status_code == 200
    assert page_errors(response) == [REFUSED]
    assert REFUSED in response.content.decode()
    assert pages(shared) == before


def test_a_commissioner_cannot_add_a_page_for_another_borough(westminster, shared):
    shared.links.filter(borough__slug="kensington-and-chelsea").delete()
    data = with_pages(shared)
    data.update(
        {
            "links-TOTAL_FORMS": 2,
            "links-1-service": shared.pk,
            "links-1-borough": Borough.objects.get(slug="kensington-and-chelsea").pk,
            "links-1-url": "https://evil.example/",
        }
    )
    response = westminster.post(CHANGE.format(shared.pk), data)
    assert response.status_code == 200
    assert page_errors(response) == [REFUSED]
    assert pages(shared) == {"westminster": MINE}


def test_a_commissioner_changes_and_deletes_their_own_boroughs_page(westminster, shared):
    data = with_pages(shared, westminster={"url": "https://www.westminster.gov.uk/new"})
    assert westminster.post(CHANGE.format(shared.pk), data).status_code == 302
    assert pages(shared) == {**BEFORE, "westminster": "https://www.westminster.gov.uk/new"}
    data = with_pages(shared, westminster={"DELETE": "on"})
    assert westminster.post(CHANGE.format(shared.pk), data).status_code == 302
    assert pages(shared) == {"kensington-and-chelsea": THEIRS}


def test_an_administrator_changes_any_boroughs_page(make_commissioner, shared):
    admin = make_commissioner("ada", all_boroughs=True)
    data = with_pages(shared, **{"kensington-and-chelsea": {"DELETE": "on"}})
    assert admin.post(CHANGE.format(shared.pk), data).status_code == 302
    assert pages(shared) == {"westminster": MINE}


def test_the_import_refuses_the_same_change_in_the_same_words(westminster, shared):
    row = export(westminster)[0]
    row["borough_pages"] = f"westminster={MINE}, kensington-and-chelsea=https://evil.example/"
    assert problems(preview(westminster, [row])) == [f"Row 2, borough_pages: {REFUSED}"]
    assert pages(shared) == BEFORE
