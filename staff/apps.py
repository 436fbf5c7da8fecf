from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"
    verbose_name = _("Personel konsolu")

    def ready(self):
        from . import sidebar

        sidebar.install()
