"""The results of a search, as Django's Paginator pages them: `SearchResults` (what each
implementation ranks, in one order) and `Unsearched` (no words: the queryset's own order)."""

from functools import cached_property

from django.db.models import Case, IntegerField, Value, When

from directory.search import crisis_reader, ranking
from directory.search.words import (
    FILLER_WORDS,
    HARM_SERVICES,
    MIN_PREFIX_LENGTH,
    SERVICE_KINDS,
    SERVICE_SYNONYMS,
    STOP_WORDS,
    WEAK_WORDS,
    WORD,
    words_of,
)

TIERS = 4  # exact name, all in the name, in the name or needs, anywhere
# The one order of search results, on every database: crisis services first in a crisis search
# (or the services that fit a harm), then the tier, the fit, the name; the id keeps pages apart.
ORDER = ("search_crisis", "search_tier", "-search_fit", "name", "pk")


class SearchResults:
    """The matches of one search, best first. Counts and slices like a queryset, so Django's
    Paginator pages through it; a slice is a list of services from `queryset` (with whatever
    it prefetches)."""

    def __init__(self, queryset, query, groups, boroughs=()):
        self.queryset = queryset
        self.query = query.strip()
        self.groups = groups
        self.boroughs = list(boroughs)
        self.corrections = {}  # typed word -> the known word offered ("Did you mean …?")
        self.left_out = []  # typed words that found nothing and were searched without
        self.reading = crisis_reader.NOTHING  # what the crisis reader found in the raw words

    @property
    def is_crisis(self):
        """The search is about suicide, self-harm, an overdose or danger now (the crisis
        reader, directory/crisis_reader.py): the page shows urgent help first, and crisis services
        come first."""
        return self.reading.is_crisis or any(
            getattr(group, "crisis", False) for group in self.groups
        )

    @property
    def harms(self):
        """The kinds of harm by someone else the search is about: the page shows "If someone
        is hurting you", and the services that fit come first."""
        return self.reading.harms

    @cached_property
    def asker(self):
        """Who the words say is asking (ranking.asker): whose services fit best."""
        return ranking.asker(self.query)

    @property
    def names_only_kinds(self):
        """Every word typed names a kind of service ("someone to talk to", "counselling"):
        where the word is (name or summary) says little, so only fit ranks the matches."""
        return bool(self.groups) and all(
            not getattr(group, "needs", None)
            and not getattr(group, "crisis", False)
            and group[0] in SERVICE_KINDS
            for group in self.groups
        )

    @property
    def said_words(self):
        """The single words typed, and the words meaning the same, for the fit point "its
        name or summary says it" (ranking): "autism diagnosis" -> autism, diagnosis,
        assessment…"""
        words = {}
        several = len(self.groups) > 1 or any(len(words_of(group[0])) > 1 for group in self.groups)
        for group in self.groups:
            for alternative in group:
                for word in words_of(alternative):
                    # A short or common word among others ("low" in "low mood") says nothing.
                    if several and (len(word) < MIN_PREFIX_LENGTH or word in WEAK_WORDS):
                        continue
                    if word not in STOP_WORDS and word not in FILLER_WORDS:
                        words.update(dict.fromkeys([word, *SERVICE_SYNONYMS.get(word, [])]))
        return [word for word in words if " " not in word]

    def _fit(self, says_it=None):
        kinds = [group[0] for group in self.groups] if self.names_only_kinds else []
        if kinds:  # "helpline" in a name or summary says no more than the fit does
            says_it = None
        return ranking.fit_expression(
            self.queryset,
            self.boroughs,
            self.is_crisis,
            self.asker,
            says_it,
            kinds,
            delivery=ranking.delivery_named(self.query),
        )

    def _crisis_first(self):
        """The lowest for the services that come before all others: crisis services in a
        crisis search; the services that fit the harm in a search about harm by someone else."""
        if self.is_crisis or not self.harms:
            return ranking.crisis_expression(self.is_crisis)
        # The line for the kind itself first (The Havens for sexual violence), then the others.
        first = sorted({HARM_SERVICES[kind][0] for kind in self.harms})
        then = sorted({slug for kind in self.harms for slug in HARM_SERVICES[kind]} - set(first))
        return Case(
            When(slug__in=first, then=Value(0)),
            When(slug__in=then, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )

    def _in_order_of_results(self, matches, tier, fit):
        """`matches` ranked in the one ORDER: each implementation gives its own tier (a Case
        over its conditions) and the fit (`_fit`)."""
        return matches.annotate(
            search_crisis=self._crisis_first(), search_tier=tier, search_fit=fit
        ).order_by(*ORDER)

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
        """The query exactly as typed: a correction is only ever offered (`suggestion`)."""
        return self.query

    @property
    def suggestion(self):
        """The query with each likely typo replaced by the known word most like it, to offer
        as "Did you mean …?"; "" when there is none."""
        if not self.corrections:
            return ""
        words = WORD.sub(lambda word: self.corrections.get(word[0].lower(), word[0]), self.query)
        return words if words != self.query else ""

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
