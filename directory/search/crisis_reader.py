"""The crisis reader: does what someone typed say they (or someone they know) may be in crisis,
or being hurt by someone else? One job, read before anything else touches the words (typo
correction, stop words), so that nothing can change what it reads.

`read(text)` returns a `Reading`: the kinds that apply (suicide, self-harm, overdose,
danger-now; harm by someone else: abuse, sexual-violence, domestic-abuse, parent-substance,
neglect) and the typed words it recognised. How it reads:

1. normalise: lower case, apostrophes dropped ("don't" -> "dont"), "s/h" -> "sh", digits in
   words as letters ("k1ll" -> "kill"), letters typed one by one joined ("s u i c i d e"),
   repeated letters cut ("sooo" -> "so", "dieee" -> "die"), slang and text-speak read as words
   (SPELLINGS: "wanna" -> "want to", "kms"), and a word that is no English word corrected to
   the nearest crisis word within an edit or two (rapidfuzz: "sucide", "overdosd", "slef");
2. everyday phrases that only look like crisis words are read as plain words ("cut down",
   "dead tired": NOT_ABOUT_HARM);
3. match the lexicon's patterns (directory/search/crisis_lexicon.py), words in order with a few
   others allowed between them. Negation never silences a pattern.

When in doubt, it shows help: a missed crisis costs far more than help someone did not need.
The patterns are compiled once, when the module is imported; a reading costs well under a
millisecond.
"""

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from directory.facts import CRISIS_KIND_NEEDS
from directory.search import crisis_lexicon as lexicon
from directory.search.english import is_real_word  # the same English word list search uses

CRISIS_KINDS = tuple(CRISIS_KIND_NEEDS)  # "suicide", "self-harm", "overdose", "danger-now"
HARM_KINDS = ("abuse", "sexual-violence", "domestic-abuse", "parent-substance", "neglect")
KINDS = CRISIS_KINDS + HARM_KINDS
HARM_BY_SOMEONE_ELSE = "harm-by-someone-else"

MAX_LENGTH = 200  # characters read: more than the search box takes

WORD = re.compile(r"[^\W_]+")
APOSTROPHES = re.compile(r"['’‘`´]")
SLASHED_SH = re.compile(r"\bs\s*[/\\.\-]\s*h\b")
OD_D = re.compile(r"\bod['’‘`´]?(?:e)?d\b")  # "od'd", "oded"
SYMBOLS = str.maketrans({"$": "s", "@": "a", "€": "e", "£": "l"})
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
REPEATS = re.compile(r"(.)\1{2,}")
DOUBLES = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Reading:
    """What the reader found: `kinds` (a subset of KINDS), and `words`, the typed words (lower
    case, without apostrophes) that matched, which search must never "correct"."""

    kinds: frozenset = frozenset()
    words: frozenset = field(default=frozenset(), compare=False)

    @property
    def is_crisis(self):
        """Suicide, self-harm, overdose or danger now: urgent help at the top."""
        return any(kind in CRISIS_KINDS for kind in self.kinds)

    @property
    def harms(self):
        """The kinds of harm by someone else, in KINDS order."""
        return tuple(kind for kind in HARM_KINDS if kind in self.kinds)

    @property
    def is_harm(self):
        """Someone else is hurting them, or someone they know: "If someone is hurting you"."""
        return bool(self.harms)

    @property
    def shows_help(self):
        return bool(self.kinds)

    @property
    def kind_names(self):
        """The kinds as the issue names them, harm by someone else as one."""
        names = [kind for kind in CRISIS_KINDS if kind in self.kinds]
        return names + [HARM_BY_SOMEONE_ELSE] if self.is_harm else names


NOTHING = Reading()


# Compiling the lexicon (once) ------------------------------------------------------------


def _spelling_table():
    """{typed words (tuple): the words read}, and the longest key."""
    table = {tuple(typed.split()): tuple(read.split()) for typed, read in lexicon.SPELLINGS.items()}
    return table, max(len(key) for key in table)


SPELLINGS, LONGEST_SPELLING = _spelling_table()


def _respell(words):
    """Words with SPELLINGS applied: [(word read, indexes of the typed words it came from)]."""
    out, position = [], 0
    while position < len(words):
        for length in range(min(LONGEST_SPELLING, len(words) - position), 0, -1):
            typed = tuple(word for word, _ in words[position : position + length])
            if typed in SPELLINGS:
                origins = tuple(
                    origin for _, span in words[position : position + length] for origin in span
                )
                out.extend((read, origins) for read in SPELLINGS[typed])
                position += length
                break
        else:
            out.append(words[position])
            position += 1
    return out


