"""What is the same for everyone, kept in Django's cache until the directory changes.

Every cached thing (a public page, the filter choices, the home page's lists) is stored under
a key that includes the directory's *generation*: a number in the cache that any change to a
service, an organisation or a vocabulary moves on (directory/signals.py, and the bulk commands,
whose bulk writes send no signals). A change therefore makes everything cached before it
unreachable at once, on every app instance that shares the cache (`CACHE_URL`); the old entries
simply expire. This is the control for a stale page after a correction (a phone number fixed
in the admin): docs/clinical-safety.md, H21.

`FINDHELP_PAGE_CACHE=0` turns all of it off (the benchmark's "before").

The names are Django's cache's, with the generation added:
- `get(name)` -> (value, generation) and `set(name, value, generation, timeout)`: for a page,
  whose generation comes in the same round trip (config/page_cache.py);
- `get_or_set(name, compute)`: a value made once per generation, in the shared cache and in
  this process; `get_or_set_local(name, compute)`: in this process only;
- `invalidate()`: the directory changed, move the generation on (the signals call it, and the
  bulk commands); `invalidate_only_on_commit()`: inside, only if the change is committed;
- `request_scope()`: read the generation once a request; `clear_local()`: drop this process's
  copies.

The cache is optional at run time. While it cannot be reached (config/redis_cache.py: every
failure is a miss, and the process leaves it alone for a few seconds), the generation is
unknown (`generation()` is None): nothing is read from it or kept in it, this process's own
copies are not used either (another instance may have changed the directory meanwhile), and
every page is rendered from the database. When it answers again the generation is moved on, so
that nothing kept before a correction it missed is sent.
"""

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "findhelp:generation"

_this_request = threading.local()


def enabled():
    return settings.FINDHELP_PAGE_CACHE


def available():
    """Whether the cache answered its last call (a local-memory cache always does)."""
    return getattr(cache, "available", True)


def state():
    """ "ok" or "unavailable", for /healthz: asks Redis now, with its short timeout."""
    ping = getattr(cache, "ping", None)
    if ping is None:
        return "ok"
    return "ok" if ping() else "unavailable"


@contextmanager
def request_scope():
    """Inside (a request, config/page_cache.py), the generation is read from the cache once,
    not for every cached thing the page uses, and again only after a change in this request."""
    _this_request.active = True
    _this_request.generation = None
    _this_request.computed = {}
    try:
        yield
    finally:
        _this_request.active = False
        _this_request.generation = None
        _this_request.computed = {}


def generation():
    """The directory's current generation, or None while the cache cannot be reached."""
    if not getattr(_this_request, "active", False):
        return _read_generation()
    if _this_request.generation is None:
        _this_request.generation = _read_generation()
    return _this_request.generation


def _read_generation():
    recoveries = _recoveries
    value = cache.get(GENERATION_KEY)
    if recoveries != _recoveries:  # that call found the cache back and moved it on
        value = cache.get(GENERATION_KEY)
    if value is None and not available():
        return None
    if value is None:
        # A cache that is new, cleared or restarted starts from the time, in microseconds,
        # never from a number used before: the app processes' own copies (`get_or_set`) of
        # an earlier generation must not be taken for this one's.
        start = time.time_ns() // 1000
        cache.add(GENERATION_KEY, start, timeout=None)
        value = cache.get(GENERATION_KEY, start)
    return value if available() else None


def _bump():
    _this_request.generation = None
    _this_request.computed = {}
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (cache cleared or restarted): start again past any old one
        current = _read_generation()
        if current is not None:
            cache.set(GENERATION_KEY, current + 1, timeout=None)
    # A cache that failed to take it has left this process's copies unusable until it answers
    # again (generation() is None meanwhile); it is moved on again then (after_an_outage).


def invalidate(**kwargs):
    """Move the generation on: everything cached so far is out of date. Now, and again once
    the change is committed: in between, another request could read the old rows and cache
    them under the new generation. Inside `invalidate_only_on_commit`, once committed only."""
    if not getattr(_this_request, "only_on_commit", False):
        _bump()
    transaction.on_commit(_bump)


