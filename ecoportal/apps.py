from django.apps import AppConfig


class EcoportalConfig(AppConfig):
    name = "ecoportal"
    verbose_name = "EcoPortal"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
