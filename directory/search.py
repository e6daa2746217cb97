"""Search: the one place that knows how to find services from words people type.

`search(queryset, query)` returns the services in `queryset` that match `query`, best first, as
a `SearchResults` that Django's Paginator can page through. Relevance is the same on every
database, in tiers (docs/search.md):

0. the service's name is exactly what was typed;
1. every word typed (or a word that means the same) is in the name;
2. every word is in the name or names a need the service helps with;
3. every word is somewhere in its entry (summary, organisation, description).

Within a tier, services are in alphabetical order. On PostgreSQL each tier is an indexed
condition on columns the database derives (directory/index.py), and a page is assembled from
the first services of each tier, so a word that matches 20,000 services costs no more than one
that matches 20. Elsewhere (SQLite, the demo) a portable fallback ranks in one query.

A word that finds nothing is taken as a typo and corrected to the most similar known word
("councelling" -> "counselling"); `SearchResults.corrections` says what was changed.
"""

import difflib
import re
from functools import cached_property

from django.db import connections
from django.db.models import Case, IntegerField, Q, Value, When

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 4  # shorter words must match whole: "ad" should not find "adolescent"
TYPO_SIMILARITY = 0.3  # pg_trgm similarity to a known word: "kooht"~"kooth" 0.33
TYPO_CUTOFF = 0.75  # difflib's ratio for the portable fallback
COUNT_LIMIT = 200  # "More than 200 services": ten pages; counting on costs more than it tells

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
        groups.append(_group(word))
    return groups[:MAX_TERMS]


def _group(word):
    return list(dict.fromkeys([word, *SERVICE_SYNONYMS.get(word, [])]))


def _is_crisis_group(alternatives):
    return any(alternative in CRISIS_WORDS for alternative in alternatives)


