"""Whatever is in the query string, the navigator never fails with a 5xx."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.answers import PARAMETERS
from navigator.questions import QUESTIONS

SENSIBLE = {
    "urgent": ["yes", "no"],
    "who": ["young-person", "parent-carer", "professional"],
    "age": ["0", "4", "11", "17", "25", "26", "120", "121", "-1", "1e3", "０"],
    "borough": ["westminster", "kensington-and-chelsea", "unknown", "barnet"],
    "postcode": ["W10", "SW6 1AA", "M1", "XX", "TN16"],
    "need": ["anxiety", "self-harm", "not-sure", "early-years"],
    "impact": ["a-little", "quite-a-lot", "a-lot"],
    "delivery": ["online", "phone", "text", "in-person"],
    "free": ["1", "0"],
    "answered": [q.slug for q in QUESTIONS],
}
names = st.sampled_from([*PARAMETERS, "answered", "page", ""])
junk = st.text(max_size=30)
values = st.one_of(junk, st.sampled_from(sum(SENSIBLE.values(), [])))
queries = st.lists(st.tuples(names, values), max_size=12).map(urlencode)
paths = st.sampled_from(
    ["/help/", "/help/results/", "/api/v1/navigator", *(f"/help/{q.slug}/" for q in QUESTIONS[1:])]
)


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=paths, query=queries)
def test_arbitrary_answers_never_give_a_server_error(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query)
    assert not response.cookies
