"""The content generation, kept in the database, and the values memoised under it.

Apps register what changes public content (``register``): saving or deleting one of their
models, and the moment a scheduled item comes due. ``bump()`` runs once the change's
transaction has committed and moves the one ``Generation`` row on, so a request that reads the
new number can only see committed data, and nothing kept under an older one is read again,
whatever the cache did meanwhile: there is nothing to delete. Each request reads the row once
(one primary-key query); the first request past the next scheduled moment starts a generation.
"""

import hashlib
import os
import re
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import get_language

from .local import LOCAL_VALUES
from .models import Generation

_models, _due, _receivers = set(), [], []
_suspended = 0
# The generation row of the request being served: read once, shared by every memoised value.
_request, _collecting = threading.local(), threading.local()
SITE = "site"
# The pages kept under one scope's number (and the site's) rather than under ``lists``.
_SCOPED_PATH = re.compile(r"^/(?:api/v1/)?(region|indicator|bulletin)s/([-a-zA-Z0-9_]+)/$")


def register(*models, next_due=None, receivers=None):
    """Saving or deleting one of ``models`` (or changing their many-to-many relations) changes
    public content. ``next_due(after)``: the first moment after ``after`` at which an item
    becomes public on its own (a scheduled publication), or None. ``receivers``: an app's
    ``(connect, disconnect)`` of the receivers that keep its derived rows in step with the
    content, connected now and detached during bulk writes (``suspend_invalidation``)."""
    for model in models:
        _models.update([model, *(field.remote_field.through for field in model._meta.local_many_to_many)])
    _due.extend([next_due] if next_due else [])
    _receivers.extend([receivers] if receivers else [])
    for hooks in [(_connect, _disconnect), *_receivers]:
        hooks[0]()


def _connect():
    for model in _models:
        for signal in (post_save, post_delete, m2m_changed):  # m2m_changed's sender: the through model
            signal.connect(_changed, sender=model, dispatch_uid=("generation", model))


def _disconnect():
    for model in _models:
        for signal in (post_save, post_delete, m2m_changed):
            signal.disconnect(sender=model, dispatch_uid=("generation", model))


def _changed(sender, using=None, **kwargs):
    content_changed(using=using)


def content_changed(using=None, scopes=None):
    """Start a new generation of the site (or of ``scopes`` only) once the current transaction
    commits (at once outside one); inside ``scoped()``, only ``scopes`` are noted.

    Called by the signals of registered models; call it after writes that send none
    (``update()``, raw SQL, ``bulk_create``). Several changes in one transaction bump once.
    """
    if collecting():
        _collecting.scopes.update(scopes or ())
        return
    if _suspended:
        return
    pending = [e[1] for e in transaction.get_connection(using).run_on_commit if isinstance(e[1], _Bump) and not e[1].done]
    if not pending:
        transaction.on_commit(_Bump(scopes), using=using, robust=True)
    elif pending[0].scopes is not None:
        pending[0].scopes = None if scopes is None else pending[0].scopes | set(scopes)


def collecting():
    return getattr(_collecting, "scopes", None) is not None


@contextmanager
def scoped():
    """A change that names what it touches (a publication, a withdrawal, a correction), in a
    transaction: its model signals move nothing; ``content_changed(scopes=…)`` within it names
    the scopes (``region:<slug>``, ``indicator:<code>``, ``bulletin:<slug>``), moved with
    ``lists`` in one UPDATE once the transaction commits. Naming ``SITE`` moves the site's
    number instead (a scheduled item: the site's next moment is read again with it)."""
    if collecting():
        yield
        return
    _collecting.scopes = {"lists"}
    try:
        yield
    finally:
        scopes, _collecting.scopes = _collecting.scopes, None
    content_changed(scopes=None if SITE in scopes else scopes)


class _Bump:
    """One bump for a transaction; dropped with it if it rolls back."""

    done = False

    def __init__(self, scopes=None):
        self.scopes = None if scopes is None else set(scopes)

    def __call__(self):
        self.done = True
        bump(self.scopes)


