"""CACHE_URL: the cache that rate limits and throttles share across processes."""

import pytest
from django.core.cache import CacheHandler, caches
from django.core.management import call_command

from config.cache_url import DEFAULT_CACHE_URL, parse_cache_url


def test_the_embedded_default_is_a_database_table():
    assert parse_cache_url(DEFAULT_CACHE_URL) == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "memnun_cache",
    }


def test_redis_and_locmem_urls():
    assert parse_cache_url("redis://:pw@127.0.0.1:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://:pw@127.0.0.1:6379/1",
    }
    assert parse_cache_url("locmem://")["BACKEND"].endswith("LocMemCache")


@pytest.mark.parametrize("url", ["memcached://127.0.0.1", "db://"])
def test_unknown_or_incomplete_urls_are_refused(url):
    with pytest.raises(ValueError, match="CACHE_URL"):
        parse_cache_url(url)


@pytest.mark.django_db
def test_the_database_cache_is_seen_by_another_process(settings):
    settings.CACHES = {"default": parse_cache_url("db://memnun_cache")}
    call_command("createcachetable", verbosity=0)
    caches["default"].set("allauth:rl:probe", [1.0], 60)
    another_process = CacheHandler(settings.CACHES)["default"]
    assert another_process.get("allauth:rl:probe") == [1.0]