def _expand(alternatives):
    """One slot's alternatives, with <groups> expanded: (whole words, prefixes)."""
    whole, prefixes = set(), set()
    for alternative in alternatives.split("|"):
        if alternative.startswith("<"):
            more_whole, more_prefixes, _ = _expand(lexicon.GROUPS[alternative.strip("<>")])
            whole |= more_whole
            prefixes.update(more_prefixes)
        elif alternative.endswith("*"):
            prefixes.add(alternative[:-1])
        else:
            whole.add(alternative)
    return frozenset(whole), tuple(sorted(prefixes)), frozenset()


_local = threading.local()


@lru_cache(maxsize=8192)
def stem(word):
    """The Snowball English stem ("ending" -> "end", "wishes" -> "wish")."""
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("english")
    return _local.stemmer.stemWord(word)


def _compile(pattern):
    """A pattern as its slots, and whether it must end the search ("$"). Plain words are
    respelt as typed words are ("im" -> "i am"). In a pattern of several words, a word also
    matches any form of it ("ending things" as "end things"); a pattern of one word matches
    only as written ("die" is not "died")."""
    slots, parts = [], pattern.split()
    at_end = parts[-1] == "$"
    for part in parts[:-1] if at_end else parts:
        if "|" in part or "*" in part or "<" in part:
            slots.append(_expand(part))
        else:
            slots.extend(
                (frozenset([word]), (), frozenset()) for word, _ in _respell([(part, (0,))])
            )
    if len(slots) > 1:
        slots = [
            (whole, prefixes, frozenset(stem(word) for word in whole))
            for whole, prefixes, _ in slots
        ]
    return tuple(slots), at_end


PATTERNS = [
    (kind, *_compile(pattern))
    for kind, patterns in lexicon.PATTERNS.items()
    for pattern in patterns
]
NOT_ABOUT_HARM = [
    tuple(word for word, _ in _respell([(word, (0,)) for word in phrase.split()]))
    for phrase in lexicon.NOT_ABOUT_HARM
]
KNOWN = frozenset(
    word for _, slots, _ in PATTERNS for whole, _, _ in slots for word in whole
) | frozenset(word for key in SPELLINGS for word in key)
PREFIXES = tuple(
    sorted({prefix for _, slots, _ in PATTERNS for _, prefixes, _ in slots for prefix in prefixes})
)
MISSPELT_WORDS = tuple(lexicon.MISSPELT_WORDS)
EVERYDAY_WORDS = frozenset(lexicon.EVERYDAY_WORDS) | frozenset(
    word for key in SPELLINGS for word in key if len(key) == 1
)


def _english(word):
    return is_real_word(word)


def _is_known(word):
    return word in KNOWN or word.startswith(PREFIXES) or _english(word)


@lru_cache(maxsize=4096)
def _read_word(word):
    """One typed word as the reader reads it: leetspeak, repeated letters and misspellings
    mended where the word is not already a word it or English knows."""
    if _is_known(word) or word.isdigit():
        return word
    if any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word):
        word = word.translate(LEET)
        if _is_known(word):
            return word
    if REPEATS.search(word):
        for mended in (REPEATS.sub(r"\1\1", word), REPEATS.sub(r"\1", word)):
            if _is_known(mended):
                return mended
        word = REPEATS.sub(r"\1", word)
    if len(word) >= 3 and DOUBLES.search(word) and DOUBLES.sub(r"\1", word) in KNOWN:
        return DOUBLES.sub(r"\1", word)  # "diee" -> "die"
    if len(word) >= 4:
        allowed = 1 if len(word) <= 5 else 2
        best = process.extractOne(word, MISSPELT_WORDS, scorer=OSA.distance, score_cutoff=allowed)
        if best:
            return best[0]
    return word


def _join_spelt_out(words):
    """Letters typed one by one ("s u i c i d e", "k m s") as one word."""
    out, run = [], []
    for word, origin in [*words, ("", -1)]:
        if len(word) == 1 and word.isalpha():
            run.append((word, origin))
            continue
        if len(run) >= 3:
            spans = tuple(origin for _, span in run for origin in span)
            out.append(("".join(letter for letter, _ in run), spans))
        else:
            out.extend(run)
        run = []
        if word:
            out.append((word, origin))
    return out


