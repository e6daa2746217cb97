"""Search: the one place that knows how to find services from words people type.

`search(queryset, query, boroughs=())` returns the services in `queryset` that match `query`,
best first, as a `SearchResults` that Django's Paginator can page through (docs/search.md).

Reading the query (`read_query`): everyday phrases become the need they mean ("my mum drinks"
-> drugs and alcohol: `SearchPhrase` rows, edited in the admin; crisis phrases, below, in
code); stop words and filler ("near me", "i need", "help with") are dropped; each remaining
word becomes a group of alternatives, and a service must match every group. Words are compared
by their stems (Snowball English, as PostgreSQL's English configuration), so "drinks" finds
"drinking".

Relevance is the same on every database, in tiers:

0. the service's name is exactly what was typed;
1. every word typed (or a word that means the same) is in the name;
2. every word is in the name or names a need the service helps with;
3. every word is somewhere in its entry (summary, organisation, description).

Within a tier, what fits comes first (directory/search_ranking.py): services a person can
contact themselves, for the person asking, saying the words in their name or summary, a first
step, and, when a borough is chosen, local to it; then the name. A search the crisis reader
(directory/safety.py) finds to be about suicide, self-harm, an overdose or danger puts crisis
services first, and the page shows urgent help above them; one about harm by someone else puts
the services that fit it first (HARM_SERVICES), and the page shows "If someone is hurting you"
above them.

On PostgreSQL each tier is an indexed condition on columns the database derives
(directory/backends/postgresql_search.py). Elsewhere (SQLite, the demo) a portable fallback
ranks in one query (directory/backends/portable_search.py).

A page that may or may not have words to search for uses `Unsearched(queryset)` when it has
none: the queryset in its own order, as a SearchResults too, so the page never has to ask which
kind of results it holds.

A word that finds nothing is taken as a typo and the most similar known word is searched for
and offered ("councelling": "Did you mean counselling?"; the heading keeps what was typed),
unless it is a real English word ("near" stays "near"), a contraction or slang ("dont"), or a
word the crisis reader recognised; a
word that finds nothing and is no typo is left out ("my son" -> "son" left out), and
`SearchResults.corrections` and `.left_out` say so.
"""

import functools
import re
import threading
from functools import cached_property

import snowballstemmer
from django.db.models import Case, IntegerField, Value, When

from . import safety, search_ranking
from .backends import backend
from .facts import CRISIS_KIND_NEEDS, NeedSlug

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 4  # shorter words must match whole: "ad" should not find "adolescent"
TYPO_SIMILARITY = 0.3  # pg_trgm similarity to a known word: "kooht"~"kooth" 0.33
TYPO_CUTOFF = 0.75  # difflib's ratio for the portable fallback
# A word this common in English (pyspellchecker's English word counts) is a real word, never a
# typo: "near" is not corrected to "year". "samaritans" is counted 230 times, "councelling"
# not at all.
REAL_WORD_MIN_COUNT = 20

# Words people use for kinds of service, beyond the needs' own synonyms (Need.synonyms).
# Each word also finds the others in its list.
SERVICE_SYNONYMS = {
    "counselling": ["counselling", "counsellor", "counseling", "counselor", "therapy", "talking"],
    "therapy": ["therapy", "therapies", "therapist", "counselling", "psychotherapy", "psychology"],
    "camhs": ["camhs", "child and adolescent mental health"],
    "helpline": ["helpline", "phone", "call", "line", "listening", "listen", "talk", "chat"],
    "crisis": ["crisis", "urgent", "emergency", "24/7"],
    "chat": ["chat", "online", "text"],
    "psychologist": ["psychologist", "psychology", "therapy"],
    # What parents and GPs call the same thing ("asd diagnosis": an autism assessment).
    "diagnosis": ["diagnosis", "diagnosed", "assessment", "assessed"],
    "assessment": ["assessment", "assessed", "diagnosis", "diagnosed"],
    # Mental Health Support Teams in schools, as schools and GPs abbreviate them.
    "mhst": ["mhst", "mental health support team"],
    # Speech and language needs are special educational needs (SEND, the Local Offer).
    "speech": ["speech", "language", "communication", "send"],
}
# The words above that name a kind of service anyone may offer, rather than one service or
# team ("camhs"): a search for nothing else ranks by fit alone (SearchResults.names_only_kinds).
SERVICE_KINDS = ("counselling", "therapy", "helpline", "chat", "psychologist")
# Phrases that mean one of the words above.
SYNONYM_PHRASES = {
    "talking therapy": "therapy",
    "talking therapies": "therapy",
    "mental health team": "camhs",
    "phone line": "helpline",
    "someone to talk to": "helpline",
    "talk to someone": "helpline",
    "counsellor": "counselling",
    "counselor": "counselling",
    "counseling": "counselling",
    "therapist": "therapy",
    "therapies": "therapy",
    "urgent": "crisis",
    "emergency": "crisis",
}
CRISIS_WORDS = ["crisis", "urgent", "emergency"]

