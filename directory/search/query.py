"""The words of a query as groups of alternatives (`read_query`): the crisis reader first,
then everyday phrases (the admin's `SearchPhrase` rows), synonyms, stop and filler words."""

import functools
import re

from directory import caching
from directory.models import SearchPhrase
from directory.search import crisis_reader
from directory.search.words import (
    FILLER_WORDS,
    KIND_NEEDS,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    STOP_WORDS,
    SYNONYM_PHRASES,
    Group,
    group_of,
    stem,
    words_of,
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
    The crisis reader reads the raw words first (directory/search/crisis_reader.py): what it
    recognised
    becomes one group (reading_group), and those words are read no further.
    """
    reading = crisis_reader.read(query[:MAX_QUERY_LENGTH]) if reading is None else reading
    typed = [word for word in words_of(query[:MAX_QUERY_LENGTH]) if word not in reading.words]
    if reading.shows_help:
        others = read_query(" ".join(typed), everyday_phrases, crisis_reader.NOTHING)
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

    def read():
        return list(SearchPhrase.objects.values_list("phrase", "need__slug", "search_for"))

    return caching.get_or_set("everyday-phrases", read)
