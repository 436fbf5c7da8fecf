"""The demo loader and the benchmark generator leave data the application can trust."""

import re
from collections import Counter
from io import StringIO
from random import Random

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from cms_pages.permissions import CONTENT_EDITORS_GROUP
from tests.demo import load_demo_data
from tests.workflow.helpers import assert_proposal_fields_agree
from workflow.audit import verify_chain
from workflow.deadlines import response_due_at
from workflow.demo.bulk_plan import Planner
from workflow.models import (
    AlternativeRoute,
    Category,
    Complaint,
    ComplaintEvent,
    CorrectiveAction,
    Notification,
    ReferenceCounter,
    ResolutionProposal,
    SatisfactionSurvey,
    Unit,
)
from workflow.rules import is_complaint_staff, is_customer, is_quality_manager, is_unit_manager
from workflow.selectors import complaints_for_staff, final_decisions_awaiting_approval
from workflow.states import ClosureReason, InvestigationLevel, Status

REFERENCE = re.compile(r"^MMN-(\d{4})-(\d{6})$")
DEMO_EMAILS = [
    "musteri@example.com",
    "customer@example.com",
    "personel@example.com",
    "fatura@example.com",
    "birim.yonetici@example.com",
    "yonetici@example.com",
    "editor@example.com",
]


def generate(count, **options):
    out = StringIO()
    options = {"workers": 0, "seed": 7, "verbosity": 0, **options}
    call_command("generate_complaints", count=count, stdout=out, **options)
    return out.getvalue()


def allowed_transitions() -> set[tuple[str, str]]:
    field = Complaint._meta.get_field("status")
    moves = {(str(t.source), str(t.target)) for t in field.get_all_transitions(Complaint)}
    return moves | {("", Status.RECEIVED)}


def assert_story_is_valid(complaint: Complaint, moves: set[tuple[str, str]]) -> None:
    """Events chain, follow the state machine in time order, and end where the row is."""
    assert verify_chain(complaint) == [], complaint.reference
    events = list(complaint.events.order_by("sequence"))
    assert events[0].to_status == Status.RECEIVED
    assert events[0].created_at == complaint.received_at
    status = ""
    for previous, event in zip(events, events[1:], strict=False):
        assert previous.created_at <= event.created_at, complaint.reference
    for event in events:
        if event.to_status:
            assert event.from_status == status, (complaint.reference, event.sequence)
            if event.to_status != status:
                assert (status, event.to_status) in moves, (complaint.reference, event.kind)
            status = event.to_status
    assert status == complaint.status, complaint.reference
    assert_proposal_fields_agree(complaint)
    if complaint.status == Status.CLOSED:
        assert complaint.closed_at is not None
        assert complaint.closure_reason in ClosureReason.values
    else:
        assert complaint.closed_at is None
        assert complaint.closure_reason == ""


