"""The queue's cells are drawn in Python (staff/views/queue.py, `PythonCellMixin`): each column
draws what its template drew (Wagtail's own for Wagtail's columns), escaped, in the reader's
language and in Istanbul time."""

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test.html import parse_html
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timezone import localtime
from wagtail.admin.ui.tables import BaseColumn

from staff.views.queue import (
    DueColumn,
    LocalTimeColumn,
    QueueColumn,
    ReferenceColumn,
    SelectColumn,
    SubjectColumn,
    assignee_name,
)
from staff.wagtail_hooks import ComplaintViewSet
from tests.factories import DatedComplaintFactory, StaffFactory
from workflow.states import SlaState, Status

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")
WAGTAIL_DRAWN = [
    QueueColumn("status", label="Durum", accessor="get_status_display"),
    QueueColumn("unit", label="Birim"),
    QueueColumn("assignee", label="Sorumlu", accessor=assignee_name),
    QueueColumn("subject", label="Konu", classname="w-text-wrap"),
    LocalTimeColumn("received_at", label="Alınma"),
    ReferenceColumn(
        "reference",
        label="Başvuru no.",
        get_url=lambda complaint: reverse("staff_complaint", args=[complaint.reference]),
    ),
    ReferenceColumn("subject", label="Konu", classname="w-text-wrap"),  # no link
]


def parent_context():
    return {"row": SimpleNamespace(), "table": SimpleNamespace(), "request": None}


def drawn(column, complaint) -> str:
    return str(column.render_cell_html(complaint, parent_context()))


def same_html(first: str, second: str) -> bool:
    return parse_html(first) == parse_html(second)


@pytest.fixture
def complaints():
    handler = StaffFactory(first_name="Ayşe", last_name="<Yılmaz>")
    return [
        DatedComplaintFactory(
            subject='Fatura "yanlış" <b>&</b>',
            status=Status.INVESTIGATING,
            assignee=handler,
            received_at=datetime(2026, 3, 10, 23, 30, tzinfo=ZoneInfo("UTC")),
        ),
        DatedComplaintFactory(subject="Plain", status=Status.RECEIVED, assignee=None),
    ]


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("column", WAGTAIL_DRAWN, ids=lambda column: type(column).__name__)
def test_wagtails_columns_draw_what_wagtails_templates_draw(column, language, complaints):
    with translation.override(language), timezone.override(ISTANBUL):
        for complaint in complaints:
            ours = drawn(column, complaint)
            # Wagtail's own drawing: the column's template with the same context
            wagtails = BaseColumn.render_cell_html(column, complaint, parent_context())
            assert same_html(ours, wagtails), (ours, wagtails)
            assert "<b>" not in ours  # escaped


def test_the_queue_uses_them():
    kinds = {type(column) for column in ComplaintViewSet.list_display}
    assert kinds == {
        SelectColumn,
        ReferenceColumn,
        SubjectColumn,
        QueueColumn,
        DueColumn,
        LocalTimeColumn,
    }


def test_the_select_cell_ties_the_checkbox_to_the_bulk_form(complaints):
    complaint = complaints[0]
    with translation.override("en"):
        html = drawn(SelectColumn("select"), complaint)
    assert same_html(
        html,
        f'<td><input type="checkbox" name="complaints" value="{complaint.pk}" form="bulk-assign"'
        f' id="select-{complaint.pk}" aria-label="Select complaint {complaint.reference}"></td>',
    )


def test_the_subject_cell_is_marked_with_the_complaints_language(complaints):
    complaint = complaints[0]
    complaint.language = "en"
    html = drawn(SubjectColumn("subject", label="Konu"), complaint)
    assert same_html(html, '<td lang="en">Fatura &quot;yanlış&quot; &lt;b&gt;&amp;&lt;/b&gt;</td>')


# the template the due cell had before it was drawn in Python, as the reference
DUE_CELL_TEMPLATE = """{% load i18n wagtailadmin_tags %}
<td>
    <time datetime="{{ due|date:'c' }}">{{ due|date:"SHORT_DATETIME_FORMAT" }}</time>
    {% if sla_warning %}
        <br>{% status sla_warning classname=breached|yesno:"w-status--primary,w-status--label" %}
    {% endif %}
</td>"""


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("state", [SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED])
def test_the_due_cell_gives_the_deadline_in_istanbul_time_and_its_risk(complaints, state, language):
    complaint = complaints[0]
    complaint.response_due_at = datetime(2026, 3, 11, 13, 30, tzinfo=ZoneInfo("UTC"))
    complaint.sla_state = state
    with translation.override(language), timezone.override(ISTANBUL):
        html = drawn(DueColumn("due", label="Son"), complaint)
        before = Template(DUE_CELL_TEMPLATE).render(
            Context(
                {
                    "due": localtime(complaint.response_due_at),
                    "sla_warning": ""
                    if state == SlaState.ON_TRACK
                    else complaint.get_sla_state_display(),
                    "breached": state == SlaState.BREACHED,
                }
            )
        )
        label = str(complaint.get_sla_state_display())
    assert same_html(html, before), (html, before)
    assert 'datetime="2026-03-11T16:30:00+03:00"' in html  # Istanbul time
    assert "16:30" in html
    assert (label in html) == (state != SlaState.ON_TRACK)


def test_a_due_cell_without_a_deadline_is_empty(complaints):
    complaint = complaints[0]
    complaint.response_due_at = None
    assert same_html(drawn(DueColumn("due", label="Son"), complaint), "<td></td>")
