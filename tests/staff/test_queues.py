"""The staff queue (issue 10) in the console (/admin/complaints/) and the staff API
(/api/v1/staff/complaints/): earliest response deadline first, the same filters and search in
both, each user's scope kept, bulk assignment through the registry, and a query count that
does not grow with the rows."""

# the role fixtures of tests/workflow/conftest.py are imported below; tests name them as
# arguments, which ruff would read as redefinitions
# ruff: noqa: F811

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from wagtail.users.models import UserProfile

from staff.pagination import CappedCountMixin
from tests.factories import ComplaintFactory, HandlerFactory
from tests.workflow.conftest import (  # noqa: F401 (fixtures)
    category_a,
    category_b,
    content_editor,
    handler_a,
    handler_b,
    quality_manager,
    unit_a,
    unit_b,
    unit_manager_a,
)
from tests.workflow.helpers import complaint_in, last_event, nothing_changes, reload
from workflow.states import (
    Channel,
    ClosureReason,
    EventKind,
    InvestigationLevel,
    SlaState,
    Status,
)

pytestmark = pytest.mark.django_db

IST = ZoneInfo("Europe/Istanbul")
T = datetime(2026, 3, 10, 10, 0, tzinfo=IST)
API = "/api/v1/staff/complaints/"
QUEUE = "/admin/complaints/"
BULK = "/admin/complaints/bulk-assign/"
REFERENCE_LINK = re.compile(r'href="/admin/complaints/(MMN-\d{4}-\d{6})/"')


def row(category, *, due_hours=0, received_hours=-1, **fields):
    """A complaint row due `due_hours` after T (received `received_hours` after T)."""
    return ComplaintFactory(
        category=category,
        received_at=T + timedelta(hours=received_hours),
        response_due_at=T + timedelta(hours=due_hours),
        **fields,
    )


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def api_references(user, **params) -> list[str]:
    response = api_for(user).get(API, params)
    assert response.status_code == 200, response.content
    return [complaint["reference"] for complaint in response.json()["results"]]


def console_references(client, user, **params) -> list[str]:
    client.force_login(user)
    response = client.get(QUEUE, params)
    assert response.status_code == 200
    return list(dict.fromkeys(REFERENCE_LINK.findall(response.content.decode())))


def refs(*complaints) -> list[str]:
    return [complaint.reference for complaint in complaints]


# --- order ----------------------------------------------------------------------------------


def test_both_queues_put_the_earliest_response_deadline_first(client, quality_manager, category_a):
    late = row(category_a, due_hours=30, received_hours=-5)
    second_of_tie = row(category_a, due_hours=10, received_hours=-1)
    first_of_tie = row(category_a, due_hours=10, received_hours=-2)
    earliest = row(category_a, due_hours=5, received_hours=-3)
    expected = refs(earliest, first_of_tie, second_of_tie, late)

    assert api_references(quality_manager) == expected
    assert console_references(client, quality_manager) == expected


def test_closed_complaints_come_after_the_open_ones(client, quality_manager, category_a):
    closed_long_ago = row(
        category_a,
        due_hours=-24 * 30,
        status=Status.CLOSED,
        closed_at=T,
        closure_reason=ClosureReason.RESOLVED,
    )
    open_later = row(category_a, due_hours=24)
    open_sooner = row(category_a, due_hours=2)

    expected = refs(open_sooner, open_later, closed_long_ago)
    assert api_references(quality_manager) == expected
    assert console_references(client, quality_manager) == expected
    assert api_references(quality_manager, ordering="-due") == refs(
        open_later, open_sooner, closed_long_ago
    )


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("due", ["early", "middle", "late"]),
        ("-due", ["late", "middle", "early"]),
        ("received", ["late", "early", "middle"]),
        ("-received", ["middle", "early", "late"]),
    ],
)
def test_the_ordering_parameter_sorts_both_queues(
    client, quality_manager, category_a, ordering, expected
):
    made = {
        "early": row(category_a, due_hours=1, received_hours=-5),
        "middle": row(category_a, due_hours=2, received_hours=-1),
        "late": row(category_a, due_hours=3, received_hours=-9),
    }
    wanted = [made[name].reference for name in expected]

    assert api_references(quality_manager, ordering=ordering) == wanted
    assert console_references(client, quality_manager, ordering=ordering) == wanted


