from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("全文检索")

    def ready(self):
        # Keeping the index in step is a side effect of saving, not a business rule: signals
        # are the way to do it without the bulletins app knowing about search.
        from . import signals

        signals.connect()
