import re
from html import unescape

import pytest

from navigator.matching import match_services

from .conftest import answers_for

QUERY = (
    "urgent=no&who=young-person&age=15&borough=kensington-and-chelsea"
    "&need=anxiety&need=self-harm&impact=a-little"
)


def test_the_api_gives_the_same_results_as_the_page(client, directory):
    data = client.get(f"/api/v1/navigator?{QUERY}").json()
    page = client.get(f"/help/results/?{QUERY}").content.decode()
    names_on_page = re.findall(
        r'<h3 class="nhsuk-card__heading[^"]*"><a href="[^"]+">([^<]+)</a>', page
    )
    # The page groups matches, so compare membership, and the ranking with the engine's.
    assert sorted(m["name"] for m in data["matches"]) == sorted(map(unescape, names_on_page))
    expected = match_services(answers_for(QUERY))
    assert [m["slug"] for m in data["matches"]] == [m.service.slug for m in expected.matches]
    assert data["count"] == expected.count


def test_the_api_shape(client, directory):
    data = client.get(f"/api/v1/navigator?{QUERY}").json()
    assert data["urgent_help_shown"] is True
    first = data["matches"][0]
    assert set(first) == {
        "id",
        "slug",
        "name",
        "thrive_category",
        "rank",
        "reasons",
        "how_to_get_in",
        "check_first",
        "url",
    }
    assert first["rank"] == 1
    assert first["thrive_category"] == "getting-risk-support"
    assert first["url"] == f"http://testserver/services/{first['slug']}/"
    kooth = next(m for m in data["matches"] if m["slug"] == "kooth")
    assert kooth["id"] == directory["kooth"].pk
    assert "You can contact them yourself" in kooth["reasons"]
    assert data["next_steps"]


def test_urgent_help_not_shown_for_other_needs(client, directory):
    query = QUERY.replace("&need=self-harm", "")
    assert client.get(f"/api/v1/navigator?{query}").json()["urgent_help_shown"] is False


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (QUERY.replace("age=15", "age=fifteen"), "age"),
        (QUERY.replace("borough=kensington-and-chelsea", "borough=gotham"), "borough"),
        (QUERY.replace("impact=a-little", ""), "impact"),
        (QUERY + "&delivery=owl", "delivery"),
        ("", "who"),
    ],
)
def test_bad_parameters_give_400_with_a_message(client, db, query, field):
    response = client.get(f"/api/v1/navigator?{query}")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[field]
    assert all(isinstance(message, str) for message in errors[field])


def test_the_api_sends_no_cookies_and_is_not_cached(client, directory):
    response = client.get(f"/api/v1/navigator?{QUERY}")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_urgent_yes_answers_with_urgent_help_and_asks_for_nothing_else(client, db):
    response = client.get("/api/v1/navigator?urgent=yes")
    assert response.status_code == 200
    data = response.json()
    assert data["urgent_help_shown"] is True
    assert data["matches"] == []
    assert data["urgent_help_url"] == "http://testserver/urgent-help/"
    lines = {line["key"]: line for line in data["lines"]}
    assert lines["emergency"]["phone"] == "999"
    assert (lines["nhs-111"]["phone"], lines["nhs-111"]["option"]) == ("111", "2")
    assert {"childline", "shout", "samaritans"} <= set(lines)
    assert "local_line" not in data


def test_urgent_yes_with_a_borough_adds_its_local_line(client, db):
    data = client.get("/api/v1/navigator?urgent=yes&borough=westminster&age=oops").json()
    assert data["local_line"]["phone"] == "0800 023 4650"
    assert data["urgent_help_url"].endswith("/urgent-help/?borough=westminster")
    unknown = client.get("/api/v1/navigator?urgent=yes&borough=gotham").json()
    assert "local_line" not in unknown