def test_an_unknown_ordering_or_filter_value_is_a_400_in_the_api(quality_manager, category_a):
    row(category_a)
    api = api_for(quality_manager)

    for params, field in [
        ({"ordering": "subject"}, "ordering"),
        ({"status": "lost"}, "status"),
        ({"received_from": "yesterday"}, "received_from"),
        ({"assignee": "somebody"}, "assignee"),
        ({"unit": "no-such-unit"}, "unit"),
    ]:
        response = api.get(API, params)
        assert response.status_code == 400, params
        assert field in response.json(), params


# --- filters --------------------------------------------------------------------------------


@pytest.fixture
def varied(quality_manager, category_a, category_b):
    """One complaint per filter, each differing from `plain` in that one respect."""
    return {
        "plain": row(category_a, due_hours=1),
        "investigating": row(category_a, due_hours=2, status=Status.INVESTIGATING),
        "unit_b": row(category_b, due_hours=3),
        "phone": row(category_a, due_hours=4, channel=Channel.PHONE),
        "breached": row(category_a, due_hours=5, sla_state=SlaState.BREACHED),
        "root_cause": row(
            category_a, due_hours=6, investigation_level=InvestigationLevel.ROOT_CAUSE
        ),
        "older": row(category_a, due_hours=7, received_hours=-24 * 10),
        "mine": row(category_a, due_hours=8, assignee=quality_manager),
    }


ALL = {"plain", "investigating", "unit_b", "phone", "breached", "root_cause", "older", "mine"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "investigating"}, {"investigating"}),
        ({"unit": "unit-b"}, {"unit_b"}),
        ({"channel": "phone"}, {"phone"}),
        ({"sla": "breached"}, {"breached"}),
        ({"level": "root_cause"}, {"root_cause"}),
        ({"category": "category-b"}, {"unit_b"}),
        ({"received_to": "2026-03-05"}, {"older"}),
        ({"received_from": "2026-03-10"}, ALL - {"older"}),
        ({"assignee": "me"}, {"mine"}),
        ({"assignee": "none"}, ALL - {"mine"}),
        ({"status": "received", "channel": "phone"}, {"phone"}),
    ],
)
def test_each_filter_means_the_same_in_the_console_and_the_api(
    client, quality_manager, varied, params, expected
):
    wanted = {varied[name].reference for name in expected}

    assert set(api_references(quality_manager, **params)) == wanted
    assert set(console_references(client, quality_manager, **params)) == wanted


def test_received_dates_are_whole_days_in_istanbul(client, quality_manager, category_a):
    # 00:30 in Istanbul on 10 March is still 9 March in UTC
    just_after_midnight = row(category_a, received_hours=-9.5)
    day_before = row(category_a, received_hours=-10.5)

    on_the_tenth = {"received_from": "2026-03-10", "received_to": "2026-03-10"}
    assert api_references(quality_manager, **on_the_tenth) == refs(just_after_midnight)
    assert console_references(client, quality_manager, **on_the_tenth) == refs(just_after_midnight)
    assert api_references(quality_manager, received_to="2026-03-09") == refs(day_before)


def test_a_handler_filtering_by_another_unit_gets_nothing(handler_a, category_a, category_b):
    row(category_a)
    row(category_b)

    assert api_references(handler_a, unit="unit-b") == []
    assert api_references(handler_a, category="category-b") == []


def test_the_console_filters_have_turkish_and_english_labels(client, quality_manager):
    client.force_login(quality_manager)
    html = client.get(QUEUE).content.decode()
    for label in ("Durum", "Süre durumu", "İnceleme düzeyi", "Alınma tarihi (başlangıç)"):
        assert label in html
    assert "Bana atananlar" in html

    profile = UserProfile.get_for_user(quality_manager)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(QUEUE).content.decode()
    for label in ("Deadline state", "Investigation level", "Received from", "Assigned to me"):
        assert label in html


# --- search ---------------------------------------------------------------------------------


@pytest.fixture
def searchable(category_a, category_b):
    return {
        "meter": row(
            category_a,
            subject="Sayaç okuması hatalı",
            description="Elektrik faturası yanlış hesaplanmış.",
            contact_name="Ayşe Yılmaz",
            contact_email="ayse@example.com",
        ),
        "certificate": row(
            category_a,
            subject="Sertifika yenileme",
            description="E-imza sertifikam yenilenmedi.",
            contact_name="Mehmet Demir",
            contact_email="mehmet@example.org",
        ),
        "other_unit": row(
            category_b,
            subject="Sayaç değişimi",
            description="Faturası gelmedi.",
            contact_name="Ayşe Kaya",
            contact_email="kaya@example.net",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sayaç", {"meter", "other_unit"}),  # subject
        ("yenilen", {"certificate"}),  # the start of a word in the description
        ("mehmet", {"certificate"}),  # contact name
        ("ayse@example.com", {"meter"}),  # contact e-mail
        ("ayşe sayaç", {"meter", "other_unit"}),  # every word must match
        ("ayşe sertifika", set()),
        ("dolandırıcılık", set()),
    ],
)
def test_search_finds_words_in_reference_subject_description_and_contact(
    client, quality_manager, searchable, query, expected
):
    wanted = {searchable[name].reference for name in expected}

    assert set(api_references(quality_manager, q=query)) == wanted
    assert set(console_references(client, quality_manager, q=query)) == wanted


