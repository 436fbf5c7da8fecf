"""Initial assessment: how deep to investigate (R6)."""

from datetime import datetime, timedelta

from .states import InvestigationLevel

FREQUENCY_WINDOW = timedelta(days=90)


def frequency_band(similar_count: int) -> int:
    """0: isolated (<3 similar in 90 days), 1: recurring (3–9), 2: frequent (10+)."""
    if similar_count >= 10:
        return 2
    if similar_count >= 3:
        return 1
    return 0


def investigation_level(severity: int, similar_count: int) -> str:
    """Severity (1–4) × frequency → basic / standard / root-cause.

    Critical complaints, and serious ones that keep coming back, need a root-cause analysis
    (and with it a corrective action before closure, R9).
    """
    score = severity + frequency_band(similar_count)
    if severity >= 4 or score >= 5:
        return InvestigationLevel.ROOT_CAUSE
    if score >= 3:
        return InvestigationLevel.STANDARD
    return InvestigationLevel.BASIC


def similar_complaints_count(*, category_id: int, received_at: datetime) -> int:
    from .models import Complaint

    return Complaint.objects.filter(
        category_id=category_id,
        received_at__gte=received_at - FREQUENCY_WINDOW,
        received_at__lte=received_at,
    ).count()
