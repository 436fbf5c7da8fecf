"""Staff console registrations (Wagtail admin).

Editors keep the reference data the workflow needs (units, categories, alternative routes) as
snippets; staff see the notification outbox, so a failed or dead e-mail is never invisible.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AlternativeRoute, Category, CorrectiveAction, Notification, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    list_display = ["name_tr", "name_en", "slug", "email", "is_active"]
    search_fields = ["name_tr", "name_en", "slug"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name_tr", "name_en", "slug", "default_unit", "deadline_profile"]
    list_filter = ["deadline_profile", "is_active"]
    search_fields = ["name_tr", "name_en", "slug"]


class AlternativeRouteViewSet(SnippetViewSet):
    model = AlternativeRoute
    icon = "site"
    list_display = ["name_tr", "kind", "url", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_tr", "name_en"]


class CorrectiveActionViewSet(SnippetViewSet):
    model = CorrectiveAction
    icon = "repeat"
    list_display = ["title", "kind", "owner", "due_date", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "description"]


class ComplaintReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Şikâyet ayarları")
    menu_icon = "cogs"
    menu_order = 300
    items = (UnitViewSet, CategoryViewSet, AlternativeRouteViewSet, CorrectiveActionViewSet)


register_snippet(ComplaintReferenceDataGroup)


class NotificationViewSet(ModelViewSet):
    """The outbox: pending, sent, failing and dead notifications with their last error."""

    model = Notification
    icon = "mail"
    menu_label = _("Bildirimler")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["recipient_email", "template", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient_email", "template", "last_error"]
    form_fields = ["status", "next_attempt_at"]


notification_viewset = NotificationViewSet("notifications")


@hooks.register("register_admin_viewset")
def register_notification_viewset():
    return notification_viewset