def test_a_whole_reference_finds_exactly_that_complaint(client, quality_manager, searchable):
    target = searchable["certificate"]

    for query in (target.reference, target.reference.lower(), f"  {target.reference} "):
        assert api_references(quality_manager, q=query) == [target.reference]
        assert console_references(client, quality_manager, q=query) == [target.reference]


def test_search_with_filters_and_order(quality_manager, searchable):
    assert api_references(quality_manager, q="sayaç", unit="unit-a") == refs(searchable["meter"])
    assert api_references(quality_manager, q="sayaç", ordering="-due") == refs(
        searchable["other_unit"], searchable["meter"]
    )


def test_a_handler_never_finds_another_units_complaint(client, handler_a, handler_b, searchable):
    other = searchable["other_unit"]

    assert api_references(handler_a, q="sayaç") == refs(searchable["meter"])
    assert api_references(handler_a, q=other.reference) == []
    assert console_references(client, handler_a, q="sayaç") == refs(searchable["meter"])
    assert console_references(client, handler_a, q=other.reference) == []
    assert api_references(handler_b, q=other.reference) == [other.reference]
    assert console_references(client, handler_b, q="kaya") == [other.reference]


def test_roles_see_only_their_queue(
    client, unit_manager_a, quality_manager, content_editor, category_a, category_b
):
    a, b = row(category_a), row(category_b)

    assert api_references(unit_manager_a) == refs(a)
    assert console_references(client, unit_manager_a) == refs(a)
    assert set(api_references(quality_manager)) == {a.reference, b.reference}
    assert api_for(content_editor).get(API).status_code == 403
    client.force_login(content_editor)
    response = client.get(QUEUE)
    assert response.status_code in (302, 403)
    assert a.reference not in response.content.decode()


# --- the due-time column --------------------------------------------------------------------


def test_the_due_column_shows_istanbul_time_and_says_at_risk_or_breached(
    client, quality_manager, category_a
):
    row(category_a, due_hours=5)  # 15:00 in Istanbul, 12:00 UTC
    row(category_a, due_hours=6, sla_state=SlaState.AT_RISK)
    row(category_a, due_hours=7, sla_state=SlaState.BREACHED)
    client.force_login(quality_manager)

    html = client.get(QUEUE).content.decode()

    assert "Yanıt son zamanı" in html
    assert 'datetime="2026-03-10T15:00:00+03:00">10 Mar 2026 15:00</time>' in html
    assert "Risk altında" in html
    assert "Süre aşıldı" in html

    profile = UserProfile.get_for_user(quality_manager)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(QUEUE).content.decode()
    assert "Response due" in html
    assert "At risk" in html
    assert "Breached" in html


# --- bulk assign ----------------------------------------------------------------------------


def as_stored(complaint) -> tuple:
    fresh = reload(complaint)
    return fresh.status, fresh.unit_id, fresh.assignee_id, fresh.events.count()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_queue_offers_checkboxes_and_the_bulk_assign_form(client, quality_manager, category_a):
    complaint = row(category_a)
    client.force_login(quality_manager)

    html = client.get(QUEUE).content.decode()

    assert f'name="complaints" value="{complaint.pk}" form="bulk-assign"' in html
    assert '<form id="bulk-assign" method="post" action="/admin/complaints/bulk-assign/"' in html
    assert "Seçilenleri ata" in html


