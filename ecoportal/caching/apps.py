from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Connects the invalidation signals in every process: app servers, commands, shells."""

    name = "ecoportal.caching"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.core import signals as request_signals

        from . import generation, signals

        signals.connect()
        request_signals.request_started.connect(generation.request_started, dispatch_uid="pagecache:request")
        request_signals.request_finished.connect(generation.request_finished, dispatch_uid="pagecache:request")
