"""Search on any other database (SQLite, the demo): icontains on crude stems, the same tiers
as PostgreSQL counted with Case/When in one ordered query. See directory/search.py."""

import difflib
from functools import cached_property

from django.db.models import Case, IntegerField, Q, Value, When

from ..models import Need, Service
from ..search import (
    MIN_PREFIX_LENGTH,
    SERVICE_SYNONYMS,
    TYPO_CUTOFF,
    WORD,
    SearchResults,
    group_of,
    is_crisis_group,
)


def _stem(word):
    """A crude stem, enough for substring matching: "counselling" -> "counsel"."""
    return word[: max(MIN_PREFIX_LENGTH, len(word) - 3)] if len(word) > 6 else word


def _need_text(need):
    return " ".join([need.slug.replace("-", " "), need.name, need.label, *need.synonyms]).lower()


def _needs_matching(alternative, needs):
    stem = _stem(alternative)
    matched = []
    for need in needs:
        text = _need_text(need)
        words = WORD.findall(text)
        if " " in alternative:
            if alternative in text:
                matched.append(need.pk)
        elif any(word == alternative or (len(stem) >= MIN_PREFIX_LENGTH and word.startswith(stem))
                 for word in words):  # fmt: skip
            matched.append(need.pk)
    return matched


class PortableSearchResults(SearchResults):
    """icontains on crude stems, tiers counted with Case/When, in one ordered query: fine for
    the few hundred services of a demo, not for a national directory."""

    def _vocabulary(self, needs):
        words = set(SERVICE_SYNONYMS)
        for name in self.queryset.model.objects.published().values_list("name", flat=True):
            words.update(WORD.findall(name.lower()))
        for need in needs:
            words.update(WORD.findall(_need_text(need)))
        return sorted(word for word in words if len(word) >= MIN_PREFIX_LENGTH)

    @cached_property
    def _ranked(self):
        needs = list(Need.objects.all())
        vocabulary = self._vocabulary(needs)
        need_links = Service.needs.through.objects
        in_name, in_name_or_needs, anywhere = Q(), Q(), Q()
        for alternatives in self.groups:
            word = alternatives[0]
            patterns = [(alternative, _stem(alternative)) for alternative in alternatives]
            if len(word) >= MIN_PREFIX_LENGTH and word not in vocabulary:
                corrections = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_CUTOFF)
                if corrections:  # a typo: match what they meant, and the word itself in full
                    self.corrections[word] = corrections[0]
                    patterns = [(word, word)] + [(c, _stem(c)) for c in group_of(corrections[0])]
            name, text, need_ids = Q(), Q(), set()
            for alternative, stem in patterns:
                name |= Q(name__icontains=stem)
                text |= (
                    Q(summary__icontains=stem)
                    | Q(organisation__name__icontains=stem)
                    | Q(description__icontains=stem)
                )
                need_ids.update(_needs_matching(alternative, needs))
            in_needs = Q(pk__in=need_links.filter(need__in=need_ids).values("service_id"))
            if is_crisis_group(alternatives):
                in_needs |= Q(is_crisis=True)
            in_name &= name
            in_name_or_needs &= name | in_needs
            anywhere &= name | in_needs | text
        tier = Case(
            When(name__iexact=self.query, then=Value(0)),
            When(in_name, then=Value(1)),
            When(in_name_or_needs, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return (
            self.queryset.filter(Q(name__iexact=self.query) | anywhere)
            .annotate(search_tier=tier)
            .order_by("search_tier", "name", "pk")
        )

    @cached_property
    def _count(self):
        return self._ranked.count()

    def _page(self, start, stop):
        return list(self._ranked[start:stop])
