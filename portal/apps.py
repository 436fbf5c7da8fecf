from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Müşteri portalı")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system check