def bump(scopes=None):
    """Start a new generation now: of the site, or of ``scopes`` (a row made on its first move,
    numbered from the clock)."""
    if scopes is None and not Generation.objects.filter(scope=SITE).update(number=F("number") + 1, began=_now(), due_known=False):
        _create()
    elif scopes and Generation.objects.filter(scope__in=scopes).update(number=F("number") + 1, began=_now()) < len(scopes):
        Generation.objects.bulk_create([Generation(scope=s, number=_now(), began=_now()) for s in scopes], ignore_conflicts=True)
    _request.row = None  # the rest of this request reads the new one


def _create():
    """The first ever, or lost: numbered from the clock, above any number used before."""
    Generation.objects.get_or_create(scope=SITE, defaults={"number": _now(), "began": _now()})


def _now():
    return int(timezone.now().timestamp() * 1_000_000)


class Row(NamedTuple):
    number: int | str  # under scopes: the site's and theirs, "site.scope…"
    began: int  # UNIX time in microseconds
    next_due: int | None
    due_known: bool


def _read():
    """The site's row and those of the request's scopes, by their unique key: 18 µs through the
    cursor, 390 µs through the ORM (measured). A page under scopes is numbered by them all."""
    scopes = getattr(_request, "scopes", ())
    with connection.cursor() as cursor:
        marks = ", ".join(["%s"] * (1 + len(scopes)))
        cursor.execute(f"SELECT scope, number, began, next_due, due_known FROM {Generation._meta.db_table} WHERE scope IN ({marks})", [SITE, *scopes])
        found = {scope: values for scope, *values in cursor.fetchall()}
    if SITE not in found:
        _create()
        return _read()
    row = Row(*found[SITE])
    if not row.due_known:  # once per generation: when does a scheduled item next come due?
        after = datetime.fromtimestamp(row.began / 1_000_000, tz=UTC)
        moments = [moment for moment in (next_due(after) for next_due in _due) if moment is not None]
        row = row._replace(next_due=int(min(moments).timestamp() * 1_000_000) if moments else None, due_known=True)
        Generation.objects.filter(scope=SITE, number=row.number).update(next_due=row.next_due, due_known=True)
    if row.next_due is not None and _now() >= row.next_due:
        # Once across all servers: the others find the number moved and read again.
        Generation.objects.filter(scope=SITE, number=row.number).update(number=F("number") + 1, began=_now(), due_known=False)
        return _read()
    moved = [found.get(scope, (0, 0)) for scope in scopes]  # a scope never moved: 0
    if moved:
        # Each scope's number is named with it: two scopes' counters may meet on one number.
        number = ".".join([str(row.number), *(f"{scope}={m[0]}" for scope, m in zip(scopes, moved, strict=True))])
        row = row._replace(number=number, began=max(row.began, *(m[1] for m in moved)))
    return row


def current(*, always=False):
    """The current ``Generation`` row (read once per request), or None with caching off, unless
    ``always`` (for a response worth the query whatever the cache: a download, a feed)."""
    if not (always or settings.PAGE_CACHE_ENABLED or settings.PAGE_CACHE_MEMO_ENABLED):
        return None
    if not getattr(_request, "active", False):
        return _read()
    if _request.row is None:
        _request.row = _read()
    return _request.row


def current_generation():
    row = current()
    return None if row is None else row.number


@receiver(request_started, dispatch_uid="generation:request")
@receiver(request_finished, dispatch_uid="generation:request")
def _new_request(signal, environ=None, **kwargs):
    _request.active, _request.row = signal is request_started, None
    found = _SCOPED_PATH.match((environ or {}).get("PATH_INFO", "")) if _request.active else None
    _request.scopes = (f"{found[1]}:{found[2]}",) if found else ("lists",) if _request.active else ()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


