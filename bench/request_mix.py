"""The requests bench/run.py measures: a fixed, seeded mix of searches, filters, service pages,
the Open Referral API and the navigator, built from the database's own boroughs and needs.

The project's modules are imported inside request_groups(), which runs after django.setup().
"""

from urllib.parse import urlencode

# Words people type: plain words, typos and words the need synonyms should catch.
SEARCH_WORDS = [
    "counselling", "anxiety", "bereavement", "eating", "youth", "wellbeing hub", "crisis",
    "young carers", "parenting", "camden youth counselling", "kooth", "family support",
]  # fmt: skip
SEARCH_TYPOS = [
    "counseling", "councelling", "anxeity", "bereavment", "depresion", "wellbeeing",
    "eatting disorder", "parentting", "camdn", "hackeny youth",
]  # fmt: skip
SEARCH_SYNONYMS = [
    "adhd", "autism", "therapy", "camhs", "ocd", "lgbt", "grief", "self harm",
    "panic attacks", "weed", "exam stress", "depression",
]  # fmt: skip
WHO = ["young-person", "parent-carer", "professional"]
IMPACT = ["a-little", "quite-a-lot", "a-lot"]
THRIVE = ["thriving", "getting-advice", "getting-help", "getting-more-help"]
DELIVERY = ["online", "phone", "text", "in-person"]


def query_string(pairs):
    return urlencode([(key, value) for key, value in pairs if value not in (None, "")])


# Request mixes -----------------------------------------------------------------------------


def search_urls(rng, words, count):
    return [f"/services/?{query_string([('q', rng.choice(words))])}" for _ in range(count)]


def searched_and_filtered_urls(rng, boroughs, needs, count):
    urls = []
    for _ in range(count):
        pairs = [
            ("q", rng.choice(SEARCH_WORDS + SEARCH_SYNONYMS)),
            ("borough", rng.choice(boroughs)),
            ("age", rng.randint(5, 24)),
        ]
        if rng.random() < 0.5:
            pairs.append(("need", rng.choice(needs)))
        urls.append(f"/services/?{query_string(pairs)}")
    return urls


def filter_urls(rng, boroughs, needs, count):
    urls = []
    for _ in range(count):
        pairs = [("borough", rng.choice(boroughs)), ("age", rng.randint(0, 25))]
        pairs += [("need", need) for need in rng.sample(needs, rng.choice([1, 1, 2]))]
        if rng.random() < 0.5:
            pairs.append(("thrive", rng.choice(THRIVE)))
        if rng.random() < 0.3:
            pairs.append(("referral", "self"))
        if rng.random() < 0.2:
            pairs.append(("delivery", rng.choice(DELIVERY)))
        if rng.random() < 0.2:
            pairs.append(("free", "1"))
        urls.append(f"/services/?{query_string(pairs)}")
    return urls


def later_page_urls(rng, boroughs, count):
    """Broad filters, so pages 2 and 3 exist: a professional paging through a borough."""
    urls = []
    for _ in range(count):
        pairs = [
            ("borough", rng.choice(boroughs)),
            ("age", rng.randint(11, 18)),
            ("page", rng.choice([2, 3])),
        ]
        urls.append(f"/services/?{query_string(pairs)}")
    return urls


def detail_urls(rng, slugs, count):
    return [f"/services/{rng.choice(slugs)}/" for _ in range(count)]


def api_list_urls(rng, boroughs, needs, count):
    """The Open Referral list as another directory reads it: filters, pages, 50 at a time."""
    urls = []
    for _ in range(count):
        pairs = [("per_page", "50"), ("page", str(rng.choice([1, 1, 2, 3])))]
        if rng.random() < 0.7:
            pairs.append(("borough", rng.choice(boroughs)))
        if rng.random() < 0.5:
            pairs.append(("need", rng.choice(needs)))
        if rng.random() < 0.3:
            pairs.append(("minimum_age", str(rng.randint(5, 18))))
        urls.append(f"/api/v1/services?{query_string(pairs)}")
    return urls


def api_search_urls(rng, count):
    words = SEARCH_WORDS + SEARCH_TYPOS + SEARCH_SYNONYMS
    return [
        f"/api/v1/services?{query_string([('search', rng.choice(words)), ('per_page', '50')])}"
        for _ in range(count)
    ]


def api_detail_urls(rng, ids, count):
    return [f"/api/v1/services/{rng.choice(ids)}" for _ in range(count)]


def navigator_pairs(rng, boroughs, needs):
    pairs = [
        ("who", rng.choice(WHO)),
        ("age", rng.randint(3, 25)),
        ("borough", rng.choice(boroughs)),
        ("urgent", "no"),
    ]
    pairs += [("need", need) for need in rng.sample(needs, rng.choice([1, 1, 2, 3]))]
    pairs.append(("impact", rng.choice(IMPACT)))
    if rng.random() < 0.3:
        pairs.append(("delivery", rng.choice(DELIVERY)))
    return pairs


def navigator_urls(rng, path, boroughs, needs, count):
    return [f"{path}?{query_string(navigator_pairs(rng, boroughs, needs))}" for _ in range(count)]


def request_groups(rng, count):
    """The groups measured: (name, the URL whose 404 means "not built yet", URLs)."""
    from directory.models import Borough, Need, Service

    boroughs = list(Borough.objects.values_list("slug", flat=True))
    # Everyday needs, not the crisis ones, which the navigator sends to urgent help first.
    needs = list(
        Need.objects.exclude(slug__in=["suicidal-thoughts"]).values_list("slug", flat=True)
    )
    slugs = list(Service.objects.published().order_by("pk").values_list("slug", flat=True)[:5000])
    ids = [
        str(i)
        for i in Service.objects.published().order_by("pk").values_list("uuid", flat=True)[:5000]
    ]
    return [
        ("search: words", "/services/", search_urls(rng, SEARCH_WORDS, count)),
        ("search: typos", "/services/", search_urls(rng, SEARCH_TYPOS, count)),
        ("search: synonyms", "/services/", search_urls(rng, SEARCH_SYNONYMS, count)),
        (
            "search + filters",
            "/services/",
            searched_and_filtered_urls(rng, boroughs, needs, count),
        ),
        ("filters", "/services/", filter_urls(rng, boroughs, needs, count)),
        ("filters, page 2-3", "/services/", later_page_urls(rng, boroughs, count)),
        (
            "service page",
            f"/services/{slugs[0] if slugs else '-'}/",
            detail_urls(rng, slugs, count),
        ),
        (
            "navigator results",
            "/help/results/",
            navigator_urls(rng, "/help/results/", boroughs, needs, count),
        ),
        (
            "navigator API",
            "/api/v1/navigator",
            navigator_urls(rng, "/api/v1/navigator", boroughs, needs, count),
        ),
        ("ORUK API: list", "/api/v1/services", api_list_urls(rng, boroughs, needs, count)),
        ("ORUK API: search", "/api/v1/services", api_search_urls(rng, count)),
        (
            "ORUK API: service",
            f"/api/v1/services/{ids[0] if ids else '-'}",
            api_detail_urls(rng, ids, count),
        ),
    ]


# Measuring ---------------------------------------------------------------------------------
