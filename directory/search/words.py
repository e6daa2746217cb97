"""How search reads a word: stems, the synonyms of kinds of service, stop and filler words,
and whether an unknown word may be a typo."""

import functools
import re
import threading

import snowballstemmer

from directory.facts import CRISIS_KIND_NEEDS, NeedSlug
from directory.search import crisis_reader
from directory.search.english import is_real_word

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

# What each kind the crisis reader finds (directory/search/crisis_reader.py) searches for: the needs
# it
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


def may_be_typo(word):
    """Only an unknown word of 4 letters or more may be a typo; "near" never is, nor a word
    people type that no dictionary has ("dont", "ctb": crisis_reader.EVERYDAY_WORDS)."""
    return (
        len(word) >= MIN_PREFIX_LENGTH
        and not word.isdigit()
        and word not in crisis_reader.EVERYDAY_WORDS
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
