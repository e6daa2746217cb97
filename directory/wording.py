"""Small helpers for saying things in plain English."""


def join_words(words):
    """["Camden", "Islington", "Hackney"] -> "Camden, Islington and Hackney"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# Shown on the page and card of a service that may not be running as described
# (Service.may_have_changed): a pilot past its date, vacant posts, fixed-term funding.
MAY_HAVE_CHANGED = "This service may have changed: check with them before referring"