# --- load_demo_data -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_output")
class TestTheLoadedDemo:
    """The demo `load_demo_data` makes, loaded once for these tests (`demo_output`)."""

    def test_demo_complaints_cover_every_state_and_closure_reason(self):
        complaints = Complaint.objects.all()
        assert 35 <= complaints.count() <= 60
        assert set(complaints.values_list("status", flat=True)) == set(Status.values)
        closed = complaints.filter(status=Status.CLOSED)
        assert set(closed.values_list("closure_reason", flat=True)) == set(ClosureReason.values)
        assert set(complaints.values_list("language", flat=True)) == {"tr", "en"}
        channels = set(complaints.values_list("channel", flat=True))
        assert {"portal", "phone", "email", "face_to_face", "social_media"} <= channels
        assert SatisfactionSurvey.objects.exists()
        assert ResolutionProposal.objects.filter(decision=ResolutionProposal.Decision.REJECTED)
        assert ResolutionProposal.objects.filter(decision=ResolutionProposal.Decision.ACCEPTED)
        # R9: every root-cause complaint that was resolved has a corrective action
        root_cause_resolved = closed.filter(
            investigation_level=InvestigationLevel.ROOT_CAUSE,
            closure_reason=ClosureReason.RESOLVED,
        )
        assert root_cause_resolved.exists()
        assert not root_cause_resolved.filter(corrective_actions__isnull=True).exists()
        # the services queued the customer notifications as they went
        notified = Notification.objects.values("complaint").distinct().count()
        assert notified >= complaints.exclude(contact_email="").count()

    def test_every_demo_complaint_has_an_intact_valid_history(self):
        moves = allowed_transitions()
        for complaint in Complaint.objects.all():
            assert_story_is_valid(complaint, moves)

    def test_demo_reference_data_for_a_trust_service_provider(self):
        assert Unit.objects.count() == 5
        assert all(
            email.endswith("@example.com") for email in Unit.objects.values_list("email", flat=True)
        )
        report = Category.objects.get(slug="certificate-problem-report")
        assert (report.deadline_profile, report.default_severity) == ("calendar_24_hours", 4)
        assert Category.objects.get(slug="personal-data").deadline_profile == "calendar_30_days"
        for slug in ("billing", "certificate-issuance", "e-signature-device", "service-quality"):
            assert Category.objects.filter(slug=slug, name_tr__gt="", name_en__gt="").exists()
        kvkk = AlternativeRoute.objects.get(url="https://www.kvkk.gov.tr/")
        assert list(kvkk.categories.values_list("slug", flat=True)) == ["personal-data"]
        root_programs = AlternativeRoute.objects.get(name_en__startswith="Browser root programs")
        assert list(root_programs.categories.values_list("slug", flat=True)) == [
            "certificate-problem-report"
        ]
        assert AlternativeRoute.objects.filter(kind=AlternativeRoute.Kind.INTERNAL).exists()
        assert all(
            route.deadline_tr and route.deadline_en for route in AlternativeRoute.objects.all()
        )

    def test_demo_users_log_in_with_the_demo_password_and_have_their_roles(self, demo_output):
        users = {
            email: authenticate(username=email, password="memnun-demo") for email in DEMO_EMAILS
        }
        assert all(users.values()), users
        for email in DEMO_EMAILS:
            assert email in demo_output
            assert EmailAddress.objects.filter(email=email, verified=True, primary=True).exists()
        assert is_customer(users["musteri@example.com"])
        assert is_customer(users["customer@example.com"])
        assert not is_complaint_staff(users["musteri@example.com"])
        assert is_complaint_staff(users["personel@example.com"])
        assert is_complaint_staff(users["yonetici@example.com"])
        assert users["yonetici@example.com"].has_perm("workflow.review_process")
        assert not users["personel@example.com"].has_perm("workflow.review_process")
        # one user per role: handlers see their own unit, the quality manager every unit
        handler, billing = users["personel@example.com"], users["fatura@example.com"]
        unit_manager, quality = users["birim.yonetici@example.com"], users["yonetici@example.com"]
        assert is_quality_manager(quality)
        assert is_unit_manager(unit_manager)
        assert not is_quality_manager(unit_manager)
        assert not is_unit_manager(handler)
        assert not is_quality_manager(handler)
        units = {
            user: set(complaints_for_staff(user).values_list("unit__slug", flat=True))
            for user in (handler, billing, unit_manager, quality)
        }
        assert units[handler] == {"technical-support"}
        assert units[billing] == {"billing"}
        assert units[unit_manager] == {"technical-support", "customer-service"}
        assert units[quality] == set(Unit.objects.values_list("slug", flat=True)) - {None}
        # R14 four eyes: a final decision proposed by the billing handler awaits a manager
        pending = Complaint.objects.filter(final_decision_proposed_by=billing)
        assert pending.filter(status=Status.REJECTED).count() == 1
        assert list(final_decisions_awaiting_approval(quality)) == list(pending)
        editor = users["editor@example.com"]
        assert editor.is_staff
        assert not is_complaint_staff(editor)
        assert not is_customer(editor)
        assert editor.has_perm("wagtailadmin.access_admin")
        assert editor.groups.filter(name=CONTENT_EDITORS_GROUP).exists()
        assert authenticate(username="musteri@example.com", password="wrong") is None

    def test_generate_complaints_writes_valid_complaints_with_unique_references(self):
        existing = set(Complaint.objects.values_list("reference", flat=True))

        output = generate(300, batch_size=120)

        assert re.match(
            r"generated 300 complaints and \d+ events in [\d.]+ s \(\d+ rows/s\)", output
        )
        generated = Complaint.objects.exclude(reference__in=existing)
        assert generated.count() == 300
        references = list(generated.values_list("reference", flat=True))
        assert all(REFERENCE.match(reference) for reference in references)
        assert not set(references) & existing
        events = ComplaintEvent.objects.filter(complaint__in=generated).count()
        assert 4 * 300 <= events <= 7 * 300
        moves = allowed_transitions()
        for complaint in generated.select_related("category"):
            assert_story_is_valid(complaint, moves)
        # R10: the same deadline the intake service computes
        for complaint in generated.select_related("category")[:60]:
            assert complaint.response_due_at == response_due_at(
                complaint.received_at, complaint.category.deadline_profile
            )
        statuses = Counter(generated.values_list("status", flat=True))
        assert statuses[Status.CLOSED] > 150
        assert len(statuses) >= 4


