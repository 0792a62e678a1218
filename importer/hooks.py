"""Extension point: other apps add to an import without ``bulletins`` importing them.

``indicators`` depends on ``bulletins`` and never the reverse, yet importing a bulletin should
also propose the figures it states as candidate observations. So the import service offers a
hook: any installed app may have an ``importing`` module (discovered like ``admin`` modules,
with ``autodiscover_modules``) that calls ``register(fn)``. After the bulletin and its
achievement list are saved, inside the same transaction, each hook is called with an
``ImportContext`` and returns a ``Contribution`` that the import summary reports. An exception
in a hook rolls the whole file back.

An app may also ``register_scope(factory)``: a context manager entered inside each file's
transaction, around everything the import writes (``search`` defers indexing with it, so a
bulletin is indexed once, after commit, with the achievement items written in bulk).
"""

from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

_hooks = []
_scopes = []
_discovered = False


@dataclass
class ImportContext:
    """What a hook sees: the saved draft bulletin and the parsed document it came from."""

    bulletin: object
    document: object
    by: object = None
    dry_run: bool = False
    cache: dict = field(default_factory=dict)

    def cached(self, key, compute):
        """A value shared by all files of one batch (e.g. the indicator catalogue)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


@dataclass
class Contribution:
    """What a hook added, for the summary: "候选数值 42", with notes and preview rows."""

    label: str
    count: int = 0
    warnings: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    unread: int = 0  # numbers of the text no figure was read from (``leftovers``)


def register(hook):
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def register_scope(factory):
    if factory not in _scopes:
        _scopes.append(factory)
    return factory


@contextmanager
def scope():
    """Every registered scope, entered in the order registered."""
    discover()
    with ExitStack() as stack:
        for factory in _scopes:
            stack.enter_context(factory())
        yield


def discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("importing")
        _discovered = True


def run(context):
    discover()
    return [hook(context) for hook in _hooks]
