"""The crisis reader on the real directory (tests/directory/test_safety.py has the reader and
the page on services made for each test): the line for the harm comes first, and crisis lines
lead a crisis search. A module of its own, as its tests share the real directory loaded once
(real_directory_read)."""

import pytest

from directory.models import Service
from directory.search.engine import search


def page(client, query):
    return client.get("/services/", {"q": query}).content.decode()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("a man at the park made me do stuff", "the-havens"),
        ("i was raped", "the-havens"),
        ("mums boyfriend hits her", "national-domestic-abuse-helpline"),
        ("my boyfriend won't let me see my friends", "national-domestic-abuse-helpline"),
        ("dad is drunk every night", "nacoa-helpline"),
        ("my uncle hurts me", "childline"),
        ("someone at home hits me", "childline"),
    ],
)
def test_on_the_real_directory_the_line_for_the_harm_comes_first(
    real_directory_read, client, query, first
):
    results = search(Service.objects.published(), query)
    slugs = [service.slug for service in results]
    assert slugs[0] == first, slugs[:5]
    html = page(client, query)
    assert html.index("If someone is hurting you") < html.index('id="results"')


@pytest.mark.parametrize("query", ["i dont want to wake up tomorrow", "ctb", "slef harm"])
def test_on_the_real_directory_a_crisis_search_lists_crisis_lines_first(real_directory_read, query):
    results = list(search(Service.objects.published(), query))
    assert results and results[0].is_crisis
