"""Who may act on which complaint (object-level rules, used by services, views and DRF)."""

import rules

STAFF_PERMISSION = "workflow.handle_complaint"


@rules.predicate
def is_complaint_staff(user) -> bool:
    """Staff belong to a staff group granting `workflow.handle_complaint` and have is_staff."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.is_staff and user.has_perm(STAFF_PERMISSION)


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


rules.add_rule("workflow.act_as_staff", is_complaint_staff)
rules.add_rule("workflow.act_as_complainant", is_complainant)
rules.add_rule("workflow.act_on_complaint", is_complaint_staff | is_complainant)


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
