"""The English word list: a word this common is a real word, never a typo. Shared by search's
words and the crisis reader."""

import functools

# A word this common in English (pyspellchecker's English word counts) is a real word, never a
# typo: "near" is not corrected to "year". "samaritans" is counted 230 times, "councelling"
# not at all.
REAL_WORD_MIN_COUNT = 20


@functools.cache
def _english_words():
    # Imported on first use: the word list takes a while to load, and few requests need it.
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en").word_frequency.dictionary
    return frozenset(word for word, count in counts.items() if count >= REAL_WORD_MIN_COUNT)


def is_real_word(word):
    return word in _english_words()
