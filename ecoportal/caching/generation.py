"""The content generation: one number in the shared cache that every cached page is keyed by.

``content_changed()`` bumps it after the current transaction commits, so a request that reads
the new number can only see committed data; a page rendered from older data is stored under
an older number that nobody asks for any more. Stored beside the number is the moment the
generation began; the earliest scheduled publication after that moment is computed once per
generation (one query) and, when it arrives, the first request starts a new generation.

If the number is lost (Redis restarted or evicted it) it starts again from the clock in
microseconds, which is always above any number used before, so an old page is never reached.
If a bump fails because the cache is unreachable, this process bumps again as soon as the
cache answers; ``PAGE_CACHE_TIMEOUT`` bounds what a process that died in between could miss.
"""

import hashlib
import logging
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("ecoportal.caching")

GENERATION_KEY = "pagecache:generation"
STATE_KEY = "pagecache:state"
ADVANCE_LOCK_KEY = "pagecache:advance:{}"
MEMO_KEY = "pagecache:memo:{}:{}"

_UNKNOWN = "unknown"
_bump_failed = False
# The generation this process read last: a guess of the current one, always checked.
_last_seen = None
_suspended = 0
# The generation a request's memoised values are read under: looked up once per request
# instead of once per value (``request_generation``).
_request = threading.local()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def content_changed(using=None):
    """Make every cached page stale once the current transaction commits (at once outside one).

    Called by the model signals; call it after writes that send none (``update()``, raw SQL).
    Several changes in one transaction make one bump.
    """
    if _suspended:
        return
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        pending = getattr(connection, "_pagecache_bump", None)
        if pending is not None and not pending.done and any(
            entry[1] is pending for entry in connection.run_on_commit
        ):
            return
    callback = _BumpOnCommit()
    connection._pagecache_bump = callback
    transaction.on_commit(callback, using=using, robust=True)


class _BumpOnCommit:
    """One bump for a transaction; dropped with it if it rolls back."""

    done = False

    def __call__(self):
        self.done = True
        bump()


def bump():
    """Start a new generation now. Returns it, or None when the cache is unreachable."""
    global _bump_failed
    cache = page_cache()
    began = timezone.now().timestamp()
    try:
        try:
            generation = cache.incr(GENERATION_KEY)
        except ValueError:
            generation = _start(cache, began)
        cache.set(STATE_KEY, (generation, began, _UNKNOWN), timeout=None)
    except Exception as exc:  # noqa: BLE001 - the cache being down must not fail a write
        _bump_failed = True
        logger.error("could not invalidate the page cache (will retry when it answers): %s", exc)
        return None
    _bump_failed = False
    return generation


def _start(cache, began):
    """A first (or lost) generation, from the clock: above every number used before."""
    generation = int(time.time() * 1_000_000)
    if cache.add(GENERATION_KEY, generation, timeout=None):
        return generation
    # Someone else started it in between; move past their number all the same.
    return cache.incr(GENERATION_KEY)


def _next_publication(began):
    """The earliest moment after ``began`` at which a scheduled bulletin becomes public."""
    from django.db.models import Min

    from bulletins.models import Bulletin
    from ecoportal.publishing import Status

    moment = Bulletin.objects.filter(
        status=Status.PUBLISHED,
        deleted_at__isnull=True,
        publish_at__gt=datetime.fromtimestamp(began, tz=UTC),
    ).aggregate(next=Min("publish_at"))["next"]
    return moment.timestamp() if moment else None


def current_generation():
    """The generation to read and store pages under now, or None to leave the cache alone.

    One cache round trip in the common case; one query more on the first request of a
    generation; a bump when a scheduled publication has come.
    """
    return current_generation_and_values(None)[0]


def current_generation_and_value(key_of):
    """``current_generation()``, and the value stored under ``key_of(generation)``.

    ``(None, None)`` when the cache is not to be used. See ``current_generation_and_values``.
    """
    keys = {}  # generation → its key, made once

    def keys_of(generation):
        keys[generation] = key_of(generation)
        return [keys[generation]]

    generation, values = current_generation_and_values(keys_of)
    return generation, None if generation is None else values.get(keys[generation])