def test_a_quality_manager_assigns_several_complaints_in_one_step(
    client, customer, quality_manager, category_b, unit_a, handler_a
):
    first = complaint_in(
        Status.ACKNOWLEDGED, customer=customer, staff=quality_manager, category=category_b
    )
    second = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=quality_manager, category=category_b
    )
    closed = complaint_in(
        Status.CLOSED, customer=customer, staff=quality_manager, category=category_b
    )
    client.force_login(quality_manager)

    response = client.post(
        BULK,
        {
            "complaints": [first.pk, second.pk, closed.pk],
            "unit": unit_a.slug,
            "assignee": handler_a.email,
            "next": "/admin/complaints/?status=investigating",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/admin/complaints/?status=investigating"
    assert messages_of(response) == [
        "2 şikâyet atandı.",
        f"{closed.reference}: Şikâyet kapatılmış.",
    ]
    assert reload(closed).unit.slug == "unit-b"
    for complaint in (first, second):
        complaint = reload(complaint)
        assert complaint.unit == unit_a
        assert complaint.assignee == handler_a
        assert complaint.status == Status.INVESTIGATING
        assert last_event(complaint).kind == EventKind.ASSIGNMENT


def test_bulk_assign_reports_each_refused_complaint_and_assigns_the_rest(
    client, customer, quality_manager, handler_a, category_a, category_b, unit_a
):
    def make(status, category=category_a):
        return complaint_in(status, customer=customer, staff=quality_manager, category=category)

    allowed = make(Status.ACKNOWLEDGED)  # any of the unit's staff starts the investigation
    reassignment = make(Status.INVESTIGATING)  # moving it on is a manager's
    closed = make(Status.CLOSED)
    other_unit = make(Status.ACKNOWLEDGED, category_b)
    client.force_login(handler_a)

    refused = (reassignment, closed, other_unit)
    before = [as_stored(complaint) for complaint in refused]

    response = client.post(
        BULK,
        {
            "complaints": [allowed.pk, reassignment.pk, closed.pk, other_unit.pk],
            "unit": unit_a.slug,
            "assignee": handler_a.email,
        },
        follow=True,
    )

    assert [as_stored(complaint) for complaint in refused] == before
    assert response.redirect_chain[-1][0] == QUEUE
    assert messages_of(response) == [
        "1 şikâyet atandı.",
        f"{reassignment.reference}: Şikâyeti yeniden atamayı yalnız birim yöneticisi ya da "
        "kalite yöneticisi yapabilir.",
        # a handler may only start an acknowledged one, whatever else its state
        f"{closed.reference}: Şikâyeti yeniden atamayı yalnız birim yöneticisi ya da "
        "kalite yöneticisi yapabilir.",
        f"{other_unit.pk}: Böyle bir şikâyet yok.",
    ]
    allowed = reload(allowed)
    assert (allowed.status, allowed.assignee) == (Status.INVESTIGATING, handler_a)


def test_a_unit_manager_reassigns_within_the_unit_in_bulk(
    client, customer, quality_manager, unit_manager_a, category_a, unit_a
):
    colleague = HandlerFactory(units=[unit_a])
    complaints = [
        complaint_in(
            Status.INVESTIGATING, customer=customer, staff=quality_manager, category=category_a
        )
        for _ in range(3)
    ]
    client.force_login(unit_manager_a)

    response = client.post(
        BULK,
        {
            "complaints": [c.pk for c in complaints],
            "unit": unit_a.slug,
            "assignee": colleague.email,
        },
        follow=True,
    )

    assert messages_of(response) == ["3 şikâyet atandı."]
    assert {reload(c).assignee for c in complaints} == {colleague}


def test_bulk_assign_refuses_bad_input_and_changes_nothing(
    client, customer, quality_manager, category_a, unit_a
):
    complaint = complaint_in(
        Status.ACKNOWLEDGED, customer=customer, staff=quality_manager, category=category_a
    )
    client.force_login(quality_manager)

    with nothing_changes(complaint):
        nothing_chosen = client.post(BULK, {"unit": unit_a.slug}, follow=True)
        no_unit = client.post(BULK, {"complaints": [complaint.pk]}, follow=True)

    assert messages_of(nothing_chosen) == ["Atamak için en az bir şikâyet seçin."]
    assert messages_of(no_unit) == ["Birim: Bu alan zorunludur."]


def test_bulk_assign_goes_back_only_to_the_queue(
    client, customer, quality_manager, category_a, unit_a
):
    complaint = complaint_in(
        Status.ACKNOWLEDGED, customer=customer, staff=quality_manager, category=category_a
    )
    client.force_login(quality_manager)

    response = client.post(
        BULK,
        {"complaints": [complaint.pk], "unit": unit_a.slug, "next": "https://evil.example/"},
    )

    assert response["Location"] == QUEUE
    assert reload(complaint).status == Status.INVESTIGATING


def test_a_content_editor_cannot_bulk_assign(
    client, customer, quality_manager, content_editor, category_a, unit_a
):
    complaint = complaint_in(
        Status.ACKNOWLEDGED, customer=customer, staff=quality_manager, category=category_a
    )
    client.force_login(content_editor)

    with nothing_changes(complaint):
        response = client.post(BULK, {"complaints": [complaint.pk], "unit": unit_a.slug})

    assert response.status_code == 302  # Wagtail sends a refused admin user to /admin/
    assert response["Location"] == "/admin/"


def test_bulk_assign_answers_only_post(client, quality_manager):
    client.force_login(quality_manager)
    assert client.get(BULK).status_code == 405


# --- speed: counts and query counts ----------------------------------------------------------


def test_a_long_queue_counts_only_up_to_the_cap(client, monkeypatch, quality_manager, category_a):
    monkeypatch.setattr(CappedCountMixin, "count_cap", 3)
    for hours in range(5):
        row(category_a, due_hours=hours)

    page = api_for(quality_manager).get(API, {"page_size": 2}).json()
    assert (page["count"], page["count_capped"], len(page["results"])) == (3, True, 2)
    client.force_login(quality_manager)
    assert "3 şikâyetten fazlası var" in client.get(QUEUE).content.decode()

    monkeypatch.setattr(CappedCountMixin, "count_cap", 10)
    page = api_for(quality_manager).get(API).json()
    assert (page["count"], page["count_capped"]) == (5, False)


def queries_for(request) -> int:
    request()  # warm caches (site, permissions, content types)
    with CaptureQueriesContext(connection) as captured:
        request()
    return len(captured)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "received", "unit": "unit-a", "assignee": "none"},
        {"q": "fatura", "received_from": "2026-03-01", "ordering": "-received"},
    ],
)
def test_both_queues_make_the_same_queries_for_1_and_50_rows(
    client, quality_manager, handler_a, category_a, params
):
    def measure(user, page_size=100):
        api = api_for(user)
        client.force_login(user)
        return (
            queries_for(lambda: api.get(API, {**params, "page_size": page_size})),
            queries_for(lambda: client.get(QUEUE, params)),
        )

    row(category_a, subject="Fatura hatası")
    one = {user: measure(user) for user in (quality_manager, handler_a)}
    for hours in range(49):
        row(category_a, due_hours=hours, subject="Fatura hatası")
    fifty = {user: measure(user) for user in (quality_manager, handler_a)}

    assert len(api_references(quality_manager, **params, page_size=50)) == 50
    assert one == fifty
    # a full API page also counts the queue (for `count` and `next`): one query more
    full = {user: measure(user, page_size=50) for user in (quality_manager, handler_a)}
    assert full == {user: (api + 1, console) for user, (api, console) in one.items()}


