"""Copies of what the shared cache keeps, in this process's memory as well.

A value is kept under a key that names the release and the content generation read from the
database (``generation.memo_key``), so a copy kept here is what the shared cache would give for
that key: reading it here saves the round trip to Redis and is no staler. Each copy is dropped
when it expires or, the least recently read first, once the copies come to more than
``PAGE_CACHE_LOCAL_BYTES``.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings


class LocalCopies:
    """Entries by key, each with its size in bytes and the time it expires."""

    def __init__(self):
        self._entries, self._size, self._lock = OrderedDict(), 0, threading.Lock()

    def get(self, key):
        """The entry kept under ``key``, or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            entry, size, expires = found
            if expires <= time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key, entry, size, expires):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        if size > limit:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (entry, size, expires)
            self._size += size
            while self._size > limit:
                self._drop(next(iter(self._entries)))

    def _drop(self, key):
        self._size -= self._entries.pop(key)[1]

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._size = 0


class LocalValues:
    """Memoised values (``generation.memoize``), kept pickled: each read gets a value of its
    own, as from the shared cache, so a caller that changes what it was given changes nothing
    kept."""

    def __init__(self):
        self.copies = LocalCopies()

    def get(self, key):
        data = self.copies.get(key)
        return None if data is None else pickle.loads(data)

    def put(self, key, stored):
        data = pickle.dumps(stored, pickle.HIGHEST_PROTOCOL)
        self.copies.put(key, data, len(data), time.time() + settings.PAGE_CACHE_TIMEOUT)

    def clear(self):
        self.copies.clear()


LOCAL_VALUES = LocalValues()
