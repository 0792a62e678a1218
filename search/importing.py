"""Import scope: a bulletin imported is indexed once, after its transaction commits.

Saving the bulletin and its achievement list would index it twice inside the import, before
its items (written with ``bulk_create``, which sends no signal) exist.
"""

from importer import hooks

from .index import deferred_indexing

hooks.register_scope(deferred_indexing)
