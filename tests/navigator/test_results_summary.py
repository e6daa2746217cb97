"""Results a phone can hold: the answers given at the top, each with a link to change it;
the best few first and the rest behind "show more" (no JavaScript); plain headings; the need
question offering what suits who it is for; and "Question 3 of 8" on every question."""

import html as html_lib
import re

import pytest

from navigator import flow
from navigator.flow import progress
from navigator.matching import BEST_FIRST
from navigator.questions import QUESTIONS, Question
from tests.factories import make_service

from .conftest import plain

TEEN = "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=quite-a-lot"
TODDLER = "urgent=no&who=parent-carer&age=2&borough=westminster&need=early-years&impact=quite-a-lot"

MORE_RESULTS = '<details class="nhsuk-details app-more-results">'


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:400]
    return response.content.decode()


def summary_rows(html):
    """[(key, value, change href)] from the answers at the top of the results."""
    block = html[html.index('class="nhsuk-summary-list app-answer-summary"') :]
    block = block[: block.index("</dl>")]
    rows = re.findall(
        r'__key">(.*?)</dt>\s*<dd class="nhsuk-summary-list__value">(.*?)</dd>\s*'
        r'<dd class="nhsuk-summary-list__actions"><a href="(.*?)">Change',
        block,
    )
    return [
        (key, html_lib.unescape(value), plain(html_lib.unescape(href))) for key, value, href in rows
    ]


def card_names(html):
    return re.findall(r'nhsuk-card__heading[^>]*><a href="/services/[^"]+/">(.*?)</a>', html)


class TestAnswersAtTheTop:
    def test_each_answer_with_a_link_to_its_question_carrying_the_answers(
        self, client, westminster
    ):
        html = page(client, f"/help/results/?{TEEN}&delivery=online&free=1")
        carried = f"?{TEEN}&delivery=online&free=1"
        assert summary_rows(html) == [
            ("Who it is for", "You", f"/help/who/{carried}"),
            ("Age", "15", f"/help/age/{carried}"),
            ("Where", "Westminster", f"/help/where/{carried}"),
            ("What it is about", "Feeling anxious or worried", f"/help/need/{carried}"),
            ("How much it affects everyday life", "Quite a lot", f"/help/impact/{carried}"),
            ("Situations that apply", "None of these", f"/help/applies/{carried}"),
            (
                "How to get support",
                "Online or chat; free services only",
                f"/help/preferences/{carried}",
            ),
        ]
        # The summary comes before the results.
        assert html.index("app-answer-summary") < html.index("app-match")
        # Each "Change" says, to a screen reader, what it changes.
        assert '<span class="nhsuk-u-visually-hidden"> what it is about</span>' in html

    def test_the_change_links_open_the_question_with_the_answer_given(self, client, westminster):
        html = page(client, f"/help/results/?{TEEN}")
        href = dict((key, href) for key, _, href in summary_rows(html))["What it is about"]
        question = page(client, href)
        assert re.search(r'value="anxiety" checked', question)

    def test_a_parent_several_needs_not_in_london_and_no_preference(self, client, westminster):
        query = (
            "urgent=no&who=parent-carer&age=2&borough=unknown&need=early-years&need=sleep"
            "&impact=a-lot"
        )
        values = [value for _, value, _ in summary_rows(page(client, f"/help/results/?{query}"))]
        assert values == [
            "Your child, or a young person you care for",
            "2",
            "Not in London, or not known",
            "Babies and young children (under 5) and problems sleeping",
            "A lot",
            "None of these",
            "No preference",
        ]

    def test_not_sure(self, client, westminster):
        html = page(client, f"/help/results/?{TEEN.replace('need=anxiety', 'need=not-sure')}")
        assert ("What it is about", "Not sure") in [(k, v) for k, v, _ in summary_rows(html)]

    def test_the_page_title_stays_generic(self, client, westminster):
        html = page(client, f"/help/results/?{TEEN}")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert title.strip().startswith("Your results")
        for answer in ("Westminster", "15", "anxious", r"You\b"):
            assert not re.search(answer, title)