_recoveries = 0  # how many times this process has seen the cache answer again after failing


def after_an_outage():
    """The cache answers again: what it kept may predate a change it was not told of."""
    global _recoveries
    _recoveries += 1
    _local.clear()
    _bump()


@contextmanager
def invalidate_only_on_commit():
    """Inside, a change moves the generation on only if it is committed: for work that is
    rolled back (a spreadsheet import's preview), which then leaves the cache as it was."""
    _this_request.only_on_commit = True
    try:
        yield
    finally:
        _this_request.only_on_commit = False


def key(name):
    return f"findhelp:{generation()}:{name}"


def get(name):
    """(what was kept under `name` for the current generation or None, that generation).

    For the first thing a request asks of the cache (a public page): the generation comes
    in the same round trip (one `get_many`), so a page from the cache costs one round trip,
    not two. What `set` stored for an earlier generation is not returned."""
    entry_key = f"findhelp:entry:{name}"
    known = getattr(_this_request, "generation", None)
    if known is not None:
        current_generation, stored = known, cache.get(entry_key)
    else:
        recoveries = _recoveries
        found = cache.get_many([GENERATION_KEY, entry_key])
        if recoveries != _recoveries:  # that call found the cache back and moved it on
            found = {}
        current_generation = found.get(GENERATION_KEY)
        if current_generation is None:
            current_generation = _read_generation()
        if getattr(_this_request, "active", False):
            _this_request.generation = current_generation
        stored = found.get(entry_key)
    if current_generation is not None and stored is not None and stored[0] == current_generation:
        return stored[1], current_generation
    return None, current_generation


def set(name, value, kept_generation, timeout):
    """Keep `value` under `name` for `kept_generation` (the one `get` gave, before the
    value was made: a change meanwhile leaves it out of date at once). Nothing is kept when
    the generation was unknown (the cache could not be reached)."""
    if kept_generation is not None:
        cache.set(f"findhelp:entry:{name}", (kept_generation, value), timeout)


_local = {}  # {generation: {name: value}}: this process's copies, the latest generation only
MAX_LOCAL = 10_000  # things kept here at once (cards are about 1.5 KB each)


def _local_for(current):
    if current is None:  # the cache cannot be reached: nothing kept, nothing used
        return {}
    here = _local.get(current)
    if here is None:
        _local.clear()
        here = _local[current] = {}
    elif len(here) >= MAX_LOCAL:
        here.clear()
    return here


def get_or_set(name, compute, timeout=None):
    """compute(), kept until the directory changes (or, in the shared cache, `timeout`
    seconds). Each app process also keeps its own copy for the current generation, so a page
    that reads the filter choices does not fetch and unpickle them from Redis every time.
    What is kept is shared by every request: never change it."""
    if not enabled():
        return _once_this_request(name, compute)
    current = generation()
    if current is None:
        return _once_this_request(name, compute)
    here = _local_for(current)
    if name not in here:
        cache_key = f"findhelp:{current}:{name}"
        value = cache.get(cache_key)
        if value is None:
            value = compute()
            cache.set(cache_key, value, timeout or settings.FINDHELP_PAGE_CACHE_SECONDS)
        here[name] = value
    return here[name]


def _once_this_request(name, compute):
    """compute(), made once a request while nothing may be kept (the cache off, or out of
    reach): a page reads the vocabularies from several places, and each must not cost the
    same query again. Made again after a change in this request."""
    if not getattr(_this_request, "active", False):
        return compute()
    computed = _this_request.computed
    if name not in computed:
        computed[name] = compute()
    return computed[name]


def get_or_set_local(name, compute):
    """compute(), kept in this app process only, until the directory changes: for what is
    quick to make once but made many times a page (a service's card)."""
    if not enabled():
        return compute()
    here = _local_for(generation())
    if name not in here:
        here[name] = compute()
    return here[name]


def clear_local():
    """Drop this process's own copies (the tests, after clearing the cache)."""
    _local.clear()
