"""Search on any other database (SQLite, the demo): the same tiers and ranking as PostgreSQL,
matched on word stems (Snowball English, the stemmer PostgreSQL's English configuration
uses) that a function registered on each SQLite connection computes
(`findhelp_stems`, directory/apps.py), in one ordered query. See directory/search/."""

import difflib
from functools import cached_property

from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When

from directory.models import Need, Service
from directory.search.english import is_real_word
from directory.search.ranking import related_needs
from directory.search.results import SearchResults
from directory.search.words import (
    MIN_PREFIX_LENGTH,
    SERVICE_SYNONYMS,
    TYPO_CUTOFF,
    group_of,
    is_crisis_group,
    may_be_typo,
    stem,
    stems_text,
    words_of,
)

STEMS_FUNCTION = "findhelp_stems"
TEXT_FIELDS = {
    "name": "name",
    "summary": "summary",
    "organisation": "organisation__name",
    "description": "description",
}


def register_functions(connection):
    """Called for each new SQLite connection: `findhelp_stems(text)` -> " stem stem "."""
    connection.connection.create_function(STEMS_FUNCTION, 1, stems_text, deterministic=True)


def _need_text(need):
    return " ".join([need.slug.replace("-", " "), need.name, need.label, *need.synonyms])


def _pattern(alternative, whole_words):
    """What a field's stems must contain: the stems of a phrase in a row, a known word's
    stem whole, or an unknown word's stem as the start of a word ("bereav")."""
    words = words_of(alternative)
    if len(words) != 1:
        return " " + " ".join(stem(word) for word in words) + " "
    word = words[0]
    whole = len(word) < MIN_PREFIX_LENGTH or word in whole_words or is_real_word(word)
    return f" {stem(word)} " if whole else f" {stem(word)}"


class PortableSearchResults(SearchResults):
    """Stems compared with LIKE, tiers counted with Case/When, in one ordered query: fine for
    the few hundred services of a demo, not for a national directory."""

    def _vocabulary(self, needs):
        words = set(SERVICE_SYNONYMS)
        for name in self.queryset.model.objects.published().values_list("name", flat=True):
            words.update(words_of(name))
        for need in needs:
            words.update(words_of(_need_text(need)))
        return sorted(word for word in words if len(word) >= MIN_PREFIX_LENGTH)

    @cached_property
    def _needs(self):
        return [(need, stems_text(_need_text(need))) for need in Need.objects.all()]

    def _conditions(self, groups, vocabulary):
        """(in the name, in the name or needs, anywhere, says it) for these groups: says it,
        any word typed in the name or summary (search_ranking)."""
        need_links = Service.needs.through.objects
        in_name, in_name_or_needs, anywhere = Q(), Q(), Q()
        known = set(vocabulary)
        for alternatives in groups:
            word = alternatives[0]
            patterns = [_pattern(alternative, known) for alternative in alternatives]
            if may_be_typo(word) and word not in known and " " not in word:
                corrections = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_CUTOFF)
                if corrections:  # a typo: match what they meant, and the word itself in full
                    self.corrections[word] = corrections[0]
                    patterns = [f" {stem(word)} "] + [
                        _pattern(correction, known) for correction in group_of(corrections[0])
                    ]
            name, text = Q(), Q()
            need_slugs = set(getattr(alternatives, "needs", ()))
            for pattern in patterns:
                name |= Q(stems_name__contains=pattern)
                for field in ("summary", "organisation", "description"):
                    text |= Q(**{f"stems_{field}__contains": pattern})
                need_slugs.update(need.slug for need, stems in self._needs if pattern in stems)
            in_needs = Q(pk__in=need_links.filter(need__slug__in=need_slugs).values("service_id"))
            if is_crisis_group(alternatives):
                in_needs |= Q(is_crisis=True)
            related = related_needs(need_slugs)
            in_related = Q(pk__in=need_links.filter(need__slug__in=related).values("service_id"))
            in_name &= name
            in_name_or_needs &= name | in_needs
            anywhere &= name | in_needs | text | (in_related if related else Q(pk__in=[]))
        says_it = Q(pk__in=[])
        for word in self.said_words:
            pattern = _pattern(word, known)
            says_it |= Q(stems_name__contains=pattern) | Q(stems_summary__contains=pattern)
        return in_name, in_name_or_needs, anywhere, says_it

    def _with_stems(self, queryset):
        return queryset.alias(
            **{
                f"stems_{key}": Func(F(field), function=STEMS_FUNCTION, output_field=TextField())
                for key, field in TEXT_FIELDS.items()
            }
        )

    def _rank(self, groups, vocabulary):
        in_name, in_name_or_needs, anywhere, says_it = self._conditions(groups, vocabulary)
        tiers = [] if self.names_only_kinds else [in_name, in_name_or_needs]
        tier = Case(
            When(name__iexact=self.query, then=Value(0)),
            *[When(condition, then=Value(rank)) for rank, condition in enumerate(tiers, 1)],
            default=Value(len(tiers) + 1),
            output_field=IntegerField(),
        )
        fit = self._fit(says_it)
        matches = self._with_stems(self.queryset).filter(Q(name__iexact=self.query) | anywhere)
        return self._in_order_of_results(matches, tier, fit)

    @cached_property
    def _ranked(self):
        """Every match, best first. When nothing matches, a word that no published service
        has (and that is no typo) is left out, and the search runs again without it."""
        vocabulary = self._vocabulary([need for need, _ in self._needs])
        ranked = self._rank(self.groups, vocabulary)
        if len(self.groups) < 2 or ranked.exists():
            return ranked
        directory = self._with_stems(self.queryset.model.objects.published())
        kept = []
        for group in self.groups:
            if group.needs or group.crisis or group[0] in self.corrections:
                kept.append(group)
                continue
            anywhere = self._conditions([group], vocabulary)[2]
            if directory.filter(anywhere).exists():
                kept.append(group)
            else:
                self.left_out.append(group[0])
        if not kept or len(kept) == len(self.groups):
            self.left_out = []
            return ranked
        self.groups = kept
        return self._rank(kept, vocabulary)

    @cached_property
    def _count(self):
        return self._ranked.count()

    def _page(self, start, stop):
        return list(self._ranked[start:stop])