class TestBestFirst:
    def test_the_best_five_first_and_the_rest_behind_show_more(self, client, db):
        for number in range(8):
            make_service(
                name=f"Anxiety service {number}", borough=("westminster",), need=("anxiety",)
            )
        html = page(client, f"/help/results/?{TEEN}")
        details = html.index('<details class="nhsuk-details app-more-results">')
        assert card_names(html[:details]) == [f"Anxiety service {n}" for n in range(BEST_FIRST)]
        inside = html[details : html.index("</details>", details)]
        assert card_names(inside) == ["Anxiety service 5", "Anxiety service 6", "Anxiety service 7"]
        assert "Show 3 more services that may help" in inside
        assert "8 services may help. The 5 that fit best come first" in html
        # Nothing stored, nothing scripted: a plain <details>, and the same answers in the link.
        assert "Set-Cookie" not in str(client.get(f"/help/results/?{TEEN}").headers)

    def test_five_or_fewer_need_no_show_more(self, client, db):
        for _ in range(BEST_FIRST):
            make_service(borough=("westminster",), need=("anxiety",))
        html = page(client, f"/help/results/?{TEEN}")
        assert len(card_names(html)) == BEST_FIRST
        assert "app-more-results" not in html  # (the plain link to share is a <details> too)
        assert "come first" not in html

    def test_the_link_to_the_directory_for_the_rest_is_at_the_end_of_show_more(self, client, db):
        for _ in range(23):
            make_service(borough=("westminster",), need=("anxiety",))
        html = page(client, f"/help/results/?{TEEN}")
        more = html.index(MORE_RESULTS)
        inside = html[more : html.index("</details>", more)]
        assert "Show 15 more services that may help" in inside
        assert "There are 3 more services that may fit" in inside


class TestPlainHeadings:
    def test_groups_are_headed_in_plain_english_with_thrive_as_a_small_label(
        self, client, westminster
    ):
        html = page(client, f"/help/results/?{TEEN}")
        headings = re.findall(r'<h2 class="nhsuk-heading-m[^"]*" id="[^"]+">(.*?)</h2>', html)
        assert headings
        plain = {
            "Staying well",
            "Advice and someone to talk to",
            "Counselling and regular support",
            "More specialist help",
            "Urgent and crisis support",
        }
        assert set(headings) <= plain
        assert "THRIVE category: Getting Help" in html


class TestTheScenarios:
    def test_an_anxious_teenager_sees_kooth_first_and_no_parenting_service_in_the_best_five(
        self, client, westminster
    ):
        # Two more services for young people, so that five come before the others.
        for name in ("Youth hub counselling", "School wellbeing team"):
            make_service(name=name, borough=("westminster",), need=("anxiety",))
        html = page(client, f"/help/results/?{TEEN}")
        best = card_names(html[: html.index(MORE_RESULTS)])
        assert best[0] == "Kooth"
        assert "Family Hubs" not in best
        assert "Insight drug and alcohol service" not in best
        assert set(card_names(html[html.index(MORE_RESULTS) :])) == {
            "Family Hubs",
            "Insight drug and alcohol service",
        }

    def test_a_parent_of_a_toddler_sees_early_years_services_and_health_visiting_first(
        self, client, westminster
    ):
        html = page(client, f"/help/results/?{TODDLER}")
        names = card_names(html)
        assert set(names[:3]) == {"CAMHS under-5s", "Health visiting", "Family Hubs"}

    def test_a_teenager_is_not_offered_parenting_or_early_years_needs(self, client, db):
        html = page(client, "/help/need/?urgent=no&who=young-person&age=15&borough=westminster")
        assert 'value="anxiety"' in html
        assert 'value="parenting"' not in html
        assert 'value="early-years"' not in html
        assert 'id="need"' in html  # the error summary's link still has a target


@pytest.mark.parametrize(
    ("who", "age", "offered", "not_offered"),
    [
        ("young-person", 15, {"anxiety", "drugs-and-alcohol"}, {"parenting", "early-years"}),
        ("young-person", 9, {"anxiety", "behaviour"}, {"parenting", "early-years"}),
        ("parent-carer", 2, {"early-years", "parenting", "behaviour", "sleep"}, set()),
        ("parent-carer", 8, {"parenting", "behaviour"}, {"early-years"}),
        ("professional", 3, {"early-years", "parenting"}, set()),
        ("professional", 14, {"parenting", "self-harm"}, {"early-years"}),
    ],
)
def test_the_need_question_offers_the_needs_that_suit_who_and_age(
    client, db, who, age, offered, not_offered
):
    html = page(client, f"/help/need/?urgent=no&who={who}&age={age}&borough=westminster")
    for slug in offered:
        assert f'value="{slug}"' in html
    for slug in not_offered:
        assert f'value="{slug}"' not in html
    assert 'value="not-sure"' in html


