from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("环境指标")

    def ready(self):
        from bulletins import page_parts, revisions, sitemaps, workflow
        from ecoportal import localized
        from ecoportal.caching.generation import register

        from . import bulletin_pages, consistency, summaries, units
        from . import revisions as figure_revisions
        from .models import Indicator, IndicatorLimit, Observation, ObservationVersion
        from .sitemaps import IndicatorSitemap

        # Figures are checked at submit and approval; the workflow knows no more than that.
        if consistency.bulletin_findings not in workflow.CONTENT_CHECKS:
            workflow.CONTENT_CHECKS.append(consistency.bulletin_findings)

        # Units read in English from the units table (起 → incidents) wherever names are shown.
        if units.english_symbol not in localized.ENGLISH_UNITS:
            localized.ENGLISH_UNITS.append(units.english_symbol)

        # A bulletin's revisions keep its figures.
        revisions.register_following(figure_revisions.FIGURES)

        # A bulletin's page shows its figures; the home and region pages, indicator panels.
        page_parts.register(page_parts.BULLETIN, bulletin_pages.bulletin_figures)
        page_parts.register(page_parts.HOME, bulletin_pages.home_cards)
        page_parts.register(page_parts.REGION, bulletin_pages.region_panels)

        # The sitemap lists the indicator pages.
        sitemaps.sitemaps.setdefault("indicators", IndicatorSitemap)

        # What public pages show (a figure's versions: its correction note): a change starts a
        # generation. The series summaries the pages read follow every change of what is public.
        register(
            Indicator, IndicatorLimit, Observation, ObservationVersion,
            receivers=(summaries.connect, summaries.disconnect),
        )
        post_migrate.connect(summaries.fill_if_empty, sender=self, dispatch_uid="summaries:fill")
