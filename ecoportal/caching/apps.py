from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Connects the invalidation signals in every process: app servers, commands, shells."""

    name = "ecoportal.caching"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals

        signals.connect()