def test_a_need_already_chosen_is_shown_even_if_not_offered(client, db):
    html = page(
        client, "/help/need/?urgent=no&who=young-person&age=15&borough=westminster&need=parenting"
    )
    assert re.search(r'value="parenting" checked', html)


def test_a_hand_written_link_may_ask_for_any_need(client, westminster):
    # A GP's link for a young person about parenting (say, a young parent): still results.
    query = "urgent=no&who=young-person&age=17&borough=westminster&need=parenting&impact=a-little"
    html = page(client, f"/help/results/?{query}")
    assert "Support for parents and carers" in html  # in the summary


def caption(html):
    found = re.search(r'<span class="nhsuk-caption-l[^"]*">(.*?)</span>', html)
    return found and found.group(1)


class TestProgress:
    def test_a_normal_path_counts_eight(self, client, db):
        path = [
            ("/help/", "", "Question 1 of 8"),
            ("/help/who/", "urgent=no", "Question 2 of 8"),
            ("/help/age/", "urgent=no&who=young-person", "Question 3 of 8"),
            ("/help/where/", "urgent=no&who=young-person&age=15", "Question 4 of 8"),
            (
                "/help/need/",
                "urgent=no&who=young-person&age=15&borough=westminster",
                "Question 5 of 8",
            ),
            ("/help/impact/", f"{TEEN.split('&impact')[0]}", "Question 6 of 8"),
            ("/help/applies/", TEEN, "Question 7 of 8"),
            ("/help/preferences/", TEEN, "Question 8 of 8"),
        ]
        for url, query, expected in path:
            assert caption(page(client, f"{url}?{query}")) == expected, url

    def test_a_split_postcode_asks_which_borough_as_part_of_question_four(self, client, db):
        where = client.get(
            "/help/where/?urgent=no&who=young-person&age=15&answered=where&postcode=W10+5XY"
        )
        which = page(client, where.url)
        assert "/help/which-borough/" in where.url
        assert caption(which) == "Question 4 of 8"
        chosen = client.get(
            "/help/which-borough/?urgent=no&who=young-person&age=15&postcode=W10"
            "&answered=which-borough&borough=kensington-and-chelsea"
        )
        assert caption(page(client, chosen.url)) == "Question 5 of 8"

    def test_the_count_comes_from_the_questions_table(self, monkeypatch):
        # Another question between "Do any of these apply?" and preferences, asked only for
        # parents: counted when it is asked, and only then.
        extra = Question(
            "extra",
            "Anything else?",
            ("extra",),
            QUESTIONS[-1].form_class,
            "navigator/questions/preferences.html",
            condition=lambda answers: answers.get("who") == "parent-carer",
            required=False,
        )
        monkeypatch.setattr(flow, "QUESTIONS", (*QUESTIONS[:-1], extra, QUESTIONS[-1]))
        from django.http import QueryDict

        parent = QueryDict("urgent=no&who=parent-carer")
        young = QueryDict("urgent=no&who=young-person")
        assert progress(QUESTIONS[1], parent) == flow.Progress(2, 9)
        assert progress(extra, parent) == flow.Progress(8, 9)
        assert progress(QUESTIONS[-1], parent) == flow.Progress(9, 9)
        assert progress(QUESTIONS[-1], young) == flow.Progress(8, 8)


def test_the_situations_that_apply_are_in_the_summary(client, westminster):
    html = page(client, f"/help/results/?{TEEN}&applies=young-carer&applies=send")
    situations = dict((key, value) for key, value, _ in summary_rows(html))["Situations that apply"]
    assert situations.startswith("Special educational needs or a disability (SEND)")
    assert situations.endswith("A young carer: looks after someone at home")
