from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("环境指标")

    def ready(self):
        from bulletins import workflow

        from . import consistency

        # Figures are checked at submit and approval; the workflow knows no more than that.
        if consistency.bulletin_findings not in workflow.CONTENT_CHECKS:
            workflow.CONTENT_CHECKS.append(consistency.bulletin_findings)
