"""A blank form's fields are drawn once per process and kind (config/blank_forms.py), and the
page shows exactly what drawing them each time would."""

import pytest
from django.utils import translation

from config import blank_forms
from portal.forms import AttachmentForm, WithdrawConfirmForm
from portal.templatetags.portal_parts import macros
from tests.workflow.helpers import complaint_in
from workflow.actions.forms import (
    AcceptForm,
    AnswerForm,
    MessageForm,
    RejectForm,
    RouteApplicationForm,
    SurveyForm,
)
from workflow.states import ClosureReason, Status

CACHED = [AcceptForm, RejectForm, AnswerForm, MessageForm, WithdrawConfirmForm, AttachmentForm]


@pytest.fixture(autouse=True)
def nothing_kept():
    blank_forms.forget()
    yield
    blank_forms.forget()


def forms_macros():
    return macros("includes/forms.html")


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("form_class", [*CACHED, SurveyForm])
def test_a_blank_form_is_drawn_once_and_the_same_as_each_time(form_class, language):
    with translation.override(language):
        drawn = forms_macros().draw_fields(form_class(auto_id="x-%s"))
        first = forms_macros().fields(form_class(auto_id="x-%s"))
        again = forms_macros().fields(form_class(auto_id="x-%s"))
    assert str(first) == str(drawn) == str(again)
    assert ('id="x-' in str(first)) == (form_class is not AcceptForm)  # it has no fields
    # kept once, and the second form was not drawn: what is kept is what the first one drew
    assert len(blank_forms._drawn) == 1
    (kept,) = blank_forms._drawn.values()
    assert str(kept) == str(drawn)


def test_each_language_ids_and_label_get_their_own():
    with translation.override("tr"):
        turkish = str(forms_macros().fields(SurveyForm(auto_id="survey-%s")))
    with translation.override("en"):
        english = str(forms_macros().fields(SurveyForm(auto_id="survey-%s")))
        other_ids = str(forms_macros().fields(SurveyForm(auto_id="other-%s")))
        withdrawn = SurveyForm(auto_id="survey-%s", closure_reason=ClosureReason.WITHDRAWN)
        withdrawn_html = str(forms_macros().fields(withdrawn))
        withdrawn_drawn = str(forms_macros().draw_fields(withdrawn))
    assert "Çözümden ne kadar memnunsunuz" in turkish
    assert "How satisfied are you with the resolution" in english
    assert 'id="other-' in other_ids
    assert 'id="survey-' not in other_ids
    # the withdrawn complaint's first question is another label: its own key
    assert withdrawn_html == withdrawn_drawn
    assert "outcome of your complaint" in withdrawn_html
    assert withdrawn_html != english
    assert len(blank_forms._drawn) == 4


def test_bound_initial_and_not_opted_in_forms_are_drawn_each_time():
    bound = RejectForm({"reason": ""}, auto_id="reject-%s")
    assert not bound.is_valid()
    html = str(forms_macros().fields(bound))
    assert 'aria-invalid="true"' in html
    initial = MessageForm(auto_id="messages-%s", initial={"text": "Merhaba"})
    assert "Merhaba" in str(forms_macros().fields(initial))
    routes = RouteApplicationForm(auto_id="route-%s", routes=[])
    forms_macros().fields(routes)
    assert blank_forms.key_of(bound) is None
    assert blank_forms.key_of(initial) is None
    assert blank_forms.key_of(routes) is None
    assert blank_forms._drawn == {}


def test_the_complaint_page_shows_each_languages_survey(client, customer, staff, category):
    complaint = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    client.force_login(customer)
    url = f"/portal/complaints/{complaint.reference}/"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="resolution_score"' in english
    turkish = client.get(url, HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert "Çözümden ne kadar memnunsunuz" in turkish
    assert "Çözümden ne kadar memnunsunuz" not in english
    assert "How satisfied are you with the resolution" in english
