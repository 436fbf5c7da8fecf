from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_staff_groups(sender, **kwargs):
    from django.apps import apps

    # Once, after the last app's post_migrate: every permission exists by then.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        from .groups import ensure_staff_groups

        ensure_staff_groups()


class WorkflowConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workflow"
    verbose_name = _("Şikâyet süreci")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .localization import flatten_translation_fallbacks

        flatten_translation_fallbacks()

        # Groups need the permissions that post_migrate creates, so they follow it.
        post_migrate.connect(_create_staff_groups)

        # the cached active routes (selectors.active_routes) follow every change to them
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import AlternativeRoute, Category
        from .selectors import forget_active_routes

        for model in (AlternativeRoute, Category):
            post_save.connect(forget_active_routes, sender=model, dispatch_uid=f"routes-{model}")
            post_delete.connect(forget_active_routes, sender=model, dispatch_uid=f"routes-{model}-")
        m2m_changed.connect(
            forget_active_routes,
            sender=AlternativeRoute.categories.through,
            dispatch_uid="routes-categories",
        )