def search(queryset, query):
    """Services in `queryset` that match `query`, most relevant first."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    groups = search_terms(query)
    if connections[queryset.db].vendor == "postgresql":
        return PostgreSQLSearchResults(queryset, query, groups)
    return PortableSearchResults(queryset, query, groups)


class SearchResults:
    """The matches of one search, best first. Counts and slices like a queryset, so Django's
    Paginator pages through it; a slice is a list of services from `queryset` (with whatever
    it prefetches)."""

    def __init__(self, queryset, query, groups):
        self.queryset = queryset
        self.query = query.strip()
        self.groups = groups
        self.corrections = {}  # typed word -> the known word searched for instead

    def count(self):
        return self._count if self.groups else 0

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
        if not self.groups or stop <= start:
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


# PostgreSQL ----------------------------------------------------------------------------------


def _tsquery_text(alternatives, whole_words=frozenset()):
    """One group as to_tsquery syntax: <-> for phrases; a word of 4 letters or more as a
    prefix ("bereav" finds "bereavement"), unless it is in `whole_words`: a known word is
    matched by its stem ("counselling" finds "counsel"), which costs the index a third of a
    prefix."""
    parts = []
    for alternative in alternatives:
        words = WORD.findall(alternative)
        if len(words) == 1:
            word = words[0]
            prefix = len(word) >= MIN_PREFIX_LENGTH and word not in whole_words
            parts.append(f"{word}:*" if prefix else word)
        elif words:
            parts.append("(" + " <-> ".join(words) + ")")
    return " | ".join(parts)


class PostgreSQLSearchResults(SearchResults):
    """Each tier is a condition PostgreSQL answers from an index (name_vector, need_slugs,
    search_vector); a page takes the first services of each tier in name order, so its cost
    is bounded by the page, not by how many services match."""

    known_words = frozenset()  # words of the query that are SearchWords

    def _tsquery(self, alternatives):
        return _tsquery_text(alternatives, self.known_words)

    def _matches(self, column, groups):
        from django.contrib.postgres.search import SearchQuery

        text = " & ".join(f"({self._tsquery(alternatives)})" for alternatives in groups)
        return Q(**{column: SearchQuery(text, search_type="raw", config="english")})

    def _learn_known_words(self, groups):
        """Which single words of these groups the directory knows (SearchWord)."""
        from .models import SearchWord

        words = {
            alternative
            for alternatives in groups
            for alternative in alternatives
            if len(alternative) >= MIN_PREFIX_LENGTH and WORD.fullmatch(alternative)
        } - self.known_words
        if words:
            known = SearchWord.objects.filter(word__in=words).values_list("word", flat=True)
            self.known_words = self.known_words | frozenset(known)

    def _need_slugs(self, groups):
        """For each group, the slugs of the needs whose name, label or synonyms match it."""
        from .models import Need

        conditions = ", ".join(["v @@ to_tsquery('english', %s)"] * len(groups))
        sql = f"""
            SELECT slug, {conditions} FROM (
                SELECT slug, to_tsvector('english', name || ' ' || label || ' ' || coalesce((
                    SELECT string_agg(s, ' ') FROM jsonb_array_elements_text(synonyms) AS s
                ), '')) AS v FROM {Need._meta.db_table}
            ) AS needs
        """
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [self._tsquery(group) for group in groups])
            rows = cursor.fetchall()
        return [[row[0] for row in rows if row[1 + i]] for i in range(len(groups))]

    def _tiers(self, groups):
        """The condition of each tier, best first; a service ranks in the best it meets."""
        self._learn_known_words(groups)
        in_name = self._matches("name_vector", groups)
        in_name_or_needs, any_needs = Q(), False
        for alternatives, needs in zip(groups, self._need_slugs(groups), strict=True):
            in_needs = Q(need_slugs__overlap=needs)
            if _is_crisis_group(alternatives):
                in_needs |= Q(is_crisis=True)
            any_needs = any_needs or bool(needs) or _is_crisis_group(alternatives)
            in_name_or_needs &= self._matches("name_vector", [alternatives]) | in_needs
        return [
            Q(name__iexact=self.query),
            in_name,
            # No word names a need: this tier would be the one above again.
            in_name_or_needs if any_needs else in_name,
            self._matches("search_vector", groups),
        ]

    def _matching_ids(self, tiers):
        """The ids of the matching services, best first, up to COUNT_LIMIT + 1 of them.

        The database stops reading at COUNT_LIMIT + 1 matches, in no order, and then ranks
        what it read. Where that is every match, these are the results, in one query. Where
        more match, the count says "more than" and pages come from _page_of_many.
        """
        tier = Case(
            *[When(condition, then=Value(rank)) for rank, condition in enumerate(tiers)],
            output_field=IntegerField(),
        )
        columns = ("pk", "search_tier", "name")
        matching = self.queryset.filter(tiers[-1]).order_by().annotate(search_tier=tier)
        # The exact name separately: OR-ing it in would upper-case every name read.
        exact = self.queryset.filter(tiers[0]).order_by().annotate(search_tier=Value(0))
        ranked = (
            matching.values_list(*columns)[: COUNT_LIMIT + 1]
            .union(exact.values_list(*columns))
            .order_by("search_tier", "name", "pk")
        )
        return [pk for pk, _, _ in ranked]

    @cached_property
    def _plan(self):
        """The tiers searched and the services they find. When nothing is found, words
        that find no published service at all are taken as typos of the most similar known
        word, and the search runs again; so corrections cost queries only when needed."""
        tiers = self._tiers(self.groups)
        ids = self._matching_ids(tiers)
        if ids:
            return tiers, ids
        words = [group for group in self.groups if len(group[0]) >= MIN_PREFIX_LENGTH]
        found = self._found_in_directory(words)
        self.corrections = self._corrections(
            [group[0] for group, is_found in zip(words, found, strict=True) if not is_found]
        )
        if not self.corrections:
            return tiers, ids
        groups = [_group(self.corrections.get(group[0], group[0])) for group in self.groups]
        tiers = self._tiers(groups)
        return tiers, self._matching_ids(tiers)

    def _found_in_directory(self, groups):
        """For each group, whether any published service matches it, in one query.

        A typo is a word nothing in the directory has, not one the filters ruled out.
        """
        if not groups:
            return []
        directory = self.queryset.model.objects.published()
        selects, params = [], []
        for alternatives in groups:
            exists = directory.filter(self._matches("search_vector", [alternatives]))
            sql, exists_params = exists.order_by().values("pk")[:1].query.sql_with_params()
            selects.append(f"EXISTS ({sql})")
            params.extend(exists_params)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            return list(cursor.fetchone())

    def _corrections(self, typos):
        """The known word most like each typo, where one is like it enough."""
        from .models import SearchWord

        if not typos:
            return {}
        sql = f"""
            SELECT typed, best.word FROM unnest(%s::text[]) AS typed
            CROSS JOIN LATERAL (
                SELECT word FROM {SearchWord._meta.db_table}
                WHERE word %% typed AND similarity(word, typed) >= %s
                ORDER BY similarity(word, typed) DESC, word LIMIT 1
            ) AS best
            WHERE best.word <> typed
        """
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [typos, TYPO_SIMILARITY])
            return dict(cursor.fetchall())

    @property
    def _count(self):
        return min(len(self._plan[1]), COUNT_LIMIT)

    @property
    def count_is_limited(self):
        return bool(self.groups) and len(self._plan[1]) > COUNT_LIMIT

    def _page(self, start, stop):
        tiers, ids = self._plan
        if len(ids) <= COUNT_LIMIT:
            return self._in_order(ids[start:stop])  # every match, already ranked
        return self._in_order(self._page_of_many(tiers, start, stop))

    def _page_of_many(self, tiers, start, stop):
        """Ids for one page when very many services match.

        Each tier contains the ones below it (a name that has every word also matches
        anywhere), so the first `stop` services of every tier in name order, each counted in
        its best tier, always include the first `stop` overall. PostgreSQL reads each tier
        along the name index and stops early, so the cost follows the page, not the matches.
        """
        branches, params = [], []
        for position, condition in enumerate(tiers):
            if position and condition is tiers[position - 1]:
                continue
            sql, branch_params = (
                self.queryset.filter(condition)
                .order_by("name", "pk")
                .values_list("pk", "name")[:stop]
                .query.sql_with_params()
            )
            branches.append(f"SELECT id, name, {position} AS tier FROM ({sql}) AS t(id, name)")
            params.extend(branch_params)
        sql = (
            f"SELECT id FROM ({' UNION ALL '.join(branches)}) AS hits GROUP BY id, name "
            "ORDER BY min(tier), name, id LIMIT %s OFFSET %s"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*params, stop - start, start])
            return [row[0] for row in cursor.fetchall()]


# The portable fallback -----------------------------------------------------------------------


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
        from .models import Need, Service

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
                    patterns = [(word, word)] + [(c, _stem(c)) for c in _group(corrections[0])]
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
            if _is_crisis_group(alternatives):
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
