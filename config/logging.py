"""Logs never keep what people looked for: query strings are cut from every address logged.

A query string can say what someone is going through (`/services/?q=self+harm`,
`/help/results/?need=suicidal-thoughts`), so the site's logs, Django's (`django.server`,
`django.request`, anything else through settings.LOGGING's handlers) and gunicorn's access log,
keep the path only: `/services/?q=self+harm` is logged as `/services/`.

- Django: `DropQueryStrings`, a logging filter, on every handler in settings.LOGGING.
- gunicorn: `GunicornLogger`, a logger class (`logger_class = "config.logging.GunicornLogger"`
  in its config file): its access log's request line (`%(r)s`), query (`%(q)s`), URL
  (`%(U)s` is the path already) and referrer (`%(f)s`, which under the site's same-origin
  referrer policy is a full address of the site) carry no query string.
"""

import logging
import re

# "?" straight after an address's path and what follows, up to the end of the address (a
# space, a quote or the end). A question mark ending a sentence, or standing alone (an SQL
# placeholder), is left alone.
QUERY_STRING = re.compile(r"(?<=[\w/.~%-])\?[^\s\"'<>]+")


def drop_query_strings(text):
    """The text with every query string cut out of the addresses in it."""
    return QUERY_STRING.sub("", text) if "?" in text else text


class DropQueryStrings(logging.Filter):
    """Rewrites a record's message, once its arguments are put in, without query strings.
    Never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its message: left alone
            return True
        if "?" in message:
            record.msg, record.args = drop_query_strings(message), ()
        return True


class OneLineForClientErrors(logging.Filter):
    """A refused request (403 and the other 4xx Django logs, such as "Forbidden (Permission
    denied): /admin/…") is logged as its one line, without the traceback Django attaches: it
    is the site working as meant, and a traceback for each would bury real errors (5xx keep
    theirs)."""

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # gunicorn is only needed to serve the site, not to run it or its tests
    _GunicornLogger = None

if _GunicornLogger is not None:

    class GunicornLogger(_GunicornLogger):
        """gunicorn's logger, its access log without query strings (see the module's note)."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            atoms["q"] = ""
            atoms["r"] = drop_query_strings(atoms.get("r", ""))
            atoms["f"] = drop_query_strings(atoms.get("f", ""))
            for key, value in atoms.items():
                # Headers and environ: %({referer}i)s, %({raw_uri}e)s, %({query_string}e)s.
                if key.startswith("{") and isinstance(value, str):
                    atoms[key] = "" if key == "{query_string}e" else drop_query_strings(value)
            return atoms
