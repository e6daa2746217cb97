"""The shared cache (CACHE_URL, Redis): config/redis_cache.py, against a real Redis server
when one answers (the benchmark's and production's cache; the other tests use local memory)."""

import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")


@pytest.fixture
def shared_cache():
    config = {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"findhelp-test-{uuid.uuid4().hex}",
    }
    with override_settings(CACHES={"default": config}):
        cache = caches["default"]
        yield cache
        cache.clear()
        cache.close()


def test_the_shared_cache_keeps_reads_and_counts(shared_cache):
    assert shared_cache.get("page") is None
    shared_cache.set("page", {"html": "<p>Kooth</p>"}, 60)
    assert shared_cache.add("generation", 7, None)
    assert not shared_cache.add("generation", 8, None)
    assert shared_cache.incr("generation") == 8
    assert shared_cache.get_many(["generation", "page", "missing"]) == {
        "generation": 8,
        "page": {"html": "<p>Kooth</p>"},
    }
    shared_cache.delete("page")
    assert shared_cache.get("page", "gone") == "gone"


def test_each_call_reuses_the_same_client(shared_cache):
    first = shared_cache._cache.get_client("a")
    assert shared_cache._cache.get_client("b") is first
    assert shared_cache._cache.get_client("c", write=True) is first  # one server: one pool