def current_generation_and_values(keys_of):
    """``current_generation()``, and the values stored under the keys ``keys_of(generation)``.

    Both in one round trip when the generation is still the one this process read last (the
    usual case): those keys are read in the same MGET as the generation, which Redis answers
    atomically, so values read this way always belong to the current generation. Otherwise
    the values are read in a second round trip. ``(None, {})`` when the cache is not to be used.
    """
    global _last_seen
    if _bump_failed and bump() is None:
        return None, {}
    cache = page_cache()
    guess = _last_seen if keys_of is not None else None
    guessed = keys_of(guess) if guess is not None else []
    values = cache.get_many([GENERATION_KEY, STATE_KEY, *guessed])
    generation = _checked(cache, values.pop(GENERATION_KEY, None), values.pop(STATE_KEY, None))
    if generation is None:
        return None, {}
    _last_seen = generation
    if keys_of is None or generation == guess:
        return generation, values
    return generation, cache.get_many(keys_of(generation))


def _checked(cache, generation, state):
    """The generation read, or a new one if it was lost or a scheduled publication has come."""
    if generation is None or state is None or state[0] != generation:
        # Never started, lost, or its start time overwritten by a slower writer: start anew.
        return _advance(cache, generation)
    _, began, next_at = state
    if next_at == _UNKNOWN:
        next_at = _next_publication(began)
        cache.set(STATE_KEY, (generation, began, next_at), timeout=None)
    if next_at is not None and timezone.now().timestamp() >= next_at:
        return _advance(cache, generation)
    return generation


def _advance(cache, generation):
    """Start a new generation, once across all servers; the others skip the cache meanwhile."""
    if cache.add(ADVANCE_LOCK_KEY.format(generation), 1, timeout=30):
        new = bump()
        if new is not None:
            # Its next scheduled moment is computed by the next request.
            return new
    return None


def generation_began():
    """When the current generation began (a UNIX time), or None when that is not known.

    That is the last moment public content changed or a scheduled publication came: a sound
    ``Last-Modified`` of every public response. Only with a shared cache (``memo_key``): a
    process's own cache would not see the changes another process makes.
    """
    if not settings.PAGE_CACHE_MEMO_ENABLED:
        return None
    generation = _memo_generation()
    if generation is None:
        return None
    try:
        state = page_cache().get(STATE_KEY)
    except Exception:  # noqa: BLE001 - without the cache there is simply no date
        return None
    if state is None or state[0] != generation:
        return None
    return state[1]


def request_started(**kwargs):
    _request.active, _request.generation, _request.prefetched = True, None, {}


def request_finished(**kwargs):
    _request.active, _request.generation, _request.prefetched = False, None, {}


def prefetch(names):
    """Read the memoised values of ``names`` in one round trip, for ``memoize`` in this request.

    For a page that knows which values it will ask for: each ``memoize`` of one of these names
    then takes the value read here instead of asking the cache again. On the request's first
    use of the cache, the generation is read in the same round trip. Outside a request, and
    for names not kept yet, nothing changes.
    """
    if not getattr(_request, "active", False) or not settings.PAGE_CACHE_MEMO_ENABLED:
        return
    names = [name for name in names if name is not None]
    if _request.generation is None:
        generation, values = current_generation_and_values(
            lambda generation: [_memo_key(generation, name) for name in names]
        )
        _request.generation = generation
    else:
        generation = _request.generation
        values = page_cache().get_many([_memo_key(generation, name) for name in names])
    if generation is not None:
        _request.prefetched.update(values)


def _stored(cache, key):
    """The kept value of ``key``, as stored (a 1-tuple), from ``prefetch`` or the cache."""
    prefetched = getattr(_request, "prefetched", None)
    if prefetched and key in prefetched:
        return prefetched.pop(key)
    return cache.get(key)


def _memo_generation():
    """``current_generation()``, once per request: a page's fragments share one round trip."""
    if not getattr(_request, "active", False):
        return current_generation()
    if _request.generation is None:
        _request.generation = current_generation()
    return _request.generation


