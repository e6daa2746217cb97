"""Search: the one place that knows how to find services from words people type.

`search(queryset, query)` narrows a Service queryset to what matches and orders it by
relevance, best first. On PostgreSQL it uses a precomputed, weighted full-text vector and
trigram similarity on names (for typos); elsewhere (SQLite, the demo) a portable fallback.
docs/search.md explains how relevance works on each.
"""

import difflib
import re

from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 4  # shorter words must match whole: "ad" should not find "adolescent"
TRIGRAM_WORD_SIMILARITY = 0.45  # "kooht"~"Kooth" 0.5; "counselling"~"Parenting Course" 0.42
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


def _is_postgresql():
    return connection.vendor == "postgresql"


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
        groups.append(list(dict.fromkeys([word, *SERVICE_SYNONYMS.get(word, [])])))
    return groups[:MAX_TERMS]


def search(queryset, query):
    """Services in `queryset` that match `query`, most relevant first."""
    groups = search_terms(query or "")
    if not groups:
        return queryset.none()
    if _is_postgresql():
        return _postgresql_search(queryset, query[:MAX_QUERY_LENGTH], groups)
    return _portable_search(queryset, query[:MAX_QUERY_LENGTH], groups)


def _exact_name_bonus(query):
    return Case(
        When(name__iexact=query.strip(), then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )


# PostgreSQL ----------------------------------------------------------------------------------


def _tsquery_text(alternatives):
    """One group as to_tsquery syntax: prefixes for words, <-> for phrases."""
    parts = []
    for alternative in alternatives:
        words = WORD.findall(alternative)
        if len(words) == 1:
            word = words[0]
            parts.append(f"{word}:*" if len(word) >= MIN_PREFIX_LENGTH else word)
        elif words:
            parts.append("(" + " <-> ".join(words) + ")")
    return " | ".join(parts)


def _postgresql_search(queryset, query, groups):
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity

    # The trigram operator's threshold is a setting; pg_trgm's default (0.6) misses typos.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(TRIGRAM_WORD_SIMILARITY)],
        )
    condition = Q()
    every_term = None
    for alternatives in groups:
        term = SearchQuery(_tsquery_text(alternatives), search_type="raw", config="english")
        matches = Q(search_vector=term)
        word = alternatives[0]
        # A word is taken as a typo, and matched by trigram similarity on names, only when it
        # finds nothing as typed: OR-ing the two for every word makes PostgreSQL read the
        # whole table (see docs/performance.md).
        if len(word) >= MIN_PREFIX_LENGTH and not queryset.filter(matches).exists():
            matches = Q(name__trigram_word_similar=word)
        condition &= matches
        every_term = term if every_term is None else every_term | term
    return (
        queryset.filter(condition)
        .annotate(
            search_rank=SearchRank(F("search_vector"), every_term)
            + TrigramWordSimilarity(query, "name")
            + _exact_name_bonus(query)
        )
        .order_by("-search_rank", "name")
    )


# The portable fallback -----------------------------------------------------------------------


def _stem(word):
    """A crude stem, enough for substring matching: "counselling" -> "counsel"."""
    return word[: max(MIN_PREFIX_LENGTH, len(word) - 3)] if len(word) > 6 else word


def _vocabulary(queryset, needs):
    words = set(SERVICE_SYNONYMS)
    for name in queryset.model.objects.published().values_list("name", flat=True):
        words.update(WORD.findall(name.lower()))
    for need in needs:
        words.update(WORD.findall(_need_text(need)))
    return sorted(word for word in words if len(word) >= MIN_PREFIX_LENGTH)


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


def _portable_search(queryset, query, groups):
    from .models import Need, Service

    needs = list(Need.objects.all())
    vocabulary = _vocabulary(queryset, needs)
    need_links = Service.needs.through.objects
    condition = Q()
    rank = Value(0, output_field=IntegerField())
    for alternatives in groups:
        word = alternatives[0]
        patterns = [(alternative, _stem(alternative)) for alternative in alternatives]
        if len(word) >= MIN_PREFIX_LENGTH and word not in vocabulary:
            corrections = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_CUTOFF)
            if corrections:  # a typo: match what they meant, and the word itself in full
                patterns = [(word, word)] + [(c, _stem(c)) for c in corrections]
        in_name, in_summary, in_description = Q(), Q(), Q()
        need_ids = set()
        for alternative, stem in patterns:
            in_name |= Q(name__icontains=stem)
            in_summary |= Q(summary__icontains=stem) | Q(organisation__name__icontains=stem)
            in_description |= Q(description__icontains=stem)
            need_ids.update(_needs_matching(alternative, needs))
        in_needs = Q(pk__in=need_links.filter(need__in=need_ids).values("service_id"))
        if any(alternative in CRISIS_WORDS for alternative in alternatives):
            in_needs |= Q(is_crisis=True)
        condition &= in_name | in_needs | in_summary | in_description
        rank = (
            rank
            + Case(When(in_name, then=8), default=0)
            + Case(When(in_needs, then=4), default=0)
            + Case(When(in_summary, then=2), default=0)
            + Case(When(in_description, then=1), default=0)
        )
    return (
        queryset.filter(condition)
        .annotate(search_rank=rank + Case(When(name__iexact=query.strip(), then=100), default=0))
        .order_by("-search_rank", "name")
    )
