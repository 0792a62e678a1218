"""Redis cache that behaves like an empty cache while Redis is unreachable.

Everything that uses the default cache (page cache, API throttling, memoised counts) then
carries on from the database: reads miss, writes are dropped, and one warning is logged.
After an error the process leaves Redis alone for ``RETRY_SECONDS`` so that requests do not
each wait for a connection timeout. ``incr`` still raises: callers of a counter must know.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

logger = logging.getLogger("ecoportal.caching")

RETRY_SECONDS = 5.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` (and its table of ~170 reply parsers) for every cache
    operation, a third of the time of a page served from the cache. Cache backends are per
    thread, and ``redis.Redis`` is thread-safe anyway.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._down_until = 0.0

    def validate_key(self, key):
        # Django checks every key character by character for memcached's limits, which Redis
        # does not have; the keys are the portal's own (memoised values name a hash).
        pass

    @property
    def available(self):
        return time.monotonic() >= self._down_until

    def _call(self, method, fallback, *args, **kwargs):
        if not self.available:
            return fallback
        try:
            return method(*args, **kwargs)
        except RedisError as exc:
            self._went_down(exc)
            return fallback

    def _went_down(self, exc):
        self._down_until = time.monotonic() + RETRY_SECONDS
        logger.warning("cache unavailable, serving without it for %.0f s: %s", RETRY_SECONDS, exc)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, None)

    def incr(self, key, delta=1, version=None):
        if not self.available:
            raise RedisConnectionError("cache unavailable")
        try:
            return super().incr(key, delta, version)
        except RedisError as exc:
            self._went_down(exc)
            raise
