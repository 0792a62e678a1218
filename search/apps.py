from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("全文检索")

    def ready(self):
        # Keeping the index in step is a side effect of saving, not a business rule: signals
        # are the way to do it without the bulletins app knowing about search. The API's ?q=
        # and the warm-up before forking are offered the same way: registered from here.
        from bulletins import words
        from ecoportal.caching.generation import register
        from ecoportal.warmup import warming_up

        from . import signals
        from .models import SearchDocument
        from .query import search_bulletins

        signals.connect()
        register(SearchDocument)
        words.provide(search_bulletins)  # the API's ?q= on bulletins
        warming_up.connect(_load_the_dictionary, dispatch_uid="search-dictionary")


def _load_the_dictionary(**kwargs):
    """jieba's dictionary, half a second of a fresh worker's first search (ecoportal.warmup)."""
    from .text import segment

    segment("生态环境")
