"""/services/?applies=…: the directory's filter for the navigator's "Do any of these apply?",
with the same rule (ServiceQuerySet.open_to)."""

import pytest

from tests.factories import make_service


@pytest.fixture
def services(db):
    make_service(name="Open To All", need=("anxiety",))
    make_service(name="For Young People In Care", eligibility=("looked-after-or-care-leaver",))
    make_service(name="For Young People With SEND", eligibility=("send",))
    make_service(name="At Schools That Take Part", eligibility=("attends-participating-school",))


def page(client, query=""):
    response = client.get(f"/services/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_without_the_filter_every_service_is_listed(client, services):
    html = page(client)
    for name in ["Open To All", "For Young People In Care", "For Young People With SEND"]:
        assert name in html


def test_none_of_these_hides_services_only_for_people_in_a_situation(client, services):
    html = page(client, "applies=none")
    assert "Open To All" in html
    assert "At Schools That Take Part" in html  # a condition to check, not a restriction
    assert "For Young People In Care" not in html
    assert "For Young People With SEND" not in html
    assert "None of the situations apply" in html  # the removable filter


def test_a_situation_shows_its_services_and_not_other_situations(client, services):
    html = page(client, "applies=send")
    assert "For Young People With SEND" in html
    assert "Open To All" in html
    assert "For Young People In Care" not in html
    assert "Applies: Special educational needs or a disability (SEND)" in html


def test_the_filter_offers_each_situation(client, services):
    html = page(client)
    assert "Do any of these apply?" in html
    assert 'name="applies" type="checkbox" value="looked-after-or-care-leaver"' in html
    assert 'value="none"' in html
    assert 'value="lives-in-borough"' not in html


def test_an_unknown_situation_is_a_clear_message_not_an_error(client, services):
    html = page(client, "applies=pirate")
    assert "We do not recognise one of the situations chosen" in html
    assert "For Young People In Care" in html  # the bad filter is not used
