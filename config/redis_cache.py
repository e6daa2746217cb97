"""Django's Redis cache backend, made optional: a cache that fails costs a page render, never an
error page, and never a long wait.

- **Short timeouts.** Connecting and each reply are given SOCKET_TIMEOUT seconds (a quarter of
  a second), with no retry, unless the settings' OPTIONS say otherwise.
- **Every failure is a miss.** Any error from Redis (refused, reset, timed out, out of memory,
  a reply that cannot be read) makes a read return nothing and a write do nothing, as if the
  cache were empty: the page is rendered from the database instead (docs/architecture.md,
  "When the cache fails").
- **A circuit breaker.** After a failure this process leaves Redis alone for RETRY_SECONDS,
  then tries again with the next call: a Redis that is paused or unreachable costs one request
  in every few seconds a timeout, not every request.
- **Logged at most once a minute**, on one line, with how many failures since; and once
  when it answers again after that.
- **Recovery.** When Redis answers again after a failure, the functions in `on_recovery` are
  called (directory/caching.py moves the directory's generation on: a correction made while the
  cache could not be told must not be hidden by a page kept before it).

It also keeps one redis-py client per connection pool: Django's `RedisCacheClient.get_client`
makes a new `redis.Redis` for every cache call, and redis-py builds its table of about 170
response callbacks each time, a third of the time of a page answered from the cache. A
`redis.Redis` is safe to share (its pool hands out the connections), so each pool's is made
once. Set in settings when CACHE_URL is set.
"""

import logging
import threading
import time

from django.core.cache.backends import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT

SOCKET_TIMEOUT = 0.25  # seconds to connect, and for each reply
RETRY_SECONDS = 3  # after a failure, how long this process leaves the cache alone
LOG_EVERY_SECONDS = 60

logger = logging.getLogger(__name__)

on_recovery = []  # functions called (no arguments) when the cache answers again after failing


class Breaker:
    """Whether this process should ask the cache now; one per cache location, shared by the
    process's threads."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.closed_from = 0.0  # monotonic time from which calls are let through again
        self.failing = False  # the last call failed (until one succeeds)
        self.failures = 0  # since the last log line
        self.logged_at = None
        self.announced = False  # a failure was logged, and no recovery since

    def allows(self):
        return time.monotonic() >= self.closed_from

    @property
    def available(self):
        return not self.failing and self.allows()

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            self.closed_from = now + RETRY_SECONDS
            self.failing = True
            self.failures += 1
            if self.logged_at is None or now - self.logged_at >= LOG_EVERY_SECONDS:
                logger.warning(
                    "Cache unavailable (%s): %s: %s. Pages are rendered without it; "
                    "%d failure(s) since the last message, tried again every %d s.",
                    self.name,
                    type(error).__name__,
                    str(error).strip().partition("\n")[0],
                    self.failures,
                    RETRY_SECONDS,
                )
                self.logged_at, self.failures, self.announced = now, 0, True

    def succeeded(self):
        if not self.failing:
            return
        with self.lock:
            if not self.failing:
                return
            self.failing = False
            announced, self.announced = self.announced, False
        if announced:
            logger.warning("Cache available again (%s).", self.name)
        for function in list(on_recovery):
            try:
                function()
            except Exception:  # noqa: BLE001 - a hook must not turn a page into an error
                logger.exception("A cache recovery hook failed")


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(name):
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(name)
        return _breakers[name]


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def ping(self):
        return self.get_client(write=True).ping()


class RedisCache(redis.RedisCache):
    """Django's RedisCache whose every call falls back as the module says."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
        # redis is imported when a Redis cache is configured, as Django's own backend does it
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self._options = {
            "socket_connect_timeout": SOCKET_TIMEOUT,
            "socket_timeout": SOCKET_TIMEOUT,
            "retry": Retry(NoBackoff(), 0),
            **self._options,
        }
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server))

    @property
    def available(self):
        """False while the breaker is open (a call failed in the last RETRY_SECONDS)."""
        return self.breaker.available

    def _call(self, method, fallback, *args, **kwargs):
        if not self.breaker.allows():
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except ValueError:  # incr of a key that is not there: Django's own meaning, passed on
            self.breaker.succeeded()
            raise
        except Exception as error:  # noqa: BLE001 - any failure of the cache is a miss
            self.breaker.failed(error)
            return fallback
        self.breaker.succeeded()
        return result

    def ping(self):
        """True when Redis answers now (tried even while the breaker waits, for /healthz)."""
        try:
            self._cache.ping()
        except Exception as error:  # noqa: BLE001
            self.breaker.failed(error)
            return False
        self.breaker.succeeded()
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        """The new value; None when the cache failed."""
        return self._call("incr", None, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
