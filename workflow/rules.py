"""Who may act on which complaint (object-level rules, used by services, views and DRF)."""

import rules

STAFF_PERMISSION = "workflow.handle_complaint"
UNIT_MANAGER_PERMISSION = "workflow.manage_unit"
QUALITY_MANAGER_PERMISSION = "workflow.manage_quality"


def _has_role_permission(user, permission: str) -> bool:
    """`user.has_perm(permission)`, asked once per user object (Django's own backends cache
    the permission set per user object the same way): a queue asks about every row, and each
    `has_perm` goes through every authentication backend."""
    answers = user.__dict__.setdefault("_memnun_role_permissions", {})
    if permission not in answers:
        answers[permission] = user.has_perm(permission)
    return answers[permission]


@rules.predicate
def is_complaint_staff(user) -> bool:
    """Staff belong to a staff group granting `workflow.handle_complaint` and have is_staff."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.is_staff and _has_role_permission(user, STAFF_PERMISSION)


@rules.predicate
def is_complainant(user, complaint) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and complaint is not None
        and complaint.customer_id == user.pk
    )


@rules.predicate
def is_customer(user) -> bool:
    """A customer is any active user who is not staff."""
    return getattr(user, "is_authenticated", False) and user.is_active and not user.is_staff


@rules.predicate
def is_quality_manager(user) -> bool:
    """Quality managers (and superusers) see and act on every unit's complaints."""
    return is_complaint_staff(user) and _has_role_permission(user, QUALITY_MANAGER_PERMISSION)


@rules.predicate
def is_unit_manager(user) -> bool:
    return is_complaint_staff(user) and _has_role_permission(user, UNIT_MANAGER_PERMISSION)


@rules.predicate
def is_member_of_complaint_unit(user, complaint) -> bool:
    """A complaint belongs to the unit it is routed to; staff see their own units only."""
    return (
        complaint is not None
        and complaint.unit_id is not None
        and complaint.unit_id in complaint_unit_ids(user)
    )


def complaint_unit_ids(user) -> frozenset[int]:
    """The user's units, read once per user object (like Django's permission cache), so a
    queue page that asks about each of its complaints makes one query, not one per row."""
    cached = getattr(user, "_complaint_unit_ids", None)
    if cached is None:
        cached = frozenset(user.complaint_units.values_list("pk", flat=True))
        user._complaint_unit_ids = cached
    return cached


@rules.predicate
def is_final_decision_proposer(user, complaint) -> bool:
    return complaint is not None and complaint.final_decision_proposed_by_id == user.pk


# A handler of unit A neither sees nor acts on unit B's complaints (404, like a missing one).
can_see_complaint = is_quality_manager | (is_complaint_staff & is_member_of_complaint_unit)
# Moving a complaint to another unit or person once it is being handled.
can_reassign = is_quality_manager | (is_unit_manager & is_member_of_complaint_unit)
# R14: a final decision needs a second person, a unit manager of the complaint's unit or a
# quality manager; may_decide_final says who may approve or return one at all.
may_decide_final = can_reassign
can_approve_final_decision = may_decide_final & ~is_final_decision_proposer

rules.add_rule("workflow.act_as_staff", is_complaint_staff)
rules.add_rule("workflow.act_as_complainant", is_complainant)
rules.add_rule("workflow.act_on_complaint", can_see_complaint | is_complainant)
rules.add_rule("workflow.see_complaint", can_see_complaint)
rules.add_rule("workflow.reassign_complaint", can_reassign)
rules.add_rule("workflow.approve_final_decision", can_approve_final_decision)
rules.add_rule("workflow.manage_corrective_actions", is_quality_manager)


def has_required_second_factor(user, session) -> bool:
    """Production settings require staff to have used TOTP (or a recovery code) *in this
    session* (DESIGN.md "accounts"): owning an authenticator is not enough, a password-only
    login must not reach complaint data. `session` is the browser session, or the allauth
    headless session behind an app token (`X-Session-Token`); allauth records there every
    authentication step the session completed."""
    from types import SimpleNamespace

    from allauth.account.authentication import get_authentication_records
    from django.conf import settings

    if not settings.MEMNUN_STAFF_MFA_REQUIRED or not getattr(user, "is_staff", False):
        return True
    if session is None:
        return False
    records = get_authentication_records(SimpleNamespace(session=session), user)
    return any(record.get("method") == "mfa" for record in records)


def has_second_factor_set_up(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
