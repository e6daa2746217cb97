"""Crisis helplines live in one place, pages/helplines.py, and every page shows them from
there: change a number in the data and it changes everywhere, and nowhere keeps the old one."""

import json
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.views.defaults import server_error

from config.database import unavailable
from directory.phone import is_valid_uk_phone
from pages import helplines
from tests.factories import make_service

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "directory.json"
SELF_HARM_RESULTS = (
    "/help/results/?urgent=no&who=young-person&age=15&borough=westminster"
    "&need=self-harm&impact=a-lot"
)
NEW_NUMBER = "020 7946 0000"  # an Ofcom drama number: valid, and nobody's helpline


def every_helpline():
    return [*helplines.NATIONAL_LINES.values(), *set(helplines.LOCAL_URGENT_LINES.values())]


def server_error_page():
    return server_error(RequestFactory().get("/")).content.decode()


def database_down_page():
    request = RequestFactory().get("/services/")
    return unavailable(request, OperationalError("connection refused")).content.decode()


@pytest.fixture
def samaritans_moved(monkeypatch):
    """Samaritans' number changed in the data, and only there."""
    moved = replace(helplines.SAMARITANS, phone=NEW_NUMBER)
    monkeypatch.setitem(helplines.NATIONAL_LINES, "samaritans", moved)


@pytest.fixture
def pages_showing_samaritans(client, db):
    """The page name and HTML of every page that shows Samaritans' number."""

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content.decode()

    def pages():
        make_service(need=("self-harm",), borough=("westminster",))  # a service, no phone
        return {
            "urgent help": get("/urgent-help/"),
            "500 page": server_error_page(),
            "503 page (database down)": database_down_page(),
            "navigator urgent card": get(SELF_HARM_RESULTS),
            "adult support": get("/help/over-25/"),
        }

    return pages


def links_to(page, href, number):
    """The page links to `href` with the number in the link's words (a link or a button)."""
    return re.search(rf'href="{re.escape(href)}">[^<]*{re.escape(number)}', page) is not None


def test_a_number_changed_in_the_data_changes_on_every_page(
    samaritans_moved, pages_showing_samaritans
):
    for name, page in pages_showing_samaritans().items():
        assert links_to(page, "tel:+442079460000", "020 7946 0000"), name
        assert "116 123" not in page, name
        assert "116123" not in page, name


def test_every_page_shows_the_numbers_as_they_are_in_the_data(pages_showing_samaritans):
    for name, page in pages_showing_samaritans().items():
        assert links_to(page, "tel:116123", "116 123"), name
        assert links_to(page, "sms:85258?&amp;body=SHOUT", "85258"), name


def test_the_navigator_card_shows_the_local_line_from_the_data(client, db, monkeypatch):
    moved = replace(helplines.CNWL, phone=NEW_NUMBER)
    monkeypatch.setitem(helplines.LOCAL_URGENT_LINES, "westminster", moved)
    make_service(need=("self-harm",), borough=("westminster",))
    for url in [SELF_HARM_RESULTS, "/urgent-help/?borough=westminster"]:
        page = client.get(url).content.decode()
        assert "In Westminster" in page, url
        assert links_to(page, "tel:+442079460000", "020 7946 0000"), url
        assert "0800 023 4650" not in page, url


def test_the_500_page_stands_alone_and_lists_every_national_line():
    page = server_error_page()
    assert "<!DOCTYPE html>" in page
    assert "stylesheet" not in page  # nothing that could itself fail to load
    for line in helplines.NATIONAL_LINES.values():
        for number in (line.phone, line.text_number):
            if number:
                assert f">{number}</a>" in page, line.name


def test_every_phone_and_text_number_is_a_valid_uk_number_or_short_code():
    numbers = [
        (line.name, number)
        for line in every_helpline()
        for number in (line.phone, line.text_number)
        if number
    ]
    assert len(numbers) >= 10
    assert [(name, number) for name, number in numbers if not is_valid_uk_phone(number)] == []


def test_every_line_says_who_it_is_for_and_when_it_is_open():
    for line in every_helpline():
        assert line.who and line.hours, line.name
        assert line.phone or line.text_number, line.name


def test_the_local_lines_say_who_runs_them():
    assert all(line.run_by for line in helplines.LOCAL_URGENT_LINES.values())


@pytest.mark.parametrize(
    ("service_slug", "line"),
    [
        ("childline", helplines.CHILDLINE),
        ("samaritans", helplines.SAMARITANS),
        ("shout-85258", helplines.SHOUT),
        ("papyrus-hopeline247", helplines.PAPYRUS),
        ("nhs-111-mental-health", helplines.NHS_111_MENTAL_HEALTH),
        ("cnwl-24-7-urgent-advice-line", helplines.CNWL),
    ],
)
def test_the_directory_entries_for_these_lines_give_the_same_numbers(service_slug, line):
    """The directory lists these lines as services too (fixtures/directory.json); a number
    changed in one place must be changed in the other."""
    services = {service["slug"]: service for service in json.loads(FIXTURE.read_text())["services"]}
    service = services[service_slug]
    assert service["phone"] == line.phone
    assert service["sms_number"] == line.text_number
    assert service["sms_keyword"] == line.text_keyword


def test_helplines_are_plain_frozen_data():
    assert {field.name for field in fields(helplines.Helpline)} >= {"name", "who", "hours"}
    with pytest.raises(AttributeError):
        helplines.SAMARITANS.phone = NEW_NUMBER


def test_a_borough_without_a_listed_line_has_none():
    assert helplines.local_urgent_line("hackney") is None
    assert helplines.local_urgent_line("") is None
    assert helplines.local_urgent_line(None) is None
    assert helplines.local_urgent_line("westminster") is helplines.CNWL


def test_the_navigators_next_steps_take_their_numbers_from_the_data(samaritans_moved, client, db):
    from navigator import wording

    assert any("020 7946 0000" in step for step in wording.adult_next_steps())
    api = client.get(
        "/api/v1/navigator",
        {"urgent": "no", "who": "young-person", "age": "30", "borough": "westminster",
         "need": "anxiety", "impact": "a-lot"},
    )  # fmt: skip
    steps = " ".join(api.json()["next_steps"])
    assert "020 7946 0000" in steps and "116 123" not in steps
