"""Sealed addresses: a page's query (a search's words, the navigator's answers) or a service's
slug as an opaque token, so the addresses a browser keeps in its history do not spell them out.

Encrypted and authenticated (Fernet, from the `cryptography` library) with a key derived from
the site's secret key and a purpose, so a token made for one purpose is not read as another:
only this site can read one, and a token that was changed or made elsewhere is simply not read
(None). Nothing is stored: the token is the words. A sealed address works when opened again,
on any instance with the same secret key, and can be shared."""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

MAX_TOKEN_LENGTH = 2000

NAVIGATOR_ANSWERS = "findhelp.navigator.answers"
SEARCH = "findhelp.directory.search"
SERVICE = "findhelp.directory.service"


@cache
def _fernet(purpose, secret_key):
    digest = hashlib.sha256(f"{purpose}:{secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(text, purpose):
    """The text as a token only this site can read, for this purpose."""
    return _fernet(purpose, settings.SECRET_KEY).encrypt(text.encode()).decode("ascii")


def unseal(token, purpose):
    """The text a token holds, or None when it is not one of ours for this purpose."""
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        return None
    try:
        return _fernet(purpose, settings.SECRET_KEY).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError, UnicodeDecodeError):
        return None
