"""A parameter the API takes is a parameter its OpenAPI document describes (issue 24, req. 3).

"Takes" is read from the code that checks the parameters, two ways: the fields of the form
each view checks with (the view's `form_class`; the navigator's ResultsForm and the names
navigator/answers.py lets through), and by probing: every field name of every form and filter
in the project is sent to every endpoint, and each one that changes the answer must be
described there (or refused by name as not supported)."""

import pytest
from django import forms
from django.http import QueryDict
from django.urls import resolve

from directory.filters import ServiceFilter
from navigator.answers import PARAMETERS as NAVIGATOR_ANSWERS
from navigator.forms import ResultsForm
from openreferral import params
from openreferral.openapi import document
from openreferral.params import ALIASES
from openreferral.taxonomy import BY_ID, term_index
from tests.factories import make_organisation, make_service
from tests.openreferral.conftest import make_service_with_a_place

API = "/api/v1"
NAVIGATOR_ASKED = {
    "urgent": "no", "who": "young-person", "age": "15", "borough": "westminster",
    "need": "anxiety", "impact": "a-lot",
}  # fmt: skip
PROBE = "zz-probe"


def operations():
    """{path: operation} for each operation of the document."""
    return {
        path: item["get"] for path, item in document(f"http://testserver{API}")["paths"].items()
    }


def described(path):
    return {parameter["name"] for parameter in operations()[path].get("parameters", [])}


@pytest.fixture
def records(db):
    """A service with a place, another, an organisation: something for every list to show."""
    place_service = make_service_with_a_place()
    make_service(name="Counselling Online", organisation=make_organisation(name="Talk"))
    return {
        "/services/{id}": place_service.uuid,
        "/organizations/{id}": place_service.organisation.uuid,
        "/service_at_locations/{id}": place_service.locations.get().uuid,
        "/taxonomies/{id}": next(iter(BY_ID)),
        "/taxonomy_terms/{id}": next(iter(term_index())),
    }


def concrete(path, records):
    return path.replace("{id}", str(records[path])) if "{id}" in path else path


def checked_names(path, records):
    """The names the code that checks `path`'s parameters takes."""
    if path == "/navigator":
        return set(ResultsForm.base_fields) | set(NAVIGATOR_ANSWERS)
    url = concrete(path, records)
    form_class = getattr(resolve(f"{API}{url}").func, "form_class", None)
    return set(form_class(QueryDict()).fields) if form_class else set()


def test_every_parameter_a_form_checks_is_described(records):
    for path in operations():
        missing = checked_names(path, records) - described(path)
        assert not missing, (path, missing)


def test_the_navigator_applies_and_free_are_described():
    assert {"applies", "free"} <= described("/navigator")


def test_a_field_added_to_a_form_without_a_declaration_is_caught(records, monkeypatch):
    extra = {**params.ServiceOnlyListForm.base_fields, "colour": forms.CharField(required=False)}
    monkeypatch.setattr(params.ServiceOnlyListForm, "base_fields", extra)
    assert checked_names("/services", records) - described("/services") == {"colour"}


def candidate_names():
    """Every field name of every form and filter that reads the public's parameters."""
    names = set(ServiceFilter.base_filters) | set(ResultsForm.base_fields) | set(NAVIGATOR_ANSWERS)
    for form_class in vars(params).values():
        declared = isinstance(form_class, type) and issubclass(form_class, params.DeclaredForm)
        if declared and form_class.endpoint:
            names |= set(form_class(QueryDict()).fields)
    return names | set(ALIASES) | set(params.UNSUPPORTED)


def answer(client, url, query):
    response = client.get(f"{API}{url}", query)
    return response.status_code, response.content


def refused_by_name(client, url, query, name):
    response = client.get(f"{API}{url}", query)
    errors = response.json().get("errors", {}) if response.status_code == 400 else {}
    return any(message.startswith("Not supported") for message in errors.get(name, []))


@pytest.mark.parametrize("path", sorted(operations()))
def test_every_parameter_that_changes_an_answer_is_described(client, records, path):
    url = concrete(path, records)
    base = NAVIGATOR_ASKED if path == "/navigator" else {}
    unasked = answer(client, url, base)
    assert unasked[0] == 200, path
    descriptions = {p["name"]: p["description"] for p in operations()[path].get("parameters", [])}
    taken = []
    for name in sorted(candidate_names()):
        query = {**base, name: PROBE}
        if answer(client, url, query) == unasked or refused_by_name(client, url, query, name):
            continue
        taken.append(name)
        if name in ALIASES:  # described as what it means: "(… `text` is read as this)"
            assert f"`{name}`" in descriptions.get(ALIASES[name], ""), (path, name)
        else:
            assert name in descriptions, (path, name)
    assert taken or path == "/" or "{id}" in path, path
    if path == "/navigator":  # the two the document once left out
        assert {"applies", "free"} <= set(taken)
