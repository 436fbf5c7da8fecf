from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_cms_groups(sender, **kwargs):
    from django.apps import apps

    # Once, after the last app's post_migrate: every permission exists by then.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        from .groups import ensure_cms_groups

        ensure_cms_groups()


class CmsPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms_pages"
    verbose_name = _("Site sayfaları")

    def ready(self):
        post_migrate.connect(_create_cms_groups)

        from .navigation import connect_signals

        connect_signals()
