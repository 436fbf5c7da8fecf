"""Staff console registrations (Wagtail admin).

Editors keep the reference data the workflow needs (units, categories, alternative routes) as
snippets; staff see the notification outbox, so a failed or dead e-mail is never invisible.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    AlternativeRoute,
    Category,
    Complaint,
    ContactChannel,
    CorrectiveAction,
    Notification,
    Unit,
)
from .rules import is_complaint_staff


class LocalTimeInspectView(InspectView):
    """Wagtail's inspect template prints values with `|localize`, which formats a datetime in
    the zone it carries (UTC from the database); show it in the company's time zone instead."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


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


class ContactChannelViewSet(SnippetViewSet):
    model = ContactChannel
    icon = "mail"
    list_display = ["name_tr", "kind", "value", "hours_tr", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_tr", "name_en", "value"]


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
    items = (
        UnitViewSet,
        CategoryViewSet,
        AlternativeRouteViewSet,
        ContactChannelViewSet,
        CorrectiveActionViewSet,
    )


register_snippet(ComplaintReferenceDataGroup)


class NotificationViewSet(ModelViewSet):
    """The outbox: pending, sent, failing and dead notifications with their last error."""

    model = Notification
    icon = "mail"
    menu_label = _("Bildirimler")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_class = LocalTimeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["recipient_email", "template", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient_email", "template", "last_error"]
    form_fields = ["status", "next_attempt_at"]


notification_viewset = NotificationViewSet("notifications")


class ReadOnlyComplaintPolicy(ModelPermissionPolicy):
    """Complaints change only through the services (API and portal), never by editing a row:
    the console lists and inspects them for complaint staff and offers nothing else."""

    READ_ACTIONS = ("view", "inspect")

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and is_complaint_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Complaint, ReadOnlyComplaintPolicy(Complaint))


class ComplaintIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("unit", "category", "assignee")


class ComplaintViewSet(ModelViewSet):
    """The complaint queue: filter by state, unit, channel and deadline; inspect a complaint."""

    model = Complaint
    icon = "warning"
    menu_label = _("Şikâyetler")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = ComplaintIndexView
    inspect_view_class = LocalTimeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["subject"]  # required by ModelViewSet; the policy refuses add/change/delete
    list_display = ["reference", "subject", "status", "unit", "sla_state", "received_at"]
    list_filter = ["status", "unit", "channel", "sla_state", "investigation_level"]
    search_fields = ["reference", "subject", "contact_name", "contact_email"]
    inspect_view_fields = [
        "reference",
        "status",
        "subject",
        "description",
        "category",
        "unit",
        "assignee",
        "channel",
        "contact_name",
        "contact_email",
        "contact_phone",
        "preferred_contact_method",
        "severity",
        "investigation_level",
        "sla_state",
        "received_at",
        "response_due_at",
        "final_response_due_at",
        "estimated_resolution_at",
        "closed_at",
        "closure_reason",
    ]


complaint_viewset = ComplaintViewSet("complaints")


@hooks.register("register_admin_viewset")
def register_notification_viewset():
    return notification_viewset


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return complaint_viewset
