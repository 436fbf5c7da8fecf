"""Turn CACHE_URL into a CACHES entry.

The cache holds what several processes must agree on: rate limits (allauth), API and form
throttles (DRF), used TOTP codes. The embedded default is a table in the database
(`db://memnun_cache`, created by `manage.py createcachetable`), so nothing else has to run;
`redis://host:6379/0` switches to Redis; `locmem://` keeps it in one process (tests only).
"""

from urllib.parse import urlsplit

DEFAULT_CACHE_URL = "db://memnun_cache"


def parse_cache_url(url: str) -> dict:
    """`db://table`, `redis://[:password@]host:port/db`, `rediss://...`, `locmem://`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "db":
        table = parts.netloc or parts.path.lstrip("/")
        if not table:
            raise ValueError("CACHE_URL: db:// needs a table name, e.g. db://memnun_cache")
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "memnun"}
    raise ValueError(f"CACHE_URL: unknown scheme {scheme!r} (use db://, redis://, locmem://)")
