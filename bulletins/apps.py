from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "bulletins"
    verbose_name = _("公报")

    def ready(self):
        from ecoportal.caching.generation import register

        from . import cover_files, models  # noqa: F401 - cover_files connects its receivers

        register(
            models.Region, models.Publisher, models.Topic, models.Bulletin, models.Correction,
            models.AchievementList, models.AchievementItem,
            next_due=models.Bulletin.objects.next_due,
        )