# What each kind the crisis reader finds (directory/safety.py) searches for: the needs it
# names, and the services that fit it best, which come first. Crisis kinds find crisis
# services too, and the page shows urgent help above them; harm by someone else shows "If
# someone is hurting you" (templates/includes/harm_help.html) above the results.
KIND_NEEDS = {
    **{kind: list(needs) for kind, needs in CRISIS_KIND_NEEDS.items()},
    "abuse": [NeedSlug.TRAUMA, NeedSlug.DOMESTIC_ABUSE],
    "sexual-violence": [NeedSlug.TRAUMA],
    "domestic-abuse": [NeedSlug.DOMESTIC_ABUSE],
    "parent-substance": [NeedSlug.DRUGS_AND_ALCOHOL],
    "neglect": [NeedSlug.FAMILY_RELATIONSHIPS],
}
# The services that fit a kind of harm best (fixtures/directory.json slugs), first in the results.
HARM_SERVICES = {
    "abuse": ["childline", "nspcc-helpline"],
    "sexual-violence": ["the-havens", "childline", "nspcc-helpline"],
    "domestic-abuse": ["national-domestic-abuse-helpline", "childline"],
    "parent-substance": ["nacoa-helpline", "childline"],
    "neglect": ["childline", "nspcc-helpline"],
}
# Words that carry no meaning in a search for services (and are stop words in PostgreSQL's
# English configuration, which would otherwise make a term match nothing). Phrases are
# matched without them, so "end my life" is found in "I want to end my life".
STOP_WORDS = frozenset(
    ["a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "being", "by", "do",
     "does", "for", "from", "has", "have", "i", "if", "im", "in", "into", "is", "it", "its",
     "me", "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "they",
     "this", "to", "was", "we", "were", "what", "with", "you", "your"]
)  # fmt: skip
# Words that say someone is looking for help, or who for, but not what kind: "counselling
# near me", "I need help with anxiety", "support for my son". Dropped after phrases are read
# ("not safe" and "want to die" are read first).
FILLER_WORDS = frozenset(
    ["any", "anyone", "can", "could", "find", "finding", "get", "getting", "help", "helping",
     "how", "looking", "need", "needs", "near", "nearby", "not", "please", "service",
     "services", "should", "some", "somewhere", "support", "supporting", "want", "where",
     "who", "would", "son", "daughter", "child", "kid", "kids", "teen", "teenager", "boy",
     "girl", "year", "years", "old", "aged", "really", "very", "lot", "lots", "too", "much"]
)  # fmt: skip
# Words about how to get in or whom for, not what for ("camhs referral", "bereavement support
# for a pupil"): filler too, as "son" and "daughter" are.
FILLER_WORDS |= frozenset(
    ["referral", "referrals", "refer", "referring", "self", "pupil", "pupils", "patient",
     "patients"]
)  # fmt: skip
# Words of a phrase too common in services' summaries to say what a service is about.
WEAK_WORDS = frozenset(["feel", "feeling", "feelings", "mental", "health", "people", "young"])
WORD = re.compile(r"[^\W_]+")
APOSTROPHES = re.compile(r"['’`]")
TIERS = 4  # exact name, all in the name, in the name or needs, anywhere