@pytest.mark.django_db
def test_demo_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-secret")

    output = load_demo_data()

    assert authenticate(username="personel@example.com", password="another-demo-secret")
    assert authenticate(username="personel@example.com", password="memnun-demo") is None
    assert "another-demo-secret" not in output


@pytest.mark.django_db
def test_running_load_demo_data_twice_creates_nothing_new():
    load_demo_data()
    models = [
        Unit, Category, AlternativeRoute, get_user_model(), EmailAddress, Complaint,
        ComplaintEvent, CorrectiveAction, SatisfactionSurvey, Notification,
    ]  # fmt: skip
    before = {model.__name__: model.objects.count() for model in models}

    output = load_demo_data()

    assert {model.__name__: model.objects.count() for model in models} == before
    assert "0 created" in output


@pytest.mark.django_db
def test_demo_loads_into_a_database_full_of_benchmark_complaints():
    from workflow.management.commands.load_demo_data import SCENARIOS

    # a year of busy traffic: the demo's e-signature and KEP complaints now recur often
    # enough for a root-cause investigation (R6), which needs a corrective action (R9)
    generate(600, years=1)
    last_generated = Complaint.objects.order_by("-pk").values_list("pk", flat=True)[0]

    output = load_demo_data()

    assert f"{len(SCENARIOS)} created, 0 already present" in output
    assert "0 created" in load_demo_data()
    demo = Complaint.objects.filter(pk__gt=last_generated)
    assert demo.count() == len(SCENARIOS)
    resolved_root_cause = demo.filter(
        investigation_level=InvestigationLevel.ROOT_CAUSE, closure_reason=ClosureReason.RESOLVED
    )
    assert resolved_root_cause.filter(category__slug="e-signature-device").exists()
    assert not resolved_root_cause.filter(corrective_actions__isnull=True).exists()
    moves = allowed_transitions()
    for complaint in resolved_root_cause:
        assert_story_is_valid(complaint, moves)


# --- generate_complaints --------------------------------------------------------------------


# Under pytest-xdist the test process runs execnet threads; the forked row builders only
# compute (no locks, no database), so fork's warning about threads does not apply to them.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
@pytest.mark.django_db
def test_a_second_run_continues_the_yearly_numbering_without_collisions():
    generate(150, seed=1)
    first = set(Complaint.objects.values_list("reference", flat=True))

    generate(150, seed=1, workers=1, batch_size=40)  # the forked builders, as in production

    references = list(Complaint.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references)) == 300
    highest: dict[int, int] = {}
    for reference in references:
        year, number = map(int, REFERENCE.match(reference).groups())
        highest[year] = max(highest.get(year, 0), number)
    counters = dict(ReferenceCounter.objects.values_list("year", "last_number"))
    assert all(counters[year] >= number for year, number in highest.items())
    second = Complaint.objects.exclude(reference__in=first)
    moves = allowed_transitions()
    for complaint in second.order_by("?")[:50]:
        assert_story_is_valid(complaint, moves)


@pytest.mark.django_db
def test_generated_complaints_belong_to_their_customers_and_staff():
    generate(200)

    complaints = Complaint.objects.all()
    assert not complaints.filter(channel="portal", customer__isnull=True).exists()
    assert not complaints.filter(customer__is_staff=True).exists()
    assigned = complaints.exclude(assignee__isnull=True)
    assert assigned.exists()
    assert all(is_complaint_staff(complaint.assignee) for complaint in assigned[:20])
    resolved = complaints.filter(closure_reason=ClosureReason.RESOLVED)
    assert not resolved.filter(proposals__isnull=True).exists()
    # R14: a rejected proposal records the alternative routes the customer was shown
    rejected = ResolutionProposal.objects.filter(decision=ResolutionProposal.Decision.REJECTED)
    assert rejected.exists()
    assert not rejected.filter(routes_offered__isnull=True).exists()


def test_a_complaint_received_this_minute_gets_a_story_that_ends_by_now():
    now = timezone.now()
    planner = Planner(Random(3), now, events_per_complaint=1)

    plans = [planner.plan(now, now, has_account=True) for _ in range(300)]

    assert {len(plan.steps) for plan in plans} >= {1, 2, 3}  # a lone "received" among them
    assert all(plan.times == [now] * len(plan.steps) for plan in plans)


@pytest.mark.django_db
def test_generate_complaints_refuses_a_year_beyond_six_digits():
    for year in range(2000, 2100):
        ReferenceCounter.objects.update_or_create(year=year, defaults={"last_number": 999_990})

    with pytest.raises(CommandError, match="more years"):
        generate(50, years=2)

    assert not Complaint.objects.exists()