@lru_cache(maxsize=1)
def release():
    """Identifies the code and templates: what another release kept is never served.

    ``PAGE_CACHE_RELEASE`` (e.g. the commit deployed) when set; otherwise a hash of the
    project's Python files, templates, translations and static files, computed once.
    """
    if settings.PAGE_CACHE_RELEASE:
        return settings.PAGE_CACHE_RELEASE
    digest = hashlib.sha256()
    skip = {".git", ".venv", "var", "staticfiles", "node_modules", "tests", "fixtures", "bench"}
    for root, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt", ".mo", ".css", ".js", ".svg")):
                path = os.path.join(root, name)
                with open(path, "rb") as handle:
                    digest.update(os.path.relpath(path, settings.BASE_DIR).encode())
                    digest.update(handle.read())
    return digest.hexdigest()[:12]


def memo_key(name, generation, kind="memo"):
    """The key of ``name`` in the reader's language, under the release and ``generation``."""
    return f"pagecache:{kind}:{release()}:{generation}:{get_language()}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"


#: How long a request waits for a value another request is computing before computing it too.
COMPUTE_WAIT_SECONDS = 5.0


def current_memo_key(name):
    """The key ``memoize(name, …)`` reads in this request, or None where nothing is kept."""
    generation = current_generation() if settings.PAGE_CACHE_MEMO_ENABLED else None
    return None if generation is None else memo_key(name, generation)


def memoize(name, compute, *, keep_none=True, read=None):
    """``compute()``, kept in the shared cache under the release, the generation and the
    reader's language.

    For the few expensive values pages share. ``name`` must identify everything else the value
    depends on (filters, page, the site's address). With ``keep_none=False`` a None is not
    kept: for names made of the reader's input, which must not fill the cache. ``read``: what
    this request read of the cache already, by key (``current_memo_key``), None where nothing
    was there: not asked for again.

    A value read from Redis or computed is kept in this process's memory as well
    (``local.LOCAL_VALUES``), under the same key: read again in this process, it costs no
    round trip to Redis.

    When a generation starts, every reader misses at once: the first takes a lock beside the
    value and computes it; the others wait for it (at most ``COMPUTE_WAIT_SECONDS``) instead of
    each computing it on the same cores (see the package's docstring for what that saves).
    """
    key = current_memo_key(name)
    if key is None:
        return compute()
    cache = page_cache()
    if read and key in read:
        stored = read[key] or LOCAL_VALUES.get(key)  # Redis not asked again
    else:
        stored = LOCAL_VALUES.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                LOCAL_VALUES.put(key, stored)
    if stored is not None:
        return stored[0]
    lock = f"{key}:computing"
    if not cache.add(lock, 1, timeout=int(COMPUTE_WAIT_SECONDS) + 1):
        deadline = time.monotonic() + COMPUTE_WAIT_SECONDS
        while time.monotonic() < deadline and getattr(cache, "available", True):
            time.sleep(0.02)
            found = cache.get_many([key, lock])
            if key in found:
                return found[key][0]
            if lock not in found:
                break  # done without keeping anything: compute it here
    try:
        value = compute()
        if value is not None or keep_none:
            cache.set(key, (value,), settings.PAGE_CACHE_TIMEOUT)
            LOCAL_VALUES.put(key, (value,))
    finally:
        cache.delete(lock)
    return value


@contextmanager
def suspend_invalidation():
    """Bulk writes: no receiver per row (deletes can then be fast), neither the generation's nor
    those registered with ``receivers``; one bump at the end. The caller rebuilds what those
    receivers keep (``generate_demo_data``: the series summaries, after ``ANALYZE``)."""
    global _suspended
    _suspended += 1
    for hooks in [(_connect, _disconnect), *_receivers]:
        hooks[1]()
    try:
        yield
    finally:
        _suspended -= 1
        if not _suspended:
            for hooks in [(_connect, _disconnect), *_receivers]:
                hooks[0]()
            content_changed()