_local = threading.local()


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball English stem, as PostgreSQL's English configuration has it."""
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("english")
    return _local.stemmer.stemWord(word)


def words_of(text):
    """Lower-case words, apostrophes dropped ("can't" -> "cant")."""
    return WORD.findall(APOSTROPHES.sub("", text.lower()))


def stems_text(text):
    """The stems of every word, space-separated and padded: " hear voic "."""
    return " " + " ".join(stem(word) for word in words_of(text or "")) + " "


@functools.cache
def _english_words():
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en").word_frequency.dictionary
    return frozenset(word for word, count in counts.items() if count >= REAL_WORD_MIN_COUNT)


def is_real_word(word):
    return word in _english_words()


def may_be_typo(word):
    """Only an unknown word of 4 letters or more may be a typo; "near" never is, nor a word
    people type that no dictionary has ("dont", "ctb": safety.EVERYDAY_WORDS)."""
    return (
        len(word) >= MIN_PREFIX_LENGTH
        and not word.isdigit()
        and word not in safety.EVERYDAY_WORDS
        and not is_real_word(word)
    )


class Group(list):
    """One thing the user asked for: alternative words (any will do), and the needs it names
    (a phrase's need, say), and whether it is about a crisis."""

    def __init__(self, alternatives, needs=(), crisis=False, phrase=""):
        super().__init__(alternatives)
        self.needs = frozenset(needs)
        self.crisis = crisis
        self.phrase = phrase  # the everyday phrase it was read from, if any

    @property
    def finds_crisis_services(self):
        return self.crisis or any(alternative in CRISIS_WORDS for alternative in self)


def group_of(word):
    return Group(dict.fromkeys([word, *SERVICE_SYNONYMS.get(word, [])]))


def is_crisis_group(alternatives):
    return getattr(alternatives, "finds_crisis_services", False) or any(
        alternative in CRISIS_WORDS for alternative in alternatives
    )


def _phrase_stems(phrase):
    return tuple(stem(word) for word in words_of(phrase) if word not in STOP_WORDS)


@functools.lru_cache(maxsize=8)
def _phrase_groups(everyday_phrases):
    """{stems of the phrase: (words to search for instead or None, needs, crisis)}, the
    everyday phrases. Kept for the few latest lists of phrases: a changed phrase
    makes a new list."""
    found = {}
    for phrase, need, search_for in everyday_phrases:
        instead = group_of(search_for) if search_for and " " not in search_for.strip() else None
        if search_for and instead is None:
            instead = [search_for]
        found[_phrase_stems(phrase)] = (instead, [need] if need else [], False)
    found.pop((), None)
    return found


def reading_group(reading):
    """The crisis reader's finding as one Group: the needs its kinds name (and, for a
    crisis, crisis services), searched for by the kinds' needs, never by the typed words."""
    needs = {need for kind in reading.kinds for need in KIND_NEEDS[kind]}
    words = ["crisis"] if reading.is_crisis else [need.replace("-", " ") for need in sorted(needs)]
    return Group(words[:1], needs, reading.is_crisis, " ".join(sorted(reading.words)))


