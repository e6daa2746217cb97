"""The navigator's answers as an opaque token, so the addresses kept in a browser's history do
not spell them out (`need=self-harm`). Encrypted and authenticated with a key derived from
the site's secret key (Fernet, from the `cryptography` library): only this site can read one,
and a token that was changed or made elsewhere is simply not read. Nothing is stored: the
token is the answers. Plain parameters are still accepted, for links written by hand."""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

MAX_TOKEN_LENGTH = 2000


@cache
def _fernet(secret_key):
    digest = hashlib.sha256(f"findhelp.navigator.answers:{secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(query_string):
    """The answers' query string as a token."""
    return _fernet(settings.SECRET_KEY).encrypt(query_string.encode()).decode("ascii")


def unseal(token):
    """The query string a token holds, or None when it is not one of ours."""
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        return None
    try:
        return _fernet(settings.SECRET_KEY).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError, UnicodeDecodeError):
        return None