def test_the_schema_documents_the_queue_parameters(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/staff/complaints/"]["get"]["parameters"]
    }

    for name in (
        "status",
        "unit",
        "channel",
        "sla",
        "level",
        "category",
        "received_from",
        "received_to",
        "assignee",
        "q",
        "ordering",
        "page_size",
    ):
        assert parameters[name]["description"], name
    assert set(parameters["ordering"]["schema"]["enum"]) == {"due", "-due", "received", "-received"}
    assert parameters["received_from"]["schema"]["format"] == "date"


def test_the_api_queue_knows_each_root_cause_complaints_corrective_action_in_fixed_queries(
    quality_manager, category_a
):
    """R6/R9: `mark_implemented` is refused for a root-cause complaint with no corrective
    action and offered once one is linked, read for the whole page at once (no query per row)."""
    from workflow.models import CorrectiveAction

    def root_cause_rows(count):
        return [
            row(
                category_a,
                due_hours=hours,
                status=Status.IMPLEMENTING,
                investigation_level=InvestigationLevel.ROOT_CAUSE,
            )
            for hours in range(count)
        ]

    def answer():
        response = api_for(quality_manager).get(API, {"page_size": 50})
        assert response.status_code == 200
        return {c["reference"]: c["available_actions"] for c in response.json()["results"]}

    linked, unlinked = root_cause_rows(2)
    action = CorrectiveAction.objects.create(
        kind=CorrectiveAction.Kind.CORRECTIVE, title="Sertifika zinciri düzeltildi"
    )
    action.complaints.add(linked)
    few = queries_for(answer)
    actions = answer()
    assert "mark_implemented" in actions[linked.reference]
    assert "mark_implemented" not in actions[unlinked.reference]

    for complaint in root_cause_rows(20)[::2]:
        action.complaints.add(complaint)
    assert queries_for(answer) == few
