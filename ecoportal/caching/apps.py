from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Keeps the content generation (``Generation``) and reads it once per request."""

    name = "ecoportal.caching"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.core import signals

        from . import generation

        signals.request_started.connect(generation.request_started, dispatch_uid="pagecache:request")
        signals.request_finished.connect(generation.request_finished, dispatch_uid="pagecache:request")