def read_query(query, everyday_phrases=(), reading=None):
    """The query as Groups, one for each phrase or word the user typed.

    `everyday_phrases`: (phrase, need slug or None, words to search for instead) rows.
    "talking therapy for ADHD" -> [["therapy", "therapies", ...], ["adhd"]];
    "my mum drinks" -> [Group(["mum drinks"], needs={"drugs-and-alcohol"})].
    The crisis reader reads the raw words first (directory/safety.py): what it recognised
    becomes one group (reading_group), and those words are read no further.
    """
    reading = safety.read(query[:MAX_QUERY_LENGTH]) if reading is None else reading
    typed = [word for word in words_of(query[:MAX_QUERY_LENGTH]) if word not in reading.words]
    if reading.shows_help:
        others = read_query(" ".join(typed), everyday_phrases, safety.NOTHING)
        others = [group for group in others if not group.crisis and group != ["helpline"]]
        return [reading_group(reading), *others][:MAX_TERMS]
    text = " ".join(typed)
    for phrase, word in SYNONYM_PHRASES.items():
        text = re.sub(rf"\b{phrase}\b", word, text)
    words = [word for word in text.split() if word not in STOP_WORDS]
    stems = [stem(word) for word in words]
    phrases = _phrase_groups(tuple(everyday_phrases))
    longest = max((len(key) for key in phrases), default=0)
    groups, filler, position = [], [], 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            made = phrases.get(tuple(stems[position : position + length]))
            if made:
                instead, needs, crisis = made
                typed = " ".join(words[position : position + length])
                # The words as typed still count where they appear ("bullied" in "bullying").
                alternatives = instead or (group_of(typed) if length == 1 else [typed])
                groups.append(Group(alternatives, needs, crisis, typed))
                position += length
                break
        else:
            word = words[position]
            position += 1
            if word in FILLER_WORDS or word.isdigit():
                filler.append(word)
                continue
            if not any(word in group for group in groups):
                groups.append(group_of(word))
    if not groups and filler:  # only filler: "I need help" is asking for someone to talk to
        groups = [group_of("helpline")]
    unique = []
    for group in groups:
        if not any(list(group) == list(other) and group.needs == other.needs for other in unique):
            unique.append(group)
    return unique[:MAX_TERMS]


def search_terms(query, everyday_phrases=()):
    """The groups of alternatives for a query (read_query), as plain data."""
    return read_query(query, everyday_phrases)


def everyday_phrases():
    """The admin's phrases: (phrase, need slug, words to search for instead), one query, or
    none while the cache has them (directory/caching.py)."""
    from . import caching
    from .models import SearchPhrase

    def read():
        return list(SearchPhrase.objects.values_list("phrase", "need__slug", "search_for"))

    return caching.remembered("everyday-phrases", read)


def search(queryset, query, boroughs=()):
    """Services in `queryset` that match `query`, most relevant first. `boroughs`: the
    boroughs the search is filtered to (slugs or rows), whose local services come first."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    reading = safety.read(query)  # the raw words, before anything else reads them
    groups = read_query(query, everyday_phrases(), reading) if words_of(query) else []
    boroughs = [borough if isinstance(borough, str) else borough.slug for borough in boroughs]
    results = backend(queryset.db).search_results(queryset, query, groups, boroughs)
    results.reading = reading
    if reading.shows_help and len(groups) > 1 and not results.count():
        # The other words found nothing alongside: what the reader found is what matters.
        results = backend(queryset.db).search_results(queryset, query, groups[:1], boroughs)
        results.reading = reading
    return results


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
        self.reading = safety.NOTHING  # what the crisis reader found in the raw words

    @property
    def is_crisis(self):
        """The search is about suicide, self-harm, an overdose or danger now (the crisis
        reader, directory/safety.py): the page shows urgent help first, and crisis services
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
        """Who the words say is asking (search_ranking.asker): whose services fit best."""
        return search_ranking.asker(self.query)

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
        name or summary says it" (search_ranking): "autism diagnosis" -> autism, diagnosis,
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
        return search_ranking.fit_expression(
            self.queryset,
            self.boroughs,
            self.is_crisis,
            self.asker,
            says_it,
            kinds,
            delivery=search_ranking.delivery_named(self.query),
        )

    def _crisis_first(self):
        """The lowest for the services that come before all others: crisis services in a
        crisis search; the services that fit the harm in a search about harm by someone else."""
        if self.is_crisis or not self.harms:
            return search_ranking.crisis_expression(self.is_crisis)
        # The line for the kind itself first (The Havens for sexual violence), then the others.
        first = sorted({HARM_SERVICES[kind][0] for kind in self.harms})
        then = sorted({slug for kind in self.harms for slug in HARM_SERVICES[kind]} - set(first))
        return Case(
            When(slug__in=first, then=Value(0)),
            When(slug__in=then, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )

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
