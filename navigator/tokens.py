"""The navigator's answers as an opaque token, so the addresses kept in a browser's history do
not spell them out (`need=self-harm`): directory/sealing.py, for the navigator's purpose. Only
this site can read one, and a token that was changed or made elsewhere is simply not read.
Nothing is stored: the token is the answers. Plain parameters are still accepted, for links
written by hand."""

from directory import sealing

MAX_TOKEN_LENGTH = sealing.MAX_TOKEN_LENGTH


def seal(query_string):
    """The answers' query string as a token."""
    return sealing.seal(query_string, sealing.NAVIGATOR_ANSWERS)


def unseal(token):
    """The query string a token holds, or None when it is not one of ours."""
    return sealing.unseal(token, sealing.NAVIGATOR_ANSWERS)