def _memo_key(generation, name):
    return MEMO_KEY.format(generation, hashlib.sha256(name.encode()).hexdigest()[:32])


def memo_key(name):
    """The cache key of a value derived from public content, valid for this generation only.

    None when such values are not to be cached (no shared cache) or the cache is unreachable.
    """
    if not settings.PAGE_CACHE_MEMO_ENABLED:
        return None
    generation = _memo_generation()
    if generation is None:
        return None
    return _memo_key(generation, name)


def memoize(name, compute, timeout=None, *, keep_none=True):
    """``compute()``, kept in the shared cache until the content changes.

    For expensive values derived from public content, such as the number of bulletins a list
    shows. ``name`` must identify everything the value depends on. With ``keep_none=False`` a
    None is not kept: for names made of the reader's input (a slug that names nothing), which
    must not fill the cache.
    """
    key = memo_key(name)
    if key is None:
        return compute()
    cache = page_cache()
    stored = _stored(cache, key)
    if stored is not None:
        return stored[0]
    return compute_once(key, compute, timeout, keep_none=keep_none)


#: How long a request waits for a value another request is computing before computing it too.
COMPUTE_WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.02


def compute_once(key, compute, timeout=None, *, keep_none=True):
    """``compute()``, stored under ``key``; computed by one request at a time across servers.

    When a generation starts, every request of a busy site misses the same values at once; the
    costly ones (a chart over a million figures, a list's page boundaries) would be computed by
    each of them together. The first takes a lock and computes; the others wait for its value,
    and compute it themselves if the first one is done without storing it (it failed, or kept
    nothing) or has not answered after ``COMPUTE_WAIT_SECONDS`` (it died). ``key`` is a
    ``memo_key``, so a value is never read across generations.
    """
    cache = page_cache()
    timeout = timeout if timeout is not None else settings.PAGE_CACHE_TIMEOUT
    lock = f"{key}:computing"
    if not cache.add(lock, 1, timeout=int(COMPUTE_WAIT_SECONDS) + 1):
        deadline = time.monotonic() + COMPUTE_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(_POLL_SECONDS)
            if not getattr(cache, "available", True):
                break  # the cache went down meanwhile: nothing will come from it
            found = cache.get_many([key, lock])
            if key in found:
                return found[key][0]
            if lock not in found:
                break
    try:
        value = compute()
        if value is not None or keep_none:
            cache.set(key, (value,), timeout)
    finally:
        cache.delete(lock)
    return value


def memoize_by_id(ids, *, name, compute, timeout=None):
    """The value of each id in ``ids``, in order, each kept until the content changes.

    ``compute(missing)`` gets the ids whose value is not kept, all at once (so that their rows
    can be read with one query, and not at all when every value is kept), and returns a dict
    id → value; an id it leaves out (a row gone meanwhile) is left out of the result. One
    cache round trip for all of them and one ``set_many`` for those computed; ``name(id)``
    must identify everything its value depends on.
    """
    ids = list(ids)
    generation = _memo_generation() if settings.PAGE_CACHE_MEMO_ENABLED and ids else None
    if generation is None:
        found = compute(ids) if ids else {}
        return [found[id_] for id_ in ids if id_ in found]
    cache = page_cache()
    keys = {id_: _memo_key(generation, name(id_)) for id_ in ids}
    stored = cache.get_many(list(keys.values()))
    missing = [id_ for id_ in ids if keys[id_] not in stored]
    computed = compute(missing) if missing else {}
    if computed:
        cache.set_many(
            {keys[id_]: (value,) for id_, value in computed.items()},
            timeout if timeout is not None else settings.PAGE_CACHE_TIMEOUT,
        )
    values = []
    for id_ in ids:
        if keys[id_] in stored:
            values.append(stored[keys[id_]][0])
        elif id_ in computed:
            values.append(computed[id_])
    return values


@contextmanager
def suspend_invalidation():
    """Bulk writes: no signal per row (deletes can then be fast), one bump at the end."""
    from . import signals

    global _suspended
    _suspended += 1
    signals.disconnect()
    try:
        yield
    finally:
        _suspended -= 1
        if not _suspended:
            signals.connect()
            content_changed()
