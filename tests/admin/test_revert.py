"""Issue 22, requirement 2: putting an old version back (django-simple-history's
history/<history_id>/ form) obeys the same rules as editing. What a commissioner may not change
keeps its current value, or the revert is refused in words; tested by direct POST."""

import pytest

from directory.models import Borough, Service

from .helpers import form_data

pytestmark = pytest.mark.django_db

CHANGE = "/admin/directory/service/{}/change/"
VERSION = "/admin/directory/service/{}/history/{}/"


@pytest.fixture
def administrator(make_commissioner):
    return make_commissioner("ada", all_boroughs=True)


def save_as(client, service, **changes):
    """Saves the service through the admin's change form, as a user would."""
    response = client.post(CHANGE.format(service.pk), form_data(service, **changes))
    assert response.status_code == 302, errors(response)
    service.refresh_from_db()
    return service.history.first()


def revert_form(client, service, version):
    """What the version's page offers, as a browser would post it back unchanged."""
    page = client.get(VERSION.format(service.pk, version.history_id))
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = (
                [row.pk if hasattr(row, "pk") else row for row in value]
                if isinstance(value, list | tuple)
                else value
            )
    return data


def post_revert(client, service, version, **tampered):
    data = {**revert_form(client, service, version), **tampered}
    return client.post(VERSION.format(service.pk, version.history_id), data)


def errors(response):
    form = response.context["adminform"].form
    return [str(error) for field in form.errors.values() for error in field]


def test_a_revert_keeps_the_crisis_flag_a_commissioner_may_not_change(
    administrator, westminster, westminster_service
):
    crisis = save_as(administrator, westminster_service, is_crisis="on", phone="020 7946 0555")
    save_as(administrator, westminster_service, is_crisis=None, phone="020 7946 0001")
    assert westminster_service.is_crisis is False
    # Posted as the old version's page offers it, and again with the flag forced in.
    for tampered in [{}, {"is_crisis": "on"}]:
        response = post_revert(westminster, westminster_service, crisis, **tampered)
        assert response.status_code == 302, response.content.decode()[:3000]
        westminster_service.refresh_from_db()
        assert westminster_service.phone == "020 7946 0555"  # the revert itself happened
        assert westminster_service.is_crisis is False


def test_a_revert_keeps_the_national_flag_a_commissioner_may_not_change(
    administrator, westminster, westminster_service
):
    national = save_as(administrator, westminster_service, is_national="on", phone="020 7946 0555")
    save_as(administrator, westminster_service, is_national=None, phone="020 7946 0001")
    for tampered in [{}, {"is_national": "on"}]:
        response = post_revert(westminster, westminster_service, national, **tampered)
        assert response.status_code == 302, response.content.decode()[:3000]
        westminster_service.refresh_from_db()
        assert westminster_service.phone == "020 7946 0555"
        assert westminster_service.is_national is False
    # Still theirs to change afterwards.
    assert westminster.get(CHANGE.format(westminster_service.pk)).status_code == 200


def test_an_administrator_reverts_the_flags_too(administrator, westminster_service):
    crisis = save_as(administrator, westminster_service, is_crisis="on", is_national="on")
    save_as(administrator, westminster_service, is_crisis=None, is_national=None)
    assert post_revert(administrator, westminster_service, crisis).status_code == 302
    westminster_service.refresh_from_db()
    assert (westminster_service.is_crisis, westminster_service.is_national) == (True, True)


def test_a_revert_that_would_publish_an_unready_service_is_refused_in_words(
    administrator, westminster, westminster_service
):
    no_contact = save_as(administrator, westminster_service, status="draft", website="", phone="")
    save_as(
        administrator,
        westminster_service,
        status="published",
        website="https://x.org/",
        referral_url="https://x.org/refer/",
        contact_source_url="https://x.org/",
        contact_source_read_on="2026-12-01",
    )
    response = post_revert(westminster, westminster_service, no_contact, status="published")
    assert response.status_code == 200
    assert any("To publish, give a direct way in" in e for e in errors(response))
    westminster_service.refresh_from_db()
    assert (westminster_service.status, westminster_service.website) == (
        "published",
        "https://x.org/",
    )
    # A status that is not one of the choices is refused too.
    response = post_revert(westminster, westminster_service, no_contact, status="deleted")
    assert response.status_code == 200 and errors(response)
    # The draft version itself may be put back: a commissioner sets the status when editing.
    assert post_revert(westminster, westminster_service, no_contact).status_code == 302
    westminster_service.refresh_from_db()
    assert (westminster_service.status, westminster_service.phone) == ("draft", "")


def test_a_revert_cannot_bring_back_a_borough_the_commissioner_does_not_manage(
    administrator, westminster, westminster_service
):
    rbkc = Borough.objects.get(slug="kensington-and-chelsea")
    both = [westminster_service.boroughs.get().pk, rbkc.pk]
    shared = save_as(administrator, westminster_service, boroughs=both)
    save_as(administrator, westminster_service, boroughs=both[:1])
    response = post_revert(westminster, westminster_service, shared)
    assert response.status_code == 200
    assert errors(response) == [
        "You do not manage Kensington and Chelsea. Ask a directory administrator to add it."
    ]
    assert list(westminster_service.boroughs.values_list("slug", flat=True)) == ["westminster"]


def test_a_revert_cannot_take_off_a_borough_the_commissioner_does_not_manage(
    administrator, westminster, westminster_service
):
    rbkc = Borough.objects.get(slug="kensington-and-chelsea")
    alone = westminster_service.history.first()
    both = [westminster_service.boroughs.get().pk, rbkc.pk]
    save_as(administrator, westminster_service, boroughs=both)
    response = post_revert(westminster, westminster_service, alone)
    assert response.status_code == 200
    assert errors(response) == [
        "You do not manage Kensington and Chelsea, so you cannot take it off this service."
    ]
    # Posted by hand with the other borough kept: the revert goes through.
    response = post_revert(westminster, westminster_service, alone, boroughs=both)
    assert response.status_code == 302
    assert set(westminster_service.boroughs.values_list("slug", flat=True)) == {
        "westminster",
        "kensington-and-chelsea",
    }
    assert Service.objects.get(pk=westminster_service.pk).is_national is False
