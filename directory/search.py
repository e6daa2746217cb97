"""Search: the one place that knows how to find services from words people type.

`search(queryset, query)` returns the services in `queryset` that match `query`, best first, as
a `SearchResults` that Django's Paginator can page through. Relevance is the same on every
database, in tiers (docs/search.md):

0. the service's name is exactly what was typed;
1. every word typed (or a word that means the same) is in the name;
2. every word is in the name or names a need the service helps with;
3. every word is somewhere in its entry (summary, organisation, description).

Within a tier, services are in alphabetical order. On PostgreSQL each tier is an indexed
condition on columns the database derives (directory/backends/postgresql_search.py), and a page
is assembled from the first services of each tier, so a word that matches 20,000 services costs
no more than one that matches 20. Elsewhere (SQLite, the demo) a portable fallback ranks in one
query (directory/backends/portable_search.py).

A page that may or may not have words to search for uses `Unsearched(queryset)` when it has
none: the queryset in its own order, as a SearchResults too, so the page never has to ask which
kind of results it holds.

A word that finds nothing is taken as a typo and corrected to the most similar known word
("councelling" -> "counselling"); `SearchResults.corrections` says what was changed.
"""

import re
from functools import cached_property

from .backends import backend

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 4  # shorter words must match whole: "ad" should not find "adolescent"
TYPO_SIMILARITY = 0.3  # pg_trgm similarity to a known word: "kooht"~"kooth" 0.33
TYPO_CUTOFF = 0.75  # difflib's ratio for the portable fallback

# Words people use for kinds of service, beyond the needs' own synonyms (Need.synonyms).
# Each word also finds the others in its list.
SERVICE_SYNONYMS = {
    "counselling": ["counselling", "counsellor", "counseling", "counselor", "therapy", "talking"],
    "therapy": ["therapy", "therapies", "therapist", "counselling", "psychotherapy", "psychology"],
    "camhs": ["camhs", "child and adolescent mental health"],
    "helpline": ["helpline", "phone", "call", "line", "listening"],
    "crisis": ["crisis", "urgent", "emergency", "24/7"],
    "chat": ["chat", "online", "text"],
    "psychologist": ["psychologist", "psychology", "therapy"],
}
# Phrases that mean one of the words above.
SYNONYM_PHRASES = {
    "talking therapy": "therapy",
    "talking therapies": "therapy",
    "mental health team": "camhs",
    "phone line": "helpline",
    "someone to talk to": "helpline",
    "counsellor": "counselling",
    "counselor": "counselling",
    "counseling": "counselling",
    "therapist": "therapy",
    "therapies": "therapy",
    "urgent": "crisis",
    "emergency": "crisis",
}
CRISIS_WORDS = ["crisis", "urgent", "emergency"]
# Words that carry no meaning in a search for services (and are stop words in PostgreSQL's
# English configuration, which would otherwise make a term match nothing).
STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "i", "if", "in", "into",
     "is", "it", "me", "my", "of", "on", "or", "our", "so", "the", "their", "them", "they",
     "this", "to", "we", "with", "you", "your"]
)  # fmt: skip
WORD = re.compile(r"[^\W_]+")
TIERS = 4  # exact name, all in the name, in the name or needs, anywhere


def search_terms(query):
    """The query as groups of alternatives, one group per word the user typed.

    "talking therapy for ADHD" -> [["therapy", "therapies", ...], ["adhd"]].
    A service must match every group; any alternative in a group will do.
    """
    text = " ".join(WORD.findall(query.lower()[:MAX_QUERY_LENGTH]))
    for phrase, word in SYNONYM_PHRASES.items():
        text = re.sub(rf"\b{phrase}\b", word, text)
    groups = []
    for word in text.split():
        if word in STOP_WORDS or any(word in group for group in groups):
            continue
        groups.append(group_of(word))
    return groups[:MAX_TERMS]


def group_of(word):
    return list(dict.fromkeys([word, *SERVICE_SYNONYMS.get(word, [])]))


def is_crisis_group(alternatives):
    return any(alternative in CRISIS_WORDS for alternative in alternatives)


def search(queryset, query):
    """Services in `queryset` that match `query`, most relevant first."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    groups = search_terms(query)
    return backend(queryset.db).search_results(queryset, query, groups)


class SearchResults:
    """The matches of one search, best first. Counts and slices like a queryset, so Django's
    Paginator pages through it; a slice is a list of services from `queryset` (with whatever
    it prefetches)."""

    def __init__(self, queryset, query, groups):
        self.queryset = queryset
        self.query = query.strip()
        self.groups = groups
        self.corrections = {}  # typed word -> the known word searched for instead

    @property
    def finds_nothing(self):
        """Only stop words were typed, so nothing can match."""
        return not self.groups

    def count(self):
        return 0 if self.finds_nothing else self._count

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[: self.count()])

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.count()
        if self.finds_nothing or stop <= start:
            return []
        return self._page(start, stop)

    count_is_limited = False

    @property
    def searched_for(self):
        """The query as searched, with typos corrected."""
        words = self.query.split()
        return " ".join(self.corrections.get(word.lower(), word) for word in words)

    def _in_order(self, ids):
        """Services of `queryset` with these ids, in this order."""
        found = self.queryset.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids if pk in found]


class Unsearched(SearchResults):
    """No words were typed: the queryset as it is, paged in its own order."""

    finds_nothing = False

    def __init__(self, queryset):
        super().__init__(queryset, "", [])

    @cached_property
    def _count(self):
        return self.queryset.count()

    def _page(self, start, stop):
        return list(self.queryset[start:stop])
