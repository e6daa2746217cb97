"""Bad input never gives a 5xx (issue 14, requirement 1).

Whatever the query string holds, on every public page that reads one, the answer is a page
(with a message saying what was wrong) or a 400 JSON naming the parameter: never a server
error. Numbers are read in the digits 0 to 9 only (directory/whole_numbers.py): "²" passes
str.isdigit() but int() refuses it; "١٢" is 12 to int(), and to Django's IntegerField.

The property tests draw values from all of Unicode (other scripts' digits, superscripts,
circled numbers, NUL, emoji, very long values); the real directory is loaded once for the
module.
"""

from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.filters import PARAMETERS as DIRECTORY_PARAMETERS
from directory.whole_numbers import TOO_BIG, WholeNumberField, has_other_digits, whole_number
from navigator.answers import PARAMETERS as NAVIGATOR_PARAMETERS
from navigator.answers import answered_age
from navigator.questions import QUESTIONS
from tests.factories import make_organisation, make_service

pytestmark = pytest.mark.usefixtures("real_directory_read")

# Numbers written other ways, NUL, and values far too long for any field.
OTHER_DIGITS = ["²", "١٢", "①", "١٥", "０", "１５", "𝟏𝟓", "৫", "¹²", "Ⅻ", "½", "五"]
AWKWARD = [
    "\x00", "1\x00", "\x00" * 3, "", " ", "-1", "+5", "1e3", "15.0", "NaN", "0x10", "9" * 30,
    "9" * 5000, "٩" * 10_000, "a" * 10_000, "🙂", "%", "'", "\\", "<script>", "\ufeff15",
]  # fmt: skip
REGRESSION_VALUES = ["²", "١٢", "①", "\x00"]

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # all of Unicode but surrogates
    max_size=40,
)
values = st.one_of(
    unicode_text,
    st.sampled_from(OTHER_DIGITS + AWKWARD),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.sampled_from(["westminster", "anxiety", "self", "online", "1", "yes", "young-person"]),
)
PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

QUESTION_PATHS = ["/help/", *(f"/help/{q.slug}/" for q in QUESTIONS[1:])]
NAVIGATOR_PATHS = [*QUESTION_PATHS, "/help/results/", "/help/over-25/", "/api/v1/navigator"]
NAVIGATOR_NAMES = [*NAVIGATOR_PARAMETERS, "answered", "answers"]
ORUK_COLLECTIONS = [
    "/api/v1/services",
    "/api/v1/service_at_locations",
    "/api/v1/organizations",
    "/api/v1/taxonomies",
    "/api/v1/taxonomy_terms",
]
ORUK_NAMES = [
    "page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "minimum_age",
    "maximum_age", "postcode", "free", "borough", "need", "thrive", "referral", "delivery",
    "audience", "organization_id", "modified_after", "full", "minimal", "full_service",
    "vocabulary", "text", "parent_id", "top_only", "format",
]  # fmt: skip
# Every public page and the GET parameters it reads.
PAGES = {
    "/": ["service", "q"],
    "/services/": [*DIRECTORY_PARAMETERS, "page", "service"],
    "/services/kooth-bi-borough/": ["service"],
    "/services/kooth-bi-borough/report/": ["service"],
    "/shortlist/": ["service", "q"],
    "/urgent-help/": ["borough", "service"],
    "/privacy/": ["service"],
    **{path: NAVIGATOR_NAMES for path in NAVIGATOR_PATHS},
    **{path: ORUK_NAMES for path in ORUK_COLLECTIONS},
}


def queries(names):
    return st.lists(st.tuples(st.sampled_from(names), values), max_size=8).map(urlencode)


def get(client, path, query):
    response = client.get(f"{path}?{query}" if query else path)
    assert response.status_code < 500, (path, query)
    return response


@pytest.mark.parametrize("path", PAGES)
def test_no_query_string_gives_a_server_error(client, path):
    @PROPERTY_SETTINGS
    @given(query=queries(PAGES[path]))
    def check(query):
        get(client, path, query)

    check()


@PROPERTY_SETTINGS
@given(slug=unicode_text, query=queries(["service", "q"]))
def test_no_service_address_gives_a_server_error(client, slug, query):
    get(client, "/services/" + slug.replace("/", "") + "/", query)


@PROPERTY_SETTINGS
@given(identifier=unicode_text)
def test_no_api_record_address_gives_a_server_error(client, identifier):
    for collection in ORUK_COLLECTIONS:
        get(client, f"{collection}/{identifier.replace('/', '')}", "")


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_parameter_of_every_page_takes_awkward_values(client, path):
    for value in OTHER_DIGITS + AWKWARD:
        get(client, path, urlencode([(name, value) for name in PAGES[path]]))


# The number-reading parameters, one by one: "²", "١٢", "①" and NUL are refused with a
# message that says what to write, never read as a number and never a server error.

COMPLETE = {
    "urgent": "no",
    "who": "young-person",
    "age": "15",
    "borough": "westminster",
    "need": "anxiety",
    "impact": "a-lot",
}


def with_age(age, **more):
    return urlencode({**COMPLETE, "age": age, **more})


