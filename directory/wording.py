"""Small helpers for saying things in plain English."""


def join_words(words):
    """["Camden", "Islington", "Hackney"] -> "Camden, Islington and Hackney"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
