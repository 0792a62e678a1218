from django.apps import AppConfig


class EcoportalConfig(AppConfig):
    name = "ecoportal"
    verbose_name = "EcoPortal"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 - registers the system checks
        from .statistics import after_migrate

        post_migrate.connect(after_migrate, dispatch_uid="ecoportal:statistics")
