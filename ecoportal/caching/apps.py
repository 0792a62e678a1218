from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Keeps the content generation (``Generation``); ``generation`` reads it once per request."""

    name = "ecoportal.caching"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import generation  # noqa: F401 - connects the receivers that read it once per request
