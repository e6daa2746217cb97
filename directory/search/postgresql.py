"""Search on PostgreSQL: each relevance tier is a condition answered from an index
(name_vector, need_slugs, search_vector) that the database derives (migration 0006).
See directory/search/ for the tiers and docs/search.md for why."""

from functools import cached_property

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Case, IntegerField, Q, Value, When

from directory.models import Need, SearchWord
from directory.search.english import is_real_word
from directory.search.ranking import related_needs
from directory.search.results import SearchResults
from directory.search.words import (
    MIN_PREFIX_LENGTH,
    TYPO_SIMILARITY,
    WORD,
    group_of,
    is_crisis_group,
    may_be_typo,
)

COUNT_LIMIT = 200  # "More than 200 services": ten pages; counting on costs more than it tells


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


def _names_needs(group):
    """A phrase read as a need, or a crisis phrase: it matches the needs (or crisis services)
    themselves, not only their words."""
    return bool(getattr(group, "needs", None)) or getattr(group, "crisis", False)


class PostgreSQLSearchResults(SearchResults):
    """Each tier is a condition PostgreSQL answers from an index (name_vector, need_slugs,
    search_vector); one query reads at most COUNT_LIMIT + 1 ids from each of a few branches
    and ranks them, so its cost is bounded by the limit, not by how many services match."""

    known_words = frozenset()  # words of the query that are SearchWords

    def _tsquery(self, alternatives):
        return _tsquery_text(alternatives, self.known_words)

    def _matches(self, column, groups):
        text = " & ".join(f"({self._tsquery(alternatives)})" for alternatives in groups)
        return Q(**{column: SearchQuery(text, search_type="raw", config="english")})

    def _learn_known_words(self, groups):
        """Which single words of these groups the directory knows (SearchWord) or English
        has: those match by their stem; only other words match as prefixes."""
        words = {
            alternative
            for alternatives in groups
            for alternative in alternatives
            if len(alternative) >= MIN_PREFIX_LENGTH and WORD.fullmatch(alternative)
        } - self.known_words
        real = {word for word in words if is_real_word(word)}
        self.known_words = self.known_words | real
        words -= real
        if words:
            known = SearchWord.objects.filter(word__in=words).values_list("word", flat=True)
            self.known_words = self.known_words | frozenset(known)

    def _need_slugs(self, groups):
        """For each group, the slugs of the needs whose name, label or synonyms match it."""
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
        # search_vector has the words of each service's needs and "crisis" for crisis
        # services; a phrase's need or a crisis phrase is added to it explicitly.
        words = [group for group in groups if not _names_needs(group)]
        anywhere = self._matches("search_vector", words) if words else Q()
        for alternatives, needs in zip(groups, self._need_slugs(groups), strict=True):
            needs = sorted(set(needs) | getattr(alternatives, "needs", set()))
            in_needs = Q(need_slugs__overlap=needs)
            if is_crisis_group(alternatives):
                in_needs |= Q(is_crisis=True)
            any_needs = any_needs or bool(needs) or is_crisis_group(alternatives)
            in_name_or_needs &= self._matches("name_vector", [alternatives]) | in_needs
            related = related_needs(needs)
            if _names_needs(alternatives):
                in_related = Q(need_slugs__overlap=related) if related else Q(pk__in=[])
                anywhere &= self._matches("search_vector", [alternatives]) | in_needs | in_related
            elif related:  # services for a related need match too, in the last tier
                anywhere |= Q(need_slugs__overlap=related) & self._all_but(groups, alternatives)
        if self.names_only_kinds:  # only kinds of service: fit alone ranks them
            return [Q(name__iexact=self.query), anywhere]
        return [
            Q(name__iexact=self.query),
            in_name,
            # No word names a need: this tier would be the one above again.
            in_name_or_needs if any_needs else in_name,
            anywhere,
        ]

    def _all_but(self, groups, left_out):
        """Every group but one matched anywhere (Q() when there is no other)."""
        others = [group for group in groups if group is not left_out]
        plain = [group for group in others if not _names_needs(group)]
        return self._matches("search_vector", plain) if plain else Q()

    def _says_it(self):
        """Its name or summary (weights A and C of search_vector) has a word typed, or one
        meaning the same (search_ranking)."""
        words = self.said_words
        if not words:
            return None
        text = " | ".join(
            f"{word}:*AC"
            if len(word) >= MIN_PREFIX_LENGTH and word not in self.known_words
            else f"{word}:AC"
            for word in words
            if WORD.fullmatch(word)
        )
        return Q(search_vector=SearchQuery(text, search_type="raw", config="english"))

    def _matching_ids(self, tiers):
        """The ids of the matching services, best first, in one query.

        Each branch stops reading at COUNT_LIMIT + 1 matches, in no order (a bitmap over the
        GIN indexes): the matches of the last tier (every match), and, separately, those
        with every word in the name and, in a crisis search, crisis services, so that when
        very many match, those are still all there; and the exact name. The database then
        ranks the union: crisis services first in a crisis search, then the tier, the fit
        and the name. Where more than COUNT_LIMIT match, the count says "more than", and
        the pages show the best COUNT_LIMIT of those read.
        """
        tier = Case(  # every row read matches the last tier
            *[When(condition, then=Value(rank)) for rank, condition in enumerate(tiers[:-1])],
            default=Value(len(tiers) - 1),
            output_field=IntegerField(),
        )

        def read(*conditions, limit=COUNT_LIMIT + 1):
            ids = self.queryset.filter(*conditions).order_by().values("pk")
            return ids[:limit] if limit else ids

        # The exact name on its own: OR-ing it in would upper-case every name read.
        branches = [read(tiers[0], limit=None), read(tiers[1])]
        if self.is_crisis:
            branches.append(read(tiers[-1], Q(is_crisis=True)))
        matches = self.queryset.filter(pk__in=read(tiers[-1]).union(*branches))
        ranked = self._in_order_of_results(matches, tier, self._fit(self._says_it()))
        return list(ranked.values_list("pk", flat=True))

    @cached_property
    def _plan(self):
        """The tiers searched and the services they find. When nothing is found, words
        that find no published service at all are taken as typos of the most similar known
        word, and the search runs again; so corrections cost queries only when needed."""
        tiers = self._tiers(self.groups)
        ids = self._matching_ids(tiers)
        if ids:
            return tiers, ids
        words = [group for group in self.groups if not _names_needs(group)]
        found = self._found_in_directory(words)
        missing = [group[0] for group, is_found in zip(words, found, strict=True) if not is_found]
        self.corrections = self._corrections([word for word in missing if may_be_typo(word)])
        groups = []
        for group in self.groups:
            if group[0] in self.corrections:
                groups.append(group_of(self.corrections[group[0]]))
            elif group[0] in missing:
                self.left_out.append(group[0])
            else:
                groups.append(group)
        if groups == self.groups or not groups:
            self.left_out = []
            return tiers, ids
        self.groups = groups
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
        return self._in_order(self._plan[1][start:stop])