def normalise(text):
    """The words as the reader reads them: [(word, indexes of the typed words it came from)],
    and the typed words (lower case, no apostrophes) in order."""
    text = (text or "")[:MAX_LENGTH].lower()
    text = OD_D.sub("overdosed", text)
    text = SLASHED_SH.sub("sh", text)
    text = APOSTROPHES.sub("", text).translate(SYMBOLS)
    typed = WORD.findall(text)
    words = _join_spelt_out([(word, (index,)) for index, word in enumerate(typed)])
    words = _respell(words)
    words = [(_read_word(word), origin) for word, origin in words]
    return _respell(words), typed


def _mask_everyday_phrases(words):
    """Word positions that belong to an everyday phrase ("cut down") and cannot start or
    take part in a match."""
    masked = set()
    plain = [word for word, _ in words]
    for phrase in NOT_ABOUT_HARM:
        for start in range(len(plain) - len(phrase) + 1):
            if tuple(plain[start : start + len(phrase)]) == phrase:
                masked.update(range(start, start + len(phrase)))
    return masked


def _index_slots():
    """Every distinct slot of every pattern gets a number, and each pattern is filed under its
    first slot's, so a reading only tries the patterns whose first word it has:
    (patterns as (kind, slot numbers, at end), {first slot: [pattern indexes]},
    {word: slots}, {stem: slots}, {prefix: slots})."""
    numbers, patterns, by_first = {}, [], {}
    by_word, by_stem, by_prefix = {}, {}, {}
    for kind, slots, at_end in PATTERNS:
        ids = []
        for slot in slots:
            if slot not in numbers:
                number = numbers[slot] = len(numbers)
                whole, prefixes, stems = slot
                for word in whole:
                    by_word.setdefault(word, set()).add(number)
                for word_stem in stems:
                    by_stem.setdefault(word_stem, set()).add(number)
                for prefix in prefixes:
                    by_prefix.setdefault(prefix, set()).add(number)
            ids.append(numbers[slot])
        by_first.setdefault(ids[0], []).append(len(patterns))
        patterns.append((kind, tuple(ids), at_end))
    return patterns, by_first, by_word, by_stem, tuple(by_prefix.items())


SLOT_PATTERNS, BY_FIRST_SLOT, SLOTS_BY_WORD, SLOTS_BY_STEM, SLOTS_BY_PREFIX = _index_slots()


def _slots_of(word, word_stem):
    """The numbers of the slots this word fits."""
    fits = SLOTS_BY_WORD.get(word, set()) | SLOTS_BY_STEM.get(word_stem, set())
    for prefix, numbers in SLOTS_BY_PREFIX:
        if word.startswith(prefix):
            fits = fits | numbers
    return fits


def _match(slots, at_end, fits):
    """The positions of the first match of these slot numbers, or None. `fits[position]` is
    the set of slots the word there fits (empty where an everyday phrase masks it)."""
    last = len(fits) - 1

    def from_slot(index, after, first):
        if index == len(slots):
            return [] if not at_end or after == last else None
        end = len(fits) if first else min(len(fits), after + 2 + lexicon.MAX_GAP)
        for position in range(after + 1, end):
            if slots[index] in fits[position]:
                rest = from_slot(index + 1, position, False)
                if rest is not None:
                    return [position, *rest]
        return None

    return from_slot(0, -1, True)


@lru_cache(maxsize=2048)
def read(text):
    """The kinds of crisis or harm `text` is about, and the typed words that said so."""
    words, typed = normalise(text)
    if not words:
        return NOTHING
    masked = _mask_everyday_phrases(words)
    fits = [
        set() if position in masked else _slots_of(word, stem(word))
        for position, (word, _) in enumerate(words)
    ]
    candidates = sorted(
        {index for slots in fits for slot in slots for index in BY_FIRST_SLOT.get(slot, ())}
    )
    kinds, positions = set(), set()
    for index in candidates:
        kind, slots, at_end = SLOT_PATTERNS[index]
        found = _match(slots, at_end, fits)
        if found is not None:
            kinds.add(kind)
            positions.update(found)
    if not kinds:
        return NOTHING
    recognised = frozenset(typed[origin] for position in positions for origin in words[position][1])
    return Reading(kinds=frozenset(kinds), words=recognised)