@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_the_age_question_refuses_other_digits_with_a_message(client, value):
    response = get(client, "/help/age/", with_age(value, answered="age"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "nhsuk-error-summary" in page
    if value == "\x00":
        assert "Enter an age in whole years, like 15" in page
    else:
        assert "Write the age with the digits 0 to 9, like 15" in page


@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_the_first_question_with_a_bad_age_is_still_the_danger_question(client, value):
    """The bug that started this: /help/?who=young-person&age=² was a 500, hiding the
    question that leads to urgent help."""
    response = get(client, "/help/", urlencode({"who": "young-person", "age": value}))
    assert response.status_code == 200
    assert "Is anyone in danger now?" in response.content.decode()


@pytest.mark.parametrize("path", [f"/help/{q.slug}/" for q in QUESTIONS[3:]])
@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_later_questions_send_a_bad_age_back_to_the_age_question(client, path, value):
    response = get(client, path, with_age(value))
    assert response.status_code == 302
    assert response["Location"].startswith("/help/age/")


@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_the_results_page_says_the_age_is_wrong(client, value):
    response = get(client, "/help/results/", with_age(value))
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not show results for this link" in page
    if value != "\x00":
        assert "Write the age with the digits 0 to 9, like 15" in page
    assert "Get help now" in page  # urgent help is still one tap away


@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_the_navigator_api_answers_400_naming_the_age(client, value):
    response = get(client, "/api/v1/navigator", with_age(value))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["age"]


@pytest.mark.parametrize("value", REGRESSION_VALUES)
@pytest.mark.parametrize(
    "name, message",
    [
        ("age", "Age must be a whole number, like 15"),
        ("page", "The page number must be a whole number"),
    ],
)
def test_the_directory_says_when_a_number_is_not_one(client, name, value, message):
    response = get(client, "/services/", urlencode({name: value}))
    assert response.status_code == 200
    page = response.content.decode()
    if value == "\x00":
        assert message in page
    else:
        assert "with the digits 0 to 9" in page
    assert "Error:" in page[page.index("<title>") : page.index("</title>")]


@pytest.mark.parametrize("value", REGRESSION_VALUES)
@pytest.mark.parametrize("name", ["page", "per_page", "minimum_age", "maximum_age"])
def test_the_open_referral_api_answers_400_naming_the_number(client, name, value):
    response = get(client, "/api/v1/services", urlencode({name: value}))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]


@pytest.mark.parametrize(
    "value", [*REGRESSION_VALUES, "١" * 32, "١١١١١١١١-١١١١-١١١١-١١١١-١١١١١١١١١١١١"]
)
@pytest.mark.parametrize("name", ["taxonomy_term_id", "taxonomy_id", "organization_id"])
def test_the_open_referral_api_reads_ids_in_ascii_only(client, name, value):
    """An id in other digits is never read as one of ours: it names nothing, so the page is
    empty (ORUK clients send other directories' ids: issue 25), or a 400 naming it (NUL)."""
    make_service(name="Not to be found", organisation=make_organisation(uuid="1" * 32))
    response = get(client, "/api/v1/services", urlencode({name: value}))
    if response.status_code == 400:
        assert list(response.json()["errors"]) == [name]
    else:
        assert response.json()["contents"] == []


@pytest.mark.parametrize("value", REGRESSION_VALUES)
def test_the_shortlist_drops_what_is_not_a_service(client, value):
    response = get(
        client, "/shortlist/", urlencode([("service", value), ("service", "kooth-bi-borough")])
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kooth" in page
    assert "1 service in this link could not be found" in page


# The helper itself.


@pytest.mark.parametrize(
    "text, number",
    [
        ("15", 15), (" 15 ", 15), ("015", 15), ("+5", 5), ("-1", -1), ("0", 0),
        ("9" * 5000, 10**18), ("-" + "9" * 40, -(10**18)),
        ("²", None), ("١٢", None), ("①", None), ("\x00", None), ("1\x00", None), ("", None),
        ("15.0", None), ("1e3", None), ("０", None), ("- 1", None), ("1 5", None), (None, None),
    ],
)  # fmt: skip
def test_whole_number_reads_the_digits_0_to_9_only(text, number):
    assert whole_number(text) == number


def test_other_digits_are_recognised_for_the_message():
    assert all(has_other_digits(text) for text in OTHER_DIGITS)
    assert not any(has_other_digits(text) for text in ["15", "abc", "\x00", "-1", "🙂"])


@pytest.mark.parametrize("text", ["²", "١٢", "①", "\x00", "12a", "9" * 5000])
def test_the_form_field_refuses_what_int_would_read_or_choke_on(text):
    field = WholeNumberField(max_value=25)
    with pytest.raises(ValidationError) as raised:
        field.clean(text)
    codes = {error.code for error in raised.value.error_list}
    if has_other_digits(text):
        assert codes == {"other_digits"}
    else:
        assert codes in ({"invalid"}, {"max_value"})


@given(text=unicode_text)
def test_whatever_whole_number_reads_is_ascii_and_what_int_reads(text):
    number = whole_number(text)
    if number is not None:
        assert text.isascii()
        assert int(text) == number or abs(number) == TOO_BIG


@given(text=st.from_regex(r"\A[+-]?[0-9]{1,18}\Z"))
def test_whole_number_reads_every_ascii_number(text):
    assert whole_number(text) == int(text)


@pytest.mark.parametrize(
    "age, read", [("15", 15), (" 40", 40), ("²", None), ("١٢", None), ("①", None), ("-1", None)]
)
def test_the_navigator_reads_an_answered_age_in_ascii_digits_only(age, read):
    assert answered_age({"age": age}) == read
