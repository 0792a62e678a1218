"""Copies of what the shared cache keeps, in this process's memory as well.

A value is kept under a key that names the release and the content generation read from the
database (``generation.memo_key``), so a copy kept here is what the shared cache would give for
that key: reading it here saves the round trip to Redis and is no staler, and while Redis is
unreachable the copies this process holds are still read. A page's copy expires when the
shared cache's does; a value's ``PAGE_CACHE_TIMEOUT`` after this process copied it (so up to
twice that after it was computed: a value depends on nothing but its key, and a scheduled item
moves the generation). Emptying Redis leaves the copies: they expire, or go with the process.
Each store (pages, values) holds up to ``PAGE_CACHE_LOCAL_BYTES``, counted with what each entry
costs beside its bytes, the least recently read dropped first; 0 keeps nothing.
"""

import pickle
import sys
import threading
import time
from collections import OrderedDict
from decimal import Decimal

from django.conf import settings

#: What an entry costs beside its own bytes (its key, the tuple and the slot that hold it), so
#: that many small entries (a search that found nothing) are bounded as well as large ones.
ENTRY_OVERHEAD = 512


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
        size += ENTRY_OVERHEAD
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


#: Values no caller can change, kept as they are rather than pickled.
IMMUTABLE = (str, bytes, int, float, bool, type(None), Decimal)


class LocalValues:
    """Memoised values (``generation.memoize``), kept pickled: each read gets a value of its
    own, as from the shared cache, so a caller that changes what it was given changes nothing
    kept. A value no caller can change (a rendered fragment's markup, a count) is kept as it
    is: unpickling an indicator page's 60 kB of markup on every read was most of what reading
    it cost."""

    def __init__(self):
        self.copies = LocalCopies()

    def get(self, key):
        data = self.copies.get(key)
        if data is None:
            return None
        return data if type(data) is tuple else pickle.loads(data)

    def put(self, key, stored):
        if not settings.PAGE_CACHE_LOCAL_BYTES:
            return
        expires = time.time() + settings.PAGE_CACHE_TIMEOUT
        if isinstance(stored, tuple) and all(isinstance(value, IMMUTABLE) for value in stored):
            self.copies.put(key, stored, sum(map(sys.getsizeof, stored)), expires)
            return
        data = pickle.dumps(stored, pickle.HIGHEST_PROTOCOL)
        self.copies.put(key, data, len(data), expires)

    def clear(self):
        self.copies.clear()


LOCAL_VALUES = LocalValues()
